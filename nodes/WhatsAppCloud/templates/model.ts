import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../formValues';

/**
 * What a stored template (GET /{waba-id}/message_templates) asks for when it is sent: one "slot" per value
 * the user must or may give, grouped by the component that carries it. The same plan drives the editor's
 * variable form (resource mapper fields) and the body sent at run time, so both always agree.
 */

export interface TemplateDefinition {
	id?: string;
	name: string;
	language: string;
	status?: string;
	category?: string;
	sub_category?: string;
	parameter_format?: string;
	components?: IDataObject[];
}

export type HeaderFormat = 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION' | 'PRODUCT';
export type MediaFormat = 'image' | 'video' | 'document';

export interface Variable {
	/** `1`, `2`, ... for positional templates, the parameter name for named ones. */
	key: string;
	named: boolean;
	example?: string;
}

export type ButtonKind =
	'quick_reply' | 'url' | 'copy_code' | 'otp' | 'flow' | 'mpm' | 'catalog' | 'order_details' | 'static';

export interface ButtonPlan {
	index: number;
	kind: ButtonKind;
	text?: string;
	/** URL buttons: the template's URL, with `{{1}}` when it takes a suffix. */
	url?: string;
	example?: string;
}

export interface CardPlan {
	header?: HeaderFormat;
	body: Variable[];
	buttons: ButtonPlan[];
}

