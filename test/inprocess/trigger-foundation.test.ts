import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { callTriggerHook, callTriggerWebhook, sandboxCredentials } from '../harness/n8n';
import { docFixture } from '../helpers';
import { SANDBOX_IDS } from '../sandbox';

const credentials = sandboxCredentials('http://127.0.0.1:9');
const parameters = { verifyToken: 'my-verify-token' };
const inboundText = docFixture('webhooks', '61-text-messages') as unknown as { payload: unknown };

function post(rawBody: Buffer, signature?: string | null) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	const header = signature === undefined ? signPayload(rawBody, SANDBOX_IDS.appSecret) : signature;
	if (header !== null) headers['X-Hub-Signature-256'] = header;
	return callTriggerWebhook({ parameters, credentials, call: { webhookName: 'default', headers, rawBody } });
}

describe('WhatsApp Cloud Trigger through n8n-core WebhookContext', () => {
	describe('verification request (GET)', () => {
		it('answers 200 with hub.challenge as plain text when mode and token match', async () => {
			const result = await callTriggerWebhook({
				parameters,
				credentials,
				call: {
					webhookName: 'setup',
					query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1158201444' },
				},
			});
			expect(result.status).toBe(200);
			expect(result.responseBody).toBe('1158201444');
			expect(result.items).toBeUndefined();
		});

		it.each([
			['wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }],
			['wrong mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1' }],
			['no parameters', {}],
		])('answers 403 for %s', async (_name, query) => {
			const result = await callTriggerWebhook({ parameters, credentials, call: { webhookName: 'setup', query } });
			expect(result.status).toBe(403);
			expect(result.responseBody).not.toBe('1');
			expect(result.items).toBeUndefined();
		});
	});

	describe('event notification (POST)', () => {
		const raw = Buffer.from(JSON.stringify(inboundText.payload));

		it('accepts a correctly signed documented text message and emits one item with envelope and contact', async () => {
			const result = await post(raw);
			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
			const event = result.items![0].json;
			expect(event).toMatchObject({
				event: 'message',
				type: 'text',
				wabaId: '<WHATSAPP_BUSINESS_ACCOUNT_ID>',
				phoneNumberId: '<BUSINESS_PHONE_NUMBER_ID>',
				displayPhoneNumber: '<BUSINESS_DISPLAY_PHONE_NUMBER>',
				contact: { name: '<WHATSAPP_USER_NAME>', wa_id: '<WHATSAPP_USER_ID>' },
				messageId: '<WHATSAPP_MESSAGE_ID>',
				message: { text: { body: '<MESSAGE_BODY_TEXT>' } },
			});
		});

		it.each([
			['a forged signature', signPayload(raw, 'not-the-app-secret')],
			['a signature of another body', signPayload(Buffer.from('{}'), SANDBOX_IDS.appSecret)],
			['a malformed header', 'sha256=zz'],
			['a missing header', null],
		])('refuses %s with 401 and starts nothing', async (_name, signature) => {
			const result = await post(raw, signature);
			expect(result.status).toBe(401);
			expect(result.items).toBeUndefined();
		});

		it('refuses a signed body that is not JSON with 400 and starts nothing', async () => {
			const result = await post(Buffer.from('{"object": "whatsapp_business_account", '));
			expect(result.status).toBe(400);
			expect(result.items).toBeUndefined();
		});
	});

	describe('activation', () => {
		it('fails with a clear message when the credential has no app secret', async () => {
			await expect(
				callTriggerHook({ parameters, credentials: { ...credentials, appSecret: '' }, method: 'checkExists' }),
			).rejects.toThrow(/no App Secret/);
		});
	});
});
