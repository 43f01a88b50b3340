// View state <-> URL query string (permalinks: reload restores the same view).
import type { Lang } from './i18n';

export interface Filters {
  start: string;
  end: string;
  country: string;
  plover: string[];
  actor: string;
  min_fatalities: string;
  q: string;
}

export interface ViewState extends Filters {
  lang: Lang;
  interval: '' | 'day' | 'week' | 'month';
  event: string; // open event id
  map: string; // "zoom/lat/lon"
}

export const emptyFilters = (): Filters => ({ start: '', end: '', country: '', plover: [], actor: '', min_fatalities: '', q: '' });

export function readState(search: string, defaultLang: Lang): ViewState {
  const sp = new URLSearchParams(search);
  const g = (k: string) => sp.get(k) ?? '';
  const lang = g('lang');
  const interval = g('interval');
  return {
    start: g('start'),
    end: g('end'),
    country: g('country').toUpperCase(),
    plover: g('plover').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean),
    actor: g('actor'),
    min_fatalities: g('min_fatalities'),
    q: g('q'),
    lang: lang === 'nl' || lang === 'en' ? lang : defaultLang,
    interval: interval === 'day' || interval === 'week' || interval === 'month' ? interval : '',
    event: g('event'),
    map: g('map'),
  };
}

/** API query parameters for the filters (optionally without the date range). */
export function filterParams(f: Filters, opts: { dates?: boolean } = {}): URLSearchParams {
  const sp = new URLSearchParams();
  if (opts.dates !== false) {
    if (f.start) sp.set('start', f.start);
    if (f.end) sp.set('end', f.end);
  }
  if (f.country) sp.set('country', f.country);
  if (f.plover.length) sp.set('plover', f.plover.join(','));
  if (f.actor) sp.set('actor', f.actor);
  if (f.min_fatalities && Number(f.min_fatalities) > 0) sp.set('min_fatalities', String(Math.floor(Number(f.min_fatalities))));
  if (f.q) sp.set('q', f.q);
  return sp;
}

export function writeState(s: ViewState, push = false): void {
  const sp = filterParams(s);
  sp.set('lang', s.lang);
  if (s.interval) sp.set('interval', s.interval);
  if (s.event) sp.set('event', s.event);
  if (s.map) sp.set('map', s.map);
  const url = `${location.pathname}?${sp.toString()}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
