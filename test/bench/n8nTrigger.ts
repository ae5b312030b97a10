/**
 * `npm run bench:n8n`: the trigger in a real n8n 2.41.1 process (one main process, SQLite, Node 24, this
 * package installed as a community package), under load from this process. Signed status-only deliveries
 * that the trigger filters out (Events: Message), so no execution starts: the figure is what answering
 * Meta costs. Concurrency 1, 8 and 32; the trigger at versions 2 and 1; n8n's default `vm` expression engine,
 * the same with lazily taken isolates, and the legacy engine; n8n's own Webhook node (an execution per
 * request) beside it. Prints figures, asserts nothing.
 */
import { Agent, request } from 'node:http';

import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import {
	copyInto,
	ensureN8n,
	freePort,
	n8nCli,
	prepareUserFolder,
	startN8n,
	waitForWebhook,
	type N8nOptions,
} from '../e2e/n8nInstance';
import { credentialExport, CREDENTIAL_ID } from '../e2e/workflows';
import { messagesDelivery, outboundStatus } from '../harness/deliveries';
import { SANDBOX_IDS } from '../sandbox';
import { percentile } from './stats';

/** Webhook IDs of the trigger at each of its versions (n8n treats version-1 webhook nodes differently). */
const TRIGGER_WEBHOOK_IDS: Record<1 | 2, string> = {
	1: '9e1d2c3b-4a5f-4e6d-8c7b-0a1b2c3d4e51',
	2: '9e1d2c3b-4a5f-4e6d-8c7b-0a1b2c3d4e52',
};
const WEBHOOK_NODE_PATH = 'bench-webhook-node';
const SECONDS_PER_LEVEL = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = [1, 8, 32];

function workflows() {
	const credentials = { whatsAppCloudApi: { id: CREDENTIAL_ID, name: 'WhatsApp Cloud (sandbox)' } };
	return [
		...([1, 2] as const).map((version) => ({
			id: `waBenchTriggerV${version}`,
			name: `Bench: WhatsApp Cloud Trigger v${version}, messages only`,
			active: false,
			settings: { executionOrder: 'v1' },
			connections: {},
			nodes: [
				{
					id: `4f0c3a2e-1b5d-4c7e-9a8f-00000000010${version}`,
					name: 'WhatsApp Cloud Trigger',
					type: 'n8n-nodes-whatsapp-cloud.whatsAppCloudTrigger',
					typeVersion: version,
					position: [0, 0],
					webhookId: TRIGGER_WEBHOOK_IDS[version],
					parameters: { verifyToken: 'bench-verify-token', options: { events: ['message'] } },
					credentials,
				},
			],
		})),
		{
			id: 'waBenchWebhook001',
			name: "Bench: n8n's Webhook node",
			active: false,
			settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none' },
			connections: {},
			nodes: [
				{
					id: '4f0c3a2e-1b5d-4c7e-9a8f-000000000201',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: '5a6b7c8d-9e0f-4a1b-8c2d-000000000201',
					parameters: { httpMethod: 'POST', path: WEBHOOK_NODE_PATH, responseMode: 'onReceived', options: {} },
				},
			],
		},
	];
}

let sequence = 0;

/** One status webhook as Meta sends it (about three per message sent), signed with the credential's App Secret. */
function statusDelivery(): { body: Buffer; signature: string } {
	sequence++;
	const status = outboundStatus(
		`wamid.BENCH${sequence}`,
		['sent', 'delivered', 'read'][sequence % 3],
		String(Math.floor(Date.now() / 1000)),
	);
	const body = Buffer.from(JSON.stringify(messagesDelivery({ statuses: [status] })));
	return { body, signature: signPayload(body, SANDBOX_IDS.appSecret) };
}

interface LoadResult {
	perSecond: number;
	p50: number;
	p99: number;
	failed: number;
}

