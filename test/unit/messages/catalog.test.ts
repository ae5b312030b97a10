import type { IDataObject } from 'n8n-workflow';

import { catalogMessage } from '../../../nodes/WhatsAppCloud/messages/catalog';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(catalogMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(catalogMessage.build(params(values), ctx));

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
