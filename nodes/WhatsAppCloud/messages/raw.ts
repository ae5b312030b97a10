import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { checkOneOf, InputError, parseJsonInput } from '../../shared/InputError';

const FIELD = 'Message JSON';

/** Every `type` the messages endpoint accepts (doc 16). */
export const SENDABLE_TYPES = [
	'audio',
	'contacts',
	'document',
	'image',
	'interactive',
	'location',
	'reaction',
	'sticker',
	'template',
	'text',
	'video',
] as const;

// Set by the Recipient field and the Options collection, so that the JSON cannot send to someone else by accident.
const ENVELOPE_KEYS = [
	'messaging_product',
	'recipient_type',
	'to',
	'context',
	'biz_opaque_callback_data',
	'recipient_identity_key_hash',
];

export const rawMessage: MessageType = {
	operation: 'sendRaw',
	name: 'Send Raw',
	action: 'Send a message from raw JSON',
	description: 'Send any documented message type from its JSON',
	properties: [
		{
			displayName: 'Message JSON',
			name: 'rawMessageJson',
			type: 'json',
			default: '{\n  "type": "text",\n  "text": { "body": "Hello" }\n}',
			required: true,
			description:
				'The message as the Cloud API documents it, without the envelope: "type" and the object of that type (e.g. "interactive": {...}). Recipient, reply-to and callback data come from the fields of this node.',
		},
	],
	async build(params) {
		const message = parseJsonInput<unknown>(FIELD, params.rawMessageJson);
		if (typeof message !== 'object' || message === null || Array.isArray(message)) {
			throw new InputError(FIELD, `${FIELD} must be a JSON object with "type" and the object of that type`);
		}
		const body = message as IDataObject;
		const envelope = ENVELOPE_KEYS.filter((key) => key in body);
		if (envelope.length > 0) {
			throw new InputError(
				FIELD,
				`${FIELD} must not contain ${envelope.join(', ')}: use the Recipient field and the Options (Reply To Message ID, Callback Data, Recipient Identity Key Hash)`,
			);
		}
		const type = checkOneOf(`${FIELD} > type`, String(body.type ?? ''), SENDABLE_TYPES);
		if (typeof body[type] !== 'object' || body[type] === null) {
			throw new InputError(FIELD, `${FIELD} has "type": "${type}" but no "${type}" object`);
		}
		const extra = Object.keys(body).filter((key) => key !== 'type' && key !== type);
		if (extra.length > 0) {
			throw new InputError(
				FIELD,
				`${FIELD} has properties the Cloud API would reject next to "${type}": ${extra.join(', ')}`,
			);
		}
		return body;
	},
};
