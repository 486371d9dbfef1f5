"""Recall on long pages (issue #10): second and further incidents of an article are not lost.

Articles written by the team in the style of news copy (no text from ../shared)."""
from __future__ import annotations

import pytest

from eventwire.model import Document


def _events(text: str, lang: str, published: str = "2025-03"):
    from eventwire.pipeline import extract_document
    return extract_document(Document("t", text, published=published, language=lang)).events


@pytest.mark.parametrize("text,lang", [
    ("Des hommes armés ont enlevé une vingtaine de villageois il y a deux jours dans l'État de Zamfara, au "
     "Nigeria, ont rapporté mardi les médias locaux.", "fr"),
    ("Gunmen abducted about twenty villagers two days ago in Zamfara state, Nigeria, local media reported on "
     "Tuesday.", "en"),
])
def test_days_ago_from_a_month_only_page_stays_in_that_month(text, lang):
    # the page gives only its month: "two days ago" cannot be counted back from the 1st into the month before
    events = _events(text, lang, published="2024-12")
    assert events and all(ev.date.value.day.strftime("%Y-%m") == "2024-12" for ev in events)


@pytest.mark.parametrize("text,lang", [
    ("Des frappes russes ont tué trois civils samedi à Kharkiv, selon le gouverneur régional.\n\n"
     "L'Ukraine et la Russie ont par ailleurs annoncé l'échange de 120 prisonniers ukrainiens contre 118 "
     "prisonniers russes.", "fr"),
    ("Russian strikes killed three civilians in Kharkiv on Saturday, the regional governor said.\n\n"
     "Separately, Ukraine and Russia announced an exchange of 120 Ukrainian prisoners for 118 Russian "
     "prisoners.", "en"),
])
def test_a_prisoner_exchange_with_its_count_is_an_agreement(text, lang):
    # an agreement has no toll and, often, no place finer than the country and no day of its own: beside a
    # precise incident it is still an incident of its own, not a vague remark
    subs = sorted(ev.sub_event_type.value for ev in _events(text, lang, published="2025-03-08"))
    assert "Agreement" in subs, subs
