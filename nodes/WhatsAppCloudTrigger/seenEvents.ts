import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	compactRecord,
	DEFAULT_MAX_ENTRIES,
	DEFAULT_TTL_MS,
	filterNewKeyed,
	recordNew,
	SEEN_KEY,
	SeenKeys,
	type KeyedEvent,
	type SeenRecord,
} from './dedupe';

/** At most this many trigger nodes keep a memory of seen events in one process; the least recently used goes first. */
const MAX_STORES = 100;

/**
 * Keys kept in the node's static data: the most recent ones. n8n reads a workflow's static data from its
 * database, and parses it, for every webhook request: an object of 10,000 keys costs about 13 ms per request
 * (it capped a process at ~60 deliveries/s), 1,000 about 1 ms. This process's memory still holds 10,000.
 */
export const PERSISTED_MAX_ENTRIES = 1_000;

/** Keys a node adds between two clean-ups of its static-data record (see `compactRecord`). */
const COMPACT_EVERY = Math.ceil(PERSISTED_MAX_ENTRIES / 10);

interface NodeMemory {
	seen: SeenKeys;
	/** The keys this process put in the static-data record. */
	persisted: SeenKeys;
	addedSinceCompaction: number;
}

/**
 * Seen-event keys per workflow and node, in this process. n8n 2.41 builds a new workflow, with static data
 * read from its database, for every webhook request, and saves what webhook() wrote there once the answer is
 * sent (test/e2e/trigger.e2e.ts checks a redelivery after a restart); this memory decides first, at constant
 * cost, and also covers a save that raced an execution of the same workflow.
 */
const memory = new Map<string, NodeMemory>();

function memoryOf(key: string): NodeMemory {
	let node = memory.get(key);
	if (node) {
		memory.delete(key);
	} else {
		node = {
			seen: new SeenKeys(DEFAULT_MAX_ENTRIES, DEFAULT_TTL_MS),
			persisted: new SeenKeys(PERSISTED_MAX_ENTRIES, DEFAULT_TTL_MS),
			addedSinceCompaction: 0,
		};
		if (memory.size >= MAX_STORES) memory.delete(memory.keys().next().value as string);
	}
	memory.set(key, node);
	return node;
}

const isRecord = (value: unknown): value is SeenRecord =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The events not delivered before. This process's memory decides, in O(1) per event; the node's static
 * data is also consulted key by key and receives the new keys (the last PERSISTED_MAX_ENTRIES), so a store
 * that n8n does persist (and shares between processes or keeps across a restart) is honoured, without
 * reading it whole per delivery.
 * A test listen uses only its own static data, so sending the same test payload again still runs.
 */
export function skipSeen(ctx: IWebhookFunctions, events: KeyedEvent[], now = Date.now()): KeyedEvent[] {
	if (events.length === 0) return events;
	const store = ctx.getWorkflowStaticData('node');
	if (ctx.getMode() === 'manual') return filterNewKeyed(store, events, { now });

	const node = memoryOf(`${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`);
	const stored = store[SEEN_KEY];
	const record: SeenRecord = isRecord(stored) ? stored : {};
	const { fresh, changed } = recordNew(node.seen, events, now, { record, kept: node.persisted });
	let write = changed || (stored !== undefined && !isRecord(stored));
	node.addedSinceCompaction += fresh.length;
	if (node.addedSinceCompaction >= COMPACT_EVERY) {
		node.addedSinceCompaction = 0;
		// Keys this process never saw (another process's, or from before a restart) leave only here.
		write = compactRecord(record, now, PERSISTED_MAX_ENTRIES, DEFAULT_TTL_MS) || write;
	}
	if (write) (store as IDataObject)[SEEN_KEY] = record;
	return fresh;
}

/** Forgets this process's memory (tests simulate another process or a restart with it). */
export function forgetSeenEvents(): void {
	memory.clear();
}
