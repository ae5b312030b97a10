import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { holdsExpression } from '../shared/nodeParameters';
import type { EventFilterOptions } from './filters';
import { fieldOfEvent } from './webhookFields';

export { fieldOfEvent };

/** Largest webhook body Meta sends (doc 31: "up to 3 MB"); anything bigger is refused. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * The Verify Token parameter. It is shown in clear (not a password field): the user types the same string into
 * Meta's App Dashboard, and Meta sends it back in the verification request, so it guards nothing once set.
 */
export const VERIFY_TOKEN = 'verifyToken';

export interface TriggerOptions extends EventFilterOptions {
	downloadMedia: boolean;
	binaryPropertyName: string;
	skipDuplicates: boolean;
}

const list = (value: unknown): string[] =>
	(Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
		.filter((v): v is string => typeof v === 'string')
		.map((v) => v.trim())
		.filter((v) => v !== '');

export function readOptions(raw: IDataObject): TriggerOptions {
	return {
		events: list(raw.events),
		messageTypes: list(raw.messageTypes),
		statuses: list(raw.statuses),
		phoneNumberIds: list(raw.phoneNumberIds),
		downloadMedia: raw.downloadMedia === true,
		binaryPropertyName:
			typeof raw.binaryPropertyName === 'string' && raw.binaryPropertyName.trim()
				? raw.binaryPropertyName.trim()
				: 'data',
		skipDuplicates: raw.skipDuplicates !== false,
	};
}

/** Fields to subscribe: the chosen ones plus those the Events option needs, `messages` when nothing is chosen. */
export function subscriptionFields(webhookFields: unknown, events: unknown): string[] {
	const fields = new Set([...list(webhookFields), ...list(events).map(fieldOfEvent)]);
	if (fields.size === 0) fields.add('messages');
	return [...fields].sort();
}

export type SignaturePolicy = { check: true; appSecret: string } | { check: false };

/**
 * With an App Secret, signatures are always checked. Without one, only an explicit `off` lets webhooks
 * in; otherwise the trigger is misconfigured (undefined).
 */
export function signaturePolicy(
	credentials: ICredentialDataDecryptedObject,
	signatureCheck: unknown,
): SignaturePolicy | undefined {
	const appSecret = typeof credentials.appSecret === 'string' ? credentials.appSecret : '';
	if (appSecret !== '') return { check: true, appSecret };
	return signatureCheck === 'off' ? { check: false } : undefined;
}

/**
 * A node parameter as getNodeParameter gives it, but read straight from the node when it holds no
 * expression: the node's parameters already carry n8n's defaults, and a webhook answers Meta faster without
 * a trip through the expression engine for values that are plain text.
 */
export function nodeParameter(ctx: IWebhookFunctions | IHookFunctions, name: string, fallback: unknown): unknown {
	const raw = ctx.getNode().parameters?.[name];
	if (raw === undefined) return fallback;
	return holdsExpression(raw) ? ctx.getNodeParameter(name, fallback) : raw;
}
