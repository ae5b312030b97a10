import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { templateStore } from '../sandbox/templateStore';
import { validateMessageRequest } from '../sandbox/validate/messages';
import { MESSAGE_STEPS, MESSAGES_WORKFLOW_ID, messagesWorkflow } from './messageWorkflows';
import {
	activateWorkflow,
	copyInto,
	ensureN8n,
	executeWorkflow,
	freePort,
	N8N_1X_VERSION,
	n8nCli,
	PACKAGE_NAME,
	parseRawOutput,
	prepareUserFolder,
	setUpOwner,
	startN8n,
	waitForWebhook,
	type N8nOptions,
	type RawRun,
	type RunningN8n,
} from './n8nInstance';
import { templateSteps, templatesWorkflow, TEMPLATES_WORKFLOW_ID, type TemplateStep } from './templateWorkflows';
import { credentialExport, CREDENTIAL_ID, echoWorkflow, TRIGGER_WEBHOOK_ID, VERIFY_TOKEN, waitFor } from './workflows';

const SEND_AND_WAIT_WORKFLOW_ID = 'waSendAndWait1x001';

/** Manual Trigger -> Send and Wait (approval by link): on n8n before 2.16 it must refuse before sending. */
function sendAndWaitWorkflow() {
	return {
		id: SEND_AND_WAIT_WORKFLOW_ID,
		name: 'Send and Wait on n8n 1.x',
		active: false,
		connections: { 'When clicking Execute': { main: [[{ node: 'Ask', type: 'main', index: 0 }]] } },
		settings: {},
		nodes: [
			{
				id: 'e2e01x00-0000-4000-8000-000000000001',
				name: 'When clicking Execute',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'e2e01x00-0000-4000-8000-000000000002',
				name: 'Ask',
				type: `${PACKAGE_NAME}.whatsAppCloud`,
				typeVersion: 1,
				position: [200, 0],
				webhookId: 'e2e01x00-0000-4000-8000-0000000000aa',
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					recipient: '+16505551234',
					message: 'Approve order A-1001?',
					responseType: 'approval',
					answerIn: 'link',
				},
				credentials: { whatsAppCloudApi: { id: CREDENTIAL_ID, name: 'WhatsApp Cloud (sandbox)' } },
			},
		],
	};
}

/**
 * The core of the package in the last n8n 1.x line (1.123), installed the way n8n installs community packages:
 * both nodes and the credential load, one workflow sends every message kind, one sends every template kind, and
 * the trigger answers Meta's verification and replies to a message the inbound simulator delivers.
 */
