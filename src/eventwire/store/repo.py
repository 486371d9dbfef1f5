"""Reading and writing the model to the store (one place that knows both)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from ..model import Document, Event, Mention, mention_from_dict, mention_to_dict
from .db import AuditRow, DocumentRow, EventRow, EvidenceRow, MentionRow


def find_known(s: Session, doc: Document) -> str | None:
    """Id of the stored document this one is, else None: one with the same content, or with the same id read
    from the same input (a file read again, even if edited since). A different article that merely has the
    same id (same file name in two folders, a repeated id in one file, two articles piped to stdin) is not
    known: it gets a :func:`distinct_id`."""
    row = s.get(DocumentRow, doc.id)
    if row is not None and (row.content_hash == doc.content_hash or _same_input(row.path, doc.path)):
        return row.id
    return s.scalar(select(DocumentRow.id).where(DocumentRow.content_hash == doc.content_hash).limit(1))


_T = DocumentRow.__table__


# Statements the ingest runs for every document, built once: building a Core statement and its cache key costs
# ~5 times more CPU than running it on SQLite (~145 against ~28 us a statement); the SQL is the same.
_CHECK = select(_T.c.id, _T.c.content_hash, _T.c.path).where(
    or_(_T.c.id == bindparam("b_id"), _T.c.content_hash == bindparam("b_hash")))
_CHECK_MANY = select(_T.c.id, _T.c.content_hash, _T.c.path).where(
    or_(_T.c.id.in_(bindparam("b_ids", expanding=True)), _T.c.content_hash.in_(bindparam("b_hashes", expanding=True))))
_INSERT_DOCUMENT = _T.insert()


def check_document(s: Session, doc: Document) -> tuple[bool, bool]:
    """(whether ``doc`` is known, as :func:`find_known` says; whether a stored document has ``doc.id``) in one
    statement: the stored documents that have its id or its content."""
    rows = s.connection().execute(_CHECK, {"b_id": doc.id, "b_hash": doc.content_hash}).all()   # Core: no ORM
    return _known_taken(rows, doc)


def _known_taken(rows, doc: Document) -> tuple[bool, bool]:
    """:func:`check_document`'s answer from the (id, content_hash, path) rows that have its id or its content."""
    taken = any(r[0] == doc.id for r in rows)
    known = any(r[1] == doc.content_hash or (r[0] == doc.id and _same_input(r[2], doc.path)) for r in rows)
    return known, taken


class DocumentChecks:
    """:func:`check_document` for several documents with one statement: the stored documents that have any of
    their ids or contents, read once (``docs``); then :meth:`check` answers for each document in turn, counting
    the documents :meth:`stored` since in the same transaction as stored. Exact as long as nothing else writes
    documents meanwhile, i.e. inside one write transaction (writers take turns: :func:`eventwire.store.db.writer`)
    or, for a guess that is checked again later, outside one."""

    def __init__(self, s: Session, docs: list[Document]) -> None:
        self.by_id: dict[str, list] = {}
        self.by_hash: dict[str, list] = {}
        if docs:
            for r in s.connection().execute(_CHECK_MANY, {"b_ids": sorted({d.id for d in docs}),
                                                          "b_hashes": sorted({d.content_hash for d in docs})}):
                self._add(tuple(r))

    def _add(self, row: tuple) -> None:
        self.by_id.setdefault(row[0], []).append(row)
        self.by_hash.setdefault(row[1], []).append(row)

    def check(self, doc: Document) -> tuple[bool, bool]:
        """(known, taken) as :func:`check_document` would say now (``doc.id`` must be one it was read for, or
        a new id of that document: one that no stored document has gets its own look-up)."""
        rows = {id(r): r for r in (*self.by_id.get(doc.id, ()), *self.by_hash.get(doc.content_hash, ()))}
        return _known_taken(list(rows.values()), doc)

    def stored(self, doc: Document) -> None:
        """``doc`` was stored in this transaction (the following checks see it)."""
        self._add((doc.id, doc.content_hash, doc.path))


def _same_input(stored: str, new: str) -> bool:
    return bool(stored) and stored == new and not stored.startswith("<stdin>")


def distinct_id(s: Session, doc: Document, taken: bool | None = None) -> str:
    """An id for ``doc`` that no stored document has: its own id, else the id followed by '~' and the start of
    its content hash (the same article gets the same id on every run). ``taken``: whether a stored document
    has ``doc.id``, when the caller just looked (:func:`check_document`)."""
    if not (s.get(DocumentRow, doc.id) is not None if taken is None else taken):
        return doc.id
    for n in (8, 16, 64):
        candidate = f"{doc.id}~{doc.content_hash[:n]}"
        if s.get(DocumentRow, candidate) is None:
            return candidate
    k = 2
    while s.get(DocumentRow, f"{doc.id}~{k}") is not None:
        k += 1
    return f"{doc.id}~{k}"


