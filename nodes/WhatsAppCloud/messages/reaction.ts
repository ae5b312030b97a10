import type { INodeProperties } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { MAX_MESSAGE_ID } from '../../shared/graphApi';
import { checkLength, InputError, requireText } from '../../shared/InputError';

const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'reactionMessageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA=',
	description: 'The wamid of the message to react to. It must be at most 30 days old.',
	hint: 'From the trigger: {{ $json.message.id }}',
};

/** Lets users paste the escaped form the docs show ("\uD83D\uDE00") as well as the emoji itself. */
function unescapeUnicode(value: string): string {
	return value.replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g, (_, braced: string, plain: string) =>
		braced ? String.fromCodePoint(parseInt(braced, 16)) : String.fromCharCode(parseInt(plain, 16)),
	);
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Returns the single emoji in `input`, or throws: the reference (16) allows only one emoji per reaction. */
export function singleEmoji(input: unknown): string {
	const emoji = unescapeUnicode(requireText('Emoji', input).trim());
	const graphemes = [...segmenter.segment(emoji)].map((part) => part.segment);
	if (graphemes.length > 1) {
		throw new InputError('Emoji', `Emoji has ${graphemes.length} characters ("${emoji}"), the limit is 1 emoji`);
	}
	if (!EMOJI.test(emoji)) {
		throw new InputError('Emoji', `Emoji must be an emoji; got "${emoji}"`);
	}
	return emoji;
}

function messageId(params: { reactionMessageId?: unknown }): string {
	const id = requireText('Message ID', params.reactionMessageId).trim();
	checkLength('Message ID', id, MAX_MESSAGE_ID);
	return id;
}

export const reactionMessage: MessageType = {
	operation: 'sendReaction',
	name: 'Send Reaction',
	action: 'React to a message with an emoji',
	description: 'React to a message with one emoji',
	properties: [
		messageIdProperty,
		{
			displayName: 'Emoji',
			name: 'emoji',
			type: 'string',
			default: '',
			required: true,
			placeholder: '👍',
			description:
				'Exactly one emoji, or its escaped form such as \\uD83D\\uDE00. Use Remove Reaction to take a reaction back.',
		},
	],
	async build(params) {
		const message_id = messageId(params);
		return { type: 'reaction', reaction: { message_id, emoji: singleEmoji(params.emoji) } };
	},
};

export const removeReactionMessage: MessageType = {
	operation: 'removeReaction',
	name: 'Remove Reaction',
	action: 'Remove a reaction from a message',
	description: 'Take back your reaction to a message',
	properties: [messageIdProperty],
	async build(params) {
		// Doc 16, reaction object: "Use an empty string to remove a previously sent emoji."
		return { type: 'reaction', reaction: { message_id: messageId(params), emoji: '' } };
	},
};
