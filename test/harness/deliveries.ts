/**
 * Webhook deliveries as Meta sends them to the sandbox's business number (doc 52's envelope): for tests and
 * benchmarks of the trigger.
 */
import { SANDBOX_IDS } from '../sandbox';

/** `{ object, entry: [{ id, changes: [{ field: 'messages', value }] }] }` with the sandbox number's metadata and sender. */
export function messagesDelivery(value: object) {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: SANDBOX_IDS.businessAccountId,
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: {
								display_phone_number: SANDBOX_IDS.displayPhoneNumber,
								phone_number_id: SANDBOX_IDS.phoneNumberId,
							},
							contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '16505551234' }],
							...value,
						},
					},
				],
			},
		],
	};
}

/** An inbound text message from the sandbox's customer. */
export const inboundText = (id: string, timestamp = String(Math.floor(Date.now() / 1000))) => ({
	from: '16505551234',
	id,
	timestamp,
	type: 'text',
	text: { body: id },
});

/** A status of a business message to the sandbox's customer. */
export const outboundStatus = (id: string, status: string, timestamp = '1714510004') => ({
	id,
	status,
	timestamp,
	recipient_id: '16505551234',
	pricing: { billable: true, pricing_model: 'PMP', category: 'utility' },
});
