import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import {
	bodyProperty,
	buildBody,
	buildFooter,
	buildHeader,
	footerProperty,
	headerProperties,
	interactiveMessage,
	readStructuredList,
	structuredProperties,
	type HeaderKind,
	sectionTitle,
} from './interactiveParts';
import { collectionItems, entryString } from '../formValues';
import { catalogIdProperty } from './product';
import { checkCount, InputError, requireText } from '../../shared/InputError';

// Doc 16 (action and section objects) and doc 77.
export const MAX_PRODUCT_LIST_SECTIONS = 10;
export const MAX_PRODUCT_LIST_PRODUCTS = 30;
export const MAX_PRODUCT_LIST_SECTION_TITLE = 24;

const HEADER_KINDS: readonly HeaderKind[] = ['text'];

const SECTIONS = { name: 'productListSections', displayName: 'Sections', itemName: 'section' } as const;

function asObject(entry: unknown, field: string, what: string): IDataObject {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		throw new InputError(field, `${field}: ${what} must be an object`);
	}
	return entry as IDataObject;
}

export const productListMessage: MessageType = {
	operation: 'sendProductList',
	name: 'Send Product List',
	action: 'Send a multi-product message',
	description: 'Show up to 30 products of your catalog in sections',
	properties: [
		...headerProperties(HEADER_KINDS, { required: true }),
		bodyProperty(),
		footerProperty(),
		catalogIdProperty,
		...structuredProperties({
			...SECTIONS,
			itemDisplayName: 'Section',
			required: true,
			description: `1 to ${MAX_PRODUCT_LIST_SECTIONS} sections, each with at least one product; at most ${MAX_PRODUCT_LIST_PRODUCTS} products in total`,
			jsonDescription:
				'Array of sections as the API expects them: [{"title": "...", "product_items": [{"product_retailer_id": "..."}]}]',
			jsonExample:
				'[\n  {\n    "title": "Popular",\n    "product_items": [\n      { "product_retailer_id": "SKU-1" },\n      { "product_retailer_id": "SKU-2" }\n    ]\n  }\n]',
			fields: [
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: `Section title, up to ${MAX_PRODUCT_LIST_SECTION_TITLE} characters. Required when there is more than one section.`,
				},
				{
					displayName: 'Products',
					name: 'product_items',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Product',
					default: {},
					description: `Products of this section; at most ${MAX_PRODUCT_LIST_PRODUCTS} across all sections`,
					options: [
						{
							displayName: 'Product',
							name: 'product',
							values: [
								{
									displayName: 'Product Retailer ID',
									name: 'product_retailer_id',
									type: 'string',
									default: '',
									required: true,
									description: 'Retailer ID (SKU, "Content ID" in Commerce Manager) of the product',
								},
							],
						},
					],
				},
			],
		}),
	],
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS, { required: true });
		const body = buildBody(params);
		const footer = buildFooter(params);
		const catalogId = requireText('Catalog ID', params.catalogId).trim();

		const entries = readStructuredList(params, SECTIONS);
		checkCount('Sections', entries, 1, MAX_PRODUCT_LIST_SECTIONS, 'sections');
		let productCount = 0;
		const sections = entries.map((entry, index) => {
			const section = asObject(entry, 'Sections', `section ${index + 1}`);
			const title = sectionTitle(section, index, entries.length, MAX_PRODUCT_LIST_SECTION_TITLE);
			const productEntries = collectionItems('Sections > Products', section.product_items, 'product');
			if (productEntries.length === 0) {
				throw new InputError(
					'Sections > Products',
					`Sections > Products: section ${index + 1} needs at least 1 product`,
				);
			}
			productCount += productEntries.length;
			const productItems = productEntries.map((productEntry, productIndex) => {
				const product = asObject(
					productEntry,
					'Sections > Products',
					`product ${productIndex + 1} of section ${index + 1}`,
				);
				const id = entryString(product, 'product_retailer_id').trim();
				if (id === '') {
					throw new InputError(
						'Sections > Products > Product Retailer ID',
						`Sections > Products > Product Retailer ID is required (product ${productIndex + 1} of section ${index + 1})`,
					);
				}
				return { product_retailer_id: id };
			});
			const out: IDataObject = {};
			if (title !== '') out.title = title;
			out.product_items = productItems;
			return out;
		});
		if (productCount > MAX_PRODUCT_LIST_PRODUCTS) {
			throw new InputError(
				'Sections > Products',
				`Sections > Products has ${productCount} products in total, the limit is ${MAX_PRODUCT_LIST_PRODUCTS}`,
			);
		}

		return await interactiveMessage(ctx, 'product_list', {
			header,
			body,
			footer,
			action: { catalog_id: catalogId, sections },
		});
	},
};
