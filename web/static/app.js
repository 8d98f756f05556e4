// Athar's web interface. Every piece of data comes from the /v1 API with
// the user's token; the page hides nothing the server would show and shows
// nothing the server would not.
import { messages, defaultLang } from './i18n.js';
import { drawMap } from './map.js';

const store = {
  get lang() { return localStorage.getItem('athar.lang') || defaultLang(navigator.languages); },
  set lang(v) { localStorage.setItem('athar.lang', v); },
  // The token lives in this tab's session only: a shared laptop at a
  // crossing must not keep it after the tab is closed.
  get token() { return sessionStorage.getItem('athar.token') || ''; },
  set token(v) { if (v) sessionStorage.setItem('athar.token', v); else sessionStorage.removeItem('athar.token'); },
};

let me = null; // the signed-in user, from /v1/me
const t = (key, ...args) => {
  const m = messages[store.lang][key] ?? messages.en[key] ?? key;
  return typeof m === 'function' ? m(...args) : m;
};
const tmap = (group, key) => messages[store.lang][group]?.[key] ?? key;

// h builds an element; strings become text nodes, never HTML, so a name
// from a list can never inject markup.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// bdi isolates data (a name, an id) in its own direction inside the page's.
const data = (s, attrs = {}) => h('bdi', { dir: 'auto', ...attrs }, s ?? '');

class APIError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Authorization: `Bearer ${store.token}`, ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Blob) init.body = body;
    else { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
  }
  const r = await fetch(path, init);
  if (r.status === 401 && path !== '/v1/me') {
    // Revoked or expired: back to sign in, once the caller has shown the error.
    signOut(); setTimeout(() => route(), 0);
    throw new APIError(401, t('badToken'));
  }
  const type = r.headers.get('Content-Type') || '';
  if (!r.ok) {
    let detail = r.statusText;
    if (/json/.test(type)) { try { detail = (await r.json()).detail || detail; } catch { /* keep the status text */ } }
    throw new APIError(r.status, detail);
  }
  // JSON Lines (a job's results) is text, not one JSON value.
  return /application\/(problem\+)?json/.test(type) ? r.json() : r.text();
}

const can = {
  screen: () => me && ['screener', 'analyst', 'admin'].includes(me.role),
  audit: () => me && me.role === 'auditor',
  edit: () => me && ['analyst', 'admin'].includes(me.role),
};

function errorBox(err) {
  const msg = err.status === 404 ? t('notFound') : err.status === 403 ? t('forbidden') : err.message;
  return h('p', { class: 'error', role: 'alert' }, `${t('error')}: `, data(msg));
}

const main = () => document.getElementById('main');
function setPage(title, ...content) {
  document.title = `${title} · ${t('title')}`;
  main().replaceChildren(h('h1', { tabindex: '-1' }, title), ...content.filter((c) => c !== null && c !== undefined && c !== ''));
}

// ---- chrome: header, language, navigation ----

function renderChrome() {
  const lang = store.lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  const links = [];
  if (me) {
    if (can.screen()) links.push(['#/screen', t('navScreen')], ['#/batch', t('navBatch')]);
    links.push(['#/persons', t('navRegistry')], ['#/decisions', t('navDecisions')], ['#/destinations', t('navWhere')]);
    if (can.audit()) links.push(['#/audit', t('navAudit')]);
  }
  const here = location.hash.split('?')[0];
  document.getElementById('header').replaceChildren(
    h('a', { class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); main().querySelector('h1')?.focus(); } }, t('skip')),
    h('div', { class: 'brand' }, h('span', { class: 'logo', lang: 'ar' }, 'أثر'), h('span', { class: 'sub' }, t('subtitle'))),
    me ? h('nav', { 'aria-label': 'main' }, h('ul', {}, links.map(([href, label]) =>
      h('li', {}, h('a', { href, 'aria-current': here.startsWith(href) ? 'page' : undefined }, label))))) : null,
    h('div', { class: 'who' },
      me ? h('span', { class: 'user' }, data(me.name || me.login), ' · ', data(me.org), ' · ', tmap('roleNames', me.role)) : null,
      h('button', { type: 'button', id: 'lang', lang: lang === 'ar' ? 'en' : 'ar', 'aria-label': t('switchLangLabel'),
        onclick: () => { store.lang = lang === 'ar' ? 'en' : 'ar'; route(); } }, t('switchLang')),
      me ? h('button', { type: 'button', id: 'signout', onclick: () => { signOut(); route(); } }, t('signOut')) : null),
  );
}

function signOut() { store.token = ''; me = null; }

// ---- sign in ----

function pageSignIn(message) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'token-help', spellcheck: 'false' });
  const status = h('div', { role: 'status', 'aria-live': 'polite' }, message ? h('p', { class: 'error' }, message) : null);
  const form = h('form', { id: 'signin', class: 'card narrow', onsubmit: async (e) => {
    e.preventDefault();
    store.token = input.value.trim();
    try {
      me = await api('GET', '/v1/me');
      location.hash = can.screen() ? '#/screen' : '#/persons';
      route();
    } catch (err) {
      signOut();
      status.replaceChildren(h('p', { class: 'error' }, err.status === 401 ? t('badToken') : err.message));
    }
  } },
  h('label', { for: 'token' }, t('tokenLabel')), input,
  h('p', { id: 'token-help', class: 'help' }, t('tokenHelp')),
  h('button', { type: 'submit', class: 'primary' }, t('signIn')), status);
  setPage(t('signIn'), form);
}

