"""Fixes from the English audit of session 13: the held-out set F of session 12 (tests/corpus/en/en_651-662) is spent
as the set to fix from; en_751-762 (set G) is the new held-out set, never looked at beyond its summary line.
Each test uses short articles written for it (real places and forces, invented incidents)."""
from __future__ import annotations

import pytest
from helpers import extract, records, split_doc, tolls, with_defaults

from eventwire.extract.actors import find_actors
from eventwire.model import BACKGROUND

records = with_defaults(records, lang="en", published="2026-04-15")


def _types(text: str, lang: str = "en") -> list[str]:
    return [r["sub_event_type"] for r in records(text, lang)]


def test_a_force_name_before_a_force_noun_is_one_actor():
    """"CRPF jawans", "FARDC soldiers": the name says whose men they are; the noun alone is no second actor (which
    took the event country's army, or read the name as the attacker)."""
    for text, cc, name in (("Two CRPF jawans were injured in Sukma.", "IN", "Police Forces of India (2014-)"),
                           ("Five FARDC soldiers were killed near Beni.", "CD",
                            "Military Forces of the Democratic Republic of Congo (2019-)")):
        hits = find_actors(split_doc(text, "en"), 0, cc)
        assert [h.actor.name for h in hits] == [name], text


def test_a_headline_naming_the_victims_force_joins_the_lead():
    text = ("Two CRPF jawans killed in IED blast in Chhattisgarh's Sukma\n\n"
            "Two Central Reserve Police Force (CRPF) personnel were killed and four others injured when Maoists set off "
            "an improvised explosive device in Sukma district on Tuesday morning, police said.")
    [r] = records(text)
    assert r["actor2"] == "Police Forces of India (2014-)"
    assert (r["fatalities"], r["injuries"]) == (2, 4)


def test_a_homonym_is_read_in_the_state_the_story_names():
    """"in Bijapur district" in a story about Chhattisgarh: Chhattisgarh's Bijapur, not Karnataka's."""
    text = ("Maoist bomb kills two policemen in Chhattisgarh\n\n"
            "Two policemen were killed when Maoists set off a roadside bomb in Bijapur district on Monday morning, "
            "police said.")
    [r] = records(text)
    assert r["admin1"] == "Chhattisgarh"


def test_the_day_after_a_month_name_is_no_toll():
    """"Bijapur (Chhattisgarh), Apr 5 (PTI) Two ... were killed": the 5 is the day of the dateline, not a toll."""
    text = ("Sukma (Chhattisgarh), Apr 14 (PTI) Two Central Reserve Police Force (CRPF) personnel were killed and "
            "three others injured when Maoists triggered an improvised explosive device in Sukma district on Tuesday "
            "morning, police said.")
    [r] = records(text)
    assert (r["fatalities"], r["injuries"]) == (2, 3)
    assert tolls("On March 12 gunmen killed 5 people.", "en")[0] == 5


def test_an_anaphor_after_a_recalled_incident_tells_that_incident():
    """The exchange of fire after "The incident came a day after troops killed three Maoists in an encounter" is that
    encounter's, a recalled incident, not another telling of the day's bombing."""
    text = ("Sukma, April 14 - Three policemen were injured when Maoists triggered an IED in Sukma district on "
            "Tuesday, police said.\n\n"
            "The incident came a day after security forces shot dead four Maoists in an encounter in the forests of "
            "Narayanpur district. The exchange of fire broke out when a team of the District Reserve Guard was "
            "searching the area, and four bodies were recovered from the spot.")
    res = extract(text, "en", "2026-04-15")
    [fire] = [m for m in res.mentions if m.trigger.text == "exchange of fire"]
    assert fire.kind == BACKGROUND
    [ev] = res.events
    assert ev.sub_event_type.value == "Remote explosive/landmine/IED"


def test_a_night_tally_counted_after_of_which_is_no_incident():
    """"Russia launched 95 drones and three missiles overnight, of which 70 drones were shot down": the air force's
    nationwide tally; it neither makes an event nor lends its air force to the day's shelling."""
    text = ("Russian shelling kills one in Nikopol\n\n"
            "Russian artillery shelling of Nikopol killed a 60-year-old man on Tuesday morning, Dnipropetrovsk Governor "
            "Serhii Lysak said.\n\n"
            "Ukraine's Air Force said Russia launched 95 drones and three ballistic missiles against Ukraine overnight, "
            "of which 70 drones were shot down or suppressed across the country.")
    [r] = records(text)
    assert r["actor1"] == "Military Forces of Russia (2000-)"
    assert r["sub_event_type"] == "Shelling/artillery/missile attack"


def test_an_adverbial_clause_of_a_past_perfect_tells_the_older_incident():
    """"A third attacker had been shot dead by police as he tried to detonate his device": the attempt belongs to the
    older bombing the past perfect tells, as the main clause does."""
    text = ("Kenyan court jails three over 2023 Garissa bus bombing\n\n"
            "NAIROBI, April 14 - A court in Nairobi on Tuesday jailed three men for 30 years for their role in the "
            "bombing of a bus in Garissa in June 2023.\n\n"
            "A fourth attacker had been shot dead by police as he tried to detonate a second device.")
    assert _types(text) == []


def test_a_toll_in_thousands_in_the_present_perfect_is_a_record():
    """"where it has killed thousands of civilians": a group's record, not an incident."""
    text = ("Uganda extends troop deployment in Congo\n\n"
            "KAMPALA, April 14 - Uganda's parliament on Tuesday extended the deployment of its troops against the ADF "
            "in eastern Congo, where the group has killed thousands of civilians.")
    assert "Attack" not in _types(text)


def test_a_sentence_for_crimes_named_far_after_the_verb_is_no_incident():
    """"handed its first sentences to seven former commanders of the FARC guerrilla group for kidnapping": what the
    sentence is for, however many words after the verb."""
    text = ("BOGOTA, April 14 - A Colombian court on Tuesday handed sentences to six former commanders of the "
            "guerrilla group in Cauca for kidnapping hundreds of people during the conflict.")
    assert _types(text) == []
