import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import {
	bodyProperty,
	buildBody,
	buildFooter,
	buildHeader,
	collectionItems,
	entryString,
	footerProperty,
	headerProperties,
	interactiveMessage,
	requireHttpUrl,
	type HeaderKind,
} from './interactiveParts';
import {
	checkAmount,
	checkExpirationAhead,
	checkReferenceId,
	checkSubtotal,
	checkTotal,
	formAmount,
	isObject,
	itemsSubtotal,
	orderTotal,
	toUnixSeconds,
	type Amount,
	type ItemLine,
} from './orderMath';
import { checkCount, checkLength, checkOneOf, InputError, parseJsonInput, requireText } from '../../shared/InputError';

/**
 * order_details ("review and pay"): India (docs 18 legacy UPI, 56 payment gateways, 70 UPI intent link,
 * 71 payment links) and Brazil (docs 76 orders, 46 Pix, 53 payment links, 40 Boleto).
 * The form builds the `parameters` object; the JSON mode takes it whole. Both go through the same checks.
 */

export type OrderCountry = 'IN' | 'BR';

export const MAX_PAYMENT_CONFIGURATION = 60;
export const MAX_ITEM_NAME = 60;
export const MAX_ITEMS_WITH_IMAGES = 10;
export const MAX_AMOUNT_DESCRIPTION = 60;
export const MAX_EXPIRATION_DESCRIPTION = 120;
export const MAX_BENEFICIARY_NAME = 200;
export const MAX_BENEFICIARY_ADDRESS_LINE = 100;
export const MAX_RAZORPAY_NOTES = 15;
export const MAX_RAZORPAY_NOTE_VALUE = 256;
export const MAX_RAZORPAY_RECEIPT = 40;
export const MAX_PREFERRED_PAYMENT_METHODS = 1;

export const GOODS_TYPES = ['digital-goods', 'physical-goods'] as const;
export const GATEWAYS = ['billdesk', 'razorpay', 'payu', 'zaakpay'] as const;
export type Gateway = (typeof GATEWAYS)[number];
export const UPI_APPS = ['gpay', 'phonepe', 'paytm', 'amazonpay', 'cred', 'mobikwik'] as const;
export const PAYMENT_OPTIONS = ['upi', 'web'] as const;
export const PIX_KEY_TYPES = ['CPF', 'CNPJ', 'EMAIL', 'PHONE', 'EVP'] as const;
export const UPI_INTENT_PARAMS = ['pa', 'pn', 'mc', 'purpose', 'tr'] as const;
const INDIA_PAYMENT_SETTINGS = ['payment_gateway', 'upi_intent_link', 'payment_link', 'razorpay'] as const;
const BRAZIL_PAYMENT_SETTINGS = ['pix_dynamic_code', 'payment_link', 'boleto'] as const;

const GATEWAY_LABELS: Record<Gateway, string> = { billdesk: 'BillDesk', razorpay: 'Razorpay', payu: 'PayU', zaakpay: 'Zaakpay' };

const range = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/** Gateway-specific fields (doc 56, "BillDesk, RazorPay, PayU and Zaakpay fields"): key -> max length. */
const GATEWAY_FIELDS: Record<Gateway, Record<string, number>> = {
	billdesk: Object.fromEntries(range('additional_info', 7).map((key) => [key, 120])),
	razorpay: { receipt: MAX_RAZORPAY_RECEIPT, notes: MAX_RAZORPAY_NOTE_VALUE },
	payu: Object.fromEntries(range('udf', 4).map((key) => [key, 255])),
	zaakpay: Object.fromEntries(range('extra', 2).map((key) => [key, 180])),
};

// Docs: header image only; the `image.provider` of the India examples (18, 56, 71) is On-Premises only per
// reference page 16, so the node never sends it.
const HEADER_KINDS: readonly HeaderKind[] = ['image'];

const PARAMETERS_JSON_LABEL = 'Parameters (JSON)';

export interface OrderCheckOptions {
	/** Whether subtotal/total must add up and the expiration must be a Unix time at least 300 s ahead. */
	checkTotals: boolean;
	/** "Now" in milliseconds, for tests. */
	now?: number;
}

