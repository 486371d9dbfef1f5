"""Incidents of long French (and English) pages told apart, second round (issue #10, segmentation).

A takeover told over a list of towns, whose outcome a later sentence tells town by town in clauses of their own
("X a été prise sans combat, mais Y ...", "X was taken without a fight, while Y ..."), is one event per town, each
typed by its own clause; a town the gazetteer lacks keeps its own name. Without such a sentence the list stays one
incident.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import extract_document


def events(text: str, lang: str, published: str):
    return extract_document(Document("t", text, published=published, language=lang)).events


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
