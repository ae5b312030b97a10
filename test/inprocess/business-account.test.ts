import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { subscriptionState } from '../sandbox/routes/subscriptions';

const WABA = SANDBOX_IDS.businessAccountId;
const APPS = `/${WABA}/subscribed_apps`;
const HOOK_HOST = 'hooks.example.com';

describe('WhatsApp Business Account resource', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;
	const realFetch = globalThis.fetch;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
		// Stands in for the override callback endpoint that Meta verifies: it echoes hub.challenge.
		jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
			const url = new URL(input instanceof Request ? input.url : String(input));
			if (url.hostname !== HOOK_HOST) return await realFetch(input, init);
			const ok = url.searchParams.get('hub.verify_token') === 'my-token';
			return new Response(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'Forbidden', { status: ok ? 200 : 403 });
		});
	});
	afterAll(async () => {
		jest.restoreAllMocks();
		await sandbox.stop();
	});
	beforeEach(() => sandbox.reset());

	const run = (operation: string, extra: Record<string, unknown> = {}) =>
		runAction({ credentials, parameters: { resource: 'businessAccount', operation, ...extra } });

	describe('Get Health Status', () => {
		it('asks the WABA for fields=health_status and outputs the answer', async () => {
			const { items, error } = await run('getHealthStatus');
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('GET', `/${WABA}`);
			expect(request.query).toEqual(docFixture('account-b', '55-waba-health-status').body);
			expect(items.map((item) => item.json)).toEqual([
				{
					health_status: {
						can_send_message: 'AVAILABLE',
						entities: [
							{ entity_type: 'WABA', id: WABA, can_send_message: 'AVAILABLE' },
							{ entity_type: 'BUSINESS', id: SANDBOX_IDS.businessId, can_send_message: 'AVAILABLE' },
							{ entity_type: 'APP', id: SANDBOX_IDS.appId, can_send_message: 'AVAILABLE' },
						],
					},
					id: WABA,
				},
			]);
		});

		it('uses the WABA ID typed on the node and refuses a non-numeric one before sending', async () => {
			const { error } = await run('getHealthStatus', { businessAccountId: '1234' });
			expect(sandbox.requestsTo('GET', '/1234')).toHaveLength(1);
			expect(error?.message).toContain('WhatsApp error 100');
			sandbox.reset();
			const bad = await run('getHealthStatus', { businessAccountId: 'my-waba' });
			expect(bad.error?.message).toContain('WhatsApp Business Account ID must be a numeric Graph ID; got "my-waba"');
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('subscriptions', () => {
		it('subscribes the app with no body, lists it, then unsubscribes it', async () => {
			const subscribed = await run('subscribeApp');
			expect(subscribed.error).toBeUndefined();
			const [post] = sandbox.requestsTo('POST', APPS);
			expect(post.body ?? null).toEqual(docFixture('account-b', '60-subscribe-app').body);
			expect(subscribed.items.map((item) => item.json)).toEqual([{ success: true }]);

			// Docs: doc 59 only links List/Delete; they are built as Graph serves them.
			const listed = await run('listSubscribedApps');
			expect(sandbox.requestsTo('GET', APPS)).toHaveLength(1);
			expect(listed.items.map((item) => item.json)).toEqual([
				{
					whatsapp_business_api_data: {
						id: SANDBOX_IDS.appId,
						link: `https://www.facebook.com/games/?app_id=${SANDBOX_IDS.appId}`,
						name: "Jasper's Market App",
					},
				},
			]);

			const removed = await run('unsubscribeApp');
			expect(sandbox.requestsTo('DELETE', APPS)).toHaveLength(1);
			expect(sandbox.requestsTo('DELETE', APPS)[0].rawBody.length).toBe(0);
			expect(removed.items.map((item) => item.json)).toEqual([{ success: true }]);
			expect((await run('listSubscribedApps')).items).toEqual([]);
		});

		it('subscribes with a callback override that Meta verifies', async () => {
			const url = `https://${HOOK_HOST}/webhook/abc/webhook`;
			const { error } = await run('subscribeApp', {
				subscribeOptions: { overrideCallbackUri: url, verifyToken: 'my-token' },
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', APPS)[0].body).toEqual({
				override_callback_uri: url,
				verify_token: 'my-token',
			});
			expect(subscriptionState(sandbox).verifications).toEqual([{ url, status: 200, echoed: true }]);
			const { items } = await run('listSubscribedApps');
			expect(items[0].json.override_callback_uri).toBe(url);
		});

		it('reports a failed callback verification as a NodeApiError with Meta code', async () => {
			const { error } = await run('subscribeApp', {
				subscribeOptions: { overrideCallbackUri: `https://${HOOK_HOST}/hook`, verifyToken: 'wrong-token' },
			});
			expect(error?.message).toContain('WhatsApp error 2200');
			expect(error?.description).toContain('HTTP Status Code = 403');
		});

		it.each([
			[
				{ overrideCallbackUri: 'http://hooks.example.com/hook', verifyToken: 't' },
				'Override Callback URL must use HTTPS',
			],
			[
				{ overrideCallbackUri: 'hooks.example.com/hook', verifyToken: 't' },
				'Override Callback URL must be a full URL starting with https://',
			],
			[
				{ overrideCallbackUri: 'https://hooks.example.com/hook' },
				'Verify Token is required with Override Callback URL',
			],
			[{ verifyToken: 'my-token' }, 'Verify Token is only used together with Override Callback URL'],
		])('refuses the options %j before sending', async (subscribeOptions, message) => {
			const { error } = await run('subscribeApp', { subscribeOptions });
			expect(error?.message).toContain(message);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('turns a Graph error into a NodeApiError with Meta code', async () => {
			sandbox.injectError(200, {
				path: /subscribed_apps$/,
				title: 'Permissions error',
				details: 'needs whatsapp_business_management',
			});
			const { error } = await run('listSubscribedApps');
			expect(error?.message).toBe('WhatsApp error 200: Permissions error');
			expect(error?.httpCode).toBe('200'); // Meta's code is the error's code (n8n shows httpCode as "Error code")
		});
	});
});
