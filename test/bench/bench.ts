/**
 * `npm run bench`: prints speed and memory figures (never asserted by tests).
 * - the trigger at Meta's volumes, beside n8n's built-in WhatsApp Trigger, through n8n-core in this process
 *   (`npm run bench:n8n` measures it in a real n8n process);
 * - 100 MB media through both nodes (RSS growth);
 * - the action node sending a batch of items through n8n-core to the local sandbox.
 */
import { benchActionNode } from './send';
import { benchLargeMedia } from './largeMedia';
import { benchTriggerVolume } from './trigger';

async function main(): Promise<void> {
	await benchTriggerVolume();
	await benchLargeMedia();
	await benchActionNode();
}

void main();
