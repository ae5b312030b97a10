/**
 * Payment interactive messages: `order_details` (India: docs 18, 56, 70, 71; Brazil: docs 76, 46, 53, 40)
 * and `order_status` (docs 18, 56, 71, 76).
 */

import {
	allowKeys,
	asObject,
	at,
	checkArr,
	checkHttpUrl,
	checkInt,
	checkStr,
	has,
	Obj,
	optArr,
	optObj,
	optStr,
	reqInt,
	reqObj,
	reqParameters,
	reqStr,
	unique,
} from './checks';
import { badValue, fail, JsonPath, missing, wrongType } from './fault';

interface PaymentContext {
	nowSeconds: number;
}

type Region = 'IN' | 'BR';
const CURRENCY: Readonly<Record<Region, string>> = { IN: 'INR', BR: 'BRL' };

/** doc 18/56/76: letters, digits, _, -, . only; non-empty; ≤35 characters. */
const REFERENCE_ID = {
	max: 35,
	pattern: /^[A-Za-z0-9_.-]+$/,
	formatHint: 'may only contain English letters, numbers, underscores, dashes or dots',
};

const UPI_APPS = ['gpay', 'phonepe', 'paytm', 'amazonpay', 'cred', 'mobikwik'] as const;

// ---------------------------------------------------------------- order_details

export function checkOrderDetailsAction(action: Obj, path: JsonPath, ctx: PaymentContext): void {
	allowKeys(action, path, ['name', 'parameters']);
	reqStr(action, 'name', path, { oneOf: ['review_and_pay'] });
	const params = reqParameters(action, path, true);
	const region: Region = params.payment_type === 'br' || params.currency === 'BRL' ? 'BR' : 'IN';
	if (region === 'BR') checkBrazilParameters(params, at(path, 'parameters'), ctx);
	else checkIndiaParameters(params, at(path, 'parameters'), ctx);
}

function checkIndiaParameters(params: Obj, pp: JsonPath, ctx: PaymentContext): void {
	allowKeys(params, pp, [
		'reference_id',
		'type',
		'beneficiaries',
		'payment_type',
		'payment_configuration',
		'payment_settings',
		'preferred_payment_methods',
		'currency',
		'total_amount',
		'order',
	]);
	reqStr(params, 'reference_id', pp, REFERENCE_ID);
	reqStr(params, 'type', pp, { oneOf: ['digital-goods', 'physical-goods'] });
	if (has(params, 'beneficiaries')) checkBeneficiaries(params.beneficiaries, at(pp, 'beneficiaries'));

	// Payment selector: payment_settings (docs 56, 70, 71) or the legacy payment_type "upi" + payment_configuration (doc 18).
	optStr(params, 'payment_type', pp, { oneOf: ['upi'] });
	optStr(params, 'payment_configuration', pp, { max: 60 });
	if (!has(params, 'payment_settings') && !has(params, 'payment_configuration')) {
		fail(missing(at(pp, 'payment_settings'), '(or the legacy payment_type "upi" with payment_configuration)'));
	}
	if (has(params, 'payment_configuration') && !has(params, 'payment_type')) {
		fail(missing(at(pp, 'payment_type'), 'when payment_configuration is used'));
	}
	// Docs: doc 56 describes payment_settings as an "object" but every example sends an array — an array is required.
	const settings = optArr(params, 'payment_settings', pp);
	settings?.forEach((raw, i) =>
		checkIndiaPaymentSetting(asObject(raw, at(pp, 'payment_settings', i)), at(pp, 'payment_settings', i)),
	);
	// Docs: doc 18 puts preferred_payment_methods directly in parameters, doc 56 inside payment_gateway — both accepted.
	if (has(params, 'preferred_payment_methods'))
		checkPreferredMethods(params.preferred_payment_methods, at(pp, 'preferred_payment_methods'));

	checkOrderCommon(params, pp, 'IN', ctx);
}

