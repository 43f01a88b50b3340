// Offline map: Natural Earth countries (world-atlas TopoJSON, bundled) drawn with
// fill/line layers; events as a clustered GeoJSON source with circle layers,
// coloured by PLOVER type and sized by fatalities. Cluster counts are HTML
// markers (no glyphs needed). No tile server, no glyphs, no sprites.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import { PLOVER, OTHER_COLOR } from './i18n';

maplibregl.setWorkerUrl(workerUrl);

type Pos = number[];

/** Shift longitudes so a ring/line never jumps across ±180 (antimeridian). */
export function unwrapRing(ring: Pos[]): Pos[] {
  if (ring.length < 2) return ring;
  const out: Pos[] = [ring[0].slice()];
  let shift = 0;
  for (let i = 1; i < ring.length; i++) {
    const d = ring[i][0] - ring[i - 1][0];
    if (d > 180) shift -= 360;
    else if (d < -180) shift += 360;
    out.push([ring[i][0] + shift, ring[i][1]]);
  }
  return out;
}

function unwrapGeometry(g: GeoJSON.Geometry | null): GeoJSON.Geometry | null {
  if (!g) return g;
  const poly = (rings: Pos[][]) => rings.map((r) => {
    const u = unwrapRing(r);
    // A ring that wraps the whole globe cannot be closed by unwrapping: keep it.
    return Math.abs(u[u.length - 1][0] - u[0][0]) > 1e-9 ? r : u;
  });
  switch (g.type) {
    case 'Polygon': return { ...g, coordinates: poly(g.coordinates) };
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map(poly) };
    case 'LineString': return { ...g, coordinates: unwrapRing(g.coordinates) };
    case 'MultiLineString': return { ...g, coordinates: g.coordinates.map(unwrapRing) };
    default: return g;
  }
}

function basemap(): { land: GeoJSON.FeatureCollection; borders: GeoJSON.Feature } {
  const topo = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection;
  // Antarctica (ISO 010) wraps the globe and carries no events: leave it out.
  const land: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => f.id !== '010').map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry)! })),
  };
  const b = mesh(topo, topo.objects.countries, (a, c) => a !== c);
  return { land, borders: { type: 'Feature', properties: {}, geometry: unwrapGeometry(b)! } };
}

const TYPES = PLOVER.map((p) => p.type);

/** Colour of a cluster: the PLOVER type with the most events in it. */
function dominantTypeColor(): maplibregl.ExpressionSpecification {
  const cases: unknown[] = ['case'];
  for (const t of TYPES) {
    const cond: unknown[] = ['all'];
    for (const u of TYPES) if (u !== t) cond.push(['>=', ['get', `n_${t}`], ['get', `n_${u}`]]);
    cases.push(cond, PLOVER.find((p) => p.type === t)!.color);
  }
  cases.push(OTHER_COLOR);
  return cases as maplibregl.ExpressionSpecification;
}

const typeColor: maplibregl.ExpressionSpecification = [
  'match', ['get', 'plover_type'], ...PLOVER.flatMap((p) => [p.type, p.color]), OTHER_COLOR,
] as unknown as maplibregl.ExpressionSpecification;

export interface EventMap {
  map: maplibregl.Map;
  ready: Promise<void>;
  setEvents(fc: GeoJSON.FeatureCollection): void;
  highlight(id: string | null): void;
  flyTo(lon: number, lat: number): void;
  view(): string;
}

