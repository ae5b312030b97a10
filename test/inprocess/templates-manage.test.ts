import type { IDataObject } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { templateStore } from '../sandbox/templateStore';

const TEMPLATES_PATH = `/${SANDBOX_IDS.businessAccountId}/message_templates`;

describe('Template resource through n8n-core', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const run = async (parameters: IDataObject) =>
		await runAction({ credentials, parameters: { resource: 'template', ...parameters } });

	it('lists templates with status and category filters, one item per template', async () => {
		const { items, error } = await run({
			operation: 'getAll',
			returnAll: true,
			templateFilters: { status: 'APPROVED', category: 'AUTHENTICATION', fields: ['name', 'status'] },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.name).sort()).toEqual([
			'verification_code',
			'verification_code_one_tap',
			'verification_code_zero_tap',
		]);
		const [request] = sandbox.requestsTo('GET', TEMPLATES_PATH);
		expect(request.query).toMatchObject({ status: 'APPROVED', category: 'AUTHENTICATION', fields: 'name,status' });
	});

	it('follows paging cursors with Return All and stops at the limit otherwise', async () => {
		const total = templateStore(sandbox).all().length;
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(total);
		expect(sandbox.requestsTo('GET', TEMPLATES_PATH).length).toBeGreaterThan(1);
		sandbox.reset();
		const some = await run({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(some.items).toHaveLength(3);
		expect(sandbox.requestsTo('GET', TEMPLATES_PATH)[0].query.limit).toBe('3');
	});

	it('filters by name', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: true, templateFilters: { name: 'carousel' } });
		expect(items.map((item) => item.json.name).sort()).toEqual([
			'carousel_template_media_cards_v1',
			'carousel_template_product_cards_v1',
		]);
	});

	it('gets a template and its health status (doc 55)', async () => {
		const paused = templateStore(sandbox).named('seasonal_promo_paused');
		const got = await run({ operation: 'get', templateId: { __rl: true, mode: 'id', value: paused.id } });
		expect(got.items[0].json).toMatchObject({ name: 'seasonal_promo_paused', status: 'PAUSED' });
		const health = await run({
			operation: 'getHealthStatus',
			templateId: { __rl: true, mode: 'list', value: paused.id },
		});
		expect(health.error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${paused.id}`).at(-1)!.query).toEqual({ fields: 'health_status' });
		const status = health.items[0].json.health_status as IDataObject;
		expect(status.can_send_message).toBe('BLOCKED');
		expect((status.entities as IDataObject[])[0]).toMatchObject({
			entity_type: 'MESSAGE_TEMPLATE',
			errors: [expect.objectContaining({ error_code: 141002 })],
		});
	});

	it('searches the template library at GET /message_template_library (doc 27)', async () => {
		const { items, error } = await run({
			operation: 'searchLibrary',
			returnAll: true,
			libraryFilters: { search: 'balance', topic: 'PAYMENTS' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.name)).toEqual(['low_balance_warning_1']);
		expect(sandbox.requestsTo('GET', '/message_template_library')[0].query).toMatchObject({
			search: 'balance',
			topic: 'PAYMENTS',
		});
	});

	it('creates a template from the library with button inputs as an array (doc 27)', async () => {
		const example = docFixture('templates', '27-create-from-library');
		const { items, error } = await run({
			operation: 'create',
			templateSource: 'library',
			templateName: 'my_delivery_update',
			templateCreateLanguage: 'en_US',
			libraryTemplateName: 'delivery_update_1',
			libraryButtonInputs: {
				button: [
					{
						type: 'URL',
						baseUrl: 'https://www.example.com/{{1}}',
						urlSuffixExample: 'https://www.example.com/order_update',
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'APPROVED', category: 'UTILITY' });
		const [request] = sandbox.requestsTo('POST', TEMPLATES_PATH);
		// Docs: doc 27's example string of single-quoted pseudo-JSON is sent as the array of objects its table describes.
		expect(request.body).toEqual({
			...example.body,
			library_template_button_inputs: [
				{
					type: 'URL',
					url: {
						base_url: 'https://www.example.com/{{1}}',
						url_suffix_example: 'https://www.example.com/order_update',
					},
				},
			],
		});
	});

	it.each(['49-create-checkout-template', '51-create-order-status-template', '67-create-flow-template'])(
		'creates the documented template %s from components',
		async (name) => {
			const example = docFixture<IDataObject>('templates', name);
			const body = example.body;
			const { items, error } = await run({
				operation: 'create',
				templateSource: 'components',
				templateName: body.name,
				templateCreateLanguage: body.language,
				templateCategory: String(body.category).toUpperCase(),
				templateCreateComponents: JSON.stringify(body.components),
				templateCreateOptions: body.sub_category ? { subCategory: body.sub_category } : {},
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'PENDING' });
			const [request] = sandbox.requestsTo('POST', TEMPLATES_PATH);
			expect(request.body).toEqual({ ...body, category: String(body.category).toUpperCase() });
		},
	);

	it('refuses a template name with capitals before sending', async () => {
		const { error } = await run({
			operation: 'create',
			templateSource: 'components',
			templateName: 'Bad Name',
			templateCreateLanguage: 'en_US',
		});
		expect(error?.message).toMatch(/Name may only contain lowercase letters, digits and underscores/);
		expect(sandbox.requestsTo('POST', TEMPLATES_PATH)).toHaveLength(0);
	});

	it('deletes a template by name, or one language version by ID', async () => {
		const spanish = templateStore(sandbox).find('order_confirmation', 'es')!;
		const one = await run({ operation: 'delete', templateName: 'order_confirmation', deleteTemplateId: spanish.id });
		expect(one.error).toBeUndefined();
		expect(sandbox.requestsTo('DELETE', TEMPLATES_PATH)[0].query).toEqual({
			name: 'order_confirmation',
			hsm_id: spanish.id,
		});
		expect(templateStore(sandbox).find('order_confirmation', 'es')).toBeUndefined();
		expect(templateStore(sandbox).find('order_confirmation', 'en_US')).toBeDefined();
		const all = await run({ operation: 'delete', templateName: 'order_confirmation' });
		expect(all.items[0].json).toEqual({ success: true });
		expect(
			templateStore(sandbox)
				.all()
				.some((t) => t.name === 'order_confirmation'),
		).toBe(false);
	});
});
