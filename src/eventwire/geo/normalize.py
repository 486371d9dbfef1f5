"""Name normalisation for toponym matching: accent folding, Arabic article and 'Saint' variants, skeleton keys."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


from .._unicode import drop_combining, to_ascii

_APOSTROPHES = "'’‘ʼʻ`´ʿʾ"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Arabic article variants written as a separate word ("al-Anbar", "el Arish", "ad Dour", "ash Sharqat")
_ARTICLES = {"al", "el", "il", "ul"}
_SUN_ARTICLES = {"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "esh", "et", "ez"}
_SAINTS = {"saint": "st", "sainte": "st", "ste": "st", "san": "san", "mount": "mt", "mont": "mt", "fort": "ft"}
# spelling variants folded before the skeleton is taken (order matters: longest first)
_DIGRAPHS = (("tch", "ch"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("q", "k"), ("ck", "k"), ("ph", "f"),
             ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("ou", "u"), ("x", "ks"), ("c", "k"), ("z", "s"))
_SKELETON_DROP = re.compile(r"[aeiouyhw\s]")
# final 'h' of transliterations (ta marbuta): "Amarah" = "Amara", "Hasakeh" = "Hasake"
_FINAL_VOWEL = re.compile(r"(?<=[ae])h$")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII form: accents stripped, apostrophes removed, other punctuation as single spaces."""
    s = unicodedata.normalize("NFKD", text)
    s = drop_combining(s)
    for a in _APOSTROPHES:
        s = s.replace(a, "")
    s = to_ascii(s).lower().replace("'", "")
    return _NON_ALNUM.sub(" ", s).strip()


def _drop_articles(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt and w in _ARTICLES:
            continue
        if nxt and w in _SUN_ARTICLES and nxt[0] == w[-1]:
            continue
        out.append(_SAINTS.get(w, w))
    return out


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Matching key of a name: folded, Arabic articles dropped ('Al-Anbar' = 'Anbar'), 'Saint' = 'St'."""
    words = fold(text).split()
    # glued article: "alanbar" is not split, but "al-anbar" / "al anbar" are
    words = _drop_articles(words) if len(words) > 1 else words
    return " ".join(_FINAL_VOWEL.sub("", w) if len(w) >= 4 else w for w in words)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Transliteration-robust consonant skeleton of a name key ('tal madeeq' = 'tall madiq' = 'tlmdk')."""
    s = key.replace(" ", "")
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = _SKELETON_DROP.sub("", s)
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
