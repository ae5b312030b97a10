import type { GenericValue, IDataObject } from 'n8n-workflow';

/** Any JSON value as it came in the webhook body. */
export type JsonValue = GenericValue | IDataObject | GenericValue[] | IDataObject[];

/** The WhatsApp user an event is about, from `value.contacts[]`. */
export type WhatsAppContact = {
	name: string | null;
	wa_id: string | null;
	user_id?: string;
	identity_key_hash?: string;
};

/** Keys every event has, whatever its kind. Absent values are `null`, never missing. */
export type WhatsAppEventBase = {
	/** 'message' | 'status' | 'error' | the change's field name ('user_preferences', 'payment_configuration_update', ...). */
	event: string;
	/** Message type, status value ('payment' for payment statuses), error code, or a field-specific kind. */
	type: string;
	/** `entry[].changes[].field` as sent. */
	field: string;
	/** `entry[].id`. */
	wabaId: string | null;
	/** `value.metadata.phone_number_id`. */
	phoneNumberId: string | null;
	/** `value.metadata.display_phone_number`. */
	displayPhoneNumber: string | null;
	/** Unix seconds: the event's own `timestamp`, else `entry[].time`, else null. */
	timestamp: number | null;
	contact: WhatsAppContact | null;
};

export type WhatsAppMessageEvent = WhatsAppEventBase & {
	event: 'message';
	from: string | null;
	messageId: string | null;
	/** `context.id` present: a reply to (or an interaction with) a business message. */
	isReply: boolean;
	replyToMessageId: string | null;
	/** `context.forwarded` or `context.frequently_forwarded`. */
	isForwarded: boolean;
	isFrequentlyForwarded: boolean;
	/** Push-to-talk voice note: `audio.voice === true`. */
	isVoice: boolean;
	/** 'button_reply' | 'list_reply' | 'nfm_reply' | ... for `type: 'interactive'`, else null. */
	interactiveType: string | null;
	/** Click-to-WhatsApp ad or post: `referral` present. */
	hasReferral: boolean;
	/** `context.referred_product` present. */
	isProductInquiry: boolean;
	/** `type` is 'unknown' or 'unsupported' (error 131051). */
	isUnsupported: boolean;
	/** For `type: 'system'`: 'customer_changed_number' | 'customer_identity_changed' | other as sent; else null. */
	systemType: string | null;
	/** For a changed number: the user's new WhatsApp ID. */
	newWaId: string | null;
	/** `message.errors[]`, [] when none. */
	errors: IDataObject[];
	message: IDataObject;
};

export type WhatsAppStatusEvent = WhatsAppEventBase & {
	event: 'status';
	recipientId: string | null;
	messageId: string | null;
	pricingCategory: string | null;
	/** Payment statuses only: `status` ('captured' | 'pending'). */
	paymentStatus: string | null;
	/** Payment statuses only: `payment.transaction.status` ('success' | 'failed' | 'pending'). */
	transactionStatus: string | null;
	/** `status.errors[]`, [] when none. */
	errors: IDataObject[];
	status: IDataObject;
};

export type WhatsAppErrorEvent = WhatsAppEventBase & {
	event: 'error';
	code: number | null;
	error: IDataObject;
};

/** `user_preferences` (one per entry of `value.user_preferences[]`) and every other field (one per change). */
export type WhatsAppFieldEvent = WhatsAppEventBase & {
	value: JsonValue;
};

/**
 * One event of a WhatsApp Cloud API webhook, ready to be an n8n item.
 *
 * ```
 * {
 *   event: 'message' | 'status' | 'error' | <field name>,
 *   type: <message type | status value | 'payment' | error code | field-specific kind>,
 *   field, wabaId, phoneNumberId, displayPhoneNumber, timestamp, contact: { name, wa_id, user_id?, identity_key_hash? } | null,
 *   // event 'message':
 *   from, messageId, isReply, replyToMessageId, isForwarded, isFrequentlyForwarded, isVoice, interactiveType,
 *   hasReferral, isProductInquiry, isUnsupported, systemType, newWaId, errors, message: <messages[i]>,
 *   // event 'status':
 *   recipientId, messageId, pricingCategory, paymentStatus, transactionStatus, errors, status: <statuses[i]>,
 *   // event 'error':
 *   code, error: <value.errors[i]>,
 *   // any other event (user_preferences: type = 'stop' | 'resume'; others: see fieldKind):
 *   value: <user_preferences[i] | the change's value>,
 * }
 * ```
 */
