"""Place choice on real pages (session 18, issue #10, places): the town named inside a possessive area with its
head noun ("in Gaza's southernmost city of Rafah"), a district refined to
the town inside it that the incident's other sentences name.

Every sentence here was written for these tests (agency style, real places, invented incidents).
"""
from __future__ import annotations

import pytest

from eventwire.geo.locate import _roles
from helpers import events


def places(text: str, lang: str, published: str = "2025-03-12", dateline: str = ""):
    return [e.place.value for e in events(text, lang, published, dateline=dateline)]


# -- a possessive area with the place's head noun: "Gaza's southernmost city of Rafah" is Rafah, not Gaza ----------

@pytest.mark.parametrize("gap,ok", [("’s southernmost city ", True), ("'s northeastern town ", True),
                                    ("'s western state ", True), ("'s city of ", True), ("'s Northern city ", False),
                                    ("'s army said the town ", False)])
def test_possessive_gap_with_a_head_noun(gap: str, ok: bool) -> None:
    assert bool(_roles()["possessive_area"].fullmatch(gap)) is ok


def test_possessive_area_with_head_noun_reads_the_town_en():
    (p,) = places("An Israeli drone strike on a car in Gaza’s southernmost city of Rafah killed three men on "
                  "Thursday, hospital officials said.", "en")
    assert p.location == "Rafah" and p.admin1 == "Gaza Strip" and p.geo_precision == 1


def test_possessive_country_with_head_noun_reads_the_town_en():
    (p,) = places("Jihadists stormed Nigeria's northeastern town of Gubio on Monday night and killed six herders, "
                  "residents said.", "en")
    assert p.location == "Gubio" and p.country_code == "NG"


# -- a district read for the incident, a town inside it named in its other sentences: the town ----------------------

def test_district_refined_to_the_town_named_after_it_fr():
    (p,) = places("Sept civils ont été tués dimanche lors d'une attaque de jihadistes dans la province du Soum, selon "
                  "des sources sécuritaires. Les faits se sont produits près d'un puits, en périphérie de Djibo, ont "
                  "précisé ces sources.", "fr")
    assert p.location == "Djibo" and p.admin2 == "Soum"


def test_district_refined_to_the_town_named_after_it_en():
    (p,) = places("Six rebels were killed in a clash with government troops in Oriental Mindoro on Thursday, the army "
                  "said. The firefight broke out near a farm in Bulalacao town, about three kilometers from an army "
                  "detachment.", "en")
    assert p.location == "Bulalacao" and p.admin1 == "Mimaropa" and p.geo_precision == 1


def test_district_alone_stays_the_district_en():
    (p,) = places("Six rebels were killed in a clash with government troops in Oriental Mindoro on Thursday, the army "
                  "said.", "en")
    assert p.kind == "admin2" and p.geo_precision == 2
