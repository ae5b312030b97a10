/**
 * The send pipeline (nodes/WhatsAppCloud/send/) through n8n-core against the sandbox: per-item retries decided by the
 * error table, nothing sent twice, all-or-nothing checks, Continue On Fail and the error output, per-recipient order.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { RoutingNode } from 'n8n-core';

import { sendOneMessage } from '../../nodes/WhatsAppCloud/send';
import {
	ACTION_TYPE,
	loadedNodeType,
	registerNodeType,
	runAction,
	sandboxCredentials,
	TRIGGER_TYPE,
	type ActionRun,
} from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { useMessageSandbox } from './messageCases';
import { graphError } from '../sandbox/graphError';
import type { RecordedRequest, RequestFault } from '../sandbox/server';

const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;

/** Items to recipients of their own: +16505553000, +16505553001, ... */
const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { to: `+1650555${3000 + i}`, text: `message ${i}` } }));
const recipient = (item: number) => `+1650555${3000 + item}`;
const toOf = (request: RecordedRequest) => (request.body as { to?: string } | undefined)?.to;
const continueOnFail: Partial<INode> = { onError: 'continueRegularOutput' };

// Retries wait (a quarter of a second to a few seconds): a test must not fail for being slow, only for being wrong.
jest.setTimeout(30_000);

