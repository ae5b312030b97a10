import type { INodeProperties } from 'n8n-workflow';

import { businessPublicKeyUrl, setBusinessPublicKey } from '../hooks/flowsEncryption';
import { phoneNumberIdProperty } from './common';

const resource = ['flowsEncryption'];

export const flowsEncryptionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	options: [
		{
			name: 'Get Business Public Key',
			value: 'getPublicKey',
			action: 'Get the business public key',
			description: 'Get the public key WhatsApp Flows use for this number, and whether its signature is valid',
			routing: {
				request: { method: 'GET' },
				send: { preSend: [businessPublicKeyUrl] },
			},
		},
		{
			name: 'Set Business Public Key',
			value: 'setPublicKey',
			action: 'Set the business public key',
			description: 'Upload and sign the 2048-bit RSA public key for WhatsApp Flows on this number',
			routing: {
				request: { method: 'POST' },
				send: { preSend: [setBusinessPublicKey] },
			},
		},
	],
	default: 'getPublicKey',
};

export const flowsEncryptionFields: INodeProperties[] = [
	phoneNumberIdProperty({ resource }, 'Business Phone Number'),
	{
		displayName: 'Business Public Key',
		name: 'businessPublicKey',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		required: true,
		placeholder: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\n-----END PUBLIC KEY-----',
		description:
			'2048-bit RSA public key in PEM format (openssl rsa -in private.pem -pubout). Never paste the private key. Set it for each phone number.',
		displayOptions: { show: { resource, operation: ['setPublicKey'] } },
	},
];
