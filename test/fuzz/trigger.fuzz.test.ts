/**
 * Property-based robustness of the trigger's webhook() through n8n-core's WebhookContext: arbitrary bodies,
 * signature headers and nesting never make it throw or answer 5xx, nothing starts without a valid
 * signature, and a malformed event never costs the well-formed events of its delivery.
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { forgetSeenEvents } from '../../nodes/WhatsAppCloudTrigger/seenEvents';
import { MAX_BODY_BYTES } from '../../nodes/WhatsAppCloudTrigger/settings';
import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { callTriggerWebhook, sandboxCredentials, type WebhookResult } from '../harness/n8n';
import { SANDBOX_IDS } from '../sandbox';
import { report, runs, Tally } from './runs';

const credentials = sandboxCredentials('http://127.0.0.1:9');

async function deliver(rawBody: Buffer, header: string | undefined, options: IDataObject = {}): Promise<WebhookResult> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (header !== undefined) headers['x-hub-signature-256'] = header;
	return await callTriggerWebhook({
		parameters: { verifyToken: 'fuzz', options },
		credentials,
		call: { webhookName: 'default', headers, rawBody },
	});
}

const signed = (rawBody: Buffer) => signPayload(rawBody, SANDBOX_IDS.appSecret);

/** Keys that pollute prototypes when an implementation merges objects carelessly. */
const pollution = fc.constantFrom<IDataObject>(
	JSON.parse('{"__proto__":{"polluted":"yes"}}') as IDataObject,
	{ constructor: { prototype: { polluted: 'yes' } } },
	JSON.parse('{"__proto__":[1],"toString":"x","valueOf":{}}') as IDataObject,
);

const junk = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) }, { weight: 1, arbitrary: pollution });

const wellFormedMessage = (id: string) => ({
	from: '16505551234',
	id,
	timestamp: '1714510003',
	type: 'text',
	text: { body: `hello ${id}` },
});

/** Something shaped like a delivery, with any part of it possibly wrong. */
const envelopeLike = fc.record(
	{
		object: fc.oneof(fc.constant('whatsapp_business_account'), junk),
		entry: fc.oneof(
			fc.array(
				fc.record(
					{
						id: fc.oneof(fc.string(), junk),
						time: fc.oneof(fc.integer(), junk),
						changes: fc.oneof(
							fc.array(
								fc.record(
									{
										field: fc.oneof(
											fc.constantFrom('messages', 'user_preferences', 'payment_configuration_update', 'x'),
											junk,
										),
										value: fc.oneof(
											fc.record(
												{
													metadata: fc.oneof(fc.record({ phone_number_id: fc.oneof(fc.string(), junk) }), junk),
													contacts: fc.oneof(
														fc.array(fc.oneof(fc.record({ wa_id: fc.string(), profile: junk }), junk)),
														junk,
													),
													messages: fc.oneof(
														fc.array(fc.oneof(fc.string().map(wellFormedMessage), junk), { maxLength: 5 }),
														junk,
													),
													statuses: fc.oneof(fc.array(junk, { maxLength: 5 }), junk),
													errors: fc.oneof(fc.array(junk, { maxLength: 3 }), junk),
													user_preferences: fc.oneof(fc.array(junk, { maxLength: 3 }), junk),
												},
												{ requiredKeys: [] },
											),
											junk,
										),
									},
									{ requiredKeys: [] },
								),
								{ maxLength: 3 },
							),
							junk,
						),
					},
					{ requiredKeys: [] },
				),
				{ maxLength: 3 },
			),
			junk,
		),
	},
	{ requiredKeys: [] },
);

