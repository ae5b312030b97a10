/**
 * Meta's webhooks answering a Send and Wait question, for the in-process and end-to-end tests:
 * the documented payloads (doc 61) with their placeholders set.
 */
import type { IDataObject } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { SANDBOX_IDS } from '../sandbox';

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const PERSON = { waId: '16505551234', name: 'Kerry Fisher' };
export const OTHER_PERSON = { waId: '16505550000', name: 'Someone Else' };

interface Change {
	value: IDataObject & {
		metadata: IDataObject;
		contacts?: IDataObject[];
		messages?: IDataObject[];
		statuses?: IDataObject[];
	};
}

function fromFixture(name: string, fill: (value: Change['value']) => void): unknown {
	const payload = roundTrip(
		(docFixture('webhooks', name) as unknown as { payload: { entry: Array<IDataObject & { changes: Change[] }> } })
			.payload,
	);
	const [entry] = payload.entry;
	entry.id = SANDBOX_IDS.businessAccountId;
	const { value } = entry.changes[0];
	value.metadata = { display_phone_number: SANDBOX_IDS.displayPhoneNumber, phone_number_id: SANDBOX_IDS.phoneNumberId };
	fill(value);
	return payload;
}

const now = () => String(Math.floor(Date.now() / 1000));
let sequence = 0;
export const newInboundId = () => `wamid.INBOUND${Date.now().toString(36)}${(sequence++).toString(36)}`;

function sender(value: Change['value'], person: { waId: string; name: string }, message: IDataObject): void {
	value.contacts = [{ profile: { name: person.name }, wa_id: person.waId }];
	message.from = person.waId;
	message.timestamp = now();
}

/**
 * A tap on a reply button (doc 61 "Received Answer to Reply Button"). Doc 52: the `context` object is
 * "included when a user replies or interacts with one of your messages": `context.id` is the message tapped.
 */
export function buttonReplyWebhook(options: {
	buttonId: string;
	title: string;
	contextId: string;
	person?: { waId: string; name: string };
	messageId?: string;
}) {
	return fromFixture('61-reply-button', (value) => {
		const [message] = value.messages!;
		sender(value, options.person ?? PERSON, message);
		message.id = options.messageId ?? newInboundId();
		message.context = { from: SANDBOX_IDS.displayPhoneNumber, id: options.contextId };
		message.interactive = { type: 'button_reply', button_reply: { id: options.buttonId, title: options.title } };
	});
}

/** A text message (doc 61 "Text Messages"), optionally quoting (replying to) a message. */
export function textWebhook(options: {
	text: string;
	person?: { waId: string; name: string };
	contextId?: string;
	messageId?: string;
}) {
	return fromFixture('61-text-messages', (value) => {
		const [message] = value.messages!;
		sender(value, options.person ?? PERSON, message);
		message.id = options.messageId ?? newInboundId();
		message.text = { body: options.text };
		if (options.contextId) message.context = { from: SANDBOX_IDS.displayPhoneNumber, id: options.contextId };
	});
}

/** A status of a sent message (doc 61 "Status: Message Sent"), echoing its `biz_opaque_callback_data` (doc 16). */
export function statusWebhook(options: {
	messageId: string;
	recipient: string;
	status?: string;
	callbackData?: string;
}) {
	return fromFixture('61-status-sent', (value) => {
		const [status] = value.statuses!;
		status.id = options.messageId;
		status.status = options.status ?? 'sent';
		status.timestamp = now();
		status.recipient_id = options.recipient;
		status.conversation = { id: 'CONVERSATION_ID', origin: { type: 'service' } };
		status.pricing = { billable: false, pricing_model: 'CBP', category: 'service' };
		if (options.callbackData !== undefined) status.biz_opaque_callback_data = options.callbackData;
	});
}
