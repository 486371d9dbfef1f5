"""Actor rules of session 18, on invented sentences: a battle's two sides are armed (the people it killed are its
toll, never its actor2), and a country's army and police are one side of a fight, never its two sides."""
from __future__ import annotations

import pytest

from helpers import records


def _one_battle(text: str, lang: str) -> dict:
    recs = [r for r in records(text, lang, "2024-05-15") if r["event_type"] == "Battles"]
    assert len(recs) == 1, recs
    return recs[0]


@pytest.mark.parametrize("text, lang, actor1, actor2", [
    # a police raid told by its toll: the other side is an unnamed armed group, not the people killed
    ("Police raided a favela in Recife before dawn on Tuesday, setting off a fierce shoot-out that killed 12 people, "
     "officials said.", "en", "Police Forces of Brazil (2023-)", "Unidentified Armed Group (Brazil)"),
    # rebels attacking an army post: the soldiers' side, not the dead trader's
    ("Rebels attacked an army checkpoint near Bamenda on Sunday, killing a soldier, a police officer and a trader, "
     "the governor said.", "en", "Unidentified Armed Group (Cameroon)", "Military Forces of Cameroon (1982-)"),
    ("Des rebelles ont attaqué dimanche un poste de l'armée près de Bamenda, tuant un soldat, un policier et un "
     "commerçant, a indiqué le gouverneur.", "fr", "Unidentified Armed Group (Cameroon)",
     "Military Forces of Cameroon (1982-)"),
    ("Des soldats ont affronté des rebelles lundi près de Bambari, un accrochage qui a tué quatre personnes.", "fr",
     "Military Forces of the Central African Republic (2016-)", "Unidentified Armed Group (Central African Republic)"),
])
def test_battle_sides_are_armed(text: str, lang: str, actor1: str, actor2: str) -> None:
    rec = _one_battle(text, lang)
    assert (rec["actor1"], rec["actor2"]) == (actor1, actor2)
    assert not rec["actor2"].startswith("Civilians")


@pytest.mark.parametrize("text, lang", [
    ("Soldiers and police officers clashed with gunmen near Djibo on Monday, killing nine people, a security source "
     "said.", "en"),
    ("Des soldats et des gendarmes ont combattu lundi des hommes armés près de Djibo, selon une source sécuritaire. "
     "Les combats ont fait neuf morts.", "fr"),
])
def test_army_and_police_of_one_country_are_one_side(text: str, lang: str) -> None:
    rec = _one_battle(text, lang)
    assert rec["actor1"].startswith("Military Forces of Burkina Faso")
    assert rec["actor2"] == "Unidentified Armed Group (Burkina Faso)"
