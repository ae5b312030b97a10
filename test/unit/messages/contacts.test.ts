import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import { contactsMessage } from '../../../nodes/WhatsAppCloud/messages/contacts';
import { InputError } from '../../../nodes/shared/InputError';

import { DOC65_CONTACT_FORM } from '../../fixtures/forms';
import { expectInputError, offlineContext } from './support';

const ctx = offlineContext({ uploadBinary: jest.fn() });

function fixture(name: string): IDataObject {
	const { body } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'));
	return { type: body.type, [body.type]: body[body.type] };
}

/** Defaults of every top-level property, overridden by what the user set. */
function params(values: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const property of contactsMessage.properties) result[property.name] = property.default as IDataObject[string];
	return { ...result, ...values };
}

async function build(values: IDataObject): Promise<IDataObject> {
	return JSON.parse(JSON.stringify(await contactsMessage.build(params(values), ctx)));
}

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(contactsMessage.build(params(values), ctx));

const minimal = (extra: IDataObject = {}) => ({ name: { formatted_name: 'Ann Lee', first_name: 'Ann' }, ...extra });

describe('contacts message: documented examples', () => {
	it('65 example, entered in the form', async () => {
		expect(await build({ contactsInputMode: 'fields', contactsUi: { contact: [DOC65_CONTACT_FORM] } })).toEqual(
			fixture('65-contacts'),
		);
	});

	it('65 example, given as JSON text', async () => {
		const documented = fixture('65-contacts');
		expect(await build({ contactsInputMode: 'json', contactsJson: JSON.stringify(documented.contacts) })).toEqual(
			documented,
		);
	});

	it('65 example, given as an array by an expression (JSON mode and form field)', async () => {
		const documented = fixture('65-contacts');
		expect(await build({ contactsInputMode: 'json', contactsJson: documented.contacts })).toEqual(documented);
		expect(await build({ contactsInputMode: 'fields', contactsUi: documented.contacts })).toEqual(documented);
	});

	it('16 example: rejected for its placeholder birthday, equal otherwise', async () => {
		const documented = fixture('16-contacts');
		const contacts = documented.contacts as IDataObject[];
		const error = await inputError({ contactsInputMode: 'json', contactsJson: JSON.stringify(contacts) });
		expect([error.field, error.message]).toEqual([
			'Contact 1 > Birthday',
			'Contact 1 > Birthday must be a date as YYYY-MM-DD; got "YEAR_MONTH_DAY"',
		]);
		const dated = contacts.map((contact) => ({ ...contact, birthday: '2000-02-29' }));
		expect(await build({ contactsInputMode: 'json', contactsJson: dated })).toEqual({
			type: 'contacts',
			contacts: dated,
		});
	});
});

describe('contacts message: form', () => {
	it('leaves out empty fields and empty list entries', async () => {
		const out = await build({
			contactsUi: {
				contact: [
					{
						formattedName: 'Ann Lee',
						lastName: 'Lee',
						firstName: '',
						birthday: '',
						company: '',
						phones: {
							phone: [
								{ phone: '', type: '', waId: '' },
								{ phone: '+1 555 0100', type: 'CELL', waId: '' },
							],
						},
						emails: { email: [{ email: '', type: '' }] },
					},
				],
			},
		});
		expect(out).toEqual({
			type: 'contacts',
			contacts: [
				{ name: { formatted_name: 'Ann Lee', last_name: 'Lee' }, phones: [{ phone: '+1 555 0100', type: 'CELL' }] },
			],
		});
	});

	it('sends several contacts in order', async () => {
		const out = await build({
			contactsUi: {
				contact: [
					{ formattedName: 'A A', firstName: 'A' },
					{ formattedName: 'B B', namePrefix: 'Dr.' },
				],
			},
		});
		expect(out.contacts).toEqual([
			{ name: { formatted_name: 'A A', first_name: 'A' } },
			{ name: { formatted_name: 'B B', prefix: 'Dr.' } },
		]);
	});

	it('needs at least one contact', async () => {
		const error = await inputError({ contactsUi: {} });
		expect([error.field, error.message]).toEqual(['Contacts', 'Contacts needs at least 1 contacts, got 0']);
	});
});

