import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../shared/graphApi';
import { InputError } from '../../shared/InputError';

async function resolveId(
	ctx: IExecuteSingleFunctions,
	parameterName: string,
	credentialField: string,
	label: string,
): Promise<string> {
	let value = '';
	try {
		value = String(ctx.getNodeParameter(parameterName, '', { extractValue: true }) ?? '').trim();
	} catch {
		// the operation has no such field: the credential's value applies
	}
	if (!value) {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		value = String(credentials[credentialField] ?? '').trim();
	}
	if (!value) {
		throw new InputError(label, `${label} is empty: set it on the node or in the WhatsApp Cloud API credential`);
	}
	if (!/^\d+$/.test(value)) {
		throw new InputError(label, `${label} must be a numeric Graph ID; got "${value}"`);
	}
	return value;
}

/** The phone number ID chosen on the node, else the credential's default sender. */
export async function resolvePhoneNumberId(ctx: IExecuteSingleFunctions): Promise<string> {
	return await resolveId(ctx, 'phoneNumberId', 'phoneNumberId', 'Phone Number ID');
}

/** The WhatsApp Business Account ID chosen on the node, else the credential's. */
export async function resolveBusinessAccountId(ctx: IExecuteSingleFunctions): Promise<string> {
	return await resolveId(ctx, 'businessAccountId', 'businessAccountId', 'WhatsApp Business Account ID');
}
