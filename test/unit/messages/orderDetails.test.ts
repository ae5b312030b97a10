import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { orderDetailsMessage } from '../../../nodes/WhatsAppCloud/messages/orderDetails';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, offlineContext, withDefaults } from './support';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function fixture(name: string): IDataObject {
	const { body } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'));
	return body.interactive as IDataObject;
}

const params = (values: IDataObject): IDataObject => withDefaults(orderDetailsMessage, values);

const ctx = offlineContext({ uploadBinary: async () => 'UPLOADED_MEDIA_ID' });

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(orderDetailsMessage.build(params(values), ctx));

const parametersOf = (result: IDataObject) =>
	((result.interactive as IDataObject).action as IDataObject).parameters as IDataObject;

/** The India examples' header links are placeholders ("http(s)://the-url", "your-media-url-link"); a URL stands in. */
const PLACEHOLDER_LINK_STAND_IN = 'https://example.com/header.jpg';
const sendableLink = (link: unknown): string =>
	/^https?:\/\//.test(String(link)) ? String(link) : PLACEHOLDER_LINK_STAND_IN;

/** What a user sets for the header, body and footer of a documented example. */
function envelopeParams(interactive: IDataObject): IDataObject {
	const values: IDataObject = { interactiveBody: (interactive.body as IDataObject).text };
	if (interactive.footer) values.interactiveFooter = (interactive.footer as IDataObject).text;
	const image = (interactive.header as IDataObject | undefined)?.image as IDataObject | undefined;
	if (image?.link)
		Object.assign(values, {
			interactiveHeaderType: 'image',
			interactiveHeaderMediaSource: 'link',
			interactiveHeaderMediaLink: sendableLink(image.link),
		});
	if (image?.id)
		Object.assign(values, {
			interactiveHeaderType: 'image',
			interactiveHeaderMediaSource: 'id',
			interactiveHeaderMediaId: image.id,
		});
	return values;
}

/** The documented example as the node sends it: without the On-Premises-only header.image.provider. */
function expectedFrom(interactive: IDataObject): IDataObject {
	const expected = clone(interactive);
	const image = (expected.header as IDataObject | undefined)?.image as IDataObject | undefined;
	if (image) delete image.provider;
	if (image?.link) image.link = sendableLink(image.link);
	return { type: 'interactive', interactive: expected };
}

const INDIA_FIXTURES = [
	'orderDetails-in-upi-intent-catalog-18',
	'orderDetails-in-upi-intent-non-catalog-18',
	'orderDetails-in-pg-billdesk-catalog-56',
	'orderDetails-in-pg-razorpay-catalog-56',
	'orderDetails-in-pg-payu-non-catalog-56',
	'orderDetails-in-pg-zaakpay-non-catalog-56',
	'orderDetails-in-upi-intent-link-70',
	'orderDetails-in-payment-link-catalog-71',
	'orderDetails-in-payment-link-non-catalog-71',
];
const BRAZIL_FIXTURES = [
	'orderDetails-br-orders-payment-link-76',
	'orderDetails-br-pix-46',
	'orderDetails-br-payment-link-53',
	'orderDetails-br-boleto-40',
];

const NOW = Date.parse('2025-01-01T00:00:00Z');

/** A consistent India order (JSON mode): 2 × 10000 + 1000 tax + 500 shipping − 300 discount = 21200. */
function indiaParameters(): IDataObject {
	return {
		reference_id: 'order-1001',
		type: 'physical-goods',
		payment_settings: [
			{ type: 'payment_gateway', payment_gateway: { type: 'razorpay', configuration_name: 'my-config' } },
		],
		currency: 'INR',
		total_amount: { value: 21200, offset: 100 },
		order: {
			status: 'pending',
			catalog_id: 'CATALOG',
			expiration: { timestamp: String(NOW / 1000 + 3600), description: 'Pay within an hour' },
			items: [{ retailer_id: 'SKU-1', name: 'Bread', amount: { value: 10000, offset: 100 }, quantity: 2 }],
			subtotal: { value: 20000, offset: 100 },
			tax: { value: 1000, offset: 100, description: 'GST' },
			shipping: { value: 500, offset: 100, description: 'Courier' },
			discount: { value: 300, offset: 100, description: 'Promo', discount_program_name: 'Diwali' },
		},
	};
}

function json(parameters: unknown, country = 'IN', extra: IDataObject = {}): IDataObject {
	return {
		interactiveBody: 'Please pay',
		orderDetailsCountry: country,
		orderDetailsInput: 'json',
		orderDetailsParametersJson: JSON.stringify(parameters),
		...extra,
	};
}

/** Changes the consistent India order, then expects the given error. */
async function indiaError(change: (p: IDataObject) => void): Promise<InputError> {
	const p = indiaParameters();
	change(p);
	return await inputError(json(p));
}

