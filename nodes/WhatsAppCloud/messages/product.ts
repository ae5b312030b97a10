import type { INodeProperties } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { bodyProperty, buildBody, buildFooter, footerProperty, interactiveMessage } from './interactiveParts';
import { requireText } from '../../shared/InputError';

/** Shared by the single- and multi-product messages: the same catalog, so the value carries over between them. */
export const catalogIdProperty: INodeProperties = {
	displayName: 'Catalog ID',
	name: 'catalogId',
	type: 'string',
	default: '',
	required: true,
	description: 'ID of the Meta catalog connected to your WhatsApp Business Account (see Commerce Manager)',
};

export const productMessage: MessageType = {
	operation: 'sendProduct',
	name: 'Send Product',
	action: 'Send a single-product message',
	description: 'Show one product of your catalog',
	// Doc 16: a product message cannot have a header, and its body is optional.
	properties: [
		bodyProperty({ required: false }),
		footerProperty(),
		catalogIdProperty,
		{
			displayName: 'Product Retailer ID',
			name: 'productRetailerId',
			type: 'string',
			default: '',
			required: true,
			description: 'Retailer ID (SKU, "Content ID" in Commerce Manager) of the product to show',
		},
	],
	async build(params, ctx) {
		const body = buildBody(params, { required: false });
		const footer = buildFooter(params);
		const catalogId = requireText('Catalog ID', params.catalogId).trim();
		const productRetailerId = requireText('Product Retailer ID', params.productRetailerId).trim();
		return await interactiveMessage(ctx, 'product', {
			body,
			footer,
			action: { catalog_id: catalogId, product_retailer_id: productRetailerId },
		});
	},
};
