import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { DOC65_CONTACT_FORM } from '../fixtures/forms';
import { docFixtureNames } from '../helpers';
import {
	documented,
	expectNothingSent,
	expectRefused,
	expectSent,
	MESSAGES_PATH,
	sendable,
	useMessageSandbox,
	type Body,
} from './messageCases';
import { SANDBOX_IDS, type GraphSandbox } from '../sandbox';

describe('every documented message example is sent through n8n by one of the messages-*.test.ts files', () => {
	test('each fixture of test/fixtures/docs/messages is named in a test', () => {
		const sources = readdirSync(__dirname)
			.filter((file) => /^messages-.*\.test\.ts$/.test(file))
			.map((file) => readFileSync(join(__dirname, file), 'utf8'))
			.join('\n');
		const missing = docFixtureNames('messages').filter((name) => !sources.includes(`'${name}'`));
		expect(missing).toEqual([]);
	});
});

describe('text, location, contacts, reactions and mark as read through n8n', () => {
	const { send } = useMessageSandbox();

	describe('text (doc 66)', () => {
		test('66-text-with-link-preview', async () => {
			const body = documented('66-text-with-link-preview');
			const run = await send('sendText', { textBody: (body.text as IDataObject).body, previewUrl: true });
			expectSent(run, sendable(body));
		});

		test('limit: body over 4096 characters', async () => {
			expectRefused(await send('sendText', { textBody: 'x'.repeat(4097) }), [
				'Text is too long: 4097 characters, the limit is 4096',
			]);
		});

		test('limit: callback data over 512 characters (doc 16 envelope)', async () => {
			const run = await send(
				'sendText',
				{ textBody: 'hi' },
				{ messageOptions: { bizOpaqueCallbackData: 'd'.repeat(513) } },
			);
			expectRefused(run, ['Callback Data is too long: 513 characters, the limit is 512']);
		});

		test('limit: reply-to message ID over 128 characters (doc 16: a WAMID is at most 128)', async () => {
			const run = await send(
				'sendText',
				{ textBody: 'hi' },
				{ messageOptions: { replyToMessageId: `wamid.${'A'.repeat(123)}` } },
			);
			expectRefused(run, ['Reply To Message ID is too long: 129 characters, the limit is 128']);
		});

		test('limit: a recipient that is not a phone number (the documented placeholders are not)', async () => {
			const run = await send('sendText', { textBody: 'hi' }, { recipient: 'PHONE_NUMBER' });
			expectRefused(run, ['Recipient must be a phone number with country code or a WhatsApp ID', 'got "PHONE_NUMBER"']);
		});
	});

	describe('location (docs 17, 16)', () => {
		test('17-location: coordinates sent as numbers (Docs: 17 shows strings, the reference 16 numbers)', async () => {
			const body = documented('17-location');
			const location = body.location as IDataObject;
			const run = await send('sendLocation', {
				latitude: Number(location.latitude),
				longitude: Number(location.longitude),
				locationName: location.name,
				locationAddress: location.address,
			});
			expectSent(
				run,
				sendable({ ...body, location: { ...location, latitude: 37.44216251868683, longitude: -122.16153582049394 } }),
			);
			expect(String((run.sends[0].body as { location: IDataObject }).location.latitude)).toBe(location.latitude);
		});

		test('limit: latitude beyond 90', async () => {
			const run = await send('sendLocation', {
				latitude: 90.5,
				longitude: 0,
				locationName: 'North',
				locationAddress: 'Pole',
			});
			expectRefused(run, ['Latitude is out of range: 90.5, it must be between -90 and 90']);
		});
	});

	describe('contacts (docs 65, 16)', () => {
		/** Docs 65 and 16 leave out recipient_type; the node always sends its default "individual" (doc 16). */
		const withRecipientType = (body: Body): Body => ({ ...sendable(body), recipient_type: 'individual' });

		test('65-contacts entered in the form', async () => {
			const body = documented('65-contacts');
			expect(body.recipient_type).toBeUndefined();
			expectSent(
				await send('sendContacts', { contactsUi: { contact: [DOC65_CONTACT_FORM] } }),
				withRecipientType(body),
			);
		});

		test('65-contacts given as JSON', async () => {
			const body = documented('65-contacts');
			const run = await send('sendContacts', {
				contactsInputMode: 'json',
				contactsJson: JSON.stringify(body.contacts, null, 2),
			});
			expectSent(run, withRecipientType(body));
		});

		test('16-contacts: its placeholder birthday is refused before sending; with a real date it is sent as documented', async () => {
			const body = documented('16-contacts');
			const contacts = body.contacts as IDataObject[];
			const refused = await send('sendContacts', { contactsInputMode: 'json', contactsJson: JSON.stringify(contacts) });
			expectRefused(refused, ['Contact 1 > Birthday must be a date as YYYY-MM-DD; got "YEAR_MONTH_DAY"']);

			contacts[0].birthday = '1999-01-23';
			const run = await send('sendContacts', { contactsInputMode: 'json', contactsJson: JSON.stringify(contacts) });
			expectSent(run, withRecipientType(body));
		});

		test('limit: more than 257 contacts (doc 65)', async () => {
			const contacts = Array.from({ length: 258 }, (_, i) => ({
				name: { formatted_name: `Person ${i}`, first_name: `Person ${i}` },
			}));
			const run = await send('sendContacts', { contactsInputMode: 'json', contactsJson: JSON.stringify(contacts) });
			expectRefused(run, ['Contacts has 258 contacts, the limit is 257']);
		});
	});

	describe('reactions (docs 80, 16)', () => {
		test.each(['80-reaction', '16-reaction'])('%s', async (name) => {
			const body = documented(name);
			const reaction = body.reaction as IDataObject;
			const run = await send('sendReaction', { reactionMessageId: reaction.message_id, emoji: reaction.emoji });
			expectSent(run, sendable(body));
		});

		test('80-reaction with the emoji in the escaped form the docs show (\\uD83D\\uDE00)', async () => {
			const body = documented('80-reaction');
			const run = await send('sendReaction', {
				reactionMessageId: (body.reaction as IDataObject).message_id,
				emoji: '\\uD83D\\uDE00',
			});
			expectSent(run, sendable(body));
		});

		test('80-remove-reaction', async () => {
			const body = documented('80-remove-reaction');
			const run = await send('removeReaction', { reactionMessageId: (body.reaction as IDataObject).message_id });
			expectSent(run, sendable(body));
		});

		test('limit: more than one emoji', async () => {
			const run = await send('sendReaction', { reactionMessageId: 'wamid.X', emoji: '😀👍' });
			expectRefused(run, ['Emoji has 2 characters ("😀👍"), the limit is 1 emoji']);
		});

		test('limit: remove a reaction with a message ID over 128 characters', async () => {
			const run = await send('removeReaction', { reactionMessageId: `wamid.${'B'.repeat(123)}` });
			expectRefused(run, ['Message ID is too long: 129 characters, the limit is 128']);
		});

		test('limit: a reaction cannot be a contextual reply (doc 43)', async () => {
			const run = await send(
				'sendReaction',
				{ reactionMessageId: 'wamid.X', emoji: '👍' },
				{ messageOptions: { replyToMessageId: 'wamid.Y' } },
			);
			expectRefused(run, ['Reply To Message ID cannot be used with reactions']);
		});
	});

	describe('mark as read (doc 25)', () => {
		test('25-mark-as-read', async () => {
			const run = await send('markAsRead', { messageId: 'MESSAGE_ID' });
			expect(run.error).toBeUndefined();
			expect(run.sends).toHaveLength(1);
			expect(run.sends[0].body).toEqual(documented('25-mark-as-read'));
			expect(run.sends[0].status).toBe(200);
			expect(run.items.map((item) => item.json)).toEqual([{ success: true }]);
		});

		test('limit: message ID over 128 characters', async () => {
			expectRefused(await send('markAsRead', { messageId: `wamid.${'C'.repeat(123)}` }), [
				'Message ID is too long: 129 characters, the limit is 128',
			]);
		});
	});
});

