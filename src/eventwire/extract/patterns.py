"""Regex building blocks shared by the lexicon-driven extractors."""
from __future__ import annotations

import functools
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


def _wordish(ch: str, edge: str) -> bool:
    """Whether ``ch`` is in the class ``[\\w<edge>]`` of a str pattern (\\w: a letter, digit or number, or '_')."""
    return ch.isalnum() or ch == "_" or ch in edge


def _found(text: str, literal: str, fits) -> bool:
    """Whether ``literal`` occurs in ``text`` at a position p for which ``fits(p, p + len(literal))`` holds, found by
    ``str.find`` instead of a pattern built and compiled for each literal (names differ from one article to the
    next, so those patterns kept missing re's cache)."""
    start = 0
    while (p := text.find(literal, start)) >= 0:
        if fits(p, p + len(literal)):
            return True
        start = p + 1
    return False


def has_word(text: str, literal: str, edge: str = "") -> bool:
    """Exactly ``re.search(rf"(?<![\\w{edge}]){re.escape(literal)}(?![\\w{edge}])", text) is not None``: the
    literal told as a word of its own (no word character, nor one of ``edge``, right before or after it)."""
    return _found(text, literal, lambda p, q: not (p and _wordish(text[p - 1], edge))
                  and not (q < len(text) and _wordish(text[q], edge)))


