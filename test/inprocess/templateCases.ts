/**
 * The Send Template cases shared by test/inprocess/templates-send.test.ts (n8n-core) and the e2e workflow of
 * test/e2e/templateWorkflows.ts (real n8n): one documented example per template kind, the node parameters that
 * produce it (the template, the mapper's values, extra fields) and the body the node must send for it.
 */
import type { IDataObject } from 'n8n-workflow';

import { templateFields, toResourceMapperFields } from '../../nodes/WhatsAppCloud/templates/fields';
import { planTemplate, type TemplateDefinition } from '../../nodes/WhatsAppCloud/templates/model';
import { docFixture } from '../helpers';
import type { TemplateStore } from '../sandbox/templateStore';

export type Body = Record<string, unknown> & { template: { language: IDataObject; components?: IDataObject[] } };

/**
 * What the node sends for a documented example. The node follows the reference page (16) where the pages differ:
 * language.policy "deterministic" always, recipient_type "individual" always, button index as a string and
 * sub_type in lower case (doc 16's template reference, where the guides' examples differ).
 */
export function asSent(documented: Record<string, unknown>): Body {
	const body = JSON.parse(JSON.stringify(documented)) as Body;
	body.recipient_type ??= 'individual';
	body.template.language = { policy: 'deterministic', ...body.template.language };
	const fix = (components: IDataObject[] | undefined) => {
		for (const component of components ?? []) {
			if (component.type === 'button') {
				component.index = String(component.index);
				component.sub_type = String(component.sub_type).toLowerCase();
			}
			if (component.type === 'carousel')
				for (const card of component.cards as IDataObject[]) fix(card.components as IDataObject[]);
		}
	};
	fix(body.template.components);
	return body;
}

export interface TemplateCase {
	/** The documented example (test/fixtures/docs/templates) whose body this case must produce; '' for ad-hoc cases. */
	fixture: string;
	/** What kind of template this case sends (the e2e node is named after it). */
	kind?: string;
	template: string;
	language?: string;
	/** Give the template by name (+ language code) instead of picking it from the list. */
	byName?: boolean;
	values: IDataObject;
	extra?: IDataObject;
	/** The clock (ms) the case is sent at: the documented body carries a date that must lie ahead of it. */
	now?: number;
}

const ORDER_FORM_49: IDataObject = {
	templateOrderDetails: 'form',
	orderDetailsCountry: 'IN',
	orderDetailsInput: 'form',
	orderDetailsReferenceId: 'abc.123_xyz-1',
	orderDetailsGoodsType: 'physical-goods',
	orderDetailsPaymentMethod: 'payment_gateway',
	orderDetailsGateway: 'razorpay',
	orderDetailsPaymentConfiguration: 'prod-razor-pay-config-05',
	orderDetailsItems: {
		item: [
			{
				name: 'Blue Elf Aloe',
				amount: 200000,
				saleAmount: 150000,
				quantity: 1,
				countryOfOrigin: 'India',
				importerName: 'Lucky Shrub Imports and Exports',
				importerAddressLine1: 'One BKC',
				importerAddressLine2: 'Bandra Kurla Complex',
				importerCity: 'Mumbai',
				importerZoneCode: 'MH',
				importerPostalCode: '400051',
				importerCountryCode: 'IN',
			},
		],
	},
	orderDetailsTax: 10000,
	orderDetailsOrderOptions: {
		shipping: 20000,
		discount: 15000,
		discountDescription: 'Additional 10% off',
		expiration: '1726627150',
	},
	templateShippingAddresses: {
		address: [
			{
				name: 'Nidhi Tripathi',
				phone_number: '919000090000',
				address: 'Bandra Kurla Complex',
				city: 'Mumbai',
				state: 'Maharastra',
				in_pin_code: '400051',
				house_number: '12',
				tower_number: '5',
				building_name: 'One BKC',
				landmark_area: 'Near BKC Circle',
			},
		],
	},
};

const card = (i: number, image: string, payload: string, suffix: string): IDataObject => ({
	[`card${i}:header:image`]: image,
	[`card${i}:button:0:payload`]: payload,
	[`card${i}:button:1:url`]: suffix,
});
const productCard = (i: number, sku: string): IDataObject => ({
	[`card${i}:header:product:product_retailer_id`]: sku,
	[`card${i}:header:product:catalog_id`]: '194836987003835',
});

