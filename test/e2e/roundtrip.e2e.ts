import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import {
	copyInto,
	ensureN8n,
	freePort,
	n8nCli,
	prepareUserFolder,
	setUpOwner,
	startN8n,
	waitForWebhook,
	type N8nOptions,
	type RunningN8n,
} from './n8nInstance';
import { credentialExport, echoWorkflow, inboundText, TRIGGER_WEBHOOK_ID, VERIFY_TOKEN, waitFor } from './workflows';

describe('real n8n 2.41.1 with the package installed', () => {
	let sandbox: GraphSandbox;
	let n8n: RunningN8n;
	let webhookUrl: string;
	let cookie = '';
	const browserId = 'e2e-browser';

	async function executionCount(): Promise<number> {
		const response = await fetch(`${n8n.url}/rest/executions?limit=100`, {
			headers: { cookie, 'browser-id': browserId },
		});
		const body = (await response.json()) as { data: { count: number; results: unknown[] } };
		return body.data.count;
	}

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
			`--input=${copyInto(options.userFolder, 'workflow.json', echoWorkflow())}`,
		]);
		await n8nCli(options, ['publish:workflow', `--id=${echoWorkflow().id}`]);
		n8n = await startN8n(options);
		webhookUrl = `${n8n.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		await waitForWebhook(webhookUrl);
		cookie = await setUpOwner(n8n.url, browserId);
	}, 900_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.stop();
	});

	it("answers Meta's verification request with the challenge", async () => {
		const ok = await fetch(
			`${webhookUrl}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
		);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toBe('1158201444');
		const wrong = await fetch(`${webhookUrl}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
		expect(wrong.status).toBe(403);
	});

	it('replies through the sandbox when a signed text webhook arrives', async () => {
		const messageId = 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUJDREVGMDEyMzQ1Njc4OTAA';
		const delivery = await sandbox.sendWebhook(webhookUrl, inboundText('Hello from e2e', messageId));
		expect(delivery.status).toBe(200);
		const sent = await waitFor(
			'the reply in the sandbox',
			() => sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`)[0],
		);
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '16505551234',
			type: 'text',
			text: { body: 'Echo: Hello from e2e' },
			context: { message_id: messageId },
		});
		expect(sent.status).toBe(200);
	});

	it('refuses a forged webhook with 401 and starts no execution', async () => {
		await new Promise((r) => setTimeout(r, 1500));
		const before = await executionCount();
		const sentBefore = sandbox.requests.length;
		const forged = await sandbox.sendWebhook(webhookUrl, inboundText('Forged', 'wamid.FORGED'), {
			appSecret: 'attacker-secret',
		});
		expect(forged.status).toBe(401);
		const unsigned = await sandbox.sendWebhook(webhookUrl, inboundText('Unsigned', 'wamid.UNSIGNED'), {
			signature: null,
		});
		expect(unsigned.status).toBe(401);
		await new Promise((r) => setTimeout(r, 3000));
		expect(await executionCount()).toBe(before);
		expect(sandbox.requests.length).toBe(sentBefore);
	});
});
