import type { IDataObject } from 'n8n-workflow';

import { PACKAGE_NAME } from './n8nInstance';
import { CREDENTIAL_ID } from './workflows';

export const MESSAGES_WORKFLOW_ID = 'waMessagesWorkflow1';
export const E2E_RECIPIENT = '+16505551234';
export const E2E_DOCUMENT_NAME = 'order-notes.txt';
export const E2E_DOCUMENT_TEXT = 'Order 1001: two loaves of bread.';

const credentials = { whatsAppCloudApi: { id: CREDENTIAL_ID, name: 'WhatsApp Cloud (sandbox)' } };

/** One WhatsApp Cloud node per message kind: its name, what the sandbox should see (`type`, interactive type), its parameters. */
export interface MessageStep {
	name: string;
	kind: string;
	parameters: IDataObject;
}

const send = (operation: string, fields: IDataObject): IDataObject => ({
	resource: 'message',
	operation,
	recipient: E2E_RECIPIENT,
	...fields,
});

export const MESSAGE_STEPS: MessageStep[] = [
	// First, right after "Make File": the document is that file's binary data, uploaded and sent by media ID with its file name.
	{
		name: 'Send Document',
		kind: 'document',
		parameters: send('sendDocument', { mediaSource: 'binary', caption: 'Your notes' }),
	},
	{ name: 'Send Text', kind: 'text', parameters: send('sendText', { textBody: 'Hello from n8n', previewUrl: true }) },
	{
		name: 'Send Image',
		kind: 'image',
		parameters: send('sendImage', {
			mediaSource: 'link',
			mediaLink: 'https://www.luckyshrub.com/assets/succulents/aloe.png',
			caption: 'Aloe',
		}),
	},
	{
		name: 'Send Audio',
		kind: 'audio',
		parameters: send('sendAudio', { mediaSource: 'id', mediaId: '3674626312780147' }),
	},
	{
		name: 'Send Video',
		kind: 'video',
		parameters: send('sendVideo', { mediaSource: 'link', mediaLink: 'https://www.luckyshrub.com/assets/eclipse.mp4' }),
	},
	{
		name: 'Send Sticker',
		kind: 'sticker',
		parameters: send('sendSticker', { mediaSource: 'id', mediaId: '1234567890' }),
	},
	{
		name: 'Send Location',
		kind: 'location',
		parameters: send('sendLocation', {
			latitude: 37.44216251868683,
			longitude: -122.16153582049394,
			locationName: 'Philz Coffee',
			locationAddress: '101 Forest Ave, Palo Alto, CA 94301',
		}),
	},
	{
		name: 'Send Contacts',
		kind: 'contacts',
		parameters: send('sendContacts', {
			contactsUi: {
				contact: [
					{
						formattedName: 'Barbara J. Johnson',
						firstName: 'Barbara',
						phones: { phone: [{ phone: '+19175559999', type: 'CELL', waId: '19175559999' }] },
					},
				],
			},
		}),
	},
	{
		name: 'Send Reaction',
		kind: 'reaction',
		parameters: send('sendReaction', { reactionMessageId: '={{ $("Start").first().json.wamid }}', emoji: '👍' }),
	},
	{
		name: 'Remove Reaction',
		kind: 'reaction',
		parameters: send('removeReaction', { reactionMessageId: '={{ $("Start").first().json.wamid }}' }),
	},
	{
		name: 'Send Reply Buttons',
		kind: 'interactive/button',
		parameters: send('sendReplyButtons', {
			interactiveBody: 'Keep your workshop booking?',
			replyButtons: {
				button: [
					{ id: 'keep', title: 'Keep' },
					{ id: 'cancel', title: 'Cancel' },
				],
			},
		}),
	},
	{
		name: 'Send List',
		kind: 'interactive/list',
		parameters: send('sendList', {
			interactiveBody: 'Which shipping option do you prefer?',
			listButton: 'Shipping Options',
			listSections: {
				section: [{ title: 'Fast', rows: { row: [{ id: 'express', title: 'Express', description: 'Next day' }] } }],
			},
		}),
	},
	{
		name: 'Send CTA URL',
		kind: 'interactive/cta_url',
		parameters: send('sendCtaUrl', {
			interactiveBody: 'See the available dates.',
			ctaDisplayText: 'See Dates',
			ctaUrl: 'https://www.luckyshrub.com/dates',
		}),
	},
	{
		name: 'Send Flow',
		kind: 'interactive/flow',
		parameters: send('sendFlow', { interactiveBody: 'Book a workshop', flowId: '1', flowCta: 'Book!' }),
	},
	{
		name: 'Send Location Request',
		kind: 'interactive/location_request_message',
		parameters: send('sendLocationRequest', { interactiveBody: 'Where should we pick you up?' }),
	},
	{
		name: 'Send Address Request',
		kind: 'interactive/address_message',
		parameters: send('sendAddressRequest', {
			interactiveBody: 'Where should we deliver?',
			addressValues: { values: { name: 'Asha', phone_number: '+919876543210' } },
		}),
	},
	{
		name: 'Send Product',
		kind: 'interactive/product',
		parameters: send('sendProduct', { catalogId: 'CATALOG_ID', productRetailerId: 'SKU-1' }),
	},
	{
		name: 'Send Product List',
		kind: 'interactive/product_list',
		parameters: send('sendProductList', {
			interactiveHeaderText: 'Our picks',
			interactiveBody: 'Have a look',
			catalogId: 'CATALOG_ID',
			productListSections: {
				section: [
					{
						title: 'Bread',
						product_items: { product: [{ product_retailer_id: 'SKU-1' }, { product_retailer_id: 'SKU-2' }] },
					},
				],
			},
		}),
	},
	{
		name: 'Send Catalog',
		kind: 'interactive/catalog_message',
		parameters: send('sendCatalog', { interactiveBody: 'Browse our catalog', catalogThumbnailRetailerId: 'SKU-1' }),
	},
	{
		name: 'Send Order Details (India)',
		kind: 'interactive/order_details',
		parameters: send('sendOrderDetails', {
			interactiveBody: 'Please pay for your order',
			orderDetailsReferenceId: 'order-1001',
			orderDetailsPaymentMethod: 'upi_intent_link',
			orderDetailsUpiIntentLink: 'upi://pay?pa=merchant@bank&pn=Merchant&mc=5399&purpose=00&tr=order-1001',
			orderDetailsItems: { item: [{ name: 'Bread', retailerId: 'SKU-1', amount: 10000, quantity: 2 }] },
			orderDetailsTax: 1000,
			orderDetailsOrderOptions: { catalogId: 'CATALOG_ID' },
		}),
	},
	{
		name: 'Send Order Details (Brazil)',
		kind: 'interactive/order_details',
		parameters: send('sendOrderDetails', {
			interactiveBody: 'Pague o seu pedido',
			orderDetailsCountry: 'BR',
			orderDetailsReferenceId: 'pedido-1001',
			orderDetailsBrazilPayment: { boleto: { digitableLine: '03399026944140000002628346101018898510000008848' } },
			orderDetailsItems: { item: [{ name: 'Cake', retailerId: '1234567', amount: 50000, quantity: 1 }] },
		}),
	},
	{
		name: 'Send Order Status',
		kind: 'interactive/order_status',
		parameters: send('sendOrderStatus', {
			interactiveBody: 'Your order is on its way',
			orderStatusReferenceId: 'order-1001',
			orderStatusStatus: 'shipped',
		}),
	},
	{
		name: 'Mark as Read',
		kind: 'read',
		parameters: { resource: 'message', operation: 'markAsRead', messageId: '={{ $("Start").first().json.wamid }}' },
	},
];

