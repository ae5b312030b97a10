import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../send/envelope';
import type { BuildContext } from '../messages/MessageType';
import { ctaUrlMessage } from '../messages/ctaUrl';
import { MAX_REPLY_BUTTON_TITLE, replyButtonsMessage } from '../messages/replyButtons';
import { textMessage } from '../messages/text';
import { checkLength, InputError, requireText } from '../../shared/InputError';
import {
	MAX_WAIT_BUTTON_ID,
	MAX_WAIT_CALLBACK_DATA,
	waitButtonId,
	waitCallbackData,
} from '../../shared/waitingReplies';
import type { AnswerIn, ResponseType } from './waitRecord';

/**
 * The question as a WhatsApp message, built by the message types themselves so every limit is checked the
 * way Send CTA URL Button, Send Reply Buttons and Send Text check it:
 * - Link (and every Custom Form): an interactive `cta_url` message whose button opens the resume URL;
 * - Approval in the chat: reply buttons whose IDs carry the resume path (see nodes/shared/waitingReplies.ts);
 * - Free Text in the chat: a text message whose `biz_opaque_callback_data` carries it (a `cta_url` with
 *   Also Offer the Link).
 */

export interface Question {
	text: string;
	response: ResponseType;
	answerIn: AnswerIn;
	approveLabel: string;
	/** Set when Decline is offered. */
	declineLabel?: string;
	buttonText: string;
	offerLink: boolean;
	/** The full resume URL (the link), and its path + query (what travels in the chat). */
	url: string;
	resumePath: string;
	/** Unix seconds when the wait ends at the latest. */
	expiresAt: number;
	recipient: unknown;
	/** The message options of the Message resource (reply-to, callback data, identity key hash). */
	messageOptions: IDataObject;
}

// The question has no header media: nothing is uploaded or looked up while building it.
const NO_MEDIA: BuildContext = {
	uploadBinary: async () => {
		throw new Error('Send and Wait messages have no media');
	},
	graphGet: async () => {
		throw new Error('Send and Wait messages read nothing from the Graph API');
	},
	businessAccountId: async () => {
		throw new Error('Send and Wait messages need no WhatsApp Business Account ID');
	},
};

/** The form labels of this operation for the fields the message types name in their errors. */
const FIELD_LABELS: Record<string, string> = {
	Body: 'Message',
	Text: 'Message',
	'Button Text': 'Options > Button Text',
	'Buttons > Title': 'Approval Options',
};

function relabel(error: unknown): unknown {
	if (!(error instanceof InputError)) return error;
	const label = FIELD_LABELS[error.field];
	if (!label) return error;
	return new InputError(label, error.message.replace(error.field, label), error.description);
}

function checkButtonLabel(field: string, label: string): string {
	const text = requireText(field, label);
	checkLength(field, text, MAX_REPLY_BUTTON_TITLE);
	return text;
}

async function typePart(question: Question): Promise<IDataObject> {
	const link = question.answerIn === 'link' || question.response === 'customForm';
	if (link || (question.response === 'freeText' && question.offerLink)) {
		return await ctaUrlMessage.build(
			{
				interactiveHeaderText: '',
				interactiveBody: question.text,
				interactiveFooter: '',
				ctaDisplayText: question.buttonText,
				ctaUrl: question.url,
			},
			NO_MEDIA,
		);
	}
	if (question.response === 'freeText')
		return await textMessage.build({ textBody: question.text, previewUrl: false }, NO_MEDIA);

	const buttons = [
		{
			id: waitButtonId('approve', question.resumePath),
			title: checkButtonLabel('Approve Button Label', question.approveLabel),
		},
	];
	if (question.declineLabel !== undefined) {
		buttons.push({
			id: waitButtonId('decline', question.resumePath),
			title: checkButtonLabel('Decline Button Label', question.declineLabel),
		});
	}
	if (buttons[0].id.length > MAX_WAIT_BUTTON_ID) {
		throw new InputError(
			'Answer In',
			`The resume URL of this execution (${question.resumePath.length} characters) does not fit in a reply button ID (${MAX_WAIT_BUTTON_ID}); use Answer In: Link`,
		);
	}
	return await replyButtonsMessage.build(
		{
			interactiveHeaderType: 'none',
			interactiveBody: question.offerLink ? `${question.text}\n\n${question.url}` : question.text,
			interactiveFooter: '',
			replyButtonsInput: 'form',
			replyButtons: { button: buttons },
		},
		NO_MEDIA,
	);
}

/** The whole request body of the question: the envelope of every send plus its type part. */
export async function buildQuestion(question: Question): Promise<IDataObject> {
	try {
		const messageOptions = { ...question.messageOptions };
		if (question.answerIn === 'chat' && question.response === 'freeText') {
			if (typeof messageOptions.bizOpaqueCallbackData === 'string' && messageOptions.bizOpaqueCallbackData !== '') {
				throw new InputError(
					'Callback Data',
					'Callback Data cannot be set for Free Text answered in the chat: the node uses it to tell the WhatsApp Cloud Trigger about the wait',
				);
			}
			messageOptions.bizOpaqueCallbackData = waitCallbackData(question.expiresAt, question.resumePath);
			if (messageOptions.bizOpaqueCallbackData.length > MAX_WAIT_CALLBACK_DATA) {
				throw new InputError(
					'Answer In',
					`The resume URL of this execution does not fit in the message's callback data (${MAX_WAIT_CALLBACK_DATA} characters); use Answer In: Link`,
				);
			}
		}
		const part = await typePart(question);
		return { ...buildEnvelope(String(part.type), question.recipient, messageOptions), ...part };
	} catch (error) {
		throw relabel(error);
	}
}
