import type { IDataObject } from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

import {
	compactRecord,
	DEFAULT_TTL_MS,
	dedupeKey,
	filterNew,
	recordNew,
	SEEN_KEY,
	SeenKeys,
	stableStringify,
} from '../../../nodes/WhatsAppCloudTrigger/dedupe';
import { eventsFromWebhook } from '../../../nodes/WhatsAppCloudTrigger/events';
import type { WhatsAppEvent } from '../../../nodes/WhatsAppCloudTrigger/events';

const body = (value: object, field = 'messages') => ({
	object: 'whatsapp_business_account',
	entry: [{ id: 'waba', changes: [{ field, value: { metadata: { phone_number_id: 'P' }, ...value } }] }],
});
const messages = (...ids: string[]) =>
	eventsFromWebhook(body({ messages: ids.map((id) => ({ id, from: '1', type: 'text', text: { body: id } })) }));
const statuses = (...pairs: Array<[string, string]>) =>
	eventsFromWebhook(body({ statuses: pairs.map(([id, status]) => ({ id, status, recipient_id: '1' })) }));
const payment = (transactionStatus: string, refunds?: object[]) =>
	eventsFromWebhook(
		body({
			statuses: [
				{
					id: 'pay',
					type: 'payment',
					status: 'captured',
					payment: { reference_id: 'r', transaction: { id: 'txn', status: transactionStatus }, refunds },
				},
			],
		}),
	)[0];
const keys = (list: WhatsAppEvent[]) => list.map(dedupeKey);
const seen = (store: IDataObject) => store[SEEN_KEY] as Record<string, number>;

describe('dedupeKey', () => {
	it('uses the message ID for messages and id:status for statuses', () => {
		expect(keys(messages('wamid.1'))).toEqual(['wamid.1']);
		expect(keys(statuses(['wamid.1', 'sent'], ['wamid.1', 'delivered']))).toEqual([
			'wamid.1:sent',
			'wamid.1:delivered',
		]);
	});

	it('keys payment statuses by transaction and refunds', () => {
		expect(dedupeKey(payment('pending'))).toBe('pay:payment:captured:txn:pending');
		expect(dedupeKey(payment('success'))).toBe('pay:payment:captured:txn:success');
		expect(dedupeKey(payment('success', [{ id: 'rf1', status: 'pending' }]))).toBe(
			'pay:payment:captured:txn:success:rf1=pending',
		);
		expect(dedupeKey(payment('success', [{ id: 'rf1', status: 'success' }]))).toBe(
			'pay:payment:captured:txn:success:rf1=success',
		);
	});

	it('hashes other events stably, whatever the key order', () => {
		const a = eventsFromWebhook(
			body({ user_preferences: [{ wa_id: '1', value: 'stop', timestamp: 1 }] }, 'user_preferences'),
		);
		const b = eventsFromWebhook(
			body({ user_preferences: [{ timestamp: 1, value: 'stop', wa_id: '1' }] }, 'user_preferences'),
		);
		const c = eventsFromWebhook(
			body({ user_preferences: [{ wa_id: '1', value: 'resume', timestamp: 2 }] }, 'user_preferences'),
		);
		expect(dedupeKey(a[0])).toMatch(/^user_preferences:[0-9a-f]{64}$/);
		expect(dedupeKey(a[0])).toBe(dedupeKey(b[0]));
		expect(dedupeKey(a[0])).not.toBe(dedupeKey(c[0]));
		const e1 = eventsFromWebhook(body({ errors: [{ code: 130429, title: 'Rate limit hit' }] }));
		const e2 = eventsFromWebhook(body({ errors: [{ code: 131000, title: 'Something went wrong' }] }));
		expect(dedupeKey(e1[0])).toMatch(/^error:/);
		expect(dedupeKey(e1[0])).not.toBe(dedupeKey(e2[0]));
	});

	it('hashes messages without an ID instead of sharing one key', () => {
		const [a, b] = eventsFromWebhook(
			body({
				messages: [
					{ type: 'text', text: { body: 'a' } },
					{ type: 'text', text: { body: 'b' } },
				],
			}),
		);
		expect(dedupeKey(a)).toMatch(/^message:[0-9a-f]{64}$/);
		expect(dedupeKey(a)).not.toBe(dedupeKey(b));
	});
});

