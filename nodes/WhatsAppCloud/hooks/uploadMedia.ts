import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { MEDIA_RULES, type MediaKind } from '../../shared/mediaRules';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : megabytes(bytes));

export interface BinaryFile {
	data: Buffer;
	mimeType: string;
	fileName: string;
}

/** Reads the item's binary property and checks it against the documented MIME types and size for `kind`. */
export async function readMediaBinary(
	ctx: IExecuteSingleFunctions,
	propertyName: string,
	kind: MediaKind,
): Promise<BinaryFile> {
	const field = 'Input Binary Field';
	const item = ctx.getInputData();
	const binary = item.binary?.[propertyName];
	if (!binary) {
		throw new InputError(field, `${field}: the input item has no binary property "${propertyName}"`);
	}
	const rules = MEDIA_RULES[kind];
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (!rules.mimeTypes.includes(mimeType)) {
		throw new InputError(
			field,
			`${field}: ${kind} files must be ${rules.mimeTypes.join(', ')}; "${propertyName}" is ${mimeType || 'of unknown type'}`,
		);
	}
	const data = await ctx.helpers.getBinaryDataBuffer(propertyName);
	if (data.length > rules.maxBytes) {
		throw new InputError(
			field,
			`${field}: ${kind} files can be at most ${sizeText(rules.maxBytes)}; "${propertyName}" is ${sizeText(data.length)}`,
		);
	}
	return { data, mimeType, fileName: binary.fileName ?? `${kind}` };
}
