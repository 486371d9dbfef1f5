"""Wire datelines ("BAGHDAD, 4 janvier (Reuters) -", "Bagdad (AFP) -") and agency credits."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ._data import load_data

_NAME = r"[^\W\d_](?:[^\W\d_]|[ '’.\-/]){0,50}?"  # a place name: letters, spaces, hyphens, apostrophes
_DASH = r"(?:--|[-–—−])"
_ORDINAL = r"(?:er|st|nd|rd|th)?"
# a clock time as pages print it beside their own date ("18h05", "10:05am GMT", "11.42 GMT+1", "T08:15:00+01:00")
CLOCK = (r"T?\d{1,2}(?:[:.h]\d{2}|h)(?::\d{2}(?:\.\d+)?)?(?:\s*[apAP]\.?[mM]\.?)?"
         r"(?:Z|[+-]\d{2}:?\d{2}|\s*[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2})?)?")
_CO_CREDIT = r"(?:[^()\n/,]{1,25}[ \t]*[/,][ \t]*)?"   # a partner credited with the agency: "(LaPresse/AP)"
_LINES_SEARCHED = 5     # the dateline may follow a title, a subheading, a byline or a date stamp line
_HEAD_CHARS = 400
_TAIL_CHARS = 300
_MAX_PLACE_WORDS = 6


@dataclass
class Dateline:
    """What a dateline says; empty strings (and offsets 0) when the text has none."""
    place: str = ""
    day: str = ""           # 'YYYY-MM-DD' when the dateline gives the day
    agency: str = ""
    end_offset: int = 0     # where the story proper starts (after the dash)
    start_offset: int = 0   # where the dateline starts


@lru_cache(maxsize=1)
def _resources() -> dict[str, Any]:
    """Compiled dateline grammar, month table, agency table and credit patterns."""
    res = load_data("datelines.yaml")
    month_of = {w.lower(): int(m) for m, words in res["months"].items() for w in words}
    alias_of = {a.lower(): name for name, aliases in res["agencies"].items() for a in aliases}
    months = "|".join(re.escape(w) for w in sorted(month_of, key=len, reverse=True))
    agency = _agency_pattern([a for aliases in res["agencies"].values() for a in aliases])
    day_month = rf"(?P<d1>\d{{1,2}}){_ORDINAL}\.?\s+(?P<m1>{months})\b\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    month_day = rf"(?P<m2>{months})\b\.?\s+(?P<d2>\d{{1,2}}){_ORDINAL}\b(?:,?\s+(?P<y2>\d{{4}}))?"
    weekday = "|".join(res.get("weekdays", [])) or "(?!)"
    dateline = re.compile(
        # "GOMA (RD Congo), 12 mars 2024 (AFP) -": a country in brackets after the place, before a comma
        rf"(?:(?P<place>{_NAME})(?:[ \t]*\([^()\n\d]{{2,30}}\)(?=,))?(?:,[ \t]*(?!(?:le|{weekday})[ \t]+\d)"
        rf"(?P<region>{_NAME}))?)?"
        # "Kinshasa, le 12 mars 2024 -", "Bunia, mardi 12 mars 2024 (ACP).-"
        rf"(?:,?[ \t]*(?:le[ \t]+)?(?:(?:{weekday})[ \t]+)?(?:{day_month}|{month_day}))?[ \t]*"
        rf"(?:\([ \t]*{_CO_CREDIT}{agency}(?:[ \t]*[/,][^()\n]{{1,25}})?[ \t]*\)[ \t]*\.?(?:{_DASH}|:)?[ \t]*"
        # a dated dateline crediting a source not listed as an agency: "Niamey, 12 mars 2024 (ANP) -"
        rf"|(?<=\d)[ \t]*\([ \t]*[^()\n\d]{{2,30}}?[ \t]*\)[ \t]*\.?{_DASH}[ \t]*"
        rf"|{_DASH}[ \t]+)",
        re.IGNORECASE)
    credits = [re.compile(p.replace("{agency}", agency), re.IGNORECASE) for p in res["closing_credits"]]
    reporting = [re.compile(p.replace("{agency}", agency), re.IGNORECASE) for p in res["reporting"]]
    cues = "|".join(res.get("page_date_cues", []))
    page_date = re.compile(   # ("Published 10:05 AM GMT, March 12, 2024": the clock time may come first)
        rf"(?<!\w)(?:{cues})\W{{0,4}}(?:(?:(?:at|à)\s+)?{CLOCK}\W{{1,4}})?(?:[^\W\d_]+\.?,?\s+)?"
        rf"(?:{day_month}|{month_day}|(?P<n1>\d{{1,2}})[./-](?P<n2>\d{{1,2}})[./-](?P<ny>\d{{4}})"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?!\d)", re.IGNORECASE) if cues else None
    return {"dateline": dateline, "month_of": month_of, "alias_of": alias_of, "credits": credits,
            "reporting": reporting, "particles": frozenset(res["particles"]), "page_date": page_date,
            "not_places": frozenset(w.lower() for w in res.get("not_places", []))}


def _agency_pattern(aliases: list[str]) -> str:
    """Alternation of agency names; acronyms ("AP", "MAP") must be written in capitals."""
    alts = [f"(?-i:{re.escape(a)})" if a.isupper() else re.escape(a)
            for a in sorted(aliases, key=len, reverse=True)]
    return rf"(?P<agency>{'|'.join(alts)})\b"


def normalise_agency(name: str) -> str:
    """Canonical agency name ('Agence France-Presse' -> 'AFP'); '' when not a known agency."""
    return _resources()["alias_of"].get(" ".join(name.split()).lower(), "")


@lru_cache(maxsize=256)
def parse_dateline(text: str, published: str = "") -> Dateline:
    """The dateline at the start of ``text`` (or after a short title/byline line).

    ``published`` ('YYYY-MM' or 'YYYY-MM-DD') supplies the year (and resolves a December dateline in a
    January document to the previous year) when the dateline gives none.
    """
    res = _resources()
    for start in _line_starts(text):
        m = res["dateline"].match(text, start)
        if m and _acceptable(m, res["particles"], res["not_places"]):
            return Dateline(place=_place_name(m.group("place") or "", res["particles"]),
                            day=_day(m, published, res["month_of"]),
                            agency=normalise_agency(m.group("agency") or ""),
                            end_offset=m.end(), start_offset=start)
    return Dateline()


_PAGE_LINES = 10        # a page's publication line stands among its first lines...
_PAGE_HEAD_CHARS = 1200
_PAGE_LINE_CHARS = 120  # ...and is short (a sentence that mentions a publication is not one)


def page_day(raw: str, published: str) -> str:
    """'YYYY-MM-DD' from the page's own publication line near its top ("Publié le 15 février 2024 à 11h02",
    "Par AFP | Mis à jour le 18/06/2024") when it falls in the publication month ``published`` ('YYYY-MM')
    gives; '' otherwise. Read from the raw text: clutter removal drops that line."""
    res = _resources()
    if res["page_date"] is None or not re.fullmatch(r"\d{4}-\d{2}", published or ""):
        return ""
    year, month = int(published[:4]), int(published[5:7])
    lines = [ln.strip() for ln in raw[:_PAGE_HEAD_CHARS].split("\n") if ln.strip()][:_PAGE_LINES]
    for line in lines:
        if len(line) > _PAGE_LINE_CHARS:
            continue
        for m in res["page_date"].finditer(line):
            for day in _page_dates(m, year, res["month_of"]):
                if (day.year, day.month) == (year, month):
                    return day.isoformat()
    return ""


def _page_dates(m: re.Match[str], year: int, month_of: dict[str, int]) -> list[date]:
    """The day(s) a page-line match may mean: a numeric date is read day first, then month first."""
    g = m.groupdict()
    if g["iy"]:
        parts = [(int(g["iy"]), int(g["im"]), int(g["id"]))]
    elif g["n1"]:
        a, b, y = int(g["n1"]), int(g["n2"]), int(g["ny"])
        parts = [(y, b, a), (y, a, b)]
    else:
        n = "1" if g["d1"] else "2"
        y = int(g["y" + n]) if g["y" + n] else year
        parts = [(y, month_of[g["m" + n].lower()], int(g["d" + n]))]
    out = []
    for y, mo, d in parts:
        try:
            out.append(date(y, mo, d))
        except ValueError:
            continue
    return out


@lru_cache(maxsize=64)
def dateline_of(text: str, published: str = "") -> Dateline:
    """:func:`parse_dateline`, kept for the latest texts: the dates and actors stages read the same article's
    dateline for each of its sentences and incidents. The result is shared: read it, do not change it."""
    return parse_dateline(text, published)


def _line_starts(text: str) -> list[int]:
    """Offsets of the first few non-empty lines near the top of the text."""
    starts, pos = [], 0
    while pos < min(len(text), _HEAD_CHARS) and len(starts) < _LINES_SEARCHED:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            starts.append(pos)
        pos = end + 1
    return starts


def _acceptable(m: re.Match[str], particles: frozenset[str], not_places: frozenset[str]) -> bool:
    """A real dateline names its agency, or gives a place and a date before the dash, or a place in capitals
    before the dash ("MOGADISHU, Somalia - The US military says ...")."""
    has_date = bool(m.group("d1") or m.group("d2"))
    place = (m.group("place") or "").strip()
    if place.lower() in not_places:   # a page label in capitals ("BREAKING -")
        return False
    capitals = len(place) >= 3 and place.isupper() and re.search(rf"{_DASH}[ \t]*$", m.group(0)) is not None
    if not (m.group("agency") or (place and has_date) or capitals):
        return False
    return all(_is_place(m.group(g), particles) for g in ("place", "region") if m.group(g))


def _is_place(name: str, particles: frozenset[str]) -> bool:
    """Capitalised words (particles aside), not too many: 'Port-au-Prince', not 'Le ministre a dit'."""
    words = [w.strip("'’.") for w in re.split(r"[\s\-/]+", name.strip()) if w.strip("'’.")]
    return (0 < len(words) <= _MAX_PLACE_WORDS and words[0][0].isupper()
            and all(w[0].isupper() or w.lower() in particles for w in words)
            and not all(w.lower() in particles for w in words))


def _place_name(raw: str, particles: frozenset[str]) -> str:
    """The first place of the dateline, an all-capitals name rewritten 'Port-au-Prince' style."""
    name = raw.split("/")[0].strip()
    if not name.isupper():
        return name
    parts = re.split(r"([\s\-'’]+)", name.lower())
    return "".join(p if (i and p in particles) or not p[:1].isalpha() else p[:1].upper() + p[1:]
                   for i, p in enumerate(parts))


def _day(m: re.Match[str], published: str, month_of: dict[str, int]) -> str:
    """'YYYY-MM-DD' of the dateline's date; the year from the dateline or nearest to publication."""
    n = "1" if m.group("d1") else "2"
    day_s, month_s, year_s = m.group("d" + n), m.group("m" + n), m.group("y" + n)
    if not day_s:
        return ""
    day, month = int(day_s), month_of[month_s.lower()]
    if year_s:
        year = int(year_s)
    elif published[:4].isdigit():
        pub_month = int(published[5:7]) if published[5:7].isdigit() else 0
        year = _nearest_year(month, int(published[:4]), pub_month)
    else:
        return ""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _nearest_year(month: int, pub_year: int, pub_month: int) -> int:
    """The year putting ``month`` closest to the publication month (ties: the earlier year)."""
    if not pub_month:
        return pub_year
    pub = pub_year * 12 + pub_month
    return min((pub_year - 1, pub_year, pub_year + 1), key=lambda y: (abs(y * 12 + month - pub), y))


def detect_agency(text: str) -> str:
    """The agency named by a closing credit ('© AFP', 'avec AFP') or reporting phrase ('told Reuters')."""
    res = _resources()
    tail = text.rstrip()[-_TAIL_CHARS:]
    for pattern in res["credits"]:
        if m := pattern.search(tail):
            return normalise_agency(m.group("agency"))
    for pattern in res["reporting"]:
        if m := pattern.search(text):
            return normalise_agency(m.group("agency"))
    return ""
