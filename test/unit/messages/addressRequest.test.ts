import type { IDataObject } from 'n8n-workflow';

import { addressRequestMessage } from '../../../nodes/WhatsAppCloud/messages/addressRequest';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(addressRequestMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(addressRequestMessage.build(params(values), ctx));

/** Doc 84's phone numbers are the placeholder "+91xxxxxxxxxx", which its own field table ("valid phone numbers only") rules out. */
const PHONE_PLACEHOLDER = '+91xxxxxxxxxx';
const PHONE = '+919876543210';
/** A documented example with its placeholder phone numbers filled in as a user would. */
const filledPart = (name: string): IDataObject =>
	JSON.parse(JSON.stringify(fixturePart(name)).split(PHONE_PLACEHOLDER).join(PHONE));

const BODY = 'Thanks for your order! Tell us what address you’d like this order delivered to.';
const valid: IDataObject = { interactiveBody: BODY, addressCountry: 'IN' };
const parametersOf = (result: IDataObject) =>
	((result.interactive as IDataObject).action as IDataObject).parameters as IDataObject;

describe('address request message', () => {
	test('doc 84 sample API call, with the COUNTRY_ISO_CODE placeholder filled in as a user would', async () => {
		const fixture = fixturePart('84-address-sample-api-call');
		const documented = fixture.interactive as IDataObject;
		expect((documented.action as IDataObject).parameters).toStrictEqual({ country: 'COUNTRY_ISO_CODE' });

		const result = await addressRequestMessage.build(params({ interactiveBody: BODY, addressCountry: 'IN' }), ctx);
		expect(result).toStrictEqual({
			...fixture,
			interactive: { ...documented, action: { name: 'address_message', parameters: { country: 'IN' } } },
		});
	});

	test('the placeholder itself is not a country', async () => {
		expect(await inputError({ ...valid, addressCountry: 'COUNTRY_ISO_CODE' })).toMatchObject({
			field: 'Country',
			message:
				'Country must be IN: address messages are only available for businesses in India and their customers there; got "COUNTRY_ISO_CODE"',
		});
	});

	test('doc contradiction 24: parameters is always an object, never the string the "JSON Payload" example shows', async () => {
		const fixture = fixturePart('84-address-json-payload');
		const documented = fixture.interactive as IDataObject;
		expect((documented.action as IDataObject).parameters).toBe('JSON Payload');

		const result = await addressRequestMessage.build(params({ interactiveBody: BODY, addressCountry: 'IN' }), ctx);
		expect(result).toStrictEqual({
			...fixture,
			interactive: { ...documented, action: { name: 'address_message', parameters: { country: 'IN' } } },
		});
	});

	test('doc 84 without saved addresses: prefilled values from the form', async () => {
		const result = await addressRequestMessage.build(
			params({
				interactiveBody: BODY,
				addressCountry: 'IN',
				addressValues: { values: { name: 'CUSTOMER_NAME', phone_number: PHONE, city: '' } },
			}),
			ctx,
		);
		expect(result).toStrictEqual(filledPart('84-address-without-saved-addresses'));
	});

	test('doc 84 with saved addresses: given as JSON, sent as given (including the empty building_name)', async () => {
		const fixture = filledPart('84-address-with-saved-addresses');
		const documented = (((fixture.interactive as IDataObject).action as IDataObject).parameters as IDataObject)
			.saved_addresses;
		const result = await addressRequestMessage.build(
			params({ ...valid, addressSavedAddressesInput: 'json', addressSavedAddressesJson: JSON.stringify(documented) }),
			ctx,
		);
		expect(result).toStrictEqual(fixture);
	});

	test('doc 84 validation errors: values and errors from the form', async () => {
		const result = await addressRequestMessage.build(
			params({
				...valid,
				addressValues: {
					values: {
						name: 'CUSTOMER_NAME',
						phone_number: PHONE,
						in_pin_code: '666666',
						address: 'Some other location',
						city: 'Delhi',
					},
				},
				addressValidationErrors: { error: [{ field: 'in_pin_code', message: 'We could not locate this pin code.' }] },
			}),
			ctx,
		);
		expect(result).toStrictEqual(filledPart('84-address-validation-errors'));
	});

	test('doc 84 validation errors: values and errors as JSON', async () => {
		const result = await addressRequestMessage.build(
			params({
				...valid,
				addressValuesInput: 'json',
				addressValuesJson:
					'{"name": "CUSTOMER_NAME", "phone_number": "+919876543210", "in_pin_code": "666666", "address": "Some other location", "city": "Delhi"}',
				addressValidationErrorsInput: 'json',
				addressValidationErrorsJson: { in_pin_code: 'We could not locate this pin code.' },
			}),
			ctx,
		);
		expect(result).toStrictEqual(filledPart('84-address-validation-errors'));
	});

	test('saved addresses from the form become {id, value} without empty fields', async () => {
		const result = await addressRequestMessage.build(
			params({
				...valid,
				addressSavedAddresses: {
					savedAddress: [{ id: 'home', name: 'Asha', in_pin_code: '400063', building_name: '', city: 'Mumbai' }],
				},
			}),
			ctx,
		);
		expect(parametersOf(result).saved_addresses).toStrictEqual([
			{ id: 'home', value: { name: 'Asha', in_pin_code: '400063', city: 'Mumbai' } },
		]);
	});

	test('header and footer are sent when filled in; country is upper-cased', async () => {
		const result = await addressRequestMessage.build(
			params({ ...valid, addressCountry: 'in', interactiveHeaderText: 'Delivery', interactiveFooter: 'Thanks' }),
			ctx,
		);
		expect(result.interactive).toStrictEqual({
			type: 'address_message',
			header: { type: 'text', text: 'Delivery' },
			body: { text: BODY },
			footer: { text: 'Thanks' },
			action: { name: 'address_message', parameters: { country: 'IN' } },
		});
	});

	describe('rules', () => {
		test('country is mandatory', async () => {
			expect(await inputError({ ...valid, addressCountry: '' })).toMatchObject({
				field: 'Country',
				message: 'Country is required',
			});
		});
		test('country is India only (doc 84): another country code is refused before sending', async () => {
			for (const country of ['BR', 'sg', ' US ']) {
				expect(await inputError({ ...valid, addressCountry: country })).toMatchObject({
					field: 'Country',
					message: `Country must be IN: address messages are only available for businesses in India and their customers there; got "${country}"`,
				});
			}
		});
		test('body is required', async () => {
			expect(await inputError({ ...valid, interactiveBody: '' })).toMatchObject({
				field: 'Body',
				message: 'Body is required',
			});
		});
		test('body up to 1024 characters', async () => {
			expect(await inputError({ ...valid, interactiveBody: 'b'.repeat(1025) })).toMatchObject({
				field: 'Body',
				message: 'Body is too long: 1025 characters, the limit is 1024',
			});
		});
		test('footer up to 60 characters', async () => {
			expect(await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) })).toMatchObject({
				field: 'Footer',
				message: 'Footer is too long: 61 characters, the limit is 60',
			});
		});
		test('pin code up to 6 characters in prefilled values', async () => {
			expect(await inputError({ ...valid, addressValues: { values: { in_pin_code: '4000631' } } })).toMatchObject({
				field: 'Prefilled Values > Pin Code',
				message: 'Prefilled Values > Pin Code is too long: 7 characters, the limit is 6',
			});
		});
		test('pin code up to 6 characters in saved addresses', async () => {
			expect(
				await inputError({
					...valid,
					addressSavedAddressesInput: 'json',
					addressSavedAddressesJson: '[{"id": "a", "value": {"in_pin_code": "1234567"}}]',
				}),
			).toMatchObject({
				field: 'Saved Addresses > Pin Code',
				message: 'Saved Addresses > Pin Code is too long: 7 characters, the limit is 6',
			});
		});
		test('phone number: valid phone numbers only (the placeholder of the docs is not one)', async () => {
			expect(
				await inputError({ ...valid, addressValues: { values: { phone_number: PHONE_PLACEHOLDER } } }),
			).toMatchObject({
				field: 'Prefilled Values > Phone Number',
				message:
					'Prefilled Values > Phone Number must be a phone number (digits, optionally +, spaces, dashes, parentheses); got "+91xxxxxxxxxx"',
			});
		});
		test('only the documented address fields', async () => {
			expect(
				await inputError({ ...valid, addressValuesInput: 'json', addressValuesJson: '{"pincode": "400063"}' }),
			).toMatchObject({
				field: 'Prefilled Values',
				message:
					'Prefilled Values has an unknown field "pincode"; allowed: name, phone_number, in_pin_code, house_number, floor_number, tower_number, building_name, address, landmark_area, city, state',
			});
		});
		test('prefilled values JSON must be an object', async () => {
			expect(await inputError({ ...valid, addressValuesInput: 'json', addressValuesJson: '["Mumbai"]' })).toMatchObject(
				{
					field: 'Prefilled Values',
					message: 'Prefilled Values must be an object (JSON object)',
				},
			);
		});
		test('saved address IDs are required and unique', async () => {
			expect(
				await inputError({ ...valid, addressSavedAddresses: { savedAddress: [{ id: '', city: 'Pune' }] } }),
			).toMatchObject({
				field: 'Saved Addresses > ID',
				message: 'Saved Addresses > ID is required',
			});
			expect(
				await inputError({
					...valid,
					addressSavedAddresses: {
						savedAddress: [
							{ id: 'a', city: 'Pune' },
							{ id: 'a', city: 'Goa' },
						],
					},
				}),
			).toMatchObject({
				field: 'Saved Addresses > ID',
				message: 'Saved Addresses > ID must be unique; "a" is used more than once',
			});
		});
		test('a saved address needs at least one field', async () => {
			expect(
				await inputError({ ...valid, addressSavedAddresses: { savedAddress: [{ id: 'a', city: '' }] } }),
			).toMatchObject({
				field: 'Saved Addresses',
				message: 'Saved Addresses: address "a" has no fields filled in',
			});
		});
		test('saved addresses JSON needs the value object', async () => {
			expect(
				await inputError({
					...valid,
					addressSavedAddressesInput: 'json',
					addressSavedAddressesJson: '[{"id": "a", "city": "Pune"}]',
				}),
			).toMatchObject({
				field: 'Saved Addresses',
				message: 'Saved Addresses: entry 1 needs a "value" object with the address',
			});
		});
		test('validation errors name a known field, once, with text', async () => {
			expect(
				await inputError({
					...valid,
					addressValidationErrorsInput: 'json',
					addressValidationErrorsJson: '{"zip": "bad"}',
				}),
			).toMatchObject({
				field: 'Validation Errors',
				message:
					'Validation Errors has an unknown field "zip"; allowed: name, phone_number, in_pin_code, house_number, floor_number, tower_number, building_name, address, landmark_area, city, state',
			});
			expect(
				await inputError({
					...valid,
					addressValidationErrors: {
						error: [
							{ field: 'city', message: 'No' },
							{ field: 'city', message: 'Again' },
						],
					},
				}),
			).toMatchObject({ field: 'Validation Errors', message: 'Validation Errors has more than one error for "city"' });
			expect(
				await inputError({ ...valid, addressValidationErrors: { error: [{ field: 'city', message: '' }] } }),
			).toMatchObject({
				field: 'Validation Errors > Error Text',
				message: 'Validation Errors > Error Text is required',
			});
		});
	});
});
