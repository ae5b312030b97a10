import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { commerceSettingsState } from '../sandbox/routes/commerceSettings';

const PATH = `/${SANDBOX_IDS.phoneNumberId}/whatsapp_commerce_settings`;

describe('Commerce Settings resource', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('gets the settings of the credential number as one item', async () => {
		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'commerceSettings', operation: 'get' },
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('GET', PATH);
		expect(request.query).toEqual({});
		expect(request.body).toBeUndefined();
		const { id } = commerceSettingsState(sandbox).get(SANDBOX_IDS.phoneNumberId)!;
		// Doc 11: the cart is enabled and the catalog hidden by default.
		expect(items.map((item) => item.json)).toEqual([{ is_cart_enabled: true, is_catalog_visible: false, id }]);
	});

	it.each([
		['11-enable-cart', { isCartEnabled: true }],
		['11-enable-catalog', { isCatalogVisible: true }],
	])('sends the documented query string of %s, with no body', async (fixture, updateFields) => {
		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'commerceSettings', operation: 'update', updateFields },
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', PATH);
		// Docs: doc 11 passes the settings in the query string.
		expect(request.query).toEqual(docFixture('account-b', fixture).body);
		expect(request.rawBody.length).toBe(0);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('updates both settings in one request and the next Get shows them', async () => {
		await runAction({
			credentials,
			parameters: {
				resource: 'commerceSettings',
				operation: 'update',
				phoneNumberId: { __rl: true, mode: 'id', value: SANDBOX_IDS.secondPhoneNumberId },
				updateFields: { isCartEnabled: false, isCatalogVisible: true },
			},
		});
		const second = `/${SANDBOX_IDS.secondPhoneNumberId}/whatsapp_commerce_settings`;
		expect(sandbox.requestsTo('POST', second)[0].query).toEqual({
			is_cart_enabled: 'false',
			is_catalog_visible: 'true',
		});
		const { items } = await runAction({
			credentials,
			parameters: {
				resource: 'commerceSettings',
				operation: 'get',
				phoneNumberId: { __rl: true, mode: 'id', value: SANDBOX_IDS.secondPhoneNumberId },
			},
		});
		expect(items[0].json).toMatchObject({ is_cart_enabled: false, is_catalog_visible: true });
		expect(commerceSettingsState(sandbox).get(SANDBOX_IDS.phoneNumberId)).toMatchObject({
			is_cart_enabled: true,
			is_catalog_visible: false,
		});
	});

	it('refuses an update with nothing to update, before sending', async () => {
		const { error } = await runAction({
			credentials,
			parameters: { resource: 'commerceSettings', operation: 'update', updateFields: {} },
		});
		expect(error?.message).toBe('Update Fields is empty: add Cart Enabled or Catalog Visible [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses a phone number ID that is not numeric, before sending', async () => {
		const { error } = await runAction({
			credentials,
			parameters: {
				resource: 'commerceSettings',
				operation: 'get',
				phoneNumberId: { __rl: true, mode: 'list', value: 'abc' },
			},
		});
		expect(error?.message).toContain('Phone Number ID must be a numeric Graph ID; got "abc"');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('turns a Graph error into a NodeApiError with Meta code', async () => {
		sandbox.injectError(200, {
			path: /whatsapp_commerce_settings$/,
			title: 'Permissions error',
			details: 'whatsapp_business_management is missing',
		});
		const { error } = await runAction({
			credentials,
			parameters: { resource: 'commerceSettings', operation: 'update', updateFields: { isCartEnabled: false } },
		});
		expect(error?.message).toBe('WhatsApp error 200: Permissions error');
		expect(error?.description).toContain('whatsapp_business_management is missing');
		expect(error?.httpCode).toBe('200'); // Meta's code is the error's code (n8n shows httpCode as "Error code")
	});
});
