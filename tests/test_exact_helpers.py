"""Helpers that replace a slower form give exactly what that form gives: ``to_ascii`` is unidecode (a table of
each character's reading), ``has_word`` / ``has_bounded`` are the word-bounded literal patterns they replace
(``str.find`` and the boundary characters tested by hand), on invented French and English sentences and on mixes of
the characters where the forms could part (numbers, combining marks, dotted and dotless i, long s, spaces)."""
import random
import re

import pytest
from unidecode import unidecode

from eventwire._unicode import to_ascii
from eventwire.extract.patterns import has_bounded, has_word

SENTENCES = [
    "KIDAL, 3 mai (AFP) - Deux soldats maliens ont été tués jeudi près d'Aguelhok, à l'est de Kidal.",
    "À Ménaka, l'armée a repoussé une attaque ; « Tessit » reste sous contrôle, a indiqué le gouverneur.",
    "Gunmen killed three villagers in Kaura-Namoda, Zamfara state, on Tuesday, police said.",
    "The strike hit al-Mukalla's port — Yemen's coast guard (YCG) said — at 3 a.m. in Hadramawt.",
    "Sʼil pleut à Bọ̀dìnga, l'Œuvre d'Ɛkɔ́ ferme ; Dąbrowa, Łódź, Ærø, ß, ﬁ, İstanbul, ǅemal, ①②, ٣٤.",
    "",
]


def _chars() -> str:
    rng = random.Random(13)
    pool = "aAeé- '’_,.()1٣①İıſKkß\u0301\u00a0\n" + "".join(chr(c) for c in range(0x2000, 0x2070))
    return "".join(rng.choice(pool) for _ in range(400))


@pytest.mark.parametrize("text", SENTENCES + [_chars(), "".join(chr(c) for c in range(0x80, 0x3000))])
def test_to_ascii_is_unidecode(text):
    assert to_ascii(text) == unidecode(text)


def _literals(text: str) -> list[str]:
    words = re.findall(r"\S+", text)
    pieces = {text[i:i + n] for i in range(0, len(text), 5) for n in (1, 2, 4, 7)}
    return sorted({"", "-", "'", *words, *(w.strip(".,;()«»") for w in words), *pieces})


@pytest.mark.parametrize("text", SENTENCES + [_chars()])
@pytest.mark.parametrize("edge", ["", "-", "'’-"])
def test_has_word_is_the_bounded_pattern(text, edge):
    cls = "[\\w" + re.escape(edge) + "]" if edge else "\\w"
    for lit in _literals(text):
        want = re.search(f"(?<!{cls})" + re.escape(lit) + f"(?!{cls})", text) is not None
        assert has_word(text, lit, edge) == want, (lit, edge)


@pytest.mark.parametrize("text", SENTENCES + [_chars()])
def test_has_bounded_is_the_word_boundary_pattern(text):
    for lit in _literals(text):
        want = re.search(r"\b" + re.escape(lit) + r"\b", text) is not None
        assert has_bounded(text, lit) == want, lit
