"""Places named in an incident's sentences that are not where it happened (eventwire.geo.locate through the
pipeline): a witness's or a source's town ("a déclaré un habitant de Dori", "a resident of Maiduguri told
reporters"), the town the wounded were taken to ("évacués vers l'hôpital de Bunia", "taken to a hospital in
Maiduguri"), an official's seat ("le gouverneur de Mopti", "the mayor of Goma") and a hometown ("originaire de
Gao", "a native of Kano"). The cues are data (data/geo/place_roles.yaml); the place chooser skips a place named
only in such roles when the story names another place for the incident, and keeps it when it names none.

Every sentence here was written for these tests.
"""
from __future__ import annotations

import pytest

from helpers import events


def places(text: str, lang: str, published: str = "2024-04-18"):
    return [e.place.value.location if e.place.value else None for e in events(text, lang, published)]


# --- the role's town is not the incident's place ---------------------------------------------------------------

ELSEWHERE = [
    # a witness's or a source's town
    ("fr", "Au moins douze civils ont été tués dimanche lors d'une attaque d'hommes armés, a déclaré un habitant de "
           "Dori joint par téléphone. Les assaillants ont visé le marché de Djibo en pleine journée.", "Djibo"),
    ("en", "Gunmen killed at least nine farmers on Tuesday, a resident of Maiduguri told reporters by phone. The "
           "attack took place in fields outside Konduga, the resident said.", "Konduga"),
    ("fr", "Cinq soldats ont été tués mercredi dans une embuscade, selon un élu local de Bandiagara. L'embuscade "
           "a eu lieu près de Mopti, sur la route nationale.", "Mopti"),
    ("en", "Militants killed six soldiers in an ambush on Friday, according to a lawmaker from Damaturu. The "
           "ambush happened near Geidam, close to the border with Niger.", "Geidam"),
    # where the wounded were taken or people fled
    ("fr", "Des miliciens ont tué quatorze civils jeudi, et les blessés ont été évacués vers l'hôpital de Bunia. "
           "L'attaque visait un site de déplacés à Djugu.", "Djugu"),
    ("en", "Four people were killed when a bomb exploded on Sunday, and the wounded were transported to a hospital "
           "in Maiduguri. The blast hit a busy market in Bama.", "Bama"),
    ("fr", "Des rebelles ont tué sept villageois samedi et des centaines d'habitants ont fui vers la ville voisine "
           "de Goma. L'attaque s'est produite dans un village de Rutshuru, selon la société civile.", "Rutshuru"),
    ("fr", "Des rebelles ont tué sept villageois samedi, et les survivants se sont réfugiés dans la cité de Goma. "
           "L'attaque s'est produite dans un village de Rutshuru, selon la société civile.", "Rutshuru"),
    ("en", "Gunmen killed eleven villagers on Monday and hundreds of residents fled to the nearby town of Diffa. "
           "The killings happened in Bosso, residents said.", "Bosso"),
    ("en", "Gunmen killed eleven villagers on Monday, and survivors took refuge in the regional capital, Diffa. "
           "The killings happened in Bosso, residents said.", "Bosso"),
    # an official's seat
    ("fr", "Huit civils ont été tués vendredi lors d'une attaque, a indiqué le gouverneur de Tillabéri. Les "
           "assaillants ont attaqué le village à Ouallam, selon la même source.", "Ouallam"),
    ("en", "Two people were killed on Wednesday when police opened fire, the mayor of Goma said. The victims were "
           "shot in Bukavu, in the neighbouring province.", "Bukavu"),
    # a hometown
    ("fr", "Un enseignant originaire de Gao a été tué mardi par des hommes armés, selon sa famille. Les faits se sont "
           "déroulés à Ménaka, dans le nord-est du pays.", "Menaka"),
    ("en", "A journalist, a native of Kano, was shot dead on Thursday by unidentified gunmen, his colleagues said. "
           "He was killed outside his home in Maiduguri.", "Maiduguri"),
]


@pytest.mark.parametrize("lang,text,expected", ELSEWHERE)
def test_a_place_named_only_in_a_role_is_not_the_incidents(lang, text, expected):
    found = places(text, lang)
    assert found and found[0] == expected, found


# --- controls: the same town is the incident's place ---------------------------------------------------------

HERE = [
    # the only place named
    ("fr", "Au moins douze civils ont été tués dimanche lors d'une attaque d'hommes armés, a déclaré un habitant de "
           "Dori joint par téléphone.", "Dori"),
    ("en", "Gunmen killed at least nine farmers on Tuesday, a resident of Maiduguri told reporters by phone.",
     "Maiduguri"),
    ("fr", "Huit civils ont été tués vendredi lors d'une attaque, a indiqué le gouverneur de Tillabéri.",
     "Tillaberi"),
    ("en", "Four people were killed when a bomb exploded on Sunday, and the wounded were transported to a hospital "
           "in Bama, police said.", "Bama"),
    ("fr", "Un enseignant originaire de Gao a été tué mardi par des hommes armés, selon sa famille.", "Gao"),
    # the incident is told there too
    ("en", "Gunmen killed eleven villagers in Diffa on Monday, and hundreds of residents took refuge in Diffa's "
           "main mosque, a resident of Diffa said.", "Diffa"),
    ("fr", "Des hommes armés ont attaqué dimanche le marché de Djibo, tuant douze civils, a déclaré un habitant de "
           "Djibo joint par téléphone.", "Djibo"),
    ("en", "Police fired on protesters in Goma on Wednesday, killing two people, the mayor of Goma said.", "Goma"),
]


@pytest.mark.parametrize("lang,text,expected", HERE)
def test_the_roles_town_is_the_incidents_when_it_is_told_there(lang, text, expected):
    found = places(text, lang)
    assert found and found[0] == expected, found
