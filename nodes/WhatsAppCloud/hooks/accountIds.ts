import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, graphId } from '../../shared/graphApi';

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
	const fallback = value ? '' : (await ctx.getCredentials(CREDENTIAL_TYPE))[credentialField];
	return graphId(value, fallback, label);
}

/** The phone number ID chosen on the node, else the credential's default sender. */
export async function resolvePhoneNumberId(ctx: IExecuteSingleFunctions): Promise<string> {
	return await resolveId(ctx, 'phoneNumberId', 'phoneNumberId', 'Phone Number ID');
}

/** The WhatsApp Business Account ID chosen on the node, else the credential's. */
export async function resolveBusinessAccountId(ctx: IExecuteSingleFunctions): Promise<string> {
	return await resolveId(ctx, 'businessAccountId', 'businessAccountId', 'WhatsApp Business Account ID');
}
