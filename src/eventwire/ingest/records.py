"""Raw records read from an input, read errors, and the record → Document step."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Document
from .clean import clean_text, content_hash
from .dateline import detect_agency, normalise_agency, parse_dateline

_PUBLISHED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ][\d:.+\-Z]*)?)?")
_YEARS = range(1900, 2101)


@dataclass
class ReadError:
    """A problem with one input file (or one line of it); the rest of the batch goes on."""
    path: str
    line: int | None   # 1-based line for JSONL/CSV/header problems, else None
    message: str
    ignored: bool = False  # not a failure: a file eventwire does not read (e.g. a README in a folder)

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
    text = clean_text(rec.text)
    if not text:
        return ReadError(rec.path, rec.line, "no article text (empty once web clutter is removed)")
    dateline = parse_dateline(text, rec.published)
    agency = dateline.agency or detect_agency(rec.text)
    given = normalise_agency(rec.source) or rec.source.strip()
    source = (agency or given) if rec.agency_wins else (given or agency)
    return Document(id=rec.id, text=text, published=rec.published, title=" ".join(rec.title.split()),
                    url=rec.url.strip(), source=source,
                    path=f"{rec.path}:{rec.line}" if rec.line else rec.path,
                    dateline_place=dateline.place, dateline_date=dateline.day,
                    content_hash=content_hash(text))
