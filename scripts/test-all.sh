#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to see: install, lint, type-check, build, n8n's package scan,
# unit + in-process, end-to-end (n8n 2.41.1 and the 1.x line, in one jest run). Ends with how long each part took.
set -euo pipefail
cd "$(dirname "$0")/.."

timings=()
part_started=$SECONDS
part() {
	[ -n "${part_name:-}" ] && timings+=("$(printf '%-28s %4d s' "$part_name" $((SECONDS - part_started)))")
	part_name="$1"
	part_started=$SECONDS
	[ -n "$1" ] && echo "== $1"
	return 0
}

part "install"
if [ ! -d node_modules/n8n-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# n8n-workflow/n8n-core 2.41 pull isolated-vm, which only builds on Node 24; the tests do not need it.
	npm ci --ignore-scripts --no-audit --no-fund
fi

part "lint (n8n scanner rules on nodes, typescript-eslint on tests)"
npx eslint nodes credentials package.json test

part "format (Prettier)"
npx prettier --check "**/*.{ts,js,mjs}"

part "type-check"
npx tsc --noEmit -p tsconfig.json
# What `npm start` and `npm run bench` compile, with Node's types only.
npx tsc --noEmit -p tsconfig.dev.json

part "build"
npm run build

part "n8n package scan (npm pack)"
bash scripts/scan-package.sh

part "unit and in-process tests"
mkdir -p .cache
npx jest --selectProjects unit --json --outputFile=.cache/jest-unit.json

part "end-to-end tests (real n8n)"
npx jest --selectProjects e2e --runInBand --testTimeout=600000 --json --outputFile=.cache/jest-e2e.json
part ""

printf '%s\n' "${timings[@]}"
# One closing line over both runs, in the plain form CI reads.
node -e '
const runs = [".cache/jest-unit.json", ".cache/jest-e2e.json"].map((f) => require("./" + f));
const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
for (const suite of runs[1].testResults) {
	const seconds = Math.round((suite.endTime - suite.startTime) / 1000);
	console.log(`  ${require("path").relative(process.cwd(), suite.name).padEnd(26)} ${String(seconds).padStart(4)} s`);
}
console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
'
