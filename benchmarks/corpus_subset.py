"""Score a subset of the team corpus, the way `benchmarks/accuracy.py corpus` does.

usage: python benchmarks/corpus_subset.py PREFIX [PREFIX ...] [--errors]

PREFIX selects corpus ids by their start (e.g. fr_40 fr_41 for the blind French set A, fr_45 fr_46 for the held-out
set B). --errors lists the disagreements; keep it off for a held-out set.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import ROOT, report, run  # noqa: E402

from eventwire.evaluate import gold_from_expected  # noqa: E402


def main(argv: list[str]) -> int:
    prefixes = tuple(a for a in argv if not a.startswith("--"))
    expected = yaml.safe_load((ROOT / "tests/corpus/expected.yaml").read_text(encoding="utf-8"))
    ids = sorted(k for k in expected if k.startswith(prefixes))
    paths = [str(ROOT / "tests/corpus" / k[:2] / f"{k}.txt") for k in ids]
    recs, secs, n = run(paths)
    report(f"corpus subset {' '.join(prefixes)}", gold_from_expected({k: expected[k] for k in ids}), recs, secs, n,
           "--errors" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
