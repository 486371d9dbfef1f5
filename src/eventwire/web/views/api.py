"""The JSON API: events (filtered, sorted, paged), one event with its evidence, documents, stats, exports, and
the review actions."""
from __future__ import annotations

import io
import time
from collections import Counter, defaultdict
from typing import Any, Callable, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel
from sqlalchemy import select

from ... import review
from ...export import WRITERS
from ...model import mention_from_dict
from ...store.db import DocumentRow, EventRow, MentionRow, ReportRow, writer
from ...store.repo import load_document, mentions_of_document, mentions_of_event
from ..security import CSRF_COOKIE, csrf_ok
from .. import borders
from ..index import LIST_DROP, encode
from .common import (QUERY_OPENAPI, EventQuery, changed, current_user, event_query, index_of, page_of, ready,
                     require_reviewer, select_records)

router = APIRouter(prefix="/api", tags=["api"])
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
         "geojson": "application/geo+json; charset=utf-8"}


def events_body(request: Request, f: EventQuery) -> bytes:
    """The /api/events answer: {ok, total, page, page_size, pages, filter, events}, the events' JSON as
    encoded once per change of the event (EventIndex.listed)."""
    index = index_of(request.app.state)
    ids, _, listed = index.selection(f)
    part, size, pages = page_of(request, f, ids)
    head = encode({"ok": True, "total": len(ids), "page": f.page, "page_size": size, "pages": pages,
                   "filter": f.params()})
    return f'{head[:-1]},"events":[{",".join(listed[i] for i in part)}]}}'.encode()


@router.get("/events", summary="Events matching a filter, sorted and paged (reviews applied)",
            openapi_extra=QUERY_OPENAPI)
async def list_events(request: Request, f: EventQuery = Depends(event_query)) -> Response:
    # on the event loop when the index is up to date and the filter's ids are cached (microseconds: no thread
    # hand-off); in a worker thread when the store must be read again or the filter queried
    if ready(request.app.state, f):
        return Response(events_body(request, f), media_type="application/json")
    return Response(await run_in_threadpool(events_body, request, f), media_type="application/json")


@router.get("/events.{fmt}", summary="Every event of the filter as CSV, JSONL or GeoJSON (eventwire export's columns)",
            openapi_extra=QUERY_OPENAPI)
def export_events(request: Request, fmt: Literal["csv", "jsonl", "geojson"],
                  f: EventQuery = Depends(event_query)) -> Response:
    ts = int(time.time())
    rows = [{**review.export_columns(r), "timestamp": ts} for r in select_records(request, f)]
    buf = io.StringIO()
    WRITERS[fmt](rows, buf)
    return Response(buf.getvalue(), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/points", summary="The filter's events with coordinates as slim GeoJSON points (for the map)",
            openapi_extra=QUERY_OPENAPI)
def points(request: Request, f: EventQuery = Depends(event_query)) -> dict[str, Any]:
    keep = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "location", "country", "fatalities",
            "review_status")
    feats = [{"type": "Feature", "id": r["event_id_cnty"],
              "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
              "properties": {k: r[k] for k in keep}}
             for r in select_records(request, f) if r["latitude"] is not None and r["longitude"] is not None]
    return {"type": "FeatureCollection", "features": feats}


@router.get("/borders.geojson", summary="Country borders (Natural Earth admin-0, simplified) for the map")
def country_borders(request: Request) -> Response:
    raw, packed = borders.geojson()
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(packed, media_type=MEDIA["geojson"], headers={**headers, "Content-Encoding": "gzip"})
    return Response(raw, media_type=MEDIA["geojson"], headers=headers)


@router.get("/stats", summary="Events and fatalities per day and per type, for the filter",
            openapi_extra=QUERY_OPENAPI)
def stats(request: Request, f: EventQuery = Depends(event_query)) -> dict[str, Any]:
    rows = select_records(request, f)
    per_day: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": 0, "fatalities": 0, "by_type": Counter()})
    per_type: dict[str, dict[str, int]] = defaultdict(lambda: {"events": 0, "fatalities": 0})
    for r in rows:
        t = r["event_type"] or "(none)"
        d = per_day[r["event_date"] or "(no date)"]
        d["events"] += 1
        d["fatalities"] += r["fatalities"] or 0
        d["by_type"][t] += 1
        per_type[t]["events"] += 1
        per_type[t]["fatalities"] += r["fatalities"] or 0
    return {"ok": True, "filter": f.params(), "events": len(rows),
            "fatalities": sum(r["fatalities"] or 0 for r in rows),
            "per_day": [{"day": k, "events": v["events"], "fatalities": v["fatalities"], "by_type": dict(v["by_type"])}
                        for k, v in sorted(per_day.items())],
            "per_type": [{"event_type": k, **v} for k, v in sorted(per_type.items())]}


