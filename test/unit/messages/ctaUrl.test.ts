import type { IDataObject } from 'n8n-workflow';

import { ctaUrlMessage } from '../../../nodes/WhatsAppCloud/messages/ctaUrl';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(ctaUrlMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(ctaUrlMessage.build(params(values), ctx));

const valid: IDataObject = { interactiveBody: 'Tap below', ctaDisplayText: 'Open', ctaUrl: 'https://example.com' };

describe('CTA URL message', () => {
	test('doc 30 example; the header gets the "type": "text" the example omits (doc contradiction 14)', async () => {
		const fixture = fixturePart('30-cta-url-example-request');
		const documented = fixture.interactive as IDataObject;
		expect(documented.header).toStrictEqual({ text: 'Available Dates' });

		const result = await ctaUrlMessage.build(
			params({
				interactiveHeaderText: 'Available Dates',
				interactiveBody: 'Tap the button below to see available dates.',
				interactiveFooter: 'Dates subject to change.',
				ctaDisplayText: 'See Dates',
				ctaUrl: 'https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4',
			}),
			ctx,
		);
		expect(result).toStrictEqual({
			...fixture,
			interactive: { ...documented, header: { type: 'text', text: 'Available Dates' } },
		});
	});

	test('header and footer are optional', async () => {
		const result = await ctaUrlMessage.build(params(valid), ctx);
		expect(result).toStrictEqual({
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: 'Tap below' },
				action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://example.com' } },
			},
		});
	});

	test('body is required, as the parameter table of doc 30 says (doc contradiction 14)', async () => {
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

	test('header text up to 60 characters', async () => {
		expect(await inputError({ ...valid, interactiveHeaderText: 'h'.repeat(61) })).toMatchObject({
			field: 'Header Text',
			message: 'Header Text is too long: 61 characters, the limit is 60',
		});
	});

	test('footer up to 60 characters', async () => {
		expect(await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) })).toMatchObject({
			field: 'Footer',
			message: 'Footer is too long: 61 characters, the limit is 60',
		});
	});

	test('button text is required', async () => {
		expect(await inputError({ ...valid, ctaDisplayText: ' ' })).toMatchObject({
			field: 'Button Text',
			message: 'Button Text is required',
		});
	});

	test('Docs: button text without leading or trailing spaces (28: Cloud API refuses them on action properties)', async () => {
		expect(await inputError({ ...valid, ctaDisplayText: ' Open' })).toMatchObject({
			field: 'Button Text',
			message: 'Button Text cannot start or end with spaces; got " Open"',
		});
	});

	test('button URL is required', async () => {
		expect(await inputError({ ...valid, ctaUrl: '' })).toMatchObject({
			field: 'Button URL',
			message: 'Button URL is required',
		});
	});

	test('button URL must be http or https', async () => {
		expect(await inputError({ ...valid, ctaUrl: 'javascript:alert(1)' })).toMatchObject({
			field: 'Button URL',
			message: 'Button URL must be an http:// or https:// URL; got "javascript:alert(1)"',
		});
		expect(await inputError({ ...valid, ctaUrl: 'www.example.com' })).toMatchObject({
			field: 'Button URL',
			message: 'Button URL must be an http:// or https:// URL; got "www.example.com"',
		});
	});
});
