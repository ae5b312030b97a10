import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { WhatsAppEvent } from './events';
import { isMessageEvent, isStatusEvent, ownObject } from './events';

/** Property of the store object that holds `{ [dedupeKey]: firstSeenAtMs }`. */
export const SEEN_KEY = 'seenEvents';

// Docs: retries run "with decreasing frequency" [31] or "exponential backoff" [64], both for up to 7 days: keys live 7 days.
export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_ENTRIES = 10_000;

export interface DedupeOptions {
	/** Current time in ms (default `Date.now()`). */
	now?: number;
	/** Keys kept at most; the oldest go first (default 10,000). */
	maxEntries?: number;
	/** How long a key is kept, in ms (default 7 days). */
	ttlMs?: number;
}

/** Literal output of `stableStringify`, told apart from the values still to write. */
class Text {
	constructor(readonly text: string) {}
}

const OPEN_ARRAY = new Text('[');
const CLOSE_ARRAY = new Text(']');
const OPEN_OBJECT = new Text('{');
const CLOSE_OBJECT = new Text('}');
const COMMA = new Text(',');
const NULL = new Text('null');

/**
 * JSON with object keys sorted, so equal values give equal text whatever their key order. Written with an
 * explicit stack, not recursion: a signed body may nest thousands of levels deep (JSON.parse accepts it).
 */
