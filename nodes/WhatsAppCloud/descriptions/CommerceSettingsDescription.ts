import type { INodeProperties } from 'n8n-workflow';

import { resolvePhoneNumberId } from '../hooks/accountIds';
import { checkInput } from '../hooks/checkInput';
import { checkCommerceUpdate } from '../hooks/commerceSettings';
import { PHONE_NUMBER_ID, phoneNumberIdProperty } from './common';

const resource = ['commerceSettings'];
const settings = `=/${PHONE_NUMBER_ID}/whatsapp_commerce_settings`;

export const commerceSettingsOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get commerce settings',
			description: 'Get whether the cart and the catalog are shown for this number',
			routing: {
				request: { method: 'GET', url: settings },
				send: { preSend: [checkInput(resolvePhoneNumberId)] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update commerce settings',
			description: 'Show or hide the cart and the catalog for this number',
			// Docs: doc 11 sends both settings as query string parameters, with no body.
			routing: {
				request: { method: 'POST', url: settings },
				send: { preSend: [checkInput(resolvePhoneNumberId, checkCommerceUpdate)] },
			},
		},
	],
	default: 'get',
};

export const commerceSettingsFields: INodeProperties[] = [
	phoneNumberIdProperty({ resource }, 'Business Phone Number'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource, operation: ['update'] } },
		options: [
			{
				displayName: 'Cart Enabled',
				name: 'isCartEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether customers see the cart buttons in the chat, catalog and product views',
				routing: { send: { type: 'query', property: 'is_cart_enabled', value: '={{ String($value) }}' } },
			},
			{
				displayName: 'Catalog Visible',
				name: 'isCatalogVisible',
				type: 'boolean',
				default: false,
				description:
					'Whether the catalog storefront icon and catalog buttons are shown (when hidden, catalog links show "Invalid catalog link")',
				routing: { send: { type: 'query', property: 'is_catalog_visible', value: '={{ String($value) }}' } },
			},
		],
	},
];
