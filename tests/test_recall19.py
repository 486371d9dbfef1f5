"""Recall (issue #10), session 19: incidents of a page that were merged into another or dropped.

Articles written by the team in the style of news copy (no text from ../shared)."""
from __future__ import annotations

import pytest

from helpers import events, with_defaults

_events = with_defaults(events, published="2025-03-12")


def _places(evs) -> list[str]:
    return sorted(ev.place.value.location for ev in evs if ev.place.value is not None)


SIMILAR_ELSEWHERE = [
    ("Dhaka (AP) – Police fired tear gas and rubber bullets on Tuesday to disperse hundreds of protesters who blocked "
     "the main highway in Comilla during a general strike.\n\n"
     "Witnesses said dozens of people were hurt when protesters set fire to several buses.\n\n"
     "Similar clashes also took place in Sylhet when protesters attacked a police post, a local daily reported. "
     "Two protesters were shot dead there, it said.", "en"),
    ("Dacca (AFP) – La police a tiré mardi des gaz lacrymogènes et des balles en caoutchouc pour disperser des "
     "centaines de manifestants qui bloquaient la grande route à Comilla pendant une grève générale.\n\n"
     "Selon des témoins, des dizaines de personnes ont été blessées quand les manifestants ont incendié plusieurs "
     "autobus.\n\n"
     "Des heurts similaires ont également eu lieu à Sylhet, où des manifestants ont attaqué un poste de police, "
     "selon un quotidien local. Deux manifestants y ont été tués par balle.", "fr"),
]


@pytest.mark.parametrize("text,lang", SIMILAR_ELSEWHERE)
def test_similar_incident_in_another_town_is_its_own_event(text, lang):
    # "similar clashes" names an incident like the one told, never that one: in its own town it is an event of
    # its own, with its own toll, not a detail merged into the first
    evs = _events(text, lang)
    assert _places(evs) == ["Comilla", "Sylhet"]
    other = next(ev for ev in evs if ev.place.value.location == "Sylhet")
    assert other.fatalities.value == 2


PROTESTS_IN_A_LIST = [
    ("Paris (AFP) – Thousands of people marched on Thursday in Lyon against the pension reform, the unions said.\n\n"
     "Protests were also held in Nantes, Grenoble and Toulouse, where the crowds were smaller.", "en"),
    ("Paris (AFP) – Des milliers de personnes ont défilé jeudi à Lyon contre la réforme des retraites, selon les "
     "syndicats.\n\n"
     "Des manifestations ont également été organisées à Nantes, Grenoble et Toulouse, où les cortèges étaient "
     "moins fournis.", "fr"),
]


@pytest.mark.parametrize("text,lang", PROTESTS_IN_A_LIST)
def test_demonstrations_listed_in_several_towns_are_one_event_per_town(text, lang):
    # crowds gathered in each listed town are one event each, whether or not the article tells each town's toll
    evs = _events(text, lang)
    assert _places(evs) == ["Grenoble", "Lyon", "Nantes", "Toulouse"]


TOWN_AND_ITS_STATE = [
    ("Mexico City (AP) – Hundreds of teachers marched on Tuesday in Morelia, Michoacan, to demand unpaid wages.", "en"),
    ("Mexico (AFP) – Des centaines d'enseignants ont manifesté mardi à Morelia, Michoacan, pour réclamer le paiement "
     "de leurs salaires.", "fr"),
]


@pytest.mark.parametrize("text,lang", TOWN_AND_ITS_STATE)
def test_a_town_followed_by_its_state_is_no_list(text, lang):
    # "in Morelia, Michoacan" names the town and its state: one protest, not one per name
    assert _places(_events(text, lang)) == ["Morelia"]
