import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MESSAGE_TYPES } from '../messages';
import { SEND_AND_WAIT, sendAndWaitFields, sendAndWaitOperation } from '../sendAndWait';
import { MAX_CALLBACK_DATA } from '../send/envelope';
import { SENDING_OPTIONS } from '../send/options';
import { phoneNumberIdProperty, showFor } from './common';

// Every message operation runs as one of the node's customOperations (send/index.ts), not through routing.
const sendOperations: INodePropertyOptions[] = MESSAGE_TYPES.map((type) => ({
	name: type.name,
	value: type.operation,
	action: type.action,
	description: type.description,
}));

const sendOperationValues = [...MESSAGE_TYPES.map((type) => type.operation), SEND_AND_WAIT];

/** Options of the envelope every sent message shares (doc 16). */
const envelopeOptions: INodeProperties[] = [
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
];

// A named list, not an array literal: n8n's lint rules (and its package scanner) crash on spread elements there.
const operationOptions: INodePropertyOptions[] = [
	...sendOperations,
	sendAndWaitOperation,
	{
		name: 'Mark as Read',
		value: 'markAsRead',
		action: 'Mark a message as read',
		description: 'Mark an incoming message (and the ones before it) as read',
	},
];

const messageOptions = [...envelopeOptions, ...SENDING_OPTIONS].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

export const messageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: operationOptions,
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
			"Phone number with country code, or the WhatsApp ID from a webhook. Without a leading +, WhatsApp prepends the sender's country code.",
		hint: 'From the trigger: {{ $json.contact.wa_id }}',
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
		description: 'The wamid of the incoming message',
		hint: 'From the trigger: {{ $json.message.id }}',
		displayOptions: { show: { resource: ['message'], operation: ['markAsRead'] } },
	},
	{
		displayName: 'Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: MESSAGE_TYPES.map((type) => type.operation) } },
		options: messageOptions,
	},
	{
		// Send and Wait has Options of its own (wait time, form): its message's options get their own name.
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: [SEND_AND_WAIT] } },
		options: messageOptions,
	},
	{
		displayName: 'Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: ['markAsRead'] } },
		options: SENDING_OPTIONS,
	},
];
