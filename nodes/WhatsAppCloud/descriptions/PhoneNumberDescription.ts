import type { INodeProperties } from 'n8n-workflow';

import { resolveBusinessAccountId, resolvePhoneNumberId } from '../hooks/accountIds';
import { checkInput } from '../hooks/checkInput';
import { listFields } from '../hooks/pagination';
import {
	checkHealthStatusTarget,
	checkPhoneNumberFields,
	checkTwoStepPin,
	CONVERSATIONAL_LIMITS,
	conversationalComponentsBody,
	PHONE_NUMBER_FIELDS,
	registerBody,
	requestCodeForm,
	settingsBody,
	verifyCodeForm,
} from '../hooks/phoneNumber';
import {
	BUSINESS_ACCOUNT_ID,
	businessAccountIdProperty,
	JOINED_OR_NOTHING,
	PHONE_NUMBER_ID,
	phoneNumberIdProperty,
	toQuery,
} from './common';

const show = (operation: string[]) => ({ resource: ['phoneNumber'], operation });

/** Operations on one phone number: the node's (or credential's) phone number ID is in their path. */
const PHONE_OPERATIONS = [
	'deregister',
	'get',
	'getConversationalComponents',
	'getSettings',
	'register',
	'requestVerificationCode',
	'setConversationalComponents',
	'setTwoStepPin',
	'updateSettings',
	'verifyCode',
];

const REGIONS = [
	{ name: 'Australia', value: 'AU' },
	{ name: 'Bahrain', value: 'BH' },
	{ name: 'Brazil', value: 'BR' },
	{ name: 'Canada', value: 'CA' },
	{ name: 'EU (Germany)', value: 'DE' },
	{ name: 'India', value: 'IN' },
	{ name: 'Indonesia', value: 'ID' },
	{ name: 'Japan', value: 'JP' },
	{ name: 'Singapore', value: 'SG' },
	{ name: 'South Africa', value: 'ZA' },
	{ name: 'South Korea', value: 'KR' },
	{ name: 'Switzerland', value: 'CH' },
	{ name: 'United Arab Emirates', value: 'AE' },
	{ name: 'United Kingdom', value: 'GB' },
];

const phone = `=/${PHONE_NUMBER_ID}`;
const checkPhoneNumberId = checkInput(resolvePhoneNumberId);

