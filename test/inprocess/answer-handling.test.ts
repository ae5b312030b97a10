/**
 * Graph error handling does not depend on the order of the node's properties: this file runs the node with
 * its properties in reverse order (fields before their Operation, Resource last) and expects what users get
 * in the normal order. The other in-process tests run the normal order.
 */
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';

jest.mock('../../nodes/WhatsAppCloud/WhatsAppCloud.node', () => {
	const actual = jest.requireActual('../../nodes/WhatsAppCloud/WhatsAppCloud.node');
	class Reversed extends actual.WhatsAppCloud {
		constructor() {
			super();
			this.description = { ...this.description, properties: [...this.description.properties].reverse() };
		}
	}
	return { ...actual, WhatsAppCloud: Reversed };
});

describe('Graph answers with the node properties in reverse order', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('runs with the reversed description', async () => {
		const { WhatsAppCloud } = jest.requireMock('../../nodes/WhatsAppCloud/WhatsAppCloud.node');
		const properties = new WhatsAppCloud().description.properties as Array<{ name: string }>;
		expect(properties.at(-1)?.name).toBe('resource');
	});

	it('turns a Graph error into the NodeApiError with Meta code, details and hint', async () => {
		sandbox.injectError(200, {
			path: /whatsapp_commerce_settings$/,
			title: 'Permissions error',
			details: 'whatsapp_business_management is missing',
		});
		const { error, items } = await runAction({
			credentials,
			parameters: { resource: 'commerceSettings', operation: 'get' },
		});
		expect(items).toHaveLength(0);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('WhatsApp error 200: Permissions error');
		expect(error?.description).toContain('whatsapp_business_management is missing');
		// Meta's code is what n8n's editor shows as the error code; the HTTP status stays in the context.
		expect(error?.httpCode).toBe('200');
		expect(error?.context?.httpStatus).toBe(403);
	});

	it('checks the answer before a step that makes its own requests (Media > Download)', async () => {
		sandbox.injectError(100, { path: /^\/\d+$/, title: 'Invalid parameter', details: 'Unknown media ID' });
		const { error } = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'download', mediaObjectId: '1037543291543636' },
		});
		expect(error?.message).toBe('WhatsApp error 100: Invalid parameter');
		// The error answer is not taken for media information: no second look-up, no download.
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/1037543291543636']);
	});

	it('turns a Graph error on a Return All list into the NodeApiError', async () => {
		sandbox.injectError(4, { path: /message_templates$/, title: 'Application request limit reached', times: 1 });
		const { error } = await runAction({
			credentials,
			parameters: { resource: 'template', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toBe('WhatsApp error 4: Application request limit reached');
	});

	it('still lets Block read its documented partial failure (HTTP 400 + 139100) as per-user results', async () => {
		const { error, items } = await runAction({
			credentials,
			parameters: { resource: 'blockedUser', operation: 'block', users: '16505559999, 16505551234' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.input, item.json.status])).toEqual([
			['16505559999', 'failed'],
			['16505551234', 'blocked'],
		]);
	});

	it('outputs the records of a list, each paired with its input item', async () => {
		const { error, items } = await runAction({
			credentials,
			items: [{ json: {} }, { json: {} }],
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		const numbers = sandbox.state.phoneNumbers.size;
		expect(items).toHaveLength(2 * numbers);
		expect(items.map((item) => item.pairedItem)).toEqual([
			...Array.from({ length: numbers }, () => ({ item: 0 })),
			...Array.from({ length: numbers }, () => ({ item: 1 })),
		]);
		expect(items[0].json.id).toBe(SANDBOX_IDS.phoneNumberId);
	});
});
