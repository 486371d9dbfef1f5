"""Incidents of long French (and English) pages told apart (issue #10, segmentation): an arrest a force announces
after an incident, told in the same sentence as a toll someone else gives ("..., tandis que les secours ont indiqué
que trois habitants avaient été blessés"), is an incident of its own, and the toll stays with the incident told
before.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from helpers import events, extract


def by_type(evs):
    return {e.sub_event_type.value: e for e in evs}


def test_arrest_announced_beside_another_statements_toll_fr():
    text = ("Des colons israéliens ont attaqué lundi des agriculteurs palestiniens près du village de Burqa, en "
            "Cisjordanie.\n\n"
            "La police israélienne a déclaré avoir arrêté quatre hommes dans la soirée, tandis que le Croissant-Rouge "
            "a indiqué que trois agriculteurs avaient été blessés.")
    evs = by_type(events(text, "fr", "2025-05-13"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].injuries.value == 3
    assert not evs["Arrests"].injuries.value


def test_arrest_announced_while_locals_give_the_dead_fr():
    text = ("Des miliciens ont attaqué jeudi le village de Kilo, dans le territoire de Djugu.\n\n"
            "L'armée a annoncé avoir interpellé six hommes armés dans la localité, alors que des sources locales ont "
            "affirmé que deux civils avaient été tués.")
    evs = by_type(events(text, "fr", "2025-05-16"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].fatalities.value == 2
    assert not evs["Arrests"].fatalities.value


def test_arrest_said_while_medics_give_the_wounded_en():
    text = ("Settlers attacked the village of Burqa near Nablus on Monday, setting two cars on fire.\n\n"
            "Israeli police said they had arrested four men over the violence, while the Red Crescent said three "
            "villagers had been wounded.")
    evs = by_type(events(text, "en", "2025-05-13"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].injuries.value == 3
    assert not evs["Arrests"].injuries.value


def test_arrest_said_while_officials_give_the_dead_en():
    text = ("Gunmen stormed a market in the town of Gwoza on Friday.\n\n"
            "The army said troops had arrested six suspected militants in a nearby forest, while local officials "
            "said five traders had been killed.")
    evs = by_type(events(text, "en", "2025-05-17"))
    assert set(evs) == {"Attack", "Arrests"}, list(evs)
    assert evs["Attack"].fatalities.value == 5
    assert not evs["Arrests"].fatalities.value


def test_arrest_of_a_bandit_with_others_killed_stays_one_clash_fr():
    """Guard: one statement, one incident ("arrêté un bandit et tué trois autres")."""
    text = ("Les forces de défense et de sécurité ont arrêté mardi un bandit armé et tué trois autres près de "
            "Tillabéri, a indiqué l'armée.")
    evs = events(text, "fr", "2025-05-14")
    assert len(evs) == 1, [(e.sub_event_type.value, e.trigger.text) for e in evs]
    assert evs[0].fatalities.value == 3


# -- another incident reported in the past perfect, on a day of its own, by someone not named before ----------------

def test_reported_attack_on_a_day_of_its_own_by_a_new_group_fr():
    text = ("Des hommes armés ont attaqué vendredi soir un poste de l'armée près de Ménaka, blessant deux soldats, "
            "selon une source sécuritaire.\n\n"
            "Samedi, un responsable local a déclaré qu'un groupe armé avait attaqué un poste de la gendarmerie dans la "
            "région, tuant quatre gendarmes.")
    evs = sorted(events(text, "fr", "2025-03-09"), key=lambda e: e.date.value.day)
    assert len(evs) == 2, [(e.sub_event_type.value, e.trigger.text) for e in evs]
    assert (evs[0].injuries.value, evs[1].fatalities.value) == (2, 4)
    assert not evs[0].fatalities.value


def test_reported_attack_the_next_weekday_by_new_assailants_fr():
    text = ("Des jihadistes ont tendu une embuscade jeudi à une patrouille de l'armée près de Djibo, faisant trois "
            "blessés.\n\n"
            "Vendredi, une source militaire a indiqué que des assaillants avaient attaqué un poste de gendarmerie dans "
            "la province, tuant cinq gendarmes.")
    evs = events(text, "fr", "2025-03-09")
    assert len(evs) == 2, [(e.sub_event_type.value, e.trigger.text) for e in evs]
    assert sorted(e.fatalities.value or 0 for e in evs) == [0, 5]


def test_reported_attack_on_a_day_of_its_own_by_a_new_group_en():
    text = ("Gunmen attacked an army post near Menaka on Friday evening, wounding two soldiers, a security source "
            "said.\n\n"
            "On Saturday, a local official said that an armed group had attacked another post in the region, killing "
            "four soldiers.")
    evs = events(text, "en", "2025-03-09")
    assert len(evs) == 2, [(e.sub_event_type.value, e.trigger.text) for e in evs]
    assert sorted(e.fatalities.value or 0 for e in evs) == [0, 4]


def test_toll_reported_the_next_day_about_the_same_assailants_stays_fr():
    """Guard: the day of the statement, the assailants told before ("les assaillants"): one incident."""
    text = ("Des hommes armés ont attaqué vendredi soir un poste de l'armée près de Ménaka, selon une source "
            "sécuritaire.\n\n"
            "Samedi, le gouverneur a déclaré que les assaillants avaient tué quatre militaires.")
    evs = events(text, "fr", "2025-03-09")
    assert len(evs) == 1, [(e.sub_event_type.value, e.trigger.text) for e in evs]
    assert evs[0].fatalities.value == 4


def test_reported_attack_recalled_last_week_stays_one_fr():
    """Guard: "dimanche dernier" with a past perfect is no day of a new incident."""
    text = ("Des hommes armés ont tué mardi six villageois près de Djibo, selon des sources locales.\n\n"
            "Un élu a rappelé qu'un groupe armé avait attaqué dimanche dernier le même village, sans faire de victimes.")
    evs = events(text, "fr", "2025-03-12")
    assert len(evs) == 1, [(e.sub_event_type.value, e.trigger.text) for e in evs]


# -- an arrest told as made hours after a demonstration: an incident of its own, not the demonstration's policing --

def test_arrest_hours_after_the_protest_is_its_own_incident_fr():
    text = ("La police a dispersé mardi à coups de gaz lacrymogène une manifestation de l'opposition dans le centre "
            "de Dakar.\n\n"
            "Dans la soirée, le parti a dénoncé l'arrestation de son secrétaire général, interpellé à son domicile par "
            "des gendarmes quelques heures après la manifestation.")
    evs = by_type(events(text, "fr", "2025-04-09"))
    assert set(evs) == {"Protest with intervention", "Arrests"}, list(evs)


def test_leaders_arrested_hours_after_the_rally_fr():
    text = ("Des centaines d'étudiants ont manifesté jeudi devant le rectorat de Yaoundé contre la hausse des frais "
            "d'inscription.\n\n"
            "Deux meneurs du mouvement ont été arrêtés par la police quelques heures après le rassemblement, a indiqué "
            "leur avocat.")
    evs = by_type(events(text, "fr", "2025-04-11"))
    assert set(evs) == {"Peaceful protest", "Arrests"}, list(evs)


def test_arrest_hours_after_the_protest_is_its_own_incident_en():
    text = ("Police fired tear gas to disperse an opposition protest in central Dakar on Tuesday.\n\n"
            "Later that evening, the party said its secretary general had been arrested at his home by gendarmes a few "
            "hours after the protest.")
    evs = by_type(events(text, "en", "2025-04-09"))
    assert set(evs) == {"Protest with intervention", "Arrests"}, list(evs)


def test_protesters_detained_at_the_protest_stay_its_intervention_fr():
    """Guard: arrests told right after a demonstration, with no time of their own, are its policing."""
    text = ("La police a dispersé mardi une manifestation de l'opposition dans le centre de Dakar.\n\n"
            "Une dizaine de manifestants ont été interpellés, a indiqué la police.")
    evs = events(text, "fr", "2025-04-09")
    assert [e.sub_event_type.value for e in evs] == ["Protest with intervention"]


def test_body_after_a_headline_tells_the_headlines_incident_fr():
    """Guard: a headline names no day; the body's reported telling with its own day is the same incident."""
    text = ("Des dizaines de villageois enlevés par des hommes armés dans le nord du Nigeria\n\n"
            "Des témoins ont déclaré mardi que des hommes armés avaient pris d'assaut le village de Danko dimanche "
            "soir, enlevant une trentaine d'habitants.")
    evs = events(text, "fr", "2025-06-11")
    assert len(evs) == 1, [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_clash_named_as_the_time_of_another_statement_keeps_its_details_fr():
    """A trigger noun that only says when ("quelques heures après le début des affrontements") tells nothing new:
    its sentence stays with the incident told, no second event and no background."""
    text = ("Des affrontements entre bandes rivales ont fait trois blessés lundi dans la prison centrale de Douala.\n\n"
            "La police, qui a repris la situation en main quelques heures après le début des affrontements, a fouillé "
            "toutes les cellules.")
    ex = extract(text, "fr", "2025-06-10")
    assert len(ex.events) == 1
    assert not any(m.sentence == 1 for m in ex.mentions)
