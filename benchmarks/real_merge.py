"""Cross-outlet merging on the real news pages of ../shared/real: the same incident told by two pages.

usage: python benchmarks/real_merge.py [--show]

Ingests every page of ../shared/real/fr/docs and ../shared/real/en/docs into one fresh SQLite store (both
languages together, as a user would), exports its events and compares them with the gold coding.

Gold pairs: two gold events of different pages are the same incident when they have the same event type, true
days at most one day apart (gold event_date is the true day whatever its precision; a night incident may be dated
either side of midnight by two outlets), the same country, and points within the larger of their two radii (the
radius says how far the coder allowed the place to be). Pairs are sought among the development pages (every
fourth page per language in sorted order is untouched: benchmarks/accuracy.py real_split); for the untouched
pages only counts are printed.

Each gold event is tied to the exported event the shared scorer matches it with in its page (its greedy
matching, ../shared/eval/score.py). A gold pair is then: merged (one exported event holds both pages), split (two
exported events) or missed (one page's gold event matched nothing). A wrong merge is an exported event matched in
two pages with gold events that are not the same incident. The merge corpus figures (benchmarks/merge_corpus.py)
are printed too. --show lists the development pairs and wrong merges.
"""
from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from itertools import combinations
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import SHARED, real_split, shared_scorer  # noqa: E402
from merge_corpus import corpus_events, part_scores  # noqa: E402

from eventwire.export import event_record  # noqa: E402
from eventwire.ingest_run import run_ingest  # noqa: E402
from eventwire.store.db import open_db  # noqa: E402
from eventwire.store.repo import iter_events  # noqa: E402

LANGS = ("fr", "en")


def ingest(paths: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "r.db")
        run_ingest(paths, db, show_progress=False, console=Console(stderr=True, quiet=True))
        with open_db(db)() as s:
            return [event_record(e) for e in iter_events(s)]


def same_incident(a: dict, b: dict, sc) -> bool:
    """Two gold events of different pages tell one incident (see the module's docstring)."""
    if a["event_type"] != b["event_type"] or a.get("country") != b.get("country"):
        return False
    if abs((date.fromisoformat(a["event_date"]) - date.fromisoformat(b["event_date"])).days) > 1:
        return False
    if "lat" not in a or "lat" not in b:
        return False
    return sc.km(a["lat"], a["lon"], b["lat"], b["lon"]) <= max(a.get("radius_km", 25), b.get("radius_km", 25))


def matching(gold_doc: dict, sys_evs: list[int], recs: list[dict], sc) -> dict[int, int]:
    """gold event index -> record index, the shared scorer's greedy matching in one page."""
    pairs = []
    for gi, ge in enumerate(gold_doc["events"]):
        for si in sys_evs:
            hits = [k for k in sc.gold_slots(ge) if sc.slot_ok(k, ge, recs[si])]
            pairs.append((len(hits), gi, si))
    pairs.sort(key=lambda p: -p[0])
    used_g, used_s, out = set(), set(), {}
    for n, gi, si in pairs:
        if gi in used_g or si in used_s or n < min(sc.MIN_AGREE, len(sc.gold_slots(gold_doc["events"][gi]))):
            continue
        used_g.add(gi)
        used_s.add(si)
        out[gi] = si
    return out


def pair_figures(ids: set[str], gold: dict, recs: list[dict], match: dict, sc) -> dict:
    """Gold pairs among the pages ids and how the export treats them; wrong merges among those pages."""
    events = [(d, gi, ge) for d in sorted(ids) for gi, ge in enumerate(gold[d]["events"])]
    pairs = [(x, y) for x, y in combinations(events, 2) if x[0] != y[0] and same_incident(x[2], y[2], sc)]
    out = {"pairs": [], "merged": 0, "split": 0, "missed": 0, "wrong": []}
    for (da, ga, ea), (db, gb, eb) in pairs:
        ra, rb = match.get((da, ga)), match.get((db, gb))
        verdict = "missed" if ra is None or rb is None else "merged" if ra == rb else "split"
        out[verdict] += 1
        out["pairs"].append((verdict, (da, ga), (db, gb), ra, rb))
    paired = {(x[0], x[1]) for x, y in pairs} | {(y[0], y[1]) for x, y in pairs}
    true_pairs = {frozenset([(x[0], x[1]), (y[0], y[1])]) for x, y in pairs}
    for ri, r in enumerate(recs):
        held = [(d, gi) for (d, gi), si in match.items() if si == ri and d in ids]
        for x, y in combinations(held, 2):
            if x[0] != y[0] and frozenset([x, y]) not in true_pairs:
                out["wrong"].append((ri, x, y))
    out["paired_events"] = len(paired)
    return out


def main(argv: list[str]) -> int:
    sc = shared_scorer()
    gold, dev, held = {}, set(), set()
    for lang in LANGS:
        g = json.loads((SHARED / "real" / lang / "gold.json").read_text(encoding="utf-8"))["documents"]
        gold.update(g)
        d, h = real_split(list(g))
        dev.update(d)
        held.update(h)
    recs = ingest([str(SHARED / "real" / lang / "docs") for lang in LANGS])
    by_doc: dict[str, list[int]] = {d: [] for d in gold}
    for i, r in enumerate(recs):
        for d in r.get("source_documents") or []:
            if d in by_doc:
                by_doc[d].append(i)
    match = {(d, gi): si for d in gold for gi, si in matching(gold[d], by_doc[d], recs, sc).items()}
    multi = sum(1 for r in recs if len(r.get("source_documents") or []) > 1)
    print(f"real pages fr+en in one store: {len(gold)} pages, {len(recs)} exported events, {multi} from several pages")
    for name, ids in (("dev", dev), ("untouched", held)):
        f = pair_figures(ids, gold, recs, match, sc)
        n = len(f["pairs"])
        print(f"{name:9} same-incident gold pairs {n:3}  merged {f['merged']:3}  split {f['split']:3}  "
              f"missed {f['missed']:3}  wrong merges {len(f['wrong']):3}")
        if "--show" in argv and name == "dev":
            def brief(ri):
                if ri is None:
                    return "-"
                r = recs[ri]
                return (f"{r['source_documents']} {r['event_date']}/{r.get('time_precision')} {r['sub_event_type']} | "
                        f"{r['actor1']} | {r['actor2']} | {r['location']} ({r['country']}) {r.get('fatalities')}")
            for verdict, a, b, ra, rb in f["pairs"]:
                print(f"  {verdict:6} {a} {b}\n      {brief(ra)}\n      {brief(rb)}")
            for ri, a, b in f["wrong"]:
                print(f"  wrong  {a} {b}\n      {brief(ri)}")
    truth, mrecs = corpus_events()
    for name, (n, docs, p, r) in part_scores(truth, [r["source_documents"] for r in mrecs]).items():
        print(f"merge corpus {name:13} incidents {n:3}  reports {docs:3}  pairwise P {p:.3f}  R {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
