// Mock of `kroniek serve`: the /v1 API over mock/fixture.json plus the static
// files of web/dist. Loopback only. Usage: node mock/server.mjs [--port N]
// (port 0 = any free port; the chosen URL is printed as "listening on URL").
import http from 'node:http';
import { readFileSync, existsSync, statSync, createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

const TYPES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
export const CSV_COLUMNS = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'actor2', 'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes',
  'fatalities', 'timestamp', 'cameo', 'plover_type', 'plover_mode', 'confidence'];

class BadParam extends Error {
  constructor(parameter, message) { super(message); this.parameter = parameter; }
}

const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

function parseFilters(sp) {
  const f = {};
  for (const k of ['start', 'end']) {
    const v = sp.get(k);
    if (v != null && v !== '') {
      if (!isDate(v)) throw new BadParam(k, `expected YYYY-MM-DD, got "${v}"`);
      f[k] = v;
    }
  }
  if (f.start && f.end && f.start > f.end) throw new BadParam('end', 'end is before start');
  const str = (k) => { const v = sp.get(k); if (v != null && v !== '') f[k] = v; };
  ['country', 'admin1', 'cameo', 'actor', 'q', 'lang', 'updated_since'].forEach(str);
  if (f.country && !/^[A-Za-z]{3}$/.test(f.country)) throw new BadParam('country', 'expected an ISO 3166-1 alpha-3 code');
  const pl = sp.get('plover');
  if (pl) {
    f.plover = pl.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    for (const t of f.plover) if (!TYPES.has(t)) throw new BadParam('plover', `unknown PLOVER type "${t}"`);
  }
  const bb = sp.get('bbox');
  if (bb) {
    const n = bb.split(',').map(Number);
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) throw new BadParam('bbox', 'expected minLon,minLat,maxLon,maxLat');
    f.bbox = n;
  }
  const mf = sp.get('min_fatalities');
  if (mf != null && mf !== '') {
    if (!/^\d+$/.test(mf)) throw new BadParam('min_fatalities', 'expected a non-negative integer');
    f.min_fatalities = Number(mf);
  }
  if (f.updated_since && Number.isNaN(Date.parse(f.updated_since))) throw new BadParam('updated_since', 'expected ISO 8601');
  return f;
}

