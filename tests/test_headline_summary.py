"""Headlines and leads that sum up several incidents (issue #10, segmentation and values leaking between incidents):
a headline whose clauses tell incidents of other types at places the body names again leads none of them, each
clause joining the body incident it names; a round-up total ("dix-neuf tués ce week-end", "in a series of attacks")
is no one incident's toll; a single-incident headline keeps leading; "le même jour" / "the same day" is the day of
the incident told before, not the day the news was reported.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from helpers import extract


BOMB_DRONE_FR = (
    "Irak : un policier tué par une bombe près de Baiji, frappe de drone turque à Makhmour\n\n"
    "Bagdad (AFP) - Un policier irakien a été tué samedi par l'explosion d'une bombe artisanale au passage de sa "
    "voiture près de Baiji, dans la province de Salaheddine, a indiqué dimanche une source sécuritaire.\n\n"
    "Dimanche, une frappe de drone attribuée à la Turquie a visé un véhicule près de Makhmour, tuant trois "
    "combattants kurdes, selon un responsable local.\n\n"
    "Ankara frappe régulièrement les positions du PKK dans le nord de l'Irak.")

BOMB_DRONE_EN = (
    "Iraq: policeman killed by roadside bomb near Baiji, Turkish drone strike hits Makhmour\n\n"
    "BAGHDAD (AFP) - An Iraqi policeman was killed on Saturday when a roadside bomb exploded as his car passed near "
    "Baiji in Salahuddin province, a security source said on Sunday.\n\n"
    "On Sunday, a drone strike attributed to Turkey hit a vehicle near Makhmour, killing three Kurdish fighters, "
    "a local official said.\n\n"
    "Ankara regularly strikes PKK positions in northern Iraq.")


def test_headline_of_two_incidents_types_each_by_its_own_clause_fr():
    ev = extract(BOMB_DRONE_FR, "fr", "2024-03-04").events
    got = sorted((e.sub_event_type.value, e.fatalities.value, e.date.value.day.isoformat()) for e in ev)
    assert got == [("Air/drone strike", 3, "2024-03-03"), ("Remote explosive/landmine/IED", 1, "2024-03-02")]


def test_headline_of_two_incidents_types_each_by_its_own_clause_en():
    ev = extract(BOMB_DRONE_EN, "en", "2024-03-04").events
    subs = sorted(e.sub_event_type.value for e in ev)
    assert subs == ["Air/drone strike", "Remote explosive/landmine/IED"]
    bomb = next(e for e in ev if e.sub_event_type.value == "Remote explosive/landmine/IED")
    assert bomb.fatalities.value == 1 and bomb.date.value.day.isoformat() == "2024-03-02"


def test_headline_clauses_are_split_and_join_the_body_incidents():
    res = extract(BOMB_DRONE_FR, "fr", "2024-03-04")
    heads = [m for m in res.mentions if m.sentence == 0 and m.kind == "event"]
    assert len(heads) == 2
    assert {m.sub_event_type.value for m in heads} == {"Remote explosive/landmine/IED", "Air/drone strike"}
    homes = [next(e for e in res.events if m.id in e.mention_ids) for m in heads]
    assert homes[0] is not homes[1]
    for m, ev in zip(heads, homes):   # the clause joins the incident of its own type, and does not lead it
        assert ev.sub_event_type.value == m.sub_event_type.value
        assert ev.mention_ids[0] != m.id


GANG_PROTEST_FR = (
    "Haïti : un gang tue cinq civils à Cabaret, les habitants manifestent à Arcahaie\n\n"
    "Port-au-Prince (AFP) - Des membres d'un gang armé ont tué au moins cinq civils mardi lors d'une attaque "
    "contre Cabaret, au nord de la capitale, ont indiqué des responsables locaux.\n\n"
    "Mercredi, plusieurs centaines d'habitants de Cabaret réfugiés à Arcahaie ont manifesté devant la mairie de la "
    "ville pour réclamer la protection de la police, a constaté un correspondant de l'AFP.\n\n"
    "Les gangs contrôlent la plus grande partie de la capitale.")


def test_headline_of_an_attack_and_a_protest_gives_each_its_own_toll_fr():
    ev = extract(GANG_PROTEST_FR, "fr", "2024-05-09").events
    attack = [e for e in ev if e.event_type.value == "Violence against civilians"]
    demo = [e for e in ev if e.event_type.value in ("Protests", "Riots")]
    assert len(attack) == 1 and len(demo) == 1 and len(ev) == 2
    assert attack[0].fatalities.value == 5
    assert demo[0].sub_event_type.value == "Peaceful protest" and not demo[0].fatalities.value


WEEKEND_FR = (
    "Mali : un week-end meurtrier dans le centre du pays\n\n"
    "Bamako (AFP) - Au moins seize personnes ont été tuées ce week-end dans une série de violences dans le centre "
    "du Mali, selon des sources locales jointes lundi par l'AFP.\n\n"
    "Vendredi, un véhicule de l'armée malienne a sauté sur une mine près de Boni, tuant quatre soldats, a indiqué un "
    "élu local.\n\n"
    "Samedi soir, des hommes armés ont ouvert le feu sur des habitants réunis pour un baptême dans un village "
    "proche de Bankass, faisant douze morts, selon un responsable d'une association locale.")

WEEKEND_EN = (
    "Sixteen killed in weekend of violence in central Mali\n\n"
    "BAMAKO (AFP) - At least sixteen people were killed over the weekend in a series of attacks in central Mali, "
    "local sources told AFP on Monday.\n\n"
    "On Friday, a Malian army vehicle hit a landmine near Boni, killing four soldiers, a local official said.\n\n"
    "On Saturday evening, gunmen opened fire on villagers gathered for a baptism in a village near Bankass, "
    "killing twelve people, the head of a local association said.")


def test_round_up_total_is_no_incidents_toll_fr():
    res = extract(WEEKEND_FR, "fr", "2024-09-02")
    tolls = sorted(e.fatalities.value for e in res.events)
    assert tolls == [4, 12]
    assert any(m.kind == "aggregate" and m.kind_reason.startswith("round-up") for m in res.mentions)


def test_round_up_total_is_no_incidents_toll_en():
    res = extract(WEEKEND_EN, "en", "2024-09-02")
    got = sorted((e.sub_event_type.value, e.fatalities.value, e.date.value.day.isoformat()) for e in res.events)
    assert got == [("Attack", 12, "2024-08-31"), ("Remote explosive/landmine/IED", 4, "2024-08-30")]


def test_single_incident_headline_keeps_leading():
    text = ("Niger : une embuscade contre l'armée fait dix morts près de Tillabéri\n\n"
            "Niamey (AFP) - Dix soldats nigériens ont été tués mardi dans une embuscade tendue par des jihadistes "
            "près de Tillabéri, a annoncé mercredi le ministère de la Défense.\n\n"
            "L'attaque a été repoussée avec l'appui de moyens aériens, selon le communiqué.")
    res = extract(text, "fr", "2024-03-21")
    assert len(res.events) == 1
    ev = res.events[0]
    assert ev.mention_ids[0] == next(m.id for m in res.mentions if m.sentence == 0)
    assert ev.fatalities.value == 10
    text = ("Gunmen kill ten villagers and abduct twenty in Zamfara\n\n"
            "GUSAU (AFP) - Gunmen killed ten villagers and abducted twenty others on Sunday in a raid on a village "
            "in Zamfara State, police said on Monday.\n\n"
            "The attackers arrived on motorcycles and stole cattle before leaving, a resident said.")
    res = extract(text, "en", "2024-06-18")
    assert len(res.events) == 1
    assert not any(m.kind_reason.startswith("headline:") for m in res.mentions)


def test_same_day_is_the_incidents_day_not_the_reporting_day_fr():
    text = ("Niger : huit soldats tués dans une embuscade près de Ayorou\n\n"
            "Niamey (AFP) - Huit soldats nigériens ont été tués mardi dans une embuscade tendue par des jihadistes "
            "près de Ayorou, dans la région de Tillabéri, a annoncé jeudi le ministère de la Défense.\n\n"
            "Selon le communiqué, une unité qui escortait un convoi est tombée dans le piège.\n\n"
            "Le même jour, deux civils ont été tués lorsque leur charrette a sauté sur une mine artisanale près de "
            "Téra, a indiqué une source locale.")
    got = {e.sub_event_type.value: e.date.value.day.isoformat() for e in extract(text, "fr", "2024-03-21").events}
    assert got.get("Remote explosive/landmine/IED") == "2024-03-19"


def test_same_day_is_the_incidents_day_not_the_reporting_day_en():
    text = ("Niger: eight soldiers killed in ambush near Ayorou\n\n"
            "NIAMEY (AFP) - Eight Nigerien soldiers were killed on Tuesday in an ambush by jihadists near Ayorou in "
            "the Tillaberi region, the defence ministry said on Thursday.\n\n"
            "According to the statement, a unit escorting a convoy fell into the trap.\n\n"
            "On the same day, two civilians were killed when their cart hit a landmine near Tera, a local source "
            "said.")
    got = {e.sub_event_type.value: e.date.value.day.isoformat() for e in extract(text, "en", "2024-03-21").events}
    assert got.get("Remote explosive/landmine/IED") == "2024-03-19"


def test_weekday_after_a_report_in_the_sentence_before_is_the_incidents_day_en():
    text = ("BAMAKO (AFP) - A Malian army vehicle hit a landmine near Boni on Friday, killing four soldiers, a local "
            "official said.\n\n"
            "On Saturday, gunmen killed twelve villagers near Bankass, a local association said.")
    got = sorted((e.sub_event_type.value, e.date.value.day.isoformat()) for e in extract(text, "en", "2024-09-02").events)
    assert got == [("Attack", "2024-08-31"), ("Remote explosive/landmine/IED", "2024-08-30")]
