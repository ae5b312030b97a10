import type { IDataObject } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { WAITING_NODE_ID, waitingTestBed } from '../harness/waiting';
import { buttonReplyWebhook, OTHER_PERSON, PERSON, statusWebhook, textWebhook } from '../harness/waitingPayloads';
import { SANDBOX_IDS } from '../sandbox';

/**
 * Send and Wait answered in the chat: the question goes out as reply buttons (Approval) or a text (Free Text);
 * a signed webhook with the person's answer reaches the WhatsApp Cloud Trigger, which resumes the execution
 * on the same n8n through its resume URL.
 */

const bed = waitingTestBed();

const sends = () => bed.sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/messages`);
const lastSent = () => sends().at(-1)!;
const questionId = () => (lastSent().response as { messages: Array<{ id: string }> }).messages[0].id;

interface ReplyButtons {
	interactive: {
		body: { text: string };
		action: { buttons: Array<{ type: string; reply: { id: string; title: string } }> };
	};
}
const buttons = () => (lastSent().body as ReplyButtons).interactive.action.buttons.map((button) => button.reply);

const approvalInChat = (values: IDataObject = { approvalType: 'double' }, options: IDataObject = {}) => ({
	recipient: '+1 650-555-1234',
	message: 'Approve refund R-77 of $40?',
	responseType: 'approval',
	answerIn: 'chat',
	approvalOptions: { values },
	options,
});

const freeTextInChat = (options: IDataObject = {}) => ({
	recipient: PERSON.waId,
	message: 'What should the card say?',
	responseType: 'freeText',
	answerIn: 'chat',
	options,
});

const swallow = { parameters: { options: { waitingReplies: { settings: { swallow: true } } } } };

describe('Approval in the chat: reply buttons', () => {
	it('sends reply buttons whose IDs carry the resume path, and waits', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat() });
		expect(execution.status).toBe('waiting');
		// Doc 16's reply button example, with this question's values.
		const documented = docFixture<IDataObject>('messages', '16-reply-button').body;
		expect(Object.keys(lastSent().body as IDataObject)).toEqual(Object.keys(documented));
		expect(lastSent().body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+1 650-555-1234',
			type: 'interactive',
			interactive: {
				type: 'button',
				body: { text: 'Approve refund R-77 of $40?' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: expect.stringMatching(/^n8nwait\|a\|\//), title: '✓ Approve' } },
						{ type: 'reply', reply: { id: expect.stringMatching(/^n8nwait\|d\|\//), title: '✗ Decline' } },
					],
				},
			},
		});
		expect(lastSent().status).toBe(200);
		const [approve, decline] = buttons();
		const path = approve.id.slice('n8nwait|a|'.length);
		expect(decline.id).toBe(`n8nwait|d|${path}`);
		expect(path).toMatch(
			new RegExp(`^/webhook-waiting/${execution.id}/${WAITING_NODE_ID}\\?w=[A-Za-z0-9_-]{22}&signature=[0-9a-f]{64}$`),
		);
		expect(approve.id.length).toBeLessThanOrEqual(256);
	});

	it.each([
		['Approve', true, 0],
		['Decline', false, 1],
	])(
		'a tap on %s from the person, on that message, resumes with { data: { approved: %s } }',
		async (_label, approved, index) => {
			const execution = await bed.n8n.run({ parameters: approvalInChat() });
			const button = buttons()[index];
			const reply = buttonReplyWebhook({
				buttonId: button.id,
				title: button.title,
				contextId: questionId(),
				messageId: `wamid.REPLY${index}`,
			});

			const delivered = await bed.n8n.deliver(reply, swallow);
			expect(delivered.status).toBe(200);
			// Swallowed: the reply resumed the execution and starts nothing itself.
			expect(delivered.items).toBeUndefined();

			expect(bed.n8n.get(execution.id).status).toBe('success');
			const [output] = bed.n8n.outputs(execution.id);
			expect(output).toEqual([
				{
					json: {
						data: { approved, respondedAt: expect.any(String) },
						respondedVia: 'chat',
						respondent: { waId: PERSON.waId, name: PERSON.name },
						messageId: questionId(),
						replyMessageId: `wamid.REPLY${index}`,
					},
					pairedItem: { item: 0 },
				},
			]);
		},
	);

	it("without Swallow, the reply also starts the trigger's workflow, marked with the execution it resumed", async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat() });
		const [approve] = buttons();
		const delivered = await bed.n8n.deliver(
			buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: questionId() }),
		);
		expect(bed.n8n.get(execution.id).status).toBe('success');
		expect(delivered.items).toHaveLength(1);
		expect(delivered.items![0].json).toMatchObject({
			event: 'message',
			interactiveType: 'button_reply',
			resumedExecutionId: execution.id,
		});
	});

	it('a tap from another person does not resume; the reply is an ordinary event', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat() });
		const [approve] = buttons();
		const delivered = await bed.n8n.deliver(
			buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: questionId(), person: OTHER_PERSON }),
			swallow,
		);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
		expect(delivered.items).toHaveLength(1);
		expect(delivered.items![0].json).not.toHaveProperty('resumedExecutionId');
	});

	it('the same button ID on another message does not resume', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat() });
		const [approve] = buttons();
		await bed.n8n.deliver(
			buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: 'wamid.SOMEOTHERMESSAGE' }),
			swallow,
		);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('Decline on an Approve Only question is refused', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat({ approvalType: 'single' }) });
		expect(buttons()).toHaveLength(1);
		const declineId = buttons()[0].id.replace('n8nwait|a|', 'n8nwait|d|');
		await bed.n8n.deliver(buttonReplyWebhook({ buttonId: declineId, title: 'No', contextId: questionId() }), swallow);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('a redelivered reply neither resumes twice nor starts the workflow', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat(), loop: true });
		const [approve] = buttons();
		const reply = buttonReplyWebhook({
			buttonId: approve.id,
			title: approve.title,
			contextId: questionId(),
			messageId: 'wamid.REDELIVERED',
		});
		await bed.n8n.deliver(reply, swallow);
		// The loop asked again; the first question's reply, delivered again by Meta, must not answer the new one.
		expect(sends()).toHaveLength(2);
		expect(bed.n8n.outputs(execution.id)).toHaveLength(2);
		const again = await bed.n8n.deliver(reply, swallow);
		expect(again.items).toBeUndefined();
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
		expect(bed.n8n.outputs(execution.id)).toHaveLength(2);
	});

	it('a button label over the reply button title limit fails naming the field, and nothing is sent', async () => {
		const execution = await bed.n8n.run({
			parameters: approvalInChat({ approvalType: 'double', disapproveLabel: 'No, cancel the refund now' }),
		});
		expect(execution.status).toBe('error');
		expect(execution.data.resultData.error?.message).toBe(
			'Decline Button Label is too long: 25 characters, the limit is 20 [item 0]',
		);
		expect(sends()).toHaveLength(0);
	});

	it('Also Offer the Link puts the link under the question', async () => {
		await bed.n8n.run({ parameters: approvalInChat({ approvalType: 'double' }, { offerLink: true }) });
		const text = (lastSent().body as ReplyButtons).interactive.body.text;
		const [question, link] = text.split('\n\n');
		expect(question).toBe('Approve refund R-77 of $40?');
		expect(`${link.split('?')[0]}`).toBe(
			`${bed.n8n.origin}${buttons()[0].id.slice('n8nwait|a|'.length).split('?')[0]}`,
		);
		expect((await bed.n8n.request('GET', link)).status).toBe(200);
	});

	it('when the trigger cannot reach n8n, the reply stays an ordinary event and the execution keeps waiting', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat() });
		const [approve] = buttons();
		const delivered = await bed.n8n.deliver(
			buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: questionId() }),
			{
				parameters: { options: { waitingReplies: { settings: { swallow: true, baseUrl: 'http://127.0.0.1:9' } } } },
			},
		);
		expect(delivered.status).toBe(200);
		expect(delivered.items).toHaveLength(1);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('with Resume Waiting Executions off, the trigger leaves the execution waiting', async () => {
		const execution = await bed.n8n.run({ parameters: approvalInChat() });
		const [approve] = buttons();
		await bed.n8n.deliver(buttonReplyWebhook({ buttonId: approve.id, title: approve.title, contextId: questionId() }), {
			parameters: { options: { waitingReplies: { settings: { resume: false } } } },
		});
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});
});

describe("Free Text in the chat: the person's next text", () => {
	function callbackData(): string {
		return String((lastSent().body as IDataObject).biz_opaque_callback_data);
	}

	/** Meta's "sent" status of the question, echoing its callback data, as the trigger receives it. */
	async function questionSent(staticData: IDataObject, status = 'sent') {
		return await bed.n8n.deliver(
			statusWebhook({ messageId: questionId(), recipient: PERSON.waId, status, callbackData: callbackData() }),
			{
				...swallow,
				staticData,
			},
		);
	}

	it('sends the question as a text whose callback data tells the trigger about the wait', async () => {
		const before = Date.now() / 1000;
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		expect(execution.status).toBe('waiting');
		const documented = docFixture<IDataObject>('messages', '66-text-with-link-preview').body;
		expect(lastSent().body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: PERSON.waId,
			type: 'text',
			text: { body: 'What should the card say?' },
			biz_opaque_callback_data: expect.any(String),
		});
		expect(Object.keys(documented).every((key) => key in (lastSent().body as IDataObject))).toBe(true);
		const [prefix, kind, expires, path] = callbackData().split('|');
		expect([prefix, kind]).toEqual(['n8nwait', 't']);
		// No limit: the trigger remembers the wait for 30 days.
		expect(Number(expires)).toBeGreaterThanOrEqual(Math.floor(before + 30 * 86400));
		expect(path).toMatch(new RegExp(`^/webhook-waiting/${execution.id}/${WAITING_NODE_ID}\\?w=`));
	});

	it("after the question's status, the person's next text resumes with { data: { text } }", async () => {
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		const staticData: IDataObject = {};
		const status = await questionSent(staticData);
		// The status itself is an ordinary event.
		expect(status.items).toHaveLength(1);

		const text = textWebhook({ text: 'Happy birthday, Sam!', messageId: 'wamid.TEXT1' });
		const delivered = await bed.n8n.deliver(text, { ...swallow, staticData });
		expect(delivered.items).toBeUndefined();
		expect(bed.n8n.get(execution.id).status).toBe('success');
		expect(bed.n8n.outputs(execution.id)[0][0].json).toEqual({
			data: { text: 'Happy birthday, Sam!', respondedAt: expect.any(String) },
			respondedVia: 'chat',
			respondent: { waId: PERSON.waId, name: PERSON.name },
			messageId: questionId(),
			replyMessageId: 'wamid.TEXT1',
		});

		// Answered: a late status of the question does not bring the wait back, and the person's following
		// text is an ordinary message again.
		await questionSent(staticData, 'read');
		const calls = bed.n8n.calls.length;
		const next = await bed.n8n.deliver(textWebhook({ text: 'Thanks!' }), { ...swallow, staticData });
		expect(next.items).toHaveLength(1);
		expect(bed.n8n.calls.length).toBe(calls);
	});

	it('a text quoting the question also answers it', async () => {
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		const staticData: IDataObject = {};
		await questionSent(staticData);
		await bed.n8n.deliver(textWebhook({ text: 'Love, Mum', contextId: questionId() }), { ...swallow, staticData });
		expect(bed.n8n.outputs(execution.id)[0][0].json.data).toMatchObject({ text: 'Love, Mum' });
	});

	it('a text from another person, or quoting another message, does not answer', async () => {
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		const staticData: IDataObject = {};
		await questionSent(staticData);
		const other = await bed.n8n.deliver(textWebhook({ text: 'Hi there', person: OTHER_PERSON }), {
			...swallow,
			staticData,
		});
		expect(other.items).toHaveLength(1);
		const quoting = await bed.n8n.deliver(textWebhook({ text: 'About my order...', contextId: 'wamid.OLDERMESSAGE' }), {
			...swallow,
			staticData,
		});
		expect(quoting.items).toHaveLength(1);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');

		await bed.n8n.deliver(textWebhook({ text: 'All the best' }), { ...swallow, staticData });
		expect(bed.n8n.outputs(execution.id)[0][0].json.data).toMatchObject({ text: 'All the best' });
	});

	it("without the question's status (the trigger never heard of the wait), a text changes nothing", async () => {
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		const delivered = await bed.n8n.deliver(textWebhook({ text: 'Hello?' }), { ...swallow, staticData: {} });
		expect(delivered.items).toHaveLength(1);
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('a failed question is not remembered', async () => {
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		const staticData: IDataObject = {};
		await questionSent(staticData, 'failed');
		await bed.n8n.deliver(textWebhook({ text: 'Hello?' }), { ...swallow, staticData });
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('a reply forged with a correct resume path but from another person is refused by the waiting node', async () => {
		const execution = await bed.n8n.run({ parameters: freeTextInChat() });
		const path = callbackData().split('|')[3];
		const answer = await bed.n8n.request('POST', `${bed.n8n.origin}${path}`, {
			whatsAppReply: {
				kind: 'text',
				text: 'forged',
				from: OTHER_PERSON.waId,
				name: null,
				messageId: null,
				contextId: null,
				timestamp: null,
				phoneNumberId: SANDBOX_IDS.phoneNumberId,
			},
		});
		expect(answer.status).toBe(403);
		expect(JSON.parse(answer.body)).toEqual({ resumed: false, reason: 'the reply comes from another person' });
		expect(bed.n8n.get(execution.id).status).toBe('waiting');
	});

	it('Callback Data cannot be set with Free Text in the chat', async () => {
		const execution = await bed.n8n.run({
			parameters: { ...freeTextInChat(), messageOptions: { bizOpaqueCallbackData: 'campaign-7' } },
		});
		expect(execution.data.resultData.error?.message).toBe(
			'Callback Data cannot be set for Free Text answered in the chat: the node uses it to tell the WhatsApp Cloud Trigger about the wait [item 0]',
		);
		expect(sends()).toHaveLength(0);
	});

	it('Also Offer the Link sends a CTA URL button instead, still answerable by text', async () => {
		const execution = await bed.n8n.run({
			parameters: freeTextInChat({ offerLink: true, messageButtonLabel: 'Answer here' }),
		});
		const body = lastSent().body as IDataObject & {
			interactive: { type: string; action: { parameters: IDataObject } };
		};
		expect(body.interactive.type).toBe('cta_url');
		expect(body.interactive.action.parameters.display_text).toBe('Answer here');
		expect(body.biz_opaque_callback_data).toMatch(/^n8nwait\|t\|/);
		const staticData: IDataObject = {};
		await questionSent(staticData);
		await bed.n8n.deliver(textWebhook({ text: 'Typed in the chat' }), { ...swallow, staticData });
		expect(bed.n8n.outputs(execution.id)[0][0].json.data).toMatchObject({ text: 'Typed in the chat' });
	});
});
