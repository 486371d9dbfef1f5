"""Fixes from the English audit (session 6: invented pages tests/corpus/en/en_101-en_115, coded before running
eventwire). Each test uses short articles written for it, in the style of agency copy republished on news sites."""
from __future__ import annotations

from datetime import date

from eventwire.model import Document
from eventwire.pipeline import extract_document


def events(text: str, lang: str = "en", published: str = "2025-04-15"):
    return extract_document(Document("t", text, published=published, language=lang)).events


def test_dateline_date_under_a_headline_is_not_the_event_day():
    """A headline above the dateline: the dateline's own date ("April 15") is still the reporting day, not the day
    of the incident told with a weekday."""
    en = ("Gunmen kill 12 villagers in northwest Nigeria\n\n"
          "KADUNA, Nigeria, April 15 (Reuters) - Gunmen killed 12 villagers in an attack on a village in Kaduna "
          "state on Sunday, police said.\n\nThe attackers also burned houses, residents said.")
    assert [e.date.value.day for e in events(en)] == [date(2025, 4, 13)]
    fr = ("Des hommes armés tuent douze villageois au Niger\n\n"
          "NIAMEY, 15 avril (AFP) - Des hommes armés ont tué douze villageois dimanche lors d'une attaque contre "
          "un village près de Tillabéri, a indiqué une source sécuritaire.\n\nLes assaillants ont aussi incendié "
          "des greniers.")
    assert [e.date.value.day for e in events(fr, "fr")] == [date(2025, 4, 13)]
