import { randomBytes } from 'node:crypto';

/** Graph's synchronous error body (doc 86): `{ error: { message, type, code, error_data, fbtrace_id } }`. */
export interface GraphErrorBody {
	error: {
		message: string;
		type: string;
		code: number;
		error_subcode?: number;
		error_data?: { messaging_product?: string; details: string };
		fbtrace_id: string;
	};
}

export function fbtraceId(): string {
	return randomBytes(12).toString('base64url');
}

export function graphError(
	code: number,
	title: string,
	details?: string,
	extra: { type?: string; subcode?: number } = {},
): GraphErrorBody {
	return {
		error: {
			message: `(#${code}) ${title}`,
			type: extra.type ?? 'OAuthException',
			code,
			...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
			...(details !== undefined ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
			fbtrace_id: fbtraceId(),
		},
	};
}

/** HTTP status Graph uses with each code (doc 86's table); 400 otherwise. */
export function httpStatusFor(code: number): number {
	if (code === 0 || code === 190) return 401;
	if (
		code === 10 ||
		code === 368 ||
		code === 131005 ||
		code === 131031 ||
		code === 130497 ||
		(code >= 200 && code <= 299)
	) {
		return 403;
	}
	if (code === 2 || code === 133004) return 503;
	if (code === 3 || code === 131000 || code === 131016 || code === 131045 || code === 131057 || code === 133000)
		return 500;
	if (code === 132001) return 404;
	return 400;
}