export const phoneNumberOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['phoneNumber'] } },
	options: [
		{
			name: 'Deregister',
			value: 'deregister',
			action: 'Deregister a phone number',
			description: 'Stop using the number with Cloud API (also disables local storage). Limited to 10 per 72 hours.',
			routing: { request: { method: 'POST', url: `${phone}/deregister` }, send: { preSend: [checkPhoneNumberId] } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a phone number',
			description: 'Get display number, verified name, quality rating, status, throughput and more',
			routing: {
				// The Fields field replaces `fields` when it has any selected.
				request: { method: 'GET', url: phone, qs: { fields: PHONE_NUMBER_FIELDS.join(',') } },
				send: { preSend: [checkInput(resolvePhoneNumberId, checkPhoneNumberFields)] },
			},
		},
		{
			name: 'Get Conversational Components',
			value: 'getConversationalComponents',
			action: 'Get conversational components of a phone number',
			description: 'Get the welcome message setting, commands and ice breakers',
			routing: {
				// Docs: doc 47's prose says GET /{phone}/conversational_automation, its request syntax and sample response are GET /{phone}?fields=conversational_automation; we use the syntax.
				request: { method: 'GET', url: phone, qs: { fields: 'conversational_automation' } },
				send: { preSend: [checkPhoneNumberId] },
			},
		},
		{
			name: 'Get Health Status',
			value: 'getHealthStatus',
			action: 'Get the messaging health status',
			description: 'Whether messages can be sent from a phone number or WhatsApp Business Account, and why not',
			routing: {
				// The URL comes with the Health Status Of option: the phone number or the WABA (doc 55).
				request: { method: 'GET', qs: { fields: 'health_status' } },
				send: { preSend: [checkInput(checkHealthStatusTarget)] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many phone numbers',
			description: 'List the phone numbers of a WhatsApp Business Account',
			routing: {
				request: { method: 'GET', url: `=/${BUSINESS_ACCOUNT_ID}/phone_numbers` },
				send: { preSend: [checkInput(resolveBusinessAccountId)] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
		{
			name: 'Get Settings',
			value: 'getSettings',
			action: 'Get the settings of a phone number',
			description: 'Get the local storage configuration',
			routing: {
				// Docs: doc 12 writes the path with the phone number and doc 72 with a stray slash; both examples use the phone number ID.
				request: { method: 'GET', url: `${phone}/settings` },
				send: { preSend: [checkPhoneNumberId] },
			},
		},
		{
			name: 'Register',
			value: 'register',
			action: 'Register a phone number',
			description:
				'Register a verified number for Cloud API, optionally with local storage or from an On-Premises backup. Limited to 10 per 72 hours.',
			routing: { request: { method: 'POST', url: `${phone}/register` }, send: { preSend: [registerBody] } },
		},
		{
			name: 'Request Verification Code',
			value: 'requestVerificationCode',
			action: 'Request a verification code',
			description: 'Have WhatsApp send a verification code to the number by SMS or voice call',
			routing: { request: { method: 'POST', url: `${phone}/request_code` }, send: { preSend: [requestCodeForm] } },
		},
		{
			name: 'Set Conversational Components',
			value: 'setConversationalComponents',
			action: 'Set conversational components of a phone number',
			description: 'Configure the welcome message, commands and ice breakers',
			routing: {
				request: { method: 'POST', url: `${phone}/conversational_automation` },
				send: { preSend: [conversationalComponentsBody] },
			},
		},
		{
			name: 'Set Two-Step Verification PIN',
			value: 'setTwoStepPin',
			action: 'Set the two step verification PIN',
			description: 'Set or change the 6-digit two-step verification PIN',
			routing: {
				// Doc 09: POST /{phone} { pin }.
				request: { method: 'POST', url: phone, body: { pin: '={{ String($parameter.pin ?? "").trim() }}' } },
				send: { preSend: [checkInput(resolvePhoneNumberId, checkTwoStepPin)] },
			},
		},
		{
			name: 'Update Settings',
			value: 'updateSettings',
			action: 'Update the settings of a phone number',
			description: 'Turn the identity change check or local storage on or off',
			routing: { request: { method: 'POST', url: `${phone}/settings` }, send: { preSend: [settingsBody] } },
		},
		{
			name: 'Verify Code',
			value: 'verifyCode',
			action: 'Verify a phone number with a code',
			description: 'Verify ownership of the number with the code WhatsApp sent',
			routing: { request: { method: 'POST', url: `${phone}/verify_code` }, send: { preSend: [verifyCodeForm] } },
		},
	],
	default: 'get',
};

export const phoneNumberFields: INodeProperties[] = [
	phoneNumberIdProperty(show(PHONE_OPERATIONS), 'Phone Number'),
	{
		displayName: 'Health Status Of',
		name: 'healthStatusTarget',
		type: 'options',
		options: [
			{ name: 'Phone Number', value: 'phoneNumber', routing: { request: { url: phone } } },
			{
				name: 'WhatsApp Business Account',
				value: 'businessAccount',
				routing: { request: { url: `=/${BUSINESS_ACCOUNT_ID}` } },
			},
		],
		default: 'phoneNumber',
		description: 'Node whose messaging health to check; the answer covers every node involved in sending from it',
		displayOptions: { show: show(['getHealthStatus']) },
	},
	phoneNumberIdProperty({ ...show(['getHealthStatus']), healthStatusTarget: ['phoneNumber'] }, 'Phone Number'),
	businessAccountIdProperty(show(['getAll'])),
	businessAccountIdProperty({ ...show(['getHealthStatus']), healthStatusTarget: ['businessAccount'] }),
	...listFields(show(['getAll'])),
	{
		displayName: 'Fields',
		name: 'phoneNumberFields',
		type: 'multiOptions',
		options: [
			{ name: 'Code Verification Status', value: 'code_verification_status' },
			{ name: 'Display Phone Number', value: 'display_phone_number' },
			{ name: 'Health Status', value: 'health_status' },
			{ name: 'Name Status', value: 'name_status' },
			{ name: 'Platform Type', value: 'platform_type' },
			{ name: 'Quality Rating', value: 'quality_rating' },
			{ name: 'Status', value: 'status' },
			{ name: 'Throughput', value: 'throughput' },
			{ name: 'Verified Name', value: 'verified_name' },
		],
		default: [
			'display_phone_number',
			'verified_name',
			'quality_rating',
			'name_status',
			'code_verification_status',
			'status',
			'throughput',
		],
		description: 'Fields to return (the ID always comes back). None selected returns all of them.',
		displayOptions: { show: show(['get']) },
		// Left out when none is selected: the operation asks for all of them.
		routing: toQuery('fields', JOINED_OR_NOTHING),
	},
	{
		displayName: 'Code Method',
		name: 'codeMethod',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'SMS' },
			{ name: 'Voice Call', value: 'VOICE' },
		],
		default: 'SMS',
		description: 'How WhatsApp sends the verification code',
		displayOptions: { show: show(['requestVerificationCode']) },
	},
	{
		displayName: 'Language',
		name: 'codeLanguage',
		type: 'string',
		default: 'en',
		required: true,
		placeholder: 'en',
		description: 'Two-character language code of the message or call, e.g. en, es, pt',
		displayOptions: { show: show(['requestVerificationCode']) },
	},
	{
		displayName: 'Verification Code',
		name: 'verificationCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123830',
		description: 'The code received by SMS or voice call (digits only)',
		displayOptions: { show: show(['verifyCode']) },
	},
	{
		displayName: 'PIN',
		name: 'pin',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'6-digit two-step verification PIN. For Register: the existing PIN, or a new one if two-step verification is not enabled yet.',
		displayOptions: { show: show(['register', 'setTwoStepPin']) },
	},
	{
		displayName: 'Options',
		name: 'registerOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: show(['register']) },
		options: [
			{
				displayName: 'Backup Data',
				name: 'backupData',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Migrating from the On-Premises API: the "data" value of its backup (keeps the profile and Official Business Account status)',
			},
			{
				displayName: 'Backup Password',
				name: 'backupPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Migrating from the On-Premises API: the password used to make the backup',
			},
			{
				displayName: 'Local Storage Region',
				name: 'dataLocalizationRegion',
				type: 'options',
				options: REGIONS,
				default: 'DE',
				description:
					'Enable local storage: message data at rest is stored in this country. To change or remove it later, deregister and register again.',
			},
		],
	},
	{
		displayName: 'Settings',
		name: 'phoneSettings',
		type: 'collection',
		placeholder: 'Add setting',
		default: {},
		displayOptions: { show: show(['updateSettings']) },
		options: [
			{
				displayName: 'Identity Change Check',
				name: 'identityKeyCheck',
				type: 'boolean',
				default: true,
				description:
					"Whether to check the customer's identity key hash before delivering messages that carry one (webhooks then include the hash)",
			},
			{
				displayName: 'Local Storage',
				name: 'localStorage',
				type: 'options',
				options: [
					{ name: 'Disabled', value: 'disabled' },
					{ name: 'Enabled', value: 'enabled' },
				],
				default: 'enabled',
				description:
					'Store message data at rest in a chosen country. Only possible while the number is not registered.',
			},
			{
				displayName: 'Local Storage Region',
				name: 'dataLocalizationRegion',
				type: 'options',
				options: REGIONS,
				default: 'DE',
				description: 'Country for local storage (required to enable it)',
			},
		],
	},
	{
		displayName: 'Components',
		name: 'conversationalComponents',
		type: 'collection',
		placeholder: 'Add component',
		default: {},
		displayOptions: { show: show(['setConversationalComponents']) },
		options: [
			{
				displayName: 'Commands',
				name: 'commands',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, maxAllowedFields: CONVERSATIONAL_LIMITS.commands },
				default: {},
				placeholder: 'Add command',
				description: `Up to ${CONVERSATIONAL_LIMITS.commands} commands users see after typing "/". No emojis.`,
				options: [
					{
						displayName: 'Command',
						name: 'command',
						values: [
							{
								displayName: 'Name',
								name: 'commandName',
								type: 'string',
								default: '',
								placeholder: 'tickets',
								description: `Command without the slash, up to ${CONVERSATIONAL_LIMITS.commandName} characters`,
							},
							{
								displayName: 'Description',
								name: 'commandDescription',
								type: 'string',
								default: '',
								placeholder: 'Book flight tickets',
								description: `Hint shown with the command, up to ${CONVERSATIONAL_LIMITS.commandDescription} characters`,
							},
						],
					},
				],
			},
			{
				displayName: 'Commands (JSON)',
				name: 'commandsJson',
				type: 'json',
				default: '[{ "command_name": "tickets", "command_description": "Book flight tickets" }]',
				description:
					'Commands as a JSON array of { command_name, command_description }, e.g. from an expression. Same limits as Commands.',
			},
			{
				displayName: 'Ice Breakers',
				name: 'prompts',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, maxAllowedFields: CONVERSATIONAL_LIMITS.prompts },
				default: {},
				placeholder: 'Add ice breaker',
				description: `Up to ${CONVERSATIONAL_LIMITS.prompts} tappable prompts shown in a first chat, ${CONVERSATIONAL_LIMITS.prompt} characters each. No emojis.`,
				options: [
					{
						displayName: 'Ice Breaker',
						name: 'prompt',
						values: [
							{
								displayName: 'Text',
								name: 'text',
								type: 'string',
								default: '',
								placeholder: 'Book a flight',
							},
						],
					},
				],
			},
			{
				displayName: 'Ice Breakers (JSON)',
				name: 'promptsJson',
				type: 'json',
				default: '["Book a flight", "Plan a vacation"]',
				description: 'Ice breakers as a JSON array of strings, e.g. from an expression. Same limits as Ice Breakers.',
			},
			{
				displayName: 'Welcome Message',
				name: 'enableWelcomeMessage',
				type: 'boolean',
				default: true,
				description:
					'Whether WhatsApp sends a request_welcome webhook when a user opens a chat for the first time (Meta says welcome messages do not currently work as intended)',
			},
		],
	},
];
