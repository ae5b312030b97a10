import type { IDataObject } from 'n8n-workflow';

import {
	clone,
	documented,
	expectGraphRefusal,
	expectRefused,
	expectSentTypePart,
	typePart,
	useMessageSandbox,
	type Body,
} from './messageCases';

const interactiveOf = (body: Body): IDataObject => body.interactive as IDataObject;
const parametersOf = (body: Body): IDataObject => (interactiveOf(body).action as IDataObject).parameters as IDataObject;
const textOf = (part: unknown): string => (part as { text: string }).text;

/** The India examples' header links are placeholders ("http(s)://the-url", "your-media-url-link"); a URL stands in. */
const HEADER_LINK_STAND_IN = 'https://example.com/header.jpg';
const sendableLink = (link: unknown): string =>
	/^https?:\/\//.test(String(link)) ? String(link) : HEADER_LINK_STAND_IN;

/** Header, body and footer of a documented order example, as the user sets them. */
function textParts(body: Body): IDataObject {
	const interactive = interactiveOf(body);
	const fields: IDataObject = { interactiveBody: textOf(interactive.body) };
	if (interactive.footer) fields.interactiveFooter = textOf(interactive.footer);
	const image = (interactive.header as IDataObject | undefined)?.image as IDataObject | undefined;
	if (image?.link)
		Object.assign(fields, {
			interactiveHeaderType: 'image',
			interactiveHeaderMediaSource: 'link',
			interactiveHeaderMediaLink: sendableLink(image.link),
		});
	if (image?.id)
		Object.assign(fields, {
			interactiveHeaderType: 'image',
			interactiveHeaderMediaSource: 'id',
			interactiveHeaderMediaId: image.id,
		});
	return fields;
}

/** The type part the node sends for a documented example: without the On-Premises-only header.image.provider (doc 16). */
function expectedPart(body: Body, parameters?: IDataObject): Body {
	const part = clone(typePart(body));
	const interactive = interactiveOf(part);
	const image = (interactive.header as IDataObject | undefined)?.image as IDataObject | undefined;
	if (image) {
		delete image.provider;
		if (image.link) image.link = sendableLink(image.link);
	}
	if (parameters) (interactive.action as IDataObject).parameters = parameters;
	return part;
}

type Amount = { value: number; offset: number };

/**
 * The India examples break the rules their own pages state: the expiration timestamp is the placeholder
 * "utc_timestamp_in_seconds" and the subtotal is not the sum of the items. Repaired as a user must: a real
 * expiration an hour ahead, the subtotal of the items, and the total that follows from it.
 */
function repaired(parameters: IDataObject): IDataObject {
	const fixed = clone(parameters);
	const order = fixed.order as IDataObject;
	const items = order.items as Array<{ amount: Amount; sale_amount?: Amount; quantity: number }>;
	const subtotal = items.reduce((sum, item) => sum + (item.sale_amount ?? item.amount).value * item.quantity, 0);
	const value = (key: string) => (order[key] as Amount | undefined)?.value ?? 0;
	(order.subtotal as Amount).value = subtotal;
	(fixed.total_amount as Amount).value = subtotal + value('tax') + value('shipping') - value('discount');
	(order.expiration as IDataObject).timestamp = String(Math.floor(Date.now() / 1000) + 3600);
	return fixed;
}

