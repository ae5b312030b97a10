import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, type GraphSandbox } from '../sandbox';

/**
 * An input problem of a routed operation must read as the node's own error, not as an answer from Meta: n8n's
 * editor shows an "Error code" row and the raw messages only for errors that carry them.
 */
describe('input problems of routed operations', () => {
	let sandbox: GraphSandbox;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const run = async (ids: string[]) =>
		await runAction({
			credentials: sandboxCredentials(sandbox.baseUrl),
			parameters: { resource: 'media', operation: 'delete', mediaObjectId: '={{ $json.id }}' },
			items: ids.map((id) => ({ json: { id } })),
		});

	it('one item: the message names the field and the item, with no error code and no raw messages', async () => {
		const { error } = await run(['abc']);
		expect(error?.message).toBe('Media ID must be a numeric ID such as 1037543291543636; got "abc" [item 0]');
		expect(error?.httpCode).toBeFalsy();
		expect((error as unknown as { messages: string[] }).messages).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
	});

	it("several items, one bad: nothing is sent, and the refusal reads as the node's own error too", async () => {
		const { error } = await run(['1037543291543636', 'abc', '1037543291543637']);
		expect(error?.message).toMatch(/^Nothing was sent: item 1 has invalid input \(Media ID must be a numeric ID/);
		expect(error?.httpCode).toBeFalsy();
		expect((error as unknown as { messages: string[] }).messages).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
	});
});
