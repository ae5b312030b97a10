/**
 * One delivery through n8n-core's WebhookContext: what a malformed event, a forged flood, a big batch and a
 * batch of media do to the others, and how much of n8n (parameters, credential) a delivery costs.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { WebhookContext } from 'n8n-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL_TTL_MS, forgetCredentials } from '../../nodes/WhatsAppCloudTrigger/credentialCache';
import { MAX_EVENT_DEPTH, TOO_DEEP } from '../../nodes/WhatsAppCloudTrigger/events';
import { MEDIA_CONCURRENCY } from '../../nodes/WhatsAppCloudTrigger/inboundMedia';
import { SEEN_KEY } from '../../nodes/WhatsAppCloudTrigger/dedupe';
import { forgetSeenEvents, PERSISTED_MAX_ENTRIES } from '../../nodes/WhatsAppCloudTrigger/seenEvents';
import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { forgetRefusals, REFUSAL_LOG_INTERVAL_MS } from '../../nodes/WhatsAppCloudTrigger/webhook';
import { inboundText, messagesDelivery } from '../harness/deliveries';
import { callTriggerWebhook, sandboxCredentials } from '../harness/n8n';
import { SANDBOX_IDS } from '../sandbox';

const offline = sandboxCredentials('http://127.0.0.1:9');

function post(
	body: unknown,
	opts: { options?: IDataObject; signature?: string | null; credentials?: IDataObject; staticData?: IDataObject } = {},
) {
	const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	const signature = opts.signature === undefined ? signPayload(rawBody, SANDBOX_IDS.appSecret) : opts.signature;
	if (signature !== null) headers['x-hub-signature-256'] = signature;
	return callTriggerWebhook({
		parameters: { verifyToken: 'token', options: opts.options ?? {} },
		credentials: (opts.credentials ?? offline) as never,
		call: { webhookName: 'default', headers, rawBody },
		staticData: opts.staticData,
	});
}

const messagesBody = messagesDelivery;
const text = (id: string) => inboundText(id);

let warn: jest.SpyInstance;
let error: jest.SpyInstance;

beforeEach(() => {
	forgetSeenEvents();
	forgetCredentials();
	forgetRefusals();
	warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => {});
	error = jest.spyOn(Container.get(Logger), 'error').mockImplementation(() => {});
});

afterEach(() => jest.restoreAllMocks());

describe('one event that cannot be handled never takes the others with it', () => {
	it('a message without an ID nested 5,000 levels deep: 200, and the ordinary messages beside it are emitted', async () => {
		const depth = 5_000;
		// Written as text: JSON.stringify itself overflows the stack at this depth.
		const deep = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
		const wrapped = JSON.stringify(
			messagesBody({ messages: [text('wamid.BEFORE'), { type: 'text', text: 'DEEP' }, text('wamid.AFTER')] }),
		);
		const body = Buffer.from(wrapped.replace('"DEEP"', () => deep));
		const result = await post(body);
		expect(result.status).toBe(200);
		expect(result.items?.map((i) => i.json.messageId)).toEqual(['wamid.BEFORE', null, 'wamid.AFTER']);
		const cut = result.items![1].json;
		expect(cut.dedupeKey).toMatch(/^message:[0-9a-f]{64}$/);
		expect(JSON.stringify(cut)).toContain(TOO_DEEP);
		expect(() => structuredClone(result.items)).not.toThrow();
		expect(error).not.toHaveBeenCalled();
		expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining(`nests too deep`)]);
		expect(MAX_EVENT_DEPTH).toBeLessThan(1000);
	});

	it('a redelivery of that body is recognised, deep event included', async () => {
		const deep = JSON.parse(`${'['.repeat(3_000)}1${']'.repeat(3_000)}`) as IDataObject;
		const body = messagesBody({ messages: [{ type: 'text', text: { body: deep } }, text('wamid.OK')] });
		expect((await post(body)).items).toHaveLength(2);
		const again = await post(body);
		expect(again.status).toBe(200);
		expect(again.items).toBeUndefined();
	});
});

describe('signature header parsing', () => {
	const raw = Buffer.from(JSON.stringify(messagesBody({ messages: [text('wamid.SIG')] })));
	const good = signPayload(raw, SANDBOX_IDS.appSecret);

	it.each([
		['the right HMAC followed by "zz"', `${good}zz`],
		['one extra hex digit', `${good}a`],
		['a trailing space', `${good} `],
	])('refuses %s with 401 and starts nothing', async (_name, header) => {
		const result = await post(raw, { signature: header });
		expect(result.status).toBe(401);
		expect(result.items).toBeUndefined();
	});
});

describe('refused deliveries in the log', () => {
	const raw = Buffer.from(JSON.stringify(messagesBody({ messages: [text('wamid.LOG')] })));

	it('says why, without the header or any secret, once per interval however many arrive', async () => {
		let now = 1_800_000_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const forged = signPayload(raw, 'attacker');
		for (let i = 0; i < 20; i++) expect((await post(raw, { signature: forged })).status).toBe(401);
		expect(warn).toHaveBeenCalledTimes(1);
		const [line] = warn.mock.calls[0] as [string];
		expect(line).toMatch(
			/refused a webhook with 401: its X-Hub-Signature-256 does not match the body signed with the credential's App Secret/,
		);
		for (const secret of [SANDBOX_IDS.appSecret, forged, forged.slice(7, 30), SANDBOX_IDS.token])
			expect(line).not.toContain(secret);

		now += REFUSAL_LOG_INTERVAL_MS;
		expect((await post(raw, { signature: null })).status).toBe(401);
		expect(warn).toHaveBeenCalledTimes(2);
		expect(warn.mock.calls[1][0]).toMatch(/no X-Hub-Signature-256 header \(19 more refused/);
	});

	it('names a credential without App Secret as the reason', async () => {
		expect((await post(raw, { signature: null, credentials: { ...offline, appSecret: '' } })).status).toBe(401);
		expect(warn.mock.calls[0][0]).toMatch(/Signature Check is Required but the credential has no App Secret/);
	});

	it('logs nothing for accepted deliveries', async () => {
		expect((await post(raw)).status).toBe(200);
		expect(warn).not.toHaveBeenCalled();
	});
});

describe('what one delivery asks of n8n', () => {
	const statuses = (n: number) =>
		messagesBody({
			statuses: Array.from({ length: n }, (_, i) => ({
				id: `wamid.OUT${i}`,
				status: 'delivered',
				timestamp: '1',
				recipient_id: '1',
			})),
		});

	it('reads the credential once per node and CREDENTIAL_TTL_MS, and plain parameters without the expression engine', async () => {
		let now = 1_800_000_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const credentialReads = jest.spyOn(WebhookContext.prototype, 'getCredentials');
		const parameterReads = jest.spyOn(WebhookContext.prototype, 'getNodeParameter');
		for (let i = 0; i < 5; i++) {
			const result = await post(statuses(3), { options: { events: ['message'], statuses: ['read', 'failed'] } });
			expect(result.status).toBe(200);
			expect(result.items).toBeUndefined();
		}
		expect(credentialReads).toHaveBeenCalledTimes(1);
		expect(parameterReads).not.toHaveBeenCalled();
		now += CREDENTIAL_TTL_MS;
		await post(statuses(1));
		expect(credentialReads).toHaveBeenCalledTimes(2);
	});

	it('evaluates a parameter that holds an expression, once per delivery', async () => {
		const parameterReads = jest.spyOn(WebhookContext.prototype, 'getNodeParameter');
		const result = await post(
			messagesBody({ messages: [text('wamid.EXPR')], statuses: [{ id: 'wamid.X', status: 'read' }] }),
			{
				options: { events: '={{ "mess" + "age" }}' },
			},
		);
		expect(result.items?.map((i) => i.json.event)).toEqual(['message']);
		expect(parameterReads.mock.calls.map((c) => c[0])).toEqual(['options']);
	});
});

describe('Download Media on a batch', () => {
	let server: Server;
	let base: string;
	let inFlight = 0;
	let maxInFlight = 0;

	beforeAll(async () => {
		// Stands in for Graph: media lookups and file downloads each take 30 ms, so parallel ones overlap.
		server = createServer((req, res) => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			setTimeout(() => {
				inFlight--;
				const file = /^\/files\/(\d+)$/.exec(url.pathname);
				if (file) {
					res.writeHead(200, { 'content-type': 'image/jpeg' });
					res.end(`bytes of ${file[1]}`);
					return;
				}
				const id = url.pathname.split('/').pop();
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ url: `${base}/files/${id}`, mime_type: 'image/jpeg', id }));
			}, 30);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it(`fetches ${MEDIA_CONCURRENCY} files at a time at most, and every item gets its own file`, async () => {
		const images = Array.from({ length: 12 }, (_, i) => ({
			...text(`wamid.IMG${i}`),
			type: 'image',
			image: { id: String(1000 + i), mime_type: 'image/jpeg' },
		}));
		const result = await post(messagesBody({ messages: images }), {
			credentials: sandboxCredentials(base),
			options: { downloadMedia: true },
		});
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(12);
		result.items!.forEach((item, i) => {
			expect(item.json.mediaError).toBeUndefined();
			expect(Buffer.from(item.binary!.data.data, 'base64').toString()).toBe(`bytes of ${1000 + i}`);
		});
		expect(maxInFlight).toBe(MEDIA_CONCURRENCY);
	});
});

describe('what a delivery keeps in static data', () => {
	it(`keeps the last ${PERSISTED_MAX_ENTRIES} keys there (cheap for n8n to load per request); this process remembers more`, async () => {
		const staticData: IDataObject = {};
		const ids = Array.from({ length: PERSISTED_MAX_ENTRIES + 50 }, (_, i) => `wamid.KEEP${i}`);
		for (let at = 0; at < ids.length; at += 150) {
			expect(
				(await post(messagesBody({ messages: ids.slice(at, at + 150).map(text) }), { staticData })).items,
			).toHaveLength(Math.min(150, ids.length - at));
		}
		const record = (staticData['node:WhatsApp Cloud Trigger'] as IDataObject)[SEEN_KEY] as Record<string, number>;
		expect(Object.keys(record)).toHaveLength(PERSISTED_MAX_ENTRIES);
		expect(ids[0] in record).toBe(false);
		expect(ids[ids.length - 1] in record).toBe(true);

		// This process: the oldest is still known. After a restart: the recorded ones are.
		expect((await post(messagesBody({ messages: [text(ids[0])] }), { staticData })).items).toBeUndefined();
		forgetSeenEvents();
		expect((await post(messagesBody({ messages: [text(ids[ids.length - 1])] }), { staticData })).items).toBeUndefined();
		expect((await post(messagesBody({ messages: [text(ids[0])] }), { staticData })).items).toHaveLength(1);
	});
});
