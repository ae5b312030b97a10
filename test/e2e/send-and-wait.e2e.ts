import { buttonReplyWebhook, OTHER_PERSON, PERSON, statusWebhook, textWebhook } from '../harness/waitingPayloads';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import {
	copyInto,
	ensureN8n,
	freePort,
	n8nCli,
	PACKAGE_NAME,
	prepareUserFolder,
	setUpOwner,
	startN8n,
	waitForWebhook,
	type N8nOptions,
	type RunningN8n,
} from './n8nInstance';
import { CREDENTIAL_ID, credentialExport, VERIFY_TOKEN, waitFor } from './workflows';

/**
 * Send and Wait for Response in a real n8n 2.41.1: workflows pause on the question, are answered through the
 * sandbox's inbound webhooks (in the chat, through the WhatsApp Cloud Trigger of another workflow) or through
 * the resume URL (link), and finish with the answer, which a last node reports to the sandbox.
 */

const credentials = { whatsAppCloudApi: { id: CREDENTIAL_ID, name: 'WhatsApp Cloud (sandbox)' } };
const TRIGGER_WEBHOOK_ID = '3e0b6c52-7a14-4d0e-8f5b-9c2a1d4e6f70';
const REPORT_TO = '16505550199';

let nodeSeq = 0;
const nodeId = () => `5a1d0c3e-2b4f-4e6a-8c9d-${String(++nodeSeq).padStart(12, '0')}`;

const action = (name: string, parameters: Record<string, unknown>, x: number) => ({
	id: nodeId(),
	name,
	type: `${PACKAGE_NAME}.whatsAppCloud`,
	typeVersion: 1,
	position: [x, 0],
	parameters: { resource: 'message', ...parameters },
	credentials,
});

const report = (text: string) => action('Report', { operation: 'sendText', recipient: REPORT_TO, textBody: text }, 600);

/** Webhook (GET /webhook/<path>) -> Send and Wait -> Report. */
function askWorkflow(id: string, path: string, webhookId: string, ask: Record<string, unknown>, reportText: string) {
	return {
		id,
		name: `Send and Wait: ${path} (e2e)`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
			Ask: { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: nodeId(),
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { path, httpMethod: 'GET', responseMode: 'onReceived', options: {} },
			},
			action('Ask', { operation: 'sendAndWait', ...ask }, 300),
			report(reportText),
		],
	};
}

