"""Clean article text: web clutter lines out (patterns in data/clutter.yaml), whitespace normalised."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from ._data import load_data

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\t": " ",
                         "\u200b": None, "\ufeff": None, "\u00ad": None,
                         "\u2028": "\n", "\u2029": "\n\n", "\r": "\n", "\v": "\n", "\f": "\n"})
# Terminal escape sequences (colours, cursor moves, titles) and other control characters are never article text.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_INNER_SPACES = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_DECORATION = " >»►▶→•·*|[]()–—-_"


@lru_cache(maxsize=1)
def _clutter() -> tuple[re.Pattern[str], int]:
    """One compiled alternation of every clutter pattern, and the longest line that can be clutter."""
    res = load_data("clutter.yaml")
    patterns = [p for groups in res["patterns"].values() for pats in groups.values() for p in pats]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE), int(res["max_line_chars"])


@lru_cache(maxsize=1)
def _list_header() -> re.Pattern[str]:
    """The bare headers over a list of other stories' titles (data/clutter.yaml list_headers)."""
    res = load_data("clutter.yaml")
    return re.compile("|".join(f"(?:{p})" for p in res.get("list_headers") or ["(?!)"]), re.IGNORECASE)


# A story title under a list header: no full stop, question or exclamation mark (or closing quote) at its end.
_TITLE_END = ".!?\"”»…"


def _title_line(line: str) -> bool:
    core = line.strip().strip(_LINE_DECORATION)
    return bool(core) and len(core) <= _clutter()[1] and core[-1] not in _TITLE_END


def is_clutter(line: str) -> bool:
    """True when a whole line is web clutter (advert label, 'Lire aussi', photo credit, share buttons...)."""
    pattern, max_chars = _clutter()
    core = line.strip().strip(_LINE_DECORATION)
    return bool(line.strip()) and len(core) <= max_chars and pattern.fullmatch(core) is not None


def clean_text(raw: str) -> str:
    """The article text without clutter lines, spaces normalised, paragraphs separated by one blank line."""
    text = _CONTROLS.sub("", _ESCAPES.sub("", raw.replace("\r\n", "\n"))).translate(_SPACES)
    lines = [_INNER_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    kept = "\n".join("" if drop else line for line, drop in zip(lines, _clutter_lines(lines)))
    return _BLANK_RUNS.sub("\n\n", kept).strip()


@lru_cache(maxsize=1)
def _comments() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Readers' comment author lines and comment-section headers (data/clutter.yaml)."""
    res = load_data("clutter.yaml")
    return tuple(re.compile("|".join(f"(?:{p})" for p in res.get(key) or ["(?!)"]), re.IGNORECASE)
                 for key in ("comment_authors", "comment_headers"))


COMMENT_LOOKAHEAD = 4  # non-blank lines after a comment-section header in which an author line must appear
COMMENT_MIN_START = 5  # without a header, comments start no earlier than this non-blank line (bylines come first)


def _comment_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to readers' comments: everything from a comment-section header on when
    an author line follows it closely, or from the first of several author lines on when the article's first
    lines come before it."""
    authors, headers = _comments()
    max_chars = _clutter()[1]
    cores = [line.strip().strip(_LINE_DECORATION) for line in lines]
    filled = [i for i, c in enumerate(cores) if c]
    is_author = {i: len(cores[i]) <= max_chars and authors.fullmatch(cores[i]) is not None for i in filled}
    start = None
    for k, i in enumerate(filled):
        if len(cores[i]) <= max_chars and headers.fullmatch(cores[i]) \
                and any(is_author[j] for j in filled[k + 1:k + 1 + COMMENT_LOOKAHEAD]):
            start = i
            break
    if start is None:
        by = [k for k, i in enumerate(filled) if is_author[i]]
        if len(by) >= 2 and by[0] >= COMMENT_MIN_START:
            start = filled[by[0]]
    return [start is not None and i >= start for i in range(len(lines))]


def _clutter_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is clutter: a clutter pattern's line, a story title listed under a bare
    "Read more" / "Related" / "Keep reading" header (up to the first line that is not such a title), or readers'
    comments."""
    comments = _comment_lines(lines)
    out: list[bool] = []
    under_header = False
    for line in lines:
        core = line.strip().strip(_LINE_DECORATION)
        if under_header and (not core or _title_line(line)):
            out.append(True)
            continue
        under_header = bool(core) and _list_header().fullmatch(core) is not None
        out.append(under_header or is_clutter(line))
    return [a or b for a, b in zip(out, comments)]


def content_hash(text: str) -> str:
    """sha256 hex of the text with whitespace collapsed and lower-cased (same content, same hash)."""
    return hashlib.sha256(" ".join(text.split()).lower().encode("utf-8")).hexdigest()
