"""quote_spans finds the next opening mark with a regex instead of testing every character in Python (issue 13):
the spans are exactly those of the character loop it replaced."""
from __future__ import annotations

import random
import re

from eventwire.assemble import QUOTE_WORDS, quote_spans


def _loop_spans(text: str) -> list[tuple[int, int]]:
    """The character loop quote_spans used to run (the reference)."""
    pairs = {"«": "»", "“": "”"}
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, body = para.start(), para.group()
        i = 0
        while i < len(body):
            ch = body[i]
            close = pairs.get(ch) or ('"' if ch == '"' else None)
            if close is None:
                i += 1
                continue
            j = body.find(close, i + 1)
            j = len(body) if j < 0 else j
            if len(body[i + 1:j].split()) >= QUOTE_WORDS:
                spans.append((p0 + i, p0 + j + 1))
            i = j + 1
    return spans


def test_spans_of_an_invented_article():
    text = ("Le maire de Gao a déclaré : « Les assaillants sont arrivés à l'aube et ont tout brûlé ». Il a ajouté "
            "que \"l'armée est arrivée trop tard pour sauver le marché\".\n“Nous avons peur,” said a resident of "
            "Kidal who asked not to be named, “they will come back tonight to finish what they started.”")
    assert quote_spans(text) == _loop_spans(text)
    assert len(quote_spans(text)) == 3


def test_same_spans_as_the_character_loop_on_random_texts():
    rng = random.Random(13)
    pieces = ["«", "»", "“", "”", '"', "\n", " ", "mot", "Gao", "a", "tué", ",", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(0, 60)))
        assert quote_spans(text) == _loop_spans(text), text
