import { NodeApiError } from 'n8n-workflow';
import type { Failure, INode, JsonObject } from 'n8n-workflow';

/**
 * What Meta's answer means for sending the same request again. The send pipeline decides from this column alone.
 * - `throughput`: the sender's message rate (130429). Nothing was accepted: slow this number down, then send again.
 * - `pair`: too many messages to one recipient (131056). Nothing was accepted: wait 4^X seconds for that recipient only.
 * - `rate`: an app or account call limit (4, 80007). Nothing was accepted: wait, then send again.
 * - `transient`: a passing fault at Meta (2, 131057, 133004). Nothing was accepted: wait, then send again.
 * - `later`: nothing was accepted and the same request can succeed, but only after minutes to days; not repeated in a run.
 * - `maybe`: the outcome is unknown; sending again could deliver the message twice. Never repeated.
 * - `never`: fails again until the request, the account, the template or the recipient changes.
 */
export type RetryClass = 'throughput' | 'pair' | 'rate' | 'transient' | 'later' | 'maybe' | 'never';

/** Classes where Meta accepted nothing, so the same request may be sent again (class "RS" of the error code table in test/fixtures/docs/errors/error-codes-all-pages.md). */
export const SAFE_TO_REPEAT: ReadonlySet<RetryClass> = new Set<RetryClass>([
	'throughput',
	'pair',
	'rate',
	'transient',
	'later',
]);

/** Classes the send pipeline repeats within one run, after waiting. */
export const RETRIED_IN_RUN: ReadonlySet<RetryClass> = new Set<RetryClass>(['throughput', 'pair', 'rate', 'transient']);

export interface GraphErrorInfo {
	/** The code, or the first code of a range. */
	code: number;
	/** Last code of a range, inclusive (200-299 "API Permission"). */
	codeTo?: number;
	/** Meta's title, as in the error codes page (doc 86) or the page that documents the code. */
	title: string;
	/** What the user should do, in plain words. */
	hint: string;
	retry: RetryClass;
	/** HTTP status the docs give for the code. */
	httpStatus?: number;
	/** Why it failed, in n8n's terms (lets n8n tell rate limits and dead credentials apart). */
	failure?: Failure;
}

const rateLimited: Failure = { cause: 'rate-limited' };
const unavailable: Failure = { cause: 'temporarily-unavailable' };
const badCredential: Failure = { cause: 'credential-invalid' };
const badConfiguration: Failure = { cause: 'configuration-invalid' };

const CHECK_PERMISSIONS =
	"Check the token's permissions (whatsapp_business_messaging, whatsapp_business_management) in the access token debugger.";

/**
 * Every code of doc 86 (error codes), plus the codes other pages document. Retry classes follow the classification
 * in test/fixtures/docs/errors/error-codes-all-pages.md, which names each code's pages.
 */
