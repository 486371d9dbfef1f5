"""Analysts' reviews as overrides applied on read (issue 12).

A review never rewrites the ``events`` table: it is a row of ``reviews`` (confirm, edit one field, reject,
merge into another event) applied whenever events are read -- by the web app, its API and ``eventwire
export``. Re-ingesting or re-extracting rewrites ``events`` freely; the reviews stay and are applied again, so
an analyst's correction is never undone and a rejected event never comes back. Every review and every undo is
also written to the audit trail (who, when, field, before, after, reason).

Reading a store's events here never loads the extraction stage (no spaCy, no ``eventwire.extract``).
"""
from __future__ import annotations

import copy
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .export import COLUMNS, disorder_type, event_record, interaction, record_notes
from .model import Event, mention_from_dict
from .store.db import AuditRow, DocumentRow, EventRow, ReportRow, ReviewRow
from .store.repo import audit, event_of

ACTIONS = ("confirm", "edit", "reject", "merge", "split")
INT_FIELDS = {"time_precision", "inter1", "inter2", "geo_precision", "fatalities", "injuries", "iso"}
FLOAT_FIELDS = {"latitude", "longitude"}
LIST_FIELDS = {"weapons"}
TEXT_FIELDS = {"event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
               "civilian_targeting", "region", "country", "admin1", "admin2", "admin3", "location", "source",
               "source_scale", "notes", "tags", "attribution"}
EDITABLE = tuple(c for c in COLUMNS if c in INT_FIELDS | FLOAT_FIELDS | LIST_FIELDS | TEXT_FIELDS)
ATTRIBUTIONS = ("claimed", "accused", "confirmed", "denied", "unattributed")
REVIEWED = ("confirmed", "edited")       # what --reviewed-only keeps
STATUSES = ("unreviewed", "confirmed", "edited", "rejected", "merged")
# the fields whose evidence tells how sure the automatic coding is (see certainty())
KEY_FIELDS = ("event_type", "sub_event_type", "date", "place", "actor1", "fatalities")


class ReviewError(ValueError):
    """A review that cannot be made (unknown event or field, a bad value): the message says why."""


def coerce(field: str, raw: Any) -> Any:
    """A field's value from what an analyst typed (a form's text or a JSON value)."""
    if field not in EDITABLE:
        raise ReviewError(f"{field!r} cannot be edited (editable: {', '.join(EDITABLE)})")
    if field in LIST_FIELDS:
        if isinstance(raw, list):
            return [str(x).strip() for x in raw if str(x).strip()]
        return [x.strip() for x in str(raw or "").split(";") if x.strip()]
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if field in INT_FIELDS | FLOAT_FIELDS:
            return None
        return ""
    try:
        if field in INT_FIELDS:
            v = int(str(raw).strip())
            if v < 0:
                raise ValueError
            return v
        if field in FLOAT_FIELDS:
            v = float(str(raw).strip())
            if not (-180 <= v <= 180) or (field == "latitude" and not -90 <= v <= 90):
                raise ValueError
            return v
    except ValueError:
        raise ReviewError(f"{field}: {raw!r} is not a valid value") from None
    v = str(raw).strip()
    if field == "event_date":
        try:
            date.fromisoformat(v)
        except ValueError:
            raise ReviewError(f"event_date: {v!r} is not a date (YYYY-MM-DD)") from None
    if field == "attribution" and v not in ATTRIBUTIONS:
        raise ReviewError(f"attribution: {v!r} is not one of {', '.join(ATTRIBUTIONS)}")
    return v


# ------------------------------------------------------------------ reading

