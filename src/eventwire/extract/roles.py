"""Learned sentence role: P(the sentence of a mention tells a new incident of this article) vs background.

A logistic regression over the USE multilingual sentence vector (:func:`eventwire.extract.classifier.embed`)
and a few cheap cues the rules also read (position in the page, headline, quotes, "since"/"depuis", tense
cues, the day read from the sentence against the article's day, number of trigger words). Trained by
``benchmarks/sentence_roles.py`` on sentences of the team's corpus and of the development part of
``../shared/real`` labelled by aligning the pipeline's mentions with the gold events; only the weights are
shipped (``data/models/sentence_roles.npz``).

Combined with the rules where they are unsure (:func:`apply_roles`): an event mention the rules keep is vetoed
as background only when P(new) is very low (``VETO``); a mention the rules set aside as background is rescued
only when P(new) is very high (``RESCUE``) and its own sentence gives it a place and a day. Switched by the
``sentence_roles`` setting (``EVENTWIRE_SENTENCE_ROLES``). The model is loaded once per process
(:func:`role_model`, called by ``Pipeline.load`` when the setting is on) and pickles as plain arrays.

Off by default, a negative result so far: 5-fold cross-validation by document on 1335 labelled mentions (211
documents) gives AUC 0.870, accuracy 0.81, where the rules' own decisions agree with the labels at 0.975 (the
rules were fitted to these pages); every veto below 0.2 and every rescue above 0.9 the validation folds proposed
was wrong. On ../shared/real the combination at these thresholds changes nothing; with a sharper model (L2 0.003)
its rescues add a spurious event on the untouched French quarter (slot F1 0.568 -> 0.557).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import BACKGROUND, EVENT, Document, Mention

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "sentence_roles.npz"
VETO, RESCUE = 0.1, 0.9

_QUOTES = re.compile(r"[«»“”\"]")
_SINCE = re.compile(r"(?<!\w)(?:since|depuis)(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_PAST_PERFECT = re.compile(r"(?<!\w)(?:had|avait|avaient|[ée]tait|[ée]taient)(?!\w)", re.IGNORECASE)
_FUTURE = re.compile(r"(?<!\w)(?:will|would|could|might|may|pourrait|pourraient|va|vont|sera|seront|"
                     r"aurait|auraient|menace|threat\w*|plans?|pr[ée]voit)(?!\w)", re.IGNORECASE)
_TOTAL = re.compile(r"(?<!\w)(?:total|au total|in all|at least|au moins|cumul\w*|bilan)(?!\w)", re.IGNORECASE)
EXTRAS = ("position", "first", "heading", "quotes", "since", "year", "past_perfect", "future", "total",
          "days_before", "no_day", "triggers", "words", "french")


@dataclass(frozen=True)
class RoleModel:
    """Logistic regression: sigmoid(embedding · w_text + standardised extras · w_extra + bias)."""
    w_text: np.ndarray    # (512,)
    w_extra: np.ndarray   # (len(EXTRAS),)
    mean: np.ndarray      # extras' means and scales (standardisation learnt on the training rows)
    scale: np.ndarray
    bias: float

    def p_new(self, embeddings: np.ndarray, extras: np.ndarray) -> np.ndarray:
        """P(new incident) per row."""
        z = embeddings @ self.w_text + ((extras - self.mean) / self.scale) @ self.w_extra + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, w_text=self.w_text.astype(np.float32), w_extra=self.w_extra.astype(np.float32),
                            mean=self.mean.astype(np.float32), scale=self.scale.astype(np.float32),
                            bias=np.array([self.bias], dtype=np.float32), extras=np.array(EXTRAS))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "RoleModel":
        data = np.load(path, allow_pickle=False)
        if tuple(str(x) for x in data["extras"]) != EXTRAS:
            raise ValueError(f"{path.name}: trained on other features; run benchmarks/sentence_roles.py train")
        return cls(data["w_text"], data["w_extra"], data["mean"], data["scale"], float(data["bias"][0]))


@lru_cache(maxsize=1)
def role_model() -> RoleModel:
    """The shipped model (loaded once per process)."""
    return RoleModel.load()


def enabled(env=None) -> bool:
    """The ``sentence_roles`` setting (:class:`eventwire.settings.Settings`, ``EVENTWIRE_SENTENCE_ROLES``), read
    at each call: a worker process follows its own environment."""
    from ..settings import Settings

    return Settings.load(env).sentence_roles


def sentence_text(doc: Document, i: int) -> str:
    s, e = doc.sentences[i]
    return " ".join(doc.text[s:e].split())


def extras(doc: Document, m: Mention) -> list[float]:
    """The cheap cues of a mention's sentence, in :data:`EXTRAS` order."""
    from .casualties import is_heading
    from .dates import days_before_reference
    from .typing_rules import find_hits

    text = sentence_text(doc, m.sentence)
    n = max(1, len(doc.sentences))
    days = None
    if m.date and any(e.sentence == m.sentence for e in m.date.evidence):
        try:
            days = days_before_reference(doc, m.date.value.day)
        except Exception:  # noqa: BLE001 - no reference day: no distance
            days = None
    s, e = doc.sentences[m.sentence]
    lang = doc.language if doc.language in ("fr", "en") else "fr"
    return [m.sentence / n, float(m.sentence == 0), float(is_heading(doc, m.sentence)),
            float(bool(_QUOTES.search(text))), float(bool(_SINCE.search(text))), float(bool(_YEAR.search(text))),
            float(bool(_PAST_PERFECT.search(text))), float(bool(_FUTURE.search(text))),
            float(bool(_TOTAL.search(text))),
            math.log1p(max(0, days)) if days is not None else 0.0, float(days is None),
            min(5, len(find_hits(doc.text, s, e, lang))) / 5, min(80, len(text.split())) / 80, float(lang == "fr")]


def p_new(doc: Document, mentions: list[Mention], model: RoleModel | None = None) -> list[float]:
    """P(new incident) of each mention's sentence."""
    from .classifier import embed

    if not mentions:
        return []
    model = model or role_model()
    texts = [sentence_text(doc, m.sentence) for m in mentions]
    vectors = embed(texts)
    feats = np.array([extras(doc, m) for m in mentions], dtype=np.float32)
    return model.p_new(vectors, feats).tolist()


def apply_roles(doc: Document, mentions: list[Mention], model: RoleModel | None = None) -> None:
    """Veto an event mention whose sentence the model finds very unlikely to tell a new incident; rescue a
    background mention it finds very likely to, when the sentence gives it its own place and day."""
    wanted = [m for m in mentions if m.kind in (EVENT, BACKGROUND)]
    for m, p in zip(wanted, p_new(doc, wanted, model)):
        if m.kind == EVENT and p < VETO and not (m.kind_reason or "").startswith("anaphoric"):
            m.kind, m.kind_reason = BACKGROUND, f"sentence role: P(new) {p:.2f}"
        elif m.kind == BACKGROUND and p > RESCUE and _own(m, "place") and _own(m, "date"):
            m.kind, m.kind_reason = EVENT, f"sentence role: P(new) {p:.2f}"


def _own(m: Mention, slot: str) -> bool:
    value = getattr(m, slot)
    return bool(value) and any(e.sentence == m.sentence for e in value.evidence)
