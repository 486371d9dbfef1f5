"""Session 19, types, tolls and dates on real pages: each rule on the team's own invented articles, in both languages.

- a vague total's stand-in figure ("plusieurs personnes", "several people") gives way to a total told with a
  figure;
- a headline run into the lead's sentence with no full stop between them: its count, told again in the lead, is
  counted once.
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
