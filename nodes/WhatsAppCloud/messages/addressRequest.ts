import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import {
	bodyProperty,
	buildBody,
	buildFooter,
	buildHeader,
	footerProperty,
	headerProperties,
	interactiveMessage,
	readStructuredList,
	readStructuredObject,
	structuredInputName,
	structuredJsonName,
	structuredProperties,
	type HeaderKind,
} from './interactiveParts';
import { checkUnique, entryString } from '../formValues';
import { checkLength, InputError, parseJsonInput, requireText } from '../../shared/InputError';

// Doc 84 (India only): the address fields, with their labels as the user sees them in WhatsApp.
export const ADDRESS_FIELDS = {
	name: 'Name',
	phone_number: 'Phone Number',
	in_pin_code: 'Pin Code',
	house_number: 'Flat/House Number',
	floor_number: 'Floor Number',
	tower_number: 'Tower Number',
	building_name: 'Building/Apartment Name',
	address: 'Address',
	landmark_area: 'Landmark/Area',
	city: 'City',
	state: 'State',
} as const;
export type AddressField = keyof typeof ADDRESS_FIELDS;
const ADDRESS_FIELD_NAMES = Object.keys(ADDRESS_FIELDS) as AddressField[];
export const MAX_IN_PIN_CODE = 6;
export const ADDRESS_COUNTRY = 'IN';
const PHONE_NUMBER = /^\+?[\d\s()-]*\d[\d\s()-]*$/;

const HEADER_KINDS: readonly HeaderKind[] = ['text'];

const VALUES = { name: 'addressValues', displayName: 'Prefilled Values', itemName: 'values' } as const;
const SAVED = { name: 'addressSavedAddresses', displayName: 'Saved Addresses', itemName: 'savedAddress' } as const;
const ERRORS = { name: 'addressValidationErrors', displayName: 'Validation Errors', itemName: 'error' } as const;

const addressFieldProperties = (): INodeProperties[] =>
	ADDRESS_FIELD_NAMES.map((field) => ({
		displayName: ADDRESS_FIELDS[field],
		name: field,
		type: 'string',
		default: '',
		description:
			field === 'in_pin_code'
				? `Indian PIN code, up to ${MAX_IN_PIN_CODE} characters`
				: field === 'phone_number'
					? 'Phone number with country code; its area code must match the country'
					: `${ADDRESS_FIELDS[field]} field of the address form`,
	}));

/**
 * Checks an address (`values` or a saved address's `value`): only known fields, text values, the PIN code length.
 * From the form, empty fields are dropped; from JSON, the object is sent as given (doc 84's example sends "").
 */
function readAddress(label: string, raw: IDataObject, dropEmpty: boolean): IDataObject {
	const address: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!(key in ADDRESS_FIELDS)) {
			throw new InputError(label, `${label} has an unknown field "${key}"; allowed: ${ADDRESS_FIELD_NAMES.join(', ')}`);
		}
		if (value !== null && typeof value === 'object') {
			throw new InputError(label, `${label} > ${ADDRESS_FIELDS[key as AddressField]} must be text`);
		}
		const text = entryString(raw, key);
		if (dropEmpty && text.trim() === '') continue;
		if (key === 'in_pin_code') checkLength(`${label} > Pin Code`, text, MAX_IN_PIN_CODE);
		// Doc 84: phone_number takes "valid phone numbers only".
		if (key === 'phone_number' && text.trim() !== '' && !PHONE_NUMBER.test(text.trim())) {
			throw new InputError(
				`${label} > Phone Number`,
				`${label} > Phone Number must be a phone number (digits, optionally +, spaces, dashes, parentheses); got "${text}"`,
			);
		}
		address[key] = text;
	}
	return address;
}

function readSavedAddresses(params: IDataObject): IDataObject[] {
	const fromJson = params[structuredInputName(SAVED.name)] === 'json';
	const entries = readStructuredList(params, SAVED);
	const saved = entries.map((entry, index) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new InputError('Saved Addresses', `Saved Addresses: entry ${index + 1} must be an object`);
		}
		const { id: rawId, value, ...fields } = entry as IDataObject;
		const id = requireText('Saved Addresses > ID', typeof rawId === 'number' ? String(rawId) : rawId).trim();
		// JSON uses the API shape { id, value: {...} }; the form has the address fields next to the ID.
		const rawValue = fromJson ? value : fields;
		if (rawValue === null || typeof rawValue !== 'object' || Array.isArray(rawValue)) {
			throw new InputError(
				'Saved Addresses',
				`Saved Addresses: entry ${index + 1} needs a "value" object with the address`,
			);
		}
		const address = readAddress('Saved Addresses', rawValue as IDataObject, !fromJson);
		if (Object.keys(address).length === 0) {
			throw new InputError('Saved Addresses', `Saved Addresses: address "${id}" has no fields filled in`);
		}
		return { id, value: address };
	});
	checkUnique(
		'Saved Addresses > ID',
		saved.map((address) => address.id),
	);
	return saved;
}

