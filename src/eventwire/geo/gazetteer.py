"""Toponym spotting and resolution in context over the offline name index."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz
from .._unicode import to_ascii

from ..extract.patterns import WordPatterns
from ..model import Place
from . import resources
from .distance import haversine
from .geonames_import import FCODE_PRIOR, ImportedStore
from .index import Index, Rec, display, load_index, rec_prior, strip_generic
from .normalize import _SAINTS, fold, name_key, skeleton

_CELL = 0.2   # degrees: grid cell of the nearest-town search
# the cells at each ring around a cell, out to 60 km at 60 degrees of latitude
_RINGS = [[(dy, dx) for dy in range(-n, n + 1) for dx in range(-n, n + 1) if max(abs(dy), abs(dx)) == n]
          for n in range(7)]
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?|\d+", re.U)
_LETTERS = re.compile(r"[^\W\d_]+")
_ELISION = re.compile(r"^(?:d|l|qu|jusqu|lorsqu)['’](?=[A-ZÀ-ÖØ-Þ])", re.I)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ed|en|er|es|et|ez)-(?=[A-ZÀ-ÖØ-Þ])")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,5}|[A-Z][a-z]?[A-Z][A-Za-z]?)$")
_ADMIN = ("admin1", "admin2", "country")
_DEMONYM = re.compile(r"^[A-Z]\w{2,}(?:ian|ish|ese|ani|aqi|eni|ais|aise|ien|ienne)$")
_PLACE_KINDS_ORDER = {"facility": 3, "city": 3, "admin2": 2, "admin1": 1, "country": 0}
_MAX_CANDIDATES = 60
_SEAT_KM = 150.0   # farthest an imported village of unknown admin2 is read inside the admin2 whose seat is nearest
_SEAT_OF_AREA_KM, _SEAT_NAME_RATIO, _SEAT_CANDIDATES = 30.0, 80.0, 5   # a town as its area's seat: _seats_named_alike
_SEAT_BONUS = 2.0   # an imported place named like its admin2 ("Yinmabin" in Yinmabin district): that district's seat
_CENTRAL, _CENTRAL_KM = 4.5, 150.0   # homonyms inside a named area: nearer its seat, up to this many points
_PLACE_HINTS = ("city", "area1", "area2", "facility", "part")
NO_PLACE_FOR = "no place in the gazetteer for"   # reason prefix: a place was named that the gazetteer lacks
NOT_IN_GAZETTEER = "not in the gazetteer"   # in a reason: a name placed through another one (its area, a road's end)
LOCATED_BY_AREA = f"{NOT_IN_GAZETTEER}; located by its area"   # in a reason: a name placed at its enclosing area
LOOK_ALIKE_AREA = "an area spelt like"   # in a reason: that area was read from a look-alike name of no known country
_NEXT_WORD = re.compile(r"\W*([^\W_]+)")


@dataclass
class PlaceHit:
    """A toponym found in text, with its candidates (best first) and how the text relates to it."""
    start: int
    end: int
    surface: str
    candidates: list[Place]
    relation: str = ""          # in, near, part, distance, area, ""
    precision: int = 1          # ACLED geo_precision implied
    span_start: int = 0         # the whole expression incl. "dans l'est de" and qualifiers
    span_end: int = 0
    qualifiers: list[str] = field(default_factory=list)  # enclosing areas named with it ("Y" in "X, Y")
    reason: str = ""            # how the candidates were found (exact, variant spelling, enclosing area ...)
    ids: list[int] = field(default_factory=list, repr=False)  # index record ids of the candidates
    hint: str = field(default="", repr=False)
    areas: int = field(default=0, repr=False)   # how many of the qualifiers were found as enclosing areas


@dataclass
class GeoContext:
    """What the document says about where it is: countries (most salient first) and places already resolved."""
    countries: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dateline: Place | None = None


@dataclass
class GeoResult:
    """Outcome of resolving a phrase."""
    place: Place | None
    candidates: list[Place]
    reason: str
    ids: list[int] = field(default_factory=list, repr=False)   # index records of the candidates


@dataclass
class _Tok:
    start: int
    end: int
    text: str


_SEGMENTS_MEMO = 512   # texts whose segments a gazetteer keeps (cleared when full)


@dataclass
class _Seg:
    """A capitalised run (or part of one) and what the index says about it."""
    start: int
    end: int
    ids: list[int]
    hint: str = ""           # feature word hint next to it
    feat_end: int = 0        # end of a trailing feature word
    relation: str = ""
    precision: int = 1
    rel_start: int = 0
    link: str = ""           # how it follows the previous segment of a chain: strong, comma, alt


@lru_cache(maxsize=1)
def _upper_names() -> frozenset[str]:
    """The names and aliases of the data files' facilities and exonyms written in capitals ("ZNPP", "BIAP")."""
    out = set()
    for name, cols in (("facilities.csv", ("name", "aliases")), ("exonyms.csv", ("name", "target"))):
        for row in resources.read_csv(name):
            for col in cols:
                out.update(v for v in resources.split_list(row.get(col, "")) if v.isupper())
    return frozenset(out)


@lru_cache(maxsize=1)
def _cues() -> dict:
    c = resources.cues()
    before = [(re.compile(r"(?<![a-z0-9])(?:" + p + ")"), r[0], int(r[1]), r[2] if len(r) > 2 else "")
              for p, r in c["before_relations"].items()]
    return {
        "features": dict(c["feature_words"]),
        "before": before,
        "before_any": WordPatterns(rx for rx, *_ in before),   # one scan tells whether any of them is there
        "after": {k: (v[0], int(v[1])) for k, v in c["after_relations"].items()},
        "connectors": set(c["name_connectors"]),
        "stop": set(c["stop_names"]),
        "adjective_before": frozenset(c.get("adjective_before", [])),
        "descriptor_nouns": frozenset(c.get("descriptor_nouns", [])),
        "descriptor_determiners": frozenset(c.get("descriptor_determiners", [])),
        "organisation_heads": frozenset(c.get("organisation_heads", [])),
        # the transliteration habits of cues.yaml, then the rewrites transliteration.yaml gives for any language
        "variants": [*((re.compile(k), v) for k, v in (c.get("spelling_variants") or {}).items()), *translit_rules()],
        "heads": tuple(c.get("omitted_heads") or ()),
        "gap": frozenset(c["gap_words"]),
        "title_skip": frozenset(c["name_connectors"]) | frozenset(c["gap_words"]),   # left lower-case by _titled
        "link": frozenset(c["link_words"]),
        "name_link": re.compile(rf"\s+(?:{_alt(c['name_links'])})\s*"),
        "between_end": re.compile(rf"\s+(?:{_alt(c['pair_conjunctions'])})\s+((?:[A-ZÀ-Ý][\w'’-]*)"
                                  rf"(?:\s+(?:[A-ZÀ-Ý][\w'’-]*|{_alt(c['pair_name_words'])}))*)"),
        "glued_article": re.compile(rf"^(?:{_alt(c['glued_articles'])})([a-z]{{3,}})$"),
        "compass": frozenset(c["compass_words"]),
        "direction": re.compile(rf"\b(?:{_alt(c['directions'])})\b(?:\s+(?:{_alt(c['direction_links'])}))?\b"),
        "nest": frozenset(c["nest_words"]),
        "apposed_area": re.compile("|".join(f"(?:{p})" for p in c.get("area_appositions") or ()) or "(?!)"),
        "generic_parts": frozenset(c["generic_parts"]),
        "list_next": re.compile(rf"\s*(?:,|(?:{_alt(c['list_joiners'])})\b)\s*(?:(?:{_alt(c['list_articles'])})\s+)?"
                                r"[A-ZÀ-Ý]"),
        "clock": re.compile(rf"\s+(?:{_alt(c['clock_words'])})\b", re.I),
        "sea": re.compile(rf"\b(?:{_alt(c['water_heads'])})$"),
        "outlet": re.compile(rf"\b(?:{_alt(c['outlet_nouns'])})(?:\s+(?:{_alt(c['outlet_qualifiers'])}))*\s*$", re.I),
    }


def _alt(words: list[str]) -> str:
    """The alternation of a data file's words or regular expressions."""
    return "|".join(words)


def _variants(name: str) -> list[str]:
    """Other spellings of a name qualified by the areas named with it, by the transliteration habits of
    data/geo/cues.yaml (spelling_variants) and the rewrites data/geo/transliteration.yaml gives for any language,
    each alone.

    geo/locate.py: _rewrites applies the same rewrites of transliteration.yaml through ``spellings`` too; it differs
    on purpose in what it is given: it looks for a name missing from the gazetteer among the look-alikes of whole
    countries, so it takes the rewrites of the article's language as well and, as a last try, all of them at once,
    but not the habits of cues.yaml (Burmese 'ar' = a), which are tried only inside the areas named with the name,
    where a wrong look-alike is unlikely: given to _rewrites as well, they made one more event on the real French
    pages (session 11)."""
    return spellings(name, _cues()["variants"])


@lru_cache(maxsize=4)
def translit_rules(lang: str = "") -> tuple[tuple[re.Pattern, str], ...]:
    """The compiled rewrites of data/geo/transliteration.yaml for any language, then for ``lang`` (if given)."""
    rules = resources.transliteration().get("rewrites") or {}
    return tuple((re.compile(k), v) for part in ("any", lang) if part for k, v in (rules.get(part) or {}).items())


