"""Session 18 (seg18): text that tells no new incident, and one incident told as several events.

Invented articles (real places, invented incidents)."""
from __future__ import annotations

from helpers import records, with_defaults

records = with_defaults(records, published="2025-05-14")


# --- a bulleted block above the article (a menu, an error message) does not make the article a list item ----------

BULLETS_EN = ("Two soldiers killed in attack in northern Mali\n\n"
              "  • Warning: function is deprecated in module cache (line 20).\n"
              "  • Warning: parameter order is deprecated in module feeds (line 394).\n\n"
              "News\n\n"
              "Two Malian soldiers were killed and one wounded on Tuesday night in an attack by gunmen on their post "
              "near Niafunke, the army said on Wednesday.")

BULLETS_FR = ("Mali : deux soldats tués dans une attaque\n\n"
              "  • Avertissement : fonction obsolète dans le module cache (ligne 20).\n"
              "  • Avertissement : ordre des paramètres obsolète dans le module flux (ligne 394).\n\n"
              "Actualité\n\n"
              "Deux soldats maliens ont été tués et un autre blessé mardi soir près de Niafunké lors d'une attaque "
              "« terroriste », a annoncé mercredi le ministère malien de la Défense.")


def test_headline_and_lead_after_a_bulleted_block_are_one_event_en():
    recs = records(BULLETS_EN, "en")
    assert len(recs) == 1 and recs[0]["fatalities"] == 2


def test_headline_and_lead_after_a_bulleted_block_are_one_event_fr():
    recs = records(BULLETS_FR, "fr")
    assert len(recs) == 1 and recs[0]["fatalities"] == 2


def test_a_lone_bulleted_line_is_no_list_fr():
    text = ("Un attentat suicide fait trois morts à Kaboul\n\n"
            "Par la rédaction\n"
            "· Publié le · Mis à jour le\n"
            "Temps de lecture\n"
            "Un kamikaze s'est fait exploser samedi au passage d'un convoi de police à Kaboul, tuant trois civils, "
            "ont annoncé les autorités afghanes.")
    recs = records(text, "fr")
    assert len(recs) == 1 and recs[0]["fatalities"] == 3


def test_list_items_still_tell_incidents_apart_en():
    text = ("Police broke up campus protests on Monday. Here is where arrests were made:\n"
            "-- In Austin, police arrested 40 protesters at a campus encampment on Monday.\n"
            "-- In Richmond, Virginia, officers detained 12 protesters at a campus sit-in on Monday.")
    recs = records(text, "en")
    assert {"Texas", "Virginia"} <= {r["admin1"] for r in recs}   # one event per item
