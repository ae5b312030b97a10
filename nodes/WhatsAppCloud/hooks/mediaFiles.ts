import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { readBinaryFile } from '../../shared/binaryFile';
import { checkOneOf, InputError, requireText } from '../../shared/InputError';
import { checkMediaSize, checkMediaType, MEDIA_KINDS, MEDIA_RULES, type MediaKind } from '../../shared/mediaRules';
import { downloadMedia, MEDIA_EXTENSIONS, mediaUploadBody } from '../../shared/transport';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';

/** Hooks of the Media resource (doc 68): upload the item's binary data, download a media file into it. */

const INPUT_FIELD = 'Input Binary Field';

/** The media kind whose documented MIME types include the binary's type (each supported type belongs to one kind). */
function detectKind(ctx: IExecuteSingleFunctions, propertyName: string): MediaKind {
	const binary = ctx.getInputData().binary?.[propertyName];
	if (!binary) {
		throw new InputError(INPUT_FIELD, `${INPUT_FIELD}: the input item has no binary property "${propertyName}"`);
	}
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const kind = MEDIA_KINDS.find((candidate) => MEDIA_RULES[candidate].mimeTypes.includes(mimeType));
	if (!kind) {
		throw new InputError(
			INPUT_FIELD,
			`${INPUT_FIELD}: WhatsApp accepts only ${Object.keys(MEDIA_EXTENSIONS).join(', ')}; "${propertyName}" is ${mimeType || 'of unknown type'}`,
		);
	}
	return kind;
}

/** Media IDs are numeric Graph IDs; anything else would end up in the request path. */
export function checkMediaId(ctx: IExecuteSingleFunctions): string {
	const id = requireText('Media ID', String(ctx.getNodeParameter('mediaObjectId', '') ?? '')).trim();
	if (!/^\d+$/.test(id))
		throw new InputError('Media ID', `Media ID must be a numeric ID such as 1037543291543636; got "${id}"`);
	return id;
}

/** Options > Only for Phone Number ID: a numeric phone number ID, or nothing. */
export function checkMediaOwner(ctx: IExecuteSingleFunctions): string | undefined {
	const options = ctx.getNodeParameter('mediaOptions', {}) as IDataObject;
	const owner = String(options.ownerPhoneNumberId ?? '').trim();
	if (!owner) return undefined;
	if (!/^\d+$/.test(owner)) {
		throw new InputError(
			'Only for Phone Number ID',
			`Only for Phone Number ID must be a numeric phone number ID; got "${owner}"`,
		);
	}
	return owner;
}

/**
 * preSend of Media › Upload: the item's binary data, checked against the documented types and sizes, as a
 * streamed multipart body (the same one the send pipeline uploads with).
 */
export const mediaUploadRequest = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const propertyName = requireText(INPUT_FIELD, this.getNodeParameter('mediaBinaryProperty', 'data')).trim();
	const chosen = String(this.getNodeParameter('mediaKind', 'auto'));
	const kind = chosen === 'auto' ? detectKind(this, propertyName) : checkOneOf('Media Type', chosen, MEDIA_KINDS);
	const binary = this.getInputData().binary?.[propertyName];
	const mimeType = checkMediaType(binary, propertyName, kind);
	// Streamed from n8n's binary data; the file is opened only when the request is sent, after every item's checks.
	const file = await readBinaryFile(this, binary as IBinaryData, kind);
	checkMediaSize(file.size, propertyName, kind);
	const { body, headers } = await mediaUploadBody({ ...file, mimeType });
	// The node's default JSON content type would make the HTTP client serialise the body as JSON.
	const kept = Object.entries(requestOptions.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type');
	requestOptions.headers = { ...Object.fromEntries(kept), ...headers };
	requestOptions.body = body as unknown as IDataObject;
	// With redirects allowed, the HTTP client keeps every byte of the body in memory to send it again after one.
	requestOptions.disableFollowRedirect = true;
	return requestOptions;
});

/**
 * postReceive of Media › Download: the file behind Meta's answer to `GET /{media-id}`, streamed into the
 * item's binary data (doc 68: on 404, fetch a new media URL and download once more).
 */
export async function downloadMediaFile(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('downloadOptions', {}) as IDataObject;
	const download = await downloadMedia(this, checkMediaId(this), {
		phoneNumberId: checkMediaOwner(this),
		itemIndex: this.getItemIndex(),
		fileName: String(options.fileName ?? '').trim() || undefined,
		knownInfo: (response.body ?? {}) as IDataObject,
	});
	const propertyName = String(options.binaryPropertyOutput ?? '').trim() || 'data';
	return [{ json: { ...download.info, fileName: download.fileName }, binary: { [propertyName]: download.binary } }];
}
