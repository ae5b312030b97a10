import type { IDataObject } from 'n8n-workflow';

import { dedupeKey } from '../../nodes/WhatsAppCloudTrigger/dedupe';
import { eventsFromWebhook } from '../../nodes/WhatsAppCloudTrigger/events';
import { forgetCredentials } from '../../nodes/WhatsAppCloudTrigger/credentialCache';
import { forgetSeenEvents } from '../../nodes/WhatsAppCloudTrigger/seenEvents';
import { forgetRefusals } from '../../nodes/WhatsAppCloudTrigger/webhook';
import { MAX_BODY_BYTES } from '../../nodes/WhatsAppCloudTrigger/settings';
import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { callTriggerWebhook, sandboxCredentials, type WebhookResult } from '../harness/n8n';
import { docFixture, docFixtureNames } from '../helpers';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';

const baseParameters = { verifyToken: 'my-verify-token' };
const offline = sandboxCredentials('http://127.0.0.1:9');

interface PostOptions {
	options?: IDataObject;
	parameters?: IDataObject;
	credentials?: IDataObject;
	staticData?: IDataObject;
	signature?: string | null;
	mode?: 'webhook' | 'manual';
	onAnswer?: (result: WebhookResult) => void;
}

function post(body: unknown, opts: PostOptions = {}) {
	const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	const signature = opts.signature === undefined ? signPayload(rawBody, SANDBOX_IDS.appSecret) : opts.signature;
	if (signature !== null) headers['X-Hub-Signature-256'] = signature;
	return callTriggerWebhook({
		parameters: { ...baseParameters, ...opts.parameters, options: opts.options ?? {} },
		credentials: (opts.credentials ?? offline) as never,
		call: { webhookName: 'default', headers, rawBody },
		staticData: opts.staticData,
		mode: opts.mode,
		onAnswer: opts.onAnswer,
	});
}

const change = (field: string, value: IDataObject) => ({ field, value: { messaging_product: 'whatsapp', ...value } });
const envelope = (...entries: Array<{ id: string; changes: object[] }>) => ({
	object: 'whatsapp_business_account',
	entry: entries,
});
const metadata = (phoneNumberId: string) => ({ display_phone_number: '15550783881', phone_number_id: phoneNumberId });
const text = (id: string, body = id) => ({
	from: '16505551234',
	id,
	timestamp: '1714510003',
	type: 'text',
	text: { body },
});
const status = (id: string, value: string) => ({
	id,
	status: value,
	timestamp: '1714510004',
	recipient_id: '16505551234',
});

function statusOnly(...pairs: Array<[string, string]>) {
	return envelope({
		id: SANDBOX_IDS.businessAccountId,
		changes: [
			change('messages', {
				metadata: metadata(SANDBOX_IDS.phoneNumberId),
				statuses: pairs.map(([id, s]) => status(id, s)),
			}),
		],
	});
}

function inbound(...messages: object[]) {
	return envelope({
		id: SANDBOX_IDS.businessAccountId,
		changes: [
			change('messages', {
				metadata: metadata(SANDBOX_IDS.phoneNumberId),
				contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '16505551234' }],
				messages,
			}),
		],
	});
}

beforeEach(() => {
	forgetSeenEvents();
	forgetCredentials();
	forgetRefusals();
});

describe('every documented webhook payload through webhook()', () => {
	const names = docFixtureNames('webhooks');

	it('has the documented payloads to check', () => {
		expect(names.length).toBeGreaterThanOrEqual(40);
	});

	it.each(names)('%s: answers 200 and emits exactly the events it contains', async (name) => {
		const { payload } = docFixture('webhooks', name) as unknown as { payload: unknown };
		const expected = eventsFromWebhook(payload).map((event) => ({ ...event, dedupeKey: dedupeKey(event) }));
		const result = await post(payload, { options: { skipDuplicates: false } });
		expect(result.status).toBe(200);
		if (expected.length === 0) {
			expect(result.items).toBeUndefined();
		} else {
			expect(result.items?.map((item) => item.json)).toEqual(JSON.parse(JSON.stringify(expected)));
		}
	});

	it('maps every documented payload to typed events (fragments of a change value: once wrapped as Meta sends them)', () => {
		// The docs elide arrays in these two: nothing to report.
		const skeletons = new Set(['31-understanding-webhooks', '52-notification-payload-object']);
		const withoutEvents: string[] = [];
		for (const name of names.filter((n) => !skeletons.has(n))) {
			const { payload } = docFixture('webhooks', name) as unknown as { payload: IDataObject };
			const delivered =
				payload.object === undefined
					? envelope({ id: SANDBOX_IDS.businessAccountId, changes: [{ field: 'messages', value: payload }] })
					: payload;
			const events = eventsFromWebhook(delivered);
			if (events.length === 0) withoutEvents.push(name);
			for (const event of events) {
				expect(['message', 'status', 'error', event.field]).toContain(event.event);
				expect(typeof event.type).toBe('string');
			}
		}
		expect(withoutEvents).toEqual([]);
	});
});

