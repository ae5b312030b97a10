import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { graphErrorToNodeApiError, lookupGraphError, parseGraphError } from '../../shared/GraphErrors';
import { isPhoneNumberOrWaId } from '../../shared/graphApi';
import { checkCount, InputError, parseJsonInput } from '../../shared/InputError';
import { checkGraphResponse, graphResponse } from '../../shared/transport';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';
import { readsGraphErrors } from './graphResponse';

/** Doc 04: a block list holds at most 64k users, so no single request can usefully name more. */
export const MAX_BLOCK_LIST = 64_000;
const USERS_FIELD = 'Users';
const PARTIAL_FAILURE = 139100;
// Docs: doc 04's example pairs code 139102 with the message "(#135002) ..."; we go by `code`.
const CONCURRENT_UPDATE = 139102;
const LIST_RESTARTS = 3;

export type UserFailurePolicy = 'failIfAllFail' | 'failIfAnyFails' | 'neverFail';

/** The users of one Block/Unblock item: a list, a JSON array, or text separated by commas, semicolons or new lines. */
export function parseUsers(value: unknown): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (typeof value === 'number') list = [value];
	else if (typeof value === 'string' && value.trim().startsWith('[')) {
		const parsed = parseJsonInput<unknown>(USERS_FIELD, value.trim());
		if (!Array.isArray(parsed)) throw new InputError(USERS_FIELD, `${USERS_FIELD} must be a list of phone numbers`);
		list = parsed;
	} else if (typeof value === 'string') list = value.split(/[,;\n]/);
	else list = [];
	const users = [
		...new Set(
			list.map((entry) =>
				String(
					typeof entry === 'object' && entry !== null ? ((entry as IDataObject).user ?? '') : (entry ?? ''),
				).trim(),
			),
		),
	].filter((user) => user !== '');
	if (users.length === 0)
		throw new InputError(USERS_FIELD, `${USERS_FIELD} is required: give at least one phone number or WhatsApp ID`);
	checkCount(USERS_FIELD, users, 1, MAX_BLOCK_LIST, 'users');
	for (const user of users) {
		if (!isPhoneNumberOrWaId(user)) {
			throw new InputError(
				USERS_FIELD,
				`${USERS_FIELD}: "${user}" is not a phone number with country code or a WhatsApp ID (digits, optionally +, spaces, dashes, parentheses)`,
			);
		}
	}
	return users;
}

/** preSend of Block and Unblock (doc 04): the same body on POST and DELETE. */
export const blockUsersBody = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const users = parseUsers(this.getNodeParameter('users', ''));
	requestOptions.body = { messaging_product: 'whatsapp', block_users: users.map((user) => ({ user })) };
	return requestOptions;
});

interface GraphUser {
	input?: string;
	wa_id?: string;
	errors?: Array<{ message?: string; code?: string | number; error_data?: { details?: string } }>;
}

function userHint(code: number | undefined): string | undefined {
	if (code === 131047) {
		return 'Only users who messaged this number in the last 24 hours can be blocked; the number may also not be a WhatsApp user.';
	}
	// Docs: doc 86 calls 131021 "Recipient cannot be sender"; the Block Users page (04) calls it "Self Block" - for blocking we follow 04.
	if (code === 131021) return 'Self Block: a business number cannot block itself.';
	return code === undefined ? undefined : lookupGraphError(code)?.hint;
}

function failedUser(user: GraphUser): IDataObject {
	const error = user.errors?.[0];
	const code = error?.code === undefined || error.code === '' ? undefined : Number(error.code);
	const details: IDataObject = {};
	if (code !== undefined && Number.isFinite(code)) details.code = code;
	if (error?.message) details.message = error.message;
	if (error?.error_data?.details) details.details = error.error_data.details;
	const hint = userHint(details.code as number | undefined);
	if (hint) details.hint = hint;
	return { input: user.input, wa_id: user.wa_id, status: 'failed', error: details };
}

/**
 * postReceive of Block and Unblock: one item per user with its status. Doc 04 answers a partial failure
 * with HTTP 400 + error 139100 and the per-user lists, so this step reads Graph errors itself.
 */
export const readBlockUsersAnswer = readsGraphErrors(async function (
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const requested = parseUsers(this.getNodeParameter('users', '')).map((user) => ({ user }));
	return blockUsersResults(this, response, requested, this.getNodeParameter('operation') === 'unblock');
});

