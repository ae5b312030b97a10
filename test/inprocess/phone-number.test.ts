import type { IDataObject } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { PHONE_PAGE_SIZE_KEY, phoneAccount } from '../sandbox/routes/phoneNumbers';

const PHONE = SANDBOX_IDS.phoneNumberId;
const WABA = SANDBOX_IDS.businessAccountId;

/** Form fields of a multipart request, by name. */
function formFields(request: { multipart?: Array<{ name: string; data: Buffer }> }): Record<string, string> {
	return Object.fromEntries((request.multipart ?? []).map((part) => [part.name, part.data.toString('utf8')]));
}

describe('Phone Number resource through n8n-core', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const run = async (operation: string, parameters: IDataObject = {}, items?: Array<{ json: IDataObject }>) =>
		await runAction({ credentials, items, parameters: { resource: 'phoneNumber', operation, ...parameters } });

	function addPhone(id: string, display: string) {
		const first = sandbox.state.phoneNumbers.get(PHONE)!;
		sandbox.state.phoneNumbers.set(id, { ...first, id, display_phone_number: display, verified_name: `Shop ${id}` });
	}

	describe('Get Many', () => {
		it('lists the WABA numbers up to the limit, one item per number, in the documented shape', async () => {
			const example = docFixture<{ data: IDataObject[] }>('account', '60-list-phone-numbers-response');
			const { items, error } = await run('getAll', { returnAll: false, limit: 1 });
			expect(error).toBeUndefined();
			const requests = sandbox.requestsTo('GET', `/${WABA}/phone_numbers`);
			expect(requests).toHaveLength(1);
			expect(requests[0].query).toEqual({ limit: '1' });
			expect(items).toHaveLength(1);
			expect(Object.keys(items[0].json).sort()).toEqual(Object.keys(example.body.data[0]).sort());
			expect(items[0].json.id).toBe(PHONE);
		});

		it('returns all numbers across 3 pages of cursors', async () => {
			for (const id of ['106540352242924', '106540352242925', '106540352242926', '106540352242927'])
				addPhone(id, `+1 ${id}`);
			sandbox.state.extra.set(PHONE_PAGE_SIZE_KEY, 2);
			const { items, error } = await run('getAll', { returnAll: true });
			expect(error).toBeUndefined();
			const pages = sandbox.requestsTo('GET', `/${WABA}/phone_numbers`);
			expect(pages).toHaveLength(3);
			expect(pages[0].query).toEqual({});
			expect(pages[1].query.after).toBeTruthy();
			expect(pages[2].query.after).toBeTruthy();
			expect(pages[2].query.after).not.toBe(pages[1].query.after);
			expect(items).toHaveLength(6);
			expect(items.map((item) => item.json.id)).toEqual([...sandbox.state.phoneNumbers.keys()]);
		});

		it('uses the WABA ID from the node over the credential', async () => {
			const { error } = await run('getAll', { returnAll: true, businessAccountId: '999' });
			expect(sandbox.requestsTo('GET', '/999/phone_numbers')).toHaveLength(1);
			expect(error?.message).toContain('WhatsApp error 100');
		});
	});

	describe('Get and health status', () => {
		it('gets the chosen fields (doc 12 throughput example)', async () => {
			const example = docFixture('account', '12-get-throughput');
			const { items, error } = await run('get', { phoneNumberFields: ['throughput'] });
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `/${PHONE}`)[0].query).toEqual(example.body);
			expect(items.map((item) => item.json)).toEqual([{ throughput: { level: 'STANDARD' }, id: PHONE }]);
		});

		it('gets display number, verified name, quality rating, name status and more in one request', async () => {
			const { items, error } = await run('get', {
				phoneNumberId: { __rl: true, mode: 'list', value: SANDBOX_IDS.secondPhoneNumberId },
				phoneNumberFields: [
					'display_phone_number',
					'verified_name',
					'quality_rating',
					'name_status',
					'code_verification_status',
					'platform_type',
					'status',
				],
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('GET', `/${SANDBOX_IDS.secondPhoneNumberId}`);
			expect(request.query.fields).toBe(
				'display_phone_number,verified_name,quality_rating,name_status,code_verification_status,platform_type,status',
			);
			expect(items[0].json).toEqual({
				display_phone_number: '+1 555-078-3882',
				verified_name: "Jasper's Market Support",
				quality_rating: 'GREEN',
				name_status: 'APPROVED',
				code_verification_status: 'VERIFIED',
				platform_type: 'CLOUD_API',
				status: 'CONNECTED',
				id: SANDBOX_IDS.secondPhoneNumberId,
			});
		});

		it('gets the health status of the phone number (doc 55) and of the WABA', async () => {
			const example = docFixture('account', '55-health-status');
			sandbox.state.phoneNumbers.get(PHONE)!.name_status = 'PENDING_REVIEW';
			const phone = await run('getHealthStatus', {});
			expect(phone.error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `/${PHONE}`)[0].query).toEqual(example.body);
			const health = phone.items[0].json.health_status as { can_send_message: string; entities: IDataObject[] };
			expect(health.can_send_message).toBe('LIMITED');
			expect(health.entities.map((e) => e.entity_type)).toEqual(['PHONE_NUMBER', 'WABA', 'BUSINESS', 'APP']);

			const waba = await run('getHealthStatus', { healthStatusTarget: 'businessAccount' });
			expect(waba.error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `/${WABA}`)[0].query).toEqual({ fields: 'health_status' });
			expect(waba.items[0].json).toMatchObject({ id: WABA, health_status: { can_send_message: 'AVAILABLE' } });
		});
	});

	describe('Verification', () => {
		it('requests a code with the documented form fields (doc 12)', async () => {
			const example = docFixture('account', '12-request-code');
			const { items, error } = await run('requestVerificationCode', { codeMethod: 'SMS', codeLanguage: 'en' });
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${PHONE}/request_code`);
			expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
			expect(formFields(request)).toEqual(example.body);
			expect(request.query).toEqual({});
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(phoneAccount(sandbox, PHONE).pendingCode).toMatch(/^\d{6}$/);
		});

		it('follows doc 12 over doc 72: "en_US" is refused as language, nothing sent', async () => {
			const guide = docFixture<{ language: string }>('account', '72-request-code-v20');
			const { error } = await run('requestVerificationCode', {
				codeMethod: 'VOICE',
				codeLanguage: guide.body.language,
			});
			expect(error?.message).toBe('Language must be a two-character language code such as "en"; got "en_US" [item 0]');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('verifies the code with the documented form field, after which the number is VERIFIED', async () => {
			const example = docFixture<{ code: string }>('account', '12-verify-code');
			phoneAccount(sandbox, PHONE).pendingCode = example.body.code;
			sandbox.state.phoneNumbers.get(PHONE)!.code_verification_status = 'NOT_VERIFIED';
			const { items, error } = await run('verifyCode', { verificationCode: example.body.code });
			expect(error).toBeUndefined();
			expect(formFields(sandbox.requestsTo('POST', `/${PHONE}/verify_code`)[0])).toEqual(example.body);
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(sandbox.state.phoneNumbers.get(PHONE)!.code_verification_status).toBe('VERIFIED');
		});

		it('refuses a code that is not numeric, nothing sent', async () => {
			const { error } = await run('verifyCode', { verificationCode: '12a456' });
			expect(error?.message).toBe('Verification Code must be a numeric string (digits only); got "12a456" [item 0]');
			expect(sandbox.requests).toHaveLength(0);
		});

		it('reports a wrong code as a Graph error', async () => {
			phoneAccount(sandbox, PHONE).pendingCode = '111111';
			const { error } = await run('verifyCode', { verificationCode: '222222' });
			expect(error?.message).toBe('WhatsApp error 131009: Parameter value is not valid');
		});
	});

	describe('Register, deregister and PIN', () => {
		it('registers with the documented bodies, with and without local storage (doc 54)', async () => {
			const plain = docFixture<{ pin: string }>('account', '54-register-without-local-storage');
			const local = docFixture<{ pin: string; data_localization_region: string }>(
				'account',
				'54-register-with-local-storage',
			);
			const first = await run('register', { pin: plain.body.pin });
			expect(first.error).toBeUndefined();
			expect(first.items.map((item) => item.json)).toEqual([{ success: true }]);
			const second = await run('register', { pin: local.body.pin, registerOptions: { dataLocalizationRegion: 'CH' } });
			expect(second.error).toBeUndefined();
			const bodies = sandbox.requestsTo('POST', `/${PHONE}/register`).map((r) => r.body);
			expect(bodies).toEqual([plain.body, local.body]);
			expect(phoneAccount(sandbox, PHONE).storage).toEqual({
				status: 'IN_COUNTRY_STORAGE_ENABLED',
				data_localization_region: 'CH',
			});
		});

		it('registers a number migrating from On-Premises with its backup (docs 83, 28)', async () => {
			const example = docFixture<{ pin: string; backup: { password: string; data: string } }>(
				'account',
				'28-register-migration',
			);
			const { error } = await run('register', {
				pin: example.body.pin,
				registerOptions: { backupPassword: example.body.backup.password, backupData: example.body.backup.data },
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${PHONE}/register`)[0].body).toEqual(example.body);
		});

		it.each([
			['12345', 'PIN must be exactly 6 digits; the value given has 5 characters [item 0]'],
			['1234567', 'PIN must be exactly 6 digits; the value given has 7 characters [item 0]'],
			['12345a', 'PIN must be exactly 6 digits; the value given has 6 characters and not only digits [item 0]'],
		])('refuses the PIN %s without sending (and without showing it)', async (pin, message) => {
			const { error } = await run('register', { pin });
			expect(error?.message).toBe(message);
			expect(sandbox.requests).toHaveLength(0);
			const setPin = await run('setTwoStepPin', { pin });
			expect(setPin.error?.message).toBe(message);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('refuses a region outside the documented list and half a backup', async () => {
			const region = await run('register', {
				pin: '123456',
				registerOptions: { dataLocalizationRegion: '={{ "US" }}' },
			});
			expect(region.error?.message).toBe(
				'Local Storage Region must be one of AU, ID, IN, JP, SG, KR, DE, CH, GB, BR, BH, ZA, AE, CA; got "US" [item 0]',
			);
			const backup = await run('register', { pin: '123456', registerOptions: { backupPassword: 'tacocat' } });
			expect(backup.error?.message).toBe(
				'Backup Data is required with Backup Password (On-Premises migration, doc 83) [item 0]',
			);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('reports a PIN mismatch (133005) as a NodeApiError with Meta code', async () => {
			phoneAccount(sandbox, PHONE).pin = '654321';
			const { error } = await run('register', { pin: '123456' });
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe('WhatsApp error 133005: Two step verification PIN Mismatch');
			expect(error?.description).toMatch(/PIN/);
		});

		it('hits the register rate limit (133016) after 10 requests in 72 hours', async () => {
			phoneAccount(sandbox, PHONE).registerLog.push(...Array.from({ length: 10 }, () => Date.now() - 1000));
			const { error } = await run('register', { pin: '123456' });
			expect(error?.message).toBe('WhatsApp error 133016: Account register deregister rate limit exceeded');
			expect(error?.description).toMatch(/72 hours/);
		});

		it('deregisters with an empty POST, disabling local storage; a second time is 133010', async () => {
			phoneAccount(sandbox, PHONE).storage = { status: 'IN_COUNTRY_STORAGE_ENABLED', data_localization_region: 'BR' };
			const { items, error } = await run('deregister');
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${PHONE}/deregister`);
			expect(request.rawBody.length).toBe(0);
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(sandbox.state.phoneNumbers.get(PHONE)!.registered).toBe(false);
			expect(phoneAccount(sandbox, PHONE).storage).toEqual({ status: 'IN_COUNTRY_STORAGE_DISABLED' });
			const again = await run('deregister');
			expect(again.error?.message).toBe('WhatsApp error 133010: Phone number Not Registered');
		});

		it('sets the two-step verification PIN with POST /{phone} (doc 09)', async () => {
			const example = docFixture('account', '09-set-two-step-pin');
			const { items, error } = await run('setTwoStepPin', { pin: '246810' });
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${PHONE}`);
			expect(Object.keys(request.body as object)).toEqual(Object.keys(example.body));
			expect(request.body).toEqual({ pin: '246810' });
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(phoneAccount(sandbox, PHONE).pin).toBe('246810');
		});
	});

	describe('Settings', () => {
		it('enables the identity change check with the documented body (doc 12)', async () => {
			const example = docFixture('account', '12-identity-change-check-enable');
			const { items, error } = await run('updateSettings', { phoneSettings: { identityKeyCheck: true } });
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${PHONE}/settings`)[0].body).toEqual(example.body);
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
			expect(phoneAccount(sandbox, PHONE).identityKeyCheck).toBe(true);
		});

		it('enables then disables local storage on an unregistered number with the documented bodies (doc 72)', async () => {
			const enable = docFixture('account', '72-enable-local-storage');
			const disable = docFixture('account', '72-disable-local-storage');
			const response = docFixture('account', '72-get-settings-response');
			sandbox.state.phoneNumbers.get(PHONE)!.registered = false;
			const enabled = await run('updateSettings', {
				phoneSettings: { localStorage: 'enabled', dataLocalizationRegion: 'BR' },
			});
			expect(enabled.error).toBeUndefined();
			const settings = await run('getSettings');
			expect(settings.error).toBeUndefined();
			expect(settings.items.map((item) => item.json)).toEqual([response.body]);
			const disabled = await run('updateSettings', { phoneSettings: { localStorage: 'disabled' } });
			expect(disabled.error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${PHONE}/settings`).map((r) => r.body)).toEqual([enable.body, disable.body]);
			expect(sandbox.requestsTo('GET', `/${PHONE}/settings`)).toHaveLength(1);
		});

		it('reports the Graph refusal to change local storage on a registered number', async () => {
			const { error } = await run('updateSettings', {
				phoneSettings: { localStorage: 'enabled', dataLocalizationRegion: 'IN' },
			});
			expect(error?.message).toBe('WhatsApp error 131009: Parameter value is not valid');
			expect(error?.description).toContain('unregistered state');
		});

		it.each([
			[{}, 'Settings: add at least one setting to change [item 0]'],
			[{ localStorage: 'enabled' }, 'Local Storage Region is required to enable local storage [item 0]'],
			[
				{ localStorage: 'disabled', dataLocalizationRegion: 'DE' },
				'Local Storage Region cannot be set when disabling local storage [item 0]',
			],
			[
				{ dataLocalizationRegion: 'DE' },
				'Local Storage Region is only used with Local Storage set to Enabled [item 0]',
			],
		])('refuses settings %j before sending', async (phoneSettings, message) => {
			const { error } = await run('updateSettings', { phoneSettings });
			expect(error?.message).toBe(message);
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('Conversational components', () => {
		const commands = {
			command: [
				{ commandName: 'tickets', commandDescription: 'Book flight tickets' },
				{ commandName: 'hotel', commandDescription: 'Book hotel' },
			],
		};
		const prompts = { prompt: [{ text: 'Book a flight' }, { text: 'plan a vacation' }] };

		it('sets welcome message, commands and ice breakers with the documented JSON body (doc 47)', async () => {
			const example = docFixture('account', '47-configure-conversational-components');
			const { items, error } = await run('setConversationalComponents', {
				conversationalComponents: { enableWelcomeMessage: true, commands, prompts },
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `/${PHONE}/conversational_automation`);
			expect(request.headers['content-type']).toMatch(/^application\/json/);
			expect(request.query).toEqual({});
			expect(request.body).toEqual(example.body);
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		});

		it('reads them back with GET /{phone}?fields=conversational_automation (the syntax block of doc 47)', async () => {
			const example = docFixture<{ conversational_automation: IDataObject }>(
				'account',
				'47-conversational-components-response',
			);
			Object.assign(phoneAccount(sandbox, PHONE).conversational, example.body.conversational_automation);
			const { items, error } = await run('getConversationalComponents');
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `/${PHONE}/conversational_automation`)).toHaveLength(0);
			expect(sandbox.requestsTo('GET', `/${PHONE}`)[0].query).toEqual({ fields: 'conversational_automation' });
			expect(items.map((item) => item.json)).toEqual([{ ...example.body, id: PHONE }]);
		});

		it('accepts commands and prompts as JSON from an expression', async () => {
			const { error } = await run('setConversationalComponents', {
				conversationalComponents: {
					commandsJson:
						'={{ JSON.stringify([{ command_name: "imagine", command_description: "Create images using a text prompt" }]) }}',
					promptsJson: '={{ ["Plan a trip"] }}',
				},
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('POST', `/${PHONE}/conversational_automation`)[0].body).toEqual({
				commands: [{ command_name: 'imagine', command_description: 'Create images using a text prompt' }],
				prompts: ['Plan a trip'],
			});
		});

		const many = (n: number, make: (i: number) => IDataObject) => Array.from({ length: n }, (_, i) => make(i));
		it.each([
			[
				{ commands: { command: many(31, (i) => ({ commandName: `c${i}`, commandDescription: 'd' })) } },
				'Commands has 31 commands, the limit is 30 [item 0]',
			],
			[
				{ commands: { command: [{ commandName: 'x'.repeat(33), commandDescription: 'd' }] } },
				'Commands > Command 1 > Name is too long: 33 characters, the limit is 32 [item 0]',
			],
			[
				{ commands: { command: [{ commandName: 'ok', commandDescription: 'y'.repeat(257) }] } },
				'Commands > Command 1 > Description is too long: 257 characters, the limit is 256 [item 0]',
			],
			[
				{ commands: { command: [{ commandName: 'rocket🚀', commandDescription: 'd' }] } },
				'Commands > Command 1 > Name cannot contain emojis; got "rocket🚀" [item 0]',
			],
			[
				{ commands: { command: [{ commandName: 'ok', commandDescription: '' }] } },
				'Commands > Command 1 > Description is required [item 0]',
			],
			[
				{ prompts: { prompt: many(5, (i) => ({ text: `p${i}` })) } },
				'Ice Breakers has 5 ice breakers, the limit is 4 [item 0]',
			],
			[
				{ prompts: { prompt: [{ text: 'z'.repeat(81) }] } },
				'Ice Breakers > Ice Breaker 1 is too long: 81 characters, the limit is 80 [item 0]',
			],
			[
				{ prompts: { prompt: [{ text: 'Hi 👋' }] } },
				'Ice Breakers > Ice Breaker 1 cannot contain emojis; got "Hi 👋" [item 0]',
			],
			[{}, 'Components: add the welcome message setting, commands or ice breakers to set [item 0]'],
			[
				{ prompts, promptsJson: '["a"]' },
				'Ice Breakers: use either Ice Breakers or Ice Breakers (JSON), not both [item 0]',
			],
			[{ commandsJson: '[{"command_name": "x"' }, /^Commands is not valid JSON: .+ \[item 0\]$/],
		])(
			'refuses %#: documented limits checked before sending',
			async (conversationalComponents: IDataObject, message: string | RegExp) => {
				const { error } = await run('setConversationalComponents', { conversationalComponents });
				if (message instanceof RegExp) expect(error?.message).toMatch(message);
				else expect(error?.message).toBe(message);
				expect(sandbox.requests).toHaveLength(0);
			},
		);

		it('sends nothing for any item when one item is invalid', async () => {
			const { error } = await run(
				'setConversationalComponents',
				{ conversationalComponents: { promptsJson: '={{ [$json.prompt] }}' } },
				[{ json: { prompt: 'fine' } }, { json: { prompt: 'q'.repeat(90) } }],
			);
			expect(error?.message).toContain('item 1');
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('sandbox validation (from the docs, independent of the node)', () => {
		const post = async (path: string, body: unknown) => {
			const response = await fetch(`${sandbox.baseUrl}/v22.0${path}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${SANDBOX_IDS.token}`, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return {
				status: response.status,
				body: (await response.json()) as { error?: { code: number; error_data: { details: string } } },
			};
		};

		it.each([
			[
				'/register',
				{ messaging_product: 'whatsapp', pin: '12345' },
				131009,
				'Param pin must be a 6-digit PIN (got "12345").',
			],
			['/register', { messaging_product: 'whatsapp' }, 131008, 'The parameter pin is required.'],
			[
				'/register',
				{ messaging_product: 'whatsapp', pin: '123456', data_localization_region: 'US' },
				131009,
				'Param data_localization_region must be one of',
			],
			[
				'/register',
				{ messaging_product: 'whatsapp', pin: '123456', backup: { password: 'p' } },
				131008,
				"The parameter backup['data'] is required.",
			],
			['', { pin: '123456', extra: true }, 100, 'Unexpected key "extra" on the request body.'],
			[
				'/settings',
				{ storage_configuration: { status: 'IN_COUNTRY_STORAGE_ENABLED' } },
				131008,
				"The parameter storage_configuration['data_localization_region'] is required.",
			],
			[
				'/conversational_automation',
				{ prompts: ['a', 'b', 'c', 'd', 'e'] },
				131009,
				'Param prompts must contain at most 4 items (got 5).',
			],
			[
				'/conversational_automation',
				{ commands: [{ command_name: 'x'.repeat(33), command_description: 'd' }] },
				100,
				"Param commands[0]['command_name'] must be at most 32 characters long.",
			],
			['/conversational_automation', { prompts: ['Hi 👋'] }, 131009, 'Param prompts[0] must not contain emojis.'],
			[
				'/whatsapp_business_profile',
				{ messaging_product: 'whatsapp', vertical: 'INDUSTRY' },
				131009,
				'Param vertical must be one of',
			],
			[
				'/whatsapp_business_profile',
				{ messaging_product: 'whatsapp', websites: ['www.example.com'] },
				131009,
				'Param websites[0] must include http:// or https://',
			],
		])('POST /{phone}%s %j is refused with %i', async (suffix, body, code, details) => {
			const answer = await post(`/${PHONE}${suffix}`, body);
			expect(answer.status).toBe(400);
			expect(answer.body.error?.code).toBe(code);
			expect(answer.body.error?.error_data.details).toContain(details);
		});

		it('accepts the conversational automation query-string syntax of doc 47', async () => {
			const response = await fetch(
				`${sandbox.baseUrl}/v22.0/${PHONE}/conversational_automation?enable_welcome_message=true&prompts=${encodeURIComponent('["Plan a trip"]')}`,
				{ method: 'POST', headers: { authorization: `Bearer ${SANDBOX_IDS.token}` } },
			);
			expect(response.status).toBe(200);
			expect(phoneAccount(sandbox, PHONE).conversational).toMatchObject({
				enable_welcome_message: true,
				prompts: ['Plan a trip'],
			});
		});
	});
});
