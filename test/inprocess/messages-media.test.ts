import type { IDataObject } from 'n8n-workflow';

import {
	binaryItem,
	documented,
	expectNothingSent,
	expectRefused,
	expectSent,
	MEDIA_PATH,
	MESSAGES_PATH,
	sendable,
	uploadParts,
	useMessageSandbox,
	type Body,
	type MessageRun,
} from './messageCases';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const WEBP = Buffer.concat([
	Buffer.from('RIFF'),
	Buffer.from([0x1a, 0, 0, 0]),
	Buffer.from('WEBPVP8 '),
	Buffer.alloc(14, 7),
]);

/** The media object of a documented example body, e.g. `{ id, caption }`. */
const mediaOf = (body: Body): IDataObject => body[String(body.type)] as IDataObject;

describe('media messages through n8n: documented examples', () => {
	const { send } = useMessageSandbox();

	const OPERATIONS: Record<string, string> = {
		image: 'sendImage',
		audio: 'sendAudio',
		video: 'sendVideo',
		document: 'sendDocument',
		sticker: 'sendSticker',
	};

	/** What the editor stores for a media message given by ID or link, with caption / file name as documented. */
	function fields(media: IDataObject): IDataObject {
		const values: IDataObject =
			media.id !== undefined
				? { mediaSource: 'id', mediaId: media.id }
				: { mediaSource: 'link', mediaLink: media.link };
		if (media.caption !== undefined) values.caption = media.caption;
		if (media.filename !== undefined) values.filename = media.filename;
		return values;
	}

	test.each([
		'22-image-by-id',
		'16-image-by-id',
		'22-image-by-link',
		'20-audio-by-id',
		'20-audio-by-link',
		'06-video-by-id',
		'06-video-by-link',
		'81-document-by-id',
		'81-document-by-link',
	])('%s: the sandbox receives the documented body and accepts it', async (name) => {
		const body = documented(name);
		const run = await send(OPERATIONS[String(body.type)], fields(mediaOf(body)), {
			recipient: sendable(body).to as string,
		});
		expectSent(run, sendable(body));
		// Only the message: media given by ID or link is never uploaded.
		expect(run.requests.map((request) => request.path)).toEqual([MESSAGES_PATH]);
	});

	test('a sticker by link (no page shows a sticker example; doc 16 media object)', async () => {
		const run = await send('sendSticker', {
			mediaSource: 'link',
			mediaLink: 'https://www.luckyshrub.com/assets/sticker.webp',
		});
		expectSent(run, {
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'sticker',
			sticker: { link: 'https://www.luckyshrub.com/assets/sticker.webp' },
		});
	});
});

describe('media messages through n8n: binary input', () => {
	const { send } = useMessageSandbox();

	/** The run uploaded exactly one file, then sent one message using the media ID the upload answered with. */
	function expectUploadThenSend(run: MessageRun, file: Buffer, mimeType: string, fileName: string): IDataObject {
		expect(run.error).toBeUndefined();
		expect(run.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', MEDIA_PATH],
			['POST', MESSAGES_PATH],
		]);
		const [upload, message] = run.requests;
		const parts = uploadParts(upload);
		expect(parts.messagingProduct).toBe('whatsapp');
		expect(parts.type).toBe(mimeType);
		expect(parts.file?.contentType).toBe(mimeType);
		expect(parts.file?.filename).toBe(fileName);
		expect(parts.file?.data.equals(file)).toBe(true);
		expect(upload.status).toBe(200);
		const mediaId = (upload.response as { id: string }).id;
		expect(mediaId).toMatch(/^\d+$/);
		expect(message.status).toBe(200);
		expect(run.items[0].json.messageId).toMatch(/^wamid\./);
		const body = message.body as Body;
		const media = body[String(body.type)] as IDataObject;
		expect(media.id).toBe(mediaId);
		return media;
	}

	test('image: the file is uploaded as multipart (bytes, MIME, messaging_product) and the message uses the returned ID', async () => {
		const run = await send(
			'sendImage',
			{ mediaSource: 'binary', caption: 'The best succulent ever?' },
			{ items: [binaryItem(JPEG, 'image/jpeg', 'aloe.jpg')] },
		);
		const media = expectUploadThenSend(run, JPEG, 'image/jpeg', 'aloe.jpg');
		expect(media).toEqual({ id: media.id, caption: 'The best succulent ever?' });
		expect(run.requests[1].body).toEqual({
			...sendable(documented('22-image-by-id')),
			image: { id: media.id, caption: 'The best succulent ever?' },
		});
	});

	test('sticker from another binary field', async () => {
		const run = await send(
			'sendSticker',
			{ mediaSource: 'binary', binaryPropertyName: 'sticker' },
			{ items: [binaryItem(WEBP, 'image/webp', 'hi.webp', 'sticker')] },
		);
		expect(expectUploadThenSend(run, WEBP, 'image/webp', 'hi.webp')).toEqual({ id: expect.stringMatching(/^\d+$/) });
	});

	test('document: the file name defaults to the binary file name', async () => {
		const run = await send(
			'sendDocument',
			{ mediaSource: 'binary', caption: 'Lucky Shrub Invoice' },
			{ items: [binaryItem(PDF, 'application/pdf', 'lucky-shrub-invoice.pdf')] },
		);
		const media = expectUploadThenSend(run, PDF, 'application/pdf', 'lucky-shrub-invoice.pdf');
		// Doc 81's example body, with the uploaded media's ID.
		expect(run.requests[1].body).toEqual({
			...sendable(documented('81-document-by-id')),
			document: { ...mediaOf(documented('81-document-by-id')), id: media.id },
		});
	});

	test('document: a typed file name wins over the binary file name', async () => {
		const run = await send(
			'sendDocument',
			{ mediaSource: 'binary', filename: 'invoice-2024-06.pdf' },
			{ items: [binaryItem(PDF, 'application/pdf', 'scan0001.pdf')] },
		);
		expect(expectUploadThenSend(run, PDF, 'application/pdf', 'scan0001.pdf')).toEqual({
			id: expect.any(String),
			filename: 'invoice-2024-06.pdf',
		});
	});

	test('document: binary data without a file name sends no file name', async () => {
		const run = await send('sendDocument', { mediaSource: 'binary' }, { items: [binaryItem(PDF, 'application/pdf')] });
		expect(expectUploadThenSend(run, PDF, 'application/pdf', 'document')).toEqual({ id: expect.any(String) });
	});

	test('image: no file name is sent even though the binary has one (doc 16: filename is for documents only)', async () => {
		const run = await send(
			'sendImage',
			{ mediaSource: 'binary' },
			{ items: [binaryItem(JPEG, 'image/jpeg', 'aloe.jpg')] },
		);
		expect(expectUploadThenSend(run, JPEG, 'image/jpeg', 'aloe.jpg')).toEqual({ id: expect.any(String) });
	});

	test('one upload per item: three items send three files and three messages, each with its own media ID', async () => {
		const files = [Buffer.from('%PDF-1.4 a'), Buffer.from('%PDF-1.4 bb'), Buffer.from('%PDF-1.4 ccc')];
		const run = await send(
			'sendDocument',
			{ mediaSource: 'binary' },
			{ items: files.map((file, i) => binaryItem(file, 'application/pdf', `file-${i}.pdf`)) },
		);
		expect(run.error).toBeUndefined();
		const uploads = run.requests.filter((request) => request.path === MEDIA_PATH);
		expect(uploads.map((upload) => uploadParts(upload).file?.data.toString()).sort()).toEqual(files.map(String));
		const idsByName = new Map(
			uploads.map((upload) => [uploadParts(upload).file?.filename, (upload.response as { id: string }).id]),
		);
		const sent = run.sends.map((request) => (request.body as { document: IDataObject }).document);
		expect(sent).toHaveLength(3);
		for (const document of sent) expect(document.id).toBe(idsByName.get(document.filename as string));
		expect(new Set(sent.map((document) => document.id)).size).toBe(3);
	});
});

