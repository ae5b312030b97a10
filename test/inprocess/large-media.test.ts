/**
 * A 100 MB file (doc 68's largest: a document) through both nodes with n8n's binary data in filesystem mode,
 * as a self-hosted n8n keeps it: downloaded by the trigger and by Media > Download, uploaded by Media > Upload
 * and, streamed from the binary data store, by `readBinaryFile` + `uploadMedia`. Bytes are checked by hash;
 * memory is `npm run bench`'s business, never a test's.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BinaryDataService } from 'n8n-core';
import { Container } from '@n8n/di';
import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { readBinaryFile } from '../../nodes/shared/binaryFile';
import { uploadMedia } from '../../nodes/shared/transport';
import { forgetCredentials } from '../../nodes/WhatsAppCloudTrigger/credentialCache';
import { forgetSeenEvents } from '../../nodes/WhatsAppCloudTrigger/seenEvents';
import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { captureExecuteSingleContext, useFilesystemBinaryData, type FilesystemBinaryData } from '../harness/binaryData';
import { inboundText, messagesDelivery } from '../harness/deliveries';
import { callTriggerWebhook, runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { syntheticFile } from '../sandbox/routes/media';

const SIZE = 100 * 1024 * 1024;
const MEDIA_ID = '9100000000000001';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The hash of a binary value as n8n stores it, read back through n8n's binary data service. */
async function storedHash(binary: IBinaryData): Promise<string> {
	expect(binary.id).toMatch(/^filesystem-v2:/);
	const hash = createHash('sha256');
	for await (const chunk of await Container.get(BinaryDataService).getAsStream(binary.id!))
		hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** Puts `data` in n8n's binary data store, streamed, as a previous node would have. */
async function storeBinary(data: Buffer, mimeType: string, fileName: string): Promise<IBinaryData> {
	const chunks = (function* () {
		for (let at = 0; at < data.length; at += 1024 * 1024) yield data.subarray(at, at + 1024 * 1024);
	})();
	return await Container.get(BinaryDataService).store(
		{ type: 'execution', workflowId: 'wf-test', executionId: 'large' },
		Readable.from(chunks),
		{
			mimeType,
			fileName,
			data: '',
		} as IBinaryData,
	);
}

describe('100 MB media with filesystem binary data', () => {
	let sandbox: GraphSandbox;
	let binaryData: FilesystemBinaryData;
	let file: Buffer;
	let hash: string;

	beforeAll(async () => {
		binaryData = await useFilesystemBinaryData();
		sandbox = await createSandbox().start();
		file = syntheticFile(SIZE);
		hash = sha256(file);
	});

	afterAll(async () => {
		await sandbox.stop();
		binaryData.restore();
	});

	beforeEach(() => {
		sandbox.reset();
		forgetSeenEvents();
		forgetCredentials();
		sandbox.state.media.set(MEDIA_ID, {
			id: MEDIA_ID,
			phoneNumberId: SANDBOX_IDS.phoneNumberId,
			mimeType: 'application/pdf',
			data: file,
			sha256: hash,
			fileName: 'catalogue.pdf',
		});
	});

	it("the trigger's Download Media puts the whole file in n8n's binary data", async () => {
		const document = { filename: 'catalogue.pdf', mime_type: 'application/pdf', sha256: hash, id: MEDIA_ID };
		const body = messagesDelivery({ messages: [{ ...inboundText('wamid.BIG'), type: 'document', document }] });
		const rawBody = Buffer.from(JSON.stringify(body));
		const result = await callTriggerWebhook({
			parameters: { verifyToken: 'token', options: { downloadMedia: true } },
			credentials: sandboxCredentials(sandbox.baseUrl),
			call: {
				webhookName: 'default',
				headers: { 'x-hub-signature-256': signPayload(rawBody, SANDBOX_IDS.appSecret) },
				rawBody,
			},
		});
		expect(result.status).toBe(200);
		const [item] = result.items!;
		expect(item.json.mediaError).toBeUndefined();
		expect(item.binary?.data).toMatchObject({ fileName: 'catalogue.pdf', mimeType: 'application/pdf', bytes: SIZE });
		expect(await storedHash(item.binary!.data)).toBe(hash);
	});

	it("Media > Download puts the whole file in n8n's binary data", async () => {
		const { items, error } = await runAction({
			credentials: sandboxCredentials(sandbox.baseUrl),
			parameters: { resource: 'media', operation: 'download', mediaObjectId: MEDIA_ID },
		});
		expect(error).toBeUndefined();
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'application/pdf', bytes: SIZE });
		expect(await storedHash(items[0].binary!.data)).toBe(hash);
	});

	it('Media > Upload sends the whole file from binary data', async () => {
		const binary = await storeBinary(file, 'application/pdf', 'catalogue.pdf');
		const { items, error } = await runAction({
			credentials: sandboxCredentials(sandbox.baseUrl),
			items: [{ json: {}, binary: { data: binary } }],
			parameters: { resource: 'media', operation: 'upload' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.media.get(String(items[0].json.id))?.sha256).toBe(hash);
	});

	it('readBinaryFile streams a stored file to uploadMedia (never a whole-file Buffer), through a real n8n-core context', async () => {
		const binary = await storeBinary(file, 'application/pdf', 'catalogue.pdf');
		// The context RoutingNode hands a preSend hook for this item, from a real run of the node.
		const context = await captureExecuteSingleContext(
			async () =>
				await runAction({
					credentials: sandboxCredentials(sandbox.baseUrl),
					items: [{ json: {}, binary: { data: binary } }],
					parameters: { resource: 'media', operation: 'getUrl', mediaObjectId: MEDIA_ID },
				}),
		);

		const getBinaryStream = jest.spyOn(context.helpers, 'getBinaryStream');
		const upload = await readBinaryFile(context, context.getInputData().binary!.data, 'document');
		expect(upload).toMatchObject({ size: SIZE, mimeType: 'application/pdf', fileName: 'catalogue.pdf' });
		expect(Buffer.isBuffer(upload.data)).toBe(false);
		expect(getBinaryStream).not.toHaveBeenCalled(); // opened only when the upload reads it

		const answer = await uploadMedia(context, SANDBOX_IDS.phoneNumberId, upload);
		expect(getBinaryStream).toHaveBeenCalledTimes(1);
		const [request] = sandbox.requestsTo('POST', `/${SANDBOX_IDS.phoneNumberId}/media`);
		expect(Number(request.headers['content-length'])).toBe(request.rawBody.length);
		expect(sandbox.state.media.get(answer.id)?.sha256).toBe(hash);
	});

	it('readBinaryFile gives the bytes of binary data n8n keeps in memory', async () => {
		const small = Buffer.from('%PDF-1.4 small');
		const upload = await readBinaryFile(
			{} as IExecuteSingleFunctions,
			{ data: small.toString('base64'), mimeType: 'application/pdf; x=y' },
			'document',
		);
		expect(upload).toEqual({ data: small, size: small.length, mimeType: 'application/pdf', fileName: 'document' });
	});
});
