"""Which place an incident gets on French (and English) news pages when its own sentences name none
(eventwire.pipeline._event_place). Every sentence here was written for these tests."""
from __future__ import annotations

from helpers import events, with_defaults


events = with_defaults(events, published="2025-03-12")


def _arrest(evs):
    return next(e for e in evs if e.sub_event_type.value == "Arrests")


def test_an_arrest_told_after_the_scene_is_placed_there_not_at_the_dateline_fr():
    text = ("Bamako, 12 mars (AFP) – Des dizaines d'hommes armés ont attaqué mardi deux villages dans la région "
            "de Mopti, incendiant des greniers et des motos avant d'affronter les soldats envoyés sur place. "
            "Il s'agit de la dernière d'une série d'attaques perpétrées dans la région de Mopti. "
            "La gendarmerie a déclaré avoir arrêté quatre suspects.")
    evs = events(text, "fr", dateline="Bamako")
    assert _arrest(evs).place.value.admin1 == "Mopti"


def test_an_arrest_told_after_the_scene_is_placed_there_not_at_the_dateline_en():
    text = ("KINSHASA, March 12 (AP) — Dozens of armed men attacked two villages in North Kivu province on "
            "Tuesday, torching houses and motorbikes before clashing with soldiers sent to the area. "
            "It was the latest in a series of attacks by militiamen in North Kivu. "
            "Police said they arrested four men for what they called violent extremism.")
    evs = events(text, "en", dateline="Kinshasa")
    assert _arrest(evs).place.value.admin1 == "Nord-Kivu"


def test_an_incident_with_nothing_placed_before_it_keeps_the_dateline_fr():
    text = ("Bamako, 12 mars (AFP) – Les forces de sécurité ont arrêté mardi quatre hommes soupçonnés de préparer "
            "des attentats, a annoncé la gendarmerie.")
    (ev,) = events(text, "fr", dateline="Bamako")
    assert ev.place.value.location == "Bamako"


def test_an_arrest_with_nothing_placed_before_it_keeps_the_dateline_en():
    text = ("KINSHASA, March 12 (AP) — Security forces arrested four men suspected of plotting attacks on Tuesday, "
            "police said.")
    assert _arrest(events(text, "en", dateline="Kinshasa")).place.value.location == "Kinshasa"
