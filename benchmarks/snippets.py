"""Typing of single news snippets (tests/snippets/snippets.yaml): one incident or none each.

usage: python benchmarks/snippets.py [--errors]

Prints, per language and split (fix / held / held15 / held16): snippets, event-type and sub-event-type accuracy (a snippet
with no incident is right when nothing is exported), precision and recall of "is an incident", and how many snippets
gave more than one event. --errors lists the disagreements of the `fix`, `held` and `held15` splits (`held`,
session 14's held-out half, was opened in session 15; `held15`, session 15's batch, in session 16: both spent): the
`held16` batch is measured, never studied.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from eventwire.model import SUB_TO_TYPE, Document
from eventwire.pipeline import extract_document, warm_up

ROOT = Path(__file__).resolve().parents[1]
STUDIED = ("fix", "held", "held15")  # the splits whose errors may be listed; every other split is summary figures only
LABELS = {"held": "held (s14, spent)", "held15": "held15 (s15, spent)", "held16": "held16 (held out)"}
SNIPPETS = ROOT / "tests/snippets/snippets.yaml"
PUBLISHED = "2024-05-15"


def load(path: Path = SNIPPETS) -> list[dict]:
    """The snippets: {id, lang, text, sub_event_type (None: no incident), split}."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def predict(item: dict) -> list[str]:
    """The sub-event types of the events extracted from the snippet, in order."""
    doc = Document(item["id"], item["text"], published=PUBLISHED, language=item["lang"])
    return [ev.sub_event_type.value for ev in extract_document(doc).events]


def label(subs: list[str]) -> str | None:
    """The snippet's predicted sub-event type: the most frequent of its events' (the first on a tie), None when
    nothing is exported."""
    return Counter(subs).most_common(1)[0][0] if subs else None


class Tally:
    """The figures of one language and split. (A plain class: tests load this script with importlib, outside
    sys.modules, where a dataclass cannot be built.)"""

    def __init__(self) -> None:
        self.n = self.type_ok = self.sub_ok = self.tp = self.fp = self.fn = self.multi = 0
        self.errors: list[tuple[str, str | None, list[str], str]] = []

    def add(self, item: dict, subs: list[str]) -> None:
        gold, got = item["sub_event_type"], label(subs)
        self.n += 1
        self.type_ok += SUB_TO_TYPE.get(gold) == SUB_TO_TYPE.get(got)
        self.sub_ok += gold == got
        self.tp += bool(gold) and bool(subs)
        self.fp += not gold and bool(subs)
        self.fn += bool(gold) and not subs
        self.multi += len(subs) > 1
        if gold != got or len(subs) > 1:
            self.errors.append((item["id"], gold, subs, item["text"]))

    @property
    def type_acc(self) -> float:
        return self.type_ok / self.n if self.n else 0.0

    @property
    def sub_acc(self) -> float:
        return self.sub_ok / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def measure(items: list[dict]) -> dict[tuple[str, str], Tally]:
    """Run every snippet; tallies by (lang, split)."""
    warm_up()
    tallies: dict[tuple[str, str], Tally] = {}
    for item in items:
        tallies.setdefault((item["lang"], item["split"]), Tally()).add(item, predict(item))
    return tallies


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    tallies = measure(load())
    print(f"snippets ({time.perf_counter() - t0:.1f} s)")
    print(f"{'lang':4} {'split':19} {'n':>4} {'type':>6} {'sub':>6} {'inc P':>6} {'inc R':>6} {'multi':>5}")
    for (lang, split), t in sorted(tallies.items()):
        print(f"{lang:4} {LABELS.get(split, split):19} {t.n:>4} {t.type_acc:6.3f} {t.sub_acc:6.3f} {t.precision:6.3f} "
              f"{t.recall:6.3f} {t.multi:>5}")
    if "--errors" in argv:
        for (lang, split), t in sorted(tallies.items()):
            if split not in STUDIED:
                continue
            for sid, gold, subs, text in t.errors:
                print(f"  {sid} gold={gold} got={subs}\n      {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
