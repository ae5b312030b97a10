const path = require('path');
const { parallel, src, dest, task } = require('gulp');

/** Icons and codex files (`*.node.json`: categories, aliases, documentation links) go next to the compiled nodes. */
function copyNodeAssets() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg,node.json}');
	return src(nodeSource, { encoding: false }).pipe(dest(path.resolve('dist', 'nodes')));
}

function copyCredentialIcons() {
	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	return src(credSource, { encoding: false }).pipe(dest(path.resolve('dist', 'credentials')));
}

task('build:assets', parallel(copyNodeAssets, copyCredentialIcons));
// The name package.json's build script calls.
task('build:icons', parallel(copyNodeAssets, copyCredentialIcons));