const order = (p: IDataObject) => p.order as IDataObject;
const item = (p: IDataObject, i = 0) => (order(p).items as IDataObject[])[i];
const gateway = (p: IDataObject) => (p.payment_settings as IDataObject[])[0].payment_gateway as IDataObject;

beforeEach(() => {
	jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
	jest.restoreAllMocks();
});

describe('order details: documented India examples (JSON mode)', () => {
	test.each(INDIA_FIXTURES)('%s is sendable as documented with the totals check off', async (name) => {
		const interactive = fixture(name);
		const parameters = (interactive.action as IDataObject).parameters;
		const result = await orderDetailsMessage.build(
			params({ ...json(parameters, 'IN', { orderDetailsCheckTotals: false }), ...envelopeParams(interactive) }),
			ctx,
		);
		expect(result).toEqual(expectedFrom(interactive));
	});

	test.each(INDIA_FIXTURES)('%s breaks the documented rules, so the default checks stop it', async (name) => {
		const interactive = fixture(name);
		const error = await inputError({
			...json((interactive.action as IDataObject).parameters),
			...envelopeParams(interactive),
		});
		expect(error.message).toBe('Expiration must be a date or a Unix time in seconds; got "utc_timestamp_in_seconds"');
	});

	test('doc 18 catalog example: its subtotal does not add up (20000 vs 1 × sale amount 100)', async () => {
		const parameters = (fixture('orderDetails-in-upi-intent-catalog-18').action as IDataObject)
			.parameters as IDataObject;
		const p = clone(parameters);
		order(p).expiration = { timestamp: String(NOW / 1000 + 600), description: 'soon' };
		const error = await inputError(json(p));
		expect(error.message).toBe('Subtotal is 20000 but the items add up to 100 (sale amount, else amount, × quantity)');
	});

	test('Docs: image.provider of the India examples (On-Premises only per page 16) is never sent', async () => {
		const interactive = fixture('orderDetails-in-pg-razorpay-catalog-56');
		expect(((interactive.header as IDataObject).image as IDataObject).provider).toBeDefined();
		const result = await orderDetailsMessage.build(
			params({
				...json((interactive.action as IDataObject).parameters, 'IN', { orderDetailsCheckTotals: false }),
				...envelopeParams(interactive),
			}),
			ctx,
		);
		expect((result.interactive as IDataObject).header).toEqual({
			type: 'image',
			image: { link: PLACEHOLDER_LINK_STAND_IN },
		});
		expect(orderDetailsMessage.properties.some((property) => /provider/i.test(property.name))).toBe(false);
	});
});

describe('order details: documented Brazil examples', () => {
	test.each(BRAZIL_FIXTURES)('%s from JSON, all checks on', async (name) => {
		const interactive = fixture(name);
		const result = await orderDetailsMessage.build(
			params({ ...json((interactive.action as IDataObject).parameters, 'BR'), ...envelopeParams(interactive) }),
			ctx,
		);
		expect(result).toEqual(expectedFrom(interactive));
	});

	const brazilForm = (payment: IDataObject): IDataObject => ({
		interactiveBody: 'Your message content',
		orderDetailsCountry: 'BR',
		orderDetailsReferenceId: 'unique-reference-id',
		orderDetailsGoodsType: 'digital-goods',
		orderDetailsBrazilPayment: payment,
		orderDetailsItems: { item: [{ name: 'Cake', retailerId: '1234567', amount: 50000, saleAmount: 0, quantity: 1 }] },
		orderDetailsTax: 0,
		orderDetailsTaxDescription: 'optional text',
	});

	test.each([
		['orderDetails-br-orders-payment-link-76', { paymentLink: { uri: 'https://my-payment-link-url' } }],
		['orderDetails-br-payment-link-53', { paymentLink: { uri: 'https://my-payment-link-url' } }],
		['orderDetails-br-boleto-40', { boleto: { digitableLine: '03399026944140000002628346101018898510000008848' } }],
		[
			'orderDetails-br-pix-46',
			{
				pix: {
					code: '00020101021226700014br.gov.bcb.pix2548pix.example.com...',
					merchantName: 'Account holder name',
					key: '39580525000189',
					keyType: 'CNPJ',
				},
			},
		],
	])('%s from the form (subtotal and total computed)', async (name, payment) => {
		const result = await orderDetailsMessage.build(params(brazilForm(payment)), ctx);
		expect(result).toEqual(expectedFrom(fixture(name)));
	});

	test('several Brazil payment methods and installments from the form', async () => {
		const result = await orderDetailsMessage.build(
			params({
				...brazilForm({ boleto: { digitableLine: '123' }, paymentLink: { uri: 'https://pay.example' } }),
				orderDetailsMaxInstallments: 3,
			}),
			ctx,
		);
		const parameters = parametersOf(result);
		expect(parameters.payment_settings).toEqual([
			{ type: 'payment_link', payment_link: { uri: 'https://pay.example' } },
			{ type: 'boleto', boleto: { digitable_line: '123' } },
		]);
		expect(parameters.installment).toEqual({ max_installment_count: 3 });
	});
});

