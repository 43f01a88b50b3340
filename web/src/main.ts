import './style.css';
import { api, apiUrl, type KEvent, type Mention } from './api';
import { DICTS, PLOVER, PLOVER_COLOR, OTHER_COLOR, detectLang, fmt, typeLabel, type Dict } from './i18n';
import { readState, writeState, filterParams, emptyFilters, type ViewState } from './state';
import { createMap } from './map';
import { createTimeline } from './timeline';
import { renderEvidence, ROLE_ORDER } from './highlight';

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector(sel) as T;
const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...kids: (Node | string | null | undefined | false)[]) => {
  const el = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(el, rest);
  if (dataset) Object.assign(el.dataset, dataset);
  for (const k of kids) if (k !== null && k !== undefined && k !== false) el.append(k);
  return el;
};

const swatch = (color: string) => { const i = h('i', { className: 'swatch' }); i.style.background = color; return i; };

let state: ViewState = readState(location.search, detectLang());
let T: Dict = DICTS[state.lang];
const PAGE = 50;
let health: { events: number; reports: number } | null = null;
const MAP_LIMIT = 1000;

declare global {
  interface Window { __kroniekMap: unknown; __kroniek: { state: () => ViewState; idle: () => Promise<void> } }
}

// ---------- map & timeline ----------
const emap = createMap($('#map'), {
  view: state.map,
  onSelect: (id) => openEvent(id, true),
  onMove: (v) => { state.map = v; writeState(state); },
});
window.__kroniekMap = emap.map;

const timeline = createTimeline($('#timeline'), (start, end) => {
  state.start = start; state.end = end;
  commit(true);
});

// Legend on the map (also a quick type filter).
const legend = h('div', { className: 'legend' });
$('#mapwrap').append(legend);

// ---------- i18n ----------
function applyLang() {
  T = DICTS[state.lang];
  document.documentElement.lang = state.lang;
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    const k = el.dataset.i18n as keyof Dict;
    const v = T[k];
    if (typeof v === 'string') el.textContent = v;
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang button')) b.classList.toggle('active', b.dataset.lang === state.lang);
  renderTypeBoxes();
  renderStore();
  legend.replaceChildren(...PLOVER.filter((p) => seenTypes.has(p.type)).map((p) =>
    h('span', {}, swatch(p.color), typeLabel(p.type, state.lang))));
  legend.hidden = seenTypes.size === 0;
}
const seenTypes = new Set<string>();

function renderTypeBoxes() {
  $('#type-boxes').replaceChildren(...PLOVER.map((p) => {
    const cb = h('input', { type: 'checkbox', value: p.type, checked: state.plover.includes(p.type) });
    cb.addEventListener('change', () => {
      state.plover = [...document.querySelectorAll<HTMLInputElement>('#type-boxes input:checked')].map((i) => i.value);
      commit(true);
    });
    return h('label', { title: p.type }, cb, swatch(p.color), typeLabel(p.type, state.lang));
  }));
}

// ---------- filter form ----------
const inputs = {
  start: $<HTMLInputElement>('#f-start'), end: $<HTMLInputElement>('#f-end'), country: $<HTMLInputElement>('#f-country'),
  min_fatalities: $<HTMLInputElement>('#f-minfat'), actor: $<HTMLInputElement>('#f-actor'), q: $<HTMLInputElement>('#f-q'),
};
function syncForm() {
  for (const [k, el] of Object.entries(inputs)) el.value = state[k as keyof typeof inputs];
  for (const cb of document.querySelectorAll<HTMLInputElement>('#type-boxes input')) cb.checked = state.plover.includes(cb.value);
  $<HTMLSelectElement>('#interval').value = state.interval;
}
let typingTimer = 0;
for (const [k, el] of Object.entries(inputs)) {
  const key = k as keyof typeof inputs;
  const apply = () => {
    let v = el.value.trim();
    if (key === 'country') v = v.toUpperCase();
    if (state[key] === v) return;
    state[key] = v;
    commit(true);
  };
  el.addEventListener('change', apply);
  if (key === 'q' || key === 'actor') el.addEventListener('input', () => { clearTimeout(typingTimer); typingTimer = window.setTimeout(apply, 400); });
}
let actorAbort: AbortController | null = null;
inputs.actor.addEventListener('input', async () => {
  const q = inputs.actor.value.trim();
  actorAbort?.abort();
  if (q.length < 2) return;
  actorAbort = new AbortController();
  try {
    const r = await api.actors(q, actorAbort.signal);
    $('#actor-list').replaceChildren(...r.actors.map((a) => h('option', { value: a.code, label: `${a.name ?? ''} (${a.events ?? 0})` })));
  } catch { /* aborted or unavailable */ }
});
$('#reset').addEventListener('click', () => { Object.assign(state, emptyFilters()); commit(true); });
$('#clear-dates').addEventListener('click', () => { state.start = ''; state.end = ''; commit(true); });
$<HTMLSelectElement>('#interval').addEventListener('change', (e) => {
  state.interval = (e.target as HTMLSelectElement).value as ViewState['interval'];
  commit(true);
});
for (const b of document.querySelectorAll<HTMLButtonElement>('.lang button')) {
  b.addEventListener('click', () => {
    state.lang = b.dataset.lang as ViewState['lang'];
    writeState(state, true);
    applyLang();
    refresh();
  });
}
window.addEventListener('popstate', () => {
  state = readState(location.search, detectLang());
  applyLang(); syncForm(); refresh();
});