const text = (value: unknown): string =>
	value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);

function requireObject(field: string, value: unknown): IDataObject {
	if (!isObject(value)) throw new InputError(field, `${field} is required as an object`);
	return value;
}

function requireList(field: string, value: unknown): unknown[] {
	if (!Array.isArray(value)) throw new InputError(field, `${field} must be a list (JSON array)`);
	return value;
}

function optionalLength(field: string, value: unknown, max: number): void {
	if (value === undefined || value === null) return;
	checkLength(field, text(value), max);
}

// ---------------------------------------------------------------------------------------------------------------
// Checks of the `parameters` object (JSON mode and form mode alike)
// ---------------------------------------------------------------------------------------------------------------

function checkPreferredMethods(value: unknown): void {
	const methods = requireList('Preferred Payment Method', value);
	checkCount('Preferred Payment Method', methods, 1, MAX_PREFERRED_PAYMENT_METHODS, 'entries');
	for (const entry of methods) {
		checkOneOf('Preferred Payment Method', entryString(entry, 'method'), UPI_APPS);
	}
}

function checkEnabledOptions(value: unknown): void {
	const options = requireList('Enabled Payment Options', value);
	checkCount('Enabled Payment Options', options, 1, PAYMENT_OPTIONS.length, 'entries');
	const seen = new Set<string>();
	for (const option of options) {
		const name = checkOneOf('Enabled Payment Options', text(option), PAYMENT_OPTIONS);
		if (seen.has(name)) throw new InputError('Enabled Payment Options', `Enabled Payment Options lists "${name}" twice`);
		seen.add(name);
	}
}

function checkGatewayFields(gateway: Gateway, value: unknown): void {
	const fields = requireObject(`Gateway Fields (${GATEWAY_LABELS[gateway]})`, value);
	const limits = GATEWAY_FIELDS[gateway];
	for (const [key, fieldValue] of Object.entries(fields)) {
		const label = `Gateway Fields > ${key}`;
		if (!(key in limits)) {
			throw new InputError(
				label,
				`${label} is not a ${GATEWAY_LABELS[gateway]} field; use ${Object.keys(limits).join(', ')}`,
			);
		}
		if (key === 'notes') {
			const notes = requireObject(label, fieldValue);
			const keys = Object.keys(notes);
			if (keys.length > MAX_RAZORPAY_NOTES) {
				throw new InputError(label, `${label} has ${keys.length} keys, the limit is ${MAX_RAZORPAY_NOTES}`);
			}
			for (const noteKey of keys) checkLength(`${label} > ${noteKey}`, text(notes[noteKey]), limits.notes);
		} else if (key === 'receipt') {
			checkLength(label, text(fieldValue), limits.receipt, 1);
		} else {
			checkLength(label, text(fieldValue), limits[key]);
		}
	}
}

function checkUpiIntentLink(value: unknown): void {
	const link = requireText('UPI Intent Link', value).trim();
	if (!link.startsWith('upi://pay?')) {
		throw new InputError('UPI Intent Link', `UPI Intent Link must start with "upi://pay?"; got "${link}"`);
	}
	// Docs: 70's field table supports only pa, pn, mc, purpose and tr, although its step 1 suggests passing
	// the gateway's whole intent (with am, cu, tn...); we follow the table and name the extra parameters.
	const names = link
		.slice('upi://pay?'.length)
		.split('&')
		.filter((part) => part !== '')
		.map((part) => part.split('=')[0]);
	const extra = names.filter((name) => !(UPI_INTENT_PARAMS as readonly string[]).includes(name));
	if (extra.length > 0) {
		throw new InputError(
			'UPI Intent Link',
			`UPI Intent Link may only contain the parameters ${UPI_INTENT_PARAMS.join(', ')}; remove ${extra.join(', ')}`,
		);
	}
}

/** Docs: `payment_settings` is described as an "object" (56) but every example sends an array; we send an array. */
function paymentSettingsList(parameters: IDataObject): unknown[] {
	const settings = parameters.payment_settings;
	if (isObject(settings)) parameters.payment_settings = [settings];
	return requireList('Payment Settings', parameters.payment_settings);
}