function checkBrazilParameters(params: Obj, pp: JsonPath, ctx: PaymentContext): void {
	allowKeys(params, pp, [
		'reference_id',
		'type',
		'payment_type',
		'payment_settings',
		'installment',
		'currency',
		'total_amount',
		'order',
	]);
	reqStr(params, 'reference_id', pp, REFERENCE_ID);
	reqStr(params, 'type', pp, { oneOf: ['digital-goods', 'physical-goods'] });
	reqStr(params, 'payment_type', pp, { oneOf: ['br'] });
	const settings = optArr(params, 'payment_settings', pp);
	settings?.forEach((raw, i) =>
		checkBrazilPaymentSetting(asObject(raw, at(pp, 'payment_settings', i)), at(pp, 'payment_settings', i)),
	);
	const installment = optObj(params, 'installment', pp);
	if (installment) {
		allowKeys(installment, at(pp, 'installment'), ['max_installment_count']);
		reqInt(installment, 'max_installment_count', at(pp, 'installment'), { min: 1 });
	}
	checkOrderCommon(params, pp, 'BR', ctx);
}

// ---------------------------------------------------------------- payment settings

function checkIndiaPaymentSetting(setting: Obj, sp: JsonPath): void {
	// Docs: doc 56's Razorpay TPV variant uses {type: "razorpay", razorpay: {...}} instead of a payment_gateway entry — accepted.
	const type = reqStr(setting, 'type', sp, {
		oneOf: ['payment_gateway', 'upi_intent_link', 'payment_link', 'razorpay'],
	});
	allowKeys(setting, sp, ['type', type]);
	const body = reqObj(setting, type, sp);
	const bp = at(sp, type);
	switch (type) {
		case 'payment_gateway':
			checkPaymentGateway(body, bp);
			break;
		case 'upi_intent_link': {
			allowKeys(body, bp, ['link']);
			// Docs: doc 70's table lists only pa, pn, mc, purpose and tr as supported attributes, but its step 1 says the whole
			// PG intent (with am, cu, mode, tn) "could be sent as it is" — any attributes accepted, the upi://pay scheme is required.
			reqStr(body, 'link', bp, {
				pattern: /^upi:\/\/pay\?\S+$/,
				formatHint: 'must be a UPI intent link (upi://pay?...)',
			});
			break;
		}
		case 'payment_link':
			checkPaymentLink(body, bp, true);
			break;
		case 'razorpay':
			allowKeys(body, bp, ['encrypted_payment_gateway_data']);
			reqStr(body, 'encrypted_payment_gateway_data', bp);
			break;
	}
}

const PG_TYPES = ['billdesk', 'razorpay', 'payu', 'zaakpay'] as const;
type PgType = (typeof PG_TYPES)[number];

