import { docFixture, docFixtureNames } from '../../helpers';
import { seedTemplates, TemplateStore } from '../../sandbox/templateStore';
import { validateTemplateSend } from '../../sandbox/validate/templates';

const store = () => new TemplateStore(seedTemplates());

const send = (name: string, components: unknown[], code = 'en_US') => ({
	messaging_product: 'whatsapp',
	to: '16505551234',
	type: 'template',
	template: { name, language: { code }, components },
});

describe('sandbox template validator (written from the docs)', () => {
	it.each(docFixtureNames('templates').filter((name) => !name.includes('create')))(
		'accepts the documented example %s',
		(name) => {
			const fixture = docFixture('templates', name);
			const body = JSON.parse(JSON.stringify(fixture.body));
			expect(validateTemplateSend(body, store())).toBeNull();
		},
	);

	it('answers 132001 for an unknown name or language, with 404', () => {
		expect(validateTemplateSend(send('nope', []), store())).toMatchObject({
			code: 132001,
			httpStatus: 404,
			title: 'Template name does not exist in the translation',
			details: 'template name (nope) does not exist in en_US',
		});
		expect(validateTemplateSend(send('order_delivery_update', [], 'fr'), store())).toMatchObject({ code: 132001 });
		expect(validateTemplateSend(send('welcome_rejected', []), store())).toMatchObject({
			code: 132001,
			details: expect.stringContaining('not approved'),
		});
	});

	it('answers 132015 for paused and 132016 for disabled templates', () => {
		expect(validateTemplateSend(send('seasonal_promo_paused', []), store())).toMatchObject({
			code: 132015,
			title: 'Template is Paused',
		});
		expect(validateTemplateSend(send('old_promo_disabled', []), store())).toMatchObject({
			code: 132016,
			title: 'Template is Disabled',
		});
	});

	it('answers 132000 when the parameter count does not match', () => {
		const fault = validateTemplateSend(
			send('intro_catalog_offer', [{ type: 'body', parameters: [{ type: 'text', text: '1' }] }]),
			store(),
		);
		expect(fault).toMatchObject({
			code: 132000,
			title: 'Number of parameters does not match the expected number of params',
			details: 'body: number of localizable_params (1) does not match the expected number of params (3)',
		});
	});

	it('answers 132000 "Parameter value for URL was expected but was not found" for a missing URL button (doc 87)', () => {
		const components = [
			{ type: 'header', parameters: [{ type: 'image', image: { id: '1' } }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'a' },
					{ type: 'text', text: 'b' },
				],
			},
			{
				type: 'limited_time_offer',
				parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: 1 } }],
			},
			{ type: 'button', sub_type: 'copy_code', index: 0, parameters: [{ type: 'coupon_code', coupon_code: 'A' }] },
		];
		expect(validateTemplateSend(send('limited_time_offer_caribbean_pkg_2023', components), store())).toMatchObject({
			code: 132000,
			details: expect.stringContaining('Parameter value for URL was expected but was not found'),
		});
	});

	it('answers 132012 for a parameter of the wrong type', () => {
		const fault = validateTemplateSend(
			send('purchase_receipt', [
				{ type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] },
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'a' },
						{ type: 'text', text: 'b' },
						{ type: 'text', text: 'c' },
					],
				},
			]),
			store(),
		);
		expect(fault).toMatchObject({
			code: 132012,
			title: 'Parameter format does not match format in the created template',
			details: 'header: Format mismatch, expected IMAGE, received VIDEO',
		});
		const subType = validateTemplateSend(
			send('coupon_code_fall2023_25off', [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'a' },
						{ type: 'text', text: 'b' },
					],
				},
				{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'x' }] },
			]),
			store(),
		);
		expect(subType).toMatchObject({ code: 132012, details: expect.stringContaining('expected sub_type copy_code') });
	});

	it('checks named parameters by name and refuses parameter_name on positional templates', () => {
		const named = validateTemplateSend(
			send('order_confirmation', [
				{
					type: 'body',
					parameters: [
						{ type: 'text', parameter_name: 'customer_name', text: 'a' },
						{ type: 'text', parameter_name: 'orderid', text: 'b' },
					],
				},
			]),
			store(),
		);
		expect(named).toMatchObject({ code: 132000, details: expect.stringContaining('order_id') });
		const positional = validateTemplateSend(
			send(
				'order_confirmation',
				[
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'a', text: 'a' },
							{ type: 'text', text: 'b' },
						],
					},
				],
				'es',
			),
			store(),
		);
		expect(positional).toMatchObject({ code: 132012 });
	});

	it('wants a card for every card of a carousel', () => {
		const fixture = docFixture<{ template: { components: Array<{ cards?: unknown[] }> } }>(
			'templates',
			'19-product-card-carousel',
		);
		const body = JSON.parse(JSON.stringify(fixture.body));
		body.template.components[1].cards.pop();
		expect(validateTemplateSend(body, store())).toMatchObject({
			code: 132000,
			details: 'carousel: number of cards (2) does not match the expected number of cards (3)',
		});
	});

	it('accepts language.policy only as "deterministic" (Docs: Required in 16, omitted in most examples)', () => {
		const body = docFixture<{ template: { language: object } }>('templates', '82-catalog').body;
		expect(
			validateTemplateSend(
				{ ...body, template: { ...body.template, language: { code: 'en_US', policy: 'fallback' } } },
				store(),
			),
		).toMatchObject({ code: 100 });
	});
});