function checkIndiaPayment(parameters: IDataObject): void {
	if (parameters.payment_settings === undefined) {
		// Legacy UPI intent (doc 18): payment_type + payment_configuration.
		checkOneOf('Payment Type', text(parameters.payment_type), ['upi']);
		const configuration = requireText('Payment Configuration', parameters.payment_configuration);
		checkLength('Payment Configuration', configuration, MAX_PAYMENT_CONFIGURATION);
	} else {
		const settings = paymentSettingsList(parameters);
		checkCount('Payment Settings', settings, 1, Number.MAX_SAFE_INTEGER, 'entries');
		for (const entry of settings) {
			const setting = requireObject('Payment Settings', entry);
			const type = checkOneOf('Payment Settings > Type', text(setting.type), INDIA_PAYMENT_SETTINGS);
			if (type === 'payment_gateway') {
				const gateway = requireObject('Payment Gateway', setting.payment_gateway);
				const gatewayType = checkOneOf('Payment Gateway', text(gateway.type), GATEWAYS);
				const configuration = requireText('Payment Configuration', gateway.configuration_name);
				checkLength('Payment Configuration', configuration, MAX_PAYMENT_CONFIGURATION);
				for (const other of GATEWAYS) {
					if (other !== gatewayType && gateway[other] !== undefined) {
						throw new InputError(
							'Gateway Fields',
							`Gateway Fields: "${other}" fields cannot be used with the ${GATEWAY_LABELS[gatewayType]} gateway`,
						);
					}
				}
				if (gateway[gatewayType] !== undefined) checkGatewayFields(gatewayType, gateway[gatewayType]);
				if (gateway.preferred_payment_methods !== undefined) checkPreferredMethods(gateway.preferred_payment_methods);
				if (gateway.enabled_payment_options !== undefined) checkEnabledOptions(gateway.enabled_payment_options);
			} else if (type === 'upi_intent_link') {
				checkUpiIntentLink(requireObject('UPI Intent Link', setting.upi_intent_link).link);
			} else if (type === 'payment_link') {
				const link = requireObject('Payment Link', setting.payment_link);
				requireHttpUrl('Payment Link', link.uri);
				if (link.success_url !== undefined) requireHttpUrl('Payment Link Success URL', link.success_url);
				if (link.cancel_url !== undefined) requireHttpUrl('Payment Link Cancel URL', link.cancel_url);
				// Doc 71: payment links also need payment_type "upi".
				checkOneOf('Payment Type', text(parameters.payment_type), ['upi']);
			} else {
				// Razorpay third-party validation (doc 56, alpha).
				const razorpay = requireObject('Razorpay', setting.razorpay);
				requireText('Razorpay > Encrypted Payment Gateway Data', razorpay.encrypted_payment_gateway_data);
			}
		}
		if (parameters.payment_type !== undefined) checkOneOf('Payment Type', text(parameters.payment_type), ['upi']);
	}
	// Docs: preferred_payment_methods sits inside payment_gateway in 56 and directly in parameters in 18;
	// both places are accepted, and the form uses the place each page shows for its variant.
	if (parameters.preferred_payment_methods !== undefined) checkPreferredMethods(parameters.preferred_payment_methods);
}

function checkBrazilPayment(parameters: IDataObject): void {
	checkOneOf('Payment Type', text(parameters.payment_type), ['br']);
	if (parameters.payment_settings !== undefined) {
		for (const entry of paymentSettingsList(parameters)) {
			const setting = requireObject('Payment Settings', entry);
			const type = checkOneOf('Payment Settings > Type', text(setting.type), BRAZIL_PAYMENT_SETTINGS);
			if (type === 'pix_dynamic_code') {
				const pix = requireObject('Pix', setting.pix_dynamic_code);
				requireText('Pix > Code', pix.code);
				requireText('Pix > Merchant Name', pix.merchant_name);
				requireText('Pix > Key', pix.key);
				checkOneOf('Pix > Key Type', text(pix.key_type), PIX_KEY_TYPES);
			} else if (type === 'payment_link') {
				requireHttpUrl('Payment Link', requireObject('Payment Link', setting.payment_link).uri);
			} else {
				requireText('Boleto > Digitable Line', requireObject('Boleto', setting.boleto).digitable_line);
			}
		}
	}
	if (parameters.installment !== undefined) {
		const count = requireObject('Max Installments', parameters.installment).max_installment_count;
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
			throw new InputError(
				'Max Installments',
				`Max Installments must be a whole number of 1 or more; got ${JSON.stringify(count)}`,
			);
		}
	}
}

