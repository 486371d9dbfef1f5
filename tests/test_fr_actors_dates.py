"""French actor naming and event dates on news copy written by the team (issue #10: French actor1 and date on
unseen pages). Each mechanism with an English twin where the same mechanism applies."""
from __future__ import annotations

import pytest

from eventwire.export import event_record
from eventwire.pipeline import extract_document

from helpers import read, records, with_defaults


_records = with_defaults(records, published="2025-03-12")


def _page(tmp_path, body: str) -> list[dict]:
    """A page as the real pages come: first line ' date YYYY-MM' (the month only), then the page text."""
    doc = read(body.strip() + "\n", "2025-03", tmp_path, "page.txt")
    return [event_record(ev) for ev in extract_document(doc).events]


@pytest.mark.parametrize("text,lang,a1,a2", [
    # the accuser placed between the verb and the accused ("attribuée par les autorités à X"): the parser hangs X
    # on the accuser, X is still the one accused
    ("Deux policiers ont été tués dimanche par l'explosion d'une bombe artisanale près de Kirkouk, une attaque "
     "attribuée par les autorités à des jihadistes du groupe Etat islamique.", "fr",
     "Islamic State (Iraq)", "Police Forces of Iraq"),
    ("Trois soldats ont été tués samedi par une mine près de Tillabéri, une attaque attribuée par l'armée à des "
     "combattants de l'Etat islamique au Sahel.", "fr", "Islamic State (Sahel)", "Military Forces of Niger"),
    ("Two policemen were killed on Sunday by a roadside bomb near Kirkuk, in an attack blamed by the authorities on "
     "Islamic State jihadists.", "en", "Islamic State (Iraq)", "Police Forces of Iraq"),
])
def test_accused_after_the_accuser_is_the_perpetrator(text, lang, a1, a2):
    [r] = _records(text, lang)
    assert (r["actor1"], r["actor2"].split(" (")[0]) == (a1, a2)
    assert r["attribution"] == "accused"


@pytest.mark.parametrize("text,lang,a1,a2", [
    # "accusé l'armée d'avoir tué au moins vingt civils": the parser reads "au moins vingt civils" as an adverb or
    # an oblique; the civilians killed are the target, not a second accused
    ("Les Forces de soutien rapide ont accusé l'armée d'avoir tué au moins vingt civils lundi dans un bombardement "
     "aérien sur un marché de Nyala.", "fr", "Military Forces of Sudan", "Civilians (Sudan)"),
    ("Les Forces de soutien rapide ont accusé l'armée d'avoir tué au moins vingt civils lundi lors d'un "
     "bombardement aérien sur un marché de Nyala.", "fr", "Military Forces of Sudan", "Civilians (Sudan)"),
    ("The Rapid Support Forces accused the army of killing at least twenty civilians on Monday in an air strike on "
     "a market in Nyala.", "en", "Military Forces of Sudan", "Civilians (Sudan)"),
])
def test_people_killed_in_an_accusation_are_the_target(text, lang, a1, a2):
    [r] = _records(text, lang)
    assert r["actor1"].startswith(a1) and r["actor2"] == a2


@pytest.mark.parametrize("text,lang,state", [
    # forces fought unnamed "terroristes" and a group claimed the attack: that group is the other side
    ("Les soldats maliens ont affronté mardi des terroristes près de Ménaka. Le JNIM a revendiqué l'attaque.", "fr",
     "Military Forces of Mali"),
    ("Nigerien soldiers repelled an attack by terrorists on their base near Tillaberi on Tuesday, killing about ten "
     "attackers. The Islamic State Sahel Province claimed the attack.", "en", "Military Forces of Niger"),
])
def test_the_group_that_claimed_the_attack_is_the_forces_opponent(text, lang, state):
    [r] = _records(text, lang)
    forces, group = sorted((r["actor1"], r["actor2"]), key=lambda a: not a.startswith(state))
    assert forces.startswith(state) and group.startswith(("JNIM", "Islamic State"))


@pytest.mark.parametrize("text", [
    "Une patrouille de la Garde nationale du Niger est tombée lundi dans une embuscade près de Ouallam, faisant "
    "cinq morts parmi les gardes, a indiqué le ministère de l'Intérieur.",
    "Cinq gardes nationaux ont été tués lundi dans une attaque de jihadistes contre leur poste près de Ouallam, a "
    "indiqué le ministère de l'Intérieur.",
])
def test_sahel_national_guard_is_the_countrys_military(text):
    [r] = _records(text, "fr")
    assert r["actor2"].startswith("Military Forces of Niger")


def test_a_named_national_guard_keeps_its_own_name():
    [r] = _records("Des éléments de la Garde nationale ont affronté lundi des membres du cartel de Sinaloa à "
                   "Culiacán, faisant trois morts.", "fr")
    assert "National Guard" in r["actor1"] and r["actor1"].startswith("Police Forces of Mexico")


HEADER = "Mali : six soldats tués près de Mopti\nMercredi 12 mars 2025\n\n"


