#!/bin/sh
# End-to-end tests of the web interface in headless Chromium: builds athar,
# makes a registry from the UN list in a temporary folder, starts
# `athar serve` on loopback and drives the pages (web/e2e/e2e.mjs).
# Needs Debian's chromium (/usr/bin/chromium) and `npm ci` in web/.
# Screenshots go to web/e2e/artefacts/ (not committed).
set -eu
web=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$web/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
test -d "$web/node_modules/playwright-core" || (cd "$web" && npm ci --no-audit --no-fund)
(cd "$root" && go build -o "$tmp/athar" ./cmd/athar)
ATHAR_BIN="$tmp/athar" ATHAR_E2E_TMP="$tmp" node "$web/e2e/e2e.mjs"
