/**
 * Starts a real n8n (2.41.1 by default, or 1.123.81 for the 1.x line; each on its own Node, installed
 * project-locally by scripts/ensure-n8n.sh) with this package installed as a community package, the way a
 * self-hosted user installs it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

export const PACKAGE_NAME = 'n8n-nodes-whatsapp-cloud';

/** The n8n versions the package is tested against: the current line and the last 1.x line. */
export const N8N_VERSION = '2.41.1';
export const N8N_1X_VERSION = '1.123.81';

/** The repository root, found from here whether this runs from test/ (jest) or from a compiled copy under .cache/. */
function findRoot(from: string): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME)
			return dir;
	}
	throw new Error(`Cannot find the ${PACKAGE_NAME} repository above ${from}`);
}

export const ROOT = findRoot(__dirname);
export const ENCRYPTION_KEY = 'whatsapp-cloud-e2e-encryption-key';

export interface N8nPaths {
	version: string;
	/** The directory holding the `node` that runs this n8n (first on its PATH). */
	nodeBin: string;
	n8nBin: string;
}

/** Installs n8n `version` and its Node on first use (minutes), then only returns their paths. */
export function ensureN8n(version = N8N_VERSION, logFile?: string): N8nPaths {
	const log = logFile === undefined ? 'inherit' : openSync(logFile, 'a');
	try {
		const out = execFileSync('bash', [join(ROOT, 'scripts', 'ensure-n8n.sh'), version], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', log],
		});
		const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(out)?.[1] ?? '';
		return { version, nodeBin: value('NODE_BIN'), n8nBin: value('N8N_BIN') };
	} finally {
		if (typeof log === 'number') closeSync(log);
	}
}

/** A free loopback port: `preferred` when it is free, else any. */
export async function freePort(preferred = 0): Promise<number> {
	if (preferred) {
		const free = await new Promise<boolean>((resolveFree) => {
			const probe = createServer();
			probe.once('error', () => resolveFree(false));
			probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolveFree(true)));
		});
		if (free) return preferred;
	}
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

