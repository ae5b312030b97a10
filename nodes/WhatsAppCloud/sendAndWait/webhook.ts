import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { CHAT_REPLY_FIELD, sameWaId, type ChatReply } from '../../shared/waitingReplies';
import { DEFAULT_APPROVE_LABEL, DEFAULT_DECLINE_LABEL } from './description';
import { readFormAnswer, readFormFields } from './formFields';
import {
	answeredPage,
	approvalPage,
	customFormPage,
	freeTextPage,
	noLongerValidPage,
	PAGE_CSP,
	type FormPageText,
} from './pages';
import { readWaitRecord, tokenMatches, type WaitRecord } from './waitRecord';

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

function sendPage(res: Response, status: number, html: string): void {
	res.status(status);
	res.setHeader('Content-Security-Policy', PAGE_CSP);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	res.send(html);
}

function sendJson(res: Response, status: number, body: IDataObject): void {
	res.status(status);
	res.setHeader('Cache-Control', 'no-store');
	res.json(body);
}

/** The resumed node's output: n8n's send-and-wait shape (`data`) plus who answered, how, and to which message. */
function answerItem(
	record: WaitRecord,
	data: IDataObject,
	respondedAt: string,
	via: 'chat' | 'link',
	reply?: ChatReply,
): INodeExecutionData {
	return {
		json: {
			data: { ...data, respondedAt },
			respondedVia: via,
			respondent: reply ? { waId: reply.from, name: reply.name } : null,
			messageId: record.message,
			replyMessageId: reply?.messageId ?? null,
		},
		pairedItem: { item: 0 },
	};
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readChatReply(raw: unknown): ChatReply | undefined {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const reply = raw as IDataObject;
	if (reply.kind !== 'button' && reply.kind !== 'text') return undefined;
	if (typeof reply.from !== 'string' || reply.from === '') return undefined;
	const nullable = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
	return {
		kind: reply.kind,
		decision: reply.decision === 'approve' || reply.decision === 'decline' ? reply.decision : undefined,
		text: typeof reply.text === 'string' ? reply.text : undefined,
		from: reply.from,
		name: nullable(reply.name),
		messageId: nullable(reply.messageId),
		contextId: nullable(reply.contextId),
		timestamp: typeof reply.timestamp === 'number' && Number.isFinite(reply.timestamp) ? reply.timestamp : null,
		phoneNumberId: nullable(reply.phoneNumberId),
	};
}

/** Why an in-chat reply cannot answer this wait, or undefined when it does. */
function chatReplyProblem(record: WaitRecord, reply: ChatReply): string | undefined {
	if (record.answerIn !== 'chat') return 'this wait is answered through its link';
	if (reply.phoneNumberId !== null && reply.phoneNumberId !== record.phone)
		return 'the reply reached another business number';
	if (!sameWaId(reply.from, record.to)) return 'the reply comes from another person';
	if (reply.kind === 'button') {
		if (record.response !== 'approval' || reply.decision === undefined) return 'this wait expects no button reply';
		if (reply.decision === 'decline' && !record.decline) return 'this wait offers no Decline';
		// Doc 52: a reply to (or interaction with) a business message carries `context.id`, the message it answers.
		if (reply.contextId !== record.message) return 'the button belongs to another message';
		return undefined;
	}
	if (record.response !== 'freeText' || text(reply.text).trim() === '') return 'this wait expects no text reply';
	if (reply.contextId !== null && reply.contextId !== record.message) return 'the text replies to another message';
	return undefined;
}

/** A reply the WhatsApp Cloud Trigger forwards from the chat; answered with JSON the trigger reads. */
function chatAnswer(res: Response, record: WaitRecord | undefined, raw: unknown): IWebhookResponseData {
	const reply = readChatReply(raw);
	if (!reply) {
		sendJson(res, 400, { resumed: false, reason: 'not a WhatsApp reply' });
		return { noWebhookResponse: true };
	}
	if (!record) {
		sendJson(res, 409, { resumed: false, reason: 'no wait matches this resume URL' });
		return { noWebhookResponse: true };
	}
	const problem = chatReplyProblem(record, reply);
	if (problem) {
		sendJson(res, 403, { resumed: false, reason: problem });
		return { noWebhookResponse: true };
	}
	const data: IDataObject = reply.kind === 'button' ? { approved: reply.decision === 'approve' } : { text: reply.text };
	const respondedAt = new Date(reply.timestamp !== null ? reply.timestamp * 1000 : Date.now()).toISOString();
	sendJson(res, 200, { resumed: true });
	return { noWebhookResponse: true, workflowData: [[answerItem(record, data, respondedAt, 'chat', reply)]] };
}

function pageText(ctx: IWebhookFunctions): FormPageText {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		title: text(options.responseFormTitle),
		description: text(options.responseFormDescription) || text(ctx.getNodeParameter('message', '')),
		buttonLabel: text(options.responseFormButtonLabel) || 'Submit',
	};
}