// ---- screening ----

function field(id, label, attrs = {}, help) {
  const describedBy = help ? `${id}-help` : undefined;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    attrs.tag === 'select'
      ? h('select', { id, name: id }, attrs.options.map(([v, l]) => h('option', { value: v }, l)))
      : h('input', { id, name: id, type: 'text', dir: 'auto', autocomplete: 'off', 'aria-describedby': describedBy, ...attrs }),
    help ? h('p', { id: describedBy, class: 'help' }, help) : null);
}

let lastScreen = null; // the last query and its answer, kept across a language switch

function pageScreen() {
  if (!can.screen()) return setPage(t('screenTitle'), h('p', { class: 'error' }, t('forbidden')));
  const results = h('section', { id: 'results', 'aria-live': 'polite', 'aria-labelledby': 'results-h' });
  const form = h('form', { id: 'screen-form', class: 'card grid', onsubmit: async (e) => {
    e.preventDefault();
    const q = queryFromForm(new FormData(form));
    results.replaceChildren(h('p', {}, t('screening')));
    try {
      lastScreen = await api('POST', '/v1/screen', { query: q, limit: 10 });
      renderResults(results, lastScreen);
    } catch (err) { results.replaceChildren(errorBox(err)); }
  } },
  field('name', t('fName'), { required: true }, t('fNameHelp')),
  field('father', t('fFather')), field('grandfather', t('fGrandfather')), field('family', t('fFamily')),
  field('mother_name', t('fMother')),
  field('birth_date', t('fBirth'), { pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', dir: 'ltr' }, t('fBirthHelp')),
  field('nationality', t('fNationality'), { dir: 'ltr' }, t('fNationalityHelp')),
  field('gender', t('fGender'), { tag: 'select', options: [['', t('gUnknown')], ['m', t('gM')], ['f', t('gF')]] }),
  field('document', t('fDocument'), { dir: 'ltr' }, t('fDocumentHelp')),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('screenButton'))));
  setPage(t('screenTitle'), h('p', {}, t('screenIntro')), form, results);
  if (lastScreen) {
    const q = lastScreen.results[0].query;
    for (const [k, v] of Object.entries(q)) if (form.elements[k] && typeof v === 'string') form.elements[k].value = v;
    if (q.documents?.[0]) form.elements.document.value = q.documents[0].number;
    renderResults(results, lastScreen);
  }
}

// queryFromForm makes the API's query: the name parts are written after
// the name in the usual Arabic order (given, father, grandfather, family).
function queryFromForm(fd) {
  const v = (k) => (fd.get(k) || '').toString().trim();
  const q = { name: ['name', 'father', 'grandfather', 'family'].map(v).filter(Boolean).join(' ') };
  for (const k of ['mother_name', 'birth_date', 'nationality', 'gender']) if (v(k)) q[k] = v(k);
  if (q.nationality) q.nationality = q.nationality.toUpperCase();
  if (v('document')) q.documents = [{ number: v('document') }];
  return q;
}

function renderResults(box, resp) {
  const res = resp.results[0];
  box.replaceChildren(
    h('h2', { id: 'results-h' }, t('results')),
    h('p', { class: 'meta' }, t('recordsSearched', resp.records, resp.threshold)),
    res.matches.length === 0 ? h('p', { class: 'empty' }, t('noMatches')) : '',
    h('ol', { class: 'matches' }, res.matches.map((m, i) => h('li', {}, matchCard(m, i + 1, res.query, () => rescreen(box, res.query))))));
}

async function rescreen(box, query) {
  try { lastScreen = await api('POST', '/v1/screen', { query, limit: 10 }); renderResults(box, lastScreen); }
  catch (err) { box.append(errorBox(err)); }
}

const pct = (x) => `${Math.round(x * 100)}%`;
const num = (x, d = 2) => (typeof x === 'number' ? x.toFixed(d) : '');

function matchCard(m, rank, query, onDecided) {
  const status = m.review
    ? h('span', { class: `badge ${m.review.outcome}` }, tmap('outcomes', m.review.outcome) ?? m.review.outcome)
    : null;
  return h('article', { class: `match ${m.alert ? 'alerting' : 'quiet'}`, 'data-id': m.id, 'aria-labelledby': `m-${rank}-${m.id}` },
    h('header', {},
      h('span', { class: 'rank' }, `${rank}`),
      h('h3', { id: `m-${rank}-${m.id}` }, data(m.name)),
      h('a', { class: 'id', href: `#/persons/${encodeURIComponent(m.id)}` }, data(m.id, { dir: 'ltr' })),
      h('span', { class: `badge ${m.alert ? 'alert' : 'noalert'}` }, m.alert ? t('alert') : t('noAlert')), status),
    h('div', { class: 'score', role: 'group', 'aria-label': t('score') },
      h('span', {}, `${t('score')}: `, h('strong', { class: 'score-value' }, num(m.score, 2))),
      h('meter', { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 0, value: m.score, 'aria-label': `${t('score')} ${num(m.score, 2)}` })),
    m.review ? reviewBox(m.review) : null,
    explanation(m.explanation),
    decisionForm(m, query, onDecided));
}

