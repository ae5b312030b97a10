import { createPublicKey, type KeyObject } from 'node:crypto';

import { InputError, requireText } from '../../shared/InputError';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';

const FIELD = 'Business Public Key';
/** Doc 13: the business public key is a 2048-bit RSA key. */
export const PUBLIC_KEY_BITS = 2048;
const PUBLIC_PEM = /^-----BEGIN (RSA )?PUBLIC KEY-----\s+[A-Za-z0-9+/=\s]+?\s+-----END \1PUBLIC KEY-----$/;

function readPublicKey(pem: string): KeyObject | undefined {
	try {
		return createPublicKey(pem);
	} catch {
		return undefined;
	}
}

/** Checks that the text is a 2048-bit RSA public key in PEM; returns it trimmed with real line breaks. */
export function checkBusinessPublicKey(value: unknown): string {
	// Keys pasted through expressions often carry literal "\n" instead of line breaks.
	const pem = requireText(FIELD, value).replace(/\\n/g, '\n').replace(/\r\n/g, '\n').trim();
	if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
		throw new InputError(
			FIELD,
			`${FIELD} is a private key: send only the public key (openssl rsa -in private.pem -pubout) and keep the private key secret`,
		);
	}
	if (/-----BEGIN CERTIFICATE-----/.test(pem)) {
		throw new InputError(
			FIELD,
			`${FIELD} is a certificate: extract its public key first (openssl x509 -pubkey -noout -in cert.pem)`,
		);
	}
	if (!PUBLIC_PEM.test(pem)) {
		throw new InputError(
			FIELD,
			`${FIELD} must be a PEM public key: a "-----BEGIN PUBLIC KEY-----" line, base64 lines, and an "-----END PUBLIC KEY-----" line`,
		);
	}
	const key = readPublicKey(pem);
	if (!key) {
		throw new InputError(
			FIELD,
			`${FIELD} is not a readable public key: the base64 between the BEGIN and END lines is not a key`,
		);
	}
	if (key.asymmetricKeyType !== 'rsa') {
		throw new InputError(
			FIELD,
			`${FIELD} must be an RSA key; this is a ${String(key.asymmetricKeyType).toUpperCase()} key`,
		);
	}
	const bits = key.asymmetricKeyDetails?.modulusLength;
	if (bits !== PUBLIC_KEY_BITS) {
		throw new InputError(FIELD, `${FIELD} must be a ${PUBLIC_KEY_BITS}-bit RSA key; this key has ${bits} bits`);
	}
	return pem;
}

/** preSend of Set Business Public Key (doc 13): the key goes form-urlencoded, as the doc's curl example sends it. */
export const businessPublicKeyForm = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const pem = checkBusinessPublicKey(this.getNodeParameter('businessPublicKey', ''));
	requestOptions.headers = { ...requestOptions.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
	requestOptions.body = new URLSearchParams({ business_public_key: pem }).toString();
	return requestOptions;
});
