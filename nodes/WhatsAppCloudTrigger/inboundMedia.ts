import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { downloadMedia } from '../shared/transport';
import type { DeliveryCredentials } from './credentialCache';
import { isMessageEvent, type WhatsAppEvent } from './events';

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** Files of one delivery fetched at the same time at most; a batch of 50 images must not open 50 downloads. */
export const MEDIA_CONCURRENCY = 4;

/** The media object (`{ id, mime_type, ... }`) of an inbound media message, if the event is one. */
export function mediaOf(event: WhatsAppEvent): IDataObject | undefined {
	if (!isMessageEvent(event) || !MEDIA_TYPES.has(event.type)) return undefined;
	const media = event.message[event.type];
	if (typeof media !== 'object' || media === null || Array.isArray(media)) return undefined;
	return typeof (media as IDataObject).id === 'string' ? (media as IDataObject) : undefined;
}

/** `fn` over `items` with at most `limit` calls pending at once; results in the order of `items`. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

function mediaError(id: string, error: unknown): string {
	// A Graph error's httpCode is Meta's code; its HTTP status is in context.httpStatus.
	const status = (error as { context?: { httpStatus?: unknown } }).context?.httpStatus;
	const message = (error as Error)?.message ?? String(error);
	return `Downloading media ${id} failed${status ? ` with HTTP ${String(status)}` : ''}: ${message}`;
}

/**
 * One item per event; inbound media messages get their file in `binary[property]`, streamed into n8n's
 * binary data (never held in memory whole), MEDIA_CONCURRENCY files at a time. A file that cannot be
 * fetched leaves the item without binary and with `mediaError`.
 */
export async function itemsWithMedia(
	ctx: IWebhookFunctions,
	events: WhatsAppEvent[],
	property: string,
	credentials: DeliveryCredentials,
): Promise<INodeExecutionData[]> {
	return await mapLimited(events, MEDIA_CONCURRENCY, async (event): Promise<INodeExecutionData> => {
		const json = event as unknown as IDataObject;
		const media = mediaOf(event);
		if (!media) return { json };
		const id = String(media.id);
		try {
			const { binary } = await downloadMedia(ctx, id, {
				phoneNumberId: event.phoneNumberId ?? undefined,
				fileName: typeof media.filename === 'string' && media.filename ? media.filename : undefined,
				mimeType: typeof media.mime_type === 'string' ? media.mime_type.split(';')[0].trim() : undefined,
				credentials,
			});
			return { json, binary: { [property]: binary } };
		} catch (error) {
			return { json: { ...json, mediaError: mediaError(id, error) } };
		}
	});
}