export const GRAPH_ERROR_CODES: readonly GraphErrorInfo[] = [
	// Authorization (doc 86)
	{
		code: 0,
		title: 'AuthException',
		hint: 'The access token has expired or was invalidated. Create a new access token and update the credential.',
		retry: 'never',
		httpStatus: 401,
		failure: badCredential,
	},
	{
		code: 3,
		title: 'API Method',
		hint: `The token lacks a permission this endpoint needs. ${CHECK_PERMISSIONS}`,
		retry: 'never',
		httpStatus: 500,
	},
	{
		code: 10,
		title: 'Permission Denied',
		hint: `A permission this request needs is missing. ${CHECK_PERMISSIONS} Setting the business public key also needs an allowlisted number.`,
		retry: 'never',
		httpStatus: 403,
	},
	{
		code: 190,
		title: 'Access token has expired',
		hint: 'Create a new access token (a System User token can be made non-expiring) and update the credential.',
		retry: 'never',
		httpStatus: 401,
		failure: badCredential,
	},
	{
		code: 200,
		codeTo: 299,
		title: 'API Permission',
		hint: `A permission this request needs is not granted or was removed. ${CHECK_PERMISSIONS}`,
		retry: 'never',
		httpStatus: 403,
	},
	// Integrity (doc 86)
	{
		code: 368,
		title: 'Temporarily blocked for policies violations',
		hint: 'The WhatsApp Business Account was restricted for a policy violation. Resolve it under Policy Enforcement in WhatsApp Manager.',
		retry: 'never',
		httpStatus: 403,
	},
	{
		code: 130497,
		title: 'Business account is restricted from messaging users in this country.',
		hint: "Your business category may not message users in this recipient's country. See the WhatsApp Business Messaging Policy.",
		retry: 'never',
		httpStatus: 403,
	},
	{
		code: 131031,
		title: 'Account has been locked',
		hint: 'The WhatsApp Business Account is locked: a policy violation, or data in the request (e.g. the two-step PIN) did not match. Check Policy Enforcement and the Health Status of the account.',
		retry: 'never',
		httpStatus: 403,
	},
	// Other (doc 86)
	{
		code: 1,
		title: 'API Unknown',
		hint: 'Invalid request or a server problem. Check metastatus.com for an outage; if there is none, check the request against the API reference.',
		retry: 'maybe',
		httpStatus: 400,
	},
	{
		code: 2,
		title: 'API Service',
		hint: 'The API is temporarily down or overloaded (updates can take up to 5 minutes). Wait a few minutes and try again.',
		retry: 'transient',
		httpStatus: 503,
		failure: unavailable,
	},
	{
		code: 33,
		title: 'Parameter value is not valid',
		hint: 'This business phone number has been deleted. Check the Phone Number ID.',
		retry: 'never',
		httpStatus: 400,
		failure: badConfiguration,
	},
	{
		code: 100,
		title: 'Invalid parameter',
		hint: 'A parameter is unsupported, misspelled, too long or has a bad value. The details name the parameter; check it against the API reference.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 130472,
		title: "User's number is part of an experiment",
		hint: "The recipient is in Meta's marketing message experiment, so this marketing template was not sent. Sending again gives the same result.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131000,
		title: 'Something went wrong',
		hint: 'Meta failed for an unknown reason. Try again; if it keeps failing, open a Direct Support ticket with the fbtrace_id.',
		retry: 'maybe',
		httpStatus: 500,
	},
	{
		code: 131005,
		title: 'Access denied',
		hint: `A permission this request needs is not granted or was removed. ${CHECK_PERMISSIONS}`,
		retry: 'never',
		httpStatus: 403,
	},
	{
		code: 131008,
		title: 'Required parameter is missing',
		hint: 'A required parameter is missing. The details name it.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131009,
		title: 'Parameter value is not valid',
		hint: 'A parameter has an invalid value (for reactions: the message is older than 30 days, deleted, a reaction, or not in this chat). The details name the parameter.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131016,
		title: 'Service unavailable',
		hint: 'A WhatsApp service is temporarily unavailable. Check metastatus.com and try again later.',
		retry: 'maybe',
		httpStatus: 500,
		failure: unavailable,
	},
	{
		code: 131021,
		title: 'Recipient cannot be sender',
		hint: 'The recipient is the sending business number itself. Send to a different number.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131026,
		title: 'Message Undeliverable',
		hint: 'The recipient cannot get this message: the number may not be on WhatsApp, or they have not accepted the latest Terms of Service, or their app is outdated. Ask them through another channel to check and update WhatsApp.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131037,
		title: 'WhatsApp provided number needs display name approval before message can be sent.',
		hint: 'This 555 number has no approved display name yet. Set a display name in WhatsApp Manager and wait for approval.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131042,
		title: 'Business eligibility payment issue',
		hint: "There is a problem with the account's payment method (none attached, credit line over limit, account suspended, ...). Check billing for the WhatsApp Business Account.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131045,
		title: 'Incorrect certificate',
		hint: 'The phone number is not properly registered. Register it, then send again.',
		retry: 'never',
		httpStatus: 500,
	},
	{
		code: 131047,
		title: 'Re-engagement message',
		hint: 'More than 24 hours have passed since the customer last wrote. Send an approved template instead.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131049,
		title: 'Meta chose not to deliver.',
		hint: 'Meta held this marketing message back to limit marketing per user. Do not retry right away; retry later with growing delays.',
		retry: 'later',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 131051,
		title: 'Unsupported message type',
		hint: 'This message type is not supported. Use one of the documented message types.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131052,
		title: 'Media download error',
		hint: "The customer's media could not be downloaded (e.g. over 100 MB). Ask them to send the file another way.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131053,
		title: 'Media upload error',
		hint: "The media could not be used, often because its type is not supported. Check the file's real MIME type against the supported media types and sizes.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131057,
		title: 'Account in maintenance mode',
		hint: 'The business account is in maintenance, e.g. during a throughput upgrade (about a minute). Try again shortly.',
		retry: 'transient',
		httpStatus: 500,
		failure: unavailable,
	},
	{
		code: 132000,
		title: 'Template Param Count Mismatch',
		hint: "The number of parameters does not match the template's variables. Send exactly one value per variable.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132001,
		title: 'Template does not exist',
		hint: 'No approved template has this name in this language. Check the template name, the language code and the approval status.',
		retry: 'never',
		httpStatus: 404,
	},
	{
		code: 132005,
		title: 'Template Hydrated Text Too Long',
		hint: 'The template text is too long once the parameters are filled in. Shorten the values and check the translation in WhatsApp Manager.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132007,
		title: 'Template Format Character Policy Violated',
		hint: "The template content violates a WhatsApp policy. Check the template's rejection reasons and edit it.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132012,
		title: 'Template Parameter Format Mismatch',
		hint: 'A parameter value is not in the format the template expects. Check the parameter types (text, currency, date, media).',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132015,
		title: 'Template is Paused',
		hint: 'The template is paused for low quality. Edit it and send again once it is approved.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132016,
		title: 'Template is Disabled',
		hint: 'The template was paused too often and is now disabled for good. Create a new template with different content.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132068,
		title: 'Flow is blocked',
		hint: 'The Flow is blocked. Fix the Flow before sending it.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 132069,
		title: 'Flow is throttled',
		hint: 'The Flow is throttled and already sent 10 messages in the last hour. Fix the Flow, or wait an hour.',
		retry: 'later',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 133000,
		title: 'Incomplete Deregistration',
		hint: 'A previous deregistration failed. Deregister the number again, then register it.',
		retry: 'never',
		httpStatus: 500,
	},
	{
		code: 133004,
		title: 'Server Temporarily Unavailable',
		hint: 'The server is temporarily unavailable. Check metastatus.com and the details, then try again.',
		retry: 'transient',
		httpStatus: 503,
		failure: unavailable,
	},
	{
		code: 133005,
		title: 'Two step verification PIN Mismatch',
		hint: 'The two-step verification PIN is wrong. Use the right PIN, or disable two-step verification in WhatsApp Manager and set a new one.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 133006,
		title: 'Phone number re-verification needed',
		hint: 'Verify the phone number (request and enter a code) before registering it.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 133008,
		title: 'Too Many two step verification PIN Guesses',
		hint: 'Too many wrong PINs. Wait for the time given in the details, then try again.',
		retry: 'later',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 133009,
		title: 'Two step verification PIN Guessed Too Fast',
		hint: 'PINs were entered too quickly. Wait as the details say, then try again.',
		retry: 'later',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 133010,
		title: 'Phone number Not Registered',
		hint: 'Register the phone number with the Cloud API first.',
		retry: 'never',
		httpStatus: 400,
		failure: badConfiguration,
	},
	{
		code: 133015,
		title: 'Please wait a few minutes before attempting to register this phone number',
		hint: 'The number was deleted recently and the deletion is still running. Wait 5 minutes, then register again.',
		retry: 'later',
		httpStatus: 400,
	},
	{
		code: 135000,
		title: 'Generic user error',
		hint: 'Meta rejected the request parameters for an unknown reason. Check the request against the API reference; contact Meta support if it persists.',
		retry: 'never',
		httpStatus: 400,
	},
	// Synchronization (doc 86)
	{
		code: 2593107,
		title: 'Synchronization Request limit exceeded',
		hint: 'Contacts and message history can each be synchronized only once. Offboard and re-onboard the business customer to synchronize again.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 2593108,
		title: 'Synchronization Request made outside of allowed time window',
		hint: 'Synchronization must start within 24 hours of onboarding. Offboard and re-onboard the user.',
		retry: 'never',
		httpStatus: 400,
	},
	// Throttling (doc 86)
	{
		code: 4,
		title: 'API Too Many Calls',
		hint: 'The app reached its API call rate limit. Wait, then make fewer or less frequent calls.',
		retry: 'rate',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 80007,
		title: 'Rate limit issues',
		hint: 'The WhatsApp Business Account reached its rate limit. Wait, then make fewer or less frequent calls.',
		retry: 'rate',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 130429,
		title: 'Rate limit hit',
		hint: "The phone number's throughput limit (80 messages per second by default) was reached. The node slows down and sends again by itself; if this persists, lower Options > Messages Per Second or raise Retry Attempts.",
		retry: 'throughput',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 131048,
		title: 'Spam rate limit hit',
		hint: "Sending from this number is restricted because earlier messages were blocked or reported as spam. Check the number's quality rating in WhatsApp Manager.",
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 131056,
		title: '(Business Account, Consumer Account) pair rate limit hit',
		hint: 'Too many messages to this recipient in a short time (about one every 6 seconds). The node waits 4^X seconds for this recipient only, within Options > Retry Attempts and Max Wait; then wait longer.',
		retry: 'pair',
		httpStatus: 400,
		failure: rateLimited,
	},
	{
		code: 133016,
		title: 'Account register deregister rate limit exceeded',
		hint: 'Too many register/deregister attempts for this number (10 in 72 hours). Wait until it is unblocked, up to 72 hours.',
		retry: 'later',
		httpStatus: 400,
		failure: rateLimited,
	},
	// Documented on other pages
	{
		code: 131050,
		title:
			'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business',
		hint: 'The recipient stopped marketing messages from your business. Do not send them marketing templates.',
		retry: 'never',
	},
	{
		code: 137000,
		title: 'Confirm the correct Recipient Identity Key Hash or send without any identity key hash',
		hint: "The recipient's identity key changed and no longer matches the hash sent. Confirm the new hash or send without one.",
		retry: 'never',
	},
	{
		code: 139100,
		title: 'Failed to block/unblock some users',
		hint: 'Some users could not be blocked or unblocked. See failed_users in the response for each reason.',
		retry: 'never',
		httpStatus: 400,
	},
	{
		code: 139101,
		title: 'Blocklist limit reached',
		hint: 'The block list is full (64,000 users). Unblock users before blocking more.',
		retry: 'never',
	},
	{
		code: 139102,
		title: 'Blocklist concurrent update',
		hint: 'The block list changed while it was being read. Start again from the first page.',
		retry: 'transient',
	},
	{
		code: 139103,
		title: 'Internal error',
		hint: 'Internal error at Meta. Try again.',
		retry: 'maybe',
	},
	{
		code: 141002,
		title: 'Message templates can only be sent out if they are approved.',
		hint: 'Only approved templates can be sent. Wait for approval or choose an approved template.',
		retry: 'never',
	},
	{
		code: 1026,
		title: 'Receiver Incapable',
		hint: "The recipient's WhatsApp cannot show this message type (e.g. address messages). Send another message type.",
		retry: 'never',
	},
	{
		code: 2040,
		title: 'Message is not supported',
		hint: 'The recipient cannot receive this message. Reach them another way.',
		retry: 'never',
	},
	{
		code: 2046,
		title: 'Invalid status transition',
		hint: 'The order status cannot change this way. Send a valid next status for the order.',
		retry: 'never',
	},
	{
		code: 2047,
		title: 'Cannot cancel order',
		hint: 'The order cannot be canceled, e.g. because it is already paid.',
		retry: 'never',
	},
	{
		code: 500,
		title: 'Generic error',
		hint: 'System error at Meta. Try again.',
		retry: 'maybe',
	},
];

