import type { IDataObject } from 'n8n-workflow';

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
	readStructuredList,
	structuredProperties,
	type HeaderKind,
} from './interactiveParts';
import { checkUnique, entryString } from '../formValues';
import { checkCount, InputError } from '../../shared/InputError';

// Doc 08 and doc 16 (action.buttons).
export const MAX_REPLY_BUTTONS = 3;
export const MAX_REPLY_BUTTON_ID = 256;
export const MAX_REPLY_BUTTON_TITLE = 20;

const HEADER_KINDS: readonly HeaderKind[] = ['text', 'image', 'video', 'document'];

const BUTTONS = { name: 'replyButtons', displayName: 'Buttons', itemName: 'button' } as const;

/** A button entry from the form (`{ id, title }`) or from JSON (that, or the API's `{ type: 'reply', reply: {...} }`). */
function readButton(entry: unknown, position: number): { id: string; title: string } {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		throw new InputError('Buttons', `Buttons: entry ${position} must be an object with an ID and a title`);
	}
	const button = entry as IDataObject;
	if (button.reply !== undefined) {
		if (button.type !== undefined && button.type !== 'reply') {
			throw new InputError(
				'Buttons',
				`Buttons: entry ${position} has type "${String(button.type)}"; only "reply" is supported`,
			);
		}
		return { id: entryString(button.reply, 'id'), title: entryString(button.reply, 'title') };
	}
	return { id: entryString(button, 'id'), title: entryString(button, 'title') };
}

export const replyButtonsMessage: MessageType = {
	operation: 'sendReplyButtons',
	name: 'Send Reply Buttons',
	action: 'Send a message with reply buttons',
	description: 'Send text with up to 3 quick-reply buttons',
	properties: [
		...headerProperties(HEADER_KINDS),
		bodyProperty(),
		footerProperty(),
		...structuredProperties({
			...BUTTONS,
			itemDisplayName: 'Button',
			required: true,
			description: `Up to ${MAX_REPLY_BUTTONS} quick-reply buttons. The tapped button's ID and title come back in the reply webhook.`,
			jsonDescription:
				'Array of up to 3 buttons, each {"id": "...", "title": "..."} or in API form {"type": "reply", "reply": {"id": "...", "title": "..."}}',
			jsonExample: '[\n  { "id": "yes", "title": "Yes" },\n  { "id": "no", "title": "No" }\n]',
			fields: [
				{
					displayName: 'ID',
					name: 'id',
					type: 'string',
					default: '',
					required: true,
					description: `Returned in the webhook when the button is tapped. Unique, up to ${MAX_REPLY_BUTTON_ID} characters, no leading or trailing spaces.`,
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					required: true,
					description: `Button label. Unique, up to ${MAX_REPLY_BUTTON_TITLE} characters. Emojis are allowed, markdown is not.`,
				},
			],
		}),
	],
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		const body = buildBody(params);
		const footer = buildFooter(params);

		const entries = readStructuredList(params, BUTTONS);
		checkCount('Buttons', entries, 1, MAX_REPLY_BUTTONS, 'buttons');
		const buttons = entries.map((entry, index) => readButton(entry, index + 1));
		for (const { id, title } of buttons) {
			actionText('Buttons > ID', id, MAX_REPLY_BUTTON_ID);
			actionText('Buttons > Title', title, MAX_REPLY_BUTTON_TITLE);
		}
		checkUnique(
			'Buttons > ID',
			buttons.map((button) => button.id),
		);
		checkUnique(
			'Buttons > Title',
			buttons.map((button) => button.title),
		);

		return await interactiveMessage(ctx, 'button', {
			header,
			body,
			footer,
			action: { buttons: buttons.map((reply) => ({ type: 'reply', reply })) },
		});
	},
};
