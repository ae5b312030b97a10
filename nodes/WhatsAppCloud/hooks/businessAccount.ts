import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { resolveBusinessAccountId } from './accountIds';
import { allOrNothing } from './allOrNothing';

/** preSend for Get Health Status (doc 55): `GET /{waba}?fields=health_status`. */
export const businessAccountHealthStatus = allOrNothing(async function (requestOptions) {
	requestOptions.url = `/${await resolveBusinessAccountId(this)}`;
	requestOptions.qs = { ...requestOptions.qs, fields: 'health_status' };
	return requestOptions;
});

/**
 * preSend for List Subscribed Apps and Unsubscribe App. Docs: doc 59 only links these two; they are built
 * as Graph serves `/{waba}/subscribed_apps` (GET answers `{ data: [{ whatsapp_business_api_data: { id, name, link } }] }`,
 * DELETE answers `{ success: true }`).
 */
export const subscribedAppsUrl = allOrNothing(async function (requestOptions) {
	requestOptions.url = `/${await resolveBusinessAccountId(this)}/subscribed_apps`;
	return requestOptions;
});

/** Doc 31: webhook endpoints must be HTTPS with a valid certificate. */
function checkCallbackUrl(field: string, value: string): string {
	const url = URL.canParse(value) ? new URL(value) : undefined;
	if (!url) throw new InputError(field, `${field} must be a full URL starting with https://; got "${value}"`);
	if (url.protocol !== 'https:') {
		throw new InputError(field, `${field} must use HTTPS: WhatsApp only calls HTTPS webhook endpoints; got "${value}"`);
	}
	return value;
}

/**
 * preSend for Subscribe App (docs 59, 60, 28): no body, or the WABA-level callback override
 * (`override_callback_uri` + `verify_token`) that Meta verifies before accepting.
 */
export const subscribeApp = allOrNothing(async function (requestOptions) {
	const wabaId = await resolveBusinessAccountId(this);
	const options = this.getNodeParameter('subscribeOptions', {}) as IDataObject;
	const override = String(options.overrideCallbackUri ?? '').trim();
	const verifyToken = String(options.verifyToken ?? '');
	requestOptions.url = `/${wabaId}/subscribed_apps`;
	if (override) {
		checkCallbackUrl('Override Callback URL', override);
		if (verifyToken.trim() === '') {
			throw new InputError('Verify Token', 'Verify Token is required with Override Callback URL: Meta sends it to the URL to verify it');
		}
		requestOptions.body = { override_callback_uri: override, verify_token: verifyToken };
	} else if (verifyToken) {
		throw new InputError('Verify Token', 'Verify Token is only used together with Override Callback URL');
	}
	return requestOptions;
});