const BY_CODE = new Map(GRAPH_ERROR_CODES.filter((e) => e.codeTo === undefined).map((e) => [e.code, e]));
const RANGES = GRAPH_ERROR_CODES.filter((e) => e.codeTo !== undefined);

export function lookupGraphError(code: number): GraphErrorInfo | undefined {
	return BY_CODE.get(code) ?? RANGES.find((e) => code >= e.code && code <= (e.codeTo as number));
}

export interface ParsedGraphError {
	code?: number;
	title?: string;
	message?: string;
	details?: string;
	type?: string;
	fbtraceId?: string;
	subcode?: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

function integer(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
	return undefined;
}

/** Graph has no title property; the title is `message` without its code: "(#130429) Rate limit hit". */
const CODE_PREFIX = /^\s*\(#(\d+)\)\s*/;

/** Strings and Buffers hold JSON (or an HTML/plain error page); objects are used as they are. */
function toBody(body: unknown): unknown {
	let raw = body;
	if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
	else if (raw instanceof ArrayBuffer) raw = Buffer.from(raw).toString('utf8');
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function readDetails(errorData: unknown): string | undefined {
	if (isObject(errorData)) return text(errorData.details);
	// Graph sometimes sends error_data as a JSON string.
	if (typeof errorData === 'string') {
		const parsed = toBody(errorData);
		return isObject(parsed) ? text(parsed.details) : text(errorData);
	}
	return undefined;
}

function fromErrorObject(error: Json): ParsedGraphError | undefined {
	const message = text(error.message);
	const prefixed = message ? CODE_PREFIX.exec(message) : null;
	const parsed: ParsedGraphError = {
		code: integer(error.code) ?? (prefixed ? Number(prefixed[1]) : undefined),
		title: text(error.title) ?? (message ? text(message.replace(CODE_PREFIX, '')) : undefined),
		message,
		details: readDetails(error.error_data) ?? text(error.details) ?? text(error.error_user_msg),
		type: text(error.type),
		fbtraceId: text(error.fbtrace_id),
		subcode: integer(error.error_subcode),
	};
	for (const key of Object.keys(parsed) as Array<keyof ParsedGraphError>) {
		if (parsed[key] === undefined) delete parsed[key];
	}
	return Object.keys(parsed).length > 0 ? parsed : undefined;
}

/**
 * Reads Meta's error out of a response body: Graph's `{ error: {...} }`, the On-Premises style
 * `{ errors: [{ code, title, details }] }` (payments lookup, doc 56) and webhook error objects
 * `{ code, title, message, error_data }`. Accepts objects, JSON strings and Buffers.
 */
export function parseGraphError(body: unknown): ParsedGraphError | undefined {
	const value = toBody(body);
	if (!isObject(value)) return undefined;
	if (isObject(value.error)) return fromErrorObject(value.error);
	if (Array.isArray(value.errors) && isObject(value.errors[0])) return fromErrorObject(value.errors[0]);
	if (value.code !== undefined && (value.title !== undefined || value.message !== undefined)) {
		return fromErrorObject(value);
	}
	return undefined;
}

const SECRET_PATTERNS: Array<[RegExp, string]> = [
	// access_token=..., "access_token":"...", client_secret=..., appsecret_proof=...
	[
		/((?:access_token|input_token|fb_exchange_token|client_secret|appsecret_proof|app_secret)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
		'$1[redacted]',
	],
	[/(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]'],
	// Meta access tokens start with EAA; anything that long is a token, not prose.
	[/\bEAA[A-Za-z0-9_-]{20,}/g, '[redacted]'],
];

/** Removes access tokens and app secrets from text that came back from Meta. */
export function redactSecrets(value: string): string {
	return SECRET_PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), value);
}

function redactDeep(value: unknown): unknown {
	if (typeof value === 'string') return redactSecrets(value);
	if (Array.isArray(value)) return value.map(redactDeep);
	if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
	return value;
}

const sentence = (value: string) => (/[.!?…)]$/.test(value.trim()) ? value.trim() : `${value.trim()}.`);

const ERROR_CODES_PAGE = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes';

/**
 * Turns a failed Graph response into a NodeApiError: message `WhatsApp error 131047: Re-engagement message`,
 * description with Meta's details, our hint, the code and the fbtrace_id; never any token.
 */
export function graphErrorToNodeApiError(
	node: INode,
	response: { statusCode?: number; body: unknown },
	itemIndex?: number,
): NodeApiError {
	const body = redactDeep(toBody(response.body));
	const parsed = parseGraphError(body);
	const info = parsed?.code !== undefined ? lookupGraphError(parsed.code) : undefined;
	const status = response.statusCode;

	let message: string;
	const description: string[] = [];
	if (parsed?.code !== undefined) {
		const title = parsed.title ?? info?.title ?? parsed.message;
		message = title ? `WhatsApp error ${parsed.code}: ${title}` : `WhatsApp error ${parsed.code}`;
	} else if (parsed) {
		message = `WhatsApp error: ${parsed.title ?? parsed.message ?? `HTTP ${status ?? 'unknown'}`}`;
	} else {
		message = `WhatsApp request failed${status ? ` with HTTP ${status}` : ''}`;
		if (typeof body === 'string' && body.trim() !== '') description.push(sentence(body.trim().slice(0, 500)));
	}
	if (parsed?.details) description.push(sentence(parsed.details));
	if (info) description.push(info.hint);
	if (parsed?.code !== undefined) {
		const extra = [parsed.type && `type ${parsed.type}`, parsed.subcode !== undefined && `subcode ${parsed.subcode}`]
			.filter(Boolean)
			.join(', ');
		description.push(`Meta error code ${parsed.code}${extra ? ` (${extra})` : ''}.`);
		if (!info) description.push(`This code is not in the node's table; see ${ERROR_CODES_PAGE}`);
	}
	if (parsed?.fbtraceId) description.push(`fbtrace_id: ${parsed.fbtraceId}`);
	const descriptionText = description.join('\n');

	// n8n's editor shows `httpCode` as the error's "Error code": Meta's code when Graph sent one (the HTTP status,
	// kept in context.httpStatus, adds little to it), else the HTTP status.
	const code = parsed?.code !== undefined ? String(parsed.code) : status !== undefined ? String(status) : null;
	const errorResponse = (isObject(body) ? body : { body: typeof body === 'string' ? body : null }) as JsonObject;
	const error = new NodeApiError(node, errorResponse, {
		message,
		description: descriptionText || undefined,
		httpCode: code ?? undefined,
		itemIndex,
		failure: info?.failure,
	});
	// NodeApiError rewrites messages that contain words like "ENOENT", and without an httpCode it would look for
	// one in the body; what we computed is what the user must see.
	error.message = message;
	error.description = descriptionText || undefined;
	error.httpCode = code;
	if (status !== undefined) error.context.httpStatus = status;
	if (parsed?.message && !error.messages.includes(parsed.message)) error.messages.push(parsed.message);
	return error;
}
