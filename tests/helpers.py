"""Shared helpers for the tests that run an article through the whole pipeline: ``from helpers import events``.

Each test file used to define its own small wrapper around ``extract_document(Document(...))``; they differed only
in the file's usual language and publication date and in what they returned (the result, its events, or the
events as exported records). A file that always writes on the same day binds its defaults once::

    events = with_defaults(events, lang="en", published="2025-07-15")

and calls ``events(text)``, ``events(text, "fr")`` or ``events(text, published="2025-03")`` as before.
"""
from __future__ import annotations

import functools
import inspect
import re
from pathlib import Path
from typing import Callable, TypeVar

from eventwire.export import event_record
from eventwire.extract.casualties import casualties
from eventwire.model import Document
from eventwire.pipeline import extract_document

F = TypeVar("F", bound=Callable)


def extract(text: str, lang: str, published: str, *, dateline: str = ""):
    """The whole extraction result (events and mentions) of ``text`` written in ``lang`` and published then."""
    return extract_document(Document("t", text, published=published, language=lang, dateline_place=dateline))


def events(text: str, lang: str, published: str, *, dateline: str = "") -> list:
    """The events (model objects) extracted from ``text``."""
    return extract(text, lang, published, dateline=dateline).events


def records(text: str, lang: str, published: str, *, dateline: str = "") -> list[dict]:
    """The events of ``text`` as the export writes them (ACLED columns)."""
    return [event_record(ev) for ev in events(text, lang, published, dateline=dateline)]


def read(text: str, published: str, tmp_path: Path, name: str = "a.txt") -> Document:
    """The article as a file in the sample format, read by ingest (which parses the dateline and removes the
    clutter): a first line `` date {published}`` when published is given, then ``text`` as it is."""
    from eventwire.ingest import ReadError, read_paths
    path = tmp_path / name
    path.write_text(f" date {published}\n{text}" if published else text, encoding="utf-8")
    [doc] = [d for d in read_paths([str(path)]) if not isinstance(d, ReadError)]
    return doc


def split_doc(text: str, lang: str = "fr", published: str = "2024-03-14") -> Document:
    """A document split into sentences at full stops (no NLP model needed), for the tests of one stage."""
    doc = Document("t", text, published=published, language=lang)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    doc.sentences = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]
    return doc


def tolls(text: str, lang: str = "fr") -> tuple[int, int]:
    """The (killed, injured) figures casualties() reads over all the sentences of ``text``."""
    doc = split_doc(text, lang)
    killed, injured = casualties(doc, list(range(len(doc.sentences))))
    return killed.value, injured.value


def with_defaults(fn: F, **defaults) -> F:
    """``fn`` with the test file's usual arguments (``lang=``, ``published=``) filled in when a call leaves them
    out; positional and keyword calls bind as they do on ``fn``."""
    sig = inspect.signature(fn)
    unknown = set(defaults) - set(sig.parameters)
    if unknown:
        raise TypeError(f"{fn.__name__} has no parameter {sorted(unknown)}")

    @functools.wraps(fn)
    def call(*args, **kwargs):
        bound = sig.bind_partial(*args, **kwargs)
        for name, value in defaults.items():
            bound.arguments.setdefault(name, value)
        return fn(*bound.args, **bound.kwargs)
    return call