def save_document(s: Session, doc: Document, status: str = "ok") -> None:
    """Insert the document's row (a Core insert: an ORM object would cost more, and the rows that read it back
    in the transaction, ``link_duplicate``'s, are loaded from the store)."""
    s.connection().execute(_INSERT_DOCUMENT, [dict(
        id=doc.id, path=doc.path, source=doc.source, published=doc.published, title=doc.title, url=doc.url,
        language=doc.language, dateline_place=doc.dateline_place, dateline_date=doc.dateline_date,
        content_hash=doc.content_hash, text=doc.text, sentences=[list(x) for x in doc.sentences], status=status)])


def load_document(s: Session, doc_id: str) -> Document | None:
    r = s.get(DocumentRow, doc_id)
    if r is None:
        return None
    return Document(id=r.id, text=r.text, published=r.published, title=r.title, url=r.url, source=r.source,
                    language=r.language, path=r.path, dateline_place=r.dateline_place,
                    dateline_date=r.dateline_date, content_hash=r.content_hash,
                    sentences=[tuple(x) for x in r.sentences or []])


def mention_rows(mentions: Iterable[Mention]) -> tuple[list[dict], list[dict]]:
    """The rows :func:`save_mentions` inserts: (mentions, their evidence), in order. Plain data, so that they
    can be prepared where the document was extracted (a Dask worker) rather than in the storing process."""
    rows, evidence = [], []
    for m in mentions:
        rows.append({"id": m.id, "doc_id": m.doc_id, "sentence": m.sentence, "kind": m.kind,
                     "kind_reason": m.kind_reason, "data": mention_to_dict(m)})
        evidence.extend(_evidence_rows("mention", m.id, m))
    return rows, evidence


def save_mentions(s: Session, mentions: Iterable[Mention], rows: tuple[list[dict], list[dict]] | None = None) -> None:
    """Insert the mentions and their evidence rows (one statement each, executemany, in the same order).
    ``rows``: :func:`mention_rows` of these mentions, when they were prepared already."""
    mentions_, evidence = rows if rows is not None else mention_rows(mentions)
    if mentions_:
        s.connection().execute(_INSERT_MENTION, mentions_)
    if evidence:
        s.connection().execute(_INSERT_EVIDENCE, evidence)


_INSERT_MENTION = MentionRow.__table__.insert()
_INSERT_EVIDENCE = EvidenceRow.__table__.insert()
_INSERT_EVENT = EventRow.__table__.insert()
_INSERT_AUDIT = AuditRow.__table__.insert()


_LOOK = object()


def save_event(s: Session, ev: Event, row: EventRow | None = _LOOK) -> None:
    """Insert or replace an event (and its evidence rows); links its mentions. ``row``: the stored row of that
    id (None: there is none), when the caller just looked it up."""
    if row is _LOOK:
        row = s.get(EventRow, ev.id)
    if row is None:   # a new event: one Core insert (no evidence rows can be left: they go with their event)
        values = {"id": ev.id}
        _fill_event_row(_Values(values), ev)
        s.connection().execute(_INSERT_EVENT, [values])
    else:
        _fill_event_row(row, ev)
        s.execute(delete(EvidenceRow).where(EvidenceRow.owner == "event", EvidenceRow.owner_id == ev.id))
        s.flush()
    _save_evidence(s, "event", ev.id, ev)
    if ev.mention_ids:   # its mentions point to it (those stored: one UPDATE, no row loaded)
        if len(ev.mention_ids) == 1:   # the usual case: no list expanded into the SQL on each run
            s.connection().execute(_POINT_MENTION, {"b_id": ev.mention_ids[0], "b_event": ev.id})
        else:
            s.connection().execute(_POINT_MENTIONS, {"b_ids": list(ev.mention_ids), "b_event": ev.id})


_M = MentionRow.__table__
_POINT_MENTIONS = update(_M).where(_M.c.id.in_(bindparam("b_ids", expanding=True))).values(
    event_id=bindparam("b_event"))
_POINT_MENTION = update(_M).where(_M.c.id == bindparam("b_id")).values(event_id=bindparam("b_event"))


class _Values:
    """Attribute writes into a dict (the values of a Core insert filled by :func:`_fill_event_row`)."""
    __slots__ = ("values",)

    def __init__(self, values: dict) -> None:
        object.__setattr__(self, "values", values)

    def __setattr__(self, name: str, value) -> None:
        self.values[name] = value


