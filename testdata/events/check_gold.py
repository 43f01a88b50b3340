#!/usr/bin/env python3
"""Sanity checks for the hand-written event gold files (testdata/events/*/*.gold.json).

Usage: python3 testdata/events/check_gold.py [DIR ...]   (default: all split folders)

Checks per article: the gold parses, `doc`/`date` agree with the text's first line,
every event quote and every no_event string lies inside exactly one sentence and
occurs once in the article, no_event sentences hold no required quote, date windows
are well formed and agree with a given weekday where the window is a single day,
and the PLOVER list agrees with the exact CAMEO codes listed (each code's PLOVER
type from src/lang/common/ontology/cameo.tsv must be accepted; a code without a
PLOVER type, a plain statement, needs an empty list, which accepts any type).
Sentences are split crudely after '. ', '? ', '! ' and at line breaks, which is
how the gold was written. Prints per-root CAMEO and PLOVER counts at the end.
"""
import collections, datetime as dt, json, os, re, sys

KEYS = ['id', 'required', 'quote', 'source', 'target', 'cameo', 'plover']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def load_plover():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, '..', '..', 'src', 'lang', 'common', 'ontology', 'cameo.tsv')
    types = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            types[cols[0]] = cols[5] if len(cols) > 5 else ''
    return types


PLOVER_OF = load_plover()


def sentences(body):
    out = []
    for line in body.split('\n'):
        line = line.strip()
        if line:
            out += [s for s in re.split(r'(?<=[.?!])\s+', line) if s]
    return out


def check(gold_path, stats, errors):
    def err(msg):
        errors.append(f'{os.path.basename(gold_path)}: {msg}')
    with open(gold_path, encoding='utf-8') as f:
        g = json.load(f)
    txt_path = os.path.join(os.path.dirname(gold_path), g['doc'])
    with open(txt_path, encoding='utf-8') as f:
        text = f.read()
    first, _, body = text.partition('\n')
    if first.strip() != f"date {g['date']}":
        err(f'date line {first!r} != gold date {g["date"]!r}')
    sents = sentences(body)
    words = len(body.split())
    stats['words'].append(words)

    def locate(s, what):
        hits = [i for i, x in enumerate(sents) if s in x]
        if len(hits) != 1:
            err(f'{what} {s!r} found in {len(hits)} sentences')
        if body.count(s) != 1:
            err(f'{what} {s!r} occurs {body.count(s)} times in the article')
        return hits[0] if hits else None

    ids = set()
    req_sents = set()
    for e in g['events']:
        for k in KEYS:
            if k not in e:
                err(f'event {e.get("id")} lacks {k}')
        if e['id'] in ids:
            err(f'duplicate id {e["id"]}')
        ids.add(e['id'])
        i = locate(e['quote'], f'quote of {e["id"]}')
        if e['required'] and i is not None:
            req_sents.add(i)
        d = e.get('date')
        if d:
            a, b = (dt.date.fromisoformat(x) for x in d['within'])
            if a > b:
                err(f'{e["id"]}: empty date window')
            wd = d.get('weekday')
            if wd and wd not in WEEKDAYS:
                err(f'{e["id"]}: bad weekday {wd}')
            if wd and a == b and WEEKDAYS[a.weekday()] != wd:
                err(f'{e["id"]}: {a} is not a {wd}')
        if not e['cameo']:
            err(f'{e["id"]}: empty cameo list')
        known = {t for t in PLOVER_OF.values() if t}
        for p in e['plover']:
            if p not in known:
                err(f'{e["id"]}: unknown PLOVER type {p!r}')
        for c in e['cameo']:
            if c.endswith('*'):
                continue
            if c not in PLOVER_OF:
                err(f'{e["id"]}: unknown CAMEO code {c!r}')
            elif e['plover'] and PLOVER_OF[c] not in e['plover']:
                err(f'{e["id"]}: CAMEO {c} is PLOVER {PLOVER_OF[c] or "(none: a statement)"}, '
                    f'not in {e["plover"]} (add it, or use [] for statements)')
        root = e['cameo'][0][:2]
        stats['root'][root] += 1
        stats['root_req' if e['required'] else 'root_opt'][root] += 1
        for p in (e['plover'][:1] or ['(none)']):
            stats['plover'][p] += 1
    for s in g['no_event']:
        i = locate(s, 'no_event')
        if i is not None and i in req_sents:
            err(f'no_event {s!r} shares a sentence with a required event')
    stats['no_event'] += len(g['no_event'])
    stats['events'] += len(g['events'])
    stats['required'] += sum(1 for e in g['events'] if e['required'])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = sys.argv[1:] or [os.path.join(here, d) for d in ('dev', 'test') if os.path.isdir(os.path.join(here, d))]
    stats = {'root': collections.Counter(), 'root_req': collections.Counter(), 'root_opt': collections.Counter(),
             'plover': collections.Counter(), 'words': [], 'events': 0, 'required': 0, 'no_event': 0}
    errors = []
    n = 0
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith('.gold.json'):
                n += 1
                try:
                    check(os.path.join(d, name), stats, errors)
                except Exception as ex:  # malformed file
                    errors.append(f'{name}: {type(ex).__name__}: {ex}')
    print(f'{n} gold files, {stats["events"]} events ({stats["required"]} required), {stats["no_event"]} no_event strings')
    if stats['words']:
        print(f'words per article: min {min(stats["words"])}, max {max(stats["words"])}')
    print('CAMEO root (required/optional):',
          ', '.join(f'{r}:{stats["root_req"][r]}/{stats["root_opt"][r]}' for r in sorted(stats['root'])))
    print('PLOVER (first listed):', ', '.join(f'{p}:{c}' for p, c in sorted(stats['plover'].items())))
    missing = [f'{i:02d}' for i in range(1, 21) if f'{i:02d}' not in stats['root']]
    if missing:
        print('CAMEO roots not covered:', ' '.join(missing))
    for e in errors:
        print('ERROR', e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