function reviewBox(r) {
  return h('div', { class: 'review', role: 'note' },
    h('strong', {}, t('reviewed'), ': ', tmap('outcomes', r.outcome)), ' — ',
    data(r.officer), ' · ', data(r.org), ' · ', data(`${r.decided_at.slice(0, 16).replace('T', ' ')} UTC`, { dir: 'ltr' }),
    h('blockquote', {}, data(r.reason)));
}

function explanation(x) {
  if (!x) return null;
  const n = x.name;
  const parts = [];
  if (n) {
    parts.push(h('dl', { class: 'pair' },
      h('dt', {}, t('queryName')), h('dd', {}, data(n.query)),
      h('dt', {}, t('listedName')), h('dd', {}, data(n.listed), ' ', h('span', { class: 'kind' }, `(${tmap('kinds', n.listed_kind)})`))));
    if (n.units?.length) {
      parts.push(h('table', { class: 'units' },
        h('caption', {}, t('nameCompared')),
        h('thead', {}, h('tr', {}, [t('unitQuery'), '⟷', t('unitListed'), t('unitRole'), t('unitHow'), t('unitSimilarity'), t('unitRarity')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, n.units.map((u) => h('tr', { class: `how-${u.how}` },
          h('td', {}, data(u.query)), h('td', { 'aria-hidden': 'true', class: 'link' }, '⟷'), h('td', {}, data(u.listed)),
          h('td', {}, tmap('roles', u.role || 'unknown')), h('td', {}, h('span', { class: `how ${u.how}` }, tmap('hows', u.how))),
          h('td', {}, bar(u.similarity)), h('td', { class: 'num' }, num(u.rarity, 1)))))));
    }
    const left = (label, items, cls) => (items?.length
      ? h('p', { class: `left ${cls}` }, `${label}: `, items.map((s) => h('span', { class: 'chip' }, data(s)))) : null);
    parts.push(left(t('leftQuery'), n.query_left, 'q'), left(t('leftListed'), n.listed_left, 'l'));
    if (n.notes?.length) parts.push(h('ul', { class: 'notes', 'aria-label': t('notes') }, n.notes.map((s) => h('li', { lang: 'en', dir: 'ltr' }, s))));
  }
  parts.push(h('h4', {}, t('facts')));
  if (!x.features?.length) parts.push(h('p', { class: 'help' }, t('noFacts')));
  else {
    parts.push(h('table', { class: 'features' },
      h('thead', {}, h('tr', {}, [t('fact'), t('outcome'), t('queryName'), t('listedName'), t('weight')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, x.features.map((f) => h('tr', { class: f.weight >= 0 ? 'agree' : 'contradict' },
        h('td', {}, tmap('features', f.feature)), h('td', {}, h('span', { lang: 'en', dir: 'ltr' }, f.outcome), ' ',
          h('span', { class: 'sense' }, f.weight >= 0 ? `(${t('agrees')})` : `(${t('contradicts')})`)),
        h('td', {}, data(f.query)), h('td', {}, data(f.listed)),
        h('td', { class: 'num', dir: 'ltr' }, (f.weight > 0 ? '+' : '') + num(f.weight, 1)))))));
  }
  if (x.capped) {
    // The screener gives the reason as a code the page translates; an
    // unknown code falls back to its English words.
    const reason = messages[store.lang].capReasons?.[x.cap_reason];
    const text = reason ? h('span', { dir: 'auto' }, reason(num(x.cap, 2))) : h('span', { lang: 'en', dir: 'ltr' }, x.capped);
    parts.push(h('p', { class: 'capped' }, h('strong', {}, `${t('capped')}: `), text));
  }
  parts.push(h('p', { class: 'help', dir: 'auto' }, t('logit', num(x.prior, 1), num(x.logit, 2))));
  return h('details', { class: 'explanation', open: true }, h('summary', {}, t('explanation')), parts);
}

function bar(x) {
  const fill = h('span', { class: 'fill' });
  fill.style.inlineSize = pct(x); // through the CSSOM: the CSP allows no style attribute
  return h('span', { class: 'bar' }, h('span', { class: 'track', 'aria-hidden': 'true' }, fill), h('span', { class: 'val' }, pct(x)));
}

let formSeq = 0;
function decisionForm(m, query, onDecided) {
  const id = `d${++formSeq}`;
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const outcomes = [['confirmed_match', t('oMatch')], ['false_positive', t('oFalse')], ['needs_more_information', t('oMore')]];
  const form = h('form', { class: 'decision', onsubmit: async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    try {
      await api('POST', '/v1/decisions', { query, person_id: m.id, outcome: fd.get('outcome'), reason: fd.get('reason'), officer: fd.get('officer'), label: fd.get('label') });
      status.replaceChildren(h('p', { class: 'ok' }, t('decisionSaved')));
      onDecided?.();
    } catch (err) { status.replaceChildren(errorBox(err)); }
  } },
  h('fieldset', {}, h('legend', {}, t('decide')),
    outcomes.map(([v, l]) => h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'outcome', value: v, required: true }), ' ', l))),
  h('div', { class: 'field' }, h('label', { for: `${id}-reason` }, t('reason')),
    h('textarea', { id: `${id}-reason`, name: 'reason', required: true, rows: 2, dir: 'auto', 'aria-describedby': `${id}-rh` }),
    h('p', { id: `${id}-rh`, class: 'help' }, t('reasonHelp'))),
  h('div', { class: 'row' },
    h('div', { class: 'field' }, h('label', { for: `${id}-officer` }, t('officer')),
      h('input', { id: `${id}-officer`, name: 'officer', required: true, dir: 'auto', value: me?.name || me?.login || '' })),
    h('div', { class: 'field' }, h('label', { for: `${id}-label` }, t('label')),
      h('select', { id: `${id}-label`, name: 'label' }, ['AMBER', 'GREEN', 'RED'].map((l) => h('option', { value: l }, l))))),
  h('button', { type: 'submit' }, t('saveDecision')), status);
  return h('details', { class: 'decide' }, h('summary', {}, t('decide')), form);
}