export function createMap(container: HTMLElement, opts: {
  view: string; onSelect: (id: string) => void; onMove: (view: string) => void;
}): EventMap {
  const { land, borders } = basemap();
  let center: [number, number] = [25, 25];
  let zoom = 1.3;
  const m = /^([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(opts.view);
  if (m) { zoom = Number(m[1]); center = [Number(m[3]), Number(m[2])]; }

  const clusterProperties: Record<string, unknown> = { fat: ['+', ['get', 'killed']], reports: ['+', ['get', 'reports']] };
  for (const t of TYPES) clusterProperties[`n_${t}`] = ['+', ['case', ['==', ['get', 'plover_type'], t], 1, 0]];

  const map = new maplibregl.Map({
    container,
    center,
    zoom,
    minZoom: 0.5,
    maxZoom: 12,
    attributionControl: false,
    style: {
      version: 8,
      sources: {
        land: { type: 'geojson', data: land },
        borders: { type: 'geojson', data: borders },
        events: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          cluster: true,
          clusterRadius: 36,
          clusterMaxZoom: 9,
          promoteId: 'event_id',
          clusterProperties: clusterProperties as Record<string, maplibregl.ExpressionSpecification>,
        },
      },
      layers: [
        { id: 'ocean', type: 'background', paint: { 'background-color': '#dce8f0' } },
        { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f6f4ee', 'fill-outline-color': '#c9c3b5' } },
        { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#b3ab98', 'line-width': 0.6 } },
        {
          id: 'events-clusters', type: 'circle', source: 'events', filter: ['has', 'point_count'],
          paint: {
            'circle-color': dominantTypeColor(),
            'circle-opacity': 0.8,
            'circle-radius': ['+', 10, ['*', 2, ['sqrt', ['get', 'point_count']]], ['*', 2.6, ['ln', ['+', 1, ['get', 'fat']]]]],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
        {
          id: 'events-points', type: 'circle', source: 'events', filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-color': typeColor,
            'circle-opacity': 0.85,
            'circle-radius': ['+', 5, ['*', 2.4, ['ln', ['+', 1, ['get', 'killed']]]]],
            'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111111', '#ffffff'],
            'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5],
          },
        },
      ],
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({}), 'bottom-left');

  // Cluster counts as HTML markers, refreshed whenever the view or data changes.
  const labels = new Map<number, maplibregl.Marker>();
  function updateLabels() {
    if (!map.getSource('events') || !map.isSourceLoaded('events')) return;
    const seen = new Set<number>();
    for (const f of map.querySourceFeatures('events', { filter: ['has', 'point_count'] })) {
      const id = f.properties!.cluster_id as number;
      if (seen.has(id)) continue;
      seen.add(id);
      let mk = labels.get(id);
      if (!mk) {
        const el = document.createElement('div');
        el.className = 'cluster-label';
        el.textContent = String(f.properties!.point_count);
        el.title = `${f.properties!.point_count} events, ${f.properties!.reports} reports, ${f.properties!.fat} killed`;
        mk = new maplibregl.Marker({ element: el }).setLngLat((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        labels.set(id, mk);
      }
      mk.addTo(map);
    }
    for (const [id, mk] of labels) if (!seen.has(id)) { mk.remove(); labels.delete(id); }
  }
  map.on('render', () => { if (!map.isMoving()) updateLabels(); });
  map.on('moveend', () => { updateLabels(); opts.onMove(viewString()); });

  const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'hover-popup' });
  map.on('mousemove', 'events-points', (e) => {
    map.getCanvas().style.cursor = 'pointer';
    const p = e.features?.[0]?.properties;
    if (!p) return;
    popup.setLngLat(e.lngLat).setText(`${p.date} · ${p.plover_type} · ${p.place ?? ''}`).addTo(map);
  });
  map.on('mouseleave', 'events-points', () => { map.getCanvas().style.cursor = ''; popup.remove(); });
  map.on('mouseenter', 'events-clusters', () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', 'events-clusters', () => { map.getCanvas().style.cursor = ''; });
  map.on('click', 'events-points', (e) => {
    const id = e.features?.[0]?.properties?.event_id;
    if (id) opts.onSelect(String(id));
  });
  map.on('click', 'events-clusters', async (e) => {
    const f = e.features?.[0];
    if (!f) return;
    const src = map.getSource('events') as maplibregl.GeoJSONSource;
    const z = await src.getClusterExpansionZoom(f.properties!.cluster_id);
    map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: z });
  });

  const ready = new Promise<void>((resolve) => map.once('load', () => resolve()));
  let selected: string | null = null;
  function viewString() {
    const c = map.getCenter();
    return `${map.getZoom().toFixed(2)}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`;
  }
  const em: EventMap = {
    map,
    ready,
    setEvents(fc) {
      ready.then(() => {
        (map.getSource('events') as maplibregl.GeoJSONSource).setData(fc);
        if (selected) em.highlight(selected);
      });
    },
    highlight(id) {
      ready.then(() => {
        if (selected) map.removeFeatureState({ source: 'events', id: selected });
        selected = id;
        if (id) map.setFeatureState({ source: 'events', id }, { selected: true });
      });
    },
    flyTo(lon, lat) { map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 4) }); },
    view: viewString,
  };
  return em;
}
