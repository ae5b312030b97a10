import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * What one wait remembers, so that its webhook() can tell a real answer from a forged or replayed one.
 *
 * Every wait gets a fresh random token, put in the resume URL (`?w=`) and kept in the execution's custom
 * data together with who was asked and which message asked. Custom data is saved with the waiting execution
 * and read back by the webhook() that resumes it (`this.customData`, which nodes have from n8n 2.16). n8n 2.x also signs the
 * resume URL (HMAC over path and query, `signature=`), so the token cannot be changed; the token itself makes
 * an old URL of the same node (a loop asking again) useless once a newer question replaced it.
 */

/** One key per execution: an execution waits on one node at a time. */
export const WAIT_RECORD_KEY = 'whatsAppCloudWait';
/** n8n truncates custom data values beyond this. */
const MAX_RECORD_LENGTH = 512;

export type ResponseType = 'approval' | 'freeText' | 'customForm';
export type AnswerIn = 'link' | 'chat';

export interface WaitRecord {
	/** ID of the node that waits. */
	node: string;
	/** The wait's one-time token (base64url, 128 bits). */
	token: string;
	/** WhatsApp ID the question went to (Meta's `contacts[0].wa_id`). */
	to: string;
	/** wamid of the question. */
	message: string;
	/** Business phone number ID that sent it. */
	phone: string;
	response: ResponseType;
	answerIn: AnswerIn;
	/** Approval: whether Decline is offered. */
	decline: boolean;
}

export const newWaitToken = (): string => randomBytes(16).toString('base64url');

function store(ctx: IExecuteFunctions, value: string): void {
	// n8n before 2.16 (the 1.x line included) gives nodes no execution custom data: say so before anything is sent.
	if (typeof (ctx as Partial<IExecuteFunctions>).customData?.set !== 'function') {
		throw new NodeOperationError(ctx.getNode(), 'Send and Wait for Response needs n8n 2.16 or newer', {
			itemIndex: 0,
			description:
				"This n8n version gives nodes no execution custom data, where the wait keeps its one-time token. Update n8n, or use n8n's own WhatsApp Business Cloud node for this step.",
		});
	}
	if (value.length > MAX_RECORD_LENGTH) {
		throw new NodeOperationError(ctx.getNode(), "The wait record is too long for n8n's execution custom data", {
			itemIndex: 0,
		});
	}
	ctx.customData.set(WAIT_RECORD_KEY, value);
	// n8n drops a new key silently when the execution already has 10 custom data keys.
	if (ctx.customData.get(WAIT_RECORD_KEY) !== value) {
		throw new NodeOperationError(
			ctx.getNode(),
			"Send and Wait could not store its wait in the execution's custom data",
			{
				itemIndex: 0,
				description: `It needs one custom data key ("${WAIT_RECORD_KEY}"); n8n allows 10 per execution. Set fewer custom data keys before this node.`,
			},
		);
	}
}

/** Claims the custom data key before anything is sent, so a run that cannot wait fails without sending. */
export function reserveWaitRecord(ctx: IExecuteFunctions): void {
	store(ctx, '{}');
}

export function saveWaitRecord(ctx: IExecuteFunctions, record: WaitRecord): void {
	store(ctx, JSON.stringify(record));
}

/** The record of the wait this execution is in, if it belongs to this node. */
export function readWaitRecord(ctx: IWebhookFunctions): WaitRecord | undefined {
	let raw: unknown;
	try {
		raw = ctx.customData.get(WAIT_RECORD_KEY);
	} catch {
		return undefined;
	}
	if (typeof raw !== 'string') return undefined;
	try {
		const record = JSON.parse(raw) as WaitRecord;
		return record && typeof record.token === 'string' && record.node === ctx.getNode().id ? record : undefined;
	} catch {
		return undefined;
	}
}

/** Constant-time comparison of the token in a resume call with the wait's own. */
export function tokenMatches(record: WaitRecord, token: unknown): boolean {
	if (typeof token !== 'string') return false;
	const given = Buffer.from(token);
	const expected = Buffer.from(record.token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The URL that resumes this execution at this node: n8n's signed resume URL (n8n 2.x), or, where n8n has no
 * `getSignedResumeUrl`, its unsigned `$execution.resumeUrl` with the node's path; the token protects both.
 */
export function resumeUrl(ctx: IExecuteFunctions, token: string): string {
	if (typeof ctx.getSignedResumeUrl === 'function') return ctx.getSignedResumeUrl({ w: token });
	const base = new URL(String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	base.search = '';
	base.pathname = `${base.pathname.replace(/\/+$/, '')}/${encodeURIComponent(ctx.getNode().id)}`;
	base.searchParams.set('w', token);
	return base.toString();
}
