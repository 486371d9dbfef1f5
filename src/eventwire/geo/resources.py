"""The analyst-editable geo data files under ``eventwire/data/geo`` (CSV with '#' header comments, YAML)."""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "geo"
FILES = ("countries.csv", "exonyms.csv", "facilities.csv", "admin1.csv", "cues.yaml")   # the index is built from these


@dataclass(frozen=True)
class CountryMeta:
    """ACLED metadata of a country."""
    code: str      # ISO2
    name: str      # ACLED name
    iso: int | None
    region: str
    aliases: tuple[str, ...]


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a data CSV; lines starting with '#' are documentation."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def split_list(value: str) -> list[str]:
    """A '|'-separated CSV cell as a list."""
    return [v.strip() for v in value.split("|") if v.strip()]


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryMeta]:
    """ACLED country metadata by ISO2 code."""
    out: dict[str, CountryMeta] = {}
    for r in read_csv("countries.csv"):
        iso = int(r["iso"]) if r["iso"] else None
        out[r["code"]] = CountryMeta(r["code"], r["acled_name"], iso, r["region"], tuple(split_list(r["aliases"])))
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """Cue phrases and word lists (relations, feature words, stop words)."""
    with open(DATA_DIR / "cues.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@lru_cache(maxsize=1)
def transliteration() -> dict[str, Any]:
    """Transliteration rewrites tried for names missing from the gazetteer (transliteration.yaml)."""
    with open(DATA_DIR / "transliteration.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def data_hash() -> str:
    """Hash of the data files and the index-building code, for the index cache key."""
    h = hashlib.sha1()
    for name in FILES:
        h.update((DATA_DIR / name).read_bytes())
    for code in ("normalize.py", "index.py"):  # the index depends on how names are keyed
        h.update((Path(__file__).parent / code).read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality adjectives of every country (EN + FR, lower-case), from the actors' demonyms.yaml."""
    from ..ingest._data import load_data

    data = load_data("demonyms.yaml")   # parsed once for the actors stage and the geocoder
    return frozenset(a.lower() for rec in data.values() for key in ("adj_en", "adj_fr") for a in rec.get(key) or [])


@lru_cache(maxsize=1)
def actor_names() -> frozenset[str]:
    """Name keys of the armed groups, parties and movements the actors' lexicon (actors.yaml) knows by name: a
    place inside one ("l'État islamique au Sahel") or one of them read as a place ("al-Shabab") is no place."""
    from ..ingest._data import load_data
    from .normalize import name_key

    data = load_data("actors.yaml")   # parsed once for the actors stage and the geocoder
    return frozenset(name_key(a) for g in data.get("groups") or [] if "state" not in g
                     for lang in ("en", "fr") for a in g.get(lang) or [] if name_key(a))


@lru_cache(maxsize=1)
def actor_name_ends() -> frozenset[str]:
    """The last word of each of :func:`actor_names` (a phrase whose key's last word is none of them names none)."""
    return frozenset(k.split()[-1] for k in actor_names())


@lru_cache(maxsize=1)
def actor_acronyms() -> frozenset[str]:
    """Acronyms of the groups and forces the actors' lexicon knows (actors.yaml, as written: "FAMa", "FARDC"):
    one the gazetteer does not know as a place is never read as one ("(FAMa) dans la région de Tombouctou")."""
    from ..ingest._data import load_data

    data = load_data("actors.yaml")
    return frozenset(a for g in data.get("groups") or [] for a in g.get("acronyms") or [] if len(a) >= 2)