def _fill_event_row(row: EventRow, ev: Event) -> None:
    d, p = ev.date.value, ev.place.value
    row.data = mention_to_dict(ev)
    row.event_date = d.day.isoformat() if d else ""
    row.time_precision = d.precision if d else None
    row.event_type = ev.event_type.value or ""
    row.sub_event_type = ev.sub_event_type.value or ""
    row.country = p.country if p else ""
    row.admin1 = p.admin1 if p else ""
    row.location = p.location if p else ""
    row.latitude = p.latitude if p else None
    row.longitude = p.longitude if p else None
    row.actor1 = ev.actor1.value.name if ev.actor1.value else ""
    row.actor2 = ev.actor2.value.name if ev.actor2.value else ""
    row.fatalities = ev.fatalities.value
    row.n_sources = len(ev.source_documents)
    row.status = ev.status


def _save_evidence(s: Session, owner: str, owner_id: str, m: Mention) -> None:
    """Insert a mention's or event's evidence rows in one statement (no ORM objects: nothing reads them back in
    the transaction, and a document has a dozen of them; the rows and their order are the same)."""
    rows = _evidence_rows(owner, owner_id, m)
    if rows:
        s.connection().execute(_INSERT_EVIDENCE, rows)


def _evidence_rows(owner: str, owner_id: str, m: Mention) -> list[dict]:
    return [{"owner": owner, "owner_id": owner_id, "field": name, "doc_id": e.doc_id, "sentence": e.sentence,
             "start": e.start, "end": e.end, "text": e.text}
            for name, slot in m.slots() for e in slot.evidence]


def audit(s: Session, action: str, event_id: str, detail: dict | None = None, user: str = "",
          automatic: bool = False) -> None:
    s.connection().execute(_INSERT_AUDIT, [dict(action=action, event_id=event_id, detail=detail or {},
                                                              user=user, automatic=automatic)])


@dataclass
class EventFilter:
    """Filters for listing events."""
    country: str | None = None
    event_type: str | None = None
    since: str | None = None   # YYYY-MM-DD
    until: str | None = None
    text: str | None = None    # substring of location/actors
    include_rejected: bool = False
    limit: int | None = None


def escape_like(text: str) -> str:
    """Text matched literally by LIKE ... ESCAPE '\\' ('%' and '_' are no wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column, text: str):
    return column.ilike(f"%{escape_like(text)}%", escape="\\")


def iter_events(s: Session, f: EventFilter | None = None) -> Iterator[Event]:
    """Events matching a filter, by date then id. ``country`` is an exact name (any case), ``event_type`` and
    ``text`` are literal substrings (any case), ``since``/``until`` ISO dates (YYYY-MM-DD) inclusive."""
    f = f or EventFilter()
    q = select(EventRow)
    if not f.include_rejected:
        q = q.where(EventRow.status != "rejected")
    if f.country:
        q = q.where(EventRow.country.ilike(escape_like(f.country.strip()), escape="\\"))
    if f.event_type:
        q = q.where(or_(_contains(EventRow.event_type, f.event_type), _contains(EventRow.sub_event_type, f.event_type)))
    if f.since:
        q = q.where(EventRow.event_date >= f.since)
    if f.until:
        q = q.where(EventRow.event_date <= f.until)
    if f.text:
        q = q.where(or_(_contains(EventRow.location, f.text), _contains(EventRow.actor1, f.text),
                        _contains(EventRow.actor2, f.text), _contains(EventRow.admin1, f.text)))
    q = q.order_by(EventRow.event_date, EventRow.id)
    if f.limit:
        q = q.limit(f.limit)
    for row in s.scalars(q):
        yield event_of(row)


def event_of(row: EventRow) -> Event:
    ev = mention_from_dict(row.data, Event)
    ev.status = row.status
    return ev


def get_event(s: Session, event_id: str) -> Event | None:
    row = s.get(EventRow, event_id)
    if row is None:  # allow a unique prefix
        rows = s.scalars(select(EventRow).where(EventRow.id.like(f"{escape_like(event_id)}%", escape="\\"))
                         .limit(2)).all() if event_id else []
        row = rows[0] if len(rows) == 1 else None
    return event_of(row) if row is not None else None


def mentions_of_event(s: Session, event_id: str) -> list[Mention]:
    rows = s.scalars(select(MentionRow).where(MentionRow.event_id == event_id).order_by(MentionRow.id))
    return [mention_from_dict(r.data) for r in rows]


def mentions_of_document(s: Session, doc_id: str) -> list[Mention]:
    rows = s.scalars(select(MentionRow).where(MentionRow.doc_id == doc_id).order_by(MentionRow.sentence))
    return [mention_from_dict(r.data) for r in rows]