describe('batched deliveries', () => {
	it('emits one item per event, never one per POST', async () => {
		const body = envelope(
			{
				id: SANDBOX_IDS.businessAccountId,
				changes: [
					change('messages', {
						metadata: metadata(SANDBOX_IDS.phoneNumberId),
						contacts: [{ profile: { name: 'Kerry' }, wa_id: '16505551234' }],
						messages: [text('wamid.A'), text('wamid.B')],
						statuses: [status('wamid.OUT1', 'delivered')],
					}),
					change('user_preferences', {
						metadata: metadata(SANDBOX_IDS.phoneNumberId),
						user_preferences: [
							{ wa_id: '16505551234', category: 'marketing_messages', value: 'stop', timestamp: 1714510005 },
						],
					}),
				],
			},
			{
				id: '102290129340399',
				changes: [
					change('messages', {
						metadata: metadata(SANDBOX_IDS.secondPhoneNumberId),
						statuses: [status('wamid.OUT2', 'read')],
					}),
				],
			},
		);
		const result = await post(body);
		expect(result.status).toBe(200);
		expect(result.items?.map((i) => [i.json.event, i.json.type, i.json.phoneNumberId])).toEqual([
			['message', 'text', SANDBOX_IDS.phoneNumberId],
			['message', 'text', SANDBOX_IDS.phoneNumberId],
			['status', 'delivered', SANDBOX_IDS.phoneNumberId],
			['user_preferences', 'stop', SANDBOX_IDS.phoneNumberId],
			['status', 'read', SANDBOX_IDS.secondPhoneNumberId],
		]);
	});
});

describe('duplicates', () => {
	it('drops an event delivered again, keeping the new ones of the same POST', async () => {
		const staticData: IDataObject = {};
		const first = await post(inbound(text('wamid.DUP1')), { staticData });
		expect(first.items).toHaveLength(1);
		const again = await post(inbound(text('wamid.DUP1'), text('wamid.DUP2')), { staticData });
		expect(again.status).toBe(200);
		expect(again.items?.map((i) => i.json.messageId)).toEqual(['wamid.DUP2']);
		const third = await post(inbound(text('wamid.DUP1'), text('wamid.DUP2')), { staticData });
		expect(third.status).toBe(200);
		expect(third.items).toBeUndefined();
	});

	it('drops a redelivery even when n8n hands webhook() fresh static data (as n8n 2.41 does in production)', async () => {
		await post(inbound(text('wamid.MEM1')), { staticData: {} });
		const again = await post(inbound(text('wamid.MEM1')), { staticData: {} });
		expect(again.status).toBe(200);
		expect(again.items).toBeUndefined();
	});

	it('drops a redelivery to another process when the static data was kept', async () => {
		const staticData: IDataObject = {};
		await post(inbound(text('wamid.SD1')), { staticData });
		forgetSeenEvents();
		const again = await post(inbound(text('wamid.SD1')), { staticData });
		expect(again.items).toBeUndefined();
		expect(Object.keys((staticData['node:WhatsApp Cloud Trigger'] as IDataObject).seenEvents as object)).toEqual([
			'wamid.SD1',
		]);
	});

	it('keeps statuses of the same message apart (sent, then delivered)', async () => {
		await post(statusOnly(['wamid.S', 'sent']));
		const delivered = await post(statusOnly(['wamid.S', 'sent'], ['wamid.S', 'delivered']));
		expect(delivered.items?.map((i) => i.json.type)).toEqual(['delivered']);
	});

	it('lets duplicates through when Skip Duplicates is off', async () => {
		const options = { skipDuplicates: false };
		await post(inbound(text('wamid.OFF')), { options });
		const again = await post(inbound(text('wamid.OFF')), { options });
		expect(again.items).toHaveLength(1);
	});

	it('a test listen sees the same test payload again (its static data is not kept between listens)', async () => {
		await post(inbound(text('wamid.TEST')), { mode: 'manual', staticData: {} });
		const again = await post(inbound(text('wamid.TEST')), { mode: 'manual', staticData: {} });
		expect(again.items).toHaveLength(1);
	});
});

