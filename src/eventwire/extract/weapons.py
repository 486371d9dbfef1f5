"""Weapons named in an incident's sentences, normalised with the lexicon ``data/weapons.yaml``."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Document, Evidence, Slot

DATA = Path(__file__).resolve().parent.parent / "data" / "weapons.yaml"
LANGS = ("fr", "en")


@lru_cache(maxsize=2)
def _patterns(lang: str) -> tuple[tuple[str | None, re.Pattern], ...]:
    """(canonical name or None for words to ignore, pattern) for a language ('' = all languages)."""
    with DATA.open(encoding="utf-8") as fh:
        res = yaml.safe_load(fh)
    langs = (lang,) if lang in LANGS else LANGS
    entries = [(name, form) for name, forms in res["weapons"].items() for l in langs for form in forms.get(l, [])]
    entries += [(None, form) for l in langs for form in res["ignore"].get(l, [])]
    return tuple((name, re.compile(rf"(?<!\w)(?:{_ap(form)})(?!\w)", re.I)) for name, form in entries)


def _ap(form: str) -> str:
    """A lexicon form whose apostrophes also match the typographic one."""
    return form.replace("'", "['’]")


def _matches(doc: Document, sent_idx: int) -> list[tuple[int, int, str | None]]:
    """Weapon mentions (start, end, name) of one sentence; the longest of overlapping ones kept."""
    s, e = doc.sentences[sent_idx] if doc.sentences else (0, len(doc.text))
    found = [(m.start(), m.end(), name) for name, p in _patterns(doc.language) for m in p.finditer(doc.text, s, e)]
    kept: list[tuple[int, int, str | None]] = []
    for start, end, name in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= a or start >= b for a, b, _ in kept):
            kept.append((start, end, name))
    return sorted(kept)


def weapons(doc: Document, sent_indices: list[int]) -> Slot[list[str]]:
    """The weapons named in these sentences, normalised and sorted; evidence is each one's first mention."""
    first: dict[str, Evidence] = {}
    for i in sent_indices:
        for start, end, name in _matches(doc, i):
            if name is not None and name not in first:
                first[name] = Evidence(doc.id, i, start, end, doc.text[start:end])
    if not first:
        return Slot(None, [], "no weapon named")
    names = sorted(first)
    return Slot(names, [first[n] for n in names], "weapons named in the text")
