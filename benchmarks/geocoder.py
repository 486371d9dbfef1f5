"""Geocoder benchmark: load time, resolve() speed, and accuracy of locate_event on the ACLED dev notes.

usage: python benchmarks/geocoder.py [--limit N] [--show K] [--gazetteer DIR] [--import]

Reads ../shared/dev/acled_dev.jsonl and ../shared/gold/acled_dev.json (beside the repository). Prints the share of
notes whose point lies within the gold radius, whose admin1 matches (scorer's admin_norm), whose country matches,
the most frequent failure categories and the admin1 names written otherwise than ACLED's at the right point
(candidates for data/geo/admin1.csv): without imported places, and with those of the gazetteer folder
(--gazetteer or $EVENTWIRE_GAZETTEER; --import first imports the 25 countries of ../shared/gazetteer/geonames,
timed). With an import it also prints the time to open it and the memory its places take.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from eventwire.evaluate import admin_norm, haversine, norm

SHARED = Path(__file__).resolve().parents[2] / "shared"
GEONAMES = SHARED / "gazetteer" / "geonames"
_SENT = re.compile(r"(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bCo\.)(?<!\bNo\.)(?<=[.!?])\s+(?=[A-Z\[(])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SENT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def speed(gaz, names: list[str]) -> float:
    t = time.perf_counter()
    for n in names:
        gaz.resolve(n)
    return len(names) / (time.perf_counter() - t)


def category(gaz, gold: dict, place, evidence_text: str) -> str:
    """Why a note failed: missing from the gazetteer, wrong candidate, or wrong phrase chosen."""
    from eventwire.geo.normalize import name_key

    loc = gold["location"].split(" - ")[0]
    if place is None:
        return "no place found"
    if name_key(loc) and name_key(loc) in name_key(evidence_text):
        return "wrong candidate" if gaz.lookup(loc) else "missing from gazetteer (fallback too far)"
    if not gaz.lookup(loc) and not gaz.lookup_fuzzy(loc, countries=[place.country_code]):
        return "missing from gazetteer"
    return "wrong phrase chosen"


def rss_mb() -> float:
    """Resident memory of this process now (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        return 0.0


def imported_store(folder: str | None, do_import: bool):
    """The imported gazetteer to compare with: the folder given (or $EVENTWIRE_GAZETTEER); with --import, the 25
    countries of ../shared/gazetteer/geonames are imported into it first (timed)."""
    from eventwire.geo import geonames_import as gi

    directory = gi.gazetteer_dir(folder) if folder or os.environ.get(gi.ENV) else None
    if do_import:
        files = sorted(GEONAMES.glob("*.zip"))
        if not files:
            print("../shared/gazetteer/geonames not found; import skipped")
        else:
            if directory is None:
                directory = Path(tempfile.mkdtemp(prefix="eventwire-gaz-"))
            gi.db_path(directory).unlink(missing_ok=True)
            t = time.perf_counter()
            reps = gi.import_files(files, directory)
            print(f"import_s {time.perf_counter() - t:.1f}  places {sum(r.places for r in reps)}  "
                  f"names {sum(r.names for r in reps)}  index_mb {gi.db_path(directory).stat().st_size / 1e6:.0f}")
    return gi.ImportedStore.find(directory) if directory else None


def accuracy(gaz, notes: list[dict], gold: dict, show: int) -> None:
    from eventwire.geo import document_context, locate_event
    from eventwire.model import Document

    n = ok_place = ok_admin = ok_country = 0
    fails: Counter[str] = Counter()
    names: Counter[tuple[str, str, str]] = Counter()   # right point, admin1 written otherwise: admin1.csv candidates
    shown = 0
    t = time.perf_counter()
    for note in notes:
        g = gold.get(note["id"], {}).get("events", [None])[0]
        if not g:
            continue
        doc = Document(id=note["id"], text=note["text"], language="en")
        doc.sentences = split_sentences(doc.text)
        ctx = document_context(doc, gaz)
        slot = locate_event(doc, list(range(len(doc.sentences))), None, ctx, gaz)
        p = slot.value
        n += 1
        good = p is not None and p.latitude is not None and \
            haversine(g["lat"], g["lon"], p.latitude, p.longitude) <= g.get("radius_km", 25)
        ok_place += good
        admin_ok = p is not None and admin_norm(p.admin1) == admin_norm(g["admin1"]) != ""
        ok_admin += admin_ok
        if good and not admin_ok:
            names[(g["country"], g["admin1"], p.admin1)] += 1
        ok_country += p is not None and norm(p.country) == norm(g["country"])
        if not good:
            ev = slot.evidence[0].text if slot.evidence else ""
            cat = category(gaz, g, p, ev)
            fails[cat] += 1
            if shown < show:
                shown += 1
                got = f"{p.location} ({p.admin1}, {p.country}) {p.latitude},{p.longitude}" if p else slot.reason
                print(f"- [{cat}] {note['text'][:160]!r}\n    gold: {g['location']} ({g['admin1']}, {g['country']}) "
                      f"{g['lat']},{g['lon']} r={g['radius_km']}\n    got:  {got} | ev={ev!r} | {slot.reason}")
    el = time.perf_counter() - t
    print(f"notes {n}  notes_per_s {n / el:.0f}")
    print(f"place_within_radius {ok_place / n:.3f}")
    print(f"admin1_match {ok_admin / n:.3f}")
    print(f"country_match {ok_country / n:.3f}")
    for cat, c in fails.most_common():
        print(f"failure {cat}: {c}")
    print(f"admin1 named otherwise at the right point: {sum(names.values())}" +
          "".join(f"\n  {c} x {country}: gold {want!r}, got {got!r}" for (country, want, got), c in names.most_common(8)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print K failures")
    ap.add_argument("--gazetteer", help="folder of an imported gazetteer to compare with (default: "
                                        "$EVENTWIRE_GAZETTEER; none: built-in gazetteer only)")
    ap.add_argument("--import", dest="do_import", action="store_true",
                    help="first import ../shared/gazetteer/geonames (into --gazetteer, else a temporary folder)")
    args = ap.parse_args()
    dev, gold_path = SHARED / "dev" / "acled_dev.jsonl", SHARED / "gold" / "acled_dev.json"

    store = imported_store(args.gazetteer, args.do_import)
    rss0 = rss_mb()
    t = time.perf_counter()
    from eventwire.geo.gazetteer import Gazetteer
    plain = Gazetteer(imported=False)
    print(f"load_s {time.perf_counter() - t:.2f}  (built-in index)")
    runs = [("without import", plain)]
    if store is not None:
        rss1 = rss_mb()
        t = time.perf_counter()
        full = Gazetteer(plain.index, imported=store)
        full.resolve("Bagdad")   # opens the database and reads its Bloom filter
        print(f"open_imported_s {time.perf_counter() - t:.2f}  (load with import: built-in + this)")
        runs.append(("with import", full))
    names = ["Bagdad", "Alep", "Mossoul", "Kirkuk", "Tripoli", "Anbar", "Springfield", "Paris", "Gao", "Kharkiv",
             "Nablus", "Lagos", "Sanaa", "Homs", "Idlib", "Goma", "Mogadishu", "Kidal", "Donetsk", "Rafah"] * 100
    phrases = ["dans l'est de Bagdad", "près de Mossoul", "dans la province d'Anbar", "à 30 km au nord de Gao",
               "base d'Aïn al-Assad", "in the Idlib countryside", "Tal Madeeq town in Aleppo countryside",
               "Betmanove, Donetsk", "eastern Baghdad", "Xyzzy village"] * 100
    have_dev = dev.exists() and gold_path.exists()
    gold = json.loads(gold_path.read_text())["documents"] if have_dev else {}
    notes = [json.loads(ln) for ln in dev.read_text().splitlines() if ln.strip()] if have_dev else []
    if args.limit:
        notes = notes[:args.limit]
    # every gold place name of the dev set once, on a gazetteer that has looked nothing up yet (no cached answer)
    distinct = sorted({e["location"].split(" - ")[0] for d in gold.values() for e in d.get("events", [])})
    for label, gaz in runs:
        print(f"\n== {label}")
        fresh = Gazetteer(plain.index, imported=gaz.extra or False)
        if distinct:
            print(f"resolve_per_s distinct_names {speed(fresh, distinct):.0f}  ({len(distinct)} names, first lookups)")
        speed(gaz, names[:20] + phrases[:10])   # warm-up: caches of name keys, cue lists, compiled patterns
        print(f"resolve_per_s names {speed(gaz, names):.0f}  phrases {speed(gaz, phrases):.0f}  (repeated)")
        if not have_dev:
            print("dev set not found; accuracy skipped")
            continue
        accuracy(gaz, notes, gold, args.show)
        if gaz is not plain:
            print(f"memory_growth_mb {rss_mb() - rss1:.0f}  (imported places read: {len(gaz.recs) - len(plain.recs)};"
                  f" process {rss_mb():.0f} MB, {rss0:.0f} before the gazetteer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
