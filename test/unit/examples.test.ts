/**
 * The example workflows of examples/ are what a user imports into n8n: n8n workflow JSON that uses only our two
 * nodes and n8n's own, every parameter one our nodes know, no credential or ID of ours, a sticky note saying what
 * to set, and a link from the README. (test/e2e/examples.e2e.ts runs each one in a real n8n.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import {
	ACTION_TYPE,
	exampleFiles,
	hasThroughputOption,
	loadExample,
	readExample,
	TRIGGER_TYPE,
	type ExampleNode,
	type ExampleWorkflow,
} from '../e2e/examples/examples';
import { ROOT } from '../e2e/n8nInstance';
import { SANDBOX_IDS } from '../sandbox';

/**
 * n8n's own nodes the examples may use, at versions that exist in both supported lines (n8n 1.123 and 2.41), so
 * that a workflow imports into either.
 */
const BASE_NODES: Record<string, number[]> = {
	'n8n-nodes-base.manualTrigger': [1],
	'n8n-nodes-base.scheduleTrigger': [1.2],
	'n8n-nodes-base.webhook': [2],
	'n8n-nodes-base.respondToWebhook': [1.1],
	'n8n-nodes-base.code': [2],
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.if': [2.2],
	'n8n-nodes-base.switch': [3.2],
	'n8n-nodes-base.readWriteFile': [1],
	'n8n-nodes-base.crypto': [1],
	'n8n-nodes-base.stickyNote': [1],
};

const OUR_NODES: Record<string, INodeTypeDescription> = {
	[ACTION_TYPE]: new WhatsAppCloud().description,
	[TRIGGER_TYPE]: new WhatsAppCloudTrigger().description,
};

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/**
 * The parameters (as `path`) that no property of `properties` knows: a misspelt name, an option value that does not
 * exist, a collection option or fixed-collection group the node does not have.
 */
function unknownParameters(
	values: Record<string, unknown>,
	properties: readonly INodeProperties[],
	path = '',
): string[] {
	return Object.entries(values).flatMap(([name, value]) => {
		const here = `${path}${name}`;
		const candidates = properties.filter((property) => property.name === name);
		if (candidates.length === 0) return [here];
		// Several properties may share a name (one per operation): the value must suit one of them.
		const problems = candidates.map((property) => problemsOf(property, value, here));
		return problems.find((list) => list.length === 0) ?? problems[0];
	});
}

function problemsOf(property: INodeProperties, value: unknown, path: string): string[] {
	if (isExpression(value)) return [];
	switch (property.type) {
		case 'options':
			return ((property.options ?? []) as INodePropertyOptions[]).some((option) => option.value === value)
				? []
				: [`${path}=${String(value)}`];
		case 'multiOptions': {
			const allowed = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
			return (value as unknown[])
				.filter((entry) => !allowed.includes(entry as string))
				.map((entry) => `${path}=${String(entry)}`);
		}
		case 'collection':
			return unknownParameters(
				value as Record<string, unknown>,
				(property.options ?? []) as INodeProperties[],
				`${path}.`,
			);
		case 'fixedCollection':
			return Object.entries(value as Record<string, unknown>).flatMap(([group, entries]) => {
				const definition = ((property.options ?? []) as INodePropertyCollection[]).find(
					(option) => option.name === group,
				);
				if (!definition) return [`${path}.${group}`];
				const list = Array.isArray(entries) ? entries : [entries];
				return list.flatMap((entry, i) =>
					unknownParameters(entry as Record<string, unknown>, definition.values, `${path}.${group}[${i}].`),
				);
			});
		default:
			return [];
	}
}

/** The README's "Examples" section: from its heading to the next heading of the same level. */
function readmeExamplesSection(): string {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf('\n## Examples\n');
	if (start === -1) return '';
	const end = readme.indexOf('\n## ', start + 1);
	return readme.slice(start, end === -1 ? undefined : end);
}

const files = exampleFiles();
const examples: Array<[string, ExampleWorkflow]> = files.map((file) => [file, loadExample(file)]);
const ourNodes = (workflow: ExampleWorkflow) => workflow.nodes.filter((node) => node.type in OUR_NODES);

