"""Language resources moved from code to data files by review 11 keep their behaviour."""
from __future__ import annotations

import pytest

from eventwire.extract.actors import _role_cues
from eventwire.geo.gazetteer import BETWEEN_CUE
from eventwire.geo.locate import _roles


@pytest.mark.parametrize("gap,ok", [("'s ", True), ("’s ", True), ("'s northern ", True), ("'s restive ", True),
                                    ("' ", True), ("'s Northern ", False), (", ", False), (" ", False)])
def test_possessive_area_gap(gap: str, ok: bool) -> None:
    # "in Manipur's Bishnupur district", "in Ethiopia's restive Amhara region"; a capitalised word is a name
    assert bool(_roles()["possessive_area"].fullmatch(gap)) is ok


def test_trigger_determiners_by_language() -> None:
    fr, en = _role_cues("fr")["trigger_determiners"], _role_cues("en")["trigger_determiners"]
    assert {"l'", "la", "les", "des"} <= fr and "the" not in fr
    assert {"the", "a", "an"} <= en and "la" not in en


@pytest.mark.parametrize("before,ok", [("entre ", True), ("between the ", False), ("between ", True),
                                       ("près de ", False)])
def test_between_cue(before: str, ok: bool) -> None:
    assert bool(BETWEEN_CUE.search(before)) is ok
