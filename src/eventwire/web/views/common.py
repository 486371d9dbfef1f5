"""What the API and the pages share: the filter, the reviewed records (cached), the current user, errors."""
from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from fastapi import HTTPException, Request

from ... import review
from ...store.db import UserRow, engine_of
from ..index import SORTABLE, EventIndex
from ..security import SESSION_COOKIE, WRITE_ROLES, read_session, user_of_token

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
        d = {**vars(self), **change}
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


QUERY_PARAMETERS = (   # name, type, default, description (for OpenAPI; parsed by event_query)
    ("since", "string", None, "From this day (YYYY-MM-DD), inclusive."),
    ("until", "string", None, "Up to this day (YYYY-MM-DD), inclusive."),
    ("country", "string", None, "Country name, exact (any case)."),
    ("admin1", "string", None, "First-level admin area, exact (any case)."),
    ("event_type", "string", None, "ACLED event type, exact (any case)."),
    ("sub_event_type", "string", None, "ACLED sub-event type, exact (any case)."),
    ("actor", "string", None, "Text in actor1, actor2 or the associated actors."),
    ("attribution", "string", None, "claimed, accused, confirmed, denied, unattributed."),
    ("status", "string", "active", "Review status: unreviewed, confirmed, edited, rejected, merged, reviewed "
                                   "(confirmed or edited), active (all but rejected and merged; the default) or all."),
    ("q", "string", None, "Free text in location, admin areas, country, actors, notes, id and sub-event type."),
    ("min_fatalities", "integer", None, "At least this many fatalities (a whole number)."),
    ("bbox", "string", None, "min_lon,min_lat,max_lon,max_lat"),
    ("sort", "string", "-event_date", f"A column ({', '.join(SORTABLE)}); '-' in front for descending."),
    ("page", "integer", 1, "Page number, from 1."),
    ("page_size", "integer", 0, "Events per page; 0: the server's default."),
)
QUERY_OPENAPI = {"parameters": [
    {"name": n, "in": "query", "required": False, "description": d,
     "schema": {"type": t, **({"default": v} if v is not None else {})}} for n, t, v, d in QUERY_PARAMETERS]}


async def event_query(request: Request) -> EventQuery:
    """The filter from the query string, checked (a bad value answers 400 naming the parameter). Parsed here
    rather than declared as one FastAPI parameter each: validating fifteen declared parameters was the largest
    cost of a cached /api/events answer. Routes document them with ``openapi_extra=QUERY_OPENAPI``."""
    qp = request.query_params

    def text(name: str) -> Optional[str]:
        v = qp.get(name)
        return (v.strip() or None) if v is not None else None      # a form sends an empty box as ''

    status = qp.get("status") or "active"
    sort = qp.get("sort") or "-event_date"
    if status not in STATUS_CHOICES:
        raise HTTPException(400, f"status: {status!r} is not one of {', '.join(STATUS_CHOICES)}")
    if sort.lstrip("-") not in SORTABLE:
        raise HTTPException(400, f"sort: {sort!r} is not one of {', '.join(SORTABLE)} (prefix '-' to reverse)")
    bbox = text("bbox")
    if bbox:
        _bbox(bbox)
    min_fat = text("min_fatalities")
    return EventQuery(_day(text("since"), "since"), _day(text("until"), "until"), text("country"), text("admin1"),
                      text("event_type"), text("sub_event_type"), text("actor"), text("attribution"), status,
                      text("q"), _whole(min_fat, "min_fatalities", None, 0), bbox, sort,
                      _whole(text("page"), "page", 1, 1), _whole(text("page_size"), "page_size", 0, 0))


def _whole(v: Optional[str], name: str, default: Optional[int], least: int) -> Optional[int]:
    if v is None:
        return default
    if not (v.isascii() and v.isdigit()) or int(v) < least:
        raise HTTPException(400, f"{name}: {v!r} is not a whole number of {least} or more")
    return int(v)


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        a, b, c, d = (float(x) for x in text.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox: {text!r} is not min_lon,min_lat,max_lon,max_lat") from None
    return a, b, c, d


def select_records(request: Request, f: EventQuery) -> list[dict[str, Any]]:
    """Every record matching the filter, sorted (not paged); see :class:`EventIndex`."""
    ids, recs, _ = index_of(request.app.state).selection(f)
    return [recs[i] for i in ids]


def page_of(request: Request, f: EventQuery, rows: list) -> tuple[list, int, int]:
    st = request.app.state.settings
    size = min(f.page_size or st.page_size, st.max_page_size)
    pages = max(1, -(-len(rows) // size))
    return rows[(f.page - 1) * size: f.page * size], size, pages


CHECK_EVERY_S = 0.5   # how often the store is asked whether another process changed events or reviews
_refresh = threading.Lock()


class StoreWatch:
    """Whether the store changed since the last look, cheaply. On SQLite, ``PRAGMA data_version`` on a
    connection of its own (it changes whenever another connection commits: microseconds, no table read);
    elsewhere :func:`review.fingerprint` (counts and latest times of events and reviews)."""

    def __init__(self, factory: Any) -> None:
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        url = engine_of(factory).url
        path = url.database
        if url.get_backend_name() == "sqlite" and path and path != ":memory:" and not path.startswith("file:"):
            self._conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=rw", uri=True,
                                         check_same_thread=False)

    def token(self, s: Any) -> Any:
        """Changes whenever events or reviews change (``s``: a session, used only without SQLite)."""
        if self._conn is None:
            return review.fingerprint(s)
        with self._lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]


def _current(state: Any) -> bool:
    return state.seen is not None and not state.dirty and time.monotonic() - state.checked_at < CHECK_EVERY_S


def ready(state: Any, f: EventQuery) -> bool:
    """Whether the filter can be answered without reading the store or querying the index (nothing to wait for)."""
    return _current(state) and state.index.cached(f)


def index_of(state: Any) -> EventIndex:
    """The reviewed records and their index, brought up to date when the store changed: at once after a write
    made through this app, within CHECK_EVERY_S after another process's (an ingest, a CLI review)."""
    if _current(state):
        return state.index
    with _refresh:
        if _current(state):
            return state.index     # another request refreshed it meanwhile
        with state.factory() as s:
            state.dirty = False
            token = state.watch.token(s)     # read before the records: a commit after it shows next time
            if token != state.seen:
                state.index.update(review.all_records(s, base=state.base_records, applied=state.applied_records))
                state.seen = token
        state.checked_at = time.monotonic()
    return state.index


def changed(state: Any) -> None:
    """This app wrote to the store: the next read brings the records up to date."""
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
