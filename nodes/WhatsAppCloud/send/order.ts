/**
 * The order messages leave in: input order, except that a message waits while an earlier message to the same
 * recipient is still on its way (in flight or waiting to be sent again), so every recipient gets their messages in
 * input order and a recipient under Meta's pair rate limit (131056) holds back only their own messages.
 */
export class SendOrder {
	private cursor = 0;

	private readonly busy = new Set<string>();

	/** Messages waiting for an earlier one to the same recipient, by recipient, in input order. */
	private readonly waiting = new Map<string, number[]>();

	/** Messages whose recipient became free, in input order of release. */
	private readonly ready: number[] = [];

	constructor(
		private readonly jobs: number[],
		private readonly recipientOf: (job: number) => string | undefined,
	) {}

	/** The next message that may start now, or undefined (none left, or all held back by their recipient). */
	next(): number | undefined {
		if (this.ready.length > 0) return this.ready.shift();
		while (this.cursor < this.jobs.length) {
			const job = this.jobs[this.cursor++];
			const recipient = this.recipientOf(job);
			if (recipient === undefined) return job;
			if (!this.busy.has(recipient)) {
				this.busy.add(recipient);
				return job;
			}
			const queue = this.waiting.get(recipient);
			if (queue) queue.push(job);
			else this.waiting.set(recipient, [job]);
		}
		return undefined;
	}

	/** A message ended (sent, refused or given up): the next one to its recipient may start. */
	finished(job: number): void {
		const recipient = this.recipientOf(job);
		if (recipient === undefined) return;
		const queue = this.waiting.get(recipient);
		const following = queue?.shift();
		if (following === undefined) {
			this.busy.delete(recipient);
			return;
		}
		if (queue?.length === 0) this.waiting.delete(recipient);
		this.ready.push(following);
	}
}
