"""Per-field accuracy on the sample articles, the ACLED dev set and the team's corpus.

usage: python benchmarks/accuracy.py [seeds] [dev] [corpus] [--limit N] [--errors]

Runs the extraction in memory (no store) and scores with eventwire.evaluate (the scorer's definitions).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

from eventwire.evaluate import extra_agreement, gold_from_expected, score
from eventwire.export import event_record
from eventwire.ingest import ReadError, read_paths
from eventwire.pipeline import extract_document, warm_up

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run(paths: list[str], limit: int | None = None) -> tuple[list[dict], float, int]:
    """Extract every document under paths; (records, seconds, documents)."""
    warm_up()
    records: list[dict] = []
    n = 0
    t0 = time.perf_counter()
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            print("read error:", item, file=sys.stderr)
            continue
        if limit and n >= limit:
            break
        n += 1
        try:
            res = extract_document(item)
        except Exception as exc:  # report and go on
            print(f"extraction failed: {item.id}: {exc!r}", file=sys.stderr)
            continue
        records.extend(event_record(ev) for ev in res.events)
    return records, time.perf_counter() - t0, n


def report(name: str, gold: dict, records: list[dict], seconds: float, n: int, errors: bool) -> float:
    sc = score(gold, records)
    print(f"\n== {name}: {n} documents, {seconds:.1f} s ({n / seconds:.1f} docs/s)")
    print(f"events matched {sc.matched}  missed {sc.missed}  spurious {sc.spurious}  "
          f"detection P {sc.detection_precision:.3f} R {sc.detection_recall:.3f}")
    print(f"{'field':16} {'agree':>11} {'share':>6}")
    for k, (a, b) in list(sc.per_slot.items()) + list(extra_agreement(sc, gold, records).items()):
        print(f"{k:16} {a:>5}/{b:<5} {a / b:6.3f}")
    print(f"slot_precision {sc.slot_precision:.3f}  slot_recall {sc.slot_recall:.3f}  slot_f1 {sc.slot_f1:.3f}")
    if errors:
        for e in sc.errors:
            print("  ", e.doc_id, e.slots, {k: (e.gold.get(k), e.system.get(k)) for k in e.slots if k != "missed"})
        for d, ev in sc.spurious_events:
            print("   spurious", d, ev)
    return sc.slot_f1


def main(argv: list[str]) -> int:
    which = [a for a in argv if a in ("seeds", "dev", "corpus")] or ["seeds", "dev", "corpus"]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    errors = "--errors" in argv
    if "seeds" in which and SHARED.exists():
        recs, secs, n = run([str(SHARED / "seeds")])
        report("sample articles", json.loads((SHARED / "gold/seeds.json").read_text()), recs, secs, n, errors)
    if "dev" in which and SHARED.exists():
        gold = json.loads((SHARED / "gold/acled_dev.json").read_text())
        recs, secs, n = run([str(SHARED / "dev/acled_dev.jsonl")], limit)
        if limit:
            ids = [json.loads(line)["id"] for line in open(SHARED / "dev/acled_dev.jsonl")][:limit]
            gold = {"documents": {k: gold["documents"][k] for k in ids}}
        report("ACLED dev notes", gold, recs, secs, n, errors)
    if "corpus" in which:
        expected = yaml.safe_load((ROOT / "tests/corpus/expected.yaml").read_text(encoding="utf-8"))
        for lang in ("fr", "en"):
            gold = gold_from_expected({k: v for k, v in expected.items() if k.startswith(lang + "_")})
            recs, secs, n = run([str(ROOT / "tests/corpus" / lang)])
            report(f"team corpus ({lang})", gold, recs, secs, n, errors)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
