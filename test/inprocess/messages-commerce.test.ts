import type { IDataObject } from 'n8n-workflow';

import { documented, expectRefused, expectSent, sendable, useMessageSandbox, type Body } from './messageCases';

const interactiveOf = (body: Body): IDataObject => body.interactive as IDataObject;
const actionOf = (body: Body): IDataObject => interactiveOf(body).action as IDataObject;
const textOf = (part: unknown): string | undefined => (part as { text?: string } | undefined)?.text;

/** Header text, body and footer of a documented example, as the user types them (empty ones left out). */
function textParts(body: Body): IDataObject {
	const interactive = interactiveOf(body);
	const fields: IDataObject = {};
	if (interactive.header) fields.interactiveHeaderText = textOf(interactive.header);
	if (interactive.body) fields.interactiveBody = textOf(interactive.body);
	if (interactive.footer) fields.interactiveFooter = textOf(interactive.footer);
	return fields;
}

describe('commerce messages through n8n (docs 16, 77)', () => {
	const { send } = useMessageSandbox();

	describe('single product', () => {
		test.each(['product-reference-16', 'product-share-products-77'])('%s', async (name) => {
			const body = documented(name);
			const action = actionOf(body);
			const run = await send('sendProduct', {
				...textParts(body),
				catalogId: action.catalog_id,
				productRetailerId: action.product_retailer_id,
			});
			expectSent(run, sendable(body));
		});

		test('limit: footer over 60 characters', async () => {
			const run = await send('sendProduct', {
				interactiveFooter: 'f'.repeat(61),
				catalogId: 'CATALOG_ID',
				productRetailerId: 'SKU',
			});
			expectRefused(run, ['Footer is too long: 61 characters, the limit is 60']);
		});
	});

	describe('product list', () => {
		test.each(['productList-reference-16', 'productList-share-products-77'])(
			'%s, sections in the form',
			async (name) => {
				const body = documented(name);
				const action = actionOf(body);
				const sections = (action.sections as Array<{ title: string; product_items: IDataObject[] }>).map((section) => ({
					title: section.title,
					product_items: { product: section.product_items },
				}));
				const run = await send('sendProductList', {
					...textParts(body),
					catalogId: action.catalog_id,
					productListSections: { section: sections },
				});
				expectSent(run, sendable(body));
			},
		);

		test('productList-reference-16, sections as JSON', async () => {
			const body = documented('productList-reference-16');
			const action = actionOf(body);
			const run = await send('sendProductList', {
				...textParts(body),
				catalogId: action.catalog_id,
				productListSectionsInput: 'json',
				productListSectionsJson: JSON.stringify(action.sections),
			});
			expectSent(run, sendable(body));
		});

		test('limit: more than 30 products across sections', async () => {
			const products = (prefix: string, count: number) => ({
				product: Array.from({ length: count }, (_, i) => ({ product_retailer_id: `${prefix}-${i}` })),
			});
			const run = await send('sendProductList', {
				interactiveHeaderText: 'Our picks',
				interactiveBody: 'Have a look',
				catalogId: 'CATALOG_ID',
				productListSections: {
					section: [
						{ title: 'A', product_items: products('a', 20) },
						{ title: 'B', product_items: products('b', 11) },
					],
				},
			});
			expectRefused(run, ['Sections > Products has 31 products in total, the limit is 30']);
		});
	});

	describe('catalog', () => {
		test.each(['catalog-reference-16', 'catalog-post-body-77', 'catalog-sample-request-77'])('%s', async (name) => {
			const body = documented(name);
			const parameters = actionOf(body).parameters as IDataObject;
			const run = await send(
				'sendCatalog',
				{ ...textParts(body), catalogThumbnailRetailerId: parameters.thumbnail_product_retailer_id },
				{ recipient: sendable(body).to as string },
			);
			expectSent(run, sendable(body));
		});

		test('limit: body over 1024 characters', async () => {
			expectRefused(await send('sendCatalog', { interactiveBody: 'b'.repeat(1025) }), [
				'Body is too long: 1025 characters, the limit is 1024',
			]);
		});
	});
});
