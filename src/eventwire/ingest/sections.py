"""Very long articles in sections: bounded memory and time, no parser length error.

A text longer than a section is cut at paragraph breaks (else line breaks, sentence ends, spaces) into
consecutive sections that together are exactly the text. :func:`extract_in_sections` runs the extraction on each
section as its own small document and puts the results back into the article's coordinates (character offsets,
sentence numbers, mention and event ids), so the stored document is the whole article and every piece of
evidence points into it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from ..model import Document, Evidence, Mention

LONG_TEXT_CHARS = 50_000   # a longer article is extracted section by section (news articles are far shorter)
SECTION_CHARS = 20_000     # the size of those sections: parse memory and per-section work stay bounded
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?…»”]\s+"), re.compile(r"\s+"))


def split_sections(text: str, max_chars: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive sections of at most ``max_chars`` covering the whole text, cut after the
    last paragraph break in each window (else line break, sentence end, space; a hard cut only for a run of
    ``max_chars`` characters with no space)."""
    max_chars = max(1, max_chars)
    spans, start, n = [], 0, len(text)
    while n - start > max_chars:
        window = text[start:start + max_chars]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, max_chars // 4)]
            if ends:
                cut = ends[-1]
                break
        cut = cut if 0 < cut <= max_chars else max_chars
        spans.append((start, start + cut))
        start += cut
    if start < n or not spans:
        spans.append((start, n))
    return spans


def extract_in_sections(doc: Document, extract: Callable, max_chars: int = SECTION_CHARS,
                        above: int | None = None):
    """The extraction of a document, run section by section when it is longer than ``above`` (default
    LONG_TEXT_CHARS, or ``max_chars`` when that is given smaller) characters; ``extract`` is
    :func:`eventwire.pipeline.extract_document`. Returns (Extraction for the whole document, number of
    sections); a document not that long is extracted as it is (1 section)."""
    above = min(LONG_TEXT_CHARS, max_chars) if above is None else above
    if len(doc.text) <= above:
        return extract(doc), 1
    if not doc.language:
        from ..nlp.language import detect_language

        doc.language = detect_language(doc.text[:20_000])
    spans = split_sections(doc.text, max_chars)
    sentences: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    events = []
    result = None
    for start, end in spans:
        part = replace(doc, text=doc.text[start:end], sentences=[])   # the article's dateline stays its context
        res = extract(part)
        if res.skipped:
            return res, len(spans)
        result = res
        _shift(res.mentions, res.events, start, len(sentences))
        renamed = {m.id: f"{doc.id}:m{len(mentions) + i}" for i, m in enumerate(res.mentions)}
        for m in res.mentions:
            m.id = renamed[m.id]
        for ev in res.events:
            _rename(ev, renamed)
        sentences.extend((s + start, e + start) for s, e in part.sentences)
        mentions.extend(res.mentions)
        events.extend(res.events)
    doc.sentences = sentences
    result.doc, result.mentions, result.events = doc, mentions, events
    return result, len(spans)


def _shift(mentions: list[Mention], events: list, chars: int, sents: int) -> None:
    """Move every piece of evidence (shared objects once) by ``chars`` characters and ``sents`` sentences."""
    seen: set[int] = set()

    def move(e: Evidence) -> None:
        if id(e) not in seen:
            seen.add(id(e))
            e.start += chars
            e.end += chars
            if e.sentence >= 0:
                e.sentence += sents

    for m in [*mentions, *events]:
        m.sentence += sents
        move(m.trigger)
        for _, slot in m.slots():
            for e in slot.evidence:
                move(e)


def _rename(ev, renamed: dict[str, str]) -> None:
    from ..assemble import event_id

    ev.mention_ids = [renamed.get(i, i) for i in ev.mention_ids]
    if ev.mention_ids:
        ev.id = event_id(ev.mention_ids[0])
