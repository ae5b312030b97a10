import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, IN8nHttpFullResponse } from 'n8n-workflow';

import { checkLength, InputError, requireText } from '../../shared/InputError';
import { messageTypeByOperation } from '../messages';
import { isPhoneNumberOrWaId, MAX_MESSAGE_ID } from '../../shared/graphApi';
import type { BuildContext } from '../messages/MessageType';
import { resolveBusinessAccountId, resolvePhoneNumberId } from './accountIds';
import { graphRequest } from './graphRequest';
import { allOrNothing } from './allOrNothing';
import { readMediaBinary } from './uploadMedia';
import { uploadMedia } from '../../shared/transport';

export const MAX_CALLBACK_DATA = 512;

/** The envelope every sent message shares (doc 16, "Messages"): recipient, reply context, tracking data. */
export function buildEnvelope(type: string, recipient: unknown, options: IDataObject): IDataObject {
	const to = requireText('Recipient', recipient).trim();
	if (!isPhoneNumberOrWaId(to)) {
		throw new InputError(
			'Recipient',
			`Recipient must be a phone number with country code or a WhatsApp ID (digits, optionally +, spaces, dashes, parentheses); got "${to}"`,
		);
	}
	const envelope: IDataObject = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
	const replyTo = String(options.replyToMessageId ?? '').trim();
	if (replyTo) {
		// Doc 43: any message type except reactions can be a contextual reply.
		if (type === 'reaction') {
			throw new InputError('Reply To Message ID', 'Reply To Message ID cannot be used with reactions: a reaction already names its message');
		}
		checkLength('Reply To Message ID', replyTo, MAX_MESSAGE_ID);
		envelope.context = { message_id: replyTo };
	}
	const callbackData = options.bizOpaqueCallbackData;
	if (typeof callbackData === 'string' && callbackData !== '') {
		checkLength('Callback Data', callbackData, MAX_CALLBACK_DATA);
		envelope.biz_opaque_callback_data = callbackData;
	}
	const identityHash = String(options.recipientIdentityKeyHash ?? '').trim();
	if (identityHash) envelope.recipient_identity_key_hash = identityHash;
	return envelope;
}

/** preSend for every "Send …" message operation: builds and checks the body, uploads binary media. */
export const sendMessage = allOrNothing(async function (requestOptions, gate) {
	const operation = this.getNodeParameter('operation') as string;
	const messageType = messageTypeByOperation(operation);
	const phoneNumberId = await resolvePhoneNumberId(this);
	const params: IDataObject = {};
	for (const property of messageType.properties) {
		params[property.name] = this.getNodeParameter(property.name, property.default) as IDataObject[string];
	}
	const options = this.getNodeParameter('messageOptions', {}) as IDataObject;
	const recipient = this.getNodeParameter('recipient', '');
	const ctx: BuildContext = {
		uploadBinary: async (propertyName, kind) => {
			const file = await readMediaBinary(this, propertyName, kind);
			// Upload only once every item is known to be valid, so a bad item leaves nothing behind.
			await gate?.pass(this.getItemIndex());
			return (await uploadMedia(this, phoneNumberId, file, { itemIndex: this.getItemIndex() })).id;
		},
		binaryFileName: (propertyName) => {
			const fileName = this.getInputData().binary?.[propertyName]?.fileName;
			return typeof fileName === 'string' && fileName.trim() !== '' ? fileName.trim() : undefined;
		},
		graphGet: async (path, qs) => await graphRequest(this, { method: 'GET', url: path, qs }),
		businessAccountId: async () => await resolveBusinessAccountId(this),
	};
	const typePart = await messageType.build(params, ctx);
	const envelope = buildEnvelope(String(typePart.type), recipient, options);
	requestOptions.url = `/${phoneNumberId}/messages`;
	requestOptions.body = { ...envelope, ...typePart };
	return requestOptions;
});

/** preSend for Mark as Read (doc 25). */
export const markAsRead = allOrNothing(async function (requestOptions) {
	const phoneNumberId = await resolvePhoneNumberId(this);
	const messageId = requireText('Message ID', this.getNodeParameter('messageId', '')).trim();
	checkLength('Message ID', messageId, MAX_MESSAGE_ID);
	requestOptions.url = `/${phoneNumberId}/messages`;
	requestOptions.body = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
	return requestOptions;
});

/** One output item per sent message: the wamid and recipient WhatsApp ID first, then Meta's full answer. */
export async function simplifySendResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = (response.body ?? {}) as {
		contacts?: Array<{ input?: string; wa_id?: string }>;
		messages?: Array<{ id?: string; message_status?: string }>;
	};
	const message = body.messages?.[0];
	const contact = body.contacts?.[0];
	const json: IDataObject = { messageId: message?.id, waId: contact?.wa_id };
	if (message?.message_status) json.messageStatus = message.message_status;
	return items.map((item) => ({ ...item, json: { ...json, ...(body as IDataObject) } }));
}
