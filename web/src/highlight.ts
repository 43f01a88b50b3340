// Evidence highlighting. Span offsets are UTF-8 BYTE offsets into the document;
// the sentence starts at byte `sentenceStart`. We convert bytes -> JS string
// (UTF-16) indices by decoding the byte prefix, snapping to a code-point start.
import type { Span } from './api';

export interface Segment { text: string; roles: string[] }

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');

/** UTF-16 index in `sentence` for a byte offset into its UTF-8 encoding. */
export function byteToIndex(utf8: Uint8Array, byteOffset: number): number {
  let b = Math.max(0, Math.min(byteOffset, utf8.length));
  while (b > 0 && b < utf8.length && (utf8[b] & 0xc0) === 0x80) b--; // not inside a code point
  return dec.decode(utf8.subarray(0, b)).length;
}

export const ROLE_ORDER = ['trigger', 'casualties', 'source', 'target', 'place', 'date'];

/** Split `sentence` into segments, each with the roles of the spans covering it. */
export function segments(sentence: string, sentenceStart: number, spans: Span[]): Segment[] {
  const utf8 = enc.encode(sentence);
  const ranges = spans
    .map((s) => ({ role: s.role, a: byteToIndex(utf8, s.start - sentenceStart), b: byteToIndex(utf8, s.end - sentenceStart) }))
    .filter((r) => r.b > r.a);
  const cuts = new Set<number>([0, sentence.length]);
  for (const r of ranges) { cuts.add(r.a); cuts.add(r.b); }
  const pts = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const roles = ranges.filter((r) => r.a <= a && r.b >= b).map((r) => r.role)
      .sort((x, y) => (ROLE_ORDER.indexOf(x) + 99) % 99 - (ROLE_ORDER.indexOf(y) + 99) % 99);
    const prev = out[out.length - 1];
    if (prev && prev.roles.join() === roles.join()) prev.text += sentence.slice(a, b);
    else out.push({ text: sentence.slice(a, b), roles });
  }
  return out;
}

/** Renders the sentence with <mark class="hl hl-ROLE" data-role="ROLE ..."> elements. */
export function renderEvidence(sentence: string, sentenceStart: number, spans: Span[], roleLabel: (r: string) => string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'evidence';
  for (const seg of segments(sentence, sentenceStart, spans)) {
    if (!seg.roles.length) { p.append(seg.text); continue; }
    const m = document.createElement('mark');
    m.className = `hl hl-${seg.roles[0]}`;
    m.dataset.role = seg.roles.join(' ');
    m.title = seg.roles.map(roleLabel).join(', ');
    m.textContent = seg.text;
    p.append(m);
  }
  return p;
}
