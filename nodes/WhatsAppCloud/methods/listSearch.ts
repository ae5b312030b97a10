import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';
import { CREDENTIAL_TYPE, graphBaseUrl } from '../../shared/graphApi';

/** GET on the Graph API from the editor (dropdowns); Graph errors become readable NodeApiErrors. */
export async function graphGet(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
		method: 'GET',
		url: path.startsWith('http') ? path : `${graphBaseUrl(credentials)}${path}`,
		qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: IDataObject };
	if (response.statusCode >= 400) throw graphErrorToNodeApiError(ctx.getNode(), response);
	return response.body;
}

async function businessAccountId(ctx: ILoadOptionsFunctions): Promise<string> {
	let id = '';
	try {
		id = String(ctx.getNodeParameter('businessAccountId', '') ?? '').trim();
	} catch {
		// not on this operation's form
	}
	if (!id) id = String((await ctx.getCredentials(CREDENTIAL_TYPE)).businessAccountId ?? '').trim();
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), 'Set the WhatsApp Business Account ID in the credential to list its phone numbers');
	}
	return id;
}

/** The WABA's phone numbers, for the phone number pickers. */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const waba = await businessAccountId(this);
	const body = await graphGet(this, `/${waba}/phone_numbers`, paginationToken ? { after: paginationToken } : {});
	const numbers = (body.data as IDataObject[] | undefined) ?? [];
	const needle = filter?.toLowerCase();
	const results = numbers
		.map((number) => ({
			name: `${String(number.display_phone_number ?? number.id)}${number.verified_name ? ` (${String(number.verified_name)})` : ''}`,
			value: String(number.id),
		}))
		.filter((option) => !needle || option.name.toLowerCase().includes(needle) || option.value.includes(needle));
	const paging = body.paging as { next?: string; cursors?: { after?: string } } | undefined;
	return { results, paginationToken: paging?.next ? paging.cursors?.after : undefined };
}
