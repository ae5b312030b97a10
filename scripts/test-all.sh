#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to see: install, lint, type-check, build, unit + in-process, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules/n8n-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# n8n-workflow/n8n-core 2.41 pull isolated-vm, which only builds on Node 24; the tests do not need it.
	npm ci --ignore-scripts --no-audit --no-fund
fi

echo "== lint (n8n community-node rules)"
npx eslint nodes credentials package.json

echo "== type-check"
npx tsc --noEmit -p tsconfig.json

echo "== build"
npm run build

echo "== unit and in-process tests (n8n-core)"
mkdir -p .cache
npx jest --selectProjects unit --json --outputFile=.cache/jest-unit.json

echo "== end-to-end tests (real n8n 2.41.1 on Node 24)"
npx jest --selectProjects e2e --runInBand --testTimeout=600000 --json --outputFile=.cache/jest-e2e.json

# One closing line over both runs, in the plain form CI reads.
node -e '
const runs = [".cache/jest-unit.json", ".cache/jest-e2e.json"].map((f) => require("./" + f));
const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
'
