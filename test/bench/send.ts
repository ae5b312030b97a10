/** Bench section: the action node sending through n8n-core to the sandbox. */
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { performance } from './stats';

export async function benchActionNode(): Promise<void> {
	const sandbox = await createSandbox().start();
	try {
		const credentials = sandboxCredentials(sandbox.baseUrl);
		const items = Array.from({ length: 200 }, (_, i) => ({ json: { to: `+1650555${String(1000 + i)}`, text: `hello ${i}` } }));
		const parameters = { resource: 'message', operation: 'sendText', recipient: '={{ $json.to }}', textBody: '={{ $json.text }}' };
		await runAction({ credentials, parameters, items: items.slice(0, 5) });
		const rssBefore = process.memoryUsage().rss;
		const start = performance.now();
		const { items: out, error } = await runAction({ credentials, parameters, items });
		const elapsed = performance.now() - start;
		if (error || out.length !== items.length) throw new Error(`action run failed: ${error?.message}`);
		console.log(
			`action node: ${items.length} Send Text items through n8n-core in ${elapsed.toFixed(0)} ms ` +
				`(${(elapsed / items.length).toFixed(2)} ms/item), RSS +${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(1)} MB`,
		);
	} finally {
		await sandbox.stop();
	}
}

