"""The Python API, for analysts working in notebooks.

    import eventwire
    events = eventwire.extract(text, published="2024-01")        # one article -> its events, as dicts
    store = eventwire.open_store("events.db")                     # a store made by `eventwire ingest`
    store.events(country="Iraq", since="2024-01")                 # the rows of `eventwire export`
    store.dataframe()                                             # the same as a pandas DataFrame

Every event is a plain dict in the export record shape (:func:`eventwire.export.event_record`: ACLED's 31
columns, then ``injuries``, ``weapons``, ``attribution``, ``source_documents`` and ``evidence``, which maps each
field to the spans it was read from). Nothing heavy is imported before it is needed: the language models load
on the first :func:`extract`, the database library on the first :func:`open_store`, pandas on the first
:meth:`Store.dataframe`.
"""
from __future__ import annotations

import os
import re
import sys
import time
import warnings
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Store", "extract", "open_store"]

_DAY = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def extract(text: str, published: str | date | None = None, *, language: str | None = None, title: str = "",
            doc_id: str | None = None, source: str = "") -> list[dict[str, Any]]:
    """The events one article tells, each a dict with its evidence (the shape ``eventwire export`` writes).

    ``text`` is the article as published: web clutter is removed and a dateline (``BAGHDAD, 4 janvier
    (Reuters) -``) gives the agency, the dateline place and the day, as ``eventwire ingest`` does; a first line
    `` date YYYY-MM`` (the sample format) is read as the publication date. ``published`` ('YYYY-MM',
    'YYYY-MM-DD' or a date) anchors relative dates ("mardi", "last week"); without it they are resolved against
    the dateline's day, if any. ``language`` is 'fr' or 'en' (detected when not given). ``doc_id`` names the
    article in ``source_documents`` and in the evidence (default: ``doc-`` and a hash of the text, so the same
    text always gets the same event ids). ``source`` is the agency or outlet, when the text does not say.

    Background mentions (older events recalled, aggregates, threats, denials) are not events and are left out.
    An article in another language gives no events and a warning. Raises ValueError for an empty text, a
    malformed date or an unsupported ``language``.
    """
    from .export import event_record
    from .ingest.formats import read_sample
    from .ingest.clean import content_hash
    from .ingest.records import ReadError, check_published, to_document
    from .ingest.sections import extract_in_sections
    from .nlp.language import SUPPORTED
    from .pipeline import extract_document

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise ValueError("text is empty")
    if language is not None and language not in SUPPORTED:
        raise ValueError(f"language {language!r} is not supported (choose one of {', '.join(sorted(SUPPORTED))})")
    name = doc_id if doc_id is not None else f"doc-{content_hash(text)[:12]}"
    record = next(iter(read_sample(text, "<text>", name)))   # the ' date YYYY-MM' header, when there is one
    if isinstance(record, ReadError):
        raise ValueError(record.message)
    if published is not None:
        record.published = check_published(published.isoformat() if isinstance(published, date) else published)
    for _, note in record.warnings:          # a header without a date, a date in the future, an unusable id
        _warn(f"{record.id}: {note}")
    record.title, record.source = title, source
    doc = to_document(record)
    if isinstance(doc, ReadError):
        raise ValueError(doc.message)
    if language is not None:
        doc.language = language
    res, _ = extract_in_sections(doc, extract_document)
    if res.skipped:
        _warn(f"{doc.id}: {res.skipped}; no events extracted")
        return []
    now = int(time.time())
    return [event_record(ev, now) for ev in res.events]


def open_store(db: str = "eventwire.db") -> Store:
    """A read-only view of a store that ``eventwire ingest`` made (an SQLite file or a SQLAlchemy URL).

    A missing store is never created: it raises ``eventwire.store.db.StoreError`` (as does a file that is not
    an eventwire store).
    """
    return Store(db)


