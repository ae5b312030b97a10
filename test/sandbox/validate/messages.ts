/**
 * Sandbox check of `POST /{phone-number-id}/messages` bodies against the documented rules
 * (docs 16, 25, 43, 66, 22, 20, 06, 81, 68, 17, 65, 80, 28, 86 + the interactive/payment pages,
 * see interactive.ts and payments.ts). Written from the docs only — never from the node's code —
 * so a bug in either side is caught by the other.
 *
 * Returns the first fault Graph would answer with, or null when the body is acceptable.
 * Template messages (`type: "template"`) are only checked at the envelope level here.
 */

import {
	at,
	allowKeys,
	asObject,
	checkArr,
	charLength,
	has,
	isPlainObject,
	Obj,
	optBool,
	optObj,
	optStr,
	reqObj,
	reqStr,
} from './checks';
import {
	badValue,
	collectFault,
	fail,
	GraphFault,
	invalidParameter,
	JsonPath,
	missing,
	unsupportedMessageType,
	wrongType,
} from './fault';
import { validateInteractive } from './interactive';
import { checkMediaObject, MediaKind, ON_PREM_HINTS } from './media';

export type { GraphFault } from './fault';

export interface ValidateOptions {
	/** Current time in epoch seconds (order expiration checks). Default: now. */
	nowSeconds?: number;
}

/** The `type` values a message body may have (doc 16); the node's message types map onto these. */
export const GRAPH_MESSAGE_TYPES = [
	'text',
	'image',
	'audio',
	'video',
	'document',
	'sticker',
	'location',
	'contacts',
	'reaction',
	'interactive',
	'template',
] as const;
export type GraphMessageType = (typeof GRAPH_MESSAGE_TYPES)[number];

const ENVELOPE_KEYS = [
	'messaging_product',
	'recipient_type',
	'to',
	'type',
	'context',
	'biz_opaque_callback_data',
	'recipient_identity_key_hash',
	'message_activity_sharing',
] as const;

/** Digits with optional leading +, hyphens, parentheses and spaces (docs 12, 43). */
const TO_PATTERN = /^\s*\+?[\d\s()-]*\d[\d\s()-]*$/;

export function validateMessageRequest(body: unknown, options: ValidateOptions = {}): GraphFault | null {
	return collectFault(() => checkMessageRequest(body, options));
}

function checkMessageRequest(body: unknown, options: ValidateOptions): void {
	if (!isPlainObject(body)) fail(invalidParameter('The request body must be a JSON object.'));
	const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);

	if (has(body, 'status')) {
		checkMarkAsRead(body);
		return;
	}

	// Resolve the message type first so that the type's own content key is an allowed property.
	let type: GraphMessageType = 'text'; // doc 16: "If omitted, defaults to text".
	if (has(body, 'type')) {
		const raw = body.type;
		if (typeof raw !== 'string') fail(wrongType(['type'], 'a string'));
		if (!(GRAPH_MESSAGE_TYPES as readonly string[]).includes(raw)) {
			fail(unsupportedMessageType(`Param type must be one of ${GRAPH_MESSAGE_TYPES.join(', ')} (got "${raw}").`));
		}
		type = raw as GraphMessageType;
	}
	allowKeys(body, [], [...ENVELOPE_KEYS, type], ON_PREM_HINTS);

	checkEnvelope(body, type);

	switch (type) {
		case 'text':
			checkText(reqObj(body, 'text', []), ['text']);
			break;
		case 'image':
		case 'audio':
		case 'video':
		case 'document':
		case 'sticker':
			checkMedia(type, reqObj(body, type, []), [type]);
			break;
		case 'location':
			checkLocation(reqObj(body, 'location', []), ['location']);
			break;
		case 'contacts':
			checkContacts(body, ['contacts']);
			break;
		case 'reaction':
			checkReaction(reqObj(body, 'reaction', []), ['reaction']);
			break;
		case 'interactive':
			validateInteractive(reqObj(body, 'interactive', []), ['interactive'], { nowSeconds });
			break;
		case 'template':
			// Envelope only; the template validator is separate.
			reqObj(body, 'template', []);
			break;
	}
}