def resolver(s: Session, current: set[str] | None = None) -> Callable[[str], str]:
    """Maps the event id a review was made on to the event's id now. Merging reports can give an incident a new
    id (the absorbed event is deleted), but an event's id is always one of its reports' ids and every report
    keeps pointing at the event that holds it: a review follows its report into the merged event. ``current``:
    the ids of the stored events, when the caller has just read them."""
    current = set(s.scalars(select(EventRow.id))) if current is None else current
    cache: dict[str, str] = {}

    def resolve(event_id: str) -> str:
        if event_id in current:
            return event_id
        if event_id not in cache:
            rep = s.get(ReportRow, event_id)
            cache[event_id] = rep.event_id if rep is not None and rep.event_id in current else event_id
        return cache[event_id]
    return resolve


def active_reviews(s: Session, event_ids: Iterable[str] | None = None,
                   resolve: Callable[[str], str] | None = None) -> dict[str, list[ReviewRow]]:
    """Reviews not undone, per event (its id now, see :func:`resolver`; pass ``resolve`` to reuse one), oldest
    first."""
    resolve = resolve or resolver(s)
    wanted = set(event_ids) if event_ids is not None else None
    out: dict[str, list[ReviewRow]] = {}
    for r in s.scalars(select(ReviewRow).where(ReviewRow.undone_at.is_(None)).order_by(ReviewRow.id)):
        eid = resolve(r.event_id)
        if wanted is None or eid in wanted:
            out.setdefault(eid, []).append(r)
    return out


def review_status(reviews: list[ReviewRow]) -> str:
    """unreviewed, confirmed, edited, rejected or merged, from an event's active reviews."""
    actions = [r.action for r in reviews]
    if "reject" in actions:
        return "rejected"
    if "merge" in actions:
        return "merged"
    if not actions:
        return "unreviewed"
    last_edit = max((i for i, a in enumerate(actions) if a == "edit"), default=-1)
    last_confirm = max((i for i, a in enumerate(actions) if a == "confirm"), default=-1)
    return "confirmed" if last_confirm > last_edit else "edited"


def apply(rec: dict[str, Any], reviews: list[ReviewRow]) -> dict[str, Any]:
    """An export record with an event's active reviews applied; adds ``review_status``, ``overrides`` (field ->
    value, before, reason, user, at) and ``merged_into`` (the event it was merged into, else None)."""
    out = dict(rec)
    overrides: dict[str, dict[str, Any]] = {}
    for r in reviews:
        if r.action == "edit" and r.field in EDITABLE:
            overrides[r.field] = {"value": r.value, "before": out.get(r.field), "reason": r.reason,
                                  "user": r.user, "at": _iso(r.at), "review_id": r.id}
            out[r.field] = r.value
    if overrides:
        if "event_date" in overrides:
            out["year"] = int(out["event_date"][:4]) if out["event_date"] else None
        if {"event_type", "sub_event_type"} & overrides.keys() and "disorder_type" not in overrides:
            out["disorder_type"] = disorder_type(out["event_type"], out["sub_event_type"])
        if {"inter1", "inter2"} & overrides.keys():
            out["interaction"] = interaction(out["inter1"], out["inter2"])
        if "notes" not in overrides and rec.get("notes") == record_notes(rec):   # generated notes follow edits
            out["notes"] = record_notes(out)
    out["review_status"] = review_status(reviews)
    out["overrides"] = overrides
    out["merged_into"] = next((r.value.get("into") for r in reviews if r.action == "merge"
                               and isinstance(r.value, dict)), None)
    return out


def certainty(rec: dict[str, Any]) -> float:
    """How sure the automatic coding looks, 0..1: the share of key fields read with evidence, a little more per
    extra source, less for a place known only to its region or country. The review queue shows the least
    certain first."""
    ev = rec.get("evidence") or {}
    score = sum(1 for f in KEY_FIELDS if ev.get(f)) / len(KEY_FIELDS)
    score += 0.1 * max(0, len(rec.get("source_documents") or []) - 1)
    if (rec.get("geo_precision") or 3) >= 3:
        score -= 0.1
    return round(max(0.0, min(1.0, score)), 3)


