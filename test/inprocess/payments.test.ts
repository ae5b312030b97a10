import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { DOC_CONFIGURATION, paymentsState } from '../sandbox/routes/payments';

const WABA = SANDBOX_IDS.businessAccountId;
const PHONE = SANDBOX_IDS.phoneNumberId;
const fixture = (name: string) => docFixture('account-b', name).body;

describe('Payment resource (India)', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const run = (operation: string, extra: Record<string, unknown> = {}) =>
		runAction({ credentials, parameters: { resource: 'payment', operation, ...extra } });
	const configurations = () => paymentsState(sandbox).configurations.get(WABA)!;

	describe('payment configurations', () => {
		it('lists with the plural path, one item per configuration', async () => {
			const { items, error } = await run('listConfigurations');
			expect(error).toBeUndefined();
			// Docs: doc 85 lists at payment_configurations (plural); the other configuration paths are singular.
			expect(sandbox.requestsTo('GET', `/${WABA}/payment_configurations`)).toHaveLength(1);
			expect(items.map((item) => item.json.configuration_name)).toEqual([
				'test-payment-configuration',
				'payment-config-id',
				'upi-config',
			]);
			expect(items[0].json).toEqual(DOC_CONFIGURATION);
		});

		it('gets one configuration by name from the singular path', async () => {
			const { items, error } = await run('getConfiguration', { configurationName: 'test-payment-configuration' });
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `/${WABA}/payment_configuration/test-payment-configuration`)).toHaveLength(1);
			expect(items.map((item) => item.json)).toEqual([DOC_CONFIGURATION]);
		});

		it('creates a payment gateway configuration with the documented body and returns the OAuth link', async () => {
			configurations().delete('test-payment-configuration');
			const { items, error } = await run('createConfiguration', {
				configurationName: 'test-payment-configuration',
				providerName: 'razorpay',
				configurationFields: {
					purposeCode: '00',
					merchantCategoryCode: '0000',
					redirectUrl: 'https://test-redirect-url.com',
				},
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${WABA}/payment_configuration`);
			expect(request.body).toEqual(fixture('85-create-payment-gateway-configuration'));
			expect(items[0].json).toEqual({
				oauth_url: 'https://www.facebook.com/payment/onboarding/init/',
				expiration: expect.any(Number),
				success: true,
			});
			expect(configurations().get('test-payment-configuration')?.status).toBe('Needs_Connecting');
		});

		it('creates a UPI VPA configuration with the documented body', async () => {
			configurations().delete('test-payment-configuration');
			const { items, error } = await run('createConfiguration', {
				configurationName: 'test-payment-configuration',
				providerName: 'upi_vpa',
				merchantVpa: 'test-upi-merchant-vpa@test',
				configurationFields: { purposeCode: '00', merchantCategoryCode: '0000' },
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${WABA}/payment_configuration`)[0].body).toEqual(
				fixture('85-create-upi-vpa-configuration'),
			);
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		});

		it('updates the data endpoint with data_endpoint_url, as the doc example sends it', async () => {
			const { error, items } = await run('updateDataEndpoint', {
				configurationName: 'test-payment-configuration',
				dataEndpointUrl: 'https://test-data-endpoint-url.com',
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${WABA}/payment_configuration/test-payment-configuration`);
			// Docs: doc 85's table says data-endpoint-url, its example data_endpoint_url; we follow the example.
			expect(request.body).toEqual(fixture('85-update-data-endpoint'));
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(configurations().get('test-payment-configuration')?.data_endpoint_url).toBe(
				'https://test-data-endpoint-url.com',
			);
		});

		it('regenerates the OAuth link with the documented body', async () => {
			const { error, items } = await run('regenerateOAuthLink', {
				configurationName: 'test-payment-configuration',
				oauthOptions: { redirectUrl: 'https://test-redirect-url.com' },
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${WABA}/generate_payment_configuration_oauth_link`)[0].body).toEqual(
				fixture('85-regenerate-oauth-link'),
			);
			expect(items[0].json).toEqual({
				oauth_url: 'https://www.facebook.com/payment/onboarding/init/',
				expiration: expect.any(Number),
			});
		});

		it('removes a configuration with DELETE and the documented JSON body', async () => {
			const { error, items } = await run('removeConfiguration', { configurationName: 'test-payment-configuration' });
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('DELETE', `/${WABA}/payment_configuration`);
			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual(fixture('85-remove-payment-configuration'));
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(configurations().has('test-payment-configuration')).toBe(false);
		});

		it('uses the WABA typed on the node', async () => {
			await run('listConfigurations', { businessAccountId: '999999' });
			expect(sandbox.requestsTo('GET', '/999999/payment_configurations')).toHaveLength(1);
		});

		it.each([
			[
				'getConfiguration',
				{ configurationName: 'x'.repeat(61) },
				'Configuration Name is too long: 61 characters, the limit is 60',
			],
			['removeConfiguration', { configurationName: '  ' }, 'Configuration Name is required'],
			[
				'createConfiguration',
				{ configurationName: 'c', providerName: 'stripe' },
				'Provider must be one of payu, razorpay, upi_vpa, zaakpay; got "stripe"',
			],
			[
				'createConfiguration',
				{ configurationName: 'c', providerName: 'razorpay', configurationFields: { merchantCategoryCode: '12' } },
				'Merchant Category Code must be 4 digits; got "12"',
			],
			[
				'createConfiguration',
				{ configurationName: 'c', providerName: 'razorpay', configurationFields: { redirectUrl: 'ftp://x.com' } },
				'Redirect URL must be an HTTP or HTTPS URL; got "ftp://x.com"',
			],
			[
				'createConfiguration',
				{ configurationName: 'c', providerName: 'upi_vpa', merchantVpa: 'no-at-sign' },
				'Merchant VPA must be a UPI handle like name@bank; got "no-at-sign"',
			],
			[
				'updateDataEndpoint',
				{ configurationName: 'c', dataEndpointUrl: 'http://insecure.example.com' },
				'Data Endpoint URL must be an HTTPS URL; got "http://insecure.example.com"',
			],
			[
				'regenerateOAuthLink',
				{ configurationName: 'c', oauthOptions: { redirectUrl: 'not a url' } },
				'Redirect URL must be a full URL (https://…); got "not a url"',
			],
		])('%s refuses %j before sending', async (operation, extra, message) => {
			const { error } = await run(operation, extra);
			expect(error?.message).toBe(`${message} [item 0]`);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('turns a Graph error into a NodeApiError with Meta code', async () => {
			const { error } = await run('getConfiguration', { configurationName: 'missing-config' });
			expect(error?.message).toBe('WhatsApp error 100: Invalid parameter');
			expect(error?.description).toContain('Payment configuration "missing-config" does not exist');
			expect(error?.httpCode).toBe('100'); // Meta's code is the error's code (n8n shows httpCode as "Error code")
		});
	});

	describe('look up and refund', () => {
		const order = { configurationName: 'payment-config-id', referenceId: 'reference-id-value' };

		it('looks up a payment, one item per payment', async () => {
			const { items, error } = await run('lookUp', order);
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `/${PHONE}/payments/payment-config-id/reference-id-value`)).toHaveLength(1);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				reference_id: 'reference-id-value',
				status: 'captured',
				currency: 'INR',
				total_amount: { value: 21000, offset: 100 },
			});
		});

		it('reports the On-Premises style lookup error of doc 56 with its code and details', async () => {
			paymentsState(sandbox).lookupFailures = 1;
			const { error } = await run('lookUp', order);
			// Docs: doc 56 shows the lookup error as `errors[]` with code 500; the node reads that shape too.
			expect(error?.message).toBe('WhatsApp error 500: Generic error');
			expect(error?.description).toContain('System error. Please try again.');
			expect(error?.httpCode).toBe('500');
		});

		it('refunds with the documented body and the refund shows in the next lookup', async () => {
			const { items, error } = await run('refund', { ...order, amount: 1, refundOptions: { speed: 'normal' } });
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${PHONE}/payments_refund`);
			expect(request.body).toEqual(fixture('56-refund'));
			expect(items[0].json).toEqual({
				id: expect.stringMatching(/^rfnd_/),
				status: 'pending',
				speed_processed: 'normal',
			});
			const lookup = await run('lookUp', order);
			const transactions = lookup.items[0].json.transactions as Array<{
				refunds?: Array<{ id: string; amount: unknown }>;
			}>;
			expect(transactions[1].refunds).toEqual([
				expect.objectContaining({ id: items[0].json.id, amount: { value: 100, offset: 100 } }),
			]);
		});

		it('converts rupees to paise and leaves speed out unless chosen', async () => {
			await run('refund', { ...order, amount: 12.34, phoneNumberId: { __rl: true, mode: 'id', value: PHONE } });
			expect(sandbox.requestsTo('POST', `/${PHONE}/payments_refund`)[0].body).toEqual({
				reference_id: 'reference-id-value',
				payment_config_id: 'payment-config-id',
				amount: { currency: 'INR', value: '1234', offset: '100' },
			});
		});

		it.each([
			['lookUp', { ...order, referenceId: 'r'.repeat(36) }, 'Reference ID is too long: 36 characters, the limit is 35'],
			[
				'lookUp',
				{ ...order, referenceId: 'order #1' },
				'Reference ID may only contain English letters, digits, underscores, dashes and dots; got "order #1"',
			],
			[
				'lookUp',
				{ ...order, configurationName: 'p'.repeat(61) },
				'Payment Configuration is too long: 61 characters, the limit is 60',
			],
			['refund', { ...order, amount: 0 }, 'Amount must be a positive amount in rupees, e.g. 12.34; got "0"'],
			['refund', { ...order, amount: 1.005 }, 'Amount can have at most 2 decimals (paise); got 1.005'],
			['refund', { ...order, referenceId: 'a/b', amount: 1 }, 'Reference ID may only contain English letters'],
		])('%s refuses %j before sending', async (operation, extra, message) => {
			const { error } = await run(operation, extra);
			expect(error?.message).toContain(message);
			expect(error?.message).toContain('[item 0]');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('turns a refund Graph error into a NodeApiError with Meta code', async () => {
			const { error } = await run('refund', {
				configurationName: 'payment-config-id',
				referenceId: 'BM345A-12',
				amount: 5,
			});
			expect(error?.message).toBe('WhatsApp error 100: Invalid parameter');
			expect(error?.description).toContain('is not captured');
		});
	});
});