// ---- registry ----

async function pageRegistry(params) {
  const q = params.get('q') || '';
  const input = h('input', { id: 'q', name: 'q', type: 'search', dir: 'auto', value: q, required: true });
  const list = h('section', { 'aria-live': 'polite' });
  const form = h('form', { role: 'search', class: 'card row', onsubmit: (e) => {
    e.preventDefault(); location.hash = `#/persons?q=${encodeURIComponent(input.value.trim())}`;
  } }, h('div', { class: 'field grow' }, h('label', { for: 'q' }, t('searchLabel')), input), h('button', { type: 'submit', class: 'primary' }, t('search')));
  setPage(t('registryTitle'), can.edit() ? h('p', {}, h('a', { href: '#/persons/new', class: 'button' }, t('newRecord'))) : '', form, list);
  if (!q) return;
  list.replaceChildren(h('p', {}, t('loading')));
  try {
    const r = await api('GET', `/v1/persons?name=${encodeURIComponent(q)}&limit=20`);
    list.replaceChildren(r.results.length === 0 ? h('p', { class: 'empty' }, t('noResults')) : h('ul', { class: 'plain persons' }, r.results.map((p) => h('li', {},
      h('a', { href: `#/persons/${encodeURIComponent(p.id)}` }, data(p.name)), ' ', h('span', { class: 'id' }, data(p.id, { dir: 'ltr' })), ' ', h('span', { class: 'meta' }, num(p.score, 2))))));
  } catch (err) { list.replaceChildren(errorBox(err)); }
}

