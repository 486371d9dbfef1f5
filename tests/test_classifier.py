"""The multilingual sentence classifier (USE multilingual v3 + softmax regression on written examples)."""
from __future__ import annotations

import collections
import time

import numpy as np
import pytest

from eventwire.extract import classifier
from eventwire.extract.classifier import NONE, classify_sentence, load_examples, simplify
from eventwire.model import SUB_TO_TYPE


def test_examples_cover_every_sub_event_type_in_both_languages():
    counts = collections.Counter((label, lang) for label, lang, _ in load_examples())
    for sub in [*SUB_TO_TYPE, NONE]:
        assert counts[(sub, "fr")] >= 12, sub
        assert counts[(sub, "en")] >= 12, sub


def test_scores_are_probabilities_best_first():
    ranked = classify_sentence("Des avions de combat ont bombardé un dépôt de carburant.", "fr")
    labels = [label for label, _ in ranked]
    assert set(labels) == {*SUB_TO_TYPE, NONE}
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert sum(scores) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("text,lang,label", [
    ("Une frappe de drone a visé un convoi de combattants près de la frontière.", "fr", "Air/drone strike"),
    ("Des ravisseurs ont enlevé un commerçant sur la route du marché.", "fr", "Abduction/forced disappearance"),
    ("La police a arrêté quatre suspects dans l'enquête sur l'attentat.", "fr", "Arrests"),
    ("Gunmen kidnapped three engineers working on a road project.", "en", "Abduction/forced disappearance"),
    ("Artillery shells hit the outskirts of the town overnight.", "en", "Shelling/artillery/missile attack"),
    ("The spokesman declined to comment on the report.", "en", NONE),
    ("Le porte-parole n'a pas souhaité commenter ces informations.", "fr", NONE),
])
def test_clear_sentences_get_their_type(text, lang, label):
    assert classify_sentence(text, lang)[0][0] == label


def test_simplify_keeps_the_action_and_drops_dates_names_and_numbers():
    assert simplify("On 3 May 2024, Turkish forces shelled Tal Rifaat (Aleppo) with 12 rockets.") == \
        "Turkish forces shelled with rockets."
    assert simplify("Le 3 mai, des soldats ont patrouillé à Gao.") == "des soldats ont patrouillé à"


def test_trained_model_is_cached_and_loads_fast(tmp_path, monkeypatch):
    trained = classifier.model()
    calls = []
    monkeypatch.setattr(classifier, "CACHE", tmp_path)
    monkeypatch.setattr(classifier, "train", lambda rows: calls.append(len(rows)) or trained)
    classifier.model.cache_clear()
    try:
        classifier.model()  # "trains" into the empty cache
        assert calls == [len(load_examples())]
        assert list(tmp_path.glob("classifier-*.npz"))
        classifier.model.cache_clear()
        start = time.perf_counter()
        loaded = classifier.model()  # from the cache this time
        assert time.perf_counter() - start < 2.0
        assert calls == [len(load_examples())]
        assert loaded.labels == trained.labels
        np.testing.assert_allclose(loaded.weights, trained.weights)
    finally:
        classifier.model.cache_clear()
