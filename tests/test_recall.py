"""Recall on long pages (issue #10): second and further incidents of an article are not lost.

Articles written by the team in the style of news copy (no text from ../shared)."""
from __future__ import annotations

import pytest

from helpers import events, with_defaults


_events = with_defaults(events, published="2025-03")


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


@pytest.mark.parametrize("text,lang", [
    ("Le Hezbollah a annoncé mardi avoir visé une caserne de l'armée israélienne près de Safed avec des drones.\n\n"
     "Selon les secours israéliens, trois personnes ont été blessées par une salve de roquettes tirée sur le Golan.",
     "fr"),
    ("Une frappe de drone israélienne a tué deux combattants du Hezbollah mardi à Bint Jbeil, dans le sud du "
     "Liban.\n\nDes tirs d'artillerie ont aussi visé la localité d'Aïtaroun, blessant un civil.", "fr"),
    ("Hezbollah said on Tuesday it had targeted an Israeli army barracks near Safed with drones.\n\n"
     "Three people were wounded by a barrage of rockets fired at the Golan Heights, Israeli medics said.", "en"),
])
def test_a_drone_strike_and_rocket_fire_with_its_own_toll_are_two_incidents(text, lang):
    subs = sorted(ev.sub_event_type.value for ev in _events(text, lang, published="2025-03-11"))
    assert subs == ["Air/drone strike", "Shelling/artillery/missile attack"], subs


@pytest.mark.parametrize("text,lang", [
    ("Une frappe de drone israélienne a visé mardi un dépôt d'armes du Hezbollah à Bint Jbeil, dans le sud du "
     "Liban.\n\nCe bombardement a tué deux combattants, selon une source de sécurité.", "fr"),
    ("An Israeli drone strike hit a Hezbollah arms depot in Bint Jbeil, southern Lebanon, on Tuesday.\n\n"
     "The shelling killed two fighters, a security source said.", "en"),
])
def test_a_strike_referred_back_to_with_another_word_stays_one_incident(text, lang):
    assert len(_events(text, lang, published="2025-03-11")) == 1


@pytest.mark.parametrize("text,lang", [
    ("Des bombardements russes ont frappé jeudi la province d'Idleb, dans le nord-ouest de la Syrie.\n\n"
     "Au moins douze civils ont trouvé la mort dans ces bombardements.\n\n"
     "Selon l'OSDH, les douze civils ont été tués dans des frappes aériennes russes près de Saraqeb.", "fr"),
])
def test_the_same_toll_told_again_with_another_word_for_the_strikes_stays_one_incident(text, lang):
    assert len(_events(text, lang, published="2025-03-14")) == 1
