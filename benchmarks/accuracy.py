"""Per-field accuracy on the sample articles, the ACLED dev set and the team's corpus.

usage: python benchmarks/accuracy.py [seeds] [dev] [corpus] [real] [--limit N] [--half fit|held] [--errors]

Runs the extraction in memory (no store) and scores with eventwire.evaluate (the scorer's definitions).
`real` scores the real news pages of ../shared/real with the shared scorer itself (../shared/eval/score.py),
French and English apart, and apart again for the pages kept untouched while developing (every fourth page in
sorted order: see real_split). `--half fit` / `--half held` scores the dev notes' even / odd lines only (session 17:
rules are drawn from the fit half, the held half measures whether they generalise; --errors never lists the held half).
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


def real_split(doc_ids: list[str]) -> tuple[list[str], list[str]]:
    """(development, untouched) pages: every fourth page in sorted order is kept untouched."""
    ids = sorted(doc_ids)
    return [d for i, d in enumerate(ids) if i % 4 != 3], [d for i, d in enumerate(ids) if i % 4 == 3]


def shared_scorer():
    """The project's yardstick, ../shared/eval/score.py, loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval/score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report_real(name: str, gold: dict, records: list[dict], errors: bool) -> dict:
    """Score records on gold's documents with the shared scorer and print its figures."""
    res = shared_scorer().score(gold, records)
    exported = sum(1 for r in records if set(r.get("source_documents") or []) & set(gold["documents"]))
    print(f"\n== {name}: {len(gold['documents'])} pages, matched {res['events_matched']}  "
          f"missed {res['events_missed']}  spurious {res['events_spurious']} of {exported} exported")
    print("   " + "  ".join(f"{k} {v}" for k, v in res["per_slot"].items()))
    print(f"   slot_precision {res['slot_precision']}  slot_recall {res['slot_recall']}  slot_f1 {res['slot_f1']}")
    if errors:
        for d in res["details"]:
            if d[2]:
                print("   ", *d)
    return res


def run_real(errors: bool, part: str = "all") -> dict[str, dict]:
    """Extract and score ../shared/real (fr, en) whole, development part and untouched part."""
    out: dict[str, dict] = {}
    for lang in ("fr", "en"):
        base = SHARED / "real" / lang
        if not base.exists():
            continue
        gold = json.loads((base / "gold.json").read_text(encoding="utf-8"))
        dev_ids, held_ids = real_split(list(gold["documents"]))
        recs, secs, n = run([str(base / "docs")])
        print(f"\n[{lang}: {n} pages in {secs:.1f} s]")
        parts = {"all": list(gold["documents"]), "dev": dev_ids, "untouched": held_ids}
        for pname, ids in parts.items():
            if part not in ("all", pname) and pname != "all":
                continue
            sub = {"documents": {k: gold["documents"][k] for k in ids}}
            out[f"{lang}/{pname}"] = report_real(f"real pages {lang} ({pname})", sub, recs,
                                                 errors and (pname == "dev" or part == pname == "untouched"))
    return out


def main(argv: list[str]) -> int:
    which = [a for a in argv if a in ("seeds", "dev", "corpus", "real")] or ["seeds", "dev", "corpus"]
    if "real" in which and SHARED.exists():
        run_real("--errors" in argv, "untouched" if "--untouched" in argv else "all")
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    errors = "--errors" in argv
    if "seeds" in which and SHARED.exists():
        recs, secs, n = run([str(SHARED / "seeds")])
        report("sample articles", json.loads((SHARED / "gold/seeds.json").read_text()), recs, secs, n, errors)
    if "dev" in which and SHARED.exists():
        gold = json.loads((SHARED / "gold/acled_dev.json").read_text())
        recs, secs, n = run([str(SHARED / "dev/acled_dev.jsonl")], limit)
        half = argv[argv.index("--half") + 1] if "--half" in argv else None
        if limit or half:   # the notes' ids, read again only to restrict the gold
            ids = [json.loads(line)["id"] for line in open(SHARED / "dev/acled_dev.jsonl")][:limit]
            ids = ids[0 if half == "fit" else 1::2] if half else ids
            gold = {"documents": {k: gold["documents"][k] for k in ids}}
        name = f"ACLED dev notes ({half} half)" if half else "ACLED dev notes"
        report(name, gold, recs, secs, n, errors and half != "held")
    if "corpus" in which:
        expected = yaml.safe_load((ROOT / "tests/corpus/expected.yaml").read_text(encoding="utf-8"))
        for lang in ("fr", "en"):
            gold = gold_from_expected({k: v for k, v in expected.items() if k.startswith(lang + "_")})
            recs, secs, n = run([str(ROOT / "tests/corpus" / lang)])
            report(f"team corpus ({lang})", gold, recs, secs, n, errors)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
