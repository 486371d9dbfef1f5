"""Incremental merging in the store: near-duplicate documents and incidents told by several reports.

Two tables are added to the store's schema: ``doc_signatures`` (each document's MinHash signature;
the LSH index is rebuilt from it once per process and kept in sync) and ``event_reports`` (every
document's own events, the "reports", with the blocking keys; a merged event is always rebuilt from
its reports, so the result never depends on the order articles arrived in).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable
from weakref import WeakKeyDictionary

from sqlalchemy import and_, bindparam, delete, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .. import dedup
from ..merge import (DATE_SLACK_DAYS, cell, copy_conflict, country_key, day_range, fold, is_area, lon_span,
                     merge_events, same_incident)
from ..model import EVENT, Document, Event, Mention, Slot, mention_from_dict, mention_to_dict
from .db import DocSignatureRow, DocumentRow, EventRow, EvidenceRow, MentionRow, ReportRow
from .repo import audit, event_of, mention_rows, save_event

MAX_SPAN_DAYS = 31  # the longest date interval (a month)


@dataclass
class _Synced:
    index: dedup.DuplicateIndex
    last_seq: int = 0


_INDEXES: WeakKeyDictionary[Engine, _Synced] = WeakKeyDictionary()


def _state(s: Session) -> _Synced:
    """Per-engine state (the LSH index of the store's signatures)."""
    engine = s.get_bind()
    if engine not in _INDEXES:
        _INDEXES[engine] = _Synced(dedup.DuplicateIndex())
    return _INDEXES[engine]


def duplicate_index(s: Session) -> dedup.DuplicateIndex:
    """The LSH index of the store's signatures: built from the table once per engine, then synced (once per
    write transaction: in one, only this process adds signatures, and it adds them to the index too)."""
    synced = _state(s)
    tx = s.get_transaction()
    if tx is not None and s.info.get(_SYNCED) is tx and s.connection().get_execution_options().get("eventwire_write"):
        return synced.index
    rows = s.connection().execute(_SYNC, {"b_seq": synced.last_seq})
    for seq, doc_id, sig in rows:
        synced.index.add(doc_id, dedup.signature_from_bytes(sig))
        synced.last_seq = seq
    s.info[_SYNCED] = tx
    return synced.index


_SYNCED = "eventwire_signatures_synced"   # session.info: the (write) transaction the index was last synced in
_SIGS = DocSignatureRow.__table__
_SYNC = select(_SIGS.c.seq, _SIGS.c.doc_id, _SIGS.c.signature).where(_SIGS.c.seq > bindparam("b_seq")).order_by(
    _SIGS.c.seq)
_SIGNATURE_OF = select(_SIGS.c.signature).where(_SIGS.c.doc_id == bindparam("b_doc"))


def forget_unsaved(factory) -> None:
    """Drop this process's LSH index of the store behind ``factory`` (a session factory or an engine) after a write
    transaction that added documents to it was rolled back: it is rebuilt from the stored signatures when next
    needed, so the documents not stored are no candidates, and no stored signature is skipped (the rolled-back
    rows' sequence numbers may be given again to other rows)."""
    engine = factory if isinstance(factory, Engine) else factory.kw["bind"]
    _INDEXES.pop(engine, None)


UNKNOWN = object()   # link_duplicate's signature when it was not computed ahead


@dataclass
class StoreRows:
    """What storing a document needs that depends on its extraction alone, prepared where it was extracted
    (a Dask worker: :func:`eventwire.distributed.extract_batch`) so that the one storing process does less:
    its mention and evidence rows (:func:`eventwire.store.repo.mention_rows`) and its text's signature
    (:func:`document_signature`), and how many of its mentions are background ones (the ingest summary counts
    them). Valid for the document id it was prepared under only. ``alone``: the extraction travels without its
    Mention objects (these rows are all the store needs of them; unpickling the objects cost the ingesting
    process ~0.3 ms a document, three times the rest of the extraction)."""
    doc_id: str
    mentions: tuple[list[dict], list[dict]]
    signature: bytes | None
    background: int = 0
    alone: bool = False


def prepare_rows(doc: Document, mentions: list[Mention]) -> StoreRows:
    return StoreRows(doc.id, mention_rows(mentions), document_signature(doc.text),
                     sum(1 for m in mentions if m.kind != EVENT))


def document_signature(text: str) -> bytes | None:
    """The stored form of a text's MinHash signature, or None when it has too few shingles to be compared
    (computed where the document was extracted, so that the storing process does not: :func:`link_duplicate`)."""
    sh = dedup.shingles(text)
    return dedup.signature_bytes(dedup.signature(sh)) if len(sh) >= dedup.MIN_SHINGLES else None


def link_duplicate(s: Session, doc: Document, signature=UNKNOWN) -> str | None:
    """Record the document's signature; when it republishes a stored document, point it (or, when it was
    published first, the group) at one original via ``documents.duplicate_of``.

    Groups are stars: a document joins a group only when it resembles the group's original itself (never
    through another copy, so resembling texts cannot chain) and when their incidents agree
    (:func:`_incidents_agree`: texts that share boilerplate paragraphs but tell different incidents are not
    copies). Among several such groups the one whose original resembles it most is joined; groups are never
    joined together. The earliest published document (then the smallest id) is the original, provided it
    resembles every copy of the group.

    Returns that original's id when the document is a near-duplicate of another, else None.
    The document and its mentions must already be saved (``repo.save_document``, ``repo.save_mentions``).
    ``signature``: :func:`document_signature` of its text when it was computed ahead (its shingles are then
    computed here only when another document may resemble it).
    """
    if signature is UNKNOWN:
        signature = document_signature(doc.text)
    if signature is None:
        return None
    sig = dedup.signature_from_bytes(signature)
    index = duplicate_index(s)
    candidates = [c for c in index.candidates(sig) if c != doc.id]
    sh = _shingles(doc.text) if candidates else frozenset()
    matches = _confirmed(s, doc.id, sh, sig, candidates)
    if doc.id not in index:   # the index holds every stored signature (synced above) and those of this transaction
        s.connection().execute(_INSERT_SIGNATURE, [{"doc_id": doc.id, "signature": signature}])
    index.add(doc.id, sig)
    if not matches:   # no resembling document: nothing to link
        return None
    rows = {r.id: r for r in s.scalars(select(DocumentRow).where(DocumentRow.id.in_([doc.id, *matches])))}
    me = rows.get(doc.id)
    originals = sorted((cid for cid in matches if cid in rows and rows[cid].duplicate_of is None
                        and _incidents_agree(s, doc.id, sh, cid, rows[cid].text)),
                       key=lambda cid: (-matches[cid].jaccard, cid))
    if me is None or not originals:
        return None
    root = rows[originals[0]]
    members = list(s.scalars(select(DocumentRow).where(DocumentRow.duplicate_of == root.id)))
    if _key(me) < _key(root) and all(m.id in matches for m in members):
        me.duplicate_of = None
        for r in [root, *members]:
            r.duplicate_of = me.id
        root = me
    else:
        me.duplicate_of = root.id
    s.flush()
    return root.id


_SIG = DocSignatureRow.__table__
_INSERT_SIGNATURE = _SIG.insert()


def _key(row: DocumentRow) -> tuple[str, str]:
    """Which of two documents is the original: the earliest published, then the smallest id."""
    return row.published or "9999", row.id


def _confirmed(s: Session, doc_id: str, sh: set[str], sig, candidates: list[str]) -> dict[str, dedup.Resemblance]:
    """Candidates whose estimated, then exact, resemblance says "same text", with that resemblance."""
    out = {}
    for cid in candidates:
        if cid == doc_id:
            continue
        stored = s.connection().execute(_SIGNATURE_OF, {"b_doc": cid}).scalar()
        if stored is None or dedup.signature_from_bytes(stored).jaccard(sig) < dedup.MIN_ESTIMATE:
            continue
        row = s.get(DocumentRow, cid)
        if row is not None:
            res = dedup.resemblance(sh, _shingles(row.text))
            if res.duplicate:
                out[cid] = res
    return out


@lru_cache(maxsize=256)
def _shingles(text: str) -> frozenset[str]:
    """A stored text's shingles, kept for the texts compared most recently (an original is compared with each of
    its copies, and three times for each: resemblance, incidents, shared reports)."""
    return frozenset(dedup.shingles(text))


_MENTIONS = MentionRow.__table__


def _group(s: Session, ids: set[str]) -> list[DocumentRow]:
    """The documents of the duplicate groups these documents belong to."""
    rows = s.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids))).all()
    roots = {r.duplicate_of or r.id for r in rows}
    more = s.scalars(select(DocumentRow).where(or_(DocumentRow.id.in_(roots),
                                                   DocumentRow.duplicate_of.in_(roots)))).all()
    return sorted({r.id: r for r in [*rows, *more]}.values(), key=lambda r: r.id)


