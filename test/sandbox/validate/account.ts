/**
 * Request validation for the account-management endpoints, written from the docs (not from nodes/):
 * media upload (68), registration (54, 83, 28), two-step PIN (09), request/verify code (12, 72),
 * settings (12, 72), conversational automation (47) and the business profile (48).
 * Each validator returns the first Graph fault, or null when the request is valid.
 */

import {
	allowKeys,
	asObject,
	at,
	checkArr,
	checkStr,
	has,
	isPlainObject,
	type Obj,
	optBool,
	optStr,
	reqStr,
} from './checks';
import { badValue, collectFault, fail, type GraphFault, type JsonPath, missing, wrongType } from './fault';

/** Doc 54, `data_localization_region`. */
export const LOCALIZATION_REGIONS = [
	'AU',
	'ID',
	'IN',
	'JP',
	'SG',
	'KR',
	'DE',
	'CH',
	'GB',
	'BR',
	'BH',
	'ZA',
	'AE',
	'CA',
] as const;

/** Doc 48, `vertical` (plus the empty string). */
export const VERTICALS = [
	'ALCOHOL',
	'APPAREL',
	'AUTO',
	'BEAUTY',
	'EDU',
	'ENTERTAIN',
	'EVENT_PLAN',
	'FINANCE',
	'GOVT',
	'GROCERY',
	'HEALTH',
	'HOTEL',
	'NONPROFIT',
	'ONLINE_GAMBLING',
	'OTC_DRUGS',
	'OTHER',
	'PHYSICAL_GAMBLING',
	'PROF_SERVICES',
	'RESTAURANT',
	'RETAIL',
	'TRAVEL',
] as const;

/** Doc 68, supported media types and sizes. */
export const MEDIA_LIMITS: Readonly<Record<string, number>> = {
	'audio/aac': 16 * 1024 * 1024,
	'audio/amr': 16 * 1024 * 1024,
	'audio/mpeg': 16 * 1024 * 1024,
	'audio/mp4': 16 * 1024 * 1024,
	'audio/ogg': 16 * 1024 * 1024,
	'text/plain': 100 * 1024 * 1024,
	'application/vnd.ms-excel': 100 * 1024 * 1024,
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * 1024 * 1024,
	'application/msword': 100 * 1024 * 1024,
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * 1024 * 1024,
	'application/vnd.ms-powerpoint': 100 * 1024 * 1024,
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * 1024 * 1024,
	'application/pdf': 100 * 1024 * 1024,
	'image/jpeg': 5 * 1024 * 1024,
	'image/png': 5 * 1024 * 1024,
	'image/webp': 500 * 1024,
	'video/3gpp': 16 * 1024 * 1024,
	'video/mp4': 16 * 1024 * 1024,
};

const PIN = /^\d{6}$/;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function body(value: unknown): Obj {
	if (value === undefined) fail(missing([], '(a JSON body)'));
	return asObject(value, []);
}

function noEmoji(value: string, path: JsonPath): void {
	if (EMOJI.test(value)) fail(badValue(path, 'must not contain emojis.'));
}

/** `POST /{phone}/media` parts (doc 68): messaging_product, file (with its MIME type), type. */
export function validateMediaUpload(
	fields: Record<string, string | undefined>,
	file: { contentType?: string; size: number } | undefined,
): GraphFault | null {
	return collectFault(() => {
		if (fields.messaging_product === undefined) fail(missing(['messaging_product']));
		if (fields.messaging_product !== 'whatsapp')
			fail(badValue(['messaging_product'], `must be "whatsapp" (got "${fields.messaging_product}").`));
		if (!file) fail(missing(['file']));
		// Docs: doc 68's parameter table marks `type` Required although its curl example omits it; we follow the table.
		if (fields.type === undefined) fail(missing(['type']));
		const mime = (fields.type ?? '').split(';')[0].trim().toLowerCase();
		const limit = MEDIA_LIMITS[mime];
		if (limit === undefined) fail(badValue(['type'], `is not a supported media type (got "${fields.type}").`));
		if (file.size > limit)
			fail(badValue(['file'], `is ${file.size} bytes; ${mime} files can be at most ${limit} bytes.`));
	});
}

