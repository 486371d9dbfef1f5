"""Regex building blocks shared by the lexicon-driven extractors."""
from __future__ import annotations

import re
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


_BOUNDED, _CLOSED = "(?<!\\w)", ")(?!\\w)"   # how word() starts and ends
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


# zero-width heads (and their tails) that patterns built alike start with: word()'s, the mention cues' and the
# place cues' (geo.gazetteer: a relation cue before a name, "(?<![a-z0-9])(?:X)")
_HEADS = ((_BOUNDED, _CLOSED[1:]), ("(?:(?<!\\w)|(?=[,;]))", "(?:(?<=['\\s])|(?!\\w))"), ("(?<![a-z0-9])", ""))


def _word_bounded(p: re.Pattern, head: str = _BOUNDED, tail: str = _CLOSED[1:]) -> bool:
    """Whether ``p`` is ``head(?:X)tail`` (by default :func:`word`'s ``(?<!\\w)(?:X)(?!\\w)``), the bracket
    opened after the head closing just before the tail (so the head holds for all of it, whatever alternatives X
    has)."""
    text = p.pattern
    if p.flags & re.VERBOSE or not (text.startswith(head + "(?:") and text.endswith(")" + tail)):
        return False
    depth, i, in_class = 0, len(head), False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if text[i + 1:i + 2] == "^" else 0
            i += 1 if text[i + 1:i + 2] == "]" else 0   # "[]...]", "[^]...]": a literal bracket first
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i == len(text) - len(tail) - 1
        i += 1
    return False


class WordPatterns:
    """Many patterns (of one set of flags) searched in one text range together: one zero-width union pattern
    finds the positions where any of them matches (most sentences name none), and each pattern is tried at
    those positions only. :meth:`matches` gives exactly what calling each pattern's ``finditer`` in turn gives.
    When all of them are :func:`word` patterns, the union tests the word boundary once per position, for all."""

    def __init__(self, patterns: Iterable[re.Pattern]) -> None:
        self.patterns = tuple(patterns)
        flags = {p.flags for p in self.patterns}
        self.union: re.Pattern | None = None
        if len(flags) != 1 or any(_BACKREF.search(p.pattern) for p in self.patterns):
            return   # each one scans alone
        head = next((h for h, t in _HEADS if all(_word_bounded(p, h, t) for p in self.patterns)), None)
        if head is not None:   # a zero-width head shared by all: tested once per position
            union = head + "(?=" + "|".join(p.pattern[len(head):] for p in self.patterns) + ")"
        else:
            union = "(?=" + "|".join(f"(?:{p.pattern})" for p in self.patterns) + ")"
        try:
            self.union = re.compile(union, flags.pop())
        except re.error:   # the patterns cannot be joined (a group name used twice): each one scans alone
            self.union = None

    def found_in(self, text: str) -> bool:
        """Whether any of the patterns matches somewhere in ``text``."""
        if self.union is None:
            return any(p.search(text) for p in self.patterns)
        return self.union.search(text) is not None

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, re.Match]]:
        """[(k, match)] of ``patterns[k].finditer(text, start, end)`` for k = 0, 1, ... in turn."""
        end = len(text) if end is None else end
        if self.union is None:
            return [(k, m) for k, p in enumerate(self.patterns) for m in p.finditer(text, start, end)]
        starts = [m.start() for m in self.union.finditer(text, start, end)]
        if not starts:
            return []
        out: list[tuple[int, re.Match]] = []
        for k, pat in enumerate(self.patterns):
            cursor = start
            for p in starts:
                if p < cursor:
                    continue
                m = pat.match(text, p, end)
                if m is None:
                    continue
                if m.end() == m.start():   # an empty match: finditer's own stepping from here on
                    out.extend((k, m) for m in pat.finditer(text, p, end))
                    break
                out.append((k, m))
                cursor = m.end()
        return out