describe('contacts message: limits', () => {
	it('allows 257 contacts and rejects 258 (doc 65)', async () => {
		const many = (n: number) => Array.from({ length: n }, () => minimal());
		expect(((await build({ contactsInputMode: 'json', contactsJson: many(257) })).contacts as unknown[]).length).toBe(
			257,
		);
		const error = await inputError({ contactsInputMode: 'json', contactsJson: many(258) });
		expect([error.field, error.message]).toEqual(['Contacts', 'Contacts has 258 contacts, the limit is 257']);
	});

	it('needs a formatted name', async () => {
		const error = await inputError({ contactsUi: { contact: [{ formattedName: '', firstName: 'Ann' }] } });
		expect([error.field, error.message]).toEqual([
			'Contact 1 > Formatted Name',
			'Contact 1 > Formatted Name is required',
		]);
	});

	it('needs one more name part besides the formatted name (reference 16 over guide 65)', async () => {
		const error = await inputError({
			contactsUi: { contact: [{ formattedName: 'Ann Lee', firstName: 'Ann' }, { formattedName: 'Bob' }] },
		});
		expect([error.field, error.message]).toEqual([
			'Contact 2 > Name',
			'Contact 2 > Name needs at least one of First Name, Last Name, Middle Name, Suffix, Prefix besides Formatted Name',
		]);
	});

	it('needs a name object in JSON', async () => {
		const error = await inputError({ contactsInputMode: 'json', contactsJson: [{ phones: [] }] });
		expect([error.field, error.message]).toEqual(['Contact 1 > Name', 'Contact 1 > Name is required']);
	});

	it.each(['23/01/1999', '1999-02-30', '1999-1-5', '1999-13-01'])('rejects the birthday %s', async (birthday) => {
		const error = await inputError({
			contactsUi: { contact: [{ formattedName: 'Ann Lee', firstName: 'Ann', birthday }] },
		});
		expect([error.field, error.message]).toEqual([
			'Contact 1 > Birthday',
			`Contact 1 > Birthday must be a date as YYYY-MM-DD; got "${birthday}"`,
		]);
	});

	it('rejects unknown properties in JSON (Cloud API rejects them)', async () => {
		const error = await inputError({
			contactsInputMode: 'json',
			contactsJson: [{ nmae: { formatted_name: 'Ann' } }],
		});
		expect([error.field, error.message]).toEqual([
			'Contact 1 property',
			'Contact 1 property must be one of addresses, birthday, emails, name, org, phones, urls; got "nmae"',
		]);
	});

	it('rejects lists that are not lists of objects', async () => {
		const error = await inputError({ contactsInputMode: 'json', contactsJson: [minimal({ phones: '+1555' })] });
		expect([error.field, error.message]).toEqual([
			'Contact 1 > Phones',
			'Contact 1 > Phones must be a list of objects',
		]);
	});

	it('reports invalid JSON', async () => {
		const error = await inputError({ contactsInputMode: 'json', contactsJson: '[{"name": ' });
		expect(error.field).toBe('Contacts (JSON)');
		expect(error.message).toMatch(/^Contacts \(JSON\) is not valid JSON: /);
	});

	it('accepts a single contact object in JSON', async () => {
		expect(await build({ contactsInputMode: 'json', contactsJson: JSON.stringify(minimal()) })).toEqual({
			type: 'contacts',
			contacts: [minimal()],
		});
	});

	it('the JSON default is a valid example', async () => {
		const out = await build({ contactsInputMode: 'json' });
		expect((out.contacts as IDataObject[])[0].name).toEqual({
			formatted_name: 'Barbara J. Johnson',
			first_name: 'Barbara',
			last_name: 'Johnson',
		});
	});
});