/** POSTs for `seconds` with `concurrency` requests in flight (keep-alive connections), one after another per connection. */
async function load(url: string, concurrency: number, seconds: number): Promise<LoadResult> {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const target = new URL(url);
	const latencies: number[] = [];
	let failed = 0;
	const post = () =>
		new Promise<number>((resolve) => {
			const { body, signature } = statusDelivery();
			const req = request(
				{
					agent,
					host: target.hostname,
					port: target.port,
					path: target.pathname,
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'content-length': body.length,
						'x-hub-signature-256': signature,
					},
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				},
			);
			req.on('error', () => resolve(0));
			req.end(body);
		});
	const deadline = performance.now() + seconds * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (performance.now() < deadline) {
				const at = performance.now();
				const status = await post();
				latencies.push(performance.now() - at);
				if (status !== 200) failed++;
			}
		}),
	);
	const elapsed = (performance.now() - started) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		perSecond: latencies.length / elapsed,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		failed,
	};
}

/** Like waitForWebhook, for a webhook that only answers POST (a GET gets 404 even once it is registered). */
async function waitForPost(url: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (
		(await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then(
			(r) => r.status,
			() => 0,
		)) === 404
	) {
		if (Date.now() > deadline) throw new Error(`${url} was not registered within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

const describe = (r: LoadResult) =>
	`${Math.round(r.perSecond)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${r.failed ? `, ${r.failed} not 200` : ''}`;

interface Setting {
	label: string;
	env: Record<string, string>;
}

/** n8n's default expression engine, the same with isolates taken only when an expression runs, and the legacy engine. */
const SETTINGS: Setting[] = [
	{ label: 'vm engine (default)', env: { N8N_EXPRESSION_ENGINE: 'vm' } },
	{
		label: 'vm engine, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		env: { N8N_EXPRESSION_ENGINE: 'vm', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
	{ label: 'legacy engine', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
];

async function measureSetting(base: N8nOptions, setting: Setting): Promise<void> {
	const options: N8nOptions = { ...base, port: await freePort(), env: { ...base.env, ...setting.env } };
	const n8n = await startN8n(options);
	try {
		const webhookNodeUrl = `${n8n.url}/webhook/${WEBHOOK_NODE_PATH}`;
		for (const version of [2, 1] as const) {
			const triggerUrl = `${n8n.url}/webhook/${TRIGGER_WEBHOOK_IDS[version]}/webhook`;
			await waitForWebhook(triggerUrl);
			await load(triggerUrl, 4, 3); // warm-up
			const levels: string[] = [];
			for (const concurrency of CONCURRENCY)
				levels.push(`c=${concurrency}: ${describe(await load(triggerUrl, concurrency, SECONDS_PER_LEVEL))}`);
			console.log(`${setting.label}, trigger v${version}: ${levels.join(' | ')}`);
		}
		await waitForPost(webhookNodeUrl);
		await load(webhookNodeUrl, 4, 3);
		console.log(
			`${setting.label}, n8n Webhook node (an execution per request): c=8: ${describe(await load(webhookNodeUrl, 8, SECONDS_PER_LEVEL))}`,
		);
	} finally {
		await n8n.stop();
	}
}

async function main(): Promise<void> {
	const paths = ensureN8n();
	const userFolder = prepareUserFolder();
	const options: N8nOptions = {
		userFolder,
		port: await freePort(),
		paths,
		env: { N8N_LOG_LEVEL: 'warn', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
	};
	await n8nCli(options, [
		'import:credentials',
		`--input=${copyInto(userFolder, 'credentials.json', credentialExport('http://127.0.0.1:9'))}`,
	]);
	for (const workflow of workflows()) {
		await n8nCli(options, ['import:workflow', `--input=${copyInto(userFolder, `${workflow.id}.json`, workflow)}`]);
		await n8nCli(options, ['publish:workflow', `--id=${workflow.id}`]);
	}
	console.log(
		`\n== trigger in a real n8n 2.41.1 (main process, SQLite, Node 24; load from this process, same 2 cores), signed status deliveries filtered out (no execution), ${SECONDS_PER_LEVEL} s per level`,
	);
	for (const setting of SETTINGS) await measureSetting(options, setting);
	console.log(
		"n8n's built-in WhatsApp Trigger cannot be activated here (it subscribes at graph.facebook.com on activation).",
	);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error);
		process.exit(1);
	},
);