describe('filters', () => {
	it('status-only traffic starts nothing when only messages are wanted, and still gets 200', async () => {
		const result = await post(statusOnly(['wamid.X', 'sent'], ['wamid.Y', 'delivered'], ['wamid.Z', 'read']), {
			options: { events: ['message'] },
		});
		expect(result.status).toBe(200);
		expect(result.responseBody).toBe('EVENT_RECEIVED');
		expect(result.items).toBeUndefined();
	});

	it('statuses by kind', async () => {
		const result = await post(statusOnly(['wamid.K1', 'sent'], ['wamid.K2', 'failed'], ['wamid.K3', 'read']), {
			options: { statuses: ['failed', 'read'] },
		});
		expect(result.items?.map((i) => i.json.type)).toEqual(['failed', 'read']);
	});

	it('message types, including interactive sub-types', async () => {
		const reply = {
			from: '1',
			id: 'wamid.IR',
			timestamp: '1',
			type: 'interactive',
			interactive: { type: 'button_reply', button_reply: { id: 'b', title: 'Yes' } },
		};
		const image = {
			from: '1',
			id: 'wamid.IM',
			timestamp: '1',
			type: 'image',
			image: { id: 'm1', mime_type: 'image/jpeg' },
		};
		const result = await post(inbound(text('wamid.TX'), reply, image), {
			options: { messageTypes: ['button_reply', 'image'] },
		});
		expect(result.items?.map((i) => i.json.messageId)).toEqual(['wamid.IR', 'wamid.IM']);
	});

	it('only these phone number IDs (comma-separated)', async () => {
		const body = envelope({
			id: SANDBOX_IDS.businessAccountId,
			changes: [
				change('messages', { metadata: metadata('111'), messages: [text('wamid.P1')] }),
				change('messages', { metadata: metadata('222'), messages: [text('wamid.P2')] }),
				change('messages', { metadata: metadata('333'), messages: [text('wamid.P3')] }),
			],
		});
		const result = await post(body, { options: { phoneNumberIds: '111, 333' } });
		expect(result.items?.map((i) => i.json.messageId)).toEqual(['wamid.P1', 'wamid.P3']);
	});

	it('account-level fields only when asked for', async () => {
		const body = envelope({
			id: '0',
			changes: [
				change('payment_configuration_update', {
					configuration_name: 'c',
					provider_name: 'razorpay',
					status: 'Active',
				}),
				change('messages', { metadata: metadata(SANDBOX_IDS.phoneNumberId), messages: [text('wamid.AC')] }),
			],
		});
		const result = await post(body, { options: { events: ['payment_configuration_update'] } });
		expect(result.items?.map((i) => [i.json.event, i.json.type])).toEqual([['payment_configuration_update', 'Active']]);
	});
});

