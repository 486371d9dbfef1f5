"""Fixes from the fourth French blind round (session 10): the held-out set C of session 9 (fr_501-512) spent as the
set to fix from, a new held-out set D (fr_551-562) written first and looked at only through its summary line.
Each test uses short articles written for it."""
from __future__ import annotations

from helpers import events, with_defaults


events = with_defaults(events, lang="fr", published="2025-05-14")


def test_aiming_to_is_not_targeting():
    """'une campagne visant à ternir l'image de l'armée': « viser à » + infinitive is an aim, not an attack."""
    fr = ("Niger : le gouvernement rejette un rapport d'Amnesty International\n\n"
          "Le gouvernement nigérien a rejeté mardi un rapport d'Amnesty International, dénonçant une « manœuvre "
          "visant à discréditer les forces de défense et de sécurité ».\n\n"
          "Dans un communiqué, le ministre de la Communication a jugé le document « partial » et annoncé une "
          "réforme visant à renforcer le contrôle des organisations étrangères.")
    assert events(fr, published="2025-04-09") == []
    # the verb still targets when it has an object
    fr2 = ("Des hommes armés ont ouvert le feu lundi sur un minibus visant des commerçants sur la route de Téra, "
           "dans l'ouest du Niger, tuant quatre personnes, selon des sources locales.")
    evs = events(fr2, published="2025-04-09")
    assert len(evs) == 1 and evs[0].fatalities.value == 4


def test_an_incursion_of_militiamen_is_theirs_not_on_them():
    """'tués lors d'une incursion de miliciens': the militiamen are the attackers; displaced people killed are
    civilians (Violence against civilians), not a clash with militiamen."""
    fr = ("Ituri : six déplacés tués lors d'une incursion de miliciens près de Djugu\n\n"
          "Six déplacés ont été tués dans la nuit de samedi à dimanche lors d'une incursion de miliciens dans un "
          "camp situé près de Djugu, en Ituri, selon la société civile locale.")
    evs = events(fr, published="2025-06-10")
    assert len(evs) == 1
    assert evs[0].event_type.value == "Violence against civilians" and evs[0].sub_event_type.value == "Attack"


def test_soldiers_fallen_during_an_exchange_of_fire_are_dead():
    """'sont tombés lors des échanges de tirs': a death phrase like 'tombés au combat'."""
    fr = ("Burkina : une patrouille prise pour cible près de Djibo\n\n"
          "Une patrouille de l'armée a été prise pour cible jeudi par des individus armés près de Djibo, dans le "
          "nord du Burkina Faso. Sept soldats sont tombés lors des échanges de tirs, selon des sources "
          "sécuritaires.")
    evs = events(fr, published="2025-03-08")
    assert len(evs) == 1 and evs[0].fatalities.value == 7


def test_quoted_neutralised_assailants_count_and_sides_sum():
    """'Douze assaillants ont été « neutralisés »': the army's word in quotes is still a death verb, and the
    attackers' dead add to the soldiers' (all sides)."""
    fr = ("Tchad : cinq soldats tués dans une attaque près de Ngouboua\n\n"
          "N'DJAMENA, 12 mars 2025 (AFP) - Cinq soldats tchadiens ont été tués mardi lors d'une attaque de "
          "jihadistes contre une position de l'armée près de Ngouboua, dans la province du Lac, a annoncé "
          "l'armée. Douze assaillants ont été « neutralisés » et quatre militaires blessés, selon la même source.")
    evs = events(fr, published="2025-03-12")
    assert len(evs) == 1 and evs[0].fatalities.value == 17


def test_youths_fighting_the_police_riot_not_mob_violence():
    """'Une cinquantaine de jeunes ont affronté les policiers': a crowd against the police is a violent
    demonstration; against another crowd it stays mob violence, and armed men against the forces a clash."""
    fr = ("Mantes-la-Jolie : nuit de tensions au Val-Fourré\n\n"
          "Une cinquantaine de jeunes ont affronté les policiers samedi soir dans le quartier du Val-Fourré, à "
          "Mantes-la-Jolie (Yvelines). Deux policiers ont été légèrement blessés et trois voitures incendiées, a "
          "indiqué la préfecture.")
    evs = events(fr, published="2025-04-14")
    assert [e.sub_event_type.value for e in evs] == ["Violent demonstration"]
    fr2 = ("Des affrontements ont opposé dimanche soir des groupes de jeunes aux gendarmes mobiles à Dumbéa, près "
           "de Nouméa. Un gendarme a été blessé, selon le haut-commissariat.")
    evs = events(fr2, published="2025-04-14")
    assert [e.sub_event_type.value for e in evs] == ["Violent demonstration"]
    fr3 = ("Des habitants se sont affrontés samedi à coups de pierres et de machettes à Kindia, en Guinée, "
           "faisant deux morts, selon la police.")
    evs = events(fr3, published="2025-04-14")
    assert [e.sub_event_type.value for e in evs] == ["Mob violence"]
    fr4 = ("Des jihadistes ont affronté les forces de sécurité samedi près de Diffa, dans le sud-est du Niger, "
           "faisant cinq morts, selon l'armée.")
    evs = events(fr4, published="2025-04-14")
    assert [e.sub_event_type.value for e in evs] == ["Armed clash"]


def test_a_count_cut_from_its_verb_by_an_apposition():
    """'Six combattants des FDS, dominées par les Kurdes, ont été tués': the apposition between commas does not
    hide the subject's count."""
    fr = ("Syrie : une mine frappe un véhicule des FDS dans l'est\n\n"
          "Beyrouth, 3 avril 2025 - Six combattants des Forces démocratiques syriennes (FDS), alliées de Washington, "
          "ont été tués mercredi dans l'explosion d'une mine au passage de leur véhicule près de Hajin, dans la "
          "province de Deir ez-Zor, a rapporté l'Observatoire syrien des droits de l'homme.")
    evs = events(fr, published="2025-04-03")
    assert len(evs) == 1 and evs[0].fatalities.value == 6
