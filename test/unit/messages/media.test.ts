import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { contactsMessage } from '../../../nodes/WhatsAppCloud/messages/contacts';
import { locationMessage } from '../../../nodes/WhatsAppCloud/messages/location';
import {
	audioMessage,
	createMediaMessage,
	documentMessage,
	imageMessage,
	MEDIA_MESSAGES,
	mediaFormatsText,
	stickerMessage,
	videoMessage,
} from '../../../nodes/WhatsAppCloud/messages/media';
import type { MessageType } from '../../../nodes/WhatsAppCloud/messages/MessageType';
import { offlineContext } from './support';
import { reactionMessage, removeReactionMessage } from '../../../nodes/WhatsAppCloud/messages/reaction';
import { textMessage } from '../../../nodes/WhatsAppCloud/messages/text';
import { InputError } from '../../../nodes/shared/InputError';

/** The type part (`type` + `<type>`) of a documented example body. */
function fixture(name: string): IDataObject {
	const { body } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'));
	return { type: body.type, [body.type]: body[body.type] };
}

/** What n8n hands to build(): every top-level property's default, overridden by what the user set. */
function params(type: MessageType, values: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const property of type.properties) result[property.name] = property.default as IDataObject[string];
	for (const name of Object.keys(values)) {
		if (!(name in result)) throw new Error(`${type.operation} has no property "${name}"`);
	}
	return { ...result, ...values };
}

function context(id = 'UPLOADED-MEDIA-ID') {
	const uploadBinary = jest.fn(async () => id);
	return { ctx: offlineContext({ uploadBinary }), uploadBinary };
}

async function build(type: MessageType, values: IDataObject, ctx = context().ctx): Promise<IDataObject> {
	return JSON.parse(JSON.stringify(await type.build(params(type, values), ctx)));
}

async function inputError(type: MessageType, values: IDataObject): Promise<InputError> {
	const ctx = context();
	const error = await type.build(params(type, values), ctx.ctx).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	expect(ctx.uploadBinary).not.toHaveBeenCalled();
	return error as InputError;
}

describe('media messages: documented examples', () => {
	it('22 image by media ID with caption', async () => {
		expect(
			await build(imageMessage, {
				mediaSource: 'id',
				mediaId: '1479537139650973',
				caption: 'The best succulent ever?',
			}),
		).toEqual(fixture('22-image-by-id'));
	});

	it('16 image by media ID', async () => {
		expect(await build(imageMessage, { mediaSource: 'id', mediaId: 'MEDIA-OBJECT-ID' })).toEqual(
			fixture('16-image-by-id'),
		);
	});

	it('22 image by link with caption', async () => {
		expect(
			await build(imageMessage, {
				mediaSource: 'link',
				mediaLink: 'https://www.luckyshrub.com/assets/succulents/aloe.png',
				caption: 'The best succulent ever?',
			}),
		).toEqual(fixture('22-image-by-link'));
	});

	it('20 audio by media ID', async () => {
		expect(await build(audioMessage, { mediaSource: 'id', mediaId: '3674626312780147' })).toEqual(
			fixture('20-audio-by-id'),
		);
	});

	it('20 audio by link', async () => {
		expect(
			await build(audioMessage, {
				mediaSource: 'link',
				mediaLink: 'https://www.luckyshrub.com/assets/lucky-track.aac',
			}),
		).toEqual(fixture('20-audio-by-link'));
	});

	it('06 video by media ID with caption', async () => {
		expect(
			await build(videoMessage, { mediaSource: 'id', mediaId: '1166846181421424', caption: 'A succulent eclipse!' }),
		).toEqual(fixture('06-video-by-id'));
	});

	it('06 video by link with caption', async () => {
		expect(
			await build(videoMessage, {
				mediaSource: 'link',
				mediaLink: 'https://www.luckyshrub.com/assets/lucky-shrub-eclipse-viewing.mp4',
				caption: 'A succulent eclipse!',
			}),
		).toEqual(fixture('06-video-by-link'));
	});

	it('81 document by media ID with caption and file name', async () => {
		expect(
			await build(documentMessage, {
				mediaSource: 'id',
				mediaId: '430519053060512',
				caption: 'Lucky Shrub Invoice',
				filename: 'lucky-shrub-invoice.pdf',
			}),
		).toEqual(fixture('81-document-by-id'));
	});

	it('81 document by link with caption and file name', async () => {
		expect(
			await build(documentMessage, {
				mediaSource: 'link',
				mediaLink: 'https://www.luckyshrub.com/invoices/FmOzfD9cKf/lucky-shrub-invoice.pdf',
				caption: 'Lucky Shrub Invoice',
				filename: 'lucky-shrub-invoice.pdf',
			}),
		).toEqual(fixture('81-document-by-link'));
	});
});