/** One documented example per template kind, with the node parameters a user sets in the editor. */
export const TEMPLATE_CASES: TemplateCase[] = [
	{
		fixture: '01-location-header',
		kind: 'location header',
		template: 'order_delivery_update',
		values: {
			'header:location:latitude': '37.483307',
			'header:location:longitude': '122.148981',
			'header:location:name': 'Pablo Morales',
			'header:location:address': '1 Hacker Way, Menlo Park, CA 94025',
			'body:1': 'Pablo',
			'body:2': '566701',
		},
	},
	{
		fixture: '01-named-parameters',
		kind: 'named parameters',
		template: 'order_confirmation',
		language: 'en_US',
		byName: true,
		values: { 'body:customer_name': 'John', 'body:order_id': '9128312831' },
	},
	{
		fixture: '01-positional-parameters',
		kind: 'positional parameters',
		template: 'order_confirmation',
		language: 'es',
		byName: true,
		values: { 'body:1': 'John', 'body:2': '9128312831' },
	},
	{
		fixture: '01-media-header',
		kind: 'media header, currency and date',
		template: 'purchase_receipt',
		values: {
			'header:image': 'https://URL',
			'body:1': 'TEXT-STRING',
			'body:2': 'VALUE',
			'body:2:currency': 'USD 100.99',
			'body:3': 'MONTH DAY, YEAR',
			'body:3:date_time': true,
		},
	},
	{
		fixture: '01-interactive-quick-replies',
		kind: 'quick replies',
		template: 'purchase_receipt',
		values: {
			'header:image': 'https://URL',
			'body:1': 'TEXT_STRING',
			'body:2': 'VALUE',
			'body:2:currency': 'USD 100.99',
			'body:3': 'MONTH DAY, YEAR',
			'body:3:date_time': true,
			'button:0:payload': 'PAYLOAD',
			'button:1:payload': 'PAYLOAD',
		},
	},
	{
		fixture: '42-authentication-otp',
		kind: 'authentication OTP',
		template: 'verification_code',
		values: { otp: 'J$FpnYnP' },
	},
	{
		fixture: '24-mpm',
		kind: 'multi-product (MPM)',
		template: 'abandoned_cart',
		values: {
			'header:1': 'Pablo',
			'body:1': '10OFF',
			'button:0:thumbnail_product_retailer_id': '2lc20305pt',
			'button:0:section1:title': 'Popular Bundles',
			'button:0:section1:products': '2lc20305pt, nseiw1x3ch',
			'button:0:section2:title': 'Premium Packages',
			'button:0:section2:products': 'n6k6x0y7oe',
		},
	},
	{
		fixture: '14-spm',
		kind: 'single product (SPM)',
		template: 'abandoned_cart_offer',
		values: {
			'header:product:product_retailer_id': 'nqryix03ez',
			'header:product:catalog_id': '194836987003835',
			'body:1': '25OFF',
			'body:2': '25%',
		},
	},
	{
		fixture: '82-catalog',
		kind: 'catalog',
		template: 'intro_catalog_offer',
		values: { 'body:1': '100', 'body:2': '400', 'body:3': '3', 'button:0:thumbnail_product_retailer_id': '2lc20305pt' },
	},
	{
		fixture: '34-coupon-code',
		kind: 'coupon code',
		template: 'coupon_code_fall2023_25off',
		values: { 'body:1': '25OFF', 'body:2': '25%', 'button:1:coupon_code': '25OFF' },
	},
	{
		fixture: '78-limited-time-offer',
		kind: 'limited-time offer, URL button',
		template: 'limited_time_offer_caribbean_pkg_2023',
		values: {
			'header:image': '1602186516975000',
			'body:1': 'Pablo',
			'body:2': 'CARIBE25',
			'limited_time_offer:expiration_time_ms': '1209600000',
			'button:0:coupon_code': 'CARIBE25',
			'button:1:url': 'n3mtql',
		},
	},
	{
		fixture: '87-media-card-carousel',
		kind: 'media card carousel',
		template: 'carousel_template_media_cards_v1',
		values: {
			'body:1': 'Pablo',
			'body:2': '20%',
			'body:3': '20OFF',
			...card(0, '1558081531584829', 'more-aloes', 'blue-elf'),
			...card(1, '861236878885705', 'more-crassulas', 'buddhas-temple'),
			...card(2, '1587064918516321', 'more-echeverias', 'black-prince'),
		},
	},
	{
		fixture: '19-product-card-carousel',
		kind: 'product card carousel',
		template: 'carousel_template_product_cards_v1',
		values: {
			'body:1': 'Pablo',
			...productCard(0, 'vrpj01fvwp'),
			...productCard(1, 'va2l5ioeat'),
			...productCard(2, 'sqpjv0mgde'),
		},
	},
	{
		fixture: '67-flow',
		kind: 'flow',
		template: 'example_template_name',
		values: {
			'button:0:flow_token': 'FLOW_TOKEN',
			'button:0:flow_action_data': '{"product_name":"name","product_price":100}',
		},
	},
	{
		fixture: '49-checkout-button',
		kind: 'checkout button',
		template: 'item_back_in_stock_v2',
		values: { 'header:image': '1558081531584829', 'body:1': 'Nidhi', 'body:2': 'Blue Elf Aloe' },
		extra: ORDER_FORM_49,
		now: (1726627150 - 30 * 86400) * 1000,
	},
	{
		fixture: '35-order-details-in',
		kind: 'order details (India)',
		template: 'order_details_in',
		values: { 'header:image': 'https://example.com/the-url.jpg' },
		extra: {
			templateOrderDetails: 'form',
			orderDetailsCountry: 'IN',
			orderDetailsInput: 'form',
			orderDetailsReferenceId: 'reference_id_value',
			orderDetailsGoodsType: 'digital-goods',
			orderDetailsPaymentMethod: 'upi',
			orderDetailsPaymentConfiguration: 'unique_payment_config_id',
			orderDetailsItems: {
				item: [
					{
						name: 'ORDER_ITEM_NAME',
						retailerId: 'ORDER_ITEM_RETAILER_ID',
						amount: 400,
						quantity: 1,
						countryOfOrigin: 'India',
						importerName: 'IMPORTER_NAME',
						importerAddressLine1: 'IMPORTER_ADDRESS',
						importerCity: 'Mumbai',
						importerPostalCode: '400051',
						importerCountryCode: 'IN',
					},
				],
			},
			orderDetailsTax: 500,
			orderDetailsOrderOptions: { shipping: 0, discount: 250 },
		},
	},
	{
		fixture: '32-order-details-br',
		kind: 'order details (Brazil)',
		template: 'order_details_br',
		values: {},
		extra: {
			templateOrderDetails: 'form',
			orderDetailsCountry: 'BR',
			orderDetailsInput: 'form',
			orderDetailsReferenceId: 'unique-reference-id',
			orderDetailsGoodsType: 'digital-goods',
			orderDetailsBrazilPayment: {
				pix: {
					code: '00020101021226700014br.gov.bcb.pix2548pix.example.com...',
					merchantName: 'Account holder name',
					key: '39580525000189',
					keyType: 'CNPJ',
				},
			},
			orderDetailsItems: { item: [{ name: 'Cake', retailerId: '1234567', amount: 50000, quantity: 1 }] },
			orderDetailsTax: 0,
			orderDetailsTaxDescription: 'optional text',
		},
	},
	{
		fixture: '51-order-status',
		kind: 'order status',
		template: 'order_status_update',
		values: {
			'order_status:reference_id': 'reference_id_value',
			'order_status:status': 'shipped',
			'order_status:description': 'OPTINAL_DESCRIPTION',
		},
	},
];

/** The documented example body of a case (test/fixtures/docs/templates). */
export function documentedBody(c: TemplateCase): Body {
	return docFixture<Body>('templates', c.fixture).body;
}

/**
 * Node parameters as the editor stores them: the picked template (from the list, or by name + language code) and the
 * mapper's values with the schema the editor loaded for that template (methods/templates.ts serves the same fields).
 */
export function templateParameters(c: TemplateCase, store: TemplateStore, to: string): IDataObject {
	const stored = (c.language && store.find(c.template, c.language)) || store.named(c.template);
	const schema = toResourceMapperFields(templateFields(planTemplate(stored as unknown as TemplateDefinition)));
	return {
		resource: 'message',
		operation: 'sendTemplate',
		recipient: to,
		template: c.byName
			? { __rl: true, mode: 'name', value: c.template }
			: { __rl: true, mode: 'list', value: stored.id },
		...(c.byName ? { templateLanguage: c.language } : {}),
		templateInput: 'form',
		templateVariables: {
			mappingMode: 'defineBelow',
			value: c.values,
			matchingColumns: [],
			schema,
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		...c.extra,
	};
}