def _incidents_agree(s: Session, doc_id: str, sh: set[str], other_id: str, other_text: str) -> bool:
    """Do two resembling documents tell the same incidents? Most event mentions of one of them must each agree
    with an event mention of the other (:func:`eventwire.merge.copy_conflict`; a mention whose sentence is found
    in the other text counts as shared). A place read from the dateline and a date defaulted to the publication
    date are not compared (a copy carries its own). Documents without event mentions agree."""
    mine, theirs = _told(s, doc_id), _told(s, other_id)
    if not mine or not theirs:
        return True

    def mostly(copy: list[tuple[Mention, str]], original: list[tuple[Mention, str]], original_sh: set[str]) -> bool:
        agreeing = sum(1 for m, sentence in copy
                       if any(not copy_conflict(o, m, dedup.told_in(sentence, original_sh)) for o, _ in original))
        return 2 * agreeing > len(copy)

    return mostly(mine, theirs, _shingles(other_text)) or mostly(theirs, mine, sh)


def _told(s: Session, doc_id: str) -> list[tuple[Mention, str]]:
    """A stored document's event mentions (without dateline places and publication dates), with their sentences."""
    row = s.get(DocumentRow, doc_id)
    if row is None:
        return []
    sentence = _sentences(row)
    dateline = fold(row.dateline_place)
    out = []
    for (data,) in s.connection().execute(select(_MENTIONS.c.data).where(   # read only: no ORM objects
            _MENTIONS.c.doc_id == doc_id, _MENTIONS.c.kind == EVENT).order_by(_MENTIONS.c.sentence, _MENTIONS.c.id)):
        m = mention_from_dict(data)
        if dateline and any(fold(e.text) == dateline for e in m.place.evidence):
            m.place = Slot(reason="dateline place")
        if not m.date.evidence:
            m.date = Slot(reason="publication date")
        out.append((m, sentence(m.sentence)))
    return out