@pytest.mark.parametrize("tail,day", [
    # a part of the day followed by the day it belongs to: that day, not the publication day
    ("dans la journée d'hier", "2025-03-11"),
    ("dans la journée de dimanche", "2025-03-09"),
    ("dans la journée du 8 mars", "2025-03-08"),
    ("dans la matinée de lundi", "2025-03-10"),
    # alone, the part of the day is the reference day
    ("dans la journée", "2025-03-12"),
])
def test_part_of_a_day_then_its_day(tmp_path, tail, day):
    [r] = _page(tmp_path, HEADER + f"Six soldats maliens ont été tués dans une attaque jihadiste près de Mopti {tail}, "
                                   "selon l'armée.")
    assert (r["event_date"], r["time_precision"]) == (day, 1)


@pytest.mark.parametrize("sentence,day", [
    # the event day beats the day the news was given ("lundi soir" vs "a déclaré mardi")
    ("Six soldats maliens ont été tués lundi soir dans une attaque jihadiste près de Mopti, a déclaré mardi "
     "l'armée.", "2025-03-10"),
    ("L'armée malienne a annoncé mardi la mort de six soldats dans une attaque jihadiste survenue lundi soir près de "
     "Mopti.", "2025-03-10"),
    ("Dans un communiqué publié mardi, l'armée indique que six soldats ont été tués dimanche près de Mopti lors "
     "d'une attaque jihadiste.", "2025-03-09"),
    ("L'armée malienne a annoncé mardi avoir perdu six soldats lors d'une attaque jihadiste menée la veille près de "
     "Mopti.", "2025-03-10"),
    # a night over two days is coded to the first
    ("Six soldats maliens ont été tués dans la nuit de dimanche à lundi dans une attaque jihadiste près de Mopti, "
     "selon l'armée.", "2025-03-09"),
])
def test_event_day_not_the_reporting_day(tmp_path, sentence, day):
    [r] = _page(tmp_path, "Mali : six soldats tués près de Mopti\nPublié le 12 mars 2025 à 10h00\n\n" + sentence)
    assert (r["event_date"], r["time_precision"]) == (day, 1)


def test_no_day_written_is_not_day_precise(tmp_path):
    """The header gives the publication day but the article names no day: the event lies within the days before
    it, not on it."""
    [r] = _page(tmp_path, "Mali : six soldats tués près de Mopti\nPublié le 12 mars 2025 à 10h00\n\n"
                          "Six soldats maliens ont été tués dans une attaque jihadiste près de Mopti, selon l'armée.")
    assert r["time_precision"] > 1


@pytest.mark.parametrize("sentence,day", [
    # the day of an accusation or a claim is when the news was told; "la veille" counts back from it
    ("L'armée ukrainienne a accusé mardi les forces russes d'avoir largué la veille depuis des drones des grenades "
     "sur des positions ukrainiennes près de Pokrovsk, blessant trois soldats.", "2025-03-10"),
    ("L'armée malienne a accusé mardi les jihadistes d'avoir tué la veille six soldats près de Mopti.", "2025-03-10"),
    ("Le JNIM a revendiqué mardi une embuscade qui a tué six soldats maliens lundi près de Mopti.", "2025-03-10"),
])
def test_accusation_or_claim_day_is_the_reporting_day(tmp_path, sentence, day):
    [r] = _page(tmp_path, "Titre\nPublié le 12 mars 2025 à 10h00\n\n" + sentence)
    assert (r["event_date"], r["time_precision"]) == (day, 1)


def test_eve_of_a_date_is_no_day_before():
    """"à la veille de la fête nationale" (on the eve of) tells no day; "la veille depuis des drones" does."""
    from eventwire.extract.dates import _lang

    pattern = next(p for k, p in _lang("fr").patterns if k == "days_before")
    assert pattern.search("largué la veille depuis des drones")
    assert pattern.search("tués la veille, selon l'armée")
    assert not pattern.search("tués à la veille de la fête nationale")
    assert not pattern.search("à la veille d'une élection")


def test_the_work_of_a_group_names_the_perpetrator_in_a_later_sentence(tmp_path):
    """"l'attaque est l'œuvre de combattants du JNIM", told after a background sentence naming two groups."""
    [r] = _page(tmp_path, "Burkina : une vingtaine de civils tués à Djibo\nPublié le 12 mars 2025\n\n"
                          "Une vingtaine de civils ont été tués lundi lors d'une attaque contre le marché de Djibo, dans "
                          "le nord du Burkina Faso, ont indiqué mardi des sources locales.\n\n"
                          "Le Burkina Faso est confronté depuis 2015 aux violences de groupes jihadistes liés à "
                          "Al-Qaïda et à l'Etat islamique.\n\n"
                          "Selon des sources sécuritaires, l'attaque est l'œuvre de combattants du JNIM.")
    assert r["actor1"].startswith("JNIM") and r["actor2"] == "Civilians (Burkina Faso)"
