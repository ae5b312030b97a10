import type {
	IAllExecuteFunctions,
	IBinaryData,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IWebhookFunctions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { graphErrorToNodeApiError, redactSecrets } from './GraphErrors';
import { CREDENTIAL_TYPE, graphBaseUrl } from './graphApi';

/**
 * The one way both nodes talk to the Graph API: build the URL from the credential, send with the
 * credential's token (or an app token), turn a Graph error into a NodeApiError and a network failure
 * into an error that says whether the request may have reached Meta. Nothing here logs or returns a token.
 */

/** Any n8n context that can make authenticated requests (execute, hooks, webhook, editor methods, pagination). */
export type GraphContext = IAllExecuteFunctions;

export interface GraphCall {
	method?: IHttpRequestMethods;
	/** `/{id}/edge` relative to the credential's base URL and version, or an absolute URL (media files, `paging.next`). */
	url: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	/** Item the call belongs to, for the error n8n shows. */
	itemIndex?: number;
	/** App-level calls (`/{app-id}/subscriptions`) use the app access token `{app-id}|{app-secret}` instead of the credential's token. */
	appToken?: { appId: string; appSecret: string };
	/** Milliseconds before n8n's HTTP client gives up. */
	timeout?: number;
	/** Credentials already read in this run; saves a lookup per call on hot paths. */
	credentials?: ICredentialDataDecryptedObject;
}

/**
 * The request did not get an HTTP answer. `maybeSent` is false only when no connection was ever made
 * (refused, unresolvable host, TLS refused), so Meta cannot have received it; anything later (a reset, a timeout
 * after connecting) may have reached Meta and must not be repeated for non-idempotent calls such as sends.
 * From this side a connection dropped before the server read the body cannot be told from one dropped after.
 */
export class GraphNetworkError extends NodeOperationError {
	readonly maybeSent: boolean;

	readonly networkCode: string;

	constructor(ctx: GraphContext, networkCode: string, detail: string, maybeSent: boolean, itemIndex?: number) {
		const message = `Could not reach the Graph API: ${NETWORK_WORDS[networkCode] ?? detail} (${networkCode})`;
		super(ctx.getNode(), message, {
			itemIndex,
			description: maybeSent
				? `The connection broke after the request was sent, so Meta may have received it (${detail}).`
				: `No connection could be made, so Meta did not receive the request (${detail}). Check the Base URL in the credential and the network.`,
		});
		// n8n swaps messages naming ECONNRESET & co. for its own advice ("You can retry the request immediately"),
		// which is wrong for a message that may have been sent.
		this.message = message;
		this.maybeSent = maybeSent;
		this.networkCode = networkCode;
	}
}

const NETWORK_WORDS: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'the server refused the connection',
	ENOTFOUND: 'the server name could not be resolved',
	EAI_AGAIN: 'the server name could not be resolved',
	ECONNRESET: 'the connection closed before an answer came',
	EPIPE: 'the connection closed while the request was being sent',
	ECONNABORTED: 'no answer came within the timeout',
	ETIMEDOUT: 'no answer came within the timeout',
	ERR_CANCELED: 'the execution was canceled',
};

/** Codes of failures where the request never left this machine (no connection, or the TLS handshake failed). */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'ERR_INVALID_URL',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const TRANSPORT_CODE = /^(E[A-Z]+|ERR_(CANCELED|INVALID_URL|TLS_\w+)|UND_ERR_\w+|[A-Z_]*CERT[A-Z_]*)$/;

/**
 * The transport failure behind an error, if that is what it is. n8n's authenticated request helper wraps it in a
 * NodeApiError whose `cause` is the HTTP client's error with its code. An error with an HTTP response is not one.
 */
