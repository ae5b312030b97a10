import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checkOneOf } from '../../shared/InputError';
import { collectionItems, entryString, isObject, text } from '../formValues';
import {
	checkOrderParameters,
	GATEWAY_FIELDS,
	GATEWAY_LABELS,
	GATEWAYS,
	MAX_AMOUNT_DESCRIPTION,
	MAX_BENEFICIARY_ADDRESS_LINE,
	MAX_BENEFICIARY_NAME,
	MAX_EXPIRATION_DESCRIPTION,
	MAX_ITEM_NAME,
	MAX_PAYMENT_CONFIGURATION,
	MAX_RAZORPAY_NOTE_VALUE,
	MAX_RAZORPAY_NOTES,
	MAX_RAZORPAY_RECEIPT,
	orderItem,
	PIX_KEY_TYPES,
	range,
	type Gateway,
	type OrderCountry,
} from './checks';
import { formAmount, itemsSubtotal, orderTotal, toUnixSeconds, type ItemLine } from './math';

/**
 * The order fields of an order_details message and of order details / checkout template buttons (every
 * property name starts with `orderDetails`), and how their values become the action's `parameters`.
 */

// ---------------------------------------------------------------------------------------------------------------
// Form -> parameters
// ---------------------------------------------------------------------------------------------------------------

const nonEmpty = (object: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));

function formItem(given: unknown, index: number): IDataObject {
	const entry = orderItem(given, index);
	// An item already in the API shape (a JSON array from an expression) goes through unchanged.
	if (isObject(entry.amount)) return entry;
	const item: IDataObject = { name: text(entry.name) };
	const label = `Item ${index + 1}`;
	const retailerId = text(entry.retailerId).trim();
	if (retailerId !== '') item.retailer_id = retailerId;
	item.amount = formAmount(`${label} > Amount`, entry.amount);
	if (entry.saleAmount !== undefined && entry.saleAmount !== '' && entry.saleAmount !== 0) {
		item.sale_amount = formAmount(`${label} > Sale Amount`, entry.saleAmount);
	}
	item.quantity = entry.quantity === undefined ? 1 : entry.quantity;
	const imageUrl = text(entry.imageUrl).trim();
	if (imageUrl !== '') item.image = { link: imageUrl };
	const countryOfOrigin = text(entry.countryOfOrigin).trim();
	if (countryOfOrigin !== '') item.country_of_origin = countryOfOrigin;
	const importerName = text(entry.importerName).trim();
	if (importerName !== '') item.importer_name = importerName;
	const address = nonEmpty({
		address_line1: text(entry.importerAddressLine1).trim(),
		address_line2: text(entry.importerAddressLine2).trim(),
		city: text(entry.importerCity).trim(),
		zone_code: text(entry.importerZoneCode).trim(),
		postal_code: text(entry.importerPostalCode).trim(),
		country_code: text(entry.importerCountryCode).trim(),
	});
	if (Object.keys(address).length > 0) item.importer_address = address;
	return item;
}

function formGatewayFields(gateway: Gateway, value: unknown): IDataObject | undefined {
	if (!isObject(value)) return undefined;
	const fields: IDataObject = {};
	if (gateway === 'razorpay') {
		if (text(value.receipt) !== '') fields.receipt = text(value.receipt);
		const notes = collectionItems('Gateway Fields > Notes', value.notes, 'note');
		if (notes.length > 0) {
			fields.notes = Object.fromEntries(notes.map((note) => [entryString(note, 'key'), entryString(note, 'value')]));
		}
	} else {
		const keys = Object.keys(GATEWAY_FIELDS[gateway]);
		for (const key of keys) {
			// Form names are camelCase (additionalInfo1), API names snake_case (additional_info1).
			const formKey = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
			if (text(value[formKey]) !== '') fields[key] = text(value[formKey]);
		}
	}
	return Object.keys(fields).length > 0 ? fields : undefined;
}