export type WhatsAppEvent = WhatsAppMessageEvent | WhatsAppStatusEvent | WhatsAppErrorEvent | WhatsAppFieldEvent;

export const isMessageEvent = (e: WhatsAppEvent): e is WhatsAppMessageEvent => e.event === 'message' && 'message' in e;
export const isStatusEvent = (e: WhatsAppEvent): e is WhatsAppStatusEvent => e.event === 'status' && 'status' in e;
export const isErrorEvent = (e: WhatsAppEvent): e is WhatsAppErrorEvent => e.event === 'error' && 'error' in e;

export const asObject = (v: unknown): IDataObject | undefined =>
	typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as IDataObject) : undefined;

const objects = (v: unknown): IDataObject[] =>
	Array.isArray(v) ? v.filter((x): x is IDataObject => asObject(x) !== undefined) : [];

const str = (v: unknown): string | null => {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return null;
};

const unixSeconds = (v: unknown): number | null => {
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
	return null;
};

const digits = (v: string) => v.replace(/\D/g, '');

function toContact(c: IDataObject): WhatsAppContact {
	const contact: WhatsAppContact = {
		name: str(asObject(c.profile)?.name),
		wa_id: str(c.wa_id),
	};
	if (typeof c.user_id === 'string') contact.user_id = c.user_id;
	if (typeof c.identity_key_hash === 'string') contact.identity_key_hash = c.identity_key_hash;
	return contact;
}

/**
 * The contacts of one change, indexed once so that finding the contact of each message or status is O(1):
 * a 3 MB body may carry tens of thousands of both.
 */
class Contacts {
	private exact?: Map<string, IDataObject>;

	private loose?: Map<string, IDataObject>;

	constructor(private readonly list: IDataObject[]) {}

	private index(): void {
		this.exact = new Map();
		this.loose = new Map();
		for (const c of this.list) {
			const waId = str(c.wa_id);
			if (waId === null) continue;
			// The first contact with a given wa_id wins, as a linear search would find it.
			if (!this.exact.has(waId)) this.exact.set(waId, c);
			const d = digits(waId);
			if (d !== '' && !this.loose.has(d)) this.loose.set(d, c);
		}
	}

	/**
	 * The contact whose `wa_id` is `id` (also when one is written with '+' or spaces and the other not).
	 * `soleFallback`: inbound items may name the sender differently from `contacts[].wa_id` (the docs
	 * say they "may not match"); when the change has exactly one contact, that contact is the sender.
	 */
	find(id: string | null, soleFallback: boolean): WhatsAppContact | null {
		if (this.list.length === 0) return null;
		if (id !== null) {
			if (!this.exact || !this.loose) this.index();
			const exact = this.exact!.get(id);
			if (exact) return toContact(exact);
			const d = digits(id);
			const loose = d === '' ? undefined : this.loose!.get(d);
			if (loose) return toContact(loose);
		}
		return soleFallback && this.list.length === 1 ? toContact(this.list[0]) : null;
	}
}

const TYPE_OBJECTS = [
	'text',
	'image',
	'audio',
	'video',
	'document',
	'sticker',
	'location',
	'contacts',
	'reaction',
	'button',
	'interactive',
	'order',
	'system',
];

// Docs: [61]'s location and contacts examples have no `type`; it is taken from the type object present.
const inferredType = (message: IDataObject): string =>
	TYPE_OBJECTS.find((key) => message[key] !== undefined && message[key] !== null) ?? 'unknown';

/**
 * `{ ...base, ...own }` without the object-spread literal: V8 (Node 20) builds a spread literal that
 * overrides keys of the spread object about 10x slower, which dominated `npm run bench` for large batches.
 */
