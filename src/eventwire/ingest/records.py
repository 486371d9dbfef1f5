"""Raw records read from an input, read errors, and the record → Document step."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Document
from .clean import clean_text, content_hash
from .dateline import detect_agency, normalise_agency, page_day, parse_dateline

_PUBLISHED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ][\d:.+\-Z]*)?)?")
_YEARS = range(1900, 2101)
MAX_ID_CHARS = 150          # documents.id holds 200; mention ids add ':m<n>'
DEFAULT_MAX_ARTICLE_CHARS = 5_000_000


def max_article_chars() -> int:
    """The longest article read (characters); EVENTWIRE_MAX_ARTICLE_CHARS changes it."""
    try:
        return max(1, int(os.environ.get("EVENTWIRE_MAX_ARTICLE_CHARS", DEFAULT_MAX_ARTICLE_CHARS)))
    except ValueError:
        return DEFAULT_MAX_ARTICLE_CHARS


@dataclass
class ReadError:
    """A problem with one input file (or one line of it); the rest of the batch goes on."""
    path: str
    line: int | None   # 1-based line for JSONL/CSV/header problems, else None
    message: str
    ignored: bool = False  # not a failure: a file eventwire does not read (e.g. a README in a folder)
    warning: bool = False  # not a failure: the record was read, but something in it was fixed or is doubtful

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass
class Record:
    """One article as a format reader found it, before cleaning."""
    id: str
    text: str
    path: str
    line: int | None = None
    published: str = ""
    title: str = ""
    url: str = ""
    source: str = ""
    agency_wins: bool = False  # True when `source` is only a site name: a detected agency replaces it
    warnings: list[tuple[int | None, str]] = field(default_factory=list)  # (line, doubt), reported before it


def future_warning(published: str, today: date | None = None) -> str:
    """A warning when a publication date ('YYYY-MM' or 'YYYY-MM-DD') lies in the future, else ''."""
    today = today or date.today()
    if len(published) == 7:
        late = (int(published[:4]), int(published[5:7])) > (today.year, today.month)
    else:
        late = bool(published) and date.fromisoformat(published) > today + timedelta(days=1)
    return f"publication date {published} is in the future (kept; check the input)" if late else ""


def clean_id(raw: str) -> tuple[str, str]:
    """A document id safe to store and print: control and format characters removed, spaces collapsed, at most
    MAX_ID_CHARS (a long id keeps its start and a hash of the whole). Returns (id, warning or '')."""
    text = "".join(" " if c.isspace() else c for c in raw if unicodedata.category(c) not in ("Cc", "Cf")
                   or c.isspace())
    text = " ".join(text.split())
    why = []
    if text != raw.strip():
        why.append("control characters or line breaks removed")
    if len(text) > MAX_ID_CHARS:
        digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        text = f"{text[:MAX_ID_CHARS - 11]}~{digest}"
        why.append(f"shortened to {MAX_ID_CHARS} characters")
    return text, (f"id {raw[:60]!r}: {', '.join(why)}; stored as {text[:80]!r}" if why else "")


def check_published(value: str) -> str:
    """The publication date as 'YYYY-MM' or 'YYYY-MM-DD'; ValueError naming the bad value otherwise."""
    m = _PUBLISHED.fullmatch(value.strip())
    try:
        if not m or int(m[1]) not in _YEARS:
            raise ValueError
        year, month = int(m[1]), int(m[2])
        if m[3]:
            return date(year, month, int(m[3])).isoformat()
        return date(year, month, 1).isoformat()[:7]
    except ValueError:
        raise ValueError(f"bad date {value!r} (expected YYYY-MM or YYYY-MM-DD with a real month and day)") \
            from None


def to_document(rec: Record) -> Document | ReadError:
    """Clean the record's text and read its dateline and agency into a Document."""
    limit = max_article_chars()
    if len(rec.text) > limit:
        return ReadError(rec.path, rec.line, f"article is {len(rec.text):,} characters, over the {limit:,} limit "
                                             "(EVENTWIRE_MAX_ARTICLE_CHARS); skipped")
    text = clean_text(rec.text)
    if not text:
        return ReadError(rec.path, rec.line, "no article text (empty once web clutter is removed)")
    # a month-only publication takes its day from the page's own publication line, which cleaning drops
    published = page_day(rec.text, rec.published) or rec.published
    dateline = parse_dateline(text, published)
    agency = dateline.agency or detect_agency(rec.text)
    given = normalise_agency(rec.source) or rec.source.strip()
    source = (agency or given) if rec.agency_wins else (given or agency)
    return Document(id=rec.id, text=text, published=published, title=" ".join(rec.title.split()),
                    url=rec.url.strip(), source=source,
                    path=f"{rec.path}:{rec.line}" if rec.line else rec.path,
                    dateline_place=dateline.place, dateline_date=dateline.day,
                    content_hash=content_hash(text))
