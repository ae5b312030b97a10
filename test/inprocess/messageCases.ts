/**
 * Shared setup of the messages-*.test.ts files: the WhatsApp Cloud node runs through n8n-core (runAction) against the
 * sandbox, configured with parameters shaped the way the editor stores them; the helpers here compare what the
 * sandbox received with the documented example bodies in test/fixtures/docs/messages.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials, type ActionRun } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import type { RecordedRequest } from '../sandbox/server';

export const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;
export const MEDIA_PATH = `/${SANDBOX_IDS.phoneNumberId}/media`;
/** The recipient used where a documented example has a placeholder ("PHONE_NUMBER", "whatsapp-id", ...) instead of a number. */
export const RECIPIENT = '+16505551234';

export type Body = IDataObject;

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The documented example body of a fixture (a copy, safe to change). */
export function documented(name: string): Body {
	return clone(docFixture<Body>('messages', name).body);
}

/**
 * The recipient a user would type for a documented example: its `to` when that is a phone number, else RECIPIENT.
 * Placeholders such as "PHONE_NUMBER" or "91xxxxxxxxxx" are not phone numbers; both the node and the sandbox (doc 12) refuse them.
 */
export function recipientFor(body: Body): string {
	const to = String(body.to ?? '');
	return /^\+?\d{5,}$/.test(to) ? to : RECIPIENT;
}

/** The documented body as it is sent: the placeholder recipient filled in as the user would. */
export function sendable(body: Body): Body {
	return { ...body, to: recipientFor(body) };
}

/** The type part of a body (`type` + its object), for examples documented without the envelope. */
export function typePart(body: Body): Body {
	const type = String(body.type ?? 'interactive');
	return { type, [type]: body[type] };
}

/** The envelope the node adds to every message (doc 16). */
export function envelope(to = RECIPIENT): Body {
	return { messaging_product: 'whatsapp', recipient_type: 'individual', to };
}

export interface SendOptions {
	items?: INodeExecutionData[];
	recipient?: string;
	messageOptions?: IDataObject;
	requestOptions?: IDataObject;
	settings?: Partial<INode>;
}

export interface MessageRun extends ActionRun {
	/** Every request the sandbox received during the run, in arrival order. */
	requests: RecordedRequest[];
	/** The message sends among them. */
	sends: RecordedRequest[];
}

/** Starts one sandbox for the file and resets it before every test; returns the tools bound to it. */
export function useMessageSandbox() {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	/** Runs the node once: resource message, this operation, these fields (as the editor stores them). */
	async function send(operation: string, fields: IDataObject, options: SendOptions = {}): Promise<MessageRun> {
		const parameters: IDataObject = { resource: 'message', operation, ...fields };
		if (operation !== 'markAsRead') parameters.recipient = options.recipient ?? RECIPIENT;
		if (options.messageOptions) parameters.messageOptions = options.messageOptions;
		if (options.requestOptions) parameters.requestOptions = options.requestOptions;
		const run = await runAction({ credentials, parameters, items: options.items, settings: options.settings });
		return { ...run, requests: [...sandbox.requests], sends: sandbox.requestsTo('POST', MESSAGES_PATH) };
	}

	return {
		get sandbox() {
			return sandbox;
		},
		send,
	};
}

/** The run sent exactly one message with this body, the sandbox accepted it, and the output item carries its IDs. */
export function expectSent(run: MessageRun, body: Body): void {
	expect(run.error).toBeUndefined();
	expect(run.sends).toHaveLength(1);
	const [request] = run.sends;
	expect(request.body).toEqual(body);
	expect(request.status).toBe(200);
	expect(run.items).toHaveLength(1);
	expect(run.items[0].json.messageId).toMatch(/^wamid\./);
	expect(run.items[0].json.waId).toBe(String(body.to).replace(/\D/g, ''));
}

/** The run sent exactly one message whose type part is `part`, inside the node's envelope; the sandbox accepted it. */
export function expectSentTypePart(run: MessageRun, part: Body, to = RECIPIENT): void {
	expectSent(run, { ...envelope(to), ...part });
	const body = run.sends[0].body as Body;
	expect(typePart(body)).toEqual(part);
	expect({ messaging_product: body.messaging_product, recipient_type: body.recipient_type, to: body.to }).toEqual(
		envelope(to),
	);
}

/** The run failed before sending: the error names every given text and the item, and the sandbox received nothing at all. */
export function expectRefused(run: MessageRun, texts: string[], itemIndex = 0): void {
	expect(run.error).toBeDefined();
	// The node's own error, not one that reads as if Meta had answered.
	expect(run.error?.name).toBe('NodeOperationError');
	for (const text of texts) expect(run.error?.message).toContain(text);
	expect(run.error?.message).toContain(`[item ${itemIndex}]`);
	expect(run.requests).toHaveLength(0);
	expect(run.items).toHaveLength(0);
}

/**
 * A multi-item run where one item is invalid: n8n reports the first item's refusal, which names the bad item and its
 * problem; no item sent or uploaded anything.
 */
export function expectNothingSent(run: MessageRun, badItem: number, problem: string): void {
	expect(run.error?.message).toBe(`Nothing was sent: item ${badItem} has invalid input (${problem})`);
	expect(run.error?.description).toContain('All items are checked before any message is sent');
	expect(run.requests).toHaveLength(0);
	expect(run.items).toHaveLength(0);
}

/** The sandbox received the message but refused it: Graph's code and details come back as the node error. */
export function expectGraphRefusal(run: MessageRun, code: number, details: string): void {
	expect(run.sends).toHaveLength(1);
	expect(run.sends[0].status).toBe(400);
	expect(run.error?.message).toContain(String(code));
	expect(run.error?.description).toContain(details);
}

/** An input item carrying a file the way n8n's binary nodes (Read File, HTTP Request) produce it. */
export function binaryItem(
	data: Buffer,
	mimeType: string,
	fileName?: string,
	property = 'data',
	json: IDataObject = {},
): INodeExecutionData {
	const binary: IDataObject = { data: data.toString('base64'), mimeType };
	if (fileName !== undefined) {
		binary.fileName = fileName;
		binary.fileExtension = fileName.split('.').pop();
	}
	return { json, binary: { [property]: binary } } as unknown as INodeExecutionData;
}

/** The multipart fields of a media upload the sandbox received (doc 68). */
export function uploadParts(request: RecordedRequest) {
	const part = (name: string) => request.multipart?.find((p) => p.name === name);
	return {
		messagingProduct: part('messaging_product')?.data.toString(),
		type: part('type')?.data.toString(),
		file: part('file'),
	};
}
