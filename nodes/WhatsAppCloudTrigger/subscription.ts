import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/graphApi';
import { graphRequest } from '../shared/transport';
import { readOptions, signaturePolicy, subscriptionFields, VERIFY_TOKEN } from './settings';

export const WABA_OBJECT = 'whatsapp_business_account';

interface Setup {
	ctx: IHookFunctions;
	credentials: ICredentialDataDecryptedObject;
	appId: string;
	appSecret: string;
	wabaId: string;
	/** This node's URL in this context: the production URL, or the test URL during a test listen. */
	url: string;
	verifyToken: string;
	fields: string[];
}

interface AppSubscription {
	object: string;
	callback_url: string;
	fields: string[];
}

interface WabaApp {
	appId: string;
	override?: string;
}

/** Checks the signature set-up (every mode) and reads what automatic mode needs; undefined in manual mode. */
async function readSetup(ctx: IHookFunctions): Promise<Setup | undefined> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	if (!signaturePolicy(credentials, ctx.getNodeParameter('signatureCheck', 'required'))) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The WhatsApp Cloud API credential has no App Secret, so webhook signatures cannot be checked',
			{
				description:
					'Add the App Secret (App Dashboard > App settings > Basic) to the credential, or set Signature Check to "Off" to accept unsigned webhooks.',
			},
		);
	}
	if (ctx.getNodeParameter('subscription', 'manual') !== 'automatic') return undefined;

	const appId = String(ctx.getNodeParameter('appId', '')).trim();
	const appSecret = String(credentials.appSecret ?? '');
	const wabaId = String(ctx.getNodeParameter('businessAccountId', '') || credentials.businessAccountId || '').trim();
	const missing = [
		!/^\d+$/.test(appId) && 'the App ID (digits only) on the node',
		!appSecret && 'the App Secret in the credential',
		!wabaId && 'a WhatsApp Business Account ID (node or credential)',
	].filter(Boolean);
	if (missing.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `Automatic subscription needs ${missing.join(', ')}`, {
			description: 'Fill them in, or set Subscription to "Manual" and configure the webhook in the App Dashboard.',
		});
	}
	const verifyToken = String(ctx.getNodeParameter(VERIFY_TOKEN, ''));
	if (!verifyToken) throw new NodeOperationError(ctx.getNode(), 'The Verify Token is empty');
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not give this node a webhook URL');
	const options = readOptions(ctx.getNodeParameter('options', {}) as IDataObject);
	return {
		ctx,
		credentials,
		appId,
		appSecret,
		wabaId,
		url,
		verifyToken,
		fields: subscriptionFields(ctx.getNodeParameter('webhookFields', ['messages']), options.events),
	};
}

const isTestListen = (setup: Setup) => setup.ctx.getMode() === 'manual';

/** A Graph call of the subscription set-up; app-level calls use the app access token, not the credential's user token. */
async function graph(
	setup: Setup,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; appToken?: boolean } = {},
): Promise<IDataObject> {
	return await graphRequest(setup.ctx, {
		method,
		url: path,
		body: options.body,
		qs: options.qs,
		credentials: setup.credentials,
		appToken: options.appToken ? { appId: setup.appId, appSecret: setup.appSecret } : undefined,
	});
}

/** `GET /{app-id}/subscriptions`: the app's WABA callback, if it has one. */
async function appSubscription(setup: Setup): Promise<AppSubscription | undefined> {
	const body = await graph(setup, 'GET', `/${setup.appId}/subscriptions`, { appToken: true });
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const sub = data.find((s) => s.object === WABA_OBJECT);
	if (!sub) return undefined;
	const fields = (Array.isArray(sub.fields) ? sub.fields : []).map((f) =>
		typeof f === 'string' ? f : String((f as IDataObject)?.name ?? ''),
	);
	return { object: WABA_OBJECT, callback_url: String(sub.callback_url ?? ''), fields };
}

/** `GET /{waba-id}/subscribed_apps`: this app's entry on the WABA, if subscribed. */
async function wabaApp(setup: Setup): Promise<WabaApp | undefined> {
	const body = await graph(setup, 'GET', `/${setup.wabaId}/subscribed_apps`);
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const entry = data.find(
		(a) => String((a.whatsapp_business_api_data as IDataObject | undefined)?.id ?? '') === setup.appId,
	);
	if (!entry) return undefined;
	const override =
		typeof entry.override_callback_uri === 'string' && entry.override_callback_uri
			? entry.override_callback_uri
			: undefined;
	return { appId: setup.appId, override };
}

