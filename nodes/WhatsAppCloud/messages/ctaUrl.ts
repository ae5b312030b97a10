import type { MessageType } from './MessageType';
import {
	actionText,
	bodyProperty,
	buildBody,
	buildFooter,
	buildHeader,
	footerProperty,
	headerProperties,
	interactiveMessage,
	type HeaderKind,
} from './interactiveParts';
import { requireHttpUrl } from '../formValues';

// Doc 30 documents a text header only and no length limits of its own; the interactive limits of doc 16 apply.
// Docs: the header always carries "type": "text" (required by reference page 16), though the example in 30 omits it.
const HEADER_KINDS: readonly HeaderKind[] = ['text'];

export const ctaUrlMessage: MessageType = {
	operation: 'sendCtaUrl',
	name: 'Send CTA URL Button',
	action: 'Send a message with a call-to-action URL button',
	description: 'Send text with one button that opens a web page',
	properties: [
		...headerProperties(HEADER_KINDS),
		bodyProperty(),
		footerProperty(),
		{
			displayName: 'Button Text',
			name: 'ctaDisplayText',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'See Dates',
			description: 'Text of the button',
		},
		{
			displayName: 'Button URL',
			name: 'ctaUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://www.example.com',
			description: "HTTP(S) URL opened in the user's browser when the button is tapped",
		},
	],
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		// Docs: body is required, as the parameter table of page 30 says (its syntax comment says "Body optional").
		const body = buildBody(params);
		const footer = buildFooter(params);
		const displayText = actionText('Button Text', params.ctaDisplayText);
		const url = requireHttpUrl('Button URL', params.ctaUrl);
		return await interactiveMessage(ctx, 'cta_url', {
			header,
			body,
			footer,
			action: { name: 'cta_url', parameters: { display_text: displayText, url } },
		});
	},
};