describe(`real n8n ${N8N_1X_VERSION} (the 1.x line) with the package installed`, () => {
	let sandbox: GraphSandbox;
	let options: N8nOptions;
	let n8n: RunningN8n;
	let webhookUrl: string;
	let templates: TemplateStep[];
	let messagesRun: RawRun;
	let templatesRun: RawRun;
	let sendAndWaitRun: { code: number | null; output: string };
	let sendAndWaitSends: number;
	/** Graph requests made by each `n8n execute`, by workflow. */
	const sent: Record<string, Array<{ body: unknown; status: number }>> = {};

	const sends = () => sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`);

	beforeAll(async () => {
		const paths = ensureN8n(N8N_1X_VERSION);
		sandbox = await createSandbox().start();
		templates = templateSteps(templateStore(sandbox));
		options = { userFolder: prepareUserFolder(), port: await freePort(), paths };
		const file = (name: string, content: unknown) => copyInto(options.userFolder, name, content);
		await n8nCli(options, [
			'import:credentials',
			`--input=${file('credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		for (const [name, workflow] of [
			['messages', messagesWorkflow()],
			['templates', templatesWorkflow(templates)],
			['echo', echoWorkflow()],
			['send-and-wait', sendAndWaitWorkflow()],
		] as const) {
			await n8nCli(options, ['import:workflow', `--input=${file(`${name}-workflow.json`, workflow)}`]);
		}
		messagesRun = parseRawOutput(await executeWorkflow(options, MESSAGES_WORKFLOW_ID));
		sent.messages = sends().map(({ body, status }) => ({ body, status }));
		sandbox.reset();
		templatesRun = parseRawOutput(await executeWorkflow(options, TEMPLATES_WORKFLOW_ID));
		sent.templates = sends().map(({ body, status }) => ({ body, status }));
		sandbox.reset();
		sendAndWaitRun = await executeWorkflow(options, SEND_AND_WAIT_WORKFLOW_ID);
		sendAndWaitSends = sends().length;
		sandbox.reset();
		await activateWorkflow(options, echoWorkflow().id);
		n8n = await startN8n(options);
		webhookUrl = `${n8n.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		await waitForWebhook(webhookUrl);
	}, 1_500_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.stop();
	});

	it('loads both nodes, the action node as an AI tool, and the credential from the community package', async () => {
		// The type files need a signed-in user: create the owner, as on a first start.
		const headers = { 'content-type': 'application/json', 'browser-id': 'e2e-1x-browser' };
		const signedIn = { ...headers, cookie: await setUpOwner(n8n.url, headers['browser-id']) };
		const types = async (file: string) =>
			(await (await fetch(`${n8n.url}/types/${file}`, { headers: signedIn })).json()) as Array<{
				name: string;
				displayName: string;
			}>;
		const nodes = await types('nodes.json');
		const ours = nodes
			.filter((node) => node.name.startsWith(`${PACKAGE_NAME}.`))
			.map((node) => [node.name, node.displayName]);
		expect(ours.sort()).toEqual([
			[`${PACKAGE_NAME}.whatsAppCloud`, 'WhatsApp Cloud'],
			// `usableAsTool`: n8n also offers the action node to AI agents.
			[`${PACKAGE_NAME}.whatsAppCloudTool`, 'WhatsApp Cloud Tool'],
			[`${PACKAGE_NAME}.whatsAppCloudTrigger`, 'WhatsApp Cloud Trigger'],
		]);
		expect((await types('credentials.json')).map((credential) => credential.name)).toContain('whatsAppCloudApi');
	});

	it('sends one message of each kind: every node outputs the message ID, every body is valid and accepted', () => {
		expect(messagesRun.data.resultData.error).toBeUndefined();
		for (const step of MESSAGE_STEPS) {
			const output = messagesRun.data.resultData.runData[step.name]?.[0]?.data.main[0];
			const expected = step.kind === 'read' ? { success: true } : { messageId: expect.stringMatching(/^wamid\./) };
			expect([step.name, output?.length, output?.[0].json]).toEqual([step.name, 1, expect.objectContaining(expected)]);
		}
		expect(sent.messages).toHaveLength(MESSAGE_STEPS.length);
		for (const request of sent.messages)
			expect([request.status, validateMessageRequest(request.body)]).toEqual([200, null]);
	});

	it('sends one template of each kind, each body exactly the one n8n 2.x and the in-process test send', () => {
		expect(templatesRun.data.resultData.error).toBeUndefined();
		for (const step of templates) {
			expect([
				step.name,
				templatesRun.data.resultData.runData[step.name]?.[0]?.data.main[0]?.[0].json.messageId,
			]).toEqual([step.name, expect.stringMatching(/^wamid\./)]);
		}
		expect(sent.templates.map((request) => request.body)).toEqual(templates.map((step) => step.expected));
		expect(sent.templates.every((request) => request.status === 200)).toBe(true);
	});

	it('Send and Wait, which needs n8n 2.16, fails with a message naming that version and sends nothing', () => {
		expect(sendAndWaitRun.output).toContain('Send and Wait for Response needs n8n 2.16 or newer');
		expect(sendAndWaitSends).toBe(0);
	});

	it("answers Meta's verification request with the challenge, and refuses a wrong verify token", async () => {
		const ok = await fetch(
			`${webhookUrl}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
		);
		expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
		const wrong = await fetch(`${webhookUrl}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
		expect(wrong.status).toBe(403);
	});

	it('replies through the sandbox to a message the inbound simulator delivers, and refuses a forged one', async () => {
		const simulated = await fetch(`${sandbox.baseUrl}/_simulate/message`, {
			method: 'POST',
			headers: { authorization: `Bearer ${SANDBOX_IDS.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ url: webhookUrl, from: '16505550123', text: 'Hello from n8n 1.x' }),
		});
		const { delivered, payload } = (await simulated.json()) as {
			delivered: { status: number };
			payload: { entry: Array<{ changes: Array<{ value: { messages: Array<{ id: string }> } }> }> };
		};
		expect(delivered.status).toBe(200);
		const reply = await waitFor('the reply in the sandbox', () => sends()[0]);
		expect(reply.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '16505550123',
			type: 'text',
			text: { body: 'Echo: Hello from n8n 1.x' },
			context: { message_id: payload.entry[0].changes[0].value.messages[0].id },
		});
		expect(reply.status).toBe(200);
		const forged = await sandbox.sendWebhook(webhookUrl, payload, { appSecret: 'attacker-secret' });
		expect(forged.status).toBe(401);
		await new Promise((r) => setTimeout(r, 2000));
		expect(sends()).toHaveLength(1);
	});
});
