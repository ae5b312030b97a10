import type { IDataObject } from 'n8n-workflow';

import {
	binaryItem,
	documented,
	expectRefused,
	expectSent,
	MEDIA_PATH,
	MESSAGES_PATH,
	sendable,
	uploadParts,
	useMessageSandbox,
	type Body,
} from './messageCases';

/** The `interactive` object of a documented body. */
const interactiveOf = (body: Body): IDataObject => body.interactive as IDataObject;
const textOf = (part: unknown): string => (part as { text: string }).text;
const actionOf = (body: Body): IDataObject => interactiveOf(body).action as IDataObject;

/** Header, body and footer of a documented interactive example, as the user types them. */
function textParts(body: Body): IDataObject {
	const interactive = interactiveOf(body);
	const fields: IDataObject = { interactiveBody: textOf(interactive.body) };
	if (interactive.footer) fields.interactiveFooter = textOf(interactive.footer);
	const header = interactive.header as IDataObject | undefined;
	if (header?.text !== undefined) fields.interactiveHeaderText = header.text;
	return fields;
}

describe('interactive messages through n8n', () => {
	const { send } = useMessageSandbox();

	describe('reply buttons (docs 08, 16)', () => {
		test('08-reply-buttons-image-header, buttons in the form', async () => {
			const body = documented('08-reply-buttons-image-header');
			const interactive = interactiveOf(body);
			const buttons = (actionOf(body).buttons as Array<{ reply: IDataObject }>).map(({ reply }) => reply);
			const run = await send('sendReplyButtons', {
				interactiveHeaderType: 'image',
				interactiveHeaderMediaSource: 'id',
				interactiveHeaderMediaId: ((interactive.header as IDataObject).image as IDataObject).id,
				...textParts(body),
				replyButtons: { button: buttons },
			});
			expectSent(run, sendable(body));
		});

		test('16-reply-button, buttons as JSON in the API shape', async () => {
			const body = documented('16-reply-button');
			const run = await send('sendReplyButtons', {
				...textParts(body),
				replyButtonsInput: 'json',
				replyButtonsJson: JSON.stringify(actionOf(body).buttons),
			});
			expectSent(run, sendable(body));
		});

		test('a document header from binary data is uploaded first and keeps the binary file name', async () => {
			const pdf = Buffer.from('%PDF-1.4 workshop');
			const run = await send(
				'sendReplyButtons',
				{
					interactiveHeaderType: 'document',
					interactiveHeaderMediaSource: 'binary',
					interactiveBody: 'Your workshop ticket',
					replyButtons: { button: [{ id: 'ok', title: 'OK' }] },
				},
				{ items: [binaryItem(pdf, 'application/pdf', 'ticket.pdf')] },
			);
			expect(run.error).toBeUndefined();
			expect(run.requests.map((request) => request.path)).toEqual([MEDIA_PATH, MESSAGES_PATH]);
			const parts = uploadParts(run.requests[0]);
			expect([parts.messagingProduct, parts.type, parts.file?.data.equals(pdf)]).toEqual([
				'whatsapp',
				'application/pdf',
				true,
			]);
			const mediaId = (run.requests[0].response as { id: string }).id;
			expect(interactiveOf(run.sends[0].body as Body).header).toEqual({
				type: 'document',
				document: { id: mediaId, filename: 'ticket.pdf' },
			});
			expect(run.sends[0].status).toBe(200);
		});

		test('limit: more than 3 buttons', async () => {
			const button = (n: number) => ({ id: `b${n}`, title: `Button ${n}` });
			const run = await send('sendReplyButtons', {
				interactiveBody: 'Pick one',
				replyButtons: { button: [1, 2, 3, 4].map(button) },
			});
			expectRefused(run, ['Buttons has 4 buttons, the limit is 3']);
		});

		test('limit: button title over 20 characters', async () => {
			const run = await send('sendReplyButtons', {
				interactiveBody: 'Pick one',
				replyButtons: { button: [{ id: 'a', title: 'A title of 21 chars!!' }] },
			});
			expectRefused(run, ['Buttons > Title is too long: 21 characters, the limit is 20']);
		});
	});

	describe('list (docs 10, 16)', () => {
		/** Sections of a documented list as the fixedCollection stores them. */
		const formSections = (body: Body) => ({
			section: (actionOf(body).sections as Array<{ title: string; rows: IDataObject[] }>).map((section) => ({
				title: section.title,
				rows: { row: section.rows },
			})),
		});

		test('10-list-two-sections, sections in the form', async () => {
			const body = documented('10-list-two-sections');
			const run = await send('sendList', {
				...textParts(body),
				listButton: actionOf(body).button,
				listSections: formSections(body),
			});
			expectSent(run, sendable(body));
		});

		test('16-list-messages, sections as JSON', async () => {
			const body = documented('16-list-messages');
			const run = await send('sendList', {
				...textParts(body),
				listButton: actionOf(body).button,
				listSectionsInput: 'json',
				listSectionsJson: JSON.stringify(actionOf(body).sections),
			});
			expectSent(run, sendable(body));
		});

		test('limit: more than 10 rows across sections', async () => {
			const rows = (prefix: string, count: number) => ({
				row: Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${prefix}${i}` })),
			});
			const run = await send('sendList', {
				interactiveBody: 'Pick',
				listButton: 'Options',
				listSections: {
					section: [
						{ title: 'A', rows: rows('a', 6) },
						{ title: 'B', rows: rows('b', 5) },
					],
				},
			});
			expectRefused(run, ['Sections > Rows has 11 rows in total, the limit is 10']);
		});
	});

	describe('CTA URL button (doc 30)', () => {
		test('30-cta-url-example-request: the header carries "type": "text" (Docs: required by reference 16, left out in 30)', async () => {
			const body = documented('30-cta-url-example-request');
			const parameters = actionOf(body).parameters as IDataObject;
			const run = await send(
				'sendCtaUrl',
				{ ...textParts(body), ctaDisplayText: parameters.display_text, ctaUrl: parameters.url },
				{ recipient: String(body.to) },
			);
			const expected = sendable(body);
			interactiveOf(expected).header = { type: 'text', text: 'Available Dates' };
			expectSent(run, expected);
		});

		test('limit: footer over 60 characters', async () => {
			const run = await send('sendCtaUrl', {
				interactiveBody: 'Tap',
				interactiveFooter: 'f'.repeat(61),
				ctaDisplayText: 'See Dates',
				ctaUrl: 'https://www.luckyshrub.com',
			});
			expectRefused(run, ['Footer is too long: 61 characters, the limit is 60']);
		});

		test('limit: a URL that is not http(s)', async () => {
			const run = await send('sendCtaUrl', {
				interactiveBody: 'Tap',
				ctaDisplayText: 'Call',
				ctaUrl: 'tel:+16505551234',
			});
			expectRefused(run, ['Button URL must be an http:// or https:// URL; got "tel:+16505551234"']);
		});
	});

	describe('flow (docs 16, 23)', () => {
		test('16-flows-messages', async () => {
			const body = documented('16-flows-messages');
			const parameters = actionOf(body).parameters as IDataObject;
			const run = await send('sendFlow', {
				...textParts(body),
				flowId: parameters.flow_id,
				flowCta: parameters.flow_cta,
			});
			expectSent(run, sendable(body));
		});

		test('23-flow-example-request: token, first screen and its data', async () => {
			const body = documented('23-flow-example-request');
			const parameters = actionOf(body).parameters as IDataObject;
			const payload = parameters.flow_action_payload as IDataObject;
			const run = await send('sendFlow', {
				...textParts(body),
				flowId: parameters.flow_id,
				flowCta: parameters.flow_cta,
				flowToken: parameters.flow_token,
				flowAction: 'navigate',
				flowScreen: payload.screen,
				flowData: JSON.stringify(payload.data, null, 2),
			});
			expectSent(run, sendable(body));
		});

		test('limit: header text over 60 characters', async () => {
			const run = await send('sendFlow', {
				interactiveHeaderText: 'h'.repeat(61),
				interactiveBody: 'Book',
				flowId: '1',
				flowCta: 'Book!',
			});
			expectRefused(run, ['Header Text is too long: 61 characters, the limit is 60']);
		});
	});

	describe('location request (doc 50)', () => {
		test('50-location-request-example-request', async () => {
			const body = documented('50-location-request-example-request');
			expectSent(await send('sendLocationRequest', textParts(body)), sendable(body));
		});

		test('limit: body over 1024 characters', async () => {
			expectRefused(await send('sendLocationRequest', { interactiveBody: 'b'.repeat(1025) }), [
				'Body is too long: 1025 characters, the limit is 1024',
			]);
		});
	});

	describe('address request (doc 84, India)', () => {
		/** Doc 84 writes phone numbers as "+91xxxxxxxxxx"; its field table says "valid phone numbers only". */
		const PHONE_PLACEHOLDER = '+91xxxxxxxxxx';
		/** A doc 84 example with its placeholder phone numbers filled in as a user would. */
		const withPhone = (name: string): Body =>
			JSON.parse(JSON.stringify(documented(name)).split(PHONE_PLACEHOLDER).join('+919876543210'));

		/** The documented body with its parameters replaced: the placeholders of doc 84 filled in as a user would. */
		function withParameters(body: Body, parameters: IDataObject): Body {
			const expected = sendable(body);
			actionOf(expected).parameters = parameters;
			return expected;
		}

		test('84-address-sample-api-call: the COUNTRY_ISO_CODE placeholder filled in with IN', async () => {
			const body = documented('84-address-sample-api-call');
			expect(actionOf(body).parameters).toEqual({ country: 'COUNTRY_ISO_CODE' });
			const run = await send('sendAddressRequest', { ...textParts(body), addressCountry: 'IN' });
			expectSent(run, withParameters(body, { country: 'IN' }));
		});

		test('84-address-json-payload: its "JSON Payload" placeholder string is sent as an object (Docs: parameters is an object)', async () => {
			const body = documented('84-address-json-payload');
			expect(actionOf(body).parameters).toBe('JSON Payload');
			const run = await send('sendAddressRequest', { ...textParts(body), addressCountry: 'IN' });
			expectSent(run, withParameters(body, { country: 'IN' }));
		});

		test('84-address-without-saved-addresses: prefilled values in the form', async () => {
			const body = withPhone('84-address-without-saved-addresses');
			const values = (actionOf(body).parameters as IDataObject).values;
			const run = await send(
				'sendAddressRequest',
				{ ...textParts(body), addressValues: { values } },
				{ recipient: String(body.to) },
			);
			expectSent(run, body);
		});

		test('84-address-with-saved-addresses: saved addresses as JSON, sent as given', async () => {
			const body = withPhone('84-address-with-saved-addresses');
			const saved = (actionOf(body).parameters as IDataObject).saved_addresses;
			const run = await send('sendAddressRequest', {
				...textParts(body),
				addressSavedAddressesInput: 'json',
				addressSavedAddressesJson: JSON.stringify(saved, null, 2),
			});
			expectSent(run, sendable(body));
		});

		test('84-address-validation-errors: values and errors in the form', async () => {
			const body = withPhone('84-address-validation-errors');
			const parameters = actionOf(body).parameters as IDataObject;
			const errors = Object.entries(parameters.validation_errors as IDataObject).map(([field, message]) => ({
				field,
				message,
			}));
			const run = await send('sendAddressRequest', {
				...textParts(body),
				addressValues: { values: parameters.values },
				addressValidationErrors: { error: errors },
			});
			expectSent(run, sendable(body));
		});

		test('limit: the placeholder phone number of doc 84 is not a phone number ("valid phone numbers only")', async () => {
			const run = await send('sendAddressRequest', {
				interactiveBody: 'Address?',
				addressValues: { values: { phone_number: PHONE_PLACEHOLDER } },
			});
			expectRefused(run, ['Prefilled Values > Phone Number must be a phone number', 'got "+91xxxxxxxxxx"']);
		});

		test('limit: PIN code over 6 characters', async () => {
			const run = await send('sendAddressRequest', {
				interactiveBody: 'Address?',
				addressValues: { values: { in_pin_code: '4000631' } },
			});
			expectRefused(run, ['Prefilled Values > Pin Code is too long: 7 characters, the limit is 6']);
		});
	});
});
