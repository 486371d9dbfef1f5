"""Read input paths (files, folders, stdin) into Documents, reporting bad input as ReadErrors."""
from __future__ import annotations

import os
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


def read_paths(paths: Iterable[str | os.PathLike[str]], stdin: TextIO | None = None
               ) -> Iterator[Document | ReadError]:
    """Documents from files, folders (recursive, sorted, hidden entries skipped) and '-' (stdin).

    Never raises on bad input: each problem is yielded as a ReadError and the batch goes on.
    """
    for p in paths:
        for item in _records(str(p), stdin):
            yield item if isinstance(item, ReadError) else to_document(item)


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files :func:`read_paths` will open for these paths (stdin counts as one)."""
    n = 0
    for p in map(str, paths):
        if p == STDIN:
            n += 1
        elif os.path.isdir(p):
            n += sum(1 for f in _walk(Path(p)) if isinstance(f, Path) and f.suffix.lower() in READERS)
        elif os.path.isfile(p) and Path(p).suffix.lower() in READERS:
            n += 1
    return n


def _records(p: str, stdin: TextIO | None) -> Parsed:
    """Records (or errors) from one command-line path."""
    if p == STDIN:
        yield from _read_stdin(stdin or sys.stdin)
    elif os.path.isdir(p):
        for f in _walk(Path(p)):
            yield from (_read_file(f) if isinstance(f, Path) else [f])
    elif os.path.lexists(p):
        yield from _read_file(Path(p))
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


def _read_file(path: Path) -> Parsed:
    """Records from one file, by its extension."""
    name, suffix = str(path), path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        yield ReadError(name, None, f"unsupported file type {suffix} (skipped)", ignored=True)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(name, None, f"cannot read file: {_reason(e)}")
        return
    text = _decoded(data, name)
    yield from [text] if isinstance(text, ReadError) else reader(text, name, path.stem)


def _read_stdin(stdin: TextIO) -> Parsed:
    """Standard input: JSON Lines when it starts with '{', else one article (sample or plain format)."""
    buffer = getattr(stdin, "buffer", None)
    data = buffer.read() if buffer is not None else stdin.read().encode("utf-8", errors="replace")
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