function checkBeneficiaries(value: unknown): void {
	requireList('Beneficiaries', value).forEach((entry, index) => {
		const label = `Beneficiary ${index + 1}`;
		const beneficiary = requireObject(label, entry);
		checkLength(`${label} > Name`, requireText(`${label} > Name`, beneficiary.name), MAX_BENEFICIARY_NAME);
		checkLength(
			`${label} > Address Line 1`,
			requireText(`${label} > Address Line 1`, beneficiary.address_line1),
			MAX_BENEFICIARY_ADDRESS_LINE,
		);
		optionalLength(`${label} > Address Line 2`, beneficiary.address_line2, MAX_BENEFICIARY_ADDRESS_LINE);
		requireText(`${label} > City`, beneficiary.city);
		requireText(`${label} > State`, beneficiary.state);
		checkOneOf(`${label} > Country`, text(beneficiary.country), ['India']);
		const postalCode = text(beneficiary.postal_code);
		if (!/^\d{6}$/.test(postalCode)) {
			throw new InputError(`${label} > Postal Code`, `${label} > Postal Code must be 6 digits; got "${postalCode}"`);
		}
	});
}

function checkDescribedAmount(field: string, value: unknown, extra: string[] = []): Amount {
	const amount = checkAmount(field, value);
	const object = value as IDataObject;
	optionalLength(`${field} Description`, object.description, MAX_AMOUNT_DESCRIPTION);
	for (const key of extra) optionalLength('Discount Program Name', object[key], MAX_AMOUNT_DESCRIPTION);
	return amount;
}

function checkOrder(value: unknown, country: OrderCountry, total: Amount, options: OrderCheckOptions): void {
	const order = requireObject('Order', value);
	checkOneOf('Order Status', text(order.status), ['pending']);
	if (country === 'IN' && order.type !== undefined) checkOneOf('Order Type', text(order.type), ['quick_pay']);
	const hasCatalog = order.catalog_id !== undefined;
	if (hasCatalog) requireText('Catalog ID', order.catalog_id);

	const items = requireList('Items', order.items);
	checkCount('Items', items, 1, Number.MAX_SAFE_INTEGER, 'items');
	let withImages = false;
	const lines: ItemLine[] = items.map((entry, index) => {
		const label = `Item ${index + 1}`;
		const item = requireObject(label, entry);
		checkLength(`${label} > Name`, requireText(`${label} > Name`, item.name), MAX_ITEM_NAME);
		if (country === 'BR' || item.retailer_id !== undefined) requireText(`${label} > Retailer ID`, item.retailer_id);
		const amount = checkAmount(`${label} > Amount`, item.amount);
		let saleAmount: number | undefined;
		if (item.sale_amount !== undefined) {
			saleAmount = checkAmount(`${label} > Sale Amount`, item.sale_amount).value;
			if (saleAmount >= amount.value) {
				throw new InputError(
					`${label} > Sale Amount`,
					`${label} > Sale Amount must be less than the amount (${amount.value}); got ${saleAmount}`,
				);
			}
		}
		const quantity = item.quantity;
		if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
			throw new InputError(
				`${label} > Quantity`,
				`${label} > Quantity must be a whole number of 1 or more; got ${JSON.stringify(quantity)}`,
			);
		}
		if (item.image !== undefined) {
			withImages = true;
			requireHttpUrl(`${label} > Image URL`, requireObject(`${label} > Image`, item.image).link);
			if (item.retailer_id !== undefined) {
				throw new InputError(`${label} > Image URL`, `${label} > Image URL cannot be used together with a retailer ID`);
			}
			if (hasCatalog) {
				throw new InputError(`${label} > Image URL`, `${label} > Image URL cannot be used when the order has a catalog ID`);
			}
		}
		// Docs: importer fields are required without catalog_id (56, 70, 71), not optional as 18 says.
		if (country === 'IN' && !hasCatalog) {
			const missing = 'is required when the order has no catalog ID';
			if (text(item.country_of_origin).trim() === '') {
				throw new InputError(`${label} > Country of Origin`, `${label} > Country of Origin ${missing}`);
			}
			if (text(item.importer_name).trim() === '') {
				throw new InputError(`${label} > Importer Name`, `${label} > Importer Name ${missing}`);
			}
			if (!isObject(item.importer_address) || Object.keys(item.importer_address).length === 0) {
				throw new InputError(`${label} > Importer Address`, `${label} > Importer Address ${missing}`);
			}
		}
		return { amount: amount.value, saleAmount, quantity };
	});
	if (withImages && items.length > MAX_ITEMS_WITH_IMAGES) {
		throw new InputError(
			'Items',
			`Items has ${items.length} items, the limit is ${MAX_ITEMS_WITH_IMAGES} when items have images`,
		);
	}

	const subtotal = checkAmount('Subtotal', order.subtotal);
	const tax = checkDescribedAmount('Tax', order.tax);
	const shipping = order.shipping === undefined ? undefined : checkDescribedAmount('Shipping', order.shipping);
	const discount =
		order.discount === undefined ? undefined : checkDescribedAmount('Discount', order.discount, ['discount_program_name']);

	if (order.expiration !== undefined) {
		const expiration = requireObject('Expiration', order.expiration);
		const timestamp = expiration.timestamp;
		if (timestamp === undefined || timestamp === null || text(timestamp).trim() === '') {
			throw new InputError('Expiration', 'Expiration is required: set its timestamp');
		}
		if (options.checkTotals) {
			checkExpirationAhead('Expiration', toUnixSeconds('Expiration', timestamp), options.now);
		}
		const description = requireText('Expiration Description', expiration.description);
		checkLength('Expiration Description', description, MAX_EXPIRATION_DESCRIPTION);
	}

	if (options.checkTotals) {
		checkSubtotal(subtotal.value, lines);
		checkTotal(total.value, subtotal.value, tax.value, shipping?.value ?? 0, discount?.value ?? 0);
	}
}

