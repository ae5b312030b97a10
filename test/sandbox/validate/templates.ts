/**
 * Sandbox check of `type: "template"` sends against the stored template, the way Cloud API answers (docs 01, 14,
 * 16, 19, 24, 32, 34, 35, 42, 49, 51, 67, 78, 82, 86, 87). Written from the docs, not from nodes/.
 *
 * - 132001 unknown name/language or not approved; 132015 paused; 132016 disabled (doc 86).
 * - 132000 parameter count (or missing parameter) mismatch; 132012 parameter format mismatch (doc 86).
 * - 100 malformed template object.
 */
import type { StoredTemplate, TemplateStore } from '../templateStore';
import type { GraphFault } from './fault';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const up = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : '');

class Fault extends Error {
	constructor(readonly fault: GraphFault) {
		super(fault.details);
	}
}

function fault(code: number, title: string, details: string, httpStatus = 400): never {
	throw new Fault({ httpStatus, code, title, details });
}

function countMismatch(details: string): never {
	return fault(132000, 'Number of parameters does not match the expected number of params', details);
}
function formatMismatch(details: string): never {
	return fault(132012, 'Parameter format does not match format in the created template', details);
}
function invalid(details: string): never {
	return fault(100, 'Invalid parameter', details);
}

const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function variablesOf(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]))];
}

function params(component: Obj | undefined, where: string): Obj[] {
	if (!component || component.parameters === undefined) return [];
	if (!Array.isArray(component.parameters)) invalid(`Param ${where}['parameters'] must be an array.`);
	return (component.parameters as unknown[]).map((p, i) => {
		if (!isObj(p) || typeof p.type !== 'string')
			invalid(`Param ${where}['parameters'][${i}] must be an object with a type.`);
		return p as Obj;
	});
}

function checkCount(where: string, sent: number, expected: number): void {
	if (sent !== expected) {
		countMismatch(
			`${where}: number of localizable_params (${sent}) does not match the expected number of params (${expected})`,
		);
	}
}

function checkTextParam(p: Obj, where: string, max?: number): void {
	if (p.type === 'text') {
		if (typeof p.text !== 'string' || p.text === '') formatMismatch(`${where}: text parameter without text`);
		if (max !== undefined && [...(p.text as string)].length > max)
			invalid(`Param ${where} text must be at most ${max} characters long.`);
	} else if (p.type === 'currency') {
		const c = p.currency;
		if (
			!isObj(c) ||
			typeof c.fallback_value !== 'string' ||
			!/^[A-Z]{3}$/.test(String(c.code)) ||
			!Number.isInteger(c.amount_1000)
		) {
			formatMismatch(`${where}: currency needs fallback_value, an ISO 4217 code and an integer amount_1000`);
		}
	} else if (p.type === 'date_time') {
		if (!isObj(p.date_time) || typeof p.date_time.fallback_value !== 'string')
			formatMismatch(`${where}: date_time needs fallback_value`);
	} else {
		formatMismatch(`${where}: Format mismatch, expected TEXT, received ${up(p.type)}`);
	}
}

function checkTextVariables(
	component: Obj | undefined,
	names: string[],
	named: boolean,
	where: string,
	max?: number,
): void {
	const sent = params(component, where);
	checkCount(where, sent.length, names.length);
	if (named) {
		const given = sent.map((p) => p.parameter_name);
		const missing = names.filter((n) => !given.includes(n));
		if (missing.length > 0)
			countMismatch(`${where}: parameter(s) ${missing.join(', ')} expected but not found (parameter_name)`);
	} else if (sent.some((p) => p.parameter_name !== undefined)) {
		formatMismatch(`${where}: parameter_name sent for a template with positional parameters`);
	}
	sent.forEach((p, i) => checkTextParam(p, `${where}[${i}]`, max));
}