/** WhatsApp Cloud Trigger (text messages only; swallows replies it used to resume) -> Send and Wait in the chat -> Report. */
function chatApprovalWorkflow() {
	return {
		id: 'waSendAndWait0001',
		name: 'Send and Wait: approval in the chat (e2e)',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'WhatsApp Cloud Trigger': { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
			Ask: { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: nodeId(),
				name: 'WhatsApp Cloud Trigger',
				type: `${PACKAGE_NAME}.whatsAppCloudTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: {
					verifyToken: VERIFY_TOKEN,
					options: { events: ['message'], messageTypes: ['text'], waitingReplies: { settings: { swallow: true } } },
				},
				credentials,
			},
			action(
				'Ask',
				{
					operation: 'sendAndWait',
					recipient: '={{ $json.contact.wa_id }}',
					message: '=Approve order {{ $json.message.text.body }}?',
					responseType: 'approval',
					answerIn: 'chat',
					approvalOptions: { values: { approvalType: 'double' } },
				},
				300,
			),
			report('=approval:{{ $json.data.approved }} by {{ $json.respondent.waId }} via {{ $json.respondedVia }}'),
		],
	};
}

const WORKFLOWS = [
	chatApprovalWorkflow(),
	askWorkflow(
		'waSendAndWait0002',
		'ask-text',
		'6b2e1d4f-3c5a-4f7b-9d0e-000000000002',
		{ recipient: PERSON.waId, message: 'What should the card say?', responseType: 'freeText', answerIn: 'chat' },
		'=text:{{ $json.data.text }} via {{ $json.respondedVia }}',
	),
	askWorkflow(
		'waSendAndWait0003',
		'ask-link',
		'6b2e1d4f-3c5a-4f7b-9d0e-000000000003',
		{
			recipient: PERSON.waId,
			message: 'Approve refund R-77?',
			responseType: 'approval',
			answerIn: 'link',
			approvalOptions: { values: { approvalType: 'double' } },
		},
		'=approval:{{ $json.data.approved }} via {{ $json.respondedVia }}',
	),
	askWorkflow(
		'waSendAndWait0004',
		'ask-form',
		'6b2e1d4f-3c5a-4f7b-9d0e-000000000004',
		{
			recipient: PERSON.waId,
			message: 'Delivery details, please',
			responseType: 'customForm',
			defineForm: 'json',
			jsonOutput: JSON.stringify([
				{ fieldLabel: 'Name', requiredField: true },
				{ fieldLabel: 'Quantity', fieldType: 'number' },
			]),
		},
		'=form:{{ $json.data.Name }}/{{ $json.data.Quantity }}',
	),
];

describe('real n8n 2.41.1: Send and Wait for Response', () => {
	let sandbox: GraphSandbox;
	let n8n: RunningN8n;
	let triggerUrl: string;
	let cookie = '';
	const browserId = 'e2e-browser';

	type Sent = { body: Record<string, unknown>; response: { messages: Array<{ id: string }> } };
	const sent = () => sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`) as unknown as Sent[];
	const reports = () =>
		sent()
			.filter((request) => request.body.to === REPORT_TO)
			.map((request) => (request.body.text as { body: string }).body);
	const questions = (kind: string) =>
		sent().filter((request) => request.body.to !== REPORT_TO && kindOf(request.body) === kind);
	const kindOf = (body: Record<string, unknown>) =>
		body.type === 'interactive' ? `interactive/${(body.interactive as { type: string }).type}` : String(body.type);

	async function executions(workflowId: string): Promise<Array<{ id: string; status: string }>> {
		const response = await fetch(`${n8n.url}/rest/executions?limit=100`, {
			headers: { cookie, 'browser-id': browserId },
		});
		const body = (await response.json()) as {
			data: { results: Array<{ id: string; status: string; workflowId: string }> };
		};
		return body.data.results.filter((execution) => execution.workflowId === workflowId);
	}

	async function staticDataOf(workflowId: string): Promise<string> {
		const response = await fetch(`${n8n.url}/rest/workflows/${workflowId}`, {
			headers: { cookie, 'browser-id': browserId },
		});
		const body = (await response.json()) as { data: { staticData?: unknown } };
		return JSON.stringify(body.data.staticData ?? null);
	}

	async function start(path: string): Promise<void> {
		const response = await fetch(`${n8n.url}/webhook/${path}`);
		expect(response.status).toBe(200);
	}

	beforeAll(async () => {
		const paths = ensureN8n();
		sandbox = await createSandbox().start();
		const options: N8nOptions = { userFolder: prepareUserFolder(), port: await freePort(), paths };
		await n8nCli(options, [
			'import:credentials',
			`--input=${copyInto(options.userFolder, 'credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		for (const workflow of WORKFLOWS) {
			await n8nCli(options, [
				'import:workflow',
				`--input=${copyInto(options.userFolder, `${workflow.id}.json`, workflow)}`,
			]);
			await n8nCli(options, ['publish:workflow', `--id=${workflow.id}`]);
		}
		n8n = await startN8n(options);
		triggerUrl = `${n8n.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		await waitForWebhook(triggerUrl);
		for (const path of ['ask-text', 'ask-link', 'ask-form']) await waitForWebhook(`${n8n.url}/webhook/${path}`);
		cookie = await setUpOwner(n8n.url, browserId);
	}, 900_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.stop();
	});

	it("in the chat: the trigger starts a workflow that asks with reply buttons; only the asked person's tap resumes it", async () => {
		const inbound = textWebhook({ text: 'A-1001' });
		expect((await sandbox.sendWebhook(triggerUrl, inbound)).status).toBe(200);
		const question = await waitFor('the reply-buttons question', () => questions('interactive/button')[0]);
		expect(question.body.to).toBe(PERSON.waId);
		const interactive = question.body.interactive as {
			body: { text: string };
			action: { buttons: Array<{ reply: { id: string; title: string } }> };
		};
		expect(interactive.body.text).toBe('Approve order A-1001?');
		const [approve] = interactive.action.buttons.map((button) => button.reply);
		expect(approve.id).toMatch(
			/^n8nwait\|a\|\/webhook-waiting\/\d+\/5a1d0c3e-2b4f-4e6a-8c9d-\d{12}\?w=[\w-]{22}&signature=[0-9a-f]{64}$/,
		);
		const wamid = question.response.messages[0].id;
		await waitFor('the execution to wait', async () =>
			(await executions('waSendAndWait0001')).some((e) => e.status === 'waiting') ? true : undefined,
		);

		// Another person taps the same button: nothing happens.
		await sandbox.sendWebhook(
			triggerUrl,
			buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: wamid, person: OTHER_PERSON }),
		);
		await new Promise((r) => setTimeout(r, 3000));
		expect(reports()).toEqual([]);
		expect((await executions('waSendAndWait0001')).map((e) => e.status)).toEqual(['waiting']);

		await sandbox.sendWebhook(
			triggerUrl,
			buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: wamid }),
		);
		expect(await waitFor('the report', () => reports()[0])).toBe(`approval:true by ${PERSON.waId} via chat`);
		await waitFor('the execution to finish', async () =>
			(await executions('waSendAndWait0001')).every((e) => e.status === 'success') ? true : undefined,
		);
	});

	it("in the chat, across workflows: the next text after the question's status resumes the waiting execution, and is swallowed", async () => {
		const buttonQuestionsBefore = questions('interactive/button').length;
		await start('ask-text');
		const question = await waitFor('the free-text question', () => questions('text')[0]);
		expect(question.body.text).toEqual({ body: 'What should the card say?' });
		const callbackData = String(question.body.biz_opaque_callback_data);
		expect(callbackData).toMatch(/^n8nwait\|t\|\d+\|\/webhook-waiting\/\d+\//);

		// Meta reports the question sent, echoing its callback data; the trigger's workflow then remembers the wait
		// (n8n saves its static data once the trigger has handled the delivery). Then the person types the answer.
		const wamid = question.response.messages[0].id;
		await sandbox.sendWebhook(triggerUrl, statusWebhook({ messageId: wamid, recipient: PERSON.waId, callbackData }));
		await waitFor('the trigger to remember the wait', async () =>
			(await staticDataOf('waSendAndWait0001')).includes(wamid) ? true : undefined,
		);
		await sandbox.sendWebhook(triggerUrl, textWebhook({ text: 'Happy birthday, Sam!' }));
		expect(await waitFor('the report', () => reports().find((text) => text.startsWith('text:')))).toBe(
			'text:Happy birthday, Sam! via chat',
		);
		// Swallowed: the text did not also start the trigger's workflow (which would have asked a new question).
		await new Promise((r) => setTimeout(r, 3000));
		expect(questions('interactive/button')).toHaveLength(buttonQuestionsBefore);
	});

	it('through the link: the CTA opens the approval page, a forged URL is refused, the answer resumes once', async () => {
		await start('ask-link');
		const question = await waitFor('the CTA question', () =>
			questions('interactive/cta_url').find((q) => JSON.stringify(q.body).includes('Approve refund R-77?')),
		);
		const url = (question.body.interactive as { action: { parameters: { url: string; display_text: string } } }).action
			.parameters.url;
		expect(url).toMatch(
			new RegExp(
				`^${n8n.url}/webhook-waiting/\\d+/5a1d0c3e-2b4f-4e6a-8c9d-\\d{12}\\?w=[\\w-]{22}&signature=[0-9a-f]{64}$`,
			),
		);

		const page = await fetch(url);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Approve refund R-77?');
		expect(html).toContain('value="false">✗ Decline</button>');

		const forged = new URL(url);
		forged.searchParams.set('w', 'AAAAAAAAAAAAAAAAAAAAAA');
		expect((await fetch(forged, { method: 'POST', body: new URLSearchParams({ approved: 'true' }) })).status).toBe(401);

		const answer = await fetch(url, { method: 'POST', body: new URLSearchParams({ approved: 'false' }) });
		expect(answer.status).toBe(200);
		expect(await answer.text()).toContain('Got it, thanks');
		expect(await waitFor('the report', () => reports().find((text) => text.includes('via link')))).toBe(
			'approval:false via link',
		);

		const replay = await fetch(url, { method: 'POST', body: new URLSearchParams({ approved: 'true' }) });
		expect(await replay.text()).not.toContain('Got it, thanks');
		await new Promise((r) => setTimeout(r, 2000));
		expect(reports().filter((text) => text.includes('via link'))).toEqual(['approval:false via link']);
	});

	it('custom form: the link opens the form; n8n parses the multipart answer and the workflow gets the fields', async () => {
		await start('ask-form');
		const question = await waitFor('the form question', () =>
			questions('interactive/cta_url').find((q) => JSON.stringify(q.body).includes('Delivery details')),
		);
		const url = (question.body.interactive as { action: { parameters: { url: string } } }).action.parameters.url;
		const page = await fetch(url);
		expect(await page.text()).toContain('enctype="multipart/form-data"');

		const form = new FormData();
		form.append('field-0', 'Ann Lee');
		form.append('field-1', '3');
		const answer = await fetch(url, { method: 'POST', body: form });
		expect(answer.status).toBe(200);
		expect(await waitFor('the report', () => reports().find((text) => text.startsWith('form:')))).toBe(
			'form:Ann Lee/3',
		);
	});
});
