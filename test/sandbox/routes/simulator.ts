import { graphError } from '../graphError';
import type { GraphSandbox, RouteModule, SandboxResponse } from '../server';
import { SANDBOX_IDS } from '../state';
import { templateStore } from '../templateStore';

/**
 * The inbound simulator: `POST /_simulate/{kind}` makes the sandbox deliver a signed webhook to a trigger URL,
 * shaped like the documented examples (doc 61), as if a WhatsApp user had written to the sandbox's number or
 * Meta were reporting on a message the sandbox sent. Lets a bot be built and tried without Meta.
 */
export const SIMULATE_KINDS = [
	'message',
	'image',
	'location',
	'reaction',
	'button_reply',
	'list_reply',
	'button',
	'status',
] as const;
export type SimulateKind = (typeof SIMULATE_KINDS)[number];

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;

/** What a simulation request may say; every field has a sensible default except `url`. */
export interface SimulateInput {
	/** The trigger's Production or Test URL. */
	url: string;
	/** The WhatsApp user writing in (or receiving, for statuses). */
	from?: string;
	/** The user's profile name. */
	name?: string;
	/** The business number that receives the message; the sandbox's default number otherwise. */
	phoneNumberId?: string;
	/** Signs the delivery; the sandbox's App Secret otherwise. */
	appSecret?: string;
	/** Text of a `message`, caption of an `image`, label of a `button`. */
	text?: string;
	/** The message being answered (`context.id`); for `button` and `reaction`, the latest message the sandbox sent. */
	replyTo?: string;
	/** `button_reply` / `list_reply`: the chosen row or button. `button`: its payload. */
	id?: string;
	title?: string;
	description?: string;
	emoji?: string;
	latitude?: number;
	longitude?: number;
	address?: string;
	placeName?: string;
	/** `status`: which one, and of which message (the latest message the sandbox sent, otherwise). */
	status?: (typeof MESSAGE_STATUSES)[number];
	messageId?: string;
}

export class SimulateInputError extends Error {}

const DEFAULT_USER = { from: '16505551234', name: 'Kerry Fisher' };

/** A 1×1 PNG, stored in the sandbox for `image` so the trigger's Download Media fetches a real picture. */
export const SIMULATED_IMAGE = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);

const timestamp = () => String(Math.floor(Date.now() / 1000));

interface SentMessage {
	id: string;
	recipient: string;
	phoneNumberId: string;
	type: string;
	templateName?: string;
}

/** Messages the sandbox accepted through `POST /{phone-number-id}/messages`, newest first. */
export function sentMessages(sandbox: GraphSandbox): SentMessage[] {
	const sent: SentMessage[] = [];
	for (const request of sandbox.requestsTo('POST', /^\/\d+\/messages$/)) {
		const response = request.response as
			{ messages?: Array<{ id: string }>; contacts?: Array<{ wa_id: string }> } | undefined;
		const id = response?.messages?.[0]?.id;
		if (request.status !== 200 || !id) continue;
		const body = request.body as { type?: string; template?: { name?: string } };
		sent.push({
			id,
			recipient: response.contacts?.[0]?.wa_id ?? '',
			phoneNumberId: request.path.split('/')[1],
			type: String(body.type ?? 'text'),
			templateName: body.template?.name,
		});
	}
	return sent.reverse();
}

function latestSent(sandbox: GraphSandbox, what: string): SentMessage {
	const latest = sentMessages(sandbox)[0];
	if (!latest)
		throw new SimulateInputError(`No message has been sent through the sandbox yet: send one first, or give ${what}`);
	return latest;
}

function envelope(sandbox: GraphSandbox, phoneNumberId: string, value: Record<string, unknown>) {
	const phone = sandbox.state.phoneNumbers.get(phoneNumberId);
	if (!phone) throw new SimulateInputError(`phoneNumberId ${phoneNumberId} is not one of the sandbox's numbers`);
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: SANDBOX_IDS.businessAccountId,
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: {
								display_phone_number: phone.display_phone_number.replace(/\D/g, ''),
								phone_number_id: phoneNumberId,
							},
							...value,
						},
						field: 'messages',
					},
				],
			},
		],
	};
}

/** The inbound message object of one kind (doc 61), without `from`, `id` and `timestamp`. */
function messageBody(
	sandbox: GraphSandbox,
	kind: Exclude<SimulateKind, 'status'>,
	input: SimulateInput,
	phoneNumberId: string,
) {
	switch (kind) {
		case 'message':
			return { text: { body: input.text ?? 'Hello' }, type: 'text' };
		case 'image': {
			const id = sandbox.newId();
			const sha256 = sandbox.sha256(SIMULATED_IMAGE);
			sandbox.state.media.set(id, { id, phoneNumberId, mimeType: 'image/png', data: SIMULATED_IMAGE, sha256 });
			return {
				type: 'image',
				image: { ...(input.text ? { caption: input.text } : {}), mime_type: 'image/png', sha256, id },
			};
		}
		case 'location':
			// Docs: doc 61's location example omits `type`; every other inbound example (and Meta) carries it.
			return {
				location: {
					latitude: input.latitude ?? 37.483307,
					longitude: input.longitude ?? -122.148981,
					name: input.placeName ?? 'Philz Coffee',
					address: input.address ?? '101 Forest Ave, Palo Alto, CA 94301',
				},
				type: 'location',
			};
		case 'reaction':
			return {
				reaction: { message_id: input.replyTo ?? latestSent(sandbox, 'replyTo').id, emoji: input.emoji ?? '\u{1F44D}' },
				type: 'reaction',
			};
		case 'button_reply':
			return {
				interactive: { button_reply: { id: input.id ?? 'yes', title: input.title ?? 'Yes' }, type: 'button_reply' },
				type: 'interactive',
			};
		case 'list_reply':
			return {
				interactive: {
					list_reply: {
						id: input.id ?? 'row-1',
						title: input.title ?? 'First option',
						description: input.description ?? 'The first row',
					},
					type: 'list_reply',
				},
				type: 'interactive',
			};
		case 'button':
			// A quick-reply button of a template: always a reply to the template message.
			return {
				context: { from: SANDBOX_IDS.displayPhoneNumber, id: input.replyTo ?? latestSent(sandbox, 'replyTo').id },
				type: 'button',
				button: { text: input.text ?? 'Yes', payload: input.id ?? 'Yes-Button-Payload' },
			};
	}
}

