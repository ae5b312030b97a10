import type { IDataObject } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';

const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;

describe('Message > Send Raw', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const send = (rawMessageJson: string | IDataObject, extra: IDataObject = {}) =>
		runAction({
			credentials,
			parameters: { resource: 'message', operation: 'sendRaw', recipient: '+16505551234', rawMessageJson, ...extra },
		});

	it('sends the documented list message from its JSON, with the envelope from the form', async () => {
		const example = docFixture('messages', '10-list-two-sections');
		const { type, interactive } = example.body as { type: string; interactive: unknown };
		const { items, error } = await send(JSON.stringify({ type, interactive }));
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', MESSAGES_PATH);
		expect(request.body).toEqual(example.body);
		expect(request.status).toBe(200);
		expect(items[0].json.messageId).toMatch(/^wamid\./);
	});

	it('accepts an object built by an expression', async () => {
		const { error } = await send({ type: 'text', text: { body: 'from an expression' } });
		expect(error).toBeUndefined();
		expect((sandbox.requestsTo('POST', MESSAGES_PATH)[0].body as { text: unknown }).text).toEqual({
			body: 'from an expression',
		});
	});

	it.each([
		['invalid JSON', '{"type": "text",', 'Message JSON is not valid JSON'],
		[
			'an envelope field',
			JSON.stringify({ to: '+1555', type: 'text', text: { body: 'x' } }),
			'Message JSON must not contain to: use the Recipient field',
		],
		['an unknown type', JSON.stringify({ type: 'carousel', carousel: {} }), 'Message JSON > type must be one of'],
		[
			'a type without its object',
			JSON.stringify({ type: 'image' }),
			'Message JSON has "type": "image" but no "image" object',
		],
		[
			'extra properties',
			JSON.stringify({ type: 'text', text: { body: 'x' }, preview_url: true }),
			'properties the Cloud API would reject next to "text": preview_url',
		],
	])('refuses %s before sending', async (_name, json, message) => {
		const { error } = await send(json);
		expect(error?.message).toContain(message);
		expect(error?.message).toContain('[item 0]');
		expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(0);
	});

	it('lets the sandbox reject what the docs do not allow, as Graph would', async () => {
		const { error } = await send(JSON.stringify({ type: 'text', text: { body: 'x', unknown_field: 1 } }));
		expect(error?.message).toMatch(/WhatsApp error 100/);
	});
});