function approvalLabels(ctx: IWebhookFunctions, record: WaitRecord): { approve: string; decline?: string } {
	const approval = ctx.getNodeParameter('approvalOptions.values', {}) as IDataObject;
	return {
		approve: text(approval.approveLabel) || DEFAULT_APPROVE_LABEL,
		decline: record.decline ? text(approval.disapproveLabel) || DEFAULT_DECLINE_LABEL : undefined,
	};
}

function formFields(ctx: IWebhookFunctions) {
	return readFormFields(
		ctx.getNodeParameter('defineForm', 'fields'),
		ctx.getNodeParameter('formFields', {}),
		ctx.getNodeParameter('jsonOutput', '[]'),
	);
}

/** GET on the link: the approval page, the free-text form or the custom form. */
function showQuestion(ctx: IWebhookFunctions, res: Response, record: WaitRecord): IWebhookResponseData {
	if (record.response === 'approval') {
		const labels = approvalLabels(ctx, record);
		sendPage(res, 200, approvalPage(text(ctx.getNodeParameter('message', '')), labels.approve, labels.decline));
	} else if (record.response === 'freeText') {
		sendPage(res, 200, freeTextPage(pageText(ctx)));
	} else {
		sendPage(res, 200, customFormPage(pageText(ctx), formFields(ctx)));
	}
	return { noWebhookResponse: true };
}

/** The posted fields: urlencoded pages give them as the body, multipart ones under `data` (n8n's parser). */
function postedFields(body: IDataObject): IDataObject {
	const data = body.data;
	return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : body;
}

/** POST from the page the link opened. */
function linkAnswer(
	ctx: IWebhookFunctions,
	res: Response,
	record: WaitRecord,
	body: IDataObject,
): IWebhookResponseData {
	const fields = postedFields(body);
	const now = new Date().toISOString();
	let data: IDataObject;
	if (record.response === 'approval') {
		const approved = text(fields.approved);
		if (approved !== 'true' && !(approved === 'false' && record.decline)) {
			const labels = approvalLabels(ctx, record);
			sendPage(res, 400, approvalPage(text(ctx.getNodeParameter('message', '')), labels.approve, labels.decline));
			return { noWebhookResponse: true };
		}
		data = { approved: approved === 'true' };
	} else if (record.response === 'freeText') {
		const answer = text(fields.text);
		if (answer.trim() === '') {
			sendPage(res, 400, freeTextPage(pageText(ctx), ['Response is required']));
			return { noWebhookResponse: true };
		}
		data = { text: answer };
	} else {
		const form = formFields(ctx);
		const answer = readFormAnswer(form, fields);
		if (!answer.ok) {
			sendPage(res, 400, customFormPage(pageText(ctx), form, answer.problems));
			return { noWebhookResponse: true };
		}
		data = answer.data;
	}
	sendPage(res, 200, answeredPage());
	return { noWebhookResponse: true, workflowData: [[answerItem(record, data, now, 'link')]] };
}

/**
 * The webhook of a waiting Send and Wait execution (n8n has already checked the URL's signature in 2.x):
 * only a call carrying the current wait's token is served; everything else leaves the execution waiting.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	const record = readWaitRecord(this);
	const current =
		record !== undefined && tokenMatches(record, (req.query as IDataObject | undefined)?.w) ? record : undefined;
	const body = (req.body ?? {}) as IDataObject;
	try {
		if (req.method === 'POST' && body[CHAT_REPLY_FIELD] !== undefined)
			return chatAnswer(res, current, body[CHAT_REPLY_FIELD]);
		if (!current) {
			sendPage(res, 403, noLongerValidPage());
			return { noWebhookResponse: true };
		}
		return req.method === 'GET' ? showQuestion(this, res, current) : linkAnswer(this, res, current, body);
	} catch (error) {
		// The form definition was checked when the question was sent; it can only fail here if it changed since.
		const message = error instanceof InputError ? error.message : 'The page could not be built';
		if (!res.headersSent) sendJson(res, 500, { error: message });
		return { noWebhookResponse: true };
	}
}
