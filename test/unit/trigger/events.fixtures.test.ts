import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { eventsFromWebhook } from '../../../nodes/WhatsAppCloudTrigger/events';

const dir = join(__dirname, '../../fixtures/docs/webhooks');

interface Fixture {
	source: string;
	title: string;
	note?: string;
	payload: unknown;
}

const load = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Fixture;

const placeholderMeta = {
	wabaId: '<WHATSAPP_BUSINESS_ACCOUNT_ID>',
	phoneNumberId: '<BUSINESS_PHONE_NUMBER_ID>',
	displayPhoneNumber: '<BUSINESS_DISPLAY_PHONE_NUMBER>',
};
const plainMeta = {
	wabaId: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
	phoneNumberId: 'PHONE_NUMBER_ID',
	displayPhoneNumber: 'PHONE_NUMBER',
};
const pablo = { name: 'Pablo Morales', wa_id: '16505551234' };

/** Every documented payload and the events it must give, in order. [] = not a Cloud API envelope. */
const expected: Record<string, Array<Record<string, unknown>>> = {
	'05-message-status': [
		{
			event: 'status',
			type: '<MESSAGE_STATUS>',
			...placeholderMeta,
			recipientId: '<WHATSAPP_USER_ID>',
			messageId: '<WHATSAPP_MESSAGE_ID>',
			pricingCategory: '<CONVERSATION_CATEGORY>',
			errors: [],
			contact: null,
		},
	],
	'05-text-messages-inquiry': [
		{
			event: 'message',
			type: 'text',
			...placeholderMeta,
			from: '<WHATSAPP_USER_PHONE_NUMBER>',
			messageId: '<WHATSAPP_MESSAGE_ID>',
			isReply: true,
			replyToMessageId: '<CONTEXT_ID>',
			isProductInquiry: true,
			contact: { name: '<WHATSAPP_USER_NAME>', wa_id: '<WHATSAPP_USER_ID>' },
		},
	],
	'05-placing-an-order': [
		{
			event: 'message',
			type: 'order',
			...placeholderMeta,
			messageId: '<WHATSAPP_MESSAGE_ID>',
			isReply: false,
			isProductInquiry: false,
		},
	],
	'08-example-webhook': [
		{
			event: 'message',
			type: 'interactive',
			interactiveType: 'button_reply',
			wabaId: '102290129340398',
			phoneNumberId: '106540352242922',
			displayPhoneNumber: '15550783881',
			timestamp: 1714510003,
			from: '16505551234',
			messageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQThBREYwNzc2RDc2QjA1QTIwMgA=',
			isReply: true,
			replyToMessageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBJBM0Y4RUU0RUNFQkFDMjYzQUMA',
			contact: pablo,
		},
	],
	'10-webhooks': [
		{
			event: 'message',
			type: 'interactive',
			interactiveType: 'list_reply',
			timestamp: 1712595443,
			from: '16505551234',
			messageId: 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTZDMzFGRUFBQjlDMzIzMzlEQwA=',
			isReply: true,
			contact: pablo,
		},
	],
	'12-example-incoming-message-webhook': [
		{
			event: 'message',
			type: 'text',
			wabaId: '102290129340398',
			phoneNumberId: '106540352242922',
			displayPhoneNumber: '15550051310',
			timestamp: 1686591695,
			from: '16505551234',
			contact: { ...pablo, identity_key_hash: 'DF2lS5v2W6x=' },
		},
	],
	'12-example-delivery-status-webhook': [
		{
			event: 'status',
			type: 'delivered',
			timestamp: 1686591922,
			recipientId: '16505551234',
			messageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGODlDQjZBNjUxMUQ5NEU0MEUA',
			pricingCategory: 'service',
			errors: [],
		},
	],
	'12-example-failed-delivery-status-webhook': [
		{
			event: 'status',
			type: 'failed',
			timestamp: 1686594665,
			recipientId: '16505551234',
			pricingCategory: null,
			errors: [
				{
					code: 137000,
					title: 'Confirm the correct Recipient Identity Key Hash or send without any identity key hash',
				},
			],
		},
	],
	'21-dashboard-test-payload': [
		{
			event: 'message',
			type: 'text',
			wabaId: '0',
			phoneNumberId: '123456123',
			displayPhoneNumber: '16505551111',
			timestamp: 1504902988,
			from: '16315551181',
			messageId: 'ABGGFlA5Fpa',
			contact: { name: 'test user name', wa_id: '16315551181' },
		},
	],
	'21-on-premises-log-1-message': [],
	'21-on-premises-log-2-sent': [],
	'21-on-premises-log-3-delivered': [],
	'21-on-premises-log-4-read': [],
	// Only the generic envelope, no message or status in it.
	'31-understanding-webhooks': [],
	'47-welcome-messages': [
		{
			event: 'message',
			type: 'request_welcome',
			...placeholderMeta,
			from: '<WHATSAPP_USER_PHONE_NUMBER_ID>',
			messageId: '<WHATSAPP_MESSAGE_ID>',
			isReply: false,
			isUnsupported: false,
		},
	],
	'47-ice-breakers': [{ event: 'message', type: 'text', messageId: '<WHATSAPP_MESSAGE_ID>' }],
	'47-commands': [{ event: 'message', type: 'text', messageId: '<WHATSAPP_MESSAGE_ID>' }],
	'50-webhook-syntax': [
		{
			event: 'message',
			type: 'location',
			wabaId: '<WHATSAPP_BUSINESS_ACCOUNT_ID>',
			phoneNumberId: '<WHATSAPP_BUSINESS_PHONE_NUMBER_ID>',
			isReply: true,
			replyToMessageId: '<WHATSAPP_CONTEXT_MESSAGE_ID>',
		},
	],
	'50-example-webhook': [
		{ event: 'message', type: 'location', timestamp: 1702920965, from: '16505551234', isReply: true, contact: pablo },
	],
	// The reference's skeleton: its arrays are elided, so nothing to report.
	'52-notification-payload-object': [],
	'56-payment-status': [
		{
			event: 'status',
			type: 'payment',
			wabaId: 'WHATSAPP-BUSINESS-ACCOUNT-ID',
			phoneNumberId: '[PHONE_NUMBER_ID]',
			messageId: 'gBGGFlB5YjhvAgnhuF1qIUvCo7A',
			recipientId: '[PHONE_NUMBER]',
			paymentStatus: '[TRANSACTION_STATUS]',
			transactionStatus: 'success/failed',
			timestamp: null,
		},
	],
	'60-receive-a-message': [
		{
			event: 'message',
			type: 'text',
			wabaId: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
			phoneNumberId: 'PHONE_NUMBER_ID',
			from: '16315555555',
			messageId: 'wamid.ABGGFlA5FpafAgo6tHcNmNjXmuSf',
			timestamp: 1602139392,
			contact: { name: 'Kerry Fisher', wa_id: '16315555555' },
		},
	],
	'61-text-messages': [
		{
			event: 'message',
			type: 'text',
			...placeholderMeta,
			from: '<WHATSAPP_USER_PHONE_NUMBER>',
			messageId: '<WHATSAPP_MESSAGE_ID>',
			timestamp: null,
			contact: { name: '<WHATSAPP_USER_NAME>', wa_id: '<WHATSAPP_USER_ID>' },
		},
	],
	'61-reaction-messages': [{ event: 'message', type: 'reaction', ...plainMeta, messageId: 'wamid.ID', isReply: false }],
	'61-media-messages-image': [
		{
			event: 'message',
			type: 'image',
			...plainMeta,
			messageId: 'wamid.ID',
			contact: { name: 'NAME', wa_id: 'WHATSAPP_ID' },
		},
	],
	'61-media-messages-sticker': [{ event: 'message', type: 'sticker', wabaId: 'ID', from: 'SENDER_PHONE_NUMBER' }],
	'61-unknown-messages': [
		{
			event: 'message',
			type: 'unknown',
			isUnsupported: true,
			errors: [{ code: 131051, details: 'Message type is not currently supported', title: 'Unsupported message type' }],
		},
	],
	// The location and contacts examples carry no `type`: inferred from the type object.
	'61-location-messages': [{ event: 'message', type: 'location', isUnsupported: false, messageId: 'wamid.ID' }],
	'61-contacts-messages': [{ event: 'message', type: 'contacts', isUnsupported: false, messageId: 'wamid.ID' }],
	'61-quick-reply-button': [
		{ event: 'message', type: 'button', from: '16315551234', isReply: true, replyToMessageId: 'wamid.ID' },
	],
	'61-list-reply': [{ event: 'message', type: 'interactive', interactiveType: 'list_reply', isReply: false }],
	'61-reply-button': [{ event: 'message', type: 'interactive', interactiveType: 'button_reply', isReply: false }],
	'61-click-to-whatsapp-ads': [
		{ event: 'message', type: 'text', hasReferral: true, from: 'SENDER_PHONE_NUMBERID', isReply: false },
	],
	'61-product-inquiry': [{ event: 'message', type: 'text', isProductInquiry: true, isReply: true }],
	'61-order': [
		{
			event: 'message',
			type: 'order',
			wabaId: '8856996819413533',
			phoneNumberId: 'phone-number-id',
			from: '16315551234',
			messageId: 'wamid.ABGGFlCGg0cvAgo6cHbBhfK5760V',
			timestamp: 1603069091,
			isReply: true,
			isProductInquiry: false,
			contact: { name: 'Kerry Fisher', wa_id: '16315551234' },
		},
	],
	// Docs: the example's `user_changed_number` + `new_wa_id` is reported with [52]'s name.
	'61-user-changed-number': [
		{
			event: 'message',
			type: 'system',
			systemType: 'customer_changed_number',
			newWaId: 'NEW_PHONE_NUMBER',
			contact: null,
		},
	],
	'61-status-sent': [{ event: 'status', type: 'sent', ...placeholderMeta, pricingCategory: '<CONVERSATION_CATEGORY>' }],
	// Docs: doc 61's "Message Delivered" example sends `"status": "sent"`; the payload's own value is what counts.
	'61-status-delivered': [{ event: 'status', type: 'sent' }],
	'61-status-read': [{ event: 'status', type: 'read', pricingCategory: null, errors: [] }],
	// A deleted message is not a status: it arrives as an `unsupported` message.
	'61-status-deleted': [{ event: 'message', type: 'unsupported', isUnsupported: true, phoneNumberId: 'PHONE_NUMBER' }],
	'61-status-failed': [
		{
			event: 'status',
			type: 'failed',
			errors: [expect.objectContaining({ code: '<ERROR_CODE>', error_data: { details: '<ERROR_DETAILS>' } })],
		},
	],
	'61-status-failed-stopped-marketing': [
		{
			event: 'status',
			type: 'failed',
			recipientId: '<WHATSAPP_USER_PHONE_NUMBER>',
			errors: [expect.objectContaining({ code: 131050 })],
		},
	],
	'73-user-preferences': [
		{
			event: 'user_preferences',
			type: '<PREFERENCE>',
			field: 'user_preferences',
			wabaId: '<WHATSAPP_BUSINESS_ACCOUNT_ID>',
			phoneNumberId: '<BUSINESS_PHONE_NUMBER_ID>',
			contact: { name: '<WHATSAPP_USER_NAME>', wa_id: '<WHATSAPP_USER_ID>' },
			value: expect.objectContaining({ category: 'marketing_messages' }),
		},
	],
	'73-user-preferences-on-premises': [],
	'84-address-submission': [],
	'84-address-submission-india': [],
	'84-feature-not-supported': [],
	// Docs: doc 85's sample "Needs Testing" is reported as the enum's "Needs_Testing".
	'85-payment-configuration-update': [
		{
			event: 'payment_configuration_update',
			type: 'Needs_Testing',
			field: 'payment_configuration_update',
			wabaId: '0',
			phoneNumberId: null,
			timestamp: 1725499886,
			contact: null,
			value: expect.objectContaining({ configuration_name: 'test-payment-configuration', status: 'Needs Testing' }),
		},
	],
};

