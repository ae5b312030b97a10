import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { blockListState } from '../sandbox/routes/blockedUsers';

const PATH = `/${SANDBOX_IDS.phoneNumberId}/block_users`;
const PLACEHOLDER = '<PHONE_NUMBER> or <WA_ID>';

/** The doc's example body with its user placeholder filled in. */
function example(name: string, user: string): unknown {
	return JSON.parse(JSON.stringify(docFixture('account-b', name).body).replace(PLACEHOLDER, user));
}

describe('Blocked User resource', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const block = (users: string, extra: Record<string, unknown> = {}) =>
		runAction({ credentials, parameters: { resource: 'blockedUser', operation: 'block', users, ...extra } });

	describe('Block', () => {
		it('sends the documented body and outputs one item per blocked user', async () => {
			const { items, error } = await block('+1 650-555-1234');
			expect(error).toBeUndefined();
			const requests = sandbox.requestsTo('POST', PATH);
			expect(requests).toHaveLength(1);
			expect(requests[0].query).toEqual({});
			expect(requests[0].body).toEqual(example('04-block-users', '+1 650-555-1234'));
			expect(items.map((item) => item.json)).toEqual([
				{ input: '+1 650-555-1234', wa_id: '16505551234', status: 'blocked' },
			]);
			expect([...blockListState(sandbox).lists.get(SANDBOX_IDS.phoneNumberId)!.keys()]).toEqual(['16505551234']);
		});

		it('accepts several users separated by commas and new lines, and a list from an expression', async () => {
			await block('16505551234, 16505555678\n16505550100');
			expect((sandbox.requestsTo('POST', PATH)[0].body as { block_users: unknown[] }).block_users).toEqual([
				{ user: '16505551234' },
				{ user: '16505555678' },
				{ user: '16505550100' },
			]);
			sandbox.reset();
			const { items } = await block('={{ ["16505550101", "16505550102"] }}');
			expect((sandbox.requestsTo('POST', PATH)[0].body as { block_users: unknown[] }).block_users).toEqual([
				{ user: '16505550101' },
				{ user: '16505550102' },
			]);
			expect(items.map((item) => item.json.status)).toEqual(['blocked', 'blocked']);
		});

		it('turns the documented partial failure (400 + 139100) into per-user items, keeping the input order', async () => {
			const { items, error } = await block('16505559999, 16505551234, 15550783881');
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', PATH);
			expect(request.status).toBe(400);
			expect((request.response as { error: { code: number } }).error.code).toBe(139100);
			expect(items.map((item) => item.json)).toEqual([
				{
					input: '16505559999',
					wa_id: '16505559999',
					status: 'failed',
					error: {
						code: 131047,
						message: 'Re-engagement required',
						details:
							'The business has not received a message from this number in the last 24 hours, or it is not a valid WhatsApp user.',
						hint: expect.stringContaining('last 24 hours'),
					},
				},
				{ input: '16505551234', wa_id: '16505551234', status: 'blocked' },
				{
					input: '15550783881',
					wa_id: '15550783881',
					status: 'failed',
					// Docs: 131021 is "Self Block" on the Block Users page (04), "Recipient cannot be sender" in doc 86.
					error: expect.objectContaining({
						code: 131021,
						message: 'Self Block',
						hint: expect.stringContaining('Self Block'),
					}),
				},
			]);
			expect(items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		});

		it('fails when every user failed, naming each user and reason', async () => {
			const { error, items } = await block('16505559998, 16505559999');
			expect(items).toHaveLength(0);
			expect(error?.message).toBe('Could not block 2 of 2 users (WhatsApp error 139100)');
			expect(error?.description).toContain('16505559998: 131047 - Re-engagement required');
			expect(error?.description).toContain('16505559999: 131047');
			expect(error?.description).toContain('Failed to block some users');
		});

		it('fails on any failed user when asked to, saying how many were blocked anyway', async () => {
			const { error } = await block('16505551234, 16505559999', { onUserFailure: 'failIfAnyFails' });
			expect(error?.message).toBe('Could not block 1 of 2 users (WhatsApp error 139100)');
			expect(error?.description).toContain('1 other user(s) were blocked.');
			expect(blockListState(sandbox).lists.get(SANDBOX_IDS.phoneNumberId)!.has('16505551234')).toBe(true);
		});

		it('never fails when asked to, even when every user failed', async () => {
			const { error, items } = await block('16505559999', { onUserFailure: 'neverFail' });
			expect(error).toBeUndefined();
			expect(items.map((item) => [item.json.input, item.json.status])).toEqual([['16505559999', 'failed']]);
		});

		it.each([
			['={{ [] }}', 'Users is required: give at least one phone number or WhatsApp ID'],
			[' , \n', 'Users is required: give at least one phone number or WhatsApp ID'],
			['16505551234, john', 'Users: "john" is not a phone number with country code or a WhatsApp ID'],
			['1234', 'Users: "1234" is not a phone number'],
			['[1, 2', 'Users is not valid JSON'],
		])('refuses %j before sending anything', async (users, message) => {
			const { error } = await block(users);
			expect(error?.message).toContain(message);
			expect(error?.message).toContain('[item 0]');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('refuses more users than a block list can hold (64,000)', async () => {
			const users = Array.from({ length: 64_001 }, (_, i) => String(10_000_000_000 + i));
			const { error } = await runAction({
				credentials,
				items: [{ json: { users } }],
				parameters: { resource: 'blockedUser', operation: 'block', users: '={{ $json.users }}' },
			});
			expect(error?.message).toContain('Users has 64001 users, the limit is 64000');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('sends nothing for any item when one item is invalid', async () => {
			const { error } = await runAction({
				credentials,
				items: [{ json: { u: '16505551234' } }, { json: { u: 'nobody' } }],
				parameters: { resource: 'blockedUser', operation: 'block', users: '={{ $json.u }}' },
			});
			expect(error?.message).toContain('item 1');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('blocks from the phone number chosen on the node', async () => {
			const { error } = await block('16505551234', {
				phoneNumberId: { __rl: true, mode: 'id', value: SANDBOX_IDS.secondPhoneNumberId },
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${SANDBOX_IDS.secondPhoneNumberId}/block_users`)).toHaveLength(1);
			expect(sandbox.requestsTo('POST', PATH)).toHaveLength(0);
		});

		it('turns another Graph error into a NodeApiError with Meta code', async () => {
			sandbox.injectError(130429, {
				path: /block_users$/,
				title: 'Rate limit hit',
				details: 'Too many numbers in the request',
			});
			const { error } = await block('16505551234');
			expect(error?.message).toBe('WhatsApp error 130429: Rate limit hit');
			expect(error?.description).toContain('Too many numbers in the request');
			expect(error?.httpCode).toBe('130429'); // Meta's code is the error's code (n8n shows httpCode as "Error code")
		});
	});

	describe('Unblock', () => {
		it('sends the documented DELETE body and reads the documented added_users answer', async () => {
			await block('16505551234, 16505555678');
			sandbox.requests.length = 0;
			const { items, error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'unblock', users: '16505551234' },
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('DELETE', PATH);
			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual(example('04-unblock-users', '16505551234'));
			// Docs: doc 04 answers an unblock with `added_users`; those users are reported as unblocked.
			expect((request.response as { block_users: { added_users: unknown[] } }).block_users.added_users).toHaveLength(1);
			expect(items.map((item) => item.json)).toEqual([
				{ input: '16505551234', wa_id: '16505551234', status: 'unblocked' },
			]);
			expect([...blockListState(sandbox).lists.get(SANDBOX_IDS.phoneNumberId)!.keys()]).toEqual(['16505555678']);
		});

		it('fails when the only user could not be unblocked', async () => {
			const { error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'unblock', users: '+1 555-078-3881' },
			});
			expect(error?.message).toBe('Could not unblock 1 of 1 users (WhatsApp error 139100)');
			expect(error?.description).toContain('131021 - Self Block');
		});
	});

	describe('List', () => {
		async function blockMany(count: number): Promise<string[]> {
			const users = Array.from({ length: count }, (_, i) => String(16505550100 + i));
			const { error } = await block(users.join(','));
			expect(error).toBeUndefined();
			sandbox.requests.length = 0;
			return users;
		}

		it('returns every blocked user across 3 pages with Return All, one item per user', async () => {
			const users = await blockMany(60);
			const { items, error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'list', returnAll: true },
			});
			expect(error).toBeUndefined();
			const pages = sandbox.requestsTo('GET', PATH);
			expect(pages).toHaveLength(3);
			expect(pages[0].query).toEqual({});
			expect(pages[1].query.after).toBe(
				(pages[0].response as { paging: { cursors: { after: string } } }).paging.cursors.after,
			);
			expect(pages[2].query.after).toBe(
				(pages[1].response as { paging: { cursors: { after: string } } }).paging.cursors.after,
			);
			expect(items.map((item) => item.json.wa_id)).toEqual(users);
			expect(items[0].json).toEqual({ input: users[0], wa_id: users[0] });
		});

		it('sends the limit and returns at most that many users', async () => {
			await blockMany(30);
			const { items, error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'list', returnAll: false, limit: 10 },
			});
			expect(error).toBeUndefined();
			const pages = sandbox.requestsTo('GET', PATH);
			expect(pages.map((p) => p.query)).toEqual([docFixture('account-b', '04-list-blocked-users').body]);
			expect(items).toHaveLength(10);
			expect(items.map((item) => item.json.wa_id)).toEqual(
				Array.from({ length: 10 }, (_, i) => String(16505550100 + i)),
			);
		});

		it('returns no items for an empty block list', async () => {
			const { items, error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'list', returnAll: true },
			});
			expect(error).toBeUndefined();
			expect(items).toEqual([]);
		});

		it('starts again from the first page when the list changed while paging (139102)', async () => {
			const users = await blockMany(60);
			blockListState(sandbox).concurrentUpdates = 1;
			const { items, error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'list', returnAll: true },
			});
			expect(error).toBeUndefined();
			const pages = sandbox.requestsTo('GET', PATH);
			expect(pages.map((p) => p.status)).toEqual([200, 400, 200, 200, 200]);
			expect(pages[2].query).toEqual({});
			expect(items.map((item) => item.json.wa_id)).toEqual(users);
		});

		it('reports 139102 by its code, not the #135002 in its message, when the list keeps changing', async () => {
			await blockMany(60);
			blockListState(sandbox).concurrentUpdates = 100;
			const { error } = await runAction({
				credentials,
				parameters: { resource: 'blockedUser', operation: 'list', returnAll: true },
			});
			// Docs: doc 04's example carries code 139102 with the message "(#135002) Blocklist concurrent update"; the code wins.
			expect(error?.message).toBe('WhatsApp error 139102: Blocklist concurrent update');
			expect(error?.description).toContain('retry with offset 0');
			expect(sandbox.requestsTo('GET', PATH).filter((p) => p.status === 400)).toHaveLength(4);
		});
	});
});
