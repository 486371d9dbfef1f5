"""English spellings of conflict places: share the geocoder puts in the right country and first-level area.

usage: python benchmarks/english_names.py [--show]

Reads tests/data/english_place_names.yaml (ISO2 -> name as English copy writes it -> its admin1). Each name is
located in "An attack took place near NAME, local officials said" with the story's country as context.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from eventwire.geo import GeoContext, get_gazetteer, locate_event
from eventwire.geo.normalize import name_key
from eventwire.model import Document

NAMES = Path(__file__).resolve().parents[1] / "tests" / "data" / "english_place_names.yaml"


def placed(gaz, cc: str, name: str):
    """The Place found for a name in an English sentence, or None when it is not a town of country cc."""
    text = f"An attack took place near {name}, local officials said"
    doc = Document(id="t", text=text, language="en")
    doc.sentences = [(0, len(text))]
    p = locate_event(doc, [0], None, GeoContext(countries=[cc]), gaz).value
    return p if p is not None and p.country_code == cc and p.kind != "country" else None


def in_admin1(gaz, place, cc: str, admin1: str) -> bool:
    """Whether the place lies in the first-level area of country cc that ``admin1`` names."""
    areas = {gaz.recs[i].name for i in gaz.lookup(admin1) if gaz.recs[i].cc == cc and gaz.recs[i].kind == "admin1"}
    return place.admin1 in areas or name_key(place.admin1) == name_key(admin1)


def measure(gaz) -> tuple[int, int, list, list]:
    """(names, placed in the right admin1, names not found, names placed in another admin1) over the list."""
    names = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    total, ok, wrong_area, misses = 0, 0, [], []
    for cc, pairs in names.items():
        for name, admin1 in pairs.items():
            total += 1
            p = placed(gaz, cc, name)
            if p is None:
                misses.append((cc, name, ""))
            elif not in_admin1(gaz, p, cc, admin1):
                wrong_area.append((cc, name, f"{p.location} / {p.admin1}"))
            else:
                ok += 1
    return total, ok, misses, wrong_area


def main(argv: list[str]) -> int:
    total, ok, misses, wrong_area = measure(get_gazetteer())
    print(f"english_names {total}  placed {ok}  share {ok / total:.3f}  (not found {len(misses)}, "
          f"wrong admin1 {len(wrong_area)})")
    if "--show" in argv:
        for cc, n, got in misses + wrong_area:
            print(f"  {'missed' if not got else 'wrong '} {cc} {n} {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
