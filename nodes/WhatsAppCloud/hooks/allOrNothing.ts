import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { InputError, nothingSentError, toItemError } from '../../shared/InputError';

/**
 * n8n's RoutingNode starts every item's request as soon as that item's preSend hooks finish, so a bad item 5 would
 * fail only after items 0-4 were sent. The gate makes a routed operation all-or-nothing: each item's hook checks its
 * input, then waits at the gate until every item of the run has been checked; if any item fails, no item sends.
 * With "Continue On Fail" the user asked for per-item behaviour, so there is no gate.
 * (The message operations do not use it: they check every item first in the send pipeline, `send/`.)
 */
interface Gate {
	total: number;
	arrived: Set<number>;
	failure?: { itemIndex: number; message: string };
	waiters: Array<{ resolve: () => void; reject: (error: Error) => void; itemIndex: number }>;
	openedAt?: number;
	/** Last time an item started its checks or reached the gate. */
	lastActivity: number;
	batchSize: number;
	batchInterval: number;
	/** Ends the watch for items that never come once the gate has opened or failed. */
	watch: AbortController;
}

/**
 * An item whose request fails before its hook runs (e.g. an expression error in a routed field) never reaches the
 * gate. After this long without any item starting or arriving (plus one batch interval), the gate gives up on it.
 */
const IDLE_MS = 30_000;

const gates = new WeakMap<object, Gate>();

function gateFor(ctx: IExecuteSingleFunctions): Gate | undefined {
	if (ctx.continueOnFail()) return undefined;
	const executeData = ctx.getExecuteData();
	const total = executeData.data.main?.[0]?.length ?? 1;
	if (total <= 1) return undefined;
	let gate = gates.get(executeData);
	if (!gate) {
		const options = ctx.getNodeParameter('requestOptions', {}) as IDataObject;
		const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
		gate = {
			total,
			arrived: new Set(),
			waiters: [],
			lastActivity: Date.now(),
			batchSize: Number(batch.batchSize) > 0 ? Number(batch.batchSize) : 1,
			batchInterval: Math.max(0, Number(batch.batchInterval) || 0),
			watch: new AbortController(),
		};
		gates.set(executeData, gate);
	}
	gate.lastActivity = Date.now();
	return gate;
}

function refusal(ctx: IExecuteSingleFunctions, gate: Gate, itemIndex: number): NodeApiError {
	const failure = gate.failure as NonNullable<Gate['failure']>;
	const error = nothingSentError(ctx.getNode(), failure.itemIndex, failure.message, { itemIndex, sends: 'request' });
	return asOwnError(ctx, error, itemIndex);
}

function fail(ctx: IExecuteSingleFunctions, gate: Gate, itemIndex: number, message: string): void {
	if (gate.failure || gate.openedAt !== undefined) return;
	gate.failure = { itemIndex, message };
	gate.watch.abort();
	for (const waiter of gate.waiters.splice(0)) waiter.reject(refusal(ctx, gate, waiter.itemIndex));
}

/** Fails the gate if items stop coming (their request failed before their checks), so no item waits for ever. */
async function watchForMissingItems(ctx: IExecuteSingleFunctions, gate: Gate): Promise<void> {
	const limit = IDLE_MS + gate.batchInterval;
	try {
		while (gate.openedAt === undefined && !gate.failure) {
			const idle = Date.now() - gate.lastActivity;
			if (idle >= limit) {
				const missing = Array.from({ length: gate.total }, (_, i) => i).find((i) => !gate.arrived.has(i)) ?? 0;
				fail(ctx, gate, missing, 'its request could not be prepared, so its checks never ran');
				return;
			}
			await sleep(limit - idle, gate.watch.signal);
		}
	} catch {
		// the gate opened or failed
	}
}

/** Resolves once every item has passed its checks; then waits this item's batching slot, if batching is set. */
async function pass(ctx: IExecuteSingleFunctions, gate: Gate, itemIndex: number): Promise<void> {
	if (gate.failure) throw refusal(ctx, gate, itemIndex);
	gate.lastActivity = Date.now();
	if (!gate.arrived.has(itemIndex)) {
		gate.arrived.add(itemIndex);
		if (gate.arrived.size === 1) void watchForMissingItems(ctx, gate);
		if (gate.arrived.size === gate.total) {
			gate.openedAt = Date.now();
			gate.watch.abort();
			for (const waiter of gate.waiters.splice(0)) waiter.resolve();
		}
	}
	if (gate.openedAt === undefined) {
		await new Promise<void>((resolve, reject) => gate.waiters.push({ resolve, reject, itemIndex }));
	}
	// The gate releases all items together, which would undo the "Request Options > Batching" spacing.
	if (gate.batchInterval <= 0) return;
	const due = (gate.openedAt ?? Date.now()) + Math.floor(itemIndex / gate.batchSize) * gate.batchInterval;
	const wait = due - Date.now();
	if (wait > 0) await sleep(wait);
}

export type RequestBuilder = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/**
 * The error a routed operation's input problem reaches the user as. RoutingNode turns every preSend error that is
 * not a NodeApiError into one with "Error code: none" and the message as a raw message, which reads as if Meta had
 * answered. So the problem leaves as a NodeApiError that carries nothing of an API answer (no code, no raw
 * messages): n8n's editor then shows only its message and description, like the node's own errors.
 */
function asOwnError(
	ctx: IExecuteSingleFunctions,
	error: NodeOperationError | NodeApiError,
	itemIndex: number,
): NodeApiError {
	if (error instanceof NodeApiError) return error;
	const presented = new NodeApiError(ctx.getNode(), {}, { message: error.message, itemIndex });
	presented.message = error.message;
	presented.description = error.description ?? null;
	presented.httpCode = null;
	presented.messages = [];
	return presented;
}

/** Turns an InputError into the error the user sees, naming the field and the item. */
export function inputErrorToNodeError(ctx: IExecuteSingleFunctions, error: unknown): Error {
	return asOwnError(ctx, toItemError(ctx.getNode(), error, ctx.getItemIndex()), ctx.getItemIndex());
}

/**
 * Wraps a preSend hook that checks and builds one item's request so that the run is all-or-nothing:
 * the request leaves only once every item of the run has been checked.
 */
export function allOrNothing(build: RequestBuilder) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const gate = gateFor(this);
		const itemIndex = this.getItemIndex();
		let built: IHttpRequestOptions;
		try {
			built = await build.call(this, requestOptions);
		} catch (error) {
			const nodeError = inputErrorToNodeError(this, error);
			if (gate) fail(this, gate, itemIndex, error instanceof InputError ? error.message : nodeError.message);
			throw nodeError instanceof NodeApiError || nodeError instanceof NodeOperationError ? nodeError : error;
		}
		if (gate) await pass(this, gate, itemIndex);
		return built;
	};
}
