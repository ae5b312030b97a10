import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { templateMessage } from '../../../nodes/WhatsAppCloud/messages/template';
import { buildTemplateComponents } from '../../../nodes/WhatsAppCloud/templates/build';
import { templateFields } from '../../../nodes/WhatsAppCloud/templates/fields';
import { planTemplate, placeholders, type TemplateDefinition } from '../../../nodes/WhatsAppCloud/templates/model';
import { checkTemplateSendable } from '../../../nodes/WhatsAppCloud/templates/send';
import { seedTemplates } from '../../sandbox/templateStore';

const seeded = (name: string, language = 'en_US') => {
	const found = seedTemplates().find((t) => t.name === name && t.language === language);
	if (!found) throw new Error(name);
	return found as unknown as TemplateDefinition;
};

const build = async (name: string, values: Record<string, unknown>, language?: string) =>
	await buildTemplateComponents(planTemplate(seeded(name, language)), values)({});

describe('template plan', () => {
	it('reads positional variables in number order and named ones in text order', () => {
		expect(placeholders('Use {{3}} then {{1}} and {{1}} again')).toEqual(['3', '1']);
		const carousel = planTemplate(seeded('carousel_template_media_cards_v1'));
		expect(carousel.body.map((v) => v.key)).toEqual(['1', '2', '3']);
		const named = planTemplate(seeded('order_confirmation'));
		expect(named.body).toEqual([
			{ key: 'customer_name', named: true, example: undefined },
			{ key: 'order_id', named: true, example: undefined },
		]);
	});

	it('offers one labelled field per variable, with examples, per button and per card', () => {
		const fields = templateFields(planTemplate(seeded('limited_time_offer_caribbean_pkg_2023')));
		expect(fields.filter((f) => f.required).map((f) => f.id)).toEqual([
			'header:image',
			'body:1',
			'body:2',
			'limited_time_offer:expiration_time_ms',
			'button:0:coupon_code',
			'button:1:url',
		]);
		expect(fields.find((f) => f.id === 'body:2')).toMatchObject({ label: 'Body {{2}}', example: 'CARIBE25' });
		expect(fields.find((f) => f.id === 'body:1:currency')).toMatchObject({ required: false, optional: true });
		const cards = templateFields(planTemplate(seeded('carousel_template_media_cards_v1'))).map((f) => f.id);
		expect(cards).toEqual(
			expect.arrayContaining(['card2:header:image', 'card2:button:0:payload', 'card2:button:1:url']),
		);
	});

	it('asks authentication templates for one one-time password, whatever the OTP button type', () => {
		for (const name of ['verification_code', 'verification_code_one_tap', 'verification_code_zero_tap']) {
			expect(templateFields(planTemplate(seeded(name))).map((f) => f.id)).toEqual(['otp']);
		}
	});
});

