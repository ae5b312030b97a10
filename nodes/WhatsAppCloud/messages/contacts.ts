import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { checkCount, checkOneOf, InputError, parseJsonInput, requireText } from '../../shared/InputError';
import { isObject } from '../formValues';

/** Doc 65: "Each message can include information for up to 257 contacts". */
export const MAX_CONTACTS = 257;

const CONTACT_KEYS = ['addresses', 'birthday', 'emails', 'name', 'org', 'phones', 'urls'] as const;
const LIST_KEYS = ['addresses', 'emails', 'phones', 'urls'] as const;
const NAME_PARTS: Array<[key: string, label: string]> = [
	['first_name', 'First Name'],
	['last_name', 'Last Name'],
	['middle_name', 'Middle Name'],
	['suffix', 'Suffix'],
	['prefix', 'Prefix'],
];
const LIST_LABELS: Record<(typeof LIST_KEYS)[number], string> = {
	addresses: 'Addresses',
	emails: 'Emails',
	phones: 'Phones',
	urls: 'URLs',
};

const typeField = (standard: string, example: string): INodeProperties => ({
	displayName: 'Type',
	name: 'type',
	type: 'string',
	default: '',
	placeholder: example,
	description: `Label shown next to the value. Standard values: ${standard}; any other text is shown as is.`,
});

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

const contactFields: INodeProperties[] = [
	{
		...text('Formatted Name', 'formattedName', 'Full name as it appears in the message', 'Barbara J. Johnson'),
		required: true,
	},
	text('First Name', 'firstName', 'At least one of first, last, middle name, prefix or suffix is required'),
	text('Last Name', 'lastName', 'At least one of first, last, middle name, prefix or suffix is required'),
	text('Middle Name', 'middleName', 'Contact middle name'),
	text('Prefix', 'namePrefix', 'Name prefix such as Dr. or Ms', 'Dr.'),
	text('Suffix', 'nameSuffix', 'Name suffix such as Esq. or Jr', 'Esq.'),
	text('Birthday', 'birthday', 'Birthday as YYYY-MM-DD', '1999-01-23'),
	text('Company', 'company', 'Company or organization the contact works for'),
	text('Department', 'department', 'Department within the company'),
	text('Job Title', 'jobTitle', "Contact's job title"),
	{
		displayName: 'Phones',
		name: 'phones',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Phone',
		default: {},
		description: 'Phone numbers of the contact',
		options: [
			{
				displayName: 'Phone',
				name: 'phone',
				values: [
					text('Phone', 'phone', 'Phone number, ideally with + and country code', '+16505559999'),
					typeField('CELL, MAIN, IPHONE, HOME, WORK', 'CELL'),
					text(
						'WhatsApp ID',
						'waId',
						'WhatsApp ID of the number. With it the message shows Message and Save Contact buttons; without it, Invite to WhatsApp.',
						'16505559999',
					),
				],
			},
		],
	},
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Email',
		default: {},
		description: 'Email addresses of the contact',
		options: [
			{
				displayName: 'Email',
				name: 'email',
				values: [text('Email', 'email', 'Email address', 'name@email.com'), typeField('HOME, WORK', 'WORK')],
			},
		],
	},
	{
		displayName: 'URLs',
		name: 'urls',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add URL',
		default: {},
		description: 'Websites of the contact or their company',
		options: [
			{
				displayName: 'URL',
				name: 'url',
				values: [text('URL', 'url', 'Website address', 'https://www.example.com'), typeField('HOME, WORK', 'WORK')],
			},
		],
	},
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Address',
		default: {},
		description: 'Postal addresses of the contact',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					text('Street', 'street', 'Street number and name'),
					text('City', 'city', 'City name'),
					text('State', 'state', 'State abbreviation', 'CA'),
					text('ZIP', 'zip', 'ZIP or postal code'),
					text('Country', 'country', 'Full country name', 'United States'),
					text('Country Code', 'countryCode', 'Two-letter country code', 'US'),
					typeField('HOME, WORK', 'HOME'),
				],
			},
		],
	},
];

const JSON_EXAMPLE = JSON.stringify(
	[
		{
			name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara', last_name: 'Johnson' },
			phones: [{ phone: '+19175559999', type: 'CELL', wa_id: '19175559999' }],
		},
	],
	null,
	2,
);

/** A value from the form or an expression: non-empty strings as typed, numbers as strings, nothing else. */
function value(input: unknown): string | undefined {
	if (typeof input === 'number' && Number.isFinite(input)) return String(input);
	return typeof input === 'string' && input.trim() !== '' ? input : undefined;
}