// ---------------------------------------------------------------- envelope

function checkMessagingProduct(body: Obj): void {
	reqStr(body, 'messaging_product', [], { oneOf: ['whatsapp'] });
}

function checkEnvelope(body: Obj, type: GraphMessageType): void {
	checkMessagingProduct(body);
	optStr(body, 'recipient_type', [], { oneOf: ['individual'] });
	reqStr(body, 'to', [], {
		pattern: TO_PATTERN,
		formatHint: 'must be a phone number or WhatsApp ID: digits with optional +, -, (, ) and spaces',
	});

	const context = optObj(body, 'context', []);
	if (context) {
		// doc 43: "You can send any type of message, except for a reaction message, as a contextual reply."
		if (type === 'reaction')
			fail(badValue(['context'], 'is not allowed: a reaction message cannot be sent as a contextual reply.'));
		allowKeys(context, ['context'], ['message_id']);
		reqStr(context, 'message_id', ['context'], { max: 128 }); // doc 16: a WAMID is at most 128 characters.
	}

	optStr(body, 'biz_opaque_callback_data', [], { max: 512 });
	optStr(body, 'recipient_identity_key_hash', []);
	// Docs: doc 16 lists message_activity_sharing as "MM Lite API only"; accepted as a boolean like Graph's schema would.
	optBool(body, 'message_activity_sharing', []);
}

// ---------------------------------------------------------------- mark as read (doc 25)

function checkMarkAsRead(body: Obj): void {
	allowKeys(body, [], ['messaging_product', 'status', 'message_id']);
	checkMessagingProduct(body);
	reqStr(body, 'status', [], { oneOf: ['read'] });
	reqStr(body, 'message_id', [], { max: 128 });
}

// ---------------------------------------------------------------- text (docs 66, 16)

function checkText(text: Obj, path: JsonPath): void {
	allowKeys(text, path, ['body', 'preview_url']);
	reqStr(text, 'body', path, { max: 4096 });
	optBool(text, 'preview_url', path);
}

// ---------------------------------------------------------------- media (docs 16, 20, 22, 06, 81, 68)

function checkMedia(kind: MediaKind, media: Obj, path: JsonPath): void {
	checkMediaObject(kind, media, path);
}

// ---------------------------------------------------------------- location (docs 17, 16)

function checkCoordinate(o: Obj, key: 'latitude' | 'longitude', path: JsonPath): void {
	if (!has(o, key)) fail(missing(at(path, key)));
	const raw = o[key];
	const p = at(path, key);
	// Docs: doc 17 sends coordinates as strings, doc 16 as bare numbers — both accepted.
	let n: number;
	if (typeof raw === 'number') n = raw;
	else if (typeof raw === 'string') {
		if (!/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(raw))
			fail(badValue(p, `must be a decimal number of degrees (got "${raw}").`));
		n = Number(raw);
	} else fail(wrongType(p, 'a number or a numeric string'));
	const limit = key === 'latitude' ? 90 : 180;
	if (!Number.isFinite(n) || n < -limit || n > limit)
		fail(badValue(p, `must be between -${limit} and ${limit} (got ${String(raw)}).`));
}

function checkLocation(location: Obj, path: JsonPath): void {
	allowKeys(location, path, ['latitude', 'longitude', 'name', 'address']);
	checkCoordinate(location, 'latitude', path);
	checkCoordinate(location, 'longitude', path);
	// Docs: doc 17 marks name/address optional, the reference (doc 16) marks them Required — the reference wins.
	reqStr(location, 'name', path);
	reqStr(location, 'address', path);
}

// ---------------------------------------------------------------- contacts (docs 65, 16)

const NAME_PARTS = ['first_name', 'last_name', 'middle_name', 'suffix', 'prefix'] as const;

function checkStringFieldsObject(o: Obj, path: JsonPath, fields: readonly string[]): void {
	allowKeys(o, path, fields);
	for (const f of fields) optStr(o, f, path);
}

