"""Cross-document merging on the team's merge corpus (tests/merge_corpus): pairwise precision and recall.

usage: python benchmarks/merge_corpus.py [--show]

Ingests every report of tests/merge_corpus/reports into a fresh SQLite store, as `eventwire ingest` does
(near-duplicates linked, incidents merged incrementally), and compares the merged events with truth.yaml:
all incidents, the part the merge rules were developed on (m01-m15, a01-a11) and the held-out part written
afterwards by another hand (m16+, a12+). --show lists the incidents split or joined wrongly.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml
from rich.console import Console

from eventwire.export import event_record
from eventwire.ingest_run import run_ingest
from eventwire.merge import pairwise_precision_recall
from eventwire.store.db import open_db
from eventwire.store.repo import iter_events

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "merge_corpus"


def held_out(key: str) -> bool:
    """Incidents m16+ and a12+ were written after the merge rules, by another hand."""
    return int(key[1:3]) >= (16 if key[0] == "m" else 12)


def part_scores(truth: dict[str, list[str]], groups: list[list[str]]) -> dict[str, tuple[int, int, float, float]]:
    """Per part of the corpus (all, developed on, held out): incidents, reports, pairwise precision and recall
    of the predicted report groups restricted to that part's reports."""
    out = {}
    for name, part in (("all", truth), ("developed on", {k: v for k, v in truth.items() if not held_out(k)}),
                       ("held out", {k: v for k, v in truth.items() if held_out(k)})):
        docs = {d for v in part.values() for d in v}
        pred = [[d for d in g if d in docs] for g in groups]
        out[name] = (len(part), len(docs), *pairwise_precision_recall([g for g in pred if g], part.values()))
    return out


def corpus_events() -> tuple[dict, list[dict]]:
    """The merge corpus's truth (incident -> reports) and the events eventwire exports for its reports."""
    truth = yaml.safe_load((CORPUS / "truth.yaml").read_text(encoding="utf-8"))["incidents"]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "m.db")
        run_ingest([str(CORPUS / "reports")], db, show_progress=False, console=Console(stderr=True, quiet=True))
        with open_db(db)() as s:
            return truth, [event_record(e) for e in iter_events(s)]


def main(argv: list[str]) -> int:
    truth, recs = corpus_events()
    for name, (n, docs, p, r) in part_scores(truth, [r["source_documents"] for r in recs]).items():
        print(f"{name:13} incidents {n:3}  reports {docs:3}  pairwise P {p:.3f}  R {r:.3f}")
    if "--show" in argv:
        of = {d: k for k, v in truth.items() for d in v}
        for k, v in truth.items():
            got = [r for r in recs if set(r["source_documents"]) & set(v)]
            mixed = [r for r in got if {of.get(d) for d in r["source_documents"]} != {k}]
            if len(got) > 1 or mixed:
                print(f"- {k}: {v}")
                for r in got:
                    print(f"    {r['source_documents']} {r['event_date']} {r['sub_event_type']} | {r['actor1']} | "
                          f"{r['actor2']} | {r['location']} ({r['country']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
