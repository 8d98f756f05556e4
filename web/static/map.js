// The world map: Natural Earth country outlines (world-atlas, embedded in
// the binary as /vendor/countries-110m.json) projected with d3-geo, with
// markers for places. Nothing is fetched from anywhere but the server: no
// tiles, no CDN. d3 and topojson are the UMD builds loaded by index.html.

const svgNS = 'http://www.w3.org/2000/svg';

function el(tag, attrs = {}, ...children) {
  const e = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

let countries = null; // the outlines, read once

async function outlines() {
  if (!countries) {
    const r = await fetch('/vendor/countries-110m.json');
    if (!r.ok) throw new Error(`world map: ${r.status}`);
    const world = await r.json();
    countries = globalThis.topojson.feature(world, world.objects.countries).features;
  }
  return countries;
}

// frame is the region to show: the places' box with a margin, at least
// minSpan degrees wide and high, so that one place or a few close ones are
// shown with the countries around them.
function frame(points, minSpan = 10) {
  if (points.length === 0) return null;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const [lon, lat] of points) { w = Math.min(w, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat); }
  const grow = (lo, hi, min, limLo, limHi) => {
    const pad = Math.max((hi - lo) * 0.15, (min - (hi - lo)) / 2, 2);
    return [Math.max(limLo, lo - pad), Math.min(limHi, hi + pad)];
  };
  [w, e] = grow(w, e, minSpan * 1.6, -180, 180);
  [s, n] = grow(s, n, minSpan, -85, 85);
  return { type: 'MultiPoint', coordinates: [[w, s], [w, n], [e, s], [e, n], [(w + e) / 2, s], [(w + e) / 2, n]] };
}

// drawMap returns an <svg> with the countries, and for each marker
// {lon, lat, r, label, title, cls} a circle (and its label); with line, a
// path through the markers in their order. The map is an image for
// assistive technology (role=img with the label given): the page lists the
// same places as text beside it.
export async function drawMap({ label, markers, line = false, width = 960, height = 480 }) {
  const d3 = globalThis.d3;
  const feats = await outlines();
  const projection = d3.geoNaturalEarth1();
  const box = frame(markers.map((m) => [m.lon, m.lat]));
  if (box) projection.fitExtent([[8, 8], [width - 8, height - 8]], box);
  else projection.fitSize([width, height], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const svg = el('svg', { class: 'map', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, dir: 'ltr', 'data-markers': markers.length },
    el('title', {}, document.createTextNode(label)),
    el('path', { class: 'sea', d: path({ type: 'Sphere' }) }));
  const land = el('g', { class: 'countries' });
  for (const f of feats) {
    const d = path(f);
    if (d) land.append(el('path', { class: 'country', d, 'data-name': f.properties?.name }));
  }
  svg.append(land);
  if (line && markers.length > 1) {
    const d = path({ type: 'LineString', coordinates: markers.map((m) => [m.lon, m.lat]) });
    if (d) svg.append(el('path', { class: 'trail-line', d }));
  }
  // Names go under the markers, so that no name hides a place, and a name
  // that would overlap one placed before (the markers come most important
  // first) is left out: the marker's tooltip and the page's list name it.
  const names = el('g', { class: 'names' });
  const dots = el('g', { class: 'markers' });
  const taken = [];
  for (const m of markers) {
    const p = projection([m.lon, m.lat]);
    if (!p) continue;
    const [x, y] = p;
    const r = m.r || 6;
    const g = el('g', { class: `marker ${m.cls || ''}`, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`, 'data-key': m.key },
      el('title', {}, document.createTextNode(m.title || m.label || '')),
      el('circle', { r }));
    if (m.label) g.append(el('text', { class: 'marker-label', x: 0, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, document.createTextNode(m.label)));
    if (m.onclick) g.addEventListener('click', m.onclick);
    dots.append(g);
    if (m.name) {
      const box = [x + r + 2, y - 8, x + r + 4 + 7 * m.name.length, y + 8];
      if (!taken.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) {
        taken.push(box);
        names.append(el('text', { class: 'place-label', x: (x + r + 3).toFixed(1), y: y.toFixed(1), 'dominant-baseline': 'central' }, document.createTextNode(m.name)));
      }
    }
  }
  svg.append(names, dots);
  return svg;
}
