import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';
import { CREDENTIAL_TYPE } from '../../shared/graphApi';
import { checkOneOf, InputError, requireText } from '../../shared/InputError';
import { MEDIA_KINDS, MEDIA_RULES, type MediaKind } from '../../shared/media';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';
import { graphRequest } from './graphRequest';
import { readMediaBinary } from './uploadMedia';

/** File extensions of the supported media types (doc 68), for naming downloaded files. */
export const MEDIA_EXTENSIONS: Readonly<Record<string, string>> = {
	'audio/aac': 'aac',
	'audio/amr': 'amr',
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'audio/ogg': 'ogg',
	'text/plain': 'txt',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'application/pdf': 'pdf',
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'image/webp': 'webp',
	'video/3gpp': '3gp',
	'video/mp4': 'mp4',
};

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

async function fetchMedia(ctx: IExecuteSingleFunctions, url: string): Promise<IN8nHttpFullResponse> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as IN8nHttpFullResponse;
}

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = response.headers?.[name] ?? response.headers?.[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	return plain?.[1].trim() || undefined;
}

/**
 * postReceive of Media › Download: the authenticated GET of the media URL into the item's binary data.
 * Doc 68: on 404, fetch a new media URL and download once more.
 */
export async function downloadMediaFile(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let info = (response.body ?? {}) as IDataObject;
	const id = readMediaId(this);
	const url = () => {
		if (typeof info.url !== 'string' || info.url === '') {
			throw new InputError('Media ID', `Media ${id} has no download URL in Meta's answer`);
		}
		return info.url;
	};
	let file = await fetchMedia(this, url());
	if (file.statusCode === 404) {
		info = await graphRequest(this, { method: 'GET', url: `/${id}`, qs: ownerQuery(this) });
		file = await fetchMedia(this, url());
	}
	if (file.statusCode >= 400) {
		const error = graphErrorToNodeApiError(this.getNode(), file, this.getItemIndex());
		error.message = `Media download failed with HTTP ${file.statusCode}`;
		error.description = [
			error.description,
			file.statusCode === 404
				? 'A fresh media URL was fetched and the download tried again. If it keeps failing, renew the access token (doc 68).'
				: undefined,
		]
			.filter(Boolean)
			.join('\n');
		throw error;
	}
	const data = Buffer.from(file.body as ArrayBuffer);
	const mimeType =
		(header(file, 'content-type') ?? '').split(';')[0].trim() || String(info.mime_type ?? 'application/octet-stream');
	const options = this.getNodeParameter('downloadOptions', {}) as IDataObject;
	const extension = MEDIA_EXTENSIONS[mimeType] ?? MEDIA_EXTENSIONS[String(info.mime_type)] ?? 'bin';
	const fileName =
		String(options.fileName ?? '').trim() || fileNameFrom(header(file, 'content-disposition')) || `${id}.${extension}`;
	const propertyName = String(options.binaryPropertyOutput ?? '').trim() || 'data';
	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	const json: IDataObject = { ...info };
	delete json.url; // valid for 5 minutes only, and useless without the token
	return [{ json: { ...json, fileName }, binary: { [propertyName]: binary } }];
}
