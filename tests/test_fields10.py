"""Actors of matched events (issue #10, session 16): the two sides of an armed clash.

Three general rules of language, drawn from the team corpus and the ACLED coding of a clash (actor1 the side that
attacks or is named first as a side, actor2 the other):
- a harm participle that the parser hangs on the last of listed nouns ("Four policemen, two militants killed in
  attack", "Deux soldats et trois jihadistes tués") qualifies every one of them: they are all victims, not the
  attackers of a headline without a finite verb;
- "des combats ont opposé X à Y", "clashes pitting X against Y" name the two sides like "entre X et Y": X actor1,
  Y actor2, instead of two objects read as targets;
- when actor1 is found acting in another sentence and is one of the two sides of "entre X et Y" / "between X and Y",
  the other side is actor2 (not a count of victims told first).
Sentences and incidents are the team's own."""
from __future__ import annotations

import pytest

from helpers import records, with_defaults

_records = with_defaults(records, published="2025-05-20")


def _sides(text: str, lang: str) -> tuple[str, str]:
    [rec] = [r for r in _records(text, lang) if r["sub_event_type"] == "Armed clash"]
    return rec["actor1"], rec["actor2"]


@pytest.mark.parametrize("text,lang,actor1,actor2", [
    ("Three policemen, two gunmen killed in attack on Kohat checkpoint\n\nKOHAT: Three policemen and two gunmen were "
     "killed when militants attacked a police checkpoint in Kohat district late on Monday, police said. The policemen "
     "returned fire and the exchange lasted for an hour.", "en",
     "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan (2024-)"),
    ("Trois soldats, deux assaillants tués dans l'attaque d'un poste près de Diffa\n\nTrois soldats et deux assaillants "
     "ont été tués lundi lorsque des hommes armés ont attaqué un poste militaire près de Diffa, a annoncé l'armée "
     "nigérienne. Les soldats ont riposté.", "fr",
     "Unidentified Armed Group (Niger)", "Military Forces of Niger (2023-)"),
])
def test_listed_victims_of_a_headline_participle_do_not_attack(text, lang, actor1, actor2):
    assert _sides(text, lang) == (actor1, actor2)


@pytest.mark.parametrize("text,lang,actor1,actor2", [
    ("De violents combats ont opposé lundi l'armée soudanaise aux Forces de soutien rapide (FSR) près d'El-Obeid, dans "
     "le Kordofan-Nord, faisant au moins dix morts parmi les combattants, selon une source militaire.", "fr",
     "Military Forces of Sudan (2019-)", "Rapid Support Forces"),
    ("Des affrontements opposant l'armée malienne à des jihadistes du JNIM ont fait six morts lundi près de Niono, "
     "selon une source sécuritaire.", "fr",
     "Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims"),
    ("Fierce fighting pitted the Sudanese army against the Rapid Support Forces near El Obeid on Monday, killing at "
     "least ten fighters, a military source said.", "en",
     "Military Forces of Sudan (2019-)", "Rapid Support Forces"),
])
def test_pitted_sides_are_actor1_and_actor2(text, lang, actor1, actor2):
    assert _sides(text, lang) == (actor1, actor2)


@pytest.mark.parametrize("text,lang", [
    ("Neuf personnes ont été tuées lundi dans des affrontements entre des combattants druzes et des membres de tribus "
     "bédouines dans le village d'al-Mazraa, près de Soueida, selon une ONG. Les combats ont commencé lorsque des "
     "hommes armés bédouins ont attaqué un barrage tenu par des combattants druzes.", "fr"),
    ("Nine people were killed on Monday in clashes between Druze fighters and Bedouin tribesmen in the village of "
     "al-Mazraa near Sweida, a monitor said. The fighting began when Bedouin gunmen attacked a checkpoint held by "
     "Druze fighters.", "en"),
])
def test_the_other_side_named_between_is_actor2(text, lang):
    """actor1 told acting in another sentence is one of the two sides of 'entre X et Y': the other side is actor2,
    not the count of people killed."""
    assert _sides(text, lang) == ("Bedouin Ethnic Militia (Syria)", "Druze Ethnic Militia (Syria)")


def test_an_anaphor_repeating_the_last_incident_word_keeps_its_toll():
    """'l'attaque' right after 'une attaque à la grenade' refers to that attack, not to an older clash of the story
    whose type 'attaque' would also fit: the toll it tells ('avait tué un combattant') is the grenade attack's."""
    text = ("Des combattants des FDS ont affronté vendredi des assaillants inconnus près de Diban, dans l'est de la "
            "Syrie. Les affrontements n'ont pas fait de victimes, selon une source militaire. Entre-temps, l'État "
            "islamique a revendiqué une attaque à la grenade contre un poste des FDS près de Mayadine. Le groupe a "
            "affirmé que l'attaque avait tué un combattant des FDS.")
    tolls = {r["sub_event_type"]: r["fatalities"] for r in _records(text, "fr")}
    assert tolls == {"Armed clash": 0, "Grenade": 1}
