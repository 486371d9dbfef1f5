"""Session 14 French blind round (blindfr8): rules drawn from French set G and the earlier corpus sets, checked on
the team's own invented sentences."""
from __future__ import annotations

from helpers import events, with_defaults

events = with_defaults(events, lang="fr", published="2026-03-24")

CLAIM_WITH_LOOT = (
    "Des jihadistes ont attaqué dimanche le camp militaire de Djibo, dans le nord du Burkina Faso, tuant au moins "
    "douze soldats, selon des sources sécuritaires.\n\n"
    "Le Groupe de soutien à l'islam et aux musulmans (GSIM), affilié à Al-Qaïda, a revendiqué l'attaque lundi soir, "
    "affirmant s'être emparé d'armes et de véhicules.\n")


def test_seizing_weapons_is_no_territory_taken():
    """"s'emparer d'armes, de véhicules, de bétail": goods taken in the attack, not a town taken."""
    evs = events(CLAIM_WITH_LOOT)
    assert [e.sub_event_type.value for e in evs] == ["Armed clash"]


def test_seizing_a_town_still_is():
    evs = events("Les rebelles du M23 se sont emparés samedi de la ville de Masisi, dans le Nord-Kivu, après des "
                 "combats avec l'armée congolaise.", published="2026-05-11")
    assert [e.sub_event_type.value for e in evs] == ["Non-state actor overtakes territory"]


def test_claimer_named_with_an_apposed_participle():
    """"Le JNIM, affilié à al-Qaïda, a revendiqué l'attaque": the group is the claim's subject even though the
    parser hangs it on the participle; it beats the lead's "jihadistes"."""
    [ev] = events(CLAIM_WITH_LOOT)
    assert ev.actor1.value.name.startswith("JNIM")
    [ev] = events("Des hommes armés ont attaqué mardi un poste de l'armée malienne à Nioro du Sahel, tuant cinq "
                  "soldats.\n\nLe JNIM, affilié à al-Qaïda, a revendiqué l'assaut dans la soirée.\n",
                  published="2025-07-02")
    assert ev.actor1.value.name.startswith("JNIM")


def test_apposed_participle_keeps_an_agent_an_agent():
    [ev] = events("Les ADF, affiliés à l'État islamique, ont tué douze civils lundi à Beni, dans le Nord-Kivu.",
                  published="2026-06-03")
    assert ev.actor1.value.name.startswith("ADF")
    assert ev.actor2.value.name.startswith("Civilians")


def test_toll_counted_since_a_coup_is_no_incident():
    """A toll counted since the event that opens a period (a coup, a war, a junta's arrival) sums many incidents."""
    text = ("BANGKOK, 19 mai (AFP) - L'Union européenne a adopté lundi de nouvelles sanctions contre la junte "
            "birmane.\n\nPlus de 5 000 civils ont été tués depuis le putsch, selon une ONG locale.\n")
    assert events(text, published="2026-05-19") == []
    text_en = ("BANGKOK, May 19 (AFP) - The European Union adopted new sanctions against Myanmar's junta on "
               "Monday.\n\nMore than 5,000 civilians have been killed since the coup, according to a local group.\n")
    assert events(text_en, "en", published="2026-05-19") == []
