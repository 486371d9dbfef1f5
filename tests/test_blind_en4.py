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
