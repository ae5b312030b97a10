import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MAX_CALLBACK_DATA, markAsRead, sendMessage, simplifySendResponse } from '../hooks/sendMessage';
import { MESSAGE_TYPES } from '../messages';
import { SEND_AND_WAIT, sendAndWaitFields, sendAndWaitOperation } from '../sendAndWait';
import { phoneNumberIdProperty, showFor } from './common';

const sendOperations: INodePropertyOptions[] = MESSAGE_TYPES.map((type) => ({
	name: type.name,
	value: type.operation,
	action: type.action,
	routing: {
		request: { method: 'POST' },
		send: { preSend: [sendMessage] },
		output: { postReceive: [simplifySendResponse] },
	},
}));

const sendOperationValues = [...MESSAGE_TYPES.map((type) => type.operation), SEND_AND_WAIT];

export const messageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		...sendOperations,
		sendAndWaitOperation,
		{
			name: 'Mark as Read',
			value: 'markAsRead',
			action: 'Mark a message as read',
			description: 'Mark an incoming message (and the ones before it) as read',
			routing: {
				request: { method: 'POST' },
				send: { preSend: [markAsRead] },
			},
		},
	],
	default: 'sendText',
};

export const messageFields: INodeProperties[] = [
	phoneNumberIdProperty({ resource: ['message'] }),
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+16505551234',
		description:
			"Phone number with country code, or the WhatsApp ID from a webhook (e.g. {{ $json.contact.wa_id }}). Without a leading +, WhatsApp prepends the sender's country code.",
		displayOptions: { show: { resource: ['message'], operation: sendOperationValues } },
	},
	...MESSAGE_TYPES.flatMap((type) =>
		type.properties.map((property) => showFor({ resource: ['message'], operation: [type.operation] }, property)),
	),
	...sendAndWaitFields,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
		description: 'ID of the incoming message, e.g. {{ $json.message.id }} from the WhatsApp Cloud Trigger',
		displayOptions: { show: { resource: ['message'], operation: ['markAsRead'] } },
	},
	{
		displayName: 'Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: sendOperationValues } },
		options: [
			{
				displayName: 'Callback Data',
				name: 'bizOpaqueCallbackData',
				type: 'string',
				default: '',
				description: `Your own tracking string (up to ${MAX_CALLBACK_DATA} characters), returned in the status webhooks of this message`,
			},
			{
				displayName: 'Recipient Identity Key Hash',
				name: 'recipientIdentityKeyHash',
				type: 'string',
				default: '',
				description:
					"Only deliver if the recipient's identity key still matches this hash (needs the identity change check enabled on the number)",
			},
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				description: 'Send as a reply quoting this message (wamid). Not available for reactions.',
			},
		],
	},
];
