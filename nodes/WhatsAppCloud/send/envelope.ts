import type { IDataObject } from 'n8n-workflow';

import { isPhoneNumberOrWaId, MAX_MESSAGE_ID } from '../../shared/graphApi';
import { checkLength, InputError, requireText } from '../../shared/InputError';

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
			throw new InputError(
				'Reply To Message ID',
				'Reply To Message ID cannot be used with reactions: a reaction already names its message',
			);
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
