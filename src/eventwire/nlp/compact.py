"""Read-only lookup tables in compact arrays, for the large tables of the spaCy models' lemmatizers.

fr_core_news_md's rule lemmatizer loads a lookup table of 216,849 forms (one Python int key and a one-word list
for each: ~70 MiB in every process) and an exception table of 165,000 forms by part of speech (str keys and
lists: ~43 MiB). The lemmatizer only reads them (``get``, ``in``, ``[]``), so they are kept here as a sorted
array of 64-bit key hashes, one index per key into the distinct values, and (for string keys) the keys
themselves joined in one string, each hit checked against its key: the same answers in ~10 % of the memory.
"""
from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from itertools import accumulate
from collections.abc import Iterable, Mapping
from typing import Any

from spacy.strings import get_string_id

_MISSING = object()
_LOW = 48   # bits of a key hash below the 16 that pick its bucket


class CompactTable:
    """A read-only mapping in arrays with the lookups of ``spacy.lookups.Table`` (``hashed``: keys are string ids,
    a string key is hashed as the Table hashes it) or of a plain dict of string keys (``hashed=False``). A value
    that is a list is stored as a tuple of interned strings and given back as a new list equal to it."""

    __slots__ = ("_hashes", "_starts", "_rows", "_values", "_keys", "_ends", "_hashed")

    def __init__(self, items: Iterable[tuple[Any, Any]], hashed: bool) -> None:
        self._hashed = hashed
        pairs = sorted(((get_string_id(k), k, v) for k, v in items), key=lambda p: p[0])
        hashes = [h for h, _, _ in pairs]
        if len(set(hashes)) != len(hashes):
            raise ValueError("two keys share a hash")
        distinct: dict[Any, int] = {}
        rows = [distinct.setdefault(_frozen(v), len(distinct)) for _, _, v in pairs]
        self._hashes = array("Q", hashes)
        # where each run of keys with the same top 16 bits starts: a bisection then reads a few keys, not ~18
        self._starts = array("l", (bisect_left(self._hashes, top << _LOW) for top in range(2 ** 16 + 1)))
        self._rows = array("l" if len(distinct) > 2**31 else "i", rows)
        self._values = tuple(distinct)
        if hashed:
            self._keys, self._ends = "", None
        else:
            self._keys = "".join(k for _, k, _ in pairs)
            self._ends = array("q", accumulate(len(k) for _, k, _ in pairs))

    @classmethod
    def of(cls, table: Mapping, hashed: bool) -> "CompactTable":
        return cls(table.items(), hashed)

    def _row(self, key: Any) -> int:
        """The row of ``key``, or -1."""
        if not self._hashed and not isinstance(key, str):
            return -1
        h = get_string_id(key)
        hashes = self._hashes
        top = h >> _LOW
        i = bisect_left(hashes, h, self._starts[top], self._starts[top + 1])
        if i == len(hashes) or hashes[i] != h:
            return -1
        if not self._hashed:
            if self._keys[self._ends[i - 1] if i else 0:self._ends[i]] != key:
                return -1
        return i

    def get(self, key: Any, default: Any = None) -> Any:
        i = self._row(key)
        return default if i < 0 else _thawed(self._values[self._rows[i]])

    def __getitem__(self, key: Any) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: Any) -> bool:
        return self._row(key) >= 0

    def __len__(self) -> int:
        return len(self._hashes)


class _Words(tuple):
    """A list value, stored as a tuple (given back as a list)."""
    __slots__ = ()


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return _Words(sys.intern(v) if isinstance(v, str) else v for v in value)
    return sys.intern(value) if isinstance(value, str) else value


def _thawed(value: Any) -> Any:
    return list(value) if isinstance(value, _Words) else value


def compact_lemma_tables(lemmatizer) -> None:
    """Replace the lemmatizer's lookup table and its exception tables (one per part of speech) by
    :class:`CompactTable` s. Tables of another shape are left as they are."""
    lookups = lemmatizer.lookups
    try:
        if lookups.has_table("lemma_lookup"):
            lookups._tables["lemma_lookup"] = CompactTable.of(lookups.get_table("lemma_lookup"), hashed=True)
        if lookups.has_table("lemma_exc"):
            table = lookups.get_table("lemma_exc")
            for pos, forms in list(table.items()):
                if isinstance(forms, dict) and len(forms) > 1000 and all(isinstance(k, str) for k in forms):
                    table[pos] = CompactTable.of(forms, hashed=False)
    except (TypeError, ValueError):   # a value that cannot be stored so (unhashable), two keys of one hash
        return
