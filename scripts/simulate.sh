#!/usr/bin/env bash
# npm run simulate -- <kind> --to <trigger URL> [options]: a signed inbound webhook from the sandbox `npm start` runs.
# `npm start` compiles the dev build; compile it here only when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .cache/dev-build/test/dev/simulate.js ] || npx tsc -p tsconfig.dev.json
exec node .cache/dev-build/test/dev/simulate.js "$@"
