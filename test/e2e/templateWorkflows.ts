import type { IDataObject } from 'n8n-workflow';

import {
	asSent,
	documentedBody,
	TEMPLATE_CASES,
	templateParameters,
	type Body,
	type TemplateCase,
} from '../inprocess/templateCases';
import type { TemplateStore } from '../sandbox/templateStore';
import { PACKAGE_NAME } from './n8nInstance';
import { CREDENTIAL_ID } from './workflows';

export const TEMPLATES_WORKFLOW_ID = 'waTemplatesWorkflow1';

const credentials = { whatsAppCloudApi: { id: CREDENTIAL_ID, name: 'WhatsApp Cloud (sandbox)' } };

/** One Send Template node: its name, the shared case it sends, its parameters and the body the sandbox should receive. */
export interface TemplateStep {
	name: string;
	case: TemplateCase;
	parameters: IDataObject;
	expected: Body;
}

/**
 * A case sent at a fixed clock (`now`) carries a date that must lie ahead of that clock: the checkout button's order
 * expiration (doc 49, a date in the past). n8n runs at the real time, so the date moves by as much as the clock does;
 * the documented body moves with it. Any other clock-dependent case fails here rather than in n8n.
 */
function atRealTime(
	c: TemplateCase,
	expected: Body,
	nowMs: number,
): { extra: IDataObject | undefined; expected: Body } {
	if (c.now === undefined) return { extra: c.extra, expected };
	const shift = Math.floor(nowMs / 1000) - Math.floor(c.now / 1000);
	const options = c.extra?.orderDetailsOrderOptions as IDataObject | undefined;
	if (options?.expiration === undefined)
		throw new Error(`${c.fixture}: sent at a fixed clock, but no order expiration to move to the real time`);
	const expiration = String(Number(options.expiration) + shift);
	const button = expected.template.components?.find((component) => component.sub_type === 'order_details');
	const order = (
		((button?.parameters as IDataObject[] | undefined)?.[0]?.action as IDataObject | undefined)?.order_details as
			IDataObject | undefined
	)?.order as IDataObject | undefined;
	const documented = order?.expiration as IDataObject | undefined;
	if (documented?.timestamp !== options.expiration)
		throw new Error(`${c.fixture}: the documented body has no order expiration ${String(options.expiration)}`);
	documented.timestamp = expiration;
	return { extra: { ...c.extra, orderDetailsOrderOptions: { ...options, expiration } }, expected };
}

/** One step per shared template case, in the case table's order, with parameters shaped as the editor stores them. */
export function templateSteps(store: TemplateStore, nowMs = Date.now()): TemplateStep[] {
	const names = new Set<string>();
	return TEMPLATE_CASES.map((c) => {
		const name = `Template: ${c.kind ?? c.fixture}`;
		if (names.has(name)) throw new Error(`Two template cases are named ${name}`);
		names.add(name);
		const documented = documentedBody(c);
		const { extra, expected } = atRealTime(c, asSent(documented), nowMs);
		return { name, case: c, parameters: templateParameters({ ...c, extra }, store, String(documented.to)), expected };
	});
}

/** Manual start -> one WhatsApp Cloud "Send Template" node per template kind, in a chain. Run with `n8n execute --id=<id>`. */
export function templatesWorkflow(steps: TemplateStep[]) {
	const nodes: IDataObject[] = [
		{
			id: 'e2e0tpl0-0000-4000-8000-000000000001',
			name: 'When clicking Execute',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...steps.map((step, i) => ({
			id: `e2e0tpl0-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
			name: step.name,
			type: `${PACKAGE_NAME}.whatsAppCloud`,
			typeVersion: 1,
			position: [200 + 200 * i, 0],
			parameters: step.parameters,
			credentials,
		})),
	];
	const chain = nodes.map((node) => String(node.name));
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((name, i) => [name, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id: TEMPLATES_WORKFLOW_ID,
		name: 'WhatsApp: one template of each kind (e2e)',
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes,
	};
}
