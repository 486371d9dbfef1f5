"""Event dates with ACLED time_precision (1 day, 2 week/span, 3 month), French and English.

Expressions are found with regular expressions built from ``data/time_expressions.yaml``
and placed relative to the article's reference day (dateline, else publication date).
Conventions (weekdays, nights, spans, parts of months) are documented in that file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from ..ingest.dateline import CLOCK, dateline_of
from .patterns import alt as _alt, ap as _ap, word as _w

from ..model import DateValue, Document, Evidence, Slot

DATA = Path(__file__).resolve().parent.parent / "data" / "time_expressions.yaml"
LANGS = ("fr", "en")
PAST_DAYS = 7  # a date more than this many days before the reference is in the past
PUBLICATION = "publication date"


@dataclass(frozen=True)
class DateHit:
    """A time expression in a sentence (offsets into Document.text); value None when it cannot be dated."""
    start: int
    end: int
    value: DateValue | None
    kind: str  # explicit | weekday | relative | past_ref | span


@dataclass(frozen=True)
class _Ref:
    day: date
    precision: int
    spread: int = 0  # the article may speak from up to this many days after `day` (a day read in its text)
    floor: date | None = None  # month known only: the article speaks from this day or later (a past day it names)

    @property
    def start(self) -> date:
        """First day the reference may be (the 1st of the month when only the month is known)."""
        return self.day if self.precision == 1 else self.day.replace(day=1)


# ---------------------------------------------------------------- resources

@lru_cache(maxsize=1)
def _resources() -> dict:
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)








@dataclass(frozen=True)
class _Lang:
    """Compiled patterns and lookups for one language."""
    res: dict
    patterns: tuple[tuple[str, re.Pattern], ...]
    dateline_tail: re.Pattern
    since: re.Pattern
    comparison: re.Pattern
    reporting: re.Pattern   # a reporting verb right before a weekday: the day the news was told
    page_cue: re.Pattern    # "Publié le", "Updated on" right before a page's own date (or its clock time)
    page_cue_at: re.Pattern  # a page cue anywhere ("/ Updated 2 hours ago" after a page's date)
    byline: re.Pattern      # "Par Jeanne Martin - ", "By John Smith, " before a page's own date
    future: re.Pattern      # "prévu le", "scheduled for": a day named ahead of the news
    name_head: re.Pattern   # "Mouvement du" right before a date: the date is part of a name
    name_tail: re.Pattern   # "Movement" right after a date: the date is part of a name

    def month(self, text: str) -> int | None:
        return _lookup(self.res["months"], text)

    def weekday(self, text: str) -> int | None:
        return _lookup(self.res["weekdays"], text)

    def named(self, text: str) -> bool:
        """Whether a month/weekday token is acceptable (capitalised where the language requires it)."""
        return not self.res["names_capitalised"] or text[:1].isupper()


@lru_cache(maxsize=2)
def _month_day(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """A day number after a month name ("Apr 5") and one before it ("le 29 mai", "on 12 March")."""
    r = _resources()[lang]
    flags = 0 if r["names_capitalised"] else re.I
    months, day = _alt(r["months"]), r["day"]
    return (re.compile(rf"(?<![\w.])(?:{months})\s+({day})(?![\d,.]\d)", flags),
            re.compile(rf"(?<![\w.,])({day})[ \t\u00a0]+(?:{r['day_month_joiner'] or '(?!)'})?(?:{months})(?!\w)",
                       flags))


@lru_cache(maxsize=16)
def blank_month_days(text: str, lang: str) -> str:
    """The text with the day numbers of dates blanked out (same length, so offsets hold): in "Bijapur
    (Chhattisgarh), Apr 5 (PTI) Two jawans were killed" the 5 is a day, and so is the 29 of "un individu blessé le
    29 mai a perdu la vie", not a count."""
    if lang not in LANGS:
        return text
    for pattern in _month_day(lang):
        text = pattern.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + " " * len(m.group(1))
                           + m.group(0)[m.end(1) - m.start():], text)
    return text


def month_of(lang: str, name: str) -> int | None:
    """1 to 12 for a month name of the language ("août", "March"), None for any other word."""
    return _lang(lang).month(name) if lang in LANGS else None


def weekday_of(lang: str, text: str) -> int | None:
    """0 (Monday) to 6 when ``text`` opens on a weekday name of the language, after a preposition or two at most
    ("mardi", "on Wednesday night", "dans la nuit de jeudi")."""
    if lang not in LANGS:
        return None
    L = _lang(lang)
    for word in text.split()[:4]:
        word = word.strip(",.;:")
        day = L.weekday(word) if L.named(word) else None
        if day is not None:
            return day
    return None


def weekdays_in(lang: str, text: str) -> frozenset[int]:
    """Every weekday (0 Monday .. 6) the text names anywhere ("dans la nuit de dimanche à lundi": {6, 0})."""
    if lang not in LANGS:
        return frozenset()
    L = _lang(lang)
    out = set()
    for word in text.split():
        word = word.strip(",.;:()«»\"'")
        day = L.weekday(word) if word and L.named(word) else None
        if day is not None:
            out.add(day)
    return frozenset(out)


def _lookup(table: dict, text: str):
    for pattern, value in table.items():
        if _table_pattern(pattern).fullmatch(text):
            return value
    return None


@lru_cache(maxsize=1024)
def _table_pattern(pattern: str) -> re.Pattern:
    """A date table's pattern compiled once (``re.fullmatch(_ap(pattern), text, re.I)`` looked it up in re's cache
    at every word, where the articles' place and actor names kept pushing it out)."""
    return re.compile(_ap(pattern), re.I)


