import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { checkLength, checkOneOf, InputError, requireText } from '../../shared/InputError';
import { MEDIA_RULES, type MediaKind } from '../../shared/mediaRules';

export const MAX_CAPTION = 1024;

export const MEDIA_SOURCES = ['id', 'link', 'binary'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];

const LABELS: Record<MediaKind, { noun: string; article: string; title: string }> = {
	image: { noun: 'image', article: 'an', title: 'Image' },
	audio: { noun: 'audio', article: 'an', title: 'Audio' },
	video: { noun: 'video', article: 'a', title: 'Video' },
	document: { noun: 'document', article: 'a', title: 'Document' },
	sticker: { noun: 'sticker', article: 'a', title: 'Sticker' },
};

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'JPEG',
	'image/png': 'PNG',
	'audio/aac': 'AAC',
	'audio/amr': 'AMR',
	'audio/mpeg': 'MP3',
	'audio/mp4': 'M4A',
	'audio/ogg': 'OGG (Opus)',
	'video/3gpp': '3GP',
	'video/mp4': 'MP4',
	'text/plain': 'TXT',
	'application/vnd.ms-excel': 'XLS',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
	'application/msword': 'DOC',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
	'application/vnd.ms-powerpoint': 'PPT',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
	'application/pdf': 'PDF',
	'image/webp': 'WebP',
};

function sizeText(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** "JPEG or PNG, up to 5 MB", straight from MEDIA_RULES so the form never disagrees with the checks. */
export function mediaFormatsText(kind: MediaKind): string {
	const names = MEDIA_RULES[kind].mimeTypes.map((mime) => EXTENSIONS[mime] ?? mime);
	const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
	return `${list}, up to ${sizeText(MEDIA_RULES[kind].maxBytes)}`;
}

function mediaProperties(kind: MediaKind): INodeProperties[] {
	const { noun } = LABELS[kind];
	const rules = MEDIA_RULES[kind];
	const properties: INodeProperties[] = [
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Binary Data',
					value: 'binary',
					description: `Upload a file from the input item (${mediaFormatsText(kind)})`,
				},
				{
					name: 'Media ID',
					value: 'id',
					description: 'ID of media already uploaded to WhatsApp (recommended by Meta)',
				},
				{
					name: 'Public Link',
					value: 'link',
					description: 'HTTP(S) URL that WhatsApp downloads the file from',
				},
			],
			default: 'binary',
			description: `Where the ${noun} comes from`,
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be sent',
			description: `Binary property of the input item holding the ${noun}. It is uploaded to WhatsApp first (${mediaFormatsText(kind)}).`,
			displayOptions: { show: { mediaSource: ['binary'] } },
		},
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1479537139650973',
			description: 'ID returned when the media was uploaded (Media > Upload), valid for 30 days',
			displayOptions: { show: { mediaSource: ['id'] } },
		},
		{
			displayName: 'Link',
			name: 'mediaLink',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/file',
			description: `Public http:// or https:// URL of the ${noun} (${mediaFormatsText(kind)}). The server must send the right Content-Type. WhatsApp caches a link for 10 minutes.`,
			displayOptions: { show: { mediaSource: ['link'] } },
		},
	];
	if (rules.caption) {
		properties.push({
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: `Text shown under the ${noun}, up to ${MAX_CAPTION} characters`,
		});
	}
	if (rules.filename) {
		properties.push({
			displayName: 'File Name',
			name: 'filename',
			type: 'string',
			default: '',
			placeholder: 'invoice.pdf',
			description:
				"File name shown to the recipient. Its extension decides the icon WhatsApp shows. With Binary Data, leave empty to use the binary's file name.",
		});
	}
	return properties;
}

/** Checks the link up front: Cloud API only fetches http(s) (doc 16, media object). */
function checkLink(value: unknown): string {
	const link = requireText('Link', value).trim();
	let url: URL | undefined;
	try {
		url = new URL(link);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
		throw new InputError('Link', `Link must be an http:// or https:// URL; got "${link}"`);
	}
	return link;
}

/** One message type per media kind; what differs (caption, file name, formats) comes from MEDIA_RULES. */
export function createMediaMessage(kind: MediaKind): MessageType {
	const { noun, article, title } = LABELS[kind];
	const rules = MEDIA_RULES[kind];
	return {
		operation: `send${title}`,
		name: `Send ${title}`,
		action: `Send ${article} ${noun} message`,
		description: `Send ${article} ${noun} from the input's binary data, a media ID or a public link`,
		properties: mediaProperties(kind),
		async build(params, ctx) {
			const source = checkOneOf('Media Source', String(params.mediaSource ?? ''), MEDIA_SOURCES);
			let caption: string | undefined;
			if (rules.caption && typeof params.caption === 'string' && params.caption !== '') {
				caption = params.caption;
				checkLength('Caption', caption, MAX_CAPTION);
			}
			let filename: string | undefined;
			if (rules.filename && typeof params.filename === 'string' && params.filename.trim() !== '') {
				filename = params.filename.trim();
			}

			const media: IDataObject = {};
			if (source === 'id') {
				media.id = requireText(
					'Media ID',
					typeof params.mediaId === 'number' ? String(params.mediaId) : params.mediaId,
				).trim();
			} else if (source === 'link') {
				media.link = checkLink(params.mediaLink);
			} else {
				const property = requireText('Input Binary Field', params.binaryPropertyName).trim();
				media.id = await ctx.uploadBinary(property, kind);
				// A document from binary data keeps its file name unless the user typed another one.
				if (rules.filename && filename === undefined) filename = ctx.binaryFileName?.(property);
			}
			if (caption !== undefined) media.caption = caption;
			if (filename !== undefined) media.filename = filename;
			return { type: kind, [kind]: media };
		},
	};
}

export const imageMessage = createMediaMessage('image');
export const audioMessage = createMediaMessage('audio');
export const videoMessage = createMediaMessage('video');
export const documentMessage = createMediaMessage('document');
export const stickerMessage = createMediaMessage('sticker');

export const MEDIA_MESSAGES: MessageType[] = [
	imageMessage,
	audioMessage,
	videoMessage,
	documentMessage,
	stickerMessage,
];
