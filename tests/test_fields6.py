"""Dates and actors as agency copy prints them (issue #10: dates and actors that do not generalise to unseen pages).

A grid over the forms news sites give their own date (a stamp under the headline, a "Publié le" / "Published" line,
an ISO stamp, a numeric date in either day order) on a page whose input gives only the month, and over the ways a
lead tells the incident's day relative to the page's. Sentences and incidents are the team's own."""
from __future__ import annotations

import pytest

from eventwire.export import event_record
from eventwire.pipeline import extract_document

from helpers import read, records, with_defaults

_records = with_defaults(records, published="2024-03-12")   # a Tuesday

FR = ("Deux soldats maliens ont été tués lundi soir dans une embuscade tendue par des hommes armés près de Kidal, "
      "dans le nord du Mali, a indiqué l'armée.")
EN = "Two Malian soldiers were killed on Monday night in an ambush by gunmen near Kidal in northern Mali, the army said."


def _page(tmp_path, text: str) -> list[dict]:
    """A page as the real pages come: first line ' date YYYY-MM' (the month only), then the page text."""
    doc = read(text.strip() + "\n", "2024-03", tmp_path, "page.txt")
    return [event_record(ev) for ev in extract_document(doc).events]


@pytest.mark.parametrize("stamp,body", [
    # the page's date printed with its clock time first: the time does not hide the date
    ("Published 10:05 AM GMT, March 12, 2024", EN),
    ("Updated 10:05 a.m. EDT, March 12, 2024", EN),
    ("Publié à 08h15, le 12 mars 2024", FR),
    # an ISO stamp (a page's machine-readable date) alone under the headline
    ("2024-03-12T08:15:00+01:00", FR),
    ("2024-03-12T10:05:00Z", EN),
    # a numeric date in the United States' order: the order that puts the page in its month is the page's
    ("03/12/2024 10:05", EN),
    # the date, its time and the page's update note on one line
    ("March 12, 2024 / 10:05 AM / Updated 2 hours ago", EN),
    ("12 mars 2024 à 08h15 | Mis à jour il y a 2 heures", FR),
    # forms already read, kept in the grid
    ("Publié le 12/03/2024 à 14h05", FR),
    ("Mis à jour le 12/03/2024 à 16h20", FR),
    ("12 mars 2024 à 08:15", FR),
    ("Mardi 12 mars 2024", FR),
    ("Tuesday 12 March 2024 10.05 GMT", EN),
    ("By John Smith | March 12, 2024", EN),
    ("Par Jeanne Martin, le 12 mars 2024 à 08h15", FR),
])
def test_page_date_gives_the_day_of_a_weekday(tmp_path, stamp, body):
    headline = "Mali: two soldiers killed in ambush" if body is EN else "Mali : deux soldats tués dans une embuscade"
    [r] = _page(tmp_path, f"{headline}\n{stamp}\n{body}")
    assert (r["event_date"], r["time_precision"]) == ("2024-03-11", 1)


@pytest.mark.parametrize("stamp,body", [
    ("Updated 3 hours ago", EN),
    ("Publié aujourd'hui à 08h15", FR),
])
def test_page_without_its_date_keeps_the_month(tmp_path, stamp, body):
    """No day is invented when the page tells none: the weekday stays within the publication month."""
    [r] = _page(tmp_path, f"{stamp}\n{body}")
    assert (r["event_date"], r["time_precision"]) == ("2024-03-01", 3)


@pytest.mark.parametrize("when,lang,day,precision", [
    ("dans la nuit de lundi à mardi", "fr", "2024-03-11", 1),
    ("hier", "fr", "2024-03-11", 1),
    ("ce week-end", "fr", "2024-03-09", 2),
    ("jeudi dernier", "fr", "2024-03-07", 1),
    ("mardi dernier", "fr", "2024-03-05", 1),
    ("en début de semaine", "fr", "2024-03-11", 2),
    ("dans la nuit de samedi à dimanche", "fr", "2024-03-09", 1),
    ("late on Sunday", "en", "2024-03-10", 1),
    ("overnight on Sunday", "en", "2024-03-10", 1),
    ("yesterday", "en", "2024-03-11", 1),
    ("over the weekend", "en", "2024-03-09", 2),
    ("last Thursday", "en", "2024-03-07", 1),
    ("in the early hours of Monday", "en", "2024-03-11", 1),
])
def test_relative_days_against_a_known_publication_day(when, lang, day, precision):
    text = (FR.replace("lundi soir", when) if lang == "fr" else EN.replace("on Monday night", when))
    [r] = _records(text, lang)
    assert (r["event_date"], r["time_precision"]) == (day, precision)


