import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { binarySize, readBinaryFile } from '../../shared/binaryFile';
import { checkMediaSize, checkMediaType, type MediaKind } from '../../shared/mediaRules';
import { uploadMedia } from '../../shared/transport';
import { isObject } from '../formValues';

/**
 * A binary property of an item that passed its checks. `build` gets `placeholder` instead of a media ID; the file is
 * uploaded only once every item has passed its checks, and the media ID then replaces the placeholder in the body.
 */
export interface PendingUpload {
	placeholder: string;
	propertyName: string;
	kind: MediaKind;
	mimeType: string;
	fileName: string;
	size: number;
}

function binaryOf(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): IBinaryData | undefined {
	return ctx.getInputData()[itemIndex]?.binary?.[propertyName];
}

/** Checks an item's binary property (doc 68 types and sizes) without reading the file. */
export async function checkBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	kind: MediaKind,
	placeholder: string,
): Promise<PendingUpload> {
	const binary = binaryOf(ctx, itemIndex, propertyName);
	const mimeType = checkMediaType(binary, propertyName, kind);
	const file = binary as IBinaryData;
	const size = await binarySize(ctx, file);
	checkMediaSize(size, propertyName, kind);
	return { placeholder, propertyName, kind, mimeType, fileName: file.fileName ?? kind, size };
}

/** Uploads one checked file to `POST /{phone-number-id}/media`, streamed when n8n keeps it outside memory. */
export async function uploadChecked(
	ctx: IExecuteFunctions,
	itemIndex: number,
	phoneNumberId: string,
	upload: PendingUpload,
): Promise<string> {
	const binary = binaryOf(ctx, itemIndex, upload.propertyName) as IBinaryData;
	const file = await readBinaryFile(ctx, binary, upload.fileName, upload.size);
	const { mimeType, fileName } = upload;
	return (await uploadMedia(ctx, phoneNumberId, { ...file, mimeType, fileName }, { itemIndex })).id;
}

/** A copy of `value` with every placeholder string replaced by its media ID. */
export function withMediaIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
	if (typeof value === 'string') return ids.get(value) ?? value;
	if (Array.isArray(value)) return value.map((entry) => withMediaIds(entry, ids));
	if (isObject(value))
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withMediaIds(entry, ids)]));
	return value;
}
