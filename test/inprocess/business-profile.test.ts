import type { IDataObject } from 'n8n-workflow';

import { docFixture } from '../helpers';
import { runAction, sandboxCredentials } from '../harness/n8n';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { businessProfile } from '../sandbox/routes/businessProfile';

const PHONE = SANDBOX_IDS.phoneNumberId;
const PROFILE_PATH = `/${PHONE}/whatsapp_business_profile`;

describe('Business Profile resource through n8n-core', () => {
	let sandbox: GraphSandbox;
	let credentials: ReturnType<typeof sandboxCredentials>;

	beforeAll(async () => {
		sandbox = await createSandbox().start();
		credentials = sandboxCredentials(sandbox.baseUrl);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const run = async (operation: string, parameters: IDataObject = {}, items?: Array<{ json: IDataObject }>) =>
		await runAction({ credentials, items, parameters: { resource: 'businessProfile', operation, ...parameters } });

	it('gets every field with the documented query and returns the profile itself', async () => {
		const example = docFixture<{ fields: string }>('account', '48-get-business-profile');
		const { items, error } = await run('get');
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('GET', PROFILE_PATH);
		expect(request.query.fields.split(',').sort()).toEqual(example.body.fields.split(',').sort());
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ messaging_product: 'whatsapp', ...businessProfile(sandbox, PHONE) });
	});

	it('gets only the chosen fields, from the phone number chosen on the node', async () => {
		const second = SANDBOX_IDS.secondPhoneNumberId;
		const { items, error } = await run('get', {
			phoneNumberId: { __rl: true, mode: 'id', value: second },
			profileFields: ['about', 'websites'],
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `/${second}/whatsapp_business_profile`)[0].query).toEqual({
			fields: 'about,websites',
		});
		expect(items[0].json).toEqual({
			messaging_product: 'whatsapp',
			about: businessProfile(sandbox, second).about,
			websites: businessProfile(sandbox, second).websites,
		});
	});

	it('updates with the documented body (doc 48, placeholders made valid)', async () => {
		const example = docFixture<IDataObject>('account', '48-update-business-profile');
		const expected = { ...example.body, email: 'hello@example.com', vertical: 'RETAIL' };
		const { items, error } = await run('update', {
			profileUpdateFields: {
				about: example.body.about,
				address: example.body.address,
				description: example.body.description,
				vertical: 'RETAIL',
				email: 'hello@example.com',
				websites: { website: (example.body.websites as string[]).map((url) => ({ url })) },
				profilePictureHandle: example.body.profile_picture_handle,
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('POST', PROFILE_PATH)[0].body).toEqual(expected);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		const stored = businessProfile(sandbox, PHONE);
		expect(stored.about).toBe('ABOUT');
		expect(stored.profile_picture_url).toContain('HANDLE_OF_PROFILE_PICTURE');
	});

	it('clears the category with an empty vertical and takes websites as JSON from an expression', async () => {
		const { error } = await run('update', {
			profileUpdateFields: { vertical: '', websitesJson: '={{ ["https://a.example", "http://b.example"] }}' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('POST', PROFILE_PATH)[0].body).toEqual({
			messaging_product: 'whatsapp',
			vertical: '',
			websites: ['https://a.example', 'http://b.example'],
		});
		expect(businessProfile(sandbox, PHONE).vertical).toBe('');
	});

	it.each([
		[{ about: '' }, 'About cannot be empty: 1 to 139 characters [item 0]'],
		[{ about: 'a'.repeat(140) }, 'About is too long: 140 characters, the limit is 139 [item 0]'],
		[{ address: 'b'.repeat(257) }, 'Address is too long: 257 characters, the limit is 256 [item 0]'],
		[{ description: 'c'.repeat(513) }, 'Description is too long: 513 characters, the limit is 512 [item 0]'],
		[{ email: `${'d'.repeat(120)}@example.com` }, 'Email is too long: 132 characters, the limit is 128 [item 0]'],
		[{ email: 'not-an-email' }, 'Email must be a valid email address; got "not-an-email" [item 0]'],
		[
			{ vertical: '={{ "INDUSTRY" }}' },
			/^Vertical must be one of ALCOHOL, APPAREL, .*, TRAVEL; got "INDUSTRY" \[item 0\]$/,
		],
		[
			{ websitesJson: '["https://a.example", "https://b.example", "https://c.example"]' },
			'Websites has 3 websites, the limit is 2 [item 0]',
		],
		[
			{ websites: { website: [{ url: 'www.example.com' }] } },
			'Websites > Website 1 must start with http:// or https://; got "www.example.com" [item 0]',
		],
		[
			{ websites: { website: [{ url: `https://${'e'.repeat(250)}.com` }] } },
			'Websites > Website 1 is too long: 262 characters, the limit is 256 [item 0]',
		],
		[{}, 'Update Fields: add at least one business profile field to change [item 0]'],
	])('refuses case %# before sending', async (profileUpdateFields: IDataObject, message: string | RegExp) => {
		const { error } = await run('update', { profileUpdateFields });
		if (message instanceof RegExp) expect(error?.message).toMatch(message);
		else expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('accepts the limits exactly (139 about, 2 websites of 256 characters)', async () => {
		const site = `https://${'f'.repeat(244)}.com`;
		expect(site).toHaveLength(256);
		const { error } = await run('update', {
			profileUpdateFields: { about: 'a'.repeat(139), websitesJson: JSON.stringify([site, site]) },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('POST', PROFILE_PATH)[0].status).toBe(200);
	});

	it('updates nothing for any item when one item is invalid', async () => {
		const { error } = await run('update', { profileUpdateFields: { about: '={{ $json.about }}' } }, [
			{ json: { about: 'Fine' } },
			{ json: { about: 'x'.repeat(200) } },
		]);
		expect(error?.message).toContain('item 1');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('turns a Graph error into a NodeApiError with Meta code', async () => {
		sandbox.injectError(131009, {
			path: /whatsapp_business_profile$/,
			title: 'Parameter value is not valid',
			details: 'Invalid handle',
		});
		const { error } = await run('update', { profileUpdateFields: { profilePictureHandle: 'h' } });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('WhatsApp error 131009: Parameter value is not valid');
		expect(error?.description).toContain('Invalid handle');
	});
});
