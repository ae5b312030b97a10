import { readFileSync } from 'fs';
import { join } from 'path';

import { eventsFromWebhook, limitDepth, MAX_EVENT_DEPTH, TOO_DEEP } from '../../../nodes/WhatsAppCloudTrigger/events';

const envelope = (...entries: object[]) => ({ object: 'whatsapp_business_account', entry: entries });
const change = (field: string, value: unknown) => ({ field, value });
const metadata = (phoneNumberId: string) => ({
	display_phone_number: `1555${phoneNumberId}`,
	phone_number_id: phoneNumberId,
});
const text = (id: string, from: string, extra: object = {}) => ({
	from,
	id,
	timestamp: '1700000000',
	type: 'text',
	text: { body: id },
	...extra,
});
const status = (id: string, value: string, extra: object = {}) => ({
	id,
	status: value,
	timestamp: '1700000001',
	recipient_id: '16505551234',
	...extra,
});

describe('eventsFromWebhook: splitting a batched POST', () => {
	const body = envelope(
		{
			id: 'waba-1',
			changes: [
				change('messages', {
					messaging_product: 'whatsapp',
					metadata: metadata('111'),
					contacts: [
						{ profile: { name: 'Ann' }, wa_id: '16505550001', user_id: 'US.abc' },
						{ profile: { name: 'Bob' }, wa_id: '16505550002' },
					],
					messages: [text('wamid.A1', '16505550001'), text('wamid.B1', '16505550002'), text('wamid.A2', '16505550001')],
					statuses: [status('wamid.S1', 'delivered'), status('wamid.S2', 'read')],
					errors: [
						{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'too many' } },
					],
				}),
				change('messages', {
					metadata: metadata('222'),
					statuses: [status('wamid.S3', 'sent', { pricing: { category: 'utility' } })],
				}),
			],
		},
		{
			id: 'waba-2',
			time: 1700000500,
			changes: [
				change('user_preferences', {
					metadata: metadata('333'),
					contacts: [
						{ profile: { name: 'Cy' }, wa_id: '16505550003' },
						{ profile: { name: 'Di' }, wa_id: '16505550004' },
					],
					user_preferences: [
						{
							wa_id: '+16505550003',
							detail: 'User requested to stop marketing messages',
							category: 'marketing_messages',
							value: 'stop',
							timestamp: 1731705721,
						},
						{
							wa_id: '+1 650 555 0004',
							detail: 'User requested to resume marketing messages',
							category: 'marketing_messages',
							value: 'resume',
							timestamp: 1731705722,
						},
					],
				}),
				change('phone_number_name_update', {
					display_phone_number: '15550001111',
					decision: 'APPROVED',
					requested_verified_name: 'Shop',
				}),
				change('business_capability_update', {
					max_daily_conversation_per_phone: 1000,
					max_phone_numbers_per_business: 20,
				}),
				change('some_future_field', 'just a string'),
			],
		},
	);
	const events = eventsFromWebhook(body);

	it('gives one event per message, status, error, preference and other change, in payload order', () => {
		expect(events.map((e) => `${e.event}/${e.type}`)).toEqual([
			'message/text',
			'message/text',
			'message/text',
			'status/delivered',
			'status/read',
			'error/130429',
			'status/sent',
			'user_preferences/stop',
			'user_preferences/resume',
			'phone_number_name_update/APPROVED',
			'business_capability_update/business_capability_update',
			'some_future_field/some_future_field',
		]);
	});

	it('keeps each event’s WABA and phone number', () => {
		expect(events.map((e) => [e.wabaId, e.phoneNumberId])).toEqual([
			['waba-1', '111'],
			['waba-1', '111'],
			['waba-1', '111'],
			['waba-1', '111'],
			['waba-1', '111'],
			['waba-1', '111'],
			['waba-1', '222'],
			['waba-2', '333'],
			['waba-2', '333'],
			['waba-2', null],
			['waba-2', null],
			['waba-2', null],
		]);
		expect(events[0].displayPhoneNumber).toBe('1555111');
		expect(events[9].displayPhoneNumber).toBe('15550001111');
	});

	it('matches each message to its own sender among several contacts', () => {
		expect(events.slice(0, 3).map((e) => e.contact)).toEqual([
			{ name: 'Ann', wa_id: '16505550001', user_id: 'US.abc' },
			{ name: 'Bob', wa_id: '16505550002' },
			{ name: 'Ann', wa_id: '16505550001', user_id: 'US.abc' },
		]);
		expect(events.slice(0, 3).map((e) => (e as any).messageId)).toEqual(['wamid.A1', 'wamid.B1', 'wamid.A2']);
	});

	it('matches user preferences to contacts whatever the phone number formatting', () => {
		expect(events[7]).toMatchObject({ contact: { name: 'Cy' }, timestamp: 1731705721, value: { value: 'stop' } });
		expect(events[8]).toMatchObject({ contact: { name: 'Di' }, timestamp: 1731705722, value: { value: 'resume' } });
	});

	it('derives status and error attributes', () => {
		expect(events[3]).toMatchObject({
			recipientId: '16505551234',
			messageId: 'wamid.S1',
			timestamp: 1700000001,
			pricingCategory: null,
			errors: [],
			contact: null,
		});
		expect(events[6]).toMatchObject({ pricingCategory: 'utility' });
		expect(events[5]).toMatchObject({ code: 130429, error: { error_data: { details: 'too many' } }, timestamp: null });
	});

	it('gives other fields their raw value, and the entry time when they have no timestamp', () => {
		expect(events[9]).toMatchObject({
			field: 'phone_number_name_update',
			timestamp: 1700000500,
			value: { decision: 'APPROVED' },
		});
		expect(events[10]).toMatchObject({ value: { max_daily_conversation_per_phone: 1000 } });
		expect(events[11]).toMatchObject({ value: 'just a string', contact: null });
	});

	it('gives every event of a kind the same keys, absent values as null', () => {
		const keysOf = (e: object) =>
			Object.keys(e)
				.filter((k) => k !== 'contact')
				.sort();
		expect(keysOf(events[0])).toEqual(
			keysOf(eventsFromWebhook(envelope({ changes: [change('messages', { messages: [{}] })] }))[0]),
		);
		const bare = eventsFromWebhook(envelope({ changes: [change('messages', { statuses: [{}] })] }))[0];
		expect(keysOf(bare)).toEqual(keysOf(events[3]));
		expect(bare).toMatchObject({
			type: 'unknown',
			wabaId: null,
			phoneNumberId: null,
			displayPhoneNumber: null,
			timestamp: null,
			messageId: null,
			recipientId: null,
		});
	});
});

