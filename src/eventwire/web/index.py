"""The reviewed events, indexed for the web app: filtering and sorting in SQL, each event's JSON encoded once.

The store keeps events and reviews apart (reviews are overrides applied on read, see ``eventwire.review``), so
its own tables cannot answer "Mali, edited fatalities >= 3, sorted by location" without applying every review
first. The web app therefore keeps the records *with reviews applied* (``review.all_records``) in an in-memory
SQLite table, one row per event with the columns the filters and sorts use (case-folded copies for the exact
and substring matches), and updates only the rows of events whose record changed when the store changes. A
filter is one parameterised query, run in C with the interpreter's lock released; its sorted ids are kept until
the next change, so paging through a filter, and the map, timeline and table of one filter, reuse them. Each
event's list JSON (the API's ``events`` items) is encoded once, when its record changes.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any, Callable, Iterable, Protocol

from .. import review

SORTABLE = ("event_date", "event_type", "sub_event_type", "country", "admin1", "location", "actor1", "actor2",
            "fatalities", "injuries", "attribution", "review_status", "certainty", "event_id_cnty")
EXACT = ("country", "admin1", "event_type", "sub_event_type", "attribution")   # any case
ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
TEXT_FIELDS = ("location", "admin1", "admin2", "admin3", "country", "actor1", "actor2", "assoc_actor_1",
               "assoc_actor_2", "notes", "event_id_cnty", "sub_event_type")           # what ``q`` searches
LIST_DROP = ("evidence",)     # left out of the list JSON (the event's own page has it)
FOLDED = tuple(dict.fromkeys(EXACT + ACTOR_FIELDS + TEXT_FIELDS))
_CACHE = 64                   # filters whose sorted ids are kept until the next change


class Filter(Protocol):
    since: str | None
    until: str | None
    country: str | None
    admin1: str | None
    event_type: str | None
    sub_event_type: str | None
    actor: str | None
    attribution: str | None
    status: str
    q: str | None
    min_fatalities: int | None
    bbox: str | None
    sort: str


def encode(value: Any) -> str:
    """JSON as the API sends it (Starlette's JSONResponse settings)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


def _fold(v: Any) -> str:
    return str(v or "").casefold()


def _sort_value(v: Any) -> Any:
    return None if v is None or v == "" else v     # empty values sort last, in either direction


class EventIndex:
    """The records of one read of the store, with reviews applied, and the SQL table that filters them."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        cols = (["id TEXT PRIMARY KEY", "status", "event_date", "fatalities", "latitude", "longitude"]
                + [f"f_{c}" for c in FOLDED] + [f"s_{c}" for c in SORTABLE])
        self._db.execute(f"CREATE TABLE ev ({', '.join(cols)})")
        for c in ("status", "event_date", "f_country", "f_event_type"):
            self._db.execute(f"CREATE INDEX ix_{c} ON ev ({c})")
        self._insert = (f"INSERT OR REPLACE INTO ev VALUES ({', '.join('?' * len(cols))})")
        self._lock = threading.Lock()
        self.records: dict[str, dict[str, Any]] = {}
        self.listed: dict[str, str] = {}     # id -> the event's list JSON
        self._selected: dict[tuple, tuple[list[str], dict[str, dict[str, Any]], dict[str, str]]] = {}
        self._memo: dict[str, tuple[dict, Any]] = {}

    def update(self, recs: Iterable[dict[str, Any]]) -> int:
        """Take a new read of the records; only those that are not the same objects as before are written
        (``review.all_records`` keeps an unchanged event's dict). Returns how many rows changed."""
        new = {r["event_id_cnty"]: r for r in recs}
        changed = [r for i, r in new.items() if self.records.get(i) is not r]
        gone = [(i,) for i in self.records if i not in new]
        rows = [self._row(r) for r in changed]
        listed = {r["event_id_cnty"]: encode({k: v for k, v in r.items() if k not in LIST_DROP}) for r in changed}
        listed = {**{i: j for i, j in self.listed.items() if i in new}, **listed}
        with self._lock:      # the table, the records and the JSON change together (see selection)
            self._db.execute("BEGIN")
            self._db.executemany("DELETE FROM ev WHERE id = ?", gone)
            self._db.executemany(self._insert, rows)
            self._db.execute("COMMIT")
            self.listed, self.records, self._selected = listed, new, {}
        return len(changed) + len(gone)

    @staticmethod
    def _row(r: dict[str, Any]) -> tuple:
        return ((r["event_id_cnty"], r["review_status"], r.get("event_date") or None, r.get("fatalities") or 0,
                 r.get("latitude"), r.get("longitude"))
                + tuple(_fold(r.get(c)) for c in FOLDED) + tuple(_sort_value(r.get(c)) for c in SORTABLE))

    def memo(self, name: str, make: Callable[[list[dict[str, Any]]], Any]) -> Any:
        """``make(records)``, computed once per read of the store (the filter panel's choices, the review
        queue's order)."""
        recs = self.records
        hit = self._memo.get(name)
        if hit is None or hit[0] is not recs:
            hit = self._memo[name] = (recs, make(list(recs.values())))
        return hit[1]

    @staticmethod
    def _key(f: Filter) -> tuple:
        return tuple(getattr(f, k) for k in Filter.__annotations__)

    def cached(self, f: Filter) -> bool:
        """Whether :meth:`select` has the filter's ids at hand."""
        return self._key(f) in self._selected

    def select(self, f: Filter) -> list[str]:
        """The ids of the events that pass the filter, sorted by ``f.sort`` ('-' in front: descending; empty
        values last either way; ties by id in the same direction)."""
        return self.selection(f)[0]

    def selection(self, f: Filter) -> tuple[list[str], dict[str, dict[str, Any]], dict[str, str]]:
        """:meth:`select`'s ids with the records and list JSON of the same read of the store (a request never
        mixes ids from one read with records from the next)."""
        key = self._key(f)
        hit = self._selected.get(key)
        if hit is not None:
            return hit
        where, args = self._where(f)
        col = f.sort.lstrip("-")
        if col not in SORTABLE:
            raise ValueError(f"cannot sort by {col!r}")
        way = "DESC" if f.sort.startswith("-") else "ASC"
        sql = (f"SELECT id FROM ev WHERE {' AND '.join(where) or '1'} "
               f"ORDER BY s_{col} IS NULL, s_{col} {way}, id {way}")
        with self._lock:
            hit = self._selected.get(key)      # another request may have just run the same filter
            if hit is not None:
                return hit
            out = ([i for (i,) in self._db.execute(sql, args)], self.records, self.listed)
            if len(self._selected) >= _CACHE:
                self._selected.pop(next(iter(self._selected)))
            self._selected[key] = out
        return out

    @staticmethod
    def _where(f: Filter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if f.status == "active":
            where.append("status NOT IN ('rejected', 'merged')")
        elif f.status == "reviewed":
            where.append(f"status IN ({', '.join('?' * len(review.REVIEWED))})")
            args += review.REVIEWED
        elif f.status != "all":
            where.append("status = ?")
            args.append(f.status)
        if f.since:
            where.append("event_date >= ?")
            args.append(f.since)
        if f.until:
            where.append("event_date <= ?")
            args.append(f.until)
        for c in EXACT:
            want = getattr(f, c)
            if want:
                where.append(f"f_{c} = ?")
                args.append(want.casefold())
        for fields, needle in ((ACTOR_FIELDS, f.actor), (TEXT_FIELDS, f.q)):
            if needle:
                where.append("(" + " OR ".join(f"instr(f_{c}, ?) > 0" for c in fields) + ")")
                args += [needle.casefold()] * len(fields)
        if f.min_fatalities is not None:
            where.append("fatalities >= ?")
            args.append(f.min_fatalities)
        if f.bbox:
            x0, y0, x1, y1 = (float(x) for x in f.bbox.split(","))
            where.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
            args += [x0, x1, y0, y1]
        return where, args
