import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';

import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { lookupGraphError } from '../../nodes/shared/GraphErrors';
import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';

/**
 * The credential's Test button as n8n 2.41 runs it (CredentialsTester.getCredentialTestFunction and
 * testCredentials): a declarative `test` on the credential wins; otherwise the first node that names the
 * credential with a string `testedBy` supplies `methods.credentialTest[testedBy]`, called with a
 * CredentialTestContext (n8n-core's, whose only HTTP helper is the legacy `request`).
 */
function credentialTestFunction(nodes: INodeType[]): ICredentialTestFunction {
	const credential = new WhatsAppCloudApi();
	if ('test' in credential)
		throw new Error('A declarative test on the credential would run instead of the node function');
	for (const node of nodes) {
		for (const { name, testedBy } of node.description.credentials ?? []) {
			if (name !== credential.name || !testedBy) continue;
			if (typeof testedBy !== 'string') throw new Error('testedBy is a declarative request');
			const fn = node.methods?.credentialTest?.[testedBy];
			if (!fn) throw new Error(`Node ${node.description.name} names ${testedBy} but does not define it`);
			return fn;
		}
	}
	throw new Error('No testing function found for this credential.');
}

describe('credential Test button (n8n 2.41 credentials tester, node-level testedBy)', () => {
	let sandbox: GraphSandbox;
	const test = credentialTestFunction([new WhatsAppCloudTrigger(), new WhatsAppCloud()]);

	const run = async (overrides: ICredentialDataDecryptedObject = {}): Promise<INodeCredentialTestResult> =>
		await test.call(new CredentialTestContext({} as never), {
			id: 'cred-1',
			name: 'WhatsApp Cloud (sandbox)',
			type: 'whatsAppCloudApi',
			data: sandboxCredentials(sandbox.baseUrl, overrides),
		});

	beforeAll(async () => {
		sandbox = await createSandbox().start();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('reads the phone number with the token and names it on success', async () => {
		await expect(run()).resolves.toEqual({
			status: 'OK',
			message: "Connected: phone number +1 555-078-3881 (Jasper's Market)",
		});
		const [request] = sandbox.requestsTo('GET', `/${SANDBOX_IDS.phoneNumberId}`);
		expect(request.query.fields).toBe('display_phone_number,verified_name');
		expect(request.headers.authorization).toBe(`Bearer ${SANDBOX_IDS.token}`);
	});

	it("shows Meta's text and the error table's hint for a wrong token, never the token", async () => {
		const token = 'EAAGwrongtoken0123456789abcdefghijklmnop';
		const result = await run({ accessToken: token });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			`Reading phone number ${SANDBOX_IDS.phoneNumberId} failed: (#190) Invalid OAuth access token - Cannot parse access token.`,
		);
		expect(result.message).toContain(lookupGraphError(190)!.hint);
		expect(result.message).toMatch(/fbtrace_id: \S+$/);
		expect(result.message).not.toContain(token);
	});

	it("shows Meta's text for a phone number ID Graph does not know, and says which field to check", async () => {
		const result = await run({ phoneNumberId: '999' });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining(
				"Reading phone number 999 failed: (#100) Unsupported get request. Object with ID '999' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
			),
		});
		expect(result.message).toContain(
			'Check the Phone Number ID: Meta has no phone number 999 that this token can read.',
		);
	});

	it("carries Meta's details and the hint of the code (permission error)", async () => {
		sandbox.injectError(10, {
			method: 'GET',
			path: new RegExp(`/${SANDBOX_IDS.phoneNumberId}$`),
			title: 'Permission Denied',
			details: 'Application does not have permission for this action',
		});
		const result = await run();
		expect(result.status).toBe('Error');
		expect(result.message).toContain('(#10) Permission Denied. Application does not have permission for this action.');
		expect(result.message).toContain(lookupGraphError(10)!.hint);
	});

	it('checks the fields before asking Meta', async () => {
		await expect(run({ accessToken: ' ' })).resolves.toEqual({ status: 'Error', message: 'Access Token is empty' });
		await expect(run({ phoneNumberId: '+1 555 0100' })).resolves.toEqual({
			status: 'Error',
			message: 'Phone Number ID must be the numeric ID from App Dashboard > WhatsApp > API Setup; got "+1 555 0100"',
		});
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names the Base URL when nothing answers there', async () => {
		const closed = createSandbox();
		const url = (await closed.start()).baseUrl;
		await closed.stop();
		const result = await run({ baseUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			new RegExp(`^Could not reach ${url.replace(/[.]/g, '\\.')}/v22\\.0 \\(ECONNREFUSED\\): .*Check the Base URL\\.$`),
		);
	});
});
