"""Rules drawn from real pages collected in session 17 (realen1: Africa and Latin America, English), tested on the
team's own invented sentences."""
from __future__ import annotations

from helpers import records, with_defaults

records = with_defaults(records, lang="en", published="2023-05-10")


def _days(text: str, lang: str = "en") -> list[tuple[str, int]]:
    return [(r["event_date"], r["time_precision"]) for r in records(text, lang)]


# -- a weekday after "told <whom>" is the day the news was told, not the incident's ----------------------------

def test_told_agency_weekday_is_the_reporting_day_en():
    text = ("Separatists killed two gendarmes in Cameroon's West region, the regional governor told Reuters on "
            "Tuesday.\n\nThe gunmen attacked a checkpoint in the village of Bangourain on Sunday evening, the "
            "governor said.")
    assert _days(text) == [("2023-05-07", 1)]


def test_told_agency_weekday_is_the_reporting_day_fr():
    text = ("Des séparatistes ont tué deux gendarmes dans la région de l'Ouest du Cameroun, a indiqué à l'AFP mardi "
            "le gouverneur de la région.\n\nLes assaillants ont attaqué un poste de contrôle dans le village de "
            "Bangourain dimanche soir, a précisé le gouverneur.")
    assert _days(text, "fr") == [("2023-05-07", 1)]