function transportFailure(error: unknown): { code: string; message: string } | undefined {
	let current = error as { code?: unknown; message?: unknown; cause?: unknown; response?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (current.response) return undefined;
		if (typeof current.code === 'string' && TRANSPORT_CODE.test(current.code)) {
			return { code: current.code, message: String(current.message ?? current.code) };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/** `https://graph.facebook.com/v22.0` for this context's credential. */
export async function graphBase(ctx: GraphContext, credentials?: ICredentialDataDecryptedObject): Promise<string> {
	return graphBaseUrl(credentials ?? (await ctx.getCredentials(CREDENTIAL_TYPE)));
}

async function requestOptions(
	ctx: GraphContext,
	call: GraphCall,
	extra: Partial<IHttpRequestOptions>,
): Promise<IHttpRequestOptions> {
	const absolute = /^https?:\/\//.test(call.url);
	const url = absolute ? call.url : `${await graphBase(ctx, call.credentials)}${call.url}`;
	const options: IHttpRequestOptions = {
		method: call.method ?? 'GET',
		url,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...extra,
	};
	if (call.qs && Object.keys(call.qs).length > 0) options.qs = call.qs;
	if (call.body !== undefined) options.body = call.body;
	if (call.headers) options.headers = { ...(options.headers ?? {}), ...call.headers };
	if (call.timeout) options.timeout = call.timeout;
	return options;
}

/**
 * Sends one call and returns the full HTTP response whatever its status (the caller decides what an error
 * status means). Throws GraphNetworkError when no HTTP answer came back.
 */
export async function graphResponse(
	ctx: GraphContext,
	call: GraphCall,
	extra: Partial<IHttpRequestOptions> = {},
): Promise<IN8nHttpFullResponse> {
	const options = await requestOptions(ctx, call, extra);
	try {
		if (call.appToken) {
			const headers = {
				...(options.headers ?? {}),
				Authorization: `Bearer ${call.appToken.appId}|${call.appToken.appSecret}`,
			};
			return (await ctx.helpers.httpRequest({ ...options, headers })) as IN8nHttpFullResponse;
		}
		// Credentials already read in this run are handed to n8n, which would otherwise read them again per request.
		// Only a whole credential (with its token) can stand in for n8n's own read; the trigger keeps a part of it.
		const known = call.credentials?.accessToken
			? { credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: call.credentials } }
			: undefined;
		return (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
			known,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = transportFailure(error);
		// (Given an error of their own class, n8n's error constructors hand back that same error.)
		if (!failure && error instanceof NodeApiError)
			throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
		if (!failure && error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error);
		if (!failure) {
			throw new NodeOperationError(ctx.getNode(), redactSecrets(String((error as Error)?.message ?? error)), {
				itemIndex: call.itemIndex,
			});
		}
		// The message of a network error may carry the request, and with it a token: keep a redacted summary only.
		const detail = redactSecrets(failure.message).slice(0, 300);
		const networkError: NodeOperationError = new GraphNetworkError(
			ctx,
			failure.code,
			detail,
			!NOT_SENT_CODES.has(failure.code),
			call.itemIndex,
		);
		throw networkError;
	}
}

/** Throws the NodeApiError n8n shows for a Graph error answer (HTTP 4xx/5xx); returns the response otherwise. */
export function checkGraphResponse(
	ctx: GraphContext,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
): IN8nHttpFullResponse {
	if (response.statusCode >= 400) throw graphErrorToNodeApiError(ctx.getNode(), response, itemIndex);
	return response;
}

/** A Graph call whose answer is JSON: resolves to the body, throws NodeApiError on a Graph error. */
export async function graphRequest<T = IDataObject>(ctx: GraphContext, call: GraphCall): Promise<T> {
	const response = checkGraphResponse(ctx, await graphResponse(ctx, call), call.itemIndex);
	const body = response.body;
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as T;
		} catch {
			return { body } as T;
		}
	}
	return (body ?? {}) as T;
}

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = response.headers?.[name] ?? response.headers?.[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) {
		try {
			return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
		} catch {
			return undefined;
		}
	}
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	return plain?.[1].trim() || undefined;
}

async function drain(stream: unknown): Promise<Buffer> {
	if (Buffer.isBuffer(stream)) return stream;
	if (typeof (stream as AsyncIterable<Buffer> | undefined)?.[Symbol.asyncIterator] !== 'function')
		return Buffer.from(String(stream ?? ''));
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		// An error page is small; never buffer more than needed to show it.
		if (size < 64 * 1024) chunks.push(Buffer.from(chunk as Buffer));
		size += (chunk as Buffer).length;
	}
	return Buffer.concat(chunks);
}

