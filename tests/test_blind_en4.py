"""Fixes from the English audit of session 10: the held-out set C of session 9 (tests/corpus/en/en_501-512) is spent
as the set to fix from; en_551-562 (set D) is the new held-out set, never looked at beyond its summary line.
Each test uses short articles written for it."""
from __future__ import annotations

from eventwire.ingest.clean import clean_text
from eventwire.model import Document
from eventwire.pipeline import extract_document


def events(text: str, lang: str = "en", published: str = "2025-07-15"):
    return extract_document(Document("t", text, published=published, language=lang)).events


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
    text = ("Lebanon's cabinet met on Tuesday to discuss the reconstruction budget. "
            "Qatar, which brokered the truce between the factions last year, urged restraint.")
    assert subs(text, "2025-07-15") == []
    # an agreement told as news stays one
    assert subs("The government and the rebels signed a ceasefire agreement in Doha on Monday, mediators said.",
                "2025-07-15") == ["Agreement"]


def test_an_activity_going_on_for_a_while_or_for_years_is_no_incident():
    """"has been recruiting thousands of soldiers", "has fought for more than 15 years": background of the news."""
    text = ("A roadside bomb killed four soldiers near Baidoa on Monday, officials said. The army has been recruiting "
            "thousands of young men this year. Al-Shabaab has fought for more than 15 years to topple the government.")
    assert subs(text, "2025-07-15") == ["Remote explosive/landmine/IED"]


def test_armed_men_addressing_a_rally_make_no_demonstration():
    """Fighters who take a town and then address residents at a rally do not protest."""
    text = ("Rebel fighters took control of the town of Kitshanga on Sunday after the army withdrew, residents said. "
            "The fighters later addressed residents at a rally in the main square.")
    assert [s for s in subs(text, "2025-07-15") if "protest" in s.lower()] == []
    # residents rallying stay a protest
    assert subs("Hundreds of residents held a rally in Goma on Monday to demand the reopening of the airport, "
                "organisers said.", "2025-07-15") == ["Peaceful protest"]
