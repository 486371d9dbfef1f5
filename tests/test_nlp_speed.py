"""The parse's speed-ups (issue 13) leave every annotation as the models as shipped give it."""
from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import MODELS, UNUSED_COMPONENTS, get_nlp

TEXTS = {
    "fr": ["GAO, 12 mars (AFP) - Des hommes armés ont incendié mercredi soir les greniers du village de Tessit, "
           "tuant trois bergers qui tentaient d'éteindre les flammes, selon des sources locales.",
           "Les manifestantes réclamaient la réouverture des écoles fermées depuis les affrontements de février.",
           "Le maire n'a pas  confirmé le bilan.\n\nCelui-ci, donné par l'hôpital, est de deux morts."],
    "en": ["MAIDUGURI, March 12 (Reuters) - Insurgents torched granaries and abducted eleven farmers on Wednesday "
           "evening in a village outside the city, residents said.",
           "Striking teachers marched on the ministry, demanding the salaries withheld since the floods.",
           "There is no water, and we ain't gonna wait, a resident told us. That is what they did to him.\n\n"
           "Police said it  had not seen I or them; let's see whether those who did it are caught."],
}


def _annotations(nlp, texts):
    return [[(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.is_sent_start) for t in doc]
            for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_lemmatizer_index_is_read_as_sets_with_the_same_lemmas(lang):
    import spacy

    nlp = get_nlp(lang)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(v, frozenset) for v in index.values())
    shipped = spacy.load(MODELS[lang], exclude=list(UNUSED_COMPONENTS))
    assert not isinstance(next(iter(shipped.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())),
                          frozenset)
    assert _annotations(nlp, TEXTS[lang]) == _annotations(shipped, TEXTS[lang])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_attribute_rules_are_matched_by_their_index_with_the_same_annotations(lang):
    import spacy

    ruler = get_nlp(lang).get_pipe("attribute_ruler")
    assert ruler.match.__name__ == "match" and not hasattr(ruler.match, "__self__")   # the index, not the Matcher
    shipped = spacy.load(MODELS[lang], exclude=list(UNUSED_COMPONENTS))
    assert _annotations(get_nlp(lang), TEXTS[lang]) == _annotations(shipped, TEXTS[lang])
    # the rules do change these texts' annotations: a comparison that would notice rules left out
    without = spacy.load(MODELS[lang], exclude=list(UNUSED_COMPONENTS) + ["attribute_ruler"])
    assert _annotations(without, TEXTS[lang]) != _annotations(shipped, TEXTS[lang])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_sentence_read_from_its_document_is_the_span_as_spacy_copies_it(lang):
    from eventwire.nlp import pipeline as nlp_pipeline

    text = " ".join(TEXTS[lang])
    sdoc = get_nlp(lang)(text)
    nlp_pipeline.remember_document(lang, text, sdoc)
    sents = [(s.start_char, s.end_char) for s in sdoc.sents]
    # the sentences, then pieces across their boundaries (as_doc rewires the heads that leave a piece), twice
    pieces = sents + [(sents[0][0] + 5, sents[1][1] - 3), (sents[1][0] - 10, sents[-1][1])] + sents[:1]
    for start, end in pieces:
        nlp_pipeline._SENTENCES.clear()
        got = nlp_pipeline.sentence_parse(lang, text, start, end)
        want = sdoc.char_span(start, end, alignment_mode="expand").as_doc()
        assert [(t.text, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in got] == \
               [(t.text, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in want]
        # every annotation as_doc copies (built without the span's vector, which nothing reads)
        assert got.to_bytes(exclude=["tensor", "user_data"]) == want.to_bytes(exclude=["tensor", "user_data"])
        assert [(t.idx, t.whitespace_, t.pos_, t.tag_, str(t.morph)) for t in got] == \
               [(t.idx, t.whitespace_, t.pos_, t.tag_, str(t.morph)) for t in want]
