import type { IDataObject } from 'n8n-workflow';

import { checkLength, InputError } from '../../shared/InputError';
import type { MediaKind } from '../../shared/mediaRules';
import { isObject } from '../formValues';
import { checkReferenceId } from '../orders/math';
import { buttonLabel, fieldIds, MAX_MPM_SECTIONS, ORDER_STATUS_OPTIONS, templateFields } from './fields';
import type { ButtonPlan, CardPlan, HeaderFormat, TemplatePlan, Variable } from './model';

/**
 * Turns the variable form's values into the template's `components` (docs 01, 14, 16, 19, 24, 32, 34, 35,
 * 42, 49, 51, 67, 78, 82, 87). Every check runs before anything is uploaded or sent; errors name the variable
 * and the component it belongs to.
 */

// Limits of the reference page (16) and the template pages.
export const MAX_HEADER_TEXT_PARAM = 60;
export const MAX_BODY_PARAM = 1024;
export const MAX_BODY_ONLY_PARAM = 32768;
export const MAX_OTP = 15;
export const MAX_OFFER_CODE = 15;
export const MAX_URL = 2000;
export const MAX_SECTION_TITLE = 24;
export const MAX_MPM_PRODUCTS = 30;
export const MAX_CARDS = 10;

export type Values = Record<string, unknown>;

export interface BuildHelpers {
	/** Order details of an `order_details` button from the node's Order Details fields (undefined when not set up). */
	orderDetailsFromForm?: () => IDataObject | undefined;
	/** Uploads binary data of the input item; used only after every check passed. */
	uploadBinary?: (propertyName: string, kind: MediaKind) => Promise<string>;
}

export type PendingComponents = (helpers: BuildHelpers) => Promise<IDataObject[]>;

type Pending = (helpers: BuildHelpers) => Promise<IDataObject>;

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const asText = (value: unknown): string =>
	typeof value === 'string'
		? value
		: typeof value === 'number' || typeof value === 'boolean'
			? String(value)
			: JSON.stringify(value);

class Reader {
	private readonly labels: Map<string, string>;

	constructor(
		private readonly plan: TemplatePlan,
		private readonly values: Values,
	) {
		this.labels = new Map(templateFields(plan).map((field) => [field.id, field.label]));
	}

	get templateName(): string {
		return this.plan.name;
	}

	label(id: string): string {
		return this.labels.get(id) ?? id;
	}

	fail(id: string, component: string, message: string): never {
		throw new InputError(this.label(id), `${message} (template "${this.plan.name}", ${component})`);
	}

	has(id: string): boolean {
		return !isEmpty(this.values[id]);
	}

	optional(id: string): string | undefined {
		return this.has(id) ? asText(this.values[id]) : undefined;
	}

	required(id: string, component: string): string {
		if (!this.has(id)) this.fail(id, component, `Template variable "${this.label(id)}" is missing`);
		return asText(this.values[id]);
	}

	raw(id: string): unknown {
		return this.values[id];
	}
}

function textParameter(variable: Variable, text: string): IDataObject {
	// Docs: the guide (01) spells the named key "paramter_name" once; the reference spelling parameter_name is sent.
	return variable.named ? { type: 'text', parameter_name: variable.key, text } : { type: 'text', text };
}

/** "USD 100.99", "100.99 EUR" or "USD100" -> currency object with amount_1000. */
function parseCurrency(
	read: Reader,
	id: string,
	component: string,
	value: string,
): { code: string; amount_1000: number } {
	const match = /^\s*(?:([A-Za-z]{3})\s*([-+]?\d+(?:[.,]\d+)?)|([-+]?\d+(?:[.,]\d+)?)\s*([A-Za-z]{3}))\s*$/.exec(value);
	if (!match) {
		read.fail(
			id,
			component,
			`"${read.label(id)}" must be an ISO 4217 code and an amount, e.g. "USD 100.99"; got "${value}"`,
		);
	}
	const code = (match[1] ?? match[4]).toUpperCase();
	const amount = Number((match[2] ?? match[3]).replace(',', '.'));
	return { code, amount_1000: Math.round(amount * 1000) };
}