// ---------- loading ----------
let ctrl: AbortController | null = null;
let pending: Promise<void> = Promise.resolve();
let cursor: string | null = null;

function commit(push: boolean) {
  writeState(state, push);
  syncForm();
  refresh();
}

function showError(e: unknown) {
  if ((e as Error)?.name === 'AbortError') return;
  const el = $('#error');
  el.hidden = false;
  el.textContent = `${T.error}: ${(e as Error)?.message ?? e}`;
}

function chooseInterval(months: number): 'day' | 'week' | 'month' {
  if (months <= 4) return 'day';
  if (months <= 30) return 'week';
  return 'month';
}

function refresh() {
  ctrl?.abort();
  ctrl = new AbortController();
  const signal = ctrl.signal;
  $('#error').hidden = true;
  const fp = filterParams(state);
  updateExports(fp);

  const list = (async () => {
    const p = new URLSearchParams(fp); p.set('limit', String(PAGE));
    $('#list').setAttribute('aria-busy', 'true');
    const page = await api.events(p, signal);
    cursor = page.next_cursor;
    $('#list').replaceChildren(...(page.events.length ? page.events.map(listItem) : [h('li', { className: 'empty' }, T.noEvents)]));
    $('#more').hidden = !cursor;
    $('#list').dataset.total = String(page.total);
    $('#list').removeAttribute('aria-busy');
  })();

  const counts = (async () => {
    const p = new URLSearchParams(fp); p.set('interval', 'month');
    const ts = await api.timeseries(p, signal);
    const ev = ts.buckets.reduce((n, b) => n + b.events, 0);
    const rp = ts.buckets.reduce((n, b) => n + b.reports, 0);
    const c = $('#count');
    c.textContent = fmt(T.matching, { events: ev.toLocaleString(state.lang), reports: rp.toLocaleString(state.lang) });
    c.dataset.events = String(ev); c.dataset.reports = String(rp);
  })();

  const mapLoad = (async () => {
    const p = new URLSearchParams(fp); p.set('limit', String(MAP_LIMIT)); p.set('format', 'geojson');
    const fc = await api.geojson(p, signal);
    const features: GeoJSON.Feature[] = [];
    const countries = new Map<string, number>();
    for (const f of fc.features ?? []) {
      if (!f.geometry || f.geometry.type !== 'Point') continue;
      const e = (f.properties ?? {}) as Partial<KEvent> & Record<string, unknown>;
      const type = (e.plover?.type ?? e.plover_type ?? '') as string;
      const id = String(e.event_id ?? f.id ?? '');
      seenTypes.add(type);
      const cc = e.location?.country ?? (e.country as string | undefined);
      if (cc) countries.set(cc, (countries.get(cc) ?? 0) + 1);
      features.push({
        type: 'Feature', geometry: f.geometry,
        properties: {
          event_id: id, plover_type: type, killed: Number(e.fatalities?.killed ?? e.killed ?? 0) || 0,
          reports: Number(e.reports ?? 1) || 1, date: e.date?.start ?? e.date ?? '', place: e.location?.name ?? '',
        },
      });
    }
    emap.setEvents({ type: 'FeatureCollection', features });
    const total = typeof fc.total === 'number' ? fc.total : features.length;
    const note = $('#map-note');
    note.hidden = !(fc.next_cursor || total > MAP_LIMIT);
    note.textContent = fmt(T.mapNote, { n: MAP_LIMIT, total });
    if (!$('#country-list').childElementCount || !state.country) {
      $('#country-list').replaceChildren(...[...countries].sort().map(([c, n]) => h('option', { value: c, label: `${c} (${n})` })));
    }
    applyLang();
  })();

  const tl = (async () => {
    const p = filterParams(state, { dates: false });
    let iv = state.interval;
    p.set('interval', 'month');
    const monthly = await api.timeseries(p, signal);
    if (!iv) {
      const b = monthly.buckets;
      const months = b.length ? (Date.parse(b[b.length - 1].start) - Date.parse(b[0].start)) / (30.44 * 864e5) + 1 : 1;
      iv = chooseInterval(months);
    }
    const ts = iv === 'month' ? monthly : await api.timeseries((p.set('interval', iv), p), signal);
    timeline.setData(ts.buckets, iv, { start: state.start, end: state.end }, { events: T.events, reports: T.reports });
    $('#timeline').dataset.interval = iv;
  })();

  const detail = state.event ? showDetail(state.event, signal) : Promise.resolve(closeDetailView());
  const all = Promise.all([list, counts, mapLoad, tl, detail]).then(() => undefined);
  all.catch(showError);
  pending = all.catch(() => undefined);
  document.body.dataset.loading = 'true';
  all.finally(() => { if (!signal.aborted) document.body.dataset.loading = 'false'; });
}

