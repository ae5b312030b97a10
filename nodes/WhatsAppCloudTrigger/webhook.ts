import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/graphApi';
import { dedupeKey } from './dedupe';
import { eventsFromWebhook } from './events';
import { filterEvents } from './filters';
import { itemsWithMedia } from './media';
import { resumeWaitingExecutions } from './resumeWaiting';
import { skipSeen } from './seenEvents';
import { MAX_BODY_BYTES, readOptions, signaturePolicy } from './settings';
import { isValidSignature } from './signature';
import { answerVerification } from './verification';

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

function answer(res: Response, status: number, text: string): IWebhookResponseData {
	res.status(status).type('text/plain').send(text);
	return { noWebhookResponse: true };
}

/** Meta's GET verification of the callback URL (doc 39). */
function verify(ctx: IWebhookFunctions): IWebhookResponseData {
	const req = ctx.getRequestObject();
	const result = answerVerification(req.query as IDataObject, ctx.getNodeParameter('verifyToken', '') as string);
	const res = ctx.getResponseObject();
	return result.status === 200 ? answer(res, 200, result.challenge) : answer(res, 403, 'Forbidden');
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
	try {
		const rawBody: Buffer = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(JSON.stringify(req.body ?? {}));
		if (rawBody.length > MAX_BODY_BYTES) return answer(res, 413, 'Payload Too Large');

		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const policy = signaturePolicy(credentials, this.getNodeParameter('signatureCheck', 'required'));
		if (!policy) return answer(res, 401, 'Signature check is required but the credential has no App Secret');
		if (policy.check && !isValidSignature(rawBody, req.headers['x-hub-signature-256'], policy.appSecret)) {
			return answer(res, 401, 'Invalid signature');
		}

		let body: unknown;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return answer(res, 400, 'Body is not JSON');
		}

		answer(res, 200, 'EVENT_RECEIVED');

		const rawOptions = this.getNodeParameter('options', {}) as IDataObject;
		const options = readOptions(rawOptions);
		let events = filterEvents(await resumeWaitingExecutions(this, eventsFromWebhook(body), rawOptions), options);
		if (options.skipDuplicates) events = skipSeen(this, events);
		if (events.length === 0) return { noWebhookResponse: true };
		// In queue mode each webhook process only remembers its own deliveries; this key lets a Remove Duplicates
		// node (which n8n backs with its database) drop redeliveries across processes.
		for (const event of events) Object.assign(event, { dedupeKey: dedupeKey(event) });

		const items = options.downloadMedia
			? await itemsWithMedia(this, events, options.binaryPropertyName)
			: events.map((event) => ({ json: event as unknown as IDataObject }));
		return { noWebhookResponse: true, workflowData: [items] };
	} catch (error) {
		if (!res.headersSent) answer(res, 500, 'Internal error');
		this.logger.error(`WhatsApp Cloud Trigger could not handle a webhook: ${(error as Error).message}`);
		return { noWebhookResponse: true };
	}
}
