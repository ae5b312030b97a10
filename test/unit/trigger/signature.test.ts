import { isValidSignature, signatureProblem, signPayload } from '../../../nodes/WhatsAppCloudTrigger/signature';

const secret = 'app-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const good = signPayload(body, secret);

describe('X-Hub-Signature-256', () => {
	it('accepts exactly sha256= and the 64 hex digits of the HMAC, in either case', () => {
		expect(isValidSignature(body, good, secret)).toBe(true);
		expect(isValidSignature(body, `sha256=${good.slice(7).toUpperCase()}`, secret)).toBe(true);
	});

	it.each([
		['the right HMAC followed by "zz"', `${good}zz`],
		['one extra hex digit', `${good}0`],
		['a trailing space', `${good} `],
		['a leading space', ` ${good}`],
		['a trailing newline', `${good}\n`],
		['one hex digit missing', good.slice(0, -1)],
		['an upper-case prefix', `SHA256=${good.slice(7)}`],
		['a sha1 header', `sha1=${'a'.repeat(40)}`],
		['the prefix only', 'sha256='],
		['a non-hex digit inside', `${good.slice(0, 20)}g${good.slice(21)}`],
	])('refuses %s as malformed', (_name, header) => {
		expect(signatureProblem(body, header, secret)).toBe('malformed');
		expect(isValidSignature(body, header, secret)).toBe(false);
	});

	it('tells a missing header, an unparsable one and a wrong HMAC apart', () => {
		expect(signatureProblem(body, undefined, secret)).toBe('missing');
		expect(signatureProblem(body, '', secret)).toBe('missing');
		expect(signatureProblem(body, [good, good], secret)).toBe('malformed');
		expect(signatureProblem(body, signPayload(body, 'another-secret'), secret)).toBe('mismatch');
		expect(signatureProblem(Buffer.from('{}'), good, secret)).toBe('mismatch');
		expect(signatureProblem(body, good, '')).toBe('mismatch');
	});
});
