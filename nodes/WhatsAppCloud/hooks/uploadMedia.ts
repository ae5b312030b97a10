import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { MEDIA_RULES, type MediaKind } from '../../shared/mediaRules';

const FIELD = 'Input Binary Field';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : megabytes(bytes));

export interface BinaryFile {
	data: Buffer;
	mimeType: string;
	fileName: string;
}

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
		throw new InputError(FIELD, `${FIELD}: ${kind} files can be at most ${sizeText(maxBytes)}; "${propertyName}" is ${sizeText(size)}`);
	}
}

/** Reads the item's binary property and checks it against the documented MIME types and size for `kind`. */
export async function readMediaBinary(
	ctx: IExecuteSingleFunctions,
	propertyName: string,
	kind: MediaKind,
): Promise<BinaryFile> {
	const binary = ctx.getInputData().binary?.[propertyName];
	const mimeType = checkMediaType(binary, propertyName, kind);
	const data = await ctx.helpers.getBinaryDataBuffer(propertyName);
	checkMediaSize(data.length, propertyName, kind);
	return { data, mimeType, fileName: binary?.fileName ?? `${kind}` };
}
