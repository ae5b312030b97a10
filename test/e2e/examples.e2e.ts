import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { docFixture } from '../helpers';
import { asSent, type Body } from '../inprocess/templateCases';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { SIMULATED_IMAGE, simulatedWebhook, type SimulateInput, type SimulateKind } from '../sandbox/routes/simulator';
import {
	asSetUp,
	exampleFiles,
	hasThroughputOption,
	loadExample,
	TRIGGER_TYPE,
	type ExampleWorkflow,
} from './examples/examples';
import { N8nApi, nodeOutput, type Execution } from './examples/n8nApi';
import { ensureN8n, freePort, prepareUserFolder, startN8n, waitForWebhook, type RunningN8n } from './n8nInstance';
import { waitFor } from './workflows';

/**
 * Every example workflow of examples/ in one real n8n 2.41.1, set up the way its sticky note tells a user to: the
 * credential picked in each WhatsApp node (here one that points at the sandbox), a verify token, the archive folder.
 * Inbound messages come from the sandbox's simulator; the test checks what the user would see: the messages the
 * sandbox received, the files written, the webhook answers, the executions' outputs.
 */

/** Where the archiver example writes in a Docker n8n; the test's n8n may write only to a temporary folder instead. */
const EXAMPLE_ARCHIVE = '/home/node/.n8n-files/whatsapp-media';

const CUSTOMER = { from: '16505551234', name: 'Pablo Morales' };
const MANAGER = { from: '16505550199', name: 'Maria Lopez' };

const CAMPAIGN_SKIP_REASON =
	'SKIPPED until the send pipeline is merged: the WhatsApp Cloud node on this branch has no Options > Messages Per Second (messagesPerSecond), which the bulk campaign example sets';
const throughputOption = hasThroughputOption(new WhatsAppCloud().description);

type Sent = {
	body: Record<string, unknown>;
	status: number;
	receivedAt: number;
	response: { messages?: Array<{ id: string }> };
};