describe('eventsFromWebhook: message attributes', () => {
	const one = (message: object, contacts: object[] = []) =>
		eventsFromWebhook(
			envelope({ id: 'w', changes: [change('messages', { metadata: metadata('1'), contacts, messages: [message] })] }),
		)[0] as any;

	it('flags voice notes, forwards and referrals', () => {
		expect(
			one({ id: 'a', from: '1', type: 'audio', audio: { id: 'm', mime_type: 'audio/ogg', voice: true } }),
		).toMatchObject({ type: 'audio', isVoice: true });
		expect(one({ id: 'a', from: '1', type: 'audio', audio: { id: 'm', mime_type: 'audio/mpeg' } })).toMatchObject({
			isVoice: false,
		});
		expect(one(text('a', '1', { context: { forwarded: true } }))).toMatchObject({
			isForwarded: true,
			isFrequentlyForwarded: false,
			isReply: false,
		});
		expect(one(text('a', '1', { context: { frequently_forwarded: true } }))).toMatchObject({
			isForwarded: true,
			isFrequentlyForwarded: true,
		});
		expect(one(text('a', '1', { referral: { source_type: 'ad', ctwa_clid: 'x' } }))).toMatchObject({
			hasReferral: true,
		});
		expect(one(text('a', '1'))).toMatchObject({
			hasReferral: false,
			isForwarded: false,
			isVoice: false,
			interactiveType: null,
			systemType: null,
			newWaId: null,
		});
	});

	it('reads an address nfm_reply (doc 84) once it is inside a Cloud API envelope', () => {
		const fixture = JSON.parse(
			readFileSync(join(__dirname, '../../fixtures/docs/webhooks/84-address-submission-india.json'), 'utf8'),
		);
		const event = one(fixture.payload.messages[0]);
		expect(event).toMatchObject({
			type: 'interactive',
			interactiveType: 'nfm_reply',
			isReply: true,
			timestamp: 1671498855,
		});
		expect(JSON.parse(event.message.interactive.nfm_reply.response_json).values.in_pin_code).toBe('400063');
	});

	// Docs: [84]'s sample writes "Interactive"; [52] writes "interactive". Both give the interactive type.
	it('reads the interactive type under "Interactive" too', () => {
		const fixture = JSON.parse(
			readFileSync(join(__dirname, '../../fixtures/docs/webhooks/84-address-submission.json'), 'utf8'),
		);
		expect(one(fixture.payload.messages[0])).toMatchObject({ type: 'interactive', interactiveType: 'nfm_reply' });
	});

	// Docs: [52] `customer_changed_number` + `wa_id` and [61] `user_changed_number` + `new_wa_id` give the same event.
	it('reports both forms of a number change the same way', () => {
		const v12 = one({
			id: 'a',
			from: '1',
			type: 'system',
			system: { body: 'x', wa_id: '2', type: 'customer_changed_number', customer: '1' },
		});
		const v11 = one({
			id: 'a',
			from: '1',
			type: 'system',
			system: { body: 'x', new_wa_id: '2', type: 'user_changed_number' },
		});
		expect(v12).toMatchObject({ systemType: 'customer_changed_number', newWaId: '2' });
		expect(v11).toMatchObject({ systemType: 'customer_changed_number', newWaId: '2' });
		expect(
			one({ id: 'a', from: '1', type: 'system', system: { type: 'customer_identity_changed', identity: 'h' } }),
		).toMatchObject({ systemType: 'customer_identity_changed', newWaId: null });
	});

	it('uses the only contact as sender when the IDs differ, but never guesses among several', () => {
		expect(one(text('a', '+44 20 0000'), [{ profile: { name: 'Only' }, wa_id: 'x' }]).contact).toEqual({
			name: 'Only',
			wa_id: 'x',
		});
		expect(one(text('a', '9'), [{ wa_id: 'x' }, { wa_id: 'y' }]).contact).toBeNull();
		expect(one(text('a', '9'), [{ wa_id: '9' }]).contact).toEqual({ name: null, wa_id: '9' });
	});

	it('derives payment status attributes', () => {
		const events = eventsFromWebhook(
			envelope({
				changes: [
					change('messages', {
						statuses: [
							status('p1', 'captured', {
								type: 'payment',
								payment: { reference_id: 'r', transaction: { id: 't', status: 'success' } },
							}),
						],
					}),
				],
			}),
		);
		expect(events[0]).toMatchObject({
			event: 'status',
			type: 'payment',
			paymentStatus: 'captured',
			transactionStatus: 'success',
			messageId: 'p1',
		});
		// On-Premises' `"type": "message"` on a status is not a payment.
		const plain = eventsFromWebhook(
			envelope({ changes: [change('messages', { statuses: [status('p2', 'failed', { type: 'message' })] })] }),
		);
		expect(plain[0]).toMatchObject({ type: 'failed', paymentStatus: null, transactionStatus: null });
	});
});

