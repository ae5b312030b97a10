import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { isObject } from '../formValues';
import { checkOrderParameters } from '../orders/checks';
import { formOrderParameters, orderCountry, orderParameters, orderProperties } from '../orders/form';
import { checkExpirationAhead, toUnixSeconds } from '../orders/math';
import type { TemplateDefinition } from './model';

/** What a send with a template in another status would get from Meta (doc 86), said before sending. */
const STATUS_PROBLEMS: Record<string, string> = {
	PAUSED:
		'is paused because of low quality (Meta would answer 132015). Edit it in WhatsApp Manager and wait for approval.',
	DISABLED: 'is disabled after being paused too often (Meta would answer 132016). Create a new template.',
	PENDING: 'is still in review (Meta would answer 132001). Wait until it is approved.',
	REJECTED: 'was rejected (Meta would answer 132001). Edit and resubmit it.',
	IN_APPEAL: 'is in appeal (Meta would answer 132001). Wait for the appeal decision.',
	PENDING_DELETION: 'is being deleted (Meta would answer 132001).',
	DELETED: 'was deleted (Meta would answer 132001).',
	LIMIT_EXCEEDED: 'is over the template limit (Meta would answer 132001).',
};

/** Only APPROVED templates can be sent (docs 82, 86; health status 141002). */
export function checkTemplateSendable(definition: TemplateDefinition): void {
	const status = String(definition.status ?? '').toUpperCase();
	if (status === '' || status === 'APPROVED' || status === 'ACTIVE') return;
	const problem = STATUS_PROBLEMS[status] ?? `has status ${status}; only APPROVED templates can be sent.`;
	throw new InputError('Template', `Template "${definition.name}" (${definition.language}) ${problem}`);
}

const orderShow = { templateOrderDetails: ['form'] };

/** The order fields of Send Order Details, reused for order details / checkout buttons. */
const REUSED_ORDER_PROPERTIES: INodeProperties[] = orderProperties.map((property) => ({
	...property,
	displayOptions: { ...property.displayOptions, show: { ...orderShow, ...property.displayOptions?.show } },
}));

const SHIPPING_FIELDS: Array<[string, string, number, boolean]> = [
	['name', 'Name', 256, true],
	['phone_number', 'Phone Number', 12, true],
	['address', 'Address', 512, true],
	['city', 'City', 100, true],
	['state', 'State', 100, true],
	['in_pin_code', 'PIN Code', 6, true],
	['landmark_area', 'Landmark Area', 128, false],
	['house_number', 'House Number', 8, false],
	['tower_number', 'Tower Number', 8, false],
	['building_name', 'Building Name', 128, false],
	['floor_number', 'Floor Number', 10, false],
];

export const TEMPLATE_ORDER_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Order Details Button',
		name: 'templateOrderDetails',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Not Used', value: 'none' },
			{
				name: 'Order Form',
				value: 'form',
				description: "Fill in the order of the template's order details (checkout) button with the fields below",
			},
		],
		default: 'none',
		description: 'For order details and checkout button templates (payments, docs 32, 35, 49)',
		displayOptions: { show: { templateInput: ['form'] } },
	},
	...REUSED_ORDER_PROPERTIES,
	{
		displayName: 'Checkout Shipping Addresses',
		name: 'templateShippingAddresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add address',
		default: {},
		description:
			'Addresses offered in the checkout of physical goods (checkout button templates, India). Leave empty to let the buyer enter one.',
		displayOptions: {
			show: { ...orderShow, '/orderDetailsCountry': ['IN'], '/orderDetailsGoodsType': ['physical-goods'] },
		},
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: SHIPPING_FIELDS.map(([name, label, max, required]) => ({
					displayName: label,
					name,
					type: 'string' as const,
					default: '',
					required,
					description: `${label}, up to ${max} characters`,
				})),
			},
		],
	},
];

const text = (value: unknown) =>
	typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);

function shippingInfo(params: IDataObject): IDataObject {
	const collection = isObject(params.templateShippingAddresses) ? params.templateShippingAddresses.address : undefined;
	const entries = Array.isArray(collection) ? collection : [];
	const addresses = entries.map((entry, i) => {
		const address: IDataObject = {};
		for (const [name, label, max, required] of SHIPPING_FIELDS) {
			const value = text(isObject(entry) ? entry[name] : undefined);
			const field = `Checkout Shipping Addresses > ${label}`;
			if (value === '') {
				if (required) throw new InputError(field, `${field} is required (address ${i + 1})`);
				continue;
			}
			if ([...value].length > max)
				throw new InputError(field, `${field} is too long: ${[...value].length} characters, the limit is ${max}`);
			address[name] = value;
		}
		return address;
	});
	return { country: 'IN', addresses };
}

/** The order of an order details / checkout button from the Order Details fields, checked; undefined when unused. */
export function orderDetailsFromParams(params: IDataObject): IDataObject | undefined {
	if (params.templateOrderDetails !== 'form') return undefined;
	const country = orderCountry(params);
	if (params.orderDetailsInput === 'json') return orderParameters(params, country);
	const formed = formOrderParameters(params, country);
	const order = isObject(formed.order) ? formed.order : {};
	// Docs: checkout buttons (49) send an expiration without description, which order details messages require.
	let expiration: IDataObject | undefined;
	if (isObject(order.expiration) && text(order.expiration.description) === '') {
		expiration = { timestamp: String(toUnixSeconds('Expiration', order.expiration.timestamp)) };
		checkExpirationAhead('Expiration', Number(expiration.timestamp));
		delete order.expiration;
	}
	const checked = checkOrderParameters(formed, country, { checkTotals: true });
	if (expiration && isObject(checked.order)) checked.order.expiration = expiration;
	if (country === 'IN' && checked.type === 'physical-goods') checked.shipping_info = shippingInfo(params);
	return checked;
}