function withBase<T extends object>(base: WhatsAppEventBase, own: T): WhatsAppEventBase & T {
	return Object.assign({}, base, own);
}

function messageEvent(message: IDataObject, base: WhatsAppEventBase, contacts: Contacts): WhatsAppMessageEvent {
	const from = str(message.from);
	const context = asObject(message.context);
	// Docs: [84]'s nfm_reply sample writes "Interactive", the reference [52] "interactive"; both are read.
	const interactive = asObject(message.interactive) ?? asObject(message.Interactive);
	const system = asObject(message.system);
	let systemType = str(system?.type);
	// Docs: number change is `customer_changed_number` + `wa_id` [52] vs `user_changed_number` + `new_wa_id` [61]; we follow [52], read both.
	if (systemType === 'user_changed_number') systemType = 'customer_changed_number';
	const replyToMessageId = str(context?.id);
	const isFrequentlyForwarded = context?.frequently_forwarded === true;
	// Docs: [52]'s type list omits reaction, location, contacts, request_welcome, unsupported [61, 47]; any `type` passes unchanged.
	const sentType = str(message.type);
	const type = sentType ?? inferredType(message);
	return withBase(base, {
		event: 'message',
		type,
		timestamp: unixSeconds(message.timestamp) ?? base.timestamp,
		contact: contacts.find(from, true),
		from,
		messageId: str(message.id),
		isReply: replyToMessageId !== null && replyToMessageId !== '',
		replyToMessageId,
		isForwarded: context?.forwarded === true || isFrequentlyForwarded,
		isFrequentlyForwarded,
		isVoice: asObject(message.audio)?.voice === true,
		interactiveType: str(interactive?.type),
		hasReferral: asObject(message.referral) !== undefined,
		isProductInquiry: asObject(context?.referred_product) !== undefined,
		// Docs: unsupported inbound messages arrive as `unknown` [61, 31] and as `unsupported` [61]; both count.
		isUnsupported: sentType === 'unknown' || sentType === 'unsupported',
		systemType: system ? systemType : null,
		newWaId: system ? (str(system.wa_id) ?? str(system.new_wa_id)) : null,
		errors: objects(message.errors),
		// Docs: order item fields are strings [52] or numbers [05]; the message is passed through as sent.
		message,
	});
}

function statusEvent(status: IDataObject, base: WhatsAppEventBase, contacts: Contacts): WhatsAppStatusEvent {
	const recipientId = str(status.recipient_id);
	const isPayment = status.type === 'payment';
	const transaction = asObject(asObject(status.payment)?.transaction);
	return withBase(base, {
		event: 'status',
		// Docs: [61]'s "Message Delivered" example says `"status": "sent"`; the type is always the payload's `status`.
		type: isPayment ? 'payment' : (str(status.status) ?? 'unknown'),
		timestamp: unixSeconds(status.timestamp) ?? base.timestamp,
		contact: contacts.find(recipientId, false),
		recipientId,
		messageId: str(status.id),
		// Docs: `pricing.billable` is deprecated [52] but still in examples [05, 12, 61]; only the category is derived.
		pricingCategory: str(asObject(status.pricing)?.category),
		paymentStatus: isPayment ? str(status.status) : null,
		transactionStatus: isPayment ? str(transaction?.status) : null,
		errors: objects(status.errors),
		status,
	});
}

function errorEvent(error: IDataObject, base: WhatsAppEventBase): WhatsAppErrorEvent {
	const code = typeof error.code === 'number' ? error.code : unixSeconds(error.code);
	return withBase(base, { event: 'error', type: code === null ? 'error' : String(code), code, error });
}

/**
 * The kind of a change of a field other than `messages` / `user_preferences`: the first of the value's
 * `event`, `decision` or `status` (as Meta's account-level webhooks name it), else the field name.
 */
function fieldKind(field: string, value: IDataObject | undefined): string {
	const kind = str(value?.event) ?? str(value?.decision) ?? str(value?.status);
	if (kind === null) return field;
	// Docs: [85]'s enum says "Needs_Testing", its webhook sample "Needs Testing"; we follow the enum.
	return field === 'payment_configuration_update' ? kind.trim().replace(/\s+/g, '_') : kind;
}