/**
 * Checks a whole `parameters` object (as sent) for the country and returns it, with `payment_settings`
 * normalised to an array. Throws InputError naming the field, the limit and the size.
 */
export function checkOrderParameters(raw: unknown, country: OrderCountry, options: OrderCheckOptions): IDataObject {
	// Docs: 56 and 71 say "The parameters value is a stringified JSON object" but every example sends an object;
	// a JSON string is parsed and sent as an object.
	const parsed = parseJsonInput<unknown>(PARAMETERS_JSON_LABEL, raw);
	if (!isObject(parsed)) {
		throw new InputError(PARAMETERS_JSON_LABEL, `${PARAMETERS_JSON_LABEL} must be a JSON object`);
	}
	const parameters: IDataObject = { ...parsed };
	checkReferenceId('Reference ID', parameters.reference_id);
	checkOneOf('Goods Type', text(parameters.type), GOODS_TYPES);
	checkOneOf('Currency', text(parameters.currency), [country === 'IN' ? 'INR' : 'BRL']);
	const total = checkAmount('Total Amount', parameters.total_amount);
	if (country === 'IN') {
		checkIndiaPayment(parameters);
		if (parameters.beneficiaries !== undefined) checkBeneficiaries(parameters.beneficiaries);
	} else {
		checkBrazilPayment(parameters);
	}
	checkOrder(parameters.order, country, total, options);
	return parameters;
}

// ---------------------------------------------------------------------------------------------------------------
// Form -> parameters
// ---------------------------------------------------------------------------------------------------------------

const nonEmpty = (object: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));