def _sentences(row: DocumentRow | None) -> Callable[[int], str]:
    """sentence index -> its text in a stored document ('' when unknown)."""
    text, spans = (row.text, row.sentences or []) if row is not None else ("", [])
    return lambda i: text[spans[i][0]:spans[i][1]] if 0 <= i < len(spans) else ""


# ---- incidents ----

def merge_into_store(s: Session, new_events: list[Event], ungrouped: Iterable[str] = ()) -> list[Event]:
    """Merge new reports (a document's own Events) into the stored incidents and save them.

    Candidates come from blocking (dates within their precision plus slack, the same or neighbouring
    grid cells, or the country for area-level places); the reports connected to the new ones are
    clustered again with :func:`eventwire.merge.merge_events`. Absorbed events are deleted, merged ones
    saved (their mentions re-pointed) and each merge audited. Returns the saved events holding the
    new reports.

    ``ungrouped``: documents known to be in no near-duplicate group (one that :func:`link_duplicate` just linked
    to nothing: no original, no copy), whose groups are then not looked up.
    """
    if not new_events:
        return []
    _state(s)
    rows: dict[str, ReportRow | None] = {}
    alone = frozenset(ungrouped)
    gathered, old_event_of = _gather(s, new_events, rows, alone)
    docs = {r.doc_id for r in gathered.values()} - alone
    dup = dict(s.execute(select(DocumentRow.id, DocumentRow.duplicate_of).where(
        DocumentRow.id.in_(docs), DocumentRow.duplicate_of.is_not(None))).all()) if docs else {}
    merged = merge_events(list(gathered.values()), dup, _shared_reports(s, gathered.values(), dup))
    for gone in sorted(set(old_event_of.values()) - {m.id for m in merged}):
        _delete_event(s, gone)
    s.flush()
    new_ids = {e.id for e in new_events}
    out = []
    for m in merged:
        members = _reports_in(m, gathered)
        before = {r for r, e in old_event_of.items() if e == m.id}
        _save(s, m)
        if len(members) > 1 and set(members) != before:
            absorbed = sorted({old_event_of[r] for r in members if r in old_event_of} - {m.id})
            audit(s, "merge", m.id, {"reports": members, "documents": m.source_documents,
                                     "absorbed": absorbed}, automatic=True)
        for rid in members:
            _save_report(s, gathered[rid], m.id, rows)
        if new_ids & set(members):
            out.append(m)
    s.flush()
    return out