/** An execution that ran to its end, with n8n's error message in the failure output otherwise. */
function expectSucceeded(execution: Execution): void {
	expect({ status: execution.status, error: execution.data.resultData.error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
}

describe('real n8n 2.41.1: the example workflows of examples/', () => {
	let sandbox: GraphSandbox;
	let n8n: RunningN8n;
	let api: N8nApi;
	let archive: string;
	const saved = new Map<string, { id: string; versionId: string; workflow: ExampleWorkflow }>();

	const sends = (): Sent[] => sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`) as unknown as Sent[];
	/** Messages sent to one person (digits of the number) after `mark` sends. */
	const sentTo = (waId: string, mark = 0) =>
		sends()
			.slice(mark)
			.filter((request) => String(request.body.to).replace(/\D/g, '') === waId);
	const triggerUrl = (file: string) => {
		const trigger = saved.get(file)?.workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
		return `${n8n.url}/webhook/${trigger?.webhookId}/webhook`;
	};

	/** `npm run simulate` over HTTP: the sandbox delivers a signed webhook to the trigger, as Meta would. */
	async function simulate(kind: SimulateKind, input: SimulateInput): Promise<{ messageId: string }> {
		const response = await fetch(`${sandbox.baseUrl}/_simulate/${kind}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${SANDBOX_IDS.token}`, 'content-type': 'application/json' },
			body: JSON.stringify(input),
		});
		const answer = (await response.json()) as {
			delivered: { status: number };
			payload: { entry: Array<{ changes: Array<{ value: { messages: Array<{ id: string }> } }> }> };
		};
		expect([response.status, answer.delivered?.status]).toEqual([200, 200]);
		return { messageId: answer.payload.entry[0].changes[0].value.messages[0].id };
	}

	/** IDs of the workflow's executions, running and waiting ones included. */
	async function executionIds(file: string): Promise<string[]> {
		return (await api.executions(saved.get(file)!.id)).map((execution) => execution.id);
	}

	async function finishedExecutions(file: string): Promise<string[]> {
		const list = await api.executions(saved.get(file)!.id);
		return list
			.filter((execution) => !['running', 'new', 'waiting'].includes(execution.status))
			.map((execution) => execution.id);
	}

	/** Waits for the workflow's next finished execution after `before` of them, and reads it. */
	async function nextExecution(file: string, before: string[]): Promise<Execution> {
		const id = await waitFor(`a new execution of ${file}`, async () =>
			(await finishedExecutions(file)).find((candidate) => !before.includes(candidate)),
		);
		return await api.execution(id);
	}

	async function finished(executionId: string, what: string, timeoutMs = 30_000): Promise<Execution> {
		return await waitFor(
			what,
			async () => {
				const execution = await api.execution(executionId);
				return ['success', 'error', 'crashed'].includes(execution.status) ? execution : undefined;
			},
			timeoutMs,
		);
	}

	beforeAll(async () => {
		const paths = ensureN8n();
		sandbox = await createSandbox().start();
		archive = mkdtempSync(join(tmpdir(), 'wa-archive-'));
		const userFolder = prepareUserFolder();
		n8n = await startN8n({ userFolder, port: await freePort(), paths, env: { N8N_RESTRICT_FILE_ACCESS_TO: archive } });
		api = await N8nApi.asNewOwner(n8n.url);
		const credential = await api.createCredential('WhatsApp Cloud account', 'whatsAppCloudApi', {
			accessToken: SANDBOX_IDS.token,
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			businessAccountId: SANDBOX_IDS.businessAccountId,
			appSecret: SANDBOX_IDS.appSecret,
			apiVersion: 'v22.0',
			baseUrl: sandbox.baseUrl,
		});
		for (const file of exampleFiles()) {
			const workflow = asSetUp(loadExample(file), {
				credential,
				verifyToken: 'my-verify-token',
				replace: [[EXAMPLE_ARCHIVE, archive]],
			});
			const { id, versionId } = await api.saveWorkflow(workflow);
			saved.set(file, { id, versionId, workflow });
		}
		// Workflows that start from a trigger or webhook are activated; the others are executed from the editor.
		for (const file of [
			'auto-reply-bot.json',
			'inbound-media-archiver.json',
			'order-confirmation.json',
			'otp-sender.json',
		]) {
			await api.activate(saved.get(file)!);
		}
		await waitForWebhook(triggerUrl('auto-reply-bot.json'));
		await waitForWebhook(triggerUrl('inbound-media-archiver.json'));
	}, 900_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.stop();
	});

	it('auto-reply bot: a text gets the menu of reply buttons, each button its answer, another button nothing', async () => {
		const mark = sends().length;
		const person = { from: '16505550142', name: 'Kerry Fisher' };
		const url = triggerUrl('auto-reply-bot.json');
		await simulate('message', { url, ...person, text: 'Hi there' });
		const [menu] = await waitFor('the menu', () =>
			sentTo(person.from, mark).length > 0 ? sentTo(person.from, mark) : undefined,
		);
		expect(menu.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: person.from,
			type: 'interactive',
			interactive: {
				type: 'button',
				header: { type: 'text', text: "Jasper's Market" },
				body: { text: 'Hi Kerry Fisher! How can we help you today?' },
				footer: { text: 'Tap a button' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'hours', title: 'Opening hours' } },
						{ type: 'reply', reply: { id: 'track', title: 'Track my order' } },
						{ type: 'reply', reply: { id: 'agent', title: 'Talk to a person' } },
					],
				},
			},
		});
		const menuId = menu.response.messages![0].id;

		const answers: Array<[string, string, Record<string, unknown>]> = [
			[
				'hours',
				'Opening hours',
				{ body: 'We are open Monday to Saturday from 8 am to 8 pm, and on Sunday from 10 am to 6 pm.' },
			],
			[
				'track',
				'Track my order',
				{
					preview_url: true,
					body: 'Track your order at https://shop.example.com/orders with your order number and email address.',
				},
			],
			[
				'agent',
				'Talk to a person',
				{ body: 'Thanks! Someone from our team will answer you here within one business hour.' },
			],
		];
		for (const [id, title, text] of answers) {
			const count = sentTo(person.from, mark).length;
			await simulate('button_reply', { url, ...person, id, title, replyTo: menuId });
			const answer = await waitFor(`the answer to "${title}"`, () => sentTo(person.from, mark)[count]);
			expect([id, answer.body]).toEqual([
				id,
				{ messaging_product: 'whatsapp', recipient_type: 'individual', to: person.from, type: 'text', text },
			]);
		}

		// A button the Switch has no rule for: the execution runs and ends without sending anything.
		const before = await finishedExecutions('auto-reply-bot.json');
		await simulate('button_reply', { url, ...person, id: 'unsubscribe', title: 'Stop promotions', replyTo: menuId });
		const execution = await nextExecution('auto-reply-bot.json', before);
		expectSucceeded(execution);
		expect(nodeOutput(execution, 'Route Message', 0)).toEqual([]);
		expect(sentTo(person.from, mark)).toHaveLength(1 + answers.length);
	});

	it("order confirmation: the shop's POST sends the order_confirmation template (doc 01's named parameters) and gets the message ID back", async () => {
		const mark = sends().length;
		const response = await fetch(`${n8n.url}/webhook/order-confirmation`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				orderId: 'A-1001',
				customer: { name: 'Pablo Morales', phone: '+16505551234' },
				total: '49.90 USD',
			}),
		});
		expect(response.status).toBe(200);
		const answer = (await response.json()) as { messageId: string };
		const [sent] = sends().slice(mark);
		expect(sends().slice(mark)).toHaveLength(1);
		expect(answer.messageId).toBe(sent.response.messages![0].id);

		const expected = asSent(docFixture<Body>('templates', '01-named-parameters').body);
		const [name, orderId] = expected.template.components![0].parameters as Array<{ text: string }>;
		name.text = 'Pablo Morales';
		orderId.text = 'A-1001';
		expect(sent.body).toEqual({ ...expected, biz_opaque_callback_data: 'order:A-1001' });
	});

	it('OTP sender: the backend gets a six-digit code, which the authentication template carries in its body and copy-code button (doc 42)', async () => {
		const mark = sends().length;
		const response = await fetch(`${n8n.url}/webhook/send-otp`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ phone: '+12015553931' }),
		});
		expect(response.status).toBe(200);
		const answer = (await response.json()) as { messageId: string; code: string; expiresAt: string };
		expect(answer.code).toMatch(/^\d{6}$/);
		expect(Date.parse(answer.expiresAt) - Date.now()).toBeGreaterThan(5 * 60 * 1000);
		const [sent] = sends().slice(mark);
		expect(sends().slice(mark)).toHaveLength(1);
		expect(answer.messageId).toBe(sent.response.messages![0].id);

		const expected = asSent(docFixture<Body>('templates', '42-authentication-otp').body);
		expected.to = '+12015553931';
		expect(sent.body).toEqual(JSON.parse(JSON.stringify(expected).split('J$FpnYnP').join(answer.code)));
	});

	it('inbound media archiver: images and documents land on disk byte for byte, with a ✅ reaction; a failed download asks again; texts are ignored', async () => {
		const mark = sends().length;
		const url = triggerUrl('inbound-media-archiver.json');
		const before = await executionIds('inbound-media-archiver.json');

		// A text: filtered out by the trigger, no execution.
		await simulate('message', { url, ...CUSTOMER, text: 'Here comes the photo' });

		const image = await simulate('image', { url, ...CUSTOMER, text: 'The broken pot' });
		const imageRun = await nextExecution('inbound-media-archiver.json', before);
		expectSucceeded(imageRun);
		const imageMediaId = (nodeOutput(imageRun, 'WhatsApp Cloud Trigger')[0].message as { image: { id: string } }).image
			.id;
		expect(readFileSync(join(archive, `${CUSTOMER.from}_${imageMediaId}.png`))).toEqual(SIMULATED_IMAGE);
		expect(sentTo(CUSTOMER.from, mark).map((request) => request.body)).toEqual([
			{
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: CUSTOMER.from,
				type: 'reaction',
				reaction: { message_id: image.messageId, emoji: '✅' },
			},
		]);

		// A document (the simulator has no document kind: the webhook is the image one with a document in its place).
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const documentId = sandbox.newId();
		sandbox.state.media.set(documentId, {
			id: documentId,
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			mimeType: 'application/pdf',
			data: pdf,
			sha256: sandbox.sha256(pdf),
		});
		const webhook = simulatedWebhook(sandbox, 'image', { url, ...CUSTOMER }) as {
			entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }>;
		};
		const message = webhook.entry[0].changes[0].value.messages[0];
		delete message.image;
		Object.assign(message, {
			type: 'document',
			document: {
				filename: 'receipt A-1001.pdf',
				mime_type: 'application/pdf',
				sha256: sandbox.sha256(pdf),
				id: documentId,
			},
		});
		const afterImage = await finishedExecutions('inbound-media-archiver.json');
		expect((await sandbox.sendWebhook(url, webhook)).status).toBe(200);
		expectSucceeded(await nextExecution('inbound-media-archiver.json', afterImage));
		expect(readFileSync(join(archive, `${CUSTOMER.from}_${documentId}.pdf`))).toEqual(pdf);
		expect(
			sentTo(CUSTOMER.from, mark).map((request) => (request.body.reaction as { message_id: string }).message_id),
		).toEqual([image.messageId, message.id]);

		// Meta cannot hand out the file: the customer is asked to send it again, in reply to their message.
		sandbox.injectError(2, { method: 'GET', path: /^\/\d+$/, title: 'Service temporarily unavailable' });
		const afterDocument = await finishedExecutions('inbound-media-archiver.json');
		const lost = await simulate('image', { url, ...CUSTOMER });
		expectSucceeded(await nextExecution('inbound-media-archiver.json', afterDocument));
		expect(
			sentTo(CUSTOMER.from, mark)
				.slice(2)
				.map((request) => request.body),
		).toEqual([
			{
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: CUSTOMER.from,
				type: 'text',
				text: { body: 'Sorry, your file did not reach us. Could you send it again?' },
				context: { message_id: lost.messageId },
			},
		]);
		// Three executions: the text started none.
		expect((await executionIds('inbound-media-archiver.json')).length).toBe(before.length + 3);
	});

	describe('refund approval', () => {
		/** "Execute workflow", then the question the manager gets, once the execution waits for the answer. */
		async function ask(mark: number) {
			const executionId = await api.executeManually(saved.get('approval-send-and-wait.json')!.id, 'Start');
			const [question] = await waitFor('the question to the manager', () =>
				sentTo(MANAGER.from, mark).length > 0 ? sentTo(MANAGER.from, mark) : undefined,
			);
			await waitFor('the execution to wait', async () =>
				(await api.execution(executionId)).status === 'waiting' ? true : undefined,
			);
			const interactive = question.body.interactive as {
				type: string;
				body: { text: string };
				action: { buttons: Array<{ reply: { id: string; title: string } }> };
			};
			const [approve, decline] = interactive.action.buttons.map((button) => button.reply);
			return { executionId, interactive, approve, decline, questionId: question.response.messages![0].id };
		}

		/** The manager taps a button: Meta delivers the tap to the app's one callback URL, the bot's trigger. */
		async function tap(questionId: string, button: { id: string; title: string }): Promise<void> {
			await simulate('button_reply', {
				url: triggerUrl('auto-reply-bot.json'),
				...MANAGER,
				id: button.id,
				title: button.title,
				replyTo: questionId,
			});
		}

		it("the manager gets Approve / Decline buttons; the tap, through the bot's trigger, resumes the run with { approved: true } and the customer is told", async () => {
			const mark = sends().length;
			const botRunsBefore = await executionIds('auto-reply-bot.json');
			const { executionId, interactive, approve, decline, questionId } = await ask(mark);
			expect(interactive.type).toBe('button');
			expect(interactive.body.text).toBe(
				'Refund request for order A-1001: Pablo Morales asks for $49.90 back.\nReason: The blue elf aloe arrived with a broken pot.\nApprove the refund?',
			);
			expect([approve.title, decline.title]).toEqual(['Approve refund', 'Decline']);

			await tap(questionId, approve);
			const execution = await finished(executionId, 'the approval to finish');
			expectSucceeded(execution);
			expect(nodeOutput(execution, 'Ask Manager')).toEqual([
				expect.objectContaining({
					data: expect.objectContaining({ approved: true }),
					respondedVia: 'chat',
					respondent: { waId: MANAGER.from, name: MANAGER.name },
				}),
			]);
			expect(sentTo(CUSTOMER.from, mark).map((request) => request.body)).toEqual([
				{
					messaging_product: 'whatsapp',
					recipient_type: 'individual',
					to: '+16505551234',
					type: 'text',
					text: {
						body: 'Good news, Pablo Morales: your refund of $49.90 for order A-1001 is approved. It reaches your account within 5 business days.',
					},
				},
			]);
			// The bot swallowed the tap: no bot execution, no answer to the manager.
			expect(await executionIds('auto-reply-bot.json')).toEqual(botRunsBefore);
			expect(sentTo(MANAGER.from, mark)).toHaveLength(1);
		});

		it('"Decline" resumes the run with { approved: false } and the customer gets the other message', async () => {
			const mark = sends().length;
			const { executionId, decline, questionId } = await ask(mark);
			await tap(questionId, decline);
			const execution = await finished(executionId, 'the declined approval to finish');
			expectSucceeded(execution);
			expect(nodeOutput(execution, 'Ask Manager')).toEqual([
				expect.objectContaining({ data: expect.objectContaining({ approved: false }) }),
			]);
			expect(sentTo(CUSTOMER.from, mark).map((request) => request.body.text)).toEqual([
				{
					body: 'Hi Pablo Morales, we could not approve a refund for order A-1001. Reply to this message and we will explain why.',
				},
			]);
		});
	});

	(throughputOption ? it : it.skip)(
		throughputOption
			? 'bulk campaign: every row is sent once at the set pace; the one Meta refuses is in the summary'
			: `bulk campaign: ${CAMPAIGN_SKIP_REASON}`,
		async () => {
			const mark = sends().length;
			const { id, workflow } = saved.get('bulk-campaign.json')!;
			const rate = Number(
				(
					workflow.nodes.find((node) => node.name === 'Send Coupon')!.parameters.messageOptions as {
						messagesPerSecond: number;
					}
				).messagesPerSecond,
			);
			// Meta refuses the first message: "not on WhatsApp" (never sent again).
			sandbox.injectError(131026, { method: 'POST', path: /\/messages$/, title: 'Message Undeliverable' });
			const execution = await finished(
				await api.executeManually(id, 'Start Campaign'),
				'the campaign to finish',
				120_000,
			);
			expectSucceeded(execution);

			const rows = nodeOutput(execution, 'Campaign List') as Array<{ name: string; phone: string; couponCode: string }>;
			expect(rows).toHaveLength(5);
			const campaign = sends().slice(mark);
			expect(campaign.map((request) => request.body.to)).toEqual(rows.map((row) => row.phone));
			expect(campaign.map((request) => request.status)).toEqual([400, 200, 200, 200, 200]);
			const documented = asSent(docFixture<Body>('templates', '34-coupon-code').body);
			for (const [i, request] of campaign.entries()) {
				const expected = JSON.parse(JSON.stringify(documented).split('25OFF').join(rows[i].couponCode)) as Body;
				expect(request.body).toEqual({
					...expected,
					to: rows[i].phone,
					biz_opaque_callback_data: 'campaign:fall-2023',
				});
			}
			// Paced: n messages at `rate` per second start (n - 1) / rate seconds apart at least (less a little arrival jitter).
			const span = campaign[campaign.length - 1].receivedAt - campaign[0].receivedAt;
			expect(span).toBeGreaterThanOrEqual(((campaign.length - 1) * 1000) / rate - 50);

			expect(nodeOutput(execution, 'Summary')).toEqual([
				{ total: 5, sent: 4, failed: [{ ...rows[0], error: expect.stringContaining('131026') }] },
			]);
		},
		180_000,
	);
});
