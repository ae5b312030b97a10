/**
 * Bench section: Send Text items through n8n-core against the sandbox, this node beside n8n's built-in WhatsApp node
 * (loaded from the project-local n8n install, pointed at the sandbox). Prints figures; asserts nothing.
 * - node CPU per item: the run's CPU minus what the same messages cost sent bare (the same two expressions read, n8n's
 *   authenticated request helper, the same sandbox on the same thread), and the peak RSS growth;
 * - against Meta's throughput limits (1,000 items at 80 msg/s; 10,000 at 1,000 msg/s with 50 ms latency): accepted rate,
 *   130429s, lost, duplicated;
 * - with faults (130429, transient 5xx, connections dropped after the body): accepted, lost, duplicated, "may have been sent";
 * - two n8n workers (two pacers that share nothing) sending from one number against one limit.
 * The throughput and fault figures use a sandbox on a thread of its own: Graph's work is not n8n's.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { registerNodeType, runAction, sandboxCredentials, type ActionRun } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS } from '../sandbox';
import { SandboxThread, type SandboxFigures, type ScenarioSetup } from './sandboxThread';
import { loadBuiltInWhatsApp, loadSecondCopyOfNode } from './sendNodes';
import { performance } from './stats';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PHONE = SANDBOX_IDS.phoneNumberId;
const MB = 1024 * 1024;

interface RunOptions {
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	messagesPerSecond?: number;
}

interface Contender {
	label: string;
	run(baseUrl: string, items: INodeExecutionData[], options?: RunOptions): Promise<ActionRun>;
}

let batch = 0;
/** Items with a recipient and a text of their own, so that the sandbox can tell every message apart. */
function textItems(count: number): INodeExecutionData[] {
	batch++;
	return Array.from({ length: count }, (_, i) => ({
		json: { to: `+1${String(6_500_000_000 + batch * 100_000 + i)}`, text: `bench ${batch} item ${i}` },
	}));
}

function nodeSettings(options: RunOptions) {
	return {
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.retryOnFail ? { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 } : {}),
	};
}

function ours(label = 'this node', nodeType?: string): Contender {
	return {
		label,
		run: async (baseUrl, items, options = {}) =>
			await runAction({
				credentials: sandboxCredentials(baseUrl),
				items,
				settings: nodeSettings(options),
				nodeType: nodeType ? { name: nodeType, version: 1, credentialType: 'whatsAppCloudApi' } : undefined,
				parameters: {
					resource: 'message',
					operation: 'sendText',
					recipient: '={{ $json.to }}',
					textBody: '={{ $json.text }}',
					...(options.messagesPerSecond ? { messageOptions: { messagesPerSecond: options.messagesPerSecond } } : {}),
				},
			}),
	};
}

function builtIn(): Contender {
	const { name, pointAt } = loadBuiltInWhatsApp();
	return {
		label: "n8n's WhatsApp node",
		run: async (baseUrl, items, options = {}) => {
			pointAt(baseUrl);
			return await runAction({
				credentials: { accessToken: SANDBOX_IDS.token, businessAccountId: SANDBOX_IDS.businessAccountId },
				items,
				settings: nodeSettings(options),
				nodeType: { name, version: 1.1, credentialType: 'whatsAppApi' },
				parameters: {
					resource: 'message',
					operation: 'send',
					messageType: 'text',
					phoneNumberId: PHONE,
					recipientPhoneNumber: '={{ $json.to }}',
					textBody: '={{ $json.text }}',
				},
			});
		},
	};
}

/**
 * The least a node with this node's fields pays per message: the same description (n8n's per-run cost grows with
 * it), the item's recipient and text read (the same expressions) and sent with n8n's authenticated request helper,
 * 50 at a time. What a node costs beyond this is its own overhead.
 */
const BARE_SENDER: INodeType = {
	description: {
		...new WhatsAppCloud().description,
		displayName: 'Bare Sender',
		name: 'bareSender',
		requestDefaults: undefined,
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		const credentials = await this.getCredentials('whatsAppCloudApi');
		const out: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const i = next++;
				const to = this.getNodeParameter('recipient', i) as string;
				const text = this.getNodeParameter('textBody', i) as string;
				const body = {
					messaging_product: 'whatsapp',
					recipient_type: 'individual',
					to,
					type: 'text',
					text: { body: text },
				};
				const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'whatsAppCloudApi', {
					method: 'POST',
					url: `${String(credentials.baseUrl)}/v22.0/${PHONE}/messages`,
					body,
					json: true,
				})) as IDataObject;
				out[i] = { json: answer, pairedItem: { item: i } };
			}
		};
		await Promise.all(Array.from({ length: 50 }, worker));
		return [out];
	},
};

