import { Pacer, pacerFor } from '../../../nodes/WhatsAppCloud/send/pacer';

/** The most starts within any window of `windowMs`. */
function peak(starts: number[], windowMs = 1000): number {
	let most = 0;
	for (let first = 0, last = 0; last < starts.length; last++) {
		while (starts[last] - starts[first] >= windowMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

describe('Pacer (on a fake clock)', () => {
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	/** Starts `count` requests one after another, each answered at once (`throttled` decides which Meta throttles). */
	async function startMany(
		pacer: Pacer,
		count: number,
		throttled: (i: number) => boolean = () => false,
		advanceMs = 60_000,
	) {
		const starts: number[] = [];
		const done = (async () => {
			for (let i = 0; i < count; i++) {
				await pacer.acquire();
				starts.push(performance.now());
				pacer.release(throttled(i));
			}
		})();
		await jest.advanceTimersByTimeAsync(advanceMs);
		await done;
		return starts;
	}

	it('starts no more than the configured rate in any second, spread out evenly', async () => {
		const pacer = new Pacer();
		pacer.join(5);
		const starts = await startMany(pacer, 16);
		expect(peak(starts)).toBeLessThanOrEqual(5);
		const gaps = starts.slice(1).map((at, i) => at - starts[i]);
		// 1,025 ms / 5 apart, less the 20 ms a start may catch up.
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1025 / 5 - 20);
	});

	it('keeps at most one second of requests in flight, and at least 16', async () => {
		const pacer = new Pacer();
		pacer.join(20);
		let started = 0;
		for (let i = 0; i < 30; i++) void pacer.acquire().then(() => started++);
		await jest.advanceTimersByTimeAsync(10_000);
		expect(started).toBe(20);
		pacer.release();
		await jest.advanceTimersByTimeAsync(2000);
		expect(started).toBe(21);
	});

	it('drops by the share Meta throttled in a second, then climbs back by 5 % of the configured rate per second', async () => {
		const pacer = new Pacer();
		pacer.join(80);
		// Half of the first second's requests are throttled.
		await startMany(pacer, 60, (i) => i % 2 === 1, 900);
		await jest.advanceTimersByTimeAsync(200);
		expect(pacer.currentRate).toBeCloseTo(40, 0);
		await jest.advanceTimersByTimeAsync(3000);
		expect(pacer.currentRate).toBeCloseTo(52, 0);
		await jest.advanceTimersByTimeAsync(10_000);
		expect(pacer.currentRate).toBe(80);
	});

	it('is shared: runs on one number start at the lowest rate configured, and the others get theirs back when it leaves', async () => {
		const pacer = new Pacer();
		pacer.join(80);
		const leave = pacer.join(10);
		expect(pacer.currentRate).toBe(10);
		leave();
		expect(pacer.currentRate).toBe(80);
	});

	it('stops waiting when the execution is canceled', async () => {
		const pacer = new Pacer();
		pacer.join(1);
		await pacer.acquire();
		pacer.release();
		const canceled = new AbortController();
		const waiting = pacer.acquire(canceled.signal);
		canceled.abort();
		await expect(waiting).rejects.toBeDefined();
	});
});

describe('pacerFor', () => {
	it('gives one pacer per sender phone number and Graph base URL', () => {
		const graph = pacerFor('https://graph.facebook.com', '106540352242922');
		expect(pacerFor('https://graph.facebook.com', '106540352242922')).toBe(graph);
		expect(pacerFor('https://graph.facebook.com', '106540352242923')).not.toBe(graph);
		expect(pacerFor('http://127.0.0.1:8787', '106540352242922')).not.toBe(graph);
	});
});