function readValidationErrors(params: IDataObject): IDataObject | undefined {
	const errors: IDataObject = {};
	if (params[structuredInputName(ERRORS.name)] === 'json') {
		const raw = parseJsonInput<unknown>(ERRORS.displayName, params[structuredJsonName(ERRORS.name)]);
		if (raw === undefined || raw === null || raw === '') return undefined;
		if (typeof raw !== 'object' || Array.isArray(raw)) {
			throw new InputError('Validation Errors', 'Validation Errors must be a JSON object of field name to error text');
		}
		for (const [field, message] of Object.entries(raw)) addError(errors, field, message);
	} else {
		for (const entry of readStructuredList(params, ERRORS)) {
			addError(errors, entryString(entry, 'field'), entryString(entry, 'message'));
		}
	}
	return Object.keys(errors).length === 0 ? undefined : errors;
}

function addError(errors: IDataObject, field: string, message: unknown): void {
	if (!(field in ADDRESS_FIELDS)) {
		throw new InputError(
			'Validation Errors',
			`Validation Errors has an unknown field "${field}"; allowed: ${ADDRESS_FIELD_NAMES.join(', ')}`,
		);
	}
	if (field in errors) {
		throw new InputError('Validation Errors', `Validation Errors has more than one error for "${field}"`);
	}
	errors[field] = requireText('Validation Errors > Error Text', message);
}

export const addressRequestMessage: MessageType = {
	operation: 'sendAddressRequest',
	name: 'Send Address Request',
	action: 'Ask the user for a shipping address (India only)',
	description: 'Ask for a shipping address in a form WhatsApp fills in (India only)',
	properties: [
		...headerProperties(HEADER_KINDS),
		bodyProperty(),
		footerProperty(),
		{
			displayName: 'Country',
			name: 'addressCountry',
			type: 'string',
			default: 'IN',
			required: true,
			description:
				'Two-letter ISO 3166 country code of the address. Address messages are only available in India (IN).',
		},
		...structuredProperties({
			...VALUES,
			itemDisplayName: 'Values',
			multipleValues: false,
			description: 'Values to prefill in the address form; empty fields are left out',
			jsonDescription: 'Object of field name to value, e.g. {"name": "CUSTOMER_NAME", "phone_number": "+91xxxxxxxxxx"}',
			jsonExample: '{\n  "name": "",\n  "phone_number": ""\n}',
			fields: addressFieldProperties(),
		}),
		...structuredProperties({
			...SAVED,
			itemDisplayName: 'Saved Address',
			description: 'Addresses the user can pick instead of typing a new one',
			jsonDescription:
				'Array in the API shape: [{"id": "address1", "value": {"name": "...", "in_pin_code": "400063", "city": "Mumbai"}}]',
			jsonExample: '[\n  {\n    "id": "address1",\n    "value": { "name": "", "phone_number": "", "city": "" }\n  }\n]',
			fields: [
				{
					displayName: 'ID',
					name: 'id',
					type: 'string',
					default: '',
					required: true,
					description: 'Identifier of the address, returned as saved_address_id when the user picks it',
				},
				...addressFieldProperties(),
			],
		}),
		...structuredProperties({
			...ERRORS,
			itemDisplayName: 'Error',
			description:
				'When re-sending after your server rejected an address: errors to show next to fields. The user cannot submit until they are fixed.',
			jsonDescription: 'Object of field name to error text, e.g. {"in_pin_code": "We could not locate this pin code."}',
			jsonExample: '{\n  "in_pin_code": "We could not locate this pin code."\n}',
			fields: [
				{
					displayName: 'Field',
					name: 'field',
					type: 'options',
					options: ADDRESS_FIELD_NAMES.map((field) => ({ name: ADDRESS_FIELDS[field], value: field })),
					default: 'in_pin_code',
					description: 'Address field the error belongs to',
				},
				{
					displayName: 'Error Text',
					name: 'message',
					type: 'string',
					default: '',
					required: true,
					description: 'Error shown to the user under the field',
				},
			],
		}),
	],
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		const body = buildBody(params);
		const footer = buildFooter(params);

		// Doc 84: country is mandatory, and address messages exist only for India (every field is an India field).
		const country = requireText('Country', params.addressCountry).trim().toUpperCase();
		if (country !== ADDRESS_COUNTRY) {
			throw new InputError(
				'Country',
				`Country must be ${ADDRESS_COUNTRY}: address messages are only available for businesses in India and their customers there; got "${String(params.addressCountry)}"`,
			);
		}
		const parameters: IDataObject = { country };

		const rawValues = readStructuredObject(params, VALUES);
		if (rawValues) {
			const fromJson = params[structuredInputName(VALUES.name)] === 'json';
			const values = readAddress('Prefilled Values', rawValues, !fromJson);
			if (Object.keys(values).length > 0) parameters.values = values;
		}
		const saved = readSavedAddresses(params);
		if (saved.length > 0) parameters.saved_addresses = saved;
		const errors = readValidationErrors(params);
		if (errors) parameters.validation_errors = errors;

		return await interactiveMessage(ctx, 'address_message', {
			header,
			body,
			footer,
			// Docs: parameters is always an object; doc 84's `"parameters": "JSON Payload"` is a placeholder.
			action: { name: 'address_message', parameters },
		});
	},
};
