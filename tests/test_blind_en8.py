"""Session 14 English blind round (blinden8): a foreign homonym is no country of the story."""
from __future__ import annotations

from helpers import records, with_defaults

records = with_defaults(records, lang="en", published="2026-02-10")


def test_militia_named_like_a_town_abroad_does_not_place_the_clash_there():
    """"Fano" is an Ethiopian militia and an Italian town: repeated, it must not make Italy a country of the story."""
    text = ("Fighting in Amhara leaves 9 dead\n\n"
            "Heavy fighting broke out between Fano militia fighters and federal forces in Debre Tabor, in Amhara "
            "region, on the night of February 8, residents said.\n\n"
            "The Fano fighters attacked army positions near the town's hospital. A Fano commander said the "
            "fighters withdrew at dawn.")
    recs = records(text)
    assert recs and all(r["country"] == "Ethiopia" for r in recs)
    assert any(r["location"] == "Debre Tabor" for r in recs)


def test_highway_named_after_a_town_abroad_is_not_that_town():
    """A protest on a road named after an Indian city, in a story about Islamabad, stays in Pakistan."""
    text = ("Police injured as protest turns violent in Islamabad\n\n"
            "More than 20 policemen were injured on Friday as supporters of an opposition party in Pakistan clashed "
            "with police on the Srinagar Highway in Islamabad while marching towards parliament. Protesters "
            "pelted police with stones and set fire to two police vehicles, Islamabad police said.")
    recs = records(text, published="2026-03-28")
    assert recs and all(r["country"] == "Pakistan" for r in recs)