/**
 * Turns one webhook POST body into events: one per inbound message, per status, per value-level error,
 * per `user_preferences` entry, and one per change of any other field. Returns [] for anything that is
 * not a `whatsapp_business_account` envelope; never throws.
 */
export function eventsFromWebhook(body: unknown): WhatsAppEvent[] {
	const root = asObject(body);
	if (!root || root.object !== 'whatsapp_business_account') return [];
	const events: WhatsAppEvent[] = [];
	for (const entry of objects(root.entry)) {
		const wabaId = str(entry.id);
		const entryTime = unixSeconds(entry.time);
		for (const change of objects(entry.changes)) {
			// Docs: [52] says `field` "will be `messages`", [73] and [85] document others; every field is accepted.
			const field = change.field;
			if (typeof field !== 'string' || field === '') continue;
			const value = asObject(change.value);
			const metadata = asObject(value?.metadata);
			const base: WhatsAppEventBase = {
				event: field,
				type: field,
				field,
				wabaId,
				phoneNumberId: str(metadata?.phone_number_id) ?? str(value?.phone_number_id),
				displayPhoneNumber: str(metadata?.display_phone_number) ?? str(value?.display_phone_number),
				timestamp: entryTime,
				contact: null,
			};
			const contacts = new Contacts(objects(value?.contacts));

			if (field === 'messages') {
				for (const message of objects(value?.messages)) events.push(messageEvent(message, base, contacts));
				for (const status of objects(value?.statuses)) events.push(statusEvent(status, base, contacts));
				for (const error of objects(value?.errors)) events.push(errorEvent(error, base));
			} else if (field === 'user_preferences') {
				for (const preference of objects(value?.user_preferences)) {
					events.push(
						withBase(base, {
							type: str(preference.value) ?? field,
							timestamp: unixSeconds(preference.timestamp) ?? entryTime,
							contact: contacts.find(str(preference.wa_id), true),
							value: preference,
						}),
					);
				}
			} else {
				events.push(
					withBase(base, {
						type: fieldKind(field, value),
						timestamp: unixSeconds(value?.timestamp) ?? entryTime,
						value: (change.value ?? null) as JsonValue,
					}),
				);
			}
		}
	}
	return events;
}

/**
 * Deepest nesting kept in an event's own object (`message`, `status`, `error` or `value`). n8n copies items
 * recursively (deepCopy, JSON.stringify, structuredClone), which fails a few thousand levels deep and would
 * take the whole execution, and every other event of the delivery, with it. Meta's payloads nest a few levels.
 */
export const MAX_EVENT_DEPTH = 64;

/** What replaces a value nested deeper than MAX_EVENT_DEPTH. */
export const TOO_DEEP = `[nested deeper than ${MAX_EVENT_DEPTH} levels]`;

/** The event's own object: the message, the status, the error, or the change's value. */
export function ownObject(event: WhatsAppEvent): unknown {
	if ('message' in event) return event.message;
	if ('status' in event) return event.status;
	return 'error' in event ? event.error : event.value;
}

/** Replaces, in place, the values of the event's own object nested deeper than MAX_EVENT_DEPTH; true if any was. */
export function limitDepth(event: WhatsAppEvent): boolean {
	const own = ownObject(event);
	if (typeof own !== 'object' || own === null) return false;
	let cut = false;
	const todo: Array<[Record<string, unknown> | unknown[], number]> = [[own as Record<string, unknown>, 1]];
	while (todo.length > 0) {
		const [container, depth] = todo.pop()!;
		const keys = Array.isArray(container) ? container.keys() : Object.keys(container);
		for (const key of keys) {
			const child = (container as Record<string | number, unknown>)[key];
			if (typeof child !== 'object' || child === null) continue;
			if (depth >= MAX_EVENT_DEPTH) {
				(container as Record<string | number, unknown>)[key] = TOO_DEEP;
				cut = true;
			} else {
				todo.push([child as Record<string, unknown>, depth + 1]);
			}
		}
	}
	return cut;
}