def spellings(name: str, rules, together: bool = False) -> list[str]:
    """Other spellings of a name (its lower-case ASCII key) by ``rules`` (compiled pattern, replacement), each rule
    alone in their order; with ``together``, then all of them applied in turn."""
    key = name_key(name)
    out: list[str] = []
    every = key
    for pattern, repl in rules:
        v = pattern.sub(repl, key)
        if v != key and v not in out:
            out.append(v)
        every = pattern.sub(repl, every)
    if together and every != key and every not in out:
        out.append(every)
    return out


def _sh(name: str) -> int:
    """How many 'sh' a name writes, its Arabic article ('ash Shaddadi') left out."""
    articles = _sh_articles()
    return sum(w.count("sh") for w in name_key(name).split() if w not in articles)


@lru_cache(maxsize=1)
def _sh_articles() -> frozenset[str]:
    """The Arabic article as English copy writes it before sh ("ash"; sh_articles in transliteration.yaml)."""
    return frozenset(resources.transliteration().get("sh_articles") or ())


class _Ends(frozenset):
    """The last words a facility's name may end with, and their lengths (``lengths``): see _facility_ends."""
    lengths: tuple[int, ...] = ()


def _facility_ends(gaz: "Gazetteer") -> "_Ends | bool":
    """The words a name's folded text may end with when its key is a facility's (see
    :meth:`Gazetteer._may_end_facility`), or True when a facility has an empty key (no filter then)."""
    ends: set[str] = set()
    for key, ids in gaz.index.by_key.items():
        if not any(gaz.recs[i].kind == "facility" for i in ids):
            continue
        words = key.split()
        if not words:
            return True
        last = words[-1]
        ends.add(last)
        if last[-1:] in ("a", "e"):
            ends.add(last + "h")   # "... Kabah": the key drops a final h after a or e
        ends.update(w for w, to in _SAINTS.items() if to == last)   # "... Mount": 'mt'
    out = _Ends(ends)
    out.lengths = tuple(sorted({len(w) for w in ends}))
    return out


@lru_cache(maxsize=50_000)
def _key_endings(word: str) -> frozenset[str] | None:
    """The last word of ``name_key(x + " " + word)``, whatever x is: that of ``word``'s last folded word keyed
    alone, or after another word (where 'Saint' variants are mapped); None when ``word`` folds to nothing (the
    last word is then x's). Folding reads character by character, and a key never drops its last word."""
    words = fold(word).split()
    if not words:
        return None
    return frozenset((name_key(words[-1]), name_key("x " + words[-1]).split()[-1]))


def _ctx(text: str) -> str:
    """Lower-case ASCII context text with punctuation and apostrophes as spaces (for cue regexes);
    the French preposition 'à' stays 'à' so that it is not the English article 'a'."""
    s = text.lower() if text.isascii() else to_ascii(_GRAVE_A.sub("\x01", text)).lower().replace("\x01", "à")
    return _NOT_CUE.sub(" ", s)


_GRAVE_A, _NOT_CUE = re.compile("[àÀ]"), re.compile(r"[^a-z0-9à]+")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine(a[0], a[1], b[0], b[1])


