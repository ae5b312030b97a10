/**
 * A headless Chromium for the editor e2e test: Debian's chromium (installed by scripts/ensure-browser.sh, never
 * downloaded by Playwright) driven through playwright-core, plus numbered screenshots kept as test artifacts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

import { ROOT } from '../n8nInstance';

/** Where the screenshots of a run go (git ignores `artifacts/`). */
export const ARTIFACTS = join(ROOT, 'artifacts', 'editor-e2e');

export function ensureBrowser(): string {
	const out = execFileSync('bash', [join(ROOT, 'scripts', 'ensure-browser.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const bin = /^CHROMIUM_BIN=(.*)$/m.exec(out)?.[1];
	if (!bin) throw new Error(`scripts/ensure-browser.sh printed no CHROMIUM_BIN:\n${out}`);
	return bin;
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	return await chromium.launch({
		executablePath,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Numbered full-page screenshots: `01-node-panel.png`, `02-...`; a failed step adds `NN-FAILED-<step>.png`. */
export class Screenshots {
	private count = 0;

	constructor(private readonly dir = ARTIFACTS) {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
	}

	async take(page: Page, name: string): Promise<string> {
		const file = join(this.dir, `${String(++this.count).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file });
		return file;
	}

	/** Runs one step of the story; whatever happens, the page is photographed after it. */
	async step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
		try {
			const result = await run();
			await this.take(page, name);
			return result;
		} catch (error) {
			await this.take(page, `FAILED-${name}`).catch(() => undefined);
			throw error;
		}
	}
}

/**
 * Label texts of the resource mapper's fields, and whether n8n cut them: a label's text sits in a block span
 * with `overflow: hidden; text-overflow: ellipsis`, so a cut label is wider inside than its box.
 */
export async function mapperLabels(mapper: Locator): Promise<Array<{ text: string; cut: boolean }>> {
	return await mapper
		.locator('label.n8n-input-label[for^="value["] [class*="_title_"] > span')
		.evaluateAll((spans) =>
			spans.map((span) => ({ text: (span.textContent ?? '').trim(), cut: span.scrollWidth > span.clientWidth })),
		);
}