/**
 * Manual start -> "Start" (a wamid and a text) -> "Make File" (text file as binary data) -> one WhatsApp Cloud node per
 * message kind, in a chain. Run headlessly with `n8n execute --id=<id>`.
 */
export function messagesWorkflow() {
	const nodes: IDataObject[] = [
		{
			id: 'e2e0msg0-0000-4000-8000-000000000001',
			name: 'When clicking Execute',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'e2e0msg0-0000-4000-8000-000000000002',
			name: 'Start',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{
							id: 'a1',
							name: 'wamid',
							value: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA=',
							type: 'string',
						},
						{ id: 'a2', name: 'notes', value: E2E_DOCUMENT_TEXT, type: 'string' },
					],
				},
				options: {},
			},
		},
		{
			id: 'e2e0msg0-0000-4000-8000-000000000003',
			name: 'Make File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [400, 0],
			parameters: { operation: 'toText', sourceProperty: 'notes', options: { fileName: E2E_DOCUMENT_NAME } },
		},
		...MESSAGE_STEPS.map((step, i) => ({
			id: `e2e0msg0-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
			name: step.name,
			type: `${PACKAGE_NAME}.whatsAppCloud`,
			typeVersion: 1,
			position: [600 + 200 * i, 0],
			parameters: step.parameters,
			credentials,
		})),
	];
	const chain = nodes.map((node) => String(node.name));
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((name, i) => [name, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id: MESSAGES_WORKFLOW_ID,
		name: 'WhatsApp: one message of each kind (e2e)',
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes,
	};
}