@lru_cache(maxsize=2)
def _lang(lang: str) -> _Lang:
    r = {k: _ap(v) if isinstance(v, str) else v for k, v in _resources()[lang].items()}
    wd, month, day = _alt(r["weekdays"]), _alt(r["months"]), rf"(?<![\d.,])(?:{r['day']})(?!\d)"
    year = r"(?P<y>(?:19|20)\d{2})(?![\d.,]\d)"
    tail = _alt(r["precision_tail"])
    pre = r["date_prefix"]
    opn, join = _alt(r["range_open"].split("|")), _alt(r["range_join"].split("|"))
    opn = rf"(?:(?P<night>{r['night_open']})|{opn})"
    parts = _alt(r["month_parts"])
    art = r"(?:(?:le|the)\s+)?"
    wday = rf"(?:(?:{wd}),?\s+)?"   # "du mercredi 4 au jeudi 5 août"
    of = rf"(?:{r['day_month_joiner'] or '(?!)'})?"   # "the 12th of March"
    pats = {
        "range_cross": rf"(?:{opn}\s+)?{art}{wday}(?P<d1>{day})\s+{of}(?P<m1>{month})\s*{join}\s*{art}"
                       rf"{wday}(?P<d2>{day})\s+{of}(?P<m2>{month})(?:,?\s+{year})?",
        "range": rf"(?:{opn}\s+)?{art}{wday}(?P<d1>{day})\s*{join}\s*{art}{wday}(?P<d2>{day})\s+{of}(?P<m>{month})"
                 rf"(?:,?\s+{year})?",
        "range_md": rf"(?:{opn}\s+)?(?P<m>{month})\s+(?P<d1>{day})\s*{join}\s*(?P<d2>{day})(?:,?\s+{year})?",
        "range_cross_md": rf"(?:{opn}\s+)?(?P<m1>{month})\s+(?P<d1>{day})\s*{join}\s*(?P<m2>{month})\s+(?P<d2>{day})"
                          rf"(?:,?\s+{year})?",
        "explicit": rf"{pre}?(?:(?P<wd>{wd}),?\s+)?{art}(?P<d>{day})\s+{of}(?P<m>{month})(?:,?\s+{year})?"
                    rf"(?:\s*(?P<tail>{tail}))?",
        "explicit_md": rf"{pre}?(?:(?P<wd>{wd}),?\s+)?(?P<m>{month})\s+(?P<d>{day})(?:,?\s+{year})?"
                       rf"(?:\s*(?P<tail>{tail}))?",
        "weekday_day": rf"{pre}?(?P<wd>{wd}),?\s+(?:the\s+)?(?P<d>{day})(?!\d)"
                       rf"(?=\s*(?:[,.;:)\]\n–—-]|$)|\s+(?:{r['weekday_day_next']})(?!\w))",
        "numeric": r"(?<![\d/.-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})(?![\d/])",
        "weekday": rf"(?:(?P<pre>{r['weekday_prefix']})\s+)?(?:(?P<last1>{r['weekday_last_before'] or '(?!)'})\s+)?"
                   rf"(?P<wd>{wd})(?:\s+(?P<last2>{r['weekday_last_after'] or '(?!)'}))?"
                   rf"(?:\s*(?:{r['night_join']})\s*(?P<wd2>{wd}))?(?:\s+(?:{r['weekday_part']}))?",
        "relative": _alt(r["relative_days"]),
        "overnight": _alt(r["overnight"]),
        "this_week": _alt(r["this_week"]),
        "last_week": _alt(r["last_week"]),
        "weekend": _alt(r["weekend"]),
        "month": rf"(?:(?P<cue>{r['month_cue']})(?:\s+|(?<=['’])))?(?:(?P<part>{parts})\s*(?:(?:de|of)\s+)?)?(?P<m>{month})"
                 rf"(?:\s+{year})?",
        "this_month": _alt(r["this_month"]),
        "last_month": _alt(r["last_month"]),
        "earlier_this_month": _alt(r["earlier_this_month"]),
        "ago": r["ago"],
        "past_cue": _alt(r["past_cues"]),
        "year": rf"(?:{r['year_cue']})\s+{year}",
        "same_day": _alt(r["same_day"]),
        "next_day": _alt(r["next_day"]),
        "days_later": _alt(list(r["days_later"])),
        "days_before": _alt(list(r["days_before"])),
        "day_current": rf"(?:le|the)\s+(?P<d>{day})\s+(?:{r['day_of_month_tail']})",
        "meanwhile": _alt(r["meanwhile"]),
    }
    compiled = tuple((k, re.compile(_w(p), re.I)) for k, p in pats.items())
    return _Lang(r, compiled, re.compile(r["dateline_tail"]),
                 re.compile(rf"(?<!\w)(?:{r['since']})\s+(?:(?:le|the)\s+)?$", re.I),
                 re.compile(rf"{r['comparison']}", re.I),
                 re.compile(rf"(?<!\w)(?:{r['reporting_verbs']})\W+(?:{r['reporting_link']}\s+)?$", re.I),
                 re.compile(rf"(?<!\w)(?:{r['page_cues']})\W*(?:(?:at|à)\s+)?(?:{CLOCK}\W*)?$", re.I),
                 re.compile(rf"(?<!\w)(?:{r['page_cues']})(?!\w)", re.I),
                 re.compile(rf"\s*(?:{r['byline']})\s+[^\n\d]{{2,80}}?\s*[,|·•\-–—]\s*", re.I),
                 re.compile(rf"(?<!\w)(?:{r['future_cues']})(?!\w)", re.I),
                 re.compile(rf"(?<!\w)(?:{r['name_head'] or '(?!)'})\s+(?:{r['name_link']})\s+$", re.I),
                 re.compile(rf"\s+(?:{r['name_tail'] or '(?!)'})(?!\w)", re.I))


# ---------------------------------------------------------------- reference date

def reference_date(doc: Document) -> tuple[date, int]:
    """The day the article speaks from, with its precision (1 day known, 3 only the month)."""
    ref = _reference(doc)
    return ref.day, ref.precision


def days_before_reference(doc: Document, day: date) -> int:
    """How many days ``day`` lies before the first day the article may speak from."""
    return (_reference(doc).start - day).days


