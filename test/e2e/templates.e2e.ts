import type { IDataObject } from 'n8n-workflow';

import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { templateStore } from '../sandbox/templateStore';
import { validateMessageRequest } from '../sandbox/validate/messages';
import { validateTemplateSend } from '../sandbox/validate/templates';
import {
	copyInto,
	ensureN8n,
	executeWorkflow,
	freePort,
	n8nCli,
	parseRawOutput,
	prepareUserFolder,
	type N8nOptions,
} from './n8nInstance';
import { templateSteps, templatesWorkflow, TEMPLATES_WORKFLOW_ID, type TemplateStep } from './templateWorkflows';
import { credentialExport } from './workflows';

/** The component types of a template body, buttons with their sub_type and carousels with their cards' components. */
function componentTypes(body: unknown): string[] {
	const types = (components: unknown): string[] =>
		((components as IDataObject[] | undefined) ?? []).map((component) => {
			if (component.type === 'button') return `button/${String(component.sub_type)}`;
			if (component.type === 'carousel')
				return `carousel[${(component.cards as IDataObject[]).map((card) => types(card.components).join(' ')).join(' | ')}]`;
			return String(component.type);
		});
	return types((body as { template?: { components?: unknown } }).template?.components);
}

const templateName = (body: unknown) => (body as { template?: { name?: string } }).template?.name;

describe('real n8n 2.41.1: one workflow sends one template of each kind', () => {
	let sandbox: GraphSandbox;
	let steps: TemplateStep[];
	let run: { code: number | null; output: string };

	beforeAll(async () => {
		const paths = ensureN8n();
		sandbox = await createSandbox().start();
		steps = templateSteps(templateStore(sandbox));
		const options: N8nOptions = { userFolder: prepareUserFolder(), port: await freePort(), paths };
		await n8nCli(options, [
			'import:credentials',
			`--input=${copyInto(options.userFolder, 'credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		await n8nCli(options, [
			'import:workflow',
			`--input=${copyInto(options.userFolder, 'templates-workflow.json', templatesWorkflow(steps))}`,
		]);
		run = await executeWorkflow(options, TEMPLATES_WORKFLOW_ID);
	}, 900_000);

	afterAll(async () => await sandbox?.stop());

	const sends = () => sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`);

	it('runs the workflow to the end: every Send Template node outputs the sent message ID', () => {
		const result = parseRawOutput(run);
		expect(result.data.resultData.error).toBeUndefined();
		expect(steps).toHaveLength(18);
		for (const step of steps) {
			const output = result.data.resultData.runData[step.name]?.[0]?.data.main[0];
			expect([step.name, output?.length]).toEqual([step.name, 1]);
			expect([step.name, output?.[0].json.messageId]).toEqual([step.name, expect.stringMatching(/^wamid\./)]);
		}
	});

	it("the sandbox received one body per node, in the workflow's order, each accepted by its template validator", () => {
		expect(sends().map((request) => templateName(request.body))).toEqual(steps.map((step) => step.case.template));
		for (const [i, request] of sends().entries()) {
			const name = steps[i].name;
			expect([name, request.status]).toEqual([name, 200]);
			expect([name, validateMessageRequest(request.body)]).toEqual([name, null]);
			expect([name, validateTemplateSend(request.body, templateStore(sandbox))]).toEqual([name, null]);
		}
	});

	it('each body names the template and carries the components the case expects', () => {
		const sent = sends().map((request) => [templateName(request.body), componentTypes(request.body)]);
		expect(sent).toEqual(steps.map((step) => [templateName(step.expected), componentTypes(step.expected)]));
		// Every kind is there: both carousels, the limited-time offer, the order status and each button kind.
		expect(new Set(sent.flatMap(([, types]) => types as string[]))).toEqual(
			new Set([
				'header',
				'body',
				'limited_time_offer',
				'order_status',
				'carousel[header button/quick_reply button/url | header button/quick_reply button/url | header button/quick_reply button/url]',
				'carousel[header | header | header]',
				...['quick_reply', 'url', 'copy_code', 'mpm', 'catalog', 'flow', 'order_details'].map(
					(subType) => `button/${subType}`,
				),
			]),
		);
	});

	it('each body is the one the in-process test expects for the same case', () => {
		for (const [i, request] of sends().entries())
			expect([steps[i].name, request.body]).toEqual([steps[i].name, steps[i].expected]);
		expect(sends()).toHaveLength(steps.length);
	});
});