describe('documented webhook payloads', () => {
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

	it('has an expectation for every fixture file and a file for every expectation', () => {
		expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(expected).sort());
	});

	it.each(files)('%s names its source page and section', (file) => {
		const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
		expect(fixture.source).toMatch(/^doc \d\d: https:\/\/developers\.facebook\.com\//);
		expect(fixture.source.slice('doc '.length, 'doc '.length + 2)).toBe(file.slice(0, 2));
		expect(fixture.title).toEqual(expect.any(String));
		expect(typeof fixture.payload).toBe('object');
	});

	it.each(Object.entries(expected))('%s gives the expected events', (name, events) => {
		const actual = eventsFromWebhook(load(name).payload);
		expect(actual).toHaveLength(events.length);
		events.forEach((e, i) => expect(actual[i]).toMatchObject(e));
	});

	it('embeds each event’s own object unchanged', () => {
		const order = load('61-order').payload as any;
		const [event] = eventsFromWebhook(order);
		expect(event).toHaveProperty('message', order.entry[0].changes[0].value.messages[0]);
		const pay = load('56-payment-status').payload as any;
		const [status] = eventsFromWebhook(pay);
		expect(status).toHaveProperty('status', pay.entry[0].changes[0].value.statuses[0]);
	});

	it('the fixture notes say what was fixed when the docs were not valid JSON', () => {
		expect(load('61-location-messages').note).toMatch(/LOCATION_LATITUDE/);
		expect(load('84-address-submission').note).toMatch(/Interactive/);
		expect(load('61-text-messages').note).toBeUndefined();
	});
});