function checkObjectList(parent: Obj, key: string, path: JsonPath, fields: readonly string[]): void {
	if (!has(parent, key)) return;
	const list = checkArr(parent[key], at(path, key));
	list.forEach((item, i) => checkStringFieldsObject(asObject(item, at(path, key, i)), at(path, key, i), fields));
}

function checkBirthday(value: string, path: JsonPath): void {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
	const ok =
		m &&
		d &&
		d.getUTCFullYear() === Number(m[1]) &&
		d.getUTCMonth() === Number(m[2]) - 1 &&
		d.getUTCDate() === Number(m[3]);
	if (!ok) fail(badValue(path, `must be a date in YYYY-MM-DD format (got "${value}").`));
}

function checkContacts(body: Obj, path: JsonPath): void {
	if (!has(body, 'contacts')) fail(missing(path));
	// doc 65: "Each message can include information for up to 257 contacts".
	const contacts = checkArr(body.contacts, path, { min: 1, max: 257 });
	contacts.forEach((raw, i) => {
		const p = at(path, i);
		const contact = asObject(raw, p);
		allowKeys(contact, p, ['addresses', 'birthday', 'emails', 'name', 'org', 'phones', 'urls']);

		const name = reqObj(contact, 'name', p);
		const np = at(p, 'name');
		allowKeys(name, np, ['formatted_name', ...NAME_PARTS]);
		reqStr(name, 'formatted_name', np);
		for (const part of NAME_PARTS) optStr(name, part, np);
		// Docs: doc 65 requires only formatted_name; the reference (doc 16) explicitly requires at least one other name field — the reference wins.
		if (!NAME_PARTS.some((part) => has(name, part))) {
			fail(
				missing(
					at(np, 'first_name'),
					`(doc 16: at least one of ${NAME_PARTS.join(', ')} must be included along with formatted_name)`,
				),
			);
		}

		const birthday = optStr(contact, 'birthday', p);
		if (birthday !== undefined) checkBirthday(birthday, at(p, 'birthday'));

		// Docs: doc 16 gives "standard values" for the type fields (HOME, WORK, CELL, …) while doc 65's example uses free text ("Office", "Landline") — any string accepted.
		checkObjectList(contact, 'addresses', p, ['street', 'city', 'state', 'zip', 'country', 'country_code', 'type']);
		checkObjectList(contact, 'emails', p, ['email', 'type']);
		checkObjectList(contact, 'phones', p, ['phone', 'type', 'wa_id']);
		checkObjectList(contact, 'urls', p, ['url', 'type']);
		const org = optObj(contact, 'org', p);
		if (org) checkStringFieldsObject(org, at(p, 'org'), ['company', 'department', 'title']);
	});
}

// ---------------------------------------------------------------- reaction (docs 80, 16)

/** Decodes literal Java/JS escapes ("\uD83D\uDE00" sent as text) — doc 16 allows escaped unicode values. */
function decodeEscapes(s: string): string {
	return s.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const EMOJI = /^(\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)/u;

export function isSingleEmoji(s: string): boolean {
	const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)];
	return graphemes.length === 1 && EMOJI.test(graphemes[0].segment);
}

function checkReaction(reaction: Obj, path: JsonPath): void {
	allowKeys(reaction, path, ['message_id', 'emoji']);
	// A reaction must point at a message: a missing or empty message_id is a reaction to nothing.
	reqStr(reaction, 'message_id', path, { max: 128 });
	if (!has(reaction, 'emoji')) fail(missing(at(path, 'emoji')));
	const raw = reaction.emoji;
	if (typeof raw !== 'string') fail(wrongType(at(path, 'emoji'), 'a string'));
	if (raw === '') return; // doc 80/16: an empty string removes a previous reaction.
	const emoji = decodeEscapes(raw);
	if (!isSingleEmoji(emoji)) {
		fail(
			badValue(
				at(path, 'emoji'),
				`must be exactly one emoji, or "" to remove a reaction (got "${raw}", ${charLength(emoji)} characters).`,
			),
		);
	}
}
