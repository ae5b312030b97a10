/**
 * `npm start`: a real n8n 2.41.1 (SQLite, project-local user folder .n8n-dev/) with this package installed,
 * plus the local Cloud API sandbox and a ready "WhatsApp Cloud (sandbox)" credential pointing at it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { createSandbox, SANDBOX_IDS } from '../sandbox';
import { copyInto, ensureN8n, freePort, n8nCli, prepareUserFolder, ROOT, startN8n } from '../e2e/n8nInstance';
import { credentialExport } from '../e2e/workflows';

async function main(): Promise<void> {
	const paths = ensureN8n();
	const sandbox = await createSandbox().start(await freePort(Number(process.env.SANDBOX_PORT ?? 8787)));
	const userFolder = join(ROOT, '.n8n-dev');
	const firstRun = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
	prepareUserFolder(userFolder);
	const port = await freePort(Number(process.env.N8N_PORT ?? 5678));
	const options = { userFolder, port, paths, env: { N8N_LOG_LEVEL: 'info' } };
	// The sandbox gets a new port each start, so the credential is (re)imported with the current URL.
	await n8nCli(options, ['import:credentials', `--input=${copyInto(userFolder, 'sandbox-credential.json', credentialExport(sandbox.baseUrl))}`]);
	const n8n = await startN8n(options);
	process.stdout.write(
		[
			'',
			`n8n editor:          ${n8n.url}${firstRun ? '  (first start: create the owner account in the browser)' : ''}`,
			`Cloud API sandbox:   ${sandbox.baseUrl}`,
			'Credential "WhatsApp Cloud (sandbox)" is ready. To make your own, use:',
			`  Access Token ${SANDBOX_IDS.token} · Phone Number ID ${SANDBOX_IDS.phoneNumberId} · WABA ID ${SANDBOX_IDS.businessAccountId}`,
			`  App Secret ${SANDBOX_IDS.appSecret} · Graph API Version v22.0 · Base URL ${sandbox.baseUrl}`,
			'Press Ctrl+C to stop both.',
			'',
		].join('\n'),
	);
	const stop = async () => {
		await n8n.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	n8n.process.on('exit', () => void sandbox.stop().then(() => process.exit(1)));
	n8n.process.stdout?.pipe(process.stdout);
	n8n.process.stderr?.pipe(process.stderr);
}

void main();