describe('all or nothing, and pacing', () => {
	const api = useMessageSandbox();

	test('item 2 of 3 is invalid: nothing is sent', async () => {
		const run = await api.send(
			'sendReaction',
			{ reactionMessageId: 'wamid.X', emoji: '={{ $json.emoji }}' },
			{ items: [{ json: { emoji: '👍' } }, { json: { emoji: 'x' } }, { json: { emoji: '🙏' } }] },
		);
		expectNothingSent(run, 1, 'Emoji must be an emoji; got "x"');
	});

	const arrivalsAt = (sandbox: GraphSandbox) =>
		[...sandbox.requestsTo('POST', MESSAGES_PATH)].sort((a, b) => a.receivedAt - b.receivedAt);
	/** Items to recipients of their own, so that only the pacing (not the per-recipient order) spaces them. */
	const texts = (count: number, from = 0) =>
		Array.from({ length: count }, (_, i) => ({
			json: { to: `+1650555${2000 + from + i}`, text: `message ${from + i}` },
		}));
	const bodyText = (body: unknown) => (body as { text: { body: string } }).text.body;
	const paced = (messagesPerSecond: number) => ({
		textBody: '={{ $json.text }}',
		messageOptions: { messagesPerSecond },
	});

	test('Messages Per Second 2: requests leave in item order, never more than 2 in a second', async () => {
		const run = await api.send('sendText', paced(2), { items: texts(5), recipient: '={{ $json.to }}' });
		expect(run.error).toBeUndefined();
		const arrivals = arrivalsAt(api.sandbox);
		expect(arrivals.map((request) => bodyText(request.body))).toEqual([
			'message 0',
			'message 1',
			'message 2',
			'message 3',
			'message 4',
		]);
		// The sandbox's own count: accepted sends of this number in any window of a second.
		expect(api.sandbox.traffic.peakPerWindow(SANDBOX_IDS.phoneNumberId)).toBeLessThanOrEqual(2);
		const [first, , , , last] = arrivals.map((request) => request.receivedAt);
		// 5 messages at 2 per second start about 2 seconds apart (less what a busy machine adds to one request's way).
		expect(last - first).toBeGreaterThanOrEqual(1500);
		expect(run.items.map((item) => item.json.waId)).toEqual([
			'16505552000',
			'16505552001',
			'16505552002',
			'16505552003',
			'16505552004',
		]);
	});

	test('two runs in parallel from the same number stay under the rate together', async () => {
		const [one, two] = await Promise.all([
			api.send('sendText', paced(3), { items: texts(4), recipient: '={{ $json.to }}' }),
			api.send('sendText', paced(3), { items: texts(4, 4), recipient: '={{ $json.to }}' }),
		]);
		expect([one.error, two.error]).toEqual([undefined, undefined]);
		expect(api.sandbox.traffic.accepted(SANDBOX_IDS.phoneNumberId)).toBe(8);
		expect(api.sandbox.traffic.peakPerWindow(SANDBOX_IDS.phoneNumberId)).toBeLessThanOrEqual(3);
		const arrivals = arrivalsAt(api.sandbox).map((request) => request.receivedAt);
		// 8 messages at 3 per second start about 2.3 seconds apart.
		expect(arrivals[7] - arrivals[0]).toBeGreaterThanOrEqual(1700);
	});
});
