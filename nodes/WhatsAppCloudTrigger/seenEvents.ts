import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { filterNew } from './dedupe';
import type { WhatsAppEvent } from './events';

/** At most this many trigger nodes keep a memory of seen events in one process; the least recently used goes first. */
const MAX_STORES = 100;

/**
 * Seen-event keys per workflow and node, in this process. n8n 2.41 reloads the static data from the
 * database before it runs a webhook's execution (WorkflowRunner.run with loadStaticData), so keys
 * written to static data in webhook() are not saved; this memory is what catches redeliveries.
 */
const memory = new Map<string, IDataObject>();

function memoryStore(key: string): IDataObject {
	let store = memory.get(key);
	if (store) {
		memory.delete(key);
	} else {
		store = {};
		if (memory.size >= MAX_STORES) memory.delete(memory.keys().next().value as string);
	}
	memory.set(key, store);
	return store;
}

/**
 * The events not delivered before. Keys are kept (bounded, 7 days) in the node's static data, so a
 * store that n8n does persist (and shares between processes) is honoured, and in this process's memory.
 * A test listen uses only its own static data, so sending the same test payload again still runs.
 */
export function skipSeen(ctx: IWebhookFunctions, events: WhatsAppEvent[]): WhatsAppEvent[] {
	const fresh = filterNew(ctx.getWorkflowStaticData('node'), events);
	if (ctx.getMode() === 'manual') return fresh;
	return filterNew(memoryStore(`${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`), fresh);
}

/** Forgets this process's memory (tests simulate another process or a restart with it). */
export function forgetSeenEvents(): void {
	memory.clear();
}
