import type { RouteModule, SandboxRequest } from '../server';
import { graphError } from '../graphError';

/** Media upload, URL, download and delete (doc 68), with the real bytes kept. */
export const mediaRoutes: RouteModule = (sandbox) => {
	sandbox.route('POST', '/:phone/media', (req) => {
		const parts = req.multipart;
		if (!parts) return { status: 400, body: graphError(100, 'Invalid parameter', 'Media upload must be multipart/form-data') };
		const product = parts.find((p) => p.name === 'messaging_product')?.data.toString();
		const file = parts.find((p) => p.name === 'file');
		if (product !== 'whatsapp') {
			return { status: 400, body: graphError(100, 'Invalid parameter', 'messaging_product must be "whatsapp"') };
		}
		if (!file?.contentType) {
			return { status: 400, body: graphError(131008, 'Required parameter is missing', 'file is required, with its MIME type') };
		}
		const id = sandbox.newId();
		sandbox.state.media.set(id, {
			id,
			phoneNumberId: req.params.phone,
			mimeType: file.contentType,
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

	sandbox.route(
		'GET',
		'/whatsapp_business/attachments',
		(req) => {
			const media = sandbox.state.media.get(req.query.mid ?? '');
			if (!media) return { status: 404, raw: Buffer.from('Not Found'), headers: { 'content-type': 'text/plain' } };
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
