/**
 * Request validation for block users (04), commerce settings (11), Flows encryption (13) and the India
 * payments onboarding / lookup / refund endpoints (85, 56), written from the docs (not from nodes/).
 * Each validator returns the first Graph fault, or null when the request is valid.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';

import {
	allowKeys,
	asObject,
	at,
	checkHttpUrl,
	checkStr,
	has,
	type Obj,
	optStr,
	reqArr,
	reqObj,
	reqStr,
} from './checks';
import { badValue, collectFault, fail, type GraphFault, invalidParameter, missing, unexpectedKey } from './fault';

/** Docs 18, 56: reference_id is case sensitive, non-empty, ≤35 of English letters, digits, `_`, `-`, `.`. */
export const REFERENCE_ID = {
	max: 35,
	pattern: /^[A-Za-z0-9_.-]+$/,
	formatHint: 'may only contain English letters, numbers, underscores, dashes or dots',
};
/** Docs 18, 56: a payment configuration name must not exceed 60 characters. */
export const CONFIGURATION_NAME = { max: 60 };
/** Doc 85: `provider_name` on create. */
export const PROVIDER_NAMES = ['upi_vpa', 'razorpay', 'payu', 'zaakpay'] as const;

/** Doc 04: `{ messaging_product: "whatsapp", block_users: [{ user }] }`, for POST and DELETE alike. */
export function validateBlockUsersBody(body: unknown): GraphFault | null {
	return collectFault(() => {
		const o = asObject(body, []);
		allowKeys(o, [], ['messaging_product', 'block_users']);
		reqStr(o, 'messaging_product', [], { oneOf: ['whatsapp'] });
		reqArr(o, 'block_users', []).forEach((entry, i) => {
			const user = asObject(entry, ['block_users', i]);
			allowKeys(user, ['block_users', i], ['user']);
			reqStr(user, 'user', ['block_users', i]);
		});
	});
}

const BOOLEAN_TEXT = ['true', 'false'];

/** Doc 11: `is_cart_enabled` / `is_catalog_visible` as query string booleans; nothing else. */
export function validateCommerceSettingsUpdate(query: Record<string, string>, body: unknown): GraphFault | null {
	return collectFault(() => {
		const known = ['is_cart_enabled', 'is_catalog_visible'];
		for (const key of Object.keys(query)) {
			if (!known.includes(key)) fail(unexpectedKey([], key));
			if (!BOOLEAN_TEXT.includes(query[key])) fail(badValue([key], `must be true or false (got "${query[key]}").`));
		}
		if (body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
			fail(
				invalidParameter(
					'Commerce settings are set with query string parameters (is_cart_enabled, is_catalog_visible), not a request body.',
				),
			);
		}
		if (!known.some((key) => key in query)) fail(missing(['is_cart_enabled'], '(or is_catalog_visible)'));
	});
}

function readKey(pem: string): KeyObject | undefined {
	try {
		return createPublicKey(pem);
	} catch {
		return undefined;
	}
}

/** Doc 13: form-urlencoded `business_public_key`, a 2048-bit RSA public key in PEM. */
export function validateBusinessPublicKey(
	contentType: string,
	form: Record<string, string> | undefined,
): GraphFault | null {
	return collectFault(() => {
		if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded') || !form) {
			fail(invalidParameter('business_public_key must be sent as application/x-www-form-urlencoded.'));
		}
		if (!has(form as Obj, 'business_public_key')) fail(missing(['business_public_key']));
		const pem = checkStr(form.business_public_key, ['business_public_key']).trim();
		if (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(pem)) {
			fail(invalidParameter('Param business_public_key must be a PEM encoded public key.'));
		}
		const key = readKey(pem);
		if (!key || key.asymmetricKeyType !== 'rsa' || key.asymmetricKeyDetails?.modulusLength !== 2048) {
			fail(invalidParameter('Param business_public_key must be a valid 2048-bit RSA public key.'));
		}
	});
}

/** Doc 85, create. */
export function validateCreatePaymentConfiguration(body: unknown): GraphFault | null {
	return collectFault(() => {
		const o = asObject(body, []);
		allowKeys(
			o,
			[],
			['configuration_name', 'provider_name', 'purpose_code', 'merchant_category_code', 'merchant_vpa', 'redirect_url'],
		);
		reqStr(o, 'configuration_name', [], CONFIGURATION_NAME);
		reqStr(o, 'provider_name', [], { oneOf: PROVIDER_NAMES });
		optStr(o, 'purpose_code', []);
		optStr(o, 'merchant_category_code', []);
		optStr(o, 'merchant_vpa', []);
		if (has(o, 'redirect_url')) checkHttpUrl(o.redirect_url, ['redirect_url']);
	});
}

/** Doc 85, link/update data endpoint: the example's `data_endpoint_url`, an HTTPS URL. */
export function validateDataEndpoint(body: unknown): GraphFault | null {
	return collectFault(() => {
		const o = asObject(body, []);
		allowKeys(o, [], ['data_endpoint_url']);
		const url = reqStr(o, 'data_endpoint_url', []);
		checkHttpUrl(url, ['data_endpoint_url']);
		if (!url.startsWith('https://')) fail(badValue(['data_endpoint_url'], 'must be an HTTPS URL.'));
	});
}

/** Doc 85, regenerate OAuth link. */
export function validateOAuthLink(body: unknown): GraphFault | null {
	return collectFault(() => {
		const o = asObject(body, []);
		allowKeys(o, [], ['configuration_name', 'redirect_url']);
		reqStr(o, 'configuration_name', [], CONFIGURATION_NAME);
		if (has(o, 'redirect_url')) checkHttpUrl(o.redirect_url, ['redirect_url']);
	});
}

/** Doc 85, remove: JSON body on DELETE. */
export function validateRemovePaymentConfiguration(body: unknown): GraphFault | null {
	return collectFault(() => {
		const o = asObject(body, []);
		allowKeys(o, [], ['configuration_name']);
		reqStr(o, 'configuration_name', [], CONFIGURATION_NAME);
	});
}

/** Doc 56, lookup path parameters. */
export function validatePaymentLookup(configuration: string, referenceId: string): GraphFault | null {
	return collectFault(() => {
		checkStr(configuration, ['payment_configuration'], CONFIGURATION_NAME);
		checkStr(referenceId, ['reference_id'], REFERENCE_ID);
	});
}

/** Doc 56, refund: amounts as strings, INR only, offset "100", value a positive integer. */
export function validateRefund(body: unknown): GraphFault | null {
	return collectFault(() => {
		const o = asObject(body, []);
		allowKeys(o, [], ['reference_id', 'speed', 'payment_config_id', 'amount']);
		reqStr(o, 'reference_id', [], REFERENCE_ID);
		optStr(o, 'speed', [], { oneOf: ['instant', 'normal'] });
		reqStr(o, 'payment_config_id', [], CONFIGURATION_NAME);
		const amount = reqObj(o, 'amount', []);
		const path = at([], 'amount');
		allowKeys(amount, path, ['currency', 'value', 'offset']);
		reqStr(amount, 'currency', path, { oneOf: ['INR'] });
		reqStr(amount, 'value', path, {
			pattern: /^[1-9]\d*$/,
			formatHint: 'must be a positive integer (the amount times the offset)',
		});
		reqStr(amount, 'offset', path, { oneOf: ['100'] });
	});
}
