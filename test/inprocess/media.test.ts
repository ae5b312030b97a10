import { randomBytes } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { MEDIA_DOWNLOAD_FAILURES_KEY } from '../sandbox/routes/media';

const UPLOAD_PATH = `/${SANDBOX_IDS.phoneNumberId}/media`;
const DOWNLOAD_PATH = '/whatsapp_business/attachments';

function binaryItem(data: Buffer, mimeType: string, fileName: string, property = 'data'): INodeExecutionData {
	return { json: {}, binary: { [property]: { data: data.toString('base64'), mimeType, fileName } } };
}

describe('Media resource through n8n-core', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	async function upload(data: Buffer, mimeType: string, fileName: string, parameters: Record<string, unknown> = {}) {
		return await runAction({
			credentials,
			items: [binaryItem(data, mimeType, fileName)],
			parameters: { resource: 'media', operation: 'upload', ...parameters },
		});
	}

	it('uploads the binary data as the documented multipart form and returns the media ID', async () => {
		const example = docFixture<{ messaging_product: string; file: string }>('account', '68-upload-media');
		const bytes = randomBytes(2048);
		const { items, error } = await upload(bytes, 'video/mp4', 'black_friday_2025.mp4');
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', UPLOAD_PATH);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const parts = Object.fromEntries((request.multipart ?? []).map((part) => [part.name, part]));
		expect(parts.messaging_product.data.toString()).toBe(example.body.messaging_product);
		// the documented file part: `file=@...;type=video/mp4`
		expect(parts.file.contentType).toBe(/;type=(.+)$/.exec(example.body.file)?.[1]);
		expect(parts.file.filename).toBe('black_friday_2025.mp4');
		expect(parts.file.data.equals(bytes)).toBe(true);
		// Docs: doc 68's parameter table requires `type`, which is sent too.
		expect(parts.type.data.toString()).toBe('video/mp4');
		expect(items.map((item) => item.json)).toEqual([{ id: expect.stringMatching(/^\d+$/) }]);
		expect(sandbox.state.media.get(String(items[0].json.id))?.data.equals(bytes)).toBe(true);
	});

	it('round-trips: upload then download gives the same bytes, file name and MIME type', async () => {
		const bytes = randomBytes(50_000);
		const uploaded = await upload(bytes, 'image/png', 'photo.png', {
			phoneNumberId: { __rl: true, mode: 'id', value: SANDBOX_IDS.secondPhoneNumberId },
		});
		expect(uploaded.error).toBeUndefined();
		expect(sandbox.requestsTo('POST', `/${SANDBOX_IDS.secondPhoneNumberId}/media`)).toHaveLength(1);
		const mediaId = String(uploaded.items[0].json.id);

		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'download', mediaObjectId: mediaId },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${mediaId}`)).toHaveLength(1);
		const [download] = sandbox.requestsTo('GET', DOWNLOAD_PATH);
		expect(download.headers.authorization).toBe(`Bearer ${SANDBOX_IDS.token}`);
		expect(items).toHaveLength(1);
		const binary = items[0].binary?.data;
		expect(binary?.mimeType).toBe('image/png');
		expect(binary?.fileName).toBe('photo.png');
		expect(Buffer.from(binary?.data ?? '', 'base64').equals(bytes)).toBe(true);
		expect(items[0].json).toEqual({
			messaging_product: 'whatsapp',
			mime_type: 'image/png',
			sha256: sandbox.sha256(bytes),
			file_size: String(bytes.length),
			id: mediaId,
			fileName: 'photo.png',
		});
	});

	it('downloads into the chosen output field and file name, naming by MIME type otherwise', async () => {
		const bytes = randomBytes(100);
		sandbox.state.media.set('555000111', {
			id: '555000111',
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			mimeType: 'audio/ogg',
			data: bytes,
			sha256: sandbox.sha256(bytes),
		});
		const named = await runAction({
			credentials,
			parameters: {
				resource: 'media',
				operation: 'download',
				mediaObjectId: '555000111',
				downloadOptions: { fileName: 'voice-note.ogg', binaryPropertyOutput: 'audio' },
			},
		});
		expect(named.error).toBeUndefined();
		expect(named.items[0].binary?.audio?.fileName).toBe('voice-note.ogg');
		expect(named.items[0].binary?.data).toBeUndefined();
		const unnamed = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'download', mediaObjectId: '555000111' },
		});
		expect(unnamed.items[0].binary?.data?.fileName).toBe('555000111.ogg');
		expect(unnamed.items[0].binary?.data?.mimeType).toBe('audio/ogg');
	});

	it('on a 404 download fetches a fresh URL once and retries (doc 68)', async () => {
		const bytes = randomBytes(300);
		const {
			items: [uploaded],
		} = await upload(bytes, 'application/pdf', 'invoice.pdf');
		const mediaId = String(uploaded.json.id);
		sandbox.requests.length = 0;
		sandbox.state.extra.set(MEDIA_DOWNLOAD_FAILURES_KEY, 1);
		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'download', mediaObjectId: mediaId },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${mediaId}`)).toHaveLength(2);
		expect(sandbox.requestsTo('GET', DOWNLOAD_PATH).map((r) => r.status)).toEqual([404, 200]);
		expect(Buffer.from(items[0].binary?.data?.data ?? '', 'base64').equals(bytes)).toBe(true);
	});

	it('gives up after one fresh URL and says to renew the token', async () => {
		const {
			items: [uploaded],
		} = await upload(randomBytes(10), 'text/plain', 'a.txt');
		const mediaId = String(uploaded.json.id);
		sandbox.requests.length = 0;
		sandbox.state.extra.set(MEDIA_DOWNLOAD_FAILURES_KEY, 5);
		const { error, items } = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'download', mediaObjectId: mediaId },
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Media download failed with HTTP 404');
		expect(error?.description).toMatch(/renew the access token/);
		expect(sandbox.requestsTo('GET', `/${mediaId}`)).toHaveLength(2);
		expect(sandbox.requestsTo('GET', DOWNLOAD_PATH)).toHaveLength(2);
	});

	it('gets the URL object, passing phone_number_id only when set', async () => {
		const bytes = randomBytes(64);
		const {
			items: [uploaded],
		} = await upload(bytes, 'image/jpeg', 'x.jpg');
		const mediaId = String(uploaded.json.id);
		const example = docFixture('account', '68-retrieve-media-url');
		const plain = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'getUrl', mediaObjectId: mediaId },
		});
		expect(plain.error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${mediaId}`)[0].query).toEqual({});
		expect(Object.keys(plain.items[0].json).sort()).toEqual(Object.keys(example.body).sort());
		expect(plain.items[0].json).toMatchObject({
			id: mediaId,
			mime_type: 'image/jpeg',
			file_size: '64',
			sha256: sandbox.sha256(bytes),
		});
		expect(plain.items[0].json.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/whatsapp_business\/attachments\/\?mid=/);

		const owned = await runAction({
			credentials,
			parameters: {
				resource: 'media',
				operation: 'getUrl',
				mediaObjectId: mediaId,
				mediaOptions: { ownerPhoneNumberId: SANDBOX_IDS.phoneNumberId },
			},
		});
		expect(owned.error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${mediaId}`)[1].query).toEqual({ phone_number_id: SANDBOX_IDS.phoneNumberId });

		const other = await runAction({
			credentials,
			parameters: {
				resource: 'media',
				operation: 'getUrl',
				mediaObjectId: mediaId,
				mediaOptions: { ownerPhoneNumberId: SANDBOX_IDS.secondPhoneNumberId },
			},
		});
		expect(other.error?.message).toContain('WhatsApp error 100');
		expect(other.error?.httpCode).toBe('100'); // Meta's code is the error's code (n8n shows httpCode as "Error code")
	});

	it('deletes media, after which it is gone', async () => {
		const {
			items: [uploaded],
		} = await upload(randomBytes(10), 'image/png', 'x.png');
		const mediaId = String(uploaded.json.id);
		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'delete', mediaObjectId: mediaId },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('DELETE', `/${mediaId}`)).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(sandbox.state.media.has(mediaId)).toBe(false);
		const again = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'getUrl', mediaObjectId: mediaId },
		});
		expect(again.error?.message).toContain('100');
	});

	it('refuses a file type WhatsApp does not accept, naming the field and the type, and sends nothing', async () => {
		const { error } = await upload(randomBytes(10), 'application/zip', 'a.zip');
		expect(error?.message).toMatch(
			/^Input Binary Field: WhatsApp accepts only audio\/aac, .*video\/mp4; "data" is application\/zip \[item 0\]$/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses a file over the size limit of its kind, with limit and size', async () => {
		const { error } = await upload(Buffer.alloc(600 * 1024), 'image/webp', 's.webp');
		expect(error?.message).toBe('Input Binary Field: sticker files can be at most 500 KB; "data" is 600 KB [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('checks the chosen media type against the MIME type', async () => {
		const { error } = await upload(randomBytes(10), 'image/webp', 's.webp', { mediaKind: 'image' });
		expect(error?.message).toBe(
			'Input Binary Field: image files must be image/jpeg, image/png; "data" is image/webp [item 0]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names a missing binary property', async () => {
		const { error } = await runAction({
			credentials,
			items: [{ json: {} }],
			parameters: { resource: 'media', operation: 'upload' },
		});
		expect(error?.message).toBe('Input Binary Field: the input item has no binary property "data" [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('uploads nothing at all when one item of the run is invalid', async () => {
		const { error } = await runAction({
			credentials,
			items: [
				binaryItem(randomBytes(10), 'image/png', 'a.png'),
				binaryItem(randomBytes(10), 'image/gif', 'b.gif'),
				binaryItem(randomBytes(10), 'image/png', 'c.png'),
			],
			parameters: { resource: 'media', operation: 'upload' },
		});
		expect(error?.message).toContain('image/gif');
		expect(sandbox.requestsTo('POST', UPLOAD_PATH)).toHaveLength(0);
		expect(sandbox.state.media.size).toBe(0);
	});

	it('refuses a media ID that is not numeric without any request', async () => {
		const { error } = await runAction({
			credentials,
			parameters: { resource: 'media', operation: 'getUrl', mediaObjectId: '../123/messages' },
		});
		expect(error?.message).toBe(
			'Media ID must be a numeric ID such as 1037543291543636; got "../123/messages" [item 0]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('turns a Graph error on upload into a NodeApiError with Meta code', async () => {
		sandbox.injectError(131053, { path: /\/media$/, title: 'Media upload error', details: 'Unsupported file type' });
		const { error } = await upload(randomBytes(10), 'image/png', 'a.png');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('WhatsApp error 131053: Media upload error');
		expect(error?.description).toContain('Unsupported file type');
	});
});
