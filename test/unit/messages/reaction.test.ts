import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from '../../../nodes/WhatsAppCloud/messages/MessageType';
import { reactionMessage, removeReactionMessage } from '../../../nodes/WhatsAppCloud/messages/reaction';
import { InputError } from '../../../nodes/shared/InputError';

import { offlineContext } from './support';

const ctx = offlineContext({ uploadBinary: jest.fn() });

function fixture(name: string): IDataObject {
	const { body } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'));
	return { type: body.type, [body.type]: body[body.type] };
}

const WAMID = 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA=';

async function build(type: MessageType, values: IDataObject): Promise<IDataObject> {
	return JSON.parse(JSON.stringify(await type.build(values, ctx)));
}

async function inputError(type: MessageType, values: IDataObject): Promise<InputError> {
	const error = await type.build(values, ctx).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}

describe('reaction message', () => {
	it('80 example: grinning face', async () => {
		expect(await build(reactionMessage, { reactionMessageId: WAMID, emoji: '😀' })).toEqual(fixture('80-reaction'));
	});

	it('16 example', async () => {
		expect(await build(reactionMessage, { reactionMessageId: 'wamid.HBgLM...', emoji: '😀' })).toEqual(
			fixture('16-reaction'),
		);
	});

	it('accepts the escaped form the docs show, typed literally', async () => {
		expect(await build(reactionMessage, { reactionMessageId: WAMID, emoji: '\\uD83D\\uDE00' })).toEqual(
			fixture('80-reaction'),
		);
		expect(await build(reactionMessage, { reactionMessageId: WAMID, emoji: '\\u{1F600}' })).toEqual(
			fixture('80-reaction'),
		);
	});

	it.each(['👍', '❤️', '👍🏽', '👨‍👩‍👧', '🇩🇪', '1️⃣', '©'])('accepts the single emoji %s', async (emoji) => {
		const out = await build(reactionMessage, { reactionMessageId: WAMID, emoji: ` ${emoji} ` });
		expect(out.reaction).toEqual({ message_id: WAMID, emoji });
	});

	it.each([
		['👍👍', 'Emoji has 2 characters ("👍👍"), the limit is 1 emoji'],
		['ok', 'Emoji has 2 characters ("ok"), the limit is 1 emoji'],
		['😀 😀 😀', 'Emoji has 5 characters ("😀 😀 😀"), the limit is 1 emoji'],
		['a', 'Emoji must be an emoji; got "a"'],
		['7', 'Emoji must be an emoji; got "7"'],
		['', 'Emoji is required'],
	])('rejects %j', async (emoji, message) => {
		const error = await inputError(reactionMessage, { reactionMessageId: WAMID, emoji });
		expect(error.field).toBe('Emoji');
		expect(error.message).toBe(message);
	});

	it('limits the message ID to 128 characters (doc 16)', async () => {
		const ok = `wamid.${'A'.repeat(122)}`;
		expect((await build(reactionMessage, { reactionMessageId: ok, emoji: '👍' })).reaction).toEqual({
			message_id: ok,
			emoji: '👍',
		});
		const error = await inputError(reactionMessage, { reactionMessageId: `${ok}B`, emoji: '👍' });
		expect([error.field, error.message]).toEqual([
			'Message ID',
			'Message ID is too long: 129 characters, the limit is 128',
		]);
	});

	it('needs the message ID', async () => {
		const error = await inputError(reactionMessage, { reactionMessageId: '', emoji: '👍' });
		expect([error.field, error.message]).toEqual(['Message ID', 'Message ID is required']);
	});
});

describe('remove reaction', () => {
	it('sends an empty emoji (reference 16)', async () => {
		expect(await build(removeReactionMessage, { reactionMessageId: WAMID })).toEqual(fixture('80-remove-reaction'));
	});

	it('ignores any emoji left in the parameters', async () => {
		expect(await build(removeReactionMessage, { reactionMessageId: WAMID, emoji: '👍' })).toEqual(
			fixture('80-remove-reaction'),
		);
	});

	it('needs the message ID and checks its length', async () => {
		expect((await inputError(removeReactionMessage, { reactionMessageId: ' ' })).message).toBe(
			'Message ID is required',
		);
		expect((await inputError(removeReactionMessage, { reactionMessageId: 'w'.repeat(129) })).message).toBe(
			'Message ID is too long: 129 characters, the limit is 128',
		);
	});

	it('shares the message ID field and has no emoji field', () => {
		expect(reactionMessage.properties.map((p) => p.name)).toEqual(['reactionMessageId', 'emoji']);
		expect(removeReactionMessage.properties.map((p) => p.name)).toEqual(['reactionMessageId']);
		expect([reactionMessage.operation, removeReactionMessage.operation]).toEqual(['sendReaction', 'removeReaction']);
	});
});
