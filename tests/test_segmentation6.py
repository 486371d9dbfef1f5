"""Incidents of one page told apart, session 12 (issue #10, segmentation).

- A roadside bomb told after a strike from afar ("tué mardi par l'explosion d'un engin piégé" after a missile strike
  on a school), on a day and in a town of its own, is another incident: a charge planted and a strike from afar are
  two means of attack, though the article's definite article ("l'explosion") makes it look like a reference back.
- A mention joins, of the incidents it may be another telling of, the one of its own type (a claim of the bomb
  joins the bomb, not the strike told first).
- A sentence that opens on another time of the day ("Dans l'après-midi, ...", "In the afternoon, ...") with an
  incident of another type tells another incident (the police's clash with a gang after the gang's morning raid).
- A sentence that announces another incident ("Plus tard dans la matinée", "Later that day", "Elsewhere") at a town of
  its own, apart from the incident's, tells another incident even of the same type.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from helpers import events


def summary(text: str, lang: str, published: str) -> list[tuple[str, str, str, int]]:
    return sorted((e.sub_event_type.value, e.place.value.location if e.place.value else "",
                   e.date.value.day.isoformat() if e.date.value else "", e.fatalities.value or 0)
                  for e in events(text, lang, published))


def test_a_roadside_bomb_after_a_strike_is_another_incident_fr():
    text = ("Au moins neuf personnes ont été tuées mercredi dans une frappe de missiles sur un marché de Kramatorsk, "
            "dans l'est de l'Ukraine, selon les autorités régionales.\n\n"
            "Dans le sud du pays, un policier a été tué mardi par l'explosion d'un engin piégé visant sa voiture "
            "à Kherson, selon la police.")
    got = summary(text, "fr", "2025-03-12")
    assert len(got) == 2
    assert {g[0] for g in got} == {"Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}


def test_a_roadside_bomb_after_a_strike_is_another_incident_en():
    text = ("At least nine people were killed on Wednesday in a missile strike on a market in Kramatorsk, in eastern "
            "Ukraine, regional authorities said.\n\n"
            "In the south, a police officer was killed on Tuesday by the explosion of a roadside bomb targeting his "
            "car in Kherson, police said.")
    got = summary(text, "en", "2025-03-12")
    assert len(got) == 2
    assert {g[0] for g in got} == {"Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}


def test_strikes_on_one_town_told_with_other_words_stay_one_incident_fr():
    text = ("Au moins neuf personnes ont été tuées mercredi dans une frappe de missiles sur un marché de Kramatorsk, "
            "dans l'est de l'Ukraine, selon les autorités régionales.\n\n"
            "Les bombardements ont aussi endommagé une école, a précisé le maire.")
    assert len(summary(text, "fr", "2025-03-12")) == 1


def test_a_clash_in_the_afternoon_after_a_morning_raid_is_another_incident_fr():
    text = ("Des hommes armés ont attaqué mercredi matin le quartier de Martissant, à Port-au-Prince, tuant au moins "
            "cinq habitants, selon des riverains.\n\n"
            "Dans l'après-midi, des policiers ont affronté des membres du gang à Martissant, tuant deux d'entre eux.")
    got = summary(text, "fr", "2025-03-20")
    assert [g[0] for g in got] == ["Armed clash", "Attack"]


def test_a_clash_in_the_afternoon_after_a_morning_raid_is_another_incident_en():
    text = ("Gunmen attacked the Martissant neighbourhood of Port-au-Prince on Wednesday morning, killing at least "
            "five residents, witnesses said.\n\n"
            "In the afternoon, police officers clashed with gang members in Martissant, and two gang members were killed.")
    got = summary(text, "en", "2025-03-20")
    assert [g[0] for g in got] == ["Armed clash", "Attack"]


def test_a_detail_in_the_afternoon_of_the_same_type_stays_with_the_incident_fr():
    text = ("Des hommes armés ont attaqué mercredi matin le quartier de Martissant, à Port-au-Prince, tuant au moins "
            "cinq habitants, selon des riverains.\n\n"
            "Dans l'après-midi, les corps des victimes de l'attaque ont été transportés à la morgue.")
    assert len(summary(text, "fr", "2025-03-20")) == 1


def test_a_strike_later_that_morning_in_another_town_is_another_incident_fr():
    text = ("Un drone israélien a visé jeudi une voiture à l'entrée de Naqoura, dans le sud du Liban, tuant deux "
            "personnes, selon le ministère de la Santé.\n\n"
            "Plus tard dans la matinée, une frappe a touché une maison à Kfar Kila, faisant trois blessés.")
    got = summary(text, "fr", "2025-05-08")
    assert len(got) == 2


def test_a_strike_later_that_morning_in_another_town_is_another_incident_en():
    text = ("An Israeli drone struck a car at the entrance of Naqoura, in southern Lebanon, on Thursday, killing two "
            "people, the health ministry said.\n\n"
            "Later that morning, a strike hit a house in Kfar Kila, wounding three people.")
    got = summary(text, "en", "2025-05-08")
    assert len(got) == 2


def test_a_strike_later_that_morning_in_the_same_town_stays_one_incident_en():
    text = ("An Israeli drone struck a car at the entrance of Naqoura, in southern Lebanon, on Thursday, killing two "
            "people, the health ministry said.\n\n"
            "Later that morning, a second drone hovered over Naqoura, residents said.")
    assert len(summary(text, "en", "2025-05-08")) == 1
