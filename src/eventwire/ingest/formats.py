"""Format readers: decoded file text → Records (or ReadErrors), one function per input format."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .records import ReadError, Record, check_published, clean_id, future_warning

Parsed = Iterator[Record | ReadError]
FormatReader = Callable[[str, str, str], Parsed]

# The sample format's header: " date 2024-01" (or "date 2024-01-04"), the article may follow on that line.
_HEADER = re.compile(r"[ \t]*date[ \t]*:?[ \t]+(?P<date>\d{4}[\w./:+\-]*)[ \t]*", re.IGNORECASE)
# Something meant as that header but with no date in it (" date abcd", "date: hier"): indented, or with a colon.
_HEADER_LIKE = re.compile(r"(?:[ \t]+date|date[ \t]*:)(?!\w)[ \t]*:?[ \t]*(?P<value>\S*)[ \t]*", re.IGNORECASE)
_CSV_DELIMITERS = ",;\t"
_CSV_FIELD_LIMIT = 1 << 24
_CSV_PROBE_LINES = 200   # how far a record that resumes reading after a broken one may reach


def read_sample(text: str, path: str, stem: str) -> Parsed:
    """A text file: the sample format (' date YYYY-MM' header, then the article) or plain text."""
    published, warnings = "", []
    if m := _HEADER.match(text):
        try:
            published = check_published(m["date"])
        except ValueError as e:
            yield ReadError(path, 1, f"header: {e}")
            return
        text = text[m.end():]
        if note := future_warning(published):
            warnings.append((1, note))
    elif m := _HEADER_LIKE.match(text):
        warnings.append((1, f"header {m.group(0).strip()!r} has no date (expected ' date YYYY-MM' or "
                            "' date YYYY-MM-DD'); read without a publication date"))
        text = text[m.end():]
    doc_id, note = clean_id(stem)
    if note:
        warnings.append((None, note))
    yield Record(id=doc_id or "document", text=text, path=path, published=published, warnings=warnings)


def read_jsonl(text: str, path: str, stem: str) -> Parsed:
    """JSON Lines: one object per line with id, date, text and optional title, url, source.

    A bad line (not JSON, nested too deeply, a NUL byte, not an object, a missing field) is reported with its
    line number; the other lines are read.
    """
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if "\x00" in line:
            yield ReadError(path, n, "contains a NUL byte (binary data), line skipped")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(path, n, f"not valid JSON: {e.msg} (column {e.colno})")
            continue
        except RecursionError:
            yield ReadError(path, n, "not readable JSON: nested too deeply")
            continue
        except ValueError as e:   # e.g. an integer with more digits than Python converts
            yield ReadError(path, n, f"not readable JSON: {e}")
            continue
        if not isinstance(obj, dict):
            yield ReadError(path, n, f"not a JSON object (got {type(obj).__name__})")
            continue
        yield _from_fields(obj, path, n, stem)


def read_csv(text: str, path: str, stem: str) -> Parsed:
    """CSV with a header row (id, date, text, title, url, source); ',' ';' or tab separated.

    A broken record (an unterminated or stray quote, a field over the size limit, the wrong number of fields)
    is reported with the line it starts on, and reading goes on at the next line that starts a well-formed
    record: a good record after a bad one is never lost, and a bad one never becomes a document.
    """
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    if "\n" not in text and "\r" in text:   # old Mac line ends
        text = text.replace("\r", "\n")
    lines = text.split("\n")
    lines = [x + "\n" for x in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    delimiter = max(_CSV_DELIMITERS, key=lines[0].count)
    try:
        header_row, pos = _one_record(lines, 0, delimiter, len(lines))
    except csv.Error as e:
        yield ReadError(path, 1, f"not valid CSV in the header row: {e}")
        return
    header = [h.strip().lower() for h in header_row or []]
    if "text" not in header:
        yield ReadError(path, 1, "no 'text' column in the CSV header")
        return
    if not any(x.strip() for x in lines[pos:]):
        yield ReadError(path, None, "no records after the CSV header")
        return
    while pos < len(lines):
        reader = csv.reader(_lines_from(lines, pos, len(lines)), delimiter=delimiter, strict=True)
        start = pos
        try:
            for row in reader:
                line = start + 1
                start = pos + reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                yield _csv_row(header, row, path, line, stem)
            break
        except csv.Error as e:
            resume = _resume_at(lines, start + 1, delimiter, header)
            skipped = f"line {start + 1}" if resume == start + 1 else f"lines {start + 1}-{resume}"
            yield ReadError(path, start + 1, f"not valid CSV: {e} ({skipped} skipped)")
            pos = resume


def _lines_from(lines: list[str], i: int, end: int) -> Iterator[str]:
    for k in range(i, min(end, len(lines))):
        yield lines[k]


def _one_record(lines: list[str], i: int, delimiter: str, max_lines: int) -> tuple[list[str] | None, int]:
    """The record starting at line index i and the index after it; csv.Error when it is broken or does not end
    within max_lines."""
    reader = csv.reader(_lines_from(lines, i, i + max_lines), delimiter=delimiter, strict=True)
    row = next(reader, None)
    return row, i + reader.line_num


def _resume_at(lines: list[str], i: int, delimiter: str, header: list[str]) -> int:
    """Index of the first line from i that starts a well-formed record (the header's number of fields, a date
    where the header has one), or len(lines)."""
    for k in range(i, len(lines)):
        try:
            row, _ = _one_record(lines, k, delimiter, _CSV_PROBE_LINES)
        except csv.Error:
            continue
        if row is not None and _csv_shape(header, row) is None and _plausible_date(header, row):
            return k
    return len(lines)


def _csv_shape(header: list[str], row: list[str]) -> str | None:
    """Why a row does not fit the header, or None (missing trailing optional cells and empty extra cells are
    fine)."""
    if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
        return f"{len(row)} fields where the header has {len(header)}"
    if len(row) <= header.index("text"):
        return f"{len(row)} fields where the header has {len(header)} (no text)"
    return None


def _plausible_date(header: list[str], row: list[str]) -> bool:
    if "date" not in header or header.index("date") >= len(row) or not row[header.index("date")].strip():
        return True
    try:
        check_published(row[header.index("date")])
        return True
    except ValueError:
        return False


def _csv_row(header: list[str], row: list[str], path: str, line: int, stem: str) -> Record | ReadError:
    if why := _csv_shape(header, row):
        return ReadError(path, line, f"not valid CSV: {why}")
    return _from_fields(dict(zip(header, row)), path, line, stem)


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
    doc_id, note = clean_id(stem)
    warnings = [(None, w) for w in (future_warning(published), note) if w]
    yield Record(id=doc_id or "document", text="\n\n".join(paragraphs), path=path, published=published,
                 title=title, url=doc.url or "", source=doc.sitename or "", agency_wins=True, warnings=warnings)


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
        return ReadError(path, line, f"bad date {_brief(published)} (expected a 'YYYY-MM' or 'YYYY-MM-DD' string)")
    try:
        published = check_published(published) if published.strip() else ""
    except ValueError as e:
        return ReadError(path, line, str(e))
    warnings = [future_warning(published)] if published else []
    raw_id = obj.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float, type(None))):
        warnings.append(f"'id' is not a string or number (got {type(raw_id).__name__}): id {stem}-{line} used")
        raw_id = None
    rid, note = clean_id(_text_of(raw_id))
    fallback, _ = clean_id(f"{stem}-{line}")
    return Record(id=rid or fallback, text=text, path=path, line=line, published=published,
                  title=_field(obj, "title"), url=_field(obj, "url"), source=_field(obj, "source"),
                  warnings=[(line, w) for w in (*warnings, note) if w])


def _text_of(value: Any) -> str:
    """A scalar field as text: 12 -> '12', 1.5 -> '1.5', None -> ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _brief(value: Any) -> str:
    """A value quoted briefly for a message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _field(obj: Mapping[str, Any], name: str) -> str:
    """An optional field as a stripped string ('' when absent or null)."""
    value = obj.get(name)
    return "" if value is None else str(value).strip()