@router.get("/review-queue", summary="Unreviewed events, least certain first")
def review_queue(request: Request, page: int = 1) -> dict[str, Any]:
    rows = queue_rows(request)
    f = EventQuery(status="unreviewed", page=max(1, page))
    part, size, pages = page_of(request, f, rows)
    return {"ok": True, "total": len(rows), "page": f.page, "page_size": size, "pages": pages,
            "events": [{k: v for k, v in r.items() if k not in LIST_DROP} for r in part]}


def queue_rows(request: Request) -> list[dict[str, Any]]:
    return index_of(request.app.state).memo("queue", lambda recs: sorted(
        (r for r in recs if r["review_status"] == "unreviewed"),
        key=lambda r: (r["certainty"], r["event_date"] or "", r["event_id_cnty"])))


def event_detail(request: Request, event_id: str) -> dict[str, Any]:
    """One event: its record with reviews applied, every field's evidence with the sentence it sits in, the
    reports and documents behind it, their background mentions, the review history and audit trail."""
    rec = index_of(request.app.state).records.get(event_id)
    if rec is None:
        raise HTTPException(404, f"no event {event_id!r}")
    with request.app.state.factory() as s:
        row = s.get(EventRow, event_id)
        owners = [event_id] + list(rec["merged_from"])
        docs: dict[str, Any] = {}

        def doc(doc_id: str):
            if doc_id not in docs:
                docs[doc_id] = load_document(s, doc_id)
            return docs[doc_id]

        def sentence(doc_id: str, i: int) -> str:
            d = doc(doc_id)
            return d.text[slice(*d.sentences[i])] if d and 0 <= i < len(d.sentences) else ""

        evidence = {field: [{**sp, "sentence_text": sentence(sp["doc_id"], sp["sentence"])} for sp in spans]
                    for field, spans in rec["evidence"].items()}
        told = [(owner, m) for owner in owners for m in mentions_of_event(s, owner)
                if m.doc_id in rec["source_documents"]]
        told += [(event_id, mention_from_dict(mr.data)) for mid in rec.get("report_mentions", [])
                 if (mr := s.get(MentionRow, mid)) is not None]
        event_reports = [{"id": r.id, "doc_id": r.doc_id} for r in s.scalars(
            select(ReportRow).where(ReportRow.event_id == event_id).order_by(ReportRow.id)) if r.id not in rec.get("split_reports", [])]
        reports = []
        for owner, m in told:
            d = doc(m.doc_id)
            reports.append({"mention_id": m.id, "event_id": owner, "doc_id": m.doc_id, "sentence": m.sentence,
                            "sentence_text": sentence(m.doc_id, m.sentence),
                            "source": d.source if d else "", "published": d.published if d else "",
                            "title": d.title if d else "", "values": _mention_values(m)})
        background = []
        for doc_id in rec["source_documents"]:
            for m in mentions_of_document(s, doc_id):
                if m.kind != "event":
                    background.append({"mention_id": m.id, "doc_id": doc_id, "kind": m.kind, "reason": m.kind_reason,
                                       "sentence": m.sentence, "sentence_text": sentence(doc_id, m.sentence)})
        documents = [{"id": i, "title": d.title, "source": d.source, "published": d.published, "url": d.url,
                      "language": d.language} for i in rec["source_documents"] if (d := doc(i)) is not None]
        history = [h for o in owners for h in review.history(s, o)]
        trail = review.audit_trail(s, event_id)
        status = row.status if row is not None else ""
    return {"ok": True, "event": {k: v for k, v in rec.items() if k != "evidence"}, "evidence": evidence,
            "reports": reports, "event_reports": event_reports, "documents": documents, "background_mentions": background,
            "reviews": sorted(history, key=lambda h: h["id"]), "audit": trail, "stored_status": status}