describe('media messages through n8n: limits are checked before anything is sent or uploaded', () => {
	const { send } = useMessageSandbox();

	test('image caption over 1024 characters', async () => {
		const run = await send('sendImage', { mediaSource: 'id', mediaId: '1479537139650973', caption: 'c'.repeat(1025) });
		expectRefused(run, ['Caption is too long: 1025 characters, the limit is 1024']);
	});

	test('image file over 5 MB is not uploaded', async () => {
		const run = await send(
			'sendImage',
			{ mediaSource: 'binary' },
			{ items: [binaryItem(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg', 'big.jpg')] },
		);
		expectRefused(run, ['Input Binary Field: image files can be at most 5 MB; "data" is 5 MB']);
	});

	test('audio of an unsupported type is not uploaded', async () => {
		const run = await send(
			'sendAudio',
			{ mediaSource: 'binary' },
			{ items: [binaryItem(Buffer.from('RIFF....WAVE'), 'audio/wav', 'note.wav')] },
		);
		expectRefused(run, [
			'Input Binary Field: audio files must be audio/aac, audio/amr, audio/mpeg, audio/mp4, audio/ogg; "data" is audio/wav',
		]);
	});

	test('video caption over 1024 characters (emoji count as one character)', async () => {
		const run = await send('sendVideo', {
			mediaSource: 'link',
			mediaLink: 'https://www.luckyshrub.com/a.mp4',
			caption: '🌵'.repeat(1025),
		});
		expectRefused(run, ['Caption is too long: 1025 characters, the limit is 1024']);
	});

	test('document link that is not http(s)', async () => {
		const run = await send('sendDocument', { mediaSource: 'link', mediaLink: 'ftp://luckyshrub.com/invoice.pdf' });
		expectRefused(run, ['Link must be an http:// or https:// URL; got "ftp://luckyshrub.com/invoice.pdf"']);
	});

	test('sticker over 500 KB is not uploaded', async () => {
		const run = await send(
			'sendSticker',
			{ mediaSource: 'binary' },
			{ items: [binaryItem(Buffer.alloc(500 * 1024 + 1), 'image/webp', 'big.webp')] },
		);
		expectRefused(run, ['Input Binary Field: sticker files can be at most 500 KB; "data" is 501 KB']);
	});

	test('a missing binary field names the field', async () => {
		const run = await send(
			'sendDocument',
			{ mediaSource: 'binary', binaryPropertyName: 'invoice' },
			{ items: [binaryItem(PDF, 'application/pdf', 'a.pdf')] },
		);
		expectRefused(run, ['Input Binary Field: the input item has no binary property "invoice"']);
	});

	test('item 2 of 3 has a file of the wrong type: no item uploads or sends anything', async () => {
		const run = await send(
			'sendImage',
			{ mediaSource: 'binary', caption: '={{ $json.caption }}' },
			{
				items: [
					binaryItem(JPEG, 'image/jpeg', 'one.jpg', 'data', { caption: 'one' }),
					binaryItem(PDF, 'application/pdf', 'two.pdf', 'data', { caption: 'two' }),
					binaryItem(JPEG, 'image/jpeg', 'three.jpg', 'data', { caption: 'three' }),
				],
			},
		);
		expectNothingSent(
			run,
			1,
			'Input Binary Field: image files must be image/jpeg, image/png; "data" is application/pdf',
		);
	});
});