@pytest.mark.parametrize("text", [
    "Quinze soldats burkinabè ont été tués mardi lors d'une attaque près de Djibo, dans le nord du Burkina Faso. "
    "Un hommage national leur sera rendu le mardi 16 août à Ouagadougou.",
    "Quinze soldats burkinabè ont été tués mardi lors d'une attaque près de Djibo, dans le nord du Burkina Faso. "
    "Des funérailles sont prévues le mardi 16 août.",
    "Fifteen Burkinabe soldiers were killed on Tuesday in an attack near Djibo in northern Burkina Faso. "
    "A national funeral will be held on Tuesday, August 16, in Ouagadougou.",
])
def test_day_named_ahead_of_the_news_is_no_anchor(tmp_path, text):
    """A weekday with its date told in a clause looking ahead (a funeral, a trial) does not say when the page was
    written: the incident's 'mardi' / 'Tuesday' is not moved to that future day."""
    doc = read(text, "2022-08", tmp_path, "page.txt")
    [r] = [event_record(ev) for ev in extract_document(doc).events]
    assert r["event_date"] != "2022-08-16"
    assert (r["event_date"], r["time_precision"]) == ("2022-08-01", 3)


@pytest.mark.parametrize("text,lang", [
    ("Quinze soldats burkinabè ont été tués mardi lors d'une attaque près de Djibo. L'attaque de mardi 9 août a été "
     "la plus meurtrière depuis juin.", "fr"),
    ("Fifteen Burkinabe soldiers were killed on Tuesday in an attack near Djibo. A funeral was held on Thursday, "
     "August 11.", "en"),
])
def test_day_told_with_its_weekday_still_anchors(tmp_path, text, lang):
    doc = read(text, "2022-08", tmp_path, "page.txt")
    [r] = [event_record(ev) for ev in extract_document(doc).events]
    assert (r["event_date"], r["time_precision"]) == ("2022-08-09", 1)


@pytest.mark.parametrize("text,lang,a1,a2", [
    ("L'attaque, qui a coûté la vie à quatre gendarmes lundi près de Dori, au Burkina Faso, a été attribuée au JNIM.",
     "fr", "JNIM: Group for Support of Islam and Muslims", "Police Forces of Burkina Faso (2022-)"),
    ("L'attaque, qui a coûté la vie à quatre gendarmes lundi près de Dori, au Burkina Faso, a été attribuée au Groupe "
     "de soutien à l'islam et aux musulmans (GSIM).",
     "fr", "JNIM: Group for Support of Islam and Muslims", "Police Forces of Burkina Faso (2022-)"),
    ("The ambush, which killed four gendarmes near Dori in Burkina Faso on Monday, was blamed on JNIM.",
     "en", "JNIM: Group for Support of Islam and Muslims", "Police Forces of Burkina Faso (2022-)"),
])
def test_victims_in_a_clause_on_the_incident_are_not_its_accused(text, lang, a1, a2):
    """What the sentence says of the incident (attributed to, blamed on) is not said of the victims its relative
    clause names: they stay the target."""
    [r] = _records(text, lang)
    assert (r["actor1"], r["actor2"]) == (a1, a2)


@pytest.mark.parametrize("text,lang,a2", [
    ("L'armée nigériane a affirmé lundi avoir tué 20 membres de Boko Haram lors d'une opération près de Maiduguri, "
     "dans le nord-est du Nigeria.", "fr", "Boko Haram"),
    ("The Nigerian army said it killed 20 members of Boko Haram on Monday near Maiduguri.", "en", "Boko Haram"),
])
def test_members_of_a_named_group_are_fighters(text, lang, a2):
    """'membres de Boko Haram', 'members of Boko Haram': members of a group named with a capital are fighters, the
    army's killing of them an armed clash with that group, not an attack on civilians."""
    [r] = _records(text, lang)
    assert r["sub_event_type"] == "Armed clash"
    assert r["actor1"].startswith("Military Forces of Nigeria") and r["actor2"].startswith(a2)


@pytest.mark.parametrize("text,lang", [
    ("Deux membres du Parlement ont été tués lundi par des hommes armés à Mogadiscio.", "fr"),
    ("Gunmen killed two members of Parliament in Mogadishu on Monday.", "en"),
])
def test_members_of_a_parliament_are_no_fighters(text, lang):
    [r] = _records(text, lang)
    assert r["sub_event_type"] == "Attack"
