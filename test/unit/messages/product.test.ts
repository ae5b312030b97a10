import type { IDataObject } from 'n8n-workflow';

import { productMessage } from '../../../nodes/WhatsAppCloud/messages/product';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(productMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(productMessage.build(params(values), ctx));

const valid: IDataObject = { catalogId: 'CATALOG_ID', productRetailerId: 'SKU-1' };

describe('product message', () => {
	test('doc 16 example', async () => {
		const result = await productMessage.build(
			params({
				interactiveBody: 'optional body text',
				interactiveFooter: 'optional footer text',
				catalogId: 'CATALOG_ID',
				productRetailerId: 'ID_TEST_ITEM_1',
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('product-reference-16'));
	});

	test('doc 77 example', async () => {
		const result = await productMessage.build(
			params({
				interactiveBody: 'BODY_TEXT',
				interactiveFooter: 'FOOTER_TEXT',
				catalogId: 'CATALOG_ID',
				productRetailerId: 'ID_TEST_ITEM_1',
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('product-share-products-77'));
	});

	test('body and footer are optional and left out when empty', async () => {
		const result = await productMessage.build(params(valid), ctx);
		expect(result).toEqual({
			type: 'interactive',
			interactive: { type: 'product', action: { catalog_id: 'CATALOG_ID', product_retailer_id: 'SKU-1' } },
		});
	});

	test('offers no header field and never sends a header', async () => {
		const names = productMessage.properties.map((property) => property.name);
		expect(names.filter((name) => name.startsWith('interactiveHeader'))).toEqual([]);
		const result = await productMessage.build(params({ ...valid, interactiveHeaderText: 'Ignored' }), ctx);
		expect((result.interactive as IDataObject).header).toBeUndefined();
	});

	test('catalog ID is required', async () => {
		const error = await inputError({ ...valid, catalogId: '' });
		expect(error.field).toBe('Catalog ID');
		expect(error.message).toBe('Catalog ID is required');
	});

	test('product retailer ID is required', async () => {
		const error = await inputError({ ...valid, productRetailerId: ' ' });
		expect(error.message).toBe('Product Retailer ID is required');
	});

	test('body is at most 1024 characters', async () => {
		const error = await inputError({ ...valid, interactiveBody: 'b'.repeat(1025) });
		expect(error.message).toBe('Body is too long: 1025 characters, the limit is 1024');
	});

	test('footer is at most 60 characters', async () => {
		const error = await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) });
		expect(error.message).toBe('Footer is too long: 61 characters, the limit is 60');
	});
});