async function pagePerson(id) {
  setPage(id, h('p', {}, t('loading')));
  let p;
  try { p = await api('GET', `/v1/persons/${encodeURIComponent(id)}`); } catch (err) { return setPage(id, errorBox(err)); }
  const primary = p.names?.find((n) => n.kind === 'primary') || p.names?.[0];
  const section = (title, ...c) => h('section', { class: 'card' }, h('h2', {}, title), ...c);
  const decisions = h('div', {}, t('loading'));
  setPage(primary?.full || id,
    can.edit() && p.provenance?.dataset === 'manual' && p.owner === me.org
      ? h('p', {}, h('a', { href: `#/persons/${encodeURIComponent(p.id)}/edit`, class: 'button' }, t('editRecord'))) : '',
    h('p', { class: 'meta' }, data(p.id, { dir: 'ltr' }), ' · ', p.kind, p.label ? ` · ${p.label}` : '', p.owner ? h('span', {}, ' · ', t('owner'), ': ', data(p.owner)) : ''),
    section(t('personNames'), h('table', {}, h('thead', {}, h('tr', {}, [t('personNames'), t('script'), t('kind')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, (p.names || []).map((n) => h('tr', {}, h('td', { class: 'name' }, data(n.full)), h('td', {}, n.script), h('td', {}, tmap('kinds', n.kind))))))),
    section(t('personDetails'), h('dl', { class: 'facts' },
      h('dt', {}, t('birthDates')), h('dd', {}, list((p.birth_dates || []).map((b) => [data(b.date, { dir: 'ltr' }), b.qualifier ? ` (${b.qualifier})` : '']))),
      h('dt', {}, t('nationalities')), h('dd', {}, (p.nationalities || []).join(', ') || '—'),
      h('dt', {}, t('documents')), h('dd', {}, list((p.documents || []).map((d) => [d.type, ': ', data(d.number, { dir: 'ltr' }), d.note ? [' — ', data(d.note)] : '']))),
      h('dt', {}, t('lists')), h('dd', {}, list((p.lists || []).map((l) => [data(l.list), ' ', data(l.reference || ''), l.listed_on ? ` · ${l.listed_on}` : '']))),
      h('dt', {}, t('provenance')), h('dd', {}, data([p.provenance?.dataset, p.provenance?.version, p.provenance?.source_id, p.provenance?.entered_by].filter(Boolean).join(' · '))))),
    p.remarks ? section(t('remarks'), h('p', { dir: 'auto' }, p.remarks)) : null,
    section(t('decisionsOn'), decisions),
    h('p', {}, h('a', { href: `#/trails/${encodeURIComponent(p.id)}`, id: 'trail-link' }, t('viewTrail'))));
  try {
    const d = await api('GET', `/v1/decisions?person_id=${encodeURIComponent(id)}&limit=50`);
    decisions.replaceChildren(decisionTable(d.decisions));
  } catch (err) { decisions.replaceChildren(errorBox(err)); }
}

function list(items) {
  return items.length ? h('ul', { class: 'plain' }, items.map((c) => h('li', {}, c))) : '—';
}

function decisionTable(ds) {
  if (!ds.length) return h('p', { class: 'empty' }, t('noDecisions'));
  return h('table', {}, h('thead', {}, h('tr', {}, [t('at'), t('outcome'), t('reason'), t('officer'), t('target')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ds.map((d) => h('tr', {},
      h('td', {}, data((d.created_at || '').slice(0, 16).replace('T', ' '), { dir: 'ltr' })),
      h('td', {}, h('span', { class: `badge ${d.outcome}` }, tmap('outcomes', d.outcome))),
      h('td', {}, data(d.reason)), h('td', {}, data(d.officer)),
      h('td', {}, h('a', { href: `#/persons/${encodeURIComponent(d.person_id)}` }, data(d.person_id, { dir: 'ltr' })))))));
}

async function pageDecisions(params) {
  const q = params.get('q') || '';
  const outcome = params.get('outcome') || '';
  const list = h('section', { 'aria-live': 'polite' }, t('loading'));
  const form = h('form', { role: 'search', class: 'card row', onsubmit: (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const p = new URLSearchParams();
    for (const k of ['q', 'outcome']) if (fd.get(k)) p.set(k, fd.get(k));
    location.hash = `#/decisions?${p}`;
  } },
  h('div', { class: 'field grow' }, h('label', { for: 'dq' }, t('decisionSearch')), h('input', { id: 'dq', name: 'q', type: 'search', dir: 'auto', value: q })),
  h('div', { class: 'field' }, h('label', { for: 'doutcome' }, t('outcome')),
    h('select', { id: 'doutcome', name: 'outcome' }, [['', '—'], ['confirmed_match', tmap('outcomes', 'confirmed_match')], ['false_positive', tmap('outcomes', 'false_positive')],
      ['needs_more_information', tmap('outcomes', 'needs_more_information')]].map(([v, l]) => h('option', { value: v, selected: v === outcome }, l)))),
  h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, t('search'))));
  setPage(t('decisionsTitle'), form, list);
  const p = new URLSearchParams({ limit: '100' });
  if (q) p.set('q', q);
  if (outcome) p.set('outcome', outcome);
  try {
    const d = await api('GET', `/v1/decisions?${p}`);
    list.replaceChildren(decisionTable(d.decisions));
  } catch (err) { list.replaceChildren(errorBox(err)); }
}

// ---- entering and editing records (analysts) ----

const arabic = /[\u0600-\u06FF]/;

// pageEdit enters a record by hand, or edits one entered by hand. The form
// covers the fields an analyst types; an edit keeps the record's other
// fields, and each name it still lists, as they were.
async function pageEdit(id) {
  const title = id ? t('editRecord') : t('newRecord');
  if (!can.edit()) return setPage(title, h('p', { class: 'error' }, t('forbidden')));
  let p = { kind: 'person', names: [], label: 'AMBER' };
  if (id) {
    try { p = await api('GET', `/v1/persons/${encodeURIComponent(id)}`); } catch (err) { return setPage(title, errorBox(err)); }
  }
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const area = (name, label, value, help) => h('div', { class: 'field wide' }, h('label', { for: `e-${name}` }, label),
    h('textarea', { id: `e-${name}`, name, rows: 3, dir: 'auto', 'aria-describedby': help ? `e-${name}-help` : undefined }, value || ''),
    help ? h('p', { id: `e-${name}-help`, class: 'help' }, help) : null);
  const input = (name, label, value, attrs = {}, help) => {
    const f = field(`e-${name}`, label, { name, value: value || '', ...attrs }, help);
    return f;
  };
  const form = h('form', { id: 'edit-form', class: 'card grid', onsubmit: async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const v = (k) => (fd.get(k) || '').toString().trim();
    const lines = v('names').split('\n').map((s) => s.trim()).filter(Boolean);
    const old = new Map((p.names || []).map((n) => [n.full, n]));
    const rec = { ...p };
    delete rec.provenance;
    rec.names = lines.map((full, i) => old.get(full) || { full, script: arabic.test(full) ? 'Arab' : 'Latn', kind: i === 0 ? 'primary' : 'alias' });
    rec.birth_dates = v('birth_date') ? [{ ...(p.birth_dates?.[0] || {}), date: v('birth_date') }, ...(p.birth_dates || []).slice(1)] : (p.birth_dates || []).slice(1);
    rec.nationalities = v('nationalities').split(/[;,\s]+/).filter(Boolean).map((s) => s.toUpperCase());
    rec.gender = v('gender') || undefined;
    rec.mother_name = v('mother_name') || undefined;
    rec.documents = v('document') ? [{ ...(p.documents?.[0] || {}), type: (p.documents?.[0]?.type) || 'national_id', number: v('document') }, ...(p.documents || []).slice(1)] : (p.documents || []).slice(1);
    rec.remarks = v('remarks') || undefined;
    rec.label = v('label');
    try {
      const saved = id ? await api('PUT', `/v1/persons/${encodeURIComponent(id)}`, rec) : await api('POST', '/v1/persons', rec);
      location.hash = `#/persons/${encodeURIComponent(saved.id)}`;
    } catch (err) { status.replaceChildren(errorBox(err)); }
  } },
  area('names', t('eNames'), (p.names || []).map((n) => n.full).join('\n'), t('eNamesHelp')),
  input('birth_date', t('fBirth'), p.birth_dates?.[0]?.date, { dir: 'ltr', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }, t('fBirthHelp')),
  input('nationalities', t('nationalities'), (p.nationalities || []).join('; '), { dir: 'ltr' }, t('fNationalityHelp')),
  h('div', { class: 'field' }, h('label', { for: 'e-gender' }, t('fGender')),
    h('select', { id: 'e-gender', name: 'gender' }, [['', t('gUnknown')], ['m', t('gM')], ['f', t('gF')]].map(([val, l]) => h('option', { value: val, selected: p.gender === val }, l)))),
  input('mother_name', t('fMother'), p.mother_name),
  input('document', t('fDocument'), p.documents?.[0]?.number, { dir: 'ltr' }),
  h('div', { class: 'field' }, h('label', { for: 'e-label' }, t('label')),
    h('select', { id: 'e-label', name: 'label' }, ['AMBER', 'GREEN', 'RED', 'CLEAR'].map((l) => h('option', { value: l, selected: (p.label || 'CLEAR') === l }, l)))),
  area('remarks', t('remarks'), p.remarks),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('save'))), status);
  form.querySelector('#e-names').required = true;
  setPage(id ? `${title}: ${id}` : title, h('p', {}, t('editIntro')), form);
}