def _reference(doc: Document) -> _Ref:
    for value in (doc.dateline_date, doc.published):
        if re.match(r"\d{4}-\d{2}-\d{2}", value or ""):
            return _Ref(date.fromisoformat(value[:10]), 1)
    if re.fullmatch(r"\d{4}-\d{2}", doc.published or ""):
        month = date.fromisoformat(doc.published + "-01")
        dateline = _dateline_day(doc, month) or _page_day(doc, month)
        if dateline:
            return _Ref(dateline, 1)
        anchor = _weekday_anchor(doc, month)
        if anchor:
            last = _shift_month(month, 1) - timedelta(days=1)
            return _Ref(anchor, 1, max(0, min(ANCHOR_SPREAD, (last - anchor).days)))
        return _Ref(month, 3, floor=_floor_in(doc.text, _langs(doc), month))
    return _Ref(date.today(), 3)


ANCHOR_SPREAD = 3  # a weekday told after the latest dated weekday lies within the week that follows it


def _weekday_anchor(doc: Document, month: date) -> date | None:
    """See _anchor_in (cached per text: dates are resolved many times per document)."""
    return _anchor_in(doc.text, _langs(doc), month)


@lru_cache(maxsize=64)
def _anchor_in(text: str, langs: tuple[str, ...], month: date) -> date | None:
    """The latest day the text names with its weekday and day of the month ("mardi 9 août", "Sunday, December
    26"), where the weekday checks out in the publication month or the week before it: the article was written on
    or after that day (a day named ahead of the news, "funérailles prévues le mardi 16 août", is none). Only used
    when the publication gives the month alone and no dateline gives the day."""
    first = month - timedelta(days=ANCHOR_SPREAD + 1)
    last = _shift_month(month, 1) - timedelta(days=1)
    found: list[date] = []
    for lang in langs:
        L = _lang(lang)
        for kind, pattern in L.patterns:
            if kind == "weekday_day":
                found += [d for m in pattern.finditer(text) if L.named(m["wd"]) and not _looks_ahead(text, L, m)
                          and (d := _weekday_day(_Ref(month, 3), L.weekday(m["wd"]), _day_number(m["d"])))
                          and first <= d <= last]
    for L, m in _explicit_matches(text, langs):
        named = m["wd"]
        if not named:   # "on Monday night (August 24)", "mardi soir, le 9 août": the date restates the weekday
            told = _restating(L).search(text, max(0, m.start() - 40), m.start())
            named = told["wd"] if told else None
        if not named or not L.named(named) or not L.named(m["m"]) or _looks_ahead(text, L, m):
            continue
        mon, wd = L.month(m["m"]), L.weekday(named)
        year = int(m["y"]) if m["y"] else None
        for y in ([year] if year else [month.year, month.year - 1]):
            day = _day(y, mon, _day_number(m["d"])) if mon else None
            if day and first <= day <= last and day.weekday() == wd:
                found.append(day)
    return max(found, default=None)


def _restating(L: _Lang) -> re.Pattern:
    """A weekday (with its part of the day) right before a date that restates it ("Monday night (", "mardi soir, ")."""
    r = L.res
    if id(r) not in _RESTATING:
        _RESTATING[id(r)] = re.compile(rf"(?<!\w)(?P<wd>{_alt(r['weekdays'])})(?:\s+(?:{r['weekday_part']}))?"
                                       r"\s*[(,]\s*$", re.I)
    return _RESTATING[id(r)]


_RESTATING: dict[int, re.Pattern] = {}


@lru_cache(maxsize=64)
def _floor_in(text: str, langs: tuple[str, ...], month: date) -> date | None:
    """The latest day of the publication month (or the week before it) that the text names with its day and
    month ("le 28 octobre"), outside a clause looking ahead ("prévu le 30 octobre"): the article was written on or
    after it, so a weekday that has only one such day left in the month is that day."""
    first, last = month - timedelta(days=ANCHOR_SPREAD + 1), _shift_month(month, 1) - timedelta(days=1)
    found: list[date] = []
    for L, m in _explicit_matches(text, langs):
        value = _explicit(m, L, _Ref(month, 3))
        if value is None or value.precision != 1 or not first <= value.day <= last:
            continue
        if not _looks_ahead(text, L, m):
            found.append(value.day)
    return max(found, default=None)


def _looks_ahead(text: str, L: _Lang, m: re.Match[str]) -> bool:
    """Whether the date at ``m`` stands in a clause looking ahead ("prévu le 30 octobre", "will be held on Tuesday,
    August 16"): a day the article names ahead of the news, no sign of when it was written."""
    clause = re.split(r"[.;!?\n]", text[max(0, m.start() - FUTURE_CHARS):m.start()])[-1]
    return bool(L.future.search(clause + " " + text[m.end():m.end() + 20].split(".")[0]))


def _explicit_matches(text: str, langs: tuple[str, ...]):
    """(language resources, match) for every explicit date written in full ("le 28 octobre 2021") in ``text``."""
    for lang in langs:
        L = _lang(lang)
        for kind, pattern in L.patterns:
            if kind in ("explicit", "explicit_md"):
                for m in pattern.finditer(text):
                    yield L, m


FUTURE_CHARS = 60  # how far before a date a look-ahead word ("prévu", "scheduled") is searched


def _page_day(doc: Document, month: date) -> date | None:
    """The day a page gives itself in the publication month: a date in its address ("/20211003/",
    "/2021/10/03/") or a header date ("03.10.2021, Sputnik", "Publié le 3 octobre 2021"). Only used when the
    publication gives the month alone and no dateline gives the day."""
    return _page_day_in(doc.text, doc.url, _langs(doc), month)


@lru_cache(maxsize=64)
def _page_day_in(text: str, url: str, langs: tuple[str, ...], month: date) -> date | None:
    last = _shift_month(month, 1) - timedelta(days=1)
    found: list[date] = []
    head = text[:PAGE_HEAD_CHARS]
    for where, pattern in ((url + " " + head, _URL_DAY), (head, _HEADER_DAY), (head, _ISO_DAY)):
        for m in pattern.finditer(where):
            g = m.groupdict()
            y, mo, d = int(g["y"]), int(g["m"] or g.get("m2")), int(g["d"] or g.get("d2"))
            # "03/12/2024" is 3 December in Europe and 12 March in the United States: the order that puts the
            # page in its publication month is the page's (ISO and address dates have one order only)
            orders = [(y, mo, d)] + ([(y, d, mo)] if pattern is _HEADER_DAY else [])
            found += [day for o in orders if (day := _day(*o)) and month <= day <= last][:1]
    for L, m in _explicit_matches(text, langs):
        if m["y"] and _page_stamp(text, L, m):
            value = _explicit(m, L, _Ref(month, 3))
            if value and value.precision == 1 and month <= value.day <= last:
                found.append(value.day)
    return max(found, default=None)


