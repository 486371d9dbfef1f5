"""What the sentence classifier decides, and how many exports it changes (issue 13, the encoder's cost).

usage: python benchmarks/encoder_use.py [dev] [corpus] [seeds] [real] [--limit N]

Per document, extraction runs once as shipped (counting the sentences, those encoded, and what each use of the
classifier decided) and once per variant with the classifier left out of one decision; the variant's exported
events are compared with the shipped ones (sorted JSON records):

- ``trigger-less``: a sentence without a trigger never becomes an incident by the classifier alone;
- ``family``: a family trigger the rules leave open takes its family's fallback, else its first candidate.

A trigger the rules type keeps its type without reading the classifier (its override, at 0.95 against 0.01, was
measured with this script before it went: it changed no type on the dev notes, corpus, seeds or real pages).

Real pages: the development part only (never the untouched quarter: see accuracy.real_split).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from copy import deepcopy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eventwire.export import event_record  # noqa: E402
from eventwire.extract import classifier as C  # noqa: E402
from eventwire.extract import mentions as M  # noqa: E402
from eventwire.ingest import ReadError, read_paths  # noqa: E402
from eventwire.pipeline import extract_document, warm_up  # noqa: E402

SHARED = ROOT.parent / "shared"
COUNTS: Counter = Counter()
MODE = {"skip": None}

_decide, _classifier_mention, _embed = M._decide, M._classifier_mention, C.embed


def decide(hit, probs):
    sub, why = _decide(hit, probs)
    if hit.sub:
        COUNTS["rules-typed hit"] += 1
    elif hit.candidates:
        COUNTS["family hit"] += 1
        plain = hit.fallback or hit.candidates[0]
        COUNTS["family hit: classifier differs from fallback"] += sub != plain
        if MODE["skip"] == "family":
            return plain, "family (no classifier)"
    return sub, why


def classifier_mention(ctx, i, probs, earlier):
    out = _classifier_mention(ctx, i, probs, earlier)
    COUNTS["trigger-less sentence"] += 1
    COUNTS["trigger-less sentence -> mention"] += bool(out)
    COUNTS["trigger-less sentence -> event mention"] += any(m.kind == "event" for m in out)
    if MODE["skip"] == "trigger-less":
        return []
    return out


def embed(texts):
    if MODE["skip"] is None:
        COUNTS["sentences encoded"] += len(texts)
    return _embed(texts)


M._decide, M._classifier_mention, C.embed = decide, classifier_mention, embed


def records(doc) -> list[str]:
    res = extract_document(deepcopy(doc))
    if MODE["skip"] is None:
        COUNTS["sentences"] += len(res.doc.sentences)
    return sorted(json.dumps(event_record(ev), sort_keys=True, ensure_ascii=False) for ev in res.events)


def documents(which: list[str]):
    if "dev" in which:
        yield "dev notes", [str(SHARED / "dev/acled_dev.jsonl")], None
    if "corpus" in which:
        yield "corpus", [str(ROOT / "tests/corpus/fr"), str(ROOT / "tests/corpus/en")], None
    if "seeds" in which:
        yield "seeds", [str(SHARED / "seeds")], None
    if "real" in which:
        from accuracy import real_split

        for lang in ("fr", "en"):
            gold = json.loads((SHARED / "real" / lang / "gold.json").read_text(encoding="utf-8"))
            dev_ids, _ = real_split(list(gold["documents"]))
            yield f"real {lang} (dev part)", [str(SHARED / "real" / lang / "docs")], set(dev_ids)


def main(argv: list[str]) -> int:
    which = [a for a in argv if a in ("dev", "corpus", "seeds", "real")] or ["dev", "corpus", "seeds", "real"]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    warm_up()
    for name, paths, keep in documents(which):
        COUNTS.clear()
        changed: Counter = Counter()
        n = 0
        for item in read_paths(paths):
            if isinstance(item, ReadError) or (keep is not None and item.id not in keep):
                continue
            if limit and n >= limit:
                break
            n += 1
            MODE["skip"] = None
            base = records(item)
            saved = Counter(COUNTS)
            for skip in ("trigger-less", "family"):
                MODE["skip"] = skip
                changed[skip] += records(item) != base
            COUNTS.clear()
            COUNTS.update(saved)
        print(f"== {name}: {n} documents")
        for k, v in sorted(COUNTS.items()):
            print(f"   {k:48} {v}")
        for k, v in changed.items():
            print(f"   documents whose export changes without the classifier for {k!r}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
