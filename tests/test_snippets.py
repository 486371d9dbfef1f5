"""Typing of single news snippets (tests/snippets/snippets.yaml), measured by benchmarks/snippets.py.

Floors per language and split. The `held` half's floors are its FIRST-run figures (session 14, before any fix) and
stay there: fixes are drawn from the `fix` half only, so the held half must not depend on them. The `fix` half's
floors are the level reached after its fixes.
"""
from __future__ import annotations

import pytest

# (lang, split): (event-type accuracy, sub-event-type accuracy, incident precision, incident recall)
FLOORS = {
    ("en", "fix"): (0.79, 0.76, 0.77, 0.95),
    ("en", "held"): (0.83, 0.80, 0.81, 0.96),
    ("fr", "fix"): (0.83, 0.83, 0.80, 0.95),
    ("fr", "held"): (0.84, 0.79, 0.90, 0.96),
}


@pytest.fixture(scope="module")
def tallies(benchmark_module):
    bench = benchmark_module("snippets")
    return bench.measure(bench.load())


def test_the_set_is_split_before_any_run(benchmark_module):
    items = benchmark_module("snippets").load()
    assert len({i["id"] for i in items}) == len(items)
    for lang in ("en", "fr"):
        halves = [sum(i["lang"] == lang and i["split"] == s for i in items) for s in ("fix", "held")]
        assert abs(halves[0] - halves[1]) <= 1


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_snippets_are_typed_at_least_as_well_as_measured(tallies, key):
    t = tallies[key]
    got = (t.type_acc, t.sub_acc, t.precision, t.recall)
    assert all(g >= f for g, f in zip(got, FLOORS[key])), (key, got)
