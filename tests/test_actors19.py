"""Actor rules of session 19, on invented sentences: the trigger's own agent is the perpetrator, not the subject of
another verb of the lead sentence; a force first read as the attacker that turns out to have lost the dead gives
way to the group the incident names as its author, not to an unidentified armed group; a suicide bombing has no
state author."""
from __future__ import annotations

import pytest

from helpers import records


def _actors(text: str, lang: str, sub: str) -> tuple[str, str]:
    recs = [r for r in records(text, lang, "2024-05-15") if r["sub_event_type"] == sub]
    assert len(recs) == 1, recs
    return recs[0]["actor1"], recs[0]["actor2"]


@pytest.mark.parametrize("text, lang", [
    # the passive agent of the trigger participle, not the subject of the main verb (searching, demanding a release)
    ("Des soldats nigérians tentaient mardi de retrouver six commerçants enlevés par Boko Haram près de Gwoza.", "fr"),
    ("L'armée nigériane a lancé mardi des recherches pour retrouver six civils enlevés par Boko Haram près de Gwoza.",
     "fr"),
    ("The Nigerian army on Tuesday demanded the release of six aid workers abducted by Boko Haram near Gwoza.", "en"),
    ("Nigerian soldiers were searching on Tuesday for six traders abducted by Boko Haram near Gwoza.", "en"),
])
def test_the_triggers_own_agent_acts(text: str, lang: str) -> None:
    assert _actors(text, lang, "Abduction/forced disappearance") == (
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)")


@pytest.mark.parametrize("text, lang", [
    ("A convoy carrying Somali soldiers triggered a roadside bomb near Afgooye on Tuesday, killing three soldiers, "
     "residents said. Al-Shabaab claimed responsibility for the attack.", "en"),
    ("Un convoi transportant des soldats somaliens a déclenché mardi une bombe artisanale près d'Afgooye, tuant "
     "trois soldats, selon des habitants. Les shebab ont revendiqué l'attaque.", "fr"),
])
def test_own_losses_give_way_to_the_claimer(text: str, lang: str) -> None:
    actor1, actor2 = _actors(text, lang, "Remote explosive/landmine/IED")
    assert actor1 == "Al Shabaab"
    assert actor2.startswith("Military Forces of Somalia")


@pytest.mark.parametrize("text, lang", [
    # a suicide bombing is a non-state group's act: the police chasing or firing on the bomber are not its author
    ("While being chased by police, a suicide bomber blew himself up outside a hotel in Mogadishu on Sunday, killing "
     "four people, police said.", "en"),
    ("Un policier a tiré sur un kamikaze qui s'est fait exploser dimanche devant un marché de Bagdad, tuant neuf "
     "personnes.", "fr"),
])
def test_suicide_bomb_has_no_state_author(text: str, lang: str) -> None:
    actor1, _ = _actors(text, lang, "Suicide bomb")
    assert actor1.startswith("Unidentified Armed Group")
