"""Export events as ACLED's 31 columns (+ injuries, weapons, attribution, sources, evidence): CSV, JSONL, GeoJSON."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import date
from typing import Any, Iterable, TextIO

from .model import Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = ["injuries", "weapons", "attribution", "source_documents", "evidence"]
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
INTERNATIONAL_AGENCIES = {"reuters", "afp", "ap", "associated press", "agence france-presse", "dpa", "xinhua",
                          "anadolu", "bbc", "al jazeera"}


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lowest first (1,7 -> 17); one actor alone -> 10*inter.

    ACLED's rule, kept here (not imported from eventwire.extract) so that reading and exporting a store -- the
    web app included -- never loads the extraction stage; tests check it agrees with extract.actors."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Political violence" if event_type else ""


def event_record(ev: Event, timestamp: int = 0) -> dict[str, Any]:
    """One event as a flat record with every export column."""
    d, p = ev.date.value, ev.place.value
    a1, a2 = ev.actor1.value, ev.actor2.value
    et, st = ev.event_type.value or "", ev.sub_event_type.value or ""
    inter1, inter2 = (a1.inter if a1 else None), (a2.inter if a2 else None)
    agencies = sorted(set(x for x in ev.sources if x))
    rec: dict[str, Any] = {
        "event_id_cnty": ev.id,
        "event_date": d.day.isoformat() if d else "",
        "year": d.day.year if d else None,
        "time_precision": d.precision if d else None,
        "disorder_type": disorder_type(et, st),
        "event_type": et,
        "sub_event_type": st,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "; ".join(a.name for a in ev.assoc_actor_1.value or []),
        "inter1": inter1,
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "; ".join(a.name for a in ev.assoc_actor_2.value or []),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and et != "Protests" else "",
        "iso": p.iso if p else None,
        "region": p.region if p else "",
        "country": p.country if p else "",
        "admin1": p.admin1 if p else "",
        "admin2": p.admin2 if p else "",
        "admin3": p.admin3 if p else "",
        "location": p.location if p else "",
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "source": "; ".join(agencies),
        "source_scale": "International" if any(a.lower() in INTERNATIONAL_AGENCIES for a in agencies) else "",
        "notes": ev.notes or make_notes(ev),
        "fatalities": ev.fatalities.value if ev.fatalities.value is not None else 0,
        "tags": "",
        "timestamp": timestamp,
        "injuries": ev.injuries.value if ev.injuries.value is not None else 0,
        "weapons": list(ev.weapons.value or []),
        "attribution": ev.attribution.value or "unattributed",
        "source_documents": list(ev.source_documents),
        "evidence": {name: [asdict(e) for e in slot.evidence] for name, slot in ev.slots() if slot.evidence},
    }
    return rec


def make_notes(ev: Event) -> str:
    """An ACLED-style one-line summary of the event."""
    d, p = ev.date.value, ev.place.value
    return record_notes({
        "event_date": d.day.isoformat() if d else "", "time_precision": d.precision if d else None,
        "actor1": ev.actor1.value.name if ev.actor1.value else "", "actor2": ev.actor2.value.name if ev.actor2.value else "",
        "sub_event_type": ev.sub_event_type.value or "", "location": p.location if p else None,
        "admin1": p.admin1 if p else "", "country": p.country if p else "", "attribution": ev.attribution.value or "",
        "fatalities": ev.fatalities.value or 0, "injuries": ev.injuries.value or 0})


def record_notes(r: dict[str, Any]) -> str:
    """The one-line summary from a flat record's values (also after an analyst's edits)."""
    day = date.fromisoformat(r["event_date"]) if r.get("event_date") else None
    exact = day is not None and r.get("time_precision") == 1
    when = day.strftime("%d %B %Y").lstrip("0") if exact else (day.strftime("%B %Y") if day else "an unknown date")
    parts = [f"On {when}" if exact else f"In {when}"]
    what = (r.get("sub_event_type") or "incident").lower()
    parts.append(f", {what} by {r.get('actor1') or 'unidentified actors'}")
    if r.get("actor2"):
        parts.append(f" against {r['actor2']}")
    if r.get("location") is not None and (r.get("location") or r.get("country")):
        admin1, country = r.get("admin1"), r.get("country")
        parts.append(f" in {r['location']}" + (f" ({admin1}, {country})" if admin1 else f" ({country})"))
    parts.append(".")
    if r.get("attribution") and r["attribution"] != "unattributed":
        parts.append(f" Attribution: {r['attribution']}.")
    parts.append(f" {r.get('fatalities') or 0} fatalities, {r.get('injuries') or 0} injured.")
    return "".join(parts)


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (starting with = + - @ tab or carriage return) gets a
    leading ' (OWASP's advice against CSV injection); numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """ACLED columns as CSV, every text cell safe to open in a spreadsheet (see :func:`neutralise_cell`);
    JSONL and GeoJSON keep the values exactly."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in records:
        row = dict(r)
        row["weapons"] = "; ".join(r["weapons"])
        row["source_documents"] = "; ".join(r["source_documents"])
        row["evidence"] = json.dumps(r["evidence"], ensure_ascii=False)
        w.writerow({k: neutralise_cell(v) for k, v in row.items()})
        n += 1
    return n


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A FeatureCollection with one Point per event (events without coordinates get a null geometry)."""
    feats = []
    for r in records:
        geom = ({"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
                if r["latitude"] is not None and r["longitude"] is not None else None)
        feats.append({"type": "Feature", "id": r["event_id_cnty"], "geometry": geom, "properties": r})
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}


def export_string(records: list[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    WRITERS[fmt](records, buf)
    return buf.getvalue()