function numbered(prefix: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

/** doc 56 "BillDesk, RazorPay, PayU and Zaakpay fields". */
const PG_STRING_FIELDS: Readonly<Record<Exclude<PgType, 'razorpay'>, { keys: string[]; max: number }>> = {
	billdesk: { keys: numbered('additional_info', 7), max: 120 },
	payu: { keys: numbered('udf', 4), max: 255 },
	zaakpay: { keys: numbered('extra', 2), max: 180 },
};

function checkPaymentGateway(pg: Obj, path: JsonPath): void {
	allowKeys(pg, path, [
		'type',
		'configuration_name',
		...PG_TYPES,
		'preferred_payment_methods',
		'enabled_payment_options',
	]);
	const pgType = reqStr(pg, 'type', path, { oneOf: PG_TYPES }) as PgType;
	reqStr(pg, 'configuration_name', path, { max: 60 });
	for (const other of PG_TYPES) {
		if (other !== pgType && has(pg, other))
			fail(badValue(at(path, other), `is not allowed when payment_gateway type is "${pgType}".`));
	}
	const fields = optObj(pg, pgType, path);
	if (fields) {
		const fp = at(path, pgType);
		if (pgType === 'razorpay') {
			allowKeys(fields, fp, ['notes', 'receipt']);
			const notes = optObj(fields, 'notes', fp);
			if (notes) {
				const keys = Object.keys(notes);
				if (keys.length > 15) fail(badValue(at(fp, 'notes'), `must have at most 15 keys (got ${keys.length}).`));
				for (const key of keys) checkStr(notes[key], at(fp, 'notes', key), { max: 256 });
			}
			optStr(fields, 'receipt', fp, { max: 40 });
		} else {
			const spec = PG_STRING_FIELDS[pgType];
			allowKeys(fields, fp, spec.keys);
			for (const key of spec.keys) optStr(fields, key, fp, { max: spec.max });
		}
	}
	if (has(pg, 'preferred_payment_methods'))
		checkPreferredMethods(pg.preferred_payment_methods, at(path, 'preferred_payment_methods'));
	if (has(pg, 'enabled_payment_options')) {
		const options = checkArr(pg.enabled_payment_options, at(path, 'enabled_payment_options'), { max: 2 });
		const seen = options.map((o, i) => ({
			value: checkStr(o, at(path, 'enabled_payment_options', i), { oneOf: ['upi', 'web'] }),
			path: at(path, 'enabled_payment_options', i),
		}));
		unique(seen, 'payment option');
	}
}

/** docs 18/56: "merchants can specify up to one UPI payment app". */
function checkPreferredMethods(value: unknown, path: JsonPath): void {
	const methods = checkArr(value, path, { max: 1 });
	methods.forEach((raw, i) => {
		const m = asObject(raw, at(path, i));
		allowKeys(m, at(path, i), ['method']);
		reqStr(m, 'method', at(path, i), { oneOf: UPI_APPS });
	});
}

function checkPaymentLink(link: Obj, path: JsonPath, withRedirects: boolean): void {
	allowKeys(link, path, withRedirects ? ['uri', 'success_url', 'cancel_url'] : ['uri']);
	if (!has(link, 'uri')) fail(missing(at(path, 'uri')));
	checkHttpUrl(link.uri, at(path, 'uri'));
	for (const key of ['success_url', 'cancel_url']) if (has(link, key)) checkHttpUrl(link[key], at(path, key));
}

function checkBrazilPaymentSetting(setting: Obj, sp: JsonPath): void {
	const type = reqStr(setting, 'type', sp, { oneOf: ['pix_dynamic_code', 'payment_link', 'boleto'] });
	allowKeys(setting, sp, ['type', type]);
	const body = reqObj(setting, type, sp);
	const bp = at(sp, type);
	if (type === 'pix_dynamic_code') {
		// doc 46
		allowKeys(body, bp, ['code', 'merchant_name', 'key', 'key_type']);
		reqStr(body, 'code', bp);
		reqStr(body, 'merchant_name', bp);
		reqStr(body, 'key', bp);
		reqStr(body, 'key_type', bp, { oneOf: ['CPF', 'CNPJ', 'EMAIL', 'PHONE', 'EVP'] });
	} else if (type === 'payment_link') {
		checkPaymentLink(body, bp, false); // doc 53
	} else {
		allowKeys(body, bp, ['digitable_line']); // doc 40
		reqStr(body, 'digitable_line', bp);
	}
}

// ---------------------------------------------------------------- beneficiaries (India)

function checkBeneficiaries(value: unknown, path: JsonPath): void {
	// "Required for shipped physical-goods" — whether goods are shipped is not in the payload, so optional here.
	const list = checkArr(value, path);
	list.forEach((raw, i) => {
		const bp = at(path, i);
		const b = asObject(raw, bp);
		allowKeys(b, bp, ['name', 'address_line1', 'address_line2', 'city', 'state', 'country', 'postal_code']);
		reqStr(b, 'name', bp, { max: 200 });
		reqStr(b, 'address_line1', bp, { max: 100 });
		optStr(b, 'address_line2', bp, { max: 100 });
		reqStr(b, 'city', bp);
		reqStr(b, 'state', bp);
		reqStr(b, 'country', bp, { oneOf: ['India'] });
		reqStr(b, 'postal_code', bp, { pattern: /^\d{6}$/, formatHint: 'must be a 6-digit postal code' });
	});
}

// ---------------------------------------------------------------- amounts, order, totals

interface AmountOpts {
	description?: boolean;
	programName?: boolean;
}

function checkAmount(value: unknown, path: JsonPath, region: Region, opts: AmountOpts = {}): number {
	const amount = asObject(value, path);
	const keys = ['value', 'offset'];
	if (opts.description) keys.push('description');
	if (opts.programName) keys.push('discount_program_name');
	allowKeys(amount, path, keys);
	const v = reqInt(amount, 'value', path, { min: 0 });
	if (!has(amount, 'offset')) fail(missing(at(path, 'offset')));
	const offset = checkInt(amount.offset, at(path, 'offset'));
	if (offset !== 100) fail(badValue(at(path, 'offset'), `must be 100 for ${CURRENCY[region]} (got ${offset}).`));
	if (opts.description) optStr(amount, 'description', path, { max: 60 });
	if (opts.programName) optStr(amount, 'discount_program_name', path, { max: 60 });
	return v;
}

function reqAmount(o: Obj, key: string, path: JsonPath, region: Region, opts?: AmountOpts): number {
	if (!has(o, key)) fail(missing(at(path, key)));
	return checkAmount(o[key], at(path, key), region, opts);
}

function optAmount(o: Obj, key: string, path: JsonPath, region: Region, opts?: AmountOpts): number {
	return has(o, key) ? checkAmount(o[key], at(path, key), region, opts) : 0;
}

function checkExpiration(expiration: Obj, path: JsonPath, nowSeconds: number): void {
	allowKeys(expiration, path, ['timestamp', 'description']);
	if (!has(expiration, 'timestamp')) fail(missing(at(path, 'timestamp')));
	const raw = expiration.timestamp;
	const tp = at(path, 'timestamp');
	// Docs: typed "string" (UTC seconds) in docs 18/56/76; an integer is accepted too.
	let seconds: number;
	if (typeof raw === 'number') seconds = checkInt(raw, tp, { min: 0 });
	else if (typeof raw === 'string') {
		if (!/^\d+$/.test(raw)) fail(badValue(tp, `must be a UTC timestamp in seconds (got "${raw}").`));
		seconds = Number(raw);
	} else fail(wrongType(tp, 'a string'));
	// "Minimum threshold is 300 seconds": the order must expire at least 300 s from now.
	if (seconds < nowSeconds + 300) {
		fail(badValue(tp, `must be at least 300 seconds in the future (got ${seconds}, now ${nowSeconds}).`));
	}
	reqStr(expiration, 'description', path, { max: 120 });
}

const IN_ITEM_KEYS = [
	'retailer_id',
	'name',
	'image',
	'amount',
	'sale_amount',
	'quantity',
	'country_of_origin',
	'importer_name',
	'importer_address',
];
const BR_ITEM_KEYS = ['retailer_id', 'name', 'amount', 'sale_amount', 'quantity'];

function checkOrderCommon(params: Obj, pp: JsonPath, region: Region, ctx: PaymentContext): void {
	reqStr(params, 'currency', pp, { oneOf: [CURRENCY[region]] });
	const total = reqAmount(params, 'total_amount', pp, region);

	const order = reqObj(params, 'order', pp);
	const op = at(pp, 'order');
	allowKeys(
		order,
		op,
		region === 'IN'
			? ['status', 'type', 'items', 'subtotal', 'tax', 'shipping', 'discount', 'catalog_id', 'expiration']
			: ['status', 'items', 'subtotal', 'tax', 'shipping', 'discount', 'catalog_id', 'expiration'],
	);
	reqStr(order, 'status', op, { oneOf: ['pending'] });
	if (region === 'IN') optStr(order, 'type', op, { oneOf: ['quick_pay'] });
	const catalogId = optStr(order, 'catalog_id', op);
	const expiration = optObj(order, 'expiration', op);
	if (expiration) checkExpiration(expiration, at(op, 'expiration'), ctx.nowSeconds);

	if (!has(order, 'items')) fail(missing(at(op, 'items')));
	const items = checkArr(order.items, at(op, 'items'), { min: 1 });
	const itemObjs = items.map((raw, i) => asObject(raw, at(op, 'items', i)));
	const withImages = itemObjs.filter((item) => has(item, 'image')).length;
	// docs 18/56: item images limit the items array to 10 and cannot be used with retailer_id or catalog_id.
	if (withImages > 0 && itemObjs.length > 10) {
		fail(
			badValue(at(op, 'items'), `must contain at most 10 items when item images are used (got ${itemObjs.length}).`),
		);
	}

	let sumAmount = 0;
	let sumSale = 0;
	itemObjs.forEach((item, i) => {
		const ip = at(op, 'items', i);
		allowKeys(item, ip, region === 'IN' ? IN_ITEM_KEYS : BR_ITEM_KEYS);
		// doc 76: retailer_id Required for Brazil; optional for India.
		if (region === 'BR') reqStr(item, 'retailer_id', ip);
		else optStr(item, 'retailer_id', ip);
		reqStr(item, 'name', ip, { max: 60 });
		const image = optObj(item, 'image', ip);
		if (image) {
			const imp = at(ip, 'image');
			if (has(item, 'retailer_id')) fail(badValue(imp, 'cannot be used together with retailer_id.'));
			if (catalogId !== undefined) fail(badValue(imp, 'cannot be used together with order catalog_id.'));
			allowKeys(image, imp, ['link']);
			if (!has(image, 'link')) fail(missing(at(imp, 'link')));
			checkHttpUrl(image.link, at(imp, 'link'));
		}
		const amount = reqAmount(item, 'amount', ip, region);
		const quantity = reqInt(item, 'quantity', ip, { min: 1 });
		let unitForSale = amount;
		if (has(item, 'sale_amount')) {
			const sale = checkAmount(item.sale_amount, at(ip, 'sale_amount'), region);
			if (sale >= amount)
				fail(
					badValue(at(ip, 'sale_amount', 'value'), `must be less than the item amount value ${amount} (got ${sale}).`),
				);
			unitForSale = sale;
		}
		if (region === 'IN') {
			// Docs: importer fields are "Required if catalog_id is not present" in docs 56/70/71 but "Optional" in doc 18 — optional.
			optStr(item, 'country_of_origin', ip);
			optStr(item, 'importer_name', ip);
			const importer = optObj(item, 'importer_address', ip);
			if (importer) {
				const ap = at(ip, 'importer_address');
				const keys = ['address_line1', 'address_line2', 'city', 'zone_code', 'postal_code', 'country_code'];
				allowKeys(importer, ap, keys);
				for (const key of keys) optStr(importer, key, ap);
			}
		}
		sumAmount += amount * quantity;
		sumSale += unitForSale * quantity;
	});

	const subtotal = reqAmount(order, 'subtotal', op, region);
	const tax = reqAmount(order, 'tax', op, region, { description: true });
	const shipping = optAmount(order, 'shipping', op, region, { description: true });
	const discount = optAmount(order, 'discount', op, region, { description: true, programName: true });

	// Docs: the subtotal rows (56, 76) say "sum of amount × quantity" while the item tables say sale_amount, "if included, is used to
	// calculate the subtotal" (doc 76: "item.amount.value or item.sale_amount.value") — the specific item rule is applied.
	if (subtotal !== sumSale) {
		const hint =
			sumSale !== sumAmount ? ` (sale_amount used where present; with amount only it would be ${sumAmount})` : '';
		fail(
			badValue(
				at(op, 'subtotal', 'value'),
				`must equal the sum of item price × quantity: expected ${sumSale}, got ${subtotal}${hint}.`,
			),
		);
	}
	const expectedTotal = subtotal + tax + shipping - discount;
	if (total !== expectedTotal) {
		fail(
			badValue(
				at(pp, 'total_amount', 'value'),
				`must equal order subtotal + tax + shipping - discount = ${subtotal} + ${tax} + ${shipping} - ${discount} = ${expectedTotal} (got ${total}).`,
			),
		);
	}
}

// ---------------------------------------------------------------- order_status

// Docs: doc 56 enumerates processing, partially_shipped, shipped, completed, canceled for order_status; the status tables
// (docs 18/56/76) also list pending and spell partially-shipped with a hyphen — all of them accepted.
export const ORDER_STATUSES = [
	'pending',
	'processing',
	'partially_shipped',
	'partially-shipped',
	'shipped',
	'completed',
	'canceled',
] as const;

export function checkOrderStatusAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['name', 'parameters']);
	reqStr(action, 'name', path, { oneOf: ['review_order'] });
	const params = reqParameters(action, path, true);
	const pp = at(path, 'parameters');
	allowKeys(params, pp, ['reference_id', 'order', 'payment']);
	reqStr(params, 'reference_id', pp, REFERENCE_ID);
	const order = reqObj(params, 'order', pp);
	const op = at(pp, 'order');
	allowKeys(order, op, ['status', 'description']);
	reqStr(order, 'status', op, { oneOf: ORDER_STATUSES });
	optStr(order, 'description', op, { max: 120 });
	// doc 76 (Brazil): optional payment {status, timestamp}. The payload does not say the region, so accepted for any.
	const payment = optObj(params, 'payment', pp);
	if (payment) {
		const payp = at(pp, 'payment');
		allowKeys(payment, payp, ['status', 'timestamp']);
		reqStr(payment, 'status', payp, { oneOf: ['pending', 'captured', 'failed'] });
		if (has(payment, 'timestamp')) checkInt(payment.timestamp, at(payp, 'timestamp'), { min: 0 });
	}
}