def _mention_values(m) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, slot in m.slots():
        v = slot.value
        if v in (None, [], ""):
            continue
        if hasattr(v, "inter"):
            v = v.name
        elif hasattr(v, "location"):
            v = v.location
        elif hasattr(v, "day"):
            v = v.day.isoformat()
        elif isinstance(v, list):
            v = [getattr(x, "name", x) for x in v]
        out[k] = v
    return out


@router.get("/events/{event_id}", summary="One event with every field's evidence, its reports and reviews")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return event_detail(request, event_id)


def document_detail(request: Request, doc_id: str) -> dict[str, Any]:
    with request.app.state.factory() as s:
        row = s.get(DocumentRow, doc_id)
        if row is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        mentions = [{"id": m.id, "sentence": m.sentence, "kind": m.kind, "reason": m.kind_reason,
                     "event_id": m.event_id} for m in s.query(MentionRow).filter(MentionRow.doc_id == doc_id)
                    .order_by(MentionRow.sentence)]
        out = {"id": row.id, "title": row.title, "source": row.source, "published": row.published, "url": row.url,
               "language": row.language, "dateline_place": row.dateline_place, "dateline_date": row.dateline_date,
               "status": row.status, "duplicate_of": row.duplicate_of, "text": row.text,
               "sentences": row.sentences}
    events = sorted({m["event_id"] for m in mentions if m["event_id"]})
    return {"ok": True, "document": out, "mentions": mentions, "events": events}


@router.get("/documents/{doc_id}", summary="One document: text, sentences, mentions and their events")
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    return document_detail(request, doc_id)


@router.get("/me", summary="Who is logged in")
def me(request: Request) -> dict[str, Any]:
    u = current_user(request)
    return {"ok": True, "user": {"name": u.name, "role": u.role} if u else None}


class ReviewIn(BaseModel):
    action: Literal["confirm", "edit", "reject", "merge", "split"]
    field: str = ""
    value: Any = None
    reason: str = ""


class UndoIn(BaseModel):
    reason: str = ""


def check_csrf_header(request: Request) -> None:
    """Cookie-authenticated API writes need the X-CSRF-Token header (an API token needs none)."""
    if not getattr(request.state, "via_token", False) and not csrf_ok(request.cookies.get(CSRF_COOKIE),
                                                                        request.headers.get("x-csrf-token")):
        raise HTTPException(403, "missing or wrong CSRF token (send the ew_csrf cookie's value as X-CSRF-Token)")


def writer_of(request: Request):
    """The reviewer making an API write (checked before the body is read): 401 anonymous, 403 otherwise."""
    user = require_reviewer(request)
    check_csrf_header(request)
    return user


@router.post("/events/{event_id}/reviews", status_code=201, summary="Review an event: confirm, edit a field (value, reason), reject, merge (value: the other event's id), split (value: a report id)")
def post_review(request: Request, event_id: str, body: ReviewIn,
                user=Depends(writer_of)) -> dict[str, Any]:
    return do_review(request, user.name, event_id, body.action, body.field, body.value, body.reason)


def do_review(request: Request, user: str, event_id: str, action: str, field: str, value: Any,
              reason: str) -> dict[str, Any]:
    return _write_review(request, "no event",
                         lambda s: review.add_review(s, user, event_id, action, field, value, reason))


def _write_review(request: Request, not_found: str, act: Callable[[Any], Any]) -> dict[str, Any]:
    """Run one review action in a write transaction: 404 when its target is unknown (the error starts with
    ``not_found``), 400 for any other refusal."""
    with writer(request.app.state.factory)() as s:
        try:
            r = act(s)
        except review.ReviewError as e:
            raise HTTPException(404 if str(e).startswith(not_found) else 400, str(e)) from None
        s.commit()
        out = review.review_dict(r)
    changed(request.app.state)
    return {"ok": True, "review": out}


@router.post("/reviews/{review_id}/undo", summary="Undo a review (kept in the history)")
def post_undo(request: Request, review_id: int, body: Optional[UndoIn] = None,
              user=Depends(writer_of)) -> dict[str, Any]:
    return do_undo(request, user.name, review_id, body.reason if body else "")


def do_undo(request: Request, user: str, review_id: int, reason: str) -> dict[str, Any]:
    return _write_review(request, "no review", lambda s: review.undo(s, user, review_id, reason))
