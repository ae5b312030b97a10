/**
 * `npm start`: a real n8n (SQLite, project-local user folder .n8n-dev/) with this package installed, plus the local
 * Cloud API sandbox and a ready "WhatsApp Cloud (sandbox)" credential pointing at it. Prints only what a user needs;
 * the install, build and pack output goes to .n8n-dev/start.log and n8n's own output to .n8n-dev/n8n.log.
 * `npm start -- --n8n=1.123.81` runs the 1.x line instead (its own user folder under .n8n-dev/).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

import { createSandbox, SANDBOX_IDS } from '../sandbox';
import { SIMULATE_KINDS } from '../sandbox/routes/simulator';
import {
	copyInto,
	ensureN8n,
	freePort,
	N8N_VERSION,
	n8nCli,
	prepareUserFolder,
	ROOT,
	startN8n,
} from '../e2e/n8nInstance';
import { credentialExport } from '../e2e/workflows';
import { DEV_STATE_FILE, type DevState } from './devState';

const DEV_DIR = join(ROOT, '.n8n-dev');

function tail(file: string, lines = 30): string {
	return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { n8n: { type: 'string', default: N8N_VERSION } } });
	const version = values.n8n!;
	const userFolder = version === N8N_VERSION ? DEV_DIR : join(DEV_DIR, `n8n-${version}`);
	mkdirSync(userFolder, { recursive: true });
	const startLog = join(DEV_DIR, 'start.log');
	const n8nLog = join(userFolder, 'n8n.log');
	const show = (file: string) => relative(process.cwd(), file);
	writeFileSync(startLog, '');
	const installed = existsSync(join(process.env.N8N_CACHE_DIR ?? join(ROOT, '.cache'), `n8n-${version}`, '.ready'));
	const firstTime = installed ? '' : `; first time: installing n8n ${version} into .cache/, about 5 minutes`;
	process.stdout.write(`Preparing n8n ${version} and the package (log: ${show(startLog)}${firstTime}) …\n`);

	const paths = ensureN8n(version, startLog);
	const sandbox = await createSandbox().start(await freePort(Number(process.env.SANDBOX_PORT ?? 8787)));
	const firstRun = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
	prepareUserFolder(userFolder, startLog);
	const port = await freePort(Number(process.env.N8N_PORT ?? 5678));
	const options = { userFolder, port, paths, env: { N8N_LOG_LEVEL: 'info' } };
	// The sandbox gets a new port each start, so the credential is (re)imported with the current URL.
	await n8nCli(options, [
		'import:credentials',
		`--input=${copyInto(userFolder, 'sandbox-credential.json', credentialExport(sandbox.baseUrl))}`,
	]);
	const log = createWriteStream(n8nLog, { flags: 'a' });
	let n8n;
	try {
		n8n = await startN8n(options, 'start', log);
	} catch (error) {
		await sandbox.stop();
		process.stderr.write(`n8n did not start: ${(error as Error).message.split('\n')[0]}\n${tail(n8nLog)}\n`);
		process.exit(1);
	}
	const state: DevState = { sandboxUrl: sandbox.baseUrl, n8nUrl: n8n.url, token: SANDBOX_IDS.token };
	writeFileSync(join(ROOT, DEV_STATE_FILE), JSON.stringify(state, null, 2));

	const curl = `curl -X POST ${sandbox.baseUrl}/_simulate/message -H 'Authorization: Bearer ${SANDBOX_IDS.token}' -H 'Content-Type: application/json' -d '{"url":"<trigger URL>","text":"hi"}'`;
	process.stdout.write(
		[
			'',
			`n8n ${version} editor:   ${n8n.url}${firstRun ? '   (first start: create the owner account in the browser)' : ''}`,
			`Cloud API sandbox:  ${sandbox.baseUrl}`,
			'',
			'Credential "WhatsApp Cloud (sandbox)" is ready and points at the sandbox. To make your own, use:',
			`  Access Token ${SANDBOX_IDS.token} · Phone Number ID ${SANDBOX_IDS.phoneNumberId} · WABA ID ${SANDBOX_IDS.businessAccountId}`,
			`  App Secret ${SANDBOX_IDS.appSecret} · Graph API Version v22.0 · Base URL ${sandbox.baseUrl}`,
			'',
			'Simulate a user writing to a WhatsApp Cloud Trigger (copy its Test or Production URL from the node):',
			'  npm run simulate -- message --to <trigger URL> --text "hi"',
			'  npm run simulate -- status --to <trigger URL> --status read      (of the last message the sandbox sent)',
			`  kinds: ${SIMULATE_KINDS.join(', ')}; npm run simulate -- --help for every option`,
			`  or over HTTP: ${curl}`,
			'',
			`n8n's log: ${show(n8nLog)} · Press Ctrl+C to stop both.`,
			'',
		].join('\n'),
	);

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		rmSync(join(ROOT, DEV_STATE_FILE), { force: true });
		await n8n.stop();
		await sandbox.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	n8n.process.on('exit', (code) => {
		if (stopping) return;
		process.stderr.write(`n8n exited with ${code}. The end of ${show(n8nLog)}:\n${tail(n8nLog)}\n`);
		void stop(1);
	});
}

void main();
