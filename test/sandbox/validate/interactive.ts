/**
 * `type: "interactive"` bodies (doc 16 Interactive object + docs 08, 10, 30, 23, 50, 84, 77;
 * payments in payments.ts). Doc 28: Cloud API rejects leading/trailing spaces (or only spaces)
 * on action and button properties — enforced through `noPad`.
 */

import {
	allowKeys,
	asObject,
	at,
	checkArr,
	checkHttpUrl,
	checkStr,
	exactlyOne,
	has,
	Obj,
	optObj,
	optStr,
	reqArr,
	reqObj,
	reqParameters,
	reqStr,
	unique,
} from './checks';
import { badValue, fail, JsonPath, missing, wrongType } from './fault';
import { checkMediaObject, MediaKind } from './media';
import { checkOrderDetailsAction, checkOrderStatusAction } from './payments';

export interface InteractiveContext {
	nowSeconds: number;
}

export const INTERACTIVE_TYPES = [
	'button',
	'list',
	'cta_url',
	'flow',
	'location_request_message',
	'address_message',
	'product',
	'product_list',
	'catalog_message',
	'order_details',
	'order_status',
] as const;
export type InteractiveType = (typeof INTERACTIVE_TYPES)[number];

type HeaderType = 'text' | 'image' | 'video' | 'document';
const HEADER_TYPES: readonly HeaderType[] = ['text', 'image', 'video', 'document'];

interface Spec {
	/** Header types allowed; empty = no header allowed. */
	headerTypes: readonly HeaderType[];
	headerRequired?: boolean;
	bodyOptional?: boolean;
	action: (action: Obj, path: JsonPath, ctx: InteractiveContext) => void;
}

// Docs: doc 16 enumerates only button, catalog_message, list, product, product_list and flow as interactive types;
// cta_url, location_request_message, address_message, order_details and order_status come from their own pages.
const SPECS: Readonly<Record<InteractiveType, Spec>> = {
	button: { headerTypes: HEADER_TYPES, action: checkButtonAction },
	list: { headerTypes: ['text'], action: checkListAction },
	cta_url: { headerTypes: ['text'], action: checkCtaUrlAction },
	flow: { headerTypes: ['text'], action: checkFlowAction },
	location_request_message: { headerTypes: [], action: checkLocationRequestAction },
	address_message: { headerTypes: ['text'], action: checkAddressAction },
	// doc 16: "You cannot set a header if your interactive object is of product type"; body optional for product.
	product: { headerTypes: [], bodyOptional: true, action: checkProductAction },
	// doc 16: header "Required for type product_list"; doc 77: header type must be text.
	product_list: { headerTypes: ['text'], headerRequired: true, action: checkProductListAction },
	catalog_message: { headerTypes: [], action: checkCatalogAction },
	// docs 18/56/76: optional image header (default: first product image).
	order_details: { headerTypes: ['image'], action: checkOrderDetailsAction },
	// doc 76 (Brazil): optional header, type not specified.
	order_status: { headerTypes: HEADER_TYPES, action: checkOrderStatusAction },
};

export function validateInteractive(interactive: Obj, path: JsonPath, ctx: InteractiveContext): void {
	allowKeys(interactive, path, ['type', 'header', 'body', 'footer', 'action']);
	const type = reqStr(interactive, 'type', path, { oneOf: INTERACTIVE_TYPES }) as InteractiveType;
	const spec = SPECS[type];

	if (has(interactive, 'header')) {
		if (spec.headerTypes.length === 0)
			fail(badValue(at(path, 'header'), `is not allowed for interactive type "${type}".`));
		checkHeader(asObject(interactive.header, at(path, 'header')), at(path, 'header'), type, spec.headerTypes);
	} else if (spec.headerRequired) {
		fail(missing(at(path, 'header'), `for interactive type "${type}"`));
	}

	if (has(interactive, 'body')) {
		const body = asObject(interactive.body, at(path, 'body'));
		allowKeys(body, at(path, 'body'), ['text']);
		// Docs: doc 10 allows 4096 characters for list bodies, but the reference (doc 16) states 1024 for the interactive body — the reference wins.
		reqStr(body, 'text', at(path, 'body'), { max: 1024 });
	} else if (!spec.bodyOptional) {
		// Docs: doc 30's syntax comment says the cta_url body is optional, its table and doc 16 say Required — required.
		fail(missing(at(path, 'body'), `for interactive type "${type}"`));
	}

	const footer = optObj(interactive, 'footer', path);
	if (footer) {
		allowKeys(footer, at(path, 'footer'), ['text']);
		reqStr(footer, 'text', at(path, 'footer'), { max: 60 });
	}

	spec.action(reqObj(interactive, 'action', path), at(path, 'action'), ctx);
}

