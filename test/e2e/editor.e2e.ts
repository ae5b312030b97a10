/**
 * The package as a new user meets it: the real n8n 2.41.1 editor in headless Chromium, both nodes found in the
 * node panel, the trigger's URLs and a signed test event, Send Template from the template list to a run, and the
 * credential test. Every step leaves a screenshot in artifacts/editor-e2e/.
 */
import type { Browser, Page } from 'playwright-core';

import { lookupGraphError } from '../../nodes/shared/GraphErrors';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import { templateStore } from '../sandbox/templateStore';
import { ensureBrowser, launchBrowser, mapperLabels, Screenshots } from './editor/browser';
import {
	copyInto,
	ensureN8n,
	freePort,
	n8nCli,
	prepareUserFolder,
	startN8n,
	type N8nOptions,
	type RunningN8n,
} from './n8nInstance';
import { credentialExport } from './workflows';

const OWNER = { email: 'owner@example.com', firstName: 'Editor', lastName: 'Owner', password: 'E2eOwner-Passw0rd' };
const MESSAGES_PATH = `/${SANDBOX_IDS.phoneNumberId}/messages`;
const TEXT = 'Hello from the editor test';

/** A signed inbound text message, as Meta delivers it. */
const inboundText = {
	object: 'whatsapp_business_account',
	entry: [
		{
			id: SANDBOX_IDS.businessAccountId,
			changes: [
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						metadata: {
							display_phone_number: SANDBOX_IDS.displayPhoneNumber,
							phone_number_id: SANDBOX_IDS.phoneNumberId,
						},
						contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '16505551234' }],
						messages: [
							{ from: '16505551234', id: 'wamid.EDITOR1', timestamp: '1714510003', type: 'text', text: { body: TEXT } },
						],
					},
				},
			],
		},
	],
};

