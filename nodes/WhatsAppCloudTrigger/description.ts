import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { waitingRepliesOption } from './resumeWaiting';
import { VERIFY_TOKEN } from './settings';
import { EVENT_OPTIONS, FIELD_OPTIONS } from './webhookFields';

const STATUSES: INodePropertyOptions[] = [
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Payment', value: 'payment', description: 'Payment statuses (type "payment")' },
	{ name: 'Read', value: 'read' },
	{ name: 'Sent', value: 'sent' },
];

/** Message types of inbound messages (the action node's MESSAGE_TYPES are the ones it sends). */
const INBOUND_MESSAGE_TYPES: INodePropertyOptions[] = [
	{ name: 'Audio', value: 'audio', description: 'Audio files and voice notes' },
	{ name: 'Button (Template Quick Reply)', value: 'button' },
	{ name: 'Contacts', value: 'contacts' },
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'Interactive (Any)', value: 'interactive' },
	{ name: 'Interactive: Address / Flow Reply', value: 'nfm_reply' },
	{ name: 'Interactive: List Reply', value: 'list_reply' },
	{ name: 'Interactive: Reply Button', value: 'button_reply' },
	{ name: 'Location', value: 'location' },
	{ name: 'Order', value: 'order' },
	{ name: 'Reaction', value: 'reaction' },
	{ name: 'Sticker', value: 'sticker' },
	{ name: 'System (Number or Identity Changed)', value: 'system' },
	{ name: 'Text', value: 'text' },
	{ name: 'Unknown', value: 'unknown' },
	{ name: 'Unsupported', value: 'unsupported' },
	{ name: 'Video', value: 'video' },
	{ name: 'Voice Note', value: 'voice' },
	{ name: 'Welcome Request', value: 'request_welcome', description: 'The user opened the chat for the first time' },
];

const manual = { show: { subscription: ['manual'] } };
const automatic = { show: { subscription: ['automatic'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Subscription',
		name: 'subscription',
		type: 'options',
		default: 'manual',
		options: [
			{
				name: 'Manual (App Dashboard)',
				value: 'manual',
				description: 'You enter the URL and verify token in the App Dashboard; activation changes nothing at Meta',
			},
			{
				name: 'Automatic (Graph API)',
				value: 'automatic',
				description: "The node sets the app's callback URL and subscribes the app to the WhatsApp Business Account",
			},
		],
	},
	{
		displayName:
			'In App Dashboard > WhatsApp > Configuration, set the Callback URL to this node\'s Production URL (Webhook URLs above) and the Verify Token below, click "Verify and Save", then subscribe to the fields you need (e.g. "messages"). The app must also be subscribed to your WhatsApp Business Account. Activating the workflow changes nothing at Meta. A Meta app has only one callback URL, shared by every WhatsApp Business Account it is subscribed to: to send webhooks to several URLs, use several apps.',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: manual,
	},
	{
		displayName:
			"On activation the node sets the app's callback URL to this node's Production URL with the Verify Token and Webhook Fields, and subscribes the app to the WhatsApp Business Account; on deactivation it removes the callback URL only while it is still this node's (the app stays subscribed to the WABA). A Meta app has only one callback URL: if it already points somewhere else, activation fails instead of overwriting it. A test listen never changes or deletes that callback URL: it sets a temporary callback override for this app on the WhatsApp Business Account (all its message webhooks go to the test URL while you listen) and removes the override when the listen ends.",
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: automatic,
	},
	{
		displayName: 'App ID',
		name: 'appId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1234567890123456',
		description:
			'ID of the Meta app (App Dashboard > App settings > Basic). With the App Secret of the credential it makes the app access token used to manage the subscription.',
		displayOptions: automatic,
	},
	{
		displayName: 'WhatsApp Business Account ID',
		name: 'businessAccountId',
		type: 'string',
		default: '',
		placeholder: "Credential's WABA ID",
		description: "WABA to subscribe the app to. Leave empty to use the credential's WhatsApp Business Account ID.",
		displayOptions: automatic,
	},
	{
		displayName: 'Webhook Fields',
		name: 'webhookFields',
		type: 'multiOptions',
		default: ['messages'],
		options: FIELD_OPTIONS,
		description:
			'Fields the app subscribes to. Fields needed by the Events option are added automatically; fields already subscribed stay subscribed.',
		displayOptions: automatic,
	},
	{
		displayName: 'Test Listen',
		name: 'testListen',
		type: 'options',
		default: 'override',
		options: [
			{
				name: 'Override the WABA Callback While Listening',
				value: 'override',
				description:
					"Sets override_callback_uri for this app on the WABA to the test URL, and removes it when the listen ends; the app's callback URL is not touched",
			},
			{
				name: 'Change Nothing at Meta',
				value: 'none',
				description: 'The test URL only receives what you send to it yourself',
			},
		],
		description: 'What "Listen for test event" does at Meta',
		displayOptions: automatic,
	},
	{
		displayName: 'Verify Token',
		name: VERIFY_TOKEN,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. my-whatsapp-verify-token',
		description:
			'Any string you choose. Meta sends it back when it verifies the callback URL; in manual mode, enter the same one in the App Dashboard (it is shown here so you can copy it).',
	},
	{
		displayName:
			'Enter a Verify Token: Meta cannot verify the callback URL without one, and the workflow cannot be activated or listen for test events.',
		name: 'verifyTokenNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifyToken: [''] } },
	},
	{
		displayName: 'Signature Check',
		name: 'signatureCheck',
		type: 'options',
		default: 'required',
		options: [
			{
				name: 'Required',
				value: 'required',
				description:
					"Every POST must carry a valid X-Hub-Signature-256 made with the credential's App Secret; activation fails without an App Secret",
			},
			{
				name: 'Off',
				value: 'off',
				description:
					'Accept unsigned webhooks while the credential has no App Secret. Only for testing: anyone who knows the URL can start the workflow.',
			},
		],
		description:
			'Whether webhooks must be signed by Meta. With an App Secret in the credential, signatures are always checked.',
	},
	{
		displayName:
			'Signature check is off: when the credential has no App Secret, any POST to the webhook URL starts this workflow. Add the App Secret to the credential to check signatures again.',
		name: 'signatureOffNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { signatureCheck: ['off'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Media',
				name: 'downloadMedia',
				type: 'boolean',
				default: false,
				description:
					"Whether to download the file of inbound image, audio, video, document and sticker messages into the item's binary data (after Meta has been answered)",
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				options: EVENT_OPTIONS,
				description: 'Events that start the workflow. Empty: all events.',
			},
			{
				displayName: 'Media Binary Property',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'Binary property that receives the downloaded media file',
				displayOptions: { show: { downloadMedia: [true] } },
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				default: [],
				options: INBOUND_MESSAGE_TYPES,
				description: 'Message events of these types only. Empty: all types. Other events are not affected.',
			},
			{
				displayName: 'Phone Number IDs',
				name: 'phoneNumberIds',
				type: 'string',
				default: '',
				placeholder: '106540352242922, 106540352242923',
				description:
					'Comma-separated business phone number IDs; only their events start the workflow (account-level events without a phone number are skipped). Empty: all numbers.',
			},
			waitingRepliesOption,
			{
				displayName: 'Skip Duplicates',
				name: 'skipDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether to skip events already delivered in the last 7 days (Meta redelivers until it gets a 200). On unless turned off.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: STATUSES,
				description: 'Status events of these kinds only. Empty: all statuses. Other events are not affected.',
			},
		],
	},
];
