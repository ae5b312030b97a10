/**
 * The sandbox on a thread of its own, for the send bench's throughput figures: Graph is another machine in real
 * life, so its work must not take CPU from the n8n thread being measured. Still one process. The bench talks to it
 * with a few commands; faults are chosen inside the thread from a fixed seed.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

import { createSandbox, SANDBOX_IDS } from '../sandbox';
import { graphError } from '../sandbox/graphError';
import type { GraphSandbox, RequestFault } from '../sandbox/server';

/** Shares of sends answered 130429, answered a transient 5xx (133004), and dropped after Graph handled them. */
export interface FaultMix {
	seed: number;
	throttled: number;
	transient: number;
	droppedAfterBody: number;
}

export interface ScenarioSetup {
	limit?: number;
	latencyMs?: number;
	faults?: FaultMix;
}

export interface SandboxFigures {
	/** Distinct messages accepted. */
	accepted: number;
	duplicates: number;
	throttled: number;
	/** Accepted per second from the first to the last accepted send. */
	acceptedRate: number;
	/** The most accepted in any second. */
	peakPerSecond: number;
	/** Of the recipients asked about, how many never got a message accepted. */
	neverAccepted: number;
	droppedAfterBody: number;
}

type Request = { kind: 'setup'; setup: ScenarioSetup } | { kind: 'figures'; recipients: string[] } | { kind: 'stop' };
type Command = Request & { id: number };

/** A fixed pseudo-random sequence, so that every run of the bench injects the same faults. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

function serve(sandbox: GraphSandbox): void {
	let dropped = 0;
	const port = parentPort as NonNullable<typeof parentPort>;
	port.on('message', (command: Command) => {
		const reply = (value: unknown) => port.postMessage({ id: command.id, value });
		if (command.kind === 'setup') {
			const { limit, latencyMs, faults } = command.setup;
			sandbox.reset();
			sandbox.recording = false;
			dropped = 0;
			if (limit) sandbox.setMessagesPerSecond(limit);
			if (latencyMs) sandbox.setLatency(latencyMs);
			if (faults) {
				const random = seeded(faults.seed);
				sandbox.setFaultHook(({ method, path }): RequestFault | undefined => {
					if (method !== 'POST' || path !== `/${SANDBOX_IDS.phoneNumberId}/messages`) return undefined;
					const r = random();
					if (r < faults.throttled)
						return { process: false, answer: { status: 400, body: graphError(130429, 'Rate limit hit', 'Injected') } };
					if (r < faults.throttled + faults.transient)
						return {
							process: false,
							answer: { status: 503, body: graphError(133004, 'Server Temporarily Unavailable', 'Injected') },
						};
					if (r < faults.throttled + faults.transient + faults.droppedAfterBody) {
						dropped++;
						return { process: true, drop: true };
					}
					return undefined;
				});
			}
			reply(undefined);
		} else if (command.kind === 'figures') {
			const { traffic } = sandbox;
			const phone = SANDBOX_IDS.phoneNumberId;
			const figures: SandboxFigures = {
				accepted: traffic.accepted(phone) - traffic.duplicates,
				duplicates: traffic.duplicates,
				throttled: traffic.throttled,
				acceptedRate: traffic.acceptedRate(phone),
				peakPerSecond: traffic.peakPerWindow(phone),
				neverAccepted: command.recipients.filter((to) => !traffic.wasAcceptedFor(to)).length,
				droppedAfterBody: dropped,
			};
			reply(figures);
		} else {
			void sandbox.stop().then(() => reply(undefined));
		}
	});
}

/** The bench's handle on the sandbox thread. */
export class SandboxThread {
	private nextId = 0;

	private readonly pending = new Map<number, (value: unknown) => void>();

	private constructor(
		private readonly worker: Worker,
		readonly baseUrl: string,
	) {
		worker.on('message', (message: { id: number; value: unknown }) => {
			this.pending.get(message.id)?.(message.value);
			this.pending.delete(message.id);
		});
	}

	static async start(): Promise<SandboxThread> {
		const worker = new Worker(__filename);
		const baseUrl = await new Promise<string>((resolve, reject) => {
			worker.once('message', (message: { baseUrl: string }) => resolve(message.baseUrl));
			worker.once('error', reject);
		});
		return new SandboxThread(worker, baseUrl);
	}

	private async ask<T>(command: Request): Promise<T> {
		const id = this.nextId++;
		const answer = new Promise<T>((resolve) => this.pending.set(id, resolve as (value: unknown) => void));
		this.worker.postMessage({ ...command, id });
		return await answer;
	}

	async setup(setup: ScenarioSetup): Promise<void> {
		await this.ask({ kind: 'setup', setup });
	}

	async figures(recipients: string[]): Promise<SandboxFigures> {
		return await this.ask<SandboxFigures>({ kind: 'figures', recipients });
	}

	async stop(): Promise<void> {
		await this.ask({ kind: 'stop' });
		await this.worker.terminate();
	}
}

if (!isMainThread) {
	void createSandbox()
		.start()
		.then((sandbox) => {
			serve(sandbox);
			parentPort?.postMessage({ baseUrl: sandbox.baseUrl });
		});
}