// ---------------------------------------------------------------- header (doc 16 Header object)

function checkHeader(
	header: Obj,
	path: JsonPath,
	interactiveType: InteractiveType,
	allowed: readonly HeaderType[],
): void {
	const extraImageKeys = interactiveType === 'order_details' ? ['provider'] : [];
	allowKeys(header, path, ['type', 'text', 'sub_text', 'image', 'video', 'document']);

	let type: HeaderType;
	if (!has(header, 'type') && interactiveType === 'cta_url' && has(header, 'text')) {
		// Docs: doc 30's example header has no "type" (syntax and doc 16 say it is required) — a text-only header is accepted.
		type = 'text';
	} else {
		type = reqStr(header, 'type', path, { oneOf: HEADER_TYPES }) as HeaderType;
	}
	if (!allowed.includes(type)) {
		fail(
			badValue(
				at(path, 'type'),
				`"${type}" is not supported for interactive type "${interactiveType}" (allowed: ${allowed.join(', ')}).`,
			),
		);
	}

	for (const other of ['text', 'image', 'video', 'document'] as const) {
		if (other !== type && has(header, other))
			fail(badValue(at(path, other), `is not allowed when the header type is "${type}".`));
	}
	if (type === 'text') {
		reqStr(header, 'text', path, { max: 60 });
	} else {
		checkMediaObject(
			type as MediaKind,
			reqObj(header, type, path),
			at(path, type),
			type === 'image' ? extraImageKeys : [],
		);
		const image = header.image as Obj;
		if (type === 'image' && extraImageKeys.length > 0 && has(image, 'provider'))
			checkProvider(image.provider, at(path, 'image', 'provider'));
	}
	optStr(header, 'sub_text', path, { max: 60 });
}

/** Docs: docs 18/56/71 send image.provider as {name} (an On-Premises field per doc 16), doc 76 types it as a string — both accepted for order_details. */
function checkProvider(value: unknown, path: JsonPath): void {
	if (typeof value === 'string') {
		checkStr(value, path);
		return;
	}
	const provider = asObject(value, path);
	allowKeys(provider, path, ['name']);
	reqStr(provider, 'name', path);
}

// ---------------------------------------------------------------- reply buttons (docs 08, 16)

function checkButtonAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['buttons']);
	const buttons = reqArr(action, 'buttons', path, { min: 1, max: 3 });
	const ids: Array<{ value: string; path: JsonPath }> = [];
	const titles: Array<{ value: string; path: JsonPath }> = [];
	buttons.forEach((raw, i) => {
		const bp = at(path, 'buttons', i);
		const button = asObject(raw, bp);
		allowKeys(button, bp, ['type', 'reply']);
		reqStr(button, 'type', bp, { oneOf: ['reply'] });
		const reply = reqObj(button, 'reply', bp);
		const rp = at(bp, 'reply');
		allowKeys(reply, rp, ['id', 'title']);
		ids.push({ value: reqStr(reply, 'id', rp, { max: 256, noPad: true }), path: at(rp, 'id') });
		titles.push({ value: reqStr(reply, 'title', rp, { max: 20, noPad: true }), path: at(rp, 'title') });
	});
	unique(ids, 'button id');
	unique(titles, 'button title');
}

// ---------------------------------------------------------------- list (docs 10, 16)

function checkListAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['button', 'sections']);
	reqStr(action, 'button', path, { max: 20, noPad: true });
	const sections = reqArr(action, 'sections', path, { min: 1, max: 10 });
	const sectionObjs = sections.map((raw, i) => asObject(raw, at(path, 'sections', i)));
	let totalRows = 0;
	sectionObjs.forEach((section, i) => {
		const sp = at(path, 'sections', i);
		allowKeys(section, sp, ['title', 'rows']);
		totalRows += reqArr(section, 'rows', sp, { min: 1 }).length;
	});
	// doc 10/16: "You can have a total of 10 rows across your sections".
	if (totalRows > 10)
		fail(
			badValue(at(path, 'sections'), `must contain at most 10 rows in total across all sections (got ${totalRows}).`),
		);
	sectionObjs.forEach((section, i) => {
		const sp = at(path, 'sections', i);
		// Docs: doc 10 says a section title is always required, doc 16 "Required if the message has more than one section" — the reference wins.
		if (sectionObjs.length > 1) reqStr(section, 'title', sp, { max: 24, noPad: true });
		else optStr(section, 'title', sp, { max: 24, noPad: true });
		(section.rows as unknown[]).forEach((rawRow, j) => {
			const rp = at(sp, 'rows', j);
			const row = asObject(rawRow, rp);
			allowKeys(row, rp, ['id', 'title', 'description']);
			reqStr(row, 'id', rp, { max: 200, noPad: true });
			reqStr(row, 'title', rp, { max: 24, noPad: true });
			optStr(row, 'description', rp, { max: 72 });
		});
	});
}

