"""Fixes from the English audit of session 10: the held-out set C of session 9 (tests/corpus/en/en_501-512) is spent
as the set to fix from; en_551-562 (set D) is the new held-out set, never looked at beyond its summary line.
Each test uses short articles written for it."""
from __future__ import annotations

from pathlib import Path

from eventwire.ingest import read_paths
from eventwire.ingest.clean import clean_text
from eventwire.pipeline import extract_document

from helpers import events, extract, with_defaults


events = with_defaults(events, lang="en", published="2025-07-15")


def subs(text: str, published: str = "2025-07-15") -> list[str]:
    return [e.sub_event_type.value for e in events(text, published=published)]


def test_a_strike_named_by_the_state_that_carried_it_out_is_no_labour_strike():
    """"aid workers killed in Israeli strike": the workers are victims, not strikers nor a mob."""
    text = ("Two aid workers killed in Israeli strike on relief convoy near Khan Younis\n\n"
            "Two employees of a local relief group were killed on Sunday when an Israeli strike hit their convoy near "
            "Khan Younis, in the southern Gaza Strip, the group said.")
    assert subs(text, "2025-07-14") == ["Air/drone strike"]
    # a labour strike of workers stays a protest
    assert subs("Dock workers began a strike at the port of Mombasa on Monday over unpaid wages, their union said.",
                "2025-07-15") == ["Peaceful protest"]


def test_a_watch_teaser_line_is_clutter():
    """"Watch: Protests in Nairobi over fuel prices" under an article links to a video, it is no article text."""
    text = ("Gunmen kill four in attack on bus in Mandera\n\nGunmen killed four passengers on a bus near Mandera on "
            "Saturday, police said.\n\nWatch: Protests in Kampala over taxi fares")
    assert "Kampala" not in clean_text(text)
    assert subs(clean_text(text), "2025-07-13") == ["Attack"]
    # a sentence that only contains the word stays
    assert "Kampala" in clean_text("Watch out, residents of Kampala were told by police on Monday.")


def test_a_party_named_by_the_agreement_it_brokered_is_no_new_agreement():
    """"the United States, which brokered the ceasefire, ..." says who the US is: no agreement that day."""
    text = ("Lebanon's cabinet met on Tuesday to discuss the reconstruction budget. The United States, which brokered "
            "the ceasefire, has tied aid to progress on reforms.")
    assert subs(text, "2025-07-15") == []
    # an agreement told as news stays one
    assert subs("The government and the rebels signed a ceasefire agreement in Doha on Monday, mediators said.",
                "2025-07-15") == ["Agreement"]


def kinds(text: str, published: str = "2025-07-15") -> list[tuple[str, str]]:
    return [(m.trigger.text, m.kind) for m in extract(text, "en", published).mentions]


def test_an_activity_going_on_for_a_while_or_for_years_is_no_incident():
    """"has been recruiting thousands of soldiers", "has fought for more than 15 years": background of the news."""
    text = ("A suicide bomber killed nine recruits in Baidoa on Tuesday. Somalia's government has been recruiting "
            "thousands of new soldiers. Al-Shabab has fought for more than 15 years to topple the government.")
    assert kinds(text) == [("suicide bomber", "event"), ("recruiting", "aggregate"), ("fought", "background")]
    # a fight of the day stays an incident
    assert kinds("Al-Shabab fighters fought soldiers for two hours near Balcad on Monday, officials said.")[0][1] \
        == "event"


def test_armed_men_addressing_a_rally_make_no_demonstration():
    """Fighters who take a town and then address residents at a rally do not protest."""
    text = ("Fano militia fighters took control of Dejen town in East Gojjam on Sunday after federal troops withdrew, "
            "residents said. Two residents said there was no fighting. The Fano fighters later addressed residents "
            "at a rally in the town square and released prisoners from the police station.")
    assert [s for s in subs(text, "2025-07-15") if "protest" in s.lower()] == []
    # residents rallying stay a protest
    assert subs("Hundreds of residents held a rally in Goma on Monday to demand the reopening of the airport, "
                "organisers said.", "2025-07-15") == ["Peaceful protest"]


