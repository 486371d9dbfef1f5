"""Format readers: decoded file text → Records (or ReadErrors), one function per input format."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .records import ReadError, Record, check_published

Parsed = Iterator[Record | ReadError]
FormatReader = Callable[[str, str, str], Parsed]

# The sample format's header: " date 2024-01" (or "date 2024-01-04"), the article may follow on that line.
_HEADER = re.compile(r"[ \t]*date[ \t]*:?[ \t]+(?P<date>\d{4}[\w./:+\-]*)[ \t]*", re.IGNORECASE)
_CSV_DELIMITERS = ",;\t"
_CSV_FIELD_LIMIT = 1 << 24


def read_sample(text: str, path: str, stem: str) -> Parsed:
    """A text file: the sample format (' date YYYY-MM' header, then the article) or plain text."""
    m = _HEADER.match(text)
    published = ""
    if m:
        try:
            published = check_published(m["date"])
        except ValueError as e:
            yield ReadError(path, 1, f"header: {e}")
            return
        text = text[m.end():]
    yield Record(id=stem, text=text, path=path, published=published)


def read_jsonl(text: str, path: str, stem: str) -> Parsed:
    """JSON Lines: one object per line with id, date, text and optional title, url, source."""
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(path, n, f"not valid JSON: {e.msg} (column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield ReadError(path, n, f"not a JSON object (got {type(obj).__name__})")
            continue
        yield _from_fields(obj, path, n, stem)


def read_csv(text: str, path: str, stem: str) -> Parsed:
    """CSV with a header row (id, date, text, title, url, source); ',' ';' or tab separated."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    first_line = text.split("\n", 1)[0]
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=max(_CSV_DELIMITERS, key=first_line.count))
    try:
        header = [h.strip().lower() for h in next(rows, [])]
        if "text" not in header:
            yield ReadError(path, 1, "no 'text' column in the CSV header")
            return
        start = rows.line_num + 1
        for row in rows:
            line, start = start, rows.line_num + 1
            if any(cell.strip() for cell in row):
                yield _from_fields(dict(zip(header, row)), path, line, stem)
    except csv.Error as e:
        yield ReadError(path, rows.line_num, f"not valid CSV: {e}")


def read_html(text: str, path: str, stem: str) -> Parsed:
    """An HTML page: the main article text and its metadata, extracted by trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, include_comments=False, include_tables=False,
                                          favor_precision=True, with_metadata=True)
    except Exception as e:  # a third-party parser on arbitrary input: report it, never crash the batch
        yield ReadError(path, None, f"could not parse the HTML page: {e}")
        return
    paragraphs = [p for p in (doc.text or "").split("\n") if p.strip()] if doc else []
    if not paragraphs:
        yield ReadError(path, None, "no article text found in the HTML page")
        return
    title = (doc.title or "").strip()
    if title and paragraphs[0].strip() == title:  # the headline repeated at the top of the body
        paragraphs = paragraphs[1:] or paragraphs
    try:
        published = check_published(doc.date) if doc.date else ""
    except ValueError:
        published = ""
    yield Record(id=stem, text="\n\n".join(paragraphs), path=path, published=published, title=title,
                 url=doc.url or "", source=doc.sitename or "", agency_wins=True)


def _from_fields(obj: Mapping[str, Any], path: str, line: int, stem: str) -> Record | ReadError:
    """A Record from a JSON object or CSV row, or the reason it cannot be one."""
    text = obj.get("text")
    if text is None:
        return ReadError(path, line, "no 'text' field")
    if not isinstance(text, str):
        return ReadError(path, line, f"'text' is not a string (got {type(text).__name__})")
    if not text.strip():
        return ReadError(path, line, "'text' is empty")
    published = obj.get("date") or obj.get("published") or ""
    if not isinstance(published, str):
        return ReadError(path, line, f"bad date {published!r} (expected a 'YYYY-MM' or 'YYYY-MM-DD' string)")
    try:
        published = check_published(published) if published.strip() else ""
    except ValueError as e:
        return ReadError(path, line, str(e))
    rid = _field(obj, "id")
    return Record(id=rid or f"{stem}-{line}", text=text, path=path, line=line, published=published,
                  title=_field(obj, "title"), url=_field(obj, "url"), source=_field(obj, "source"))


def _field(obj: Mapping[str, Any], name: str) -> str:
    """An optional field as a stripped string ('' when absent or null)."""
    value = obj.get(name)
    return "" if value is None else str(value).strip()