describe('filterNew', () => {
	it('drops events already seen, and records the new ones', () => {
		const store: IDataObject = {};
		expect(filterNew(store, messages('a', 'b'), { now: 1000 })).toHaveLength(2);
		expect(seen(store)).toEqual({ a: 1000, b: 1000 });
		const again = filterNew(store, [...messages('b', 'c'), ...statuses(['a', 'sent'])], { now: 2000 });
		expect(keys(again)).toEqual(['c', 'a:sent']);
		expect(seen(store)).toEqual({ a: 1000, b: 1000, c: 2000, 'a:sent': 2000 });
	});

	it('drops duplicates within one batch', () => {
		const store: IDataObject = {};
		const batch = [...messages('x', 'y', 'x'), ...statuses(['x', 'read'], ['x', 'read'])];
		expect(keys(filterNew(store, batch, { now: 1 }))).toEqual(['x', 'y', 'x:read']);
	});

	it('treats a redelivered other-field change as a duplicate', () => {
		const store: IDataObject = {};
		const change = () =>
			eventsFromWebhook(body({ configuration_name: 'c', status: 'Active' }, 'payment_configuration_update'));
		expect(filterNew(store, change(), { now: 1 })).toHaveLength(1);
		expect(filterNew(store, change(), { now: 2 })).toHaveLength(0);
	});

	it('forgets keys after the TTL (7 days by default)', () => {
		const store: IDataObject = {};
		filterNew(store, messages('old'), { now: 0 });
		expect(filterNew(store, messages('old'), { now: DEFAULT_TTL_MS - 1 })).toHaveLength(0);
		expect(filterNew(store, messages('old'), { now: DEFAULT_TTL_MS })).toHaveLength(1);
		expect(seen(store)).toEqual({ old: DEFAULT_TTL_MS });

		const short: IDataObject = {};
		filterNew(short, messages('short'), { now: 0, ttlMs: 100 });
		filterNew(short, messages('other'), { now: 150, ttlMs: 100 });
		expect(Object.keys(seen(short))).toEqual(['other']);
	});

	it('keeps at most maxEntries keys, evicting the oldest', () => {
		const store: IDataObject = {};
		filterNew(store, messages('1', '2'), { now: 10, maxEntries: 3 });
		filterNew(store, messages('3'), { now: 20, maxEntries: 3 });
		filterNew(store, messages('4', '5'), { now: 30, maxEntries: 3 });
		expect(seen(store)).toEqual({ 3: 20, 4: 30, 5: 30 });
		// '1' was evicted, so it counts as new again; '5' is still remembered.
		expect(keys(filterNew(store, messages('1', '5'), { now: 40, maxEntries: 3 }))).toEqual(['1']);
		expect(Object.keys(seen(store))).toHaveLength(3);
	});

	it('stays bounded by the default limit', () => {
		const store: IDataObject = {};
		const many = messages(...Array.from({ length: 10_050 }, (_, i) => `wamid.${i}`));
		expect(filterNew(store, many, { now: 1 })).toHaveLength(10_050);
		const kept = Object.keys(seen(store));
		expect(kept).toHaveLength(10_000);
		expect(kept).not.toContain('wamid.0');
		expect(kept).toContain('wamid.10049');
	});

	it('keeps the store plain JSON across calls', () => {
		const store: IDataObject = { other: 'left alone' };
		filterNew(
			store,
			[...messages('a'), ...statuses(['a', 'sent']), ...eventsFromWebhook(body({ errors: [{ code: 1 }] }))],
			{ now: 5 },
		);
		const copy = JSON.parse(JSON.stringify(store)) as IDataObject;
		expect(copy).toEqual(store);
		expect(copy.other).toBe('left alone');
		expect(filterNew(copy, messages('a'), { now: 6 })).toHaveLength(0);
		expect(Object.values(seen(copy)).every((v) => typeof v === 'number')).toBe(true);
	});

	it('reassigns the store only when something changed', () => {
		const store: IDataObject = {};
		filterNew(store, messages('a'), { now: 1 });
		const before = store[SEEN_KEY];
		filterNew(store, messages('a'), { now: 2 });
		expect(store[SEEN_KEY]).toBe(before);
		// Updated key by key, not rebuilt: n8n sees the change through the assignment (next test).
		filterNew(store, messages('b'), { now: 3 });
		expect(seen(store)).toEqual({ a: 1, b: 3 });
	});

	it("n8n's static data notices a change, and only a change (as getWorkflowStaticData('node') hands it out)", () => {
		const root = ObservableObject.create({}, undefined, { ignoreEmptyOnFirstChild: true }) as IDataObject & {
			__dataChanged: boolean;
		};
		root['node:Trigger'] = ObservableObject.create({}, root);
		const store = root['node:Trigger'] as IDataObject;
		root.__dataChanged = false;
		filterNew(store, messages('a'), { now: 1 });
		expect(root.__dataChanged).toBe(true);
		root.__dataChanged = false;
		filterNew(store, messages('a'), { now: 2 });
		expect(root.__dataChanged).toBe(false);
		filterNew(store, messages('b'), { now: 3 });
		expect(root.__dataChanged).toBe(true);

		// A store n8n restored from its database (every level observed) is noticed too.
		const restored = ObservableObject.create(
			JSON.parse(JSON.stringify({ 'node:Trigger': { [SEEN_KEY]: { a: 1 } } })),
			undefined,
			{
				ignoreEmptyOnFirstChild: true,
			},
		) as IDataObject & { __dataChanged: boolean };
		filterNew(restored['node:Trigger'] as IDataObject, messages('a'), { now: 2 });
		expect(restored.__dataChanged).toBe(false);
		filterNew(restored['node:Trigger'] as IDataObject, messages('c'), { now: 2 });
		expect(restored.__dataChanged).toBe(true);
		expect(JSON.parse(JSON.stringify(restored))).toEqual({ 'node:Trigger': { [SEEN_KEY]: { a: 1, c: 2 } } });
	});

	it('repairs a corrupt store instead of throwing', () => {
		for (const bad of ['x', 5, null, ['a'], { a: 'not a number', b: 7 }]) {
			const store: IDataObject = { [SEEN_KEY]: bad as IDataObject };
			expect(keys(filterNew(store, messages('a', 'b'), { now: 10 }))).toEqual(
				bad !== null && typeof bad === 'object' && !Array.isArray(bad) ? ['a'] : ['a', 'b'],
			);
			expect(seen(store)).toEqual(expect.objectContaining({ a: 10 }));
			expect(Object.values(seen(store)).every((v) => typeof v === 'number')).toBe(true);
		}
	});

	it('uses the clock when no time is given', () => {
		const store: IDataObject = {};
		const before = Date.now();
		filterNew(store, messages('now'));
		expect(seen(store).now).toBeGreaterThanOrEqual(before);
	});
});

