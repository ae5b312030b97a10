import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendOneMessage } from '../send/single';

export interface SentQuestion {
	/** wamid of the sent message. */
	messageId: string;
	/** The recipient's WhatsApp ID as Meta resolved it (`contacts[0].wa_id`). */
	waId?: string;
	/** Meta's whole answer. */
	response: IDataObject;
}

/**
 * The one step of Send and Wait that sends: the question goes out like every other message (doc 16), paced
 * with the other sends of its phone number and repeated only where Meta accepted nothing.
 */
export async function sendQuestion(
	ctx: IExecuteFunctions,
	phoneNumberId: string,
	body: IDataObject,
	options: IDataObject = {},
): Promise<SentQuestion> {
	const response = await sendOneMessage(ctx, 0, { phoneNumberId, body, options });
	const messageId = response.messageId;
	if (typeof messageId !== 'string' || messageId === '') {
		throw new NodeOperationError(ctx.getNode(), 'Meta accepted the question but answered without a message ID', {
			itemIndex: 0,
		});
	}
	const waId = response.waId;
	return { messageId, waId: typeof waId === 'string' && waId !== '' ? waId : undefined, response };
}
