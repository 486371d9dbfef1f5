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