describe('the n8n 2.41.1 editor in headless Chromium', () => {
	let sandbox: GraphSandbox;
	let n8n: RunningN8n;
	let browser: Browser;
	let page: Page;
	const shots = new Screenshots();
	const step = <T>(name: string, run: () => Promise<T>) => shots.step(page, name, run);

	const ndv = () => page.getByTestId('ndv');
	const mapper = () => page.getByTestId('resource-mapper-container');
	const inputValue = async (testId: string) => await page.getByTestId(testId).locator('input').first().inputValue();

	async function openNodePanelEntry(): Promise<void> {
		await page.getByTestId('node-creator-search-bar').fill('WhatsApp Cloud');
		await page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^WhatsApp Cloud$/ })
			.click();
	}

	async function pickTemplate(name: string): Promise<void> {
		await page.getByTestId('parameter-input-template').click();
		await page.getByTestId('rlc-search').fill(name);
		await page
			.getByTestId('rlc-item')
			.filter({ hasText: new RegExp(`^${name} \\(`) })
			.click();
	}

	beforeAll(async () => {
		const paths = ensureN8n();
		const chromiumBin = ensureBrowser();
		sandbox = await createSandbox().start();
		const options: N8nOptions = { userFolder: prepareUserFolder(), port: await freePort(), paths };
		await n8nCli(options, [
			'import:credentials',
			`--input=${copyInto(options.userFolder, 'credentials.json', credentialExport(sandbox.baseUrl))}`,
		]);
		n8n = await startN8n(options);
		const setup = await fetch(`${n8n.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		expect(setup.status).toBe(200);
		browser = await launchBrowser(chromiumBin);
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30_000);
	}, 900_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await sandbox?.stop();
	});

	it('finds the package in the node panel: one entry with the trigger and the actions', async () => {
		await step('node-panel', async () => {
			await page.goto(`${n8n.url}/signin`);
			await page.getByLabel('Email').fill(OWNER.email);
			await page.getByLabel('Password').fill(OWNER.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL(/\/home\//);
			await page.goto(`${n8n.url}/workflow/new`);
			await page.getByTestId('canvas').waitFor();
			await page.keyboard.press('n');
			await page.getByTestId('node-creator-search-bar').fill('WhatsApp Cloud');
			await page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^WhatsApp Cloud$/ })
				.waitFor();
		});
		await step('node-details', async () => {
			await page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^WhatsApp Cloud$/ })
				.click();
			await page.getByText('On new WhatsApp Cloud event').waitFor();
			await page.getByText(/^Actions \(\d+\)$/).waitFor();
		});
	});

	it('adds the trigger: it shows its test and production URLs and turns a signed test event into an item', async () => {
		const urls = await step('trigger-urls', async () => {
			await page.getByText('On new WhatsApp Cloud event').click();
			await ndv().waitFor();
			await page.getByTitle('Click to display webhook URLs').click();
			const webhook = new RegExp(`${n8n.url}/webhook-test/([0-9a-f-]{36})/webhook`);
			await ndv().getByText(webhook).first().waitFor();
			const id = webhook.exec(await ndv().innerText())![1];
			await ndv().getByText('Production URL', { exact: true }).click();
			await ndv().getByText(`${n8n.url}/webhook/${id}/webhook`).first().waitFor();
			return { test: `${n8n.url}/webhook-test/${id}/webhook` };
		});
		await step('trigger-listening', async () => {
			await page.getByTestId('parameter-input-verifyToken').locator('input').fill('e2e-verify-token');
			await page.getByText('Test this trigger').click();
			await page.getByText('Listening for test event').waitFor();
		});
		await step('trigger-test-event', async () => {
			expect((await sandbox.sendWebhook(urls.test, inboundText)).status).toBe(200);
			await page.getByTestId('output-panel').getByText('1 item').waitFor();
			await page.getByTestId('output-panel').getByText(TEXT).first().waitFor({ state: 'attached' });
		});
	});

	it('adds WhatsApp Cloud as "Send a message template": Message > Send Template with the sandbox credential', async () => {
		await step('send-template-form', async () => {
			await page.getByTestId('ndv-close-button').click();
			await ndv().waitFor({ state: 'hidden' });
			await page.getByTestId('canvas-handle-plus').click();
			await openNodePanelEntry();
			await page.getByText('Send a message template').click();
			await ndv().waitFor();
		});
		expect(await inputValue('parameter-input-resource')).toBe('Message');
		expect(await inputValue('parameter-input-operation')).toBe('Send Template');
		expect(await inputValue('node-credentials-select')).toBe('WhatsApp Cloud (sandbox)');
		// The WABA ID is for other accounts' templates only: under Template Options, not above the picker.
		await expect(page.getByTestId('parameter-input-businessAccountId').count()).resolves.toBe(0);
		await ndv().getByText('Template Options', { exact: true }).waitFor();
	});

	it("lists the sandbox account's templates, the ones that cannot be sent last and marked; picking one says why", async () => {
		const listed = await step('template-list', async () => {
			await page.getByTestId('parameter-input-template').click();
			const items = page.getByTestId('rlc-item');
			await items.first().waitFor();
			return await items.allInnerTexts();
		});
		const stored = templateStore(sandbox).all();
		const label = (t: (typeof stored)[number]) => `${t.name} (${t.language}) · ${t.category}`;
		expect(listed).toEqual([
			...stored.filter((t) => t.status === 'APPROVED').map(label),
			...stored.filter((t) => t.status !== 'APPROVED').map((t) => `${label(t)} · ${t.status}, cannot be sent`),
		]);
		expect(sandbox.requestsTo('GET', `/${SANDBOX_IDS.businessAccountId}/message_templates`).length).toBeGreaterThan(0);
		await step('paused-template-picked', async () => {
			await page.keyboard.press('Escape');
			await pickTemplate('seasonal_promo_paused');
			await ndv()
				.getByText(/is paused because of low quality \(Meta would answer 132015\)/)
				.waitFor();
		});
		await expect(ndv().getByText('sent as it is').count()).resolves.toBe(0);
	});

	it('shows one short field per variable, none cut at the default panel width', async () => {
		const carousel = await step('carousel-variables', async () => {
			await pickTemplate('carousel_template_media_cards_v1');
			await mapper().getByText('Card 3 Button 2 URL Suffix').waitFor();
			return await mapperLabels(mapper());
		});
		expect(carousel).toEqual(
			[
				'Body {{1}} · Pablo',
				'Body {{2}} · 20%',
				'Body {{3}} · 20OFF',
				...[1, 2, 3].flatMap((card) => [
					`Card ${card} Header Image`,
					`Card ${card} Button 1 Payload`,
					`Card ${card} Button 2 URL Suffix`,
				]),
			].map((text) => ({ text, cut: false })),
		);
		const receipt = await step('purchase-receipt-variables', async () => {
			await pickTemplate('purchase_receipt');
			await mapper().getByText('Body {{1}} · Pablo').waitFor();
			return await mapperLabels(mapper());
		});
		expect(receipt).toEqual(
			[
				'Header Image',
				'Body {{1}} · Pablo',
				'Body {{2}} · $100.99',
				'Body {{3}} · May 1, 2025',
				'Button 1 Payload',
				'Button 2 Payload',
			].map((text) => ({ text, cut: false })),
		);
	});

	it('runs the step: the sandbox receives the template message and the output has its wamid', async () => {
		await step('send-template-run', async () => {
			await page.getByTestId('parameter-input-recipient').locator('input').fill('16505551234');
			const values: Record<string, string> = {
				'header:image': 'https://example.com/receipt.png',
				'body:1': 'Pablo',
				'body:2': '$100.99',
				'body:3': 'May 1, 2025',
			};
			for (const [id, value] of Object.entries(values)) {
				await page.getByTestId(`parameter-input-${id}`).locator('input, textarea').first().fill(value);
			}
			await page.getByTestId('node-execute-button').click();
			await page
				.getByTestId('output-panel')
				.getByText(/wamid\./)
				.first()
				.waitFor({ state: 'attached' });
		});
		const sent = sandbox.requestsTo('POST', MESSAGES_PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].status).toBe(200);
		expect(sent[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '16505551234',
			type: 'template',
			template: {
				name: 'purchase_receipt',
				language: { policy: 'deterministic', code: 'en_US' },
				components: [
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/receipt.png' } }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Pablo' },
							{ type: 'text', text: '$100.99' },
							{ type: 'text', text: 'May 1, 2025' },
						],
					},
				],
			},
		});
	});

	it("shows the operation's name under the node on the canvas", async () => {
		const node = page.getByTestId('canvas-node').filter({ hasText: 'Send a message template' });
		await step('canvas-subtitle', async () => {
			await page.getByTestId('ndv-close-button').click();
			await ndv().waitFor({ state: 'hidden' });
			await node.getByText('Message: Send Template').waitFor();
		});
	});

	it("tests the credential and shows Meta's own text with the error table's hint for a wrong token", async () => {
		await step('credential-ok', async () => {
			await page.getByTestId('canvas-node').filter({ hasText: 'Send a message template' }).dblclick();
			await ndv().waitFor();
			await page.getByTestId('credential-edit-button').click();
			await page.getByTestId('editCredential-modal').getByText('Connection tested successfully').waitFor();
		});
		const modal = page.getByTestId('editCredential-modal');
		const details = await step('credential-wrong-token', async () => {
			await page.getByTestId('parameter-input-accessToken').locator('input').fill('wrong-token');
			await page.getByTestId('credential-save-button').click();
			await modal.getByText(/Couldn.t connect with these settings/).waitFor();
			await modal.getByText('More details').click();
			const text = modal.getByText(/^Reading phone number/);
			await text.waitFor();
			return await text.innerText();
		});
		expect(details).toContain(
			`Reading phone number ${SANDBOX_IDS.phoneNumberId} failed: (#190) Invalid OAuth access token - Cannot parse access token.`,
		);
		expect(details).toContain(lookupGraphError(190)!.hint);
		expect(details).not.toContain('wrong-token');
		await step('credential-restored', async () => {
			await page.getByTestId('parameter-input-accessToken').locator('input').fill(SANDBOX_IDS.token);
			await page.getByTestId('credential-save-button').click();
			await modal.getByText('Connection tested successfully').waitFor();
		});
	});
});
