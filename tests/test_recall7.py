"""Recall (issue #10), second round: an anaphor that took the incident's type while its own words tell another
kind of incident, on another day or in another place, is an incident of its own.

Articles written by the team in the style of news copy (no text from ../shared)."""
from __future__ import annotations

import pytest

from helpers import events, with_defaults

_events = with_defaults(events, published="2025-03-12")


def _subs(evs) -> list[str]:
    return sorted(ev.sub_event_type.value for ev in evs)


INTERCEPTION_ELSEWHERE = [
    ("Kiev (AFP) – Quatre personnes ont été tuées et 19 blessées mardi soir par une frappe de missiles russes sur "
     "le port de Mykolaïv, dans le sud de l'Ukraine, a annoncé mercredi le gouverneur régional.\n\n"
     "Plusieurs entrepôts du port ont été détruits, selon le gouverneur.\n\n"
     "La Russie a de son côté affirmé mercredi que sa défense antiaérienne avait abattu « quinze drones "
     "ukrainiens » dans la nuit de lundi à mardi au-dessus de la région de Koursk, sans faire de victimes.", "fr"),
    ("Kyiv (AFP) – Four people were killed and 19 wounded on Tuesday evening by a Russian missile strike on the "
     "port of Mykolaiv, in southern Ukraine, the regional governor said on Wednesday.\n\n"
     "Several warehouses in the port were destroyed, according to the governor.\n\n"
     "Russia for its part said on Wednesday that its air defences had shot down fifteen Ukrainian drones on "
     "Monday over the Kursk region, causing no casualties.", "en"),
]


@pytest.mark.parametrize("text,lang", INTERCEPTION_ELSEWHERE)
def test_interception_told_after_a_strike_on_another_day_is_its_own_event(text, lang):
    # the drones "shot down" are no detail of the missile strike: another ACLED type, another day and region
    evs = _events(text, lang)
    assert _subs(evs) == ["Disrupted weapons use", "Shelling/artillery/missile attack"]
    strike = next(ev for ev in evs if ev.sub_event_type.value.startswith("Shelling"))
    assert strike.fatalities.value == 4


@pytest.mark.parametrize("text,lang", [
    ("Kiev (AFP) – Quatre personnes ont été tuées et 19 blessées mardi soir par une frappe de missiles russes sur "
     "le port de Mykolaïv, dans le sud de l'Ukraine, a annoncé mercredi le gouverneur régional.\n\n"
     "Plusieurs entrepôts du port ont été détruits, selon le gouverneur.\n\n"
     "L'armée de l'air ukrainienne a affirmé mercredi avoir abattu 40 des 55 drones lancés dans la nuit de lundi "
     "à mardi au-dessus du nord, du sud et de l'est du pays.", "fr"),
    ("Kyiv (AFP) – Four people were killed and 19 wounded on Tuesday evening by a Russian missile strike on the "
     "port of Mykolaiv, in southern Ukraine, the regional governor said on Wednesday.\n\n"
     "Several warehouses in the port were destroyed, according to the governor.\n\n"
     "The Ukrainian air force said on Wednesday that 40 of 55 drones had been shot down on Monday over the north, "
     "south and east of the country.", "en"),
])
def test_a_night_tally_of_interceptions_over_the_country_is_no_new_event(text, lang):
    # a count of drones downed over the whole country is a tally, not an incident of its own
    assert _subs(_events(text, lang)) == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text,lang", [
    ("Des manifestants ont été dispersés mardi à coups de gaz lacrymogène devant le palais de justice de Lomé, "
     "selon des témoins.\n\n"
     "Une autre manifestation, pacifique celle-là, avait réuni la veille quelques centaines de personnes dans la "
     "même ville.", "fr"),
])
def test_same_type_anaphor_is_not_split_by_its_own_words(text, lang):
    # a protest told after a protest: the same ACLED type, the own-words rule must not split on it
    evs = _events(text, lang)
    assert all(ev.event_type.value == "Protests" for ev in evs)


@pytest.mark.parametrize("text,lang", [
    ("Au moins onze soldats ont été tués dans la nuit de lundi à mardi lors d'une attaque de jihadistes contre "
     "un poste de l'armée près de Diffa, a annoncé mercredi le ministère de la Défense.\n\n"
     "Par ailleurs, quatre bergers ont été enlevés jeudi dernier par des hommes armés près de Bosso, selon un "
     "élu local.", "fr"),
    ("At least eleven soldiers were killed on Monday night in an attack by jihadists on an army post near Diffa, "
     "the defence ministry said on Wednesday.\n\n"
     "Separately, four herders were abducted last Thursday by gunmen near Bosso, a local official said.", "en"),
])
def test_another_incident_of_the_week_told_apart_is_news(text, lang):
    # "par ailleurs" ... "jeudi dernier": four days before the attack, at a town of its own: not background
    assert _subs(_events(text, lang)) == ["Abduction/forced disappearance", "Armed clash"]


@pytest.mark.parametrize("text,lang", [
    ("Au moins onze soldats ont été tués dans la nuit de lundi à mardi lors d'une attaque de jihadistes contre "
     "un poste de l'armée près de Diffa, a annoncé mercredi le ministère de la Défense.\n\n"
     "Le 20 février, quatre bergers avaient été enlevés par des hommes armés près de Bosso, selon un élu local.",
     "fr"),
])
def test_an_incident_weeks_before_stays_background(text, lang):
    assert _subs(_events(text, lang)) == ["Armed clash"]


DAY_BEFORE = [
    ("Des obus sont tombés mardi sur le marché de Kadugli, tuant sept civils et en blessant 15, a indiqué le "
     "ministère de la Santé de l'État.\n\n"
     "« Les obus sont arrivés à l'heure du marché », a raconté un médecin de l'hôpital.\n\n"
     "La veille, un convoi humanitaire avait été attaqué par des hommes armés près de Dilling, à une centaine "
     "de kilomètres au nord de la ville. Un chauffeur a été tué, a précisé l'agence onusienne.", "fr"),
    ("Shells fell on Tuesday on the market of Kadugli, killing seven civilians and wounding 15, the state health "
     "ministry said.\n\n"
     "\"The shells came at the busiest hour\", a doctor at the hospital said.\n\n"
     "The day before, a humanitarian convoy had been attacked by gunmen near Dilling, about a hundred kilometres "
     "north of the city. One driver was killed, the UN agency said.", "en"),
]


@pytest.mark.parametrize("text,lang", DAY_BEFORE)
def test_an_incident_of_the_day_before_elsewhere_with_its_toll_is_news(text, lang):
    evs = _events(text, lang)
    assert len(evs) == 2
    strike = next(ev for ev in evs if ev.sub_event_type.value.startswith("Shelling"))
    other = next(ev for ev in evs if ev is not strike)
    assert strike.fatalities.value == 7 and other.fatalities.value == 1


@pytest.mark.parametrize("text,lang", [
    ("Des obus sont tombés mardi sur le marché de Kadugli, tuant sept civils et en blessant 15, a indiqué le "
     "ministère de la Santé de l'État.\n\n"
     "La veille, le mouvement avait revendiqué des tirs de roquettes contre une base de l'armée.", "fr"),
])
def test_the_day_before_without_a_place_or_toll_stays_background(text, lang):
    assert _subs(_events(text, lang)) == ["Shelling/artillery/missile attack"]