def fingerprint(s: Session) -> tuple:
    """Changes whenever events or reviews change (for caching the reviewed records)."""
    ev = s.execute(select(func.count(EventRow.id), func.max(EventRow.updated_at))).one()
    rv = s.execute(select(func.count(ReviewRow.id), func.max(ReviewRow.id), func.count(ReviewRow.undone_at))).one()
    return tuple(ev) + tuple(rv)


def all_records(s: Session, timestamp: int = 0, base: dict[str, tuple] | None = None,
                applied: dict[str, tuple] | None = None, ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Every stored event as an export record with reviews applied (rejected and merged ones included; see
    ``review_status``), merged events' sources added to the event they were merged into.

    Two caches kept by a long-running reader (the web app) make a re-read cheap: ``base`` (id -> (updated_at,
    status, record before reviews)): only events written since are decoded again; ``applied`` (id -> (key,
    record with its own reviews applied)): an event's reviews are applied again only when the event or its
    active reviews changed. Merges and splits, which change other events' records, are applied afresh on every
    read, to copies: a record from the cache is never changed, so an unchanged event keeps the same dict from
    one read to the next (readers may rely on that to see what changed).

    ``ids``: only these events (with every event a merge or split of theirs involves among them, see
    :func:`touched`)."""
    base = {} if base is None else base
    applied = {} if applied is None else applied
    stamp = select(EventRow.id, EventRow.updated_at, EventRow.status, EventRow.event_date)
    if ids is None:
        stamps = [r[:3] for r in s.execute(stamp.order_by(EventRow.event_date, EventRow.id))]
    else:
        wanted = sorted(ids)
        rows = [r for k in range(0, len(wanted), 500) for r in s.execute(stamp.where(EventRow.id.in_(wanted[k:k + 500])))]
        stamps = [r[:3] for r in sorted(rows, key=lambda r: (r[3], r[0]))]
    stale = [i for i, at, st in stamps if i not in base or base[i][:2] != (at, st)]
    for chunk in range(0, len(stale), 500):
        for row in s.scalars(select(EventRow).where(EventRow.id.in_(stale[chunk:chunk + 500]))):
            base[row.id] = (row.updated_at, row.status, event_record(event_of(row), timestamp))
    live = {i for i, _, _ in stamps}
    if ids is None:
        for gone in set(base) - live:
            del base[gone]
        for gone in set(applied) - live:
            del applied[gone]
    resolve = resolver(s, live if ids is None else None)
    reviews = active_reviews(s, resolve=resolve)
    recs: dict[str, dict[str, Any]] = {}
    for row_id, at, status in stamps:
        mine = reviews.get(row_id, [])
        key = (at, status, tuple(r.id for r in mine))
        hit = applied.get(row_id)
        if hit is None or hit[0] != key:
            rec = apply(base[row_id][2], mine)
            if status == "rejected" and rec["review_status"] == "unreviewed":
                rec["review_status"] = "rejected"      # rejected before reviews existed (events.status)
            rec["certainty"] = certainty(rec)
            rec["merged_from"] = []
            hit = applied[row_id] = (key, rec)
        recs[row_id] = hit[1]
    copied: set[str] = set()

    def own(event_id: str) -> dict[str, Any]:
        """The event's record, copied before merges or splits change it (the cached one stays as it was)."""
        if event_id not in copied:
            recs[event_id] = {**recs[event_id], "merged_from": list(recs[event_id]["merged_from"])}
            copied.add(event_id)
        return recs[event_id]

    for owner, splits in reviews.items():
        for r in splits:
            if r.action != "split" or owner not in recs:
                continue
            new = _split_record(s, r, timestamp)
            if new is None:
                continue
            new = apply(new, reviews.get(new["event_id_cnty"], []))
            new.update(certainty=certainty(new), merged_from=[], split_from=owner)
            recs[new["event_id_cnty"]] = new
            copied.add(new["event_id_cnty"])
            _take_report_off(own(owner), s, r, owner)
    for event_id in list(recs):
        into = recs[event_id]["merged_into"]
        if not into:
            continue
        rec = own(event_id)
        rec["merged_into"] = into = resolve(into)
        if rec["review_status"] == "merged" and into in recs:
            target = own(into)
            target["merged_from"].append(rec["event_id_cnty"])
            target["source_documents"] = target["source_documents"] + [
                d for d in rec["source_documents"] if d not in target["source_documents"]]
            target["evidence"] = _merge_evidence(target["evidence"], rec["evidence"])
    return list(recs.values())


def _split_record(s: Session, r: ReviewRow, timestamp: int = 0) -> dict[str, Any] | None:
    """The event a split review made: the split-off report alone, as an export record."""
    rep = s.get(ReportRow, (r.value or {}).get("report", ""))
    if rep is None:
        return None
    ev = mention_from_dict(rep.data, Event)
    ev.id = r.value["new_event"]
    doc = s.get(DocumentRow, rep.doc_id)
    ev.source_documents = [rep.doc_id]
    ev.sources = [doc.source] if doc is not None and doc.source else list(ev.sources)
    ev.notes = ""
    rec = event_record(ev, timestamp)
    rec["report_mentions"] = list(ev.mention_ids)
    return rec


def _take_report_off(rec: dict[str, Any], s: Session, r: ReviewRow, owner: str) -> None:
    """The event a report was split off loses that document (unless another of its reports is from it) and the
    evidence read from it."""
    doc_id = r.value.get("doc_id", "")
    others = s.scalar(select(func.count(ReportRow.id)).where(ReportRow.event_id == owner,
                                                             ReportRow.doc_id == doc_id,
                                                             ReportRow.id != r.value.get("report")))
    rec.setdefault("split_off", []).append(r.value["new_event"])
    rec.setdefault("split_docs", []).append(doc_id)
    rec.setdefault("split_reports", []).append(r.value.get("report"))
    if not others:
        rec["source_documents"] = [d for d in rec["source_documents"] if d != doc_id]
        rec["evidence"] = {k: kept for k, spans in rec["evidence"].items()
                           if (kept := [sp for sp in spans if sp.get("doc_id") != doc_id])}


def _merge_evidence(a: dict, b: dict) -> dict:
    out = copy.deepcopy(a)
    for k, spans in b.items():
        have = out.setdefault(k, [])
        for sp in spans:
            if sp not in have:
                have.append(sp)
    return out


def records(s: Session, include_rejected: bool = False, reviewed_only: bool = False,
            timestamp: int = 0) -> list[dict[str, Any]]:
    """The events to export or list: merged events never (their sources are in the event they joined),
    rejected ones only with ``include_rejected``, only confirmed or edited ones with ``reviewed_only``."""
    out = []
    for r in all_records(s, timestamp):
        st = r["review_status"]
        if st == "merged" or (st == "rejected" and not include_rejected):
            continue
        if reviewed_only and st not in REVIEWED:
            continue
        out.append(r)
    return out


def listed(s: Session, country: str | None = None, event_type: str | None = None, since: str | None = None,
           until: str | None = None, text: str | None = None, include_rejected: bool = False,
           limit: int | None = None, timestamp: int = 0) -> list[dict[str, Any]]:
    """What ``eventwire events`` lists: :func:`records` (reviews applied: edited values, no merged events, no
    rejected ones unless ``include_rejected``) filtered on the reviewed values with the store's filter
    (``store.repo.iter_events``): ``country`` exact (any case), ``event_type`` text in the event or sub-event
    type, ``since``/``until`` ISO days inclusive, ``text`` in the location, admin1 or actors; by date then id."""
    from .store.repo import EventFilter, iter_events

    def has(r: dict[str, Any], keys: tuple[str, ...], needle: str) -> bool:
        return any(needle.casefold() in str(r.get(k) or "").casefold() for k in keys)

    def shown(r: dict[str, Any]) -> bool:
        st = r["review_status"]
        return st != "merged" and (include_rejected or st != "rejected") and (
            not country or str(r["country"] or "").casefold() == country.strip().casefold()) and (
            not event_type or has(r, ("event_type", "sub_event_type"), event_type)) and (
            not since or (r["event_date"] or "") >= since) and (not until or (r["event_date"] or "") <= until) and (
            not text or has(r, ("location", "actor1", "actor2", "admin1"), text))

    # events no review touches read as stored: the store's own query (indexed, stops at the limit); the few
    # that reviews touch, with the reviews applied, filtered on their reviewed values
    involved = touched(s)
    out = [r for r in all_records(s, timestamp, ids=involved) if shown(r)] if involved else []
    plain = 0
    for ev in iter_events(s, EventFilter(country=country, event_type=event_type, since=since, until=until,
                                         text=text, include_rejected=include_rejected)):
        if ev.id in involved:
            continue
        rec = apply(event_record(ev, timestamp), [])
        if ev.status == "rejected":
            rec["review_status"] = "rejected"
        out.append(rec)
        plain += 1
        if limit and plain >= limit:
            break
    out.sort(key=lambda r: (r["event_date"] or "", r["event_id_cnty"]))
    return out[:limit] if limit else out


def touched(s: Session) -> set[str]:
    """The events whose records reviews change: those with active reviews and the events they were merged
    into (their ids now, see :func:`resolver`)."""
    resolve = resolver(s)
    out = set()
    for eid, rs in active_reviews(s, resolve=resolve).items():
        out.add(eid)
        out |= {resolve(r.value["into"]) for r in rs if r.action == "merge" and isinstance(r.value, dict)}
    return out


def export_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """Only the columns of ``eventwire export``."""
    return {k: rec[k] for k in COLUMNS}


def aliases(s: Session, event_id: str) -> set[str]:
    """Every id the event had: its own and its reports' (an event's id is one of its reports' ids)."""
    return {event_id} | set(s.scalars(select(ReportRow.id).where(ReportRow.event_id == event_id)))


def history(s: Session, event_id: str) -> list[dict[str, Any]]:
    """Every review of an event (made under any of its ids), undone ones included, oldest first."""
    rows = s.scalars(select(ReviewRow).where(ReviewRow.event_id.in_(aliases(s, event_id))).order_by(ReviewRow.id))
    return [review_dict(r) for r in rows]


def review_dict(r: ReviewRow) -> dict[str, Any]:
    return {"id": r.id, "event_id": r.event_id, "action": r.action, "field": r.field, "value": r.value,
            "before": r.before, "reason": r.reason, "user": r.user, "at": _iso(r.at),
            "undone": r.undone_at is not None, "undone_at": _iso(r.undone_at), "undone_by": r.undone_by}


def audit_trail(s: Session, event_id: str) -> list[dict[str, Any]]:
    rows = s.scalars(select(AuditRow).where(AuditRow.event_id.in_(aliases(s, event_id))).order_by(AuditRow.id))
    return [{"id": a.id, "at": _iso(a.at), "user": a.user, "action": a.action, "automatic": a.automatic,
             **{k: a.detail.get(k) for k in ("field", "before", "after", "reason", "review_id")},
             "summary": "" if not a.automatic else "; ".join(
                 f"{k} {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in a.detail.items())}
            for a in rows]


def _iso(t: datetime | None) -> str | None:
    if t is None:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.isoformat(timespec="seconds")


# ------------------------------------------------------------------ writing

def current(s: Session, event_id: str) -> dict[str, Any]:
    """One event's record with its reviews applied; ReviewError when there is no such event."""
    row = s.get(EventRow, resolver(s)(event_id))
    if row is not None:
        event_id = row.id
        rec = event_record(event_of(row))
    else:
        made = s.scalars(select(ReviewRow).where(ReviewRow.action == "split", ReviewRow.undone_at.is_(None))).all()
        split = next((r for r in made if (r.value or {}).get("new_event") == event_id), None)
        rec = _split_record(s, split) if split is not None else None
        if rec is None:
            raise ReviewError(f"no event {event_id!r}")
    return apply(rec, active_reviews(s, [event_id]).get(event_id, []))


def add_review(s: Session, user: str, event_id: str, action: str, field: str = "", value: Any = None,
               reason: str = "") -> ReviewRow:
    """Record a review and its audit row (the caller commits). ``edit`` needs a field and a reason; ``merge``
    needs ``value`` = the id of the event this one joins."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    rec = current(s, event_id)
    event_id = rec["event_id_cnty"]   # its id now (see resolver)
    before: Any = rec["review_status"]
    after: Any
    reason = (reason or "").strip()
    if action == "edit":
        if not reason:
            raise ReviewError("an edit needs a reason")
        value = coerce(field, value)
        before, after = rec.get(field), value
    elif action == "merge":
        into = str(value or "").strip()
        if not into or into == event_id:
            raise ReviewError("merge: give the id of another event")
        target = current(s, into)
        if target["review_status"] in ("rejected", "merged"):
            raise ReviewError(f"merge: event {into} is {target['review_status']}")
        value, field = {"into": target["event_id_cnty"]}, ""
        after = "merged"
    elif action == "split":
        rep = s.get(ReportRow, str(value or "").strip())
        if rep is None or rep.event_id != event_id:
            raise ReviewError(f"split: {value!r} is not a report of event {event_id}")
        done = {(r.value or {}).get("report") for r in active_reviews(s, [event_id]).get(event_id, [])
                if r.action == "split"}
        left = s.scalar(select(func.count(ReportRow.id)).where(ReportRow.event_id == event_id)) - len(done)
        if rep.id in done or left < 2:
            raise ReviewError("split: that report is already split off, or it is the event's only report")
        value, field, after = {"report": rep.id, "doc_id": rep.doc_id}, "", f"report {rep.id} split off"
    else:
        field, value = "", None
        after = {"confirm": "confirmed", "reject": "rejected"}[action]
    if action != "edit" and rec["review_status"] in ("rejected", "merged") and action != "confirm":
        raise ReviewError(f"event {event_id} is already {rec['review_status']} (undo that first)")
    if action == "confirm" and rec["review_status"] in ("rejected", "merged"):
        raise ReviewError(f"event {event_id} is {rec['review_status']} (undo that first)")
    r = ReviewRow(event_id=event_id, action=action, field=field, value=value, before=before, reason=reason,
                  user=user)
    s.add(r)
    s.flush()
    if action == "split":
        r.value = {**value, "new_event": f"{event_id}-S{r.id}"}
        after = f"{after} as {r.value['new_event']}"
    audit(s, action, event_id, {"field": field, "before": before, "after": after, "reason": reason,
                                "review_id": r.id}, user=user)
    if action == "merge":
        audit(s, "merge", value["into"], {"field": "", "before": None, "after": f"absorbed {event_id}",
                                          "reason": reason, "review_id": r.id}, user=user)
    return r


def undo(s: Session, user: str, review_id: int, reason: str = "") -> ReviewRow:
    """Mark a review undone (kept in the history) and audit it."""
    r = s.get(ReviewRow, review_id)
    if r is None:
        raise ReviewError(f"no review {review_id}")
    if r.undone_at is not None:
        raise ReviewError(f"review {review_id} is already undone")
    r.undone_at, r.undone_by = datetime.now(timezone.utc), user
    label = f"{r.action} {r.field}".strip()
    audit(s, "undo", r.event_id, {"field": r.field, "before": r.value if r.action == "edit" else r.action,
                                  "after": r.before, "reason": reason or f"undo {label}", "review_id": r.id},
          user=user)
    return r
