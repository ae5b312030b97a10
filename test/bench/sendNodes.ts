/**
 * The other nodes the send bench runs: n8n's built-in WhatsApp node from the project-local n8n install (the bench may
 * use it; tests may not), and a second copy of this package's node with its own module state, standing for another
 * n8n worker process that shares nothing with the first.
 */
import { realpathSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import { registerNodeType } from '../harness/n8n';

const ROOT = join(__dirname, '..', '..');
// `.cache/n8n-2.41.1` may be a link; Node names modules by their real path.
const N8N_MODULES = realpathSync(join(ROOT, '..', '..', '.cache', 'n8n-2.41.1', 'node_modules'));

type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

/**
 * Loads n8n's built-in WhatsApp node with this project's n8n-workflow (one copy of its error classes); returns its
 * type name and a function that points it at a sandbox (it sends to https://graph.facebook.com/v13.0/ otherwise).
 */
export function loadBuiltInWhatsApp(): { name: string; pointAt: (baseUrl: string) => void } {
	const loader = Module as unknown as { _resolveFilename: Resolve };
	const resolve = loader._resolveFilename;
	const ours = require.resolve('n8n-workflow');
	loader._resolveFilename = function (request, parent, ...rest) {
		if (request === 'n8n-workflow' && parent?.filename?.startsWith(N8N_MODULES)) return ours;
		return resolve.call(this, request, parent, ...rest);
	};
	const base = join(N8N_MODULES, 'n8n-nodes-base', 'dist');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WhatsApp } = require(join(base, 'nodes', 'WhatsApp', 'WhatsApp.node.js')) as {
		WhatsApp: new () => INodeType;
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WhatsAppApi } = require(join(base, 'credentials', 'WhatsAppApi.credentials.js')) as {
		WhatsAppApi: new () => ICredentialType;
	};
	const node = new WhatsApp();
	registerNodeType('n8n-nodes-base.whatsApp', node, new WhatsAppApi());
	// The sandbox answers for any Graph version.
	const pointAt = (baseUrl: string) => {
		node.description.requestDefaults = { ...node.description.requestDefaults, baseURL: `${baseUrl}/v13.0/` };
	};
	return { name: 'n8n-nodes-base.whatsApp', pointAt };
}

/** A second copy of this package's node, whose pacers are not the first copy's (as in another n8n process). */
export function loadSecondCopyOfNode(): string {
	const nodes = join(ROOT, 'nodes');
	const mine = (key: string) => key.startsWith(nodes);
	const first = Object.entries(require.cache).filter(([key]) => mine(key));
	for (const [key] of first) delete require.cache[key];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WhatsAppCloud } = require(join(nodes, 'WhatsAppCloud', 'WhatsAppCloud.node')) as {
		WhatsAppCloud: new () => INodeType;
	};
	for (const key of Object.keys(require.cache)) if (mine(key)) delete require.cache[key];
	for (const [key, module] of first) require.cache[key] = module;
	registerNodeType('n8n-nodes-whatsapp-cloud.whatsAppCloudWorker2', new WhatsAppCloud());
	return 'n8n-nodes-whatsapp-cloud.whatsAppCloudWorker2';
}