class Gazetteer:
    """Offline gazetteer: spot toponyms in text and resolve them in context."""

    def __init__(self, index: Index | None = None, imported: ImportedStore | None | bool = None) -> None:
        """``imported``: the store of GeoNames dumps imported by the user (``eventwire gazetteer import``); by default
        the one in the gazetteer folder if there is one, ``False`` for none. It is read lazily: its places become
        records (appended to ``recs``) the first time a name of theirs is looked up."""
        self.index = index or load_index()
        self.metas = resources.countries()
        self.extra: ImportedStore | None = ImportedStore.find() if imported is None else imported or None
        self.recs: list[Rec] = list(self.index.recs) if self.extra else self.index.recs
        self._gid_rec: dict[int, int] = {}     # GeoNames id of an imported place -> its record
        self._keys: dict[str, tuple[int, ...]] = {}   # merged postings already read from the store
        self._fields: dict[int, tuple] = {}    # Place fields of a record, computed once
        self._ranked: dict[tuple[str, str | None], list[int]] = {}   # resolve() of a plain name without context

    # ---------- names: built-in index + imported places ----------

    def ids(self, key: str) -> tuple[int, ...]:
        """Record ids of a name key, best known first: the built-in index, plus the imported places."""
        base = self.index.by_key.get(key, ())
        if self.extra is None:
            return base
        got = self._keys.get(key)
        if got is None:
            # a name the project's data files curate (facility, exonym, ACLED admin name) keeps its meaning
            curated = any(self.recs[i].curated for i in base)
            rows = [] if curated else self.extra.by_key(key)   # by_key asks the Bloom filter first
            got = self._merge(base, [self._materialise(r) for r in rows]) if rows else base
            if len(self._keys) > 200_000:
                self._keys.clear()
            self._keys[key] = got
        return got

    def known(self, key: str) -> bool:
        """Whether some record has this name key."""
        return bool(self.ids(key)) if self.extra is not None else key in self.index.by_key

    def _merge(self, base: tuple[int, ...], extra: list[int]) -> tuple[int, ...]:
        seen = set(base)
        new = [i for i in dict.fromkeys(extra) if i not in seen]
        if not new:
            return base
        return tuple(sorted([*base, *new], key=lambda i: -self._prior(i)))

    def _prior(self, i: int) -> float:
        r = self.recs[i]
        return rec_prior(r) + FCODE_PRIOR.get(r.fcode, 0.0)

    def _materialise(self, row: tuple) -> int:
        """The record id of an imported place row (gid, name, cc, fcode, a1, a2, lat, lon, pop): the cities500 town
        with that GeoNames id when there is one, else a new record in the admin areas its codes name."""
        gid = row[0]
        rid = self.index.gid_rec.get(gid)
        if rid is not None:
            return rid
        rid = self._gid_rec.get(gid)
        if rid is not None:
            return rid
        _, name, cc, fcode, a1c, a2c, lat, lon, pop = row
        same = self._same_town(cc, display(name), lat, lon)
        if same is not None:   # the town under another id ("Kam'ians'ke" beside cities500's Kamyanske)
            self._gid_rec[gid] = same
            return same
        area = self.index.codes.get(f"{cc}.{a1c}.{a2c}") if a2c else None
        if area is None:
            area = self.index.codes.get(f"{cc}.{a1c}")
        a1, a2 = (self.recs[area].a1, self.recs[area].a2) if area is not None else (-1, -1)
        if a2 < 0:   # most dumps leave admin2 empty: that of the nearest built-in town of the same admin1
            town = self._nearest_town(cc, a1, lat, lon)
            if town is not None:
                a1, a2 = self.recs[town].a1, self.recs[town].a2
        rid = len(self.recs)
        self.recs.append(Rec(display(name), "city", cc, a1, a2, lat, lon, pop, False, fcode or "PPL"))
        self._gid_rec[gid] = rid
        return rid

    def _town_cells(self, cc: str) -> dict[tuple[int, int], list[tuple[float, float, int, int]]]:
        """A country's built-in towns by grid cell; built on first use, shared by the gazetteers over the same index."""
        shared = self.index.__dict__.setdefault("_town_cells", {})
        if cc not in shared:
            lo, hi = self.index.city_spans.get(cc, (0, 0))
            cells: dict[tuple[int, int], list[tuple[float, float, int, int]]] = {}
            for i in range(lo, hi):
                r = self.index.recs[i]
                if r.kind == "city" and r.cc == cc:
                    cells.setdefault((math.floor(r.lat / _CELL), math.floor(r.lon / _CELL)), []).append(
                        (r.lat, r.lon, r.a1, i))
            shared[cc] = cells
        return shared[cc]

    def country_seat(self, cc: str) -> Place | None:
        """The town at a country's point (its most populous town, the capital for most countries), with its areas."""
        rid = self.index.country_rec.get(cc)
        if rid is None:
            return None
        r = self.recs[rid]
        town = self._nearest_town(cc, -1, r.lat, r.lon, km=2.0, need_a2=False)
        return self.place(town) if town is not None else None

    def _nearest_town(self, cc: str, a1: int, lat: float, lon: float, km: float = 60.0,
                      need_a2: bool = True) -> int | None:
        """The nearest built-in town with a known admin2 (unless not ``need_a2``) in the same country (and admin1 when
        known), within ``km``: rings of grid cells around the point, nearest first, until no closer town can lie
        further out."""
        cells = self._town_cells(cc)
        scale = math.cos(math.radians(lat))
        best, best_d = None, (km / 111.2) ** 2    # squared degrees (equirectangular: fine at this range)
        y, x = math.floor(lat / _CELL), math.floor(lon / _CELL)
        for ring, offsets in enumerate(_RINGS):
            for dy, dx in offsets:
                for tlat, tlon, ta1, i in cells.get((y + dy, x + dx), ()):
                    if (a1 >= 0 and ta1 != a1) or (need_a2 and self.recs[i].a2 < 0) or ta1 < 0:
                        continue
                    d = (tlat - lat) ** 2 + ((tlon - lon) * scale) ** 2
                    if d < best_d:
                        best, best_d = i, d
            reach = ring * _CELL * scale   # every point beyond this ring is at least this far (degrees)
            if reach * reach >= best_d:
                break
        return best

    def _same_town(self, cc: str, name: str, lat: float, lon: float, km: float = 3.0) -> int | None:
        """A built-in town within ``km`` whose name has the same consonant skeleton."""
        sk = skeleton(name_key(name))
        scale = math.cos(math.radians(lat))
        cells = self._town_cells(cc)
        y, x = math.floor(lat / _CELL), math.floor(lon / _CELL)
        for dy, dx in _RINGS[0] + _RINGS[1]:
            for tlat, tlon, _, i in cells.get((y + dy, x + dx), ()):
                if ((tlat - lat) ** 2 + ((tlon - lon) * scale) ** 2) * 111.2 ** 2 < km * km and \
                        skeleton(name_key(self.recs[i].name)) == sk:
                    return i
        return None

    def minor(self, i: int) -> bool:
        """An imported place that is not in the built-in gazetteer (a village or hamlet below cities500's bar)."""
        return bool(self.recs[i].fcode)

    def skeleton_ids(self, sk: str, countries: list[str] | None = None) -> dict[int, list[str]]:
        """Record ids of the names with this consonant skeleton, each with the imported name keys that matched:
        built-in, then imported ones in ``countries`` (imported places are only looked for where the story is)."""
        out: dict[int, list[str]] = {i: [] for i in self.index.by_skel.get(sk, ())}
        if self.extra is not None and countries:
            for key, *row in self.extra.by_skeleton(sk, countries):
                out.setdefault(self._materialise(tuple(row)), []).append(key)
        return out

    # ---------- records -> Place ----------

    def place(self, rid: int, precision: int | None = None) -> Place:
        """The ACLED-style Place of an index record (a new object each time: callers may change it)."""
        f = self._fields.get(rid)
        if f is None:
            r = self.recs[rid]
            meta = self.metas.get(r.cc)
            a1 = self.recs[r.a1].name if r.a1 >= 0 else ""
            a2 = self.recs[r.a2].name if r.a2 >= 0 else ""
            f = (r.name, meta.name if meta else r.cc, meta.iso if meta else None, meta.region if meta else "", a1, a2,
                 "", round(r.lat, 5), round(r.lon, 5), {"admin1": 3, "country": 3, "admin2": 2}.get(r.kind, 1),
                 r.cc, r.kind)
            self._fields[rid] = f
        if precision is None:
            return Place(*f)
        return Place(*f[:9], precision, *f[10:])

    def _near(self, area: int, rid: int, km: float = 40.0) -> bool:
        a, r = self.recs[area], self.recs[rid]
        return a.kind in ("admin1", "admin2") and a.cc == r.cc and r.kind == "city" and \
            _km((a.lat, a.lon), (r.lat, r.lon)) < km

    def _contains(self, area: int, rid: int) -> bool:
        a, r = self.recs[area], self.recs[rid]
        if area == rid:
            return False
        if a.kind == "country":
            return r.cc == a.cc
        if a.kind == "admin1":
            return r.a1 == area
        if a.kind == "admin2":   # an imported village of unknown admin2: near the area's seat, in its admin1
            if r.a2 == area:
                return True
            if r.a2 >= 0 or r.a1 != a.a1 or a.a1 < 0 or not r.fcode:
                return False
            d = _km((a.lat, a.lon), (r.lat, r.lon))
            # a wide district ("Dapala (Ouo, Comoe)": 100 km from Banfora): its seat is the nearest of its admin1's
            return d < 60 or (d < _SEAT_KM and self._nearest_admin2(r) == area)
        return a.kind == "city" and r.cc == a.cc and _km((a.lat, a.lon), (r.lat, r.lon)) < 30

    def _nearest_admin2(self, r: Rec) -> int | None:
        """The admin2 area of ``r``'s admin1 whose point (its seat) is nearest to ``r``."""
        by_a1 = self.index.__dict__.setdefault("_admin2_of", {})
        if not by_a1:
            for i, x in enumerate(self.index.recs):
                if x.kind == "admin2" and x.a1 >= 0:
                    by_a1.setdefault(x.a1, []).append(i)
        areas = by_a1.get(r.a1, ())
        return min(areas, key=lambda i: _km((self.recs[i].lat, self.recs[i].lon), (r.lat, r.lon)), default=None)

    # ---------- lookups ----------

    def lookup(self, name: str) -> list[int]:
        """Record ids whose name matches exactly (after normalisation)."""
        return list(self.ids(name_key(name)))

    def lookup_fuzzy(self, name: str, within: list[int] | None = None, countries: list[str] | None = None,
                     min_ratio: float = 65.0, kinds: tuple[str, ...] = ()) -> list[int]:
        """Variant spellings: same consonant skeleton and a close key, inside ``within`` areas or ``countries``
        (without either, only well-known places and a closer spelling)."""
        key = name_key(name)
        sk = skeleton(key)
        if len(sk) < 2:
            return []
        free = not within and not countries
        need = max(min_ratio, 85.0) if free else min_ratio
        out = []
        ccs = sorted({self.recs[a].cc for a in within} if within else countries or ())
        for i, matched in self.skeleton_ids(sk, ccs).items():
            r = self.recs[i]
            if kinds and r.kind not in kinds:
                continue
            if within and not any(a == i or self._contains(a, i) for a in within):
                continue
            if countries and not within and r.cc not in countries:
                continue
            if free and not self.salient([i]):
                continue
            if max([fuzz.ratio(key, name_key(r.name)), *(fuzz.ratio(key, m) for m in matched)]) >= need:
                out.append(i)
        return out

    # ---------- ranking ----------

    def rank(self, ids: list[int], hint: str = "", relation: str = "", qualifiers: list[list[int]] | None = None,
             context: GeoContext | None = None, country: str | None = None, fuzzy: bool = False,
             central: bool = True) -> list[int]:
        """Candidates ordered by context: named enclosing areas, document countries, nearby places, kind, size;
        ``central``: homonyms nearer the seat of a named area first (not for look-alike spellings)."""
        if not ids:
            return []
        pool = ids[:_MAX_CANDIDATES]
        wanted = set(([country] if country else []) + (context.countries if context else []))
        if wanted and len(ids) > _MAX_CANDIDATES:
            pool += [i for i in ids[_MAX_CANDIDATES:] if self.recs[i].cc in wanted]
        cities = [i for i in pool if self.recs[i].kind == "city"]
        if hint == "area1" and cities:
            pool += [a for a in self._seats_named_alike(cities) if a not in pool]
        own = frozenset(i for i in pool if self.recs[i].kind == "admin1")
        scores = {i: self._score(i, cities, hint, relation, qualifiers or [], context, country, fuzzy,
                                 central and not fuzzy, own) for i in pool}
        return sorted(pool, key=lambda i: -scores[i])

    def _score(self, i: int, cities: list[int], hint: str, relation: str,
               qualifiers: list[list[int]], context: GeoContext | None, country: str | None, fuzzy: bool,
               central: bool = False, own: frozenset[int] = frozenset()) -> float:
        r = self.recs[i]
        s = {"country": 7.0, "admin1": 5.5, "admin2": 3.5, "facility": 5.0, "city": 0.0}[r.kind]
        s += math.log10(r.pop + 1) if r.kind == "city" else 0.0
        s += 1.0 if r.curated else 0.0
        if r.fcode and r.a2 >= 0 and name_key(strip_generic(self.recs[r.a2].name)) == name_key(r.name):
            s += _SEAT_BONUS   # of homonymous villages, the one its district is named after (the district's seat)
        area = hint in ("area1", "area2") or relation == "area"
        if area:
            s += {"admin1": 7.0 if hint != "area2" else 3.0, "admin2": 7.0 if hint == "area2" else 3.0}.get(r.kind, 0)
        elif r.kind in ("admin1", "admin2") and any(self._contains(i, c) and name_key(self.recs[c].name) ==
                                                     name_key(r.name) for c in cities[:20]):
            s -= 5.0  # "Aleppo" alone is the city, "Aleppo countryside" the governorate
        if hint == "facility":
            s += 7.0 if r.kind == "facility" else 0.0
        elif r.kind == "facility" and any(self.recs[c].cc == r.cc for c in cities):
            s -= 4.0
        if hint in ("city", "part") and r.kind == "city":
            s += 3.0
        if hint and r.kind == "country":
            s -= 6.0
        for q in qualifiers:
            holding = [a for a in q if self._contains(a, i)]
            if holding:
                s += 12.0 + (self._central(holding, r) if central else 0.0)
                # "Merida (Merida)": the town in the best reading of the area (Venezuela's state), before the one in
                # a homonymous area read second (Mexico's municipality)
                s -= 2.0 if q[0] not in holding else 0.0
        if country:
            s += 8.0 if r.cc == country else -8.0
        if context:
            s += self._context_score(r, context, own)
        if fuzzy:
            s -= 3.0
        return s

    def _seats_named_alike(self, cities: list[int]) -> list[int]:
        """The first-level areas of which these towns are the seat and whose name is the town's ("dans la région de
        Zaporijjia": the French name is the town's only, the oblast is Zaporizhia): a province named after a town the
        gazetteer knows only as a town is that province (an area named by one of the town's other names too: "the
        Timbuktu region" is Tombouctou). A town seat of an area named otherwise ("the Mosul region":
        not Ninewa) is not its area: the name reads as the area around the town (see ``_precision``)."""
        out = []
        for c in cities[:_SEAT_CANDIDATES]:
            r = self.recs[c]
            if r.a1 < 0 or r.a1 in out:
                continue
            a = self.recs[r.a1]
            if a.kind != "admin1" or _km((a.lat, a.lon), (r.lat, r.lon)) >= _SEAT_OF_AREA_KM:
                continue
            # "the Timbuktu region": Tombouctou, also a name of the town
            if fuzz.ratio(name_key(a.name), name_key(r.name)) >= _SEAT_NAME_RATIO or c in self.ids(name_key(a.name)):
                out.append(r.a1)
        return out

    def _central(self, areas: list[int], r: Rec) -> float:
        """Of the homonyms inside a named area, those near its seat first ("Yenisehir, Diyarbakir": the town by the
        city, not the one 40 km out; "Shevchenkove, Kyiv"): a named area is what a reporter places a village by, most
        often the nearest town of that name. Up to _CENTRAL points, nothing beyond _CENTRAL_KM."""
        seats = [self.recs[a] for a in areas if self.recs[a].kind in ("admin1", "admin2")]   # not a country's capital
        if not seats:
            return 0.0
        d = min(_km((a.lat, a.lon), (r.lat, r.lon)) for a in seats)
        return _CENTRAL * max(0.0, 1.0 - d / _CENTRAL_KM)

    def _context_score(self, r: Rec, context: GeoContext, own: frozenset[int] = frozenset()) -> float:
        """Points for a reading by the story's countries and places; ``own``: the first-level areas that are readings
        of the name being ranked (no clue for its other readings)."""
        s = 0.0
        if context.countries:
            if r.cc == context.countries[0]:
                s += 5.0
            elif r.cc in context.countries:
                s += 3.0
            else:
                s -= 3.0
        if r.a1 >= 0 and r.kind not in ("country", "admin1") and r.a1 not in own and any(
                p.kind == "admin1" and p.country_code == r.cc and p.admin1 == self.recs[r.a1].name
                for p in context.places[:8]):
            # "Bijapur district" in a story that names Chhattisgarh: the homonym in that state. Not when the province
            # is itself a reading of the name ranked ("near Nabatieh": the governorate is no other clue for the town)
            s += 4.0
        pts = [(p.latitude, p.longitude) for p in context.places[:8] if p.latitude is not None]
        if pts and r.kind != "country":
            d = min(_km((r.lat, r.lon), p) for p in pts)
            s += 8.0 if d < 15 else 3.0 if d < 60 else 1.5 if d < 250 else 0.0   # "à quelques km de X": nearest
        return s

    # ---------- spotting ----------

    def spot(self, text: str, lang: str = "fr", offset: int = 0) -> list[PlaceHit]:
        """Toponyms in ``text`` (offsets shifted by ``offset``), each with its relation cue and qualifiers.

        The cue lists cover French and English together; ``lang`` only sets which look-alike spellings of a name
        missing from the gazetteer are accepted (``look_alike``)."""
        text = self._mask_city_parts(text)
        segs = self._segments(text)
        hits: list[PlaceHit] = []
        k = 0
        while k < len(segs):
            if segs[k].relation not in ("in", "near", "distance") and \
                    name_key(text[segs[k].start:segs[k].end]) in resources.actor_names():
                k += 1   # "an airstrike against al-Shabab in southern Somalia": a group, then the place
                continue
            if segs[k].relation not in ("in", "near", "distance") and \
                    text[segs[k].start:segs[k].end] in resources.actor_acronyms():
                k += 1   # "les Forces armées maliennes (FAMa) dans la région de Tombouctou": a force, not a place
                continue
            weak = not segs[k].ids and not segs[k].relation and segs[k].hint not in _PLACE_HINTS
            if weak and not self._before_named_area(text, segs, k):
                k += 1  # an unknown capitalised word ("Clashes in Balad") is not a place
                continue
            chain, nxt = self._chain(text, segs, k)
            hit = self._hit(text, chain, weak, lang)
            if weak and hit is None:
                k += 1  # not a variant of a place in the area that follows: the area is read on its own
                continue
            k = nxt
            if hit is not None:
                hit.start, hit.end = hit.start + offset, hit.end + offset
                hit.span_start, hit.span_end = hit.span_start + offset, hit.span_end + offset
                hits.append(hit)
        return [h for h in hits if not self._adjective(text, h, offset) and not self._name_of_other(text, h, offset)]

    def _mask_city_parts(self, text: str) -> str:
        """ACLED's name of a part of a city, "Montreal - Center West (Quebec)", "Budapest - V": the part is blanked
        (offsets kept) when no populated place of that name lies near the town, so that "West" is not read as a
        direction nor "Northwest" as a region; "New York - Brooklyn" keeps Brooklyn."""
        if " - " not in text:
            return text
        out = text
        for m in _CITY_PART.finditer(text):
            words = m.group(1).split()
            head = [i for a in range(len(words)) for b in range(len(words), a, -1)
                    for i in self.lookup(" ".join(words[a:b]))[:30] if self.recs[i].kind in ("city", "admin2", "admin1")]
            if not head:
                continue
            near = [i for i in self.lookup(m.group(2))[:30] if self.recs[i].kind not in ("admin1", "country")
                    and any(haversine(self.recs[i].lat, self.recs[i].lon, self.recs[h].lat, self.recs[h].lon) < 40
                            for h in head)]
            if not near:
                out = out[:m.start(2) - 3] + " " * (m.end(2) - m.start(2) + 3) + out[m.end(2):]
        return out

    @staticmethod
    def _name_of_other(text: str, hit: PlaceHit, offset: int) -> bool:
        """A name that names something else: an armed group's (actors.yaml), or, uncued, a nickname in quotes
        ("« El Ratón »") or a news outlet ("l'agence officielle Sana", "the state news agency SANA")."""
        before = text[max(0, hit.start - offset - 60):hit.start - offset]
        words = re.split(r"[\s'’]+", (before + text[hit.start - offset:hit.end - offset]).strip())
        names, ends = resources.actor_names(), _key_endings(words[-1])
        # (a name whose key ends in a word no group's name ends in is none of theirs: most hits, tested once)
        if (ends is None or not ends.isdisjoint(resources.actor_name_ends())) and \
                any(name_key(" ".join(words[-n:])) in names for n in range(2, min(8, len(words)) + 1)) and \
                not (hit.candidates and hit.candidates[0].kind == "country"):
            return True   # "l'État islamique au Sahel": a group's name (a country in one still tells the story's)
        if hit.hint == "water":
            return True   # "on the Chindwin River", "le fleuve Niger": the river, not the town or country
        if _cues()["sea"].search(hit.surface) and hit.hint not in ("area1", "area2") and hit.relation != "area":
            return True   # "attacks on shipping in the Red Sea": the sea, not Sudan's Red Sea state
        if _cues()["clock"].match(text, hit.end - offset) or re.search(r"\bheures? (?:de |d['’])$", before):
            return True   # "just before noon Sanaa time", "à 9 heures de Bagdad"
        if hit.relation:
            return False
        after = text[hit.end - offset:hit.end - offset + 3].lstrip()
        if before.rstrip()[-1:] in _OPEN_QUOTES and after[:1] in _CLOSE_QUOTES:
            return True
        return bool(_cues()["outlet"].search(before))

    @staticmethod
    def _adjective(text: str, hit: PlaceHit, offset: int) -> bool:
        """A nationality word used as one ("Somali National Army soldiers"), not the place of the same name; a region's
        name describing a country ("in the Sahel country")."""
        cues = _cues()
        after = re.match(r"\s+([A-Za-z]+)", text[hit.end - offset:])
        before = re.search(r"([A-Za-z]+)\s+$", text[max(0, hit.start - offset - 20):hit.start - offset])
        if after and before and after.group(1).lower() in cues["descriptor_nouns"] and \
                before.group(1).lower() in cues["descriptor_determiners"] and \
                not (hit.candidates and hit.candidates[0].kind == "country"):
            return True
        if hit.relation or hit.surface.lower() not in resources.demonyms():
            return False
        follow = re.match(r"\W*([A-Za-z]+)", text[hit.end - offset:])
        return bool(follow) and follow.group(1).lower() in _cues()["adjective_before"]

    def _tokens(self, text: str) -> list[_Tok]:
        toks: list[_Tok] = []
        for m in _TOKEN.finditer(text):
            s, t = m.start(), m.group()
            if t.endswith(".") and not (len(t) <= 3 and t[0].isupper()):
                t = t[:-1]
            e = _ELISION.match(t) if "'" in t or "’" in t else None   # (an elision holds its apostrophe)
            if e:
                s += e.end()
                t = t[e.end():]
            # "Congo's North Kivu province": the name without the possessive (a token holds no line break, so
            # this is what re.search(r"['’]s$", t) found)
            if len(t) > 3 and t.endswith(("'s", "’s")):
                t = t[:-2]
            toks.append(_Tok(s, s + len(t), t))
        return toks

    def _nameish(self, t: str) -> bool:
        if t[0].islower():   # most words: only an Arabic article can make one a name ("al-Bukamal")
            return "-" in t and _ARTICLE_PREFIX.match(t) is not None
        if _ACRONYM.match(t) and not self._curated_name(t):
            return False  # PKK, QSD, JaS ...
        return t[0].isupper() or bool(_ARTICLE_PREFIX.match(t)) or (t[0].isdigit() and len(t) <= 3)

    def _curated_name(self, t: str) -> bool:
        """An acronym the data files name a place by: a country or admin area, or a facility or exonym whose
        listed name is written so ("ZNPP"); a folded match of a name written otherwise ("HOL", a news agency's
        initials, against "Al Hol") is no place."""
        return any(self.recs[i].kind in ("country", "admin1") or (self.recs[i].curated and t in _upper_names())
                   for i in self.lookup(t)[:5])

    def _runs(self, text: str) -> list[list[_Tok]]:
        """Maximal sequences of capitalised tokens (with connectors inside), split at punctuation."""
        cues = _cues()
        runs: list[list[_Tok]] = []
        cur: list[_Tok] = []
        for t in self._tokens(text):
            gap = text[cur[-1].end:t.start] if cur else ""
            joined = cur and gap in (" ", "-", "")
            digit = t.text[0].isdigit()
            if self._nameish(t.text) and not (digit and (not cur or cur[-1].text.lower() in cues["stop"])):
                if cur and not joined:
                    runs.append(cur)
                    cur = []
                cur.append(t)
            elif cur and joined and t.text.lower() in cues["connectors"] and not (t.text == "et" and gap == " "):
                cur.append(t)   # "Khan et-Tujjar", but "entre Boni et Hombori" names two places
            elif cur and joined and t.text.lower() in resources.demonyms() and \
                    self.known(name_key(text[cur[0].start:t.end])):
                cur.append(t)   # "Kurdistan irakien": a known name that ends with a nationality word
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        out = []
        orgs = cues["organisation_heads"]
        for r in runs:
            if len(r) >= 2 and (r[-1].text.lower() in orgs or r[0].text.lower() in orgs):   # "Parti ... d'Iran"
                continue   # "National Unity Government", "Southern Transitional Council": a body, not a place
            if self._named_body(text, r[0].start, orgs):
                continue   # "le Comité de résistance Wad Madani": the body's name, not where it happened
            while r and r[-1].text.lower() in cues["connectors"] and \
                    (r[-1].text[0].islower() or len(r[-1].text) < 4 or not self._alone(r)):   # "Beni" alone is a town
                r = r[:-1]
            if r:
                out.append(r)
        return out

    @staticmethod
    def _alone(run: list[_Tok]) -> bool:
        """Whether the last word of a run is a name alone: only stop words and small connectors before it ("Beni",
        "Territoire de Beni"; not "Khan Beni")."""
        stop = _cues()["stop"]
        return all(name_key(t.text) in stop or t.text[0].islower() for t in run[:-1])

    @staticmethod
    def _named_body(text: str, start: int, orgs: frozenset[str]) -> bool:
        """A name set right after the generic name of a body, with no preposition between ("le Comité de
        résistance Wad Madani", "the Resistance Committee Wad Madani"): the body's own name."""
        m = _BODY_BEFORE.search(text[max(0, start - 60):start])
        return bool(m) and m.group(1).lower() in orgs and m.group(2).split()[-1].lower() not in _cues()["link"]

    def _segments(self, text: str) -> list[_Seg]:
        """Runs split into gazetteer matches and unknown names, with the cues read around them (new objects each
        call, which the caller may change; a text segmented lately is read from memory: an article's sentence is
        spotted for its context, each mention's place and the event's, ~40 % of the calls)."""
        memo = self.__dict__.setdefault("_segments_memo", {})
        got = memo.get(text)
        if got is None:
            if len(memo) >= _SEGMENTS_MEMO:
                memo.clear()
            got = memo[text] = tuple(self._read_segments(text))   # kept here, never handed out
        return [replace(seg, ids=list(seg.ids)) for seg in got]

    def _read_segments(self, text: str) -> list[_Seg]:
        segs: list[_Seg] = []
        for run in self._runs(text):
            segs += self._split_run(text, run)
        for seg in segs:
            self._extend_facility(text, seg)
            self._read_cues(text, seg)
        return segs

    def _extend_facility(self, text: str, seg: _Seg) -> None:
        """Facility names written around a town name: "l'aéroport international de Bagdad", "Erbil air base"."""
        before = list(_LETTERS.finditer(text[max(0, seg.start - 45):seg.start]))
        after = list(_LETTERS.finditer(text[seg.end:seg.end + 30]))
        surface = text[seg.start:seg.end]
        if before and not self._may_end_facility(text[max(0, seg.start - 45):seg.end]):
            before = []   # no name ending here names a facility: none of the words before can make one
        for n in range(min(5, len(before)), 0, -1):
            start = seg.start - (min(45, seg.start) - before[-n].start())
            ids = self._facilities(text[start:seg.end])
            if ids:
                seg.start, seg.ids = start, ids
                return
        for n in range(min(3, len(after)), 0, -1):
            end = seg.end + after[n - 1].end()
            ids = self._facilities(surface + text[seg.end:end])
            if ids:
                seg.end, seg.ids = end, ids
                return

    def _may_end_facility(self, text: str) -> bool:
        """Whether a name ending where ``text`` ends may be a facility's (False: no text[k:] is one, whatever k).
        The last word of a name's key is the last word of its folded text (Arabic articles are dropped only before
        another word), a 'Saint' or a final 'h' aside (``name_key``); the folded text of text[k:] ends with a tail
        of the last word of fold(text): a facility's key can end that text only when that last word ends with one
        of the facilities' last words (or a word they are the key of). Spares the look-ups of the names that the
        words before a place would make (five per place spotted)."""
        ends = self.__dict__.get("_facility_ends")
        if ends is None:
            ends = self.__dict__["_facility_ends"] = _facility_ends(self)
        if ends is True:
            return True
        words = fold(text).rsplit(None, 1)
        last = words[-1] if words else ""
        return any(last[-n:] in ends for n in ends.lengths if n <= len(last))

    def _facilities(self, phrase: str) -> list[int]:
        # facilities are all built in (data/geo/facilities.csv): the imported places need not be read here
        return [i for i in self.index.by_key.get(name_key(phrase), ()) if self.recs[i].kind == "facility"]

    def _split_run(self, text: str, run: list[_Tok]) -> list[_Seg]:
        """Known names in a run (longest first); a run that is only partly known is one unknown name,
        unless its other words are modifiers ("Iraqi Kurdistan", "Aleppo University")."""
        parts: list[tuple[int, int, list[int], str]] = []
        i = 0
        while i < len(run):
            j, ids, hint = self._longest(text, run, i)
            if ids:
                parts.append((i, j, ids, hint))
                i = j
            else:
                i += 1
        if len(parts) == 1 and parts[0][:2] == (0, len(run)):
            return [_Seg(run[0].start, run[-1].end, parts[0][2], hint=parts[0][3])]
        cut = next((t for t, tok in enumerate(run) if tok.text in ("of", "de", "du", "des")), -1)
        if cut > 0:  # "Democratic Choice of Kazakhstan": two names
            return self._split_run(text, run[:cut]) + self._split_run(text, run[cut + 1:])
        covered = {t for i, j, _, _ in parts for t in range(i, j)}
        others = [t for t in range(len(run)) if t not in covered]
        if parts and all(self._modifier(run[t].text) for t in others) \
                and all(self.salient(ids) for _, _, ids, _ in parts):
            tail = others and others[-1] == len(run) - 1 and not _DEMONYM.search(run[-1].text)
            return [_Seg(run[i].start, run[j - 1].end, ids, hint=hint or ("building" if tail else ""))
                    for i, j, ids, hint in parts]
        stop = _cues()["stop"]
        names = [t for t in range(len(run)) if name_key(run[t].text) not in stop]
        if not names:
            return []
        first = names[0]
        if first == 1 and run[0].text.lower() in _cues()["compass"] and run[0].text[0].isupper():
            first = 0   # "East Shewa", "West Pokot": an unknown name that starts with a compass word
        return [_Seg(run[first].start, run[names[-1]].end, [])]

    @staticmethod
    def _modifier(word: str) -> bool:
        """Stop words and demonyms that may surround a place name inside a capitalised run."""
        return name_key(word) in _cues()["stop"] or bool(_DEMONYM.search(word))

    def _longest(self, text: str, run: list[_Tok], i: int) -> tuple[int, list[int], str]:
        stop = _cues()["stop"]
        feats = _cues()["features"]
        for j in range(min(len(run), i + 7), i, -1):
            words = [t.text.lower().rstrip(".") for t in run[i:j]]
            surface = text[run[i].start:run[j - 1].end]
            key = name_key(surface)
            if j - i == 1 and (key in stop or len(key) < 2 or
                               (key in _cues()["connectors"] and (len(key) < 4 or not self.known(key)))):
                continue
            if words[0] in stop and j - i == 1:
                continue
            ids = self.ids(key)
            if ids:
                return j, list(ids), ""
            # "Anbar Province", "Kharkiv Oblast": a capitalised feature word at the end
            if j - i >= 2 and words[-1] in feats:
                inner = name_key(text[run[i].start:run[j - 2].end])
                ids = self.ids(inner)
                if ids and not (j - i == 2 and inner in stop):
                    return j, list(ids), feats[words[-1]]
        return i, [], ""

    def _read_cues(self, text: str, s: _Seg) -> None:
        """Relation cue before the segment ("dans l'est de", "near"), feature word after it ("town", "countryside")."""
        cues = _cues()
        before = text[max(0, s.start - 80):s.start]
        cb = _ctx(before)
        cb = cb if cb.endswith(" ") or not cb else cb + " "
        s.rel_start = s.start
        cue_hint = ""
        for rx, rel, prec, kind in cues["before"] if cues["before_any"].found_in(cb) else ():
            m = rx.search(cb)
            if m and m.group().strip():
                s.relation, s.precision, cue_hint = rel, prec, kind
                s.rel_start = self._back(before, s.start, m.group())
                break
        words = _ctx(text[s.end:s.end + 40]).split()
        s.feat_end = s.end
        for n in (2, 1):
            w = " ".join(words[:n])
            if len(words) >= n and w in cues["features"]:
                s.hint = s.hint or cues["features"][w]
                s.feat_end = self._forward(text, s.end, n)
                if w in cues["after"]:
                    rel, prec = cues["after"][w]
                    if s.relation in ("", "in"):
                        s.relation, s.precision = rel, prec
                break
        if not s.hint:
            prev = cb.split()[-5:]
            while prev and prev[-1] in cues["gap"]:
                prev.pop()  # "la base aérienne d'" -> "base aerienne"
            if any(cues["features"].get(" ".join(prev[-n:])) == "facility" for n in (2, 1) if len(prev) >= n):
                s.hint = "facility"
            if cb.split()[-1:] and cues["features"].get(cb.split()[-1]) == "water":
                s.hint = "water"   # "le fleuve Niger"
            if s.relation == "area":
                s.hint = s.hint or cue_hint or "area1"

    @staticmethod
    def _back(before: str, end: int, matched: str) -> int:
        """Start offset of a cue of ``len(matched.split())`` words ending right before ``end``."""
        n = len(matched.split())
        words = list(re.finditer(r"[^\W_]+", to_ascii(before)))
        if n == 0 or not words:
            return end
        first = words[max(0, len(words) - n)]
        return end - len(before) + first.start()

    @staticmethod
    def _forward(text: str, start: int, n: int) -> int:
        pos = start
        for _ in range(n):
            m = _NEXT_WORD.match(text, pos)
            if not m:
                break
            pos = m.end()
        return pos

    # ---------- chains and hits ----------

    def _chain(self, text: str, segs: list[_Seg], k: int) -> tuple[list[_Seg], int]:
        """The segment at ``k`` plus the enclosing areas and alternative names written right after it."""
        cues = _cues()
        chain = [segs[k]]
        country = bool(segs[k].ids) and self.recs[segs[k].ids[0]].kind == "country"
        j = k + 1
        while j < len(segs):
            prev, nxt = chain[-1], segs[j]
            raw = text[prev.feat_end:nxt.start]
            if any(c in raw for c in ".;:!?") or len(raw) > 40 or "\n" in raw:
                break
            words = _ctx(raw).split()
            # "Saint-Louis, sur la commune du Mont-Dore", "Khurai, a locality in Imphal East district": the place
            # told inside the area named next, in words of their own
            apposed = "," in raw and "(" not in raw and bool(cues["apposed_area"].fullmatch(" ".join(words)))
            if not apposed and not all(w in cues["features"] or w in cues["gap"] for w in words):
                break
            if cues["direction"].search(_ctx(raw)):
                break   # "Myaung township, west of the city of Sagaing": a reference point, not the enclosing area
            if raw.strip() == "," and _POSSESSIVE.match(text, nxt.feat_end):
                break   # "Petro, Colombia's first left-wing president": an apposition, not the enclosing area
            nest = apposed or any(w in cues["nest"] for w in words)
            if nxt.relation not in ("", "in", "area") and not (nest and nxt.relation == "part"):
                break
            area_next = self._before_area(text, segs, j)
            if "(" in raw and not nest and not self._admin_like(nxt) and not area_next:
                nxt.link = "alt"
            elif " - " in raw or "/" in raw or (" (" in raw and prev is chain[0] and not self._admin_like(nxt)):
                nxt.link = "alt"
            elif country and prev is chain[0]:
                break   # "emprisonné aux États-Unis, Joaquin « El Chapo » Guzman": no town encloses a country
            elif (nest or "(" in raw) and (self._admin_like(nxt) or area_next or (apposed and bool(nxt.ids))):
                nxt.link = "strong"
            elif nest and prev.hint == "part" and nxt.ids and nxt.hint not in ("street", "building"):
                nxt.link = "strong"   # "the Al Hajana neighbourhood of Al-Bukamal city": a part of the town
            elif "," in raw and (nxt.ids or nxt.hint in ("area1", "area2") or area_next):
                nxt.link = "comma"
            else:
                break
            chain.append(nxt)
            j += 1
        return chain, j

    def _before_area(self, text: str, segs: list[_Seg], j: int) -> bool:
        """An unknown name followed by a named area: "Kamituga (Mwenga, Sud-Kivu)" - Mwenga is an area too."""
        if segs[j].ids or j + 1 >= len(segs):
            return False
        gap = text[segs[j].feat_end:segs[j + 1].start]
        return gap.strip() in (",", "(", ") (", "),") and self._admin_like(segs[j + 1])

    def _before_named_area(self, text: str, segs: list[_Seg], k: int) -> bool:
        """An unknown name written "X, Y" or "X (Y" with Y an admin area: perhaps a variant spelling of a place
        in Y ("Kamianske, Zaporizhia" for Kam'yanske)."""
        if k + 1 >= len(segs):
            return False
        gap = text[segs[k].feat_end:segs[k + 1].start]
        return gap in (", ", " (") and any(self.recs[i].kind in ("admin1", "admin2") for i in segs[k + 1].ids[:10])

    def _admin_like(self, seg: _Seg) -> bool:
        return seg.hint in ("area1", "area2") or any(self.recs[i].kind in ("admin1", "admin2", "country")
                                                      for i in seg.ids[:20])

    def _hit(self, text: str, chain: list[_Seg], weak: bool = False, lang: str = "fr") -> PlaceHit | None:
        """The hit of a chain; ``weak``: an unknown, uncued main name, kept only when found inside its area."""
        main, rest = chain[0], chain[1:]
        quals = [s for s in rest if s.link in ("strong", "comma")]
        alts = [s for s in rest if s.link == "alt"]
        if weak and not quals:
            return None
        levels = self._resolve_qualifiers(text, quals, main.ids + [i for a in alts for i in a.ids])
        listed = bool(quals) and all(q.link == "comma" for q in quals) and \
            bool(_cues()["list_next"].match(text, chain[-1].feat_end))
        cued = main.relation != "" or main.hint in _PLACE_HINTS
        hit = PlaceHit(main.start, main.end, text[main.start:main.end], [], main.relation, main.precision,
                       main.rel_start, chain[-1].feat_end, hint=main.hint)
        hit.qualifiers = [text[s.start:s.end] for s in quals]
        ids, reason = self._resolve_main(text, main, levels, listed, 80.0 if weak else 65.0, lang)
        if weak and not ids:
            return None
        for alt in alts:
            if ids and (reason == "exact" or self.extra is None):
                break
            alt_ids, alt_reason = self._resolve_main(text, alt, levels, listed, lang=lang)
            # with villages, "Cemco (Cheme Ci)": the exact name in brackets over a variant spelling of the main one
            if alt_ids and (not ids or alt_reason == "exact"):
                ids, reason = alt_ids, f"alternative name '{text[alt.start:alt.end]}'"
        if not ids and not levels:
            ids = self._glued(hit.surface)
            reason = "exact" if ids else ""
        if not ids and not levels:
            ids, reason = self._road_end(hit.surface)
            if not ids and main.relation == "near":
                ids, reason = self._known_end(text, main)
            if ids:   # "the Maiduguri-Damboa road", "l'axe Gao-Ansongo": near its first town
                hit.relation, hit.precision = "near", 2
        if not ids and len(levels) == 1 and main.ids and \
                _cues()["name_link"].fullmatch(text[main.end:quals[0].start]) and \
                self.recs[levels[0][0]].kind == "admin1" and self.recs[main.ids[0]].kind == "city" and \
                all(self.recs[i].cc != self.recs[levels[0][0]].cc for i in main.ids[:_MAX_CANDIDATES]):
            # "Nioro du Sahel" (Mali) is no Nioro in Burkina Faso's Sahel region: an area of another country than
            # every town of the name, joined by "du"/"de", is a part of the town's name
            ids, reason = list(main.ids), "exact"
        if not ids and levels:
            ids = levels[0][:1]
            reason = f"'{hit.surface}' {LOCATED_BY_AREA} '{self.recs[ids[0]].name}'"
            spelt = self._look_alike_area(text, quals, levels, main.ids)
            reason += f" ({LOOK_ALIKE_AREA} '{spelt}')" if spelt else ""
            hit.relation = "part" if hit.relation in ("", "in") else hit.relation
        if not ids:
            hit.reason = f"{NO_PLACE_FOR} '{hit.surface}'"
            return hit if cued else None
        if reason == "exact" and not (cued or quals or alts) and not self.salient(ids):
            return None
        hit.ids = self.rank(ids, hit.hint, hit.relation, levels[:1], fuzzy=reason == "variant spelling")
        hit.areas = len(levels)
        hit.reason = reason
        self.fill(hit)
        return hit

    def _road_end(self, surface: str) -> tuple[list[int], str]:
        """Two well-known towns of one country joined by a hyphen, less than 300 km apart ("Maiduguri-Damboa",
        "Gao-Ansongo"): the first one, for a road or front between them."""
        parts = [p.strip() for p in re.split(r"\s*[-–]\s*", surface)]
        if len(parts) != 2 or min(len(p) for p in parts) < 3:
            return [], ""
        a, b = (self.rank(self.lookup(p)) for p in parts)
        a = [i for i in a if self.recs[i].kind == "city"]
        b = [i for i in b if self.recs[i].kind == "city"]
        if not a or not b or not (self.salient(a) or self.salient(b)):
            return [], ""
        pairs = [(i, j) for i in a[:5] for j in b[:5] if self.recs[i].cc == self.recs[j].cc and
                 _km((self.recs[i].lat, self.recs[i].lon), (self.recs[j].lat, self.recs[j].lon)) < 300]
        if not pairs:
            return [], ""
        first = pairs[0][0]
        return [first] + [i for i in a if i != first], f"road between {parts[0]} and {parts[1]}"

    def _glued(self, surface: str, any_size: bool = False) -> list[int]:
        """Towns whose name is this one with its Arabic article written apart ("Elwak" = El Wak, "Alqaim" = Al Qaim);
        unless ``any_size`` (inside a named area), only towns that are no hamlets."""
        glued = _cues()["glued_article"].match(name_key(surface))
        if not glued:
            return []
        whole = fold(surface).replace(" ", "")
        return [i for i in self.ids(glued.group(1)) if self.recs[i].kind == "city" and
                fold(self.recs[i].name).replace(" ", "") == whole and (any_size or not self.minor(i))]

    def _known_end(self, text: str, main: _Seg) -> tuple[list[int], str]:
        """A road or stretch named by two towns, only one of which the gazetteer knows ("sur l'axe Douentza-Boni",
        "entre Boni et Douentza", "between Boni and Douentza"): near the known town (a town, not a hamlet)."""
        surface = text[main.start:main.end]
        parts = [p.strip() for p in re.split(r"\s*[-–]\s*", surface)]
        if len(parts) != 2:
            m = _cues()["between_end"].match(text, main.end) \
                if BETWEEN_CUE.search(text[main.rel_start:main.start]) else None
            parts = [surface, m.group(1)] if m else []
        if len(parts) != 2 or min(len(p) for p in parts) < 3:
            return [], ""
        known = [[i for i in self.rank(self.lookup(p)) if self.recs[i].kind == "city" and not self.minor(i)]
                 for p in parts]
        if bool(known[0]) == bool(known[1]):
            return [], ""
        k = 0 if known[0] else 1
        return known[k], f"near {parts[k]}, between {parts[0]} and {parts[1]} ('{parts[1 - k]}' {NOT_IN_GAZETTEER})"

    def _resolve_qualifiers(self, text: str, quals: list[_Seg], main_ids: list[int] | None = None) -> list[list[int]]:
        """Ids of each named enclosing area, resolved from the outermost inwards; innermost first. Areas that hold
        one of ``main_ids`` (the candidates of the name they qualify) are preferred: "Gqeberha (Nelson Mandela Bay)"."""
        levels: list[list[int]] = []
        main_ids = (main_ids or [])[:_MAX_CANDIDATES]
        for s in reversed(quals):
            ids = [i for i in s.ids if not self.minor(i)]   # "Shan State" is no hamlet called Shan: an enclosing
            # area is an admin area or a town, not an imported village
            outer = levels[0] if levels else []
            # "a university in Richmond, Virginia": of a town-or-district name qualifying an unknown name, inside the
            # area named after it, the big town (the name a reader knows), not the homonymous county far away
            town = [i for i in ids if self.recs[i].kind == "city" and self.recs[i].pop >= 100000 and
                    any(self._contains(a, i) for a in outer)] if outer and not s.hint else []
            if town and any(a == m or self._contains(a, m) for a in ids for m in main_ids):
                town = []   # "Oicha, in Beni territory": the area that holds the name qualified
            if town:
                ids = town
            elif s.hint != "city" and any(self.recs[i].kind in _ADMIN for i in ids):
                ids = [i for i in ids if self.recs[i].kind in _ADMIN]  # "Unity state", "(Merida)": the area
            if outer:
                inside = [i for i in ids if any(self._contains(a, i) for a in outer)]
                ids = inside or self.lookup_fuzzy(text[s.start:s.end], within=outer)
                for variant in _variants(text[s.start:s.end]) if not ids else ():
                    # "(Yinmarbin township, Yinmarbin district, Sagaing region)": Yinmabin, by the habits of
                    # spelling_variants, as for the name they qualify
                    ids = self.lookup_fuzzy(variant, within=outer, min_ratio=80.0)
                    if ids:
                        break
            elif not ids and s.hint in ("area1", "area2"):
                ids = self.lookup_fuzzy(text[s.start:s.end], kinds=("admin1", "admin2"), min_ratio=80.0)
            ccs = {self.recs[m].cc for m in main_ids}
            if main_ids and len(ids) > 1:
                holding = [a for a in ids if any(a == m or self._contains(a, m) for m in main_ids)]
                ids = holding or [a for a in ids if self.recs[a].cc in ccs] or ids   # "Oicha, in Beni territory"
            if len(ids) > 1 and s.hint not in ("city", "area1", "area2") and \
                    any(self.recs[a].kind == "country" for a in ids):
                # "Boni, dans le centre du Mali": a country's name as the enclosing area is the country, not a
                # homonymous district abroad (Guinea's Mali prefecture), unless that district holds the name qualified
                held = [a for a in ids if any(a == m or self._contains(a, m) for m in main_ids)]
                ids = held or [a for a in ids if self.recs[a].kind == "country"]
            if ids and not levels and not any(self.recs[a].cc in ccs for a in ids) and \
                    any(self.recs[m].kind == "facility" for m in main_ids[:3]):
                continue   # "l'aéroport d'Erbil, dans la région du Kurdistan": not Iran's Kurdistan province
            if ids:
                levels.insert(0, self.rank(ids, s.hint or "area1"))
        return levels

    def _look_alike_area(self, text: str, quals: list[_Seg], levels: list[list[int]], main_ids: list[int]) -> str:
        """The qualifier an only area was read from by its spelling alone, with no name or area around it to tell the
        country ("Makumo, en territoire de Mambasa": Mombasa, Kenya); '' when the area is named as written or within
        a known area. The story's countries decide (locate._area_in_story)."""
        if len(levels) != 1 or main_ids:
            return ""
        named = {i for q in quals for i in self.lookup(text[q.start:q.end])}
        return "" if levels[0][0] in named else next(
            (text[q.start:q.end] for q in quals if q.hint in ("area1", "area2")), "")

    def _resolve_main(self, text: str, seg: _Seg, levels: list[list[int]], listed: bool,
                      min_ratio: float = 65.0, lang: str = "fr") -> tuple[list[int], str]:
        """Candidates of the main name: exact inside the named areas (innermost first), else a variant spelling
        or a part of it."""
        surface = text[seg.start:seg.end]
        if seg.hint in ("street", "building") and levels:
            return [], ""  # "Wellington Street in downtown Ottawa": the place is the area
        if seg.ids and not levels:
            return seg.ids, "exact"
        if seg.ids:
            for n, level in enumerate(levels):
                # a village outside the innermost area named is another village of that name
                # (unless the inner area was read as a town: "Dapala (Ouo, Comoe)" - Ouo's department, not its town)
                town_inside = n and all(self.recs[a].kind == "city" for a in levels[n - 1][:1])
                inside = [i for i in seg.ids if any(self._contains(a, i) for a in level) and
                          not (n and self.minor(i) and not town_inside)]
                if inside:
                    return inside, "exact"
                near = [i for i in seg.ids if n == 0 and any(self._near(a, i, 15.0 if self.minor(i) else 40.0)
                                                             for a in level[:5])]
                if near:  # admin codes lag behind boundary changes: a same-country town close to the area
                    return near, "exact"
                loose = [i for i in seg.ids if n == 0 and not self.minor(i) and
                         any(self.recs[a].kind == "admin1" and self._near(a, i, 80.0) for a in level[:3])]
                if loose:  # "Bint Jbeil, au Liban-Sud": a region named loosely (southern Lebanon, not the South
                    return loose, "exact"   # governorate) still holds a listed town of that name next to it
                if n == 0 and listed and self.salient(seg.ids):
                    return seg.ids, "exact"  # "Aleppo, Idlib and Hama" is a list, not a nesting
            same = [i for i in seg.ids if i in levels[0][:5]]
            if same:  # "Ciamis district (Ciamis regency)": the qualifier is the place itself
                return same, "exact"
        if not levels or (seg.hint == "part" and self.recs[levels[0][0]].kind == "city"):
            return [], ""   # a neighbourhood of a town: the town, not a look-alike name up to 30 km away
        ids = [i for i in self._glued(surface, any_size=True) if any(self._contains(a, i) for a in levels[0])]
        if ids:   # "Elwak (Mandera)": El Wak, the article written glued to the name
            return ids, "exact"
        for head in _cues()["heads"]:   # "Benito Juarez, Nuevo Leon": Ciudad Benito Juarez (omitted_heads)
            ids = [i for i in self.ids(f"{head} {name_key(surface)}") if any(self._contains(a, i) for a in levels[0])]
            if ids:
                return ids, "exact"
        # villages: in the best reading of the area, or another admin area of that name in its country ("Mykolayivka,
        # Kyiv": Kyiv oblast, not Kyiv City)
        homes = [a for a in levels[0][:3] if a == levels[0][0] or (self.recs[a].cc == self.recs[levels[0][0]].cc and
                                                                   self.recs[a].kind in ("admin1", "admin2"))]
        fz = [i for i in self.lookup_fuzzy(surface, within=levels[0], min_ratio=min_ratio)
              if not self.minor(i) or any(self._contains(a, i) for a in homes)]
        if not fz and len(levels) > 1 and self.recs[levels[0][0]].kind == "city" and \
                self.recs[levels[1][0]].kind == "admin2":
            # "Kyin Dway village (Kanpetlet township, Mindat district, Chin)": the township read as its town, the
            # village farther out in the district (a closer spelling asked for; not a whole province: "Rijiya village
            # in Gusau, Zamfara State" is no look-alike 100 km away)
            fz = self.lookup_fuzzy(surface, within=levels[1][:1], min_ratio=max(min_ratio, 75.0))
        town = self.recs[levels[0][0]]
        if not fz and town.kind == "city" and seg.hint in _PLACE_HINTS:
            # "in Mongton town (Mongton township, Monghsat district, ...)": a district named after its town spans
            # farther than the town; a closer spelling of a village or town up to 60 km out
            fz = [i for i in self.lookup_fuzzy(surface, countries=[town.cc], min_ratio=max(min_ratio, 80.0))
                  if _km((town.lat, town.lon), (self.recs[i].lat, self.recs[i].lon)) < 60]
        if not fz:
            # a transliteration habit the skeleton does not absorb ("Yinmarbin township (..., Sagaing region)":
            # Yinmabin), inside the areas named only
            for variant in _variants(surface):
                fz = [i for i in self.lookup_fuzzy(variant, within=levels[0], min_ratio=max(min_ratio, 80.0))
                      if not self.minor(i) or any(self._contains(a, i) for a in homes)]
                if fz:
                    surface = variant
                    break
        fz = [i for i in fz if self.look_alike(text[seg.start:seg.end], i, lang)]
        if fz:
            key = name_key(surface).replace(" ", "")
            ratios = {i: fuzz.ratio(key, name_key(self.recs[i].name).replace(" ", "")) for i in fz}
            best = max(ratios.values())
            return [i for i in fz if ratios[i] >= best - 5.0], "variant spelling"
        for part in _name_parts(surface):
            # a village only for a hyphenated pair ("Dashishah-Tuwaymin road"), not a word of a longer name
            ids = [i for i in self.lookup(part) if any(self._contains(a, i) for a in levels[0]) and
                   (not self.minor(i) or "-" in surface)]
            if ids:
                return ids, f"part of the name '{part}'"
        return [], ""

    def look_alike(self, name: str, rid: int, lang: str) -> bool:
        """Whether a record found as a look-alike spelling of ``name`` may be the place named. In English copy, not
        one that is another name: the name with letters added or taken off at its end ("Baghdadi" is no Baghdad,
        "Daraya" no Dar'a, "Pokrovske" no Pokrovsk; French copy adds a mute e: "Afrine" is Afrin), nor one with 'sh'
        where the copy writes 's' or the other way round ("Saqlawiya" is no Shaqlawah: English transliterations tell
        shin from sin; French ones write 'ch' for both)."""
        if lang != "en":
            return True
        key, other = (name_key(n).replace(" ", "") for n in (name, self.recs[rid].name))
        if other != key and (other.startswith(key) or key.startswith(other)):
            return False
        return _sh(name) == _sh(self.recs[rid].name)

    def salient(self, ids: list[int]) -> bool:
        """Whether the best candidate is well known: a country, admin area, facility, curated name or big town."""
        top = self.recs[ids[0]]
        best_city = max((self.recs[i].pop for i in ids[:20] if self.recs[i].kind == "city"), default=0)
        return top.kind in ("country", "admin1", "facility") or top.curated or best_city >= 50000

    def fill(self, hit: PlaceHit) -> None:
        """Candidates as Places with the precision the relation and kind imply."""
        hit.candidates = [self.place(i, self._precision(i, hit)) for i in hit.ids[:10]]
        if hit.candidates:
            hit.precision = hit.candidates[0].geo_precision

    def _precision(self, rid: int, hit: PlaceHit) -> int:
        kind = self.recs[rid].kind
        if kind in ("admin1", "country"):
            return 3
        if kind == "admin2":
            return 2
        if hit.relation in ("near", "part", "distance") or hit.precision == 2:
            return 2
        if hit.relation == "area" and hit.hint in ("area1", "area2"):
            return 2   # "the Douentza region", "dans la région de Bakhmout": no such area, the area around the town
        return 1

    # ---------- resolution ----------

    def resolve(self, phrase: str, country: str | None = None, context: GeoContext | None = None) -> GeoResult:
        """The place a phrase names ('Bagdad', "dans la province d'Anbar", 'X town in Y countryside')."""
        key = name_key(phrase)
        if not key:
            return GeoResult(None, [], "empty phrase")
        ids = self.ids(key)
        if ids:
            ranked = self._ranked.get((key, country)) if context is None else None
            if ranked is None:
                ranked = self.rank(list(ids), country=country, context=context)[:10]
                if context is None:
                    if len(self._ranked) > 50_000:
                        self._ranked.clear()
                    self._ranked[(key, country)] = ranked
            cands = [self.place(i) for i in ranked]
            return self._result(cands, country, "exact name", ranked)
        text = phrase if any(ch.isupper() for ch in phrase) else _titled(phrase)
        hits = [h for h in self.spot(text) if h.ids or h.reason]
        found = [h for h in hits if h.ids]
        if found:
            h = max(found, key=lambda h: _PLACE_KINDS_ORDER.get(self.recs[h.ids[0]].kind, 0) + (h.relation != ""))
            h.ids = self.rank(h.ids, h.hint, h.relation, country=country, context=context)
            self.fill(h)
            h.candidates[0] = displaced(h.candidates[0], h, text)   # "à 30 km au nord de Gao"
            return self._result(h.candidates, country, h.reason or "spotted", h.ids[:10])
        fz = self.lookup_fuzzy(phrase, countries=[country] if country else (context.countries if context else None))
        if fz:
            ranked = self.rank(fz, country=country, context=context, fuzzy=True)
            return self._result([self.place(i) for i in ranked[:10]], country, "variant spelling", ranked[:10])
        return GeoResult(None, [], f"{NO_PLACE_FOR} '{phrase.strip()}'")

    @staticmethod
    def _result(cands: list[Place], country: str | None, reason: str, ids: list[int]) -> GeoResult:
        if country and cands and cands[0].country_code != country:
            return GeoResult(None, cands, f"no place of that name in {country}", list(ids))
        return GeoResult(cands[0] if cands else None, cands, reason, list(ids))