function bodyParameters(
	read: Reader,
	variables: Variable[],
	prefix: string,
	component: string,
	max: number,
): IDataObject[] {
	return variables.map((variable) => {
		const id = fieldIds.body(prefix, variable.key);
		const text = read.required(id, component);
		checkLength(read.label(id), text, max);
		const name = variable.named ? { parameter_name: variable.key } : {};
		const currency = read.optional(fieldIds.bodyCurrency(prefix, variable.key));
		if (currency !== undefined) {
			const parsed = parseCurrency(read, fieldIds.bodyCurrency(prefix, variable.key), component, currency);
			return { type: 'currency', ...name, currency: { fallback_value: text, ...parsed } };
		}
		const dateTime = read.raw(fieldIds.bodyDateTime(prefix, variable.key));
		if (dateTime === true || dateTime === 'true') {
			return { type: 'date_time', ...name, date_time: { fallback_value: text } };
		}
		return textParameter(variable, text);
	});
}

function coordinate(read: Reader, part: 'latitude' | 'longitude'): string {
	const id = fieldIds.location(part);
	const value = read.required(id, 'header').trim();
	const limit = part === 'latitude' ? 90 : 180;
	const number = Number(value);
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value) || Math.abs(number) > limit) {
		read.fail(id, 'header', `"${read.label(id)}" must be a number between -${limit} and ${limit}; got "${value}"`);
	}
	return value;
}

