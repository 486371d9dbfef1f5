"""Articles that tell several incidents (issue #10, segmentation): a killing told on a weekday of its own by an
agent the article had not named yet is another incident, not a detail of the one told before.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from eventwire.extract.dates import weekdays_in

from helpers import events


def summary(text: str, lang: str, published: str) -> list[tuple[str, str, str]]:
    return sorted((e.sub_event_type.value, e.place.value.location if e.place.value else "",
                   e.date.value.day.isoformat() if e.date.value else "") for e in events(text, lang, published))


def test_weekdays_in_reads_every_weekday_of_a_sentence():
    assert weekdays_in("fr", "dans la nuit de dimanche à lundi, selon des sources") == {6, 0}
    assert weekdays_in("en", "Gunmen killed seven villagers on Saturday") == {5}
    assert weekdays_in("en", "They may come back") == frozenset()


def test_killing_by_new_agent_on_its_own_day_is_another_incident_fr():
    text = ("Des combattants jihadistes ont enlevé dimanche une quinzaine de femmes près de Gwoza, dans l'Etat de "
            "Borno, selon des habitants.\n\n"
            "Dans le nord-ouest du pays, des bandits armés ont tué sept villageois samedi lors d'un raid sur un "
            "village du district de Tsafe, dans l'Etat de Zamfara, a indiqué la police.")
    got = summary(text, "fr", "2024-06-18")
    assert ("Abduction/forced disappearance", "Gwoza", "2024-06-16") in got
    assert ("Attack", "Tsafe", "2024-06-15") in got
    assert len(got) == 2


def test_passive_killing_by_new_agent_on_next_day_is_another_incident_fr():
    text = ("Des insurgés jihadistes ont attaqué samedi la ville de Macomia, dans la province du Cabo Delgado, avant "
            "d'être repoussés par l'armée après plusieurs heures de combats.\n\n"
            "Les assaillants ont pillé le marché avant de se retirer.\n\n"
            "Dimanche, trois civils ont été décapités par des insurgés dans un village du district de Chiúre, "
            "selon des habitants.")
    got = summary(text, "fr", "2024-08-27")
    assert [g[1] for g in got].count("Chiure") == 1
    assert ("Attack", "Chiure", "2024-08-25") in got
    assert len(got) == 2


def test_killing_by_new_agent_on_its_own_day_is_another_incident_en():
    text = ("Jihadist fighters abducted about fifteen women near Gwoza in Borno State on Sunday, residents said.\n\n"
            "In the northwest, armed bandits killed seven villagers on Saturday during a raid on a village in "
            "Tsafe district, Zamfara State, police said.")
    got = summary(text, "en", "2024-06-18")
    assert ("Abduction/forced disappearance", "Gwoza", "2024-06-16") in got
    assert ("Attack", "Tsafe", "2024-06-15") in got
    assert len(got) == 2


def test_killing_by_the_same_attackers_stays_a_detail():
    text = ("Des hommes armés ont enlevé une quinzaine de femmes près de Gwoza, dans l'Etat de Borno, ont indiqué "
            "lundi des habitants.\n\n"
            "Les assaillants ont tué deux hommes dimanche avant de repartir avec les otages.")
    assert len(events(text, "fr", "2024-06-18")) == 1
    text = ("Gunmen abducted about fifteen women near Gwoza in Borno State, residents said on Monday.\n\n"
            "They killed two men on Sunday before leaving with the hostages.")
    assert len(events(text, "en", "2024-06-18")) == 1


def _by_place(text: str, lang: str, published: str) -> dict[str, int]:
    return {e.place.value.location: e.fatalities.value for e in events(text, lang, published)}


def test_simultaneous_attacks_on_a_list_of_towns_are_one_event_per_town_fr():
    text = ("Burkina : attaques simultanées contre Djibo, Aribinda et Gorom-Gorom\n\n"
            "Ouagadougou (AFP) - Des jihadistes ont mené dimanche des attaques simultanées contre des positions de "
            "l'armée à Djibo, Aribinda et Gorom-Gorom, dans le nord du pays, faisant au moins quinze morts, ont "
            "indiqué mardi des sources sécuritaires.\n\n"
            "À Djibo, huit soldats ont été tués et une douzaine blessés, a précisé une autre source. À Aribinda, "
            "quatre supplétifs ont péri, et trois militaires sont morts à Gorom-Gorom.")
    assert _by_place(text, "fr", "2024-05-14") == {"Djibo": 8, "Aribinda": 4, "Gorom-Gorom": 3}


def test_raids_on_a_list_of_towns_are_one_event_per_town_en():
    text = ("Gunmen attack three towns in northern Burkina Faso\n\n"
            "OUAGADOUGOU (Reuters) - Jihadist fighters on Sunday attacked army positions in Djibo, Aribinda and "
            "Gorom-Gorom in northern Burkina Faso, security sources said on Tuesday.\n\n"
            "Eight soldiers were killed in Djibo, security sources said. In Aribinda, four militiamen died.")
    got = _by_place(text, "en", "2024-05-14")
    assert set(got) == {"Djibo", "Aribinda", "Gorom-Gorom"}
    assert (got["Djibo"], got["Aribinda"], got["Gorom-Gorom"]) == (8, 4, 0)


def test_a_list_of_towns_with_only_a_total_stays_one_event():
    text = ("Jihadist fighters on Sunday attacked army positions in Djibo, Aribinda and Gorom-Gorom in northern "
            "Burkina Faso, killing at least 15 soldiers, security sources said on Tuesday.")
    assert len(events(text, "en", "2024-05-14")) == 1


def test_areas_around_one_place_and_towns_told_apart_are_not_split():
    text = ("Dans la communauté de Yar Tasha, dans les districts de Bungudu et Zurmi, des hommes armés ont tué onze "
            "personnes dimanche, a indiqué la police.")
    assert len(events(text, "fr", "2024-05-14")) == 1
    text = ("Au moins 25 Palestiniens ont été tués mardi dans des frappes aériennes israéliennes sur Khan Younès et "
            "Rafah, selon la Défense civile.\n\n"
            "Une frappe sur une école de Khan Younès a fait seize morts. À Rafah, neuf personnes ont été tuées dans "
            "le bombardement d'une maison, le même jour.")
    places = sorted(e.place.value.location for e in events(text, "fr", "2024-07-10"))
    assert len(places) == len(set(places))
