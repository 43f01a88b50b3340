// Time histogram (uPlot): events per day/week/month as bars, reports as a
// step line. Drag-select a range to set the date filter (brushing).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Bucket } from './api';

const DAY = 86400;
const toSec = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;
export const toDay = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);

function nextBucket(sec: number, interval: string): number {
  const d = new Date(sec * 1000);
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime() / 1000;
}

/** Fills empty buckets so bars sit on a regular axis (the server may omit zeros). */
export function fillBuckets(buckets: Bucket[], interval: string): { x: number[]; events: number[]; reports: number[]; fat: number[] } {
  const m = new Map(buckets.map((b) => [toSec(b.start), b]));
  const x: number[] = [], events: number[] = [], reports: number[] = [], fat: number[] = [];
  if (!buckets.length) return { x, events, reports, fat };
  const keys = [...m.keys()].sort((a, b) => a - b);
  let t = keys[0];
  const last = keys[keys.length - 1];
  for (let guard = 0; t <= last && guard < 20000; guard++, t = nextBucket(t, interval)) {
    const b = m.get(t);
    x.push(t); events.push(b?.events ?? 0); reports.push(b?.reports ?? 0); fat.push(b?.fatalities ?? 0);
  }
  // One empty bucket after the last so the last bar has a width and can be brushed.
  x.push(t); events.push(0); reports.push(0); fat.push(0);
  return { x, events, reports, fat };
}

export interface Timeline {
  setData(buckets: Bucket[], interval: string, range: { start: string; end: string }, labels: { events: string; reports: string }): void;
  plot(): uPlot | null;
}

export function createTimeline(el: HTMLElement, onBrush: (start: string, end: string) => void): Timeline {
  let u: uPlot | null = null;
  let interval = 'day';
  let suppress = false;

  const size = () => ({ width: Math.max(200, el.clientWidth), height: Math.max(90, el.clientHeight) });

  function build(data: uPlot.AlignedData, labels: { events: string; reports: string }) {
    u?.destroy();
    const bars = uPlot.paths.bars!({ size: [0.9, 60], align: 1 });
    const stepped = uPlot.paths.stepped!({ align: 1 });
    u = new uPlot({
      ...size(),
      padding: [8, 8, 0, 0],
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      select: { show: true, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { stroke: '#444', grid: { stroke: '#eee' }, ticks: { stroke: '#ccc' } },
        { stroke: '#444', grid: { stroke: '#eee' }, ticks: { stroke: '#ccc' }, size: 36 },
      ],
      series: [
        { value: (_u, v) => (v == null ? '' : toDay(v)) },
        { label: labels.events, fill: 'rgba(214,39,40,0.55)', stroke: '#b22222', paths: bars, points: { show: false } },
        { label: labels.reports, stroke: '#1f77b4', width: 1.5, paths: stepped, points: { show: false } },
      ],
      hooks: {
        ready: [() => showRange(lastRange)],
        setSelect: [(p) => {
          if (suppress || p.select.width < 3) return;
          const a = p.posToVal(p.select.left, 'x');
          const b = p.posToVal(p.select.left + p.select.width, 'x');
          // Snap to whole days; the end is inclusive.
          const start = toDay(Math.floor(a / DAY) * DAY);
          const end = toDay(Math.max(Math.floor(a / DAY) * DAY, Math.ceil(b / DAY) * DAY - DAY));
          onBrush(start, end);
        }],
      },
    }, data, el);
    el.querySelector('.u-over')?.setAttribute('data-testid', 'timeline-brush');
  }

  function showRange(range: { start: string; end: string }) {
    if (!u || !u.data[0].length || !Number.isFinite(u.valToPos(u.data[0][0], 'x'))) return;
    suppress = true;
    if (range.start || range.end) {
      const xs = u.data[0];
      const a = range.start ? toSec(range.start) : xs[0];
      const b = range.end ? toSec(range.end) + DAY : xs[xs.length - 1];
      const l = Math.max(0, u.valToPos(a, 'x'));
      const r = Math.min(u.bbox.width / devicePixelRatio, u.valToPos(b, 'x'));
      u.setSelect({ left: l, width: Math.max(2, r - l), top: 0, height: u.bbox.height / devicePixelRatio }, false);
    } else {
      u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    }
    suppress = false;
  }

  let lastRange = { start: '', end: '' };
  new ResizeObserver(() => { if (u) { u.setSize(size()); showRange(lastRange); } }).observe(el);

  return {
    setData(buckets, iv, range, labels) {
      interval = iv;
      const f = fillBuckets(buckets, interval);
      lastRange = range;
      build([f.x, f.events, f.reports], labels);
      showRange(range);
    },
    plot: () => u,
  };
}
