"""Character-level text helpers shared by several stages, written as ``str.translate`` tables (one C-level pass
over a text instead of a Python step per character)."""
from __future__ import annotations

import unicodedata


class _DropCombining(dict):
    """``str.translate`` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        out = self[code] = None if unicodedata.combining(ch) else ch
        return out


_NO_COMBINING = _DropCombining()


def drop_combining(text: str) -> str:
    """``text`` without its combining marks: ``"".join(c for c in text if not unicodedata.combining(c))``."""
    return text.translate(_NO_COMBINING)
