import type { IDataObject } from 'n8n-workflow';

import {
	checkAmount,
	checkExpirationAhead,
	checkReferenceId,
	checkSubtotal,
	checkTotal,
	toUnixSeconds,
	type Amount,
	type ItemLine,
} from './math';
import { checkCount, checkLength, checkOneOf, InputError, parseJsonInput, requireText } from '../../shared/InputError';
import { entryString, isObject, requireHttpUrl, text } from '../formValues';

/** The documented rules of an order_details `parameters` object (India and Brazil), for form and JSON alike. */

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

export const GATEWAY_LABELS: Record<Gateway, string> = {
	billdesk: 'BillDesk',
	razorpay: 'Razorpay',
	payu: 'PayU',
	zaakpay: 'Zaakpay',
};

export const range = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/** Gateway-specific fields (doc 56, "BillDesk, RazorPay, PayU and Zaakpay fields"): key -> max length. */
export const GATEWAY_FIELDS: Record<Gateway, Record<string, number>> = {
	billdesk: Object.fromEntries(range('additional_info', 7).map((key) => [key, 120])),
	razorpay: { receipt: MAX_RAZORPAY_RECEIPT, notes: MAX_RAZORPAY_NOTE_VALUE },
	payu: Object.fromEntries(range('udf', 4).map((key) => [key, 255])),
	zaakpay: Object.fromEntries(range('extra', 2).map((key) => [key, 180])),
};

const PARAMETERS_JSON_LABEL = 'Parameters (JSON)';

export interface OrderCheckOptions {
	/** Whether subtotal/total must add up and the expiration must be a Unix time at least 300 s ahead. */
	checkTotals: boolean;
	/** "Now" in milliseconds, for tests. */
	now?: number;
}

function requireObject(field: string, value: unknown): IDataObject {
	if (!isObject(value)) throw new InputError(field, `${field} is required as an object`);
	return value;
}

function requireList(field: string, value: unknown): unknown[] {
	if (!Array.isArray(value)) throw new InputError(field, `${field} must be a list (JSON array)`);
	return value;
}

/** An entry of Items as given: an object (a list from an expression may hold null, text or numbers). */
export function orderItem(entry: unknown, index: number): IDataObject {
	if (!isObject(entry)) {
		const got = Array.isArray(entry)
			? 'a list'
			: typeof entry === 'string'
				? JSON.stringify(entry.slice(0, 40))
				: String(entry);
		throw new InputError(
			'Items',
			`Items: item ${index + 1} must be an object with a name, an amount and a quantity; got ${got}`,
		);
	}
	return entry;
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
		if (seen.has(name))
			throw new InputError('Enabled Payment Options', `Enabled Payment Options lists "${name}" twice`);
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
		const item = orderItem(entry, index);
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
				throw new InputError(
					`${label} > Image URL`,
					`${label} > Image URL cannot be used when the order has a catalog ID`,
				);
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
		order.discount === undefined
			? undefined
			: checkDescribedAmount('Discount', order.discount, ['discount_program_name']);

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
