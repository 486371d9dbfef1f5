"""Towns named as the direct object of an attack verb, with no preposition ("Russian forces shelled Kupiansk",
"des hommes armés ont attaqué Anka"): the verb is a place cue (data/geo/cues.yaml before_relations), so a small
town, or one in a story that names no country, is looked up like a town after "in". Controls: a person or a
group as the object, and common words.

Every sentence here was written for these tests.
"""
from __future__ import annotations

import pytest

from helpers import events


def places(text: str, lang: str, published: str = "2024-04-18"):
    return [e.place.value.location if e.place.value else None for e in events(text, lang, published)]


OBJECT = [
    ("en", "Russian forces shelled Kupiansk on Tuesday, killing two civilians, regional officials said.", "Kup"),
    ("en", "Armed bandits attacked Anka on Sunday night and killed seven villagers, residents said.", "Anka"),
    ("en", "Militants stormed Dibis on Friday and killed four policemen, a security source said.", "Dibis"),
    ("en", "Drones struck Odesa overnight, killing three people, the governor said.", "Odesa"),
    ("fr", "Les forces russes ont bombardé Koupiansk mardi, tuant deux civils, selon les autorités régionales.",
     "Kup"),
    ("fr", "Des jihadistes ont attaqué Solenzo samedi matin, tuant une dizaine de civils, selon des sources locales.",
     "Solenzo"),
    ("en", "Russia pounds Kupiansk as civilians flee, two killed in overnight shelling", "Kup"),
    ("fr", "L'armée russe pilonne Koupiansk : deux civils tués dans la nuit, selon le gouverneur", "Kup"),
    ("fr", "Des bandits armés ont attaqué Anka dimanche soir et tué sept villageois, selon des habitants.", "Anka"),
]


@pytest.mark.parametrize("lang,text,expected", OBJECT)
def test_town_as_object_of_attack_verb(lang, text, expected):
    got = places(text, lang)
    assert got and got[0] is not None and expected.lower() in got[0].lower(), got


CONTROLS = [
    ("en", "Gunmen attacked Mohammed Bello in Kano on Monday, killing his driver, police said.", "Kano"),
    ("en", "Israeli aircraft shelled Hamas positions in Rafah on Monday, killing five people, medics said.", "Rafah"),
    ("fr", "Des hommes armés ont attaqué Mohamed Diallo lundi à Gao, tuant son chauffeur, selon la police.", "Gao"),
    ("en", "Gunmen attacked Police officers in Maiduguri on Sunday, killing two, a spokesman said.", "Maiduguri"),
    ("fr", "Des rebelles ont attaqué Dimanche un convoi près de Goma, tuant trois soldats, selon l'armée.", "Goma"),
]


@pytest.mark.parametrize("lang,text,expected", CONTROLS)
def test_person_or_group_object_is_not_a_place(lang, text, expected):
    got = places(text, lang)
    assert got and got[0] is not None and expected.lower() in got[0].lower(), got
