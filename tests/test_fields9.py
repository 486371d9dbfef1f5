"""Actors of matched events (issue #10, session 15): identity militias named by their people, and the crime cue that
makes unnamed attackers a gang.

Two general rules, drawn from the ACLED dev notes and the team corpus:
- armed members of a community named by their people ("suspected Murle militia", "armed Fulani herders", "des
  miliciens lendu", "des jeunes dinka armés") are "<People> Ethnic Militia (<country>)", not an unidentified armed
  group; the people's name alone ("Dinka villagers", "des civils peuls") stays civilians;
- a crime word inside a named group's name ("the Jalisco New Generation Cartel", "le cartel de Santa Rosa de Lima")
  is no cue that the unnamed gunmen are a gang; a motive told of the attack itself ("a drive-by shooting linked to
  drug trafficking", "un règlement de comptes") still is.
Sentences and incidents are the team's own."""
from __future__ import annotations

import pytest

from helpers import records, with_defaults

_records = with_defaults(records, published="2026-03-12")


@pytest.mark.parametrize("text,lang,actor1", [
    ("JUBA, March 10 (Reuters) - Suspected Murle militia killed 12 people in a raid on a cattle camp near Bor in "
     "Jonglei state on Monday, local officials said.", "en", "Murle Ethnic Militia (South Sudan)"),
    ("ABUJA, March 10 (Reuters) - Armed Fulani herders attacked the village of Yelwata in Benue state on Tuesday, "
     "killing seven farmers, police said.", "en", "Fulani Ethnic Militia (Nigeria)"),
    ("JUBA, 10 mars 2026 (AFP) - Au moins douze personnes ont été tuées lundi lors d'une attaque contre un camp de "
     "bétail près de Bor, dans l'État du Jonglei, au Soudan du Sud. Les assaillants, identifiés comme des jeunes de l'ethnie murle, ont attaqué à l'aube.",
     "fr", "Murle Ethnic Militia (South Sudan)"),
    ("BUNIA, 10 mars 2026 (AFP) - Des miliciens lendu ont tué huit civils mardi dans le village de Drodro, en Ituri, "
     "a-t-on appris de sources locales.", "fr", "Lendu Ethnic Militia (Democratic Republic of Congo)"),
])
def test_armed_members_of_a_people_are_its_ethnic_militia(text, lang, actor1):
    """Armed members of a people are that people's ethnic militia in the event country."""
    assert [r["actor1"] for r in _records(text, lang)] == [actor1]


@pytest.mark.parametrize("text,lang", [
    ("JUBA, March 10 (Reuters) - Gunmen killed four Dinka villagers near Bor in Jonglei state on Monday, local "
     "officials said.", "en"),
    ("BUNIA, 10 mars 2026 (AFP) - Des hommes armés ont tué mardi quatre civils hema dans le village de Drodro, en "
     "Ituri, selon des sources locales.", "fr"),
])
def test_a_people_named_alone_is_no_militia(text, lang):
    """The people's name on its victims makes no militia of anyone: the attackers stay unidentified."""
    [r] = _records(text, lang)
    assert r["actor1"].startswith("Unidentified Armed Group")
    assert "Ethnic Militia" not in (r["actor2"] or "")


@pytest.mark.parametrize("text,lang,actor1", [
    ("CELAYA, Mexico, March 7 (AP) - Gunmen opened fire on customers at a bar in Celaya on Saturday, killing six "
     "people, officials said. Guanajuato is disputed by the Jalisco New Generation Cartel and the Santa Rosa de Lima "
     "Cartel.", "en", "Unidentified Armed Group (Mexico)"),
    ("CELAYA, Mexique, 7 mars (AFP) - Des hommes armés ont ouvert le feu samedi dans un bar de Celaya, tuant six "
     "clients, selon le parquet. Le Guanajuato est l'État le plus violent du pays en raison de la guerre que s'y "
     "livrent le cartel Jalisco Nouvelle Génération et le cartel de Santa Rosa de Lima.", "fr",
     "Unidentified Armed Group (Mexico)"),
    ("CULIACAN, Mexico, March 7 (AP) - Gunmen in a car shot dead a taxi driver in Culiacan on Saturday in a drive-by "
     "shooting that police linked to drug trafficking.", "en", "Unidentified Gang (Mexico)"),
    ("CULIACAN, Mexique, 7 mars (AFP) - Des hommes armés ont tué samedi un chauffeur de taxi à Culiacan, dans ce que "
     "la police décrit comme un règlement de comptes lié au trafic de drogue.", "fr", "Unidentified Gang (Mexico)"),
])
def test_a_cartel_named_in_the_background_makes_no_gang(text, lang, actor1):
    """A crime word in a named cartel's name is no cue; a crime motive of the attack itself is."""
    assert [r["actor1"] for r in _records(text, lang)] == [actor1]


@pytest.mark.parametrize("text,lang,actor1", [
    ("MENAKA, 11 mars 2026 (AFP) - Le camp militaire de Ménaka a été attaqué mardi à l'aube par des jihadistes. "
     "L'armée affirme avoir repoussé les assaillants ; trois soldats ont été tués selon des sources locales. Le JNIM a "
     "revendiqué l'assaut dans la soirée.", "fr", "JNIM: Group for Support of Islam and Muslims"),
    ("Two policemen martyred in suicide attack on Bannu checkpost\n\nBANNU: Two policemen were martyred when a suicide "
     "bomber blew himself up at a police checkpost in Bannu on Tuesday night, police said.\n\nThe banned "
     "Tehreek-i-Taliban Pakistan (TTP) claimed responsibility for the attack.", "en", "TTP: Tehreek-i-Taliban Pakistan"),
])
def test_the_group_that_claimed_it_beats_the_attacked_forces(text, lang, actor1):
    """Unnamed attackers take the name of the group that claimed the attack, not of the forces they attacked whose
    statement reads as a claim ("l'armée affirme avoir repoussé"), nor of the police 'martyred' in a headline."""
    [r] = [r for r in _records(text, lang) if r["event_type"] != "Strategic developments"]
    assert r["actor1"] == actor1
