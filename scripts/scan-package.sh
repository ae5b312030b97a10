#!/usr/bin/env bash
# n8n's community-package scan, offline, on what `npm pack` ships (part of `npm test`; alone: `npm run scan`).
#
# @n8n/scan-community-package (what n8n runs before it lists a package as verified) downloads the package from npm,
# checks its npm provenance, fetches the attested source from GitHub and lints both with its own ESLint set-up.
# Here its own analysis, at its own rule versions, lints the working tree's source and the packed tarball; only the
# provenance check needs the published package. The scanner is installed into .cache/ with --ignore-scripts (one of
# its dependencies has a `preinstall` that refuses npm), away from the project's own lint versions.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${N8N_CACHE_DIR:-$root/.cache}"
scanner_version=0.32.0
scanner_dir="$cache/scan-community-package-$scanner_version"
log="$cache/scan-package.log"
mkdir -p "$cache"
: > "$log"

if [ ! -f "$scanner_dir/.ready" ]; then
	echo "[scan] installing @n8n/scan-community-package@$scanner_version into $scanner_dir" >&2
	mkdir -p "$scanner_dir"
	echo '{"name":"n8n-scanner-local","private":true}' > "$scanner_dir/package.json"
	npm install --prefix "$scanner_dir" --ignore-scripts --no-audit --no-fund --loglevel=error "@n8n/scan-community-package@$scanner_version" >> "$log" 2>&1
	touch "$scanner_dir/.ready"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
npm run build >> "$log" 2>&1 || { cat "$log" >&2; exit 1; }
npm pack --pack-destination "$work" >> "$log" 2>&1 || { cat "$log" >&2; exit 1; }
mkdir "$work/package"
tar -xzf "$work"/*.tgz -C "$work/package" --strip-components=1
node "$root/scripts/scan-package.mjs" "$scanner_dir/node_modules/@n8n/scan-community-package" "$root" "$work/package"
