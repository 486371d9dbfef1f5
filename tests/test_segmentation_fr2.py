"""Incidents of long French (and English) pages told apart, second round (issue #10, segmentation).

A takeover told over a list of towns, whose outcome a later sentence tells town by town in clauses of their own
("X a été prise sans combat, mais Y ...", "X was taken without a fight, while Y ..."), is one event per town, each
typed by its own clause; a town the gazetteer lacks keeps its own name. Without such a sentence the list stays one
incident.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from helpers import events


def by_place(evs):
    return {e.place.value.location: e.sub_event_type.value for e in evs if e.place.value is not None}


def test_two_towns_with_two_outcomes_are_two_events_fr():
    text = ("Des rebelles se sont emparés dimanche des localités de Sake et de Kitshanga, dans l'est de la RDC.\n\n"
            "Sake a été prise sans combat, mais Kitshanga a été le théâtre de violents échanges de tirs avec "
            "l'armée, selon des sources locales.")
    assert by_place(events(text, "fr", "2025-03-10")) == {
        "Sake": "Non-violent transfer of territory", "Kitshanga": "Non-state actor overtakes territory"}


def test_two_towns_with_two_outcomes_are_two_events_en():
    text = ("Insurgents on Sunday seized the towns of Damboa and Monguno in northeastern Nigeria.\n\n"
            "Damboa was taken without a fight, while Monguno came under heavy fire from the army, residents said.")
    assert by_place(events(text, "en", "2025-03-10")) == {
        "Damboa": "Non-violent transfer of territory", "Monguno": "Non-state actor overtakes territory"}


def test_towns_not_told_apart_stay_one_incident_fr():
    text = ("Des rebelles se sont emparés dimanche des localités de Sake et de Kitshanga, dans l'est de la RDC.\n\n"
            "Les deux localités se trouvent sur la route qui mène à Goma, selon des sources locales.")
    assert len(events(text, "fr", "2025-03-10")) == 1


def test_towns_not_told_apart_stay_one_incident_en():
    text = ("Insurgents on Sunday seized the towns of Damboa and Monguno in northeastern Nigeria.\n\n"
            "Both towns lie on the main road to Maiduguri, residents said.")
    assert len(events(text, "en", "2025-03-10")) == 1


# A part of a toll told in an incident of its own ("..., dont trois gendarmes touchés lors d'un échange de tirs avec
# les assaillants"): the clash is an event of its own with the part's count, the toll of the incident told keeps
# the rest.

def toll_by_type(evs):
    return {e.sub_event_type.value: (e.fatalities.value, e.injuries.value) for e in evs}


def test_clash_told_in_a_part_of_the_toll_is_its_own_event_fr():
    text = ("Des bandits armés ont attaqué jeudi le marché de Mirriah, dans la région de Zinder, tuant six "
            "commerçants.\n\n"
            "Au moins neuf autres personnes ont été blessées dans l'attaque, dont trois gendarmes touchés lors d'un "
            "échange de tirs avec les assaillants, selon une source sécuritaire.")
    assert toll_by_type(events(text, "fr", "2025-04-12")) == {"Attack": (6, 6), "Armed clash": (0, 3)}


def test_clash_told_in_a_part_of_the_toll_is_its_own_event_en():
    text = ("Armed bandits attacked the market in Mirriah, in Niger's Zinder region, on Thursday, killing six "
            "traders.\n\n"
            "At least nine other people were wounded in the attack, including three gendarmes hit in an exchange of "
            "fire with the attackers, a security source said.")
    assert toll_by_type(events(text, "en", "2025-04-12")) == {"Attack": (6, 6), "Armed clash": (0, 3)}


def test_a_part_of_the_toll_without_an_incident_stays_in_the_toll_fr():
    text = ("Des bandits armés ont attaqué jeudi le marché de Mirriah, dans la région de Zinder, tuant six "
            "commerçants.\n\n"
            "Au moins neuf autres personnes ont été blessées dans l'attaque, dont trois enfants touchés par des "
            "balles perdues, selon une source sécuritaire.")
    assert toll_by_type(events(text, "fr", "2025-04-12")) == {"Attack": (6, 9)}
