import { Container } from '@n8n/di';
import { generateUrlSignature, InstanceSettings, prepareUrlForSigning } from 'n8n-core';
import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { ACTION_TYPE, NodeTypes, runAction, sandboxCredentials } from '../harness/n8n';
import { WAITING_NODE_ID, waitingTestBed } from '../harness/waiting';
import { SANDBOX_IDS } from '../sandbox';

/** Send and Wait for Response answered through its link, run by n8n-core as n8n runs it. */

const bed = waitingTestBed();

const sends = () => bed.sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`);

const approval = (values: IDataObject = { approvalType: 'double' }) => ({
	recipient: '+16505551234',
	message: 'Approve order A-1001 (3 items, $120)?',
	responseType: 'approval',
	answerIn: 'link',
	approvalOptions: { values },
});

/** The CTA URL of the last question sent. */
function questionUrl(): string {
	const body = sends().at(-1)!.body as { interactive: { action: { parameters: { url: string } } } };
	return body.interactive.action.parameters.url;
}

function questionId(): string {
	return (sends().at(-1)!.response as { messages: Array<{ id: string }> }).messages[0].id;
}

/** A resume URL for this execution and node, signed the way n8n signs (only n8n knows the secret). */
function signedUrl(executionId: string, query: Record<string, string>): string {
	const url = new URL(`${bed.n8n.origin}/webhook-waiting/${executionId}/${WAITING_NODE_ID}`);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	url.searchParams.set(
		'signature',
		generateUrlSignature(prepareUrlForSigning(url), Container.get(InstanceSettings).hmacSignatureSecret),
	);
	return url.toString();
}

describe('Send and Wait, answered through the link', () => {
	it('sends the question as a CTA URL button that opens the signed resume URL, then waits', async () => {
		const execution = await bed.n8n.run({ parameters: approval() });
		expect(execution.status).toBe('waiting');
		expect(execution.waitTill).toEqual(WAIT_INDEFINITELY);

		// Doc 30's example request, with this question's values.
		const documented = docFixture<IDataObject>('messages', '30-cta-url-example-request').body;
		expect(Object.keys(sends()[0].body as IDataObject)).toEqual(Object.keys(documented));
		expect(sends()[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: 'Approve order A-1001 (3 items, $120)?' },
				action: { name: 'cta_url', parameters: { display_text: 'Respond', url: expect.any(String) } },
			},
		});
		expect(sends()[0].status).toBe(200);
		const url = new URL(questionUrl());
		expect(`${url.origin}${url.pathname}`).toBe(`${bed.n8n.origin}/webhook-waiting/${execution.id}/${WAITING_NODE_ID}`);
		expect([...url.searchParams.keys()]).toEqual(['w', 'signature']);
		expect(url.searchParams.get('w')).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
		// While it waits, the node shows its input.
		expect(bed.n8n.outputs(execution.id)).toEqual([[{ json: { orderId: 'A-1001' }, pairedItem: { item: 0 } }]]);
	});

	it('opening the link shows the question with Approve and Decline and changes nothing', async () => {
		const execution = await bed.n8n.run({ parameters: approval() });
		const page = await bed.n8n.request('GET', questionUrl());
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toMatch(/^text\/html/);
		expect(page.headers['content-security-policy']).toMatch(/^sandbox allow-forms;.*default-src 'none'/);
		expect(page.body).toContain('Approve order A-1001 (3 items, $120)?');
		expect(page.body).toContain('name="approved" value="true">✓ Approve</button>');
		expect(page.body).toContain('name="approved" value="false">✗ Decline</button>');
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it.each([
		['true', true],
		['false', false],
	])('approved=%s resumes the execution with { data: { approved: %s } }', async (posted, approved) => {
		const execution = await bed.n8n.run({ parameters: approval() });
		const before = Date.now();
		const answer = await bed.n8n.request('POST', questionUrl(), new URLSearchParams({ approved: posted }));
		expect(answer.status).toBe(200);
		expect(answer.body).toContain('Got it, thanks');
		expect(bed.n8n.get(execution.id).status).toBe('success');
		const [output] = bed.n8n.outputs(execution.id);
		expect(output).toEqual([
			{
				json: {
					data: { approved, respondedAt: expect.any(String) },
					respondedVia: 'link',
					respondent: null,
					messageId: questionId(),
					replyMessageId: null,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(Date.parse(String((output[0].json.data as IDataObject).respondedAt))).toBeGreaterThanOrEqual(before - 1000);
	});

	it('Approve Only shows no Decline and refuses approved=false', async () => {
		const execution = await bed.n8n.run({ parameters: approval({ approvalType: 'single', approveLabel: 'Ship it' }) });
		const page = await bed.n8n.request('GET', questionUrl());
		expect(page.body).toContain('value="true">Ship it</button>');
		expect(page.body).not.toContain('value="false"');
		const declined = await bed.n8n.request('POST', questionUrl(), new URLSearchParams({ approved: 'false' }));
		expect(declined.status).toBe(400);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('Free Text: the link opens a text form; the text resumes with { data: { text } }', async () => {
		const execution = await bed.n8n.run({
			parameters: {
				recipient: '16505551234',
				message: 'When should we deliver?',
				responseType: 'freeText',
				options: { messageButtonLabel: 'Answer', responseFormTitle: 'Delivery' },
			},
		});
		expect((sends()[0].body as { interactive: { action: IDataObject } }).interactive.action).toEqual({
			name: 'cta_url',
			parameters: { display_text: 'Answer', url: questionUrl() },
		});
		const page = await bed.n8n.request('GET', questionUrl());
		expect(page.body).toContain('<h1>Delivery</h1>');
		expect(page.body).toContain('When should we deliver?');
		expect(page.body).toContain('<textarea id="text" name="text" required>');

		const empty = await bed.n8n.request('POST', questionUrl(), new URLSearchParams({ text: '  ' }));
		expect(empty.status).toBe(400);
		expect(empty.body).toContain('Response is required');
		expect(bed.n8n.get(execution.id).status).toBe('waiting');

		await bed.n8n.request('POST', questionUrl(), new URLSearchParams({ text: 'Monday after 10am' }));
		expect(bed.n8n.outputs(execution.id)[0][0].json).toMatchObject({
			data: { text: 'Monday after 10am' },
			respondedVia: 'link',
		});
	});

	describe('Custom Form', () => {
		const form = (defineForm: 'fields' | 'json') => ({
			recipient: '16505551234',
			message: 'Please confirm the delivery details',
			responseType: 'customForm',
			defineForm,
			...(defineForm === 'fields'
				? {
						formFields: {
							values: [
								{ fieldLabel: 'Name', fieldType: 'text', requiredField: true },
								{ fieldLabel: 'Quantity', fieldType: 'number' },
								{
									fieldLabel: 'Delivery',
									fieldType: 'radio',
									fieldOptions: { values: [{ option: 'Pick-up' }, { option: 'Courier' }] },
								},
								{
									fieldLabel: 'Extras',
									fieldType: 'checkbox',
									fieldOptions: { values: [{ option: 'Gift wrap' }, { option: 'Card' }] },
								},
								{ fieldType: 'hiddenField', fieldName: 'source', fieldValue: 'whatsapp' },
							],
						},
					}
				: {
						jsonOutput: JSON.stringify([
							{ fieldLabel: 'Name', requiredField: true },
							{ fieldLabel: 'Quantity', fieldType: 'number' },
						]),
					}),
		});

		it('the link opens the form; a multipart answer resumes with one key per field', async () => {
			const execution = await bed.n8n.run({ parameters: form('fields') });
			expect((sends()[0].body as { interactive: { type: string } }).interactive.type).toBe('cta_url');
			const page = await bed.n8n.request('GET', questionUrl());
			expect(page.body).toContain('enctype="multipart/form-data"');
			expect(page.body).toContain('<label for="f0">Name *</label><input type="text" id="f0" name="field-0"');
			expect(page.body).toContain('<input type="radio" name="field-2" value="Courier"> Courier');
			expect(page.body).not.toContain('whatsapp');

			const answer = new FormData();
			answer.append('field-0', '  Ann Lee ');
			answer.append('field-1', '3');
			answer.append('field-2', 'Courier');
			answer.append('field-3', 'Gift wrap');
			answer.append('field-3', 'Card');
			expect((await bed.n8n.request('POST', questionUrl(), answer)).status).toBe(200);
			expect(bed.n8n.outputs(execution.id)[0][0].json.data).toEqual({
				Name: 'Ann Lee',
				Quantity: 3,
				Delivery: 'Courier',
				Extras: ['Gift wrap', 'Card'],
				source: 'whatsapp',
				respondedAt: expect.any(String),
			});
		});

		it('a missing required field shows the form again and the execution keeps waiting', async () => {
			const execution = await bed.n8n.run({ parameters: form('json') });
			const answer = new FormData();
			answer.append('field-1', '2');
			const retry = await bed.n8n.request('POST', questionUrl(), answer);
			expect(retry.status).toBe(400);
			expect(retry.body).toContain('Name is required');
			expect(bed.n8n.get(execution.id).status).toBe('waiting');
		});

		it('n8n refuses a custom form answer that is not multipart/form-data (415)', async () => {
			const execution = await bed.n8n.run({ parameters: form('json') });
			const answer = await bed.n8n.request('POST', questionUrl(), new URLSearchParams({ 'field-0': 'Ann' }));
			expect(answer.status).toBe(415);
			expect(bed.n8n.get(execution.id).status).toBe('waiting');
		});

		it('a form that cannot be shown fails the node before anything is sent', async () => {
			const execution = await bed.n8n.run({
				parameters: { ...form('json'), jsonOutput: '[{"fieldLabel": "CV", "fieldType": "file"}]' },
			});
			expect(execution.status).toBe('error');
			expect(execution.data.resultData.error?.message).toBe(
				'Form Fields: field 1 has type "file", which WhatsApp Cloud\'s Send and Wait does not offer; use one of checkbox, date, dropdown, email, hiddenField, number, password, radio, text, textarea [item 0]',
			);
			expect(sends()).toHaveLength(0);
		});
	});

	describe('forged and replayed resume calls', () => {
		it('n8n refuses a URL whose token or signature was changed (401); the execution keeps waiting', async () => {
			const execution = await bed.n8n.run({ parameters: approval() });
			const url = new URL(questionUrl());
			const otherToken = new URL(url);
			otherToken.searchParams.set('w', 'AAAAAAAAAAAAAAAAAAAAAA');
			const unsigned = new URL(url);
			unsigned.searchParams.delete('signature');
			const approvedInUrl = new URL(url);
			approvedInUrl.searchParams.set('approved', 'true');
			for (const forged of [otherToken, unsigned, approvedInUrl]) {
				const answer = await bed.n8n.request('POST', forged.toString(), new URLSearchParams({ approved: 'true' }));
				expect([forged.search, answer.status]).toEqual([forged.search, 401]);
			}
			expect(bed.n8n.get(execution.id).status).toBe('waiting');
			expect(bed.n8n.outputs(execution.id)).toHaveLength(1);
		});

		it("a correctly signed URL without this wait's token is refused by the node itself (403)", async () => {
			const execution = await bed.n8n.run({ parameters: approval() });
			for (const query of [{}, { w: 'AAAAAAAAAAAAAAAAAAAAAA' }, { approved: 'true' }] as Array<
				Record<string, string>
			>) {
				const answer = await bed.n8n.request(
					'POST',
					signedUrl(execution.id, query),
					new URLSearchParams({ approved: 'true' }),
				);
				expect(answer.status).toBe(403);
				expect(answer.body).toContain('This link is no longer valid');
			}
			expect(bed.n8n.get(execution.id).status).toBe('waiting');
		});

		it('the same answer sent again after the execution went on does nothing', async () => {
			const execution = await bed.n8n.run({ parameters: approval() });
			const url = questionUrl();
			await bed.n8n.request('POST', url, new URLSearchParams({ approved: 'true' }));
			const replay = await bed.n8n.request('POST', url, new URLSearchParams({ approved: 'false' }));
			expect(replay.body).toBe('send-and-wait-no-action-required');
			expect(bed.n8n.outputs(execution.id)).toHaveLength(1);
			expect(bed.n8n.outputs(execution.id)[0][0].json.data).toMatchObject({ approved: true });
		});

		it("when the node asks again (a loop), the first question's link no longer answers", async () => {
			const execution = await bed.n8n.run({ parameters: approval(), loop: true });
			const first = questionUrl();
			await bed.n8n.request('POST', first, new URLSearchParams({ approved: 'false' }));
			// The answer went round the loop into the node, which asked again with a new token.
			expect(bed.n8n.get(execution.id).status).toBe('waiting');
			expect(sends()).toHaveLength(2);
			const second = questionUrl();
			expect(new URL(second).searchParams.get('w')).not.toBe(new URL(first).searchParams.get('w'));

			const replay = await bed.n8n.request('POST', first, new URLSearchParams({ approved: 'true' }));
			expect(replay.status).toBe(403);
			expect(bed.n8n.get(execution.id).status).toBe('waiting');
			expect((await bed.n8n.request('GET', first)).status).toBe(403);
			expect((await bed.n8n.request('GET', second)).status).toBe(200);
		});
	});

	describe('Limit Wait Time', () => {
		it('after the interval the execution resumes with the input items unchanged', async () => {
			const before = Date.now();
			const execution = await bed.n8n.run({
				parameters: {
					...approval(),
					options: {
						limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } },
					},
				},
				items: [{ json: { orderId: 'A-1001', total: 120 } }],
			});
			const waitTill = execution.waitTill!.getTime();
			expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3600_000);
			expect(waitTill).toBeLessThanOrEqual(Date.now() + 2 * 3600_000);

			await bed.n8n.timeOut(execution.id);
			expect(bed.n8n.get(execution.id).status).toBe('success');
			expect(bed.n8n.outputs(execution.id)).toEqual([
				[{ json: { orderId: 'A-1001', total: 120 }, pairedItem: { item: 0 } }],
			]);
			// The question's link is of no use afterwards.
			expect((await bed.n8n.request('POST', questionUrl(), new URLSearchParams({ approved: 'true' }))).body).toBe(
				'send-and-wait-no-action-required',
			);
		});

		it('at a date and time: the wait ends then; a date in the past is refused before sending', async () => {
			const at = new Date(Date.now() + 3 * 86400_000);
			const execution = await bed.n8n.run({
				parameters: {
					...approval(),
					options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: at.toISOString() } } },
				},
			});
			expect(execution.waitTill).toEqual(at);

			bed.sandbox.reset();
			const past = await bed.n8n.run({
				parameters: {
					...approval(),
					options: {
						limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' } },
					},
				},
			});
			expect(past.status).toBe('error');
			expect(past.data.resultData.error?.message).toBe(
				'Limit Wait Time > Max Date and Time is in the past (2020-01-01T00:00:00.000Z) [item 0]',
			);
			expect(sends()).toHaveLength(0);
		});
	});

	describe('checks before sending', () => {
		it('a question over the interactive body limit fails naming the field, and nothing is sent', async () => {
			const execution = await bed.n8n.run({ parameters: { ...approval(), message: 'x'.repeat(1025) } });
			expect(execution.status).toBe('error');
			expect(execution.data.resultData.error?.message).toBe(
				'Message is too long: 1025 characters, the limit is 1024 [item 0]',
			);
			expect(sends()).toHaveLength(0);
		});

		it('a bad recipient fails like every send, and nothing is sent', async () => {
			const execution = await bed.n8n.run({ parameters: { ...approval(), recipient: 'kerry' } });
			expect(execution.data.resultData.error?.message).toMatch(
				/^Recipient must be a phone number .* got "kerry" \[item 0\]$/,
			);
			expect(sends()).toHaveLength(0);
		});

		it("a Graph error fails the node with Meta's code; with Continue On Fail it outputs the error and does not wait", async () => {
			bed.sandbox.injectError(131026, { path: /\/messages$/, times: 2, title: 'Message undeliverable' });
			const failed = await bed.n8n.run({ parameters: approval() });
			expect(failed.status).toBe('error');
			const error = failed.data.resultData.error as unknown as { message: string; context?: IDataObject };
			expect(error.message).toContain('Message undeliverable');

			const tolerant = await bed.n8n.run({ parameters: approval(), settings: { onError: 'continueRegularOutput' } });
			expect(tolerant.status).toBe('success');
			expect(bed.n8n.outputs(tolerant.id)).toEqual([
				[{ json: { error: expect.stringContaining('Message undeliverable') }, pairedItem: { item: 0 } }],
			]);
		});
	});

	describe('n8n versions without the APIs it needs', () => {
		it('without custom operations the node still loads and the operation fails with a clear message, sending nothing', async () => {
			const type = new NodeTypes().getByName(ACTION_TYPE) as INodeType;
			const customOperations = type.customOperations;
			delete type.customOperations;
			try {
				const run = await runAction({
					parameters: { resource: 'message', operation: 'sendAndWait', ...approval() },
					credentials: sandboxCredentials(bed.sandbox.baseUrl),
				});
				expect(run.error?.message).toBe('Send and Wait for Response is not available in this n8n version');
				expect(bed.sandbox.requests).toHaveLength(0);
			} finally {
				type.customOperations = customOperations;
			}
		});

		it('where nodes have no execution custom data (n8n before 2.16) it fails naming the version, sending nothing', async () => {
			const type = new NodeTypes().getByName(ACTION_TYPE) as INodeType;
			const operations = type.customOperations!.message;
			const original = operations.sendAndWait;
			// The same execute context without `customData`, as n8n 1.x's ExecuteContext is.
			operations.sendAndWait = async function (this: IExecuteFunctions) {
				const withoutCustomData = new Proxy(this, {
					get: (target, key) => {
						if (key === 'customData') return undefined;
						const value = Reflect.get(target, key, target) as unknown;
						return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
					},
				});
				return await original.call(withoutCustomData);
			};
			try {
				const execution = await bed.n8n.run({ parameters: approval() });
				expect(execution.status).toBe('error');
				expect(execution.data.resultData.error?.message).toBe('Send and Wait for Response needs n8n 2.16 or newer');
				expect(bed.sandbox.requests).toHaveLength(0);
			} finally {
				operations.sendAndWait = original;
			}
		});
	});
});
