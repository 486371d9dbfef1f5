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


# --- a caption line that ends with a bare credit is clutter (a picture, not the story) ----------------------------

def test_caption_with_bare_credit_is_clutter():
    from eventwire.ingest import is_clutter
    assert is_clutter("Relatives wait outside the morgue in Maiduguri on Friday. Photo: AFP")
    assert is_clutter("Medics carry a wounded man in Khan Younis on Sunday. Credit: AP")
    assert is_clutter("Des proches des victimes devant la morgue de Bamako, mardi. Crédit photo : AFP")
    assert not is_clutter("Gunmen killed five villagers in Kaura Namoda on Monday, police said.")
    assert not is_clutter("Gunmen killed five people on Monday. Photos: the army released images of the attackers.")


# --- "X comes/came ... after Y": the rest of the sentence tells the older incident Y ---------------------------------

def test_comes_after_tail_is_the_older_story_en():
    text = ("Rocket attack kills six in Marib\n\n"
            "Six civilians were killed on Thursday when rockets fired by Houthi forces hit a market in Marib, "
            "officials said. The latest attack on the city comes shortly after hundreds of residents attended the "
            "funeral of a teacher and his son, who were among 14 people killed in a drone strike on a school on "
            "Saturday.")
    recs = records(text, "en")
    assert len(recs) == 1 and recs[0]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_survient_apres_tail_is_the_older_story_fr():
    text = ("Six civils tués par des roquettes à Marib\n\n"
            "Six civils ont été tués jeudi lorsque des roquettes tirées par les Houthis ont frappé un marché de Marib, "
            "selon les autorités. Cette attaque survient deux jours après les obsèques d'un enseignant et de son fils, "
            "qui figuraient parmi les 14 personnes tuées samedi dans une frappe de drone contre une école.")
    recs = records(text, "fr")
    assert len(recs) == 1 and recs[0]["fatalities"] == 6


def test_the_incident_s_own_hour_after_came_is_no_older_story():
    en = records("The attack came shortly after midnight, when gunmen opened fire on a bar in Kaduna and killed "
                 "four customers, police said on Sunday.", "en")
    fr = records("Le drame est survenu peu après minuit, lorsque des hommes armés ont ouvert le feu sur un bar de "
                 "Kaduna, tuant quatre clients, a indiqué dimanche la police.", "fr")
    assert len(en) == 1 and en[0]["fatalities"] == 4
    assert len(fr) == 1 and fr[0]["fatalities"] == 4


def test_a_credit_word_followed_by_a_clause_is_story_text():
    from eventwire.ingest import is_clutter
    assert not is_clutter("Farmers protested loan cuts in Nakuru on Monday. Credit: the bank said it would act")
    assert not is_clutter("Troops killed ten militants on Monday. Image: drone footage shows the raid")