describe('order details: India from the form', () => {
	const base: IDataObject = {
		interactiveBody: 'Please pay',
		orderDetailsCountry: 'IN',
		orderDetailsReferenceId: 'order-1001',
		orderDetailsGoodsType: 'physical-goods',
		orderDetailsPaymentConfiguration: 'my-config',
		orderDetailsItems: { item: [{ name: 'Bread', retailerId: 'SKU-1', amount: 10000, saleAmount: 9000, quantity: 2 }] },
		orderDetailsTax: 1000,
		orderDetailsTaxDescription: 'GST',
		orderDetailsOrderOptions: {
			catalogId: 'CATALOG',
			shipping: 500,
			discount: 300,
			discountProgramName: 'Diwali',
			expiration: '2025-01-01T01:00:00Z',
			expirationDescription: 'Pay within an hour',
			quickPay: true,
		},
		orderDetailsBeneficiaries: {
			beneficiary: [
				{ name: 'Asha', addressLine1: '12 MG Road', addressLine2: '', city: 'Pune', state: 'MH', postalCode: '411001' },
			],
		},
	};

	test('payment gateway with Razorpay fields, preferred app and options; sums use the sale amount', async () => {
		const result = await orderDetailsMessage.build(
			params({
				...base,
				orderDetailsPaymentMethod: 'payment_gateway',
				orderDetailsGateway: 'razorpay',
				orderDetailsGatewayFields: { receipt: 'R-1', notes: { note: [{ key: 'branch', value: 'Pune' }] } },
				orderDetailsPreferredPaymentMethod: 'gpay',
				orderDetailsEnabledPaymentOptions: ['upi'],
			}),
			ctx,
		);
		expect(parametersOf(result)).toEqual({
			reference_id: 'order-1001',
			type: 'physical-goods',
			payment_settings: [
				{
					type: 'payment_gateway',
					payment_gateway: {
						type: 'razorpay',
						configuration_name: 'my-config',
						razorpay: { receipt: 'R-1', notes: { branch: 'Pune' } },
						preferred_payment_methods: [{ method: 'gpay' }],
						enabled_payment_options: ['upi'],
					},
				},
			],
			currency: 'INR',
			total_amount: { value: 19200, offset: 100 },
			order: {
				status: 'pending',
				type: 'quick_pay',
				catalog_id: 'CATALOG',
				expiration: { timestamp: String(NOW / 1000 + 3600), description: 'Pay within an hour' },
				items: [
					{
						retailer_id: 'SKU-1',
						name: 'Bread',
						amount: { value: 10000, offset: 100 },
						sale_amount: { value: 9000, offset: 100 },
						quantity: 2,
					},
				],
				subtotal: { value: 18000, offset: 100 },
				tax: { value: 1000, offset: 100, description: 'GST' },
				shipping: { value: 500, offset: 100 },
				discount: { value: 300, offset: 100, discount_program_name: 'Diwali' },
			},
			beneficiaries: [
				{
					name: 'Asha',
					address_line1: '12 MG Road',
					city: 'Pune',
					state: 'MH',
					country: 'India',
					postal_code: '411001',
				},
			],
		});
	});

	test('BillDesk fields map to additional_info1..7', async () => {
		const result = await orderDetailsMessage.build(
			params({
				...base,
				orderDetailsGateway: 'billdesk',
				orderDetailsGatewayFields: { additionalInfo1: 'a', additionalInfo7: 'g' },
			}),
			ctx,
		);
		expect(gateway(parametersOf(result)).billdesk).toEqual({ additional_info1: 'a', additional_info7: 'g' });
	});

	test('Docs: legacy UPI puts the preferred app directly in parameters (18), not in a payment gateway (56)', async () => {
		const result = await orderDetailsMessage.build(
			params({ ...base, orderDetailsPaymentMethod: 'upi', orderDetailsPreferredPaymentMethod: 'phonepe' }),
			ctx,
		);
		const parameters = parametersOf(result);
		expect(parameters.payment_type).toBe('upi');
		expect(parameters.payment_configuration).toBe('my-config');
		expect(parameters.preferred_payment_methods).toEqual([{ method: 'phonepe' }]);
		expect(parameters.payment_settings).toBeUndefined();
	});

	test('UPI intent link and payment link', async () => {
		const link = 'upi://pay?pa=m@bank&pn=M&mc=5399&purpose=00&tr=order-1001';
		const upi = await orderDetailsMessage.build(
			params({ ...base, orderDetailsPaymentMethod: 'upi_intent_link', orderDetailsUpiIntentLink: link }),
			ctx,
		);
		expect(parametersOf(upi).payment_settings).toEqual([{ type: 'upi_intent_link', upi_intent_link: { link } }]);
		const paymentLink = await orderDetailsMessage.build(
			params({
				...base,
				orderDetailsPaymentMethod: 'payment_link',
				orderDetailsPaymentLink: 'https://rzp.io/i/x',
				orderDetailsPaymentLinkCancelUrl: 'https://shop.example/cancel',
			}),
			ctx,
		);
		expect(parametersOf(paymentLink).payment_type).toBe('upi');
		expect(parametersOf(paymentLink).payment_settings).toEqual([
			{ type: 'payment_link', payment_link: { uri: 'https://rzp.io/i/x', cancel_url: 'https://shop.example/cancel' } },
		]);
	});

	test('header image from binary data is uploaded only after the checks pass', async () => {
		const upload = jest.fn(async () => 'MEDIA_1');
		const values = {
			...base,
			interactiveHeaderType: 'image',
			interactiveHeaderMediaSource: 'binary',
			interactiveHeaderBinaryProperty: 'data',
		};
		await expect(
			orderDetailsMessage.build(
				params({ ...values, orderDetailsReferenceId: 'bad id' }),
				offlineContext({ uploadBinary: upload }),
			),
		).rejects.toThrow(InputError);
		expect(upload).not.toHaveBeenCalled();
		const result = await orderDetailsMessage.build(params(values), offlineContext({ uploadBinary: upload }));
		expect((result.interactive as IDataObject).header).toEqual({ type: 'image', image: { id: 'MEDIA_1' } });
	});

	test('form expiration must be at least 300 seconds ahead', async () => {
		const error = await inputError({
			...base,
			orderDetailsOrderOptions: { catalogId: 'C', expiration: '2025-01-01T00:04:00Z', expirationDescription: 'x' },
		});
		expect(error.message).toBe('Expiration must be at least 300 seconds in the future; it is 240 seconds ahead');
	});

	test('form amounts must be whole numbers of the smallest unit', async () => {
		const error = await inputError({ ...base, orderDetailsTax: 10.5 });
		expect(error.message).toBe(
			'Tax must be a whole number of the smallest currency unit (paise, centavos; 12.34 is 1234), 0 or more; got 10.5',
		);
	});

	test('items are required', async () => {
		const error = await inputError({ ...base, orderDetailsItems: {} });
		expect(error.message).toBe('Items needs at least 1 items, got 0');
	});

	test('an Items entry that is not an object (a list from an expression) is named with its position', async () => {
		const bread = { name: 'Bread', retailerId: 'SKU-1', amount: 10000, quantity: 2 };
		expect(await inputError({ ...base, orderDetailsItems: [null] })).toMatchObject({
			field: 'Items',
			message: 'Items: item 1 must be an object with a name, an amount and a quantity; got null',
		});
		expect(await inputError({ ...base, orderDetailsItems: { item: [bread, 'Milk'] } })).toMatchObject({
			field: 'Items',
			message: 'Items: item 2 must be an object with a name, an amount and a quantity; got "Milk"',
		});
	});

	test('form amounts name the item they belong to', async () => {
		const error = await inputError({
			...base,
			orderDetailsItems: {
				item: [
					{ name: 'Bread', amount: 100, quantity: 1 },
					{ name: 'Milk', amount: 1.5, quantity: 1 },
				],
			},
		});
		expect(error).toMatchObject({ field: 'Item 2 > Amount' });
	});
});

