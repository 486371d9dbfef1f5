"""Event type, sub-event type and actors of demonstrations (issue #10, session 17, drawn from the ACLED dev notes'
fit half and confirmed on a second source).

General rules of ACLED coding (coding guide: a violent demonstration is one where the protesters damage property
or fight; a peaceful protest has no toll of its own):
- demonstrators setting things on fire ("setting obstacles on fire", "set a bus on fire"), destroying facilities or
  slashing tyres make the demonstration violent: Riots / Violent demonstration, its crowd "Rioters (X)" (the French
  lexicon already read "mettre le feu");
Sentences and incidents are the team's own."""
from __future__ import annotations

import pytest

from helpers import records, with_defaults

_records = with_defaults(records, published="2025-04-10")


def _one(text: str, lang: str) -> dict:
    [rec] = _records(text, lang)
    return rec


@pytest.mark.parametrize("text,lang,country", [
    ("On 12 March 2025, residents of the Jardim America neighbourhood in Belo Horizonte blocked an avenue by setting "
     "obstacles on fire to demand the paving of their street.", "en", "Brazil"),
    ("Dozens of passengers protested at Kotoka International Airport in Accra on Monday and destroyed furniture in the "
     "departure hall over a cancelled flight.", "en", "Ghana"),
    ("Truck drivers blocked the ring road of Seville on Tuesday to protest against fuel prices. The tyres of several "
     "lorries that did not join the strike were slashed.", "en", "Spain"),
    ("Des habitants ont bloqué mardi la route nationale à Kaolack en mettant le feu à des pneus pour réclamer de l'eau "
     "potable.", "fr", "Senegal"),
])
def test_demonstrators_damaging_property_riot(text, lang, country):
    rec = _one(text, lang)
    assert (rec["event_type"], rec["sub_event_type"], rec["actor1"]) == \
        ("Riots", "Violent demonstration", f"Rioters ({country})")
