/** Runs the Cloud API sandbox on its own: `node <build>/test/sandbox/cli.js [port]`. */
import { createSandbox, SANDBOX_IDS } from './index';

async function main(): Promise<void> {
	const port = Number(process.argv[2] ?? process.env.SANDBOX_PORT ?? 0);
	const sandbox = await createSandbox().start(port);
	process.stdout.write(`Cloud API sandbox listening on ${sandbox.baseUrl} (token ${SANDBOX_IDS.token})\n`);
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
