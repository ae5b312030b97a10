import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../shared/graphApi';
import { graphRequest } from '../../shared/transport';

/** In the editor: the WABA ID on the node's form, else the credential's; `purpose` says what it is needed for. */
export async function editorBusinessAccountId(ctx: ILoadOptionsFunctions, purpose: string): Promise<string> {
	let id = '';
	try {
		id = String(ctx.getNodeParameter('businessAccountId', '') ?? '').trim();
	} catch {
		// not on this operation's form
	}
	if (!id) id = String((await ctx.getCredentials(CREDENTIAL_TYPE)).businessAccountId ?? '').trim();
	if (!id) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Set the WhatsApp Business Account ID in the credential or on the node to ${purpose}`,
		);
	}
	return id;
}

/** The WABA's phone numbers, for the phone number pickers. */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const waba = await editorBusinessAccountId(this, 'list its phone numbers');
	const body = await graphRequest(this, {
		method: 'GET',
		url: `/${waba}/phone_numbers`,
		qs: paginationToken ? { after: paginationToken } : {},
	});
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