function matches(e, f) {
  if (f.start && e.date.end < f.start) return false;
  if (f.end && e.date.start > f.end) return false;
  const L = e.location;
  if (f.country && (!L || L.country !== f.country.toUpperCase())) return false;
  if (f.admin1 && (!L || (L.admin1 ?? '').toLowerCase() !== f.admin1.toLowerCase())) return false;
  if (f.bbox) {
    if (!L) return false;
    const [x0, y0, x1, y1] = f.bbox;
    if (L.lat < y0 || L.lat > y1) return false;
    if (x0 <= x1 ? (L.lon < x0 || L.lon > x1) : (L.lon < x0 && L.lon > x1)) return false;
  }
  if (f.plover && !f.plover.includes(e.plover.type)) return false;
  if (f.cameo && !e.cameo.startsWith(f.cameo)) return false;
  if (f.actor) {
    const a = f.actor.toLowerCase();
    const hit = [e.source, e.target].some((x) => x && ((x.code ?? '').toLowerCase().startsWith(a) || (x.text ?? '').toLowerCase().includes(a)));
    if (!hit) return false;
  }
  if (f.min_fatalities != null && f.min_fatalities > 0 && !((e.fatalities?.killed ?? 0) >= f.min_fatalities)) return false;
  if (f.lang && !e.mentions.some((m) => m.lang === f.lang)) return false;
  if (f.updated_since && Date.parse(e.updated_at) < Date.parse(f.updated_since)) return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    const hay = [L?.name, L?.text, L?.admin1, e.source?.text, e.target?.text, e.plover.type, ...e.mentions.map((m) => m.sentence)]
      .filter(Boolean).join(' \u0001 ').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

const listItem = ({ mentions, ...e }) => e;
const order = (a, b) => (b.date.start.localeCompare(a.date.start)) || a.event_id.localeCompare(b.event_id);

function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const PRECISION = { day: 1, week: 2, month: 2, year: 3 };
const GEO = { point: 1, city: 1, admin2: 2, admin1: 2, country: 3 };
const ACLED = { ASSAULT: 'Violence against civilians', PROTEST: 'Protests', COERCE: 'Strategic developments', MOBILIZE: 'Strategic developments' };
function csvRow(e, byId) {
  const m0 = byId.get(e.event_id).mentions[0];
  const L = e.location;
  const row = {
    event_id_cnty: e.event_id, event_date: e.date.start, year: e.date.start.slice(0, 4), time_precision: PRECISION[e.date.precision] ?? 3,
    event_type: ACLED[e.plover.type] ?? 'Strategic developments', sub_event_type: e.plover.mode,
    actor1: e.source?.text, actor2: e.target?.text, country: L?.country, admin1: L?.admin1, location: L?.name,
    latitude: L?.lat, longitude: L?.lon, geo_precision: L ? (GEO[L.precision] ?? 3) : '', source: m0?.doc_source,
    notes: e.first_report?.sentence, fatalities: e.fatalities?.killed ?? 0, timestamp: Math.floor(Date.parse(e.updated_at) / 1000),
    cameo: e.cameo, plover_type: e.plover.type, plover_mode: e.plover.mode, confidence: e.confidence,
  };
  return CSV_COLUMNS.map((c) => csvField(row[c])).join(',');
}

function bucketStart(day, interval) {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json' };

export function createMockServer({ fixturePath = path.join(here, 'fixture.json'), distDir = path.join(here, '..', 'dist') } = {}) {
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
  const all = [...fixture.events].sort(order);
  const byId = new Map(all.map((e) => [e.event_id, e]));

  const send = (res, status, body, type = 'application/json; charset=utf-8', extra = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };
  const err = (res, status, parameter, message) => send(res, status, { error: { ...(parameter ? { parameter } : {}), message } });

  function events(sp, res) {
    const f = parseFilters(sp);
    const format = sp.get('format') ?? 'json';
    if (!['json', 'geojson', 'csv', 'jsonl'].includes(format)) throw new BadParam('format', 'expected json, geojson, csv or jsonl');
    const lim = sp.get('limit') ?? '100';
    if (!/^\d+$/.test(lim) || Number(lim) < 1 || Number(lim) > 1000) throw new BadParam('limit', 'expected 1..1000');
    const limit = Number(lim);
    let offset = 0;
    const cur = sp.get('cursor');
    if (cur) {
      const m = /^o:(\d+)$/.exec(Buffer.from(cur, 'base64url').toString());
      if (!m) throw new BadParam('cursor', 'invalid cursor');
      offset = Number(m[1]);
    }
    const hits = all.filter((e) => matches(e, f));
    const page = hits.slice(offset, offset + limit).map(listItem);
    const next = offset + limit < hits.length ? Buffer.from(`o:${offset + limit}`).toString('base64url') : null;
    if (format === 'json') return send(res, 200, { events: page, next_cursor: next, total: hits.length });
    if (format === 'jsonl') return send(res, 200, page.map((e) => JSON.stringify(e)).join('\n') + (page.length ? '\n' : ''), 'application/x-ndjson; charset=utf-8');
    if (format === 'csv') {
      return send(res, 200, [CSV_COLUMNS.join(','), ...page.map((e) => csvRow(e, byId))].join('\r\n') + '\r\n', 'text/csv; charset=utf-8',
        { 'content-disposition': 'attachment; filename="kroniek-events.csv"' });
    }
    return send(res, 200, {
      type: 'FeatureCollection',
      features: page.filter((e) => e.location).map((e) => ({
        type: 'Feature', id: e.event_id, geometry: { type: 'Point', coordinates: [e.location.lon, e.location.lat] }, properties: e,
      })),
      next_cursor: next, total: hits.length,
    }, 'application/geo+json; charset=utf-8');
  }

  function timeseries(sp, res) {
    const f = parseFilters(sp);
    const interval = sp.get('interval') ?? 'day';
    if (!['day', 'week', 'month'].includes(interval)) throw new BadParam('interval', 'expected day, week or month');
    const b = new Map();
    for (const e of all) {
      if (!matches(e, f)) continue;
      const k = bucketStart(e.date.start, interval);
      const x = b.get(k) ?? { start: k, events: 0, reports: 0, fatalities: 0 };
      x.events++; x.reports += e.reports; x.fatalities += e.fatalities?.killed ?? 0;
      b.set(k, x);
    }
    send(res, 200, { interval, buckets: [...b.values()].sort((a, c) => a.start.localeCompare(c.start)) });
  }

  function actors(sp, res) {
    const q = (sp.get('q') ?? '').toLowerCase();
    const limit = Math.min(Number(sp.get('limit') ?? 20) || 20, 100);
    const m = new Map();
    for (const e of all) {
      for (const a of [e.source, e.target]) {
        if (!a?.code) continue;
        const x = m.get(a.code) ?? { code: a.code, name: a.text, ids: new Set() };
        x.ids.add(e.event_id);
        m.set(a.code, x);
      }
    }
    const list = [...m.values()].filter((a) => !q || a.code.toLowerCase().includes(q) || a.name.toLowerCase().includes(q))
      .map((a) => ({ code: a.code, name: a.name, events: a.ids.size }))
      .sort((a, b) => b.events - a.events || a.code.localeCompare(b.code)).slice(0, limit);
    send(res, 200, { actors: list });
  }

  function staticFile(pathname, res) {
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(distDir, rel);
    if (!file.startsWith(path.resolve(distDir))) return err(res, 403, null, 'forbidden');
    const target = existsSync(file) && statSync(file).isFile() ? file : null;
    if (!target) {
      if (!existsSync(path.join(distDir, 'index.html'))) return send(res, 404, 'web/dist not built: run npm run build', 'text/plain');
      return err(res, 404, null, `not found: ${pathname}`);
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const p = url.pathname;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return err(res, 405, null, 'method not allowed');
      if (p === '/v1/health') return send(res, 200, { status: 'ok', version: fixture.version ?? '0.1.0', events: all.length, reports: all.reduce((n, e) => n + e.reports, 0) });
      if (p === '/v1/events') return events(url.searchParams, res);
      if (p.startsWith('/v1/events/')) {
        const e = byId.get(decodeURIComponent(p.slice('/v1/events/'.length)));
        return e ? send(res, 200, e) : err(res, 404, null, 'no such event');
      }
      if (p === '/v1/stats/timeseries') return timeseries(url.searchParams, res);
      if (p === '/v1/actors') return actors(url.searchParams, res);
      if (p.startsWith('/v1/')) return err(res, 404, null, `unknown endpoint ${p}`);
      return staticFile(p, res);
    } catch (e) {
      if (e instanceof BadParam) return err(res, 400, e.parameter, e.message);
      console.error(e);
      return err(res, 500, null, String(e?.message ?? e));
    }
  });
  return server;
}

/** Starts the mock on 127.0.0.1:port (0 = free port); resolves to {server, url}. */
export function startMockServer(port = 0, opts = {}) {
  const server = createMockServer(opts);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8787);
  const { url } = await startMockServer(port);
  console.log(`listening on ${url}`);
}
