"""Import GeoNames dump files into a local SQLite gazetteer (village-level places), and read it back lazily.

The user brings the data: per-country ``XX.zip`` / ``XX.txt``, ``allCountries.zip`` or ``cities500.zip`` as
geonames.org serves them (UTF-8, tab-separated, 19 columns, no header). Rows of the chosen feature classes (P:
populated places, by default) go into ``geonames.sqlite`` in the gazetteer folder: ``--gazetteer DIR``, else
``$EVENTWIRE_GAZETTEER``, else a per-user data folder (see :func:`gazetteer_dir`).

Tables: ``sources`` (one row per imported file, keyed by its name without extension: re-importing ``IQ.zip``
or ``IQ.txt`` replaces what came from the earlier ``IQ`` file), ``places`` (one row per GeoNames row) and ``names``
(one row per distinct matching key of a place: its name, ASCII name and Latin-script alternate names, with the
consonant skeleton used by the transliteration fallback). ``meta`` holds a Bloom filter of every key so that the
geocoder answers "not here" without touching the database for the many capitalised words that are no place.
"""
from __future__ import annotations

import io
import math
import os
import sqlite3
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from hashlib import blake2b
from pathlib import Path
from typing import Callable, Iterator

from .normalize import name_key, skeleton

FORMAT = 1
DB_NAME = "geonames.sqlite"
ENV = "EVENTWIRE_GAZETTEER"
N_COLUMNS = 19
MAX_REPORTED = 50            # bad lines printed per file; the rest are counted
_BLOOM_BITS_PER_KEY = 16
_BLOOM_HASHES = 3

# ranking prior of a place by GeoNames feature code (added to log10(population + 1))
FCODE_PRIOR = {"PPLC": 2.0, "PPLA": 1.5, "PPLA2": 1.0, "PPLA3": 0.5, "PPLA4": 0.3, "PPLG": 1.0,
               "PPLX": -1.0, "PPLL": -0.3, "PPLF": -0.3, "PPLQ": -2.0, "PPLW": -2.0, "PPLH": -2.0, "PPLCH": -2.0,
               "STLMT": -0.5}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v BLOB);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, path TEXT, size INTEGER, classes TEXT,
    imported_at TEXT, seconds REAL, places INTEGER, names INTEGER, bad INTEGER);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, gid INTEGER NOT NULL, src INTEGER NOT NULL, name TEXT NOT NULL, cc TEXT NOT NULL,
    fclass TEXT, fcode TEXT, a1 TEXT, a2 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, pop INTEGER NOT NULL,
    modified TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, pid INTEGER NOT NULL, skel TEXT, cc TEXT, prior REAL);
CREATE INDEX IF NOT EXISTS places_src ON places(src);
CREATE INDEX IF NOT EXISTS places_cc ON places(cc);
"""
_NAME_INDEXES = ("CREATE INDEX IF NOT EXISTS names_key ON names(key)",
                 "CREATE INDEX IF NOT EXISTS names_skel ON names(skel, cc)",
                 "CREATE INDEX IF NOT EXISTS names_pid ON names(pid)")


def default_dir() -> Path:
    """The per-user data folder: XDG_DATA_HOME (Linux), Application Support (macOS), LOCALAPPDATA (Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "eventwire" / "gazetteer"


def gazetteer_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The gazetteer folder: the one given, else $EVENTWIRE_GAZETTEER, else the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV)
    return Path(env).expanduser() if env else default_dir()


def db_path(directory: str | os.PathLike | None = None) -> Path:
    return gazetteer_dir(directory) / DB_NAME


def prior(pop: int, fcode: str) -> float:
    """How well known a place is, before context: population, then feature code (capitals up, ruins down)."""
    return math.log10(max(pop, 0) + 1) + FCODE_PRIOR.get(fcode, 0.0)


