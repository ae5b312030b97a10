/**
 * How a Send and Wait message answered in the chat finds its way back to the waiting execution.
 *
 * The action node knows the waiting execution's signed resume URL; the trigger receives the person's answer.
 * The URL's path and query (never its host) travel inside what Meta echoes back to the trigger:
 * - Approval: in each reply button's ID (`n8nwait|a|<path?query>`, `n8nwait|d|<path?query>`), returned when tapped.
 * - Free Text: in `biz_opaque_callback_data` (`n8nwait|t|<expires>|<path?query>`), returned in the question's
 *   sent/delivered/read status webhooks (doc 16); the trigger then waits for that person's next text.
 * The trigger POSTs `{ whatsAppReply: ChatReply }` to its own n8n origin + that path; the action node's webhook()
 * checks the reply against what it stored when it sent the question (person, message, one-time token).
 */

const PREFIX = 'n8nwait';

/** The reply buttons' ID limit (docs 08, 16). */
export const MAX_WAIT_BUTTON_ID = 256;
/** The `biz_opaque_callback_data` limit (doc 16). */
export const MAX_WAIT_CALLBACK_DATA = 512;

export type ChatDecision = 'approve' | 'decline';

/** What the trigger tells the waiting execution about the person's answer. */
export interface ChatReply {
	kind: 'button' | 'text';
	/** Button replies: which button was tapped. */
	decision?: ChatDecision;
	/** Text replies: the text. */
	text?: string;
	/** The sender's WhatsApp ID (`messages[].from`). */
	from: string;
	/** The sender's profile name, when the webhook has it. */
	name: string | null;
	/** The reply's own wamid. */
	messageId: string | null;
	/** `context.id`: the message the reply answers, if any. */
	contextId: string | null;
	/** Unix seconds, as sent by Meta. */
	timestamp: number | null;
	/** The business number that received the reply. */
	phoneNumberId: string | null;
}

/** The body the trigger POSTs to the resume URL. */
export const CHAT_REPLY_FIELD = 'whatsAppReply';

/**
 * A path + query of a waiting execution's resume URL, safe to join to an origin: starts with one slash
 * (never `//host`), no `.`/`..` segments, only URL-safe characters, and carries the wait's one-time token (`w`).
 */
export function isResumePath(value: string): boolean {
	return (
		/^\/(?!\/)[A-Za-z0-9._~%/-]+\?[A-Za-z0-9._~%&=-]+$/.test(value) &&
		!/\/(\.|%2e){1,2}(\/|\?)/i.test(value) &&
		/[?&]w=/.test(value)
	);
}

/** The path and query of a resume URL (what travels; the host never does). */
export function resumePathOf(url: string): string {
	const parsed = new URL(url);
	return `${parsed.pathname}${parsed.search}`;
}

export function waitButtonId(decision: ChatDecision, resumePath: string): string {
	return `${PREFIX}|${decision === 'approve' ? 'a' : 'd'}|${resumePath}`;
}

export function parseWaitButtonId(id: unknown): { decision: ChatDecision; resumePath: string } | undefined {
	if (typeof id !== 'string') return undefined;
	const match = /^n8nwait\|([ad])\|(.+)$/.exec(id);
	if (!match || !isResumePath(match[2])) return undefined;
	return { decision: match[1] === 'a' ? 'approve' : 'decline', resumePath: match[2] };
}

/** `expiresAt` in Unix seconds: when the wait ends at the latest. */
export function waitCallbackData(expiresAt: number, resumePath: string): string {
	return `${PREFIX}|t|${Math.ceil(expiresAt)}|${resumePath}`;
}

export function parseWaitCallbackData(data: unknown): { expiresAt: number; resumePath: string } | undefined {
	if (typeof data !== 'string') return undefined;
	const match = /^n8nwait\|t\|(\d{1,12})\|(.+)$/.exec(data);
	if (!match || !isResumePath(match[2])) return undefined;
	return { expiresAt: Number(match[1]), resumePath: match[2] };
}

/** The execution ID in a resume path (`…/<execution-id>/<node-id>?…`), for logs and the trigger's items. */
export function executionIdOfResumePath(resumePath: string): string | undefined {
	const segments = resumePath.split('?')[0].split('/').filter(Boolean);
	return segments.length >= 2 ? segments[segments.length - 2] : undefined;
}

/** WhatsApp IDs compared as WhatsApp does: digits only. */
export function sameWaId(a: unknown, b: unknown): boolean {
	const digits = (value: unknown) =>
		typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\D/g, '') : '';
	const left = digits(a);
	return left !== '' && left === digits(b);
}
