import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { deliveryCredentials, type DeliveryCredentials } from './credentialCache';
import { dedupeKey, deliveryKey, type KeyedEvent } from './dedupe';
import { eventsFromWebhook, limitDepth, type WhatsAppEvent } from './events';
import { createEventFilter } from './filters';
import { itemsWithMedia } from './inboundMedia';
import { resumeWaitingExecutions } from './resumeWaiting';
import { skipSeen } from './seenEvents';
import { MAX_BODY_BYTES, nodeParameter, readOptions, signaturePolicy, VERIFY_TOKEN } from './settings';
import { signatureProblem, type SignatureProblem } from './signature';
import { answerVerification } from './verification';

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

function answer(res: Response, status: number, text: string): IWebhookResponseData {
	res.status(status).type('text/plain').send(text);
	return { noWebhookResponse: true };
}

/** Meta's GET verification of the callback URL (doc 39). */
function verify(ctx: IWebhookFunctions): IWebhookResponseData {
	const req = ctx.getRequestObject();
	const result = answerVerification(req.query as IDataObject, String(nodeParameter(ctx, VERIFY_TOKEN, '') ?? ''));
	const res = ctx.getResponseObject();
	return result.status === 200 ? answer(res, 200, result.challenge) : answer(res, 403, 'Forbidden');
}

/** At most one log line per trigger node per this many ms about refused deliveries; the rest are counted. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

const refusals = new Map<string, { loggedAt: number; unlogged: number }>();

const REFUSAL_REASONS: Record<SignatureProblem | 'noSecret', string> = {
	missing: 'it has no X-Hub-Signature-256 header',
	malformed: 'its X-Hub-Signature-256 header is not "sha256=" followed by 64 hex digits',
	mismatch:
		"its X-Hub-Signature-256 does not match the body signed with the credential's App Secret: check that the App Secret is the one of the Meta app that sends these webhooks",
	noSecret: 'Signature Check is Required but the credential has no App Secret',
};

/**
 * Says in n8n's log why a delivery was refused, so a user whose workflow never starts can find out. Never
 * logs the header or the secret, and at most once per REFUSAL_LOG_INTERVAL_MS per node, so a flood of forged
 * requests cannot flood the log.
 */
function logRefusal(ctx: IWebhookFunctions, reason: SignatureProblem | 'noSecret', now = Date.now()): void {
	const key = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	const state = refusals.get(key);
	if (state && now - state.loggedAt < REFUSAL_LOG_INTERVAL_MS) {
		state.unlogged++;
		return;
	}
	const earlier = state?.unlogged
		? ` (${state.unlogged} more refused in the previous minute, not logged one by one)`
		: '';
	refusals.delete(key);
	if (refusals.size >= 100) refusals.delete(refusals.keys().next().value as string);
	refusals.set(key, { loggedAt: now, unlogged: 0 });
	ctx.logger.warn(
		`WhatsApp Cloud Trigger "${ctx.getNode().name}" refused a webhook with 401: ${REFUSAL_REASONS[reason]}${earlier}`,
		{
			workflowId: ctx.getWorkflow().id,
			nodeName: ctx.getNode().name,
		},
	);
}

/** Forgets the refusal log state (tests). */
export function forgetRefusals(): void {
	refusals.clear();
}

/**
 * Each event with its dedupe key, handled on its own: an event that cannot be keyed (or is nested too deep
 * for n8n to copy) never takes the other events of the delivery with it.
 */
function keyEvents(ctx: IWebhookFunctions, events: WhatsAppEvent[], rawBody: Buffer): KeyedEvent[] {
	return events.map((event, index) => {
		try {
			if (limitDepth(event))
				ctx.logger.warn(
					`WhatsApp Cloud Trigger: a ${event.event} event nests too deep; its deepest values were replaced`,
				);
			return { event, key: dedupeKey(event) };
		} catch (error) {
			ctx.logger.warn(
				`WhatsApp Cloud Trigger: a ${event.event} event could not be keyed (${(error as Error).message}); keyed by the delivery instead`,
			);
			return { event, key: deliveryKey(event.event, rawBody, index) };
		}
	});
}

