import { sleep } from 'n8n-workflow';

// Times come from the monotonic clock: a wall clock set back (or frozen by a test) must not stall sending.

/** Meta counts messages per second; requests can arrive a little later than they left, so windows are a bit longer. */
const WINDOW_MS = 1000;
const MARGIN_MS = 25;
/**
 * Starts are spread evenly over the window (a burst of a second's worth would reach Meta spread out by the time it
 * takes to send, and overlap the next second). A start that is due but late may catch up this much.
 */
const CATCH_UP_MS = 20;
/** After a second without throttling, the rate climbs back by this share of the configured rate. */
const RECOVERY = 0.05;
/** A run that joins after this long without throttling starts at its own configured rate. */
const QUIET_MS = 60_000;
/** In flight at most: one second's worth of messages (enough for Graph's latency), at least 16, at most 200. */
const MIN_IN_FLIGHT = 16;
const MAX_IN_FLIGHT = 200;

/**
 * Paces the requests of one sender phone number for every execution of this process: requests start evenly spaced,
 * no more than `rate` in any window of a second, and a bounded number are in flight.
 * When Meta still throttles (another n8n process sends from the same number, or its limit is lower than configured),
 * the rate drops by the share of requests throttled in that second, and climbs back gradually.
 */
export class Pacer {
	/** Start times of recent requests, oldest first. */
	private starts: number[] = [];

	private inFlight = 0;

	private readonly slotWaiters: Array<() => void> = [];

	/** Callers take turns: each `acquire` waits for the previous one. */
	private turn: Promise<void> = Promise.resolve();

	/** The configured rate of each run using this number; the lowest applies. */
	private readonly ceilings: number[] = [];

	/** What Meta lets through, as far as throttling shows (the configured rate until Meta throttles). */
	private rate = 0;

	/** When the next start is due, if starts are evenly spaced. */
	private nextDue = 0;

	/** When a second with throttled requests last ended. */
	private throttledAt = -Infinity;

	/** Requests answered in the current second, and how many of them Meta throttled. */
	private window = { start: 0, answered: 0, throttled: 0 };

	/** A run starts sending at its configured rate; returns the function that ends its use. */
	join(messagesPerSecond: number): () => void {
		this.ceilings.push(messagesPerSecond);
		// Without recent throttling there is nothing to hold a new run below what it asks for.
		if (performance.now() - this.throttledAt > QUIET_MS) this.rate = Math.max(this.rate, messagesPerSecond);
		let joined = true;
		return () => {
			if (!joined) return;
			joined = false;
			this.ceilings.splice(this.ceilings.indexOf(messagesPerSecond), 1);
		};
	}

	get idle(): boolean {
		return this.ceilings.length === 0 && this.inFlight === 0;
	}

	/** The rate requests start at now, in messages per second: the lowest configured, or lower after throttling. */
	get currentRate(): number {
		this.adapt(performance.now());
		return this.effectiveRate();
	}

	/** Resolves when a request may start; it then counts as in flight until `release`. */
	async acquire(signal?: AbortSignal): Promise<void> {
		const mine = this.turn.then(async () => await this.take(signal));
		this.turn = mine.catch(() => undefined);
		await mine;
	}

	/** The request got its answer (`throttled`: Meta refused it for the rate: 130429, 4, 80007 or HTTP 429), or failed. */
	release(throttled = false): void {
		this.inFlight--;
		this.adapt(performance.now());
		this.window.answered++;
		if (throttled) this.window.throttled++;
		this.slotWaiters.shift()?.();
	}

	private ceiling(): number {
		return this.ceilings.length > 0 ? Math.min(...this.ceilings) : this.rate;
	}

	private effectiveRate(): number {
		return Math.max(1, Math.min(this.rate, this.ceiling()));
	}

	/** Once a second: down by the share throttled in the second that ended, else up by RECOVERY per second. */
	private adapt(now: number): void {
		const seconds = Math.floor((now - this.window.start) / WINDOW_MS);
		if (seconds < 1) return;
		const highest = this.ceilings.length > 0 ? Math.max(...this.ceilings) : this.rate;
		const { answered, throttled } = this.window;
		if (throttled > 0) {
			this.rate = this.effectiveRate() * Math.max(0.5, 1 - throttled / answered);
			this.throttledAt = now;
		} else {
			this.rate = Math.min(highest, this.rate + seconds * Math.max(1, highest * RECOVERY));
		}
		this.window = { start: now, answered: 0, throttled: 0 };
	}

	private async take(signal?: AbortSignal): Promise<void> {
		for (;;) {
			signal?.throwIfAborted();
			const maxInFlight = Math.min(MAX_IN_FLIGHT, Math.max(MIN_IN_FLIGHT, Math.ceil(this.ceiling())));
			if (this.inFlight >= maxInFlight) {
				await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
				continue;
			}
			const now = performance.now();
			this.adapt(now);
			const rate = this.effectiveRate();
			const limit = Math.floor(rate);
			const windowDue =
				this.starts.length >= limit ? this.starts[this.starts.length - limit] + WINDOW_MS + MARGIN_MS : now;
			const due = Math.max(windowDue, this.nextDue - CATCH_UP_MS);
			if (due > now) {
				await sleep(due - now, signal);
				continue;
			}
			this.nextDue = Math.max(this.nextDue, now) + (WINDOW_MS + MARGIN_MS) / rate;
			this.starts.push(now);
			if (this.starts.length > 2 * MAX_IN_FLIGHT + 2048) this.starts = this.starts.slice(-1024 - MAX_IN_FLIGHT);
			this.inFlight++;
			return;
		}
	}
}

const pacers = new Map<string, Pacer>();
const MAX_PACERS = 1000;

/** The pacer of one sender phone number (per Graph base URL, so a test server and Graph never share one). */
export function pacerFor(baseUrl: string, phoneNumberId: string): Pacer {
	const key = `${baseUrl}|${phoneNumberId}`;
	let pacer = pacers.get(key);
	if (!pacer) {
		if (pacers.size >= MAX_PACERS) {
			for (const [oldKey, old] of pacers) {
				if (!old.idle) continue;
				pacers.delete(oldKey);
				break;
			}
		}
		pacer = new Pacer();
		pacers.set(key, pacer);
	}
	return pacer;
}