def test_a_crowd_word_after_a_preposition_is_no_rioting_crowd():
    """"opened fire on residents and set fire to homes": the residents are the victims, not a mob."""
    text = ("Gunmen attacked the village of Dogon Daji on Saturday, opened fire on residents and set fire to dozens "
            "of homes, killing 12 people, local officials said.")
    assert "Mob violence" not in subs(text, "2025-07-14")
    assert subs("Angry residents set fire to a police station in Kano on Monday after a man died in custody, "
                "police said.", "2025-07-15") in (["Mob violence"], ["Violent demonstration"])


def test_a_victim_burnt_after_a_killing_is_no_property_destruction():
    """"He was later set ablaze near the market" goes on with the killing told: no second incident."""
    text = ("A trader was beaten to death by a mob in Birnin Kebbi on Sunday over an alleged theft, police said. "
            "He was later set ablaze near the market.")
    assert subs(text, "2025-07-15") == ["Mob violence"]
    # a body found burnt is the killing's own evidence: the killing stays
    assert subs("A man was killed in Tijuana on Monday and the body was found burned near the dam, prosecutors said.",
                "2025-07-15") == ["Attack"]


def test_a_weekday_of_a_statement_is_not_the_incidents_day():
    """"said in a statement on Monday that fighters attacked ...": Monday is the statement's day."""
    text = ("Gunmen killed 20 villagers in an attack on the village of Umm Sayala in North Kordofan on Saturday, a "
            "rights group said. The group said in a statement on Monday that the gunmen opened fire on residents "
            "in the market.")
    evs = events(text, published="2025-07-15")
    assert [str(e.date.value.day) for e in evs] == ["2025-07-12"]
    # the same for a post on Telegram and for reporters
    text = ("Russian drones hit a school in Sumy on Saturday, killing two people, the governor said. The governor "
            "wrote on Telegram on Monday that drones also damaged a clinic in the attack.")
    evs = events(text, published="2025-07-15")
    assert [str(e.date.value.day) for e in evs] == ["2025-07-12"]


def test_a_military_jet_told_without_nationality_is_the_event_countrys_forces():
    """"A military jet bombed a monastery in Sagaing", in a brief with another country's item: the state's air force,
    not an unidentified group."""
    text = ("MYANMAR — Air strike on monastery kills nine\n\n"
            "A military jet bombed a monastery sheltering displaced villagers in Ye-U township, Sagaing Region, on "
            "Sunday night, killing nine people including two children, local resistance forces and residents said. "
            "The junta did not respond to requests for comment.\n\n"
            "PAKISTAN/AFGHANISTAN — Taliban accuse Pakistan of deadly strikes in Khost\n\n"
            "Afghanistan's Taliban government accused Pakistan on Tuesday of carrying out air strikes on houses in "
            "Khost province late on Monday, killing five civilians.")
    evs = events(text, published="2025-10-28")
    assert evs and evs[0].actor1.value.name == "Military Forces of Myanmar (2021-)"


def test_the_hospital_whose_staff_speak_is_not_the_incidents_place():
    """"Health officials at Madina Hospital said ...": the wounded were brought there; the bombing was elsewhere
    (and the hospital's name is no Saudi city). The page of set C that showed it (team-written)."""
    path = Path(__file__).parent / "corpus/en/en_507_mogadishu_recruits_suicide_bombing.txt"
    evs = extract_document(next(iter(read_paths([str(path)])))).events
    assert [(e.place.value.country, e.place.value.location) for e in evs] == [("Somalia", "Mogadishu")]


def test_a_headline_stepping_up_attacks_in_the_present_is_an_aggregate():
    """Headlines tell in the present: "Militants step up attacks in ..." sums several attacks, like "stepped up"."""
    res = extract("Militants step up attacks in northern Mozambique\n\nInsurgents killed four villagers in an attack "
                  "on Mocimboa da Praia on Sunday, police said.", "en", "2025-07-15")
    assert [(m.trigger.text, m.kind) for m in res.mentions][0] == ("attacks", "aggregate")