function bare(): Contender {
	registerNodeType('bench.bareSender', BARE_SENDER);
	return {
		label: 'bare requests',
		run: async (baseUrl, items) =>
			await runAction({
				credentials: sandboxCredentials(baseUrl),
				items,
				nodeType: { name: 'bench.bareSender', version: 1, credentialType: 'whatsAppCloudApi' },
				parameters: {
					resource: 'message',
					operation: 'sendText',
					recipient: '={{ $json.to }}',
					textBody: '={{ $json.text }}',
				},
			}),
	};
}

interface Cost {
	cpuPerItemMs: number;
	rssGrowthMb: number;
	/** Heap still in use after the run and a full GC (the run's output is still alive then). */
	retainedMb: number;
	ok: boolean;
}

/** One measurement: runs of `count` items, repeated up to 100 items in all, so that a run of one item is measured too. */
async function measureOnce(
	contender: Contender,
	baseUrl: string,
	count: number,
	messagesPerSecond?: number,
): Promise<Cost> {
	const repeats = Math.max(1, Math.floor(100 / count));
	const inputs = Array.from({ length: repeats }, () => textItems(count));
	gc();
	const before = process.memoryUsage();
	let peak = before.rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	const cpuBefore = process.cpuUsage();
	let ok = true;
	for (const items of inputs) {
		const run = await contender.run(baseUrl, items, { messagesPerSecond });
		ok &&= !run.error && run.items.length === count;
	}
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	gc();
	const retainedMb = (process.memoryUsage().heapUsed - before.heapUsed) / MB;
	return {
		cpuPerItemMs: (cpu.user + cpu.system) / 1000 / (count * repeats),
		rssGrowthMb: (peak - before.rss) / MB,
		retainedMb,
		ok,
	};
}

/** The best of a few runs: this machine is shared, and other work only ever adds CPU time. */
async function measure(
	contender: Contender,
	baseUrl: string,
	count: number,
	messagesPerSecond?: number,
): Promise<Cost> {
	const runs: Cost[] = [];
	for (let i = 0; i < (count >= 10_000 ? 1 : 2); i++)
		runs.push(await measureOnce(contender, baseUrl, count, messagesPerSecond));
	const best = (pick: (cost: Cost) => number) => Math.min(...runs.map(pick));
	return {
		cpuPerItemMs: best((c) => c.cpuPerItemMs),
		rssGrowthMb: best((c) => c.rssGrowthMb),
		retainedMb: best((c) => c.retainedMb),
		ok: runs.every((c) => c.ok),
	};
}

/** Node CPU per item and RSS, with the sandbox on the same thread (its cost is in the bare figure and subtracted). */
async function benchCpu(contenders: Contender[], baseline: Contender): Promise<void> {
	const sandbox = await createSandbox().start();
	try {
		console.log(
			'\nSend Text, sandbox on the same thread, latency 0, no limit (this node at Messages Per Second 1,000); best of 2 measurements (1 for 10,000).',
		);
		console.log(
			'Overhead = CPU of the run - CPU of the same messages sent bare (same node fields, same expressions read, same HTTP helper, same sandbox).',
		);
		console.log('RSS+ = peak RSS growth during the run; kept = heap still in use after it (with its output):');
		console.log(
			`  ${'items'.padEnd(6)} | ${'bare: CPU/item, RSS+'.padEnd(22)} | ${contenders.map((c) => `${c.label}: CPU/item, overhead, RSS+, kept`.padEnd(48)).join(' | ')}`,
		);
		for (const count of [1, 100, 1000, 10_000]) {
			sandbox.reset();
			sandbox.recording = false;
			const base = await measure(baseline, sandbox.baseUrl, count);
			if (!base.ok) throw new Error('The bare requests failed: no baseline to compare with');
			const row = [
				`  ${String(count).padEnd(6)} | ${`${base.cpuPerItemMs.toFixed(3)} ms, +${base.rssGrowthMb.toFixed(0)} MB`.padEnd(22)}`,
			];
			for (const contender of contenders) {
				sandbox.reset();
				sandbox.recording = false;
				const cost = await measure(contender, sandbox.baseUrl, count, 1000);
				const overhead = cost.cpuPerItemMs - base.cpuPerItemMs;
				const figures = `${cost.cpuPerItemMs.toFixed(3)} ms, ${overhead >= 0 ? '+' : ''}${overhead.toFixed(3)} ms, +${cost.rssGrowthMb.toFixed(0)} MB, ${cost.retainedMb.toFixed(0)} MB`;
				row.push(`${figures}${cost.ok ? '' : ' (run failed)'}`.padEnd(48));
			}
			console.log(row.join(' | '));
		}
	} finally {
		await sandbox.stop();
	}
}

interface Outcome extends SandboxFigures {
	maybeReported: number;
	errorItems: number;
	runFailed: boolean;
	seconds: number;
}

