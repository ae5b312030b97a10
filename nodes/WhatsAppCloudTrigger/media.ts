import type { IDataObject, IN8nHttpFullResponse, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, graphBaseUrl } from '../shared/graphApi';
import { isMessageEvent, type WhatsAppEvent } from './events';

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** The media object (`{ id, mime_type, ... }`) of an inbound media message, if the event is one. */
export function mediaOf(event: WhatsAppEvent): IDataObject | undefined {
	if (!isMessageEvent(event) || !MEDIA_TYPES.has(event.type)) return undefined;
	const media = event.message[event.type];
	if (typeof media !== 'object' || media === null || Array.isArray(media)) return undefined;
	return typeof (media as IDataObject).id === 'string' ? (media as IDataObject) : undefined;
}

function graphMessage(response: IN8nHttpFullResponse, what: string): string {
	const body = response.body as IDataObject | undefined;
	const error = body && typeof body === 'object' ? (body.error as IDataObject | undefined) : undefined;
	const detail = error ? `${String(error.message ?? '')}${error.code !== undefined ? ` (code ${String(error.code)})` : ''}` : '';
	return `${what} failed with HTTP ${response.statusCode}${detail ? `: ${detail}` : ''}`;
}

/** Doc 68: `GET /{media-id}` gives a short-lived URL; the file is fetched from it with the same token. */
async function download(ctx: IWebhookFunctions, event: WhatsAppEvent, media: IDataObject) {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const id = String(media.id);
	const info = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
		method: 'GET',
		url: `${graphBaseUrl(credentials)}/${encodeURIComponent(id)}`,
		qs: event.phoneNumberId ? { phone_number_id: event.phoneNumberId } : {},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	const url = (info.body as IDataObject | undefined)?.url;
	if (info.statusCode >= 400 || typeof url !== 'string') throw new Error(graphMessage(info, `Getting the URL of media ${id}`));
	const file = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	if (file.statusCode >= 400) throw new Error(`Downloading media ${id} failed with HTTP ${file.statusCode}`);
	const mimeType =
		(typeof media.mime_type === 'string' && media.mime_type) ||
		String((info.body as IDataObject).mime_type ?? file.headers?.['content-type'] ?? 'application/octet-stream');
	const fileName = typeof media.filename === 'string' && media.filename ? media.filename : undefined;
	return await ctx.helpers.prepareBinaryData(Buffer.from(file.body as ArrayBuffer), fileName, mimeType.split(';')[0].trim());
}

/**
 * One item per event; inbound media messages get their file in `binary[property]`. Files are fetched
 * in parallel; a file that cannot be fetched leaves the item without binary and with `mediaError`.
 */
export async function itemsWithMedia(ctx: IWebhookFunctions, events: WhatsAppEvent[], property: string): Promise<INodeExecutionData[]> {
	return await Promise.all(
		events.map(async (event): Promise<INodeExecutionData> => {
			const json = event as unknown as IDataObject;
			const media = mediaOf(event);
			if (!media) return { json };
			try {
				return { json, binary: { [property]: await download(ctx, event, media) } };
			} catch (error) {
				return { json: { ...json, mediaError: (error as Error).message } };
			}
		}),
	);
}
