"""Places, session 14 (issue #10): a district's homonyms are read in the province the story names, and a province
that is itself a reading of the name being ranked is no clue for that name's other readings. Sentences written by the
team (real places, invented incidents)."""
from __future__ import annotations

from helpers import events

from eventwire.geo.gazetteer import GeoContext, get_gazetteer


def _place(text: str, lang: str):
    [ev] = events(text, lang, "2024-05-15")
    return ev.place.value


def test_a_district_is_read_in_the_state_the_headline_names_fr():
    """"dans le district de Bijapur" under a headline naming Chhattisgarh: Chhattisgarh's Bijapur district, the finer
    place, not Karnataka's homonym nor the state alone."""
    p = _place("Inde : deux policiers tués par des maoïstes au Chhattisgarh\n\n"
               "Deux policiers ont été tués lundi par l'explosion d'une bombe posée par des maoïstes dans le district "
               "de Bijapur, a indiqué la police.", "fr")
    assert (p.admin1, p.admin2) == ("Chhattisgarh", "Bijapur")


def test_a_province_read_from_the_name_itself_is_no_clue_for_its_other_readings():
    """The governorate Al Nabatieh is one reading of "Nabatieh": taken into the story's places, it must not make the
    town inside it win over itself (a +4 for "lies in a province the story names")."""
    gaz = get_gazetteer()
    ids = gaz.lookup("Nabatieh")
    province = next(i for i in ids if gaz.recs[i].kind == "admin1")
    context = GeoContext(countries=["LB"], places=[gaz.place(province)], dateline=None)
    assert gaz.rank(ids, relation="near", context=context)[0] == province


def test_near_a_town_named_like_its_province_stays_there_en():
    p = _place("Gunmen killed five villagers near Chittagong on Tuesday, local officials said.", "en")
    assert (p.country, p.admin1) == ("Bangladesh", "Chittagong")
    assert p.kind != "admin2"
