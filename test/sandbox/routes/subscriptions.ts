import { randomBytes } from 'node:crypto';

import { graphError } from '../graphError';
import type { GraphSandbox, RouteModule, SandboxRequest, SandboxResponse } from '../server';
import { unsupported } from '../server';
import { SANDBOX_IDS } from '../state';

/**
 * Webhook subscriptions, as Graph keeps them:
 * - app level (`/{app-id}/subscriptions`, app access token `{app-id}|{app-secret}`): one callback URL per
 *   object per app, with its fields; Graph sends a GET verification to the URL before accepting it;
 * - WABA level (`/{waba-id}/subscribed_apps`, user/system-user token): which apps get the WABA's webhooks,
 *   each with an optional `override_callback_uri` (verified the same way).
 */
export interface AppSubscription {
	object: string;
	callback_url: string;
	active: boolean;
	fields: Array<{ name: string; version: string }>;
	/** Kept so tests can check which token the sandbox verified with; Graph never returns it. */
	verify_token: string;
}

export interface WabaAppSubscription {
	appId: string;
	override_callback_uri?: string;
	verify_token?: string;
}

export interface SubscriptionState {
	/** appId -> object -> subscription. */
	apps: Map<string, Map<string, AppSubscription>>;
	/** wabaId -> appId -> subscription. */
	wabas: Map<string, Map<string, WabaAppSubscription>>;
	/** Every verification GET the sandbox sent: URL, status and whether the challenge came back. */
	verifications: Array<{ url: string; status: number; echoed: boolean }>;
}

export const SUBSCRIPTIONS_KEY = 'subscriptions';

/** Apps the sandbox knows: the sandbox app (whose token is the sandbox token) and one foreign app for tests. */
export const SANDBOX_APPS: Record<string, { secret: string; name: string }> = {
	[SANDBOX_IDS.appId]: { secret: SANDBOX_IDS.appSecret, name: "Jasper's Market App" },
	'9876543210987654': { secret: 'other-app-secret', name: 'Other Integration' },
};

/** The sandbox's subscription state, created on first use (lives in `sandbox.state.extra`, so `reset()` clears it). */
export function subscriptionState(sandbox: GraphSandbox): SubscriptionState {
	let state = sandbox.state.extra.get(SUBSCRIPTIONS_KEY) as SubscriptionState | undefined;
	if (!state) {
		state = { apps: new Map(), wabas: new Map([[SANDBOX_IDS.businessAccountId, new Map()]]), verifications: [] };
		sandbox.state.extra.set(SUBSCRIPTIONS_KEY, state);
	}
	return state;
}

/** A parameter from the JSON body, the form body or the query string, as Graph reads them. */
function param(req: SandboxRequest, name: string): unknown {
	const json = req.json as Record<string, unknown> | undefined;
	if (json && typeof json === 'object' && json[name] !== undefined) return json[name];
	if (req.form?.[name] !== undefined) return req.form[name];
	return req.query[name];
}

function fieldList(value: unknown): string[] | undefined {
	if (value === undefined) return undefined;
	let list: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				list = JSON.parse(text);
			} catch {
				return undefined;
			}
		} else {
			list = text.split(',');
		}
	}
	if (!Array.isArray(list)) return undefined;
	const names = list.map((f) =>
		typeof f === 'string' ? f.trim() : typeof f === 'object' && f ? String((f as { name?: unknown }).name ?? '') : '',
	);
	return names.some((n) => !/^[a-z_]+$/.test(n)) ? undefined : names;
}

const bad = (code: number, title: string, details?: string): SandboxResponse => ({
	status: 400,
	body: graphError(code, title, details),
});

