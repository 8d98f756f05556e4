// End-to-end tests of Athar's web interface: a real `athar serve` on
// loopback with a registry made from the UN list, driven in headless
// Chromium (Debian's, never a downloaded one) through playwright-core.
// Every request not to the local server is blocked: the interface must
// work with no network. Run through web/e2e/run.sh.
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = process.env.ATHAR_BIN;
const tmp = process.env.ATHAR_E2E_TMP;
const artefacts = join(here, 'artefacts');
const unXML = process.env.ATHAR_UN_XML || join(root, '..', 'shared', 'data', 'un', 'consolidated-2026-02-27.xml');
assert.ok(bin && tmp, 'run through web/e2e/run.sh');
if (!existsSync(unXML)) {
  // As internal/shareddata: skip where the shared data is absent, fail in CI.
  if (process.env.CI === 'true') { console.error(`e2e: the UN list is missing: ${unXML}`); process.exit(1); }
  console.log(`e2e: SKIP, no UN list at ${unXML}`);
  process.exit(0);
}
mkdirSync(artefacts, { recursive: true });

const started = Date.now();
const step = (s) => console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)}s ${s}`);

// ---- the registry, users and tokens, made with the CLI ----
const db = join(tmp, 'athar.db');
const cli = (...args) => execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
cli('import', '--db', db, '--format', 'un', unXML);
const users = [
  ['--org', 'hol', '--org-name', 'مخيم الهول / Al-Hol camp', '--role', 'screener', '--name', 'أمل حسن', 'amal'],
  ['--org', 'hol', '--role', 'analyst', '--name', 'Nadia Saleh', 'nadia'],
  ['--org', 'hol', '--role', 'auditor', '--name', 'Sami Karim', 'sami'],
  ['--org', 'rabia', '--org-name', 'معبر ربيعة / Rabia crossing', '--role', 'screener', '--name', 'Omar Aziz', 'omar'],
];
const token = {};
for (const u of users) {
  cli('users', 'add', '--db', db, ...u);
  const login = u.at(-1);
  token[login] = cli('tokens', 'create', '--db', db, login).split('\n').at(-1);
  assert.match(token[login], /^athar_/);
}
// News for the trails and the map: the three shared articles (two of
// which report the Sinai) and a short field report written for this test
// (testdata/field-report.txt), whose claims about Abu Bakr al-Baghdadi
// link to QDi.299.
const articles = join(root, '..', 'shared', 'data', 'articles');
for (const [source, file] of [['Asharq', 'hiding-among-civilians.txt'], ['Arabi21', 'havens-turkey-iran.txt'], ['Diyaruna', 'foreign-fighters-told-to-flee.txt']]) {
  cli('ingest', '--db', db, '--source', source, '--published', '2019-03-25', join(articles, file));
}
cli('ingest', '--db', db, '--source', 'Field report', '--published', '2019-11-01', join(here, 'testdata', 'field-report.txt'));
step('registry made');

// ---- the server ----
const server = spawn(bin, ['serve', '--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', (b) => { serverErr += b; });
const base = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`athar serve did not start: ${out} ${serverErr}`)), 30000);
  server.stdout.on('data', (b) => {
    out += b;
    const m = out.match(/http:\/\/(127\.0\.0\.1:\d+)/);
    if (m) { clearTimeout(timer); resolve(`http://${m[1]}`); }
  });
  server.on('exit', (code) => reject(new Error(`athar serve exited ${code}: ${serverErr}`)));
});
for (let i = 0; ; i++) { // the index builds in the background
  const r = await fetch(`${base}/readyz`).catch(() => null);
  if (r?.ok) break;
  assert.ok(i < 300, 'the server never became ready');
  await new Promise((r) => setTimeout(r, 100));
}
step(`server ready at ${base}`);

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // playwright-core gives every launch a fresh temporary profile
  // (--user-data-dir) of its own.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const axeSource = readFileSync(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const blocked = [];
const problems = [];

