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

# The world map: Natural Earth country outlines (world-atlas, 1:110m) drawn
# with d3-geo (which needs d3-array) from TopoJSON (topojson-client). The
# UMD builds are loaded as plain scripts: the pages have no bundler and the
# ES module builds import bare package names a browser cannot resolve.
mkdir -p static/vendor
cp node_modules/world-atlas/countries-110m.json static/vendor/
cp node_modules/world-atlas/LICENSE static/vendor/world-atlas.LICENSE.txt
for p in d3-array d3-geo topojson-client; do
  cp "node_modules/$p/dist/$p.min.js" static/vendor/
  cp "node_modules/$p/LICENSE" "static/vendor/$p.LICENSE.txt"
done
echo "Copied the world map and d3-geo, d3-array, topojson-client into static/vendor."
