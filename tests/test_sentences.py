"""Sentence spans: the parser's cuts undone where a sentence plainly goes on."""
from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import _rejoin


def _cut(text: str, *pieces: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for p in pieces:
        i = text.index(p, pos)
        spans.append((i, i + len(p)))
        pos = i + len(p)
    return spans


@pytest.mark.parametrize("text,first,second", [
    ("On 4 May, gunmen killed a teacher in Ituri province [coded to Bunia (Irumu, Ituri)] after abducting him.",
     "On 4 May, gunmen killed a teacher in Ituri province", "[coded to Bunia (Irumu, Ituri)] after abducting him."),
    ("Le 4 mai, des hommes armés ont attaqué le village de Kera (commune de Ansongo) (cercle d'Ansongo, région de Gao), "
     "tuant deux civils.", "Le 4 mai, des hommes armés ont attaqué le village de Kera (commune de Ansongo)",
     "(cercle d'Ansongo, région de Gao), tuant deux civils."),
])
def test_a_bracket_opened_after_a_piece_without_full_stop_goes_on_with_its_sentence(text, first, second):
    assert _rejoin(text, _cut(text, first, second)) == [(0, len(text))]


def test_a_bracket_after_a_full_stop_starts_a_sentence():
    text = "Two soldiers were killed in Gao. (The army gave no toll for the second attack.)"
    spans = _cut(text, "Two soldiers were killed in Gao.", "(The army gave no toll for the second attack.)")
    assert _rejoin(text, spans) == spans
    text = "Deux soldats ont été tués à Gao.\n\n(Avec AFP)"
    spans = _cut(text, "Deux soldats ont été tués à Gao.", "(Avec AFP)")
    assert _rejoin(text, spans) == spans


def test_a_name_cut_inside_one_line_is_one_sentence():
    # the French parser cuts "Boko | Haram": a capitalised word following a capitalised word on the same line,
    # with no punctuation between, goes on with the sentence (issue #10, actors)
    from eventwire.model import Document
    from eventwire.nlp.pipeline import analyse
    doc = Document("t", "L'armée nigériane a tué dix combattants de Boko Haram lundi près de Bama, dans l'État de "
                        "Borno. Les militaires ont saisi des armes.", language="fr")
    analyse(doc)
    assert len(doc.sentences) == 2


@pytest.mark.parametrize("text,first,second", [
    ("Une embuscade a visé lundi un convoi sur l'axe Fada N'Gourma-Pama, dans la province du Gourma, selon l'armée.",
     "Une embuscade a visé lundi un convoi sur l'axe Fada N'Gourma-", "Pama, dans la province du Gourma, selon l'armée."),
    ("Gunmen ambushed a convoy on the N'Djamena-Abeche road on Monday, the army said.",
     "Gunmen ambushed a convoy on the N'Djamena-", "Abeche road on Monday, the army said."),
])
def test_a_hyphenated_name_cut_after_its_hyphen_is_one_sentence(text, first, second):
    assert _rejoin(text, _cut(text, first, second)) == [(0, len(text))]


def test_a_dash_between_spaced_words_still_ends_nothing_but_a_list_item_stays_apart():
    text = "Bilan -\nDeux morts à Gao."
    spans = _cut(text, "Bilan -", "Deux morts à Gao.")
    assert _rejoin(text, spans) == spans


@pytest.mark.parametrize("lang,text", [
    ("fr", "GAO, 12 mars - Des hommes armés ont tendu une embuscade à une patrouille lundi près de Gao. Deux soldats "
           "ont été tués et trois blessés, a indiqué l'armée dans un communiqué.\n\nLes assaillants ont pris la fuite."),
    ("en", "GAO, March 12 - Gunmen ambushed an army patrol near Gao on Monday. Two soldiers were killed and three "
           "wounded, the army said in a statement.\n\nThe attackers fled on motorbikes."),
])
def test_a_sentence_is_read_from_its_document_parse_never_parsed_again(monkeypatch, lang, text):
    """Every sentence is parsed once, with its document (issue #13): the argument stages' sentence Doc is the
    document parse's slice (same tokens, tags and heads, offsets from the sentence start), made without the parser."""
    import eventwire.nlp.pipeline as nlp
    from eventwire.model import Document

    doc = Document(id=f"one-parse-{lang}", text=text, language=lang)
    sdoc = nlp.analyse(doc)
    assert len(doc.sentences) >= 3
    monkeypatch.setattr(nlp, "_parse", lambda *a: pytest.fail("parsed again"))
    for s, e in doc.sentences:
        sent = nlp.sentence_parse(lang, text, s, e)
        span = sdoc.char_span(s, e)
        assert sent.text.rstrip() == text[s:e]   # (the last token keeps the space that follows it)
        assert [(t.text, t.idx, t.pos_, t.dep_, t.head.i, t.lemma_) for t in sent] == \
               [(t.text, t.idx - s, t.pos_, t.dep_, t.head.i - span.start, t.lemma_) for t in span]
        assert nlp.sentence_parse(lang, text, s, e) is sent   # kept: read again without slicing


@pytest.mark.parametrize("lang,lines", [
    ("fr", ["Des hommes armés ont tué six civils mardi dans le village de Bogoro, en Ituri.",
            "Selon un responsable local, les assaillants ont aussi incendié une dizaine de maisons.",
            "« Nous avons enterré les corps », a déclaré un habitant.",
            "La veille, deux soldats avaient été tués près de Bunia."]),
    ("en", ["Gunmen killed six civilians in the village of Bogoro, in Ituri, on Tuesday.",
            "According to a local official, the attackers also burned about ten houses.",
            "\"We buried the bodies,\" a resident said.",
            "The day before, two soldiers had been killed near Bunia."]),
])
def test_a_line_break_after_a_full_stop_ends_a_sentence(lang, lines):
    """Web pages put one paragraph a line with no blank line between: a line break after a sentence's final
    punctuation before a capital or a quote ends the sentence, which the parser runs into the next line."""
    from eventwire.model import Document
    from eventwire.nlp.pipeline import analyse
    text = "\n".join(lines)
    doc = Document("t", text, language=lang)
    analyse(doc)
    assert [text[s:e] for s, e in doc.sentences] == lines


@pytest.mark.parametrize("lang,text", [
    ("fr", "Des hommes armés ont tué six civils mardi près de\nBunia, selon des sources locales."),
    ("en", "Gunmen killed six civilians on Tuesday near\nBunia, local sources said."),
])
def test_a_line_wrapped_inside_a_sentence_stays_one_sentence(lang, text):
    from eventwire.model import Document
    from eventwire.nlp.pipeline import analyse
    doc = Document("t", text, language=lang)
    analyse(doc)
    assert len(doc.sentences) == 1