/** Runs a build step quietly: its output goes to `logFile` when given, and into the error when it fails. */
function quietly(command: string, args: string[], logFile?: string): void {
	try {
		const output = execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		if (logFile) writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n${output}`, { flag: 'a' });
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		if (logFile) writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n${stdout}${stderr}`, { flag: 'a' });
		throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`);
	}
}

/**
 * Builds, packs and unpacks the package into `<userFolder>/.n8n/nodes/node_modules/`, as n8n installs community
 * packages (n8n 1.x and 2.x alike: `npm pack`, untar, drop dev/peer/optional dependencies from its package.json).
 */
export function installPackage(userFolder: string, logFile?: string): void {
	quietly('npm', ['run', 'build'], logFile);
	const packDir = mkdtempSync(join(tmpdir(), 'wa-pack-'));
	quietly('npm', ['pack', '--pack-destination', packDir], logFile);
	const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', target, '--strip-components=1']);
	// n8n-workflow is a peer dependency: n8n provides it to community packages at runtime.
	const manifestPath = join(target, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }),
	);
	rmSync(packDir, { recursive: true, force: true });
}

export interface N8nOptions {
	userFolder: string;
	port: number;
	paths: N8nPaths;
	env?: Record<string, string>;
}

export function n8nEnv(options: N8nOptions, brokerPort: number): NodeJS.ProcessEnv {
	return {
		PATH: `${options.paths.nodeBin}:${process.env.PATH ?? ''}`,
		HOME: process.env.HOME,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...options.env,
	};
}

/** Runs an n8n CLI command (import, publish) against the user folder; returns its output. */
export async function n8nCli(options: N8nOptions, args: string[]): Promise<string> {
	const env = n8nEnv(options, await freePort());
	return execFileSync(options.paths.n8nBin, args, {
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 180_000,
	});
}

/** Activates an imported workflow: `publish:workflow` in n8n 2.x, `update:workflow --active=true` in 1.x. */
export async function activateWorkflow(options: N8nOptions, id: string): Promise<string> {
	const args = options.paths.version.startsWith('1.')
		? ['update:workflow', `--id=${id}`, '--active=true']
		: ['publish:workflow', `--id=${id}`];
	return await n8nCli(options, args);
}

/** `n8n execute --id=<id> --rawOutput`, without blocking this process: the sandbox answers n8n from here. */
export async function executeWorkflow(
	options: N8nOptions,
	id: string,
): Promise<{ code: number | null; output: string }> {
	// The execution data is printed at log level info.
	const env = n8nEnv({ ...options, env: { ...options.env, N8N_LOG_LEVEL: 'info' } }, await freePort());
	const child = spawn(options.paths.n8nBin, ['execute', `--id=${id}`, '--rawOutput'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += String(chunk)));
	child.stderr.on('data', (chunk) => (output += String(chunk)));
	const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	clearTimeout(timer);
	return { code, output };
}

/**
 * n8n answers /healthz before it has registered the active workflows' webhooks; a production webhook
 * answers 404 until then. Resolves once `url` answers anything else.
 */
export interface RawRun {
	data: {
		resultData: {
			error?: unknown;
			runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
}

/**
 * The run that `n8n execute --rawOutput` printed: a pretty-printed JSON object whose first line is `{` and last
 * line is `}`, with n8n's log lines before and, sometimes, after it.
 */
export function parseRawOutput(run: { code: number | null; output: string }): RawRun {
	if (run.code !== 0) throw new Error(`n8n execute exited with ${run.code}:\n${run.output.slice(-4000)}`);
	const lines = run.output.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start === -1 || end < start) throw new Error(`n8n execute printed no run:\n${run.output.slice(-4000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as RawRun;
}

export async function waitForWebhook(url: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const status = await fetch(url).then(
			(response) => response.status,
			() => 0,
		);
		if (status !== 404 && status !== 0) return;
		if (Date.now() > deadline) throw new Error(`${url} was not registered within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

/**
 * Starts an n8n process: `start` (main, also the default), or `worker` / `webhook` for queue mode. A worker
 * has no HTTP server of its own; `options.port` is then its health-check port. With `logTo`, n8n's output goes
 * there and is kept in memory only until n8n is ready (`npm start` runs for hours).
 */
export async function startN8n(
	options: N8nOptions,
	command: 'start' | 'worker' | 'webhook' = 'start',
	logTo?: Writable,
): Promise<RunningN8n> {
	const env = n8nEnv(options, await freePort());
	if (command === 'worker') {
		Object.assign(env, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(options.port) });
	}
	const child = spawn(options.paths.n8nBin, [command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	let keep = true;
	for (const stream of [child.stdout, child.stderr]) {
		stream?.on('data', (chunk) => {
			if (keep) log += String(chunk);
			logTo?.write(chunk);
		});
	}
	const url = `http://127.0.0.1:${options.port}`;
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}:\n${log}`);
		try {
			const response = await fetch(`${url}${command === 'worker' ? '/healthz' : '/healthz/readiness'}`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`n8n did not become ready within 180 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	keep = logTo === undefined;
	return {
		url,
		process: child,
		output: () => log,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/** A fresh user folder with the package installed; the default SQLite store lives inside it. */
export function prepareUserFolder(base?: string, logFile?: string): string {
	const userFolder = base ?? mkdtempSync(join(tmpdir(), 'wa-n8n-'));
	if (!existsSync(userFolder)) mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder, logFile);
	return userFolder;
}

export function copyInto(userFolder: string, file: string, content: unknown): string {
	const path = join(userFolder, file);
	writeFileSync(path, JSON.stringify(content, null, 2));
	return path;
}

/**
 * Creates the owner account, as a first start in the browser does, and returns the session cookie. n8n ties the
 * session to the browser ID it is given, so later requests must send the same `browser-id` header.
 */
export async function setUpOwner(url: string, browserId = 'e2e-browser'): Promise<string> {
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({
			email: 'owner@example.com',
			firstName: 'E2e',
			lastName: 'Owner',
			password: 'E2eOwner-Passw0rd',
		}),
	});
	if (setup.status !== 200) throw new Error(`Owner setup answered ${setup.status}: ${await setup.text()}`);
	return (setup.headers.get('set-cookie') ?? '').split(';')[0];
}
