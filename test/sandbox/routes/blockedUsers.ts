import { fbtraceId, graphError, httpStatusFor } from '../graphError';
import { unsupported, type GraphSandbox, type RouteModule, type SandboxRequest, type SandboxResponse } from '../server';
import type { GraphFault } from '../validate/fault';
import { validateBlockUsersBody } from '../validate/accountB';

/** Doc 04: 64k users per block list. */
export const BLOCK_LIST_LIMIT = 64_000;
const DEFAULT_PAGE = 25;
const KEY = 'blockedUsers';

/** Users who "wrote in the last 24 hours" to each sandbox number: only they can be blocked (doc 04). */
export const RECENT_WRITERS: readonly string[] = [
	'16505551234',
	'16505555678',
	...Array.from({ length: 100 }, (_, i) => String(16505550100 + i)),
];

interface BlockedUser {
	input: string;
	wa_id: string;
}

export interface BlockListState {
	/** phone number ID -> wa_id -> user, in blocking order. */
	lists: Map<string, Map<string, BlockedUser>>;
	/** Bumped on every change; list cursors carry it (doc 04: `version_id`). */
	versions: Map<string, number>;
	recentWriters: Map<string, Set<string>>;
	/** Test knob: this many page requests with a cursor find the list changed meanwhile (139102). */
	concurrentUpdates: number;
}

export function blockListState(sandbox: GraphSandbox): BlockListState {
	let state = sandbox.state.extra.get(KEY) as BlockListState | undefined;
	if (!state) {
		state = { lists: new Map(), versions: new Map(), recentWriters: new Map(), concurrentUpdates: 0 };
		for (const phone of sandbox.state.phoneNumbers.keys()) {
			state.lists.set(phone, new Map());
			state.versions.set(phone, 1);
			state.recentWriters.set(phone, new Set(RECENT_WRITERS));
		}
		sandbox.state.extra.set(KEY, state);
	}
	return state;
}

const faultResponse = (fault: GraphFault): SandboxResponse => ({
	status: fault.httpStatus ?? httpStatusFor(fault.code),
	body: graphError(fault.code, fault.title, fault.details),
});

const userError = (code: number, message: string, details: string) => ({ message, code, error_data: { details } });

function changeList(sandbox: GraphSandbox, req: SandboxRequest, block: boolean): SandboxResponse {
	const phone = req.params.phone;
	const number = sandbox.state.phoneNumbers.get(phone);
	if (!number) return unsupported(req.method, phone);
	const fault = validateBlockUsersBody(req.json);
	if (fault) return faultResponse(fault);
	const state = blockListState(sandbox);
	const list = state.lists.get(phone)!;
	const own = number.display_phone_number.replace(/\D/g, '');
	const added: BlockedUser[] = [];
	const failed: Array<BlockedUser & { errors: unknown[] }> = [];
	for (const { user } of (req.json as { block_users: Array<{ user: string }> }).block_users) {
		const wa_id = user.replace(/\D/g, '');
		const entry = { input: user, wa_id };
		if (wa_id === own) {
			failed.push({ ...entry, errors: [userError(131021, 'Self Block', 'Failed to block self phone number.')] });
		} else if (!block) {
			if (list.delete(wa_id)) state.versions.set(phone, state.versions.get(phone)! + 1);
			added.push(entry);
		} else if (!state.recentWriters.get(phone)!.has(wa_id)) {
			failed.push({
				...entry,
				errors: [
					userError(
						131047,
						'Re-engagement required',
						'The business has not received a message from this number in the last 24 hours, or it is not a valid WhatsApp user.',
					),
				],
			});
		} else if (!list.has(wa_id) && list.size >= BLOCK_LIST_LIMIT) {
			failed.push({
				...entry,
				errors: [userError(139101, 'Blocklist limit reached', 'The 64k block list limit is reached.')],
			});
		} else {
			if (!list.has(wa_id)) {
				list.set(wa_id, entry);
				state.versions.set(phone, state.versions.get(phone)! + 1);
			}
			added.push(entry);
		}
	}
	// Docs: doc 04 shows the unblock answer with `added_users` too; the sandbox answers as documented.
	if (failed.length === 0) {
		return { status: 200, body: { messaging_product: 'whatsapp', block_users: { added_users: added } } };
	}
	return {
		status: 400,
		body: {
			messaging_product: 'whatsapp',
			block_users: { added_users: added, failed_users: failed },
			error: {
				message: '(#139100) Failed to block/unblock users',
				type: 'OAuthException',
				code: 139100,
				error_data: {
					details: `Failed to ${block ? 'block' : 'unblock'} some users, see the block_users response list for details`,
				},
				fbtrace_id: fbtraceId(),
			},
		},
	};
}

