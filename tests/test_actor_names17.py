"""Armed groups added to data/actors.yaml in session 17 (seen missing on real pages collected that session), tested on
invented sentences in both languages."""
from __future__ import annotations

import pytest

from helpers import records

RED_TABARA = "RED-Tabara: Resistance for the Rule of Law in Burundi"


@pytest.mark.parametrize("text, lang", [
    ("BUJUMBURA, 22 octobre (AFP) - Quatorze personnes ont été tuées mardi dans des combats entre l'armée burundaise "
     "et les rebelles du RED-Tabara près de Bubanza, selon une source militaire.", "fr"),
    ("BUJUMBURA, Oct 22 (Reuters) - Fighters of the RED-Tabara rebel group clashed with Burundian soldiers near "
     "Bubanza on Tuesday, killing 14 people, a military source said.", "en"),
    ("Des combattants de la Résistance pour un État de droit au Burundi ont attaqué mardi une position de l'armée "
     "burundaise près de Bubanza, faisant six morts.", "fr"),
])
def test_red_tabara_is_named_as_acled_names_it(text: str, lang: str) -> None:
    recs = records(text, lang, "2024-10")
    assert len(recs) == 1
    assert RED_TABARA in (recs[0]["actor1"], recs[0]["actor2"])
    assert {recs[0]["actor1"], recs[0]["actor2"]} & {"Military Forces of Burundi (2005-)"}