export interface TemplatePlan {
	name: string;
	language: string;
	status: string;
	category: string;
	named: boolean;
	header?: HeaderFormat;
	headerVariables: Variable[];
	body: Variable[];
	/** Characters of the body text without variables, for the documented length limits. */
	bodyText: string;
	buttons: ButtonPlan[];
	/** Authentication template: one one-time password fills the body variable and the OTP button. */
	authentication: boolean;
	/** Limited-time offer template (doc 78): offer codes are limited to 15 characters. */
	limitedTimeOffer: boolean;
	/** Its offer component shows the expiration, so the send carries `expiration_time_ms`. */
	offerExpiration: boolean;
	carousel?: CardPlan[];
	orderStatus: boolean;
	hasFooter: boolean;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

const upper = (value: unknown): string => (typeof value === 'string' ? value.toUpperCase() : '');

/** Variables of a text in order of first appearance: `{{1}}` or `{{customer_name}}`. */
export function placeholders(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	const keys: string[] = [];
	for (const match of text.matchAll(PLACEHOLDER)) {
		if (!keys.includes(match[1])) keys.push(match[1]);
	}
	return keys;
}

function firstString(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return firstString(value[0]);
	return undefined;
}

/** Example values as the template stores them: `body_text: [[..]]`, `header_text: [..]`, or the named lists. */
function examples(component: IDataObject, kind: 'body' | 'header'): Map<string, string> {
	const found = new Map<string, string>();
	const example = isObject(component.example) ? component.example : {};
	const named = example[`${kind}_text_named_params`];
	if (Array.isArray(named)) {
		for (const entry of named) {
			if (isObject(entry) && typeof entry.param_name === 'string')
				found.set(entry.param_name, String(entry.example ?? ''));
		}
	}
	const positional = example[`${kind}_text`];
	const list = Array.isArray(positional) && Array.isArray(positional[0]) ? positional[0] : positional;
	if (Array.isArray(list)) list.forEach((value, i) => found.set(String(i + 1), String(value)));
	return found;
}

function variables(component: IDataObject, kind: 'body' | 'header', named: boolean): Variable[] {
	const sample = examples(component, kind);
	const keys = placeholders(component.text);
	// Positional parameters are sent in the order of their numbers, whatever order the text uses them in.
	if (keys.every((key) => /^\d+$/.test(key))) keys.sort((a, b) => Number(a) - Number(b));
	return keys.map((key) => ({ key, named: named || !/^\d+$/.test(key), example: sample.get(key) }));
}

function buttonKind(button: IDataObject, authentication: boolean): ButtonKind {
	const type = upper(button.type);
	switch (type) {
		case 'QUICK_REPLY':
			return 'quick_reply';
		case 'URL':
			if (authentication || /otp_type=|[?&]code=otp/i.test(String(button.url ?? ''))) return 'otp';
			return placeholders(button.url).length > 0 ? 'url' : 'static';
		case 'OTP':
			return 'otp';
		case 'COPY_CODE':
			return 'copy_code';
		case 'FLOW':
		case 'FORMS':
			return 'flow';
		case 'MPM':
			return 'mpm';
		case 'CATALOG':
			return 'catalog';
		case 'ORDER_DETAILS':
			return 'order_details';
		default:
			// PHONE_NUMBER, VOICE_CALL, SPM ("View"), ...: nothing to fill in when sending.
			return 'static';
	}
}

function buttonsOf(components: IDataObject[], authentication: boolean): ButtonPlan[] {
	const group = components.find((c) => upper(c.type) === 'BUTTONS');
	const list = group && Array.isArray(group.buttons) ? (group.buttons as IDataObject[]) : [];
	return list.map((button, index) => ({
		index,
		kind: buttonKind(button, authentication),
		text: typeof button.text === 'string' ? button.text : undefined,
		url: typeof button.url === 'string' ? button.url : undefined,
		example: firstString(button.example),
	}));
}

function headerOf(components: IDataObject[]): IDataObject | undefined {
	return components.find((c) => upper(c.type) === 'HEADER');
}

function headerFormat(header: IDataObject | undefined): HeaderFormat | undefined {
	if (!header) return undefined;
	const format = upper(header.format) || 'TEXT';
	return (['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'PRODUCT'] as const).find((f) => f === format);
}

/** Reads a stored template into the plan of what a send must carry. */
export function planTemplate(definition: TemplateDefinition): TemplatePlan {
	const components = Array.isArray(definition.components) ? definition.components.filter(isObject) : [];
	const named = upper(definition.parameter_format) === 'NAMED';
	const category = upper(definition.category);
	const authentication = category === 'AUTHENTICATION';
	const header = headerOf(components);
	const body = components.find((c) => upper(c.type) === 'BODY');
	const offer = components.find((c) => upper(c.type) === 'LIMITED_TIME_OFFER');
	const carousel = components.find((c) => upper(c.type) === 'CAROUSEL');
	const plan: TemplatePlan = {
		name: definition.name,
		language: definition.language,
		status: upper(definition.status),
		category,
		named,
		header: headerFormat(header),
		headerVariables: header && headerFormat(header) === 'TEXT' ? variables(header, 'header', named) : [],
		body: body ? variables(body, 'body', named) : [],
		bodyText: typeof body?.text === 'string' ? body.text.replace(PLACEHOLDER, '') : '',
		buttons: buttonsOf(components, authentication),
		authentication,
		limitedTimeOffer: Boolean(offer),
		offerExpiration: Boolean(
			offer && isObject(offer.limited_time_offer) && offer.limited_time_offer.has_expiration === true,
		),
		orderStatus: upper(definition.sub_category) === 'ORDER_STATUS',
		hasFooter: components.some((c) => upper(c.type) === 'FOOTER'),
	};
	if (carousel && Array.isArray(carousel.cards)) {
		plan.carousel = (carousel.cards as IDataObject[]).map((card) => {
			const cardComponents = Array.isArray(card.components) ? (card.components as IDataObject[]).filter(isObject) : [];
			const cardBody = cardComponents.find((c) => upper(c.type) === 'BODY');
			return {
				header: headerFormat(headerOf(cardComponents)),
				body: cardBody ? variables(cardBody, 'body', named) : [],
				buttons: buttonsOf(cardComponents, false),
			};
		});
	}
	return plan;
}

/** A short description for pickers and errors: `order_update (en_US) · UTILITY · APPROVED`. */
export function describeTemplate(definition: TemplateDefinition): string {
	const parts = [`${definition.name} (${definition.language})`];
	if (definition.category) parts.push(String(definition.category));
	if (definition.status) parts.push(String(definition.status));
	return parts.join(' · ');
}
