#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.1 project-locally (cached under .cache/, ignored by git).
# n8n 2.36+ refuses Node 20, and n8n@2.41.3 does not resolve from the registry here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${N8N_CACHE_DIR:-$root/.cache}"
node_dir="$cache/node24"
n8n_dir="$cache/n8n-2.41.1"

if [ ! -x "$node_dir/node_modules/.bin/node" ]; then
	echo "[ensure-n8n] installing Node 24 into $node_dir" >&2
	mkdir -p "$node_dir"
	npm install --prefix "$node_dir" --no-save --no-audit --no-fund node@24 >&2
fi

if [ ! -f "$n8n_dir/.ready" ]; then
	echo "[ensure-n8n] installing n8n@2.41.1 into $n8n_dir (takes a few minutes the first time)" >&2
	mkdir -p "$n8n_dir"
	[ -f "$n8n_dir/package.json" ] || echo '{"name":"n8n-local","private":true}' > "$n8n_dir/package.json"
	npm install --prefix "$n8n_dir" --ignore-scripts --no-audit --no-fund n8n@2.41.1 >&2
	# the default SQLite store needs its native addon, built for Node 24
	PATH="$node_dir/node_modules/.bin:$PATH" npm rebuild --prefix "$n8n_dir" sqlite3 >&2
	touch "$n8n_dir/.ready"
fi

echo "NODE24_BIN=$node_dir/node_modules/.bin"
echo "N8N_BIN=$n8n_dir/node_modules/.bin/n8n"
