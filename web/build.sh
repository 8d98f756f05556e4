#!/bin/sh
# Copies the front end's npm assets into static/, which go:embed puts in the
# binary. Run after changing package.json (npm ci first), then commit
# static/: `go build` alone must give a working interface.
set -eu
cd "$(dirname "$0")"
test -d node_modules || npm ci --no-audit --no-fund
font=node_modules/@fontsource/noto-naskh-arabic
mkdir -p static/fonts
for w in 400 700; do
  cp "$font/files/noto-naskh-arabic-arabic-$w-normal.woff2" static/fonts/
done
cp "$font/LICENSE" static/fonts/OFL.txt
echo "Copied the Noto Naskh Arabic font into static/fonts."
