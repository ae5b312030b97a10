import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'whatsAppCloudApi';

/** Doc 16: "This WAMID can have a maximum length of up to 128 characters." */
export const MAX_MESSAGE_ID = 128;

/** `https://graph.facebook.com/v22.0`, from the credential's base URL and Graph API version. */
export function graphBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const base = String(credentials.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
	return `${base}/${String(credentials.apiVersion ?? 'v22.0')}`;
}

/**
 * A recipient as the Cloud API takes it (docs 12, 43): a phone number with country code or a WhatsApp ID;
 * digits with an optional leading +, spaces, dashes and parentheses.
 */
export function isPhoneNumberOrWaId(value: string): boolean {
	return /^\+?[\d\s()-]+$/.test(value) && value.replace(/\D/g, '').length >= 5;
}