describe('order details: rules', () => {
	test('the consistent sample order passes', async () => {
		const result = await orderDetailsMessage.build(params(json(indiaParameters())), ctx);
		expect(parametersOf(result)).toEqual(indiaParameters());
	});

	test('Docs: parameters given as a stringified JSON object (56, 71) are sent as an object', async () => {
		const asString = await orderDetailsMessage.build(params(json(indiaParameters())), ctx);
		expect(typeof parametersOf(asString)).toBe('object');
		const asObject = await orderDetailsMessage.build(
			params({ ...json(null), orderDetailsParametersJson: indiaParameters() }),
			ctx,
		);
		expect(parametersOf(asObject)).toEqual(parametersOf(asString));
	});

	test('Docs: payment_settings given as one object (56 calls it "object") is sent as an array', async () => {
		const p = indiaParameters();
		p.payment_settings = (p.payment_settings as IDataObject[])[0];
		const result = await orderDetailsMessage.build(params(json(p)), ctx);
		expect(parametersOf(result).payment_settings).toEqual(indiaParameters().payment_settings);
	});

	test('Docs: preferred_payment_methods is accepted inside payment_gateway (56)', async () => {
		const p = indiaParameters();
		gateway(p).preferred_payment_methods = [{ method: 'cred' }];
		const result = await orderDetailsMessage.build(params(json(p)), ctx);
		expect(gateway(parametersOf(result)).preferred_payment_methods).toEqual([{ method: 'cred' }]);
	});

	test('Docs: India items without a catalog ID need importer details (56, 70, 71; 18 says optional)', async () => {
		const error = await indiaError((p) => {
			delete order(p).catalog_id;
			item(p).country_of_origin = 'India';
		});
		expect(error.message).toBe('Item 1 > Importer Name is required when the order has no catalog ID');
	});

	test('country of origin is the first importer detail checked', async () => {
		const error = await indiaError((p) => delete order(p).catalog_id);
		expect(error.message).toBe('Item 1 > Country of Origin is required when the order has no catalog ID');
	});

	test('Brazil items without a catalog ID need no importer details', async () => {
		const interactive = fixture('orderDetails-br-pix-46');
		const result = await orderDetailsMessage.build(
			params(json((interactive.action as IDataObject).parameters, 'BR')),
			ctx,
		);
		expect(order(parametersOf(result)).catalog_id).toBeUndefined();
	});

	test('parameters JSON must be valid JSON', async () => {
		const error = await inputError({ ...json(null), orderDetailsParametersJson: '{ nope' });
		expect(error.field).toBe('Parameters (JSON)');
		expect(error.message).toMatch(/^Parameters \(JSON\) is not valid JSON: /);
	});

	test('parameters JSON must be an object', async () => {
		const error = await inputError({ ...json(null), orderDetailsParametersJson: '[]' });
		expect(error.message).toBe('Parameters (JSON) must be a JSON object');
	});

	test('reference ID is at most 35 characters', async () => {
		const error = await indiaError((p) => (p.reference_id = 'r'.repeat(36)));
		expect(error.message).toBe('Reference ID is too long: 36 characters, the limit is 35');
	});

	test('reference ID allows only English letters, digits, _ - .', async () => {
		const error = await indiaError((p) => (p.reference_id = 'ordér-1'));
		expect(error.message).toBe(
			'Reference ID may only contain English letters, digits, "_", "-" and "."; got "ordér-1"',
		);
	});

	test('goods type is digital-goods or physical-goods', async () => {
		const error = await indiaError((p) => (p.type = 'services'));
		expect(error.message).toBe('Goods Type must be one of digital-goods, physical-goods; got "services"');
	});

	test('currency is INR for India', async () => {
		const error = await indiaError((p) => (p.currency = 'BRL'));
		expect(error.message).toBe('Currency must be one of INR; got "BRL"');
	});

	test('currency is BRL for Brazil', async () => {
		const p = clone((fixture('orderDetails-br-pix-46').action as IDataObject).parameters as IDataObject);
		p.currency = 'INR';
		const error = await inputError(json(p, 'BR'));
		expect(error.message).toBe('Currency must be one of BRL; got "INR"');
	});

	test('amount offset is 100', async () => {
		const error = await indiaError((p) => (p.total_amount = { value: 212, offset: 1 }));
		expect(error.message).toBe('Total Amount > Offset must be 100; got 1');
	});

	test('amount value is a whole number', async () => {
		const error = await indiaError((p) => (item(p).amount = { value: 100.5, offset: 100 }));
		expect(error.message).toBe(
			'Item 1 > Amount > Value must be a whole number of the smallest currency unit (paise, centavos), 0 or more; got 100.5',
		);
	});

	test('total amount equals subtotal + tax + shipping - discount', async () => {
		const error = await indiaError((p) => (p.total_amount = { value: 21500, offset: 100 }));
		expect(error.message).toBe(
			'Total Amount is 21500 but Subtotal + Tax + Shipping - Discount is 21200 (20000 + 1000 + 500 - 300)',
		);
	});

	test('subtotal equals the sum of amount × quantity', async () => {
		const error = await indiaError((p) => (item(p).quantity = 3));
		expect(error.message).toBe(
			'Subtotal is 20000 but the items add up to 30000 (sale amount, else amount, × quantity)',
		);
	});

	test('subtotal uses the sale amount where given', async () => {
		const error = await indiaError((p) => (item(p).sale_amount = { value: 9000, offset: 100 }));
		expect(error.message).toBe(
			'Subtotal is 20000 but the items add up to 18000 (sale amount, else amount, × quantity)',
		);
	});

	test('totals check can be turned off for JSON input', async () => {
		const p = indiaParameters();
		p.total_amount = { value: 1, offset: 100 };
		const result = await orderDetailsMessage.build(params(json(p, 'IN', { orderDetailsCheckTotals: false })), ctx);
		expect(parametersOf(result).total_amount).toEqual({ value: 1, offset: 100 });
	});

	test('sale amount is less than the amount', async () => {
		const error = await indiaError((p) => (item(p).sale_amount = { value: 10000, offset: 100 }));
		expect(error.message).toBe('Item 1 > Sale Amount must be less than the amount (10000); got 10000');
	});

	test('quantity is a whole number', async () => {
		const error = await indiaError((p) => (item(p).quantity = 1.5));
		expect(error.message).toBe('Item 1 > Quantity must be a whole number of 1 or more; got 1.5');
	});

	test('item name is required', async () => {
		const error = await indiaError((p) => delete item(p).name);
		expect(error.message).toBe('Item 1 > Name is required');
	});

	test('item name is at most 60 characters', async () => {
		const error = await indiaError((p) => (item(p).name = 'n'.repeat(61)));
		expect(error.message).toBe('Item 1 > Name is too long: 61 characters, the limit is 60');
	});

	test('at least one item', async () => {
		const error = await indiaError((p) => (order(p).items = []));
		expect(error.message).toBe('Items needs at least 1 items, got 0');
	});

	test('every item is an object', async () => {
		const error = await indiaError((p) => (order(p).items = [item(p), 7]));
		expect(error).toMatchObject({
			field: 'Items',
			message: 'Items: item 2 must be an object with a name, an amount and a quantity; got 7',
		});
		const list = await indiaError((p) => (order(p).items = [[item(p)]]));
		expect(list.message).toBe('Items: item 1 must be an object with a name, an amount and a quantity; got a list');
	});

	function imageOrder(count: number): (p: IDataObject) => void {
		return (p) => {
			delete order(p).catalog_id;
			const items = Array.from({ length: count }, (_, i) => ({
				name: `Item ${i}`,
				image: { link: 'https://example.com/i.png' },
				amount: { value: 100, offset: 100 },
				quantity: 1,
				country_of_origin: 'India',
				importer_name: 'Importer',
				importer_address: {
					address_line1: 'x',
					city: 'Delhi',
					zone_code: 'DL',
					postal_code: '110093',
					country_code: 'IN',
				},
			}));
			order(p).items = items;
			order(p).subtotal = { value: count * 100, offset: 100 };
			p.total_amount = { value: count * 100 + 1200, offset: 100 };
		};
	}

	test('items with images are accepted up to 10', async () => {
		const p = indiaParameters();
		imageOrder(10)(p);
		const result = await orderDetailsMessage.build(params(json(p)), ctx);
		expect((order(parametersOf(result)).items as IDataObject[]).length).toBe(10);
	});

	test('items with images: at most 10 items', async () => {
		const error = await indiaError(imageOrder(11));
		expect(error.message).toBe('Items has 11 items, the limit is 10 when items have images');
	});

	test('item image cannot be used with a retailer ID', async () => {
		const error = await indiaError((p) => {
			imageOrder(1)(p);
			item(p).retailer_id = 'SKU';
		});
		expect(error.message).toBe('Item 1 > Image URL cannot be used together with a retailer ID');
	});

	test('item image cannot be used with a catalog ID', async () => {
		const error = await indiaError((p) => {
			imageOrder(1)(p);
			order(p).catalog_id = 'CATALOG';
		});
		expect(error.message).toBe('Item 1 > Image URL cannot be used when the order has a catalog ID');
	});

	test('Brazil items need a retailer ID', async () => {
		const p = clone((fixture('orderDetails-br-boleto-40').action as IDataObject).parameters as IDataObject);
		delete item(p).retailer_id;
		const error = await inputError(json(p, 'BR'));
		expect(error.message).toBe('Item 1 > Retailer ID is required');
	});

	test('order status in order details is pending', async () => {
		const error = await indiaError((p) => (order(p).status = 'processing'));
		expect(error.message).toBe('Order Status must be one of pending; got "processing"');
	});

	test('order type is quick_pay', async () => {
		const error = await indiaError((p) => (order(p).type = 'express'));
		expect(error.message).toBe('Order Type must be one of quick_pay; got "express"');
	});

	test('tax is required', async () => {
		const error = await indiaError((p) => delete order(p).tax);
		expect(error.message).toBe('Tax is required as an object { "value": ..., "offset": 100 }');
	});

	test.each([
		['tax', 'Tax Description', 'description'],
		['shipping', 'Shipping Description', 'description'],
		['discount', 'Discount Description', 'description'],
		['discount', 'Discount Program Name', 'discount_program_name'],
	])('%s %s is at most 60 characters', async (part, label, key) => {
		const error = await indiaError((p) => ((order(p)[part] as IDataObject)[key] = 'd'.repeat(61)));
		expect(error.message).toBe(`${label} is too long: 61 characters, the limit is 60`);
	});

	test('expiration is at least 300 seconds ahead', async () => {
		const error = await indiaError((p) => ((order(p).expiration as IDataObject).timestamp = String(NOW / 1000 + 299)));
		expect(error.message).toBe('Expiration must be at least 300 seconds in the future; it is 299 seconds ahead');
	});

	test('expiration exactly 300 seconds ahead is accepted, as a number too', async () => {
		const p = indiaParameters();
		(order(p).expiration as IDataObject).timestamp = NOW / 1000 + 300;
		const result = await orderDetailsMessage.build(params(json(p)), ctx);
		expect((order(parametersOf(result)).expiration as IDataObject).timestamp).toBe(NOW / 1000 + 300);
	});

	test('expiration description is required', async () => {
		const error = await indiaError((p) => delete (order(p).expiration as IDataObject).description);
		expect(error.message).toBe('Expiration Description is required');
	});

	test('expiration description is at most 120 characters', async () => {
		const error = await indiaError((p) => ((order(p).expiration as IDataObject).description = 'e'.repeat(121)));
		expect(error.message).toBe('Expiration Description is too long: 121 characters, the limit is 120');
	});

	test('payment gateway type is one of the four gateways', async () => {
		const error = await indiaError((p) => (gateway(p).type = 'cashfree'));
		expect(error.message).toBe('Payment Gateway must be one of billdesk, razorpay, payu, zaakpay; got "cashfree"');
	});

	test('payment configuration name is at most 60 characters', async () => {
		const error = await indiaError((p) => (gateway(p).configuration_name = 'c'.repeat(61)));
		expect(error.message).toBe('Payment Configuration is too long: 61 characters, the limit is 60');
	});

	test('Razorpay notes: at most 15 keys', async () => {
		const notes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v']));
		const error = await indiaError((p) => (gateway(p).razorpay = { notes }));
		expect(error.message).toBe('Gateway Fields > notes has 16 keys, the limit is 15');
	});

	test('Razorpay notes: values at most 256 characters', async () => {
		const error = await indiaError((p) => (gateway(p).razorpay = { notes: { branch: 'v'.repeat(257) } }));
		expect(error.message).toBe('Gateway Fields > notes > branch is too long: 257 characters, the limit is 256');
	});

	test('Razorpay receipt: 1 to 40 characters', async () => {
		const long = await indiaError((p) => (gateway(p).razorpay = { receipt: 'r'.repeat(41) }));
		expect(long.message).toBe('Gateway Fields > receipt is too long: 41 characters, the limit is 40');
		const empty = await indiaError((p) => (gateway(p).razorpay = { receipt: '' }));
		expect(empty.message).toBe('Gateway Fields > receipt is too short: 0 characters, at least 1 needed');
	});

	test.each([
		['payu', 'udf4', 255],
		['zaakpay', 'extra2', 180],
		['billdesk', 'additional_info7', 120],
	])('%s %s is at most %d characters', async (type, key, max) => {
		const error = await indiaError((p) => {
			gateway(p).type = type;
			gateway(p)[type] = { [key]: 'x'.repeat(max + 1) };
		});
		expect(error.message).toBe(`Gateway Fields > ${key} is too long: ${max + 1} characters, the limit is ${max}`);
	});

	test('gateway fields must belong to the chosen gateway', async () => {
		const error = await indiaError((p) => (gateway(p).payu = { udf1: 'x' }));
		expect(error.message).toBe('Gateway Fields: "payu" fields cannot be used with the Razorpay gateway');
	});

	test('unknown gateway fields are named', async () => {
		const error = await indiaError((p) => {
			gateway(p).type = 'payu';
			gateway(p).payu = { udf5: 'x' };
		});
		expect(error.message).toBe('Gateway Fields > udf5 is not a PayU field; use udf1, udf2, udf3, udf4');
	});

	test('at most one preferred payment method', async () => {
		const error = await indiaError(
			(p) => (gateway(p).preferred_payment_methods = [{ method: 'gpay' }, { method: 'cred' }]),
		);
		expect(error.message).toBe('Preferred Payment Method has 2 entries, the limit is 1');
	});

	test('preferred payment method is a supported UPI app', async () => {
		const error = await indiaError((p) => (gateway(p).preferred_payment_methods = [{ method: 'bhim' }]));
		expect(error.message).toBe(
			'Preferred Payment Method must be one of gpay, phonepe, paytm, amazonpay, cred, mobikwik; got "bhim"',
		);
	});

	test('enabled payment options are upi and web', async () => {
		const error = await indiaError((p) => (gateway(p).enabled_payment_options = ['card']));
		expect(error.message).toBe('Enabled Payment Options must be one of upi, web; got "card"');
	});

	test('UPI intent link starts with upi://pay?', async () => {
		const error = await indiaError(
			(p) => (p.payment_settings = [{ type: 'upi_intent_link', upi_intent_link: { link: 'https://pay' } }]),
		);
		expect(error.message).toBe('UPI Intent Link must start with "upi://pay?"; got "https://pay"');
	});

	test('Docs: UPI intent link carries only pa, pn, mc, purpose and tr (field table of 70)', async () => {
		const link = 'upi://pay?pa=abc@psp&pn=ABC&tr=877376394&am=10.00&cu=INR&mode=00&purpose=00&mc=5399&tn=877376394';
		const error = await indiaError(
			(p) => (p.payment_settings = [{ type: 'upi_intent_link', upi_intent_link: { link } }]),
		);
		expect(error.message).toBe(
			'UPI Intent Link may only contain the parameters pa, pn, mc, purpose, tr; remove am, cu, mode, tn',
		);
	});

	test('payment link is an http(s) URL', async () => {
		const error = await indiaError((p) => {
			p.payment_type = 'upi';
			p.payment_settings = [{ type: 'payment_link', payment_link: { uri: 'rzp.io/x' } }];
		});
		expect(error.message).toBe('Payment Link must be an http:// or https:// URL; got "rzp.io/x"');
	});

	test('India payment links need payment_type upi (71)', async () => {
		const error = await indiaError(
			(p) => (p.payment_settings = [{ type: 'payment_link', payment_link: { uri: 'https://rzp.io/x' } }]),
		);
		expect(error.message).toBe('Payment Type must be one of upi; got ""');
	});

	test('legacy UPI needs a payment configuration', async () => {
		const error = await indiaError((p) => {
			delete p.payment_settings;
			p.payment_type = 'upi';
		});
		expect(error.message).toBe('Payment Configuration is required');
	});

	test('legacy UPI payment configuration is at most 60 characters', async () => {
		const error = await indiaError((p) => {
			delete p.payment_settings;
			p.payment_type = 'upi';
			p.payment_configuration = 'c'.repeat(61);
		});
		expect(error.message).toBe('Payment Configuration is too long: 61 characters, the limit is 60');
	});

	test('India payment settings type is one of the documented ones', async () => {
		const error = await indiaError((p) => (p.payment_settings = [{ type: 'pix_dynamic_code', pix_dynamic_code: {} }]));
		expect(error.message).toBe(
			'Payment Settings > Type must be one of payment_gateway, upi_intent_link, payment_link, razorpay; got "pix_dynamic_code"',
		);
	});

	const brazil = (change: (p: IDataObject) => void) => {
		const p = clone((fixture('orderDetails-br-pix-46').action as IDataObject).parameters as IDataObject);
		change(p);
		return inputError(json(p, 'BR'));
	};

	test('Brazil payment_type is br', async () => {
		const error = await brazil((p) => delete p.payment_type);
		expect(error.message).toBe('Payment Type must be one of br; got ""');
	});

	test('Pix key type is CPF, CNPJ, EMAIL, PHONE or EVP', async () => {
		const error = await brazil(
			(p) => (((p.payment_settings as IDataObject[])[0].pix_dynamic_code as IDataObject).key_type = 'RG'),
		);
		expect(error.message).toBe('Pix > Key Type must be one of CPF, CNPJ, EMAIL, PHONE, EVP; got "RG"');
	});

	test('Pix code is required', async () => {
		const error = await brazil(
			(p) => delete ((p.payment_settings as IDataObject[])[0].pix_dynamic_code as IDataObject).code,
		);
		expect(error.message).toBe('Pix > Code is required');
	});

	test('Boleto digitable line is required', async () => {
		const error = await brazil((p) => (p.payment_settings = [{ type: 'boleto', boleto: {} }]));
		expect(error.message).toBe('Boleto > Digitable Line is required');
	});

	test('Brazil installments: a whole number of 1 or more', async () => {
		const error = await brazil((p) => (p.installment = { max_installment_count: 0 }));
		expect(error.message).toBe('Max Installments must be a whole number of 1 or more; got 0');
	});

	test('Brazil expiration needs a description', async () => {
		const error = await brazil((p) => (order(p).expiration = { timestamp: String(NOW / 1000 + 3600) }));
		expect(error.message).toBe('Expiration Description is required');
	});

	const beneficiary = (change: IDataObject) => (p: IDataObject) =>
		(p.beneficiaries = [
			{
				name: 'Asha',
				address_line1: '12 MG Road',
				city: 'Pune',
				state: 'MH',
				country: 'India',
				postal_code: '411001',
				...change,
			},
		]);

	test('beneficiary name is at most 200 characters', async () => {
		const error = await indiaError(beneficiary({ name: 'n'.repeat(201) }));
		expect(error.message).toBe('Beneficiary 1 > Name is too long: 201 characters, the limit is 200');
	});

	test('beneficiary address lines are at most 100 characters', async () => {
		const error = await indiaError(beneficiary({ address_line2: 'a'.repeat(101) }));
		expect(error.message).toBe('Beneficiary 1 > Address Line 2 is too long: 101 characters, the limit is 100');
	});

	test('beneficiary country is India', async () => {
		const error = await indiaError(beneficiary({ country: 'IN' }));
		expect(error.message).toBe('Beneficiary 1 > Country must be one of India; got "IN"');
	});

	test('beneficiary postal code has 6 digits', async () => {
		const error = await indiaError(beneficiary({ postal_code: '41100' }));
		expect(error.message).toBe('Beneficiary 1 > Postal Code must be 6 digits; got "41100"');
	});

	test('body is required and at most 1024 characters', async () => {
		expect((await inputError({ ...json(indiaParameters()), interactiveBody: '' })).message).toBe('Body is required');
		expect((await inputError({ ...json(indiaParameters()), interactiveBody: 'b'.repeat(1025) })).message).toBe(
			'Body is too long: 1025 characters, the limit is 1024',
		);
	});

	test('footer is at most 60 characters', async () => {
		const error = await inputError({ ...json(indiaParameters()), interactiveFooter: 'f'.repeat(61) });
		expect(error.message).toBe('Footer is too long: 61 characters, the limit is 60');
	});
});
