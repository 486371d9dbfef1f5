"""Rules drawn from real French pages on Africa collected in session 17 (realfr1), tested on invented sentences."""
from __future__ import annotations

import re
from datetime import date

import pytest

from eventwire.extract.dates import find_dates
from eventwire.model import Document

from helpers import records


def _doc(text: str, published: str, lang: str) -> Document:
    doc = Document("t", text, published=published, language=lang)
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    return doc


def _days(text: str, published: str = "2024-05-10", lang: str = "fr") -> list[date]:
    return [h.value.day for h in find_dates(_doc(text, published, lang), 0) if h.value is not None]


# ---- a date inside a name is no day of the news


@pytest.mark.parametrize("text, lang", [
    ("Les rebelles du Mouvement du 23 mars ont pilonné le village jeudi.", "fr"),
    ("Des tirs ont été entendus près du boulevard du 30 juin jeudi.", "fr"),
    ("Une grenade a explosé devant le stade du 4 août jeudi.", "fr"),
    ("Fighters of the March 23 Movement shelled the village on Thursday.", "en"),
])
def test_date_in_a_name_is_not_a_day(text, lang):
    assert _days(text, lang=lang) == [date(2024, 5, 9)]


def test_date_after_a_name_still_counts():
    assert _days("Le mouvement a attaqué le 3 mai un poste de police.") == [date(2024, 5, 3)]


def test_named_movement_does_not_push_the_incident_into_the_past():
    text = ("Kinshasa, 8 mai 2024 : l'armée accuse les rebelles du Mouvement du 23 mars (M23) d'avoir tiré un obus "
            "sur le quartier Ndosho de Goma ce mercredi 8 mai 2024, tuant deux civils.")
    recs = records(text, "fr", "2024-05")
    assert [r["event_date"] for r in recs] == ["2024-05-08"]


# ---- a toll counted over months, years or "this year" adds up many incidents


@pytest.mark.parametrize("text, lang", [
    ("Plus de 800 personnes tuées en six mois dans le nord du Tchad, selon l'ONU.\n\n"
     "Le chef de la mission a présenté mardi son rapport au Conseil de sécurité à New York.", "fr"),
    ("Selon l'ONU, des dizaines de civils ont été tués dans des affrontements cette année dans la région du Lac.", "fr"),
    ("More than 800 people killed in six months in northern Chad, UN says.\n\n"
     "The head of the mission presented his report to the Security Council in New York on Tuesday.", "en"),
])
def test_toll_over_a_period_is_no_incident(text, lang):
    assert records(text, lang, "2024-05") == []


def test_toll_of_one_day_is_still_an_incident():
    text = ("Six civils ont été tués mardi dans une attaque de jihadistes présumés contre le village de Tin-Akof, "
            "dans la province de l'Oudalan, a indiqué une source sécuritaire.")
    assert len(records(text, "fr", "2024-05")) == 1
