import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeExecutionData } from 'n8n-workflow';

import { forgetSeenEvents } from '../../nodes/WhatsAppCloudTrigger/seenEvents';
import { callTriggerWebhook, sandboxCredentials } from '../harness/n8n';
import { docFixture } from '../helpers';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { SIMULATED_IMAGE, simulatedWebhook, type SimulateKind } from '../sandbox/routes/simulator';

/**
 * The inbound simulator delivers over real HTTP to a server that hands each request, headers and raw body as
 * received, to the WhatsApp Cloud Trigger's webhook() through n8n-core, and answers with what the trigger answered.
 */
let sandbox: GraphSandbox;
let trigger: Server;
let triggerUrl: string;
let triggerOptions: Record<string, unknown> = {};
let emitted: Array<Promise<INodeExecutionData[] | undefined>> = [];

beforeAll(async () => {
	sandbox = await createSandbox().start();
	trigger = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const run = callTriggerWebhook({
				parameters: { verifyToken: 'simulator-token', options: triggerOptions },
				credentials: sandboxCredentials(sandbox.baseUrl),
				call: {
					webhookName: 'default',
					headers: req.headers as Record<string, string>,
					rawBody: Buffer.concat(chunks),
				},
				onAnswer: (answer) => res.writeHead(answer.status ?? 500).end(JSON.stringify(answer.responseBody ?? '')),
			});
			emitted.push(run.then((result) => result.items));
		});
	});
	await new Promise<void>((resolve) => trigger.listen(0, '127.0.0.1', resolve));
	triggerUrl = `http://127.0.0.1:${(trigger.address() as AddressInfo).port}/webhook/simulated`;
});

afterAll(async () => {
	await sandbox.stop();
	await new Promise((resolve) => trigger.close(resolve));
});

beforeEach(() => {
	sandbox.reset();
	forgetSeenEvents();
	triggerOptions = {};
	emitted = [];
});

const auth = { authorization: `Bearer ${SANDBOX_IDS.token}`, 'content-type': 'application/json' };

async function simulate(kind: string, input: Record<string, unknown>) {
	const response = await fetch(`${sandbox.baseUrl}/_simulate/${kind}`, {
		method: 'POST',
		headers: auth,
		body: JSON.stringify({ url: triggerUrl, ...input }),
	});
	return {
		status: response.status,
		body: (await response.json()) as {
			delivered?: { status: number };
			payload?: unknown;
			error?: { error_data?: { details: string } };
		},
	};
}

/** What the trigger handed to the workflow for the one delivery made so far. */
async function items(): Promise<INodeExecutionData[]> {
	expect(emitted).toHaveLength(1);
	return (await emitted[0]) ?? [];
}

async function sendText(to: string): Promise<string> {
	const response = await fetch(`${sandbox.baseUrl}/v22.0/${SANDBOX_IDS.phoneNumberId}/messages`, {
		method: 'POST',
		headers: auth,
		body: JSON.stringify({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to,
			type: 'text',
			text: { body: 'Your order shipped' },
		}),
	});
	return ((await response.json()) as { messages: Array<{ id: string }> }).messages[0].id;
}

