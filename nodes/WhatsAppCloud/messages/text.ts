import type { MessageType } from './MessageType';
import { checkLength, requireText } from '../../shared/InputError';

export const MAX_TEXT_BODY = 4096;

export const textMessage: MessageType = {
	operation: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send text of up to 4096 characters, with an optional link preview',
	properties: [
		{
			displayName: 'Text',
			name: 'textBody',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Message text, up to 4096 characters. May contain URLs and WhatsApp formatting.',
		},
		{
			displayName: 'Show Link Preview',
			name: 'previewUrl',
			type: 'boolean',
			default: false,
			description: 'Whether to render a preview of the first http(s) URL in the text',
		},
	],
	async build(params) {
		const body = requireText('Text', params.textBody);
		checkLength('Text', body, MAX_TEXT_BODY);
		const text: { body: string; preview_url?: boolean } = { body };
		if (params.previewUrl === true) text.preview_url = true;
		return { type: 'text', text };
	},
};
