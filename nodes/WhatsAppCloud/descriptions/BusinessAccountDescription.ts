import type { INodeProperties } from 'n8n-workflow';

import { resolveBusinessAccountId } from '../hooks/accountIds';
import { subscribeAppBody } from '../hooks/businessAccount';
import { checkInput } from '../hooks/checkInput';
import { BUSINESS_ACCOUNT_ID, businessAccountIdProperty } from './common';

const resource = ['businessAccount'];
const checkBusinessAccountId = checkInput(resolveBusinessAccountId);
// Docs: doc 59 only links List and Unsubscribe; they are built as Graph serves `/{waba}/subscribed_apps`
// (GET answers `{ data: [{ whatsapp_business_api_data: { id, name, link } }] }`, DELETE answers `{ success: true }`).
const subscribedApps = `=/${BUSINESS_ACCOUNT_ID}/subscribed_apps`;

export const businessAccountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	options: [
		{
			name: 'Get Health Status',
			value: 'getHealthStatus',
			action: 'Get the messaging health status of the account',
			description: 'Whether the account, its business and the app can send messages (AVAILABLE, LIMITED or BLOCKED)',
			routing: {
				// Doc 55: GET /{waba}?fields=health_status.
				request: { method: 'GET', url: `=/${BUSINESS_ACCOUNT_ID}`, qs: { fields: 'health_status' } },
				send: { preSend: [checkBusinessAccountId] },
			},
		},
		{
			name: 'Get Many Subscribed Apps',
			value: 'listSubscribedApps',
			action: 'Get many apps subscribed to the account',
			description: "List the apps that receive this account's webhooks",
			routing: {
				request: { method: 'GET', url: subscribedApps },
				send: { preSend: [checkBusinessAccountId] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
		{
			name: 'Subscribe App',
			value: 'subscribeApp',
			action: 'Subscribe the app to the account webhooks',
			description: "Send this account's webhooks (all its phone numbers) to the credential's app",
			routing: { request: { method: 'POST', url: subscribedApps }, send: { preSend: [subscribeAppBody] } },
		},
		{
			name: 'Unsubscribe App',
			value: 'unsubscribeApp',
			action: 'Unsubscribe the app from the account webhooks',
			description: "Stop sending this account's webhooks to the credential's app",
			routing: { request: { method: 'DELETE', url: subscribedApps }, send: { preSend: [checkBusinessAccountId] } },
		},
	],
	default: 'getHealthStatus',
};

export const businessAccountFields: INodeProperties[] = [
	businessAccountIdProperty({ resource }),
	{
		displayName: 'Options',
		name: 'subscribeOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource, operation: ['subscribeApp'] } },
		options: [
			{
				displayName: 'Override Callback URL',
				name: 'overrideCallbackUri',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/webhook',
				description:
					"HTTPS URL that gets this account's webhooks instead of the app's callback URL. Meta verifies it with the Verify Token before accepting it.",
			},
			{
				displayName: 'Verify Token',
				name: 'verifyToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Token Meta sends to the Override Callback URL to verify it (required with it)',
			},
		],
	},
];