def has_bounded(text: str, literal: str) -> bool:
    """Exactly ``re.search(r"\\b" + re.escape(literal) + r"\\b", text) is not None`` (a word boundary before and
    after the literal, whatever its first and last characters are)."""
    def boundary(i: int) -> bool:
        return (i > 0 and _wordish(text[i - 1], "")) != (i < len(text) and _wordish(text[i], ""))

    return _found(text, literal, lambda p, q: boundary(p) and boundary(q))


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
    When all of them are :func:`word` patterns, the union tests the word boundary once per position, for all.
    The patterns whose matches start with a literal (:func:`_heads`) are tried together only where the
    lower-cased text starts one of those literals (:meth:`_union_starts`): a zero-width union of forty patterns
    otherwise tries each of them at every word; the others (a class or a repeat first) are scanned by their own
    union (:attr:`rest`)."""

    def __init__(self, patterns: Iterable[re.Pattern]) -> None:
        self.patterns = tuple(patterns)
        flags = {p.flags for p in self.patterns}
        self.union: re.Pattern | None = None
        self.heads: _Heads | None = None
        self.headed: re.Pattern | None = None   # the union of the patterns with literal starts (heads)
        self.rest: re.Pattern | None = None     # the union of the others, scanned at every position
        if len(flags) != 1 or any(_BACKREF.search(p.pattern) for p in self.patterns):
            return   # each one scans alone
        head = next((h for h, t in _HEADS if all(_word_bounded(p, h, t) for p in self.patterns)), None)
        flag = flags.pop()
        try:
            self.union = _union(self.patterns, head, flag)
        except re.error:   # the patterns cannot be joined (a group name used twice): each one scans alone
            self.union = None
            return
        heads = [_heads(p) for p in self.patterns]
        if not any(h is not None for h in heads):
            return
        self.heads = _Heads(frozenset().union(*(h.starts for h in heads if h is not None)))
        self.headed = _union([p for p, h in zip(self.patterns, heads) if h is not None], head, flag)
        rest = [p for p, h in zip(self.patterns, heads) if h is None]
        self.rest = _union(rest, head, flag) if rest else None

    def _union_starts(self, text: str, start: int, end: int, first: bool = False) -> list[int]:
        """The positions in [start, end] where the union matches (with ``first``: the first one only), as
        ``union.finditer(text, start, end)`` finds them. The patterns whose matches start with one of their
        literal starts (:func:`_heads`, lower-cased) are tried only where the lower-cased text starts one; the
        others (:attr:`rest`, a class or a repeat first) are scanned by their own union at every position, and
        the positions of both are merged; a text holding a character whose lower case is special is scanned by
        the whole union alone."""
        heads, union = self.heads, self.union
        low = text.lower() if heads is not None else ""
        if heads is None or len(low) != len(text) or _CASE_SPECIAL.search(text):
            if first:
                m = union.search(text, start, end)
                return [m.start()] if m else []
            return [m.start() for m in union.finditer(text, start, end)]
        rest: list[int] = []
        stop = end + 1   # headed starts from here on are not wanted (with ``first``: after the first other one)
        if self.rest is not None:
            if first:
                m = self.rest.search(text, start, end)
                rest = [m.start()] if m else []
                stop = m.start() if m else stop
            else:
                rest = [m.start() for m in self.rest.finditer(text, start, end)]
        out: list[int] = []
        match = self.headed.match
        for c in heads.finder.finditer(low, start, end):
            p = c.start()
            if p >= stop:
                break
            if match(text, p, end) is not None:
                out.append(p)
                if first:
                    break
        if first:
            return out or rest
        return sorted(set(out).union(rest)) if rest else out

    def found_in(self, text: str) -> bool:
        """Whether any of the patterns matches somewhere in ``text``."""
        if self.union is None:
            return any(p.search(text) for p in self.patterns)
        return bool(self._union_starts(text, 0, len(text), first=True))

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, re.Match]]:
        """[(k, match)] of ``patterns[k].finditer(text, start, end)`` for k = 0, 1, ... in turn."""
        end = len(text) if end is None else end
        if self.union is None:
            return [(k, m) for k, p in enumerate(self.patterns) for m in p.finditer(text, start, end)]
        starts = self._union_starts(text, start, end)
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


def _union(patterns: list[re.Pattern] | tuple[re.Pattern, ...], head: str | None, flags: int) -> re.Pattern:
    """One zero-width pattern matching where any of ``patterns`` does (their shared zero-width ``head``, when they
    have one, tested once per position)."""
    if head is not None:
        return re.compile(head + "(?=" + "|".join(p.pattern[len(head):] for p in patterns) + ")", flags)
    return re.compile("(?=" + "|".join(f"(?:{p.pattern})" for p in patterns) + ")", flags)


# ---------------------------------------------------------------- many literal alternatives, tried where they start

HEAD_CHARS = 3   # how many first characters of each alternative the prefilter reads

# characters that a case-insensitive pattern matches beyond what str.lower() tells (sre's case fixes: "ſ" is an
# "s", "ı" an "i", "K" a "k", Greek letter variants...), or whose lower case is longer than one character ("İ"): a
# text holding one is scanned by the pattern alone
_CASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a\u212b\u00b5\u00df\u0345\u0390-\u03ff\u1e9b\u1e9e\u1fbe"
                           "\u1fd3\u1fe3\ufb05\ufb06]")


class _Heads:
    """What a pattern's matches start with: the lower-cased literal prefix (up to HEAD_CHARS characters) of each
    of its alternatives, and one pattern finding where any of them starts in a lower-cased text."""

    def __init__(self, starts: frozenset[str]) -> None:
        self.starts = starts
        tree: dict = {}
        for s in starts:
            node = tree
            for c in s:
                node = node.setdefault(c, {})
            node[""] = {}

        def rx(node: dict) -> str:
            if "" in node:   # a shorter start: whatever follows it
                return ""
            alts = [re.escape(c) + rx(sub) for c, sub in sorted(node.items())]
            return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

        self.finder = re.compile("(?=" + rx(tree) + ")")


@functools.lru_cache(maxsize=256)
def _heads(pattern: re.Pattern) -> _Heads | None:
    """The starts of every match of ``pattern`` (:class:`_Heads`), read from its parse: zero-width assertions
    skipped ("(?<![a-z0-9])", "\\b"), groups, alternatives and optional parts followed; None when some alternative starts with
    no literal (a class, a repeat: any position may then match) or with a character lower() does not map alone."""
    import re._parser as sre_parse
    from re._constants import ASSERT, ASSERT_NOT, AT, BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

    def zero_width(seq) -> bool:
        """Whether every item of ``seq`` matches no character (assertions, and groups or alternatives of them)."""
        for op, av in seq:
            if op is SUBPATTERN:
                if not zero_width(av[-1]):
                    return False
            elif op is BRANCH:
                if not all(zero_width(one) for one in av[1]):
                    return False
            elif op not in (AT, ASSERT, ASSERT_NOT):
                return False
        return True

    def heads(seq) -> set[str] | None:
        prefix = ""
        items = list(seq)
        for k, (op, av) in enumerate(items):
            if op is LITERAL and len(prefix) < HEAD_CHARS:
                prefix += chr(av)
                continue
            if prefix:
                break
            if op in (AT, ASSERT, ASSERT_NOT):   # zero-width: the next item starts the match
                continue
            if op in (SUBPATTERN, BRANCH) and zero_width([(op, av)]):   # "(?:(?<!\w)|(?=[,;]))": zero-width too
                continue
            if op is SUBPATTERN:
                return heads(av[-1])
            if op in (MAX_REPEAT, MIN_REPEAT):   # "(?:lead)?name": the lead's starts, or what follows it
                first = heads(av[2])
                rest = heads(items[k + 1:]) if av[0] == 0 else set()
                return None if first is None or rest is None else first | rest
            if op is BRANCH:
                out: set[str] = set()
                for one in av[1]:
                    h = heads(one)
                    if h is None:
                        return None
                    out |= h
                return out
            return None
        return {prefix} if prefix else None

    try:
        found = heads(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a pattern this reading does not follow is scanned alone
        return None
    if not found or any(_CASE_SPECIAL.search(h) or len(h.lower()) != len(h) for h in found):
        return None
    return _Heads(frozenset(h.lower() for h in found))


def finditer(pattern: re.Pattern, text: str, pos: int = 0):
    """Exactly ``pattern.finditer(text, pos)`` (matches of at least one character), the pattern tried only where
    the lower-cased text starts one of its alternatives' first characters (:func:`_heads`) instead of at every
    position: a pattern of a thousand names costs up to a thousand tries at each word it is tried at."""
    heads = _heads(pattern)
    if heads is None or _CASE_SPECIAL.search(text):
        yield from pattern.finditer(text, pos)
        return
    low = text.lower()
    if len(low) != len(text):
        yield from pattern.finditer(text, pos)
        return
    cursor = pos
    for c in heads.finder.finditer(low, pos):
        p = c.start()
        if p < cursor:
            continue
        m = pattern.match(text, p)
        if m is not None:
            if m.end() == p:   # an empty match: the pattern's own stepping from here on
                yield from pattern.finditer(text, p)
                return
            yield m
            cursor = m.end()


def search(pattern: re.Pattern, text: str, pos: int = 0) -> re.Match | None:
    """Exactly ``pattern.search(text, pos)``, tried where :func:`finditer` tries it."""
    heads = _heads(pattern)
    if heads is None or _CASE_SPECIAL.search(text):
        return pattern.search(text, pos)
    low = text.lower()
    if len(low) != len(text):
        return pattern.search(text, pos)
    for c in heads.finder.finditer(low, pos):
        m = pattern.match(text, c.start())
        if m is not None:
            return m
    return None
