import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import {
	copyInto,
	ensureN8n,
	freePort,
	n8nCli,
	prepareUserFolder,
	ROOT,
	startN8n,
	waitForWebhook,
	type N8nOptions,
	type RunningN8n,
} from './n8nInstance';
import { credentialExport, echoWorkflow, inboundText, TRIGGER_WEBHOOK_ID, waitFor } from './workflows';

/**
 * n8n's queue mode, as self-hosted users scale it: PostgreSQL + Redis, a main process, a worker and a
 * separate webhook process, all reading the package from the same user folder. The webhook process runs
 * the trigger's webhook(); the worker runs the action node.
 */
describe('queue mode: main + worker + webhook processes', () => {
	let sandbox: GraphSandbox;
	let services: Record<string, string>;
	const processes: RunningN8n[] = [];
	let webhookUrl: string;

	beforeAll(async () => {
		const paths = ensureN8n();
		const out = execFileSync('bash', [join(ROOT, 'scripts', 'queue-services.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		services = Object.fromEntries(
			out
				.trim()
				.split('\n')
				.map((line) => line.split('=') as [string, string]),
		);
		sandbox = await createSandbox().start();
		const env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: services.REDIS_PORT,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: services.PG_PORT,
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
		};
		const userFolder = prepareUserFolder();
		const options = (port: number): N8nOptions => ({ userFolder, port, paths, env });
		const main = options(await freePort());
		// The main process creates the schema; the CLI imports then go to the same database.
		processes.push(await startN8n(main));
		await n8nCli(main, [
			'import:credentials',
			`--input=${copyInto(userFolder, 'credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		await n8nCli(main, ['import:workflow', `--input=${copyInto(userFolder, 'workflow.json', echoWorkflow())}`]);
		await n8nCli(main, ['publish:workflow', `--id=${echoWorkflow().id}`]);
		// CLI changes take effect at the next start: restart main so it registers the production webhook.
		await processes.pop()!.stop();
		processes.push(await startN8n(main));
		processes.push(await startN8n(options(await freePort()), 'worker'));
		const webhook = await startN8n(options(await freePort()), 'webhook');
		processes.push(webhook);
		webhookUrl = `${webhook.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		await waitForWebhook(webhookUrl);
	}, 900_000);

	afterAll(async () => {
		for (const process of processes.reverse()) await process.stop();
		await sandbox?.stop();
		if (services?.QUEUE_DIR)
			execFileSync('bash', [join(ROOT, 'scripts', 'queue-services.sh'), 'stop', services.QUEUE_DIR]);
	});

	it('the webhook process checks the signature and answers; a worker sends the reply', async () => {
		const messageId = 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBRRVUVVRU1PREUwMDAwMDAwMDEA';
		const delivery = await sandbox.sendWebhook(webhookUrl, inboundText('Hello from queue mode', messageId));
		expect(delivery.status).toBe(200);
		const sent = await waitFor(
			'the reply sent by the worker',
			() => sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`)[0],
			60_000,
		);
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '16505551234',
			type: 'text',
			text: { body: 'Echo: Hello from queue mode' },
			context: { message_id: messageId },
		});
		expect(sent.status).toBe(200);
	});

	it('refuses a forged webhook in the webhook process, and nothing reaches the worker', async () => {
		const before = sandbox.requests.length;
		const forged = await sandbox.sendWebhook(webhookUrl, inboundText('Forged', 'wamid.QUEUEFORGED'), {
			appSecret: 'attacker-secret',
		});
		expect(forged.status).toBe(401);
		await new Promise((r) => setTimeout(r, 3000));
		expect(sandbox.requests.length).toBe(before);
	});
});