async function scenario(
	sandbox: SandboxThread,
	setup: ScenarioSetup,
	runs: Array<{ contender: Contender; items: INodeExecutionData[]; options?: RunOptions }>,
): Promise<Outcome> {
	await sandbox.setup(setup);
	const start = performance.now();
	const results = await Promise.all(
		runs.map(async ({ contender, items, options }) => await contender.run(sandbox.baseUrl, items, options)),
	);
	const seconds = (performance.now() - start) / 1000;
	const outputs = results.flatMap((run) => run.items);
	const figures = await sandbox.figures(runs.flatMap((r) => r.items.map((item) => String(item.json.to))));
	return {
		...figures,
		maybeReported: outputs.filter((item) => (item.json.details as IDataObject | undefined)?.maybeSent === true).length,
		errorItems: outputs.filter((item) => item.json.error !== undefined).length,
		runFailed: results.some((run) => run.error !== undefined),
		seconds,
	};
}

function printOutcome(label: string, result: Outcome, limit?: number): void {
	const share = limit ? `, ${((result.acceptedRate / limit) * 100).toFixed(0)} % of the limit` : '';
	// Lost: never accepted by the sandbox, and not reported "may have been sent" either.
	const lost = Math.max(0, result.neverAccepted - result.maybeReported);
	console.log(
		`  ${label.padEnd(40)} ${String(result.accepted).padStart(6)} accepted in ${result.seconds.toFixed(1)} s${share}; ` +
			`${result.throttled} x 130429, ${lost} lost, ${result.duplicates} duplicated, ${result.maybeReported} "may have been sent", ` +
			`${result.errorItems} error items${result.runFailed ? ', run failed' : ''}`,
	);
}

async function benchThroughput(
	sandbox: SandboxThread,
	node: Contender,
	builtInNode: Contender,
	bareRequests: Contender,
): Promise<void> {
	for (const [limit, latencyMs, count] of [
		[80, 0, 1000],
		[1000, 50, 10_000],
	]) {
		console.log(`\n${count} Send Text items, sandbox limit ${limit} msg/s per number, latency ${latencyMs} ms:`);
		const setup = { limit, latencyMs };
		// Default settings, except that an upgraded number is configured at its limit.
		const mine = limit === 80 ? {} : { messagesPerSecond: limit };
		printOutcome(
			`${node.label}${limit === 80 ? ' (defaults)' : ` (Messages Per Second ${limit})`}`,
			await scenario(sandbox, setup, [{ contender: node, items: textItems(count), options: mine }]),
			limit,
		);
		printOutcome(
			`${builtInNode.label} (defaults)`,
			await scenario(sandbox, setup, [{ contender: builtInNode, items: textItems(count) }]),
			limit,
		);
		if (limit === 1000) {
			// How fast n8n's own request helper sends from one thread of this machine at all: the ceiling for any node.
			printOutcome(
				`${bareRequests.label} (50 at a time, no pacing)`,
				await scenario(sandbox, setup, [{ contender: bareRequests, items: textItems(count) }]),
				limit,
			);
		}
		if (limit === 80) {
			printOutcome(
				`${builtInNode.label}, Retry On Fail (5 tries)`,
				await scenario(sandbox, setup, [
					{ contender: builtInNode, items: textItems(count), options: { retryOnFail: true } },
				]),
				limit,
			);
		}
	}
}

async function benchFaults(sandbox: SandboxThread, node: Contender, builtInNode: Contender): Promise<void> {
	const count = 2000;
	console.log(
		`\n${count} Send Text items, 10 % answered 130429, 1 % a transient 5xx (133004), 0.5 % connections dropped after the body (Continue On Fail on):`,
	);
	for (const contender of [node, builtInNode]) {
		const setup = { faults: { seed: 42, throttled: 0.1, transient: 0.01, droppedAfterBody: 0.005 } };
		const result = await scenario(sandbox, setup, [
			{ contender, items: textItems(count), options: { continueOnFail: true, messagesPerSecond: 1000 } },
		]);
		printOutcome(contender.label, result);
		console.log(
			`  ${''.padEnd(40)} ${result.droppedAfterBody} connections dropped after the body; ${result.maybeReported} items reported "may have been sent"`,
		);
	}
}

async function benchTwoWorkers(sandbox: SandboxThread, first: Contender, second: Contender): Promise<void> {
	const count = 800;
	console.log(
		`\nTwo n8n workers (two pacers sharing nothing) each sending ${count} items from one number, sandbox limit 80 msg/s, defaults:`,
	);
	const result = await scenario(sandbox, { limit: 80 }, [
		{ contender: first, items: textItems(count) },
		{ contender: second, items: textItems(count) },
	]);
	printOutcome('both workers together', result, 80);
}

export async function benchActionNode(): Promise<void> {
	const node = ours();
	const builtInNode = builtIn();
	const bareRequests = bare();
	await benchCpu([node, builtInNode], bareRequests);
	const sandbox = await SandboxThread.start();
	try {
		await benchThroughput(sandbox, node, builtInNode, bareRequests);
		await benchFaults(sandbox, node, builtInNode);
		await benchTwoWorkers(sandbox, ours('worker 1'), ours('worker 2', loadSecondCopyOfNode()));
	} finally {
		await sandbox.stop();
	}
}
