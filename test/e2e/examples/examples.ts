/**
 * The example workflows of examples/*.json: loading them, and what a user changes after importing one (the
 * credential, the trigger's verify token, a folder). Shared by test/unit/examples.test.ts and test/e2e/examples.e2e.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_NAME, ROOT } from '../n8nInstance';

export const EXAMPLES_DIR = join(ROOT, 'examples');

export const ACTION_TYPE = `${PACKAGE_NAME}.whatsAppCloud`;
export const TRIGGER_TYPE = `${PACKAGE_NAME}.whatsAppCloudTrigger`;

export interface ExampleNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string | null; name: string }>;
	onError?: string;
}

export interface ExampleWorkflow {
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** The example files, e.g. `auto-reply-bot.json`, sorted. */
export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

export function readExample(file: string): string {
	return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}

export function loadExample(file: string): ExampleWorkflow {
	return JSON.parse(readExample(file)) as ExampleWorkflow;
}

/**
 * Whether the action node has the send pipeline's "Messages Per Second" option (Options of the send operations),
 * which the bulk campaign example sets. Read from the node's description, as n8n's editor reads it.
 */
export function hasThroughputOption(description: INodeTypeDescription): boolean {
	return description.properties.some(
		(property) =>
			property.name === 'messageOptions' &&
			(property.displayOptions?.show?.operation ?? []).includes('sendTemplate') &&
			((property.options ?? []) as INodeProperties[]).some((option) => option.name === 'messagesPerSecond'),
	);
}

export interface UserChoices {
	/** The credential the user picks in every WhatsApp Cloud node. */
	credential: { id: string; name: string };
	/** The verify token typed into every WhatsApp Cloud Trigger. */
	verifyToken: string;
	/** Text replaced in string parameters, e.g. the archiver's folder. */
	replace?: Array<[string, string]>;
}

function replaceIn(value: unknown, replace: Array<[string, string]>): unknown {
	if (typeof value === 'string') return replace.reduce((text, [from, to]) => text.split(from).join(to), value);
	if (Array.isArray(value)) return value.map((entry) => replaceIn(entry, replace));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, replaceIn(entry, replace)]));
	}
	return value;
}

/** The example as a user leaves it after importing it and doing what its sticky note says. */
export function asSetUp(workflow: ExampleWorkflow, choices: UserChoices): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as ExampleWorkflow;
	for (const node of copy.nodes) {
		node.parameters = replaceIn(node.parameters, choices.replace ?? []) as Record<string, unknown>;
		if (node.type !== ACTION_TYPE && node.type !== TRIGGER_TYPE) continue;
		node.credentials = { whatsAppCloudApi: choices.credential };
		if (node.type === TRIGGER_TYPE) node.parameters.verifyToken = choices.verifyToken;
	}
	return copy;
}
