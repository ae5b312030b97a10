import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

export class WhatsAppCloudApi implements ICredentialType {
	name = 'whatsAppCloudApi';

	displayName = 'WhatsApp Cloud API';

	icon = { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' } as const;

	documentationUrl = 'https://developers.facebook.com/docs/whatsapp/cloud-api/get-started';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A System User access token (Business Settings > Users > System Users > Generate New Token) with whatsapp_business_messaging and whatsapp_business_management, or the temporary token from App Dashboard > WhatsApp > API Setup',
		},
		{
			displayName: 'Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			required: true,
			description:
				'ID of the business phone number that sends messages by default. Found in App Dashboard > WhatsApp > API Setup, under the "From" number.',
		},
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'businessAccountId',
			type: 'string',
			default: '',
			description:
				'WABA ID, used by templates, phone number lists, subscriptions and payments. Found in App Dashboard > WhatsApp > API Setup, or WhatsApp Manager > Account tools.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The Meta app's secret (App Dashboard > App settings > Basic > App secret). The WhatsApp Cloud Trigger uses it to check the X-Hub-Signature-256 signature of every webhook.",
		},
		{
			displayName: 'Graph API Version',
			name: 'apiVersion',
			type: 'string',
			default: 'v22.0',
			required: true,
			placeholder: 'v22.0',
			description: 'Graph API version used in every request path',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			required: true,
			description: 'Change only to go through a proxy or to point at a test server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// The Test button runs the WhatsApp Cloud node's `testWhatsAppCloudApi` (testedBy), which shows Meta's error text;
	// a declarative `test` here would take precedence and show only the HTTP status text.
}