# what may stand beside a page's own date on its line ("June 14, 2025", "Wednesday 5 March 2025 11.42 GMT",
# "12 mars 2024 à 18h05", "12/03/2024 18:05", "March 12, 2024 / 10:05 AM")
_DATE_LINE_REST = re.compile(rf"[\s,|·•:/\-–—]*(?:(?:at|à|a)\s+)?(?:{CLOCK})?[\s,|·•:/\-–—]*")


def _page_stamp(text: str, L: _Lang, m: re.Match[str]) -> bool:
    """A page's own date near its top: alone on its line (its stamp under the headline), after a publication cue
    ("Publié le", "Updated") or closing a byline ("Par Jeanne Martin - 12 mars 2024", "By John Smith, March 14,
    2024"). It tells when the page was written, never an incident's day."""
    if m.start() >= PAGE_HEAD_CHARS:
        return False
    if L.page_cue.search(text, max(0, m.start() - PAGE_CUE_CHARS), m.start()) or _alone_on_its_line(text, m, L):
        return True
    ls = text.rfind("\n", 0, m.start()) + 1
    le = text.find("\n", m.end())
    le = len(text) if le < 0 else le
    return bool(L.byline.fullmatch(text, ls, m.start()) and _DATE_LINE_REST.fullmatch(text, m.end(), le))


def _alone_on_its_line(text: str, m: re.Match[str], L: _Lang) -> bool:
    """A date written alone on a line near the top of a page (a page's date stamp, under the headline), with at
    most its clock time and, after them, the page's update note ("March 12, 2024 / 10:05 AM / Updated 2 hours ago")."""
    if m.start() >= PAGE_HEAD_CHARS:
        return False
    ls = text.rfind("\n", 0, m.start()) + 1
    le = text.find("\n", m.end())
    le = len(text) if le < 0 else le
    after = L.page_cue_at.split(text[m.end():le], maxsplit=1)[0]
    return bool(_DATE_LINE_REST.fullmatch(text[ls:m.start()] + " " + after))


PAGE_CUE_CHARS = 45   # how far before a page's date its cue may stand ("Published 10:05 AM GMT, March 12, 2024")
PAGE_HEAD_CHARS = 600  # a header date ("03.10.2021, Sputnik France") stands near the top of the page
_URL_DAY = re.compile(r"(?:https?://|www\.)\S*?/(?P<y>20\d{2})(?:/(?P<m>[01]\d)/(?P<d>[0-3]\d)|(?P<m2>[01]\d)(?P<d2>[0-3]\d))/")
_ISO_DAY = re.compile(r"(?<![\w/.-])(?P<y>20\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d/-])")
_HEADER_DAY = re.compile(r"(?<![\w/.,-])(?<!le )(?<!du )(?<!au )(?<!on )(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>20\d{2})(?![\w/.-]|[.,]\d)")


def _dateline_day(doc: Document, month: date) -> date | None:
    """The day a dateline gives ("BAGDAD, 4 janvier (Reuters) -") when the publication gives only the month
    (ingest fills ``doc.dateline_date``; documents built by hand are parsed here with the same parser)."""
    day = dateline_of(doc.text, doc.published).day
    return date.fromisoformat(day) if day else None


def _langs(doc: Document) -> tuple[str, ...]:
    return (doc.language,) if doc.language in LANGS else LANGS


def _is_dateline(doc: Document, L: _Lang, start: int, end: int) -> bool:
    """Is the date at start:end the dateline's own ("BAGHDAD, Jan 4 (Reuters) -"), also when a headline, a
    subheading or a byline stands above the dateline?"""
    head = doc.text[:start]
    if start <= 80 and "." not in head and "\n" not in head.strip() and L.dateline_tail.match(doc.text, end):
        return True
    line = dateline_of(doc.text, doc.published)
    return line.start_offset <= start and end <= line.end_offset


# ---------------------------------------------------------------- finding expressions

def find_dates(doc: Document, sent_idx: int) -> list[DateHit]:
    """The time expressions of one sentence, dated against the reference day, in text order.

    Kept per document and sentence (the mention, assembly and event stages ask for the same sentence several
    times): the key holds everything the answer reads from the document, so an edited document is read again."""
    key = (doc.text, tuple(doc.sentences), doc.language, doc.published, doc.dateline_date, doc.url)
    found = _FOUND.get(key)
    if found is None:
        found = _FOUND[key] = {}
        while len(_FOUND) > FOUND_DOCUMENTS:
            _FOUND.pop(next(iter(_FOUND)))
    hits = found.get(sent_idx)
    if hits is None:
        hits = found[sent_idx] = _find_dates(doc, sent_idx)
    return list(hits)   # DateHit is frozen; the list is the caller's


FOUND_DOCUMENTS = 64   # documents whose sentences' time expressions are kept (a batch of extraction is 32)
_FOUND: dict[tuple, dict[int, list[DateHit]]] = {}


def warm_up() -> None:
    """Load dateparser's language data now (it loads it on its first use, which an "il y a trois jours" in
    some article would pay for otherwise)."""
    import dateparser

    base = datetime(2024, 5, 10)
    for phrase in ("il y a trois jours", "three days ago"):
        dateparser.parse(phrase, languages=list(LANGS), settings={"RELATIVE_BASE": base})


