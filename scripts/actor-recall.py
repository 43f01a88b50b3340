#!/usr/bin/env python3
# Copyright 2026 The Kroniek Authors. Apache-2.0.
"""Actor recall of the actor matcher on an event gold folder.

For every gold event whose `source` / `target` is a pattern list without null
(null accepts "no actor", so such roles are not counted), the
sentence holding the event's `quote` is found in `kroniek analyze` output and
the event's role counts as found when some actor mention inside that sentence
has a code matching one of the patterns (`X*` = prefix, `"*"` = any actor).
A miss whose sentence holds a bare sector code (`COP`) that ends one of the
expected codes is counted as "sector only" too (the coder may add the country
from context).

  KRONIEK_GAZETTEER=build/gazetteer.bin scripts/actor-recall.py [FOLDER]
      [--kroniek build/kroniek] [--quiet] [--json]

Never run it on testdata/events/test (held out).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def matches(code, pattern):
    if pattern == "*":
        return True
    if pattern.endswith("*"):
        return code.startswith(pattern[:-1])
    return code == pattern


def sector_only(code, patterns):
    """A bare sector code ("COP") that some exact expected code ends with."""
    if len(code) != 3:
        return False
    for p in patterns:
        p = p.rstrip("*")
        if len(p) >= 6 and p.endswith(code):
            return True
    return False


def analyze(kroniek, files):
    cmd = [kroniek, "analyze", "-q", "--no-tokens", "-j", "2"] + [str(f) for f in files]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    docs = {}
    for line in out.splitlines():
        if line.strip():
            d = json.loads(line)
            docs[os.path.basename(d["source"])] = d
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default="testdata/events/dev")
    ap.add_argument("--kroniek", default=None,
                    help="kroniek binary (default: build-he/kroniek, else build/kroniek)")
    ap.add_argument("--quiet", action="store_true", help="totals only, no misses")
    ap.add_argument("--json", action="store_true", help="print totals as JSON")
    args = ap.parse_args()

    folder = Path(args.folder)
    if folder.resolve().name == "test" and folder.resolve().parent.name == "events":
        sys.exit("actor-recall: testdata/events/test is held out; use dev")
    kroniek = args.kroniek
    if kroniek is None:
        for c in ("build-he/kroniek", "build/kroniek"):
            if os.access(c, os.X_OK):
                kroniek = c
                break
    if kroniek is None:
        sys.exit("actor-recall: no kroniek binary; pass --kroniek")

    golds = sorted(folder.glob("*.gold.json"))
    texts = [g.with_name(g.name[: -len(".gold.json")] + ".txt") for g in golds]
    docs = analyze(kroniek, texts)

    totals = {r: {"n": 0, "hit": 0, "sector": 0} for r in ("source", "target")}
    misses = []
    for gpath, tpath in zip(golds, texts):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        raw = tpath.read_bytes()
        doc = docs.get(tpath.name)
        if doc is None:
            print(f"warning: no analysis for {tpath}", file=sys.stderr)
            continue
        for ev in gold.get("events", []):
            q = ev["quote"].encode("utf-8")
            off = raw.find(q)
            if off < 0:
                print(f"warning: {gpath.name} {ev['id']}: quote not found", file=sys.stderr)
                continue
            sent = next((s for s in doc["sentences"]
                         if s["start"] <= off and off + len(q) <= s["end"]), None)
            if sent is None:
                print(f"warning: {gpath.name} {ev['id']}: no sentence", file=sys.stderr)
                continue
            found = [(e["text"], e["actor"]["code"]) for e in doc["entities"]
                     if e.get("actor") and e["actor"].get("code")
                     and sent["start"] <= e["start"] and e["end"] <= sent["end"]]
            for role in ("source", "target"):
                pats = ev.get(role)
                if not pats or None in pats:  # null: "no actor" is accepted
                    continue
                t = totals[role]
                t["n"] += 1
                if any(matches(c, p) for _, c in found for p in pats):
                    t["hit"] += 1
                    continue
                sec = any(sector_only(c, pats) for _, c in found)
                if sec:
                    t["sector"] += 1
                misses.append({
                    "doc": tpath.name, "id": ev["id"], "role": role,
                    "sentence": raw[sent["start"]:sent["end"]].decode("utf-8", "replace"),
                    "expected": pats, "found": found, "sector_only": sec})

    if args.json:
        print(json.dumps(totals))
        return
    if not args.quiet:
        for m in misses:
            found = ", ".join(f"{t}={c}" for t, c in m["found"]) or "-"
            print(f"MISS {m['doc']} {m['id']} {m['role']}"
                  f"{' (sector only)' if m['sector_only'] else ''}: {m['sentence']}")
            print(f"     expected {' | '.join(m['expected'])}; found {found}")
        print()
    for role, t in totals.items():
        n = t["n"] or 1
        print(f"{role:6s} recall {t['hit']}/{t['n']} = {t['hit'] / n:.3f}"
              f"  (+{t['sector']} sector only: {(t['hit'] + t['sector']) / n:.3f})")
    n = sum(t["n"] for t in totals.values()) or 1
    h = sum(t["hit"] for t in totals.values())
    print(f"all    recall {h}/{n} = {h / n:.3f}")


if __name__ == "__main__":
    main()
