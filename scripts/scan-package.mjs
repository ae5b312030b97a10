// node scripts/scan-package.mjs <scanner dir> <source dir> <unpacked tarball dir>
// n8n's community-package scanner analysis on the source and on the packed package (see scan-package.sh), plus a
// check that the tarball holds what n8n loads and nothing else. Prints every finding; exits 1 if there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const [scannerDir, sourceDir, packageDir] = process.argv.slice(2);
const scanner = await import(pathToFileURL(join(scannerDir, 'scanner', 'scanner.mjs')).href);
const scannerVersion = JSON.parse(readFileSync(join(scannerDir, 'package.json'), 'utf8')).version;

function walk(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(packageDir, join(dir, entry.name))],
	);
}

/**
 * The scanner's own analysis. A rule that crashes stops ESLint on the first file, and n8n's scan then fails with
 * only that; here the files are then linted one by one, so every finding shows at once.
 */
async function analyze(dir, patterns) {
	const quiet = console.error;
	console.error = () => {};
	try {
		const result = await scanner.analyzePackage(dir, patterns);
		if (result.passed || !result.message.startsWith('Analysis failed')) return result;
		const glob = createRequire(join(scannerDir, 'package.json'))('fast-glob');
		const files = glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] }).sort();
		const details = [];
		for (const file of files) {
			const single = await scanner.analyzePackage(dir, [file]);
			if (!single.passed) details.push(single.details ?? `${file}\n  ${single.message.replace(/\n/g, '\n  ')}\n`);
		}
		return { passed: false, message: result.message.split('\n')[0], details: details.join('\n') };
	} finally {
		console.error = quiet;
	}
}

const findings = [];
const source = await analyze(sourceDir, scanner.SOURCE_FILE_PATTERNS);
if (!source.passed)
	findings.push(`Source (${scanner.SOURCE_FILE_PATTERNS.join(', ')}): ${source.message}\n${source.details ?? ''}`);
const shipped = await analyze(packageDir, ['**/*.js', 'package.json']);
if (!shipped.passed)
	findings.push(`Packed tarball (compiled .js and package.json): ${shipped.message}\n${shipped.details ?? ''}`);

const files = walk(packageDir);
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const loaded = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
const missing = loaded.filter((file) => !files.includes(file));
if (missing.length)
	findings.push(`The tarball lacks files package.json "n8n" tells n8n to load:\n  ${missing.join('\n  ')}`);
// The compiled code and icons, and each node's codex file (`*.node.json`: categories, aliases, documentation links).
const shippable =
	/^(package\.json|README\.md|LICENSE|dist\/index\.js|dist\/(nodes|credentials)\/.+\.(js|svg)|dist\/nodes\/.+\.node\.json)$/;
const extra = files.filter((file) => !shippable.test(file));
if (extra.length)
	findings.push(`The tarball ships files n8n does not need (see "files" in package.json):\n  ${extra.join('\n  ')}`);

const label = `@n8n/scan-community-package@${scannerVersion}`;
if (findings.length) {
	process.stdout.write(
		`${findings.join('\n')}\n✖ ${label}: the package would fail n8n's scan (provenance not checked: it needs the published package)\n`,
	);
	process.exit(1);
}
process.stdout.write(
	`✔ ${label}: source and packed tarball (${files.length} files) pass; provenance is checked only once published\n`,
);
