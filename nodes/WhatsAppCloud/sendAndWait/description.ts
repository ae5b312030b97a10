import type { INodeProperties, INodePropertyOptions, IWebhookDescription } from 'n8n-workflow';

import { showFor } from '../descriptions/common';
import { MAX_REPLY_BUTTON_TITLE } from '../messages/replyButtons';
import { needsCustomOperations } from './compatibility';
import { formFieldProperties } from './formFields';

/** n8n recognises send-and-wait nodes by this operation value (signed resume URLs, "no action required" page). */
export const SEND_AND_WAIT = 'sendAndWait';

export const DEFAULT_APPROVE_LABEL = '✓ Approve';
export const DEFAULT_DECLINE_LABEL = '✗ Decline';
export const DEFAULT_BUTTON_TEXT = 'Respond';

const show = { resource: ['message'], operation: [SEND_AND_WAIT] };

/** The operation entry of the Message resource. */
export const sendAndWaitOperation: INodePropertyOptions = {
	name: 'Send and Wait for Response',
	value: SEND_AND_WAIT,
	action: 'Send message and wait for response',
	description: 'Send a question and pause until the person answers, in the chat or by link',
	routing: { send: { preSend: [needsCustomOperations] } },
};

/** The waiting execution's resume calls: a GET shows the page or form, a POST answers (n8n routes both here). */
export const sendAndWaitWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

/** Shown on the waiting node in the editor. */
export const sendAndWaitTooltip = `={{ $parameter.operation === '${SEND_AND_WAIT}' ? "Execution will continue after the person's response" : '' }}`;

const limitWaitTime: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description: 'Whether to stop waiting after a while. When the time is up the node outputs its input items unchanged.',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{
							name: 'After Time Interval',
							value: 'afterTimeInterval',
							description: 'Waits for a certain amount of time',
						},
						{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until a date and time' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'The time to wait',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'hours',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					description: 'Stop waiting at this date and time',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

const chatOnly = { '/answerIn': ['chat'] };
const formResponses = { '/responseType': ['freeText', 'customForm'] };

const fields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'The question. Up to 1024 characters (4096 for Free Text answered in the chat). WhatsApp formatting and emojis are allowed.',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{ name: 'Approval', value: 'approval', description: 'The person approves (or declines)' },
			{ name: 'Free Text', value: 'freeText', description: 'The person answers with a text' },
			{
				name: 'Custom Form',
				value: 'customForm',
				description: 'The person fills in a form you define (opened through a link)',
			},
		],
	},
	{
		displayName: 'Answer In',
		name: 'answerIn',
		type: 'options',
		default: 'link',
		options: [
			{
				name: 'Link',
				value: 'link',
				description: 'A button in the message opens the approval page or form on this n8n. Works without a trigger.',
			},
			{
				name: 'The Chat',
				value: 'chat',
				description:
					"Approval: reply buttons in the message. Free Text: the person's next text message. Needs an active WhatsApp Cloud Trigger of the same app on this n8n.",
			},
		],
		displayOptions: { show: { responseType: ['approval', 'freeText'] } },
	},
	{
		displayName:
			"Answers in the chat reach this execution through the WhatsApp Cloud Trigger: an active workflow on this n8n with a WhatsApp Cloud Trigger that receives this app's webhooks (messages and their statuses). Without it the answer never arrives, and the node waits until Limit Wait Time, or until the person uses the link if you add Options > Also Offer the Link.",
		name: 'chatNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { answerIn: ['chat'], responseType: ['approval', 'freeText'] } },
	},
	...formFieldProperties({ show: { responseType: ['customForm'] } }),
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Decline', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: DEFAULT_APPROVE_LABEL,
						description: `Up to ${MAX_REPLY_BUTTON_TITLE} characters when answered in the chat (a reply button title)`,
					},
					{
						displayName: 'Decline Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: DEFAULT_DECLINE_LABEL,
						description: `Up to ${MAX_REPLY_BUTTON_TITLE} characters when answered in the chat (a reply button title)`,
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
		displayOptions: { show: { responseType: ['approval'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Also Offer the Link',
				name: 'offerLink',
				type: 'boolean',
				default: false,
				description:
					'Whether the message also carries the link, in case the trigger is not set up: Approval adds it to the message text; Free Text is sent with a button that opens the answer form',
				displayOptions: { show: chatOnly },
			},
			{
				displayName: 'Button Text',
				name: 'messageButtonLabel',
				type: 'string',
				default: DEFAULT_BUTTON_TEXT,
				description: 'Text of the button that opens the page or form',
			},
			limitWaitTime,
			{
				displayName: 'Response Form Button Label',
				name: 'responseFormButtonLabel',
				type: 'string',
				default: 'Submit',
				displayOptions: { show: formResponses },
			},
			{
				displayName: 'Response Form Description',
				name: 'responseFormDescription',
				type: 'string',
				default: '',
				description: 'Shown under the title. Default: the message.',
				displayOptions: { show: formResponses },
			},
			{
				displayName: 'Response Form Title',
				name: 'responseFormTitle',
				type: 'string',
				default: '',
				description: 'Title of the page the link opens',
				displayOptions: { show: formResponses },
			},
		],
	},
];

/** Fields of Send and Wait for Response, after the sender and recipient the Message resource already shows. */
export const sendAndWaitFields: INodeProperties[] = fields.map((property) => showFor(show, property));
