import { generateKeyPairSync } from 'node:crypto';

import { graphError, httpStatusFor } from '../graphError';
import { unsupported, type GraphSandbox, type RouteModule } from '../server';
import { SANDBOX_IDS } from '../state';
import { validateBusinessPublicKey } from '../validate/accountB';

const KEY = 'flowsEncryption';

export interface StoredPublicKey {
	business_public_key: string;
	business_public_key_signature_status: 'VALID' | 'MISMATCH';
}

let seededKey: string | undefined;

/** A key whose signature no longer matches, on the second sandbox number. */
function mismatchedKey(): string {
	seededKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
		.publicKey.export({ type: 'spki', format: 'pem' })
		.toString()
		.trim();
	return seededKey;
}

export function publicKeyState(sandbox: GraphSandbox): Map<string, StoredPublicKey> {
	let state = sandbox.state.extra.get(KEY) as Map<string, StoredPublicKey> | undefined;
	if (!state) {
		state = new Map([
			[
				SANDBOX_IDS.secondPhoneNumberId,
				{ business_public_key: mismatchedKey(), business_public_key_signature_status: 'MISMATCH' },
			],
		]);
		sandbox.state.extra.set(KEY, state);
	}
	return state;
}

/** Set and get the business public key for WhatsApp Flows (doc 13). */
export const flowsEncryptionRoutes: RouteModule = (sandbox) => {
	sandbox.route('GET', '/:phone/whatsapp_business_encryption', (req) => {
		if (!sandbox.state.phoneNumbers.has(req.params.phone)) return unsupported('GET', req.params.phone);
		return { status: 200, body: { ...publicKeyState(sandbox).get(req.params.phone) } };
	});

	sandbox.route('POST', '/:phone/whatsapp_business_encryption', (req) => {
		const phone = sandbox.state.phoneNumbers.get(req.params.phone);
		if (!phone) return unsupported('POST', req.params.phone);
		// Doc 13: the number must be registered first.
		if (!phone.registered) {
			return {
				status: 400,
				body: graphError(
					133010,
					'Phone number Not Registered',
					'Register the phone number before setting its business public key.',
				),
			};
		}
		const fault = validateBusinessPublicKey(String(req.headers['content-type'] ?? ''), req.form);
		if (fault)
			return {
				status: fault.httpStatus ?? httpStatusFor(fault.code),
				body: graphError(fault.code, fault.title, fault.details),
			};
		publicKeyState(sandbox).set(req.params.phone, {
			business_public_key: req.form!.business_public_key.trim(),
			business_public_key_signature_status: 'VALID',
		});
		return { status: 200, body: { success: true } };
	});
};