const INDIA = [
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
const BRAZIL = [
	'orderDetails-br-orders-payment-link-76',
	'orderDetails-br-pix-46',
	'orderDetails-br-payment-link-53',
	'orderDetails-br-boleto-40',
];

describe('order details through n8n', () => {
	const { send } = useMessageSandbox();

	const jsonFields = (body: Body, country: string, parameters: unknown, checkTotals = true): IDataObject => ({
		...textParts(body),
		orderDetailsCountry: country,
		orderDetailsInput: 'json',
		orderDetailsParametersJson: JSON.stringify(parameters, null, 2),
		...(checkTotals ? {} : { orderDetailsCheckTotals: false }),
	});

	describe('India (docs 18, 56, 70, 71), documented without the envelope', () => {
		test.each(INDIA)(
			'%s as documented, checks off: sent as documented; Graph refuses its placeholder expiration',
			async (name) => {
				const body = documented(name);
				expect(body.messaging_product).toBeUndefined();
				const run = await send('sendOrderDetails', jsonFields(body, 'IN', parametersOf(body), false));
				expect(typePart(run.sends[0].body as Body)).toEqual(expectedPart(body));
				expectGraphRefusal(
					run,
					131009,
					"interactive['action']['parameters']['order']['expiration']['timestamp'] must be a UTC timestamp in seconds",
				);
			},
		);

		test.each(INDIA)('%s as documented, default checks: refused before sending', async (name) => {
			const body = documented(name);
			const run = await send('sendOrderDetails', jsonFields(body, 'IN', parametersOf(body)));
			expectRefused(run, ['Expiration must be a date or a Unix time in seconds; got "utc_timestamp_in_seconds"']);
		});

		test.each(INDIA)('%s with its expiration and subtotal repaired: accepted', async (name) => {
			const body = documented(name);
			const parameters = repaired(parametersOf(body));
			const run = await send('sendOrderDetails', jsonFields(body, 'IN', parameters));
			expectSentTypePart(run, expectedPart(body, parameters));
		});

		test('orderDetails-in-pg-payu-non-catalog-56 (repaired) entered in the form: subtotal and total computed', async () => {
			const body = documented('orderDetails-in-pg-payu-non-catalog-56');
			const parameters = repaired(parametersOf(body));
			const order = parameters.order as IDataObject;
			const expiration = order.expiration as IDataObject;
			const amount = (key: string) => order[key] as IDataObject;
			const items = (order.items as IDataObject[]).map((item) => {
				const address = item.importer_address as IDataObject;
				return {
					name: item.name,
					amount: (item.amount as Amount).value,
					saleAmount: (item.sale_amount as Amount).value,
					quantity: item.quantity,
					countryOfOrigin: item.country_of_origin,
					importerName: item.importer_name,
					importerAddressLine1: address.address_line1,
					importerAddressLine2: address.address_line2,
					importerCity: address.city,
					importerZoneCode: address.zone_code,
					importerPostalCode: address.postal_code,
					importerCountryCode: address.country_code,
				};
			});
			const udf = ((parameters.payment_settings as IDataObject[])[0].payment_gateway as IDataObject)
				.payu as IDataObject;
			const run = await send('sendOrderDetails', {
				...textParts(body),
				orderDetailsReferenceId: parameters.reference_id,
				orderDetailsGoodsType: parameters.type,
				orderDetailsPaymentMethod: 'payment_gateway',
				orderDetailsGateway: 'payu',
				orderDetailsPaymentConfiguration: 'payment-config-id',
				orderDetailsGatewayFields: { udf1: udf.udf1, udf2: udf.udf2, udf3: udf.udf3, udf4: udf.udf4 },
				orderDetailsItems: { item: items },
				orderDetailsTax: amount('tax').value,
				orderDetailsTaxDescription: amount('tax').description,
				orderDetailsOrderOptions: {
					expiration: new Date(Number(expiration.timestamp) * 1000).toISOString(),
					expirationDescription: expiration.description,
					shipping: amount('shipping').value,
					shippingDescription: amount('shipping').description,
					discount: amount('discount').value,
					discountDescription: amount('discount').description,
					discountProgramName: amount('discount').discount_program_name,
				},
			});
			expectSentTypePart(run, expectedPart(body, parameters));
		});

		test('limit: payment configuration name over 60 characters', async () => {
			const run = await send('sendOrderDetails', {
				interactiveBody: 'Please pay',
				orderDetailsReferenceId: 'order-1001',
				orderDetailsPaymentConfiguration: 'c'.repeat(61),
				orderDetailsItems: { item: [{ name: 'Bread', retailerId: 'SKU-1', amount: 10000, quantity: 2 }] },
				orderDetailsOrderOptions: { catalogId: 'CATALOG_ID' },
			});
			expectRefused(run, ['Payment Configuration is too long: 61 characters, the limit is 60']);
		});
	});

	describe('Brazil (docs 76, 46, 53, 40), documented without messaging_product', () => {
		test.each(BRAZIL)('%s as JSON, all checks on', async (name) => {
			const body = documented(name);
			expect(body.messaging_product).toBeUndefined();
			const run = await send('sendOrderDetails', jsonFields(body, 'BR', parametersOf(body)));
			expectSentTypePart(run, typePart(body));
		});

		const payments: Record<string, IDataObject> = {
			'orderDetails-br-orders-payment-link-76': { paymentLink: { uri: 'https://my-payment-link-url' } },
			'orderDetails-br-payment-link-53': { paymentLink: { uri: 'https://my-payment-link-url' } },
			'orderDetails-br-boleto-40': { boleto: { digitableLine: '03399026944140000002628346101018898510000008848' } },
			'orderDetails-br-pix-46': {
				pix: {
					code: '00020101021226700014br.gov.bcb.pix2548pix.example.com...',
					merchantName: 'Account holder name',
					key: '39580525000189',
					keyType: 'CNPJ',
				},
			},
		};

		test.each(BRAZIL)('%s in the form: subtotal and total computed', async (name) => {
			const body = documented(name);
			const run = await send('sendOrderDetails', {
				interactiveBody: textOf(interactiveOf(body).body),
				orderDetailsCountry: 'BR',
				orderDetailsReferenceId: 'unique-reference-id',
				orderDetailsBrazilPayment: payments[name],
				orderDetailsItems: { item: [{ name: 'Cake', retailerId: '1234567', amount: 50000, quantity: 1 }] },
				orderDetailsTaxDescription: 'optional text',
			});
			expectSentTypePart(run, typePart(body));
		});

		test('limit: item name over 60 characters', async () => {
			const run = await send('sendOrderDetails', {
				interactiveBody: 'Pague aqui',
				orderDetailsCountry: 'BR',
				orderDetailsReferenceId: 'pedido-1',
				orderDetailsBrazilPayment: payments['orderDetails-br-boleto-40'],
				orderDetailsItems: { item: [{ name: 'n'.repeat(61), retailerId: '1234567', amount: 50000, quantity: 1 }] },
			});
			expectRefused(run, ['Item 1 > Name is too long: 61 characters, the limit is 60']);
		});
	});
});

describe('order status through n8n', () => {
	const { send } = useMessageSandbox();

	const PLACEHOLDER = 'processing | partially_shipped | shipped | completed | canceled';
	const STATUSES = ['processing', 'partially_shipped', 'shipped', 'completed', 'canceled'];
	const INDIA_STATUS = [
		'orderStatus-in-upi-intent-18',
		'orderStatus-in-pg-56',
		'orderStatus-in-upi-intent-link-70',
		'orderStatus-in-payment-link-71',
	];

	describe.each(INDIA_STATUS)('%s (documented without messaging_product)', (name) => {
		const fields = (status: string): IDataObject => ({
			interactiveBody: 'your-text-body-content',
			orderStatusReferenceId: 'reference-id-value',
			orderStatusStatus: status,
			orderStatusDescription: 'optional-text',
		});

		test('its status is a placeholder listing the five values: refused before sending', async () => {
			const order = parametersOf(documented(name)).order as IDataObject;
			expect(order.status).toBe(PLACEHOLDER);
			expectRefused(await send('sendOrderStatus', fields(PLACEHOLDER)), [
				`Order Status must be one of ${STATUSES.join(', ')}; got "${PLACEHOLDER}"`,
			]);
		});

		test.each(STATUSES)('sent with status %s it equals the example', async (status) => {
			const body = documented(name);
			(parametersOf(body).order as IDataObject).status = status;
			expectSentTypePart(await send('sendOrderStatus', fields(status)), typePart(body));
		});
	});

	test('orderStatus-br-orders-76: with the payment status and its time', async () => {
		const body = documented('orderStatus-br-orders-76');
		const run = await send('sendOrderStatus', {
			interactiveBody: 'your-mandatory-text-body-content',
			interactiveFooter: 'your-optional-text-footer-content',
			orderStatusReferenceId: 'unique-reference-id',
			orderStatusStatus: 'processing',
			orderStatusPaymentStatus: 'captured',
			orderStatusPaymentTimestamp: '2024-07-31T17:00:31.000Z',
		});
		expectSentTypePart(run, typePart(body));
		expect((parametersOf(run.sends[0].body as Body).payment as IDataObject).timestamp).toBe(1722445231);
	});

	test('limit: status description over 120 characters', async () => {
		const run = await send('sendOrderStatus', {
			interactiveBody: 'Cancelled',
			orderStatusReferenceId: 'order-1001',
			orderStatusStatus: 'canceled',
			orderStatusDescription: 'd'.repeat(121),
		});
		expectRefused(run, ['Status Description is too long: 121 characters, the limit is 120']);
	});
});
