#!/usr/bin/env bash
# The headless browser of the editor e2e test: Debian's chromium, installed from Debian's packages when
# missing (needs root). Prints CHROMIUM_BIN=<path>. Playwright never downloads a browser of its own.
set -euo pipefail

bin=/usr/bin/chromium
if [ ! -x "$bin" ]; then
	if [ "$(id -u)" != "0" ]; then
		echo "[ensure-browser] $bin is missing; install Debian's chromium package (apt-get install chromium) as root" >&2
		exit 1
	fi
	echo "[ensure-browser] installing chromium from Debian's packages" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
fi

echo "CHROMIUM_BIN=$bin"
