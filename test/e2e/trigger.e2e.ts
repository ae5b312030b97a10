import { inboundText, messagesDelivery, outboundStatus } from '../harness/deliveries';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { subscriptionState } from '../sandbox/routes/subscriptions';
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
import {
	AUTO_TRIGGER_WEBHOOK_ID,
	automaticTriggerWorkflow,
	credentialExport,
	VERIFY_TOKEN,
	waitFor,
} from './workflows';

const WORKFLOW_ID = automaticTriggerWorkflow().id;
const TRIGGER = 'WhatsApp Cloud Trigger';

const envelope = messagesDelivery;
const text = (id: string) => inboundText(id);
const statuses = (...list: Array<[string, string]>) =>
	envelope({ statuses: list.map(([id, status]) => outboundStatus(id, status)) });

/** n8n stores run data as `flatted` text: every string and object is an index into one array. */
function unflatten(textData: string): unknown {
	const input = JSON.parse(textData) as unknown[];
	const done = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const raw = input[index];
		if (typeof raw !== 'object' || raw === null) return raw;
		const out: Record<string, unknown> | unknown[] = Array.isArray(raw) ? [] : {};
		done.set(index, out);
		for (const [key, value] of Object.entries(raw)) {
			(out as Record<string, unknown>)[key] = typeof value === 'string' ? revive(Number(value)) : value;
		}
		return out;
	};
	return revive(0);
}

interface ExecutionSummary {
	id: string;
	mode: string;
	status: string;
}