function formIndiaPayment(params: IDataObject, parameters: IDataObject): void {
	const method = text(params.orderDetailsPaymentMethod) || 'payment_gateway';
	const preferred = text(params.orderDetailsPreferredPaymentMethod);
	const preferredMethods = preferred !== '' && preferred !== 'none' ? [{ method: preferred }] : undefined;
	if (method === 'payment_gateway') {
		const gateway = checkOneOf('Payment Gateway', text(params.orderDetailsGateway), GATEWAYS);
		const paymentGateway: IDataObject = {
			type: gateway,
			configuration_name: text(params.orderDetailsPaymentConfiguration),
		};
		const fields = formGatewayFields(gateway, params.orderDetailsGatewayFields);
		if (fields) paymentGateway[gateway] = fields;
		if (preferredMethods) paymentGateway.preferred_payment_methods = preferredMethods;
		const enabled = params.orderDetailsEnabledPaymentOptions;
		if (Array.isArray(enabled) && enabled.length > 0) paymentGateway.enabled_payment_options = enabled;
		parameters.payment_settings = [{ type: 'payment_gateway', payment_gateway: paymentGateway }];
	} else if (method === 'upi_intent_link') {
		parameters.payment_settings = [
			{ type: 'upi_intent_link', upi_intent_link: { link: text(params.orderDetailsUpiIntentLink).trim() } },
		];
	} else if (method === 'upi') {
		parameters.payment_type = 'upi';
		parameters.payment_configuration = text(params.orderDetailsPaymentConfiguration);
		if (preferredMethods) parameters.preferred_payment_methods = preferredMethods;
	} else if (method === 'payment_link') {
		parameters.payment_type = 'upi';
		const link = nonEmpty({
			uri: text(params.orderDetailsPaymentLink).trim(),
			success_url: text(params.orderDetailsPaymentLinkSuccessUrl).trim(),
			cancel_url: text(params.orderDetailsPaymentLinkCancelUrl).trim(),
		});
		parameters.payment_settings = [{ type: 'payment_link', payment_link: link }];
	} else {
		checkOneOf('Payment Method', method, ['payment_gateway', 'upi_intent_link', 'upi', 'payment_link']);
	}
}

function formBrazilPayment(params: IDataObject, parameters: IDataObject): void {
	parameters.payment_type = 'br';
	const chosen = isObject(params.orderDetailsBrazilPayment) ? params.orderDetailsBrazilPayment : {};
	const settings: IDataObject[] = [];
	if (isObject(chosen.pix)) {
		settings.push({
			type: 'pix_dynamic_code',
			pix_dynamic_code: {
				code: text(chosen.pix.code),
				merchant_name: text(chosen.pix.merchantName),
				key: text(chosen.pix.key),
				key_type: text(chosen.pix.keyType),
			},
		});
	}
	if (isObject(chosen.paymentLink)) {
		settings.push({ type: 'payment_link', payment_link: { uri: text(chosen.paymentLink.uri).trim() } });
	}
	if (isObject(chosen.boleto)) {
		settings.push({ type: 'boleto', boleto: { digitable_line: text(chosen.boleto.digitableLine).trim() } });
	}
	if (settings.length > 0) parameters.payment_settings = settings;
	const installments = params.orderDetailsMaxInstallments;
	if (installments !== undefined && installments !== '' && installments !== 0) {
		parameters.installment = { max_installment_count: installments };
	}
}

function describedAmount(field: string, value: unknown, description: unknown): IDataObject {
	const amount = formAmount(field, value);
	if (text(description) !== '') amount.description = text(description);
	return amount;
}