/** Copies the non-empty form values into an object with the API's keys, in the order of `pairs`. */
function pick(source: IDataObject, pairs: Array<[from: string, to: string]>): IDataObject | undefined {
	const result: IDataObject = {};
	for (const [from, to] of pairs) {
		const found = value(source[from]);
		if (found !== undefined) result[to] = found;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

function entries(collection: unknown, key: string): IDataObject[] {
	if (typeof collection !== 'object' || collection === null) return [];
	const list = (collection as IDataObject)[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function list(collection: unknown, key: string, pairs: Array<[string, string]>): IDataObject[] | undefined {
	const result = entries(collection, key)
		.map((entry) => pick(entry, pairs))
		.filter((entry): entry is IDataObject => entry !== undefined);
	return result.length > 0 ? result : undefined;
}

/** Form values of one contact -> the Cloud API contact object (doc 16 "Contacts Object"). */
function fromForm(form: IDataObject): IDataObject {
	const contact: IDataObject = {};
	const addresses = list(form.addresses, 'address', [
		['street', 'street'],
		['city', 'city'],
		['state', 'state'],
		['zip', 'zip'],
		['country', 'country'],
		['countryCode', 'country_code'],
		['type', 'type'],
	]);
	if (addresses) contact.addresses = addresses;
	const birthday = value(form.birthday);
	if (birthday !== undefined) contact.birthday = birthday;
	const emails = list(form.emails, 'email', [
		['email', 'email'],
		['type', 'type'],
	]);
	if (emails) contact.emails = emails;
	contact.name =
		pick(form, [
			['formattedName', 'formatted_name'],
			['firstName', 'first_name'],
			['lastName', 'last_name'],
			['middleName', 'middle_name'],
			['nameSuffix', 'suffix'],
			['namePrefix', 'prefix'],
		]) ?? {};
	const org = pick(form, [
		['company', 'company'],
		['department', 'department'],
		['jobTitle', 'title'],
	]);
	if (org) contact.org = org;
	const phones = list(form.phones, 'phone', [
		['phone', 'phone'],
		['type', 'type'],
		['waId', 'wa_id'],
	]);
	if (phones) contact.phones = phones;
	const urls = list(form.urls, 'url', [
		['url', 'url'],
		['type', 'type'],
	]);
	if (urls) contact.urls = urls;
	return contact;
}

function checkBirthday(field: string, birthday: unknown): void {
	const match = typeof birthday === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday) : null;
	const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
	if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
		throw new InputError(field, `${field} must be a date as YYYY-MM-DD; got "${String(birthday)}"`);
	}
}

/** Checks contacts in the API shape, however they were entered. */
export function checkContacts(contacts: unknown[]): void {
	checkCount('Contacts', contacts, 1, MAX_CONTACTS, 'contacts');
	contacts.forEach((contact, index) => {
		const label = `Contact ${index + 1}`;
		if (!isObject(contact)) throw new InputError(label, `${label} must be an object`);
		for (const key of Object.keys(contact)) {
			// Cloud API rejects unknown properties (doc 28), so catch typos before sending.
			checkOneOf(`${label} property`, key, CONTACT_KEYS);
		}
		const name = contact.name;
		if (!isObject(name)) throw new InputError(`${label} > Name`, `${label} > Name is required`);
		requireText(`${label} > Formatted Name`, name.formatted_name);
		// Docs: the guide (65) needs only formatted_name; the reference (16) needs at least one other name part too. We follow the reference.
		if (!NAME_PARTS.some(([key]) => value(name[key]) !== undefined)) {
			throw new InputError(
				`${label} > Name`,
				`${label} > Name needs at least one of ${NAME_PARTS.map(([, part]) => part).join(', ')} besides Formatted Name`,
			);
		}
		if (contact.birthday !== undefined) checkBirthday(`${label} > Birthday`, contact.birthday);
		if (contact.org !== undefined && !isObject(contact.org)) {
			throw new InputError(`${label} > Organization`, `${label} > Organization must be an object`);
		}
		for (const key of LIST_KEYS) {
			const items = contact[key];
			if (items === undefined) continue;
			if (!Array.isArray(items) || !items.every(isObject)) {
				throw new InputError(
					`${label} > ${LIST_LABELS[key]}`,
					`${label} > ${LIST_LABELS[key]} must be a list of objects`,
				);
			}
		}
	});
}

export const contactsMessage: MessageType = {
	operation: 'sendContacts',
	name: 'Send Contacts',
	action: 'Send a contacts message',
	description: 'Share one or more contact cards (up to 257)',
	properties: [
		{
			displayName: 'Define Contacts',
			name: 'contactsInputMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Using Fields Below', value: 'fields', description: 'Fill in each contact in the form' },
				{ name: 'Using JSON', value: 'json', description: 'Pass contacts built from data, in the Cloud API format' },
			],
			default: 'fields',
			description: 'How to enter the contacts',
		},
		{
			displayName: 'Contacts',
			name: 'contactsUi',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Contact',
			default: {},
			description: `Contact cards to send, 1 to ${MAX_CONTACTS}`,
			displayOptions: { show: { contactsInputMode: ['fields'] } },
			options: [{ displayName: 'Contact', name: 'contact', values: contactFields }],
		},
		{
			displayName: 'Contacts (JSON)',
			name: 'contactsJson',
			type: 'json',
			default: JSON_EXAMPLE,
			description: `Array of 1 to ${MAX_CONTACTS} contact objects as the Cloud API expects them: name (formatted_name plus at least one other name part) and optional addresses, birthday, emails, org, phones, URLs`,
			displayOptions: { show: { contactsInputMode: ['json'] } },
		},
	],
	async build(params) {
		const mode = checkOneOf('Define Contacts', String(params.contactsInputMode ?? 'fields'), ['fields', 'json']);
		let contacts: unknown[];
		if (mode === 'json') {
			const parsed = parseJsonInput<unknown>('Contacts (JSON)', params.contactsJson);
			contacts = Array.isArray(parsed) ? parsed : [parsed];
		} else {
			const form = parseJsonInput<unknown>('Contacts', params.contactsUi);
			// An expression may hand over contacts already in the API shape.
			contacts = Array.isArray(form) ? form : entries(form, 'contact').map(fromForm);
		}
		checkContacts(contacts);
		return { type: 'contacts', contacts: contacts as IDataObject[] };
	},
};
