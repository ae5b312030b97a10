/**
 * `npm run bench`: prints speed and memory figures (never asserted by tests).
 * - webhook handling: what the trigger does before answering Meta (signature, parse, split, filter, dedupe),
 *   against Meta's guidance of a median answer under 250 ms (doc 64);
 * - the dedupe store's size at its bound (it lives in the workflow's static data);
 * - the action node sending a batch of items through n8n-core to the local sandbox.
 */
import { benchActionNode } from './send';
import { benchDedupeStore, benchWebhookHandling } from './trigger';

async function main(): Promise<void> {
	benchWebhookHandling();
	benchDedupeStore();
	await benchActionNode();
}

void main();
