"""Weapons named in an incident's sentences, normalised with the lexicon ``data/weapons.yaml``.

Vague forms (``generic`` in the lexicon: "tirs", "bombs") name a weapon only when nothing more precise is
named; a weapon that includes another (``subsumes``: a suicide bomb, an explosive device) drops it."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Document, Evidence, Slot
from .patterns import WordPatterns, ap, word

DATA = Path(__file__).resolve().parent.parent / "data" / "weapons.yaml"
LANGS = ("fr", "en")


GENERIC = "~"  # prefix of the name read from a generic form


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=2)
def _patterns(lang: str) -> tuple[tuple[str | None, re.Pattern], ...]:
    """(canonical name, ``~name`` for a generic form, or None for words to ignore; pattern) for a language
    ('' = all languages)."""
    res = _lexicon()
    langs = (lang,) if lang in LANGS else LANGS
    entries = [(name, form) for name, forms in res["weapons"].items() for l in langs for form in forms.get(l, [])]
    entries += [(GENERIC + name, form) for name, forms in (res.get("generic") or {}).items() for l in langs
                for form in forms.get(l, [])]
    entries += [(None, form) for l in langs for form in res["ignore"].get(l, [])]
    return tuple((name, re.compile(word(ap(form)), re.I)) for name, form in entries)


@lru_cache(maxsize=2)
def _scanner(lang: str) -> WordPatterns:
    """The weapon patterns of a language scanned together (:class:`WordPatterns`: the same matches as each
    pattern's finditer in turn, at a fraction of the cost: most sentences name no weapon)."""
    return WordPatterns(p for _, p in _patterns(lang))


def _matches(doc: Document, sent_idx: int) -> list[tuple[int, int, str | None]]:
    """Weapon mentions (start, end, name) of one sentence; the longest of overlapping ones kept."""
    s, e = doc.sentences[sent_idx] if doc.sentences else (0, len(doc.text))
    names = _patterns(doc.language)
    found = [(m.start(), m.end(), names[k][0]) for k, m in _scanner(doc.language).matches(doc.text, s, e)]
    kept: list[tuple[int, int, str | None]] = []
    for start, end, name in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= a or start >= b for a, b, _ in kept):
            kept.append((start, end, name))
    return sorted(kept)


def weapons(doc: Document, sent_indices: list[int]) -> Slot[list[str]]:
    """The weapons named in these sentences, normalised and sorted; evidence is each one's first mention."""
    first: dict[str, Evidence] = {}
    vague: dict[str, Evidence] = {}
    for i in sent_indices:
        for start, end, name in _matches(doc, i):
            if name is None:
                continue
            seen = vague if name.startswith(GENERIC) else first
            name = name.lstrip(GENERIC)
            if name not in seen:
                seen[name] = Evidence(doc.id, i, start, end, doc.text[start:end])
    if not first:
        first = vague
    for big, smaller in (_lexicon().get("subsumes") or {}).items():
        if big in first:
            for name in smaller:
                first.pop(name, None)
    if not first:
        return Slot(None, [], "no weapon named")
    names = sorted(first)
    return Slot(names, [first[n] for n in names], "weapons named in the text")
