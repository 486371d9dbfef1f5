"""Articles that tell several incidents (issue #10, segmentation): a killing told on a weekday of its own by an
agent the article had not named yet is another incident, not a detail of the one told before.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from eventwire.extract.dates import weekdays_in
from eventwire.model import Document
from eventwire.pipeline import extract_document


def events(text: str, lang: str, published: str):
    return extract_document(Document("t", text, published=published, language=lang)).events


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
