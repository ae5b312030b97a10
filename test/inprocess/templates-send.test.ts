import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, GraphSandbox, ROUTE_MODULES, SANDBOX_IDS } from '../sandbox';
import { templateStore } from '../sandbox/templateStore';
import {
	asSent,
	TEMPLATE_CASES as CASES,
	templateParameters,
	type Body,
	type TemplateCase as Case,
} from './templateCases';

const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;

describe('Send Template through n8n-core, one documented example per template kind', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());
	afterEach(() => jest.restoreAllMocks());

	/** Node parameters as the editor stores them: the picked template and the mapper's values with its schema. */
	function parameters(c: Case, to: string): IDataObject {
		return templateParameters(c, templateStore(sandbox), to);
	}

	it.each(CASES.map((c) => [c.fixture, c]))('%s: the form produces the documented body', async (_name, c) => {
		const example = docFixture('templates', c.fixture);
		if (c.now !== undefined) jest.spyOn(Date, 'now').mockReturnValue(c.now);
		const { items, error } = await runAction({ credentials, parameters: parameters(c, String(example.body.to)) });
		expect(error?.message).toBeUndefined();
		const sent = sandbox.requestsTo('POST', MESSAGES_PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].status).toBe(200);
		expect(sent[0].body).toEqual(asSent(example.body));
		expect(items[0].json.messageId).toMatch(/^wamid\./);
	});

	it('sends one-tap and zero-tap authentication templates the same way as copy code (doc 42)', async () => {
		for (const name of ['verification_code_one_tap', 'verification_code_zero_tap']) {
			sandbox.reset();
			const { error } = await runAction({
				credentials,
				parameters: parameters({ fixture: '', template: name, values: { otp: '123456' } }, '12015553931'),
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', MESSAGES_PATH);
			expect((request.body as Body).template.components).toEqual([
				{ type: 'body', parameters: [{ type: 'text', text: '123456' }] },
				{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '123456' }] },
			]);
		}
	});

	it('uploads binary data for a media header and sends the media ID', async () => {
		const item: INodeExecutionData = {
			json: {},
			binary: {
				data: {
					data: Buffer.from('%PDF-1.4 test').toString('base64'),
					mimeType: 'application/pdf',
					fileName: 'invoice.pdf',
				},
			},
		};
		const { error } = await runAction({
			credentials,
			items: [item],
			parameters: parameters(
				{
					fixture: '',
					template: 'invoice_document',
					values: { 'header:document': 'data', 'header:document:filename': 'invoice.pdf', 'body:1': 'INV-7' },
				},
				'+16505551234',
			),
		});
		expect(error).toBeUndefined();
		const uploads = sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/media`);
		expect(uploads).toHaveLength(1);
		const [request] = sandbox.requestsTo('POST', MESSAGES_PATH);
		const header = (request.body as Body).template.components![0];
		expect(header).toEqual({
			type: 'header',
			parameters: [{ type: 'document', document: { id: expect.stringMatching(/^\d+$/), filename: 'invoice.pdf' } }],
		});
	});

	it('reads the template once for many items', async () => {
		const stored = templateStore(sandbox).named('order_delivery_update');
		const { error } = await runAction({
			credentials,
			items: [{ json: { name: 'A' } }, { json: { name: 'B' } }, { json: { name: 'C' } }],
			parameters: parameters(
				{
					fixture: '',
					template: 'order_delivery_update',
					values: {
						'header:location:latitude': '1',
						'header:location:longitude': '2',
						'body:1': '={{ $json.name }}',
						'body:2': '7',
					},
				},
				'+16505551234',
			),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${stored.id}`)).toHaveLength(1);
		const names = sandbox
			.requestsTo('POST', MESSAGES_PATH)
			.map((r) => ((r.body as Body).template.components![1].parameters as IDataObject[])[0].text);
		expect(names.sort()).toEqual(['A', 'B', 'C']);
	});

	describe("the template's account: Template Options, then the old top-level field of saved workflows, then the credential", () => {
		const byName = (extra: IDataObject) =>
			parameters(
				{
					fixture: '',
					template: 'order_confirmation',
					language: 'es',
					byName: true,
					values: { 'body:1': 'Pablo', 'body:2': '1234' },
					extra,
				},
				'+16505551234',
			);
		const noCredentialWaba = () => sandboxCredentials(sandbox.baseUrl, { businessAccountId: '' });
		const listed = () => sandbox.requestsTo('GET', `/${SANDBOX_IDS.businessAccountId}/message_templates`);

		it('reads a template by name from Template Options > WhatsApp Business Account ID', async () => {
			const { error } = await runAction({
				credentials: noCredentialWaba(),
				parameters: byName({ templateOptions: { businessAccountId: SANDBOX_IDS.businessAccountId } }),
			});
			expect(error).toBeUndefined();
			expect(listed()).toHaveLength(1);
			expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(1);
		});

		it('still reads the WABA ID a saved workflow keeps in the old top-level field', async () => {
			const { error } = await runAction({
				credentials: noCredentialWaba(),
				parameters: byName({ businessAccountId: SANDBOX_IDS.businessAccountId }),
			});
			expect(error).toBeUndefined();
			expect(listed()).toHaveLength(1);
			expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(1);
		});

		it('prefers Template Options over the old field', async () => {
			const { error } = await runAction({
				credentials: noCredentialWaba(),
				parameters: byName({
					businessAccountId: '999',
					templateOptions: { businessAccountId: SANDBOX_IDS.businessAccountId },
				}),
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('GET', '/999/message_templates')).toHaveLength(0);
			expect(listed()).toHaveLength(1);
		});

		it('refuses a WABA ID that is not a Graph ID', async () => {
			const { error } = await runAction({
				credentials,
				parameters: byName({ templateOptions: { businessAccountId: 'my-waba' } }),
			});
			expect(error?.message).toBe('WhatsApp Business Account ID must be a numeric Graph ID; got "my-waba" [item 0]');
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('pre-send checks fail the item before any message request', () => {
		async function expectRefused(c: Case, pattern: RegExp, extra: IDataObject = {}) {
			const { error } = await runAction({ credentials, parameters: { ...parameters(c, '+16505551234'), ...extra } });
			expect(error?.message).toMatch(pattern);
			expect(error?.message).toContain('[item 0]');
			expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(0);
		}

		it('refuses a paused template', async () => {
			await expectRefused(
				{ fixture: '', template: 'seasonal_promo_paused', values: {} },
				/seasonal_promo_paused.*paused.*132015/,
			);
		});

		it('refuses a disabled, rejected or pending template', async () => {
			await expectRefused({ fixture: '', template: 'old_promo_disabled', values: {} }, /disabled.*132016/);
			await expectRefused({ fixture: '', template: 'welcome_rejected', values: {} }, /rejected/);
			await expectRefused({ fixture: '', template: 'new_offer_pending', values: { 'body:1': 'x' } }, /still in review/);
		});

		// n8n itself stops a run whose required variable is left empty in the editor; an expression that resolves to
		// nothing is caught by the node.
		it('names a missing variable and its component', async () => {
			await expectRefused(
				{
					fixture: '',
					template: 'purchase_receipt',
					values: { 'header:image': '123', 'body:1': 'Pablo', 'body:2': '={{ $json.amount }}', 'body:3': 'May 1' },
				},
				/Template variable "Body \{\{2\}\}.*" is missing \(template "purchase_receipt", body\)/,
			);
		});

		it('names a missing URL button suffix', async () => {
			const values = {
				'header:image': '1',
				'body:1': 'a',
				'body:2': 'b',
				'limited_time_offer:expiration_time_ms': '1700000000000',
				'button:0:coupon_code': 'X1',
				'button:1:url': '={{ $json.code }}',
			};
			await expectRefused(
				{ fixture: '', template: 'limited_time_offer_caribbean_pkg_2023', values },
				/"Button 2 URL Suffix" is missing.*button 1 \(url\)/,
			);
		});

		it('refuses a variable of the wrong kind', async () => {
			const base = { 'body:1': 'Pablo', 'body:2': 'x', 'body:3': 'y' };
			await expectRefused(
				{ fixture: '', template: 'purchase_receipt', values: { ...base, 'header:image': 'not a file!' } },
				/"Header Image" must be a media ID \(digits\), an http\(s\) URL or the name of a binary property/,
			);
			await expectRefused(
				{
					fixture: '',
					template: 'purchase_receipt',
					values: { ...base, 'header:image': '1', 'body:2:currency': 'lots of dollars' },
				},
				/as Currency.* must be an ISO 4217 code and an amount/,
			);
			await expectRefused(
				{
					fixture: '',
					template: 'coupon_code_fall2023_25off',
					values: { 'body:1': 'a', 'body:2': 'b', 'button:1:coupon_code': '25-OFF!' },
				},
				/Coupon Code.* may only contain letters and digits/,
			);
			await expectRefused(
				{ fixture: '', template: 'verification_code', values: { otp: '1234567890123456' } },
				/^One-Time Password is too long: 16 characters, the limit is 15/,
			);
		});

		it('refuses values for variables the template no longer has', async () => {
			await expectRefused(
				{
					fixture: '',
					template: 'order_confirmation',
					language: 'en_US',
					values: { 'body:customer_name': 'a', 'body:order_id': 'b', 'body:3': 'old' },
				},
				/has no variable "body:3".*Refresh/,
			);
		});

		it('refuses an unknown language version of a template given by name', async () => {
			await expectRefused(
				{
					fixture: '',
					template: 'order_confirmation',
					language: 'fr',
					byName: true,
					values: { 'body:customer_name': 'a', 'body:order_id': 'b' },
				},
				/has no "fr" version; its languages are en_US, es/,
			);
		});

		it('names the order details fields when a checkout button has no order', async () => {
			await expectRefused(
				{
					fixture: '',
					template: 'item_back_in_stock_v2',
					values: { 'header:image': '1', 'body:1': 'a', 'body:2': 'b' },
				},
				/order details \(checkout\) button.*Order Form/,
			);
		});
	});

	describe('components as JSON', () => {
		const jsonParameters = (template: string, components: unknown, extra: IDataObject = {}) => ({
			resource: 'message',
			operation: 'sendTemplate',
			recipient: '+16505551234',
			template: { __rl: true, mode: 'name', value: template },
			templateLanguage: 'en_US',
			templateInput: 'json',
			templateComponentsJson: JSON.stringify(components),
			...extra,
		});

		it('sends the components as given', async () => {
			const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Pablo' }] }];
			const { error } = await runAction({
				credentials,
				parameters: jsonParameters('new_offer_pending', components, { templateCheck: false }),
			});
			// The sandbox, like Meta, refuses a template that is not approved.
			expect(error?.message).toContain('132001');
			const ok = await runAction({
				credentials,
				parameters: jsonParameters('purchase_receipt', [
					{ type: 'header', parameters: [{ type: 'image', image: { id: '1' } }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'a' },
							{ type: 'text', text: 'b' },
							{ type: 'text', text: 'c' },
						],
					},
				]),
			});
			expect(ok.error).toBeUndefined();
			expect((sandbox.requestsTo('POST', MESSAGES_PATH).at(-1)!.body as Body).template.components).toHaveLength(2);
		});

		it("gets Meta's template errors from the sandbox when the pre-send check is off", async () => {
			const cases: Array<[string, unknown[], string, RegExp]> = [
				[
					'purchase_receipt',
					[{ type: 'body', parameters: [{ type: 'text', text: 'a' }] }],
					'132000',
					/number of localizable_params \(0\) does not match the expected number of params \(1\)/,
				],
				[
					'purchase_receipt',
					[
						{ type: 'header', parameters: [{ type: 'text', text: 'x' }] },
						{
							type: 'body',
							parameters: [
								{ type: 'text', text: 'a' },
								{ type: 'text', text: 'b' },
								{ type: 'text', text: 'c' },
							],
						},
					],
					'132012',
					/Format mismatch, expected IMAGE, received TEXT/,
				],
				['no_such_template', [], '132001', /does not exist in en_US/],
				['seasonal_promo_paused', [], '132015', /paused/],
				['old_promo_disabled', [], '132016', /disabled/],
			];
			for (const [template, components, code, details] of cases) {
				sandbox.reset();
				const { error } = await runAction({
					credentials,
					parameters: jsonParameters(template, components, { templateCheck: false }),
				});
				expect(error?.message).toContain(code);
				expect(error?.description).toMatch(details);
			}
		});

		it('still refuses a paused template before sending when the check is on', async () => {
			const { error } = await runAction({ credentials, parameters: jsonParameters('seasonal_promo_paused', []) });
			expect(error?.message).toMatch(/paused/);
			expect(sandbox.requestsTo('POST', MESSAGES_PATH)).toHaveLength(0);
		});
	});

	it('never lets one credential see the template definition another credential read', async () => {
		// Two WhatsApp Business Accounts with the same WABA ID and template name (as two sandboxes), one credential each.
		const other = await new GraphSandbox(ROUTE_MODULES, { token: 'other-account-token' }).start();
		try {
			const campaign = (store: ReturnType<typeof templateStore>, text: string) =>
				store.add({
					name: 'spring_campaign',
					language: 'en_US',
					status: 'APPROVED',
					category: 'MARKETING',
					parameter_format: 'POSITIONAL',
					components: [{ type: 'BODY', text }],
				});
			campaign(templateStore(sandbox), 'Hi {{1}}!');
			campaign(templateStore(other), 'Hi {{1}}, your code is {{2}}.');
			const send = async (target: GraphSandbox, token: string, values: IDataObject) =>
				await runAction({
					credentials: sandboxCredentials(target.baseUrl, { accessToken: token }),
					parameters: templateParameters(
						{ fixture: '', template: 'spring_campaign', language: 'en_US', byName: true, values },
						templateStore(target),
						'+16505551234',
					),
				});
			const first = await send(sandbox, SANDBOX_IDS.token, { 'body:1': 'Ana' });
			const second = await send(other, 'other-account-token', { 'body:1': 'Ben', 'body:2': 'X7' });
			expect([first.error?.message, second.error?.message]).toEqual([undefined, undefined]);
			expect(other.requestsTo('GET', `/${SANDBOX_IDS.businessAccountId}/message_templates`)).toHaveLength(1);
			const sentBy = (target: GraphSandbox) =>
				(target.requestsTo('POST', MESSAGES_PATH)[0].body as Body).template.components;
			expect(sentBy(sandbox)).toEqual([{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }]);
			expect(sentBy(other)).toEqual([
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'Ben' },
						{ type: 'text', text: 'X7' },
					],
				},
			]);
		} finally {
			await other.stop();
		}
	});
});
