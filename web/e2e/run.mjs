// End-to-end test of the web UI in Debian's Chromium via playwright-core.
// By default starts the mock API (mock/server.mjs serving dist/ + fixture) on a
// free loopback port; with KRONIEK_URL=http://127.0.0.1:PORT tests that server.
// Prints "N passed, M failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT = path.join(webDir, 'e2e', 'screenshot.png');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TOTAL_MS = Number(process.env.KRONIEK_E2E_TIMEOUT_MS ?? 150_000);
const STEP_MS = 30_000;
const CSV_COLUMNS = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2',
  'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities', 'timestamp',
  'cameo', 'plover_type', 'plover_mode', 'confidence'];

let passed = 0, failed = 0;
let browser, mock;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await new Promise((r) => (mock ? mock.close(r) : r()));
};
const watchdog = setTimeout(async () => {
  console.log(`not ok - whole run exceeded ${TOTAL_MS} ms`);
  failed++;
  await cleanup();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}, TOTAL_MS);

async function step(name, fn) {
  const t0 = Date.now();
  let timer;
  try {
    await Promise.race([fn(), new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${STEP_MS} ms`)), STEP_MS); })]);
    passed++;
    console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`);
    return false;
  } finally { clearTimeout(timer); }
}

function loopbackOnly(url) {
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`KRONIEK_URL must be a loopback address, got ${u.hostname}`);
  return u.origin;
}

// Expected highlighted substrings, computed independently with Node's Buffer.
function expectedSpans(m) {
  const buf = Buffer.from(m.sentence, 'utf8');
  return (m.evidence?.spans ?? []).map((s) => ({
    role: s.role, text: buf.subarray(Math.max(0, s.start - m.sentence_start), Math.min(buf.length, s.end - m.sentence_start)).toString('utf8'),
  })).filter((s) => s.text);
}

