"""What the API and the pages share: the filter, the reviewed records (cached), the current user, errors."""
from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Optional

from fastapi import HTTPException, Query, Request

from ... import review
from ...store.db import UserRow
from ..security import SESSION_COOKIE, WRITE_ROLES, read_session, user_of_token

SORTABLE = ("event_date", "event_type", "sub_event_type", "country", "admin1", "location", "actor1", "actor2",
            "fatalities", "injuries", "attribution", "review_status", "certainty", "event_id_cnty")
STATUS_CHOICES = review.STATUSES + ("all", "reviewed", "active")


@dataclass
class EventQuery:
    """The filter of the events list, map, timeline, stats and exports (one for all)."""
    since: Optional[str] = None
    until: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    actor: Optional[str] = None
    attribution: Optional[str] = None
    status: str = "active"
    q: Optional[str] = None
    min_fatalities: Optional[int] = None
    bbox: Optional[str] = None
    sort: str = "-event_date"
    page: int = 1
    page_size: int = 0

    def params(self, **change: Any) -> dict[str, Any]:
        """The filter as query parameters (empty ones left out), with some changed."""
        d = {**asdict(self), **change}
        return {k: v for k, v in d.items() if v not in (None, "") and not (k == "page_size" and not v)
                and not (k == "status" and v == "active") and not (k == "sort" and v == "-event_date")
                and not (k == "page" and v == 1)}