/** The events not seen before; all of them if the memory of seen events fails (a duplicate beats a loss). */
function skipSeenOrAll(ctx: IWebhookFunctions, events: KeyedEvent[]): KeyedEvent[] {
	try {
		return skipSeen(ctx, events);
	} catch (error) {
		ctx.logger.warn(
			`WhatsApp Cloud Trigger could not check for duplicates (${(error as Error).message}); every event is let through`,
		);
		return events;
	}
}

/** Resumes the Send and Wait executions this delivery answers; if that fails, every event goes on as usual. */
async function resumeWaitingOrAll(
	ctx: IWebhookFunctions,
	events: WhatsAppEvent[],
	rawOptions: IDataObject,
): Promise<WhatsAppEvent[]> {
	try {
		return await resumeWaitingExecutions(ctx, events, rawOptions);
	} catch (error) {
		ctx.logger.warn(
			`WhatsApp Cloud Trigger could not check for Send and Wait replies (${(error as Error).message}); every event is let through`,
		);
		return events;
	}
}

/**
 * A webhook POST: refused (413, 401, 400) without an execution when it is too big, not signed by the
 * app, or not JSON; otherwise answered 200 at once, then split into events, filtered, deduplicated and,
 * when asked, completed with media files. Never throws: Meta retries anything but a 200 for 7 days.
 */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getWebhookName() === 'setup') return verify(this);

	const req = this.getRequestObject();
	const res = this.getResponseObject();
	let rawBody: Buffer;
	let body: unknown;
	let credentials: DeliveryCredentials;
	try {
		rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(JSON.stringify(req.body ?? {}));
		if (rawBody.length > MAX_BODY_BYTES) return answer(res, 413, 'Payload Too Large');

		credentials = await deliveryCredentials(this);
		const hasSecret = typeof credentials.appSecret === 'string' && credentials.appSecret !== '';
		const policy = signaturePolicy(
			credentials,
			hasSecret ? 'required' : nodeParameter(this, 'signatureCheck', 'required'),
		);
		if (!policy) {
			logRefusal(this, 'noSecret');
			return answer(res, 401, 'Signature check is required but the credential has no App Secret');
		}
		if (policy.check) {
			const problem = signatureProblem(rawBody, req.headers['x-hub-signature-256'], policy.appSecret);
			if (problem) {
				logRefusal(this, problem);
				return answer(res, 401, 'Invalid signature');
			}
		}

		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return answer(res, 400, 'Body is not JSON');
		}
		answer(res, 200, 'EVENT_RECEIVED');
	} catch (error) {
		if (!res.headersSent) answer(res, 500, 'Internal error');
		this.logger.error(`WhatsApp Cloud Trigger could not handle a webhook: ${(error as Error).message}`);
		return { noWebhookResponse: true };
	}

	// Meta has its 200 and will not send this delivery again: from here on, nothing may lose its events.
	try {
		const rawOptions = nodeParameter(this, 'options', {}) as IDataObject;
		const options = readOptions(rawOptions);
		const delivered = await resumeWaitingOrAll(this, eventsFromWebhook(body), rawOptions);
		let events = keyEvents(this, delivered.filter(createEventFilter(options)), rawBody);
		if (options.skipDuplicates) events = skipSeenOrAll(this, events);
		if (events.length === 0) return { noWebhookResponse: true };
		// In queue mode each webhook process only remembers its own deliveries; this key lets a Remove Duplicates
		// node (which n8n backs with its database) drop redeliveries across processes.
		const emitted = events.map(({ event, key }) => Object.assign(event, { dedupeKey: key }));
		const items = options.downloadMedia
			? await itemsWithMedia(this, emitted, options.binaryPropertyName, credentials)
			: emitted.map((event) => ({ json: event as unknown as IDataObject }));
		return { noWebhookResponse: true, workflowData: [items] };
	} catch (error) {
		this.logger.error(`WhatsApp Cloud Trigger could not handle a webhook it accepted: ${(error as Error).message}`);
		return { noWebhookResponse: true };
	}
}