def _shared_reports(s: Session, reports: Iterable[Event], dup: dict[str, str]) -> set[str]:
    """Ids of copies' reports told mostly by sentences found in their original's text (more than half of the
    report's mentions; a copy's new headline or dateline alone does not make it another incident)."""
    out: set[str] = set()
    originals: dict[str, set[str]] = {}
    for r in reports:
        root = dup.get(r.doc_id)
        if root is None:
            continue
        if root not in originals:
            row = s.get(DocumentRow, root)
            originals[root] = _shingles(row.text) if row is not None else frozenset()
        sentence = _sentences(s.get(DocumentRow, r.doc_id))
        rows = s.scalars(select(MentionRow.sentence).where(MentionRow.id.in_(r.mention_ids or []))).all() \
            or [r.sentence]
        if 2 * sum(dedup.told_in(sentence(i), originals[root]) for i in rows) > len(rows):
            out.add(r.id)
    return out


def _reports_in(m: Event, gathered: dict[str, Event]) -> list[str]:
    mids = set(m.mention_ids)
    return sorted(rid for rid, r in gathered.items() if set(r.mention_ids or [r.id]) <= mids)


def _gather(s: Session, new_events: list[Event], rows: dict[str, ReportRow | None] | None = None,
            alone: frozenset[str] = frozenset()) -> tuple[dict[str, Event], dict[str, str]]:
    """The new reports and every stored report connected to them (by a likely match, a shared
    event or a shared near-duplicate group), transitively. Also: stored report id -> its event id.
    ``rows`` receives every gathered report's stored row (None for a new report none is stored for), so that
    saving them does not look them up again."""
    gathered = {e.id: e for e in new_events}
    rows = {} if rows is None else rows
    rows.update(dict.fromkeys(gathered))
    old_event_of: dict[str, str] = {}
    pending: dict[str, ReportRow] = {}
    seen_events: set[str] = set()
    seen_docs: set[str] = set()
    reports: dict[str, Event] = {}

    def parsed(row) -> Event:   # a stored report read once, however many new reports it is compared with
        ev = reports.get(row.id)
        if ev is None:
            ev = reports[row.id] = _report(row)
        return ev

    def take_event(event_id: str) -> None:
        if event_id not in seen_events:
            seen_events.add(event_id)
            for other in s.connection().execute(_REPORTS_OF_EVENT, {"b_event": event_id}).all():
                pending.setdefault(other.id, other)

    s.flush()   # the reports are read with Core statements (no autoflush)
    for row in _reports_by_id(s, list(gathered)):  # a report told again
        rows[row.id] = row
        old_event_of[row.id] = row.event_id
        take_event(row.event_id)
    frontier = list(new_events)
    while frontier or pending:
        for r in frontier:
            for row in _blocked(s, r):
                if row.id not in gathered and same_incident(r, parsed(row)):
                    pending.setdefault(row.id, row)
        docs = {r.doc_id for r in frontier} - seen_docs
        seen_docs |= docs
        for row in _reports_of_groups(s, docs - alone):
            pending.setdefault(row.id, row)
        frontier = []
        while pending:
            row = pending.pop(next(iter(pending)))
            if row.id in gathered:
                continue
            gathered[row.id] = ev = parsed(row)
            rows[row.id] = row
            old_event_of[row.id] = row.event_id
            frontier.append(ev)
            take_event(row.event_id)
    return gathered, old_event_of


def _reports_by_id(s: Session, ids: list[str]) -> list:
    """Stored reports of these ids (one id, the usual case: without a list expanded into the SQL on each run)."""
    if len(ids) == 1:
        return s.connection().execute(_REPORT_BY_ID, {"b_id": ids[0]}).all()
    return s.connection().execute(_REPORTS_BY_ID, {"b_ids": ids}).all()


def _report(row: ReportRow) -> Event:
    return mention_from_dict(row.data, Event)


def _blocked(s: Session, r: Event) -> list[ReportRow]:
    """Stored reports in the blocking neighbourhood of r (never the whole table)."""
    days = day_range(r)
    if days is None:
        return []
    lo, hi = days[0] - DATE_SLACK_DAYS, days[1] + DATE_SLACK_DAYS
    p, ck = r.place.value, country_key(r.place.value)
    when = {"b_hi": hi, "b_lo_span": lo - MAX_SPAN_DAYS, "b_lo": lo, "b_country": ck}
    if p is None or is_area(p):
        return s.connection().execute(_BLOCKED_AREA, when).all()
    ci, cj = cell(p.latitude, p.longitude)
    span = lon_span(p.latitude)
    return s.connection().execute(_BLOCKED_POINT, {**when, "b_i0": ci - 1, "b_i1": ci, "b_i2": ci + 1,
                                                   "b_j_lo": cj - span, "b_j_hi": cj + span}).all()