_BEARINGS = {"nord": 0, "north": 0, "northern": 0, "nord est": 45, "north east": 45, "northeast": 45, "est": 90,
             "east": 90, "eastern": 90, "sud est": 135, "south east": 135, "southeast": 135, "sud": 180, "south": 180,
             "southern": 180, "sud ouest": 225, "south west": 225, "southwest": 225, "ouest": 270, "west": 270,
             "western": 270, "nord ouest": 315, "north west": 315, "northwest": 315}
_DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|kms|kilom\w*|miles?|mi)\b(?:\s+(?:au|a l|à l|to the))?\s*"
                       r"((?:nord|sud|north|south)(?:\s?(?:est|ouest|east|west))?|est|ouest|east|west|northern|"
                       r"southern|eastern|western)?\b")


def displaced(place: Place, hit: PlaceHit, text: str) -> Place:
    """"à 200 km au nord de Tombouctou", "100km southwest of Mogadishu": the point moved that far that way (the
    place keeps its name and a geo_precision of 2); without a direction, the town's own point."""
    if hit.relation != "distance" or place.latitude is None:
        return place
    cue = re.sub(r"[^a-z0-9à.,]+", " ", to_ascii(text[hit.span_start:hit.start]).lower())
    cue = _ROUND_NUMBER.sub(lambda m: _ROUND_NUMBERS[m.group(1)] + " ", cue)   # "une trentaine de km" = 30 km
    m = next((m for m in reversed(list(_DISTANCE.finditer(cue))) if m.group(3)), None)
    if m is None or m.group(3).strip() not in _BEARINGS:
        return place
    km = float(m.group(1).replace(",", ".")) * (1.609 if m.group(2).startswith("mi") else 1.0)
    if not 0 < km <= 500:
        return place
    b = math.radians(_BEARINGS[m.group(3).strip()])
    lat = place.latitude + km * math.cos(b) / 111.2
    lon = place.longitude + km * math.sin(b) / (111.2 * max(0.1, math.cos(math.radians(place.latitude))))
    moved = replace(place, latitude=round(lat, 5), longitude=round(lon, 5), geo_precision=2)
    if km >= _FAR_KM and place.country_code:
        # "à 200 km au nord de Niamey" lies in another region than Niamey: the areas of the nearest town there
        gaz = get_gazetteer()
        town = gaz._nearest_town(place.country_code, -1, lat, lon, km=min(km, 100.0), need_a2=False)
        if town is not None:
            there = gaz.place(town)
            moved = replace(moved, admin1=there.admin1, admin2=there.admin2, admin3="")
    return moved


