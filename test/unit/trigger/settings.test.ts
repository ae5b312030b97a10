import { eventsFromWebhook } from '../../../nodes/WhatsAppCloudTrigger/events';
import { mediaOf } from '../../../nodes/WhatsAppCloudTrigger/inboundMedia';
import {
	fieldOfEvent,
	readOptions,
	signaturePolicy,
	subscriptionFields,
} from '../../../nodes/WhatsAppCloudTrigger/settings';
import { EVENT_OPTIONS, FIELD_OPTIONS } from '../../../nodes/WhatsAppCloudTrigger/webhookFields';

describe('readOptions', () => {
	it('defaults: no filters, duplicates skipped, media not downloaded into "data"', () => {
		expect(readOptions({})).toEqual({
			events: [],
			messageTypes: [],
			statuses: [],
			phoneNumberIds: [],
			downloadMedia: false,
			binaryPropertyName: 'data',
			skipDuplicates: true,
		});
	});

	it('reads lists from arrays or comma-separated text, trimmed', () => {
		const options = readOptions({
			events: ['message', ' status '],
			phoneNumberIds: ' 1, 2 ,,3',
			skipDuplicates: false,
			binaryPropertyName: ' file ',
		});
		expect(options).toMatchObject({
			events: ['message', 'status'],
			phoneNumberIds: ['1', '2', '3'],
			skipDuplicates: false,
			binaryPropertyName: 'file',
		});
	});
});

describe('subscriptionFields', () => {
	it('maps message, status and error events to the messages field', () => {
		expect(['message', 'status', 'error', 'user_preferences'].map(fieldOfEvent)).toEqual([
			'messages',
			'messages',
			'messages',
			'user_preferences',
		]);
	});

	it('adds the fields the chosen events need to the chosen fields, sorted, without repeats', () => {
		expect(subscriptionFields(['payment_configuration_update'], ['status', 'user_preferences', 'message'])).toEqual([
			'messages',
			'payment_configuration_update',
			'user_preferences',
		]);
	});

	it('falls back to messages when nothing is chosen', () => {
		expect(subscriptionFields([], [])).toEqual(['messages']);
		expect(subscriptionFields(undefined, undefined)).toEqual(['messages']);
	});
});

describe('signaturePolicy', () => {
	it('checks signatures whenever the credential has an App Secret, whatever the setting', () => {
		expect(signaturePolicy({ appSecret: 's' }, 'required')).toEqual({ check: true, appSecret: 's' });
		expect(signaturePolicy({ appSecret: 's' }, 'off')).toEqual({ check: true, appSecret: 's' });
	});

	it('without an App Secret: misconfigured unless explicitly off', () => {
		expect(signaturePolicy({ appSecret: '' }, 'required')).toBeUndefined();
		expect(signaturePolicy({}, undefined)).toBeUndefined();
		expect(signaturePolicy({ appSecret: '' }, 'off')).toEqual({ check: false });
	});
});

describe('mediaOf', () => {
	const events = eventsFromWebhook({
		object: 'whatsapp_business_account',
		entry: [
			{
				id: 'w',
				changes: [
					{
						field: 'messages',
						value: {
							metadata: { phone_number_id: 'p' },
							messages: [
								{ id: 'a', type: 'image', image: { id: 'm1', mime_type: 'image/jpeg' } },
								{ id: 'b', type: 'audio', audio: { id: 'm2', voice: true } },
								{ id: 'c', type: 'text', text: { body: 'hi' } },
								{ id: 'd', type: 'sticker', sticker: { mime_type: 'image/webp' } },
								{ id: 'e', type: 'unsupported', errors: [{ code: 131051 }] },
							],
							statuses: [{ id: 'f', status: 'sent' }],
						},
					},
				],
			},
		],
	});

	it('finds the media object of media messages that carry an ID, and nothing else', () => {
		expect(events.map((e) => mediaOf(e)?.id ?? null)).toEqual(['m1', 'm2', null, null, null, null]);
	});
});

describe('webhook fields and events: one table', () => {
	it('offers every event of every field, and subscribes each event to its field', () => {
		expect(EVENT_OPTIONS.map((o) => o.value)).toEqual([
			'business_capability_update',
			'error',
			'message',
			'payment_configuration_update',
			'phone_number_name_update',
			'status',
			'user_preferences',
		]);
		const fields = FIELD_OPTIONS.map((o) => o.value);
		expect(fields).toEqual([
			'business_capability_update',
			'messages',
			'payment_configuration_update',
			'phone_number_name_update',
			'user_preferences',
		]);
		for (const event of EVENT_OPTIONS) expect(fields).toContain(fieldOfEvent(String(event.value)));
	});

	it('lists options by name, as n8n shows them', () => {
		for (const list of [EVENT_OPTIONS, FIELD_OPTIONS])
			expect(list.map((o) => o.name)).toEqual([...list.map((o) => o.name)].sort());
	});
});
