import type { INodePropertyOptions } from 'n8n-workflow';

interface WebhookField {
	/** Webhook field name at Meta (`entry[].changes[].field`). */
	field: string;
	name: string;
	description: string;
	/** Events the field brings (an item's `event`); a field without a list brings one event named after it. */
	events?: INodePropertyOptions[];
}

/** Webhook fields documented for WhatsApp Business Accounts (doc 52 and the page of each field) and the events each brings. */
const WEBHOOK_FIELDS: WebhookField[] = [
	{
		field: 'business_capability_update',
		name: 'Business Capability Update',
		description: 'Phone number limit increased',
	},
	{
		field: 'messages',
		name: 'Messages',
		description: 'Inbound messages, message statuses and errors',
		events: [
			{ name: 'Error', value: 'error', description: 'Errors in value.errors[] of the messages field' },
			{ name: 'Message', value: 'message', description: 'A message a user sent to the business' },
			{
				name: 'Status',
				value: 'status',
				description: 'Sent, delivered, read, failed or payment status of a business message',
			},
		],
	},
	{
		field: 'payment_configuration_update',
		name: 'Payment Configuration Update',
		description: 'Payment configuration status changed (India)',
	},
	{
		field: 'phone_number_name_update',
		name: 'Phone Number Name Update',
		description: 'Display name approved or rejected',
	},
	{ field: 'user_preferences', name: 'User Preferences', description: 'A user stopped or resumed marketing messages' },
];

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The Webhook Fields option list. */
export const FIELD_OPTIONS: INodePropertyOptions[] = WEBHOOK_FIELDS.map(({ field, name, description }) => ({
	name,
	value: field,
	description,
})).sort(byName);

/** The Events option list: the events of every field. */
export const EVENT_OPTIONS: INodePropertyOptions[] = WEBHOOK_FIELDS.flatMap(
	({ field, name, description, events }) => events ?? [{ name, value: field, description }],
).sort(byName);

const FIELD_OF_EVENT = new Map(
	WEBHOOK_FIELDS.flatMap(({ field, events }) =>
		(events ?? [{ value: field }]).map((event) => [String(event.value), field]),
	),
);

/** The webhook field an event comes in: messages, statuses and errors in `messages`, the rest in their own field. */
export function fieldOfEvent(event: string): string {
	return FIELD_OF_EVENT.get(event) ?? event;
}