function foreignCallback(setup: Setup, url: string): NodeOperationError {
	return new NodeOperationError(
		setup.ctx.getNode(),
		`Meta app ${setup.appId} already sends its webhooks to another callback URL: ${url}`,
		{
			description:
				'A Meta app has only one callback URL, and this trigger does not overwrite or delete one it did not set. Remove it in App Dashboard > WhatsApp > Configuration (or deactivate the workflow that owns it), use another Meta app, or set Subscription to "Manual".',
		},
	);
}

function foreignOverride(setup: Setup, url: string): NodeOperationError {
	return new NodeOperationError(
		setup.ctx.getNode(),
		`WhatsApp Business Account ${setup.wabaId} already overrides app ${setup.appId}'s callback URL with ${url}`,
		{
			description:
				'This trigger does not replace a callback override it did not set. Remove it (POST /{waba-id}/subscribed_apps without override_callback_uri), or set Test Listen to "Change Nothing at Meta".',
		},
	);
}

async function subscribeApp(setup: Setup, existing: AppSubscription | undefined): Promise<void> {
	const fields = [...new Set([...(existing?.fields ?? []), ...setup.fields])].sort();
	await graph(setup, 'POST', `/${setup.appId}/subscriptions`, {
		appToken: true,
		body: { object: WABA_OBJECT, callback_url: setup.url, verify_token: setup.verifyToken, fields: fields.join(',') },
	});
}

/** Subscribes the app to the WABA when it is not; a POST would also clear an override, so it is never repeated. */
async function subscribeWaba(setup: Setup, entry: WabaApp | undefined): Promise<void> {
	if (!entry) await graph(setup, 'POST', `/${setup.wabaId}/subscribed_apps`);
}

/**
 * True when nothing needs doing: manual mode; a test listen that changes nothing at Meta or whose URL
 * already gets the webhooks; a production URL that is the app's callback with every field, on a WABA the
 * app is subscribed to. Fails early on a callback URL or override that belongs to someone else.
 */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const setup = await readSetup(this);
	if (!setup) return true;
	if (isTestListen(setup)) {
		if (this.getNodeParameter('testListen', 'override') === 'none') return true;
		const [app, waba] = await Promise.all([appSubscription(setup), wabaApp(setup)]);
		if (waba?.override === setup.url) return true;
		return app?.callback_url === setup.url && waba !== undefined && waba.override === undefined;
	}
	const [app, waba] = await Promise.all([appSubscription(setup), wabaApp(setup)]);
	if (app && app.callback_url !== setup.url) throw foreignCallback(setup, app.callback_url);
	if (waba?.override && waba.override !== setup.url) throw foreignOverride(setup, waba.override);
	return app !== undefined && setup.fields.every((f) => app.fields.includes(f)) && waba !== undefined;
}

/**
 * Production: makes this URL the app's callback (Meta verifies it with a GET first) and subscribes the
 * app to the WABA. Test listen: if the app has no callback URL, uses the test URL as one (nothing to
 * break); otherwise sets this app's override on the WABA to the test URL, leaving the callback alone.
 */
export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const setup = await readSetup(this);
	if (!setup) return true;
	const [app, waba] = await Promise.all([appSubscription(setup), wabaApp(setup)]);
	if (isTestListen(setup)) {
		if (this.getNodeParameter('testListen', 'override') === 'none') return true;
		if (waba?.override && waba.override !== setup.url) throw foreignOverride(setup, waba.override);
		if (!app || app.callback_url === setup.url) {
			await subscribeApp(setup, app);
			await subscribeWaba(setup, waba);
			return true;
		}
		await graph(setup, 'POST', `/${setup.wabaId}/subscribed_apps`, {
			body: { override_callback_uri: setup.url, verify_token: setup.verifyToken },
		});
		return true;
	}
	if (app && app.callback_url !== setup.url) throw foreignCallback(setup, app.callback_url);
	if (waba?.override && waba.override !== setup.url) throw foreignOverride(setup, waba.override);
	if (!app || !setup.fields.every((f) => app.fields.includes(f))) await subscribeApp(setup, app);
	await subscribeWaba(setup, waba);
	return true;
}

/**
 * Removes only what belongs to this URL: the app's callback when it is this URL, and this app's WABA
 * override when it is this URL. The app stays subscribed to the WABA: without a callback URL that
 * delivers nothing, and other set-ups of the same app may rely on it.
 */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const setup = await readSetup(this);
	if (!setup) return true;
	const [app, waba] = await Promise.all([appSubscription(setup), wabaApp(setup)]);
	if (waba?.override === setup.url) await graph(setup, 'POST', `/${setup.wabaId}/subscribed_apps`);
	if (app?.callback_url === setup.url) {
		await graph(setup, 'DELETE', `/${setup.appId}/subscriptions`, { appToken: true, qs: { object: WABA_OBJECT } });
	}
	return true;
}