describe('eventsFromWebhook: anything else gives []', () => {
	it.each([
		['undefined', undefined],
		['null', null],
		['a number', 42],
		['a string', 'whatsapp_business_account'],
		['a JSON string', JSON.stringify(envelope({ changes: [change('messages', { messages: [text('a', '1')] })] }))],
		['an array', [envelope({ changes: [change('messages', { messages: [text('a', '1')] })] })]],
		['an empty object', {}],
		[
			'another object type',
			{ object: 'page', entry: [{ changes: [change('messages', { messages: [text('a', '1')] })] }] },
		],
		['no object key', { entry: [{ changes: [change('messages', { messages: [text('a', '1')] })] }] }],
		['entry not an array', { object: 'whatsapp_business_account', entry: { changes: [] } }],
		[
			'entry of garbage',
			{
				object: 'whatsapp_business_account',
				entry: [
					null,
					1,
					'x',
					[],
					{ changes: 'x' },
					{ changes: [null, 3, { value: {} }, { field: 7, value: { messages: [text('a', '1')] } }] },
				],
			},
		],
		[
			'messages of garbage',
			envelope({ changes: [change('messages', { messages: [null, 'x', 5, []], statuses: 'x', errors: {} })] }),
		],
		['messages with no value', envelope({ changes: [{ field: 'messages' }] })],
		[
			'user_preferences with no entries',
			envelope({ changes: [change('user_preferences', { user_preferences: null })] }),
		],
	])('%s', (_, body) => {
		expect(eventsFromWebhook(body)).toEqual([]);
	});

	it('keeps the good parts of a partly broken body', () => {
		const body = envelope(null as any, { changes: [null, change('messages', { messages: [null, text('ok', '1')] })] });
		expect(eventsFromWebhook(body).map((e) => (e as any).messageId)).toEqual(['ok']);
	});

	it('does not throw on odd value types', () => {
		const body = envelope({
			id: 5,
			time: 'later',
			changes: [
				change('messages', {
					metadata: 'x',
					contacts: 'y',
					messages: [{ id: 1, from: {}, timestamp: {}, context: 'z', audio: [], interactive: 3 }],
				}),
			],
		});
		expect(eventsFromWebhook(body)).toEqual([
			expect.objectContaining({
				wabaId: '5',
				phoneNumberId: null,
				messageId: '1',
				from: null,
				timestamp: null,
				isReply: false,
				isVoice: false,
				interactiveType: null,
			}),
		]);
	});
});

