"""Issue #10, actors that generalise (French and English). Each article is written for the test.

- A participle of blame after a reporting clause names the accused, not a speaker ("…, police said, blaming X",
  "…, a indiqué l'armée, accusant X"); a finite inverted verb still names the speaker ("…, accuse l'armée").
- A trigger that is the armed actor itself ("l'aviation israélienne a frappé") makes that actor the perpetrator.
- In a news roundup (several stories, each with its own dateline), a country in a later dateline is no actor and a
  group blamed in one story is not the perpetrator of the next one.
"""
from __future__ import annotations

import pytest
from helpers import events as _events, with_defaults

events = with_defaults(_events, published="2025-07-15")


def one(text: str, lang: str):
    evs = events(text, lang)
    assert len(evs) == 1, [e.sub_event_type.value for e in evs]
    return evs[0]


@pytest.mark.parametrize("text, lang, actor1", [
    ("Gunmen killed six villagers in Zamfara state on Tuesday, police said, blaming Boko Haram.", "en", "Boko Haram"),
    ("A roadside bomb killed four soldiers near Gao on Monday, the army said, blaming JNIM for the attack.", "en",
     "JNIM"),
    ("Gunmen killed six villagers in Zamfara state on Tuesday, police said, accusing Boko Haram of the attack.", "en",
     "Boko Haram"),
    ("Des hommes armés ont tué six villageois mardi près de Mopti, a indiqué l'armée, accusant le JNIM.", "fr", "JNIM"),
    ("Une bombe a tué quatre soldats lundi près de Gao, a annoncé l'armée en accusant le JNIM.", "fr", "JNIM"),
])
def test_a_blaming_participle_names_the_accused_perpetrator(text: str, lang: str, actor1: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith(actor1), e.actor1
    assert e.attribution.value == "accused"


@pytest.mark.parametrize("text, lang", [
    ("Des hommes armés ont tué dix civils mardi près de Mopti, accuse l'armée malienne.", "fr"),
    ("Gunmen killed ten civilians near Mopti on Tuesday, said the Malian army.", "en"),
])
def test_an_inverted_speaker_is_still_no_party(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name == "Unidentified Armed Group (Mali)"
    assert e.actor2.value.name == "Civilians (Mali)"


@pytest.mark.parametrize("text, lang, actor1, actor2", [
    ("Mercredi, l'aviation israélienne a frappé une maison à Khan Younès, tuant trois personnes.", "fr",
     "Military Forces of Israel", "Civilians (Palestine)"),
    ("L'aviation russe a bombardé jeudi un marché à Idlib, tuant cinq civils.", "fr",
     "Military Forces of Russia", "Civilians (Syria)"),
    ("The Russian air force bombed a market in Idlib on Thursday, killing five civilians.", "en",
     "Military Forces of Russia", "Civilians (Syria)"),
])
def test_an_air_force_named_as_the_trigger_strikes(text: str, lang: str, actor1: str, actor2: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith(actor1), e.actor1
    assert e.actor2.value.name == actor2, e.actor2


ROUNDUP_EN = """World news in brief

Bomb kills police officers in Kenya's north

MANDERA, Kenya (AP) — A roadside bomb killed three police officers near Mandera on Monday, police said, blaming
al-Shabaab. The group did not comment.

Fighters attack army post in Colombia

POPAYAN, Colombia (AP) — Armed men attacked an army post near Argelia in Cauca on Tuesday, wounding four soldiers,
the army said.
"""

ROUNDUP_FR = """L'actualité en bref

Une bombe tue des policiers au Kenya

MANDERA, Kenya (AFP) - Une bombe artisanale a tué trois policiers lundi près de Mandera, a indiqué la police,
accusant les shebab. Le groupe n'a pas réagi.

Des hommes armés attaquent un poste militaire en Colombie

POPAYAN, Colombie (AFP) - Des hommes armés ont attaqué mardi un poste de l'armée près d'Argelia, dans le Cauca,
blessant quatre soldats, a indiqué l'armée.
"""


@pytest.mark.parametrize("text, lang", [(ROUNDUP_EN, "en"), (ROUNDUP_FR, "fr")])
def test_a_roundup_story_keeps_its_own_actors(text: str, lang: str) -> None:
    evs = events(text, lang)
    colombia = [e for e in evs if e.actor2.value is not None and "Colombia" in e.actor2.value.name]
    kenya = [e for e in evs if e.actor2.value is not None and "Kenya" in e.actor2.value.name]
    assert colombia and kenya, [(e.actor1.value, e.actor2.value) for e in evs]
    assert all(e.actor1.value.name == "Unidentified Armed Group (Colombia)" for e in colombia), \
        [e.actor1.value.name for e in colombia]   # not the Kenyan story's al-Shabaab, nor Colombia itself
    assert any(e.actor1.value.name == "Al Shabaab" for e in kenya), [e.actor1.value.name for e in kenya]


@pytest.mark.parametrize("text, lang, actor1, actor2", [
    ("Des bombes aériennes guidées russes ont frappé lundi soir un quartier résidentiel de Zaporijjia, tuant trois "
     "personnes.", "fr", "Military Forces of Russia", "Civilians (Ukraine)"),
    ("Russian glide bombs struck a residential area of Zaporizhzhia on Monday evening, killing three people.", "en",
     "Military Forces of Russia", "Civilians (Ukraine)"),
])
def test_a_bomb_qualified_by_a_nationality_names_its_forces(text: str, lang: str, actor1: str, actor2: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith(actor1), e.actor1
    assert e.actor2.value.name == actor2, e.actor2


@pytest.mark.parametrize("text, lang", [
    ("Two DRG jawans were injured when Maoists set off an IED in Bijapur district on Sunday, police said.", "en"),
    ("Deux membres de la DRG ont été blessés dimanche par un engin explosif posé par des maoïstes dans le district de "
     "Bijapur, selon la police.", "fr"),
])
def test_indian_counter_insurgency_police_are_the_target(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor2.value.name.startswith("Police Forces of India"), e.actor2


@pytest.mark.parametrize("text, lang", [
    ("Une frappe de missile russe sur le centre de Dnipro a fait trois morts et dix-sept blessés mardi matin, a "
     "annoncé le gouverneur de la région.", "fr"),
    ("A Russian missile strike on central Dnipro left three dead and seventeen wounded on Tuesday morning, the "
     "regional governor said.", "en"),
])
def test_a_strike_s_unnamed_dead_are_civilians(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith("Military Forces of Russia"), e.actor1
    assert e.actor2.value is not None and e.actor2.value.name == "Civilians (Ukraine)", e.actor2


@pytest.mark.parametrize("text, lang", [
    ("Une frappe de drone russe a touché une base militaire près de Kharkiv mardi, faisant deux morts, selon "
     "l'armée ukrainienne.", "fr"),
    ("A Russian drone strike hit a military base near Kharkiv on Tuesday, leaving two dead, the Ukrainian army "
     "said.", "en"),
])
def test_a_strike_on_a_military_site_does_not_make_its_dead_civilians(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor2.value is None or not e.actor2.value.name.startswith("Civilians"), e.actor2


@pytest.mark.parametrize("text, lang", [
    ("Shelling by the paramilitary Rapid Support Forces killed twelve civilians in El Fasher on Saturday, a local "
     "committee said.", "en"),
    ("Des bombardements par les paramilitaires des Forces de soutien rapide ont tué douze civils samedi à El-Facher, "
     "selon un comité local.", "fr"),
])
def test_a_by_phrase_names_the_attacker_even_when_misparsed(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name == "Rapid Support Forces", e.actor1
    assert e.actor2.value.name == "Civilians (Sudan)", e.actor2


@pytest.mark.parametrize("text, lang", [
    ("On Monday, an air strike hit the main market of Nyala, a city controlled by the RSF, killing dozens of people. "
     "The RSF blamed the army.", "en"),
    ("Lundi, un raid aérien a frappé le principal marché de Nyala, capitale du Darfour-Sud contrôlée par les FSR, "
     "tuant des dizaines de personnes. Les paramilitaires ont accusé l'armée.", "fr"),
])
def test_who_holds_the_place_is_not_the_target(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith("Military Forces of Sudan"), e.actor1
    assert e.actor2.value.name == "Civilians (Sudan)", e.actor2