def _blocked_statements():
    """The two statements of :func:`_blocked` (area-level places, points), built once with their values bound
    (the same SQL as built for each report, so the same rows in the same order; the three cells as three values,
    not a list expanded on each run)."""
    when = and_(ReportRow.day_lo <= bindparam("b_hi"), ReportRow.day_lo >= bindparam("b_lo_span"),
                ReportRow.day_hi >= bindparam("b_lo"))
    area = select(_REPORTS).where(and_(ReportRow.country == bindparam("b_country"), when))
    near = and_(ReportRow.cell_i.in_([bindparam("b_i0"), bindparam("b_i1"), bindparam("b_i2")]),
                ReportRow.cell_j.between(bindparam("b_j_lo"), bindparam("b_j_hi")))
    point = select(_REPORTS).where(and_(when, or_(near, and_(ReportRow.area.is_(True),
                                                              ReportRow.country == bindparam("b_country")))))
    return area, point


def _report_rows(s: Session, where) -> list:
    """Stored reports as plain rows (Core: loading ORM objects costs more, and they are only read; a report
    that changes is written by :func:`_save_report`)."""
    return s.connection().execute(select(_REPORTS).where(where)).all()


def _reports_of_groups(s: Session, doc_ids: set[str]) -> list[ReportRow]:
    """Stored reports of documents in the same near-duplicate groups as these."""
    grouped = s.scalar(select(DocumentRow.id).where(or_(
        and_(DocumentRow.id.in_(doc_ids), DocumentRow.duplicate_of.is_not(None)),
        DocumentRow.duplicate_of.in_(doc_ids))).limit(1)) if doc_ids else None
    if grouped is None:
        return []
    members = {r.id for r in _group(s, doc_ids)}
    return _report_rows(s, _REPORTS.c.doc_id.in_(members))


def _save_report(s: Session, r: Event, event_id: str, rows: dict[str, ReportRow | None] | None = None) -> None:
    """Store a report with its event and blocking keys (``rows``: stored rows already looked up, by id)."""
    row = rows[r.id] if rows is not None and r.id in rows else s.get(ReportRow, r.id)
    if row is None:   # a new report: one Core insert (nothing reads it back as a row in this transaction)
        values = {"id": r.id}
        _fill_report(values, r, event_id)
        s.connection().execute(_INSERT_REPORT, [values])
        return
    values = {}
    _fill_report(values, r, event_id)
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}   # what the ORM would have written
    if changed:
        s.connection().execute(_REPORTS.update().where(_REPORTS.c.id == r.id).values(**changed))


_REPORTS = ReportRow.__table__
_EVENTS = EventRow.__table__
_BLOCKED_AREA, _BLOCKED_POINT = _blocked_statements()
_REPORTS_BY_ID = select(_REPORTS).where(_REPORTS.c.id.in_(bindparam("b_ids", expanding=True)))
_REPORT_BY_ID = select(_REPORTS).where(_REPORTS.c.id == bindparam("b_id"))
_REPORTS_OF_EVENT = select(_REPORTS).where(_REPORTS.c.event_id == bindparam("b_event"))
_INSERT_REPORT = _REPORTS.insert()
_EVENT_EXISTS = select(_EVENTS.c.id).where(_EVENTS.c.id == bindparam("b_id"))


def _fill_report(row: dict, r: Event, event_id: str) -> None:
    p, days = r.place.value, day_range(r)
    row["doc_id"], row["event_id"], row["data"] = r.doc_id, event_id, mention_to_dict(r)
    row["country"], row["area"] = country_key(p), p is None or is_area(p)
    row["cell_i"], row["cell_j"] = (None, None) if row["area"] else cell(p.latitude, p.longitude)
    row["day_lo"], row["day_hi"] = days if days is not None else (None, None)


def _save(s: Session, ev: Event) -> None:
    """Save a merged event, keeping a reviewer's status on an event of the same id."""
    if s.connection().execute(_EVENT_EXISTS, {"b_id": ev.id}).first() is None:
        save_event(s, ev, None)   # a new event (the usual case): looked up without loading an ORM object
        return
    row = s.get(EventRow, ev.id)
    if row is not None:
        if row.status != "auto":
            ev.status = row.status
        if event_of(row) == ev:
            return
    save_event(s, ev, row)


def _delete_event(s: Session, event_id: str) -> None:
    s.execute(delete(EvidenceRow).where(EvidenceRow.owner == "event", EvidenceRow.owner_id == event_id))
    row = s.get(EventRow, event_id)
    if row is not None:
        s.delete(row)
