import type { INodeProperties } from 'n8n-workflow';

import { commerceSettingsUrl, updateCommerceSettings } from '../hooks/commerceSettings';
import { recordsAt } from '../hooks/payments';
import { phoneNumberIdProperty } from './common';

const resource = ['commerceSettings'];

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
				request: { method: 'GET' },
				send: { preSend: [commerceSettingsUrl] },
				output: { postReceive: [recordsAt('data')] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update commerce settings',
			description: 'Show or hide the cart and the catalog for this number',
			routing: {
				request: { method: 'POST' },
				send: { preSend: [updateCommerceSettings] },
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
			},
			{
				displayName: 'Catalog Visible',
				name: 'isCatalogVisible',
				type: 'boolean',
				default: false,
				description:
					'Whether the catalog storefront icon and catalog buttons are shown (when hidden, catalog links show "Invalid catalog link")',
			},
		],
	},
];
