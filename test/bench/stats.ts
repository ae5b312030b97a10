import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function stats(label: string, samples: number[], unit = 'ms'): void {
	const sorted = [...samples].sort((a, b) => a - b);
	const fmt = (n: number) => n.toFixed(3);
	console.log(
		`${label}: n=${samples.length} median=${fmt(percentile(sorted, 50))}${unit} p99=${fmt(percentile(sorted, 99))}${unit} max=${fmt(sorted[sorted.length - 1])}${unit}`,
	);
}

export { performance };
