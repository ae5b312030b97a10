import type { INodeProperties } from 'n8n-workflow';

import { businessAccountHealthStatus, subscribeApp, subscribedAppsUrl } from '../hooks/businessAccount';
import { recordsAt } from '../hooks/payments';
import { businessAccountIdProperty } from './common';

const resource = ['businessAccount'];

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
				request: { method: 'GET' },
				send: { preSend: [businessAccountHealthStatus] },
			},
		},
		{
			name: 'List Subscribed Apps',
			value: 'listSubscribedApps',
			action: 'List the apps subscribed to the account',
			description: "List the apps that receive this account's webhooks",
			routing: {
				request: { method: 'GET' },
				send: { preSend: [subscribedAppsUrl] },
				output: { postReceive: [recordsAt('data')] },
			},
		},
		{
			name: 'Subscribe App',
			value: 'subscribeApp',
			action: 'Subscribe the app to the account webhooks',
			description: "Send this account's webhooks (all its phone numbers) to the credential's app",
			routing: {
				request: { method: 'POST' },
				send: { preSend: [subscribeApp] },
			},
		},
		{
			name: 'Unsubscribe App',
			value: 'unsubscribeApp',
			action: 'Unsubscribe the app from the account webhooks',
			description: "Stop sending this account's webhooks to the credential's app",
			routing: {
				request: { method: 'DELETE' },
				send: { preSend: [subscribedAppsUrl] },
			},
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