async function newPage(locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  // No network but the local server.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 40[134]/.test(m.text())) problems.push(`console: ${m.text()}`); });
  return page;
}

async function signIn(page, login) {
  await page.goto(base + '/');
  await page.getByLabel(/API token|رمز الدخول/).fill(token[login]);
  await page.locator('#signin button[type=submit]').click();
  await page.locator('#signout').waitFor();
}

async function shot(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
}

async function axe(page, what) {
  await page.evaluate(axeSource); // evaluated, not a script tag: the CSP allows none
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  if (v.length) problems.push(...v.map((s) => `axe on ${what}: ${s}`));
  step(`axe on ${what}: ${v.length} violations`);
}

async function screen(page, fields) {
  await page.locator('#screen-form').waitFor();
  for (const [id, value] of Object.entries(fields)) await page.locator(`#screen-form #${id}`).fill(value);
  await page.locator('#screen-form button[type=submit]').click();
  await page.locator('#results-h').waitFor();
}

try {
  // 1. An Arabic browser gets the Arabic, right-to-left interface.
  const page = await newPage('ar-IQ');
  await page.goto(base + '/');
  await page.locator('#signin').waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  await shot(page, '01-sign-in-ar');
  await axe(page, 'sign-in');
  // A wrong token is refused with a message, not a crash.
  await page.getByLabel(/رمز الدخول/).fill('athar_wrong');
  await page.locator('#signin button[type=submit]').click();
  await page.locator('#signin .error').waitFor();
  step('sign-in page, wrong token refused');

  await signIn(page, 'amal');
  await screen(page, { name: 'أبو بكر البغدادي' });
  const first = page.locator('.match').first();
  assert.equal(await first.getAttribute('data-id'), 'QDi.299', 'QDi.299 is not first');
  const units = first.locator('table.units tbody tr');
  assert.ok(await units.count() >= 2, 'the explanation shows no name units');
  assert.match(await units.first().innerText(), /أبو بكر/);
  assert.match(await first.locator('.capped').innerText(), /اسم مستعار ضعيف/, 'the cap is not given in Arabic on an Arabic page');
  assert.match(await first.locator('.score-value').innerText(), /^0\.\d\d$/);
  assert.ok(await first.locator('.badge.alert').isVisible(), 'an undecided hit does not alarm');
  const fontOK = await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'أثر'));
  assert.ok(fontOK, 'the embedded Arabic font did not load');
  await shot(page, '02-screen-results-ar');
  await axe(page, 'screening results');
  step('QDi.299 first, with its explanation');

  // 2. Decide: a false positive, remembered on the next screening.
  await first.locator('details.decide summary').click();
  await first.locator('input[value=false_positive]').check();
  const reason = 'الأب مختلف والعمر لا يطابق / another father';
  await first.locator('textarea[name=reason]').fill(reason);
  await first.locator('form.decision button[type=submit]').click();
  await page.locator('.match[data-id="QDi.299"] .review').waitFor();
  // Screen the same person again from a fresh page: the decision is the server's.
  await page.goto(base + '/#/screen');
  await page.reload();
  await screen(page, { name: 'أبو بكر البغدادي' });
  const again = page.locator('.match[data-id="QDi.299"]');
  await again.locator('.review').waitFor();
  assert.match(await again.locator('.review').innerText(), /another father/);
  assert.ok(await again.locator('.badge.noalert').isVisible(), 'a false positive still alarms');
  await shot(page, '03-false-positive-remembered-ar');
  step('false positive recorded and remembered');

  // 3. English, with the Arabic names isolated in it.
  await page.locator('#lang').click();
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('heading', { name: 'Screen a person' }).waitFor();
  assert.equal(await page.locator('.match[data-id="QDi.299"] .pair bdi').first().getAttribute('dir'), 'auto');
  assert.match(await page.locator('.match[data-id="QDi.299"] .pair').innerText(), /أبو بكر البغدادي/);
  await shot(page, '04-screen-results-en');
  await axe(page, 'screening results in English');
  step('switched to English');

  // 4. The registry: a Latin search finds the record; the record and its decisions.
  await page.goto(base + '/#/persons');
  await page.getByLabel('Search by name').fill('Abu Bakr al-Baghdadi');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('ul.persons a[href="#/persons/QDi.299"]').click();
  await page.getByRole('heading', { name: /IBRAHIM AWWAD/ }).waitFor();
  assert.match(await page.locator('main').innerText(), /إبراهيم عواد إبراهيم علي البدري السامرائي/);
  await page.locator('main .badge.false_positive').waitFor();
  await shot(page, '05-person-en');
  await axe(page, 'person');
  step('person view with its decision');

  // The decisions, filtered by outcome and by words of the reason.
  await page.goto(base + '/#/decisions');
  await page.getByLabel('Outcome').selectOption('false_positive');
  await page.getByLabel(/Search the reason/).fill('another father');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.locator('main table a[href="#/persons/QDi.299"]').waitFor();
  await page.getByLabel('Outcome').selectOption('confirmed_match');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.locator('main .empty').waitFor();
  step('decisions filtered');

  // 5. A small batch, its progress and its review queue.
  await page.goto(base + '/#/batch');
  await page.locator('#batch-file').setInputFiles({ name: 'crossing.csv', mimeType: 'text/csv',
    buffer: Buffer.from('id,name,birth_date\nc-1,أبو محمد الجولاني,\nc-2,محمد علي حسين,1990\nc-3,Ibrahim Awwad Ibrahim al-Badri,1971\n') });
  await page.locator('#batch-form button[type=submit]').click();
  await page.locator('.queue .match').first().waitFor();
  assert.equal(await page.locator('#batch-progress').getAttribute('value'), '3');
  assert.ok(await page.locator('.queue .match[data-id="QDi.299"]').count() >= 1, 'the batch queue lacks QDi.299');
  await shot(page, '06-batch-en');
  step('batch screened and queued for review');

  // 6. An Al-Hol analyst enters an AMBER record, then edits it.
  const analyst = await newPage('ar');
  await signIn(analyst, 'nadia');
  await analyst.goto(base + '/#/persons');
  await analyst.locator('a[href="#/persons/new"]').click();
  await analyst.locator('#e-names').fill('سعد عبد الكريم الزوبعي');
  await analyst.locator('#e-birth_date').fill('1984');
  await analyst.locator('#e-nationalities').fill('iq');
  assert.equal(await analyst.locator('#e-label').inputValue(), 'AMBER');
  await shot(analyst, '07-new-record-ar');
  await axe(analyst, 'new record');
  await analyst.locator('#edit-form button[type=submit]').click();
  await analyst.locator('a.button[href$="/edit"]').waitFor();
  const amberID = decodeURIComponent(analyst.url().split('#/persons/')[1]);
  await analyst.locator('a.button[href$="/edit"]').click();
  await analyst.locator('#e-names').fill('سعد عبد الكريم الزوبعي\nAbu Omar al-Iraqi');
  await analyst.locator('#edit-form button[type=submit]').click();
  await analyst.getByText('Abu Omar al-Iraqi').waitFor();
  assert.match(await analyst.locator('main').innerText(), /AMBER/);
  await shot(analyst, '08-record-edited-ar');
  step(`record ${amberID} entered and edited by an analyst`);

  // 7. Sharing labels: Al-Hol sees its AMBER record, Rabia does not.
  // (By keyboard alone: the name field, Tab to the next, Enter to screen.)
  await page.goto(base + '/#/screen');
  await page.locator('#screen-form #name').fill(''); // the last query is kept; start afresh
  await page.locator('#screen-form #name').focus();
  await page.keyboard.type('سعد عبد الكريم الزوبعي');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'father', 'Tab does not lead to the next field');
  await page.keyboard.press('Enter');
  await page.locator(`.match[data-id="${amberID}"]`).waitFor();
  assert.equal(await page.locator(`.match[data-id="${amberID}"]`).count(), 1, 'Al-Hol does not see its own AMBER record');
  const other = await newPage('en-GB');
  await signIn(other, 'omar');
  assert.equal(await other.getAttribute('html', 'dir'), 'ltr');
  await screen(other, { name: 'سعد عبد الكريم الزوبعي' });
  assert.equal(await other.locator(`.match[data-id="${amberID}"]`).count(), 0, 'another organisation sees an AMBER record');
  await other.goto(`${base}/#/persons/${amberID}`);
  await other.locator('main .error').waitFor();
  await shot(other, '09-other-org-no-amber-en');
  step('AMBER record hidden from another organisation');

  // 8. The auditor reads the log; screening is not theirs.
  const audit = await newPage('ar');
  await signIn(audit, 'sami');
  await audit.goto(base + '/#/audit');
  await audit.locator('table.audit tbody tr').first().waitFor();
  await audit.getByRole('button', { name: /التحقق/ }).click();
  await audit.locator('main .ok').waitFor();
  assert.equal(await audit.locator('nav a[href="#/screen"]').count(), 0);
  // The page offers no screening to an auditor, and the server refuses it.
  const status = await audit.evaluate(async () => (await fetch('/v1/screen', { method: 'POST',
    headers: { Authorization: `Bearer ${sessionStorage.getItem('athar.token')}` }, body: '{"query":{"name":"x"}}' })).status);
  assert.equal(status, 403, 'an auditor may screen');
  await shot(audit, '10-audit-ar');
  await axe(audit, 'audit');
  step('audit log read and verified');

  // 10. Where they went: the destinations map, a place's claims, the
  // filters, and QDi.299's reported trail on the map and as a timeline.
  const where = await newPage('ar-IQ');
  await signIn(where, 'omar');
  await where.locator('nav a[href="#/destinations"]').click();
  await where.locator('#destinations svg.map .marker').first().waitFor();
  const map = where.locator('#destinations svg.map');
  assert.ok(await map.locator('path.country').count() > 150, 'the map has no countries');
  const markers = await map.locator('.marker').count();
  assert.ok(markers >= 4, `${markers} places on the map`);
  assert.equal(await where.locator('ol.places > li').count(), markers);
  assert.equal(await where.getAttribute('svg.map', 'dir'), 'ltr');
  // Two outlets' reports of one place (the Sinai) are two independent
  // sources, and such a place comes first.
  assert.match(await where.locator('ol.places > li summary').first().innerText(), /[2-9] مصادر مستقلة/);
  assert.ok(await map.locator('.marker.strong').count() >= 1, 'no place with two sources is marked');
  // Dates are isolated left to right without the words around them, so
  // that حتى 2019-03-25 never shows as 25-03-2019 حتى.
  const whens = await where.locator('ol.places td.when').evaluateAll((tds) => tds.map((td) => [td.textContent, [...td.querySelectorAll('bdi[dir=ltr]')].map((b) => b.textContent)]));
  assert.ok(whens.length >= markers, `${whens.length} claims listed`);
  for (const [text, dates] of whens) assert.ok(dates.length === 1 && /^[\d–\s-]+$/.test(dates[0]), `date cell ${text}: ${dates}`);
  // Clicking a marker opens its place, with its claims and sources.
  await map.locator('.marker circle').first().click();
  const opened = where.locator('#place-1[open]');
  await opened.locator('table.claims tbody tr').first().waitFor();
  // (the toggle event comes a moment after the place opens)
  const marked = (n) => where.waitForFunction((n) => document.querySelectorAll('svg.map .marker.active').length === n, n, { timeout: 5000 });
  await marked(1);
  // By keyboard: the next place's summary, Enter, and it is marked too.
  await where.locator('ol.places summary').nth(1).focus();
  await where.keyboard.press('Enter');
  await where.locator('ol.places details').nth(1).locator('table.claims').waitFor();
  await marked(2);
  assert.match(await opened.locator('summary').innerText(), /مصدر مستقل|مصادر مستقلة/);
  await shot(where, '11-destinations-ar');
  await axe(where, 'destinations');
  // Filters: a later date keeps only the field report's places; a group
  // no claim names leaves none.
  await where.locator('#since').fill('2019-10-01');
  await where.locator('#where-form button[type=submit]').click();
  await where.waitForFunction(() => location.hash.includes('since=2019-10-01'));
  await where.locator('#destinations svg.map .marker').first().waitFor();
  const idlib = await where.locator('ol.places > li').allInnerTexts();
  // (Barisha, the village in Idlib where the field report says al-Baghdadi was killed)
  assert.ok(idlib.length >= 1 && idlib.length < markers && idlib.some((x) => /Barisha|Idlib/.test(x)), `since 2019-10-01: ${idlib.join(' | ')}`);
  await where.locator('#since').fill('');
  await where.locator('#group').fill('Baghdadi');
  await where.locator('#where-form button[type=submit]').click();
  await where.waitForFunction(() => location.hash.includes('group=Baghdadi'));
  await where.locator('#destinations svg.map .marker').first().waitFor();
  const his = await where.locator('ol.places > li').evaluateAll((lis) => lis.map((li) => li.textContent));
  assert.ok(his.length >= 1 && his.length < markers && his.every((x) => /Baghdadi/.test(x)), `group Baghdadi: ${his.join(' | ')}`);
  await where.locator('#group').fill('nobody at all');
  await where.locator('#where-form button[type=submit]').click();
  await where.locator('#destinations .empty').waitFor();
  step(`destinations map: ${markers} places, filters by date and group`);

  // The trail, opened from the form by keyboard, in English.
  await where.locator('#lang').click();
  await where.locator('#trail-id').fill('QDi.299');
  await where.locator('#trail-id').press('Enter');
  await where.locator('ol.timeline li').first().waitFor();
  assert.equal(await where.getAttribute('html', 'dir'), 'ltr');
  const stops = await where.locator('ol.timeline li').allInnerTexts();
  assert.equal(stops.length, 3, stops.join(' | '));
  assert.match(stops[0], /2017-07/);
  assert.match(stops[2], /killed in.*(Barisha|Idlib)/);
  const tmap = where.locator('main svg.map');
  await tmap.locator('.marker').nth(2).waitFor();
  assert.equal(await tmap.locator('.marker').count(), 3);
  assert.equal(await tmap.locator('path.trail-line').count(), 1);
  assert.ok(await tmap.locator('path.country').count() > 150);
  assert.ok(await where.locator('a[href="#/persons/QDi.299"]').count() >= 1, 'the trail does not link to the record');
  await shot(where, '12-trail-en');
  await axe(where, 'trail');
  await where.locator('#lang').click();
  await where.locator('ol.timeline li').nth(2).waitFor();
  assert.equal(await where.getAttribute('html', 'dir'), 'rtl');
  assert.match(await where.locator('ol.timeline li').nth(2).innerText(), /قُتل في/);
  await where.locator('main svg.map .marker').nth(2).waitFor();
  await shot(where, '13-trail-ar');
  await axe(where, 'trail in Arabic');
  // And a record leads to its trail.
  await where.goto(base + '/#/persons/QDi.299');
  await where.locator('#trail-link').click();
  await where.locator('ol.timeline li').nth(2).waitFor();
  step('QDi.299 trail: 3 claims on the map and the timeline');

  // 11. Nothing left the machine, and nothing went wrong in the pages.
  assert.deepEqual(blocked, [], `requests to the outside: ${blocked.join(', ')}`);
  assert.deepEqual(problems, [], problems.join('\n'));
  step('PASS');
} catch (err) {
  console.error(`e2e: FAIL: ${err.stack || err}`);
  for (const [i, c] of browser.contexts().entries()) {
    for (const [j, p] of c.pages().entries()) await p.screenshot({ path: join(artefacts, `failure-${i}-${j}.png`), fullPage: true }).catch(() => {});
  }
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