describe('template components', () => {
	it('sends named parameters with parameter_name (Docs: the guide once spells it "paramter_name")', async () => {
		const components = await build('order_confirmation', { 'body:customer_name': 'John', 'body:order_id': '9' });
		expect(components).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', parameter_name: 'customer_name', text: 'John' },
					{ type: 'text', parameter_name: 'order_id', text: '9' },
				],
			},
		]);
		expect(JSON.stringify(components)).not.toContain('paramter_name');
	});

	it('turns currency and date/time options into their parameter objects', async () => {
		const [, body] = await build('purchase_receipt', {
			'header:image': '12',
			'body:1': 'Pablo',
			'body:2': '€1.376,22',
			'body:2:currency': '1376.22 eur',
			'body:3': 'May 1',
			'body:3:date_time': true,
		});
		expect(body.parameters).toEqual([
			{ type: 'text', text: 'Pablo' },
			{ type: 'currency', currency: { fallback_value: '€1.376,22', code: 'EUR', amount_1000: 1376220 } },
			{ type: 'date_time', date_time: { fallback_value: 'May 1' } },
		]);
	});

	it('sends button index as a string and sub_type in lower case (Docs: reference page 16 over 34/82)', async () => {
		const components = await build('coupon_code_fall2023_25off', {
			'body:1': 'a',
			'body:2': 'b',
			'button:1:coupon_code': '25OFF',
		});
		expect(components[1]).toEqual({
			type: 'button',
			sub_type: 'copy_code',
			index: '1',
			parameters: [{ type: 'coupon_code', coupon_code: '25OFF' }],
		});
		const catalog = await build('intro_catalog_offer', {
			'body:1': '1',
			'body:2': '2',
			'body:3': '3',
			'button:0:thumbnail_product_retailer_id': 'sku',
		});
		expect(catalog[1]).toMatchObject({ sub_type: 'catalog', index: '0' });
	});

	it('takes the offer expiration as Unix milliseconds or a date (Docs: 78 table over its example)', async () => {
		const base = {
			'header:image': '1',
			'body:1': 'a',
			'body:2': 'b',
			'button:0:coupon_code': 'A1',
			'button:1:url': 'x',
		};
		const asNumber = await build('limited_time_offer_caribbean_pkg_2023', {
			...base,
			'limited_time_offer:expiration_time_ms': '1209600000',
		});
		expect(asNumber[2]).toEqual({
			type: 'limited_time_offer',
			parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: 1209600000 } }],
		});
		const asDate = await build('limited_time_offer_caribbean_pkg_2023', {
			...base,
			'limited_time_offer:expiration_time_ms': '2023-10-29T07:00:00Z',
		});
		expect((asDate[2].parameters as Array<{ limited_time_offer: object }>)[0].limited_time_offer).toEqual({
			expiration_time_ms: 1698562800000,
		});
		await expect(
			build('limited_time_offer_caribbean_pkg_2023', { ...base, 'limited_time_offer:expiration_time_ms': 'soon' }),
		).rejects.toThrow(/must be a date or a Unix time in milliseconds/);
	});

	it('limits offer codes to 15 characters in limited-time offers only (doc 78)', async () => {
		const base = {
			'header:image': '1',
			'body:1': 'a',
			'body:2': 'b',
			'limited_time_offer:expiration_time_ms': '1',
			'button:1:url': 'x',
		};
		await expect(
			build('limited_time_offer_caribbean_pkg_2023', { ...base, 'button:0:coupon_code': 'A'.repeat(16) }),
		).rejects.toThrow(/limit is 15/);
		const coupon = await build('coupon_code_fall2023_25off', {
			'body:1': 'a',
			'body:2': 'b',
			'button:1:coupon_code': 'A'.repeat(16),
		});
		expect(coupon).toHaveLength(2);
	});

	it('checks MPM sections: title length and 30 products in total (doc 24)', async () => {
		const base = { 'header:1': 'P', 'body:1': 'c', 'button:0:thumbnail_product_retailer_id': 's' };
		await expect(
			build('abandoned_cart', {
				...base,
				'button:0:section1:title': 'A title longer than 24 chars',
				'button:0:section1:products': 'a',
			}),
		).rejects.toThrow(/Section 1 Title is too long: 28 characters, the limit is 24/);
		const many = Array.from({ length: 31 }, (_, i) => `sku${i}`).join(',');
		await expect(
			build('abandoned_cart', { ...base, 'button:0:section1:title': 'All', 'button:0:section1:products': many }),
		).rejects.toThrow(/31 products, the limit is 30/);
	});

	it('limits header text parameters to 60 characters (doc 16)', async () => {
		await expect(build('welcome_header_text', { 'header:1': 'x'.repeat(61) })).rejects.toThrow(
			/Header \{\{1\}\}.* is too long: 61 characters, the limit is 60/,
		);
	});

	it('refuses a location header with a latitude out of range', async () => {
		await expect(
			build('order_delivery_update', {
				'header:location:latitude': '91',
				'header:location:longitude': '1',
				'body:1': 'a',
				'body:2': 'b',
			}),
		).rejects.toThrow(/between -90 and 90/);
	});

	it('refuses templates that are not approved', () => {
		expect(() => checkTemplateSendable(seeded('seasonal_promo_paused'))).toThrow(/paused.*132015/);
		expect(() => checkTemplateSendable(seeded('old_promo_disabled'))).toThrow(/disabled.*132016/);
		expect(() => checkTemplateSendable(seeded('order_delivery_update'))).not.toThrow();
	});
});

describe('Send Template form', () => {
	const language = templateMessage.properties.find((p) => p.name === 'templateLanguage') as INodeProperties;
	it('shows Language Code only when the template is given by name', () => {
		const shown = (mode: string) =>
			NodeHelpers.displayParameter(
				{ template: { __rl: true, mode, value: 'x' } },
				language,
				{ typeVersion: 1 } as never,
				null,
			);
		expect(shown('name')).toBe(true);
		expect(shown('list')).toBe(false);
		expect(shown('id')).toBe(false);
	});

	it('sends language.policy "deterministic" (Docs: reference page 16 marks it Required)', async () => {
		const part = await templateMessage.build(
			{
				template: { __rl: true, mode: 'name', value: 'hello_world' },
				templateLanguage: 'en_US',
				templateInput: 'json',
				templateComponentsJson: '[]',
				templateCheck: false,
			},
			{ uploadBinary: jest.fn(), graphGet: jest.fn(), businessAccountId: jest.fn() },
		);
		expect(part).toEqual({
			type: 'template',
			template: { name: 'hello_world', language: { policy: 'deterministic', code: 'en_US' } },
		});
	});
});