$('#more').addEventListener('click', async () => {
  if (!cursor) return;
  const p = filterParams(state); p.set('limit', String(PAGE)); p.set('cursor', cursor);
  try {
    const page = await api.events(p, ctrl?.signal);
    cursor = page.next_cursor;
    $('#list').append(...page.events.map(listItem));
    $('#more').hidden = !cursor;
  } catch (e) { showError(e); }
});

function updateExports(fp: URLSearchParams) {
  for (const f of ['csv', 'geojson', 'jsonl']) {
    const p = new URLSearchParams(fp); p.set('limit', '1000'); p.set('format', f);
    $<HTMLAnchorElement>(`#exp-${f}`).href = apiUrl('events', p);
  }
}

// ---------- list ----------
const actorLabel = (a?: { text?: string | null; code?: string | null } | null) => (a ? a.text || a.code || '' : '');
function listItem(e: KEvent): HTMLLIElement {
  const color = PLOVER_COLOR[e.plover.type] ?? OTHER_COLOR;
  const killed = e.fatalities?.killed;
  const li = h('li', { dataset: { eventId: e.event_id }, className: e.event_id === state.event ? 'selected' : '' },
    h('div', { className: 'meta' },
      h('span', { className: 'date' }, e.date.start),
      h('span', { className: 'type' }, typeLabel(e.plover.type, state.lang)),
      h('span', {}, [e.location?.name, e.location?.country].filter(Boolean).join(', ')),
      killed ? h('span', { className: 'fat' }, `${killed} ${T.fatalities}`) : null,
      h('span', { className: 'reports' }, `${e.reports} ${e.reports === 1 ? T.report1 : T.reports}`)),
    (e.source || e.target) ? h('div', { className: 'actors' }, `${actorLabel(e.source) || '?'} → ${actorLabel(e.target) || '?'}`) : null,
    e.first_report?.sentence ? h('div', { className: 'snippet' }, e.first_report.sentence) : null);
  li.style.borderLeftColor = color;
  li.addEventListener('click', () => openEvent(e.event_id, true, e));
  return li;
}

// ---------- detail ----------
function openEvent(id: string, push: boolean, e?: KEvent) {
  state.event = id;
  writeState(state, push);
  for (const li of document.querySelectorAll<HTMLElement>('#list li')) li.classList.toggle('selected', li.dataset.eventId === id);
  if (e?.location) emap.flyTo(e.location.lon, e.location.lat);
  showDetail(id).catch(showError);
}

function closeDetailView() {
  $('#detail').hidden = true;
  $('#detail').replaceChildren();
  emap.highlight(null);
}

let detailAbort: AbortController | null = null;
async function showDetail(id: string, signal?: AbortSignal) {
  detailAbort?.abort();
  detailAbort = new AbortController();
  const s = detailAbort.signal;
  signal?.addEventListener('abort', () => detailAbort?.abort());
  const panel = $('#detail');
  panel.hidden = false;
  panel.dataset.eventId = id;
  panel.dataset.ready = 'false';
  panel.replaceChildren(h('p', {}, T.loading));
  emap.highlight(id);
  const e = await api.event(id, s);
  if (s.aborted) return;
  panel.replaceChildren(...renderDetail(e).filter((x) => x !== null));
  panel.dataset.ready = 'true';
}

const roleLabel = (r: string) => (T.roles as Record<string, string>)[r] ?? r;

