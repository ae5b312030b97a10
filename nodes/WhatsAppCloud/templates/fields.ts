import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import type { ButtonPlan, CardPlan, HeaderFormat, TemplatePlan, Variable } from './model';

/**
 * The variable form (n8n resource mapper) of a template: one field per value the template takes.
 * Field IDs name the component they fill, e.g. `body:1`, `header:image`, `button:1:url`,
 * `card0:button:0:payload`; the labels are what the user reads.
 */

export const MAX_MPM_SECTIONS = 10;

export const ORDER_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Processing', value: 'processing' },
	{ name: 'Partially Shipped', value: 'partially_shipped' },
	{ name: 'Shipped', value: 'shipped' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Canceled', value: 'canceled' },
];

export interface VariableField {
	id: string;
	/** Short name of the value, also used in error messages ("Body {{2}}"). */
	label: string;
	/** The template's example for it, shown after the label in the form when there is room. */
	example?: string;
	type: FieldType;
	required: boolean;
	/** Offered under "Add field" only (optional extras such as currency formatting). */
	optional?: boolean;
	options?: INodePropertyOptions[];
}

/**
 * Characters a field label shows at n8n 2.41's default panel width: the mapper's label row leaves 154 px beside
 * the Fixed/Expression switch (about 26 characters of its 12 px font), and a resource mapper field has no hint or
 * placeholder to put an example in, so it follows the label when there is room.
 */
export const MAX_LABEL = 26;

const brace = (variable: Variable) => `{{${variable.key}}}`;

