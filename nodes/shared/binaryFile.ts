import type { IBinaryData, IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';

import type { MediaFile } from './transport';

/** Bytes read at a time from n8n's binary data store. */
const CHUNK_SIZE = 256 * 1024;

/** An n8n binary value as a file to upload; `size` is known before any byte is read. */
export type BinaryFile = MediaFile & { size: number };

/** The file in n8n's binary data store, opened only when the first chunk is wanted (never if a check fails first). */
async function* storedFile(ctx: IExecuteFunctions | IExecuteSingleFunctions, id: string): AsyncGenerator<Buffer> {
	const stream = await ctx.helpers.getBinaryStream(id, CHUNK_SIZE);
	for await (const chunk of stream) yield chunk as Buffer;
}

/** The size in bytes of a binary value, without reading it: from n8n's binary data store, or its base64 `data`. */
export async function binarySize(
	ctx: IExecuteFunctions | IExecuteSingleFunctions,
	binary: IBinaryData,
): Promise<number> {
	if (!binary.id) return Buffer.byteLength(binary.data ?? '', BINARY_ENCODING);
	const { fileSize } = await ctx.helpers.getBinaryMetadata(binary.id);
	return typeof fileSize === 'number' && Number.isFinite(fileSize) ? fileSize : Number(binary.bytes ?? NaN);
}

/**
 * An item's binary value as a file for `uploadMedia`, never read whole: when n8n keeps it in its binary data
 * store (filesystem, S3 or database mode; the value then has an `id`), a lazily opened stream of the file,
 * sized from the store's metadata; in n8n's in-memory mode, the bytes the value carries.
 */
export async function readBinaryFile(
	ctx: IExecuteFunctions | IExecuteSingleFunctions,
	binary: IBinaryData,
	fallbackFileName: string,
	/** The size when the caller has already read it (binarySize), so the store's metadata is not read twice. */
	knownSize?: number,
): Promise<BinaryFile> {
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const fileName = binary.fileName || fallbackFileName;
	if (binary.id) {
		return { data: storedFile(ctx, binary.id), size: knownSize ?? (await binarySize(ctx, binary)), mimeType, fileName };
	}
	const data = Buffer.from(binary.data, BINARY_ENCODING);
	return { data, size: data.length, mimeType, fileName };
}
