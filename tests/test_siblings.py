"""Sibling incidents (issue 10): an incident told at a place the gazetteer lacks is not merged into the incident
told before it, and a detail told at the same place (named again, "the village", a neighbourhood) stays one.

Articles written by the team in the style of news copy (no text from ../shared); the villages are made up, as
the gazetteer lacks so many real ones."""
from __future__ import annotations

import pytest

from helpers import events, with_defaults


_events = with_defaults(events, published="2025-03-10")


@pytest.mark.parametrize("text,lang", [
    ("Des hommes armés ont mené samedi soir plusieurs attaques contre des postes de l'armée dans la région de "
     "Tillabéri, dans l'ouest du Niger.\n\nSelon une source sécuritaire, les assaillants ont lancé une roquette "
     "sur un "
     "poste de contrôle près de l'entrée du village de Koubéridja, au nord de Tillabéri, provoquant des dégâts "
     "matériels.", "fr"),
    ("Gunmen launched several attacks on army posts in the Tillaberi region of western Niger on Saturday night.\n\n"
     "A security source said the attackers shelled a checkpoint near the entrance of the village of "
     "Kouberidja, north of Tillaberi, causing material damage.", "en"),
])
def test_a_village_missing_from_the_gazetteer_is_one_of_several_attacks(text, lang):
    # the lead tells several attacks over a region: the rocket fire at a named village is one of them, not a
    # detail of the clash told at the region's level
    subs = sorted(ev.sub_event_type.value for ev in _events(text, lang))
    assert subs == ["Armed clash", "Shelling/artillery/missile attack"], subs


@pytest.mark.parametrize("text,lang", [
    ("Cinq militants ont été tués et deux policiers blessés lors de deux rencontres distinctes dans le district de "
     "Churachandpur vendredi soir, a annoncé la police.\n\nUne rencontre a eu lieu à Pabotkhul entre les forces de "
     "sécurité et les militants, au cours de laquelle quatre militants ont été abattus.\n\nLes militants ont "
     "ouvert le feu sur les forces de sécurité à Nangoiching, les forçant à riposter. Dans l'échange de tirs, un "
     "militant a été tué et deux policiers ont été blessés.", "fr"),
    ("Five militants were killed and two policemen wounded in two separate encounters in Churachandpur district on "
     "Friday night, police said.\n\nOne encounter took place at Pabotkhul between security forces and the "
     "militants, in which four militants were shot dead.\n\nThe militants opened fire on security forces at "
     "Nangoiching, forcing them to retaliate. In the exchange of fire, one militant was killed and two policemen "
     "were wounded.", "en"),
])
def test_two_encounters_at_unknown_villages_are_two_events_and_no_total(text, lang):
    events = _events(text, lang)
    assert sorted(ev.fatalities.value for ev in events) == [1, 4], \
        [(ev.sub_event_type.value, ev.fatalities.value) for ev in events]


@pytest.mark.parametrize("text,lang", [
    ("Des hommes armés ont tué trois civils lundi à Djibo, dans le nord du Burkina Faso, selon des sources "
     "locales.\n\nDans le village de Koulgoutinga, les assaillants ont tué sept autres personnes.", "fr"),
    ("Gunmen killed three civilians in Djibo, northern Burkina Faso, on Monday, local sources said.\n\n"
     "In the village of Koulgoutinga, the attackers killed seven other people.", "en"),
])
def test_a_sentence_opening_on_an_unknown_village_with_its_own_toll_is_another_incident(text, lang):
    events = _events(text, lang)
    assert sorted(ev.fatalities.value for ev in events) == [3, 7], \
        [(ev.place.value and ev.place.value.location, ev.fatalities.value) for ev in events]


@pytest.mark.parametrize("text,lang", [
    # the same village named again
    ("Des hommes armés ont tué cinq civils lundi dans le village de Koulgoutinga, dans la province du Soum, au "
     "Burkina Faso.\n\nÀ Koulgoutinga, les assaillants ont aussi tué deux éleveurs avant de prendre la fuite.",
     "fr"),
    ("Gunmen killed five civilians in the village of Koulgoutinga, in Soum province, Burkina Faso, on Monday.\n\n"
     "In Koulgoutinga, the attackers also killed two herders before fleeing.", "en"),
    # "the village"
    ("Gunmen killed five civilians in the village of Koulgoutinga, in Soum province, Burkina Faso, on Monday.\n\n"
     "In the village, the attackers also killed two herders before fleeing.", "en"),
    # a neighbourhood of the town
    ("Des bandits armés ont tué trois personnes lundi soir à Goma, dans l'est de la RDC.\n\nDans le quartier de "
     "Kimbambalo, deux commerçants ont été tués par balles, selon la société civile.", "fr"),
    ("Armed bandits killed three people in Goma, eastern DR Congo, on Monday night.\n\nIn the Kimbambalo "
     "neighbourhood, two traders were shot dead, civil society said.", "en"),
    # several attacks told as one over an area, then the village where they hit: the same name told again
    ("Des jihadistes ont mené plusieurs attaques lundi contre le village de Koubéridja, dans la région de "
     "Tillabéri.\n\nLes assaillants ont tué six civils à Koubéridja, selon un élu local.", "fr"),
])
def test_a_detail_told_at_the_same_place_stays_one_incident(text, lang):
    events = _events(text, lang)
    assert len(events) == 1, [(ev.sub_event_type.value, ev.place.value and ev.place.value.location,
                               ev.fatalities.value) for ev in events]