export function blockUsersResults(
	ctx: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	requested: IDataObject[],
	unblock: boolean,
): INodeExecutionData[] {
	const itemIndex = ctx.getItemIndex();
	const body = (response.body ?? {}) as {
		block_users?: { added_users?: GraphUser[]; removed_users?: GraphUser[]; failed_users?: GraphUser[] };
	};
	const lists = body.block_users;
	const partial = response.statusCode >= 400 && lists !== undefined && parseGraphError(body)?.code === PARTIAL_FAILURE;
	if (response.statusCode >= 400 && !partial) throw graphErrorToNodeApiError(ctx.getNode(), response, itemIndex);

	// Docs: doc 04 shows the unblock answer with `added_users` (not "removed"); we read that, and `removed_users` if Graph ever sends it.
	const done = [...(lists?.added_users ?? []), ...(unblock ? (lists?.removed_users ?? []) : [])];
	const status = unblock ? 'unblocked' : 'blocked';
	const results = [
		...done.map((user): IDataObject => ({ input: user.input, wa_id: user.wa_id, status })),
		...(lists?.failed_users ?? []).map(failedUser),
	];
	const order = requested.map((entry) => String(entry.user));
	const rank = (result: IDataObject) => {
		const index = order.indexOf(String(result.input));
		return index === -1 ? order.length : index;
	};
	results.sort((a, b) => rank(a) - rank(b));

	const failed = results.filter((result) => result.status === 'failed');
	const policy = ctx.getNodeParameter('onUserFailure', 'failIfAllFail') as UserFailurePolicy;
	const fail =
		failed.length > 0 &&
		((policy === 'failIfAllFail' && failed.length === results.length) || policy === 'failIfAnyFails');
	if (fail) {
		const error = graphErrorToNodeApiError(ctx.getNode(), response, itemIndex);
		const verb = unblock ? 'unblock' : 'block';
		const succeeded = results.length - failed.length;
		error.message = `Could not ${verb} ${failed.length} of ${results.length} users (WhatsApp error ${parseGraphError(body)?.code ?? PARTIAL_FAILURE})`;
		const lines = failed.map((result) => {
			const detail = result.error as IDataObject;
			return `${String(result.input)}: ${[detail.code, detail.message, detail.details].filter(Boolean).join(' - ')}${detail.hint ? ` (${String(detail.hint)})` : ''}`;
		});
		if (succeeded > 0) lines.push(`${succeeded} other user(s) were ${status}.`);
		error.description = [...lines, error.description].filter(Boolean).join('\n');
		throw error;
	}
	return results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

interface BlockListPage {
	data?: Array<{ block_users?: IDataObject[] }>;
	paging?: { cursors?: { after?: string }; next?: string };
}

/** Doc 04's list nests the users: `data[].block_users[]`; one output item per blocked user. */
function blockedUsersOf(body: unknown): IDataObject[] {
	return ((body ?? {}) as BlockListPage).data?.flatMap((entry) => entry.block_users ?? []) ?? [];
}

/**
 * Return All over the block list's cursors. Doc 04: when the list changes while paging, Graph answers
 * 139102 "retry with offset 0", so the listing starts again from the first page (a few times at most).
 */
export async function blockedUsersPagination(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = requestData.options;
	const itemIndex = this.getItemIndex();
	const qs: IDataObject = { ...options.qs };
	delete qs.limit;
	delete qs.after;
	for (let attempt = 0; ; attempt++) {
		const items: INodeExecutionData[] = [];
		let after: string | undefined;
		let restart = false;
		for (let page = 0; page < 10_000; page++) {
			const response = await graphResponse(
				this,
				{ url: String(options.url), qs: after ? { ...qs, after } : qs, itemIndex, timeout: options.timeout },
				{ proxy: options.proxy, skipSslCertificateValidation: options.skipSslCertificateValidation === true },
			);
			if (response.statusCode >= 400) {
				if (parseGraphError(response.body)?.code === CONCURRENT_UPDATE && attempt < LIST_RESTARTS) {
					restart = true;
					break;
				}
				checkGraphResponse(this, response, itemIndex);
			}
			const users = blockedUsersOf(response.body);
			items.push(...users.map((json) => ({ json, pairedItem: { item: itemIndex } })));
			const paging = (response.body as BlockListPage).paging;
			after = paging?.cursors?.after;
			if (!paging?.next || !after || users.length === 0) break;
		}
		if (!restart) return items;
	}
}
