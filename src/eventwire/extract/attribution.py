"""Attribution: was an incident claimed, confirmed, blamed on someone, denied, or left unattributed?

Cue phrases (FR + EN) and their precedence live in ``eventwire/data/attribution.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Actor, Document, Evidence, Slot
from .actors import fold

DATA = Path(__file__).resolve().parents[1] / "data" / "attribution.yaml"


def _compile(by_lang: dict[str, list[str]]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for lang in ("en", "fr") for p in by_lang.get(lang, [])) + r")\b")


@lru_cache(maxsize=1)
def _config() -> tuple[list[str], dict[str, re.Pattern], re.Pattern]:
    """(precedence, status -> cue pattern, negated-cue pattern), over folded text, both languages."""
    with open(DATA, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    pats = {status: _compile(by_lang) for status, by_lang in data["cues"].items()}
    return list(data["precedence"]), pats, _compile(data["negated"])


def find_cues(doc: Document, sent_indices: list[int]) -> dict[str, list[Evidence]]:
    """Every attribution status supported in the sentences, with the sentence spans that say so."""
    _, pats, negated = _config()
    found: dict[str, list[Evidence]] = {}
    for i in sorted(set(sent_indices)):
        s, e = doc.sentences[i]
        low = negated.sub(lambda m: " " * len(m.group()), fold(doc.text[s:e]))
        for status, pat in pats.items():
            m = pat.search(low)
            if m:
                found.setdefault(status, []).append(doc.evidence(s, e))
    return found


def attribution(doc: Document, sent_indices: list[int], actor1: Actor | None) -> Slot[str]:
    """Attribution status of an incident told in ``sent_indices``: claimed, confirmed, accused, denied or
    unattributed; the evidence is the sentence holding the deciding cue."""
    order = _config()[0]
    found = find_cues(doc, sent_indices)
    for status in order:
        if status in found:
            others = [s for s in order if s in found and s != status]
            reason = f"cue for '{status}'" + (f" (outweighs {', '.join(others)})" if others else "")
            if actor1 is not None:
                reason += f"; actor1 {actor1.name}"
            return Slot(status, found[status], reason)
    return Slot("unattributed", [], "no claim, confirmation, accusation or denial in the incident's sentences")