function checkHeader(header: Obj | undefined, sent: Obj | undefined, named: boolean, where: string): void {
	if (!header) {
		if (sent && params(sent, where).length > 0) checkCount(where, params(sent, where).length, 0);
		return;
	}
	const format = up(header.format) || 'TEXT';
	if (format === 'TEXT') {
		checkTextVariables(sent, variablesOf(header.text), named, where, 60);
		return;
	}
	const list = params(sent, where);
	checkCount(where, list.length, 1);
	const p = list[0];
	const expected = format.toLowerCase();
	if (p.type !== expected) formatMismatch(`${where}: Format mismatch, expected ${format}, received ${up(p.type)}`);
	const value = p[expected];
	if (!isObj(value)) formatMismatch(`${where}: ${expected} object missing`);
	if (format === 'LOCATION') {
		for (const key of ['latitude', 'longitude'])
			if (value[key] === undefined) countMismatch(`${where}: location ${key} expected but not found`);
	} else if (format === 'PRODUCT') {
		if (typeof value.product_retailer_id !== 'string' || typeof value.catalog_id !== 'string') {
			countMismatch(`${where}: product_retailer_id and catalog_id expected`);
		}
	} else {
		const hasId = typeof value.id === 'string' && value.id !== '';
		const hasLink = typeof value.link === 'string' && value.link !== '';
		if (hasId === hasLink) invalid(`Param ${where} ${expected} needs exactly one of id or link.`);
		if (value.caption !== undefined)
			invalid(`Param ${where} ${expected}: captions are not supported in template headers.`);
	}
}

interface ButtonRule {
	subType: string;
	param: string;
	required: boolean;
}

function buttonRule(button: Obj, authentication: boolean): ButtonRule | undefined {
	const type = up(button.type);
	const url = String(button.url ?? '');
	if (type === 'OTP' || (type === 'URL' && (authentication || /otp_type=/.test(url))))
		return { subType: 'url', param: 'text', required: true };
	if (type === 'URL')
		return variablesOf(url).length > 0 ? { subType: 'url', param: 'text', required: true } : undefined;
	if (type === 'QUICK_REPLY') return { subType: 'quick_reply', param: 'payload', required: false };
	if (type === 'COPY_CODE') return { subType: 'copy_code', param: 'coupon_code', required: true };
	if (type === 'MPM') return { subType: 'mpm', param: 'action', required: true };
	if (type === 'CATALOG') return { subType: 'catalog', param: 'action', required: false };
	if (type === 'FLOW') return { subType: 'flow', param: 'action', required: false };
	if (type === 'ORDER_DETAILS') return { subType: 'order_details', param: 'action', required: true };
	return undefined;
}

function indexOf(component: Obj, where: string): number {
	const raw = component.index;
	// Docs: index is a string ("0") in the reference (16) and an integer in several guides (01, 34); both are accepted.
	const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < 0 || n > 9) invalid(`Param ${where}['index'] must be a button index from 0 to 9.`);
	return n;
}

function checkButtons(definitionButtons: Obj[], sent: Obj[], authentication: boolean, where: string): void {
	const byIndex = new Map<number, Obj>();
	for (const component of sent) {
		const index = indexOf(component, where);
		if (byIndex.has(index)) invalid(`Param ${where}: two button components with index ${index}.`);
		byIndex.set(index, component);
	}
	definitionButtons.forEach((button, index) => {
		const rule = buttonRule(button, authentication);
		const component = byIndex.get(index);
		byIndex.delete(index);
		if (!rule) {
			if (component) formatMismatch(`${where}: button at index ${index} (${up(button.type)}) takes no parameters`);
			return;
		}
		if (!component) {
			// Doc 87: "Parameter value for URL was expected but was not found"
			if (rule.required)
				countMismatch(
					`${where}: Parameter value for ${up(button.type) === 'URL' || up(button.type) === 'OTP' ? 'URL' : up(button.type)} was expected but was not found (button index ${index})`,
				);
			return;
		}
		// Docs: sub_type casing varies (COPY_CODE in 34, catalog in 16); compared case-insensitively.
		if (String(component.sub_type ?? '').toLowerCase() !== rule.subType) {
			formatMismatch(
				`${where}: button at index ${index} expected sub_type ${rule.subType}, received ${String(component.sub_type)}`,
			);
		}
		const list = params(component, `${where} button ${index}`);
		checkCount(`${where} button ${index}`, list.length, 1);
		const p = list[0];
		if (p.type !== rule.param)
			formatMismatch(
				`${where} button ${index}: Format mismatch, expected ${rule.param.toUpperCase()}, received ${up(p.type)}`,
			);
		const value = p[rule.param];
		if (rule.param === 'action' ? !isObj(value) : typeof value !== 'string' || value === '') {
			formatMismatch(`${where} button ${index}: ${rule.param} value missing`);
		}
		if (rule.subType === 'mpm') checkMpm(value as Obj, `${where} button ${index}`);
		if (rule.subType === 'order_details' && !isObj((value as Obj).order_details))
			formatMismatch(`${where} button ${index}: action.order_details missing`);
		if (rule.param === 'coupon_code' && !/^[A-Za-z0-9]+$/.test(String(value)))
			invalid(`Param ${where} button ${index} coupon_code must be alphanumeric.`);
		if (authentication && [...String(value)].length > 15)
			invalid(`Param ${where} button ${index}: one-time password must be at most 15 characters long.`);
	});
	for (const index of byIndex.keys()) formatMismatch(`${where}: the template has no button at index ${index}`);
}

