/** Bench section: the trigger's work per webhook delivery, and its dedupe memory. */
import type { IDataObject } from 'n8n-workflow';

import { filterNew } from '../../nodes/WhatsAppCloudTrigger/dedupe';
import { eventsFromWebhook } from '../../nodes/WhatsAppCloudTrigger/events';
import { createEventFilter } from '../../nodes/WhatsAppCloudTrigger/filters';
import { isValidSignature, signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { SANDBOX_IDS } from '../sandbox';
import { performance, stats } from './stats';

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

export function benchWebhookHandling(): void {
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

export function benchDedupeStore(): void {
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

