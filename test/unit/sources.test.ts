/**
 * Every documentation page the code, the tests and the docs cite must resolve inside the repository:
 * `doc 16`, `docs 12, 43`, `[52]` and fixture `source` fields name a row of docs/SOURCES.md, and nothing
 * points at material that only exists beside the author's checkout.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCANNED = [
	'nodes',
	'credentials',
	'test',
	'scripts',
	'docs',
	'examples',
	'README.md',
	'package.json',
	'gulpfile.js',
];
const SKIPPED = new Set(['node_modules', 'dist', '.cache', 'artifacts']);

function files(path: string): string[] {
	const full = join(ROOT, path);
	let stat;
	try {
		stat = statSync(full);
	} catch {
		return [];
	}
	if (stat.isFile()) return [path];
	return readdirSync(full)
		.filter((name) => !SKIPPED.has(name))
		.flatMap((name) => files(join(path, name)));
}

const sourcesText = readFileSync(join(ROOT, 'docs', 'SOURCES.md'), 'utf8');
const ROWS = new Map(
	[...sourcesText.matchAll(/^\| (\d{2}) \| ([^|]+) \| (https:\/\/developers\.facebook\.com\/\S+) \|$/gm)].map((m) => [
		m[1],
		{ title: m[2].trim(), url: m[3] },
	]),
);

const TEXT_FILES = SCANNED.flatMap(files).filter(
	(file) => /\.(ts|js|mjs|json|md|sh)$/.test(file) && file !== join('docs', 'SOURCES.md'),
);

/** Page numbers cited in a text: `doc 16`, `docs 18, 56 and 70`, and `[52]` / `[31, 64]` in comments or prose. */
export function citedPages(text: string, markdownOrComment = true): string[] {
	const pages: string[] = [];
	for (const m of text.matchAll(/\bdocs? (\d{2}(?:(?:,| and|, and) \d{2})*)\b/g)) pages.push(...m[1].match(/\d{2}/g)!);
	if (markdownOrComment) {
		for (const m of text.matchAll(/\[(\d{2}(?:, ?\d{2})*)\](?!\s*[=(:])/g)) pages.push(...m[1].match(/\d{2}/g)!);
	}
	return pages;
}

function commentsOf(file: string, text: string): string {
	if (!/\.(ts|js|mjs)$/.test(file)) return text;
	// Line and block comments only: `[52]` in code is an index, not a citation.
	return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0]).join('\n');
}

describe('docs/SOURCES.md', () => {
	it('has one row per page, each with a title and a developers.facebook.com URL', () => {
		expect(ROWS.size).toBeGreaterThan(80);
		for (const [, row] of ROWS) {
			expect(row.title).not.toBe('');
			expect(row.url).toMatch(/^https:\/\/developers\.facebook\.com\/docs\//);
		}
	});

	it('knows every page cited in code comments, tests, scripts and docs', () => {
		const unknown: string[] = [];
		for (const file of TEXT_FILES) {
			const text = readFileSync(join(ROOT, file), 'utf8');
			for (const page of citedPages(commentsOf(file, text))) {
				if (!ROWS.has(page)) unknown.push(`${file}: page ${page}`);
			}
		}
		expect(unknown).toEqual([]);
	});

	it('every `// Docs:` comment names the pages it weighs against each other, each with a row', () => {
		const problems: string[] = [];
		for (const file of TEXT_FILES.filter((f) => /\.(ts|js|mjs)$/.test(f) && f !== relative(ROOT, __filename))) {
			readFileSync(join(ROOT, file), 'utf8')
				.split('\n')
				.forEach((line, index) => {
					const comment = /\/\/ Docs:(.*)$/.exec(line)?.[1];
					if (comment === undefined) return;
					const pages = comment.match(/(?<![\d.])\d{2}(?![\d.])/g) ?? [];
					if (pages.length === 0) problems.push(`${file}:${index + 1}: no page number`);
					for (const page of pages) if (!ROWS.has(page)) problems.push(`${file}:${index + 1}: page ${page} has no row`);
				});
		}
		expect(problems).toEqual([]);
	});

	it('every documented fixture names its page by a SOURCES number and URL', () => {
		const problems: string[] = [];
		for (const file of files(join('test', 'fixtures', 'docs')).filter((f) => f.endsWith('.json'))) {
			const fixture = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { source?: unknown };
			const match = /^doc (\d{2}): (https:\/\/\S+)$/.exec(String(fixture.source ?? ''));
			if (!match) problems.push(`${file}: source "${String(fixture.source)}" is not "doc NN: <url>"`);
			else if (ROWS.get(match[1])?.url !== match[2])
				problems.push(`${file}: doc ${match[1]} has no row with URL ${match[2]}`);
		}
		expect(problems).toEqual([]);
	});

	it('nothing the project runs or cites points outside the repository', () => {
		// The names are written with a character class so that this file does not contain what it looks for.
		const outside = TEXT_FILES.filter((file) =>
			/cloud-api-doc[s]|api-inventor[y]|n8n-note[s]|shared\/operations\.md/.test(
				readFileSync(join(ROOT, file), 'utf8'),
			),
		);
		expect(outside).toEqual([]);
	});
});