function statusBody(sandbox: GraphSandbox, input: SimulateInput) {
	const status = input.status ?? 'delivered';
	if (!MESSAGE_STATUSES.includes(status))
		throw new SimulateInputError(`status must be one of ${MESSAGE_STATUSES.join(', ')}`);
	const id = input.messageId ?? latestSent(sandbox, 'messageId').id;
	const sent = sentMessages(sandbox).find((message) => message.id === id);
	const recipient = input.from ?? sent?.recipient ?? DEFAULT_USER.from;
	const base = { id, status, timestamp: timestamp(), recipient_id: recipient };
	if (status === 'read') return base;
	if (status === 'failed') {
		const details =
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';
		return {
			...base,
			errors: [
				{
					code: 131047,
					title: 'Re-engagement message',
					message: 'Re-engagement message',
					error_data: { details },
					href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
				},
			],
		};
	}
	const template = sent?.templateName
		? templateStore(sandbox)
				.all()
				.find((t) => t.name === sent.templateName)
		: undefined;
	const category = template ? template.category.toLowerCase() : 'service';
	const conversation = {
		id: `CONVERSATION_${recipient}`,
		// Docs: doc 61 gives the expiration only on the first (sent) status of a conversation.
		...(status === 'sent' ? { expiration_timestamp: String(Math.floor(Date.now() / 1000) + 24 * 3600) } : {}),
		origin: { type: category },
	};
	return { ...base, conversation, pricing: { billable: category !== 'service', pricing_model: 'CBP', category } };
}

/** The whole webhook body a simulation delivers. */
export function simulatedWebhook(sandbox: GraphSandbox, kind: SimulateKind, input: SimulateInput): unknown {
	const phoneNumberId = input.phoneNumberId ?? SANDBOX_IDS.phoneNumberId;
	if (kind === 'status') return envelope(sandbox, phoneNumberId, { statuses: [statusBody(sandbox, input)] });
	const from = input.from ?? DEFAULT_USER.from;
	const body = messageBody(sandbox, kind, input, phoneNumberId);
	// A reply names the message it answers; a reaction and a quick-reply button carry their target themselves.
	const isReply = input.replyTo !== undefined && kind !== 'reaction' && kind !== 'button';
	const context = isReply ? { context: { from: SANDBOX_IDS.displayPhoneNumber, id: input.replyTo } } : {};
	const waId = from.replace(/\D/g, '');
	return envelope(sandbox, phoneNumberId, {
		contacts: [{ profile: { name: input.name ?? DEFAULT_USER.name }, wa_id: waId }],
		messages: [{ ...context, from: waId, id: sandbox.newMessageId(), timestamp: timestamp(), ...body }],
	});
}

const STRING_FIELDS = [
	'url',
	'from',
	'name',
	'phoneNumberId',
	'appSecret',
	'text',
	'replyTo',
	'id',
	'title',
	'description',
	'emoji',
	'address',
	'placeName',
	'status',
	'messageId',
];

function parseInput(json: unknown): SimulateInput {
	if (typeof json !== 'object' || json === null || Array.isArray(json))
		throw new SimulateInputError('The body must be a JSON object');
	const input = json as Record<string, unknown>;
	for (const field of STRING_FIELDS) {
		if (input[field] !== undefined && typeof input[field] !== 'string')
			throw new SimulateInputError(`${field} must be a string`);
	}
	for (const field of ['latitude', 'longitude']) {
		if (input[field] !== undefined && typeof input[field] !== 'number')
			throw new SimulateInputError(`${field} must be a number`);
	}
	if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url)) {
		throw new SimulateInputError("url must be the trigger's webhook URL (http:// or https://)");
	}
	return input as unknown as SimulateInput;
}

const invalid = (message: string): SandboxResponse => ({
	status: 400,
	body: graphError(100, 'Invalid parameter', message),
});

export const simulatorRoutes: RouteModule = (sandbox) => {
	sandbox.route(
		'GET',
		'/_simulate',
		() => ({ status: 200, body: { kinds: SIMULATE_KINDS, statuses: MESSAGE_STATUSES } }),
		{ versioned: false },
	);

	sandbox.route(
		'POST',
		'/_simulate/:kind',
		async (req) => {
			const kind = req.params.kind as SimulateKind;
			if (!SIMULATE_KINDS.includes(kind))
				return invalid(`Unknown kind "${kind}": use one of ${SIMULATE_KINDS.join(', ')}`);
			let input: SimulateInput;
			let payload: unknown;
			try {
				input = parseInput(req.json);
				payload = simulatedWebhook(sandbox, kind, input);
			} catch (error) {
				if (error instanceof SimulateInputError) return invalid(error.message);
				throw error;
			}
			try {
				const delivered = await sandbox.sendWebhook(input.url, payload, { appSecret: input.appSecret });
				return { status: 200, body: { delivered, payload } };
			} catch (error) {
				return {
					status: 502,
					body: graphError(1, 'Delivery failed', `Could not reach ${input.url}: ${(error as Error).message}`),
				};
			}
		},
		{ versioned: false },
	);
};
