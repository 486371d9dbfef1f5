"""Values kept to their own incident, session 13 (issue #10, segmentation and recall).

- An accusation that dates the incident it blames ("accused Turkey of carrying out drone strikes ... overnight
  Sunday, killing three civilians", "a accusé la Turquie d'avoir mené dimanche soir des frappes") reports an incident,
  attributed to the accused side: not an accusation about another matter, even after another incident was told.
- A count right after the trigger of an older incident, in another sentence of the news incident ("The attack comes
  two weeks after gunmen killed 11 people"), is the older incident's toll, not the news incident's.
- A sentence in an item of a list where none of an incident's mentions is told is no detail of that incident: list
  items enumerate incidents, so its actors do not go to the incident of the item before.

Every sentence here was written for these tests (real places, invented incidents).
"""
from __future__ import annotations

from helpers import events, extract


def test_a_dated_accusation_tells_an_incident_en():
    text = ("A car bomb killed four people at a checkpoint in Kirkuk on Monday morning, police said.\n\n"
            "Separately, Iraq's defence ministry accused Turkey of carrying out drone strikes on a village in the "
            "Sidakan district of Erbil province overnight Sunday, killing three civilians.")
    got = events(text, "en", "2025-09-16")
    strikes = [e for e in got if e.sub_event_type.value == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0].fatalities.value == 3
    assert strikes[0].actor1.value is not None and "Turkey" in strikes[0].actor1.value.name


def test_a_dated_accusation_tells_an_incident_fr():
    text = ("Une voiture piégée a tué quatre personnes lundi matin à un poste de contrôle de Kirkouk, selon la police.\n\n"
            "Par ailleurs, le ministère irakien de la Défense a accusé la Turquie d'avoir mené des frappes de drone "
            "sur un village du district de Sidakan, dans la province d'Erbil, dans la nuit de dimanche, tuant trois "
            "civils.")
    got = events(text, "fr", "2025-09-16")
    strikes = [e for e in got if e.sub_event_type.value == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0].fatalities.value == 3


def test_an_undated_accusation_stays_another_matter_en():
    text = ("A car bomb killed four people at a checkpoint in Kirkuk on Monday morning, police said.\n\n"
            "Baghdad has long accused Ankara of drone strikes on Kurdish villages, which Turkey says target militants.")
    got = events(text, "en", "2025-09-16")
    assert not [e for e in got if e.sub_event_type.value == "Air/drone strike"]


def test_the_toll_of_an_older_incident_is_not_the_news_incidents_en():
    text = ("Gunmen abducted 14 farmers from their fields in Kajuru, Kaduna State, on Saturday, residents said.\n\n"
            "One man who tried to escape was shot dead.\n\n"
            "The incident comes two weeks after bandits killed 11 people in neighbouring Kauru.")
    got = events(text, "en", "2025-06-16")
    assert len(got) == 1
    assert got[0].fatalities.value == 1


def test_a_list_item_gives_nothing_to_the_incident_of_the_item_before_en():
    text = ("Police arrested more campus protesters this week.\n\n"
            "Here is where arrests were made:\n"
            "-- In Austin, police arrested 40 protesters at the University of Texas on Monday.\n"
            "-- Six people were arrested at Tulane University in New Orleans on Monday after they \"stormed university "
            "property\".\n"
            "-- Campus police officers entered a pro-Palestinian encampment at the University of Connecticut on Tuesday "
            "morning to remove the tents.")
    res = extract(text, "en", "2024-05-01")
    start = text.index("-- Campus police")
    last = next(i for i, (s, e) in enumerate(res.doc.sentences) if e > start)
    tulane = [ev for ev in res.events if ev.place.value is not None and ev.place.value.location == "New Orleans"]
    assert len(tulane) == 1
    told = tulane[0].actor1.evidence + tulane[0].actor2.evidence + tulane[0].date.evidence
    assert all(e.sentence < last for e in told)
