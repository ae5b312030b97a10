#!/usr/bin/env bash
# npm start: real n8n with this package + the local Cloud API sandbox (see README). `npm start -- --n8n=1.123.81`
# runs the 1.x line instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .n8n-dev
if [ ! -d node_modules/n8n-core ]; then
	echo "Installing the development dependencies (log: .n8n-dev/npm-install.log) …"
	npm install --ignore-scripts --no-audit --no-fund > .n8n-dev/npm-install.log 2>&1
fi
npx tsc -p tsconfig.dev.json
exec node .cache/dev-build/test/dev/start.js "$@"