/** `POST /{phone}/register` (docs 54, 83, 28). */
export function validateRegister(json: unknown): GraphFault | null {
	return collectFault(() => {
		const o = body(json);
		allowKeys(o, [], ['messaging_product', 'pin', 'data_localization_region', 'backup']);
		reqStr(o, 'messaging_product', [], { oneOf: ['whatsapp'] });
		reqStr(o, 'pin', [], { pattern: PIN, formatHint: 'must be a 6-digit PIN' });
		optStr(o, 'data_localization_region', [], { oneOf: LOCALIZATION_REGIONS });
		if (has(o, 'backup')) {
			const backup = asObject(o.backup, ['backup']);
			allowKeys(backup, ['backup'], ['password', 'data']);
			reqStr(backup, 'password', ['backup']);
			reqStr(backup, 'data', ['backup']);
		}
	});
}

/** `POST /{phone}` with `{ pin }` (doc 09). */
export function validateSetPin(json: unknown): GraphFault | null {
	return collectFault(() => {
		const o = body(json);
		allowKeys(o, [], ['pin']);
		reqStr(o, 'pin', [], { pattern: PIN, formatHint: 'must be a 6-digit PIN' });
	});
}

/** `POST /{phone}/request_code` fields (doc 12; doc 72 puts them in the query string). */
export function validateRequestCode(fields: Record<string, unknown>): GraphFault | null {
	return collectFault(() => {
		reqStr(fields, 'code_method', [], { oneOf: ['SMS', 'VOICE'] });
		// Docs: doc 12 (reference) asks for a two-character code ("en"); doc 72 (guide) sends "en_US". We follow doc 12.
		reqStr(fields, 'language', [], {
			pattern: /^[a-z]{2}$/,
			formatHint: 'must be a two-character language code such as "en"',
		});
	});
}

/** `POST /{phone}/verify_code` fields (doc 12). */
export function validateVerifyCode(fields: Record<string, unknown>): GraphFault | null {
	return collectFault(() => {
		reqStr(fields, 'code', [], { pattern: /^\d+$/, formatHint: 'must be a numeric string' });
	});
}

/** `POST /{phone}/settings` (docs 12, 72). */
export function validateSettings(json: unknown): GraphFault | null {
	return collectFault(() => {
		const o = body(json);
		allowKeys(o, [], ['user_identity_change', 'storage_configuration']);
		if (!has(o, 'user_identity_change') && !has(o, 'storage_configuration')) {
			fail(missing(['user_identity_change'], '(or storage_configuration)'));
		}
		if (has(o, 'user_identity_change')) {
			const change = asObject(o.user_identity_change, ['user_identity_change']);
			allowKeys(change, ['user_identity_change'], ['enable_identity_key_check']);
			if (!has(change, 'enable_identity_key_check'))
				fail(missing(['user_identity_change', 'enable_identity_key_check']));
			optBool(change, 'enable_identity_key_check', ['user_identity_change']);
		}
		if (has(o, 'storage_configuration')) {
			const path = ['storage_configuration'];
			const storage = asObject(o.storage_configuration, path);
			allowKeys(storage, path, ['status', 'data_localization_region']);
			const status = reqStr(storage, 'status', path, {
				oneOf: ['IN_COUNTRY_STORAGE_ENABLED', 'IN_COUNTRY_STORAGE_DISABLED'],
			});
			if (status === 'IN_COUNTRY_STORAGE_ENABLED') {
				reqStr(storage, 'data_localization_region', path, { oneOf: LOCALIZATION_REGIONS });
			} else if (has(storage, 'data_localization_region')) {
				fail(badValue(at(path, 'data_localization_region'), 'is only used with status IN_COUNTRY_STORAGE_ENABLED.'));
			}
		}
	});
}

/**
 * `POST /{phone}/conversational_automation` (doc 47): JSON body, or the query-string syntax where
 * `commands` and `prompts` are JSON strings. Up to 30 commands (name ≤32, hint ≤256), 4 prompts (≤80), no emojis.
 */
