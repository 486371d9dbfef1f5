"""Geocoder benchmark: load time, resolve() speed, and accuracy of locate_event on the ACLED dev notes.

usage: python benchmarks/geocoder.py [--limit N] [--show K]

Reads ../shared/dev/acled_dev.jsonl and ../shared/gold/acled_dev.json (beside the repository). Prints the share of
notes whose point lies within the gold radius, whose admin1 matches (scorer's admin_norm), whose country matches,
and the most frequent failure categories.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.evaluate import admin_norm, haversine, norm

SHARED = Path(__file__).resolve().parents[2] / "shared"
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print K failures")
    args = ap.parse_args()
    dev, gold_path = SHARED / "dev" / "acled_dev.jsonl", SHARED / "gold" / "acled_dev.json"

    t = time.perf_counter()
    from eventwire.geo import document_context, get_gazetteer, locate_event
    from eventwire.model import Document
    gaz = get_gazetteer()
    print(f"load_s {time.perf_counter() - t:.2f}")
    names = ["Bagdad", "Alep", "Mossoul", "Kirkuk", "Tripoli", "Anbar", "Springfield", "Paris", "Gao", "Kharkiv",
             "Nablus", "Lagos", "Sanaa", "Homs", "Idlib", "Goma", "Mogadishu", "Kidal", "Donetsk", "Rafah"] * 100
    phrases = ["dans l'est de Bagdad", "près de Mossoul", "dans la province d'Anbar", "à 30 km au nord de Gao",
               "base d'Aïn al-Assad", "in the Idlib countryside", "Tal Madeeq town in Aleppo countryside",
               "Betmanove, Donetsk", "eastern Baghdad", "Xyzzy village"] * 100
    print(f"resolve_per_s names {speed(gaz, names):.0f}  phrases {speed(gaz, phrases):.0f}")
    if not dev.exists() or not gold_path.exists():
        print("dev set not found; accuracy skipped")
        return 0
    gold = json.loads(gold_path.read_text())["documents"]
    notes = [json.loads(ln) for ln in dev.read_text().splitlines() if ln.strip()]
    if args.limit:
        notes = notes[:args.limit]
    n = ok_place = ok_admin = ok_country = 0
    fails: Counter[str] = Counter()
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
        ok_admin += p is not None and admin_norm(p.admin1) == admin_norm(g["admin1"]) != ""
        ok_country += p is not None and norm(p.country) == norm(g["country"])
        if not good:
            ev = slot.evidence[0].text if slot.evidence else ""
            cat = category(gaz, g, p, ev)
            fails[cat] += 1
            if shown < args.show:
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
