import type { INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { callEditorMethod, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';

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
		callEditorMethod<INodeListSearchResult>({ kind: 'listSearch', method, parameters: parameters as never, credentials, args: [filter] });

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
		).rejects.toThrow('Set the WhatsApp Business Account ID in the credential or on the node to list its phone numbers');
	});

	it('lists templates with language, category and status, filtered by name', async () => {
		const { results } = await search('searchTemplates', { resource: 'message', operation: 'sendTemplate' }, 'purchase');
		expect(results.length).toBeGreaterThan(0);
		for (const option of results) {
			expect(option.name).toMatch(/^purchase_receipt \(en_US\) · UTILITY · APPROVED$/);
			expect(option.value).toMatch(/^\d+$/);
		}
		const [request] = sandbox.requestsTo('GET', `/${SANDBOX_IDS.businessAccountId}/message_templates`);
		expect(request.query.name).toBe('purchase');
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
		const body1 = fields.find((field) => field.id === 'body:1');
		expect(body1?.displayName).toContain('Pablo');
		expect(body1?.required).toBe(true);
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
