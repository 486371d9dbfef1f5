"""Text from inputs made safe to print: no rich markup, no terminal escapes, no invisible control characters.

File names, ids and article text come from outside: '[/red]' in a file name must not be read as markup (rich
raises on it) and an ANSI escape in an id must not reach the terminal. Every such value goes through
:func:`safe` (markup escaped, control characters shown as \\x1b-style escapes) before it is printed with markup,
or through :func:`printable` when it is printed without markup.
"""
from __future__ import annotations

import unicodedata

from rich.markup import escape

_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(value: object, keep_newlines: bool = False) -> str:
    """The value as text with control and format characters written as escapes (\\x1b, \\u202e); line breaks
    kept when ``keep_newlines`` (article text), escaped otherwise (names, ids)."""
    text = str(value)
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c == " " or (keep_newlines and c in "\n\t"):
            out.append(c)
        elif unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") and (
                not keep_newlines or unicodedata.category(c) != "Cf" or c in _BIDI):
            out.append(c.encode("unicode_escape").decode("ascii"))
        else:
            out.append(c)
    return "".join(out)


def safe(value: object, keep_newlines: bool = False) -> str:
    """The value ready for a rich string with markup: printable, and '[' escaped so it is never a tag."""
    return escape(printable(value, keep_newlines))