export interface MediaDownload {
	/** Meta's media object (`id`, `mime_type`, `sha256`, `file_size`, `messaging_product`), without the short-lived URL. */
	info: IDataObject;
	/** The file, in n8n's binary data (streamed: the file is never held in memory whole). */
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
}

/**
 * Doc 68: `GET /{media-id}` gives a URL valid for 5 minutes; the file is fetched from it with the same token.
 * On 404 the URL is fetched again once (it may have expired). The file is streamed into n8n's binary data.
 */
export async function downloadMedia(
	ctx: IExecuteFunctions | IExecuteSingleFunctions | IWebhookFunctions,
	mediaId: string,
	options: {
		phoneNumberId?: string;
		itemIndex?: number;
		fileName?: string;
		mimeType?: string;
		/** Meta's answer to `GET /{media-id}` when the caller already has it (saves one request). */
		knownInfo?: IDataObject;
		/** The credential when the caller has already read it (its base URL and version are used). */
		credentials?: ICredentialDataDecryptedObject;
	} = {},
): Promise<MediaDownload> {
	const { itemIndex } = options;
	const credentials =
		options.credentials ?? (await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE));
	const qs = options.phoneNumberId ? { phone_number_id: options.phoneNumberId } : undefined;
	const lookUp = async () => {
		const info = await graphRequest(ctx, { url: `/${encodeURIComponent(mediaId)}`, qs, itemIndex, credentials });
		if (typeof info.url !== 'string' || info.url === '') {
			throw new NodeOperationError(ctx.getNode(), `Media ${mediaId} has no download URL in Meta's answer`, {
				itemIndex,
			});
		}
		return info;
	};
	let info = typeof options.knownInfo?.url === 'string' && options.knownInfo.url ? options.knownInfo : await lookUp();
	const fetchFile = async () =>
		await graphResponse(ctx, { url: String(info.url), itemIndex, credentials }, { json: false, encoding: 'stream' });
	let file = await fetchFile();
	let retried = false;
	if (file.statusCode === 404) {
		await drain(file.body);
		info = await lookUp();
		file = await fetchFile();
		retried = true;
	}
	if (file.statusCode >= 400) {
		const error = graphErrorToNodeApiError(
			ctx.getNode(),
			{ statusCode: file.statusCode, body: await drain(file.body) },
			itemIndex,
		);
		error.message = `Media download failed with HTTP ${file.statusCode}`;
		if (retried) {
			error.description = [
				error.description,
				'A fresh media URL was fetched and the download tried again. If it keeps failing, renew the access token (doc 68).',
			]
				.filter(Boolean)
				.join('\n');
		}
		throw error;
	}
	const mimeType = (
		options.mimeType ||
		(header(file, 'content-type') ?? '').split(';')[0].trim() ||
		String(info.mime_type ?? 'application/octet-stream')
	)
		.split(';')[0]
		.trim();
	const extension = MEDIA_EXTENSIONS[mimeType] ?? MEDIA_EXTENSIONS[String(info.mime_type)] ?? 'bin';
	const fileName = options.fileName || fileNameFrom(header(file, 'content-disposition')) || `${mediaId}.${extension}`;
	// An IncomingMessage (encoding: 'stream'): prepareBinaryData streams it into n8n's binary data.
	const body = file.body as Buffer;
	const binary = await ctx.helpers.prepareBinaryData(body as Buffer, fileName, mimeType);
	// prepareBinaryData takes the file name's directory/extension from the path: keep the name as given.
	binary.fileName = fileName;
	const rest: IDataObject = { ...info };
	delete rest.url; // valid for 5 minutes only, and useless without the token
	return { info: rest, binary, fileName, mimeType };
}

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

export interface MediaFile {
	/** The file's bytes, or a stream of them (n8n's binary data in filesystem mode, see `readBinaryFile`). */
	data: Buffer | AsyncIterable<Buffer>;
	/** Size in bytes, when known (a stream's size comes from n8n's binary metadata). */
	size?: number;
	mimeType: string;
	fileName: string;
}