function checkMpm(action: Obj, where: string): void {
	if (!Array.isArray(action.sections) || action.sections.length === 0 || action.sections.length > 10) {
		invalid(`Param ${where} action sections must have 1 to 10 entries.`);
	}
	let products = 0;
	for (const section of action.sections as unknown[]) {
		if (
			!isObj(section) ||
			typeof section.title !== 'string' ||
			[...section.title].length > 24 ||
			!Array.isArray(section.product_items)
		) {
			invalid(`Param ${where} sections need a title (at most 24 characters) and product_items.`);
		}
		products += (section.product_items as unknown[]).length;
	}
	if (products > 30) invalid(`Param ${where}: at most 30 products in total.`);
}

interface SentParts {
	header?: Obj;
	body?: Obj;
	buttons: Obj[];
	offer?: Obj;
	carousel?: Obj;
	orderStatus?: Obj;
}

function split(components: unknown, where: string, allowed: string[]): SentParts {
	if (components === undefined) return { buttons: [] };
	if (!Array.isArray(components)) invalid(`Param ${where} must be an array.`);
	const parts: SentParts = { buttons: [] };
	(components as unknown[]).forEach((c, i) => {
		if (!isObj(c)) invalid(`Param ${where}[${i}] must be an object.`);
		const type = String(c.type ?? '').toLowerCase();
		if (!allowed.includes(type))
			invalid(`Param ${where}[${i}]['type'] must be one of ${allowed.join(', ')} (got "${String(c.type)}").`);
		if (type === 'button') parts.buttons.push(c);
		else {
			const key = (
				{
					header: 'header',
					body: 'body',
					limited_time_offer: 'offer',
					carousel: 'carousel',
					order_status: 'orderStatus',
				} as const
			)[type as 'header'];
			if (parts[key]) invalid(`Param ${where}: more than one ${type} component.`);
			parts[key] = c;
		}
	});
	return parts;
}

const find = (components: unknown, type: string): Obj | undefined =>
	Array.isArray(components) ? (components as Obj[]).find((c) => up(c.type) === type) : undefined;
const buttonList = (components: unknown): Obj[] => {
	const group = find(components, 'BUTTONS');
	return group && Array.isArray(group.buttons) ? (group.buttons as Obj[]) : [];
};

