import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { SANDBOX_APPS, subscriptionState } from '../sandbox/routes/subscriptions';

const APP = SANDBOX_IDS.appId;
const WABA = SANDBOX_IDS.businessAccountId;
const OTHER_APP = Object.keys(SANDBOX_APPS).find((id) => id !== APP)!;
const appToken = (id: string = APP, secret: string = SANDBOX_APPS[APP].secret) => `Bearer ${id}|${secret}`;
const userToken = `Bearer ${SANDBOX_IDS.token}`;

/** The sandbox's own answers to app and WABA subscription calls, as Graph gives them. */
describe('sandbox: /{app-id}/subscriptions and /{waba-id}/subscribed_apps', () => {
	let sandbox: GraphSandbox;
	let callback: Server;
	let callbackUrl: string;
	let answerChallenge = true;

	const call = async (method: string, path: string, authorization: string, body?: object) => {
		const response = await fetch(`${sandbox.baseUrl}/v22.0${path}`, {
			method,
			headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
			body: body ? JSON.stringify(body) : undefined,
		});
		return {
			status: response.status,
			body: (await response.json()) as {
				error?: { code: number; message: string };
				data?: unknown[];
				success?: boolean;
			},
		};
	};
	const subscribe = (extra: object = {}, authorization = appToken()) =>
		call('POST', `/${APP}/subscriptions`, authorization, {
			object: 'whatsapp_business_account',
			callback_url: callbackUrl,
			verify_token: 't',
			fields: 'messages',
			...extra,
		});

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		callback = createServer((req, res) => {
			const url = new URL(req.url ?? '/', 'http://x');
			if (!answerChallenge || url.searchParams.get('hub.verify_token') !== 't') {
				res.writeHead(403).end('Forbidden');
				return;
			}
			res.writeHead(200).end(url.searchParams.get('hub.challenge') ?? '');
		});
		await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
		callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		callback.close();
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.reset();
		answerChallenge = true;
	});

	it('app subscriptions need the app access token of that app', async () => {
		expect((await call('GET', `/${APP}/subscriptions`, userToken)).body.error?.code).toBe(15);
		expect((await call('GET', `/${APP}/subscriptions`, appToken(APP, 'wrong'))).status).toBe(401);
		expect(
			(await call('GET', `/${APP}/subscriptions`, appToken(OTHER_APP, SANDBOX_APPS[OTHER_APP].secret))).body.error
				?.code,
		).toBe(200);
		expect((await call('GET', `/${APP}/subscriptions`, appToken())).body).toEqual({ data: [] });
	});

	it('POST verifies the callback URL with a GET and stores the subscription; GET lists it without the token', async () => {
		expect((await subscribe()).body).toEqual({ success: true });
		expect(subscriptionState(sandbox).verifications).toEqual([{ url: callbackUrl, status: 200, echoed: true }]);
		expect((await call('GET', `/${APP}/subscriptions`, appToken())).body).toEqual({
			data: [
				{
					object: 'whatsapp_business_account',
					callback_url: callbackUrl,
					active: true,
					fields: [{ name: 'messages', version: 'v22.0' }],
				},
			],
		});
	});

	it('POST refuses a callback URL that does not echo the challenge, and missing parameters', async () => {
		answerChallenge = false;
		const refused = await subscribe();
		expect(refused.body.error?.code).toBe(2200);
		expect(subscriptionState(sandbox).apps.get(APP)).toBeUndefined();
		answerChallenge = true;
		expect((await subscribe({ verify_token: undefined })).body.error?.code).toBe(100);
		expect((await subscribe({ fields: '' })).body.error?.code).toBe(100);
		expect((await subscribe({ object: 'nonsense' })).body.error?.code).toBe(100);
		expect((await subscribe({ callback_url: 'not a url' })).body.error?.code).toBe(100);
	});

	it('DELETE removes the object subscription (or only the fields given)', async () => {
		await subscribe({ fields: 'messages,user_preferences' });
		await call('DELETE', `/${APP}/subscriptions?object=whatsapp_business_account&fields=user_preferences`, appToken());
		expect(
			subscriptionState(sandbox)
				.apps.get(APP)
				?.get('whatsapp_business_account')
				?.fields.map((f) => f.name),
		).toEqual(['messages']);
		expect((await call('DELETE', `/${APP}/subscriptions?object=whatsapp_business_account`, appToken())).body).toEqual({
			success: true,
		});
		expect((await call('GET', `/${APP}/subscriptions`, appToken())).body).toEqual({ data: [] });
	});

	it('subscribed_apps: subscribe, override (verified), clear the override, unsubscribe', async () => {
		expect((await call('GET', `/${WABA}/subscribed_apps`, userToken)).body).toEqual({ data: [] });
		expect((await call('POST', `/${WABA}/subscribed_apps`, userToken)).body).toEqual({ success: true });
		expect(
			(await call('POST', `/${WABA}/subscribed_apps`, userToken, { override_callback_uri: callbackUrl })).body.error
				?.code,
		).toBe(100);
		expect(
			(
				await call('POST', `/${WABA}/subscribed_apps`, userToken, {
					override_callback_uri: callbackUrl,
					verify_token: 't',
				})
			).body,
		).toEqual({ success: true });
		const listed = (await call('GET', `/${WABA}/subscribed_apps`, userToken)).body.data;
		expect(listed).toEqual([
			{
				whatsapp_business_api_data: {
					id: APP,
					link: `https://www.facebook.com/games/?app_id=${APP}`,
					name: SANDBOX_APPS[APP].name,
				},
				override_callback_uri: callbackUrl,
			},
		]);
		await call('POST', `/${WABA}/subscribed_apps`, userToken);
		expect((await call('GET', `/${WABA}/subscribed_apps`, userToken)).body.data).toEqual([
			expect.not.objectContaining({ override_callback_uri: expect.anything() }),
		]);
		await call('DELETE', `/${WABA}/subscribed_apps`, userToken);
		expect((await call('GET', `/${WABA}/subscribed_apps`, userToken)).body.data).toEqual([]);
	});

	it('subscribed_apps refuses unknown WABAs and app tokens', async () => {
		expect((await call('GET', `/999/subscribed_apps`, userToken)).body.error?.code).toBe(100);
		expect((await call('POST', `/${WABA}/subscribed_apps`, appToken())).body.error?.code).toBe(200);
	});
});
