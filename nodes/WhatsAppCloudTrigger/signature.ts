import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_PREFIX = 'sha256=';

/** Exactly what Meta sends: the prefix, then the 32-byte HMAC as 64 hex digits; nothing before or after. */
const HEADER_FORMAT = /^sha256=[0-9a-fA-F]{64}$/;

/** `sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>`, as Meta sends in X-Hub-Signature-256. */
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
	return HEADER_PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** Why an X-Hub-Signature-256 header is refused; undefined when it is valid. Never echoes the header. */
export type SignatureProblem = 'missing' | 'malformed' | 'mismatch';

export function signatureProblem(rawBody: Buffer, header: unknown, appSecret: string): SignatureProblem | undefined {
	if (header === undefined || header === '') return 'missing';
	if (typeof header !== 'string' || !HEADER_FORMAT.test(header)) return 'malformed';
	const received = Buffer.from(header.slice(HEADER_PREFIX.length), 'hex');
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	return appSecret && timingSafeEqual(received, expected) ? undefined : 'mismatch';
}

/** Constant-time check of an X-Hub-Signature-256 header against the raw request body. */
export function isValidSignature(rawBody: Buffer, header: unknown, appSecret: string): boolean {
	return signatureProblem(rawBody, header, appSecret) === undefined;
}
