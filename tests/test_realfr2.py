"""Rules drawn from real French pages collected in session 17 (realfr2), tested on invented sentences."""
from __future__ import annotations

from helpers import records, with_defaults

events = with_defaults(records, lang="fr", published="2024-03-14")


def _one(text: str, lang: str = "fr") -> dict:
    [ev] = events(text, lang)
    return ev


def test_attack_typed_by_its_target_takes_the_means_told_after_fr():
    ev = _one("Sept militaires ont été tués mardi dans une attaque attribuée aux rebelles de l'ELN près de Tame, "
              "dans le département d'Arauca. Selon l'armée, les soldats ont été visés par des engins explosifs "
              "artisanaux au passage de leur patrouille.")
    assert (ev["event_type"], ev["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_market_attack_with_suicide_bomber_told_after_fr():
    ev = _one("Un double attentat a tué au moins quinze civils mardi sur un marché de Kirkouk, dans le nord de l'Irak. "
              "Un kamikaze a actionné sa ceinture d'explosifs au milieu de la foule, selon la police.")
    assert ev["sub_event_type"] == "Suicide bomb"


def test_attack_typed_by_its_target_takes_the_means_told_after_en():
    ev = _one("Six soldiers were killed on Tuesday in an attack blamed on ELN rebels near Tame, in Arauca department. "
              "The army said the patrol was hit by improvised explosive devices planted on the road.", "en")
    assert ev["event_type"] == "Explosions/Remote violence"


def test_a_firefight_told_of_the_incident_keeps_it_a_clash_fr():
    ev = _one("Sept militaires ont été tués mardi dans une attaque près de Tame, dans le département d'Arauca. "
              "Un engin explosif a d'abord frappé leur véhicule, puis des combats ont opposé les soldats aux "
              "assaillants pendant deux heures.")
    assert ev["event_type"] == "Battles"
