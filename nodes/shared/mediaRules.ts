import type { IBinaryData } from 'n8n-workflow';

import { InputError } from './InputError';

/** Media kinds the Cloud API accepts, with the MIME types and sizes of doc 68 (reference-media). */
export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

const MB = 1024 * 1024;
const KB = 1024;

export interface MediaRules {
	mimeTypes: readonly string[];
	maxBytes: number;
	caption: boolean;
	filename: boolean;
}

export const MEDIA_RULES: Record<MediaKind, MediaRules> = {
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB, caption: true, filename: false },
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MB,
		caption: false,
		filename: false,
	},
	video: { mimeTypes: ['video/3gpp', 'video/mp4'], maxBytes: 16 * MB, caption: true, filename: false },
	document: {
		mimeTypes: [
			'text/plain',
			'application/vnd.ms-excel',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/msword',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.ms-powerpoint',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
			'application/pdf',
		],
		maxBytes: 100 * MB,
		caption: true,
		filename: true,
	},
	// Animated stickers may be up to 500 KB; static ones 100 KB. We cannot tell them apart without decoding, so 500 KB.
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * KB, caption: false, filename: false },
};

export const MEDIA_KINDS = Object.keys(MEDIA_RULES) as MediaKind[];

const FIELD = 'Input Binary Field';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : megabytes(bytes));

/**
 * Checks an item's binary property against the documented MIME types for `kind` (doc 68); returns its MIME type.
 * The size is checked separately, once it is known (`checkMediaSize`).
 */
export function checkMediaType(binary: IBinaryData | undefined, propertyName: string, kind: MediaKind): string {
	if (!binary) {
		throw new InputError(FIELD, `${FIELD}: the input item has no binary property "${propertyName}"`);
	}
	const rules = MEDIA_RULES[kind];
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (!rules.mimeTypes.includes(mimeType)) {
		throw new InputError(
			FIELD,
			`${FIELD}: ${kind} files must be ${rules.mimeTypes.join(', ')}; "${propertyName}" is ${mimeType || 'of unknown type'}`,
		);
	}
	return mimeType;
}

/** Checks a file's size against the documented limit for `kind` (doc 68). */
export function checkMediaSize(size: number, propertyName: string, kind: MediaKind): void {
	const { maxBytes } = MEDIA_RULES[kind];
	if (size > maxBytes) {
		throw new InputError(
			FIELD,
			`${FIELD}: ${kind} files can be at most ${sizeText(maxBytes)}; "${propertyName}" is ${sizeText(size)}`,
		);
	}
}