def _day(value: Optional[str], name: str) -> Optional[str]:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def event_query(
        since: Optional[str] = Query(None, description="From this day (YYYY-MM-DD), inclusive."),
        until: Optional[str] = Query(None, description="Up to this day (YYYY-MM-DD), inclusive."),
        country: Optional[str] = Query(None, description="Country name, exact (any case)."),
        admin1: Optional[str] = Query(None, description="First-level admin area, exact (any case)."),
        event_type: Optional[str] = Query(None, description="ACLED event type, exact."),
        sub_event_type: Optional[str] = Query(None, description="ACLED sub-event type, exact."),
        actor: Optional[str] = Query(None, description="Text in actor1, actor2 or the associated actors."),
        attribution: Optional[str] = Query(None, description="claimed, accused, confirmed, denied, unattributed."),
        status: str = Query("active", description="Review status: unreviewed, confirmed, edited, rejected, "
                                                  "merged, reviewed (confirmed or edited), active (all but "
                                                  "rejected and merged; the default) or all."),
        q: Optional[str] = Query(None, description="Free text in location, admin areas, actors and notes."),
        min_fatalities: Optional[str] = Query(None, description="At least this many fatalities (a whole number)."),
        bbox: Optional[str] = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
        sort: str = Query("-event_date", description="A column; '-' in front for descending."),
        page: int = Query(1, ge=1), page_size: int = Query(0, ge=0, description="0: the server's default."),
) -> EventQuery:
    if status not in STATUS_CHOICES:
        raise HTTPException(400, f"status: {status!r} is not one of {', '.join(STATUS_CHOICES)}")
    if sort.lstrip("-") not in SORTABLE:
        raise HTTPException(400, f"sort: {sort!r} is not one of {', '.join(SORTABLE)} (prefix '-' to reverse)")
    if bbox:
        _bbox(bbox)
    blank = lambda v: (v.strip() or None) if isinstance(v, str) else v  # noqa: E731
    min_fat = blank(min_fatalities)      # a form sends an empty box as ''
    if min_fat is not None:
        if not min_fat.isdigit():
            raise HTTPException(400, f"min_fatalities: {min_fatalities!r} is not a whole number of 0 or more")
        min_fat = int(min_fat)
    return EventQuery(_day(since, "since"), _day(until, "until"), blank(country), blank(admin1), blank(event_type),
                      blank(sub_event_type), blank(actor), blank(attribution), status, blank(q), min_fat,
                      blank(bbox), sort, page, page_size)


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        a, b, c, d = (float(x) for x in text.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox: {text!r} is not min_lon,min_lat,max_lon,max_lat") from None
    return a, b, c, d


def _has(hay: Any, needle: str) -> bool:
    return needle in str(hay or "").casefold()


def matches(r: dict[str, Any], f: EventQuery, box: tuple[float, float, float, float] | None = None) -> bool:
    """Whether a record passes the filter (``box``: ``f.bbox`` already parsed, when matching many records)."""
    st = r["review_status"]
    if f.status == "active":
        if st in ("rejected", "merged"):
            return False
    elif f.status == "reviewed":
        if st not in review.REVIEWED:
            return False
    elif f.status != "all" and st != f.status:
        return False
    if f.since and (not r["event_date"] or r["event_date"] < f.since):
        return False
    if f.until and (not r["event_date"] or r["event_date"] > f.until):
        return False
    for key in ("country", "admin1", "event_type", "sub_event_type", "attribution"):
        want = getattr(f, key)
        if want and str(r.get(key) or "").casefold() != want.casefold():
            return False
    if f.actor:
        a = f.actor.casefold()
        if not any(_has(r.get(k), a) for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")):
            return False
    if f.q:
        t = f.q.casefold()
        if not any(_has(r.get(k), t) for k in ("location", "admin1", "admin2", "admin3", "country", "actor1",
                                                 "actor2", "assoc_actor_1", "assoc_actor_2", "notes",
                                                 "event_id_cnty", "sub_event_type")):
            return False
    if f.min_fatalities is not None and (r.get("fatalities") or 0) < f.min_fatalities:
        return False
    if f.bbox:
        x0, y0, x1, y1 = box or _bbox(f.bbox)
        lat, lon = r.get("latitude"), r.get("longitude")
        if lat is None or lon is None or not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
    return True


def _sort_key(col: str):
    def key(r: dict[str, Any]):
        v = r.get(col)
        return (v is None or v == "", v if v is not None else "", r["event_id_cnty"])
    return key


def select_records(request: Request, f: EventQuery) -> list[dict[str, Any]]:
    """Every record matching the filter, sorted (not paged). The last filters' results are kept until events or
    reviews change (paging through a filter, and the map, timeline and table of one filter, reuse them)."""
    state = request.app.state
    recs = records(request)
    key = (id(recs), tuple(sorted(f.params(page=1, page_size=0).items())))
    with _lock:
        hit = state.select_cache.get(key)
    if hit is not None:
        return hit
    box = _bbox(f.bbox) if f.bbox else None
    rows = [r for r in recs if matches(r, f, box)]
    col = f.sort.lstrip("-")
    rows.sort(key=_sort_key(col), reverse=f.sort.startswith("-"))
    if f.sort.startswith("-"):   # keep empty values last either way
        rows.sort(key=lambda r: r.get(col) is None or r.get(col) == "")
    with _lock:
        if len(state.select_cache) >= 64:
            state.select_cache.pop(next(iter(state.select_cache)))
        state.select_cache[key] = rows
    return rows


def page_of(request: Request, f: EventQuery, rows: list) -> tuple[list, int, int]:
    st = request.app.state.settings
    size = min(f.page_size or st.page_size, st.max_page_size)
    pages = max(1, -(-len(rows) // size))
    return rows[(f.page - 1) * size: f.page * size], size, pages


_lock = threading.Lock()


def records(request: Request) -> list[dict[str, Any]]:
    """All events with reviews applied; rebuilt only when events or reviews changed."""
    return records_of(request.app.state)


FINGERPRINT_EVERY_S = 0.5   # how often the store is asked whether events or reviews changed


def records_of(state: Any) -> list[dict[str, Any]]:
    """The cached records, checked against the store at most every FINGERPRINT_EVERY_S (writes made through this
    app invalidate at once; another process's ingest shows within that delay)."""
    now = time.monotonic()
    with _lock:
        cached = state.records_cache
        if cached and not state.dirty and now - state.checked_at < FINGERPRINT_EVERY_S:
            return cached[1]
    with state.factory() as s:
        fp = review.fingerprint(s)
        with _lock:
            state.checked_at, state.dirty = now, False
            cached = state.records_cache
            if cached and cached[0] == fp:
                return cached[1]
            recs = review.all_records(s, base=state.base_records)
            state.records_cache = (fp, recs)
            state.select_cache = {}
    return recs


def changed(state: Any) -> None:
    """This app wrote to the store: the next read checks it."""
    with _lock:
        state.dirty = True


def current_user(request: Request) -> Optional[UserRow]:
    """The user of an API token (Authorization: Bearer) or of the session cookie, else None."""
    if hasattr(request.state, "user"):
        return request.state.user
    user = None
    auth = request.headers.get("authorization", "")
    with request.app.state.factory() as s:
        if auth.lower().startswith("bearer "):
            user = user_of_token(s, auth[7:].strip())
            request.state.via_token = user is not None
        else:
            name = read_session(request.app.state.settings.secret_key, request.cookies.get(SESSION_COOKIE))
            user = s.get(UserRow, name) if name else None
            request.state.via_token = False
        if user is not None:
            s.expunge(user)
    request.state.user = user
    return user


def require_reviewer(request: Request) -> UserRow:
    user = current_user(request)
    if user is None:
        raise HTTPException(401, "log in (or send an API token) to review events")
    if user.role not in WRITE_ROLES:
        raise HTTPException(403, f"user {user.name} ({user.role}) may not review events")
    return user