describe('example workflows (examples/*.json)', () => {
	it('are the six examples of issue 13', () => {
		expect(files).toEqual([
			'approval-send-and-wait.json',
			'auto-reply-bot.json',
			'bulk-campaign.json',
			'inbound-media-archiver.json',
			'order-confirmation.json',
			'otp-sender.json',
		]);
	});

	it.each(examples)(
		'%s is n8n workflow JSON: a name, nodes with unique names and IDs, connections between them',
		(_file, workflow) => {
			expect(workflow.name).toMatch(/^WhatsApp: /);
			expect(workflow.settings).toEqual({ executionOrder: 'v1' });
			const names = workflow.nodes.map((node) => node.name);
			expect(new Set(names).size).toBe(names.length);
			expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(names.length);
			for (const node of workflow.nodes) {
				expect([node.name, node.id]).toEqual([
					node.name,
					expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
				]);
				expect([node.name, node.position]).toEqual([node.name, [expect.any(Number), expect.any(Number)]]);
			}
			// Every connection joins two nodes of the workflow, and every node but triggers and notes has an input.
			const targets = new Set<string>();
			for (const [source, { main }] of Object.entries(workflow.connections)) {
				expect(names).toContain(source);
				for (const connection of main.flat()) {
					expect(names).toContain(connection.node);
					targets.add(connection.node);
				}
			}
			const inputless = workflow.nodes.filter(
				(node) => !targets.has(node.name) && node.type !== 'n8n-nodes-base.stickyNote',
			);
			expect(inputless.map((node) => node.type)).toEqual([expect.stringMatching(/Trigger$|\.webhook$/)]);
		},
	);

	it.each(examples)(
		"%s uses only our two nodes and n8n's own, at versions n8n 1.123 and 2.41 both have",
		(_file, workflow) => {
			for (const node of workflow.nodes) {
				const ours = OUR_NODES[node.type];
				const allowed = ours ? [ours.version].flat() : BASE_NODES[node.type];
				expect([node.name, node.type, allowed?.includes(node.typeVersion)]).toEqual([node.name, node.type, true]);
			}
		},
	);

	it.each(examples)('%s sets only parameters our nodes know', (file, workflow) => {
		const unknown = ourNodes(workflow).flatMap((node) =>
			unknownParameters(node.parameters, OUR_NODES[node.type].properties).map((path) => `${node.name}: ${path}`),
		);
		// The bulk campaign sets the send pipeline's Messages Per Second, which this branch's node may not have yet.
		const pending =
			file === 'bulk-campaign.json' && !hasThroughputOption(OUR_NODES[ACTION_TYPE])
				? ['Send Coupon: messageOptions.messagesPerSecond']
				: [];
		expect(unknown).toEqual(pending);
	});

	it.each(examples)(
		'%s carries no credential, secret or account ID: n8n asks for the credential on import',
		(file, workflow) => {
			const text = readExample(file);
			for (const node of workflow.nodes) expect([node.name, node.credentials]).toEqual([node.name, undefined]);
			for (const secret of Object.values(SANDBOX_IDS)) expect(text).not.toContain(secret);
			// Graph IDs (accounts, numbers, templates, media) have 15 or more digits; phone numbers fewer.
			expect(text.match(/\d{15,}/g)).toBeNull();
			// Meta access tokens start with EAA.
			expect(text).not.toMatch(/EAA[A-Za-z0-9]{20,}/);
			expect(Object.keys(workflow)).not.toContain('id');
			expect(workflow.meta).toBeUndefined();
			expect(workflow.pinData).toEqual({});
			for (const trigger of workflow.nodes.filter((node) => node.type === TRIGGER_TYPE))
				expect(trigger.parameters.verifyToken).toBe('');
		},
	);

	it.each(examples)('%s explains in a sticky note which credential to pick and what to set', (_file, workflow) => {
		const notes = workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
			.map((node) => String(node.parameters.content));
		expect(notes[0]).toMatch(/^## /);
		expect(notes.join('\n')).toContain('**WhatsApp Cloud API** credential');
		expect(notes.join('\n')).toContain('### Set up');
		// A set-up step that starts with a node's name ("1. **Send Code**: …") names a node of the workflow.
		const steps = [...notes.join('\n').matchAll(/^\d\. \*\*([^*]+)\*\*:/gm)].map((match) => match[1]);
		expect(steps.filter((name) => !workflow.nodes.some((node) => node.name === name))).toEqual([]);
		// "… in the four WhatsApp Cloud nodes" counts them right.
		const count = /in the (two|three|four|five) WhatsApp Cloud nodes/.exec(notes.join('\n'))?.[1];
		const actions = workflow.nodes.filter((node: ExampleNode) => node.type === ACTION_TYPE).length;
		if (count) expect(['two', 'three', 'four', 'five'].indexOf(count) + 2).toBe(actions);
		else expect(steps.length).toBeGreaterThan(0);
	});

	it("are each linked from the README's Examples section, which says how to import them", () => {
		const section = readmeExamplesSection();
		expect(section).toContain('Import from File');
		const linked = [...section.matchAll(/\]\(examples\/([\w-]+\.json)\)/g)].map((match) => match[1]);
		expect(linked.sort()).toEqual(files);
	});
});