const CRLF = '\r\n';

/**
 * A request body that n8n's HTTP client (axios) sends chunk by chunk: axios reads any Blob through its `stream()`
 * and takes the Content-Type and Content-Length from `type` and `size`. A Blob of our own rather than a Node stream,
 * because community nodes may not import `node:stream`.
 */
class StreamedBody {
	readonly [Symbol.toStringTag] = 'Blob';

	constructor(
		readonly size: number,
		readonly type: string,
		private readonly chunks: () => AsyncIterable<Buffer>,
	) {}

	stream(): AsyncIterable<Buffer> {
		return this.chunks();
	}
}

async function readWhole(data: AsyncIterable<Buffer>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of data) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

/** A multipart/form-data body that streams the file part instead of holding it in memory. */
async function multipartBody(
	fields: Record<string, string>,
	file: MediaFile,
): Promise<{ body: StreamedBody; contentType: string; length: number }> {
	const boundary = `----n8nWhatsAppCloud${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const quote = (value: string) => value.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));
	let head = '';
	for (const [name, value] of Object.entries(fields)) {
		head += `--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}${value}${CRLF}`;
	}
	head +=
		`--${boundary}${CRLF}Content-Disposition: form-data; name="file"; filename="${quote(file.fileName)}"${CRLF}` +
		`Content-Type: ${file.mimeType}${CRLF}${CRLF}`;
	const tail = `${CRLF}--${boundary}--${CRLF}`;
	const headBuffer = Buffer.from(head, 'utf8');
	const tailBuffer = Buffer.from(tail, 'utf8');
	// A stream of unknown size is read first: the request must state its length.
	const data = Buffer.isBuffer(file.data) || Number.isFinite(file.size) ? file.data : await readWhole(file.data);
	const size = Buffer.isBuffer(data) ? data.length : Number(file.size);
	async function* parts() {
		yield headBuffer;
		if (Buffer.isBuffer(data)) yield data;
		else for await (const chunk of data) yield chunk as Buffer;
		yield tailBuffer;
	}
	const contentType = `multipart/form-data; boundary=${boundary}`;
	const length = headBuffer.length + size + tailBuffer.length;
	return { body: new StreamedBody(length, contentType, parts), contentType, length };
}

/**
 * The body of `POST /{phone-number-id}/media` (doc 68): streamed multipart/form-data and its headers. Used by
 * uploadMedia and by Media > Upload, whose request is stated in its routing.
 */
export async function mediaUploadBody(file: MediaFile): Promise<{ body: StreamedBody; headers: IDataObject }> {
	// Docs: doc 68's parameter table requires `type` while its curl example only sets the file part's type; we send both.
	const { body, contentType, length } = await multipartBody(
		{ messaging_product: 'whatsapp', type: file.mimeType },
		file,
	);
	return { body, headers: { 'Content-Type': contentType, 'Content-Length': String(length) } };
}

/** `POST /{phone-number-id}/media` (doc 68) as streamed multipart/form-data; resolves to Meta's answer (`{ id }`). */
export async function uploadMedia(
	ctx: GraphContext,
	phoneNumberId: string,
	file: MediaFile,
	options: { itemIndex?: number } = {},
): Promise<IDataObject & { id: string }> {
	const { body, headers } = await mediaUploadBody(file);
	const call: GraphCall = {
		method: 'POST',
		url: `/${encodeURIComponent(phoneNumberId)}/media`,
		body: body as unknown as IDataObject,
		headers,
		itemIndex: options.itemIndex,
	};
	// With redirects allowed, axios's follow-redirects keeps every byte of a request body until the answer (to
	// send it again after a redirect): a 100 MB upload would sit in memory. Graph does not redirect uploads.
	const response = checkGraphResponse(
		ctx,
		await graphResponse(ctx, call, { disableFollowRedirect: true }),
		options.itemIndex,
	);
	const answer = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	if (typeof answer.id !== 'string' || !answer.id) {
		throw new NodeOperationError(ctx.getNode(), 'The media upload answered without a media ID', {
			itemIndex: options.itemIndex,
		});
	}
	return answer as IDataObject & { id: string };
}
