/**
 * How much each fuzz target runs. `npm test` runs a bounded, seeded run (the same cases every time);
 * `npm run fuzz` sets FUZZ_RUNS (10,000 by default there) and a fresh seed, and prints its figures.
 * Replay a failure with FUZZ_SEED=<seed> (and FUZZ_RUNS) as printed by fast-check.
 */
import type { Parameters as FcParameters } from 'fast-check';

const LONG_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
export const LONG_RUN = LONG_RUNS > 0;
const SEED =
	process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG_RUN ? Date.now() % 2 ** 31 : 20_240_601;

// A bounded run takes seconds, but on a busy machine more than jest's default 5 s per test; a long run, minutes.
jest.setTimeout(LONG_RUN ? 3_600_000 : 120_000);

/** fast-check parameters for a target: `bounded` cases in `npm test`, FUZZ_RUNS in a long run. */
export function runs<T>(bounded: number): FcParameters<T> {
	return { numRuns: LONG_RUN ? LONG_RUNS : bounded, seed: SEED };
}

/** What a long run prints per target (a bounded run stays quiet). */
export function report(target: string, figures: Record<string, number | string>, startedAt: number): void {
	if (!LONG_RUN) return;
	const seconds = (Date.now() - startedAt) / 1000;
	const parts = Object.entries(figures).map(([k, v]) => `${k}=${v}`);
	process.stdout.write(`fuzz ${target}: seed=${SEED} ${parts.join(' ')} in ${seconds.toFixed(1)} s\n`);
}

/** Counts outcomes by label. */
export class Tally {
	readonly counts: Record<string, number> = {};

	add(label: string): void {
		this.counts[label] = (this.counts[label] ?? 0) + 1;
	}
}
