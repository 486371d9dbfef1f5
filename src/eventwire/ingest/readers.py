"""Read input paths (files, folders, stdin) into Documents, reporting bad input as ReadErrors.

Only regular files are read from folders (a FIFO, socket or device there is reported, never opened: opening a
FIFO waits forever); a path named on the command line may be anything readable (`<(cmd)`, /dev/stdin). Every
read stops at a size limit (EVENTWIRE_MAX_FILE_MB, default 100 MB), so a link to /dev/zero is reported instead of
filling memory.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..model import Document
from .decode import NotText, decode_bytes
from .formats import FormatReader, Parsed, read_csv, read_html, read_jsonl, read_sample
from .records import ReadError, to_document

READERS: dict[str, FormatReader] = {
    "": read_sample, ".txt": read_sample, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".csv": read_csv, ".html": read_html, ".htm": read_html,
}
STDIN = "-"
_STDIN_NAME = "<stdin>"
DEFAULT_MAX_FILE_MB = 100
_CHUNK = 1 << 20


def max_file_bytes() -> int:
    """The most bytes read from one input (EVENTWIRE_MAX_FILE_MB megabytes)."""
    try:
        mb = float(os.environ.get("EVENTWIRE_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))
    except ValueError:
        mb = DEFAULT_MAX_FILE_MB
    return max(1, int(mb * 1024 * 1024))


def read_paths(paths: Iterable[str | os.PathLike[str]], stdin: TextIO | None = None
               ) -> Iterator[Document | ReadError]:
    """Documents from files, folders (recursive, sorted, hidden entries skipped) and '-' (stdin).

    Never raises on bad input: each problem is yielded as a ReadError and the batch goes on.
    """
    for p in paths:
        for item in _guarded(str(p), _records(str(p), stdin)):
            if isinstance(item, ReadError):
                yield item
                continue
            for line, note in item.warnings:
                yield ReadError(item.path, line, note, warning=True)
            try:
                yield to_document(item)
            except Exception as e:  # never let one record stop the batch
                yield ReadError(item.path, item.line, f"could not read this record: {type(e).__name__}: {e}")


def _guarded(where: str, items: Parsed) -> Parsed:
    """The items of a reader; an unexpected failure inside it becomes a ReadError and reading goes on with the
    next input (what was read before the failure is kept)."""
    last = where
    try:
        for item in items:
            last = item.path
            yield item
    except Exception as e:
        yield ReadError(last, None, f"could not read the rest of this input: {type(e).__name__}: {e}")


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files :func:`read_paths` will open for these paths (stdin counts as one)."""
    n = 0
    for p in map(str, paths):
        if p == STDIN:
            n += 1
        elif os.path.isdir(p):
            n += sum(1 for f in _walk(Path(p)) if isinstance(f, Path) and f.suffix.lower() in READERS)
        elif os.path.lexists(p) and Path(p).suffix.lower() in READERS:
            n += 1
    return n


def _records(p: str, stdin: TextIO | None) -> Parsed:
    """Records (or errors) from one command-line path."""
    if p == STDIN:
        yield from _read_stdin(stdin or sys.stdin)
    elif os.path.isdir(p):
        for f in _walk(Path(p)):
            yield from (_read_file(f, named=False) if isinstance(f, Path) else [f])
    elif os.path.lexists(p):
        yield from _read_file(Path(p), named=True)
    else:
        yield ReadError(p, None, "no such file or directory")


def _walk(root: Path) -> Iterator[Path | ReadError]:
    """Every non-hidden file under a folder, sorted; unreadable sub-folders as ReadErrors."""
    problems: list[OSError] = []
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root, onerror=problems.append):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    for e in problems:
        yield ReadError(str(e.filename or root), None, f"cannot read folder: {_reason(e)}")
    yield from sorted(found)


def _read_file(path: Path, named: bool) -> Parsed:
    """Records from one file, by its extension. ``named``: given on the command line (then a pipe or device is
    read too; in a folder only regular files are)."""
    name, suffix = str(path), path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        yield ReadError(name, None, f"unsupported file type {suffix} (skipped)", ignored=True)
        return
    limit = max_file_bytes()
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) and not named:
            yield ReadError(name, None, f"not a regular file ({_kind(st.st_mode)}): skipped, not opened")
            return
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            yield ReadError(name, None, _too_big(st.st_size, limit))
            return
        with open(path, "rb") as fh:
            data = _read_capped(fh, limit)
    except OSError as e:
        yield ReadError(name, None, f"cannot read file: {_reason(e)}")
        return
    if data is None:
        yield ReadError(name, None, _too_big(None, limit))
        return
    text = _decoded(data, name)
    yield from [text] if isinstance(text, ReadError) else reader(text, name, path.stem)


def _read_capped(fh, limit: int) -> bytes | None:
    """At most ``limit`` bytes of a binary stream; None when it holds more."""
    chunks, size = [], 0
    while True:
        chunk = fh.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def _too_big(size: int | None, limit: int) -> str:
    mb = limit / (1024 * 1024)
    what = f"{size / (1024 * 1024):,.1f} MB" if size is not None else "more than that"
    return f"too large: {what}, over the {mb:g} MB limit per input (EVENTWIRE_MAX_FILE_MB); skipped"


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return kind
    return "special file"


def _read_stdin(stdin: TextIO) -> Parsed:
    """Standard input: JSON Lines when it starts with '{', else one article (sample or plain format)."""
    limit = max_file_bytes()
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        data = _read_capped(buffer, limit)
    else:
        raw = stdin.read(limit + 1)
        data = None if len(raw) > limit else raw.encode("utf-8", errors="replace")
    if data is None:
        yield ReadError(_STDIN_NAME, None, _too_big(None, limit))
        return
    text = _decoded(data, _STDIN_NAME)
    if isinstance(text, ReadError):
        yield text
        return
    reader = read_jsonl if text.lstrip().startswith("{") else read_sample
    yield from reader(text, _STDIN_NAME, "stdin")


def _decoded(data: bytes, name: str) -> str | ReadError:
    """A file's text, or why it has none (binary, empty)."""
    try:
        text = decode_bytes(data)
    except NotText as e:
        return ReadError(name, None, str(e))
    if not text.strip():
        return ReadError(name, None, "empty file" if not data else "empty file (only whitespace)")
    return text


def _reason(e: OSError) -> str:
    """An OS error's reason in lower case ('permission denied')."""
    return (e.strerror or str(e)).lower()
