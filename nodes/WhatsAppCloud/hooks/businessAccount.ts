import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { resolveBusinessAccountId } from './accountIds';
import { allOrNothing } from './allOrNothing';

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
 * preSend of Subscribe App (docs 59, 60, 28): no body, or the WABA-level callback override
 * (`override_callback_uri` + `verify_token`) that Meta verifies before accepting.
 */
export const subscribeAppBody = allOrNothing(async function (requestOptions) {
	await resolveBusinessAccountId(this);
	const options = this.getNodeParameter('subscribeOptions', {}) as IDataObject;
	const override = String(options.overrideCallbackUri ?? '').trim();
	const verifyToken = String(options.verifyToken ?? '');
	if (override) {
		checkCallbackUrl('Override Callback URL', override);
		if (verifyToken.trim() === '') {
			throw new InputError(
				'Verify Token',
				'Verify Token is required with Override Callback URL: Meta sends it to the URL to verify it',
			);
		}
		requestOptions.body = { override_callback_uri: override, verify_token: verifyToken };
	} else if (verifyToken) {
		throw new InputError('Verify Token', 'Verify Token is only used together with Override Callback URL');
	}
	return requestOptions;
});
