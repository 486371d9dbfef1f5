"""Regex building blocks shared by the lexicon-driven extractors."""
from __future__ import annotations

from typing import Iterable


def ap(fragment: str) -> str:
    """A fragment whose apostrophes also match the typographic one."""
    return fragment.replace("'", "['’]")


def alt(phrases: Iterable[str]) -> str:
    """Regex alternation of fragments, longest first (never matches when empty)."""
    items = sorted((p for p in phrases if p), key=len, reverse=True)
    return "(?:" + "|".join(ap(p) for p in items) + ")" if items else "(?!)"


def word(pattern: str) -> str:
    """Pattern bounded so that it neither starts nor ends inside a word."""
    return rf"(?<!\w)(?:{pattern})(?!\w)"