let base;
try {
  if (process.env.KRONIEK_URL) {
    base = loopbackOnly(process.env.KRONIEK_URL);
  } else {
    if (!existsSync(path.join(webDir, 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
    const { startMockServer } = await import('../mock/server.mjs');
    const started = await startMockServer(0);
    mock = started.server;
    base = started.url;
  }
  console.log(`# testing ${base}`);
  const hr = await fetch(`${base}/v1/health`, { signal: AbortSignal.timeout(5_000) }).catch((e) => { throw new Error(`${base}/v1/health unreachable: ${e.cause?.code ?? e.message}`); });
  if (hr.status !== 200) throw new Error(`${base}/v1/health -> ${hr.status}`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium`);
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
} catch (e) {
  console.log(`not ok - setup\n  ${e?.message ?? e}`);
  failed++;
  await cleanup();
  clearTimeout(watchdog);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

const api = async (p) => { const r = await fetch(base + p); assert.equal(r.status, 200, `${p} -> ${r.status}`); return r.json(); };
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
// Loopback only: any request to another host is aborted and counted as a failure.
const foreign = [];
await context.route(/.*/, (route) => {
  const u = new URL(route.request().url());
  if (['http:', 'https:'].includes(u.protocol) && u.origin !== base) { foreign.push(u.href); return route.abort(); }
  return route.continue();
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });

const idle = () => page.waitForFunction(() => window.__kroniek && document.body.dataset.loading === 'false', null, { timeout: 20_000 });
const listTotal = () => page.$eval('#list', (el) => Number(el.dataset.total));
const countEvents = () => page.$eval('#count', (el) => Number(el.dataset.events));
let health, totalAll;

await step('health endpoint and page load (Dutch by default from navigator.language)', async () => {
  health = await api('/v1/health');
  assert.equal(health.status, 'ok');
  assert.ok(health.events > 0, 'store has events');
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await idle();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  const attribution = await page.textContent('#attribution');
  assert.match(attribution, /Natural Earth/);
  assert.match(attribution, /GeoNames, CC BY 4\.0/);
  assert.match(attribution, /CAMEO en PLOVER, CC BY-SA 4\.0/);
  totalAll = await listTotal();
  assert.ok(totalAll > 0, 'list total > 0');
  assert.ok((await page.$$('#list li[data-event-id]')).length > 0, 'list has items');
  assert.match(await page.textContent('#count'), /gebeurtenissen · \d+ berichten/);
});

await step('map renders basemap and event markers (clusters/points)', async () => {
  await page.waitForFunction(() => {
    const m = window.__kroniekMap;
    return m && m.loaded() && m.isSourceLoaded('events') &&
      m.queryRenderedFeatures({ layers: ['events-points', 'events-clusters'] }).length > 0;
  }, null, { timeout: 20_000 });
  const r = await page.evaluate(() => {
    const m = window.__kroniekMap;
    const f = m.queryRenderedFeatures({ layers: ['events-points', 'events-clusters'] });
    const n = f.reduce((s, x) => s + (x.properties.point_count ?? 1), 0);
    return { rendered: f.length, events: n, land: m.queryRenderedFeatures({ layers: ['land'] }).length, labels: document.querySelectorAll('.cluster-label').length };
  });
  assert.ok(r.land > 20, `basemap countries rendered: ${r.land}`);
  assert.ok(r.rendered > 0, 'markers rendered');
  assert.ok(r.events >= Math.min(totalAll, 1000) * 0.5, `markers represent most events (${r.events} of ${totalAll})`);
});

let brushed;
await step('brushing the timeline sets a date filter and shrinks the list', async () => {
  const box = await page.locator('#timeline .u-over').boundingBox();
  assert.ok(box && box.width > 100, 'timeline plot area');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.55, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('start'), null, { timeout: 5_000 });
  await idle();
  const url = new URL(page.url());
  brushed = { start: url.searchParams.get('start'), end: url.searchParams.get('end') };
  assert.match(brushed.start, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(brushed.end >= brushed.start);
  assert.equal(await page.inputValue('#f-start'), brushed.start);
  const n = await listTotal();
  assert.ok(n > 0 && n < totalAll, `list shrank: ${n} of ${totalAll}`);
  assert.equal(await countEvents(), n, 'count header agrees with list total');
  const dates = await page.$$eval('#list li .date', (els) => els.map((e) => e.textContent));
  for (const d of dates) assert.ok(d >= brushed.start.slice(0, 7) && d <= brushed.end, `${d} within ${brushed.start}..${brushed.end}`);
});

await step('permalink: reload restores the same filtered view', async () => {
  const before = await listTotal();
  await page.reload({ waitUntil: 'load' });
  await idle();
  assert.equal(await page.inputValue('#f-start'), brushed.start);
  assert.equal(await page.inputValue('#f-end'), brushed.end);
  assert.equal(await listTotal(), before);
});

await step('open an event: detail shows the evidence sentence with highlighted words', async () => {
  const first = page.locator('#list li[data-event-id]').first();
  const id = await first.getAttribute('data-event-id');
  await first.click();
  await page.waitForSelector(`#detail[data-event-id="${id}"][data-ready="true"]`, { timeout: 10_000 });
  assert.equal(new URL(page.url()).searchParams.get('event'), id);
  const ev = await api(`/v1/events/${encodeURIComponent(id)}`);
  const m0 = ev.mentions[0];
  const shown = await page.$eval('#detail .mention[data-index="0"] .evidence', (p) => ({
    text: p.textContent, marks: [...p.querySelectorAll('mark')].map((m) => ({ roles: m.dataset.role.split(' '), text: m.textContent })),
  }));
  assert.equal(shown.text, m0.sentence, 'full sentence shown');
  const want = expectedSpans(m0);
  assert.ok(want.length > 0, 'event has evidence spans');
  for (const w of want) {
    // The span text equals the concatenation of the marks carrying its role (spans can overlap).
    const got = shown.marks.filter((mk) => mk.roles.includes(w.role)).map((mk) => mk.text).join('');
    assert.ok(got.includes(w.text), `role ${w.role}: expected "${w.text}", got "${got}"`);
  }
  console.log(`#   ${id}: ${want.map((w) => `${w.role}="${w.text}"`).join(', ')}`);
  // Other reports are listed, each with its own sentence.
  assert.equal(await page.locator('#detail .mention').count(), ev.mentions.length);
});

await step('highlights are exact for all mentions of the 6 newest events (incl. spans after multibyte text)', async () => {
  // Opens up to 6 events from the unfiltered list and checks every mention's marks.
  const list = await api('/v1/events?limit=6');
  let shifted = 0; // spans whose byte offset differs from their UTF-16 index (multibyte text before them)
  for (const e of list.events) {
    await page.evaluate((id) => document.querySelector(`#list li[data-event-id="${id}"]`)?.click(), e.event_id);
    await page.evaluate((id) => { if (!document.querySelector(`#list li[data-event-id="${id}"]`)) { const u = new URL(location.href); u.searchParams.set('event', id); history.replaceState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); } }, e.event_id);
    await page.waitForSelector(`#detail[data-event-id="${e.event_id}"][data-ready="true"]`, { timeout: 10_000 });
    const ev = await api(`/v1/events/${encodeURIComponent(e.event_id)}`);
    const shown = await page.$$eval('#detail .mention .evidence', (ps) => ps.map((p) => [...p.querySelectorAll('mark')].map((m) => ({ roles: m.dataset.role.split(' '), text: m.textContent }))));
    ev.mentions.forEach((m, i) => {
      for (const s of m.evidence?.spans ?? []) {
        const rel = s.start - m.sentence_start;
        if (Buffer.from(m.sentence, 'utf8').subarray(0, rel).toString('utf8').length !== rel) shifted++;
      }
      for (const w of expectedSpans(m)) {
        const got = shown[i].filter((mk) => mk.roles.includes(w.role)).map((mk) => mk.text).join('');
        assert.ok(got.includes(w.text), `${e.event_id}#${i} ${w.role}: expected "${w.text}", got "${got}"`);
      }
    });
  }
  if (!process.env.KRONIEK_URL) assert.ok(shifted > 0, 'fixture exercises spans after multibyte characters');
});

await step('export CSV link: same filter, ACLED-style header columns', async () => {
  const href = await page.getAttribute('#exp-csv', 'href');
  const u = new URL(href, base);
  assert.equal(u.searchParams.get('format'), 'csv');
  assert.equal(u.searchParams.get('start'), brushed.start);
  for (const f of ['geojson', 'jsonl']) assert.equal(new URL(await page.getAttribute(`#exp-${f}`, 'href'), base).searchParams.get('format'), f);
  const r = await fetch(new URL(u.pathname + u.search, base));
  assert.equal(r.status, 200);
  const text = await r.text();
  const lines = text.split(/\r?\n/).filter(Boolean);
  assert.deepEqual(lines[0].split(','), CSV_COLUMNS);
  assert.ok(lines.length - 1 >= 1, 'CSV has rows');
  const total = await listTotal();
  if (total <= 1000 && !/\n"|"\r?\n/.test(text)) assert.equal(lines.length - 1, total, 'one CSV row per event');
});

await step('language toggle to English is kept in the URL', async () => {
  await page.click('#lang-en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await idle();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.match(await page.textContent('#attribution'), /CAMEO and PLOVER, CC BY-SA 4\.0/);
  assert.match(await page.textContent('#count'), /events · \d+ reports/);
});

await step('screenshot saved (permalink with an open event); no page errors; no requests off the server', async () => {
  // Prefer an event with fatalities inside the brushed range, so the shot shows casualty highlights.
  const q = new URLSearchParams({ start: brushed.start, end: brushed.end, limit: '1' });
  let pick = (await api(`/v1/events?${q}&min_fatalities=1`)).events[0] ?? (await api(`/v1/events?${q}`)).events[0];
  const u = new URLSearchParams({ start: brushed.start, end: brushed.end, lang: 'en', event: pick.event_id });
  await page.goto(`${base}/?${u}`, { waitUntil: 'load' });
  await idle();
  await page.waitForSelector(`#detail[data-event-id="${pick.event_id}"][data-ready="true"]`, { timeout: 10_000 });
  assert.ok(await page.locator('#detail mark.hl').count() > 0, 'permalinked event shows highlights');
  await page.waitForFunction(() => {
    const m = window.__kroniekMap;
    return m.loaded() && m.queryRenderedFeatures({ layers: ['events-points', 'events-clusters'] }).length > 0;
  }, null, { timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: SCREENSHOT });
  assert.ok(existsSync(SCREENSHOT));
  console.log(`# screenshot: ${SCREENSHOT}`);
  assert.deepEqual(foreign, [], 'no requests to other hosts');
  assert.deepEqual(pageErrors, [], 'no page errors');
});

await step('API errors: bad parameters give 400 with the parameter name', async () => {
  const r = await fetch(`${base}/v1/events?start=2020-13-45`);
  assert.equal(r.status, 400);
  const j = await r.json();
  assert.equal(j.error.parameter, 'start');
  const r2 = await fetch(`${base}/v1/events/e_does_not_exist`);
  assert.equal(r2.status, 404);
});

await cleanup();
clearTimeout(watchdog);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
