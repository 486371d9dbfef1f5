"""Issue #10: attribution and blame linking (EN, with French twins). A side's statement that its enemy struck is an
accusation of the enemy (actor1 the accused side, attribution 'accused'); a participle or relative blame names
actor1. Each article is written for the test."""
from __future__ import annotations

import pytest

from helpers import events


def one(text: str, lang: str):
    evs = events(text, lang, "2025-07-15")
    assert len(evs) == 1, [e.sub_event_type.value for e in evs]
    return evs[0]


@pytest.mark.parametrize("text, lang, actor1", [
    ("A car bomb exploded near a police station in Arauca on Tuesday, killing two officers, with the army "
     "blaming the ELN.", "en", "ELN"),
    ("Gunmen killed five traders at a market in Mandera on Sunday, an attack which officials blamed on al-Shabaab.",
     "en", "Al Shabaab"),
    ("Eight soldiers were killed in Borno on Friday in an attack authorities attributed to ISWAP.", "en",
     "Islamic State (West Africa)"),
    ("The Taliban accused Pakistan of carrying out air strikes in Barmal on Monday that killed six civilians.",
     "en", "Military Forces of Pakistan"),
    ("Une voiture piégée a explosé près d'un commissariat à Arauca mardi, tuant deux policiers, l'armée accusant "
     "l'ELN.", "fr", "ELN"),
    ("Huit soldats ont été tués vendredi dans le Borno dans une attaque imputée à l'ISWAP.", "fr",
     "Islamic State (West Africa)"),
    ("Les talibans ont accusé le Pakistan d'avoir frappé Barmal lundi, tuant six civils.", "fr",
     "Military Forces of Pakistan"),
])
def test_the_blamed_side_is_actor1_and_accused(text: str, lang: str, actor1: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith(actor1)
    assert e.attribution.value == "accused"


@pytest.mark.parametrize("text, lang", [
    ("Russia said Ukrainian drones hit Shebekino on Tuesday, killing one woman.", "en"),
    ("La Russie a affirmé que des drones ukrainiens avaient frappé Chebekino mardi, tuant une femme.", "fr"),
])
def test_a_rival_state_s_report_of_a_strike_is_an_accusation(text: str, lang: str) -> None:
    e = one(text, lang)
    assert e.actor1.value.name.startswith("Military Forces of Ukraine")
    assert e.attribution.value == "accused"


def test_controls_own_report_and_denial() -> None:
    # a state telling its own strike is a claim, not an accusation
    e = one("Ukraine said its drones hit an oil depot in Bryansk on Tuesday, setting it ablaze.", "en")
    assert e.actor1.value.name.startswith("Military Forces of Ukraine") and e.attribution.value == "claimed"
    # a denial by the accused side outweighs the accusation
    text = ("The Taliban accused Pakistan of carrying out air strikes in Barmal on Monday that killed six civilians. "
            "Pakistan denied the accusation.")
    assert events(text, "en", "2025-07-15")[0].attribution.value \
        == "denied"