describe('stableStringify', () => {
	it('writes JSON with sorted keys, as JSON.stringify would after sorting', () => {
		const value = { b: [1, 'two', null, undefined, { d: true, c: -0.5 }], a: { y: 'x\n"', x: undefined }, e: [] };
		expect(stableStringify(value)).toBe('{"a":{"y":"x\\n\\""},"b":[1,"two",null,null,{"c":-0.5,"d":true}],"e":[]}');
		expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
		expect(stableStringify('plain')).toBe('"plain"');
		expect(stableStringify(undefined)).toBe('null');
	});

	it('does not recurse: 100,000 levels of nesting', () => {
		const depth = 100_000;
		const deep = JSON.parse(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`) as unknown;
		const text = stableStringify(deep);
		expect(text.length).toBe(depth * 8 + 1);
		expect(text.startsWith('{"a":[{"a":[')).toBe(true);
	});

	it('keys a deep event without an ID (it used to overflow the stack)', () => {
		const deep = JSON.parse(`${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`) as unknown;
		const [event] = eventsFromWebhook(body({ messages: [{ type: 'text', text: { body: deep } }] }));
		expect(dedupeKey(event)).toMatch(/^message:[0-9a-f]{64}$/);
	});
});

describe('SeenKeys', () => {
	it('remembers keys for the TTL, and forgets the oldest beyond the bound', () => {
		const seen = new SeenKeys(3, 100);
		for (const [key, at] of [
			['a', 0],
			['b', 10],
			['c', 20],
		] as const)
			seen.add(key, at);
		expect(['a', 'b', 'c', 'd'].map((k) => seen.has(k, 50))).toEqual([true, true, true, false]);
		expect(seen.has('a', 100)).toBe(false);
		const dropped: string[] = [];
		seen.add('d', 30, (k) => dropped.push(k));
		expect(dropped).toEqual(['a']);
		seen.expire(115, (k) => dropped.push(k));
		expect(dropped).toEqual(['a', 'b']);
		expect(seen.size).toBe(2);
	});

	it('moves a key added again to the back', () => {
		const seen = new SeenKeys(2, 1000);
		seen.add('a', 0);
		seen.add('b', 1);
		seen.add('a', 2);
		const dropped: string[] = [];
		seen.add('c', 3, (k) => dropped.push(k));
		expect(dropped).toEqual(['b']);
	});
});

describe('recordNew with a record several writers share', () => {
	const keyed = (...ids: string[]) => messages(...ids).map((event) => ({ event, key: dedupeKey(event) }));

	it('honours keys in the record this memory never saw, and writes its new keys there', () => {
		const record: Record<string, number> = { other: 5 };
		const { fresh, changed } = recordNew(new SeenKeys(), keyed('other', 'mine'), 10, { record, kept: new SeenKeys() });
		expect(fresh.map((k) => k.key)).toEqual(['mine']);
		expect(changed).toBe(true);
		expect(record).toEqual({ other: 5, mine: 10 });
	});

	it('removes from the record what its own bound evicts, while the memory remembers more', () => {
		const record: Record<string, number> = {};
		const memory = new SeenKeys(3, 1000);
		const kept = new SeenKeys(2, 1000);
		recordNew(memory, keyed('a', 'b'), 1, { record, kept });
		recordNew(memory, keyed('c'), 2, { record, kept });
		expect(record).toEqual({ b: 1, c: 2 });
		expect(recordNew(memory, keyed('a', 'd'), 3, { record, kept }).fresh.map((k) => k.key)).toEqual(['d']);
	});

	it('compaction drops expired and oldest entries of the record, and nothing else', () => {
		const record: Record<string, number> = { old: 0, x1: 50, x2: 60, x3: 70, bad: NaN };
		expect(compactRecord(record, 100, 2, 60)).toBe(true);
		expect(record).toEqual({ x2: 60, x3: 70 });
		expect(compactRecord(record, 100, 2, 60)).toBe(false);
	});
});
