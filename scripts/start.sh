#!/usr/bin/env bash
# npm start: real n8n with this package + the local Cloud API sandbox (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/n8n-core ] || npm install --ignore-scripts --no-audit --no-fund
npx tsc -p tsconfig.dev.json
exec node .cache/dev-build/test/dev/start.js
