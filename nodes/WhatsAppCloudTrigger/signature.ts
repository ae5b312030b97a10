import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_PREFIX = 'sha256=';

/** `sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>`, as Meta sends in X-Hub-Signature-256. */
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
	return HEADER_PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** Constant-time check of an X-Hub-Signature-256 header against the raw request body. */
export function isValidSignature(rawBody: Buffer, header: unknown, appSecret: string): boolean {
	if (typeof header !== 'string' || !header.startsWith(HEADER_PREFIX) || !appSecret) return false;
	const received = Buffer.from(header.slice(HEADER_PREFIX.length).trim(), 'hex');
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	return received.length === expected.length && timingSafeEqual(received, expected);
}
