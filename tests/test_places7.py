"""Place choice on news copy (issue #10, places, seventh round): an incident whose sentence names its place only by
a definite noun ("inside the town", "le marché du village") is placed at the town the article named last, not at the
dateline.

Every sentence here was written for these tests (French and English, in the style of agency copy).
"""
from __future__ import annotations

import pytest

from eventwire.geo.locate import _roles
from helpers import events

REFERRED_BACK = [
    ("en", "PORT SUDAN", "PORT SUDAN, May 6 (Reuters) - Sudan's paramilitary Rapid Support Forces (RSF) seized the town "
     "of Kosti on Sunday after heavy clashes with the army, residents said.\n\nOn Monday, army drones struck RSF "
     "positions inside the town, residents said.", "Kosti"),
    ("fr", "BAMAKO", "BAMAKO, 6 mai (Reuters) - Des hommes armés ont attaqué dimanche un poste de l'armée à Douentza, "
     "dans le centre du Mali, tuant trois soldats, a annoncé l'armée.\n\nLe lendemain, les mêmes hommes sont revenus "
     "piller le marché du village et incendier plusieurs boutiques, selon des habitants.", "Douentza"),
]


@pytest.mark.parametrize("lang,dateline,text,town", REFERRED_BACK)
def test_a_town_named_again_by_a_noun_is_the_last_town_named(lang, dateline, text, town):
    evs = events(text, lang, "2025-05-06", dateline=dateline)
    assert len(evs) == 2
    assert [e.place.value.location for e in evs] == [town, town]


@pytest.mark.parametrize("phrase,anaphor", [
    ("struck positions inside the town, residents said", True),
    ("seized the town on Sunday", True),
    ("piller le marché du village", True),
    ("trois morts dans la localité, selon la police", True),
    ("the town of Kosti", False),            # the noun introduces a name
    ("the town's mayor said", False),
    ("la ville de Gao", False),
    ("un village proche de Mopti", False),   # an indefinite noun is a new place
])
def test_anaphor_words_are_a_definite_settlement_noun_alone(phrase, anaphor):
    assert bool(_roles()["anaphor"].search(phrase)) is anaphor
