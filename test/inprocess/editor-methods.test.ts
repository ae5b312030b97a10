import type {
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeTypes,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/WhatsAppCloud/descriptions';
import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';

import { labelWithExample, MAX_LABEL } from '../../nodes/WhatsAppCloud/templates/fields';
import { callEditorMethod, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { templateStore } from '../sandbox/templateStore';

describe('editor dropdowns loaded from the account (n8n-core LoadOptionsContext)', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const search = (method: string, parameters: Record<string, unknown>, filter?: string) =>
		callEditorMethod<INodeListSearchResult>({
			kind: 'listSearch',
			method,
			parameters: parameters as never,
			credentials,
			args: [filter],
		});
	const variables = (template: Record<string, unknown>, templateLanguage?: string) =>
		callEditorMethod<ResourceMapperFields>({
			kind: 'resourceMapping',
			method: 'getTemplateVariables',
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				template,
				...(templateLanguage ? { templateLanguage } : {}),
			} as never,
		});

	it('lists the WABA phone numbers with display number and verified name', async () => {
		const { results } = await search('searchPhoneNumbers', { resource: 'message', operation: 'sendText' });
		expect(results).toEqual([
			{ name: "+1 555-078-3881 (Jasper's Market)", value: SANDBOX_IDS.phoneNumberId },
			{ name: "+1 555-078-3882 (Jasper's Market Support)", value: SANDBOX_IDS.secondPhoneNumberId },
		]);
		expect(sandbox.requestsTo('GET', `/${SANDBOX_IDS.businessAccountId}/phone_numbers`)).toHaveLength(1);
	});

	it('tells the user to set a WABA ID when neither the node nor the credential has one', async () => {
		await expect(
			callEditorMethod({
				kind: 'listSearch',
				method: 'searchPhoneNumbers',
				parameters: { resource: 'message', operation: 'sendText' },
				credentials: { ...credentials, businessAccountId: '' },
				args: [],
			}),
		).rejects.toThrow(
			'Set the WhatsApp Business Account ID in the credential or on the node to list its phone numbers',
		);
	});

	it('lists templates with language and category, filtered by name', async () => {
		const { results } = await search('searchTemplates', { resource: 'message', operation: 'sendTemplate' }, 'purchase');
		expect(results).toEqual([
			{ name: 'purchase_receipt (en_US) · UTILITY', value: templateStore(sandbox).named('purchase_receipt').id },
		]);
		const [request] = sandbox.requestsTo('GET', `/${SANDBOX_IDS.businessAccountId}/message_templates`);
		expect(request.query.name).toBe('purchase');
	});

	it('marks the templates that cannot be sent with their status and lists them after the sendable ones', async () => {
		const { results } = await search('searchTemplates', { resource: 'message', operation: 'sendTemplate' });
		const names = results.map((option) => option.name);
		const unsendable = [
			'seasonal_promo_paused (en_US) · MARKETING · PAUSED, cannot be sent',
			'old_promo_disabled (en_US) · MARKETING · DISABLED, cannot be sent',
			'welcome_rejected (en_US) · MARKETING · REJECTED, cannot be sent',
			'new_offer_pending (en_US) · MARKETING · PENDING, cannot be sent',
		];
		expect(names.slice(-unsendable.length)).toEqual(unsendable);
		expect(names.slice(0, -unsendable.length).every((name) => !name.includes('cannot be sent'))).toBe(true);
		expect(names).toContain('purchase_receipt (en_US) · UTILITY');
	});

	it("lists another account's templates from Template Options > WhatsApp Business Account ID", async () => {
		const { results } = await callEditorMethod<INodeListSearchResult>({
			kind: 'listSearch',
			method: 'searchTemplates',
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				templateOptions: { businessAccountId: SANDBOX_IDS.businessAccountId },
			},
			credentials: { ...credentials, businessAccountId: '' },
			args: ['purchase'],
		});
		expect(results.map((option) => option.name)).toEqual(['purchase_receipt (en_US) · UTILITY']);
	});

	it('offers one labelled field per variable of the picked template', async () => {
		const { fields } = await callEditorMethod<ResourceMapperFields>({
			kind: 'resourceMapping',
			method: 'getTemplateVariables',
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				template: { __rl: true, mode: 'name', value: 'purchase_receipt' },
				templateLanguage: 'en_US',
			},
		});
		// purchase_receipt: image header, body "Hi {{1}}, you paid {{2}} on {{3}}.", two quick-reply buttons.
		const ids = fields.map((field) => field.id);
		expect(ids).toEqual(expect.arrayContaining(['header:image', 'body:1', 'body:2', 'body:3']));
		// A quick reply's payload is set at send time (doc 01) and is optional.
		const buttons = fields.filter((field) => field.id.startsWith('button'));
		expect(buttons.map((field) => [field.id, field.required])).toEqual([
			['button:0:payload', false],
			['button:1:payload', false],
		]);
		expect(fields.filter((field) => !field.removed).map((field) => field.displayName)).toEqual([
			'Header Image',
			'Body {{1}} · Pablo',
			'Body {{2}} · $100.99',
			'Body {{3}} · May 1, 2025',
			'Button 1 Payload',
			'Button 2 Payload',
		]);
		expect(fields.find((field) => field.id === 'body:1')?.required).toBe(true);
	});

	it(`keeps every label of every template within ${MAX_LABEL} characters, what n8n's default panel shows`, async () => {
		for (const stored of templateStore(sandbox)
			.all()
			.filter((t) => t.status === 'APPROVED')) {
			const { fields } = await variables({ __rl: true, mode: 'id', value: stored.id });
			for (const field of fields) {
				// Named variables keep the name the template gives them, however long.
				const fixed = field.displayName.replace(/\{\{[a-z_][a-z0-9_]*\}\}/g, '{{1}}');
				expect([stored.name, fixed, fixed.length <= MAX_LABEL]).toEqual([stored.name, fixed, true]);
			}
		}
	});

	it('shortens an example that does not fit and leaves it out where there is no room', () => {
		expect(labelWithExample('Body {{1}}', 'Thanks for your order today')).toBe('Body {{1}} · Thanks for y…');
		expect(labelWithExample('Body {{1}}', 'Thanks for your order today')).toHaveLength(MAX_LABEL);
		expect(labelWithExample('Card 1 Button 2 URL Suffix', 'summer_lp')).toBe('Card 1 Button 2 URL Suffix');
		expect(labelWithExample('Body {{2}}', '  $100.99 ')).toBe('Body {{2}} · $100.99');
	});

	it('says at pick time that a template cannot be sent, instead of offering its variables', async () => {
		for (const [name, reason] of [
			['seasonal_promo_paused', 'is paused because of low quality (Meta would answer 132015)'],
			['new_offer_pending', 'is still in review (Meta would answer 132001)'],
		]) {
			const result = await variables({ __rl: true, mode: 'name', value: name }, 'en_US');
			expect(result.fields).toEqual([]);
			expect(result.emptyFieldsNotice).toContain(`Template "${name}" (en_US) ${reason}`);
			expect(result.emptyFieldsNotice).toContain('Its variables are listed here once it can be sent.');
			expect(result.emptyFieldsNotice).not.toContain('sent as it is');
		}
	});

	it('shows a notice instead of failing while the template choice is unfinished', async () => {
		const result = await callEditorMethod<ResourceMapperFields>({
			kind: 'resourceMapping',
			method: 'getTemplateVariables',
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				template: { __rl: true, mode: 'name', value: 'no_such_template' },
				templateLanguage: 'en_US',
			},
		});
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toContain('no_such_template');
	});
});