export function stableStringify(value: unknown): string {
	const out: string[] = [];
	const todo: unknown[] = [value];
	while (todo.length > 0) {
		const next = todo.pop();
		if (next instanceof Text) {
			out.push(next.text);
		} else if (Array.isArray(next)) {
			todo.push(CLOSE_ARRAY);
			for (let i = next.length - 1; i >= 0; i--) {
				todo.push(next[i] === undefined ? NULL : next[i]);
				if (i > 0) todo.push(COMMA);
			}
			todo.push(OPEN_ARRAY);
		} else if (typeof next === 'object' && next !== null) {
			const obj = next as IDataObject;
			const keys = Object.keys(obj)
				.filter((k) => obj[k] !== undefined)
				.sort();
			todo.push(CLOSE_OBJECT);
			for (let i = keys.length - 1; i >= 0; i--) {
				todo.push(obj[keys[i]]);
				todo.push(new Text(`${JSON.stringify(keys[i])}:`));
				if (i > 0) todo.push(COMMA);
			}
			todo.push(OPEN_OBJECT);
		} else {
			out.push(JSON.stringify(next) ?? 'null');
		}
	}
	return out.join('');
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * What makes an event the same event when Meta delivers it again:
 * - message: its `id` (wamid);
 * - status: `${id}:${status}`; payment status: `${id}:payment:${status}:${transaction id}:${transaction status}`
 *   plus `:${refund id}=${refund status},...` when there are refunds;
 * - anything else (or a message/status without an id): `${event}:${sha256 of its JSON}`.
 */
export function dedupeKey(event: WhatsAppEvent): string {
	if (isMessageEvent(event) && event.messageId) return event.messageId;
	if (isStatusEvent(event) && event.messageId) {
		if (event.type !== 'payment') return `${event.messageId}:${event.type}`;
		const payment = event.status.payment as IDataObject | undefined;
		const transaction = (payment?.transaction ?? {}) as IDataObject;
		const refunds = Array.isArray(payment?.refunds) ? (payment.refunds as IDataObject[]) : [];
		const key = `${event.messageId}:payment:${event.paymentStatus ?? ''}:${String(transaction.id ?? '')}:${event.transactionStatus ?? ''}`;
		return refunds.length === 0
			? key
			: `${key}:${refunds.map((r) => `${String(r?.id ?? '')}=${String(r?.status ?? '')}`).join(',')}`;
	}
	const { event: name, field, wabaId, phoneNumberId, type } = event;
	return `${name}:${sha256(stableStringify({ field, wabaId, phoneNumberId, type, own: ownObject(event) }))}`;
}

/**
 * The key of the `index`-th event of a delivery when its own key cannot be made: the same bytes delivered
 * again give the same key, so a redelivery is still recognised.
 */
export function deliveryKey(event: string, rawBody: Buffer, index: number): string {
	return `${event}:${sha256(rawBody)}:${index}`;
}

/**
 * Keys seen within the last `ttlMs`, at most `maxEntries`, in the order they were first seen. Keys are added
 * in time order, so the oldest (the first to expire or to be evicted) are at the front: every operation is
 * O(1) per key, amortised; nothing is sorted or copied.
 */
export class SeenKeys {
	private readonly firstSeen = new Map<string, number>();

	constructor(
		public maxEntries = DEFAULT_MAX_ENTRIES,
		public ttlMs = DEFAULT_TTL_MS,
	) {}

	get size(): number {
		return this.firstSeen.size;
	}

	has(key: string, now: number): boolean {
		const at = this.firstSeen.get(key);
		return at !== undefined && now - at < this.ttlMs;
	}

	/** Drops the keys that expired by `now` from the front; `onDrop` hears each. */
	expire(now: number, onDrop?: (key: string) => void): void {
		for (const [key, at] of this.firstSeen) {
			if (now - at < this.ttlMs) break;
			this.firstSeen.delete(key);
			onDrop?.(key);
		}
	}

	/** Records `key` as first seen at `at`, then evicts the oldest keys beyond the bound; `onDrop` hears each. */
	add(key: string, at: number, onDrop?: (key: string) => void): void {
		this.firstSeen.delete(key);
		this.firstSeen.set(key, at);
		while (this.firstSeen.size > this.maxEntries) {
			const oldest = this.firstSeen.keys().next().value as string;
			this.firstSeen.delete(oldest);
			onDrop?.(oldest);
		}
	}
}

/** The `{ key: firstSeenAtMs }` object kept in a store (n8n's static data). */
export type SeenRecord = Record<string, number>;

const isRecordObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The record in `store`, repaired in place (entries that are not times are removed; anything but an object
 * is replaced). `repaired` is true when something had to change, so the store must be written back.
 */
function recordOf(store: IDataObject): { record: SeenRecord; repaired: boolean } {
	const raw = store[SEEN_KEY];
	if (raw === undefined) return { record: {}, repaired: false };
	if (!isRecordObject(raw)) return { record: {}, repaired: true };
	let repaired = false;
	for (const key of Object.keys(raw)) {
		if (!isTime(raw[key])) {
			delete raw[key];
			repaired = true;
		}
	}
	return { record: raw as SeenRecord, repaired };
}

/** One SeenKeys per record object, so a store that stays in memory is indexed once, not on every delivery. */
const indexes = new WeakMap<object, SeenKeys>();

function indexOf(
	store: IDataObject,
	maxEntries: number,
	ttlMs: number,
): { record: SeenRecord; index: SeenKeys; changed: boolean } {
	const raw = store[SEEN_KEY];
	const known = isRecordObject(raw) ? indexes.get(raw) : undefined;
	if (known) {
		known.maxEntries = maxEntries;
		known.ttlMs = ttlMs;
		return { record: raw as SeenRecord, index: known, changed: false };
	}
	const { record, repaired } = recordOf(store);
	let changed = repaired;
	// A record this process has not indexed yet (a store restored from the database): once, in time order.
	const index = new SeenKeys(maxEntries, ttlMs);
	const entries = Object.entries(record).sort((a, b) => a[1] - b[1]);
	for (const [key, at] of entries) {
		index.add(key, at, (dropped) => {
			delete record[dropped];
			changed = true;
		});
	}
	indexes.set(record, index);
	return { record, index, changed };
}

export interface KeyedEvent {
	event: WhatsAppEvent;
	key: string;
}

/** A record in a store, and the memory that decides which keys it keeps (its bound may be smaller). */
export interface KeptRecord {
	record: SeenRecord;
	kept: SeenKeys;
}

/**
 * Keeps the events whose key is new to `memory` and records those keys there. With `store`, the record is
 * also consulted (keys another process or an earlier run wrote) and receives every new key; it loses every
 * key `store.kept` drops. Returns the new events and whether the record changed.
 */
export function recordNew(
	memory: SeenKeys,
	events: KeyedEvent[],
	now: number,
	store?: KeptRecord,
): { fresh: KeyedEvent[]; changed: boolean } {
	let changed = false;
	const record = store?.record;
	const drop = record
		? (key: string) => {
				if (key in record) {
					delete record[key];
					changed = true;
				}
			}
		: undefined;
	const separate = store !== undefined && store.kept !== memory;
	memory.expire(now, separate ? undefined : drop);
	if (separate) store.kept.expire(now, drop);
	const fresh: KeyedEvent[] = [];
	for (const keyed of events) {
		const { key } = keyed;
		if (memory.has(key, now)) continue;
		const stored = record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
		if (isTime(stored) && now - stored < memory.ttlMs) continue;
		memory.add(key, now, separate ? undefined : drop);
		if (store) {
			if (separate) store.kept.add(key, now, drop);
			store.record[key] = now;
			changed = true;
		}
		fresh.push(keyed);
	}
	return { fresh, changed };
}

/**
 * Returns the events not seen before (also dropping repeats within `events`) and records them in
 * `store[SEEN_KEY]`, e.g. with `store = this.getWorkflowStaticData('node')`. Expired keys are dropped
 * first, then the oldest beyond `maxEntries`. The store stays plain JSON and is updated in place, key by
 * key; when something changed it is assigned again, which is what n8n's static data watches.
 */
export function filterNew(store: IDataObject, events: WhatsAppEvent[], options: DedupeOptions = {}): WhatsAppEvent[] {
	return filterNewKeyed(
		store,
		events.map((event) => ({ event, key: dedupeKey(event) })),
		options,
	).map((keyed) => keyed.event);
}

export function filterNewKeyed(store: IDataObject, events: KeyedEvent[], options: DedupeOptions = {}): KeyedEvent[] {
	const now = options.now ?? Date.now();
	const maxEntries = Math.max(0, Math.floor(options.maxEntries ?? DEFAULT_MAX_ENTRIES));
	const { record, index, changed: repaired } = indexOf(store, maxEntries, options.ttlMs ?? DEFAULT_TTL_MS);
	const { fresh, changed } = recordNew(index, events, now, { record, kept: index });
	if (changed || repaired) store[SEEN_KEY] = record;
	return fresh;
}

/**
 * Brings a record that several writers share back within its bounds: expired entries out, then the first
 * entries (the oldest: string keys keep their insertion order in JSON) beyond `maxEntries`. O(size); call
 * it now and then, not per delivery. Returns whether anything was removed.
 */
export function compactRecord(record: SeenRecord, now: number, maxEntries: number, ttlMs: number): boolean {
	let removed = false;
	const kept: string[] = [];
	for (const key of Object.keys(record)) {
		const at = record[key];
		if (isTime(at) && now - at < ttlMs) {
			kept.push(key);
		} else {
			delete record[key];
			removed = true;
		}
	}
	for (let i = 0; i < kept.length - maxEntries; i++) {
		delete record[kept[i]];
		removed = true;
	}
	return removed;
}
