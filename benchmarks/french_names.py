"""French spellings of conflict places: share the geocoder puts in the right country (town level).

usage: python benchmarks/french_names.py [--show]

Reads tests/data/french_place_names.yaml (ISO2 -> names as French copy writes them). Each name is located in
"Une attaque a eu lieu près de NAME, selon des sources locales" with the story's country as context.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from eventwire.geo import GeoContext, get_gazetteer, locate_event
from eventwire.model import Document

NAMES = Path(__file__).resolve().parents[1] / "tests" / "data" / "french_place_names.yaml"


def placed(gaz, cc: str, name: str):
    """The Place found for a name in a French sentence, or None when it is not a town of country cc."""
    text = f"Une attaque a eu lieu près de {name}, selon des sources locales"
    doc = Document(id="t", text=text, language="fr")
    doc.sentences = [(0, len(text))]
    p = locate_event(doc, [0], None, GeoContext(countries=[cc]), gaz).value
    return p if p is not None and p.country_code == cc and p.kind != "country" else None


def main(argv: list[str]) -> int:
    gaz = get_gazetteer()
    names = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    misses = [(cc, n) for cc, ns in names.items() for n in ns if placed(gaz, cc, n) is None]
    total = sum(len(ns) for ns in names.values())
    print(f"french_names {total}  placed {total - len(misses)}  share {(total - len(misses)) / total:.3f}")
    if "--show" in argv:
        for cc, n in misses:
            print(f"  missed {cc} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