/** Builds `parameters` from the form fields; subtotal and total are computed from the items. */
export function formOrderParameters(params: IDataObject, country: OrderCountry): IDataObject {
	const parameters: IDataObject = {
		reference_id: params.orderDetailsReferenceId,
		type: params.orderDetailsGoodsType,
	};
	if (country === 'IN') formIndiaPayment(params, parameters);
	else formBrazilPayment(params, parameters);
	parameters.currency = country === 'IN' ? 'INR' : 'BRL';

	const items = collectionItems('Items', params.orderDetailsItems, 'item').map(formItem);
	const options = isObject(params.orderDetailsOrderOptions) ? params.orderDetailsOrderOptions : {};
	const order: IDataObject = { status: 'pending' };
	const catalogId = text(options.catalogId).trim();
	if (catalogId !== '') order.catalog_id = catalogId;
	if (country === 'IN' && options.quickPay === true) order.type = 'quick_pay';
	if (options.expiration !== undefined && options.expiration !== '') {
		order.expiration = {
			timestamp: String(toUnixSeconds('Expiration', options.expiration)),
			description: text(options.expirationDescription),
		};
	}
	order.items = items;
	const tax = describedAmount('Tax', params.orderDetailsTax ?? 0, params.orderDetailsTaxDescription);
	const shipping =
		options.shipping === undefined
			? undefined
			: describedAmount('Shipping', options.shipping, options.shippingDescription);
	const discount =
		options.discount === undefined
			? undefined
			: describedAmount('Discount', options.discount, options.discountDescription);
	if (discount && text(options.discountProgramName) !== '')
		discount.discount_program_name = text(options.discountProgramName);

	// Items that are not yet valid are reported by checkOrderParameters; the sums here only need numbers.
	const lines: ItemLine[] = items.map((item) => ({
		amount: Number((item.amount as IDataObject | undefined)?.value ?? 0),
		saleAmount: isObject(item.sale_amount) ? Number(item.sale_amount.value) : undefined,
		quantity: Number(item.quantity),
	}));
	const subtotal = itemsSubtotal(lines);
	order.subtotal = { value: subtotal, offset: 100 };
	order.tax = tax;
	if (shipping) order.shipping = shipping;
	if (discount) order.discount = discount;
	parameters.total_amount = {
		value: orderTotal(subtotal, tax.value as number, shipping?.value as number, discount?.value as number),
		offset: 100,
	};
	parameters.order = order;

	if (country === 'IN') {
		const beneficiaries = collectionItems('Beneficiaries', params.orderDetailsBeneficiaries, 'beneficiary');
		if (beneficiaries.length > 0) {
			parameters.beneficiaries = beneficiaries.map((entry) =>
				isObject(entry) && entry.address_line1 !== undefined
					? entry
					: nonEmpty({
							name: entryString(entry, 'name'),
							address_line1: entryString(entry, 'addressLine1'),
							address_line2: entryString(entry, 'addressLine2'),
							city: entryString(entry, 'city'),
							state: entryString(entry, 'state'),
							country: 'India',
							postal_code: entryString(entry, 'postalCode'),
						}),
			);
		}
	}
	return parameters;
}

/** The country chosen in the order fields: India unless Brazil. */
export function orderCountry(params: IDataObject): OrderCountry {
	return checkOneOf<OrderCountry>('Country', text(params.orderDetailsCountry) || 'IN', ['IN', 'BR']);
}

