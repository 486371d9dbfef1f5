"""Attribution reads each sentence's cues once (issue 13): what it remembers of a sentence never leaks into another
sentence or another article, FR and EN."""
from __future__ import annotations

import pytest

from eventwire.extract import attribution as attribution_module
from eventwire.extract.attribution import attribution, find_cues
from eventwire.model import Document


def _doc(doc_id: str, *sentences: str) -> Document:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        text += s + " "
        pos = len(text)
    return Document(id=doc_id, text=text, sentences=spans)


@pytest.mark.parametrize("claim, plain", [
    ("L'attaque a été revendiquée jeudi par un groupe armé.", "Une bombe a explosé près de la gare routière."),
    ("A militant group claimed the attack on Thursday.", "A bomb exploded near the bus station."),
])
def test_a_remembered_sentence_gives_its_own_cues_at_its_own_place(claim: str, plain: str) -> None:
    attribution_module._statuses.cache_clear()
    first = _doc("a", claim, plain)
    assert find_cues(first, [0, 1]) == {"claimed": [first.evidence(*first.sentences[0])]}
    # the same sentences in another article, in another order: read from memory, placed in that article
    second = _doc("b", "Le bilan reste provisoire.", plain, claim)
    got = find_cues(second, [0, 1, 2])
    assert list(got) == ["claimed"]
    assert [(e.doc_id, e.sentence, e.text) for e in got["claimed"]] == [("b", 2, claim)]
    assert find_cues(second, [1]) == {}
    assert attribution(second, [1], None).value == "unattributed"
    assert attribution(second, [1, 2], None).value == "claimed"


def test_the_memory_is_bounded() -> None:
    attribution_module._statuses.cache_clear()
    doc = _doc("c", *[f"The group denied any part in attack number {n}." for n in range(7)])
    got = find_cues(doc, list(range(7)))
    assert [e.sentence for e in got["denied"]] == list(range(7))
    info = attribution_module._statuses.cache_info()
    assert info.maxsize == attribution_module.CUES_KEPT and info.currsize == 7
    assert find_cues(doc, list(range(7))) == got   # read again from memory: the same cues
    assert attribution_module._statuses.cache_info().hits >= 7