/** `Body {{2}} · $100.99`: the example after the label, shortened to fit, or left out when there is no room. */
export function labelWithExample(label: string, example?: string): string {
	const text = example?.replace(/\s+/g, ' ').trim();
	const room = MAX_LABEL - label.length - 3;
	if (!text || room < 4) return label;
	return `${label} · ${text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`}`;
}

export const fieldIds = {
	otp: 'otp',
	headerText: (key: string) => `header:${key}`,
	headerMedia: (prefix: string, format: string) => `${prefix}header:${format}`,
	headerFilename: 'header:document:filename',
	location: (part: string) => `header:location:${part}`,
	product: (prefix: string, part: string) => `${prefix}header:product:${part}`,
	body: (prefix: string, key: string) => `${prefix}body:${key}`,
	bodyCurrency: (prefix: string, key: string) => `${prefix}body:${key}:currency`,
	bodyDateTime: (prefix: string, key: string) => `${prefix}body:${key}:date_time`,
	button: (prefix: string, index: number, part: string) => `${prefix}button:${index}:${part}`,
	section: (index: number, section: number, part: 'title' | 'products') => `button:${index}:section${section}:${part}`,
	expiration: 'limited_time_offer:expiration_time_ms',
	orderStatus: (part: string) => `order_status:${part}`,
};

const cardPrefix = (card: number) => `card${card}:`;

function headerFields(
	format: HeaderFormat | undefined,
	plan: TemplatePlan | undefined,
	prefix: string,
	where: string,
): VariableField[] {
	if (!format || format === 'TEXT') {
		return (plan?.headerVariables ?? []).map((variable) => ({
			id: fieldIds.headerText(variable.key),
			label: `Header ${brace(variable)}`,
			example: variable.example,
			type: 'string',
			required: true,
		}));
	}
	if (format === 'LOCATION') {
		return [
			{ id: fieldIds.location('latitude'), label: 'Location Latitude', type: 'string', required: true },
			{ id: fieldIds.location('longitude'), label: 'Location Longitude', type: 'string', required: true },
			{ id: fieldIds.location('name'), label: 'Location Name', type: 'string', required: false },
			{ id: fieldIds.location('address'), label: 'Location Address', type: 'string', required: false },
		];
	}
	if (format === 'PRODUCT') {
		return [
			{
				id: fieldIds.product(prefix, 'product_retailer_id'),
				label: `${where}Product SKU`,
				type: 'string',
				required: true,
			},
			{ id: fieldIds.product(prefix, 'catalog_id'), label: `${where}Catalog ID`, type: 'string', required: true },
		];
	}
	const kind = format.toLowerCase();
	const fields: VariableField[] = [
		{
			id: fieldIds.headerMedia(prefix, kind),
			label: `${where}Header ${format.charAt(0)}${kind.slice(1)}`,
			type: 'string',
			required: true,
		},
	];
	if (format === 'DOCUMENT' && !prefix) {
		fields.push({
			id: fieldIds.headerFilename,
			label: 'Document Filename',
			type: 'string',
			required: false,
			optional: true,
		});
	}
	return fields;
}

function bodyFields(variables: Variable[], prefix: string, where: string): VariableField[] {
	return variables.flatMap((variable): VariableField[] => [
		{
			id: fieldIds.body(prefix, variable.key),
			label: `${where}Body ${brace(variable)}`,
			example: variable.example,
			type: 'string',
			required: true,
		},
		{
			id: fieldIds.bodyCurrency(prefix, variable.key),
			label: `${where}Body ${brace(variable)} as Currency`,
			type: 'string',
			required: false,
			optional: true,
		},
		{
			id: fieldIds.bodyDateTime(prefix, variable.key),
			label: `${where}Body ${brace(variable)} as Date/Time`,
			type: 'boolean',
			required: false,
			optional: true,
		},
	]);
}

/** The button as error messages name it: `Button 1 "View items"`. */
export function buttonLabel(button: ButtonPlan, where = ''): string {
	return `${where}Button ${button.index + 1}${button.text ? ` "${button.text}"` : ''}`;
}

/** The suffix part of a URL button's example ("summer_lp" of ".../shop?promo=summer_lp" for ".../shop?promo={{1}}"). */
function urlSuffixExample(button: ButtonPlan): string | undefined {
	const prefix = button.url?.split('{{')[0];
	if (!button.example || !prefix || !button.example.startsWith(prefix)) return undefined;
	return button.example.slice(prefix.length) || undefined;
}

function buttonFields(buttons: ButtonPlan[], prefix: string, where: string): VariableField[] {
	return buttons.flatMap((button): VariableField[] => {
		const label = `${where}Button ${button.index + 1}`;
		const id = (part: string) => fieldIds.button(prefix, button.index, part);
		switch (button.kind) {
			case 'quick_reply':
				return [{ id: id('payload'), label: `${label} Payload`, type: 'string', required: false }];
			case 'url':
				return [
					{
						id: id('url'),
						label: `${label} URL Suffix`,
						example: urlSuffixExample(button),
						type: 'string',
						required: true,
					},
				];
			case 'copy_code':
				return [{ id: id('coupon_code'), label: `${label} Coupon Code`, type: 'string', required: true }];
			case 'flow':
				return [
					{ id: id('flow_token'), label: `${label} Flow Token`, type: 'string', required: false },
					{ id: id('flow_action_data'), label: `${label} Flow Data`, type: 'object', required: false },
				];
			case 'catalog':
				return [
					{ id: id('thumbnail_product_retailer_id'), label: `${label} Thumbnail SKU`, type: 'string', required: false },
				];
			case 'mpm': {
				const fields: VariableField[] = [
					{ id: id('thumbnail_product_retailer_id'), label: `${label} Thumbnail SKU`, type: 'string', required: true },
				];
				for (let section = 1; section <= MAX_MPM_SECTIONS; section++) {
					fields.push(
						{
							id: fieldIds.section(button.index, section, 'title'),
							label: `Section ${section} Title`,
							type: 'string',
							required: section === 1,
							optional: section > 1,
						},
						{
							id: fieldIds.section(button.index, section, 'products'),
							label: `Section ${section} Product SKUs`,
							type: 'string',
							required: section === 1,
							optional: section > 1,
						},
					);
				}
				return fields;
			}
			case 'order_details':
				return [{ id: id('order_details'), label: `${label} Order Details`, type: 'object', required: false }];
			default:
				return [];
		}
	});
}

function cardFields(card: CardPlan, index: number): VariableField[] {
	const prefix = cardPrefix(index);
	const where = `Card ${index + 1} `;
	return [
		...headerFields(card.header && card.header !== 'TEXT' ? card.header : undefined, undefined, prefix, where),
		...bodyFields(card.body, prefix, where),
		...buttonFields(card.buttons, prefix, where),
	];
}

/** Every variable field of the template, in the order of the message. */
export function templateFields(plan: TemplatePlan): VariableField[] {
	if (plan.authentication) {
		return [{ id: fieldIds.otp, label: 'One-Time Password', type: 'string', required: true }];
	}
	const fields: VariableField[] = [...headerFields(plan.header, plan, '', ''), ...bodyFields(plan.body, '', '')];
	if (plan.offerExpiration) {
		fields.push({ id: fieldIds.expiration, label: 'Offer Expiration', type: 'string', required: true });
	}
	if (plan.buttons.some((button) => button.kind === 'otp')) {
		fields.push({ id: fieldIds.otp, label: 'One-Time Password', type: 'string', required: true });
	}
	fields.push(...buttonFields(plan.buttons, '', ''));
	plan.carousel?.forEach((card, index) => fields.push(...cardFields(card, index)));
	if (plan.orderStatus) {
		fields.push(
			{ id: fieldIds.orderStatus('reference_id'), label: 'Order Reference ID', type: 'string', required: true },
			{
				id: fieldIds.orderStatus('status'),
				label: 'Order Status',
				type: 'options',
				required: true,
				options: ORDER_STATUS_OPTIONS,
			},
			{ id: fieldIds.orderStatus('description'), label: 'Status Description', type: 'string', required: false },
		);
	}
	return fields;
}

/** The fields as n8n's resource mapper wants them. */
export function toResourceMapperFields(fields: VariableField[]): ResourceMapperField[] {
	return fields.map((field) => ({
		id: field.id,
		displayName: labelWithExample(field.label, field.example),
		required: field.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: field.type,
		removed: field.optional === true,
		...(field.options ? { options: field.options } : {}),
	}));
}
