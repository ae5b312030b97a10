import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { catalogMessage } from '../../../nodes/WhatsAppCloud/messages/catalog';
import { InputError } from '../../../nodes/shared/InputError';

import { offlineContext } from './support';

function fixturePart(name: string): IDataObject {
	const { body } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'));
	return { type: 'interactive', interactive: body.interactive };
}

function params(values: IDataObject): IDataObject {
	const all: IDataObject = {};
	for (const property of catalogMessage.properties) all[property.name] = property.default as IDataObject[string];
	return { ...all, ...values };
}

const ctx = offlineContext();

async function inputError(values: IDataObject): Promise<InputError> {
	const error = await catalogMessage.build(params(values), ctx).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}

describe('catalog message', () => {
	test('doc 77 sample request', async () => {
		const result = await catalogMessage.build(
			params({
				interactiveBody:
					'Hello! Thanks for your interest. Ordering is easy. Just visit our catalog and add items to purchase.',
				interactiveFooter: 'Best grocery deals on WhatsApp!',
				catalogThumbnailRetailerId: '2lc20305pt',
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('catalog-sample-request-77'));
	});

	test('doc 77 post body syntax', async () => {
		const result = await catalogMessage.build(
			params({
				interactiveBody: '<BODY_TEXT>',
				interactiveFooter: '<FOOTER_TEXT>',
				catalogThumbnailRetailerId: '<THUMBNAIL_PRODUCT_RETAILER_ID>',
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('catalog-post-body-77'));
	});

	test('doc 16 example (no footer)', async () => {
		const result = await catalogMessage.build(
			params({
				interactiveBody: 'Thanks for your order! Tell us what address you’d like this order delivered to.',
				catalogThumbnailRetailerId: '<Product-retailer-id>',
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('catalog-reference-16'));
	});

	test('without a thumbnail the parameters object is left out', async () => {
		const result = await catalogMessage.build(params({ interactiveBody: 'Browse' }), ctx);
		expect(result).toEqual({
			type: 'interactive',
			interactive: { type: 'catalog_message', body: { text: 'Browse' }, action: { name: 'catalog_message' } },
		});
	});

	test('body is required', async () => {
		const error = await inputError({ interactiveBody: '' });
		expect(error.message).toBe('Body is required');
	});

	test('body is at most 1024 characters', async () => {
		const error = await inputError({ interactiveBody: 'b'.repeat(1025) });
		expect(error.message).toBe('Body is too long: 1025 characters, the limit is 1024');
	});

	test('footer is at most 60 characters', async () => {
		const error = await inputError({ interactiveBody: 'b', interactiveFooter: 'f'.repeat(61) });
		expect(error.message).toBe('Footer is too long: 61 characters, the limit is 60');
	});
});