_FAR_KM = 40.0   # a point moved this far may lie in another admin area than the town it is measured from
_ROUND_NUMBERS = {"dizaine": "10", "quinzaine": "15", "vingtaine": "20", "trentaine": "30", "quarantaine": "40",
                  "cinquantaine": "50", "soixantaine": "60", "centaine": "100"}
_ROUND_NUMBER = re.compile(r"(?:une |a )?(" + "|".join(_ROUND_NUMBERS) + r") (?:de |d )?")


# "Town - Part": ACLED's name of a part of a city (head words, then the part: capitalised words or numbers)
_CITY_PART = re.compile(r"((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*) - ((?:[A-Z0-9][\w'’.-]*)"
                        r"(?: (?:[A-Z0-9][\w'’.-]*|of|de|del|la|el|al|an|as|az|ad|ar)){0,4})"
                        r"(?=\s*[(),.;:\[]|\s+[a-z]|\s*$)")
# a capitalised head word, then one to three lower-case words, then the name (read by _named_body)
_BODY_BEFORE = re.compile(r"\b([A-ZÀ-Ý][\w-]+)((?:\s+(?:d['’])?[a-zà-ÿ][\w'’-]*){1,3})\s+$")
_POSSESSIVE = re.compile(r"['’]s?\b(?!-)")
_OPEN_QUOTES = set("«“\"")
BETWEEN_CUE = re.compile(r"\b(?:entre|between)\W*$", re.I)   # "entre X et Y": also locate._between_pairs
_CLOSE_QUOTES = set("»”\"")


def _name_parts(surface: str) -> list[str]:
    """Shorter forms of an unknown multi-word name: without generic words, then its leading words."""
    words = surface.replace("-", " ").split()
    out = []
    generic = _cues()["generic_parts"]
    core = [w for w in words if w.lower() not in generic]
    if core and len(core) < len(words):
        out.append(" ".join(core))
    for n in range(len(words) - 1, 0, -1):
        out.append(" ".join(words[:n]))
    return [p for p in out if len(p) > 2]


def _titled(phrase: str) -> str:
    """Capitalise every word (offsets kept) so a lower-case phrase can be spotted."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0].upper() + m.group()[1:]
                  if m.group().lower() not in _cues()["title_skip"] else m.group(), phrase)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer (index loaded from the cache, built on first use)."""
    return Gazetteer()
