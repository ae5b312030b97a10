import { docFixture } from '../helpers';
import { SANDBOX_IDS } from '../sandbox';
import { PACKAGE_NAME } from './n8nInstance';

export const CREDENTIAL_ID = 'wacloudcred000001';
export const TRIGGER_WEBHOOK_ID = '7d0c9e5a-3b41-4f7e-9a55-1f2e3d4c5b6a';
export const VERIFY_TOKEN = 'e2e-verify-token';

export function credentialExport(sandboxBaseUrl: string) {
	return [
		{
			id: CREDENTIAL_ID,
			name: 'WhatsApp Cloud (sandbox)',
			type: 'whatsAppCloudApi',
			data: {
				accessToken: SANDBOX_IDS.token,
				phoneNumberId: SANDBOX_IDS.phoneNumberId,
				businessAccountId: SANDBOX_IDS.businessAccountId,
				appSecret: SANDBOX_IDS.appSecret,
				apiVersion: 'v22.0',
				baseUrl: sandboxBaseUrl,
			},
		},
	];
}

const credentials = { whatsAppCloudApi: { id: CREDENTIAL_ID, name: 'WhatsApp Cloud (sandbox)' } };

/** Trigger -> Send Text reply to the sender: the echo bot of doc 39, built from our two nodes. */
export function echoWorkflow() {
	return {
		id: 'waEchoWorkflow001',
		name: 'WhatsApp echo (e2e)',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'WhatsApp Cloud Trigger': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: '0b7f3f8e-1a51-4c1e-8d4e-5e2f5c1a0001',
				name: 'WhatsApp Cloud Trigger',
				type: `${PACKAGE_NAME}.whatsAppCloudTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { verifyToken: VERIFY_TOKEN },
				credentials,
			},
			{
				id: '0b7f3f8e-1a51-4c1e-8d4e-5e2f5c1a0002',
				name: 'Reply',
				type: `${PACKAGE_NAME}.whatsAppCloud`,
				typeVersion: 1,
				position: [300, 0],
				parameters: {
					resource: 'message',
					operation: 'sendText',
					recipient: '={{ $json.contact.wa_id }}',
					textBody: '=Echo: {{ $json.message.text.body }}',
					messageOptions: { replyToMessageId: '={{ $json.messageId }}' },
				},
				credentials,
			},
		],
	};
}

export const AUTO_TRIGGER_WEBHOOK_ID = '2f6a1c0e-8b7d-4e3a-9c21-5d4e3f2a1b0c';

/** A lone WhatsApp Cloud Trigger in automatic subscription mode, messages only, media downloaded. */
export function automaticTriggerWorkflow() {
	return {
		id: 'waAutoTrigger0001',
		name: 'WhatsApp trigger, automatic subscription (e2e)',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			{
				id: '0b7f3f8e-1a51-4c1e-8d4e-5e2f5c1a0101',
				name: 'WhatsApp Cloud Trigger',
				type: `${PACKAGE_NAME}.whatsAppCloudTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: AUTO_TRIGGER_WEBHOOK_ID,
				parameters: {
					subscription: 'automatic',
					appId: SANDBOX_IDS.appId,
					verifyToken: VERIFY_TOKEN,
					webhookFields: ['messages'],
					options: { events: ['message'], downloadMedia: true },
				},
				credentials,
			},
		],
	};
}

/** The documented inbound text webhook (doc 61) with its placeholders filled in. */
export function inboundText(body: string, messageId: string) {
	const fixture = docFixture('webhooks', '61-text-messages') as unknown as { payload: unknown };
	const filled = JSON.stringify(fixture.payload)
		.replace('<WHATSAPP_BUSINESS_ACCOUNT_ID>', SANDBOX_IDS.businessAccountId)
		.replace('<BUSINESS_DISPLAY_PHONE_NUMBER>', SANDBOX_IDS.displayPhoneNumber)
		.replace('<BUSINESS_PHONE_NUMBER_ID>', SANDBOX_IDS.phoneNumberId)
		.replace('<WHATSAPP_USER_NAME>', 'Kerry Fisher')
		.replace('<WHATSAPP_USER_ID>', '16505551234')
		.replace('<WHATSAPP_USER_PHONE_NUMBER>', '16505551234')
		.replace('<WHATSAPP_MESSAGE_ID>', messageId)
		.replace('<WEBHOOK_SENT_TIMESTAMP>', String(Math.floor(Date.now() / 1000)))
		.replace('<MESSAGE_BODY_TEXT>', body);
	return JSON.parse(filled) as unknown;
}

/** Polls `probe` until it returns a value. */
export async function waitFor<T>(
	what: string,
	probe: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