function formItem(entry: unknown): IDataObject {
	if (!isObject(entry)) return entry as IDataObject;
	// An item already in the API shape (a JSON array from an expression) goes through unchanged.
	if (isObject(entry.amount)) return entry;
	const item: IDataObject = { name: text(entry.name) };
	const label = 'Items';
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
		options.shipping === undefined ? undefined : describedAmount('Shipping', options.shipping, options.shippingDescription);
	const discount =
		options.discount === undefined ? undefined : describedAmount('Discount', options.discount, options.discountDescription);
	if (discount && text(options.discountProgramName) !== '') discount.discount_program_name = text(options.discountProgramName);

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

// ---------------------------------------------------------------------------------------------------------------
// Form fields
// ---------------------------------------------------------------------------------------------------------------

const IN_ONLY = { '/orderDetailsCountry': ['IN'] };

const form = (show: IDataObject = {}) => ({ show: { orderDetailsInput: ['form'], ...show } }) as INodeProperties['displayOptions'];

const AMOUNT_HINT = 'in the smallest currency unit (paise or centavos): 12.34 is 1234';

const JSON_EXAMPLE = JSON.stringify(
	{
		reference_id: 'order-1001',
		type: 'digital-goods',
		payment_settings: [
			{ type: 'upi_intent_link', upi_intent_link: { link: 'upi://pay?pa=merchant@bank&pn=Merchant&mc=5399&purpose=00&tr=order-1001' } },
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

const properties: INodeProperties[] = [
	...headerProperties(HEADER_KINDS),
	bodyProperty(),
	footerProperty(),
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
			{ name: 'Payment Gateway', value: 'payment_gateway', description: 'BillDesk, Razorpay, PayU or Zaakpay linked to your account' },
			{ name: 'UPI Intent Link', value: 'upi_intent_link', description: 'A UPI intent from your payment gateway (recommended for UPI)' },
			{ name: 'UPI Payment Configuration (Legacy)', value: 'upi', description: 'A UPI payment configuration by name' },
			{ name: 'Payment Link', value: 'payment_link', description: 'A payment link from your gateway (not publicly available)' },
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
			{ name: 'None', value: 'none' },
			{ name: 'Amazon Pay', value: 'amazonpay' },
			{ name: 'CRED', value: 'cred' },
			{ name: 'Google Pay', value: 'gpay' },
			{ name: 'Mobikwik', value: 'mobikwik' },
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
		description: 'Restrict the payment options shown at checkout; none selected shows all (WhatsApp 2.24.22.4 and later)',
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
					{ displayName: 'Code', name: 'code', type: 'string', default: '', required: true, description: 'Dynamic Pix code the buyer copies' },
					{ displayName: 'Merchant Name', name: 'merchantName', type: 'string', default: '', required: true, description: 'Account holder name shown to the buyer' },
					{ displayName: 'Key', name: 'key', type: 'string', default: '', required: true, description: 'Pix key shown to the buyer' },
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
					{ displayName: 'URL', name: 'uri', type: 'string', default: '', required: true, description: 'Payment link opened in the browser' },
				],
			},
			{
				displayName: 'Boleto',
				name: 'boleto',
				values: [
					{ displayName: 'Digitable Line', name: 'digitableLine', type: 'string', default: '', required: true, description: 'Boleto code copied when the buyer taps the Boleto button' },
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
					{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: `Item name shown to the buyer, up to ${MAX_ITEM_NAME} characters` },
					{ displayName: 'Retailer ID', name: 'retailerId', type: 'string', default: '', description: 'Content ID of the item in your catalog; required in Brazil' },
					{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, description: `Price per unit ${AMOUNT_HINT}` },
					{ displayName: 'Sale Amount', name: 'saleAmount', type: 'number', default: 0, description: `Discounted price per unit ${AMOUNT_HINT}, less than the amount; 0 for none` },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'Number of units (whole number)' },
					{
						displayName: 'Image URL',
						name: 'imageUrl',
						type: 'string',
						default: '',
						displayOptions: { show: IN_ONLY },
						description: 'Optional JPEG or PNG shown for the item; not with a retailer ID or catalog ID',
					},
					{ displayName: 'Country of Origin', name: 'countryOfOrigin', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'Required when the order has no catalog ID' },
					{ displayName: 'Importer Name', name: 'importerName', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'Required when the order has no catalog ID' },
					{ displayName: 'Importer Address Line 1', name: 'importerAddressLine1', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'Importer address; required when the order has no catalog ID' },
					{ displayName: 'Importer Address Line 2', name: 'importerAddressLine2', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'Importer address, second line' },
					{ displayName: 'Importer City', name: 'importerCity', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'City of the importer' },
					{ displayName: 'Importer Zone Code', name: 'importerZoneCode', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'State or zone code of the importer, e.g. DL' },
					{ displayName: 'Importer Postal Code', name: 'importerPostalCode', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'Postal code of the importer' },
					{ displayName: 'Importer Country Code', name: 'importerCountryCode', type: 'string', default: '', displayOptions: { show: IN_ONLY }, description: 'Country code of the importer, e.g. IN' },
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
		description: 'Optional parts of the order. Subtotal and total are computed from the items, tax, shipping and discount.',
		options: [
			{ displayName: 'Catalog ID', name: 'catalogId', type: 'string', default: '', description: 'Catalog the items come from. Without it, India items need country of origin and importer details.' },
			{ displayName: 'Discount', name: 'discount', type: 'number', default: 0, description: `Discount on the order ${AMOUNT_HINT}` },
			{ displayName: 'Discount Description', name: 'discountDescription', type: 'string', default: '', description: `Label of the discount, up to ${MAX_AMOUNT_DESCRIPTION} characters` },
			{ displayName: 'Discount Program Name', name: 'discountProgramName', type: 'string', default: '', description: `Name of the incentive program, up to ${MAX_AMOUNT_DESCRIPTION} characters` },
			{ displayName: 'Expiration', name: 'expiration', type: 'dateTime', default: '', description: 'When the order expires and can no longer be paid; at least 5 minutes from now' },
			{ displayName: 'Expiration Description', name: 'expirationDescription', type: 'string', default: '', description: `Text explaining the expiration, up to ${MAX_EXPIRATION_DESCRIPTION} characters; required with an expiration` },
			{
				displayName: 'Quick Pay',
				name: 'quickPay',
				type: 'boolean',
				default: false,
				displayOptions: { show: IN_ONLY },
				description: 'Whether to show only a "Pay Now" button instead of "Review and Pay"',
			},
			{ displayName: 'Shipping', name: 'shipping', type: 'number', default: 0, description: `Shipping cost ${AMOUNT_HINT}` },
			{ displayName: 'Shipping Description', name: 'shippingDescription', type: 'string', default: '', description: `Label of the shipping line, up to ${MAX_AMOUNT_DESCRIPTION} characters` },
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
		description: 'Who receives shipped physical goods (not shown to the buyer; needed for compliance). Country is India.',
		options: [
			{
				displayName: 'Beneficiary',
				name: 'beneficiary',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: `Person or business receiving the goods, up to ${MAX_BENEFICIARY_NAME} characters` },
					{ displayName: 'Address Line 1', name: 'addressLine1', type: 'string', default: '', required: true, description: `Door/tower number, street, up to ${MAX_BENEFICIARY_ADDRESS_LINE} characters` },
					{ displayName: 'Address Line 2', name: 'addressLine2', type: 'string', default: '', description: `Landmark, area, up to ${MAX_BENEFICIARY_ADDRESS_LINE} characters` },
					{ displayName: 'City', name: 'city', type: 'string', default: '', required: true, description: 'City' },
					{ displayName: 'State', name: 'state', type: 'string', default: '', required: true, description: 'State' },
					{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', required: true, description: '6-digit PIN code' },
				],
			},
		],
	},
];

export const orderDetailsMessage: MessageType = {
	operation: 'sendOrderDetails',
	name: 'Send Order Details',
	action: 'Send an order details (payment request) message',
	properties,
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		const body = buildBody(params);
		const footer = buildFooter(params);
		const country = checkOneOf<OrderCountry>('Country', text(params.orderDetailsCountry) || 'IN', ['IN', 'BR']);
		const parameters =
			params.orderDetailsInput === 'json'
				? checkOrderParameters(params.orderDetailsParametersJson, country, {
						checkTotals: params.orderDetailsCheckTotals !== false,
					})
				: checkOrderParameters(formOrderParameters(params, country), country, { checkTotals: true });
		return await interactiveMessage(ctx, 'order_details', {
			header,
			body,
			footer,
			action: { name: 'review_and_pay', parameters },
		});
	},
};