// ---- batch ----

function pageBatch() {
  if (!can.screen()) return setPage(t('batchTitle'), h('p', { class: 'error' }, t('forbidden')));
  const out = h('section', { 'aria-live': 'polite' });
  const file = h('input', { id: 'batch-file', name: 'file', type: 'file', accept: '.csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson', required: true });
  const form = h('form', { id: 'batch-form', class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) return;
    const format = /\.csv$/i.test(f.name) ? 'csv' : 'jsonl';
    try {
      const job = await api('POST', `/v1/jobs?format=${format}`, f, { 'Content-Type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
      await followJob(out, job.id);
    } catch (err) { out.replaceChildren(errorBox(err)); }
  } }, h('p', {}, t('batchIntro')), h('div', { class: 'field' }, h('label', { for: 'batch-file' }, t('batchFile')), file),
  h('button', { type: 'submit', class: 'primary' }, t('upload')));
  setPage(t('batchTitle'), form, out);
}

async function followJob(out, id) {
  const progress = h('progress', { id: 'batch-progress', max: 1, value: 0, 'aria-label': t('progress') });
  const label = h('span', { class: 'meta' });
  out.replaceChildren(h('h2', {}, t('progress')), progress, ' ', label);
  for (;;) {
    const j = await api('GET', `/v1/jobs/${encodeURIComponent(id)}`);
    progress.max = Math.max(1, j.queries); progress.value = j.done;
    label.textContent = `${j.done} / ${j.queries} · ${j.status}`;
    if (j.status === 'done') break;
    if (j.status === 'failed') { out.append(h('p', { class: 'error', role: 'alert' }, data(j.error || j.status))); return; }
    await new Promise((r) => setTimeout(r, 500));
  }
  const text = await api('GET', `/v1/jobs/${encodeURIComponent(id)}/results`);
  const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const queue = h('ol', { class: 'queue' });
  out.append(h('p', {}, h('a', { href: url, download: `${id}.jsonl` }, t('download'))), h('h2', {}, t('queue')), queue);
  for (const line of lines) {
    if (line.error) { queue.append(h('li', {}, h('p', { class: 'error' }, `${line.line}: `, data(line.error)))); continue; }
    const hits = (line.matches || []).filter((m) => m.alert);
    if (!hits.length) continue;
    const item = h('li', { class: 'queue-item' });
    const show = (ms) => item.replaceChildren(h('h3', {}, data(line.query_id), ': ', data(line.query.name || (line.query.names || [])[0])),
      ...ms.map((m, i) => matchCard(m, i + 1, line.query, async () => {
        const r = await api('POST', '/v1/screen', { query: line.query, limit: 10 });
        show(r.results[0].matches);
      })));
    show(hits);
    queue.append(item);
  }
  if (!queue.children.length) queue.replaceWith(h('p', { class: 'empty' }, t('noMatches')));
}

// ---- audit ----

