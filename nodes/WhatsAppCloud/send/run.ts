import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../shared/graphApi';
import { InputError, nothingSentError, toItemError } from '../../shared/InputError';
import { messageTypeByOperation } from '../messages';
import { deliver, type DeliveryRun } from './deliver';
import { readSendSettings, type SendSettings } from './options';
import { SendOrder } from './order';
import { pacerFor, type Pacer } from './pacer';
import { ParameterReader } from './params';
import { planJob, runGraphGet, type PlanContext, type SendJob } from './plan';
import { outputItems, runFailure, type ItemResult, type NodeFailure } from './report';
import { uploadChecked, withMediaIds } from './uploads';

/** Files uploaded at the same time, at most. */
const PARALLEL_UPLOADS = 4;

interface SendRun extends DeliveryRun {
	jobs: Array<SendJob | undefined>;
	results: Array<ItemResult | undefined>;
	continueOnFail: boolean;
	/** The first failure that stops the run (Continue On Fail off). */
	failure?: { itemIndex: number; error: NodeFailure };
}

/**
 * With Continue On Fail off, a problem found before sending (an item's input, or its media upload) stops the run
 * with nothing sent. Bad input reads "Nothing was sent: item 7 has invalid input (…)"; other errors keep their text.
 */
function nothingSent(run: SendRun, itemIndex: number, error: unknown): NodeFailure {
	const itemError = toItemError(run.ctx.getNode(), error, itemIndex);
	if (run.jobs.length === 1) return itemError;
	if (error instanceof InputError || !(error instanceof NodeApiError || error instanceof NodeOperationError)) {
		const problem = error instanceof InputError ? error.message : itemError.message;
		return nothingSentError(run.ctx.getNode(), itemIndex, problem, {
			itemIndex,
			sends: 'message',
			detail: itemError.description,
		});
	}
	itemError.description = [`Nothing was sent: item ${itemIndex} could not be prepared.`, itemError.description]
		.filter(Boolean)
		.join('\n');
	return itemError;
}

function fail(run: SendRun, itemIndex: number, error: NodeFailure): void {
	run.results[itemIndex] = { state: 'refused', error };
	run.jobs[itemIndex] = undefined;
}

/** 1. Checks and builds every item; nothing is sent yet. */
async function planAll(run: SendRun, plan: PlanContext): Promise<void> {
	for (let itemIndex = 0; itemIndex < run.jobs.length; itemIndex++) {
		try {
			run.jobs[itemIndex] = await planJob(plan, itemIndex);
		} catch (error) {
			if (!run.continueOnFail) throw nothingSent(run, itemIndex, error);
			fail(run, itemIndex, toItemError(run.ctx.getNode(), error, itemIndex));
		}
	}
}

/** 2. Uploads the items' binary media (only once every item passed its checks) and puts the media IDs in the bodies. */
async function uploadAll(run: SendRun): Promise<void> {
	const pending = run.jobs.filter((job): job is SendJob => job !== undefined && job.uploads.length > 0);
	let next = 0;
	const worker = async () => {
		while (next < pending.length) {
			const job = pending[next++];
			const ids = new Map<string, string>();
			try {
				for (const upload of job.uploads)
					ids.set(upload.placeholder, await uploadChecked(run.ctx, job.itemIndex, job.phoneNumberId, upload));
			} catch (error) {
				if (!run.continueOnFail) {
					next = pending.length;
					throw nothingSent(run, job.itemIndex, error);
				}
				fail(run, job.itemIndex, toItemError(run.ctx.getNode(), error, job.itemIndex));
				continue;
			}
			job.body = withMediaIds(job.body, ids) as IDataObject;
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, pending.length) }, worker));
}

/** 3. Sends, paced per sender phone number, recipients' messages in input order; stops at a failure unless Continue On Fail. */
async function sendAll(run: SendRun, baseUrl: string): Promise<void> {
	const { jobs, results, signal } = run;
	const indices = jobs.flatMap((job, i) => (job ? [i] : []));
	const order = new SendOrder(indices, (i) =>
		jobs[i]?.recipient ? `${jobs[i]?.phoneNumberId}|${jobs[i]?.recipient}` : undefined,
	);
	const leave = new Map<Pacer, () => void>();
	const pacerOf = (job: SendJob) => {
		const pacer = pacerFor(baseUrl, job.phoneNumberId);
		if (!leave.has(pacer)) leave.set(pacer, pacer.join(run.settings.messagesPerSecond));
		return pacer;
	};
	const active = new Set<Promise<void>>();
	let wake: (() => void) | undefined;
	try {
		while (!run.stopped() && !signal?.aborted) {
			const index = order.next();
			if (index === undefined) {
				if (active.size === 0) break;
				await new Promise<void>((resolve) => (wake = resolve));
				continue;
			}
			const job = jobs[index] as SendJob;
			const pacer = pacerOf(job);
			try {
				await pacer.acquire(signal);
			} catch {
				break; // the execution was canceled
			}
			if (run.stopped()) {
				pacer.release();
				break;
			}
			const delivery: Promise<void> = deliver(run, job, pacer)
				.catch((error: Error): ItemResult => ({ state: 'maybe', error: toItemError(run.ctx.getNode(), error, index) }))
				.then((result) => {
					results[index] = result;
					if (!run.continueOnFail && !run.failure && (result.state === 'refused' || result.state === 'maybe')) {
						run.failure = { itemIndex: index, error: result.error };
					}
					order.finished(index);
				})
				.finally(() => {
					active.delete(delivery);
					wake?.();
					wake = undefined;
				});
			active.add(delivery);
		}
		await Promise.all(active);
	} finally {
		for (const end of leave.values()) end();
	}
}

function settingsOf(params: ParameterReader): SendSettings {
	try {
		return readSendSettings(params.get<IDataObject>('messageOptions', 0, {}));
	} catch {
		return readSendSettings({}); // item 0's own check reports the expression error
	}
}

/**
 * Every message operation (Send … and Mark as Read) as one n8n custom operation over all items: check and build
 * every item, upload binary media, send paced per sender phone number with per-item retries, and answer with one
 * item per input item, in input order.
 */
export async function sendMessages(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const operation = this.getNodeParameter('operation', 0) as string;
	const messageType = operation === 'markAsRead' ? undefined : messageTypeByOperation(operation);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const params = new ParameterReader(this, node.parameters);
	const itemCount = this.getInputData().length;
	const run: SendRun = {
		ctx: this,
		credentials,
		settings: settingsOf(params),
		signal: this.getExecutionCancelSignal?.(),
		accepted: messageType
			? (answer) => typeof (answer.messages as IDataObject[] | undefined)?.[0]?.id === 'string'
			: (answer) => answer.success === true,
		stopped: () => run.failure !== undefined,
		pairFailures: new Map(),
		jobs: new Array<SendJob | undefined>(itemCount),
		results: new Array<ItemResult | undefined>(itemCount),
		continueOnFail: this.continueOnFail(),
	};
	await planAll(run, { ctx: this, credentials, params, messageType, graphGet: runGraphGet(this, credentials) });
	await uploadAll(run);
	await sendAll(run, String(credentials.baseUrl ?? '').replace(/\/+$/, ''));
	if (run.failure) throw runFailure(run.failure.error, run.failure.itemIndex, run.results);
	const results = Array.from(run.results, (result): ItemResult => result ?? { state: 'skipped' });
	return [outputItems(results)];
}
