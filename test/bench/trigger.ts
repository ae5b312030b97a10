/**
 * Bench section: the trigger at a busy number's volume, beside n8n's built-in WhatsApp Trigger, both through
 * n8n-core's WebhookContext in this process.
 */
import { join } from 'node:path';
import type { IDataObject, INodeType } from 'n8n-workflow';

import { forgetSeenEvents } from '../../nodes/WhatsAppCloudTrigger/seenEvents';
import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { inboundText, messagesDelivery, outboundStatus } from '../harness/deliveries';
import { performance } from './stats';
import { webhookRunner, type Delivery } from './webhookRunner';

const SECRET = 'bench-app-secret';

/** n8n's built-in WhatsApp Trigger from the n8n 2.41.1 install (.cache/n8n-2.41.1). */
function builtInTrigger(): INodeType {
	const path = join(
		__dirname,
		'../../../n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/WhatsApp/WhatsAppTrigger.node.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WhatsAppTrigger } = require(path) as { WhatsAppTrigger: new () => INodeType };
	return new WhatsAppTrigger();
}

const text = (id: string) => inboundText(id, '1725499886');

export function delivery(value: IDataObject): Buffer {
	return Buffer.from(JSON.stringify(messagesDelivery(value)));
}

let run = 0;
const bodies = {
	message: (i: number) => delivery({ messages: [text(`wamid.B${run}.${i}`)] }),
	status: (i: number) =>
		delivery({ statuses: [outboundStatus(`wamid.OUT${run}.${i}`, ['sent', 'delivered', 'read'][i % 3])] }),
	fifty: (i: number) => delivery({ messages: Array.from({ length: 50 }, (_, j) => text(`wamid.F${run}.${i}.${j}`)) }),
	fill: () => delivery({ messages: Array.from({ length: 10_000 }, (_, j) => text(`wamid.FILL${run}.${j}`)) }),
};

type Deliver = (rawBody: Buffer, headers: Record<string, string>, staticData?: IDataObject) => Promise<Delivery>;

/** Deliveries per second, one after the other (each awaited, as n8n answers them), after a warm-up. */
async function rate(
	deliver: Deliver,
	body: (i: number) => Buffer,
	count: number,
	staticData?: () => IDataObject,
): Promise<number> {
	const signed = Array.from({ length: count + 50 }, (_, i) => {
		const raw = body(i);
		return { raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(raw, SECRET) } };
	});
	for (const { raw, headers } of signed.slice(0, 50)) await deliver(raw, headers, staticData?.());
	const start = performance.now();
	for (const { raw, headers } of signed.slice(50)) {
		const answer = await deliver(raw, headers, staticData?.());
		if (answer.status !== 200) throw new Error(`delivery answered ${answer.status}`);
	}
	return count / ((performance.now() - start) / 1000);
}

const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;

export async function benchTriggerVolume(): Promise<void> {
	console.log(
		'\n== trigger: deliveries per second in one process, through n8n-core WebhookContext (ours | n8n built-in)',
	);
	const ours = (options: IDataObject) =>
		webhookRunner({
			type: new WhatsAppCloudTrigger(),
			typeName: 'n8n-nodes-whatsapp-cloud.whatsAppCloudTrigger',
			credentialType: 'whatsAppCloudApi',
			credentials: { appSecret: SECRET, accessToken: 'token', apiVersion: 'v22.0', baseUrl: 'http://127.0.0.1:9' },
			parameters: { verifyToken: 'bench', signatureCheck: 'required', options },
		});
	const builtIn = (options: IDataObject) =>
		webhookRunner({
			type: builtInTrigger(),
			typeName: 'n8n-nodes-base.whatsAppTrigger',
			credentialType: 'whatsAppTriggerApi',
			credentials: { clientId: 'bench', clientSecret: SECRET },
			parameters: { updates: ['messages'], options },
		});
	const row = (label: string, oursRate: number | string, builtInRate: number | string) =>
		console.log(
			`${label}: ${typeof oursRate === 'number' ? perSecond(oursRate) : oursRate} | ${typeof builtInRate === 'number' ? perSecond(builtInRate) : builtInRate}`,
		);

	// Warm-up: the first few thousand calls through n8n-core run while V8 is still compiling.
	run++;
	await rate(ours({}), bodies.message, 2000);
	await rate(builtIn({}), bodies.message, 2000);

	run++;
	forgetSeenEvents();
	const all = ours({});
	const emptyRate = await rate(all, bodies.message, 2000);
	const builtInSingle = await rate(builtIn({}), bodies.message, 2000);
	row('single-message deliveries, dedupe memory empty (no dedupe, no split in the built-in)', emptyRate, builtInSingle);

	run++;
	forgetSeenEvents();
	const fill = bodies.fill();
	await all(fill, { 'x-hub-signature-256': signPayload(fill, SECRET) });
	row('single-message deliveries, dedupe memory at its 10,000-key bound', await rate(all, bodies.message, 2000), '—');
	row(
		'deliveries of 50 messages, memory at its bound',
		await rate(all, bodies.fifty, 300),
		await rate(builtIn({}), bodies.fifty, 300),
	);
	row(
		'status deliveries filtered out (Events: Message | built-in: no status updates)',
		await rate(ours({ events: ['message'] }), bodies.status, 3000),
		await rate(builtIn({ messageStatusUpdates: [] }), bodies.status, 3000),
	);

	// n8n reads the workflow's static data from its database for every request, and writes it back when it changed.
	run++;
	forgetSeenEvents();
	let saved = '{}';
	const roundTrip: Deliver = async (raw, headers) => {
		const staticData = JSON.parse(saved) as IDataObject;
		const answer = await all(raw, headers, staticData);
		saved = JSON.stringify(staticData);
		return answer;
	};
	const fillAgain = bodies.fill();
	await roundTrip(fillAgain, { 'x-hub-signature-256': signPayload(fillAgain, SECRET) });
	const kept = Object.keys(
		((JSON.parse(saved) as IDataObject)['node:Trigger'] as IDataObject)?.seenEvents ?? {},
	).length;
	row(
		`single-message deliveries, static data loaded and saved per delivery as n8n does (${kept} keys, ${(saved.length / 1024).toFixed(0)} KB)`,
		await rate(roundTrip, bodies.message, 1000),
		'—',
	);
}