describe('the send pipeline through n8n-core', () => {
	const api = useMessageSandbox();
	let sandbox: GraphSandbox;
	beforeEach(() => (sandbox = api.sandbox));

	async function sendText(
		input: INodeExecutionData[],
		options: { settings?: Partial<INode>; messageOptions?: IDataObject; fields?: IDataObject } = {},
	): Promise<ActionRun> {
		const { settings, messageOptions, fields } = options;
		return await api.send(
			'sendText',
			{ textBody: '={{ $json.text }}', ...fields },
			{
				items: input,
				recipient: (fields?.recipient as string | undefined) ?? '={{ $json.to }}',
				messageOptions,
				settings,
			},
		);
	}

	/** The first `times` sends to `to` meet `fault`; everything else is answered as Graph would. */
	function faultFor(to: string, fault: RequestFault, times = 1): void {
		let left = times;
		sandbox.setFaultHook(({ method, path, json }) => {
			if (method !== 'POST' || path !== MESSAGES_PATH || (json as { to?: string })?.to !== to || left <= 0)
				return undefined;
			left--;
			return fault;
		});
	}

	const sendsTo = (to: string) => sandbox.requestsTo('POST', MESSAGES_PATH).filter((request) => toOf(request) === to);
	const refusal = (status: number, code: number, title: string, headers?: Record<string, string>): RequestFault => ({
		process: false,
		answer: { status, body: graphError(code, title, 'Injected by the test'), headers },
	});

	describe('retries only what Meta did not accept, then sends it once', () => {
		it.each([
			['130429 (throughput)', refusal(400, 130429, 'Rate limit hit')],
			['131056 (pair rate limit)', refusal(400, 131056, '(Business Account, Consumer Account) pair rate limit hit')],
			['80007 (account rate limit)', refusal(400, 80007, 'Rate limit issues', { 'Retry-After': '0' })],
			['4 (app rate limit)', refusal(400, 4, 'API Too Many Calls', { 'Retry-After': '0' })],
			[
				'HTTP 429 without a Graph error',
				{
					process: false,
					answer: {
						status: 429,
						body: 'Too Many Requests',
						contentType: 'text/plain',
						headers: { 'Retry-After': '0' },
					},
				},
			],
			['133004 (transient, HTTP 503)', refusal(503, 133004, 'Server Temporarily Unavailable', { 'Retry-After': '0' })],
			['2 (transient, HTTP 503)', refusal(503, 2, 'API Service', { 'Retry-After': '0' })],
		] as Array<[string, RequestFault]>)('%s', async (_name, fault) => {
			faultFor(recipient(1), fault);
			const run = await sendText(items(3));
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.waId)).toEqual(['16505553000', '16505553001', '16505553002']);
			expect(sendsTo(recipient(1)).map((request) => request.status)).toEqual([fault.answer?.status, 200]);
			expect(sandbox.traffic.accepted()).toBe(3);
			expect(sandbox.traffic.duplicates).toBe(0);
		});

		it("waits as long as Meta's Retry-After says", async () => {
			faultFor(recipient(0), refusal(400, 130429, 'Rate limit hit', { 'Retry-After': '1' }));
			const run = await sendText(items(1));
			expect(run.error).toBeUndefined();
			const [refused, accepted] = sendsTo(recipient(0));
			expect(accepted.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(1000);
		});

		it('gives up after Retry Attempts, naming the options, without sending it', async () => {
			faultFor(recipient(0), refusal(400, 80007, 'Rate limit issues', { 'Retry-After': '0' }), 10);
			const run = await sendText(items(1), { messageOptions: { retryAttempts: 2 } });
			expect(run.error?.message).toBe('WhatsApp error 80007: Rate limit issues');
			expect(run.error?.description).toMatch(/Sent 3 times .* Retry Attempts and Max Wait/);
			expect(sendsTo(recipient(0))).toHaveLength(3);
			expect(sandbox.traffic.accepted()).toBe(0);
		});
	});

	describe('never sends again what Meta refused for good, or what it may have accepted', () => {
		it.each([
			[
				'131047 (re-engagement)',
				refusal(400, 131047, 'Re-engagement message'),
				'WhatsApp error 131047: Re-engagement message',
				false,
			],
			[
				'131049 (retry only much later)',
				refusal(400, 131049, 'Meta chose not to deliver.'),
				'WhatsApp error 131049: Meta chose not to deliver.',
				false,
			],
			[
				'100 (invalid parameter)',
				refusal(400, 100, 'Invalid parameter'),
				'WhatsApp error 100: Invalid parameter',
				false,
			],
			[
				'131000 (unknown outcome, HTTP 500)',
				refusal(500, 131000, 'Something went wrong'),
				'May have been sent: WhatsApp error 131000: Something went wrong',
				true,
			],
			[
				'HTTP 503 without a Graph error',
				{ process: false, answer: { status: 503, body: 'Service Unavailable', contentType: 'text/plain' } },
				'May have been sent: WhatsApp request failed with HTTP 503',
				true,
			],
		] as Array<[string, RequestFault, string, boolean]>)('%s', async (_name, fault, message, maybeSent) => {
			faultFor(recipient(1), fault, 10);
			const run = await sendText(items(3), { settings: continueOnFail });
			expect(run.error).toBeUndefined();
			expect(sendsTo(recipient(1))).toHaveLength(1);
			expect(run.items.map((item) => item.json.messageId ?? item.json.error)).toEqual([
				expect.stringMatching(/^wamid\./),
				message,
				expect.stringMatching(/^wamid\./),
			]);
			expect((run.items[1].json.details as IDataObject).maybeSent).toBe(maybeSent ? true : undefined);
			expect(run.items[1].pairedItem).toEqual({ item: 1 });
		});
	});

	it('gets every message accepted exactly once when Meta throttles and fails now and then', async () => {
		let request = 0;
		sandbox.setFaultHook(({ method, path }) => {
			if (method !== 'POST' || path !== MESSAGES_PATH) return undefined;
			request++;
			if (request % 5 === 0) return refusal(400, 130429, 'Rate limit hit');
			if (request % 11 === 0) return refusal(503, 133004, 'Server Temporarily Unavailable', { 'Retry-After': '0' });
			return undefined;
		});
		const run = await sendText(items(30));
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(30);
		expect(sandbox.traffic.accepted()).toBe(30);
		expect(sandbox.traffic.duplicates).toBe(0);
		expect(sandbox.traffic.throttled).toBeGreaterThan(0);
	}, 30_000);

	describe('all or nothing', () => {
		const withBadItem7 = () =>
			items(10).map((item, i) => (i === 7 ? { json: { ...item.json, text: 'x'.repeat(4097) } } : item));

		it('a bad item 7 of 10 sends nothing, and the error names it', async () => {
			const run = await sendText(withBadItem7());
			expect(run.error?.message).toBe(
				'Nothing was sent: item 7 has invalid input (Text is too long: 4097 characters, the limit is 4096)',
			);
			expect(run.error?.context?.itemIndex).toBe(7);
			expect(run.error?.name).toBe('NodeOperationError');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('with Continue On Fail, sends the other 9 and gives item 7 as an error item, in input order', async () => {
			const run = await sendText(withBadItem7(), { settings: continueOnFail });
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.pairedItem)).toEqual(Array.from({ length: 10 }, (_, item) => ({ item })));
			expect(run.items.map((item) => (item.json.error === undefined ? 'sent' : item.json.error))).toEqual([
				...Array(7).fill('sent'),
				'Text is too long: 4097 characters, the limit is 4096 [item 7]',
				'sent',
				'sent',
			]);
			expect(sandbox.traffic.accepted()).toBe(9);
		});

		it("with On Error > Continue (using error output), the failed items leave by the node's error output", async () => {
			faultFor(recipient(2), refusal(400, 131047, 'Re-engagement message'));
			const run = await sendText(withBadItem7(), { settings: { onError: 'continueErrorOutput' } });
			expect(run.error).toBeUndefined();
			const [success, failure] = run.outputs;
			expect(success.map((item) => item.pairedItem)).toEqual([0, 1, 3, 4, 5, 6, 8, 9].map((item) => ({ item })));
			expect(failure.map((item) => [item.pairedItem, item.json.error])).toEqual([
				[{ item: 2 }, 'WhatsApp error 131047: Re-engagement message'],
				[{ item: 7 }, 'Text is too long: 4097 characters, the limit is 4096 [item 7]'],
			]);
		});

		it.each([
			['Recipient', { recipient: '={{ $json.nested.to }}' }],
			['Text', { textBody: '={{ $json.nested.text }}' }],
			['Options > Callback Data', { messageOptions: { bizOpaqueCallbackData: '={{ $json.nested.text }}' } }],
			['Sender Phone Number', { phoneNumberId: { __rl: true, mode: 'id', value: '={{ $json.nested.phone }}' } }],
		])(
			'an expression error in %s of one item fails the run before anything is sent, or only that item',
			async (_field, fields) => {
				const input = items(5).map((item, i) =>
					i === 3
						? { json: {} }
						: {
								json: {
									...item.json,
									nested: { to: item.json.to, text: item.json.text, phone: SANDBOX_IDS.phoneNumberId },
								},
							},
				);
				const failed = await sendText(input, { fields });
				expect(failed.error?.message).toMatch(/^Nothing was sent: item 3 has invalid input \(.+\)$/);
				expect(sandbox.requests).toHaveLength(0);

				const run = await sendText(input, { fields, settings: continueOnFail });
				expect(run.error).toBeUndefined();
				expect(run.items.map((item) => item.json.error === undefined)).toEqual([true, true, true, false, true]);
				expect(sandbox.traffic.accepted()).toBe(4);
			},
		);
	});

	it('stops at a failure once sending began, and says which messages Meta had already accepted', async () => {
		faultFor(recipient(2), refusal(400, 131047, 'Re-engagement message'));
		const run = await sendText(items(6));
		expect(run.error?.message).toBe('WhatsApp error 131047: Re-engagement message');
		expect(run.error?.context?.itemIndex).toBe(2);
		expect(run.error?.name).toBe('NodeApiError');
		const accepted = sandbox.traffic.accepted();
		expect(run.error?.description).toContain(`${accepted} of 6 messages were accepted by Meta before the node stopped`);
		expect(run.error?.description).toContain(`${6 - accepted - 1} other messages were not sent`);
		// Nothing is sent twice, and nothing is left half-known: the rest never left.
		expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(accepted + 1);
	});

	it("backs off a recipient under Meta's pair rate limit (131056) and keeps sending to the others, each recipient's messages in input order", async () => {
		const input = [recipient(0), recipient(1), recipient(0), recipient(2)].map((to, i) => ({
			json: { to, text: `message ${i}` },
		}));
		faultFor(recipient(0), refusal(400, 131056, '(Business Account, Consumer Account) pair rate limit hit'));
		const run = await sendText(input);
		expect(run.error).toBeUndefined();
		const arrivals = [...sandbox.requestsTo('POST', MESSAGES_PATH)]
			.sort((a, b) => a.receivedAt - b.receivedAt)
			.map((request) => `${(request.body as { text: { body: string } }).text.body} ${request.status}`);
		expect(arrivals).toEqual(['message 0 400', 'message 1 200', 'message 3 200', 'message 0 200', 'message 2 200']);
	});

	it('marks as read through the same pipeline, retrying a throttled read', async () => {
		sandbox.setFaultHook(({ json }) =>
			(json as { status?: string })?.status === 'read' && sandbox.requestsTo('POST', MESSAGES_PATH).length === 0
				? refusal(400, 130429, 'Rate limit hit')
				: undefined,
		);
		const run = await api.send('markAsRead', { messageId: 'wamid.IN' });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(sandbox.requestsTo('POST', MESSAGES_PATH).map((request) => request.status)).toEqual([400, 200]);
	});
});