/** The order's `parameters`: the JSON given whole, or built from the form; checked either way. */
export function orderParameters(params: IDataObject, country: OrderCountry = orderCountry(params)): IDataObject {
	if (params.orderDetailsInput === 'json') {
		return checkOrderParameters(params.orderDetailsParametersJson, country, {
			checkTotals: params.orderDetailsCheckTotals !== false,
		});
	}
	return checkOrderParameters(formOrderParameters(params, country), country, { checkTotals: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Form fields
// ---------------------------------------------------------------------------------------------------------------

const IN_ONLY = { '/orderDetailsCountry': ['IN'] };

const form = (show: IDataObject = {}) =>
	({ show: { orderDetailsInput: ['form'], ...show } }) as INodeProperties['displayOptions'];

const AMOUNT_HINT = 'in the smallest currency unit (paise or centavos): 12.34 is 1234';

const JSON_EXAMPLE = JSON.stringify(
	{
		reference_id: 'order-1001',
		type: 'digital-goods',
		payment_settings: [
			{
				type: 'upi_intent_link',
				upi_intent_link: { link: 'upi://pay?pa=merchant@bank&pn=Merchant&mc=5399&purpose=00&tr=order-1001' },
			},
		],
		currency: 'INR',
		total_amount: { value: 21000, offset: 100 },
		order: {
			status: 'pending',
			catalog_id: 'CATALOG_ID',
			items: [{ retailer_id: 'SKU-1', name: 'Bread', amount: { value: 10000, offset: 100 }, quantity: 2 }],
			subtotal: { value: 20000, offset: 100 },
			tax: { value: 1000, offset: 100, description: 'GST' },
		},
	},
	null,
	2,
);

const gatewayField = (gateway: Gateway, displayName: string, name: string, max: number): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	displayOptions: { show: { '/orderDetailsGateway': [gateway] } },
	description: `${GATEWAY_LABELS[gateway]} only: passed on to the gateway and returned in payment updates, up to ${max} characters`,
});

export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'orderDetailsCountry',
		type: 'options',
		options: [
			{ name: 'India (INR)', value: 'IN' },
			{ name: 'Brazil (BRL)', value: 'BR' },
		],
		default: 'IN',
		description: 'Country of the business and the buyer; decides the currency and the payment methods',
	},
	{
		displayName: 'Define Order',
		name: 'orderDetailsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'form' },
			{ name: 'Using JSON', value: 'json', description: 'The whole action "parameters" object as the API expects it' },
		],
		default: 'form',
		description: 'Whether to fill in the order in the form or give the whole parameters object as JSON',
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'orderDetailsParametersJson',
		type: 'json',
		default: JSON_EXAMPLE,
		required: true,
		displayOptions: { show: { orderDetailsInput: ['json'] } },
		description:
			'The action "parameters" object: reference_id, type, payment settings, currency, total_amount, order. Checked like the form before sending.',
	},
	{
		displayName: 'Check Totals and Expiration',
		name: 'orderDetailsCheckTotals',
		type: 'boolean',
		default: true,
		displayOptions: { show: { orderDetailsInput: ['json'] } },
		description:
			'Whether to stop before sending when the subtotal is not the sum of the items, the total is not subtotal + tax + shipping - discount, or the expiration is not a Unix time at least 300 seconds ahead',
	},
	{
		displayName: 'Reference ID',
		name: 'orderDetailsReferenceId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: form(),
		description:
			'Unique ID of this order details message, up to 35 characters: English letters, digits, "_", "-" and ".". Add a suffix like "-2" when resending for the same order.',
	},
	{
		displayName: 'Goods Type',
		name: 'orderDetailsGoodsType',
		type: 'options',
		options: [
			{ name: 'Digital Goods', value: 'digital-goods' },
			{ name: 'Physical Goods', value: 'physical-goods' },
		],
		default: 'digital-goods',
		displayOptions: form(),
		description: 'Type of goods paid for in this order',
	},
	{
		displayName: 'Payment Method',
		name: 'orderDetailsPaymentMethod',
		type: 'options',
		options: [
			{
				name: 'Payment Gateway',
				value: 'payment_gateway',
				description: 'BillDesk, Razorpay, PayU or Zaakpay linked to your account',
			},
			{
				name: 'UPI Intent Link',
				value: 'upi_intent_link',
				description: 'A UPI intent from your payment gateway (recommended for UPI)',
			},
			{ name: 'UPI Payment Configuration (Legacy)', value: 'upi', description: 'A UPI payment configuration by name' },
			{
				name: 'Payment Link',
				value: 'payment_link',
				description: 'A payment link from your gateway (not publicly available)',
			},
		],
		default: 'payment_gateway',
		displayOptions: form({ orderDetailsCountry: ['IN'] }),
		description: 'How the buyer pays',
	},
	{
		displayName: 'Payment Gateway',
		name: 'orderDetailsGateway',
		type: 'options',
		options: GATEWAYS.map((gateway) => ({ name: GATEWAY_LABELS[gateway], value: gateway })),
		default: 'razorpay',
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_gateway'] }),
		description: 'Gateway of the payment configuration',
	},
	{
		displayName: 'Payment Configuration',
		name: 'orderDetailsPaymentConfiguration',
		type: 'string',
		default: '',
		required: true,
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_gateway', 'upi'] }),
		description: `Name of the payment configuration set up in WhatsApp Manager, up to ${MAX_PAYMENT_CONFIGURATION} characters. A wrong name leaves the buyer unable to pay.`,
	},
	{
		displayName: 'Gateway Fields',
		name: 'orderDetailsGatewayFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_gateway'] }),
		description: 'Extra values passed to the gateway with the order and returned in payment updates',
		options: [
			{
				...gatewayField('razorpay', 'Receipt', 'receipt', MAX_RAZORPAY_RECEIPT),
				description: `Razorpay only: your receipt number for this order, 1 to ${MAX_RAZORPAY_RECEIPT} characters`,
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Note',
				default: {},
				displayOptions: { show: { '/orderDetailsGateway': ['razorpay'] } },
				description: `Razorpay only: up to ${MAX_RAZORPAY_NOTES} key-value notes, values up to ${MAX_RAZORPAY_NOTE_VALUE} characters`,
				options: [
					{
						displayName: 'Note',
						name: 'note',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Name of the note' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value of the note' },
						],
					},
				],
			},
			...range('', 4).map((n) => gatewayField('payu', `UDF ${n}`, `udf${n}`, 255)),
			...range('', 2).map((n) => gatewayField('zaakpay', `Extra ${n}`, `extra${n}`, 180)),
			...range('', 7).map((n) => gatewayField('billdesk', `Additional Info ${n}`, `additionalInfo${n}`, 120)),
		],
	},
	{
		displayName: 'Preferred Payment Method',
		name: 'orderDetailsPreferredPaymentMethod',
		type: 'options',
		options: [
			{ name: 'Amazon Pay', value: 'amazonpay' },
			{ name: 'CRED', value: 'cred' },
			{ name: 'Google Pay', value: 'gpay' },
			{ name: 'Mobikwik', value: 'mobikwik' },
			{ name: 'None', value: 'none' },
			{ name: 'PayTm', value: 'paytm' },
			{ name: 'PhonePe', value: 'phonepe' },
		],
		default: 'none',
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_gateway', 'upi'] }),
		description: 'UPI app shown first when the buyer picks a payment app (WhatsApp 2.24.21.0 and later)',
	},
	{
		displayName: 'Enabled Payment Options',
		name: 'orderDetailsEnabledPaymentOptions',
		type: 'multiOptions',
		options: [
			{ name: 'UPI', value: 'upi', description: 'Only UPI apps' },
			{ name: 'Web', value: 'web', description: "The gateway's web page with its payment options" },
		],
		default: [],
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_gateway'] }),
		description:
			'Restrict the payment options shown at checkout; none selected shows all (WhatsApp 2.24.22.4 and later)',
	},
	{
		displayName: 'UPI Intent Link',
		name: 'orderDetailsUpiIntentLink',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'upi://pay?pa=merchant@bank&pn=Merchant&mc=5399&purpose=00&tr=order-1001',
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['upi_intent_link'] }),
		description: 'UPI intent from your payment gateway, with only the parameters pa, pn, mc, purpose and tr',
	},
	{
		displayName: 'Payment Link',
		name: 'orderDetailsPaymentLink',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://rzp.io/i/rNiAagU8y',
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_link'] }),
		description: 'Payment link generated by your gateway for this reference ID and amount',
	},
	{
		displayName: 'Payment Link Success URL',
		name: 'orderDetailsPaymentLinkSuccessUrl',
		type: 'string',
		default: '',
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_link'] }),
		description: 'Optional URL that ends the in-app payment flow as successful when reached',
	},
	{
		displayName: 'Payment Link Cancel URL',
		name: 'orderDetailsPaymentLinkCancelUrl',
		type: 'string',
		default: '',
		displayOptions: form({ orderDetailsCountry: ['IN'], orderDetailsPaymentMethod: ['payment_link'] }),
		description: 'Optional URL that ends the in-app payment flow as failed when reached',
	},
	{
		displayName: 'Payment Methods',
		name: 'orderDetailsBrazilPayment',
		type: 'fixedCollection',
		placeholder: 'Add Payment Method',
		default: {},
		displayOptions: form({ orderDetailsCountry: ['BR'] }),
		description: 'Ways the buyer can pay; add any of them',
		options: [
			{
				displayName: 'Pix (Dynamic Code)',
				name: 'pix',
				values: [
					{
						displayName: 'Code',
						name: 'code',
						type: 'string',
						default: '',
						required: true,
						description: 'Dynamic Pix code the buyer copies',
					},
					{
						displayName: 'Merchant Name',
						name: 'merchantName',
						type: 'string',
						default: '',
						required: true,
						description: 'Account holder name shown to the buyer',
					},
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						required: true,
						description: 'Pix key shown to the buyer',
					},
					{
						displayName: 'Key Type',
						name: 'keyType',
						type: 'options',
						options: PIX_KEY_TYPES.map((keyType) => ({ name: keyType, value: keyType })),
						default: 'CNPJ',
						description: 'Type of the Pix key',
					},
				],
			},
			{
				displayName: 'Payment Link',
				name: 'paymentLink',
				values: [
					{
						displayName: 'URL',
						name: 'uri',
						type: 'string',
						default: '',
						required: true,
						description: 'Payment link opened in the browser',
					},
				],
			},
			{
				displayName: 'Boleto',
				name: 'boleto',
				values: [
					{
						displayName: 'Digitable Line',
						name: 'digitableLine',
						type: 'string',
						default: '',
						required: true,
						description: 'Boleto code copied when the buyer taps the Boleto button',
					},
				],
			},
		],
	},
	{
		displayName: 'Max Installments',
		name: 'orderDetailsMaxInstallments',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: form({ orderDetailsCountry: ['BR'] }),
		description: 'Maximum number of monthly card installments the buyer may choose; 0 for none',
	},
	{
		displayName: 'Items',
		name: 'orderDetailsItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		required: true,
		displayOptions: form(),
		description:
			'Items of the order (at least one; at most 10 when items have images). From an expression, a JSON array of items as the API expects them is also accepted.',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						default: 0,
						description: `Price per unit ${AMOUNT_HINT}`,
					},
					{
						displayName: 'Country of Origin',
						name: 'countryOfOrigin',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Required when the order has no catalog ID',
					},
					{
						displayName: 'Image URL',
						name: 'imageUrl',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Optional JPEG or PNG shown for the item; not with a retailer ID or catalog ID',
					},
					{
						displayName: 'Importer Address Line 1',
						name: 'importerAddressLine1',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Importer address; required when the order has no catalog ID',
					},
					{
						displayName: 'Importer Address Line 2',
						name: 'importerAddressLine2',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Importer address, second line',
					},
					{
						displayName: 'Importer City',
						name: 'importerCity',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'City of the importer',
					},
					{
						displayName: 'Importer Country Code',
						name: 'importerCountryCode',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Country code of the importer, e.g. IN',
					},
					{
						displayName: 'Importer Name',
						name: 'importerName',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Required when the order has no catalog ID',
					},
					{
						displayName: 'Importer Postal Code',
						name: 'importerPostalCode',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Postal code of the importer',
					},
					{
						displayName: 'Importer Zone Code',
						name: 'importerZoneCode',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'State or zone code of the importer, e.g. DL',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
						description: `Item name shown to the buyer, up to ${MAX_ITEM_NAME} characters`,
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'Number of units (whole number)',
					},
					{
						displayName: 'Retailer ID',
						name: 'retailerId',
						type: 'string',
						default: '',
						description: 'Content ID of the item in your catalog; required in Brazil',
					},
					{
						displayName: 'Sale Amount',
						name: 'saleAmount',
						type: 'number',
						default: 0,
						description: `Discounted price per unit ${AMOUNT_HINT}, less than the amount; 0 for none`,
					},
				],
			},
		],
	},
	{
		displayName: 'Tax',
		name: 'orderDetailsTax',
		type: 'number',
		default: 0,
		displayOptions: form(),
		description: `Tax for the whole order ${AMOUNT_HINT}; 0 hides the tax line`,
	},
	{
		displayName: 'Tax Description',
		name: 'orderDetailsTaxDescription',
		type: 'string',
		default: '',
		displayOptions: form(),
		description: `Optional label of the tax line, up to ${MAX_AMOUNT_DESCRIPTION} characters`,
	},
	{
		displayName: 'Order Options',
		name: 'orderDetailsOrderOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: form(),
		description:
			'Optional parts of the order. Subtotal and total are computed from the items, tax, shipping and discount.',
		options: [
			{
				displayName: 'Catalog ID',
				name: 'catalogId',
				type: 'string',
				default: '',
				description:
					'Catalog the items come from. Without it, India items need country of origin and importer details.',
			},
			{
				displayName: 'Discount',
				name: 'discount',
				type: 'number',
				default: 0,
				description: `Discount on the order ${AMOUNT_HINT}`,
			},
			{
				displayName: 'Discount Description',
				name: 'discountDescription',
				type: 'string',
				default: '',
				description: `Label of the discount, up to ${MAX_AMOUNT_DESCRIPTION} characters`,
			},
			{
				displayName: 'Discount Program Name',
				name: 'discountProgramName',
				type: 'string',
				default: '',
				description: `Name of the incentive program, up to ${MAX_AMOUNT_DESCRIPTION} characters`,
			},
			{
				displayName: 'Expiration',
				name: 'expiration',
				type: 'dateTime',
				default: '',
				description: 'When the order expires and can no longer be paid; at least 5 minutes from now',
			},
			{
				displayName: 'Expiration Description',
				name: 'expirationDescription',
				type: 'string',
				default: '',
				description: `Text explaining the expiration, up to ${MAX_EXPIRATION_DESCRIPTION} characters; required with an expiration`,
			},
			{
				displayName: 'Quick Pay',
				name: 'quickPay',
				type: 'boolean',
				default: false,
				displayOptions: { show: IN_ONLY },
				description: 'Whether to show only a "Pay Now" button instead of "Review and Pay"',
			},
			{
				displayName: 'Shipping',
				name: 'shipping',
				type: 'number',
				default: 0,
				description: `Shipping cost ${AMOUNT_HINT}`,
			},
			{
				displayName: 'Shipping Description',
				name: 'shippingDescription',
				type: 'string',
				default: '',
				description: `Label of the shipping line, up to ${MAX_AMOUNT_DESCRIPTION} characters`,
			},
		],
	},
	{
		displayName: 'Beneficiaries',
		name: 'orderDetailsBeneficiaries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Beneficiary',
		default: {},
		displayOptions: form({ orderDetailsCountry: ['IN'] }),
		description:
			'Who receives shipped physical goods (not shown to the buyer; needed for compliance). Country is India.',
		options: [
			{
				displayName: 'Beneficiary',
				name: 'beneficiary',
				values: [
					{
						displayName: 'Address Line 1',
						name: 'addressLine1',
						type: 'string',
						default: '',
						required: true,
						description: `Door/tower number, street, up to ${MAX_BENEFICIARY_ADDRESS_LINE} characters`,
					},
					{
						displayName: 'Address Line 2',
						name: 'addressLine2',
						type: 'string',
						default: '',
						description: `Landmark, area, up to ${MAX_BENEFICIARY_ADDRESS_LINE} characters`,
					},
					{
						displayName: 'City',
						name: 'city',
						type: 'string',
						default: '',
						required: true,
						description: 'City of the beneficiary',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
						description: `Person or business receiving the goods, up to ${MAX_BENEFICIARY_NAME} characters`,
					},
					{
						displayName: 'Postal Code',
						name: 'postalCode',
						type: 'string',
						default: '',
						required: true,
						description: '6-digit PIN code',
					},
					{
						displayName: 'State',
						name: 'state',
						type: 'string',
						default: '',
						required: true,
						description: 'State of the beneficiary',
					},
				],
			},
		],
	},
];
