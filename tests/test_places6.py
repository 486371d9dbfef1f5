"""Place choice on news copy (issue #10, places, sixth round): a village the gazetteer lacks keeps its own name at
the point of the area the text locates it by; towns listed apart stay apart however close.

Every sentence here was written for these tests (French and English, in the style of agency copy); "Tangakoro"
stands for a village the built-in gazetteer lacks.
"""
from __future__ import annotations

import pytest

from eventwire.assemble import _listed_apart
from eventwire.geo.gazetteer import get_gazetteer
from eventwire.model import Place
from helpers import events


def places(text: str, lang: str, published: str = "2024-03-14"):
    return [e.place.value for e in events(text, lang, published)]


def test_the_village_used_here_is_missing_from_the_gazetteer():
    assert get_gazetteer().resolve("Tangakoro").place is None


# -- a missing village located by the commune, district or province the text names with it -------------------------

LOCATED = [
    ("fr", "Des hommes armés ont tué cinq civils mardi dans le village de Tangakoro, dans la commune de Djibo.",
     "Djibo"),
    ("fr", "Des hommes armés ont tué cinq civils mardi à Tangakoro (Soum).", "Soum"),
    ("fr", "Des hommes armés ont tué cinq civils mardi à Tangakoro dans la région de Mopti.", "Mopti"),
    ("en", "Gunmen killed five civilians on Tuesday in Tangakoro village in Djibo district, Soum province.", "Djibo"),
    ("en", "Gunmen killed five civilians on Tuesday in the village of Tangakoro in Djibo district.", "Djibo"),
    ("en", "Gunmen killed five civilians on Tuesday in Tangakoro, Soum province.", "Soum"),
]


@pytest.mark.parametrize("lang,text,area", LOCATED)
def test_a_missing_village_keeps_its_name_at_its_areas_point(lang, text, area):
    [p] = places(text, lang)
    where = get_gazetteer().resolve(area, country="ML" if area == "Mopti" else "BF").place
    assert p.location == "Tangakoro", p
    assert (p.latitude, p.longitude) == (where.latitude, where.longitude), (p, where)
    assert p.geo_precision >= 2


@pytest.mark.parametrize("lang,text,name", [
    # a verb's object may be a person: the area's name stays ("attacked Mohammed Bello in Kano")
    ("en", "Gunmen attacked Mohammed Bello in Kano on Monday, killing his driver, police said.", "Kano"),
    # a part of a town keeps its town's name
    ("en", "Gunmen killed two traders on Monday in the Sabon Gari market area of Kano, police said.", "Kano"),
])
def test_a_person_or_a_part_of_a_town_is_no_village_name(lang, text, name):
    assert [p.location for p in places(text, lang)][:1] == [name]


# -- towns of a list are apart when named unlike each other, however close ------------------------------------------

def _town(name: str, lat: float, lon: float, admin2: str = "") -> Place:
    return Place(name, "Democratic Republic of Congo", 180, "Middle Africa", "Nord-Kivu", admin2, "", lat, lon, 1,
                 country_code="CD", kind="city")


def test_two_listed_towns_four_km_apart_named_unlike_are_two_places():
    # "se sont emparés des villes de Rutshuru et de Kiwanja": Kiwanja lies 4 km from Rutshuru, in the territory
    # named after it; a town the gazetteer lacks is listed at its neighbour's point and is already apart
    rutshuru = _town("Rutshuru", -1.18666, 29.44669, "Rutshuru")
    kiwanja = _town("Kiwanja", -1.16, 29.43, "Rutshuru")
    assert _listed_apart(kiwanja, rutshuru)
    # one town spelt twice is one place
    assert not _listed_apart(_town("Bunangana", -1.29, 29.6), _town("Bunagana", -1.285, 29.6))