/** Graph's callback check: GET the URL with hub.* and require a 200 whose body is the challenge. */
async function verifyCallback(
	sandbox: GraphSandbox,
	callbackUrl: string,
	verifyToken: string,
): Promise<SandboxResponse | undefined> {
	const state = subscriptionState(sandbox);
	let url: URL;
	try {
		url = new URL(callbackUrl);
	} catch {
		return bad(100, 'Invalid parameter', `callback_url is not a valid URL: ${callbackUrl}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return bad(100, 'Invalid parameter', 'callback_url must be an http(s) URL');
	const challenge = String(Math.floor(Math.random() * 1e9)) + randomBytes(2).toString('hex');
	url.searchParams.set('hub.mode', 'subscribe');
	url.searchParams.set('hub.challenge', challenge);
	url.searchParams.set('hub.verify_token', verifyToken);
	let status = 0;
	let text = '';
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
		status = response.status;
		text = await response.text();
	} catch (error) {
		state.verifications.push({ url: callbackUrl, status: 0, echoed: false });
		return bad(
			2200,
			'Callback verification failed with the following errors',
			`curl_errno = 7; curl_error = ${(error as Error).message}`,
		);
	}
	const echoed = status === 200 && text.trim() === challenge;
	state.verifications.push({ url: callbackUrl, status, echoed });
	if (!echoed) {
		return bad(
			2200,
			'Callback verification failed with the following errors',
			status === 200
				? `The response does not match the challenge: expected "${challenge}", received "${text.slice(0, 100)}"`
				: `HTTP Status Code = ${status}; HTTP Message = ${text.slice(0, 100)}`,
		);
	}
	return undefined;
}

function appSubscriptionRoutes(sandbox: GraphSandbox): void {
	const requireApp = (req: SandboxRequest): SandboxResponse | string => {
		const appId = req.params.app;
		if (!SANDBOX_APPS[appId]) return unsupported(req.method, appId);
		const tokenApp = req.appId;
		if (tokenApp === undefined)
			return { status: 400, body: graphError(15, 'This method must be called with an app access_token.') };
		if (tokenApp !== appId)
			return { status: 403, body: graphError(200, 'Permissions error', 'The app access token belongs to another app') };
		return appId;
	};

	sandbox.route('GET', '/:app/subscriptions', (req) => {
		const appId = requireApp(req);
		if (typeof appId !== 'string') return appId;
		const subs = subscriptionState(sandbox).apps.get(appId) ?? new Map();
		const data = [...subs.values()].map(({ object, callback_url, active, fields }) => ({
			object,
			callback_url,
			active,
			fields,
		}));
		return { status: 200, body: { data } };
	});

	sandbox.route('POST', '/:app/subscriptions', async (req) => {
		const appId = requireApp(req);
		if (typeof appId !== 'string') return appId;
		const object = param(req, 'object');
		const callbackUrl = param(req, 'callback_url');
		const verifyToken = param(req, 'verify_token');
		const fields = fieldList(param(req, 'fields'));
		if (
			typeof object !== 'string' ||
			!['whatsapp_business_account', 'user', 'page', 'application', 'permissions'].includes(object)
		) {
			return bad(
				100,
				'Invalid parameter',
				'object must be one of: whatsapp_business_account, user, page, application, permissions',
			);
		}
		if (typeof callbackUrl !== 'string' || callbackUrl === '')
			return bad(100, 'Invalid parameter', 'callback_url is required');
		if (typeof verifyToken !== 'string' || verifyToken === '')
			return bad(100, 'Invalid parameter', 'verify_token is required');
		if (!fields || fields.length === 0)
			return bad(100, 'Invalid parameter', 'fields must be a comma-separated list of field names');
		const failed = await verifyCallback(sandbox, callbackUrl, verifyToken);
		if (failed) return failed;
		const state = subscriptionState(sandbox);
		const subs = state.apps.get(appId) ?? new Map<string, AppSubscription>();
		const existing = subs.get(object);
		// Graph adds fields to an existing subscription of the object and moves it to the new callback URL.
		const names = new Set([...(existing?.fields.map((f) => f.name) ?? []), ...fields]);
		const version = req.version ?? 'v22.0';
		subs.set(object, {
			object,
			callback_url: callbackUrl,
			active: true,
			fields: [...names].map((name) => existing?.fields.find((f) => f.name === name) ?? { name, version }),
			verify_token: verifyToken,
		});
		state.apps.set(appId, subs);
		return { status: 200, body: { success: true } };
	});

	sandbox.route('DELETE', '/:app/subscriptions', (req) => {
		const appId = requireApp(req);
		if (typeof appId !== 'string') return appId;
		const object = param(req, 'object');
		const fields = fieldList(param(req, 'fields'));
		const subs = subscriptionState(sandbox).apps.get(appId);
		if (object === undefined) {
			subs?.clear();
			return { status: 200, body: { success: true } };
		}
		if (typeof object !== 'string') return bad(100, 'Invalid parameter', 'object must be a string');
		const existing = subs?.get(object);
		if (!existing) return { status: 200, body: { success: true } };
		if (fields && fields.length > 0) {
			existing.fields = existing.fields.filter((f) => !fields.includes(f.name));
			if (existing.fields.length === 0) subs!.delete(object);
		} else {
			subs!.delete(object);
		}
		return { status: 200, body: { success: true } };
	});
}

function wabaSubscriptionRoutes(sandbox: GraphSandbox): void {
	const requireWaba = (req: SandboxRequest): SandboxResponse | Map<string, WabaAppSubscription> => {
		const apps = subscriptionState(sandbox).wabas.get(req.params.waba);
		if (!apps) return unsupported(req.method, req.params.waba);
		if (req.appId !== undefined) {
			return {
				status: 400,
				body: graphError(200, 'Permissions error', 'subscribed_apps needs a user or system user access token'),
			};
		}
		return apps;
	};

	sandbox.route('GET', '/:waba/subscribed_apps', (req) => {
		const apps = requireWaba(req);
		if (!(apps instanceof Map)) return apps;
		const data = [...apps.values()].map((sub) => ({
			whatsapp_business_api_data: {
				id: sub.appId,
				link: `https://www.facebook.com/games/?app_id=${sub.appId}`,
				name: SANDBOX_APPS[sub.appId]?.name ?? 'App',
			},
			...(sub.override_callback_uri ? { override_callback_uri: sub.override_callback_uri } : {}),
		}));
		return { status: 200, body: { data } };
	});

	// The app is the one the token belongs to: the sandbox token is the sandbox app's.
	sandbox.route('POST', '/:waba/subscribed_apps', async (req) => {
		const apps = requireWaba(req);
		if (!(apps instanceof Map)) return apps;
		const override = param(req, 'override_callback_uri');
		const verifyToken = param(req, 'verify_token');
		if (override !== undefined && (typeof override !== 'string' || override === '')) {
			return bad(100, 'Invalid parameter', 'override_callback_uri must be a non-empty URL');
		}
		if (override !== undefined && (typeof verifyToken !== 'string' || verifyToken === '')) {
			return bad(100, 'Invalid parameter', 'verify_token is required with override_callback_uri');
		}
		if (typeof override === 'string') {
			const failed = await verifyCallback(sandbox, override, verifyToken as string);
			if (failed) return failed;
		}
		// Subscribing again without an override removes the app's override.
		apps.set(SANDBOX_IDS.appId, {
			appId: SANDBOX_IDS.appId,
			...(typeof override === 'string' ? { override_callback_uri: override, verify_token: verifyToken as string } : {}),
		});
		return { status: 200, body: { success: true } };
	});

	sandbox.route('DELETE', '/:waba/subscribed_apps', (req) => {
		const apps = requireWaba(req);
		if (!(apps instanceof Map)) return apps;
		apps.delete(SANDBOX_IDS.appId);
		return { status: 200, body: { success: true } };
	});
}

export const subscriptionRoutes: RouteModule = (sandbox) => {
	for (const [appId, app] of Object.entries(SANDBOX_APPS)) sandbox.registerApp(appId, app.secret);
	appSubscriptionRoutes(sandbox);
	wabaSubscriptionRoutes(sandbox);
};