describe('eventsFromWebhook: contacts of large batches', () => {
	it('finds each sender among 10,000 contacts (indexed once per change), the first of equal wa_ids winning', () => {
		const n = 10_000;
		const contacts = Array.from({ length: n }, (_, i) => ({
			profile: { name: `C${i}` },
			wa_id: `1650${String(i).padStart(7, '0')}`,
		}));
		contacts.push({ profile: { name: 'Duplicate' }, wa_id: contacts[5].wa_id });
		const messages = Array.from({ length: n }, (_, i) =>
			text(`wamid.${i}`, `+1 650 ${String(n - 1 - i).padStart(7, '0')}`),
		);
		const events = eventsFromWebhook(
			envelope({ id: 'w', changes: [change('messages', { metadata: metadata('1'), contacts, messages })] }),
		);
		expect(events).toHaveLength(n);
		expect(events.every((e, i) => e.contact?.name === `C${n - 1 - i}`)).toBe(true);
		expect(events[n - 1 - 5].contact).toEqual({ name: 'C5', wa_id: contacts[5].wa_id });
	});
});

describe('limitDepth', () => {
	const deepValue = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
	const depthOf = (value: unknown): number => {
		let depth = 0;
		for (let v = value; typeof v === 'object' && v !== null; v = (v as { a: unknown }).a) depth++;
		return depth;
	};

	it('cuts an event nested thousands of levels deep at MAX_EVENT_DEPTH, keeping its identity', () => {
		const [event] = eventsFromWebhook(
			envelope({
				id: 'w',
				changes: [change('messages', { messages: [text('wamid.D', '1', { text: deepValue(5_000) })] })],
			}),
		);
		expect(limitDepth(event)).toBe(true);
		const message = (event as unknown as { message: { text: unknown } }).message;
		expect(1 + depthOf(message.text)).toBe(MAX_EVENT_DEPTH);
		expect(JSON.stringify(event)).toContain(JSON.stringify(TOO_DEEP));
		expect(event).toMatchObject({ event: 'message', messageId: 'wamid.D' });
		expect(() => structuredClone(event)).not.toThrow();
	});

	it('leaves documented-depth events untouched', () => {
		const [event] = eventsFromWebhook(
			envelope({
				id: 'w',
				changes: [change('messages', { messages: [text('wamid.S', '1', { text: deepValue(20) })] })],
			}),
		);
		const before = JSON.stringify(event);
		expect(limitDepth(event)).toBe(false);
		expect(JSON.stringify(event)).toBe(before);
	});
});
