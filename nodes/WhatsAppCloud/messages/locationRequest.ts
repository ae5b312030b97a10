import type { MessageType } from './MessageType';
import { bodyProperty, buildBody, interactiveMessage } from './interactiveParts';

// Doc 50: a body (up to 1024 characters, URLs allowed) and the fixed send_location action; no header or footer.
export const MAX_LOCATION_REQUEST_BODY = 1024;

export const locationRequestMessage: MessageType = {
	operation: 'sendLocationRequest',
	name: 'Send Location Request',
	action: 'Ask the user to share their location',
	description: 'Ask the user to share their location with one tap',
	properties: [
		bodyProperty({
			max: MAX_LOCATION_REQUEST_BODY,
			description: `Message text shown above the "Send location" button, up to ${MAX_LOCATION_REQUEST_BODY} characters. URLs are supported.`,
		}),
	],
	async build(params, ctx) {
		const body = buildBody(params, { max: MAX_LOCATION_REQUEST_BODY });
		return await interactiveMessage(ctx, 'location_request_message', { body, action: { name: 'send_location' } });
	},
};