function renderDetail(e: KEvent): (Node | string)[] {
  const close = h('button', { className: 'close', type: 'button', title: T.close, textContent: '✕' });
  close.addEventListener('click', () => { state.event = ''; writeState(state, true); closeDetailView(); document.querySelectorAll('#list li.selected').forEach((li) => li.classList.remove('selected')); });
  const color = PLOVER_COLOR[e.plover.type] ?? OTHER_COLOR;
  const L = e.location;
  const F = e.fatalities;
  const dd = (label: string, ...v: (Node | string | null | undefined | false)[]) => [h('dt', {}, label), h('dd', {}, ...v)];
  const place = L ? `${L.name ?? L.text ?? ''}${L.admin1 ? `, ${L.admin1}` : ''}${L.country ? ` (${L.country})` : ''}` : T.unknown;
  const actor = (a?: KEvent['source']) => (a ? `${a.text ?? ''}${a.code ? ` [${a.code}]` : ''}` : T.unknown);
  const fatal = F ? [
    F.killed != null ? `${F.killed} ${T.killed}` : null,
    F.injured != null ? `${F.injured} ${T.injured}` : null,
    F.civilians ? T.civilians : null,
    F.cumulative_killed != null ? `${T.cumulative}: ${F.cumulative_killed}` : null,
    F.vague ? T.vague : null,
  ].filter(Boolean).join(' · ') : '–';
  const showOnMap = L ? h('button', { type: 'button', textContent: T.zoomTo }) : null;
  showOnMap?.addEventListener('click', () => emap.flyTo(L!.lon, L!.lat));

  const mentions = e.mentions ?? [];
  const mentionEl = (m: Mention, i: number) => h('div', { className: 'mention', dataset: { mentionId: m.mention_id, index: String(i) } },
    h('div', { className: 'mmeta' },
      h('strong', {}, m.doc_title ?? m.doc_id), ' · ', m.doc_date ?? '', ' · ', m.doc_source ?? '', m.lang ? ` · ${m.lang}` : '',
      m.reported ? h('span', { className: 'flag' }, T.reported) : null,
      m.negated ? h('span', { className: 'flag' }, T.negated) : null,
      m.historical ? h('span', { className: 'flag' }, T.historical) : null),
    renderEvidence(m.sentence, m.sentence_start, m.evidence?.spans ?? [], roleLabel));

  return [
    close,
    h('h3', {}, swatch(color), ' ', typeLabel(e.plover.type, state.lang),
      e.plover.mode ? ` · ${e.plover.mode}` : ''),
    h('div', { className: 'mmeta' }, `${e.event_id} · CAMEO ${e.cameo ?? '–'} · Goldstein ${e.goldstein ?? '–'} · ${T.confidence} ${e.confidence ?? '–'}`),
    h('h4', {}, T.evidence),
    mentions.length ? mentionEl(mentions[0], 0) : h('p', { className: 'evidence' }, e.first_report?.sentence ?? ''),
    h('div', { className: 'roles' }, ...ROLE_ORDER.map((r) => h('mark', { className: `hl hl-${r}` }, roleLabel(r)))),
    h('dl', {},
      ...dd(T.when, `${e.date.start}${e.date.end && e.date.end !== e.date.start ? ` – ${e.date.end}` : ''} (${T.precision}: ${e.date.precision ?? '?'})`),
      ...dd(T.dateDerived, e.date.derived_from ?? T.unknown),
      ...dd(T.where, place, L?.geonames_id ? h('span', { className: 'flag' }, `GeoNames ${L.geonames_id}`) : null, ' ', showOnMap),
      ...dd(T.placeDerived, L ? `${L.inferred ? T.inferred : T.explicit}${L.text && L.text !== L.name ? ` ("${L.text}")` : ''}; ${T.precision}: ${L.precision ?? '?'}` : '–'),
      ...dd(T.source, actor(e.source)),
      ...dd(T.target, actor(e.target)),
      ...dd(T.casualties, fatal),
      ...dd(T.reportsCap, String(e.reports)),
      ...dd(T.article, mentions[0] ? `${mentions[0].doc_date ?? ''} · ${mentions[0].doc_source ?? ''}` : e.first_report?.doc_id ?? '')),
    ...(mentions.length > 1 ? [h('h4', {}, fmt(T.otherReports, { n: mentions.length - 1 }))] : []),
    ...mentions.slice(1).map((m, i) => mentionEl(m, i + 1)),
  ];
}

// ---------- start ----------
function renderStore() {
  if (!health) return;
  $('#store').dataset.events = String(health.events);
  $('#store').textContent = fmt(T.store, { events: health.events.toLocaleString(state.lang), reports: health.reports.toLocaleString(state.lang) });
}
api.health().then((hl) => { health = hl; renderStore(); }).catch(() => { /* shown by the other calls */ });
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && state.event) $<HTMLButtonElement>('#detail .close')?.click(); });

applyLang();
syncForm();
writeState(state);
refresh();

window.__kroniek = { state: () => state, idle: () => pending };
