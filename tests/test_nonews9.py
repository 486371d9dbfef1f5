"""Pages that report no new incident but talk of violence (issue #10, session 15): the offences of a verdict quoted
one by one (« d'actes de terrorisme », d'« assassinats »); a page that tells no incident in its lead and dates none,
where a general remark far down is placed only from the dateline or another paragraph. Each test keeps a new
incident told beside the same words.

Every sentence here was written for these tests (real places, invented incidents).
"""
from __future__ import annotations

from helpers import events


def show(evs):
    return [(e.sub_event_type.value, e.trigger.text, e.date.value) for e in evs]


def test_quoted_charges_of_a_verdict_are_no_incident_fr():
    text = ("Cameroun : cinq séparatistes condamnés à Bamenda\n\n"
            "Le tribunal militaire de Bamenda a condamné cinq hommes à la prison à vie. Ils ont été reconnus "
            "coupables d'« actes de terrorisme », d'« assassinats » et d'« enlèvements ».")
    evs = events(text, "fr", "2025-11-20")
    assert evs == [], show(evs)


def test_quoted_charges_of_a_verdict_are_no_incident_en():
    text = ("Five separatists jailed for life in Bamenda\n\n"
            "A military court in Bamenda jailed five men for life. They were convicted of \"terrorism\", "
            "\"murders\" and \"kidnappings\".")
    evs = events(text, "en", "2025-11-20")
    assert evs == [], show(evs)


def test_an_incident_beside_quoted_charges_is_still_told_fr():
    text = ("Cameroun : deux gendarmes tués près de Bamenda\n\n"
            "Deux gendarmes ont été tués mardi dans une embuscade près de Bamenda, a indiqué l'armée. La veille, "
            "cinq hommes avaient été reconnus coupables d'« actes de terrorisme » et d'« assassinats ».")
    evs = events(text, "fr", "2025-11-20")
    assert [e.sub_event_type.value for e in evs] == ["Armed clash"], show(evs)


REPORT_FR = ("Mali : une ONG publie son rapport annuel\n\n"
             "Bamako, 3 avril (AFP) - Une ONG malienne a publié jeudi son rapport annuel sur la protection des civils.\n\n"
             "Le document compte 412 victimes civiles en 2025, contre 350 l'année précédente.\n\n"
             "Les auteurs appellent les bailleurs à financer le déminage des routes du centre.\n\n"
             "Dans les villages, des enfants sont {incident}.\n\n"
             "Le gouvernement n'a pas réagi.")
REPORT_EN = ("Colombian monitor publishes its yearly report\n\n"
             "BOGOTA, April 3 (Reuters) - A Colombian monitoring group published its yearly report on the protection of civilians.\n\n"
             "It counted 412 civilian victims in 2025, against 350 the year before.\n\n"
             "The authors urged donors to fund demining in the south-west.\n\n"
             "In remote villages, children are {incident}.\n\n"
             "The government did not comment.")


def test_a_general_remark_far_down_a_report_is_no_incident_fr():
    evs = events(REPORT_FR.format(incident="souvent tués en manipulant des obus ramassés près des champs"),
                 "fr", "2026-04-03")
    assert evs == [], show(evs)


def test_a_general_remark_far_down_a_report_is_no_incident_en():
    evs = events(REPORT_EN.format(incident="often killed by shells they pick up near the fields"), "en", "2026-04-03")
    assert evs == [], show(evs)


def test_an_incident_placed_in_its_own_sentence_far_down_a_report_is_kept_fr():
    text = REPORT_FR.replace("Dans les villages, des enfants sont {incident}.",
                             "Un engin explosif a tué trois civils sur la route de Boni, près de Douentza.")
    evs = events(text, "fr", "2026-04-03")
    assert [e.sub_event_type.value for e in evs] == ["Remote explosive/landmine/IED"], show(evs)


def test_an_incident_placed_in_its_own_sentence_far_down_a_report_is_kept_en():
    text = REPORT_EN.replace("In remote villages, children are {incident}.",
                             "A landmine killed three civilians on a road near Tibu in Norte de Santander.")
    evs = events(text, "en", "2026-04-03")
    assert [e.sub_event_type.value for e in evs] == ["Remote explosive/landmine/IED"], show(evs)


def test_an_incident_told_in_the_lead_is_kept_even_undated_en():
    text = ("Gunmen kill three farmers in Benue\n\n"
            "Gunmen killed three farmers in their farm huts near Makurdi, residents said.\n\n"
            "The police said investigations had begun.")
    evs = events(text, "en", "2026-04-03")
    assert [e.sub_event_type.value for e in evs] == ["Attack"], show(evs)


def test_weapons_bought_in_a_list_are_no_incident_fr():
    text = ("Tchad : la loi de finances prévoit de nouveaux équipements\n\n"
            "Le budget de la Défense comprend l'achat de véhicules blindés, de radars et de deux hélicoptères de "
            "combat, a annoncé mercredi le ministre.")
    evs = events(text, "fr", "2026-02-26")
    assert evs == [], show(evs)


def test_weapons_bought_in_a_list_are_no_incident_en():
    text = ("Kenya raises defence spending\n\n"
            "Kenya's budget includes the purchase of attack helicopters, armoured vehicles and surveillance drones, "
            "officials said on Tuesday.")
    evs = events(text, "en", "2026-02-26")
    assert evs == [], show(evs)


def test_a_drone_strike_on_a_delivery_truck_is_still_told():
    fr = events("Un drone a frappé un camion de livraison près de Gao mercredi, tuant deux civils.", "fr", "2026-02-26")
    en = events("A drone struck a delivery truck near Gao on Wednesday, killing two civilians.", "en", "2026-02-26")
    assert [e.sub_event_type.value for e in fr + en] == ["Air/drone strike"] * 2, show(fr + en)