describe('WhatsApp Cloud Trigger in real n8n 2.41.1, automatic subscription', () => {
	let sandbox: GraphSandbox;
	let n8n: RunningN8n;
	let options: N8nOptions;
	let prodUrl: string;
	let testUrl: string;
	let cookie = '';
	const browserId = 'e2e-trigger-browser';

	const rest = async (path: string, init: RequestInit = {}) =>
		await fetch(`${n8n.url}/rest${path}`, {
			...init,
			headers: { cookie, 'browser-id': browserId, 'content-type': 'application/json', ...(init.headers ?? {}) },
		});

	async function executions(): Promise<ExecutionSummary[]> {
		const body = (await (await rest('/executions?limit=100')).json()) as { data: { results: ExecutionSummary[] } };
		return body.data.results;
	}

	async function triggerItems(
		id: string,
	): Promise<Array<{ json: Record<string, unknown>; binary?: Record<string, { mimeType: string }> }>> {
		const body = (await (await rest(`/executions/${id}`)).json()) as { data: { data: string } };
		const data = unflatten(body.data.data) as {
			resultData: {
				runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
			};
		};
		return data.resultData.runData[TRIGGER][0].data.main[0];
	}

	async function newExecution(before: number): Promise<ExecutionSummary> {
		return await waitFor('a new execution', async () => {
			const list = await executions();
			return list.length > before && list.every((e) => e.status !== 'running' && e.status !== 'new')
				? list[0]
				: undefined;
		});
	}

	/** Waits long enough for an execution to have appeared, then checks none did. */
	async function expectNoNewExecution(before: number): Promise<void> {
		await new Promise((r) => setTimeout(r, 2500));
		expect((await executions()).length).toBe(before);
	}

	const appSub = () => subscriptionState(sandbox).apps.get(SANDBOX_IDS.appId)?.get('whatsapp_business_account');
	const wabaEntry = () => subscriptionState(sandbox).wabas.get(SANDBOX_IDS.businessAccountId)?.get(SANDBOX_IDS.appId);

	beforeAll(async () => {
		const paths = ensureN8n();
		sandbox = await createSandbox().start();
		// Refused deliveries are logged at level warn: the log is part of what these tests check.
		options = { userFolder: prepareUserFolder(), port: await freePort(), paths, env: { N8N_LOG_LEVEL: 'warn' } };
		await n8nCli(options, [
			'import:credentials',
			`--input=${copyInto(options.userFolder, 'credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		await n8nCli(options, [
			'import:workflow',
			`--input=${copyInto(options.userFolder, 'workflow.json', automaticTriggerWorkflow())}`,
		]);
		await n8nCli(options, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		n8n = await startN8n(options);
		prodUrl = `${n8n.url}/webhook/${AUTO_TRIGGER_WEBHOOK_ID}/webhook`;
		await waitForWebhook(prodUrl);
		testUrl = `${n8n.url}/webhook-test/${AUTO_TRIGGER_WEBHOOK_ID}/webhook`;
		cookie = await setUpOwner(n8n.url, browserId);
	}, 900_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.stop();
	});

	it("activation set the app callback to the production URL after Meta's GET reached n8n, and subscribed the app to the WABA", async () => {
		await waitFor('the app and WABA subscriptions', () => (appSub() && wabaEntry() ? true : undefined));
		expect(appSub()).toMatchObject({
			callback_url: prodUrl,
			verify_token: VERIFY_TOKEN,
			fields: [{ name: 'messages' }],
		});
		expect(subscriptionState(sandbox).verifications).toContainEqual({ url: prodUrl, status: 200, echoed: true });
		expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
	});

	it('status-only, wrong-object, oversized, forged and unsigned POSTs start no execution', async () => {
		const before = (await executions()).length;
		expect((await sandbox.sendWebhook(prodUrl, statuses(['wamid.S1', 'sent'], ['wamid.S1', 'delivered']))).status).toBe(
			200,
		);
		expect((await sandbox.sendWebhook(prodUrl, { object: 'page', entry: [] })).status).toBe(200);
		const big = envelope({ messages: [{ ...text('wamid.BIG'), text: { body: 'x'.repeat(3 * 1024 * 1024) } }] });
		expect((await sandbox.sendWebhook(prodUrl, big)).status).toBe(413);
		expect(
			(await sandbox.sendWebhook(prodUrl, envelope({ messages: [text('wamid.F')] }), { appSecret: 'forged' })).status,
		).toBe(401);
		expect(
			(await sandbox.sendWebhook(prodUrl, envelope({ messages: [text('wamid.U')] }), { signature: null })).status,
		).toBe(401);
		await expectNoNewExecution(before);
		// Why nothing arrives is in n8n's log, once (the unsigned one a moment later is only counted), without secrets.
		const refusals = n8n
			.output()
			.split('\n')
			.filter((line) => line.includes('refused a webhook with 401'));
		expect(refusals).toEqual([
			expect.stringContaining("does not match the body signed with the credential's App Secret"),
		]);
		expect(n8n.output()).not.toContain(SANDBOX_IDS.appSecret);
	});

	it('a batched POST starts one execution with one item per message; its redelivery starts none', async () => {
		const before = (await executions()).length;
		const batch = envelope({
			messages: [text('wamid.B1'), text('wamid.B2')],
			statuses: [{ id: 'wamid.X', status: 'read', timestamp: '1', recipient_id: '1' }],
		});
		expect((await sandbox.sendWebhook(prodUrl, batch)).status).toBe(200);
		const execution = await newExecution(before);
		expect(execution.mode).toBe('webhook');
		const items = await triggerItems(execution.id);
		expect(items.map((i) => i.json.messageId)).toEqual(['wamid.B1', 'wamid.B2']);

		expect((await sandbox.sendWebhook(prodUrl, batch)).status).toBe(200);
		await expectNoNewExecution(before + 1);
	});

	it('after n8n restarts, redelivering an event it already ran still starts nothing (the static data n8n saved)', async () => {
		const before = (await executions()).length;
		const delivery = envelope({ messages: [text('wamid.RESTART')] });
		expect((await sandbox.sendWebhook(prodUrl, delivery)).status).toBe(200);
		await newExecution(before);
		await n8n.stop();
		n8n = await startN8n(options);
		await waitForWebhook(prodUrl);
		expect((await sandbox.sendWebhook(prodUrl, delivery)).status).toBe(200);
		await expectNoNewExecution(before + 1);
	});

	it('answers before downloading media, then the item carries the file', async () => {
		const bytes = Buffer.from('fake-jpeg-bytes');
		sandbox.state.media.set('5550001', {
			id: '5550001',
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			mimeType: 'image/jpeg',
			data: bytes,
			sha256: sandbox.sha256(bytes),
		});
		const before = (await executions()).length;
		sandbox.setLatency(1500);
		try {
			const image = {
				...text('wamid.IMG'),
				type: 'image',
				image: { id: '5550001', mime_type: 'image/jpeg', sha256: 'h' },
			};
			const answer = await sandbox.sendWebhook(prodUrl, envelope({ messages: [image] }));
			expect(answer.status).toBe(200);
			// The sandbox records a request only once it has answered it, 1.5 s later: none may be recorded yet.
			expect(sandbox.requestsTo('GET', '/5550001')).toHaveLength(0);
			const execution = await newExecution(before);
			const [item] = await triggerItems(execution.id);
			expect(item.json.messageId).toBe('wamid.IMG');
			expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg' });
			expect(sandbox.requestsTo('GET', '/whatsapp_business/attachments')).toHaveLength(1);
		} finally {
			sandbox.setLatency(0);
		}
	});

	it('a test listen overrides the WABA callback only while listening; production is never overwritten or deleted', async () => {
		const production = JSON.parse(JSON.stringify(appSub()));
		const run = await rest(`/workflows/${WORKFLOW_ID}/run`, {
			method: 'POST',
			body: JSON.stringify({ triggerToStartFrom: { name: TRIGGER } }),
		});
		expect(run.status).toBe(200);
		expect(((await run.json()) as { data: { waitingForWebhook?: boolean } }).data.waitingForWebhook).toBe(true);

		expect(wabaEntry()).toMatchObject({ override_callback_uri: testUrl });
		expect(subscriptionState(sandbox).verifications).toContainEqual({ url: testUrl, status: 200, echoed: true });
		expect(appSub()).toEqual(production);

		const before = (await executions()).length;
		expect((await sandbox.sendWebhook(testUrl, envelope({ messages: [text('wamid.TEST1')] }))).status).toBe(200);
		const manual = await newExecution(before);
		expect(manual.mode).toBe('manual');
		await waitFor('the override to be removed', () =>
			wabaEntry()?.override_callback_uri === undefined ? true : undefined,
		);
		expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
		expect(appSub()).toEqual(production);
		expect(sandbox.requestsTo('DELETE', /./)).toHaveLength(0);

		expect((await sandbox.sendWebhook(prodUrl, envelope({ messages: [text('wamid.AFTER')] }))).status).toBe(200);
		const after = await newExecution(before + 1);
		expect(after.mode).toBe('webhook');
		expect((await triggerItems(after.id)).map((i) => i.json.messageId)).toEqual(['wamid.AFTER']);
	});

	it('deactivation removes the callback URL it owns', async () => {
		const response = await rest(`/workflows/${WORKFLOW_ID}/deactivate`, { method: 'POST', body: '{}' });
		expect(response.status).toBe(200);
		await waitFor('the app subscription to be removed', () => (appSub() === undefined ? true : undefined));
		expect(wabaEntry()).toEqual({ appId: SANDBOX_IDS.appId });
	});
});
