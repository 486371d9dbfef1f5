"""Places, session 17 (issue #10): a place told inside an area in words of an apposition ("X, sur la commune de Y",
"X, a locality in Y district") is read inside that area; the area's reading is the one in the story's country; a
small town named alone in a province the story never names, while the story names another province's areas, is a
namesake of a missing locality. Sentences written by the team (real places, invented incidents)."""
from __future__ import annotations

from helpers import events

from eventwire.geo.gazetteer import get_gazetteer


def _places(text: str, lang: str) -> list:
    return [ev.place.value for ev in events(text, lang, "2026-02-15")]


def _spot(text: str, lang: str, surface: str):
    return next(h for h in get_gazetteer().spot(text, lang) if h.surface == surface)


def test_sur_la_commune_de_names_the_enclosing_area_fr():
    """"X, sur la commune de Y" puts X inside Y, as "X, dans la commune de Y" does."""
    h = _spot("Des jeunes ont incendié deux voitures à Saint-Louis, sur la commune du Mont-Dore.", "fr", "Saint-Louis")
    assert h.qualifiers == ["Mont-Dore"]


def test_a_locality_in_names_the_enclosing_area_en():
    """"X, a locality in Y district": Y is X's area (the locality is missing: placed at the district)."""
    h = _spot("Protesters burned tyres in Kwakta Bazar, a locality in Imphal East district.", "en", "Kwakta Bazar")
    assert h.qualifiers == ["Imphal East"]
    assert h.candidates[0].admin2 == "Imphal East"


def test_une_localite_du_departement_de_names_the_enclosing_area_fr():
    h = _spot("Des hommes armés ont attaqué Tangakoro, une localité de la commune de Djibo.", "fr", "Tangakoro")
    assert h.qualifiers == ["Djibo"]
    h = _spot("Des hommes armés ont attaqué Tangakoro, un village du cercle de Douentza.", "fr", "Tangakoro")
    assert (h.qualifiers, h.candidates[0].admin1) == (["Douentza"], "Mopti")


def test_a_village_near_is_no_enclosing_area_en():
    """A direction or "near" is a reference point, not the area the place lies in."""
    h = _spot("Gunmen attacked Kwakta Bazar, a village near Imphal, on Monday.", "en", "Kwakta Bazar")
    assert h.qualifiers == []


def test_enclosing_area_read_in_the_story_s_country_fr():
    """A missing hamlet placed at the commune named with it: the commune of the story's country (New Caledonia's
    Mont-Dore), not its namesake in France, although a French town bears the hamlet's name."""
    [p] = _places("Nouvelle-Calédonie : heurts près de Nouméa\n\nDes affrontements ont opposé samedi soir des jeunes aux "
                  "gendarmes à Saint-Louis, sur la commune du Mont-Dore, en Nouvelle-Calédonie.", "fr")
    assert (p.country, p.admin1) == ("New Caledonia", "South")


def test_small_town_in_a_province_the_story_never_names_en():
    """A story set in Manipur (its districts named) that names a locality also borne by a small town of another
    state: not that town; the story's own place stands."""
    ps = _places("Manipur: protesters clash with police in Imphal East district\n\nMore than ten protesters were "
                 "injured on Monday when police fired tear gas at protesters in Imphal East district, Manipur, "
                 "officials said. The protesters had blocked roads at Khurai since the morning.", "en")
    assert ps and all(p.admin1 == "Manipur" for p in ps)


def test_small_town_in_a_province_the_story_never_names_fr():
    ps = _places("Manipur : des manifestants blessés dans le district d'Imphal East\n\nPlus de dix manifestants ont été "
                 "blessés lundi lorsque la police a tiré des gaz lacrymogènes à Imphal, dans l'État du Manipur. Les "
                 "manifestants bloquaient les routes à Khurai depuis le matin.", "fr")
    assert ps and all(p.admin1 == "Manipur" for p in ps)


def test_town_in_a_province_the_story_names_stands_en():
    """The town lies in a province the story names: it stands (Kharkiv oblast named, a small Kharkiv town)."""
    [p] = _places("Russian forces shelled Vovchansk in Kharkiv region on Tuesday, killing two civilians, the regional "
                  "governor said. Shelling also hit Kharkiv city.", "en")[:1]
    assert p.location == "Vovchansk"
