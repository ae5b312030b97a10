import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InputError } from './InputError';

export const CREDENTIAL_TYPE = 'whatsAppCloudApi';

/** Doc 16: "This WAMID can have a maximum length of up to 128 characters." */
export const MAX_MESSAGE_ID = 128;

const DEFAULT_BASE_URL = 'https://graph.facebook.com';
const DEFAULT_API_VERSION = 'v22.0';

/**
 * `https://graph.facebook.com/v22.0`, from the credential's base URL and Graph API version: for requests made in
 * code (shared/transport.ts). GRAPH_BASE_URL is the same rule as an n8n expression, for routed requests.
 */
export function graphBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const base = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	return `${base}/${String(credentials.apiVersion || DEFAULT_API_VERSION)}`;
}

/** The base URL of routed requests (the action node's requestDefaults): graphBaseUrl as an n8n expression. */
export const GRAPH_BASE_URL = `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "") }}/{{ $credentials.apiVersion || "${DEFAULT_API_VERSION}" }}`;

/** A numeric Graph ID from the node's field, else the credential's (the phone number or the WABA). */
export function graphId(value: unknown, fallback: unknown, label: string): string {
	const id = String(value ?? '').trim() || String(fallback ?? '').trim();
	if (!id) throw new InputError(label, `${label} is empty: set it on the node or in the WhatsApp Cloud API credential`);
	if (!/^\d+$/.test(id)) throw new InputError(label, `${label} must be a numeric Graph ID; got "${id}"`);
	return id;
}

/**
 * A recipient as the Cloud API takes it (docs 12, 43): a phone number with country code or a WhatsApp ID;
 * digits with an optional leading +, spaces, dashes and parentheses.
 */
export function isPhoneNumberOrWaId(value: string): boolean {
	return /^\+?[\d\s()-]+$/.test(value) && value.replace(/\D/g, '').length >= 5;
}
