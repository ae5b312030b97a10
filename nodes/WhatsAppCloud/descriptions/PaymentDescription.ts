import type { INodeProperties } from 'n8n-workflow';

import { resolveBusinessAccountId, resolvePhoneNumberId } from '../hooks/accountIds';
import { checkInput } from '../hooks/checkInput';
import {
	checkConfiguration,
	checkDataEndpoint,
	checkOAuthRedirect,
	checkPaymentReference,
	createConfigurationBody,
	MAX_CONFIGURATION_NAME,
	MAX_REFERENCE_ID,
	refundBody,
} from '../hooks/payments';
import {
	BUSINESS_ACCOUNT_ID,
	businessAccountIdProperty,
	PHONE_NUMBER_ID,
	phoneNumberIdProperty,
	TRIMMED_OR_NOTHING,
} from './common';

const resource = ['payment'];
const accountOperations = [
	'createConfiguration',
	'getConfiguration',
	'listConfigurations',
	'regenerateOAuthLink',
	'removeConfiguration',
	'updateDataEndpoint',
];
const phoneOperations = ['lookUp', 'refund'];

const waba = `=/${BUSINESS_ACCOUNT_ID}`;
const configurationName = '={{ String($parameter.configurationName ?? "").trim() }}';
const encodedName = 'encodeURIComponent(String($parameter.configurationName ?? "").trim())';
/** Doc 85: one configuration by name. */
const configuration = `${waba}/payment_configuration/{{ ${encodedName} }}`;
const checkConfigurationOnAccount = checkInput(checkConfiguration, resolveBusinessAccountId);

export const paymentOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	options: [
		{
			name: 'Create Payment Configuration',
			value: 'createConfiguration',
			action: 'Create a payment configuration',
			description:
				'Create a UPI VPA or payment gateway configuration (India); gateway types return an OAuth link to finish linking',
			routing: {
				request: { method: 'POST', url: `${waba}/payment_configuration` },
				send: { preSend: [createConfigurationBody] },
			},
		},
		{
			name: 'Get Payment Configuration',
			value: 'getConfiguration',
			action: 'Get a payment configuration',
			description: 'Get the provider, status and data endpoint of one payment configuration',
			routing: {
				request: { method: 'GET', url: configuration },
				send: { preSend: [checkConfigurationOnAccount] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
		{
			name: 'Get Many Payment Configurations',
			value: 'listConfigurations',
			action: 'Get many payment configurations',
			description: 'List the payment configurations of a WhatsApp Business Account',
			routing: {
				// Docs: the list path is plural (doc 85); every other configuration path is singular.
				request: { method: 'GET', url: `${waba}/payment_configurations` },
				send: { preSend: [checkInput(resolveBusinessAccountId)] },
				// Doc 85 nests the configurations: data[].payment_configurations[]; one item per configuration.
				output: {
					postReceive: [
						{ type: 'rootProperty', properties: { property: 'data' } },
						{ type: 'rootProperty', properties: { property: 'payment_configurations' } },
					],
				},
			},
		},
		{
			name: 'Look Up Payment',
			value: 'lookUp',
			action: 'Look up a payment',
			description: 'Get the status, transactions and refunds of an order paid through a payment gateway (India)',
			routing: {
				// Docs: doc 56 shows this endpoint's errors On-Premises style (`errors[]`, code 500); GraphErrors reads that shape too.
				request: {
					method: 'GET',
					url: `=/${PHONE_NUMBER_ID}/payments/{{ ${encodedName} }}/{{ encodeURIComponent(String($parameter.referenceId ?? "").trim()) }}`,
				},
				send: { preSend: [checkInput(resolvePhoneNumberId, checkPaymentReference)] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'payments' } }] },
			},
		},
		{
			name: 'Refund',
			value: 'refund',
			action: 'Refund a payment',
			description: 'Refund all or part of an order paid through a payment gateway (India)',
			routing: {
				request: { method: 'POST', url: `=/${PHONE_NUMBER_ID}/payments_refund` },
				send: { preSend: [refundBody] },
			},
		},
		{
			name: 'Regenerate OAuth Link',
			value: 'regenerateOAuthLink',
			action: 'Regenerate the authorization link of a payment configuration',
			description: 'Get a new link to connect a payment gateway configuration to its gateway',
			routing: {
				// The redirect URL comes from the options, when set.
				request: {
					method: 'POST',
					url: `${waba}/generate_payment_configuration_oauth_link`,
					body: { configuration_name: configurationName },
				},
				send: { preSend: [checkInput(checkConfiguration, checkOAuthRedirect, resolveBusinessAccountId)] },
			},
		},
		{
			name: 'Remove Payment Configuration',
			value: 'removeConfiguration',
			action: 'Remove a payment configuration',
			description: 'Delete a payment configuration from the WhatsApp Business Account',
			routing: {
				// Doc 85: DELETE with a JSON body.
				request: {
					method: 'DELETE',
					url: `${waba}/payment_configuration`,
					body: { configuration_name: configurationName },
				},
				send: { preSend: [checkConfigurationOnAccount] },
			},
		},
		{
			name: 'Update Data Endpoint',
			value: 'updateDataEndpoint',
			action: 'Update the data endpoint of a payment configuration',
			description: 'Link or change the endpoint used for coupons, shipping and inventory in checkout button templates',
			routing: {
				// Docs: doc 85's table names the field `data-endpoint-url`; its request example sends `data_endpoint_url`, which we send (doc 49).
				request: {
					method: 'POST',
					url: configuration,
					body: { data_endpoint_url: '={{ String($parameter.dataEndpointUrl ?? "").trim() }}' },
				},
				send: { preSend: [checkInput(checkConfiguration, checkDataEndpoint, resolveBusinessAccountId)] },
			},
		},
	],
	default: 'listConfigurations',
};

