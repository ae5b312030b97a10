/**
 * What a proxy, the network or a slow Graph can do to a send, through n8n-core against the sandbox: every item ends
 * as a success, a clear error naming the item, or (once its body has left) "may have been sent"; nothing is silent,
 * nothing is sent twice, and no token or app secret shows in any output, error or log line.
 */
import { inspect } from 'node:util';

import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import type { RecordedRequest, RequestFault } from '../sandbox/server';

const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;
const FAULTY = '+16505554001';
const input: INodeExecutionData[] = ['+16505554000', FAULTY, '+16505554002'].map((to, i) => ({
	json: { to, text: `message ${i}` },
}));
const toOf = (request: RecordedRequest) => (request.body as { to?: string } | undefined)?.to;

const HTML_502 =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
const HTML_504 = "<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>";

interface FaultCase {
	name: string;
	fault: RequestFault;
	/** What the item's error says. */
	message: string;
	maybeSent: boolean;
}

const CASES: FaultCase[] = [
	{
		name: "a proxy's HTML 502 page (Graph never saw the request)",
		fault: { process: false, answer: { status: 502, body: HTML_502, contentType: 'text/html' } },
		message: 'May have been sent: WhatsApp request failed with HTTP 502',
		maybeSent: true,
	},
	{
		name: "a proxy's HTML 504 page (Graph handled the request)",
		fault: { process: true, answer: { status: 504, body: HTML_504, contentType: 'text/html' } },
		message: 'May have been sent: WhatsApp request failed with HTTP 504',
		maybeSent: true,
	},
	{
		name: "a proxy's HTML 403 page (refused before Graph)",
		fault: {
			process: false,
			answer: { status: 403, body: '<html><body>Forbidden</body></html>', contentType: 'text/html' },
		},
		message: 'WhatsApp request failed with HTTP 403',
		maybeSent: false,
	},
	{
		name: 'an empty 200',
		fault: { process: true, answer: { status: 200, body: '' } },
		message: 'May have been sent: WhatsApp answered without a message ID',
		maybeSent: true,
	},
	{
		name: 'truncated JSON in a 200',
		fault: {
			process: true,
			answer: { status: 200, body: '{"messaging_product":"whatsapp","contacts":[{"input":"+1650' },
		},
		message: 'May have been sent: WhatsApp answered without a message ID',
		maybeSent: true,
	},
	{
		name: 'a connection dropped before Graph read the request',
		fault: { process: false, drop: true },
		message:
			'May have been sent: Could not reach the Graph API: the connection closed before an answer came (ECONNRESET)',
		maybeSent: true,
	},
	{
		name: 'a connection dropped after Graph handled the request',
		fault: { process: true, drop: true },
		message:
			'May have been sent: Could not reach the Graph API: the connection closed before an answer came (ECONNRESET)',
		maybeSent: true,
	},
	{
		name: 'an answer slower than the timeout',
		fault: { process: true, delayMs: 2500 },
		message: 'May have been sent: Could not reach the Graph API: no answer came within the timeout (ECONNABORTED)',
		maybeSent: true,
	},
];

describe('faults between the node and Graph, through the send pipeline', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;
	const logLines: string[] = [];

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
		// n8n-core's logger takes over LoggerProxy when it first runs; listen from then on.
		await runAction({
			credentials,
			parameters: { resource: 'message', operation: 'markAsRead', messageId: 'wamid.WARMUP' },
		});
		const record = (message: string, metadata?: unknown) =>
			logLines.push(`${message} ${inspect(metadata, { depth: 8 })}`);
		LoggerProxy.init({ error: record, warn: record, info: record, debug: record });
	});
	afterAll(async () => {
		const quiet = () => {};
		LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet });
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.reset();
		logLines.length = 0;
	});

	async function send(fault: RequestFault, settings?: Partial<INode>) {
		sandbox.setFaultHook(({ method, path, json }) =>
			method === 'POST' && path === MESSAGES_PATH && (json as { to?: string })?.to === FAULTY ? fault : undefined,
		);
		return await runAction({
			credentials,
			items: input,
			settings,
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '={{ $json.to }}',
				textBody: '={{ $json.text }}',
				messageOptions: { timeoutSeconds: 1 },
			},
		});
	}

	/** The sends to the faulty recipient the sandbox recorded, once it has answered them (a slow answer comes late). */
	async function faultySends(): Promise<RecordedRequest[]> {
		const sends = () => sandbox.requestsTo('POST', MESSAGES_PATH).filter((request) => toOf(request) === FAULTY);
		for (let wait = 0; sends().length === 0 && wait < 100; wait++)
			await new Promise((resolve) => setTimeout(resolve, 50));
		return sends();
	}

	function expectNoSecrets(everything: unknown): void {
		// n8n-core logs every node run (with its data) through LoggerProxy.
		expect(logLines.length).toBeGreaterThan(0);
		const text = `${inspect(everything, { depth: 12 })}\n${logLines.join('\n')}`;
		expect(text).not.toContain(SANDBOX_IDS.token);
		expect(text).not.toContain(SANDBOX_IDS.appSecret);
	}

	describe.each(CASES)('$name', ({ fault, message, maybeSent }) => {
		it('with Continue On Fail: that item is an error item, the others are sent, nothing is sent twice', async () => {
			const run = await send(fault, { onError: 'continueRegularOutput' });
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.messageId ?? item.json.error)).toEqual([
				expect.stringMatching(/^wamid\./),
				message,
				expect.stringMatching(/^wamid\./),
			]);
			const details = run.items[1].json.details as IDataObject;
			expect(details.itemIndex).toBe(1);
			expect(details.maybeSent).toBe(maybeSent ? true : undefined);
			if (maybeSent)
				expect(details.description).toMatch(/Meta may have accepted this message, so it is not sent again/);
			// Sent once, never repeated: whatever Graph did with it, it did it once.
			expect(await faultySends()).toHaveLength(1);
			expect(sandbox.traffic.duplicates).toBe(0);
			expectNoSecrets(run.run);
		});

		it('without: the run fails naming the item and what became of the others', async () => {
			const run = await send(fault);
			expect(run.error?.message).toBe(message);
			expect(run.error?.context?.itemIndex).toBe(1);
			expect(run.error?.description).toMatch(/of 3 messages were accepted by Meta before the node stopped/);
			expect(await faultySends()).toHaveLength(1);
			expectNoSecrets(run.run);
			expectNoSecrets(
				Object.fromEntries(
					Object.getOwnPropertyNames(run.error).map((key) => [key, (run.error as unknown as IDataObject)[key]]),
				),
			);
		});
	});

	it('says when Meta cannot have received the message (no connection), and that it was not sent', async () => {
		const run = await runAction({
			credentials: { ...credentials, baseUrl: 'http://127.0.0.1:9' },
			items: input,
			settings: { onError: 'continueRegularOutput' },
			parameters: {
				resource: 'message',
				operation: 'sendText',
				recipient: '={{ $json.to }}',
				textBody: '={{ $json.text }}',
			},
		});
		expect(run.items.map((item) => item.json.error)).toEqual(
			Array(3).fill('Could not reach the Graph API: the server refused the connection (ECONNREFUSED)'),
		);
		expect(run.items.map((item) => (item.json.details as IDataObject).maybeSent)).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		expect(String((run.items[0].json.details as IDataObject).description)).toMatch(/Meta did not receive the request/);
		expectNoSecrets(run.run);
	});
});
