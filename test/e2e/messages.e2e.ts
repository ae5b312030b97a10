import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { validateMessageRequest } from '../sandbox/validate/messages';
import {
	E2E_DOCUMENT_NAME,
	E2E_DOCUMENT_TEXT,
	E2E_RECIPIENT,
	MESSAGE_STEPS,
	MESSAGES_WORKFLOW_ID,
	messagesWorkflow,
} from './messageWorkflows';
import {
	copyInto,
	ensureN8n,
	executeWorkflow,
	freePort,
	n8nCli,
	parseRawOutput,
	prepareUserFolder,
	type N8nOptions,
} from './n8nInstance';
import { credentialExport } from './workflows';

/** What the sandbox saw for a message body: its type, and the interactive type for interactive messages. */
function kindOf(body: Record<string, unknown>): string {
	if (body.status === 'read') return 'read';
	const interactive = body.interactive as { type?: string } | undefined;
	return body.type === 'interactive' ? `interactive/${interactive?.type}` : String(body.type);
}

describe('real n8n 2.41.1: one workflow sends one message of each kind', () => {
	let sandbox: GraphSandbox;
	let run: { code: number | null; output: string };

	beforeAll(async () => {
		const paths = ensureN8n();
		sandbox = await createSandbox().start();
		const options: N8nOptions = { userFolder: prepareUserFolder(), port: await freePort(), paths };
		await n8nCli(options, [
			'import:credentials',
			`--input=${copyInto(options.userFolder, 'credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		await n8nCli(options, [
			'import:workflow',
			`--input=${copyInto(options.userFolder, 'messages-workflow.json', messagesWorkflow())}`,
		]);
		run = await executeWorkflow(options, MESSAGES_WORKFLOW_ID);
	}, 900_000);

	afterAll(async () => await sandbox?.stop());

	it('runs the workflow to the end: every WhatsApp Cloud node outputs the sent message ID', () => {
		const result = parseRawOutput(run);
		expect(result.data.resultData.error).toBeUndefined();
		for (const step of MESSAGE_STEPS) {
			const output = result.data.resultData.runData[step.name]?.[0]?.data.main[0];
			expect([step.name, output?.length]).toEqual([step.name, 1]);
			if (step.kind === 'read') expect(output?.[0].json).toEqual({ success: true });
			else expect([step.name, output?.[0].json.messageId]).toEqual([step.name, expect.stringMatching(/^wamid\./)]);
		}
	});

	it('the sandbox received one valid body of each kind, in the order of the workflow, and accepted each', () => {
		const sends = sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`);
		expect(sends.map((request) => kindOf(request.body as Record<string, unknown>))).toEqual(
			MESSAGE_STEPS.map((step) => step.kind),
		);
		for (const request of sends) {
			expect(validateMessageRequest(request.body)).toBeNull();
			expect(request.status).toBe(200);
			const body = request.body as { to?: string; messaging_product?: string };
			expect(body.messaging_product).toBe('whatsapp');
			if (kindOf(request.body as Record<string, unknown>) !== 'read') expect(body.to).toBe(E2E_RECIPIENT);
		}
	});

	it('the document from binary data was uploaded, then sent by its media ID with the binary file name', () => {
		const [upload] = sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/media`);
		const file = upload.multipart?.find((part) => part.name === 'file');
		expect(upload.multipart?.find((part) => part.name === 'messaging_product')?.data.toString()).toBe('whatsapp');
		expect(file?.contentType).toBe('text/plain');
		expect(file?.data.toString()).toBe(E2E_DOCUMENT_TEXT);
		const document = sandbox
			.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`)
			.find((request) => kindOf(request.body as Record<string, unknown>) === 'document');
		expect((document?.body as { document: unknown }).document).toEqual({
			id: (upload.response as { id: string }).id,
			caption: 'Your notes',
			filename: E2E_DOCUMENT_NAME,
		});
	});

	it('reactions and mark as read point at the message ID set earlier in the workflow', () => {
		const sends = sandbox
			.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`)
			.map((request) => request.body as Record<string, never>);
		const wamid = (messagesWorkflow().nodes[1].parameters as { assignments: { assignments: Array<{ value: string }> } })
			.assignments.assignments[0].value;
		expect(sends.filter((body) => body.type === 'reaction').map((body) => body.reaction)).toEqual([
			{ message_id: wamid, emoji: '👍' },
			{ message_id: wamid, emoji: '' },
		]);
		expect(sends.find((body) => body.status === 'read')).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: wamid,
		});
	});
});
