import { unsupported, type RouteModule, type SandboxRequest } from '../server';
import { graphError, httpStatusFor } from '../graphError';
import { SANDBOX_IDS } from '../state';
import { validateMediaUpload } from '../validate/account';

/** `state.extra` key: how many of the next media downloads answer 404 (doc 68: then fetch a new URL and retry). */
export const MEDIA_DOWNLOAD_FAILURES_KEY = 'media.downloadFailures';
/** Doc 68: media URLs expire after 5 minutes. */
const URL_LIFETIME_MS = 5 * 60 * 1000;

/**
 * `bytes` bytes of a fixed pseudo-random pattern: a large file whose every byte can be checked, made in a
 * few hundred milliseconds without a random source.
 */
export function syntheticFile(bytes: number): Buffer {
	const block = Buffer.alloc(64 * 1024);
	let x = 0x2545f491;
	for (let i = 0; i < block.length; i += 4) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		block.writeInt32LE(x | 0, i);
	}
	const file = Buffer.allocUnsafe(bytes);
	for (let at = 0; at < bytes; at += block.length) block.copy(file, at, 0, Math.min(block.length, bytes - at));
	// Each block differs from the last in its first bytes, so a misplaced block shows in a hash.
	for (let at = 0, n = 0; at + 4 <= bytes; at += block.length, n++) file.writeUInt32LE(n, at);
	return file;
}

/** Media upload, URL, download and delete (doc 68), with the real bytes kept. */
export const mediaRoutes: RouteModule = (sandbox) => {
	sandbox.route('POST', '/:phone/media', (req) => {
		if (!sandbox.state.phoneNumbers.has(req.params.phone)) return unsupported('POST', req.params.phone);
		const parts = req.multipart;
		if (!parts)
			return { status: 400, body: graphError(100, 'Invalid parameter', 'Media upload must be multipart/form-data') };
		const field = (name: string) => parts.find((p) => p.name === name && p.filename === undefined)?.data.toString();
		const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
		const fault = validateMediaUpload(
			{ messaging_product: field('messaging_product'), type: field('type') },
			file ? { contentType: file.contentType, size: file.data.length } : undefined,
		);
		if (fault) return { status: httpStatusFor(fault.code), body: graphError(fault.code, fault.title, fault.details) };
		if (!file?.contentType) {
			return {
				status: 400,
				body: graphError(131008, 'Required parameter is missing', 'file is required, with its MIME type'),
			};
		}
		const id = sandbox.newId();
		sandbox.state.media.set(id, {
			id,
			phoneNumberId: req.params.phone,
			mimeType: (field('type') ?? file.contentType).split(';')[0].trim(),
			data: file.data,
			sha256: sandbox.sha256(file.data),
			fileName: file.filename,
		});
		return { status: 200, body: { id } };
	});

	// Doc 68: with phone_number_id, the request is only processed when the media belongs to that number.
	const lookup = (req: SandboxRequest) => {
		const media = sandbox.state.media.get(req.params.id);
		if (!media) return undefined;
		if (req.query.phone_number_id && req.query.phone_number_id !== media.phoneNumberId) return undefined;
		return media;
	};

	sandbox.onObject('GET', (req, sb) => {
		const media = lookup(req);
		if (!media) return undefined;
		return {
			status: 200,
			body: {
				messaging_product: 'whatsapp',
				url: `${sb.baseUrl}/whatsapp_business/attachments/?mid=${media.id}&ext=${Date.now()}`,
				mime_type: media.mimeType,
				sha256: media.sha256,
				file_size: String(media.data.length),
				id: media.id,
			},
		};
	});

	sandbox.onObject('DELETE', (req) => {
		const media = lookup(req);
		if (!media) return undefined;
		sandbox.state.media.delete(media.id);
		return { status: 200, body: { success: true } };
	});

	// Not Graph: puts a received media file of `bytes` bytes (syntheticFile) in the store, so that a sandbox
	// running in another process (benchmarks) can serve a large download. Answers `{ id, sha256 }`.
	sandbox.route(
		'POST',
		'/sandbox/media',
		(req) => {
			const bytes = Number(req.query.bytes);
			if (!Number.isSafeInteger(bytes) || bytes < 0)
				return { status: 400, body: graphError(100, 'Invalid parameter', 'bytes must be a whole number') };
			const data = syntheticFile(bytes);
			const id = sandbox.newId();
			const phoneNumberId = req.query.phone_number_id ?? SANDBOX_IDS.phoneNumberId;
			const mimeType = req.query.mime_type ?? 'application/pdf';
			sandbox.state.media.set(id, {
				id,
				phoneNumberId,
				mimeType,
				data,
				sha256: sandbox.sha256(data),
				fileName: req.query.file_name,
			});
			return { status: 200, body: { id, sha256: sandbox.sha256(data) } };
		},
		{ versioned: false },
	);

	sandbox.route(
		'GET',
		'/whatsapp_business/attachments',
		(req) => {
			const media = sandbox.state.media.get(req.query.mid ?? '');
			const notFound = { status: 404, raw: Buffer.from('Not Found'), headers: { 'content-type': 'text/plain' } };
			if (!media) return notFound;
			const failures = Number(sandbox.state.extra.get(MEDIA_DOWNLOAD_FAILURES_KEY) ?? 0);
			if (failures > 0) {
				sandbox.state.extra.set(MEDIA_DOWNLOAD_FAILURES_KEY, failures - 1);
				return notFound;
			}
			if (!(Date.now() - Number(req.query.ext) < URL_LIFETIME_MS)) return notFound;
			return {
				status: 200,
				raw: media.data,
				headers: {
					'content-type': media.mimeType,
					'content-length': String(media.data.length),
					...(media.fileName ? { 'content-disposition': `attachment; filename="${media.fileName}"` } : {}),
				},
			};
		},
		{ versioned: false },
	);
};
