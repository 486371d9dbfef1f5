"""Place choice on news copy (issue #10, places): a place read inside the area its sentence names with it, the town
rather than the region framing it, a town described by a direction from another, roads and stretches named by two
towns of which the gazetteer knows one, a French town name carrying its region ("Nioro du Sahel"), an Arabic
article written glued to the name ("Elwak").

Every sentence here was written for these tests (French and English, in the style of agency copy); "Boni" and
"Kalamboli" stand for villages the built-in gazetteer lacks.
"""
from __future__ import annotations

import pytest

from eventwire.geo.gazetteer import get_gazetteer
from helpers import events


def places(text: str, lang: str, published: str = "2025-03-12", dateline: str = ""):
    return [e.place.value for e in events(text, lang, published, dateline=dateline)]


def spot(text: str, lang: str):
    return get_gazetteer().spot(text, lang)


def test_villages_used_here_are_missing_from_the_gazetteer():
    for name in ("Boni", "Kalamboli"):
        assert get_gazetteer().resolve(name).place is None


# -- a possessive area (English): "Chhattisgarh's Bijapur district" is not Karnataka's Bijapur ----------------------

def test_possessive_area_reads_the_district_inside_it_en():
    (p,) = places("Suspected Maoists shot dead two villagers in Chhattisgarh's Bijapur district on Tuesday night, "
                  "police said on Wednesday.", "en")
    assert p.location == "Bijapur" and p.admin1 == "Chhattisgarh"


def test_a_town_named_like_the_district_the_story_names_en():
    text = ("Gunmen killed a farmer in Manipur's Bishnupur district on Saturday, police said.\n\n"
            "On Sunday, hundreds of women marched in Bishnupur to protest against the killing.")
    got = places(text, "en", "2025-03-17")
    assert got and all(p.admin1 == "Manipur" for p in got)


def test_an_area_homonym_is_decided_by_the_other_area_of_the_sentence_fr():
    (p,) = places("Des insurgés maoïstes ont tué deux villageois mardi dans le district de Bijapur, dans l'État du "
                  "Chhattisgarh, a indiqué la police.", "fr")
    assert p.admin1 == "Chhattisgarh"


# -- a region fronted before a town inside it frames the sentence; the town is the scene ----------------------------

def test_fronted_region_gives_way_to_the_town_inside_it_fr():
    (p,) = places("Dans l'Extrême-Nord, des combattants jihadistes ont attaqué lundi soir un quartier de Koza, "
                  "tuant trois civils, selon une source sécuritaire.", "fr", "2025-03-11")
    assert p.location == "Koza" and p.geo_precision == 1


def test_fronted_region_gives_way_to_the_town_inside_it_en():
    (p,) = places("In Borno state, jihadists on Monday stormed a crowded market in Damboa and killed five traders, "
                  "a local official said.", "en", "2025-03-11")
    assert p.location == "Damboa"


# -- "contre X, une commune au sud-ouest de Y": X, not Y ------------------------------------------------------------

def test_attack_against_a_town_described_by_a_direction_fr():
    (p,) = places("Des membres d'un gang ont tué au moins quatre personnes mardi lors d'une attaque contre Gressier, "
                  "une commune située au sud-ouest de Port-au-Prince, selon la police.", "fr")
    assert p.location == "Gressier"


def test_attack_against_a_town_described_by_a_direction_en():
    (p,) = places("Gang members killed at least four people on Tuesday in an attack against Gressier, a town "
                  "southwest of Port-au-Prince, police said.", "en")
    assert p.location == "Gressier"


# -- a road or stretch between two towns, one of them missing from the gazetteer ------------------------------------

def test_road_named_by_two_towns_one_known_fr():
    (p,) = places("Jeudi, un véhicule militaire a sauté sur un engin explosif sur l'axe Douentza-Boni, tuant deux "
                  "soldats, a indiqué une source locale.", "fr")
    assert p.location == "Douentza" and p.geo_precision == 2


def test_between_a_missing_village_and_a_known_town_en():
    (p,) = places("Militants ambushed an army convoy between Boni and Douentza on Thursday, killing two soldiers, "
                  "a security source said.", "en")
    assert p.location == "Douentza" and p.geo_precision == 2


def test_between_two_unknown_names_is_no_place():
    hits = spot("Une embuscade a eu lieu entre Kalamboli et Boni jeudi.", "fr")
    assert not any(h.candidates for h in hits)


# -- a French town name that carries its region ----------------------------------------------------------------------

def test_town_name_carrying_a_region_of_another_country_fr():
    (p,) = places("Le camp militaire de Nioro du Sahel, dans l'ouest du Mali, a été attaqué mardi à l'aube par des "
                  "jihadistes, selon l'armée.", "fr")
    assert p.location == "Nioro" and p.country_code == "ML"


def test_a_casino_of_a_city_is_not_a_town_abroad_en():
    hits = spot("Croupiers marched to the Casino de Montreal on Sunday.", "en")
    assert not any(h.candidates and h.candidates[0].country_code == "AU" for h in hits)


# -- an Arabic article written glued to the name ----------------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Three police officers were killed when their truck hit a roadside bomb near Elwak in Mandera County on "
           "Friday, police said."),
    ("fr", "Trois policiers ont été tués vendredi lorsque leur camion a sauté sur une mine près d'Elwak, dans le "
           "comté de Mandera, selon la police."),
])
def test_glued_article_is_found_inside_the_area_named(lang, text):
    got = places(text, lang, "2025-03-15")
    assert got and all(p.location == "El Wak" for p in got)


# -- a headline placed only by the dateline town: the body's reading at that town, not a town a detail names -------

def test_headline_incident_at_the_dateline_town_not_where_a_detail_heads_en():
    text = ("Police defuse truck bomb near Afgooye checkpoint\n\n"
            "AFGOOYE - Police on Thursday defused a truck bomb at a checkpoint on the outskirts of Afgooye, about "
            "30 kilometres northwest of Mogadishu, a police officer said.\n\n"
            "Officers stopped the truck at dawn after its driver fled on foot. \"The truck was heading to Mogadishu "
            "to kill civilians,\" the officer said.")
    got = places(text, "en", "2025-03-14", "AFGOOYE")
    assert got and got[0].location == "Afgooye"


def test_headline_incident_at_the_dateline_town_not_where_a_detail_heads_fr():
    text = ("La police désamorce un camion piégé près d'un poste de contrôle d'Afgooye\n\n"
            "AFGOOYE - La police a désamorcé jeudi un camion piégé à un poste de contrôle à la sortie d'Afgooye, à "
            "une trentaine de kilomètres au nord-ouest de Mogadiscio, a indiqué un policier.\n\n"
            "Le chauffeur a pris la fuite. « Le camion se dirigeait vers Mogadiscio pour tuer des civils », a "
            "déclaré le policier.")
    got = places(text, "fr", "2025-03-14", "AFGOOYE")
    assert got and got[0].location == "Afgooye"


# -- a force's acronym is no place, even with an area after it ------------------------------------------------------

@pytest.mark.parametrize("lang,text,acronym", [
    ("fr", "Sept civils ont été tués mardi dans une frappe attribuée aux Forces armées maliennes (FAMa) dans la "
           "région de Tombouctou.", "FAMa"),
    ("en", "Soldiers of the Congolese army (FARDC) in Ituri province repelled an attack on Monday.", "FARDC"),
])
def test_force_acronym_is_not_read_as_a_place(lang, text, acronym):
    assert not any(h.surface == acronym for h in spot(text, lang))