function checkAgainst(stored: StoredTemplate, components: unknown): void {
	const named = stored.parameter_format === 'NAMED';
	const authentication = up(stored.category) === 'AUTHENTICATION';
	const parts = split(components, "template['components']", [
		'header',
		'body',
		'button',
		'limited_time_offer',
		'carousel',
		'order_status',
	]);
	const def = stored.components;
	checkHeader(find(def, 'HEADER'), parts.header, named, 'header');
	const bodyVars = variablesOf(find(def, 'BODY')?.text);
	checkTextVariables(parts.body, bodyVars, named, 'body');
	const offer = find(def, 'LIMITED_TIME_OFFER');
	const offerWanted = isObj(offer?.limited_time_offer) && offer.limited_time_offer.has_expiration === true;
	if (offerWanted || parts.offer) {
		if (!offer) invalid('Param limited_time_offer: the template has no limited-time offer.');
		const list = params(parts.offer, 'limited_time_offer');
		if (offerWanted) checkCount('limited_time_offer', list.length, 1);
		const p = list[0];
		if (
			p &&
			(p.type !== 'limited_time_offer' ||
				!isObj(p.limited_time_offer) ||
				!Number.isInteger(p.limited_time_offer.expiration_time_ms))
		) {
			formatMismatch('limited_time_offer: expected limited_time_offer with an integer expiration_time_ms');
		}
	}
	checkButtons(buttonList(def), parts.buttons, authentication, 'buttons');
	const carousel = find(def, 'CAROUSEL');
	if (carousel || parts.carousel) {
		if (!carousel) invalid('Param carousel: the template has no carousel.');
		const cards = Array.isArray(carousel.cards) ? (carousel.cards as Obj[]) : [];
		const sent = parts.carousel && Array.isArray(parts.carousel.cards) ? (parts.carousel.cards as unknown[]) : [];
		if (sent.length !== cards.length) {
			countMismatch(
				`carousel: number of cards (${sent.length}) does not match the expected number of cards (${cards.length})`,
			);
		}
		const seen = new Set<number>();
		sent.forEach((raw, i) => {
			if (!isObj(raw) || !Number.isInteger(raw.card_index))
				invalid(`Param carousel['cards'][${i}]['card_index'] must be an integer.`);
			const index = raw.card_index as number;
			if (index < 0 || index >= cards.length || seen.has(index))
				invalid(`Param carousel['cards'][${i}]['card_index'] must be a unique index from 0 to ${cards.length - 1}.`);
			seen.add(index);
			const card = cards[index].components;
			const where = `card ${index}`;
			const cardParts = split(raw.components, `carousel['cards'][${i}]['components']`, ['header', 'body', 'button']);
			checkHeader(find(card, 'HEADER'), cardParts.header, named, `${where} header`);
			checkTextVariables(cardParts.body, variablesOf(find(card, 'BODY')?.text), named, `${where} body`);
			checkButtons(buttonList(card), cardParts.buttons, false, `${where} buttons`);
		});
	}
	const wantsStatus = up(stored.sub_category) === 'ORDER_STATUS';
	if (wantsStatus || parts.orderStatus) {
		if (!wantsStatus) invalid('Param order_status: the template is not an order status template.');
		const list = params(parts.orderStatus, 'order_status');
		checkCount('order_status', list.length, 1);
		const value = list[0].order_status;
		const statuses = ['processing', 'partially_shipped', 'shipped', 'completed', 'canceled'];
		if (
			list[0].type !== 'order_status' ||
			!isObj(value) ||
			typeof value.reference_id !== 'string' ||
			!isObj(value.order) ||
			!statuses.includes(String(value.order.status))
		) {
			formatMismatch(`order_status: expected reference_id and order.status (${statuses.join(', ')})`);
		}
	}
}

/** First fault of a `type: "template"` send against the stored templates, or null. */
export function validateTemplateSend(body: unknown, store: TemplateStore): GraphFault | null {
	try {
		if (!isObj(body) || !isObj(body.template)) invalid('The parameter template is required.');
		const template = body.template as Obj;
		for (const key of Object.keys(template)) {
			if (!['name', 'language', 'components', 'namespace'].includes(key))
				invalid(`Unexpected key "${key}" on param "template".`);
		}
		if (typeof template.name !== 'string' || template.name === '')
			fault(131008, 'Required parameter is missing', "The parameter template['name'] is required.");
		if ([...(template.name as string)].length > 512)
			invalid("Param template['name'] must be at most 512 characters long.");
		const language = template.language;
		if (!isObj(language) || typeof language.code !== 'string')
			fault(131008, 'Required parameter is missing', "The parameter template['language']['code'] is required.");
		// Docs: language.policy is "Required" in the reference (16) but missing from most examples; accepted both ways.
		if (language.policy !== undefined && language.policy !== 'deterministic')
			invalid("Param template['language']['policy'] must be deterministic.");
		const name = template.name as string;
		const code = language.code as string;
		const stored = store.find(name, code);
		if (!stored)
			fault(
				132001,
				'Template name does not exist in the translation',
				`template name (${name}) does not exist in ${code}`,
				404,
			);
		if (stored.status === 'PAUSED') {
			fault(
				132015,
				'Template is Paused',
				'Template is paused due to low quality so it cannot be sent in a template message.',
			);
		}
		if (stored.status === 'DISABLED') {
			fault(
				132016,
				'Template is Disabled',
				'Template has been paused too many times due to low quality and is now permanently disabled.',
			);
		}
		if (stored.status !== 'APPROVED')
			fault(
				132001,
				'Template name does not exist in the translation',
				`template name (${name}) in ${code} is not approved (status ${stored.status})`,
				404,
			);
		checkAgainst(stored, template.components);
		return null;
	} catch (error) {
		if (error instanceof Fault) return error.fault;
		throw error;
	}
}
