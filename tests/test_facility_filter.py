"""The spotter skips the look-ups of facility names that cannot end where a place name ends (issue 13): the
places it reads are the same, facilities told around a town included, FR and EN."""
from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.geo import get_gazetteer
from eventwire.geo.gazetteer import Gazetteer

SENTENCES = [
    "Des roquettes sont tombées mardi soir sur l'aéroport de Bagdad, sans faire de victimes.",
    "Selon la police, l'aéroport international de Bagdad a été visé par deux drones piégés.",
    "Un drone a visé la base aérienne de Hmeimim, dans l'ouest de la Syrie, a indiqué Moscou.",
    "Rockets hit Erbil air base on Tuesday night, the coalition said in a statement.",
    "Two drones struck the Ain al-Asad air base in Anbar province, officials told reporters.",
    "Gunmen attacked a checkpoint near Kidal and a convoy on the road to Gao, the army said.",
    "Des hommes armés ont attaqué un poste près de Kidal, puis un convoi sur la route de Gao.",
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


@pytest.mark.parametrize("sentence", SENTENCES)
def test_facilities_are_extended_as_without_the_filter(gaz, sentence, monkeypatch) -> None:
    segs = [seg for run in gaz._runs(sentence) for seg in gaz._split_run(sentence, run)]
    assert segs
    filtered = [replace(s, ids=list(s.ids)) for s in segs]
    for s in filtered:
        gaz._extend_facility(sentence, s)
    monkeypatch.setattr(Gazetteer, "_may_end_facility", lambda self, text: True)
    unfiltered = [replace(s, ids=list(s.ids)) for s in segs]
    for s in unfiltered:
        gaz._extend_facility(sentence, s)
    assert [(s.start, s.end, s.ids) for s in filtered] == [(s.start, s.end, s.ids) for s in unfiltered]


@pytest.mark.parametrize("sentence, name", [
    (SENTENCES[0], "aéroport de Bagdad"),             # the words before the town make the facility
    (SENTENCES[1], "aéroport international de Bagdad"),
    (SENTENCES[3], "Erbil air base"),                 # the words after it
    (SENTENCES[4], "Ain al-Asad air base"),
])
def test_a_facility_told_around_a_town_is_spotted(gaz, sentence, name) -> None:
    hits = gaz.spot(sentence, "fr")
    assert any(h.surface == name and h.candidates and h.candidates[0].kind == "facility" for h in hits)


def test_the_filter_only_lets_through_names_that_may_end_a_facility(gaz) -> None:
    assert gaz._may_end_facility("des roquettes sur l'aéroport de Bagdad")
    assert gaz._may_end_facility("struck the Bagram")   # a facility's key of one word
    assert not gaz._may_end_facility("des hommes armés près de Dori")
    assert not gaz._may_end_facility("a convoy on the road to")
