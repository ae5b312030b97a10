import type { INodeProperties } from 'n8n-workflow';

import { resolvePhoneNumberId } from '../hooks/accountIds';
import { checkInput } from '../hooks/checkInput';
import { businessPublicKeyForm } from '../hooks/flowsEncryption';
import { PHONE_NUMBER_ID, phoneNumberIdProperty } from './common';

const resource = ['flowsEncryption'];
const encryption = `=/${PHONE_NUMBER_ID}/whatsapp_business_encryption`;

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
			routing: { request: { method: 'GET', url: encryption }, send: { preSend: [checkInput(resolvePhoneNumberId)] } },
		},
		{
			name: 'Set Business Public Key',
			value: 'setPublicKey',
			action: 'Set the business public key',
			description: 'Upload and sign the 2048-bit RSA public key for WhatsApp Flows on this number',
			routing: { request: { method: 'POST', url: encryption }, send: { preSend: [businessPublicKeyForm] } },
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
		placeholder:
			'-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\n-----END PUBLIC KEY-----',
		description:
			'2048-bit RSA public key in PEM format (openssl rsa -in private.pem -pubout). Never paste the private key. Set it for each phone number.',
		displayOptions: { show: { resource, operation: ['setPublicKey'] } },
	},
];