describe('node description as the editor reads it', () => {
	const type = new WhatsAppCloud();
	const nodeTypes: INodeTypes = {
		getByName: () => type,
		getByNameAndVersion: () => type,
		getKnownTypes: () => ({}),
	};
	const node = (parameters: INodeParameters): INode => ({
		id: 'c0ffee00-0000-4000-8000-000000000001',
		name: 'WhatsApp Cloud',
		type: 'n8n-nodes-whatsapp-cloud.whatsAppCloud',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	});
	/** The canvas subtitle: the editor evaluates `description.subtitle` with getSimpleParameterValue. */
	const subtitle = (parameters: INodeParameters) => {
		const workflow = new Workflow({ nodes: [node(parameters)], connections: {}, active: false, nodeTypes });
		const stored = workflow.getNode('WhatsApp Cloud')!;
		return workflow.expression.getSimpleParameterValue(stored, type.description.subtitle!, 'internal', {});
	};

	it('subtitles the node with the names of its resource and operation', () => {
		expect(subtitle({ resource: 'message', operation: 'sendTemplate' })).toBe('Message: Send Template');
		expect(subtitle({ resource: 'message', operation: 'markAsRead' })).toBe('Message: Mark as Read');
		expect(subtitle({ resource: 'template', operation: 'getAll' })).toBe('Template: Get Many');
		expect(subtitle({ resource: 'businessAccount', operation: 'subscribeApp' })).toBe(
			'WhatsApp Business Account: Subscribe App',
		);
	});

	it('names every operation of every resource, and the expression has no "}}" before its end', () => {
		const body = type.description.subtitle!.slice(3, -2);
		expect(body).not.toContain('}}');
		for (const resource of RESOURCES) {
			for (const option of resource.operations.options as INodePropertyOptions[]) {
				expect(subtitle({ resource: resource.value, operation: option.value as string })).toBe(
					`${resource.name}: ${option.name}`,
				);
			}
		}
	});

	it('keeps the WABA ID a workflow saved before Template Options, and shows a notice about it', () => {
		const { properties } = type.description;
		const saved = { resource: 'message', operation: 'sendTemplate', businessAccountId: '102290129340398' };
		const kept = NodeHelpers.getNodeParameters(properties, saved, true, false, node(saved), type.description);
		expect(kept?.businessAccountId).toBe('102290129340398');
		const notice = properties.find((p) => p.name === 'savedBusinessAccountIdNotice')!;
		expect(NodeHelpers.displayParameter(kept!, notice, node(saved), type.description)).toBe(true);
		const fresh = NodeHelpers.getNodeParameters(
			properties,
			{ resource: 'message', operation: 'sendTemplate' },
			true,
			false,
			node({}),
			type.description,
		);
		expect(NodeHelpers.displayParameter(fresh!, notice, node({}), type.description)).toBe(false);
	});
});
