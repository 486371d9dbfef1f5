"""Actor rules of session 19, on invented sentences: the trigger's own agent is the perpetrator, not the subject of
another verb of the lead sentence."""
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
