import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';

const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;

describe('WhatsApp Cloud action node through n8n-core', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('sends the documented text message with link preview and returns the wamid', async () => {
		const example = docFixture('messages', '66-text-with-link-preview');
		const { items, error } = await runAction({
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '+16505551234',
				textBody: "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/",
				previewUrl: true,
			},
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', MESSAGES_PATH);
		expect(request.version).toBe('v22.0');
		expect(request.headers.authorization).toBe(`Bearer ${SANDBOX_IDS.token}`);
		expect(request.body).toEqual(example.body);
		expect(items).toHaveLength(1);
		expect(items[0].json.messageId).toMatch(/^wamid\./);
		expect(items[0].json.waId).toBe('16505551234');
		expect(items[0].json.messages).toEqual([{ id: items[0].json.messageId }]);
	});

	it('adds reply context and callback data, and sends from the phone number chosen on the node', async () => {
		const { error } = await runAction({
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: { __rl: true, mode: 'id', value: SANDBOX_IDS.secondPhoneNumberId },
				recipient: '16505551234',
				textBody: 'Thanks!',
				messageOptions: { replyToMessageId: 'wamid.IN', bizOpaqueCallbackData: 'order-42' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', `/${SANDBOX_IDS.secondPhoneNumberId}/messages`);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '16505551234',
			type: 'text',
			text: { body: 'Thanks!' },
			context: { message_id: 'wamid.IN' },
			biz_opaque_callback_data: 'order-42',
		});
	});

	it('marks a message as read with the documented body', async () => {
		const example = docFixture('messages', '25-mark-as-read');
		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'message', operation: 'markAsRead', messageId: 'MESSAGE_ID' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('POST', MESSAGES_PATH)[0].body).toEqual(example.body);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('gives one output item per input item, paired to its input', async () => {
		const { items, error } = await runAction({
			credentials,
			items: [{ json: { to: '+16505550001', text: 'one' } }, { json: { to: '+16505550002', text: 'two' } }],
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '={{ $json.to }}',
				textBody: '={{ $json.text }}',
			},
		});
		expect(error).toBeUndefined();
		const bodies = sandbox
			.requestsTo('POST', MESSAGES_PATH)
			.map((r) => (r.body as { text: { body: string } }).text.body);
		expect(bodies.sort()).toEqual(['one', 'two']);
		expect(items.map((item) => [item.json.waId, item.pairedItem])).toEqual([
			['16505550001', { item: 0 }],
			['16505550002', { item: 1 }],
		]);
	});

	it('refuses a text over 4096 characters naming the field, limit, size and item, and sends nothing at all', async () => {
		const { error } = await runAction({
			credentials,
			items: [{ json: { text: 'fine' } }, { json: { text: 'x'.repeat(4100) } }, { json: { text: 'also fine' } }],
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '+16505551234',
				textBody: '={{ $json.text }}',
			},
		});
		expect(error?.message).toContain('item 1');
		expect(error?.message).toContain('Text is too long: 4100 characters, the limit is 4096');
		expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(0);
	});

	it('turns a Graph error into a NodeApiError with Meta code, details, fbtrace_id and a hint', async () => {
		sandbox.injectError(131047, {
			title: 'Re-engagement message',
			details:
				'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
		});
		const { error } = await runAction({
			credentials,
			parameters: { resource: 'message', operation: 'sendText', recipient: '+16505551234', textBody: 'hi' },
		});
		expect(error?.message).toContain('131047');
		expect(error?.description).toContain('more than 24 hours have passed');
		expect(error?.description).toMatch(/template/i);
		expect(error?.description).toMatch(/fbtrace_id/);
		// n8n's editor shows `httpCode` as the error's "Error code": Meta's code, with the HTTP status kept beside it.
		expect(error?.httpCode).toBe('131047');
		expect(error?.context?.httpStatus).toBe(400);
	});

	it('never shows the access token in an error', async () => {
		const { error } = await runAction({
			credentials: { ...credentials, accessToken: 'EAAJBwrongtoken123456789' },
			parameters: { resource: 'message', operation: 'sendText', recipient: '+16505551234', textBody: 'hi' },
		});
		expect(error?.message).toContain('190');
		expect(JSON.stringify(error)).not.toContain('EAAJBwrongtoken123456789');
	});

	it('reports an unreachable Graph API readably, without the token anywhere in the run', async () => {
		const { error, run } = await runAction({
			credentials: { ...credentials, baseUrl: 'http://127.0.0.1:9' },
			parameters: { resource: 'message', operation: 'sendText', recipient: '+16505551234', textBody: 'hi' },
		});
		expect(error?.message).toMatch(/refused the connection/);
		expect(JSON.stringify(run)).not.toContain(SANDBOX_IDS.token);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(SANDBOX_IDS.token);
	});

	it('reports throttling (130429) that outlasts the retries with a hint naming the pacing options', async () => {
		sandbox.setMessagesPerSecond(2);
		const { error } = await runAction({
			credentials,
			items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }],
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '+16505551234',
				textBody: 'hi',
				messageOptions: { retryAttempts: 0 },
			},
		});
		expect(error?.message).toContain('130429');
		expect(error?.description).toMatch(/Messages Per Second/);
		expect(error?.description).not.toMatch(/batch/i);
	});

	it('sends again what Meta throttled (130429), so every message is accepted once', async () => {
		sandbox.setMessagesPerSecond(2);
		const { items, error } = await runAction({
			credentials,
			items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }],
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '+16505551234',
				textBody: '={{ "hi " + $itemIndex }}',
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.messageId)).toEqual(Array(4).fill(expect.stringMatching(/^wamid\./)));
		const accepted = sandbox.requestsTo('POST', MESSAGES_PATH).filter((request) => request.status === 200);
		expect(accepted.map((request) => (request.body as { text: { body: string } }).text.body)).toEqual([
			'hi 0',
			'hi 1',
			'hi 2',
			'hi 3',
		]);
	});
});