// ---------------------------------------------------------------- CTA URL (doc 30)

function checkCtaUrlAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['name', 'parameters']);
	reqStr(action, 'name', path, { oneOf: ['cta_url'] });
	const params = reqObj(action, 'parameters', path);
	const pp = at(path, 'parameters');
	allowKeys(params, pp, ['display_text', 'url']);
	reqStr(params, 'display_text', pp, { noPad: true });
	if (!has(params, 'url')) fail(missing(at(pp, 'url')));
	checkHttpUrl(params.url, at(pp, 'url'), { noPad: true });
}

// ---------------------------------------------------------------- flow (docs 23, 16)

const FLOW_PARAMETER_KEYS = [
	'flow_message_version',
	'flow_id',
	'flow_name',
	'flow_cta',
	'mode',
	'flow_token',
	'flow_action',
	'flow_action_payload',
] as const;

function checkFlowAction(action: Obj, path: JsonPath): void {
	let params: Obj;
	let pp: JsonPath;
	if (has(action, 'name') || has(action, 'parameters')) {
		allowKeys(action, path, ['name', 'parameters']);
		reqStr(action, 'name', path, { oneOf: ['flow'] });
		params = reqObj(action, 'parameters', path);
		pp = at(path, 'parameters');
	} else {
		// Docs: doc 16's Action table lists the flow fields directly on action; doc 23 and every example nest them
		// under action.parameters with action.name "flow" — both accepted.
		params = action;
		pp = path;
	}
	allowKeys(params, pp, FLOW_PARAMETER_KEYS);
	if (has(params, 'flow_message_version') && typeof params.flow_message_version !== 'string') {
		fail(wrongType(at(pp, 'flow_message_version'), 'a string ("3")'));
	}
	reqStr(params, 'flow_message_version', pp, { oneOf: ['3'] });
	const idKey = exactlyOne(params, pp, ['flow_id', 'flow_name']);
	reqStr(params, idKey, pp, { noPad: true });
	// doc 23: CTA "advised" to be ≤30 characters without emoji — advice, not enforced.
	reqStr(params, 'flow_cta', pp, { noPad: true });
	optStr(params, 'mode', pp, { oneOf: ['draft', 'published'] });
	optStr(params, 'flow_token', pp);
	const flowAction = optStr(params, 'flow_action', pp, { oneOf: ['navigate', 'data_exchange'] }) ?? 'navigate';
	const payload = optObj(params, 'flow_action_payload', pp);
	if (payload) {
		const fp = at(pp, 'flow_action_payload');
		// doc 23: "Optional if flow_action is navigate. Should be omitted otherwise."
		if (flowAction !== 'navigate')
			fail(badValue(fp, `is only allowed when flow_action is "navigate" (got "${flowAction}").`));
		// Docs: doc 23 types flow_action_payload (and its data) as "String" but describes and sends objects — objects required.
		allowKeys(payload, fp, ['screen', 'data']);
		optStr(payload, 'screen', fp);
		const data = optObj(payload, 'data', fp);
		if (data && Object.keys(data).length === 0) fail(badValue(at(fp, 'data'), 'must be a non-empty object.'));
	}
}

// ---------------------------------------------------------------- location request (doc 50)

function checkLocationRequestAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['name']);
	reqStr(action, 'name', path, { oneOf: ['send_location'] });
}

// ---------------------------------------------------------------- address message (doc 84)

export const ADDRESS_FIELDS = [
	'name',
	'phone_number',
	'in_pin_code',
	'house_number',
	'floor_number',
	'tower_number',
	'building_name',
	'address',
	'landmark_area',
	'city',
	'state',
] as const;

const PHONE = /^\s*\+?[\d\s()-]*\d[\d\s()-]*$/;