describe('inbound simulator → WhatsApp Cloud Trigger', () => {
	it('delivers a signed text message that the trigger turns into one message item', async () => {
		const { status, body } = await simulate('message', { from: '+44 7700 900123', name: 'Ada', text: 'hi' });
		expect(status).toBe(200);
		expect(body.delivered?.status).toBe(200);
		const [item] = await items();
		expect(item.json).toMatchObject({
			event: 'message',
			type: 'text',
			from: '447700900123',
			contact: { name: 'Ada', wa_id: '447700900123' },
			wabaId: SANDBOX_IDS.businessAccountId,
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			displayPhoneNumber: SANDBOX_IDS.displayPhoneNumber,
			isReply: false,
			message: { text: { body: 'hi' } },
		});
		expect(item.json.messageId).toMatch(/^wamid\./);
	});

	it('reports a status of the message the sandbox really sent, to its recipient', async () => {
		const sentId = await sendText('16505550100');
		await simulate('status', { status: 'read' });
		const [item] = await items();
		expect(item.json).toMatchObject({ event: 'status', type: 'read', messageId: sentId, recipientId: '16505550100' });
	});

	it('reports a failed status with the error Meta gives outside the 24-hour window', async () => {
		await sendText('16505550100');
		await simulate('status', { status: 'failed' });
		const [item] = await items();
		expect(item.json).toMatchObject({
			event: 'status',
			type: 'failed',
			errors: [{ code: 131047, title: 'Re-engagement message' }],
		});
	});

	it('delivers a reply-button answer as a reply to the given message', async () => {
		await simulate('button_reply', { id: 'confirm', title: 'Confirm', replyTo: 'wamid.QUESTION' });
		const [item] = await items();
		expect(item.json).toMatchObject({
			type: 'interactive',
			interactiveType: 'button_reply',
			isReply: true,
			replyToMessageId: 'wamid.QUESTION',
			message: { interactive: { button_reply: { id: 'confirm', title: 'Confirm' } } },
		});
	});

	it('answers a template quick-reply button to the latest message the sandbox sent', async () => {
		const sentId = await sendText('16505551234');
		await simulate('button', { text: 'Stop', id: 'STOP' });
		const [item] = await items();
		expect(item.json).toMatchObject({
			type: 'button',
			replyToMessageId: sentId,
			message: { button: { text: 'Stop', payload: 'STOP' } },
		});
	});

	it('delivers a list answer', async () => {
		await simulate('list_reply', { id: 'row-2', title: 'Tomorrow', description: '9:00 to 12:00' });
		const [item] = await items();
		expect(item.json).toMatchObject({
			interactiveType: 'list_reply',
			message: { interactive: { list_reply: { id: 'row-2', title: 'Tomorrow', description: '9:00 to 12:00' } } },
		});
	});

	it('delivers an image that the trigger can download from the sandbox', async () => {
		triggerOptions = { downloadMedia: true };
		await simulate('image', { text: 'My receipt' });
		const [item] = await items();
		expect(item.json).toMatchObject({
			type: 'image',
			message: { image: { caption: 'My receipt', mime_type: 'image/png' } },
		});
		expect(item.json.mediaError).toBeUndefined();
		expect(item.binary?.data?.mimeType).toBe('image/png');
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(SIMULATED_IMAGE);
	});

	it('signs with the given App Secret, so a trigger with another secret refuses the delivery', async () => {
		const { status, body } = await simulate('message', { appSecret: 'not-the-credential-secret' });
		expect(status).toBe(200);
		expect(body.delivered?.status).toBe(401);
		expect(await items()).toEqual([]);
	});

	it('refuses what it cannot simulate with the reason', async () => {
		expect((await simulate('video', {})).body.error?.error_data?.details).toMatch(/Unknown kind "video"/);
		expect((await simulate('message', { url: 'localhost:5678' })).body.error?.error_data?.details).toMatch(
			/url must be/,
		);
		expect((await simulate('status', {})).body.error?.error_data?.details).toMatch(
			/No message has been sent through the sandbox yet/,
		);
		expect((await simulate('message', { phoneNumberId: '999' })).status).toBe(400);
		expect(emitted).toHaveLength(0);
	});

	it('needs the sandbox access token, like every sandbox route', async () => {
		const response = await fetch(`${sandbox.baseUrl}/_simulate/message`, {
			method: 'POST',
			body: JSON.stringify({ url: triggerUrl }),
		});
		expect(response.status).toBe(401);
	});

	it('says how the trigger could not be reached', async () => {
		const { status, body } = await simulate('message', { url: 'http://127.0.0.1:9/webhook/nothing' });
		expect(status).toBe(502);
		expect(body.error?.error_data?.details).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9\/webhook\/nothing/);
	});
});

/** Keys and nesting of a webhook body, values left out: what "shaped like the documented example" means here. */
function shape(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(shape);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value)
				.map(([key, inner]) => [key, shape(inner)])
				.sort(([a], [b]) => String(a).localeCompare(String(b))),
		);
	}
	return '·';
}

describe('simulated webhooks have the shape of the documented examples (doc 61)', () => {
	const documented = (name: string) => shape((docFixture('webhooks', name) as unknown as { payload: unknown }).payload);

	it.each<[SimulateKind, Record<string, unknown>, string]>([
		['message', {}, '61-text-messages'],
		['image', { text: 'caption' }, '61-media-messages-image'],
		['reaction', { replyTo: 'wamid.X' }, '61-reaction-messages'],
		['button_reply', {}, '61-reply-button'],
		['list_reply', {}, '61-list-reply'],
		['button', { replyTo: 'wamid.X' }, '61-quick-reply-button'],
		['status', { messageId: 'wamid.X', status: 'sent' }, '61-status-sent'],
		['status', { messageId: 'wamid.X', status: 'delivered' }, '61-status-delivered'],
		['status', { messageId: 'wamid.X', status: 'read' }, '61-status-read'],
		['status', { messageId: 'wamid.X', status: 'failed' }, '61-status-failed'],
	])('%s %j is shaped like %s', (kind, input, example) => {
		expect(shape(simulatedWebhook(sandbox, kind, { url: triggerUrl, ...input }))).toEqual(documented(example));
	});

	it('location is shaped like doc 61 plus the `type` every other inbound message carries', () => {
		const expected = documented('61-location-messages') as {
			entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }>;
		};
		expected.entry[0].changes[0].value.messages[0].type = '·';
		expect(shape(simulatedWebhook(sandbox, 'location', { url: triggerUrl }))).toEqual(shape(expected));
	});
});
