"""Near-duplicate documents: the same wire story republished (lead cut, other headline, clutter
around it, another dateline) is recognised by MinHash + LSH over word shingles of the normalised
text, then confirmed by exact Jaccard resemblance and containment of the shingle sets.

Resemblance is about text only: articles that share long boilerplate (an agency footer, a repeated background
paragraph) resemble each other while telling different incidents. The store links a copy to its original only
when their incidents agree too (``store.merging.link_duplicate``, ``merge.copy_conflict``); :func:`told_in`
says whether a sentence of one text is found in another.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ._unicode import drop_combining

SHINGLE_WORDS = 4
NUM_PERM = 128
SCHEME = "affine32"     # hash values < 2**32: stored as uint32
SEED = 1
# LSH bands x rows: a pair is a candidate with probability 1-(1-J**3)**42:
# 0.68 at Jaccard 0.3, 0.93 at 0.4, 0.995 at 0.5; 0.005 at 0.05 (unrelated stories).
LSH_BANDS_ROWS = (42, 3)
MIN_ESTIMATE = 0.2      # candidates whose estimated Jaccard is lower are not confirmed
MIN_CONTAINMENT = 0.5   # share of the shorter text's shingles found in the other
MIN_JACCARD = 0.35      # and enough overlap overall (a short brief inside a long round-up is not a copy)
MIN_SHINGLES = 20       # shorter texts are never called duplicates
MIN_SENTENCE_SHARED = 0.75 # share of a sentence's shingles found in another text for it to be told there too
_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> list[str]:
    """Lower-case words with accents and punctuation removed."""
    s = unicodedata.normalize("NFKD", text)
    s = drop_combining(s).casefold()
    return _WORD.findall(s)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Word k-shingles of the normalised text."""
    words = normalise(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(sh: set[str]) -> LeanMinHash:
    """MinHash signature of a shingle set."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    m.update_batch([s.encode() for s in sh])
    return LeanMinHash(m)


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The permutations of every signature, drawn from SEED as MinHash draws them, once per process (a MinHash that
    draws its own spends ~0.3 ms on it, more than hashing a short article's shingles); MinHash only reads them."""
    perms = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    perms.setflags(write=False)
    return perms


def signature_bytes(m: LeanMinHash) -> bytes:
    """Compact storable form (4 bytes per permutation)."""
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def signature_from_bytes(b: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(b, dtype=np.uint32), scheme=SCHEME)


@dataclass(frozen=True)
class Resemblance:
    jaccard: float
    containment: float

    @property
    def duplicate(self) -> bool:
        return self.containment >= MIN_CONTAINMENT and self.jaccard >= MIN_JACCARD


def resemblance(a: set[str], b: set[str]) -> Resemblance:
    """Exact Jaccard and containment (of the smaller set) of two shingle sets."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return Resemblance(0.0, 0.0)
    inter = len(a & b)
    return Resemblance(inter / len(a | b), inter / min(len(a), len(b)))


def told_in(sentence: str, other: set[str]) -> bool:
    """Is a sentence (give or take a dateline or a few edited words) found in a text with shingles ``other``?"""
    sh = shingles(sentence)
    return bool(sh) and len(sh & other) >= MIN_SENTENCE_SHARED * len(sh)


def near_duplicates(text_a: str, text_b: str) -> bool:
    """Are two texts the same story?"""
    return resemblance(shingles(text_a), shingles(text_b)).duplicate


class DuplicateIndex:
    """An LSH index of document signatures; :meth:`candidates` returns ids to confirm."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS_ROWS)
        self._keys: set[str] = set()

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def add(self, key: str, sig: LeanMinHash) -> None:
        if key not in self._keys:
            self._lsh.insert(key, sig)
            self._keys.add(key)

    def candidates(self, sig: LeanMinHash) -> list[str]:
        """Ids whose signature shares an LSH band with sig (sorted)."""
        return sorted(self._lsh.query(sig))
