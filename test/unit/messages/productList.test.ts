import type { IDataObject } from 'n8n-workflow';

import { productListMessage } from '../../../nodes/WhatsAppCloud/messages/productList';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(productListMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(productListMessage.build(params(values), ctx));

const products = (n: number, sku = 'SKU') => ({
	product: Array.from({ length: n }, (_, i) => ({ product_retailer_id: `${sku}-${i}` })),
});
const section = (title: string, n: number) => ({ title, product_items: products(n) });
const valid: IDataObject = {
	interactiveHeaderText: 'Our picks',
	interactiveBody: 'Have a look',
	catalogId: 'CATALOG_ID',
	productListSections: { section: [section('Popular', 2)] },
};

describe('product list message', () => {
	test('doc 16 example from the form', async () => {
		const sku = { product_retailer_id: 'product-SKU-in-catalog' };
		const result = await productListMessage.build(
			params({
				interactiveHeaderText: 'header-content',
				interactiveBody: 'body-content',
				interactiveFooter: 'footer-content',
				catalogId: 'CATALOG_ID',
				productListSections: {
					section: [
						{ title: 'section-title', product_items: { product: [sku, sku] } },
						{ title: 'section-title', product_items: { product: [sku, sku] } },
					],
				},
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('productList-reference-16'));
	});

	test('doc 77 example from JSON', async () => {
		const fixture = fixturePart('productList-share-products-77');
		const action = (fixture.interactive as IDataObject).action as IDataObject;
		const result = await productListMessage.build(
			params({
				interactiveHeaderText: 'HEADER_CONTENT',
				interactiveBody: 'BODY_CONTENT',
				interactiveFooter: 'FOOTER_CONTENT',
				catalogId: 'CATALOG_ID',
				productListSectionsInput: 'json',
				productListSectionsJson: JSON.stringify(action.sections),
			}),
			ctx,
		);
		expect(result).toEqual(fixture);
	});

	test('a single section may go without a title, which is then left out', async () => {
		const result = await productListMessage.build(
			params({ ...valid, productListSections: { section: [section('', 1)] } }),
			ctx,
		);
		const action = (result.interactive as IDataObject).action as IDataObject;
		expect(action.sections).toEqual([{ product_items: [{ product_retailer_id: 'SKU-0' }] }]);
	});

	test('header text is required', async () => {
		const error = await inputError({ ...valid, interactiveHeaderText: '' });
		expect(error.message).toBe('Header Text is required');
	});

	test('header text is at most 60 characters', async () => {
		const error = await inputError({ ...valid, interactiveHeaderText: 'h'.repeat(61) });
		expect(error.message).toBe('Header Text is too long: 61 characters, the limit is 60');
	});

	test('body is required', async () => {
		const error = await inputError({ ...valid, interactiveBody: '' });
		expect(error.message).toBe('Body is required');
	});

	test('body is at most 1024 characters', async () => {
		const error = await inputError({ ...valid, interactiveBody: 'b'.repeat(1025) });
		expect(error.message).toBe('Body is too long: 1025 characters, the limit is 1024');
	});

	test('footer is at most 60 characters', async () => {
		const error = await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) });
		expect(error.message).toBe('Footer is too long: 61 characters, the limit is 60');
	});

	test('catalog ID is required', async () => {
		const error = await inputError({ ...valid, catalogId: '' });
		expect(error.message).toBe('Catalog ID is required');
	});

	test('at least one section', async () => {
		const error = await inputError({ ...valid, productListSections: {} });
		expect(error.message).toBe('Sections needs at least 1 sections, got 0');
	});

	test('at most 10 sections', async () => {
		const sections = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, product_items: products(1, `S${i}`) }));
		const error = await inputError({ ...valid, productListSections: { section: sections } });
		expect(error.message).toBe('Sections has 11 sections, the limit is 10');
	});

	test('every section needs at least one product', async () => {
		const error = await inputError({ ...valid, productListSections: { section: [section('A', 1), section('B', 0)] } });
		expect(error.message).toBe('Sections > Products: section 2 needs at least 1 product');
	});

	test('at most 30 products across all sections', async () => {
		const error = await inputError({
			...valid,
			productListSections: { section: [section('A', 10), section('B', 10), section('C', 11)] },
		});
		expect(error.message).toBe('Sections > Products has 31 products in total, the limit is 30');
	});

	test('30 products across all sections are accepted', async () => {
		const result = await productListMessage.build(
			params({ ...valid, productListSections: { section: [section('A', 10), section('B', 10), section('C', 10)] } }),
			ctx,
		);
		const action = (result.interactive as IDataObject).action as IDataObject;
		expect((action.sections as IDataObject[]).length).toBe(3);
	});

	test('section title is at most 24 characters', async () => {
		const error = await inputError({ ...valid, productListSections: { section: [section('t'.repeat(25), 1)] } });
		expect(error.message).toBe('Sections > Title is too long: 25 characters, the limit is 24');
	});

	test('section title is required with more than one section (reference page 16)', async () => {
		const error = await inputError({ ...valid, productListSections: { section: [section('A', 1), section('', 1)] } });
		expect(error.message).toBe('Sections > Title is required when there is more than one section (section 2 has none)');
	});

	test('product retailer ID is required', async () => {
		const error = await inputError({
			...valid,
			productListSections: { section: [{ title: 'A', product_items: { product: [{ product_retailer_id: '' }] } }] },
		});
		expect(error.message).toBe('Sections > Products > Product Retailer ID is required (product 1 of section 1)');
	});
});