def _find_dates(doc: Document, sent_idx: int) -> list[DateHit]:
    s, e = _sentence(doc, sent_idx)
    ref = _reference(doc)
    found: list[tuple[int, int, DateHit]] = []
    nights: set[int] = set()   # where a bare night expression starts ("overnight", "dans la nuit")
    stamps = _page_stamps(doc.text, _langs(doc)) if s < PAGE_HEAD_CHARS else ()
    for lang in _langs(doc):
        L = _lang(lang)
        for kind, pattern in L.patterns:
            for m in pattern.finditer(doc.text, s, e):
                if any(a < m.end() and m.start() < b for a, b in stamps):   # "Mar 2024" inside "12 Mar 2024"
                    continue
                if _in_name(doc.text, s, m, L):
                    continue
                hit = _HANDLERS[kind](m, L, ref)
                if hit is None or _is_dateline(doc, L, m.start(), m.end()):
                    continue
                value, kind_out = hit
                since = _since(doc.text, s, m, L)
                if since is not None and L.comparison.search(doc.text, max(s, since - 40), since):
                    continue
                if since is not None and since < m.start() and _long_ago(value, ref):
                    kind_out = "past_ref"
                elif since is not None and value is not None and value.precision == 1 and ref.precision == 1:
                    value, kind_out = _since_span(value, ref), "span"   # "depuis vendredi soir": until now
                found.append((m.start(), m.end(), DateHit(m.start(), m.end(), value, kind_out)))
                if kind == "overnight":
                    nights.add(m.start())
    found = _nights_of_days(found, nights)
    out: list[DateHit] = []
    for h in sorted(_longest(found), key=lambda h: h.start):
        if h.kind in ANAPHORS:
            h = _anaphor(doc, sent_idx, h, [k for k in out if k.value is not None])
        if h is not None:
            out.append(h)
    return out


DAY_KINDS = ("explicit",)   # the hit kinds that name a date of their own (a weekday is often the reporting day)


_NAME_PARTS = ("wd", "d", "d1", "m", "m1")   # the groups a date may start with, after its optional "le / du"


def _in_name(text: str, s: int, m: re.Match[str], L: _Lang) -> bool:
    """Whether a date is part of a name rather than a day: "le Mouvement du 23 mars (M23)", "boulevard du 30 juin",
    "the March 23 Movement" (data/time_expressions.yaml ``name_head`` / ``name_tail``)."""
    groups = m.re.groupindex
    first = min((m.start(g) for g in _NAME_PARTS if g in groups and m.start(g) >= 0), default=m.start())
    return bool(L.name_head.search(text[max(s, first - 40):first]) or L.name_tail.match(text, m.end(), m.end() + 30))


def _nights_of_days(found: list[tuple[int, int, DateHit]], nights: set[int]) -> list[tuple[int, int, DateHit]]:
    """A bare night expression after a date the sentence names ("On 18 April 2022, overnight, militants attacked",
    "Le 5 février, dans la nuit, ...") is that day's night, not the night before the reference day."""
    if not nights:
        return found
    days = [(a, h) for a, _, h in found if a not in nights and h.kind in DAY_KINDS and h.value is not None
            and h.value.precision == 1]
    if not days:
        return found
    out = []
    for a, b, h in found:
        if a in nights and not any(x < b and a < y for x, y, _ in found if (x, y) != (a, b)):
            before = [d for d in days if d[0] < a]   # ("On 18 April, overnight": the date opens the sentence)
            if before:
                h = DateHit(h.start, h.end, before[-1][1].value, before[-1][1].kind)
        out.append((a, b, h))
    return out


ANAPHORS = ("same_day", "next_day", "days_later", "days_before", "meanwhile")