async function pageAudit(params) {
  if (!can.audit()) return setPage(t('auditTitle'), h('p', { class: 'error' }, t('forbidden')));
  const after = Number(params.get('after') || 0);
  const verdict = h('div', { role: 'status', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', onclick: async () => {
    try {
      const v = await api('GET', '/v1/audit/verify');
      verdict.replaceChildren(h('p', { class: v.intact ? 'ok' : 'error' }, v.intact ? t('intact', v.entries) : t('broken', v.broken_at, v.reason)));
    } catch (err) { verdict.replaceChildren(errorBox(err)); }
  } }, t('verify'));
  setPage(t('auditTitle'), verify, verdict, h('p', {}, t('loading')));
  try {
    const a = await api('GET', `/v1/audit?after=${after}&limit=100`);
    main().lastChild.replaceWith(h('div', { class: 'scroll' }, h('table', { class: 'audit' },
      h('thead', {}, h('tr', {}, ['#', t('at'), t('actor'), t('action'), t('target')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, a.entries.map((e) => h('tr', {}, h('td', { class: 'num' }, e.seq), h('td', {}, data((e.at || '').slice(0, 19).replace('T', ' '), { dir: 'ltr' })),
        h('td', {}, data(e.actor)), h('td', {}, data(e.action, { dir: 'ltr' })), h('td', {}, data(e.target || '')))))),
    a.next && a.entries.length ? h('p', {}, h('a', { href: `#/audit?after=${a.next}` }, t('more'))) : null));
  } catch (err) { main().lastChild.replaceWith(errorBox(err)); }
}

// ---- trails and destinations: claims from the news, on a map ----

function claimWhen(c) {
  if (c.date_start && c.date_start === c.date_end) return c.date_start;
  if (c.date_start) return `${c.date_start} – ${c.date_end}`;
  if (c.date_end) return t('byDate', c.date_end);
  return t('undated');
}

// whenNode is claimWhen for the page: the dates isolated left to right,
// the words around them in the page's direction (حتى 2019-03-25, never
// 25-03-2019 حتى).
function whenNode(c) {
  if (c.date_start) return data(claimWhen(c), { dir: 'ltr' });
  if (c.date_end) return [t('byWord'), ' ', data(c.date_end, { dir: 'ltr' })];
  return t('undated');
}

// mapBox draws the map into a figure once the outlines are read; the
// page's text lists everything the map shows.
function mapBox(opts) {
  const fig = h('figure', { class: 'map-box' }, h('p', { class: 'meta' }, t('loading')));
  drawMap(opts).then((svg) => fig.replaceChildren(svg)).catch((err) => fig.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('mapMissing'), ' ', data(err.message))));
  return fig;
}

// placeOf is a place's gazetteer name, with the words the text used for it
// when they differ (هجين, محافظة إدلب, with any clitic it bore: والبوكمال),
// each in its own direction. The map labels use the gazetteer's name only.
function placeOf(name, written) {
  return [data(name), written && written !== name ? [' ', h('span', { class: 'written', lang: 'ar' }, '(', data(written), ')')] : ''];
}

