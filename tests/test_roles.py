"""The learned sentence-role model (eventwire.extract.roles): shipped weights, pickling, its switch, and P(new) on
sentences written by the team (a fresh incident vs a recalled, aggregate or threatened one)."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from eventwire.extract import roles
from eventwire.model import EVENT, Document, Evidence, Mention
from eventwire.pipeline import Pipeline, extract_document
from eventwire.settings import Settings


def test_model_loads_from_the_shipped_weights_and_pickles():
    assert roles.MODEL_PATH.exists()
    model = roles.role_model()
    assert model.w_text.shape == (512,) and model.w_extra.shape == (len(roles.EXTRAS),)
    again = pickle.loads(pickle.dumps(model))
    x, f = np.zeros((2, 512), dtype=np.float32), np.zeros((2, len(roles.EXTRAS)), dtype=np.float32)
    assert np.allclose(again.p_new(x, f), model.p_new(x, f))
    assert pickle.loads(pickle.dumps(Pipeline(batch_size=4))).batch_size == 4


def test_switch_is_off_by_default_and_read_from_the_environment():
    assert not roles.enabled({})
    assert roles.enabled({"EVENTWIRE_SENTENCE_ROLES": "1"})
    assert Settings.load(env={}).sentence_roles is False
    assert Settings.load(env={"EVENTWIRE_SENTENCE_ROLES": "yes"}).sentence_roles is True


def _p(text: str, lang: str, phrase: str) -> float:
    """P(new) of the sentence holding ``phrase``: its first mention, or a mention on its first word when the
    rules find none there."""
    doc = Document(id=f"roles-{lang}", text=text, published="2025-03-14", language=lang)
    res = extract_document(doc)
    i = next(n for n, (s, e) in enumerate(res.doc.sentences) if phrase in text[s:e])
    mentions = [m for m in res.mentions if m.sentence == i]
    if not mentions:
        s, e = res.doc.sentences[i]
        mentions = [Mention(doc.id, i, Evidence(doc.id, i, s, s + 1, text[s:s + 1]))]
    return roles.p_new(res.doc, mentions[:1])[0]


FR = ("GAO, 14 mars 2025 (AFP) - Des hommes armés ont tué jeudi matin six civils dans l'attaque du marché de "
      "Tessit, dans la région de Gao, ont indiqué des sources locales. "
      "En 2019, une attaque similaire avait déjà fait plus de quarante morts dans la même localité. "
      "Depuis janvier, les violences ont fait au total plus de 300 morts dans la région, selon l'ONU. "
      "Le groupe a menacé de frapper d'autres marchés si l'armée ne se retirait pas.")
EN = ("MAIDUGURI, March 14, 2025 (Reuters) - Gunmen killed six villagers on Thursday in an attack on a market in "
      "Konduga, in Nigeria's Borno state, residents said. "
      "In 2019, a similar attack had killed more than forty people in the same town. "
      "Since January, violence has killed a total of more than 300 people in the state, according to the UN. "
      "The group threatened to strike other markets unless the army withdrew.")


@pytest.mark.parametrize("text,lang,phrase", [(FR, "fr", "six civils"), (EN, "en", "six villagers")])
def test_fresh_incident_scores_above_one_half(text, lang, phrase):
    assert _p(text, lang, phrase) > 0.5


@pytest.mark.parametrize("text,lang,phrase", [
    (FR, "fr", "En 2019"), (FR, "fr", "Depuis janvier"), (FR, "fr", "a menacé"),       # recalled, aggregate, threat
    (EN, "en", "In 2019"), (EN, "en", "Since January"), (EN, "en", "threatened")])
def test_background_scores_below_one_half(text, lang, phrase):
    assert _p(text, lang, phrase) < 0.5


def test_combination_vetoes_only_very_unlikely_event_mentions(monkeypatch):
    doc = Document(id="roles-veto", text=EN, published="2025-03-14", language="en")
    res = extract_document(doc)
    events = [m for m in res.mentions if m.kind == EVENT]

    class Never(roles.RoleModel):
        def p_new(self, embeddings, extras):
            return np.zeros(len(embeddings))

    base = roles.role_model()
    never = Never(base.w_text, base.w_extra, base.mean, base.scale, base.bias)
    roles.apply_roles(res.doc, res.mentions, never)
    assert events and all(m.kind != EVENT or m.kind_reason.startswith("anaphoric") for m in res.mentions)
