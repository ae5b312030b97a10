import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * n8n's RoutingNode starts every item's request as soon as that item's preSend hooks finish, so a bad
 * item 5 would fail only after items 0-4 were already sent. The gate makes sending all-or-nothing:
 * each item's hook validates, then waits at the gate until every item of the run has validated; if any
 * item fails validation, no item sends anything.
 * With "Continue On Fail" the user asked for per-item behaviour, so there is no gate.
 */
interface Gate {
	total: number;
	arrived: Set<number>;
	failure?: { itemIndex: number; message: string };
	waiters: Array<{ resolve: () => void; reject: (error: Error) => void; itemIndex: number }>;
	openedAt?: number;
}

const gates = new WeakMap<object, Gate>();

export class ItemGate {
	private constructor(
		private readonly ctx: IExecuteSingleFunctions,
		private readonly gate: Gate,
	) {}

	/** The gate shared by all items of this node run, or undefined when items go one by one. */
	static for(ctx: IExecuteSingleFunctions): ItemGate | undefined {
		if (ctx.continueOnFail()) return undefined;
		const executeData = ctx.getExecuteData();
		const total = executeData.data.main?.[0]?.length ?? 1;
		if (total <= 1) return undefined;
		let gate = gates.get(executeData);
		if (!gate) {
			gate = { total, arrived: new Set(), waiters: [] };
			gates.set(executeData, gate);
		}
		return new ItemGate(ctx, gate);
	}

	/** Records that this item's input is invalid: every waiting and later item is refused. */
	fail(itemIndex: number, message: string): void {
		const { gate } = this;
		if (gate.failure) return;
		gate.failure = { itemIndex, message };
		for (const waiter of gate.waiters.splice(0)) waiter.reject(this.refusal(waiter.itemIndex));
	}

	/** Resolves once every item has validated; then waits this item's batching slot, if batching is set. */
	async pass(itemIndex: number): Promise<void> {
		const { gate } = this;
		if (gate.failure) throw this.refusal(itemIndex);
		if (!gate.arrived.has(itemIndex)) {
			gate.arrived.add(itemIndex);
			if (gate.arrived.size === gate.total) {
				gate.openedAt = Date.now();
				for (const waiter of gate.waiters.splice(0)) waiter.resolve();
			}
		}
		if (gate.openedAt === undefined) {
			await new Promise<void>((resolve, reject) => gate.waiters.push({ resolve, reject, itemIndex }));
		}
		await this.waitForBatchSlot(itemIndex);
	}

	// The gate releases all items together, which would undo the "Request Options > Batching" spacing.
	private async waitForBatchSlot(itemIndex: number): Promise<void> {
		const options = this.ctx.getNodeParameter('requestOptions', {}) as IDataObject;
		const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
		const size = Number(batch.batchSize) > 0 ? Number(batch.batchSize) : 1;
		const interval = Number(batch.batchInterval) || 0;
		if (interval <= 0) return;
		const due = (this.gate.openedAt ?? Date.now()) + Math.floor(itemIndex / size) * interval;
		const wait = due - Date.now();
		if (wait > 0) await sleep(wait);
	}

	private refusal(itemIndex: number): NodeOperationError {
		const failure = this.gate.failure!;
		return new NodeOperationError(
			this.ctx.getNode(),
			`Nothing was sent: item ${failure.itemIndex} has invalid input (${failure.message})`,
			{
				itemIndex,
				description: 'All items are checked before any message is sent. Fix that item, or enable "Continue On Fail" to send the valid items anyway.',
			},
		);
	}
}