export function validateConversationalAutomation(json: unknown): GraphFault | null {
	return collectFault(() => {
		const o = body(json);
		allowKeys(o, [], ['enable_welcome_message', 'commands', 'prompts']);
		if (Object.keys(o).length === 0) fail(missing(['enable_welcome_message'], '(or commands, prompts)'));
		optBool(o, 'enable_welcome_message', []);
		if (has(o, 'commands')) {
			const commands = checkArr(o.commands, ['commands'], { min: 0, max: 30 });
			commands.forEach((entry, i) => {
				const path = ['commands', i];
				const command = asObject(entry, path);
				allowKeys(command, path, ['command_name', 'command_description']);
				noEmoji(reqStr(command, 'command_name', path, { max: 32 }), at(path, 'command_name'));
				noEmoji(reqStr(command, 'command_description', path, { max: 256 }), at(path, 'command_description'));
			});
		}
		if (has(o, 'prompts')) {
			const prompts = checkArr(o.prompts, ['prompts'], { min: 0, max: 4 });
			prompts.forEach((prompt, i) => noEmoji(checkStr(prompt, ['prompts', i], { max: 80 }), ['prompts', i]));
		}
	});
}

/** `POST /{phone}/whatsapp_business_profile` (doc 48). */
export function validateProfileUpdate(json: unknown): GraphFault | null {
	return collectFault(() => {
		const o = body(json);
		allowKeys(
			o,
			[],
			[
				'messaging_product',
				'about',
				'address',
				'description',
				'email',
				'profile_picture_handle',
				'vertical',
				'websites',
			],
		);
		reqStr(o, 'messaging_product', [], { oneOf: ['whatsapp'] });
		optStr(o, 'about', [], { min: 1, max: 139 });
		optStr(o, 'address', [], { min: 0, max: 256 });
		optStr(o, 'description', [], { min: 0, max: 512 });
		const email = optStr(o, 'email', [], { max: 128 });
		if (email !== undefined && !EMAIL.test(email))
			fail(badValue(['email'], `must be a valid email address (got "${email}").`));
		optStr(o, 'vertical', [], { min: 0, oneOf: ['', ...VERTICALS] });
		optStr(o, 'profile_picture_handle', []);
		if (has(o, 'websites')) {
			const websites = checkArr(o.websites, ['websites'], { min: 0, max: 2 });
			websites.forEach((site, i) => {
				checkStr(site, ['websites', i], {
					max: 256,
					pattern: /^https?:\/\/\S+$/i,
					formatHint: 'must include http:// or https://',
				});
			});
		}
	});
}

/** Form fields of a request sent as multipart, urlencoded, JSON or query string (Graph accepts all of them). */
export function requestFields(req: {
	query: Record<string, string>;
	form?: Record<string, string>;
	multipart?: Array<{ name: string; data: Buffer; filename?: string }>;
	json?: unknown;
}): Record<string, unknown> {
	const fields: Record<string, unknown> = { ...req.query };
	for (const part of req.multipart ?? [])
		if (part.filename === undefined) fields[part.name] = part.data.toString('utf8');
	Object.assign(fields, req.form ?? {});
	if (isPlainObject(req.json)) Object.assign(fields, req.json);
	return fields;
}

/** The query-string syntax of doc 47 carries JSON in `commands` / `prompts` and a boolean string. */
export function conversationalFromQuery(query: Record<string, string>): Obj | GraphFault {
	const out: Obj = {};
	for (const [key, raw] of Object.entries(query)) {
		if (key === 'enable_welcome_message') {
			if (raw !== 'true' && raw !== 'false') return badValue([key], `must be true or false (got "${raw}").`);
			out[key] = raw === 'true';
		} else if (key === 'commands' || key === 'prompts') {
			try {
				out[key] = JSON.parse(raw);
			} catch {
				return wrongType([key], 'a JSON array');
			}
		} else {
			out[key] = raw;
		}
	}
	return out;
}
