"""Session 19, types, tolls and dates on real pages: each rule on the team's own invented articles, in both languages.

- a vague total's stand-in figure ("plusieurs personnes", "several people") gives way to a total told with a
  figure;
- a headline run into the lead's sentence with no full stop between them: its count, told again in the lead, is
  counted once;
- a Strategic development has no toll (ACLED codes none: an arrest's dead are the violent incident's), and property
  destroyed where civilians died is an attack on them.
"""
from __future__ import annotations

from helpers import records, tolls


def test_vague_total_gives_way_to_a_figure():
    assert tolls("Plusieurs personnes ont été tuées vendredi dans une embuscade près de Mocímboa da Praia. "
                 "Selon des habitants, 4 à 10 personnes ont été tuées.", "fr")[0] == 4
    assert tolls("Gunmen attacked the village near Bokkos, killing no fewer than five people. "
                 "Earlier attacks had led to the death of several people.", "en")[0] == 5


def test_vague_total_still_counts_when_no_figure_is_told():
    assert tolls("Plusieurs personnes ont été tuées vendredi dans une embuscade près de Mocímboa da Praia.", "fr")[0] == 3
    assert tolls("Several people were killed in an ambush near Bokkos on Friday.", "en")[0] == 3


def test_headline_count_run_into_the_lead_is_counted_once():
    fr = ("Syrie : 20 civils tués dans des frappes aériennes de la coalition\n"
          "Environ 20 civils ont été tués samedi dans des frappes aériennes de la coalition à Raqqa, selon l'agence SANA.")
    en = ("Syria: 20 civilians killed in coalition air strikes\n"
          "Around 20 civilians were killed on Saturday in coalition air strikes on Raqqa, the SANA agency said.")
    assert [r["fatalities"] for r in records(fr, "fr", "2017-08-20")] == [20]
    assert [r["fatalities"] for r in records(en, "en", "2017-08-20")] == [20]


def test_an_arrest_has_no_toll_of_its_own():
    text = ("Quarante personnes ont été arrêtées mercredi matin à Nouméa après les violences qui ont fait neuf morts, "
            "dont deux gendarmes, a annoncé le procureur.")
    recs = records(text, "fr", "2024-06-14")
    assert [(r["sub_event_type"], r["fatalities"]) for r in recs] == [("Arrests", 0)]


def test_property_destroyed_where_civilians_died_is_an_attack():
    fr = ("Des hommes armés ont incendié dimanche une dizaine de maisons du village de Bouar, quatre villageois ont péri "
          "dans les flammes.")
    en = "Gunmen torched a dozen houses in the village of Bouar on Sunday; four villagers died in the fire."
    for text, lang in ((fr, "fr"), (en, "en")):
        recs = records(text, lang, "2024-03-14")
        assert [(r["event_type"], r["sub_event_type"], r["fatalities"]) for r in recs] == \
            [("Violence against civilians", "Attack", 4)]