describe('the harness loads node types as n8n 2.41 does', () => {
	it('gives the declarative action node an execute() that runs RoutingNode, and none to the trigger', () => {
		expect(typeof loadedNodeType(ACTION_TYPE, 1).execute).toBe('function');
		expect(loadedNodeType(TRIGGER_TYPE, 1).execute).toBeUndefined();
	});

	it('runs routed operations through RoutingNode and message operations through the custom operation', async () => {
		const sandbox = await createSandbox().start();
		const runNode = jest.spyOn(RoutingNode.prototype, 'runNode');
		try {
			const credentials = sandboxCredentials(sandbox.baseUrl);
			const routed = await runAction({ credentials, parameters: { resource: 'phoneNumber', operation: 'get' } });
			expect(routed.error).toBeUndefined();
			expect(runNode).toHaveBeenCalledTimes(1);
			const sent = await runAction({
				credentials,
				parameters: { resource: 'message', operation: 'sendText', recipient: '+16505551234', textBody: 'hi' },
			});
			expect(sent.error).toBeUndefined();
			expect(runNode).toHaveBeenCalledTimes(1);
		} finally {
			runNode.mockRestore();
			await sandbox.stop();
		}
	});
});

describe('sendOneMessage (for operations that send one message of their own, e.g. Send and Wait)', () => {
	/** A node whose execute() sends one prepared body per item with sendOneMessage, as a custom operation would. */
	const ONE_BY_ONE: INodeType = {
		description: {
			displayName: 'One By One',
			name: 'oneByOne',
			group: ['output'],
			version: 1,
			description: 'Sends prepared bodies',
			defaults: { name: 'One By One' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'whatsAppCloudApi', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const out: INodeExecutionData[] = [];
			for (const [itemIndex, item] of this.getInputData().entries()) {
				const body = {
					messaging_product: 'whatsapp',
					recipient_type: 'individual',
					to: item.json.to,
					type: 'text',
					text: { body: item.json.text },
				};
				out.push({
					json: await sendOneMessage(this, itemIndex, { phoneNumberId: SANDBOX_IDS.phoneNumberId, body }),
					pairedItem: { item: itemIndex },
				});
			}
			return [out];
		},
	};

	it('sends paced, retries a throttled send, and gives the wamid', async () => {
		registerNodeType('test.oneByOne', ONE_BY_ONE);
		const sandbox = await createSandbox().start();
		try {
			sandbox.setFaultHook(({ json }) =>
				(json as { to?: string })?.to === recipient(0) && sandbox.requestsTo('POST', MESSAGES_PATH).length === 0
					? { process: false, answer: { status: 400, body: graphError(130429, 'Rate limit hit', 'Injected') } }
					: undefined,
			);
			const run = await runAction({
				credentials: sandboxCredentials(sandbox.baseUrl),
				items: items(2),
				nodeType: { name: 'test.oneByOne', version: 1, credentialType: 'whatsAppCloudApi' },
				parameters: {},
			});
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => [item.json.messageId, item.json.waId])).toEqual([
				[expect.stringMatching(/^wamid\./), '16505553000'],
				[expect.stringMatching(/^wamid\./), '16505553001'],
			]);
			expect(sandbox.requestsTo('POST', MESSAGES_PATH).map((request) => request.status)).toEqual([400, 200, 200]);
		} finally {
			await sandbox.stop();
		}
	});
});