function checkAddressValues(values: Obj, path: JsonPath): void {
	allowKeys(values, path, ADDRESS_FIELDS);
	for (const field of ADDRESS_FIELDS) {
		// Prefilled values may be empty strings (doc 84's saved-address example sends building_name: "").
		const value = optStr(values, field, path, { min: 0, max: field === 'in_pin_code' ? 6 : undefined });
		if (field === 'phone_number' && value) {
			checkStr(value, at(path, field), { pattern: PHONE, formatHint: 'must be a valid phone number' });
		}
	}
}

function checkAddressAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['name', 'parameters']);
	reqStr(action, 'name', path, { oneOf: ['address_message'] });
	// Docs: one doc 84 example passes "parameters": "JSON Payload" (a string placeholder) — a stringified JSON object is accepted, that placeholder is not.
	const params = reqParameters(action, path, true);
	const pp = at(path, 'parameters');
	allowKeys(params, pp, ['country', 'values', 'saved_addresses', 'validation_errors']);
	// doc 84: country is mandatory; the feature and all its fields exist for India only.
	reqStr(params, 'country', pp, { oneOf: ['IN'] });
	const values = optObj(params, 'values', pp);
	if (values) checkAddressValues(values, at(pp, 'values'));
	if (has(params, 'saved_addresses')) {
		const saved = checkArr(params.saved_addresses, at(pp, 'saved_addresses'));
		const ids: Array<{ value: string; path: JsonPath }> = [];
		saved.forEach((raw, i) => {
			const sp = at(pp, 'saved_addresses', i);
			const entry = asObject(raw, sp);
			allowKeys(entry, sp, ['id', 'value']);
			ids.push({ value: reqStr(entry, 'id', sp), path: at(sp, 'id') });
			checkAddressValues(reqObj(entry, 'value', sp), at(sp, 'value'));
		});
		unique(ids, 'saved address id');
	}
	const errors = optObj(params, 'validation_errors', pp);
	if (errors) {
		const ep = at(pp, 'validation_errors');
		allowKeys(errors, ep, ADDRESS_FIELDS);
		for (const field of Object.keys(errors)) checkStr(errors[field], at(ep, field));
	}
}

// ---------------------------------------------------------------- products and catalog (docs 77, 16)

function checkProductAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['catalog_id', 'product_retailer_id']);
	reqStr(action, 'catalog_id', path, { noPad: true });
	reqStr(action, 'product_retailer_id', path, { noPad: true });
}

function checkProductListAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['catalog_id', 'sections']);
	reqStr(action, 'catalog_id', path, { noPad: true });
	const sections = reqArr(action, 'sections', path, { min: 1, max: 10 });
	const sectionObjs = sections.map((raw, i) => asObject(raw, at(path, 'sections', i)));
	let totalProducts = 0;
	sectionObjs.forEach((section, i) => {
		const sp = at(path, 'sections', i);
		allowKeys(section, sp, ['title', 'product_items']);
		totalProducts += reqArr(section, 'product_items', sp, { min: 1 }).length;
	});
	// doc 16: "a maximum of 30 products across all sections".
	if (totalProducts > 30) {
		fail(
			badValue(
				at(path, 'sections'),
				`must contain at most 30 products in total across all sections (got ${totalProducts}).`,
			),
		);
	}
	sectionObjs.forEach((section, i) => {
		const sp = at(path, 'sections', i);
		if (sectionObjs.length > 1) reqStr(section, 'title', sp, { max: 24, noPad: true });
		else optStr(section, 'title', sp, { max: 24, noPad: true });
		(section.product_items as unknown[]).forEach((rawItem, j) => {
			const ip = at(sp, 'product_items', j);
			const item = asObject(rawItem, ip);
			allowKeys(item, ip, ['product_retailer_id']);
			reqStr(item, 'product_retailer_id', ip, { noPad: true });
		});
	});
}

function checkCatalogAction(action: Obj, path: JsonPath): void {
	allowKeys(action, path, ['name', 'parameters']);
	reqStr(action, 'name', path, { oneOf: ['catalog_message'] });
	// doc 77: the parameters object is optional (default thumbnail: first catalog item).
	const params = optObj(action, 'parameters', path);
	if (params) {
		allowKeys(params, at(path, 'parameters'), ['thumbnail_product_retailer_id']);
		optStr(params, 'thumbnail_product_retailer_id', at(path, 'parameters'), { noPad: true });
	}
}
