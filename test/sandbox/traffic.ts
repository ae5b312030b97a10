/**
 * What the sandbox counts about message sends, for tests and the benchmark: every send it accepted (per phone number,
 * with the time it accepted it), the ones it accepted twice (the same body to the same recipient from the same number),
 * and the ones it throttled with 130429.
 */
export class Traffic {
	/** Accept times (ms) per phone number ID, in order. */
	private readonly acceptedAt = new Map<string, number[]>();

	private readonly seen = new Set<string>();

	private readonly recipients = new Set<string>();

	duplicates = 0;

	throttled = 0;

	/** Sends that arrived (before any limit or fault), per phone number ID. */
	received = 0;

	accept(phoneNumberId: string, body: unknown, at: number): void {
		const times = this.acceptedAt.get(phoneNumberId) ?? [];
		times.push(at);
		this.acceptedAt.set(phoneNumberId, times);
		// Only sends carry a recipient; mark-as-read repeats are harmless.
		const { to } = (body ?? {}) as { to?: unknown };
		if (to === undefined) return;
		this.recipients.add(String(to).replace(/\D/g, ''));
		const key = `${phoneNumberId}|${JSON.stringify(body)}`;
		if (this.seen.has(key)) this.duplicates++;
		else this.seen.add(key);
	}

	accepted(phoneNumberId?: string): number {
		if (phoneNumberId !== undefined) return this.acceptedAt.get(phoneNumberId)?.length ?? 0;
		let total = 0;
		for (const times of this.acceptedAt.values()) total += times.length;
		return total;
	}

	/** Whether any message to this recipient was accepted. */
	wasAcceptedFor(to: string): boolean {
		return this.recipients.has(to.replace(/\D/g, ''));
	}

	/** The most sends from one number the sandbox accepted within any window of `windowMs` (a sliding second by default). */
	peakPerWindow(phoneNumberId: string, windowMs = 1000): number {
		const times = this.acceptedAt.get(phoneNumberId) ?? [];
		let peak = 0;
		for (let first = 0, last = 0; last < times.length; last++) {
			while (times[last] - times[first] >= windowMs) first++;
			peak = Math.max(peak, last - first + 1);
		}
		return peak;
	}

	/** Accepted sends per second between the first and the last accepted send of one number. */
	acceptedRate(phoneNumberId: string): number {
		const times = this.acceptedAt.get(phoneNumberId) ?? [];
		if (times.length < 2) return times.length;
		return ((times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
	}

	reset(): void {
		this.acceptedAt.clear();
		this.seen.clear();
		this.recipients.clear();
		this.duplicates = 0;
		this.throttled = 0;
		this.received = 0;
	}
}
