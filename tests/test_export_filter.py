"""The learned export decision (eventwire.extract.export_filter): features, model, setting, behaviour on invented
pages. Every article here is invented (real places and organisations, invented incidents)."""
from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from eventwire.extract import export_filter
from eventwire.extract.export_filter import FEATURES, FilterModel, enabled, event_features, filter_model
from eventwire.model import Document
from eventwire.pipeline import Pipeline, extract_document

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"

PAGE_EN = ("Gunmen kill five villagers in northern Burkina Faso\n"
           "OUAGADOUGOU, March 12 (Reuters) - Gunmen killed five villagers on Tuesday in an attack on the village "
           "of Tougouri in northern Burkina Faso, local officials said on Wednesday. "
           "The attackers arrived on motorbikes in the early morning and opened fire on a market, the officials "
           "said. Two other people were wounded and taken to the hospital in Kaya. "
           "No group has claimed the attack. The army said it had sent reinforcements to the area.")
PAGE_FR = ("Mali : deux soldats tués dans une embuscade près de Douentza\n"
           "BAMAKO, 12 mars (AFP) - Deux soldats maliens ont été tués mardi dans une embuscade tendue par des "
           "hommes armés près de Douentza, dans le centre du Mali, a annoncé l'armée mercredi. "
           "Les assaillants ont pris la fuite après un échange de tirs, selon un communiqué de l'état-major. "
           "Trois autres militaires ont été blessés et évacués vers Mopti. "
           "Aucun groupe n'a revendiqué l'attaque.")
RECALL_EN = ("Ten years on, Kaya remembers\n"
             "KAYA, March 12 - Residents of Kaya gathered on Wednesday to remember the victims of an attack on the "
             "town's market in March 2014, in which gunmen killed twelve traders. "
             "The families laid flowers at a memorial near the market. "
             "The town's mayor spoke of the courage of the survivors and called for peace. "
             "A minute of silence was observed at noon.")


def _extract(text: str, lang: str):
    return extract_document(Document("t", text, published="2025-03-12", language=lang))


@pytest.fixture
def filter_on(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_EVENT_FILTER", "1")


@pytest.fixture
def filter_off(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_EVENT_FILTER", "0")


def test_features_of_invented_pages(filter_off):
    for text, lang in ((PAGE_EN, "en"), (PAGE_FR, "fr")):
        res = _extract(text, lang)
        x = event_features(res.doc, res.events, res.mentions)
        assert x.shape == (len(res.events), len(FEATURES))
        assert np.isfinite(x).all()
        row = dict(zip(FEATURES, x[0]))
        assert row["french"] == float(lang == "fr")
        assert row["first_event"] == 1.0 and row["in_heading"] == 1.0
        assert row["fatalities"] == 1.0 and row["no_date"] == 0.0


def test_features_of_no_event():
    doc = Document("t", "Rien.", language="fr")
    assert event_features(doc, [], []).shape == (0, len(FEATURES))


def test_model_loads_pickles_and_is_deterministic():
    model = filter_model()
    if model is None:
        pytest.skip("no shipped model (benchmarks/train_event_filter.py builds it)")
    assert model.weights.shape == (len(FEATURES),)
    assert set(model.thresholds) <= {"fr", "en"} and all(0.0 <= t < 1.0 for t in model.thresholds.values())
    again = pickle.loads(pickle.dumps(model))
    x = np.random.default_rng(0).normal(size=(7, len(FEATURES)))
    assert np.array_equal(model.p_keep(x), again.p_keep(x))
    assert np.array_equal(model.p_keep(x), FilterModel.load().p_keep(x))
    assert pickle.loads(pickle.dumps(Pipeline().load())).batch_size == Pipeline().batch_size


def test_setting_switches_it(monkeypatch):
    assert not enabled({"EVENTWIRE_EVENT_FILTER": "0"})
    assert enabled({"EVENTWIRE_EVENT_FILTER": "1"})
    monkeypatch.setenv("EVENTWIRE_EVENT_FILTER", "0")
    called = []
    monkeypatch.setattr(export_filter, "filter_events", lambda *a, **k: called.append(1) or [])
    assert _extract(PAGE_EN, "en").events
    assert not called


def test_absent_model_keeps_the_rules_decision(monkeypatch, filter_on):
    monkeypatch.setattr(export_filter, "filter_model", lambda: None)
    res = _extract(PAGE_EN, "en")
    assert res.events


def test_language_left_out_keeps_the_rules_decision(filter_on):
    model = filter_model()
    if model is None:
        pytest.skip("no shipped model")
    res = _extract(PAGE_EN, "en")
    never = FilterModel(model.weights, model.mean, model.scale, -50.0, {"fr": 0.5})
    assert export_filter.filter_events(res.doc, res.events, res.mentions, never) == res.events
    drop_all = FilterModel(model.weights, model.mean, model.scale, -50.0, {"en": 0.5})
    assert export_filter.filter_events(res.doc, res.events, res.mentions, drop_all) == []


def test_short_note_keeps_the_rules_decision(filter_on):
    note = "On 12 March 2025, gunmen killed five villagers in Tougouri (Sanmatenga, Centre-Nord)."
    assert _extract(note, "en").events


@pytest.mark.parametrize("text,lang", [(PAGE_EN, "en"), (PAGE_FR, "fr")])
def test_new_incident_is_kept(text, lang, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_EVENT_FILTER", "0")
    rules = _extract(text, lang).events
    monkeypatch.setenv("EVENTWIRE_EVENT_FILTER", "1")
    kept = _extract(text, lang).events
    assert len(rules) == 1 and len(kept) == 1


def test_recalled_incident_only_exports_nothing(filter_on):
    assert _extract(RECALL_EN, "en").events == []


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval/score.py is absent")
def test_training_labels_follow_the_scorers_pairing():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from accuracy import shared_scorer
    from train_event_filter import shared_pairs

    gold = {"documents": {"d": {"events": [{"event_date": "2025-03-11", "event_type": "Battles",
                                             "sub_event_type": "Armed clash", "lat": 13.4, "lon": -1.0,
                                             "fatalities": 5}]}}}
    good = {"event_id_cnty": "a", "source_documents": ["d"], "event_date": "2025-03-11", "time_precision": 1,
            "event_type": "Battles", "sub_event_type": "Armed clash", "latitude": 13.4, "longitude": -1.0,
            "fatalities": 5}
    split = dict(good, event_id_cnty="b", latitude=10.0, fatalities=0, event_type="Riots", sub_event_type="Mob violence")
    assert shared_pairs(gold, [split, good]) == {"a"}
    assert shared_scorer().score(gold, [split, good])["events_spurious"] == 1
