import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { callTriggerHook, callTriggerWebhook, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { SANDBOX_APPS, subscriptionState } from '../sandbox/routes/subscriptions';

const VERIFY_TOKEN = 'sub-verify-token';
const WEBHOOK_ID = '5c3b7c1e-6d2f-4a8e-9b1a-000000000003';
const OTHER_APP = Object.keys(SANDBOX_APPS).find((id) => id !== SANDBOX_IDS.appId)!;

/** Stands in for n8n's HTTP server: GETs on /webhook and /webhook-test reach the trigger's webhook(). */
async function startN8nStandIn(parameters: () => IDataObject): Promise<{ server: Server; base: string }> {
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		void callTriggerWebhook({
			parameters: parameters(),
			credentials: sandboxCredentials('http://127.0.0.1:9'),
			call: { webhookName: 'setup', query: Object.fromEntries(url.searchParams) },
		}).then((result) => {
			res.writeHead(result.status ?? 500, { 'content-type': 'text/plain' });
			res.end(String(result.responseBody ?? ''));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('subscription management against the sandbox', () => {
	let sandbox: GraphSandbox;
	let standIn: { server: Server; base: string };
	let parameters: IDataObject;
	/** Parameters the stand-in answers verification GETs with, when not the node's. */
	let answerAs: IDataObject | undefined;
	let prodUrl: string;
	let testUrl: string;

	const automatic = (extra: IDataObject = {}): IDataObject => ({
		subscription: 'automatic',
		appId: SANDBOX_IDS.appId,
		verifyToken: VERIFY_TOKEN,
		webhookFields: ['messages'],
		...extra,
	});

	function hook(
		method: 'checkExists' | 'create' | 'delete',
		opts: { test?: boolean; staticData?: IDataObject; credentials?: IDataObject } = {},
	) {
		return callTriggerHook({
			parameters,
			credentials: (opts.credentials ?? sandboxCredentials(sandbox.baseUrl)) as never,
			method,
			mode: opts.test && method !== 'delete' ? 'manual' : method === 'delete' ? 'internal' : 'trigger',
			isTest: opts.test ?? false,
			webhookUrl: `${standIn.base}/${opts.test ? 'webhook-test' : 'webhook'}`,
			staticData: opts.staticData,
		});
	}

	/** What n8n does on activation: checkExists, then create when it says false. */
	async function activate(opts: { test?: boolean; staticData?: IDataObject } = {}) {
		if (!(await hook('checkExists', opts))) await hook('create', opts);
	}

	const appSub = () => subscriptionState(sandbox).apps.get(SANDBOX_IDS.appId)?.get('whatsapp_business_account');
	const wabaEntry = () => subscriptionState(sandbox).wabas.get(SANDBOX_IDS.businessAccountId)?.get(SANDBOX_IDS.appId);
	const writes = () => sandbox.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		standIn = await startN8nStandIn(() => answerAs ?? parameters);
		prodUrl = `${standIn.base}/webhook/${WEBHOOK_ID}/webhook`;
		testUrl = `${standIn.base}/webhook-test/${WEBHOOK_ID}/webhook`;
	});
	afterAll(async () => {
		standIn.server.close();
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.reset();
		parameters = automatic();
		answerAs = undefined;
	});

	describe('manual mode', () => {
		beforeEach(() => {
			parameters = { verifyToken: VERIFY_TOKEN };
		});

		it('activation and deactivation change nothing at Meta', async () => {
			expect(await hook('checkExists')).toBe(true);
			expect(await hook('delete')).toBe(true);
			expect(await hook('checkExists', { test: true })).toBe(true);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('activation fails with a clear message without an App Secret', async () => {
			await expect(
				hook('checkExists', { credentials: sandboxCredentials(sandbox.baseUrl, { appSecret: '' }) }),
			).rejects.toThrow(/no App Secret, so webhook signatures cannot be checked/);
		});

		it('activation succeeds without an App Secret when the signature check is explicitly off', async () => {
			parameters = { verifyToken: VERIFY_TOKEN, signatureCheck: 'off' };
			expect(await hook('checkExists', { credentials: sandboxCredentials(sandbox.baseUrl, { appSecret: '' }) })).toBe(
				true,
			);
		});
	});

	describe('automatic mode, production', () => {
		it('sets the callback URL (after Meta verified it) and subscribes the app to the WABA; deactivation removes the callback URL', async () => {
			const staticData: IDataObject = {};
			expect(await hook('checkExists', { staticData })).toBe(false);
			await hook('create', { staticData });
			expect(appSub()).toMatchObject({
				callback_url: prodUrl,
				verify_token: VERIFY_TOKEN,
				fields: [{ name: 'messages' }],
			});
			expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
			expect(subscriptionState(sandbox).verifications).toEqual([{ url: prodUrl, status: 200, echoed: true }]);
			expect(await hook('checkExists', { staticData })).toBe(true);

			const appCall = sandbox.requestsTo('POST', `/${SANDBOX_IDS.appId}/subscriptions`)[0];
			expect(appCall.headers.authorization).toBe(`Bearer ${SANDBOX_IDS.appId}|${SANDBOX_IDS.appSecret}`);
			expect(appCall.body).toEqual({
				object: 'whatsapp_business_account',
				callback_url: prodUrl,
				verify_token: VERIFY_TOKEN,
				fields: 'messages',
			});
			expect(
				sandbox.requestsTo('POST', `/${SANDBOX_IDS.businessAccountId}/subscribed_apps`)[0].headers.authorization,
			).toBe(`Bearer ${SANDBOX_IDS.token}`);

			await hook('delete', { staticData });
			expect(appSub()).toBeUndefined();
			// Harmless without a callback URL, and possibly relied on by other set-ups of the app.
			expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
		});

		it('does not subscribe the WABA again when the app already is (a POST would clear an override)', async () => {
			subscriptionState(sandbox)
				.wabas.get(SANDBOX_IDS.businessAccountId)!
				.set(SANDBOX_IDS.appId, { appId: SANDBOX_IDS.appId });
			await activate();
			expect(writes()).toEqual([`POST /${SANDBOX_IDS.appId}/subscriptions`]);
		});

		it('subscribes the fields the chosen events need, keeping fields already subscribed', async () => {
			parameters = automatic({ webhookFields: [], options: { events: ['status', 'user_preferences'] } });
			await activate();
			expect(appSub()?.fields.map((f) => f.name)).toEqual(['messages', 'user_preferences']);
			parameters = automatic({ webhookFields: ['payment_configuration_update'] });
			expect(await hook('checkExists')).toBe(false);
			await hook('create');
			expect(
				appSub()
					?.fields.map((f) => f.name)
					.sort(),
			).toEqual(['messages', 'payment_configuration_update', 'user_preferences']);
		});

		it('refuses to take over a callback URL it does not own, and never deletes it', async () => {
			await activate();
			const foreign = 'https://other.example.com/whatsapp';
			appSub()!.callback_url = foreign;
			sandbox.requests.length = 0;
			await expect(hook('checkExists')).rejects.toThrow(
				`already sends its webhooks to another callback URL: ${foreign}`,
			);
			await expect(hook('create')).rejects.toThrow(/another callback URL/);
			await hook('delete');
			expect(appSub()?.callback_url).toBe(foreign);
			expect(writes()).toEqual([]);
		});

		it('fails when Meta cannot verify the callback URL, and leaves nothing behind', async () => {
			answerAs = automatic({ verifyToken: 'the-url-knows-another-token' });
			await expect(hook('create')).rejects.toThrow(/WhatsApp error 2200/);
			expect(appSub()).toBeUndefined();
			expect(wabaEntry()).toBeUndefined();
			expect(subscriptionState(sandbox).verifications[0]).toMatchObject({ url: prodUrl, status: 403, echoed: false });
		});

		it('says what is missing when automatic mode lacks the App ID', async () => {
			parameters = automatic({ appId: '' });
			await expect(hook('checkExists')).rejects.toThrow(/needs the App ID/);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('never shows the app secret in an error', async () => {
			sandbox.injectError(190, { path: /subscriptions$/, title: 'Invalid OAuth access token' });
			const error = (await hook('checkExists').catch((e: unknown) => e)) as Error & { description?: string };
			expect(error).toBeInstanceOf(Error);
			expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(
				SANDBOX_IDS.appSecret,
			);
		});
	});

	describe('automatic mode, test listen', () => {
		it('while a production subscription exists: overrides the WABA callback for the listen only, production untouched', async () => {
			const prodStatic: IDataObject = {};
			await activate({ staticData: prodStatic });
			const production = JSON.parse(JSON.stringify(appSub()));
			sandbox.requests.length = 0;

			const testStatic: IDataObject = {};
			await activate({ test: true, staticData: testStatic });
			expect(wabaEntry()).toEqual({
				appId: SANDBOX_IDS.appId,
				override_callback_uri: testUrl,
				verify_token: VERIFY_TOKEN,
			});
			expect(appSub()).toEqual(production);
			expect(subscriptionState(sandbox).verifications.at(-1)).toEqual({ url: testUrl, status: 200, echoed: true });

			await hook('delete', { test: true, staticData: testStatic });
			expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
			expect(appSub()).toEqual(production);
			expect(writes()).toEqual([
				`POST /${SANDBOX_IDS.businessAccountId}/subscribed_apps`,
				`POST /${SANDBOX_IDS.businessAccountId}/subscribed_apps`,
			]);
			expect(sandbox.requestsTo('DELETE', /./)).toHaveLength(0);
			expect(await hook('checkExists', { staticData: prodStatic })).toBe(true);
		});

		it('while another app URL is the callback: same override, the foreign callback untouched', async () => {
			subscriptionState(sandbox).apps.set(
				SANDBOX_IDS.appId,
				new Map([
					[
						'whatsapp_business_account',
						{
							object: 'whatsapp_business_account',
							callback_url: 'https://prod.example.com/wa',
							active: true,
							fields: [{ name: 'messages', version: 'v22.0' }],
							verify_token: 'x',
						},
					],
				]),
			);
			await activate({ test: true });
			expect(wabaEntry()?.override_callback_uri).toBe(testUrl);
			await hook('delete', { test: true });
			expect(wabaEntry()?.override_callback_uri).toBeUndefined();
			expect(appSub()?.callback_url).toBe('https://prod.example.com/wa');
		});

		it('without any subscription: uses the test URL as the callback and removes it afterwards', async () => {
			const staticData: IDataObject = {};
			await activate({ test: true, staticData });
			expect(appSub()?.callback_url).toBe(testUrl);
			expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
			await hook('delete', { test: true, staticData });
			expect(appSub()).toBeUndefined();
			expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
		});

		it('does not replace an override it did not set', async () => {
			await activate();
			subscriptionState(sandbox).wabas.get(SANDBOX_IDS.businessAccountId)!.set(SANDBOX_IDS.appId, {
				appId: SANDBOX_IDS.appId,
				override_callback_uri: 'https://staging.example.com/wa',
				verify_token: 'y',
			});
			await expect(activate({ test: true })).rejects.toThrow(
				/already overrides app .* callback URL with https:\/\/staging.example.com\/wa/,
			);
			await hook('delete', { test: true });
			expect(wabaEntry()?.override_callback_uri).toBe('https://staging.example.com/wa');
		});

		it('changes nothing at Meta when Test Listen is "Change Nothing"', async () => {
			await activate();
			sandbox.requests.length = 0;
			parameters = automatic({ testListen: 'none' });
			await activate({ test: true });
			await hook('delete', { test: true });
			expect(writes()).toEqual([]);
		});

		it('leaves other apps on the WABA alone', async () => {
			subscriptionState(sandbox).wabas.get(SANDBOX_IDS.businessAccountId)!.set(OTHER_APP, { appId: OTHER_APP });
			await activate();
			await activate({ test: true });
			await hook('delete', { test: true });
			await hook('delete');
			expect(subscriptionState(sandbox).wabas.get(SANDBOX_IDS.businessAccountId)!.get(OTHER_APP)).toEqual({
				appId: OTHER_APP,
			});
		});
	});

	it('fails activation with a readable error, and no secret, when the Graph API cannot be reached', async () => {
		parameters = automatic();
		const unreachable = sandboxCredentials('http://127.0.0.1:9');
		const error = await hook('checkExists', { credentials: unreachable }).then(
			() => undefined,
			(e: Error) => e,
		);
		// n8n words connection errors itself ("The service refused the connection ...").
		expect(error?.message).toMatch(/refused the connection|Could not reach the Graph API/);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(SANDBOX_IDS.appSecret);
	});
});
