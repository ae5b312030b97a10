import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { WhatsAppEvent } from './events';
import { isMessageEvent, isStatusEvent } from './events';

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

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const obj = value as IDataObject;
		const parts = Object.keys(obj)
			.filter((k) => obj[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`);
		return `{${parts.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
	const own = 'message' in event ? event.message : 'status' in event ? event.status : 'error' in event ? event.error : event.value;
	return `${name}:${sha256(stableStringify({ field, wabaId, phoneNumberId, type, own }))}`;
}

/** The recorded keys; `valid` is false when the stored value was not a `{ key: number }` object (it is then rewritten). */
function readSeen(raw: unknown): { seen: Map<string, number>; valid: boolean } {
	const seen = new Map<string, number>();
	if (raw === undefined) return { seen, valid: true };
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { seen, valid: false };
	let valid = true;
	for (const [key, at] of Object.entries(raw)) {
		if (typeof at === 'number' && Number.isFinite(at)) seen.set(key, at);
		else valid = false;
	}
	return { seen, valid };
}

/**
 * Returns the events not seen before (also dropping repeats within `events`) and records them in
 * `store[SEEN_KEY]`, e.g. with `store = this.getWorkflowStaticData('node')`. Expired keys are dropped
 * first, then the oldest beyond `maxEntries`. The store stays plain JSON; it is reassigned (not mutated
 * in place) and only when something changed, so n8n notices the change and saves it.
 */
export function filterNew(store: IDataObject, events: WhatsAppEvent[], options: DedupeOptions = {}): WhatsAppEvent[] {
	const now = options.now ?? Date.now();
	const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
	const maxEntries = Math.max(0, Math.floor(options.maxEntries ?? DEFAULT_MAX_ENTRIES));

	const { seen, valid } = readSeen(store[SEEN_KEY]);
	let changed = !valid;
	for (const [key, at] of seen) {
		if (now - at >= ttlMs) {
			seen.delete(key);
			changed = true;
		}
	}

	const fresh: WhatsAppEvent[] = [];
	for (const event of events) {
		const key = dedupeKey(event);
		if (seen.has(key)) continue;
		seen.set(key, now);
		fresh.push(event);
		changed = true;
	}

	if (!changed) return fresh;
	let kept = [...seen];
	if (kept.length > maxEntries) {
		// Stable sort: among equal times the earlier-recorded key goes first.
		kept.sort((a, b) => a[1] - b[1]);
		kept = kept.slice(kept.length - maxEntries);
	}
	store[SEEN_KEY] = Object.fromEntries(kept);
	return fresh;
}