describe('media messages: binary data', () => {
	it.each(MEDIA_MESSAGES.map((type) => [type.operation, type] as const))(
		'%s uploads the binary property and sends its ID',
		async (_, type) => {
			const { ctx, uploadBinary } = context('998877');
			const out = await build(type, { mediaSource: 'binary', binaryPropertyName: 'file' }, ctx);
			const kind = String(out.type);
			expect(uploadBinary).toHaveBeenCalledTimes(1);
			expect(uploadBinary).toHaveBeenCalledWith('file', kind);
			expect(out).toEqual({ type: kind, [kind]: { id: '998877' } });
		},
	);

	it('keeps caption and file name next to the uploaded ID', async () => {
		const { ctx } = context('42');
		expect(
			await build(
				documentMessage,
				{ mediaSource: 'binary', binaryPropertyName: 'data', caption: 'Invoice', filename: 'invoice.pdf' },
				ctx,
			),
		).toEqual({ type: 'document', document: { id: '42', caption: 'Invoice', filename: 'invoice.pdf' } });
	});

	it('does not upload when the caption is too long', async () => {
		const error = await inputError(imageMessage, { mediaSource: 'binary', caption: 'x'.repeat(1025) });
		expect(error.message).toBe('Caption is too long: 1025 characters, the limit is 1024');
	});

	it('needs a binary property name', async () => {
		const error = await inputError(imageMessage, { mediaSource: 'binary', binaryPropertyName: ' ' });
		expect(error.field).toBe('Input Binary Field');
		expect(error.message).toBe('Input Binary Field is required');
	});
});

describe('media messages: limits and fields', () => {
	it.each([imageMessage, videoMessage, documentMessage].map((type) => [type.operation, type] as const))(
		'%s caption is limited to 1024 characters',
		async (_, type) => {
			const error = await inputError(type, { mediaSource: 'id', mediaId: '1', caption: 'a'.repeat(1025) });
			expect(error.field).toBe('Caption');
			expect(error.message).toBe('Caption is too long: 1025 characters, the limit is 1024');
			await expect(build(type, { mediaSource: 'id', mediaId: '1', caption: '😀'.repeat(1024) })).resolves.toBeDefined();
		},
	);

	it('only image, video and document have a caption; only document has a file name', () => {
		const names = (type: MessageType) => type.properties.map((p) => p.name);
		expect(names(imageMessage)).toEqual(['mediaSource', 'binaryPropertyName', 'mediaId', 'mediaLink', 'caption']);
		expect(names(videoMessage)).toContain('caption');
		expect(names(documentMessage)).toEqual([
			'mediaSource',
			'binaryPropertyName',
			'mediaId',
			'mediaLink',
			'caption',
			'filename',
		]);
		for (const type of [audioMessage, stickerMessage]) {
			expect(names(type)).toEqual(['mediaSource', 'binaryPropertyName', 'mediaId', 'mediaLink']);
		}
		expect(names(imageMessage)).not.toContain('filename');
	});

	it('never sends caption for audio/sticker or file name for image', async () => {
		for (const type of [audioMessage, stickerMessage]) {
			const out = await type.build(
				{ mediaSource: 'id', mediaId: '7', caption: 'hi', filename: 'a.ogg' },
				context().ctx,
			);
			expect(JSON.parse(JSON.stringify(out))).toEqual({ type: out.type, [String(out.type)]: { id: '7' } });
		}
		const image = await imageMessage.build({ mediaSource: 'id', mediaId: '7', filename: 'a.png' }, context().ctx);
		expect(image).toEqual({ type: 'image', image: { id: '7' } });
	});

	it.each(['ftp://example.com/a.png', 'example.com/a.png', 'javascript:alert(1)', 'https://'])(
		'rejects the link %s',
		async (link) => {
			const error = await inputError(imageMessage, { mediaSource: 'link', mediaLink: link });
			expect(error.field).toBe('Link');
			expect(error.message).toBe(`Link must be an http:// or https:// URL; got "${link}"`);
		},
	);

	it('accepts http and https links', async () => {
		expect(await build(stickerMessage, { mediaSource: 'link', mediaLink: 'http://a.example/s.webp' })).toEqual({
			type: 'sticker',
			sticker: { link: 'http://a.example/s.webp' },
		});
	});

	it('needs a media ID or link', async () => {
		expect((await inputError(videoMessage, { mediaSource: 'id', mediaId: '' })).message).toBe('Media ID is required');
		expect((await inputError(videoMessage, { mediaSource: 'link', mediaLink: '' })).message).toBe('Link is required');
	});

	it('accepts a numeric media ID from an expression', async () => {
		expect(await build(audioMessage, { mediaSource: 'id', mediaId: 3674626312780147 })).toEqual(
			fixture('20-audio-by-id'),
		);
	});

	it('rejects an unknown source', async () => {
		expect((await inputError(imageMessage, { mediaSource: 'ftp' })).message).toBe(
			'Media Source must be one of id, link, binary; got "ftp"',
		);
	});

	it('describes formats and sizes from MEDIA_RULES', () => {
		expect(mediaFormatsText('image')).toBe('JPEG or PNG, up to 5 MB');
		expect(mediaFormatsText('sticker')).toBe('WebP, up to 500 KB');
		expect(mediaFormatsText('audio')).toBe('AAC, AMR, MP3, M4A or OGG (Opus), up to 16 MB');
	});

	it('has one operation per kind', () => {
		expect(MEDIA_MESSAGES.map((t) => [t.operation, t.name, t.action])).toEqual([
			['sendImage', 'Send Image', 'Send an image message'],
			['sendAudio', 'Send Audio', 'Send an audio message'],
			['sendVideo', 'Send Video', 'Send a video message'],
			['sendDocument', 'Send Document', 'Send a document message'],
			['sendSticker', 'Send Sticker', 'Send a sticker message'],
		]);
		expect(createMediaMessage('image').operation).toBe('sendImage');
	});
});