/** Nesting as deep as a 3 MB body allows, written as text (JSON.stringify itself overflows past a few thousand levels). */
const deepText = fc
	.record({ depth: fc.integer({ min: 0, max: 60_000 }), kind: fc.constantFrom('object', 'array') })
	.map(({ depth, kind }) =>
		kind === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`,
	);

function expectPrototypesClean(): void {
	expect(({} as IDataObject).polluted).toBeUndefined();
	expect(([] as unknown as IDataObject).polluted).toBeUndefined();
	expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/** Every item is something n8n can copy and store. */
function expectStorable(items: INodeExecutionData[] | undefined): void {
	if (!items) return;
	expect(() => structuredClone(items)).not.toThrow();
	for (const item of items) {
		expect(typeof item.json.event).toBe('string');
		expect(typeof item.json.dedupeKey).toBe('string');
	}
}

beforeEach(() => forgetSeenEvents());

describe('trigger webhook() under arbitrary input', () => {
	it('signed arbitrary bodies: never throws, never 5xx, events only with a 200', async () => {
		const started = Date.now();
		const tally = new Tally();
		const body = fc.oneof(
			{ weight: 3, arbitrary: envelopeLike.map((v) => Buffer.from(JSON.stringify(v))) },
			{ weight: 1, arbitrary: fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '')) },
			{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary' }).map((s) => Buffer.from(s)) },
		);
		await fc.assert(
			fc.asyncProperty(body, fc.boolean(), async (rawBody, skipDuplicates) => {
				const result = await deliver(rawBody, signed(rawBody), { skipDuplicates });
				tally.add(`status${result.status}${result.items ? '+items' : ''}`);
				expect([200, 400, 413]).toContain(result.status);
				if (result.status !== 200) expect(result.items).toBeUndefined();
				expectStorable(result.items);
				expectPrototypesClean();
			}),
			runs(300),
		);
		report('webhook:signed-arbitrary-bodies', tally.counts, started);
	});

	it('arbitrary signature headers: nothing starts unless the header is exactly the HMAC of the body', async () => {
		const started = Date.now();
		const tally = new Tally();
		const rawBody = Buffer.from(
			JSON.stringify({
				object: 'whatsapp_business_account',
				entry: [{ id: 'w', changes: [{ field: 'messages', value: { messages: [wellFormedMessage('wamid.SIG')] } }] }],
			}),
		);
		const good = signed(rawBody);
		const header = fc.oneof(
			fc.constant(undefined),
			fc.string(),
			fc.string({ unit: 'binary' }),
			fc.stringMatching(/^sha256=[0-9a-f]{64}$/),
			fc.string({ maxLength: 4 }).map((s) => `${good}${s}`),
			fc.string({ maxLength: 4 }).map((s) => `${s}${good}`),
			fc.nat({ max: 70 }).map((n) => good.slice(0, n)),
			fc
				.record({ at: fc.nat({ max: 70 }), c: fc.string({ minLength: 1, maxLength: 1 }) })
				.map(({ at, c }) => good.slice(0, at) + c + good.slice(at + 1)),
			fc.constantFrom(
				good,
				good.toUpperCase(),
				`sha256=${good.slice(7).toUpperCase()}`,
				signPayload(rawBody, 'forged'),
				signPayload(rawBody, ''),
			),
		);
		await fc.assert(
			fc.asyncProperty(header, async (value) => {
				forgetSeenEvents();
				const result = await deliver(rawBody, value);
				const valid =
					value !== undefined &&
					/^sha256=[0-9a-fA-F]{64}$/.test(value) &&
					value.slice(7).toLowerCase() === good.slice(7);
				tally.add(valid ? 'valid' : `refused${result.status}`);
				if (valid) {
					expect(result.status).toBe(200);
					expect(result.items?.map((i) => i.json.messageId)).toEqual(['wamid.SIG']);
				} else {
					expect(result.status).toBe(401);
					expect(result.items).toBeUndefined();
				}
			}),
			runs(300),
		);
		report('webhook:signature-headers', tally.counts, started);
	});

	it('a malformed or deeply nested event never costs the well-formed events of its delivery', async () => {
		const started = Date.now();
		const tally = new Tally();
		let delivery = 0;
		const malformed = fc.oneof(
			{ weight: 3, arbitrary: junk.map((v) => JSON.stringify(v)) },
			{ weight: 2, arbitrary: deepText },
			{ weight: 2, arbitrary: deepText.map((deep) => `{"type":"text","text":${deep}}`) },
			{ weight: 1, arbitrary: deepText.map((deep) => `{"id":"x","status":"sent","errors":[${deep}]}`) },
		);
		const layout = fc.record({
			wellFormed: fc.integer({ min: 1, max: 5 }),
			malformed: fc.array(fc.record({ text: malformed, at: fc.nat() }), { minLength: 1, maxLength: 4 }),
			siblings: fc.record({
				statuses: fc.array(junk, { maxLength: 3 }),
				contacts: fc.oneof(fc.array(junk, { maxLength: 3 }), junk),
				metadata: junk,
			}),
		});
		await fc.assert(
			fc.asyncProperty(layout, async ({ wellFormed, malformed: bad, siblings }) => {
				delivery++;
				const ids = Array.from({ length: wellFormed }, (_, i) => `wamid.WF${delivery}-${i}`);
				// The well-formed messages go in as JSON, the malformed entries as raw text between them.
				const entries: string[] = ids.map((id) => JSON.stringify(wellFormedMessage(id)));
				for (const { text, at } of bad) entries.splice(at % (entries.length + 1), 0, text);
				// A function, not a string: `$&` and the like in a replacement string are patterns.
				const value = JSON.stringify({ ...siblings, messages: '@MESSAGES@' }).replace(
					'"@MESSAGES@"',
					() => `[${entries.join(',')}]`,
				);
				const rawBody = Buffer.from(
					`{"object":"whatsapp_business_account","entry":[{"id":"w","changes":[{"field":"messages","value":${value}}]}]}`,
				);
				if (rawBody.length > MAX_BODY_BYTES) return;
				const result = await deliver(rawBody, signed(rawBody));
				tally.add(`wellFormed${wellFormed}`);
				expect(result.status).toBe(200);
				const emitted = (result.items ?? [])
					.map((i) => i.json.messageId)
					.filter((id) => typeof id === 'string' && id.startsWith('wamid.WF'));
				expect(emitted).toEqual(ids);
				expectStorable(result.items);
				expectPrototypesClean();
			}),
			runs(120),
		);
		report('webhook:malformed-beside-well-formed', tally.counts, started);
	});
});