function mediaParameter(read: Reader, format: HeaderFormat, prefix: string, component: string): Pending {
	const kind = format.toLowerCase() as 'image' | 'video' | 'document';
	const id = fieldIds.headerMedia(prefix, kind);
	const value = read.required(id, component).trim();
	const filename = !prefix && kind === 'document' ? read.optional(fieldIds.headerFilename)?.trim() : undefined;
	const wrap = (media: IDataObject): IDataObject => ({ type: kind, [kind]: filename ? { ...media, filename } : media });
	if (/^https?:\/\//i.test(value)) return async () => wrap({ link: value });
	if (/^\d+$/.test(value)) return async () => wrap({ id: value });
	if (/^[A-Za-z_][\w-]*$/.test(value)) {
		return async (helpers) => {
			if (!helpers.uploadBinary) read.fail(id, component, 'Binary data cannot be uploaded here');
			return wrap({ id: await helpers.uploadBinary(value, kind) });
		};
	}
	read.fail(
		id,
		component,
		`"${read.label(id)}" must be a media ID (digits), an http(s) URL or the name of a binary property of the input item; got "${value}"`,
	);
}

function headerComponent(read: Reader, plan: TemplatePlan): Pending | undefined {
	const format = plan.header;
	if (!format) return undefined;
	if (format === 'TEXT') {
		if (plan.headerVariables.length === 0) return undefined;
		const parameters = plan.headerVariables.map((variable) => {
			const id = fieldIds.headerText(variable.key);
			const text = read.required(id, 'header');
			checkLength(read.label(id), text, MAX_HEADER_TEXT_PARAM);
			return textParameter(variable, text);
		});
		return async () => ({ type: 'header', parameters });
	}
	if (format === 'LOCATION') {
		const location: IDataObject = { latitude: coordinate(read, 'latitude'), longitude: coordinate(read, 'longitude') };
		for (const part of ['name', 'address'] as const) {
			const value = read.optional(fieldIds.location(part));
			if (value !== undefined) location[part] = value;
		}
		return async () => ({ type: 'header', parameters: [{ type: 'location', location }] });
	}
	if (format === 'PRODUCT') return productHeader(read, '', 'header');
	const media = mediaParameter(read, format, '', 'header');
	return async (helpers) => ({ type: 'header', parameters: [await media(helpers)] });
}

function productHeader(read: Reader, prefix: string, component: string): Pending {
	const product = {
		product_retailer_id: read.required(fieldIds.product(prefix, 'product_retailer_id'), component).trim(),
		catalog_id: read.required(fieldIds.product(prefix, 'catalog_id'), component).trim(),
	};
	return async () => ({ type: 'header', parameters: [{ type: 'product', product }] });
}

// Docs: sub_type casing differs between pages (COPY_CODE in 34, CATALOG in 82); the reference page (16) writes
// sub_types in lower case, so lower case is sent. Button `index` is a string as in the reference example.
function button(index: number, subType: string, parameters: IDataObject[]): IDataObject {
	return { type: 'button', sub_type: subType, index: String(index), parameters };
}

function mpmAction(read: Reader, plan: ButtonPlan, component: string): IDataObject {
	const thumbnail = read.required(fieldIds.button('', plan.index, 'thumbnail_product_retailer_id'), component).trim();
	const sections: IDataObject[] = [];
	let products = 0;
	for (let section = 1; section <= MAX_MPM_SECTIONS; section++) {
		const titleId = fieldIds.section(plan.index, section, 'title');
		const productsId = fieldIds.section(plan.index, section, 'products');
		if (section > 1 && !read.has(titleId) && !read.has(productsId)) continue;
		const title = read.required(titleId, component);
		checkLength(read.label(titleId), title, MAX_SECTION_TITLE);
		const raw = read.raw(productsId);
		const skus = (Array.isArray(raw) ? raw.map(asText) : read.required(productsId, component).split(','))
			.map((sku) => sku.trim())
			.filter((sku) => sku !== '');
		if (skus.length === 0)
			read.fail(productsId, component, `"${read.label(productsId)}" needs at least one product SKU`);
		products += skus.length;
		sections.push({ title, product_items: skus.map((sku) => ({ product_retailer_id: sku })) });
	}
	if (products > MAX_MPM_PRODUCTS) {
		throw new InputError(
			buttonLabel(plan),
			`${buttonLabel(plan)} lists ${products} products, the limit is ${MAX_MPM_PRODUCTS} across all sections (template "${read.templateName}", ${component})`,
		);
	}
	return { thumbnail_product_retailer_id: thumbnail, sections };
}

function jsonObject(read: Reader, id: string, component: string): IDataObject | undefined {
	const raw = read.raw(id);
	if (isEmpty(raw)) return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			read.fail(id, component, `"${read.label(id)}" is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (!isObject(value)) read.fail(id, component, `"${read.label(id)}" must be a JSON object`);
	return value;
}

function buttonComponents(
	read: Reader,
	plan: TemplatePlan | CardPlan,
	prefix: string,
	where: string,
	helpers: { otp?: string; offer: boolean; orderDetails?: () => IDataObject | undefined },
): IDataObject[] {
	const components: IDataObject[] = [];
	for (const entry of plan.buttons) {
		const component = `${where}button ${entry.index} (${entry.kind})`;
		const id = (part: string) => fieldIds.button(prefix, entry.index, part);
		switch (entry.kind) {
			case 'quick_reply': {
				const payload = read.optional(id('payload'));
				if (payload !== undefined) components.push(button(entry.index, 'quick_reply', [{ type: 'payload', payload }]));
				break;
			}
			case 'url': {
				const suffix = read.required(id('url'), component);
				const full = (entry.url ?? '').replace(/\{\{\s*1\s*\}\}/, suffix);
				if (full.length > MAX_URL) {
					read.fail(
						id('url'),
						component,
						`The button URL would be ${full.length} characters long, the limit is ${MAX_URL}`,
					);
				}
				components.push(button(entry.index, 'url', [{ type: 'text', text: suffix }]));
				break;
			}
			case 'otp':
				components.push(button(entry.index, 'url', [{ type: 'text', text: helpers.otp ?? '' }]));
				break;
			case 'copy_code': {
				const code = read.required(id('coupon_code'), component).trim();
				if (!/^[A-Za-z0-9]+$/.test(code)) {
					read.fail(
						id('coupon_code'),
						component,
						`"${read.label(id('coupon_code'))}" may only contain letters and digits; got "${code}"`,
					);
				}
				if (helpers.offer) checkLength(read.label(id('coupon_code')), code, MAX_OFFER_CODE);
				components.push(button(entry.index, 'copy_code', [{ type: 'coupon_code', coupon_code: code }]));
				break;
			}
			case 'flow': {
				const action: IDataObject = {};
				const token = read.optional(id('flow_token'));
				if (token !== undefined) action.flow_token = token;
				const data = jsonObject(read, id('flow_action_data'), component);
				if (data) action.flow_action_data = data;
				if (Object.keys(action).length > 0) components.push(button(entry.index, 'flow', [{ type: 'action', action }]));
				break;
			}
			case 'catalog': {
				const thumbnail = read.optional(id('thumbnail_product_retailer_id'))?.trim();
				if (thumbnail) {
					components.push(
						button(entry.index, 'catalog', [{ type: 'action', action: { thumbnail_product_retailer_id: thumbnail } }]),
					);
				}
				break;
			}
			case 'mpm':
				components.push(button(entry.index, 'mpm', [{ type: 'action', action: mpmAction(read, entry, component) }]));
				break;
			case 'order_details': {
				const fromMapper = jsonObject(read, id('order_details'), component);
				const order = fromMapper ?? (prefix ? undefined : helpers.orderDetails?.());
				if (!order) {
					read.fail(
						id('order_details'),
						component,
						`The template has an order details (checkout) button: fill in the Order Details fields of the node${
							prefix ? '' : ' (Order Details Button: Order Form)'
						} or give the order as JSON in "${read.label(id('order_details'))}"`,
					);
				}
				const orderDetails = isObject(order.order_details) ? order.order_details : order;
				checkReferenceId(`${read.label(id('order_details'))} > Reference ID`, orderDetails.reference_id);
				components.push(
					button(entry.index, 'order_details', [{ type: 'action', action: { order_details: orderDetails } }]),
				);
				break;
			}
			default:
				break;
		}
	}
	return components;
}

function expirationMs(read: Reader): number {
	const id = fieldIds.expiration;
	const raw = read.raw(id);
	if (typeof raw === 'number' && Number.isFinite(raw)) return Math.trunc(raw);
	const value = read.required(id, 'limited_time_offer').trim();
	// Docs: the reference table (78) says Unix time in milliseconds while its example sends 1209600000; numbers are
	// sent unchanged as milliseconds, dates are converted.
	if (/^\d+$/.test(value)) return Number(value);
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) {
		read.fail(
			id,
			'limited_time_offer',
			`"${read.label(id)}" must be a date or a Unix time in milliseconds; got "${value}"`,
		);
	}
	return ms;
}

function cardComponents(read: Reader, card: CardPlan, index: number): Pending {
	const prefix = `card${index}:`;
	const where = `card ${index} `;
	let header: Pending | undefined;
	if (card.header === 'PRODUCT') header = productHeader(read, prefix, `${where}header`);
	else if (card.header && card.header !== 'TEXT') {
		const media = mediaParameter(read, card.header, prefix, `${where}header`);
		header = async (helpers) => ({ type: 'header', parameters: [await media(helpers)] });
	}
	const body =
		card.body.length > 0 ? bodyParameters(read, card.body, prefix, `${where}body`, MAX_BODY_PARAM) : undefined;
	const buttons = buttonComponents(read, card, prefix, where, { offer: false });
	return async (helpers) => {
		const components: IDataObject[] = [];
		if (header) components.push(await header(helpers));
		if (body) components.push({ type: 'body', parameters: body });
		components.push(...buttons);
		return { card_index: index, components };
	};
}

/** Values for fields the template does not have (a variable list from an older version of the template). */
function checkStale(plan: TemplatePlan, values: Values): void {
	const known = new Set(templateFields(plan).map((field) => field.id));
	const stale = Object.keys(values).filter((id) => !known.has(id) && !isEmpty(values[id]));
	if (stale.length > 0) {
		throw new InputError(
			'Template Variables',
			`Template "${plan.name}" (${plan.language}) has no variable ${stale.map((id) => `"${id}"`).join(', ')}: the template changed since the variables were loaded. Refresh the variable list.`,
		);
	}
}

/**
 * Checks the form's values against the template and returns a function that finishes the components
 * (uploading binary media only then).
 */
export function buildTemplateComponents(
	plan: TemplatePlan,
	values: Values,
	orderDetails?: () => IDataObject | undefined,
): PendingComponents {
	checkStale(plan, values);
	const read = new Reader(plan, values);
	const parts: Array<Pending | IDataObject> = [];

	if (plan.authentication) {
		const otp = read.required(fieldIds.otp, 'body and button');
		checkLength(read.label(fieldIds.otp), otp, MAX_OTP);
		if (plan.body.length > 0) parts.push({ type: 'body', parameters: [{ type: 'text', text: otp }] });
		parts.push(...buttonComponents(read, plan, '', '', { otp, offer: false }));
		return finish(parts);
	}

	const header = headerComponent(read, plan);
	if (header) parts.push(header);
	if (plan.body.length > 0) {
		const others =
			Boolean(header) ||
			plan.buttons.some((b) => b.kind !== 'static') ||
			Boolean(plan.carousel) ||
			plan.offerExpiration;
		parts.push({
			type: 'body',
			parameters: bodyParameters(read, plan.body, '', 'body', others ? MAX_BODY_PARAM : MAX_BODY_ONLY_PARAM),
		});
	}
	if (plan.offerExpiration) {
		parts.push({
			type: 'limited_time_offer',
			parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: expirationMs(read) } }],
		});
	}
	let otp: string | undefined;
	if (plan.buttons.some((b) => b.kind === 'otp')) {
		otp = read.required(fieldIds.otp, 'button');
		checkLength(read.label(fieldIds.otp), otp, MAX_OTP);
	}
	parts.push(...buttonComponents(read, plan, '', '', { otp, offer: plan.limitedTimeOffer, orderDetails }));
	if (plan.carousel) {
		if (plan.carousel.length > MAX_CARDS) {
			throw new InputError(
				'Template',
				`Template "${plan.name}" has ${plan.carousel.length} cards, the limit is ${MAX_CARDS}`,
			);
		}
		const cards = plan.carousel.map((card, index) => cardComponents(read, card, index));
		parts.push(async (helpers) => ({
			type: 'carousel',
			cards: await Promise.all(cards.map(async (card) => await card(helpers))),
		}));
	}
	if (plan.orderStatus) {
		const referenceId = checkReferenceId(
			read.label(fieldIds.orderStatus('reference_id')),
			read.required(fieldIds.orderStatus('reference_id'), 'order_status'),
		);
		const status = read.required(fieldIds.orderStatus('status'), 'order_status');
		const allowed = ORDER_STATUS_OPTIONS.map((option) => String(option.value));
		if (!allowed.includes(status)) {
			read.fail(
				fieldIds.orderStatus('status'),
				'order_status',
				`"Order Status" must be one of ${allowed.join(', ')}; got "${status}"`,
			);
		}
		const order: IDataObject = { status };
		const description = read.optional(fieldIds.orderStatus('description'));
		if (description !== undefined) {
			checkLength('Order Status Description', description, 120);
			order.description = description;
		}
		parts.push({
			type: 'order_status',
			parameters: [{ type: 'order_status', order_status: { reference_id: referenceId, order } }],
		});
	}
	return finish(parts);
}

function finish(parts: Array<Pending | IDataObject>): PendingComponents {
	return async (helpers) => {
		const components: IDataObject[] = [];
		for (const part of parts) components.push(typeof part === 'function' ? await part(helpers) : part);
		return components;
	};
}
