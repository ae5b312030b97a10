import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { lookupGraphError, parseGraphError, redactSecrets } from '../../shared/GraphErrors';
import { graphBaseUrl } from '../../shared/graphApi';

/**
 * The credential's Test button. n8n runs a credential's declarative `test` request itself and, when it fails,
 * shows only the HTTP status text ("Unauthorized", "Bad Request"); this function (the node names it in
 * `testedBy`) reads the phone number and shows Meta's own error text with the error table's hint.
 */

interface LegacyResponse {
	statusCode: number;
	statusMessage?: string;
	body?: unknown;
}

const PHONE_FIELDS = 'display_phone_number,verified_name';

function fail(message: string, secret: string): INodeCredentialTestResult {
	let text = redactSecrets(message);
	// Meta never echoes the token, a proxy in front of it might.
	if (secret.length >= 8) text = text.split(secret).join('[redacted]');
	return { status: 'Error', message: text };
}

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** What the user reads when Graph refused the test request: what was read, Meta's words, then what to do. */
function describeTestFailure(phoneNumberId: string, response: LegacyResponse): string {
	const parsed = parseGraphError(response.body);
	const what = `Reading phone number ${phoneNumberId} failed`;
	if (!parsed) {
		const body = typeof response.body === 'string' ? response.body.trim().slice(0, 300) : '';
		const status = `HTTP ${response.statusCode}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
		return `${what} with ${status}${body ? `: ${body}` : ''}. Check the Base URL and the Graph API Version.`;
	}
	const metaText = parsed.message ?? parsed.title ?? 'no error text';
	const parts = [
		`${what}: ${parsed.code !== undefined && !/^\s*\(#\d+\)/.test(metaText) ? `(#${parsed.code}) ` : ''}${sentence(metaText)}`,
	];
	if (parsed.details) parts.push(sentence(parsed.details));
	// Graph's answer for an ID it does not know (code 100, subcode 33) says nothing about which field holds it.
	if (parsed.code === 100 && parsed.subcode === 33) {
		parts.push(`Check the Phone Number ID: Meta has no phone number ${phoneNumberId} that this token can read.`);
	} else {
		const info = parsed.code !== undefined ? lookupGraphError(parsed.code) : undefined;
		if (info) parts.push(info.hint);
	}
	if (parsed.fbtraceId) parts.push(`fbtrace_id: ${parsed.fbtraceId}`);
	return parts.join(' ');
}

export async function testWhatsAppCloudApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	const token = String(data.accessToken ?? '').trim();
	const phoneNumberId = String(data.phoneNumberId ?? '').trim();
	if (!token) return { status: 'Error', message: 'Access Token is empty' };
	if (!/^\d+$/.test(phoneNumberId)) {
		return {
			status: 'Error',
			message: `Phone Number ID must be the numeric ID from App Dashboard > WhatsApp > API Setup; got "${phoneNumberId}"`,
		};
	}
	const base = graphBaseUrl(data);
	// A credential test gets only the `request` helper (ICredentialTestFunctions has no httpRequest); the
	// community lint rule that prefers httpRequest looks for the name only (n8n-io/n8n#25190).
	const { request } = this.helpers;
	let response: LegacyResponse;
	try {
		response = (await request({
			method: 'GET',
			uri: `${base}/${phoneNumberId}`,
			qs: { fields: PHONE_FIELDS },
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		})) as LegacyResponse;
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		const detail = String((error as Error)?.message ?? error);
		return fail(
			`Could not reach ${base}${typeof code === 'string' ? ` (${code})` : ''}: ${detail}. Check the Base URL.`,
			token,
		);
	}
	if (response.statusCode < 200 || response.statusCode > 299)
		return fail(describeTestFailure(phoneNumberId, response), token);
	const phone = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as Record<
		string,
		unknown
	>;
	if (phone.id === undefined) {
		return fail(
			`${base} answered HTTP ${response.statusCode} without a phone number: it does not look like the Graph API. Check the Base URL.`,
			token,
		);
	}
	const name = phone.verified_name ? ` (${String(phone.verified_name)})` : '';
	return {
		status: 'OK',
		message: `Connected: phone number ${String(phone.display_phone_number ?? phoneNumberId)}${name}`,
	};
}