def latin(s: str) -> bool:
    """Latin script only (the spotter reads Latin-script text)."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or not ch.isalpha() for ch in s)


def place_names(name: str, asciiname: str, alternates: str) -> list[str]:
    """The matching keys of a row: name, ASCII name and Latin-script alternate names; codes (airport, postal) and
    one-letter keys left out."""
    keys: dict[str, None] = {}
    for i, n in enumerate([name, asciiname, *alternates.split(",")]):
        n = n.strip()
        if not n or not latin(n) or "http" in n:
            continue
        if i >= 2 and (any(ch.isdigit() for ch in n) or (n.isupper() and len(n) <= 4)):
            continue   # "BGW", "ORBI", "10001": codes, not names
        k = name_key(n)
        if len(k) >= 2:
            keys[k] = None
    return list(keys)


# ---------------------------------------------------------------- reading dump files

class BadLine(ValueError):
    """A line that is not a GeoNames row."""


@dataclass
class Row:
    gid: int
    name: str
    cc: str
    fclass: str
    fcode: str
    a1: str
    a2: str
    lat: float
    lon: float
    pop: int
    modified: str
    keys: list[str]


def parse_line(line: str, classes: frozenset[str] | None = None) -> Row | None:
    """One dump line as a Row; None when its feature class is not wanted; BadLine when it is malformed."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != N_COLUMNS:
        raise BadLine(f"{len(cols)} columns, expected {N_COLUMNS}")
    fclass = cols[6].strip()
    if classes is not None and fclass not in classes:
        return None
    try:
        gid = int(cols[0])
    except ValueError:
        raise BadLine(f"geonameid {cols[0][:20]!r} is not a number") from None
    try:
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        raise BadLine(f"coordinates {cols[4][:20]!r}, {cols[5][:20]!r} are not numbers") from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or math.isnan(lat) or math.isnan(lon):
        raise BadLine(f"coordinates {lat}, {lon} out of range")
    cc = cols[8].strip().upper()
    if len(cc) != 2 or not cc.isalpha():
        raise BadLine(f"country code {cols[8][:20]!r}")
    pop_s = cols[14].strip()
    try:
        pop = int(pop_s) if pop_s else 0
    except ValueError:
        raise BadLine(f"population {pop_s[:20]!r} is not a number") from None
    name = cols[1].strip()
    if not name:
        raise BadLine("empty name")
    keys = place_names(name, cols[2], cols[3])
    return Row(gid, name, cc, fclass, cols[7].strip(), cols[10].strip(), cols[11].strip(), lat, lon, max(pop, 0),
               cols[18].strip(), keys)