function claimTable(cs, withSubject) {
  return h('table', { class: 'claims' },
    h('thead', {}, h('tr', {}, [t('when'), t('claimType'), withSubject ? t('subject') : t('places'), t('certainty'), t('sourceGrade'), t('evidence')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, cs.map((c) => h('tr', {},
      h('td', { class: 'when' }, whenNode(c)),
      h('td', {}, tmap('claimTypes', c.type)),
      h('td', {}, withSubject
        ? h('a', { href: `#/trails/${encodeURIComponent(c.registry_id || c.subject)}` }, data(c.subject))
        : [placeOf(c.place_name, c.place_text), c.country ? [' ', data(c.country, { dir: 'ltr' })] : '']),
      h('td', { class: 'num' }, num(c.certainty, 2)),
      h('td', {}, data(c.source), ' ', data(`${c.reliability || 'F'}${c.credibility || 6}`, { dir: 'ltr' }),
        c.attribution ? h('div', { class: 'meta' }, `${t('attribution')}: `, data(c.attribution)) : null),
      h('td', { class: 'evidence', dir: 'auto', lang: 'ar' }, c.evidence)))));
}

function trailForm(value = '') {
  const input = h('input', { id: 'trail-id', name: 'trail-id', type: 'text', dir: 'auto', autocomplete: 'off', value, required: true, 'aria-describedby': 'trail-id-help' });
  return h('form', { class: 'card row', id: 'trail-form', 'aria-labelledby': 'trail-form-h', onsubmit: (e) => {
    e.preventDefault(); location.hash = `#/trails/${encodeURIComponent(input.value.trim())}`;
  } },
  h('h2', { id: 'trail-form-h', class: 'grow-all' }, t('trailLookup')),
  h('div', { class: 'field grow' }, h('label', { for: 'trail-id' }, t('fTrail')), input, h('p', { id: 'trail-id-help', class: 'help' }, t('fTrailHelp'))),
  h('button', { type: 'submit', class: 'primary' }, t('openTrail')));
}

async function pageDestinations(params) {
  const since = params.get('since') || '';
  const group = params.get('group') || '';
  const out = h('section', { id: 'destinations', 'aria-live': 'polite' }, h('p', {}, t('loading')));
  const form = h('form', { class: 'card row', id: 'where-form', onsubmit: (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const k of ['since', 'group']) { const v = form.elements[k].value.trim(); if (v) q.set(k, v); }
    location.hash = `#/destinations?${q}`;
  } },
  field('since', t('fSince'), { value: since, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', dir: 'ltr' }, t('fSinceHelp')),
  field('group', t('fGroup'), { value: group }, t('fGroupHelp')),
  h('button', { type: 'submit', class: 'primary' }, t('show')));
  setPage(t('whereTitle'), h('p', {}, t('whereIntro')), form, out, trailForm());
  let r;
  try {
    const q = new URLSearchParams();
    if (since) q.set('since', since);
    if (group) q.set('group', group);
    r = await api('GET', `/v1/destinations?${q}`);
  } catch (err) { return out.replaceChildren(errorBox(err)); }
  const ds = r.destinations;
  if (ds.length === 0) return out.replaceChildren(h('p', { class: 'empty' }, t('noClaims')));
  const items = ds.map((d, i) => {
    const key = `place-${i + 1}`;
    // Opening a place in the list (by keyboard too) marks it on the map.
    const mark = (e) => document.querySelector(`svg.map .marker[data-key="${key}"]`)?.classList.toggle('active', e.target.open);
    return h('li', {}, h('details', { id: key, 'data-place': d.place, ontoggle: mark },
      h('summary', {}, h('span', { class: 'place' }, placeOf(d.place, d.claim_list[0]?.place_text)), d.country ? [' ', h('span', { class: 'id' }, data(d.country, { dir: 'ltr' }))] : '',
        ' · ', h('span', { class: 'meta counts' }, t('placeSummary', d.claims, d.independent_sources))),
      h('dl', { class: 'facts' },
        h('dt', {}, t('sources')), h('dd', {}, d.sources.map((s) => h('span', { class: 'chip' }, data(s)))),
        h('dt', {}, t('subjects')), h('dd', {}, d.subjects.map((s) => h('a', { class: 'chip', href: `#/trails/${encodeURIComponent(s)}` }, data(s))))),
      claimTable(d.claim_list, true)));
  });
  const open = (key) => { const det = document.getElementById(key); if (det) { det.open = true; det.querySelector('summary').focus(); } };
  const markers = ds.map((d, i) => ({
    key: `place-${i + 1}`, lon: d.lon, lat: d.lat, r: 5 + 3 * Math.sqrt(d.independent_sources), label: String(d.independent_sources),
    title: `${d.place}: ${t('placeSummary', d.claims, d.independent_sources)}`, name: d.place, cls: d.independent_sources > 1 ? 'strong' : '',
    onclick: () => open(`place-${i + 1}`),
  }));
  out.replaceChildren(mapBox({ label: t('mapLabel', ds.length), markers }),
    h('h2', {}, t('places')), h('ol', { class: 'plain places' }, items));
}

async function pageTrail(id) {
  setPage(t('trailTitle'), h('p', {}, t('loading')));
  let r;
  try { r = await api('GET', `/v1/trails/${encodeURIComponent(id)}`); } catch (err) { return setPage(t('trailTitle'), errorBox(err)); }
  const cs = r.claims;
  const linked = cs.find((c) => c.registry_id)?.registry_id;
  const names = [...new Set(cs.flatMap((c) => [c.subject, c.subject_text]).filter(Boolean))];
  const head = h('p', { class: 'meta' }, names.length ? names.map((n, i) => [i ? ' · ' : '', h('strong', {}, data(n))]) : data(id), linked ? [' · ', h('a', { href: `#/persons/${encodeURIComponent(linked)}` }, t('openRecord'), ' ', data(linked, { dir: 'ltr' }))] : '');
  if (cs.length === 0) return setPage(t('trailTitle'), head, h('p', { class: 'empty' }, t('noClaims')), trailForm(id));
  const markers = cs.map((c, i) => ({ key: `claim-${c.id}`, lon: c.lon, lat: c.lat, r: 10, label: String(i + 1),
    title: `${i + 1}. ${claimWhen(c)} ${tmap('claimTypes', c.type)} ${c.place_name}`, name: c.place_name, cls: `t-${c.type}` }));
  setPage(t('trailTitle'), head, h('p', {}, t('trailIntro')),
    mapBox({ label: t('trailMapLabel', cs.length), markers, line: true }),
    h('section', { class: 'card' }, h('h2', {}, t('timeline')),
      h('ol', { class: 'timeline' }, cs.map((c, i) => h('li', { id: `claim-${c.id}` },
        h('div', { class: 'tl-head' }, h('span', { class: 'rank', 'aria-hidden': 'true' }, String(i + 1)), ' ',
          h('strong', {}, whenNode(c)), ' · ', tmap('claimTypes', c.type), ' ', h('span', { class: 'place' }, placeOf(c.place_name, c.place_text)),
          c.country ? [' (', data(c.country, { dir: 'ltr' }), ')'] : ''),
        h('div', { class: 'meta' }, `${t('certainty')}: ${num(c.certainty, 2)} · ${t('sources')}: `, data(c.source), ' ', data(`${c.reliability || 'F'}${c.credibility || 6}`, { dir: 'ltr' }),
          c.attribution ? [' · ', `${t('attribution')}: `, data(c.attribution)] : ''),
        h('blockquote', { class: 'evidence', dir: 'auto', lang: 'ar' }, c.evidence))))),
    trailForm(id));
}

// ---- routing ----

async function route() {
  if (store.token && !me) {
    try { me = await api('GET', '/v1/me'); } catch (err) { signOut(); renderChrome(); return pageSignIn(err.status === 401 ? t('badToken') : err.message); }
  }
  renderChrome();
  if (!me) return pageSignIn();
  // A bookmarked /persons/QDi.299 (the server gives this page for any
  // page address) reads as #/persons/QDi.299.
  const [path, query] = (location.hash ? location.hash.replace(/^#/, '') : location.pathname + location.search).split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'screen': return pageScreen();
    case 'batch': return pageBatch();
    case 'persons':
      if (parts[1] === 'new') return pageEdit(null);
      if (parts[2] === 'edit') return pageEdit(parts[1]);
      return parts[1] ? pagePerson(parts[1]) : pageRegistry(params);
    case 'decisions': return pageDecisions(params);
    case 'audit': return pageAudit(params);
    case 'destinations': return pageDestinations(params);
    case 'trails': return pageTrail(parts.slice(1).join('/'));
    default: location.replace(can.screen() ? '#/screen' : '#/persons');
  }
}

window.addEventListener('hashchange', () => { route(); });
route();