@lru_cache(maxsize=64)
def _page_stamps(text: str, langs: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where the page's own date stamps stand near its top (see _page_stamp): no incident's day is read there."""
    spans = []
    for lang in langs:
        L = _lang(lang)
        for kind, pattern in L.patterns:
            if kind in ("explicit", "explicit_md", "numeric"):
                spans += [(m.start(), m.end()) for m in pattern.finditer(text, 0, PAGE_HEAD_CHARS)
                          if _page_stamp(text, L, m)]
    return tuple(spans)


def _anaphor(doc: Document, sent_idx: int, hit: DateHit, earlier: list[DateHit]) -> DateHit | None:
    """ "le même jour", "the next day", "meanwhile": the day of the nearest date told before it in the article
    (the next day for "le lendemain"; at least the week for "meanwhile"); nothing when none was told. The day the
    news was reported ("tués mardi ..., a annoncé mercredi le ministère") is skipped: "le même jour" is the day of
    the incident told before, unless no other day was told."""
    # (a state's start, "assiègent la ville depuis mai 2024", is no incident's day: skipped while another is told)
    previous = _told_before(doc, sent_idx, earlier, skip_reports=True, skip_since=True) \
        or _told_before(doc, sent_idx, earlier, skip_reports=True) or _told_before(doc, sent_idx, earlier)
    if previous is None:
        return None
    value = previous.value
    if hit.kind in ("next_day", "days_later", "days_before") and value.precision == 1:
        n = 1 if hit.kind == "next_day" else next(
            (n for lang in _langs(doc) for n in [_lookup(_lang(lang).res[hit.kind], doc.text[hit.start:hit.end])]
             if n), 1)
        value = DateValue(value.day + timedelta(days=-n if hit.kind == "days_before" else n), 1)
    elif hit.kind == "meanwhile":
        value = DateValue(value.day, max(value.precision, 2))
    kind = "past_ref" if previous.kind == "past_ref" else "relative"
    return DateHit(hit.start, hit.end, value, kind)


def _told_before(doc: Document, sent_idx: int, earlier: list[DateHit], skip_reports: bool = False,
                 skip_since: bool = False) -> DateHit | None:
    """The nearest date told before (in the sentence, then the sentences before it), reporting days aside when
    ``skip_reports``, dates after "since" aside when ``skip_since``."""
    def keep(h: DateHit) -> bool:
        return h.value is not None and not (skip_reports and _reporting_day(doc, h)) \
            and not (skip_since and _since_before(doc, h))
    told = [h for h in earlier if keep(h)]
    if told:
        return told[-1]
    for i in range(sent_idx - 1, -1, -1):
        before = [h for h in find_dates(doc, i) if keep(h)]
        if before:
            return before[-1]
    return None


def _since(text: str, s: int, m: re.Match, L: _Lang) -> int | None:
    """Where a "since" word before (or opening) a time expression starts, if there is one."""
    before = L.since.search(text, max(s, m.start() - 20), m.start())
    if before:
        return before.start()
    opening = re.match(rf"(?:{L.res['since']})(?!\w)", m.group(), re.I)
    return m.start() if opening else None


def _since_span(value: DateValue, ref: _Ref) -> DateValue:
    """A recent "since" day ("depuis vendredi soir", "since Monday"): the span from it to the reference day, at
    precision 2 at least when it covers more than that day."""
    last = max(value.day, ref.day + timedelta(days=ref.spread))
    return _span(value.day, last)


def _long_ago(value: DateValue | None, ref: _Ref) -> bool:
    """Whether a date lies clearly before the news (unknown dates count as such)."""
    return value is None or (ref.start - value.day).days > PAST_DAYS


def _longest(found: list[tuple[int, int, DateHit]]) -> list[DateHit]:
    """Keep the longest of overlapping matches."""
    kept: list[DateHit] = []
    for start, end, hit in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= k.start or start >= k.end for k in kept):
            kept.append(hit)
    return kept


def _sentence(doc: Document, i: int) -> tuple[int, int]:
    if doc.sentences:
        return doc.sentences[i]
    return 0, len(doc.text)


# ---------------------------------------------------------------- handlers: match -> (value, kind) | None

Handled = tuple[DateValue | None, str] | None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else 1  # "1er", "premier"


def _place_year(ref: _Ref, month: int, day: int, year: str | None) -> date | None:
    """The date with the given year, else the latest such date the article can already look back on ("31
    décembre" in January is last year's; "late January" in November is this year's, not a future one)."""
    if year:
        return _day(int(year), month, day)
    options = [d for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1) if (d := _day(y, month, day))]
    last = _shift_month(ref.start.replace(day=1), 1) if ref.precision != 1 else ref.day + timedelta(days=ref.spread)
    past = [d for d in options if d <= last + timedelta(days=FUTURE_DAYS)]
    return max(past) if past else (min(options) if options else None)


FUTURE_DAYS = 7  # a date without a year up to a week after the reference is still read as this year's


def _explicit(m: re.Match, L: _Lang, ref: _Ref) -> DateValue | None:
    month = L.month(m["m"])
    if month is None or not L.named(m["m"]) or (m["wd"] and not L.named(m["wd"])):
        return None
    day = _place_year(ref, month, _day_number(m["d"]), m["y"])
    if day is None:
        return None
    if m["wd"] and not m["y"] and day.weekday() != L.weekday(m["wd"]):
        day = _month_slip(day, L.weekday(m["wd"]), ref) or day
    precision = _lookup(L.res["precision_tail"], m["tail"]) if m["tail"] else 1
    return DateValue(day.replace(day=1) if precision == 3 else day, precision)


def _month_slip(day: date, weekday: int, ref: _Ref) -> date | None:
    """ "vendredi 14 septembre" in a November article when 14 September is no Friday but 14 November is: the
    month is a slip of the pen and the weekday, checked against the publication month, tells the day."""
    same = _day(ref.start.year, ref.start.month, day.day)
    return same if same is not None and same.weekday() == weekday else None


def _h_explicit(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    value = _explicit(m, L, ref)
    return (value, "explicit") if value else None


def _h_weekday_day(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    """ "mardi 9", "Sunday the 14th": the day of that number around the reference whose weekday checks out."""
    if not L.named(m["wd"]):
        return None
    day = _weekday_day(ref, L.weekday(m["wd"]), _day_number(m["d"]))
    return (DateValue(day, 1), "explicit") if day else None


def _weekday_day(ref: _Ref, weekday: int, number: int) -> date | None:
    last = _shift_month(ref.start.replace(day=1), 1) - timedelta(days=1) if ref.precision != 1 \
        else ref.day + timedelta(days=ref.spread)
    first = ref.start.replace(day=1) - timedelta(days=WEEKDAY_DAY_BACK)
    options = [d for n in (-1, 0, 1) if (d := _day(*_ym(_shift_month(ref.start.replace(day=1), n)), number))
               and d.weekday() == weekday and first <= d <= last + timedelta(days=FUTURE_DAYS)]
    return max(options) if options else None


WEEKDAY_DAY_BACK = 31  # "mardi 9" may name a day of the month before the reference's


def _ym(day: date) -> tuple[int, int]:
    return day.year, day.month


def _h_numeric(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    import dateparser

    parsed = dateparser.parse(m.group(), settings={"DATE_ORDER": L.res["numeric_order"], "STRICT_PARSING": True})
    return (DateValue(parsed.date(), 1), "explicit") if parsed else None


def _span(first: date, last: date) -> DateValue:
    """A span of days: first day (<= 4 days), middle day (<= 7 days, precision 2), else its month."""
    length = (last - first).days + 1
    if length <= 4:
        return DateValue(first, 2 if length > 1 else 1)
    if length <= 7:
        return DateValue(first + timedelta(days=(length - 1) // 2), 2)
    return DateValue(first.replace(day=1), 3)


def _h_range(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    groups = m.groupdict()
    m1, m2 = groups.get("m1") or groups["m"], groups.get("m2") or groups["m"]
    if not (L.named(m1) and L.named(m2)):
        return None
    last = _place_year(ref, L.month(m2), _day_number(m["d2"]), m["y"])
    if last is None:
        return None
    first = _day(last.year, L.month(m1), _day_number(m["d1"]))
    if first is not None and first > last:
        first = _day(last.year - 1, L.month(m1), _day_number(m["d1"]))
    if first is None or (last - first).days > 62:
        return None
    if groups.get("night") and (last - first).days <= 1:   # the night it began, but coders also take the
        return DateValue(first, 2), "span"                   # morning after: precision 2 covers both
    return _span(first, last), "span"


def _relative(ref: _Ref, day: date, precision: int) -> DateValue:
    """A day computed from the reference; only the reference month when its day is unknown."""
    return DateValue(ref.day, 3) if ref.precision == 3 else DateValue(day, precision)


def _h_weekday(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    if not L.named(m["wd"]) or (m["wd2"] and not L.named(m["wd2"])):
        return None
    if ref.precision == 3 and ref.floor is not None:
        last = _shift_month(ref.day.replace(day=1), 1) - timedelta(days=1)
        days = [ref.floor + timedelta(days=n) for n in range((last - ref.floor).days + 1)]
        left = [d for d in days if d.weekday() == L.weekday(m["wd"])]
        if len(left) == 1:   # the only such day from the last one the text names to the end of the month
            return DateValue(left[0], 1), "weekday"
    latest = ref.day + timedelta(days=ref.spread)
    back = (latest.weekday() - L.weekday(m["wd"])) % 7
    if back == 0 and (m["last1"] or m["last2"]):
        back = 7
    return _relative(ref, latest - timedelta(days=back), 1), "weekday"


def _h_relative(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    back = _lookup(L.res["relative_days"], m.group())
    return _relative(ref, ref.day - timedelta(days=back), 1), "relative"


def _h_overnight(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    return _relative(ref, ref.day - timedelta(days=1), 2), "span"


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _h_this_week(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    v = _span(_monday(ref.day), ref.day)
    return _relative(ref, v.day, max(v.precision, 2)), "span"


def _h_last_week(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    monday = _monday(ref.day) - timedelta(days=7)
    return _relative(ref, _span(monday, monday + timedelta(days=6)).day, 2), "span"


def _h_weekend(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    saturday = ref.day - timedelta(days=(ref.day.weekday() - 5) % 7)
    return _relative(ref, saturday, 2), "span"


def _h_month(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    month = L.month(m["m"])
    if month is None or not L.named(m["m"]) or not (m["cue"] or m["part"] or m["y"]):
        return None
    first = _place_year(ref, month, 1, m["y"])
    day = first.replace(day=_lookup(L.res["month_parts"], m["part"])) if m["part"] else first
    return DateValue(day, 3), "past_ref" if first < ref.start.replace(day=1) else "span"


def _shift_month(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _h_this_month(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    return DateValue(ref.day.replace(day=1), 3), "span"


def _h_last_month(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    return DateValue(_shift_month(ref.day, -1), 3), "past_ref"


def _h_earlier_this_month(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    return DateValue(ref.day.replace(day=1), 3), "past_ref"


def _h_ago(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    import dateparser

    unit = m["unit"].lower()
    if unit.startswith(("an", "ann", "year")):
        return None, "past_ref"
    if ref.precision == 3 and ref.floor is None and unit.startswith(("jour", "day")):
        # a page dated by its month only: "two days ago" lies somewhere in that month, not in the month
        # before its first day
        return DateValue(ref.day.replace(day=1), 3), "relative"
    base = datetime.combine(ref.day, datetime.min.time())
    parsed = dateparser.parse(m.group(), languages=list(LANGS), settings={"RELATIVE_BASE": base})
    if parsed is None:
        return None
    day = parsed.date()
    precision = 1 if unit.startswith(("jour", "day")) else 2 if unit.startswith(("semaine", "week")) else 3
    value = DateValue(day.replace(day=1), 3) if 3 in (precision, ref.precision) else DateValue(day, precision)
    return value, "past_ref" if (ref.day - day).days > PAST_DAYS else "relative"


def _h_day_current(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    """ "le 3 courant", "the 3rd of this month": that day of the reference month (of the month before when it
    would lie after the reference)."""
    number = _day_number(m["d"])
    day = _day(ref.day.year, ref.day.month, number)
    if day is not None and ref.precision == 1 and day > ref.day + timedelta(days=ref.spread):
        day = _day(*_ym(_shift_month(ref.day, -1)), number)
    return (DateValue(day, 1), "explicit") if day else None


def _h_past_cue(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    return None, "past_ref"


def _h_year(m: re.Match, L: _Lang, ref: _Ref) -> Handled:
    return (None, "past_ref") if int(m["y"]) < ref.day.year else None


_HANDLERS: dict[str, Callable[[re.Match, _Lang, _Ref], Handled]] = {
    "range_cross": _h_range, "range": _h_range, "range_md": _h_range, "range_cross_md": _h_range,
    "explicit": _h_explicit, "explicit_md": _h_explicit, "numeric": _h_numeric, "weekday_day": _h_weekday_day,
    "weekday": _h_weekday, "relative": _h_relative, "overnight": _h_overnight,
    "this_week": _h_this_week, "last_week": _h_last_week, "weekend": _h_weekend,
    "month": _h_month, "this_month": _h_this_month, "last_month": _h_last_month,
    "earlier_this_month": _h_earlier_this_month, "ago": _h_ago, "past_cue": _h_past_cue, "year": _h_year,
    "same_day": lambda m, L, ref: (None, "same_day"), "next_day": lambda m, L, ref: (None, "next_day"),
    "days_later": lambda m, L, ref: (None, "days_later"), "days_before": lambda m, L, ref: (None, "days_before"),
    "day_current": _h_day_current,
    "meanwhile": lambda m, L, ref: (None, "meanwhile"),
}


# ---------------------------------------------------------------- incident date and past references

def resolve_date(doc: Document, sent_indices: list[int], trigger: Evidence | None = None) -> Slot[DateValue]:
    """The incident's date: the expression nearest the trigger in its sentence, else the first one in the
    other given sentences (those after the trigger first), else the reference date."""
    order = list(sent_indices)
    if trigger is not None and trigger.sentence >= 0:
        first = trigger.sentence
        rest = [i for i in order if i > first] + [i for i in order if i < first]
        order = [first] + rest
    for i in order:
        hits = _restated([h for h in find_dates(doc, i) if h.value is not None], doc.text)
        if not hits:
            continue
        told = [h for h in hits if not _reporting_day(doc, h)]
        told = [h for h in told if not _since_before(doc, h)] or told   # "missing since last month": a state's start
        if trigger is not None and i == trigger.sentence:
            hit, reason = min(told or hits, key=lambda h: _distance(h, trigger)), "date expression nearest the trigger"
        else:
            hit, reason = (told or hits)[0], f"date expression in sentence {i}"
        value = hit.value
        if not told:
            reason = f"{REPORTING_DAY}: {reason}"
        evidence = Evidence(doc.id, i, hit.start, hit.end, doc.text[hit.start:hit.end])
        return Slot(value, [evidence], reason)
    day, precision = reference_date(doc)
    return Slot(DateValue(day, precision), [], PUBLICATION)


REPORTING_DAY = "the day it was reported"
ARTICLE_DATE = "the article's first date (the incident's own sentences tell none)"


def undated_incident(doc: Document, skip: dict[int, tuple[str, ...]] | None = None) -> Slot[DateValue] | None:
    """The date of an incident whose sentences tell none ("Meanwhile, gunmen raided ...", "The army said the
    explosives were detonated in a truck"): the first date the article tells of its news (not a day it was
    reported, not one after "since", not one clearly in the past, not one of the sentences in ``skip``, which
    tell only earlier incidents, unless the expression itself is why: "a drone strike last week"); None when it
    tells none."""
    ref = _reference(doc)
    skip = skip or {}
    for i in range(len(doc.sentences)):
        for h in find_dates(doc, i):
            if i in skip and not any(doc.text[h.start:h.end] in why for why in skip[i]):
                continue   # "Un précédent massacre le 5 octobre avait fait 13 morts": an earlier incident's day
            if h.value is None or h.kind == "past_ref" or _reporting_day(doc, h) or _long_ago(h.value, ref):
                continue
            if _lang_since(doc, h):
                continue
            # no evidence: the incident itself tells no day (it stays "vague" for the assembly)
            return Slot(h.value, [], f"{ARTICLE_DATE}: '{doc.text[h.start:h.end]}' in sentence {i}")
    if ref.precision == 1 and not doc.dateline_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.published or "") \
            and ref.day == date.fromisoformat(doc.published):
        return Slot(DateValue(ref.day, 2), [], UNTOLD_DAY)
    return None


UNTOLD_DAY = "publication day at week precision (the article tells no day)"


def _lang_since(doc: Document, hit: DateHit) -> bool:
    """Whether a "since" word opens the expression or stands right before it ("depuis vendredi soir")."""
    before = doc.text[max(0, hit.start - 20):hit.end]
    return any(re.search(rf"(?<!\w)(?:{_lang(lang).res['since']})\s+(?:(?:le|the)\s+)?\S*", before, re.I)
               for lang in _langs(doc))


def _since_before(doc: Document, hit: DateHit) -> bool:
    """A "since" word right before the expression ("missing since last month", "disparu depuis le mois dernier"):
    it tells when a state began, not when the incident happened ("since the start of the war" opens the
    expression itself and is no such case)."""
    before = doc.text[max(0, hit.start - 20):hit.start]
    return any(re.search(rf"(?<!\w)(?:{_lang(lang).res['since']})\s+$", before, re.I) for lang in _langs(doc))


def _reporting_day(doc: Document, hit: DateHit) -> bool:
    """The day names when the news was told ("officials said on Sunday", "a annoncé mardi"), not the incident's."""
    before = doc.text[max(0, hit.start - 40):hit.start]
    before = re.split(r"[.!?»”\"]\s|\n", before)[-1]   # ("..., a local official said.\n\nOn Saturday, ...": another sentence)
    return hit.kind == "weekday" and any(_lang(lang).reporting.search(before) for lang in _langs(doc))


RESTATED_GAP = 4  # "Monday night (August 24)", "mardi soir, le 9 août": the second expression restates the first


def _restated(hits: list[DateHit], text: str) -> list[DateHit]:
    """A vague expression restated right after by a more precise one ("on Monday night (August 24)") gives way
    to it."""
    return [a for a, b in zip(hits, [*hits[1:], None])
            if b is None or not (len(text[a.end:b.start]) <= RESTATED_GAP
                                 and not any(ch.isalnum() for ch in text[a.end:b.start])
                                 and b.value.precision < a.value.precision)]


def _distance(hit: DateHit, trigger: Evidence) -> int:
    return max(hit.start - trigger.end, trigger.start - hit.end, 0)


def past_reference(doc: Document, sent_idx: int, trigger: Evidence | None = None,
                   dated: bool = True, in_clause=None) -> str | None:
    """Why the sentence (or, given a trigger, the expression nearest it) places the incident clearly before
    the news, else None. ``dated=False`` ignores explicit dates and keeps only past cues ("le mois dernier"):
    an article's lead may report a dated incident late, and is news all the same. ``in_clause(start, end)``
    tells whether an expression belongs to the trigger's clause: a past cue of another clause ("trees planted
    100 years ago") gives way to the day the sentence names ("On 16 March, settlers cut ...")."""
    hits = find_dates(doc, sent_idx)
    if not hits:
        return None
    ref = _reference(doc)
    if trigger is not None and trigger.sentence == sent_idx:
        # an expression after "since" dates a state ("a woman missing since a week ago"), not the incident,
        # when the sentence tells another date
        pool = [h for h in hits if not _since_before(doc, h)] or hits
        near = min(pool, key=lambda h: _distance(h, trigger))
        if in_clause is not None and near.kind == "past_ref" and not in_clause(near.start, near.end):
            days = [h for h in pool if h.kind == "explicit" and h.value is not None and h.value.precision == 1]
            near = min(days, key=lambda h: _distance(h, trigger)) if days else near
        hits = [near]
    reasons = [_past_reason(doc, h, ref) if dated or h.kind == "past_ref" else None for h in hits]
    if any(r is None for r in reasons):
        return None
    return reasons[0]


def _past_reason(doc: Document, hit: DateHit, ref: _Ref) -> str | None:
    quoted = doc.text[hit.start:hit.end]
    if hit.kind == "past_ref":
        return f"past reference: '{quoted}'"
    if hit.value.precision < 3 and _long_ago(hit.value, ref):
        return f"date '{quoted}' is {(ref.start - hit.value.day).days} days before the reference date"
    return None
