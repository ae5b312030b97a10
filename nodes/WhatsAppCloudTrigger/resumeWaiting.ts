import type { IDataObject, IN8nHttpFullResponse, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import {
	CHAT_REPLY_FIELD,
	executionIdOfResumePath,
	parseWaitButtonId,
	parseWaitCallbackData,
	type ChatReply,
} from '../shared/waitingReplies';
import { asObject, type WhatsAppEvent } from './events';

/**
 * The trigger's half of Send and Wait answered in the chat (the protocol: nodes/shared/waitingReplies.ts).
 * For each delivery, before the trigger's own filters:
 * - a status of a Free Text question carries its resume path in `biz_opaque_callback_data`: the trigger
 *   remembers "the next text from this person to this number answers that wait" (workflow static data, so
 *   every n8n process that loads this workflow sees it);
 * - a reply button tapped on a Send and Wait approval, or the next text of a person with a remembered wait,
 *   is POSTed to the waiting execution's resume URL on this n8n. The waiting node checks sender, message
 *   and token, and answers `{ resumed: true }` only when the reply answered it.
 */

export interface WaitingReplySettings {
	resume: boolean;
	swallow: boolean;
	/** Origin to call instead of this node's own webhook origin. */
	baseUrl: string;
}

/** The trigger's option for it: one entry of its Options collection. */
export const waitingRepliesOption: INodeProperties = {
	displayName: 'Send and Wait Replies',
	name: 'waitingReplies',
	type: 'fixedCollection',
	default: {},
	description:
		"How this trigger treats answers to WhatsApp Cloud's Send and Wait for Response (Answer In: The Chat). By default it resumes the waiting execution and also starts this workflow.",
	options: [
		{
			displayName: 'Settings',
			name: 'settings',
			values: [
				{
					displayName: 'Resume Waiting Executions',
					name: 'resume',
					type: 'boolean',
					default: true,
					description:
						'Whether a reply button tapped on a Send and Wait question, or the next text of a person asked a Free Text question, resumes the waiting execution on this n8n',
				},
				{
					displayName: 'Swallow Replies Used to Resume',
					name: 'swallow',
					type: 'boolean',
					default: false,
					description: 'Whether replies that resumed a waiting execution are kept from starting this workflow',
				},
				{
					displayName: 'Base URL for Resuming',
					name: 'baseUrl',
					type: 'string',
					default: '',
					placeholder: 'e.g. http://127.0.0.1:5678',
					description:
						"Where this trigger reaches n8n's resume URLs. Leave empty to use the origin of this node's production webhook URL (WEBHOOK_URL); set it when n8n cannot reach its own public URL.",
				},
			],
		},
	],
};

export function readWaitingReplySettings(rawOptions: IDataObject): WaitingReplySettings {
	const settings = ((rawOptions.waitingReplies as IDataObject | undefined)?.settings ?? {}) as IDataObject;
	return {
		resume: settings.resume !== false,
		swallow: settings.swallow === true,
		baseUrl: typeof settings.baseUrl === 'string' ? settings.baseUrl.trim() : '',
	};
}

/** A remembered Free Text wait: `p` resume path, `m` the question's wamid, `e` expiry (Unix seconds). */
interface TextWait {
	p: string;
	m: string;
	e: number;
}

const STATIC_KEY = 'waitingTextReplies';
/** Bound of remembered Free Text waits per trigger (the oldest to expire are dropped first). */
const MAX_TEXT_WAITS = 1000;
/**
 * What this process already used: replies that resumed an execution (so a redelivery by Meta neither resumes
 * nor starts anything twice) and the waits they answered (so a late status of an answered question does not
 * make the trigger wait for that person's next text again).
 */
const MAX_REMEMBERED = 1000;
const resumedReplies = new Set<string>();
const answeredWaits = new Set<string>();

function remember(set: Set<string>, value: string | null): void {
	if (!value) return;
	set.add(value);
	if (set.size > MAX_REMEMBERED) set.delete(set.values().next().value as string);
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

class TextWaits {
	private store?: Record<string, TextWait>;

	constructor(private readonly ctx: IWebhookFunctions) {}

	/** The remembered waits; created in the static data only when one is remembered (reading writes nothing). */
	private waits(create = false): Record<string, TextWait> {
		if (!this.store) {
			const data = this.ctx.getWorkflowStaticData('node');
			if (!asObject(data[STATIC_KEY])) {
				if (!create) return {};
				data[STATIC_KEY] = {};
			}
			this.store = data[STATIC_KEY] as unknown as Record<string, TextWait>;
		}
		return this.store;
	}

	static key(phoneNumberId: string | null, waId: string): string {
		return `${phoneNumberId ?? ''}:${waId.replace(/\D/g, '')}`;
	}

	remember(key: string, wait: TextWait): void {
		const waits = this.waits(true);
		const known = waits[key];
		if (known && known.p === wait.p) return;
		const now = Date.now() / 1000;
		for (const [k, w] of Object.entries(waits)) if (!(w.e > now)) delete waits[k];
		const keys = Object.keys(waits);
		if (keys.length >= MAX_TEXT_WAITS) {
			keys
				.sort((a, b) => waits[a].e - waits[b].e)
				.slice(0, keys.length - MAX_TEXT_WAITS + 1)
				.forEach((k) => delete waits[k]);
		}
		waits[key] = wait;
	}

	find(key: string): TextWait | undefined {
		const wait = this.waits()[key];
		return wait && wait.e > Date.now() / 1000 ? wait : undefined;
	}

	forget(key: string, resumePath: string): void {
		const waits = this.waits();
		if (waits[key]?.p === resumePath) delete waits[key];
	}
}

/** The resume call a message event makes, if it answers a Send and Wait question. */
function replyTo(
	event: WhatsAppEvent,
	waits: TextWaits,
): { resumePath: string; reply: ChatReply; textKey?: string } | undefined {
	const message = asObject((event as { message?: unknown }).message);
	const from = str(message?.from);
	if (!message || !from) return undefined;
	const context = asObject(message.context);
	const contactName = (event as { contact?: { name?: unknown } | null }).contact?.name;
	const base = {
		from,
		name: str(contactName),
		messageId: str(message.id),
		contextId: str(context?.id),
		timestamp: Number.isFinite(Number(message.timestamp)) ? Number(message.timestamp) : null,
		phoneNumberId: event.phoneNumberId,
	};
	const interactive = asObject(message.interactive);
	if (message.type === 'interactive' && interactive?.type === 'button_reply') {
		const button = parseWaitButtonId(asObject(interactive.button_reply)?.id);
		return button && { resumePath: button.resumePath, reply: { kind: 'button', decision: button.decision, ...base } };
	}
	if (message.type === 'text') {
		const textKey = TextWaits.key(event.phoneNumberId, from);
		const wait = waits.find(textKey);
		// A text that quotes another message answers that message, not the question.
		if (!wait || (base.contextId !== null && base.contextId !== wait.m)) return undefined;
		const body = str(asObject(message.text)?.body);
		return body === null ? undefined : { resumePath: wait.p, reply: { kind: 'text', text: body, ...base }, textKey };
	}
	return undefined;
}

/** Learns Free Text waits from the statuses of their questions. */
function rememberFromStatus(event: WhatsAppEvent, waits: TextWaits): void {
	const status = asObject((event as { status?: unknown }).status);
	const recipient = str(status?.recipient_id);
	const messageId = str(status?.id);
	const wait = parseWaitCallbackData(status?.biz_opaque_callback_data);
	if (!wait || !recipient || !messageId || status?.status === 'failed' || wait.expiresAt <= Date.now() / 1000) return;
	if (answeredWaits.has(wait.resumePath)) return;
	waits.remember(TextWaits.key(event.phoneNumberId, recipient), {
		p: wait.resumePath,
		m: messageId,
		e: wait.expiresAt,
	});
}

function resumeOrigin(ctx: IWebhookFunctions, settings: WaitingReplySettings): string | undefined {
	try {
		return new URL(settings.baseUrl || String(ctx.getNodeWebhookUrl('default'))).origin;
	} catch {
		return undefined;
	}
}

type Outcome = 'resumed' | 'refused' | 'unreachable';

async function resume(ctx: IWebhookFunctions, origin: string, resumePath: string, reply: ChatReply): Promise<Outcome> {
	const url = `${origin}${resumePath}`;
	if (new URL(url).origin !== origin) return 'refused';
	const executionId = executionIdOfResumePath(resumePath) ?? '?';
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'POST',
			url,
			body: { [CHAT_REPLY_FIELD]: reply },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as IN8nHttpFullResponse;
		if (response.statusCode === 200 && asObject(response.body)?.resumed === true) return 'resumed';
		const reason = str(asObject(response.body)?.reason) ?? `HTTP ${response.statusCode}`;
		ctx.logger.debug(`WhatsApp Cloud Trigger: a reply did not resume execution ${executionId}: ${reason}`);
		return 'refused';
	} catch (error) {
		// The URL carries the wait's token and n8n's signature: log where, never the URL or its query.
		const detail = String((error as Error)?.message ?? error).replace(/\?\S*/g, '?…');
		ctx.logger.warn(
			`WhatsApp Cloud Trigger could not reach ${origin} to resume execution ${executionId} (${detail}). Set Options > Send and Wait Replies > Base URL for Resuming to an address of this n8n it can reach.`,
		);
		return 'unreachable';
	}
}

/**
 * Resumes the waiting Send and Wait executions this delivery answers and returns the events that still start
 * the workflow (all of them, unless Swallow Replies Used to Resume is on). Events that resumed an execution
 * carry its ID as `resumedExecutionId`. Never throws for a reply it cannot use: that reply is an ordinary event.
 */
export async function resumeWaitingExecutions(
	ctx: IWebhookFunctions,
	events: WhatsAppEvent[],
	rawOptions: IDataObject,
): Promise<WhatsAppEvent[]> {
	const settings = readWaitingReplySettings(rawOptions);
	if (!settings.resume) return events;
	const waits = new TextWaits(ctx);
	const kept: WhatsAppEvent[] = [];
	for (const event of events) {
		if (event.event === 'status') rememberFromStatus(event, waits);
		const target = event.event === 'message' ? replyTo(event, waits) : undefined;
		if (!target) {
			kept.push(event);
			continue;
		}
		if (target.reply.messageId !== null && resumedReplies.has(target.reply.messageId)) {
			if (!settings.swallow) kept.push(event);
			continue;
		}
		const origin = resumeOrigin(ctx, settings);
		const outcome = origin ? await resume(ctx, origin, target.resumePath, target.reply) : 'unreachable';
		if (target.textKey && outcome !== 'unreachable') waits.forget(target.textKey, target.resumePath);
		if (outcome !== 'resumed') {
			kept.push(event);
			continue;
		}
		remember(resumedReplies, target.reply.messageId);
		remember(answeredWaits, target.resumePath);
		if (!settings.swallow)
			kept.push(Object.assign(event, { resumedExecutionId: executionIdOfResumePath(target.resumePath) ?? null }));
	}
	return kept;
}
