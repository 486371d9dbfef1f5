"""Incidents of long French (and English) pages told apart (issue #10, segmentation): an arrest a force announces
after an incident, told in the same sentence as a toll someone else gives ("..., tandis que les secours ont indiqué
que trois habitants avaient été blessés"), is an incident of its own, and the toll stays with the incident told
before.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import extract_document


def events(text: str, lang: str, published: str):
    return extract_document(Document("t", text, published=published, language=lang)).events


def by_type(evs):
    return {e.sub_event_type.value: e for e in evs}


def test_arrest_announced_beside_another_statements_toll_fr():
    text = ("Des colons israéliens ont attaqué lundi des agriculteurs palestiniens près du village de Burqa, en "
            "Cisjordanie.\n\n"
            "La police israélienne a déclaré avoir arrêté quatre hommes dans la soirée, tandis que le Croissant-Rouge "
            "a indiqué que trois agriculteurs avaient été blessés.")
    evs = by_type(events(text, "fr", "2025-05-13"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].injuries.value == 3
    assert not evs["Arrests"].injuries.value


def test_arrest_announced_while_locals_give_the_dead_fr():
    text = ("Des miliciens ont attaqué jeudi le village de Kilo, dans le territoire de Djugu.\n\n"
            "L'armée a annoncé avoir interpellé six hommes armés dans la localité, alors que des sources locales ont "
            "affirmé que deux civils avaient été tués.")
    evs = by_type(events(text, "fr", "2025-05-16"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].fatalities.value == 2
    assert not evs["Arrests"].fatalities.value


def test_arrest_said_while_medics_give_the_wounded_en():
    text = ("Settlers attacked the village of Burqa near Nablus on Monday, setting two cars on fire.\n\n"
            "Israeli police said they had arrested four men over the violence, while the Red Crescent said three "
            "villagers had been wounded.")
    evs = by_type(events(text, "en", "2025-05-13"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].injuries.value == 3
    assert not evs["Arrests"].injuries.value


def test_arrest_said_while_officials_give_the_dead_en():
    text = ("Gunmen stormed a market in the town of Gwoza on Friday.\n\n"
            "The army said troops had arrested six suspected militants in a nearby forest, while local officials "
            "said five traders had been killed.")
    evs = by_type(events(text, "en", "2025-05-17"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].fatalities.value == 5
    assert not evs["Arrests"].fatalities.value


def test_arrest_of_a_bandit_with_others_killed_stays_one_clash_fr():
    """Guard: one statement, one incident ("arrêté un bandit et tué trois autres")."""
    text = ("Les forces de défense et de sécurité ont arrêté mardi un bandit armé et tué trois autres près de "
            "Tillabéri, a indiqué l'armée.")
    evs = events(text, "fr", "2025-05-14")
    assert len(evs) == 1, [(e.sub_event_type.value, e.trigger.text) for e in evs]
    assert evs[0].fatalities.value == 3
