/**
 * Each node has a codex file next to it (`<Node>.node.json`: categories, aliases, documentation links) that
 * n8n's own loader reads; the build copies it into dist/ next to the compiled node (gulpfile.js).
 */
import { readFileSync } from 'node:fs';

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import packageJson from '../../package.json';

const ROOT = `${__dirname}/../..`;
const NODES: Array<[string, INodeType]> = [
	['nodes/WhatsAppCloud/WhatsAppCloud.node.js', new WhatsAppCloud()],
	['nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node.js', new WhatsAppCloudTrigger()],
];

describe('codex files', () => {
	// getCodex is what n8n's loader calls for each node file (private in its typings).
	const loader = new PackageDirectoryLoader(ROOT) as unknown as {
		getCodex(file: string): INodeTypeDescription['codex'] & object;
	};

	it('covers every node the package declares', () => {
		expect(packageJson.n8n.nodes).toEqual(NODES.map(([file]) => `dist/${file}`));
	});

	it.each(NODES)('%s: n8n reads categories, aliases and documentation links', (file, type) => {
		const codex = loader.getCodex(file);
		expect(codex.categories).toContain('Communication');
		expect(codex.alias).toEqual(expect.arrayContaining(['WhatsApp']));
		const links = [
			...(codex.resources?.primaryDocumentation ?? []),
			...(codex.resources?.credentialDocumentation ?? []),
		];
		expect(links.length).toBeGreaterThanOrEqual(2);
		for (const { url } of links) expect(url).toMatch(/^https:\/\/developers\.facebook\.com\/docs\/whatsapp\//);
		const raw = JSON.parse(readFileSync(`${ROOT}/${file.replace(/\.js$/, '.json')}`, 'utf8')) as { node: string };
		expect(raw.node).toBe(`${packageJson.name}.${type.description.name}`);
	});
});
