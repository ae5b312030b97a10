/**
 * Message > Send and Wait for Response: the operation's form (description.ts, formFields.ts), the custom
 * operation that asks and waits (operation.ts: message.ts builds the question, send.ts sends it, waitRecord.ts
 * remembers the wait) and the webhook() n8n calls to resume it (webhook.ts, pages.ts).
 */
import { SEND_AND_WAIT } from './description';
import { sendAndWait } from './operation';

export {
	SEND_AND_WAIT,
	sendAndWaitFields,
	sendAndWaitOperation,
	sendAndWaitTooltip,
	sendAndWaitWebhooks,
} from './description';
export { requestOptionsProperty } from './requestOptions';
export { sendAndWaitWebhook } from './webhook';

/** The node's `customOperations.message` entry. */
export const sendAndWaitCustomOperations = { [SEND_AND_WAIT]: sendAndWait };
