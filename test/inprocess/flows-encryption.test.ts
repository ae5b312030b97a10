import { generateKeyPairSync } from 'node:crypto';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { publicKeyState } from '../sandbox/routes/flowsEncryption';

const PATH = `/${SANDBOX_IDS.phoneNumberId}/whatsapp_business_encryption`;

const rsa = (modulusLength: number) => generateKeyPairSync('rsa', { modulusLength });
const pem = (key: ReturnType<typeof rsa>['publicKey']) => key.export({ type: 'spki', format: 'pem' }).toString().trim();

describe('Flows Encryption resource', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;
	const pair = rsa(2048);
	const publicKey = pem(pair.publicKey);

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const setKey = (businessPublicKey: string, extra: Record<string, unknown> = {}) =>
		runAction({
			credentials,
			parameters: { resource: 'flowsEncryption', operation: 'setPublicKey', businessPublicKey, ...extra },
		});

	it('sets a 2048-bit RSA public key as form-urlencoded business_public_key', async () => {
		const { items, error } = await setKey(publicKey);
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', PATH);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const fixture = docFixture<Record<string, string>>('account-b', '13-set-business-public-key');
		expect(Object.keys(request.body as object)).toEqual(Object.keys(fixture.body));
		expect(request.body).toEqual({ business_public_key: publicKey });
		expect(request.rawBody.toString()).toBe(new URLSearchParams({ business_public_key: publicKey }).toString());
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(publicKeyState(sandbox).get(SANDBOX_IDS.phoneNumberId)?.business_public_key).toBe(publicKey);
	});

	it('accepts a key pasted with literal \\n sequences', async () => {
		const { error } = await setKey(publicKey.replace(/\n/g, '\\n'));
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('POST', PATH)[0].body).toEqual({ business_public_key: publicKey });
	});

	it('gets the key and its signature status', async () => {
		await setKey(publicKey);
		const { items, error } = await runAction({
			credentials,
			parameters: { resource: 'flowsEncryption', operation: 'getPublicKey' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('GET', PATH)).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([
			{ business_public_key: publicKey, business_public_key_signature_status: 'VALID' },
		]);
	});

	it('gets a MISMATCH status from the number chosen on the node', async () => {
		const { items } = await runAction({
			credentials,
			parameters: {
				resource: 'flowsEncryption',
				operation: 'getPublicKey',
				phoneNumberId: { __rl: true, mode: 'id', value: SANDBOX_IDS.secondPhoneNumberId },
			},
		});
		expect(sandbox.requestsTo('GET', `/${SANDBOX_IDS.secondPhoneNumberId}/whatsapp_business_encryption`)).toHaveLength(
			1,
		);
		expect(items[0].json.business_public_key_signature_status).toBe('MISMATCH');
	});

	it.each([
		[
			'the doc example placeholder (AAA…GGG)',
			docFixture<Record<string, string>>('account-b', '13-set-business-public-key').body.business_public_key,
			'Business Public Key is not a readable public key',
		],
		[
			'a private key',
			pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			'Business Public Key is a private key: send only the public key',
		],
		[
			'a PKCS#1 private key',
			pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
			'Business Public Key is a private key',
		],
		['text that is not PEM', 'ssh-rsa AAAAB3NzaC1yc2E', 'Business Public Key must be a PEM public key'],
		[
			'a 4096-bit key',
			pem(rsa(4096).publicKey),
			'Business Public Key must be a 2048-bit RSA key; this key has 4096 bits',
		],
		[
			'a 1024-bit key',
			pem(rsa(1024).publicKey),
			'Business Public Key must be a 2048-bit RSA key; this key has 1024 bits',
		],
		[
			'an EC key',
			pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
			'Business Public Key must be an RSA key; this is a EC key',
		],
	])('refuses %s before sending', async (_what, key, message) => {
		const { error } = await setKey(key);
		expect(error?.message).toContain(message);
		expect(error?.message).toContain('[item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('turns a Graph error into a NodeApiError with Meta code', async () => {
		sandbox.injectError(10, {
			path: /whatsapp_business_encryption$/,
			title: 'Permission Denied',
			details: 'The phone number is not allowlisted',
		});
		const { error } = await setKey(publicKey);
		expect(error?.message).toBe('WhatsApp error 10: Permission Denied');
		expect(error?.description).toContain('not allowlisted');
		expect(error?.httpCode).toBe('10'); // Meta's code is the error's code (n8n shows httpCode as "Error code")
	});
});