/** Form conventions for every type in this package's message folder that this suite owns, plus text. */
describe('form fields of media, location, contacts and reaction', () => {
	const types = [
		textMessage,
		...MEDIA_MESSAGES,
		locationMessage,
		contactsMessage,
		reactionMessage,
		removeReactionMessage,
	];

	function walk(properties: INodeProperties[], visit: (p: INodeProperties) => void): void {
		for (const property of properties) {
			visit(property);
			for (const option of property.options ?? []) {
				if ('values' in option) walk(option.values, visit);
				else if ('type' in option) walk([option as INodeProperties], visit);
			}
		}
	}

	it('every property has displayName, name, type, default and description; booleans say "Whether"', () => {
		for (const type of types) {
			walk(type.properties, (p) => {
				expect({ op: type.operation, name: p.name, ok: Boolean(p.displayName && p.name && p.type) }).toEqual({
					op: type.operation,
					name: p.name,
					ok: true,
				});
				expect(p.default).toBeDefined();
				expect(typeof p.description).toBe('string');
				if (p.type === 'boolean') expect(p.description).toMatch(/^Whether /);
			});
		}
	});

	it('no resource/operation display options', () => {
		for (const type of types) {
			walk(type.properties, (p) => {
				expect(Object.keys(p.displayOptions?.show ?? {})).not.toContain('operation');
				expect(Object.keys(p.displayOptions?.show ?? {})).not.toContain('resource');
			});
		}
	});

	it('a top-level property name means the same thing in every type that uses it', () => {
		const seen = new Map<string, { op: string; property: INodeProperties }>();
		for (const type of types) {
			for (const property of type.properties) {
				const before = seen.get(property.name);
				if (before) {
					expect([property.name, property.type, property.displayName]).toEqual([
						before.property.name,
						before.property.type,
						before.property.displayName,
					]);
					const family = (op: string) =>
						MEDIA_MESSAGES.some((t) => t.operation === op) ? 'media' : op.replace(/^remove/, 'send');
					expect(family(type.operation)).toBe(family(before.op));
				} else {
					seen.set(property.name, { op: type.operation, property });
				}
			}
		}
	});
});
