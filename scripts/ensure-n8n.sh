#!/usr/bin/env bash
# Installs n8n <version> (default 2.41.1) and the Node.js it runs on, project-locally under .cache/ (ignored by git).
# Prints NODE_BIN=<directory holding that node> and N8N_BIN=<the n8n executable>.
#
#   scripts/ensure-n8n.sh            # n8n 2.41.1 on Node 24 (n8n 2.36+ refuses Node 20)
#   scripts/ensure-n8n.sh 1.123.81   # n8n 1.123.81 on Node 22 (1.x declares node >=20.19 <=24.x)
#
# n8n@2.41.3 does not resolve from the registry here. n8n 1.x's n8n-nodes-base fetches xlsx from cdn.sheetjs.com,
# which CI cannot reach: the registry's last xlsx is pinned instead (only the Spreadsheet File node uses it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${N8N_CACHE_DIR:-$root/.cache}"
version="${1:-2.41.1}"
case "$version" in
	1.*) node_major=22; overrides='{"xlsx":"0.18.5"}' ;;
	2.*) node_major=24; overrides='{}' ;;
	*) echo "[ensure-n8n] unsupported n8n version $version" >&2; exit 2 ;;
esac
node_dir="$cache/node$node_major"
n8n_dir="$cache/n8n-$version"

if [ ! -x "$node_dir/node_modules/.bin/node" ]; then
	echo "[ensure-n8n] installing Node $node_major into $node_dir" >&2
	mkdir -p "$node_dir"
	npm install --prefix "$node_dir" --no-save --no-audit --no-fund "node@$node_major" >&2
fi

if [ ! -f "$n8n_dir/.ready" ]; then
	echo "[ensure-n8n] installing n8n@$version into $n8n_dir (takes a few minutes the first time)" >&2
	mkdir -p "$n8n_dir"
	printf '{"name":"n8n-local","private":true,"overrides":%s}\n' "$overrides" > "$n8n_dir/package.json"
	npm install --prefix "$n8n_dir" --ignore-scripts --no-audit --no-fund "n8n@$version" >&2
	# the default SQLite store needs its native addon, built for the Node that runs n8n
	PATH="$node_dir/node_modules/.bin:$PATH" npm rebuild --prefix "$n8n_dir" sqlite3 >&2
	touch "$n8n_dir/.ready"
fi

echo "NODE_BIN=$node_dir/node_modules/.bin"
echo "N8N_BIN=$n8n_dir/node_modules/.bin/n8n"