def source_name(path: Path) -> str:
    """The identity of a dump file across re-imports: its name without extension ('IQ.zip' and 'IQ.txt': 'IQ')."""
    name = path.name
    for ext in (".zip", ".txt", ".tsv"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def _members(path: Path) -> Iterator[tuple[str, int, io.TextIOBase]]:
    """(display name, size in bytes, text stream) of each data file: the file itself, or each .txt in a zip except
    GeoNames' readme."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                base = info.filename.rsplit("/", 1)[-1].lower()
                if info.is_dir() or not base.endswith(".txt") or base.startswith("readme"):
                    continue
                with z.open(info) as raw:
                    yield f"{path.name}/{info.filename}", info.file_size, \
                        io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")
    elif path.suffix.lower() == ".zip":
        raise zipfile.BadZipFile("not a zip file")
    else:
        with open(path, encoding="utf-8", errors="strict", newline="\n") as f:
            yield path.name, path.stat().st_size, f


# ---------------------------------------------------------------- the store

def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path)
        con.executescript(_SCHEMA)
        con.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (str(FORMAT),))
        con.commit()
    con.execute("PRAGMA cache_size = -65536")
    return con


@dataclass
class FileReport:
    """What one file gave."""
    file: str
    places: int = 0
    names: int = 0
    other_classes: int = 0
    bad: int = 0
    bad_lines: list[str] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    replaced: int = 0
    seconds: float = 0.0
    error: str = ""


ProgressFn = Callable[[int], None]


def import_files(paths: list[str | os.PathLike], directory: str | os.PathLike | None = None,
                 classes: str | list[str] = "P", progress: Callable[[str, int], ProgressFn] | None = None,
                 on_bad: Callable[[str], None] | None = None) -> list[FileReport]:
    """Import dump files into the gazetteer folder; returns one report per file.

    ``progress(label, total_bytes)`` returns a callback taking bytes read; ``on_bad`` receives "file:line: why"
    for each of the first bad lines of a file."""
    wanted = frozenset(c.strip().upper() for c in (classes.split(",") if isinstance(classes, str) else classes)
                       if c.strip())
    con = connect(db_path(directory))
    reports: list[FileReport] = []
    try:
        for stmt in ("DROP INDEX IF EXISTS names_key", "DROP INDEX IF EXISTS names_skel"):
            con.execute(stmt)   # bulk insert, then index once
        for p in paths:
            reports.append(_import_one(con, Path(p), wanted, progress, on_bad))
        for stmt in _NAME_INDEXES:
            con.execute(stmt)
        _write_bloom(con)
        con.commit()
        con.execute("ANALYZE")
        con.commit()
    finally:
        con.close()
    return reports


def _import_one(con: sqlite3.Connection, path: Path, wanted: frozenset[str],
                progress: Callable[[str, int], ProgressFn] | None, on_bad: Callable[[str], None] | None) -> FileReport:
    rep = FileReport(path.name)
    t0 = time.perf_counter()
    if not path.is_file():
        rep.error = "not a file"
        return rep
    name = source_name(path)
    try:
        with con:   # one transaction per file: a failed file leaves the earlier import of it in place
            old = con.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
            if old:
                rep.replaced = _delete_source(con, old[0])
            cur = con.execute("INSERT INTO sources (name, path, size, classes, imported_at) VALUES (?, ?, ?, ?, ?)",
                              (name, str(path.resolve()), path.stat().st_size, ",".join(sorted(wanted)),
                               datetime.now(timezone.utc).isoformat(timespec="seconds")))
            src = cur.lastrowid
            next_id = (con.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0]) + 1
            places: list[tuple] = []
            names: list[tuple] = []
            for label, size, stream in _members(path):
                tick = progress(label, size) if progress else None
                done = 0
                for lineno, line in enumerate(stream, 1):
                    done += len(line)
                    if tick and lineno % 5000 == 0:
                        tick(done)
                    if not line.strip():
                        continue
                    try:
                        row = parse_line(line, wanted)
                    except BadLine as exc:
                        rep.bad += 1
                        msg = f"{label}:{lineno}: {exc}"
                        if rep.bad <= MAX_REPORTED:
                            rep.bad_lines.append(msg)
                            if on_bad:
                                on_bad(msg)
                        continue
                    if row is None:
                        rep.other_classes += 1
                        continue
                    pid = next_id
                    next_id += 1
                    places.append((pid, row.gid, src, row.name, row.cc, row.fclass, row.fcode, row.a1, row.a2,
                                   row.lat, row.lon, row.pop, row.modified))
                    pr = prior(row.pop, row.fcode)
                    names.extend((k, pid, skeleton(k), row.cc, pr) for k in row.keys)
                    rep.countries[row.cc] += 1
                    if len(names) >= 200_000:
                        _flush(con, places, names)
                        rep.places += len(places)
                        rep.names += len(names)
                        places, names = [], []
                if tick:
                    tick(done)
            _flush(con, places, names)
            rep.places += len(places)
            rep.names += len(names)
            rep.seconds = time.perf_counter() - t0
            con.execute("UPDATE sources SET places = ?, names = ?, bad = ?, seconds = ? WHERE id = ?",
                        (rep.places, rep.names, rep.bad, round(rep.seconds, 2), src))
            if rep.places == 0:
                con.execute("DELETE FROM sources WHERE id = ?", (src,))
    except (UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
        rep.error = f"{type(exc).__name__}: {exc}"
        rep.places = rep.names = 0
        rep.countries.clear()
    rep.seconds = time.perf_counter() - t0
    return rep


def _flush(con: sqlite3.Connection, places: list[tuple], names: list[tuple]) -> None:
    con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    con.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)


def _delete_places(con: sqlite3.Connection, column: str, value: str | int) -> int:
    """Delete the places whose ``column`` (src or cc) is ``value``, with their names; returns how many."""
    n = con.execute(f"SELECT COUNT(*) FROM places WHERE {column} = ?", (value,)).fetchone()[0]
    if n:
        con.execute("CREATE INDEX IF NOT EXISTS names_pid ON names(pid)")
        con.execute(f"DELETE FROM names WHERE pid IN (SELECT id FROM places WHERE {column} = ?)", (value,))
        con.execute(f"DELETE FROM places WHERE {column} = ?", (value,))
    return n


def _delete_source(con: sqlite3.Connection, src: int) -> int:
    n = _delete_places(con, "src", src)
    con.execute("DELETE FROM sources WHERE id = ?", (src,))
    return n


def remove_country(cc: str, directory: str | os.PathLike | None = None) -> int:
    """Remove every imported place of a country (ISO2); returns how many. Sources left empty are forgotten."""
    path = db_path(directory)
    if not path.exists():
        return 0
    con = connect(path)
    try:
        with con:
            n = _delete_places(con, "cc", cc.upper())
            con.execute("UPDATE sources SET places = (SELECT COUNT(*) FROM places WHERE src = sources.id)")
            con.execute("DELETE FROM sources WHERE places = 0")
            _write_bloom(con)
        con.execute("VACUUM")
    finally:
        con.close()
    return n


def status(directory: str | os.PathLike | None = None) -> dict:
    """What is loaded: folder, file size, countries (places each), sources (file, places, date)."""
    path = db_path(directory)
    out: dict = {"folder": str(path.parent), "database": str(path), "exists": path.exists(), "places": 0,
                 "names": 0, "countries": {}, "sources": []}
    if not path.exists():
        return out
    con = connect(path, readonly=True)
    try:
        out["size_bytes"] = path.stat().st_size
        out["countries"] = dict(con.execute("SELECT cc, COUNT(*) FROM places GROUP BY cc ORDER BY cc"))
        out["places"] = sum(out["countries"].values())
        out["names"] = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        for name, p, n, places, bad, when, classes in con.execute(
                "SELECT name, path, names, places, bad, imported_at, classes FROM sources ORDER BY name"):
            out["sources"].append({"name": name, "path": p, "places": places, "names": n, "bad_lines": bad,
                                   "imported_at": when, "classes": classes})
    finally:
        con.close()
    return out


# ---------------------------------------------------------------- Bloom filter of the keys

def _hashes(key: str, m: int) -> list[int]:
    h = int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
    h1, h2 = h & 0xFFFFFFFF, (h >> 32) | 1
    return [(h1 + i * h2) % m for i in range(_BLOOM_HASHES)]


def _write_bloom(con: sqlite3.Connection) -> None:
    n = con.execute("SELECT COUNT(DISTINCT key) FROM names").fetchone()[0]
    m = max(64, n * _BLOOM_BITS_PER_KEY)
    bits = bytearray((m + 7) // 8)
    for (key,) in con.execute("SELECT DISTINCT key FROM names"):
        for p in _hashes(key, m):
            bits[p >> 3] |= 1 << (p & 7)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('bloom', ?)", (bytes(bits),))
    con.execute("INSERT OR REPLACE INTO meta VALUES ('bloom_m', ?)", (str(m),))


class Bloom:
    """Membership test of name keys (no false negatives; about 0.1% false positives)."""

    def __init__(self, bits: bytes, m: int) -> None:
        self.bits, self.m = bits, m

    def __contains__(self, key: str) -> bool:
        bits = self.bits
        for p in _hashes(key, self.m):
            if not bits[p >> 3] & (1 << (p & 7)):
                return False
        return True


# ---------------------------------------------------------------- reading the store at run time

PlaceRow = tuple   # (gid, name, cc, fcode, a1, a2, lat, lon, pop)


class ImportedStore:
    """Read access to an imported gazetteer, opened on first use (and again in a forked process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self.bloom: Bloom | None = None

    @classmethod
    def find(cls, directory: str | os.PathLike | None = None) -> ImportedStore | None:
        """The store of the gazetteer folder, or None when nothing was imported there."""
        path = db_path(directory)
        return cls(path) if path.is_file() else None

    def _open(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            con = connect(self.path, readonly=True)
            meta = dict(con.execute("SELECT k, v FROM meta"))
            bits, m = meta.get("bloom"), meta.get("bloom_m")
            self.bloom = Bloom(bits, int(m)) if bits and m else None
            self._con, self._pid = con, os.getpid()
        return self._con

    def maybe(self, key: str) -> bool:
        """False when no imported place has this key (no database read)."""
        self._open()
        return self.bloom is None or key in self.bloom

    def by_key(self, key: str) -> list[PlaceRow]:
        if not self.maybe(key):
            return []
        return self._open().execute(
            "SELECT p.gid, p.name, p.cc, p.fcode, p.a1, p.a2, p.lat, p.lon, p.pop FROM names n "
            "JOIN places p ON p.id = n.pid WHERE n.key = ? ORDER BY n.prior DESC", (key,)).fetchall()

    def by_skeleton(self, skel: str, countries: list[str] | None = None, limit: int = 400) -> list[tuple]:
        """(matched key, *PlaceRow) of places whose key has this consonant skeleton, best known first."""
        con = self._open()
        sql = ("SELECT n.key, p.gid, p.name, p.cc, p.fcode, p.a1, p.a2, p.lat, p.lon, p.pop FROM names n "
               "JOIN places p ON p.id = n.pid WHERE n.skel = ?")
        args: list = [skel]
        if countries:
            sql += f" AND n.cc IN ({','.join('?' * len(countries))})"
            args += list(countries)
        sql += " ORDER BY n.prior DESC LIMIT ?"
        return con.execute(sql, (*args, limit)).fetchall()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
