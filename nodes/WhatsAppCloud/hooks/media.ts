import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { checkOneOf, InputError, requireText } from '../../shared/InputError';
import { MEDIA_KINDS, MEDIA_RULES, type MediaKind } from '../../shared/media';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';
import { readMediaBinary } from './uploadMedia';
import { downloadMedia, MEDIA_EXTENSIONS } from '../../shared/transport';

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
function readMediaId(ctx: IExecuteSingleFunctions): string {
	const id = requireText('Media ID', String(ctx.getNodeParameter('mediaObjectId', '') ?? '')).trim();
	if (!/^\d+$/.test(id)) throw new InputError('Media ID', `Media ID must be a numeric ID such as 1037543291543636; got "${id}"`);
	return id;
}

function ownerQuery(ctx: IExecuteSingleFunctions): IDataObject {
	const options = ctx.getNodeParameter('mediaOptions', {}) as IDataObject;
	const owner = String(options.ownerPhoneNumberId ?? '').trim();
	if (!owner) return {};
	if (!/^\d+$/.test(owner)) {
		throw new InputError('Only for Phone Number ID', `Only for Phone Number ID must be a numeric phone number ID; got "${owner}"`);
	}
	return { phone_number_id: owner };
}

/** preSend of Media › Upload (doc 68): the item's binary data, checked against the documented types and sizes, as multipart. */
export const uploadMediaRequest = allOrNothing(async function (requestOptions) {
	const phoneNumberId = await resolvePhoneNumberId(this);
	const propertyName = requireText(INPUT_FIELD, this.getNodeParameter('mediaBinaryProperty', 'data')).trim();
	const chosen = String(this.getNodeParameter('mediaKind', 'auto'));
	const kind = chosen === 'auto' ? detectKind(this, propertyName) : checkOneOf('Media Type', chosen, MEDIA_KINDS);
	const file = await readMediaBinary(this, propertyName, kind);
	const form = new FormData();
	form.append('messaging_product', 'whatsapp');
	// Docs: doc 68's parameter table requires `type` while its curl example only sets the file part's type; we send both.
	form.append('type', file.mimeType);
	form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.fileName);
	const headers = { ...(requestOptions.headers ?? {}) };
	// The node's default JSON content type would make the HTTP client serialise the form as JSON.
	for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
	requestOptions.headers = headers;
	requestOptions.url = `/${phoneNumberId}/media`;
	requestOptions.body = form;
	return requestOptions;
});

/** preSend of Media › Get URL, Download and Delete: `/{media-id}`, optionally only for one phone number. */
export const mediaObjectRequest = allOrNothing(async function (requestOptions) {
	const id = readMediaId(this);
	requestOptions.url = `/${id}`;
	requestOptions.qs = { ...(requestOptions.qs ?? {}), ...ownerQuery(this) };
	return requestOptions;
});

/**
 * postReceive of Media › Download: the authenticated GET of the media URL into the item's binary data.
 * Doc 68: on 404, fetch a new media URL and download once more.
 */
export async function downloadMediaFile(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const info = (response.body ?? {}) as IDataObject;
	const id = readMediaId(this);
	const options = this.getNodeParameter('downloadOptions', {}) as IDataObject;
	const phoneNumberId = ownerQuery(this).phone_number_id as string | undefined;
	const download = await downloadMedia(this, id, {
		phoneNumberId,
		itemIndex: this.getItemIndex(),
		fileName: String(options.fileName ?? '').trim() || undefined,
		knownInfo: info,
	});
	const propertyName = String(options.binaryPropertyOutput ?? '').trim() || 'data';
	return [{ json: { ...download.info, fileName: download.fileName }, binary: { [propertyName]: download.binary } }];
}
