"""Extraction on the team's own corpus (tests/corpus: 51 French, 28 English articles written by the team),
against the expected ACLED coding in tests/corpus/expected.yaml.

Two kinds of assertions:
- every field of every event, exactly, for the articles listed in EXACT (the ones eventwire gets fully right
  today: a regression in any field of any of them fails);
- floors on detection and per-field agreement over the whole corpus, per language (the rest of the
  corpus: what is measured, so that a drop fails). benchmarks/accuracy.py prints the full table.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.evaluate import extra_agreement, gold_from_expected, score
from eventwire.export import event_record
from eventwire.ingest import read_paths
from eventwire.model import Document
from eventwire.pipeline import extract_document

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))

# Articles whose every expected field eventwire reproduces exactly (see module docstring).
EXACT = [
    "fr_001_sinjar_frappe_drone",
    "fr_004_bassora_manifestations_electricite",
    "fr_006_diyala_engin_explosif_arrestations",
    "fr_009_ariha_frappes_russes_marche",
    "fr_012_nousseirat_ecole_frappe_bilan",
    "fr_023_kharkiv_sbu_arrestation",
    "fr_026_titao_massacre_arbinda_enlevement",
    "fr_034_mogadiscio_kamikaze_base",
    "fr_037_djugu_codeco_site_deplaces",
    "fr_043_saravena_eln_enlevement",
    "en_001_srinagar_grenade_market",
    "en_011_istanbul_is_raids",
    "en_114_portland_ice_protest_seattle_march",
]

# Floors per language: (slot_f1, detection precision, detection recall, {field: agreement on matched events})
FLOORS = {
    # weapons 0.75 -> 0.74 with the session-10 held-out set D (fr_551-562, never used for fixing: weapons 9/17 on
    # its first run, left by design); 0.742 measured with it, the pages before it unchanged.
    # Detection precision 0.93 -> 0.91 with the session-12 held-out set F (fr_651-662, never used for fixing: 4
    # spurious on its first run, left by design) and the no-new-incident set (fr_701-712, 8 pages that report no
    # new incident: 4 spurious left); 0.920 measured with them, 0.944 on the 156 pages before them (0.93 before)
    # Detection precision 0.91 -> 0.90 with the session-13 held-out set G (fr_751-762, never used for fixing: 5
    # spurious on its first run, left by design); 0.908 measured with it, 0.920 on the 180 pages before it
    # Detection precision 0.90 -> 0.89 with the session-13 held-out no-news set too (fr_771-778, never used for
    # fixing: 6 pages with no new incident, 5 spurious left by design); 0.897 with both sets, 0.924 without them
    # Detection precision 0.89 -> 0.88 with the session-14 held-out no-news set (fr_821-828, never used for fixing:
    # 6 pages with no new incident, 7 spurious on its first run, left by design); 0.889 measured with it, 0.909 on
    # the 200 pages before it (0.897 at the start of session 14)
    # Weapons 0.74 -> 0.73 with the session-15 held-out set I (fr_831-842, never used for fixing: weapons agree on
    # 6/14 of its matched events on the first run, left by design); 0.738 measured with it (222/301), 0.753 without.
    # Detection precision 0.88 -> 0.87 with the session-15 held-out set I and no-news set (fr_831-842, fr_851-858,
    # never used for fixing: 5 and 7 spurious events at their first runs, left by design); 0.873 measured with them.
    # Weapons 0.73 -> 0.72 with the session-16 held-out set J (fr_861-872, never used for fixing: weapons agree on
    # 8/15 of its matched events on the first run, left by design); 0.723 measured with it (230/318).
    # Detection precision 0.87 -> 0.86 with the session-16 held-out set J and no-news set (fr_861-872, fr_881-888,
    # never used for fixing: 3 and 4 spurious events at their first runs, left by design); 0.8696 measured with
    # them (320 of 368), 0.881 on the 240 pages before them.
    "fr": (0.82, 0.86, 0.90, {"event_type": 0.85, "sub_event_type": 0.80, "date": 0.85, "place": 0.83,
                              "admin1": 0.80, "actor1": 0.72, "actor2": 0.70, "fatalities": 0.80,
                              "injuries": 0.80, "time_precision": 0.95, "attribution": 0.65, "weapons": 0.72}),
    # with the English audit sets (en_101-115, en_201-214: the second set's two type errors left, see its notes);
    # attribution 0.70 -> 0.65 with the session-8 blind pages (en_401-410 and the held-out en_451-460, never used
    # for fixing: attribution 3/8 there), 0.671 measured; detection precision back at 0.85 (0.869 measured after the
    # spurious-event fixes; B's 5 spurious events are left by design); the pages before them are unchanged.
    # Detection precision 0.85 -> 0.82 with the session-9 held-out set C (en_501-512, never used for fixing: 11
    # spurious events of 27 on its first run, left by design); 0.824 measured with it, the other pages unchanged.
    # Weapons 0.75 -> 0.72 with the session-10 held-out set D (en_551-562, never used for fixing: weapons agree on
    # 5/15 of its matched events on the first run, left by design); 0.731 measured with it.
    # Sub-event type 0.88 -> 0.86 with the session-11 held-out set E (en_601-612, never used for fixing: its first
    # run is left by design); 0.868 measured with it, 0.898 on the pages before it
    # Weapons 0.72 -> 0.70 with the session-14 held-out set H (en_801-812, never used for fixing: weapons agree on
    # 4/15 of its matched events on the first run, left by design); 0.708 measured with it.
    # Detection precision 0.82 -> 0.81 with the session-14 held-out set H and no-news set (en_801-812, en_821-828,
    # never used for fixing: 7 and 8 spurious events at their first runs, left by design); 0.816 measured with them.
    # Detection precision 0.81 -> 0.80 and weapons 0.70 -> 0.68 with the session-15 held-out set I (en_831-842,
    # never used for fixing: 5 spurious events and weapons 5/13 on its first run, left by design); 0.809 and 0.687
    # measured with it.
    # Slot F1 0.80 -> 0.79 with the session-16 held-out set J and no-news set (en_861-872, en_881-888, never used
    # for fixing: 5 and 6 spurious events at their first runs, left by design); 0.796 measured with them, 0.817 on
    # the 184 pages before them.
    # Session 19: the learned export decision (on for English pages of 4 sentences or more) trades recall for
    # precision: slot F1 0.803 -> 0.848, detection precision 0.812 -> 0.932, recall 0.966 -> 0.927 (15 gold events
    # missed, 7 before); the share of gold events whose type agrees falls with the missed ones (event type 0.908 ->
    # 0.874, sub-event type 0.879 -> 0.850). Floors at the new level: slot F1 0.79 -> 0.84, detection precision
    # 0.80 -> 0.90, event type 0.88 -> 0.87, sub-event type 0.86 -> 0.84. Part of the corpus's spent sets trained it.
    "en": (0.84, 0.90, 0.90, {"event_type": 0.87, "sub_event_type": 0.84, "date": 0.90, "place": 0.75,
                              "actor1": 0.70, "actor2": 0.80, "fatalities": 0.80, "time_precision": 0.95,
                              "attribution": 0.65, "weapons": 0.68}),
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[dict]]:
    """Export records per document id, for the whole corpus (run once)."""
    out: dict[str, list[dict]] = {}
    for item in read_paths([str(CORPUS / "fr"), str(CORPUS / "en")]):
        assert isinstance(item, Document), str(item)
        out[item.id] = [event_record(ev) for ev in extract_document(item).events]
    return out


def test_every_corpus_article_has_expected_coding(extracted: dict[str, list[dict]]) -> None:
    assert set(extracted) == set(EXPECTED)
    assert sum(1 for k in EXPECTED if k.startswith("fr_")) >= 40


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_corpus_floors(lang: str, extracted: dict[str, list[dict]]) -> None:
    gold = gold_from_expected({k: v for k, v in EXPECTED.items() if k.startswith(lang + "_")})
    records = [r for k, recs in extracted.items() if k.startswith(lang + "_") for r in recs]
    sc = score(gold, records)
    f1, det_p, det_r, fields = FLOORS[lang]
    agreement = {k: a / b for k, (a, b) in {**sc.per_slot, **extra_agreement(sc, gold, records)}.items()}
    assert sc.slot_f1 >= f1, (sc.slot_f1, agreement)
    assert sc.detection_precision >= det_p and sc.detection_recall >= det_r
    for k, floor in fields.items():
        assert agreement[k] >= floor, (k, agreement[k])


@pytest.mark.parametrize("doc_id", EXACT)
def test_article_coded_exactly(doc_id: str, extracted: dict[str, list[dict]]) -> None:
    gold = gold_from_expected({doc_id: EXPECTED[doc_id]})
    records = extracted[doc_id]
    sc = score(gold, records)
    assert (sc.missed, sc.spurious) == (0, 0), [(r["sub_event_type"], r["event_date"]) for r in records]
    assert sc.slot_f1 == 1.0, [(e.slots, {k: e.system.get(k) for k in e.slots}) for e in sc.errors]
    extra = extra_agreement(sc, gold, records)
    for k in ("attribution", "weapons", "time_precision"):
        if k in extra:
            assert extra[k][0] == extra[k][1], (k, [(m.gold.get(k), m.system.get(k)) for m in sc.matches])
