// Client for the Kroniek /v1 API (see web/README.md for the contract).

export interface Actor { text?: string | null; code?: string | null; country?: string | null; sector?: string | null }
export interface Place {
  name?: string | null; text?: string | null; geonames_id?: number | null; lat: number; lon: number;
  country?: string | null; admin1?: string | null; precision?: string | null; inferred?: boolean | null;
}
export interface DateInfo { start: string; end?: string | null; precision?: string | null; derived_from?: string | null }
export interface Fatalities {
  killed?: number | null; injured?: number | null; civilians?: boolean | null; cumulative_killed?: number | null; vague?: boolean | null;
}
export interface Span { role: string; start: number; end: number }
export interface Mention {
  mention_id: string; doc_id: string; doc_date?: string | null; doc_source?: string | null; doc_title?: string | null;
  lang?: string | null; sentence: string; sentence_start: number; evidence?: { spans?: Span[] } | null;
  date?: DateInfo | null; location?: Place | null; fatalities?: Fatalities | null;
  reported?: boolean; negated?: boolean; historical?: boolean;
}
export interface KEvent {
  event_id: string;
  plover: { type: string; mode?: string | null };
  cameo?: string | null; quad_class?: number | null; goldstein?: number | null;
  date: DateInfo; location?: Place | null; source?: Actor | null; target?: Actor | null;
  fatalities?: Fatalities | null; reports: number;
  first_report?: { doc_id: string; sentence: string } | null;
  confidence?: number | null; updated_at?: string | null;
  mentions?: Mention[];
}
export interface EventPage { events: KEvent[]; next_cursor: string | null; total: number }
export interface Bucket { start: string; events: number; reports: number; fatalities: number }
export interface Health { status: string; version: string; events: number; reports: number }

/** Base of the API, relative to the page (the UI is served by the API server at `/`). */
export const apiUrl = (path: string, params?: URLSearchParams): string => {
  const u = new URL(`v1/${path}`, document.baseURI);
  if (params) u.search = params.toString();
  return u.toString();
};

export class ApiError extends Error {
  constructor(public status: number, message: string, public parameter?: string) { super(message); }
}

async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const res = await fetch(apiUrl(path, params), { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    let parameter: string | undefined;
    try {
      const j = await res.json();
      if (j?.error?.message) msg = j.error.message;
      parameter = j?.error?.parameter;
    } catch { /* not JSON */ }
    throw new ApiError(res.status, parameter ? `${parameter}: ${msg}` : msg, parameter);
  }
  return res.json() as Promise<T>;
}

export const api = {
  health: (signal?: AbortSignal) => get<Health>('health', undefined, signal),
  events: (p: URLSearchParams, signal?: AbortSignal) => get<EventPage>('events', p, signal),
  geojson: (p: URLSearchParams, signal?: AbortSignal) =>
    get<{ type: 'FeatureCollection'; features: GeoJSON.Feature[]; total?: number; next_cursor?: string | null }>('events', p, signal),
  event: (id: string, signal?: AbortSignal) => get<KEvent>(`events/${encodeURIComponent(id)}`, undefined, signal),
  timeseries: (p: URLSearchParams, signal?: AbortSignal) => get<{ interval: string; buckets: Bucket[] }>('stats/timeseries', p, signal),
  actors: (q: string, signal?: AbortSignal) =>
    get<{ actors: { code: string; name?: string | null; events?: number }[] }>('actors', new URLSearchParams({ q, limit: '20' }), signal),
};
