import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { graphRequest } from '../../shared/transport';

export interface SentQuestion {
	/** wamid of the sent message. */
	messageId: string;
	/** The recipient's WhatsApp ID as Meta resolved it (`contacts[0].wa_id`). */
	waId?: string;
	/** Meta's whole answer. */
	response: IDataObject;
}

/**
 * The one step of Send and Wait that sends: `POST /{phone-number-id}/messages` (doc 16) with the built body.
 * Kept to this signature so it can be pointed at the shared send pipeline (pacing, retries) unchanged.
 */
export async function sendQuestion(ctx: IExecuteFunctions, phoneNumberId: string, body: IDataObject): Promise<SentQuestion> {
	const response = await graphRequest<IDataObject>(ctx, {
		method: 'POST',
		url: `/${encodeURIComponent(phoneNumberId)}/messages`,
		body,
		itemIndex: 0,
	});
	const messages = response.messages as Array<{ id?: unknown }> | undefined;
	const contacts = response.contacts as Array<{ wa_id?: unknown }> | undefined;
	const messageId = messages?.[0]?.id;
	if (typeof messageId !== 'string' || messageId === '') {
		throw new NodeOperationError(ctx.getNode(), 'Meta accepted the question but answered without a message ID', { itemIndex: 0 });
	}
	const waId = contacts?.[0]?.wa_id;
	return { messageId, waId: typeof waId === 'string' && waId !== '' ? waId : undefined, response };
}
