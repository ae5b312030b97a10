/**
 * `npm run bench`: prints speed and memory figures (never asserted by tests).
 * - webhook handling: what the trigger does before answering Meta (signature, parse, split, filter, dedupe),
 *   against Meta's guidance of a median answer under 250 ms (doc 64);
 * - the dedupe store's size at its bound (it lives in the workflow's static data);
 * - the action node sending a batch of items through n8n-core to the local sandbox.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { filterNew } from '../../nodes/WhatsAppCloudTrigger/dedupe';
import { eventsFromWebhook } from '../../nodes/WhatsAppCloudTrigger/events';
import { createEventFilter } from '../../nodes/WhatsAppCloudTrigger/filters';
import { isValidSignature, signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS } from '../sandbox';

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(label: string, samples: number[], unit = 'ms'): void {
	const sorted = [...samples].sort((a, b) => a - b);
	const fmt = (n: number) => n.toFixed(3);
	console.log(`${label}: n=${samples.length} median=${fmt(percentile(sorted, 50))}${unit} p99=${fmt(percentile(sorted, 99))}${unit} max=${fmt(sorted[sorted.length - 1])}${unit}`);
}

function webhookBody(batch: number, offset: number): string {
	const messages = Array.from({ length: batch }, (_, i) => ({
		from: '16505551234',
		id: `wamid.BENCH${offset + i}`,
		timestamp: '1725499886',
		type: 'text',
		text: { body: `message ${offset + i}` },
	}));
	const statuses = Array.from({ length: batch }, (_, i) => ({
		id: `wamid.OUT${offset + i}`,
		recipient_id: '16505551234',
		status: 'delivered',
		timestamp: '1725499886',
		pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
	}));
	return JSON.stringify({
		object: 'whatsapp_business_account',
		entry: [
			{
				id: SANDBOX_IDS.businessAccountId,
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: SANDBOX_IDS.displayPhoneNumber, phone_number_id: SANDBOX_IDS.phoneNumberId },
							contacts: [{ profile: { name: 'Bench' }, wa_id: '16505551234' }],
							messages,
							statuses,
						},
					},
				],
			},
		],
	});
}

function benchWebhookHandling(): void {
	const secret = 'bench-app-secret';
	const filter = createEventFilter({ events: ['message'] });
	const store: IDataObject = {};
	const samples: number[] = [];
	for (let round = 0; round < 500; round++) {
		const raw = Buffer.from(webhookBody(25, round * 25));
		const header = signPayload(raw, secret);
		const start = performance.now();
		if (!isValidSignature(raw, header, secret)) throw new Error('signature');
		const events = eventsFromWebhook(JSON.parse(raw.toString('utf8'))).filter(filter);
		filterNew(store, events, { now: Date.now() });
		samples.push(performance.now() - start);
	}
	stats('webhook POST of 50 events (signature + parse + split + filter + dedupe)', samples);

	const big = Buffer.from(webhookBody(4000, 10_000_000));
	const bigHeader = signPayload(big, secret);
	const bigSamples: number[] = [];
	for (let i = 0; i < 20; i++) {
		const start = performance.now();
		isValidSignature(big, bigHeader, secret);
		eventsFromWebhook(JSON.parse(big.toString('utf8')));
		bigSamples.push(performance.now() - start);
	}
	stats(`webhook POST of ${(big.length / 1024 / 1024).toFixed(1)} MB (8000 events)`, bigSamples);
}

function benchDedupeStore(): void {
	const store: IDataObject = {};
	const events = eventsFromWebhook(JSON.parse(webhookBody(6000, 0)));
	const before = process.memoryUsage().heapUsed;
	filterNew(store, events, { now: Date.now() });
	const json = JSON.stringify(store);
	console.log(
		`dedupe store after ${events.length} events (bound 10000): ${Object.keys((store.seenEvents ?? {}) as object).length} keys, ` +
			`${(json.length / 1024).toFixed(0)} KB as static data, heap +${((process.memoryUsage().heapUsed - before) / 1024 / 1024).toFixed(1)} MB`,
	);
}

async function benchActionNode(): Promise<void> {
	const sandbox = await createSandbox().start();
	try {
		const credentials = sandboxCredentials(sandbox.baseUrl);
		const items = Array.from({ length: 200 }, (_, i) => ({ json: { to: `+1650555${String(1000 + i)}`, text: `hello ${i}` } }));
		const parameters = { resource: 'message', operation: 'sendText', recipient: '={{ $json.to }}', textBody: '={{ $json.text }}' };
		await runAction({ credentials, parameters, items: items.slice(0, 5) });
		const rssBefore = process.memoryUsage().rss;
		const start = performance.now();
		const { items: out, error } = await runAction({ credentials, parameters, items });
		const elapsed = performance.now() - start;
		if (error || out.length !== items.length) throw new Error(`action run failed: ${error?.message}`);
		console.log(
			`action node: ${items.length} Send Text items through n8n-core in ${elapsed.toFixed(0)} ms ` +
				`(${(elapsed / items.length).toFixed(2)} ms/item), RSS +${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(1)} MB`,
		);
	} finally {
		await sandbox.stop();
	}
}

async function main(): Promise<void> {
	benchWebhookHandling();
	benchDedupeStore();
	await benchActionNode();
}

void main();
