import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/graphApi';

/**
 * How long, in ms, one read of the credential serves the deliveries of one trigger node in this process.
 * n8n reads a credential from its database, decrypts it and resolves its expressions on every
 * getCredentials; at Meta's volumes (hundreds of deliveries a second) that read dominates the answer. An
 * edited credential (a new App Secret) therefore applies to deliveries within this time; deliveries refused
 * meanwhile are retried by Meta.
 */
export const CREDENTIAL_TTL_MS = 10_000;

/** Trigger nodes whose credential is kept at most; the least recently stored goes first. */
const MAX_ENTRIES = 100;

/** Only what a delivery needs: the App Secret (signatures) and where the Graph API is (media). */
export type DeliveryCredentials = Pick<ICredentialDataDecryptedObject, 'appSecret' | 'baseUrl' | 'apiVersion'>;

const cache = new Map<string, { credentials: DeliveryCredentials; until: number }>();

/**
 * The credential fields a delivery needs, read at most once per CREDENTIAL_TTL_MS per node and credential.
 * A test listen always reads afresh: the user may just have edited the credential.
 */
export async function deliveryCredentials(ctx: IWebhookFunctions, now = Date.now()): Promise<DeliveryCredentials> {
	const credentialId = ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	const key = credentialId ? `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}:${credentialId}` : undefined;
	const hit = key && ctx.getMode() !== 'manual' ? cache.get(key) : undefined;
	if (hit && hit.until > now) return hit.credentials;

	const { appSecret, baseUrl, apiVersion } = await ctx.getCredentials(CREDENTIAL_TYPE);
	const credentials: DeliveryCredentials = { appSecret, baseUrl, apiVersion };
	if (key) {
		cache.delete(key);
		if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
		cache.set(key, { credentials, until: now + CREDENTIAL_TTL_MS });
	}
	return credentials;
}

/** Forgets every kept credential (tests change credentials between deliveries). */
export function forgetCredentials(): void {
	cache.clear();
}
