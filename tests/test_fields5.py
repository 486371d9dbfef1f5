"""Dates and tolls that generalise (issue 10, fields round 5): revised tolls, both sides of a fight, the wounded who
died since, subjects cut from their verb, a toll told over sibling incidents, a night beside a named day.

Every text here is written for these tests in the style of agency copy (no text from ../shared)."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.dates import find_dates
from eventwire.model import Document

from helpers import split_doc as make_doc, tolls as figures


# ---- a toll revised later in the day, or said to have risen

@pytest.mark.parametrize("text,lang,killed", [
    ("Au moins cinq personnes ont été tuées mardi dans un bombardement sur le marché de la ville. "
     "Dans la soirée, le gouverneur a fait état d'un bilan de neuf morts.", "fr", 9),
    ("Au moins douze personnes ont été tuées jeudi dans des affrontements. "
     "L'ONG a ensuite relevé son bilan à 19 morts.", "fr", 19),
    ("Au moins sept personnes ont été tuées samedi dans l'explosion d'une voiture piégée. "
     "Un responsable local a fait état d'un bilan alourdi à onze morts.", "fr", 11),
    ("At least four people were killed on Monday when a shell hit a bus station. "
     "Later in the day, officials gave a toll of six dead.", "en", 6),
])
def test_a_toll_told_later_or_raised_is_the_revised_total(text, lang, killed):
    assert figures(text, lang)[0] == killed


def test_two_totals_told_at_once_keep_the_conservative_one():
    # no later report, no rise: the smaller of two stated totals (ACLED's conservative rule)
    text = ("Au moins cinq personnes ont été tuées mardi dans le bombardement, selon la police. "
            "Les secouristes ont fait état d'un bilan de huit morts.")
    assert figures(text)[0] == 5


# ---- the wounded who died since come off the wounded

@pytest.mark.parametrize("text,lang,killed,injured", [
    ("Trois gendarmes ont été tués et cinq autres blessés vendredi dans une embuscade. "
     "Un quatrième gendarme, grièvement blessé, a succombé samedi à ses blessures, portant à quatre le nombre "
     "de gendarmes tués.", "fr", 4, 4),
    ("A roadside bomb killed two soldiers and wounded six on Sunday, the army said. "
     "The toll later rose to four after two of the wounded died in hospital.", "en", 4, 4),
])
def test_wounded_who_died_are_no_longer_wounded(text, lang, killed, injured):
    assert figures(text, lang) == (killed, injured)


def test_an_approximate_wounded_count_is_left_as_told():
    text = ("Au moins dix personnes ont été tuées et une trentaine blessées dans l'attentat. "
            "Dans l'après-midi, le bilan s'est alourdi à 14 morts, plusieurs blessés ayant succombé.")
    assert figures(text) == (14, 30)


def test_wounded_said_to_have_died_are_not_a_count_of_wounded():
    text = "Onze personnes ont été tuées dans l'attaque, plusieurs blessés ayant succombé à l'hôpital."
    assert figures(text) == (11, 0)


# ---- both sides of a fight

@pytest.mark.parametrize("text,lang,killed", [
    # a one-side total and the other side's dead told apart
    ("Un soldat blessé a succombé, portant à trois le nombre de militaires tués. "
     "L'armée affirme que quatre assaillants ont été tués lors de la riposte.", "fr", 7),
    # quoted subject
    ("Deux policiers ont été tués ; côté assaillants, « au moins six rebelles » ont été tués, selon l'armée.",
     "fr", 8),
    ('Three soldiers were killed in the raid, and 12 attackers had been "neutralised", the army said.', "en", 15),
    # "d'entre eux": of the people named before
    ("Cinq militaires ont été tués dans l'attaque. Les assaillants ont été repoussés. "
     "Neuf d'entre eux ont été neutralisés, selon l'état-major.", "fr", 14),
    # perfect infinitive after "après"
    ("L'armée dit avoir repris la localité après avoir neutralisé une quinzaine de terroristes, "
     "et fait état de trois soldats tués.", "fr", 18),
])
def test_both_sides_dead_add_up(text, lang, killed):
    assert figures(text, lang)[0] == killed


def test_a_vague_enemy_count_adds_nothing_to_an_exact_one():
    text = ("Six soldats ont été tués dans l'embuscade. Le communiqué affirme également que "
            "« plusieurs dizaines de terroristes » ont été tués.")
    assert figures(text)[0] == 6


def test_a_general_toll_has_no_side():
    text = ("Un kamikaze a tué au moins neuf soldats devant la caserne. "
            "En fin de journée, une source militaire a fait état d'un bilan de 12 morts.")
    assert figures(text)[0] == 12


# ---- subjects cut from their verb

@pytest.mark.parametrize("text,lang,killed", [
    ("Trois bergers qui tentaient de fuir ont été abattus par les assaillants.", "fr", 3),
    ("One man who tried to stop the gunmen was shot dead, residents said.", "en", 1),
    ("Two farmers who were working in the fields were killed in the attack.", "en", 2),
])
def test_a_short_relative_clause_between_count_and_verb(text, lang, killed):
    assert figures(text, lang)[0] == killed


def test_treated_in_hospital_is_injured():
    assert figures("At least eight protesters were treated in hospital after the police charge.", "en") == (0, 8)


# ---- a toll told over sibling incidents

def _events(text: str, lang: str, published: str):
    from eventwire.pipeline import extract_document
    return extract_document(Document("t", text, published=published, language=lang)).events


def _by_place(events) -> dict[str, tuple[int, int]]:
    return {ev.place.value.location: (ev.fatalities.value, ev.injuries.value) for ev in events if ev.place.value}


def test_a_lead_total_over_three_towns_is_none_of_them_fr():
    text = ("KIEV, 12 mars (AFP) - Au moins cinq personnes ont été tuées et une vingtaine blessées dans des frappes "
            "russes sur Kharkiv, Odessa et Kherson, ont annoncé mardi les autorités.\n\n"
            "À Kharkiv, un missile s'est abattu lundi soir sur un immeuble, tuant deux personnes et en blessant "
            "douze, a indiqué le gouverneur.\n\n"
            "À Odessa, une frappe de drone a tué deux hommes et blessé six personnes lundi dans le port.\n\n"
            "À Kherson, un homme a été tué lundi par des tirs d'artillerie russes.")
    tolls = _by_place(_events(text, "fr", "2024-03-12"))
    assert tolls.get("Kharkiv") == (2, 12), tolls


def test_a_count_in_a_contrast_clause_is_the_other_incident_s_en():
    text = ("ABUJA, May 6 (Reuters) - Gunmen abducted a priest in Kafanchan on Sunday, while five villagers were "
            "killed in a separate raid in Kauru, police said on Monday.\n\n"
            "In Kafanchan, the kidnappers stormed the parish house before dawn and took the priest away.\n\n"
            "In Kauru, attackers on motorcycles shot dead five villagers and burned several houses, a local "
            "official said.")
    events = _events(text, "en", "2024-05-06")
    tolls = _by_place(events)
    assert tolls.get("Kafanchan", (0, 0))[0] == 0, tolls
    assert any(k == 5 for k, _ in tolls.values()), tolls


# ---- a night beside a named day

@pytest.mark.parametrize("text,lang,day", [
    ("On 18 April 2024, overnight, gunmen attacked a police post in the district.", "en", date(2024, 4, 18)),
    ("Le 5 février 2024, dans la nuit, des inconnus ont incendié des véhicules de l'entreprise.", "fr",
     date(2024, 2, 5)),
])
def test_a_night_beside_a_named_day_is_that_day(text, lang, day):
    doc = make_doc(text, lang, published="2024-06")
    values = [h.value for h in find_dates(doc, 0) if h.value is not None]
    assert values and all(v.day == day and v.precision == 1 for v in values), values


def test_a_bare_night_alone_is_still_the_night_before():
    doc = make_doc("Overnight, gunmen attacked a police post in the district.", "en", published="2024-04-19")
    values = [h.value for h in find_dates(doc, 0) if h.value is not None]
    assert values and values[0].day == date(2024, 4, 18)


# ---- ACLED's own coding note

def test_fatalities_coded_as_in_an_acled_note():
    text = ("On 3 May 2024, soldiers clashed with militants near the town, killing several fighters. "
            "Unknown fatalities coded as 10.")
    assert figures(text, "en")[0] == 10


def test_a_toll_booth_is_no_toll():
    text = "On 3 May 2024, farmers blocked the toll booth on the highway to demand lower fuel prices."
    assert figures(text, "en") == (0, 0)


def test_a_toll_that_could_rise_is_no_count():
    text = ("Gunmen killed at least nine villagers in a night raid on Saturday. "
            "Local leaders said the death toll could rise as several residents were still missing.")
    assert figures(text, "en")[0] == 9


# ---- euphemisms and words for the forces

@pytest.mark.parametrize("text,killed", [
    ("Deux des agresseurs « ont été réduits » par les forces de sécurité, selon le gouverneur.", 2),
    ("Les maisons ont été réduites en cendres et trois habitants ont été réduits au silence par les menaces.", 0),
])
def test_reduits_is_killed_only_as_a_euphemism(text, killed):
    assert figures(text)[0] == killed


@pytest.mark.parametrize("text,lang", [
    ("Un militant a été tué et deux jawans ont été blessés dans l'échange de tirs.", "fr"),
    ("One militant was killed and two jawans were injured in the exchange of fire.", "en"),
])
def test_jawans_are_people(text, lang):
    assert figures(text, lang) == (1, 2)
