import { unsupported, type RouteModule } from '../server';
import { graphError, httpStatusFor } from '../graphError';
import { validateMessageRequest } from '../validate/messages';
import { validateTemplateSend } from '../validate/templates';
import { templateStore } from '../templateStore';

/** `POST /{phone-number-id}/messages`: every message type and mark-as-read (docs 16, 25). */
export const messageRoutes: RouteModule = (sandbox) => {
	sandbox.route('POST', '/:phone/messages', (req) => {
		if (!sandbox.state.phoneNumbers.has(req.params.phone)) return unsupported('POST', req.params.phone);
		if (req.json === undefined || typeof req.json !== 'object' || req.json === null) {
			return { status: 400, body: graphError(100, 'Invalid parameter', 'The request body must be a JSON object') };
		}
		const fault =
			validateMessageRequest(req.json) ??
			((req.json as { type?: string }).type === 'template'
				? validateTemplateSend(req.json, templateStore(sandbox))
				: null);
		if (fault) {
			return {
				status: fault.httpStatus ?? httpStatusFor(fault.code),
				body: graphError(fault.code, fault.title, fault.details),
			};
		}
		const body = req.json as { status?: string; to?: string };
		if (body.status === 'read') return { status: 200, body: { success: true } };
		const input = String(body.to);
		return {
			status: 200,
			body: {
				messaging_product: 'whatsapp',
				contacts: [{ input, wa_id: input.replace(/\D/g, '') }],
				messages: [{ id: sandbox.newMessageId() }],
			},
		};
	});
};
