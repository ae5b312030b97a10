import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { bodyProperty, buildBody, buildFooter, footerProperty, interactiveMessage } from './interactiveParts';

export const catalogMessage: MessageType = {
	operation: 'sendCatalog',
	name: 'Send Catalog',
	action: 'Send a catalog message',
	description: 'Invite the user to browse your whole product catalog',
	// Doc 77: the header is fixed by WhatsApp (thumbnail + catalog title), so there is none to set.
	properties: [
		bodyProperty(),
		footerProperty(),
		{
			displayName: 'Thumbnail Product Retailer ID',
			name: 'catalogThumbnailRetailerId',
			type: 'string',
			default: '',
			description:
				'Retailer ID (SKU) of the product whose image becomes the header thumbnail. Leave empty to use the first product in the catalog.',
		},
	],
	async build(params, ctx) {
		const body = buildBody(params);
		const footer = buildFooter(params);
		const thumbnail =
			typeof params.catalogThumbnailRetailerId === 'string' ? params.catalogThumbnailRetailerId.trim() : '';
		const action: IDataObject = { name: 'catalog_message' };
		if (thumbnail !== '') action.parameters = { thumbnail_product_retailer_id: thumbnail };
		return await interactiveMessage(ctx, 'catalog_message', { body, footer, action });
	},
};