const cursor = (version: number, index: number) => Buffer.from(`${version}:${index}`).toString('base64');

function readCursor(value: string): { version: number; index: number } | undefined {
	const match = /^(\d+):(\d+)$/.exec(Buffer.from(value, 'base64').toString('utf8'));
	return match ? { version: Number(match[1]), index: Number(match[2]) } : undefined;
}

function listPage(sandbox: GraphSandbox, req: SandboxRequest): SandboxResponse {
	const phone = req.params.phone;
	if (!sandbox.state.phoneNumbers.has(phone)) return unsupported('GET', phone);
	const state = blockListState(sandbox);
	const limit = req.query.limit === undefined ? DEFAULT_PAGE : Number(req.query.limit);
	if (!Number.isInteger(limit) || limit < 1) {
		return {
			status: 400,
			body: graphError(100, 'Invalid parameter', `Param limit must be a positive integer (got "${req.query.limit}").`),
		};
	}
	const given = req.query.after ?? req.query.before;
	if (given !== undefined && state.concurrentUpdates > 0) {
		state.concurrentUpdates--;
		state.versions.set(phone, state.versions.get(phone)! + 1);
	}
	const version = state.versions.get(phone)!;
	const users = [...state.lists.get(phone)!.values()];
	let start = 0;
	if (given !== undefined) {
		const position = readCursor(given);
		if (!position) return { status: 400, body: graphError(100, 'Invalid parameter', 'Invalid pagination cursor.') };
		if (position.version !== version) {
			// Doc 04's example: code 139102, with a message that says #135002.
			return {
				status: 400,
				body: {
					messaging_product: 'whatsapp',
					error: {
						message: '(#135002) Blocklist concurrent update',
						type: 'OAuthException',
						code: 139102,
						error_data: {
							messaging_product: 'whatsapp',
							details: 'Blocklist was updated during retrieval - retry with offset 0',
						},
						fbtrace_id: fbtraceId(),
					},
				},
			};
		}
		start = req.query.after !== undefined ? position.index : Math.max(0, position.index - limit);
	}
	const page = users.slice(start, start + limit);
	if (page.length === 0) return { status: 200, body: { data: [] } };
	const base = `${sandbox.baseUrl}/${req.version ?? 'v22.0'}/${phone}/block_users?limit=${limit}`;
	const after = cursor(version, start + page.length);
	const before = cursor(version, start);
	return {
		status: 200,
		body: {
			data: [{ block_users: page }],
			paging: {
				cursors: { after, before },
				...(start > 0 ? { previous: `${base}&before=${before}` } : {}),
				...(start + page.length < users.length ? { next: `${base}&after=${after}` } : {}),
			},
		},
	};
}

/** Block, unblock and list blocked users (doc 04). */
export const blockedUserRoutes: RouteModule = (sandbox) => {
	sandbox.route('POST', '/:phone/block_users', (req) => changeList(sandbox, req, true));
	sandbox.route('DELETE', '/:phone/block_users', (req) => changeList(sandbox, req, false));
	sandbox.route('GET', '/:phone/block_users', (req) => listPage(sandbox, req));
};
