import { eventsFromWebhook } from '../../../nodes/WhatsAppCloudTrigger/events';
import type { WhatsAppEvent } from '../../../nodes/WhatsAppCloudTrigger/events';
import { createEventFilter, filterEvents } from '../../../nodes/WhatsAppCloudTrigger/filters';

const events: WhatsAppEvent[] = eventsFromWebhook({
	object: 'whatsapp_business_account',
	entry: [
		{
			id: 'waba',
			changes: [
				{
					field: 'messages',
					value: {
						metadata: { display_phone_number: '15550001', phone_number_id: 'A' },
						messages: [
							{ id: 'm-text', from: '1', type: 'text', text: { body: 'hi' } },
							{ id: 'm-voice', from: '1', type: 'audio', audio: { id: 'x', voice: true } },
							{ id: 'm-audio', from: '1', type: 'audio', audio: { id: 'y' } },
							{
								id: 'm-button',
								from: '1',
								type: 'interactive',
								interactive: { type: 'button_reply', button_reply: { id: 'b', title: 'B' } },
							},
							{
								id: 'm-list',
								from: '1',
								type: 'interactive',
								interactive: { type: 'list_reply', list_reply: { id: 'l', title: 'L' } },
							},
						],
						statuses: [
							{ id: 's-sent', status: 'sent' },
							{ id: 's-read', status: 'read' },
							{ id: 's-failed', status: 'failed', errors: [{ code: 131050 }] },
							{
								id: 's-pay',
								type: 'payment',
								status: 'captured',
								payment: { transaction: { id: 't', status: 'success' } },
							},
						],
						errors: [{ code: 130429, title: 'Rate limit hit' }],
					},
				},
				{
					field: 'messages',
					value: {
						metadata: { phone_number_id: 'B' },
						messages: [{ id: 'm-b', from: '2', type: 'text', text: { body: 'b' } }],
					},
				},
				{
					field: 'user_preferences',
					value: {
						metadata: { phone_number_id: 'A' },
						user_preferences: [{ wa_id: '1', value: 'stop', category: 'marketing_messages' }],
					},
				},
				{ field: 'payment_configuration_update', value: { configuration_name: 'c', status: 'Active' } },
			],
		},
	],
});

const ids = (list: WhatsAppEvent[]) =>
	list.map((e) => ('message' in e ? e.messageId : 'status' in e ? e.messageId : `${e.event}:${e.type}`));

describe('createEventFilter', () => {
	it('lets everything through without options or with empty ones', () => {
		expect(events).toHaveLength(13);
		expect(filterEvents(events)).toHaveLength(13);
		expect(filterEvents(events, { events: [], messageTypes: [], statuses: [], phoneNumberIds: [] })).toHaveLength(13);
		expect(filterEvents(events, { events: ['', '  '], messageTypes: '', statuses: undefined })).toHaveLength(13);
	});

	it('filters on the event kind', () => {
		expect(ids(filterEvents(events, { events: ['status'] }))).toEqual(['s-sent', 's-read', 's-failed', 's-pay']);
		expect(ids(filterEvents(events, { events: ['error', 'user_preferences'] }))).toEqual([
			'error:130429',
			'user_preferences:stop',
		]);
		expect(ids(filterEvents(events, { events: ['payment_configuration_update'] }))).toEqual([
			'payment_configuration_update:Active',
		]);
	});

	it('filters messages on type, interactive type or voice, leaving other events alone', () => {
		expect(ids(filterEvents(events, { events: ['message'], messageTypes: ['text'] }))).toEqual(['m-text', 'm-b']);
		expect(ids(filterEvents(events, { events: ['message'], messageTypes: ['audio'] }))).toEqual(['m-voice', 'm-audio']);
		expect(ids(filterEvents(events, { events: ['message'], messageTypes: ['voice'] }))).toEqual(['m-voice']);
		expect(ids(filterEvents(events, { events: ['message'], messageTypes: ['list_reply'] }))).toEqual(['m-list']);
		expect(ids(filterEvents(events, { events: ['message'], messageTypes: ['interactive'] }))).toEqual([
			'm-button',
			'm-list',
		]);
		expect(filterEvents(events, { messageTypes: ['text'] })).toHaveLength(2 + 4 + 1 + 1 + 1);
	});

	it('filters statuses on their value, payment included, leaving other events alone', () => {
		expect(ids(filterEvents(events, { events: ['status'], statuses: ['read', 'failed'] }))).toEqual([
			's-read',
			's-failed',
		]);
		expect(ids(filterEvents(events, { events: ['status'], statuses: ['payment'] }))).toEqual(['s-pay']);
		expect(filterEvents(events, { statuses: ['delivered'] })).toHaveLength(13 - 4);
	});

	it('filters on phone number ID and drops events that have none', () => {
		expect(ids(filterEvents(events, { phoneNumberIds: ['B'] }))).toEqual(['m-b']);
		const a = filterEvents(events, { phoneNumberIds: ['A'] });
		expect(a).toHaveLength(11);
		expect(a.some((e) => e.event === 'payment_configuration_update')).toBe(false);
	});

	it('accepts comma-separated strings and trims values', () => {
		expect(ids(filterEvents(events, { events: 'status, error', statuses: ' sent ,read' }))).toEqual([
			's-sent',
			's-read',
			'error:130429',
		]);
	});

	it('combines options with AND', () => {
		const only = createEventFilter({
			events: ['message', 'status'],
			messageTypes: ['text'],
			statuses: ['failed'],
			phoneNumberIds: ['A'],
		});
		expect(ids(events.filter(only))).toEqual(['m-text', 's-failed']);
	});
});