class Store:
    """A store's events, their evidence and its documents, read-only. Use :func:`open_store`."""

    def __init__(self, db: str) -> None:
        from .store.db import engine_of, open_db

        self.db = db
        self._factory = open_db(db, create=False)
        self._engine = engine_of(self._factory)

    def __repr__(self) -> str:
        return f"<eventwire store {self.db!r}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections (the Store can no longer be used after)."""
        self._engine.dispose()

    def events(self, country: str | None = None, event_type: str | None = None, since: str | date | None = None,
               until: str | date | None = None, search: str | None = None, limit: int | None = None,
               include_rejected: bool = False) -> list[dict[str, Any]]:
        """Events as dicts, by date then id, with the columns of ``eventwire export`` (evidence included), reviews
        applied as in the export and the web app (edited values, merged events gone, rejected ones hidden).

        ``country``: an exact country name (any case); ``event_type``: text found in the event or sub-event type
        ("drone", "Battles"); ``since``/``until``: dates, inclusive ('YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a date:
        ``since="2024-01"`` starts on 1 January, ``until="2024-01"`` ends on 31 January); ``search``: literal text
        in the location, admin1 or actor names; ``limit``: at most that many events; ``include_rejected``: also
        the events a reviewer rejected.
        """
        from .review import export_columns, listed

        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise ValueError(f"limit must be a positive integer, not {limit!r}")
        now = int(time.time())   # ACLED's timestamp, as `eventwire export` writes it
        with self._factory() as s:
            return [export_columns(r) for r in listed(
                s, country=country, event_type=event_type, since=iso_day(since, "since", last=False),
                until=iso_day(until, "until", last=True), text=search, include_rejected=include_rejected,
                limit=limit, timestamp=now)]

    def dataframe(self, **filters: Any) -> pandas.DataFrame:
        """:meth:`events` as a pandas DataFrame (one row per event, the export columns; same filters).

        pandas is optional: without it this raises ImportError saying so (``events()`` needs nothing).
        """
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Store.dataframe() needs pandas, which is not installed: `pip install pandas`, "
                              "or use Store.events() (a list of dicts)") from None
        from .export import COLUMNS

        return pd.DataFrame(self.events(**filters), columns=COLUMNS)

    def event(self, event_id: str) -> dict[str, Any]:
        """One event (its id or a unique prefix) with its evidence, plus ``reports``: every report merged into
        it (document, source, sentence number and text, the values that report gave). KeyError when unknown."""
        from .review import current
        from .store.repo import get_event, load_document, mentions_of_event

        with self._factory() as s:
            ev = get_event(s, event_id)
            if ev is None:
                raise KeyError(f"no event {event_id!r} in {self.db}")
            rec = current(s, ev.id)   # reviews applied, as in the export and the web app
            rec["status"] = ev.status
            reports, docs = [], {}
            for m in mentions_of_event(s, ev.id):
                if m.doc_id not in docs:
                    docs[m.doc_id] = load_document(s, m.doc_id)
                doc = docs[m.doc_id]
                span = doc.sentences[m.sentence] if doc and 0 <= m.sentence < len(doc.sentences) else None
                reports.append({"mention_id": m.id, "doc_id": m.doc_id, "source": doc.source if doc else "",
                                "published": doc.published if doc else "", "sentence": m.sentence,
                                "sentence_text": doc.text[span[0]:span[1]] if span else "",
                                "kind": m.kind, **{k: _brief(v.value) for k, v in m.slots() if v.value not in
                                                   (None, [], "")}})
            rec["reports"] = reports
        return rec

    def documents(self, text: bool = False) -> list[dict[str, Any]]:
        """The stored articles (by id): id, published, title, source, language, url, path, dateline place and
        day, status ('ok' or why it was skipped), duplicate_of (the original a republished copy was linked to),
        ingested_at, the number of events it reports; with ``text=True`` also the cleaned text."""
        from sqlalchemy import func, select

        from .store.db import DocumentRow, MentionRow

        with self._factory() as s:
            counts = dict(s.execute(select(MentionRow.doc_id, func.count(func.distinct(MentionRow.event_id)))
                                    .where(MentionRow.event_id.is_not(None)).group_by(MentionRow.doc_id)).all())
            out = []
            for r in s.scalars(select(DocumentRow).order_by(DocumentRow.id)):
                row = {"id": r.id, "published": r.published, "title": r.title, "source": r.source,
                       "language": r.language, "url": r.url, "path": r.path, "dateline_place": r.dateline_place,
                       "dateline_date": r.dateline_date, "status": r.status, "duplicate_of": r.duplicate_of,
                       "ingested_at": r.ingested_at.isoformat() if r.ingested_at else None,
                       "events": counts.get(r.id, 0)}
                if text:
                    row["text"] = r.text
                out.append(row)
        return out


def _warn(message: str) -> None:
    """A UserWarning attributed to the caller's code (the first frame outside the eventwire package)."""
    package = os.path.dirname(os.path.abspath(__file__))
    level, frame = 2, sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package + os.sep):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, stacklevel=level)


def iso_day(value: str | date | None, name: str, last: bool) -> str | None:
    """An ISO day from a date, 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (the first, or when ``last`` the last, day of
    the month or year); ValueError naming the argument otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    m = _DAY.fullmatch(str(value).strip())
    try:
        if not m:
            raise ValueError
        year = int(m[1])
        month = int(m[2]) if m[2] else (12 if last else 1)
        if m[3]:
            return date(year, month, int(m[3])).isoformat()
        if not last:
            return date(year, month, 1).isoformat()
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a date (use 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or a date)") from None


def _brief(v: Any) -> Any:
    """A report's value in short: an actor's name, a place's location, a date's ISO day."""
    from .model import Actor, DateValue, Place

    if isinstance(v, list):
        return [_brief(x) for x in v]
    if isinstance(v, Actor):
        return v.name
    if isinstance(v, Place):
        return v.location
    if isinstance(v, DateValue):
        return v.day.isoformat()
    return v