describe('bodies that must not start anything', () => {
	const good = inbound(text('wamid.GOOD'));
	const raw = Buffer.from(JSON.stringify(good));

	it.each([
		['forged (signed with another secret)', 401, raw, signPayload(raw, 'attacker-secret')],
		['unsigned', 401, raw, null],
		['signed with a sha1 header', 401, raw, 'sha1=' + 'a'.repeat(40)],
		['truncated after signing', 401, raw.subarray(0, raw.length - 10), signPayload(raw, SANDBOX_IDS.appSecret)],
		['truncated and signed (not JSON)', 400, raw.subarray(0, raw.length - 10), undefined],
		['not JSON', 400, Buffer.from('object=whatsapp_business_account'), undefined],
		['empty', 400, Buffer.alloc(0), undefined],
	])('%s: answers %i', async (_name, expected, body, signature) => {
		const result = await post(body, { signature: signature as string | null | undefined });
		expect(result.status).toBe(expected);
		expect(result.items).toBeUndefined();
	});

	it('over 3 MB: 413, even when correctly signed', async () => {
		const big = inbound(text('wamid.BIG', 'x'.repeat(MAX_BODY_BYTES)));
		const result = await post(big);
		expect(result.status).toBe(413);
		expect(result.items).toBeUndefined();
	});

	it('just under 3 MB: accepted', async () => {
		const template = JSON.stringify(inbound(text('wamid.NEARLY', '')));
		const body = JSON.stringify(inbound(text('wamid.NEARLY', 'x'.repeat(MAX_BODY_BYTES - template.length))));
		expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
		const result = await post(body);
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	it.each([
		['another object', { object: 'page', entry: [{ id: '1', changes: [{ field: 'feed', value: {} }] }] }],
		['no object', { entry: [] }],
		['a JSON array', [good]],
		['a JSON string', 'whatsapp_business_account'],
		[
			'entries that are not objects',
			{ object: 'whatsapp_business_account', entry: [null, 1, 'x', { changes: 'none' }] },
		],
	])('%s: 200 and no execution', async (_name, body) => {
		const result = await post(JSON.stringify(body));
		expect(result.status).toBe(200);
		expect(result.items).toBeUndefined();
	});
});

describe('signature check setting', () => {
	const noSecret = { ...offline, appSecret: '' };

	it('without an App Secret, refuses every POST unless the check is turned off', async () => {
		const refused = await post(inbound(text('wamid.NS1')), { credentials: noSecret, signature: null });
		expect(refused.status).toBe(401);
		expect(refused.items).toBeUndefined();
		const accepted = await post(inbound(text('wamid.NS2')), {
			credentials: noSecret,
			signature: null,
			parameters: { signatureCheck: 'off' },
		});
		expect(accepted.status).toBe(200);
		expect(accepted.items).toHaveLength(1);
	});

	it('with an App Secret, checks signatures even when the check is set to off', async () => {
		const result = await post(inbound(text('wamid.NS3')), { signature: null, parameters: { signatureCheck: 'off' } });
		expect(result.status).toBe(401);
		expect(result.items).toBeUndefined();
	});
});

describe('media download', () => {
	let sandbox: GraphSandbox;
	const bytes = Buffer.from('\xff\xd8\xff\xe0 fake jpeg bytes', 'latin1');

	beforeAll(async () => {
		sandbox = await createSandbox().start();
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.reset();
		sandbox.state.media.set('778899', {
			id: '778899',
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			mimeType: 'image/jpeg',
			data: bytes,
			sha256: sandbox.sha256(bytes),
		});
	});

	const image = (id: string, mediaId: string) => ({
		from: '16505551234',
		id,
		timestamp: '1714510003',
		type: 'image',
		image: { caption: 'Look', mime_type: 'image/jpeg', sha256: 'h', id: mediaId },
	});

	it('answers Meta before fetching the file, then puts the file in the item binary data', async () => {
		let graphRequestsWhenAnswered = -1;
		const result = await post(inbound(image('wamid.IMG1', '778899'), text('wamid.TXT1')), {
			credentials: sandboxCredentials(sandbox.baseUrl),
			options: { downloadMedia: true },
			onAnswer: (answered) => {
				if (answered.status === 200) graphRequestsWhenAnswered = sandbox.requests.length;
			},
		});
		expect(graphRequestsWhenAnswered).toBe(0);
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(2);
		const [withFile, plain] = result.items!;
		expect(withFile.binary?.data).toMatchObject({ mimeType: 'image/jpeg' });
		expect(Buffer.from(withFile.binary!.data.data, 'base64')).toEqual(bytes);
		expect(withFile.json).toMatchObject({ event: 'message', type: 'image', messageId: 'wamid.IMG1' });
		expect(withFile.json.mediaError).toBeUndefined();
		expect(plain.binary).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /778899',
			'GET /whatsapp_business/attachments',
		]);
		expect(sandbox.requests[0].query).toEqual({ phone_number_id: SANDBOX_IDS.phoneNumberId });
	});

	it('uses the chosen binary property and the document file name', async () => {
		sandbox.state.media.set('445566', {
			id: '445566',
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			mimeType: 'application/pdf',
			data: Buffer.from('%PDF-1.4'),
			sha256: 'x',
		});
		const doc = {
			from: '1',
			id: 'wamid.DOC',
			timestamp: '1',
			type: 'document',
			document: { filename: 'invoice.pdf', mime_type: 'application/pdf', sha256: 'x', id: '445566' },
		};
		const result = await post(inbound(doc), {
			credentials: sandboxCredentials(sandbox.baseUrl),
			options: { downloadMedia: true, binaryPropertyName: 'file' },
		});
		expect(result.items?.[0].binary?.file).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice.pdf' });
	});

	it('still emits the event, with mediaError, when the file cannot be fetched', async () => {
		const result = await post(inbound(image('wamid.IMG2', '000000')), {
			credentials: sandboxCredentials(sandbox.baseUrl),
			options: { downloadMedia: true },
		});
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
		expect(result.items![0].binary).toBeUndefined();
		expect(result.items![0].json.mediaError).toMatch(/media 000000 failed with HTTP 400/);
	});

	it('fetches nothing when Download Media is off', async () => {
		const result = await post(inbound(image('wamid.IMG3', '778899')), {
			credentials: sandboxCredentials(sandbox.baseUrl),
		});
		expect(result.items?.[0].binary).toBeUndefined();
		expect(sandbox.requests).toHaveLength(0);
	});
});