export const paymentFields: INodeProperties[] = [
	businessAccountIdProperty({ resource, operation: accountOperations }),
	phoneNumberIdProperty({ resource, operation: phoneOperations }, 'Business Phone Number'),
	{
		displayName: 'Configuration Name',
		name: 'configurationName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'prod-razorpay-config',
		description: `Name of the payment configuration (up to ${MAX_CONFIGURATION_NAME} characters)`,
		displayOptions: { show: { resource, operation: accountOperations.filter((op) => op !== 'listConfigurations') } },
	},
	{
		displayName: 'Payment Configuration',
		name: 'configurationName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'prod-razorpay-config',
		description: `Payment configuration named in the order_details message (up to ${MAX_CONFIGURATION_NAME} characters)`,
		displayOptions: { show: { resource, operation: phoneOperations } },
	},
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'BM345A-12',
		description: `The order's reference_id from the order_details message (up to ${MAX_REFERENCE_ID} letters, digits, _, - or .)`,
		displayOptions: { show: { resource, operation: phoneOperations } },
	},
	{
		displayName: 'Provider',
		name: 'providerName',
		type: 'options',
		default: 'razorpay',
		required: true,
		options: [
			{ name: 'PayU', value: 'payu' },
			{ name: 'Razorpay', value: 'razorpay' },
			{ name: 'UPI VPA', value: 'upi_vpa' },
			{ name: 'Zaakpay', value: 'zaakpay' },
		],
		displayOptions: { show: { resource, operation: ['createConfiguration'] } },
	},
	{
		displayName: 'Merchant VPA',
		name: 'merchantVpa',
		type: 'string',
		default: '',
		placeholder: 'merchant@bank',
		description: "The merchant's UPI handle",
		displayOptions: { show: { resource, operation: ['createConfiguration'], providerName: ['upi_vpa'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'configurationFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource, operation: ['createConfiguration'] } },
		options: [
			{
				displayName: 'Merchant Category Code',
				name: 'merchantCategoryCode',
				type: 'string',
				default: '',
				placeholder: '0000',
				description: 'Four-digit merchant category code (MCC)',
			},
			{
				displayName: 'Purpose Code',
				name: 'purposeCode',
				type: 'string',
				default: '',
				placeholder: '00',
			},
			{
				displayName: 'Redirect URL',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/payments/linked',
				description: 'Where the merchant lands after linking the payment gateway (gateway providers only)',
			},
		],
	},
	{
		displayName: 'Data Endpoint URL',
		name: 'dataEndpointUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/whatsapp/checkout-data',
		description:
			'HTTPS endpoint WhatsApp calls for coupons, shipping address and inventory in checkout button templates',
		displayOptions: { show: { resource, operation: ['updateDataEndpoint'] } },
	},
	{
		displayName: 'Options',
		name: 'oauthOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource, operation: ['regenerateOAuthLink'] } },
		options: [
			{
				displayName: 'Redirect URL',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/payments/linked',
				description: 'Where the merchant lands after linking the payment gateway',
				routing: { send: { type: 'body', property: 'redirect_url', value: TRIMMED_OR_NOTHING } },
			},
		],
	},
	{
		displayName: 'Amount (INR)',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 0,
		required: true,
		description: 'Amount to refund in rupees, e.g. 12.34',
		displayOptions: { show: { resource, operation: ['refund'] } },
	},
	{
		displayName: 'Options',
		name: 'refundOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource, operation: ['refund'] } },
		options: [
			{
				displayName: 'Speed',
				name: 'speed',
				type: 'options',
				default: 'normal',
				description: 'Requested refund speed; the payment gateway decides the speed actually used',
				options: [
					{ name: 'Instant', value: 'instant' },
					{ name: 'Normal', value: 'normal' },
				],
			},
		],
	},
];
