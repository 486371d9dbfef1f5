"""Weapons (eventwire.extract.weapons)."""
from __future__ import annotations

import re

import pytest

from eventwire.extract.weapons import weapons
from eventwire.model import Document


def make_doc(text: str, lang: str) -> Document:
    doc = Document("t", text, language=lang)
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    return doc


def names(text: str, lang: str = "fr") -> list[str] | None:
    doc = make_doc(text, lang)
    return weapons(doc, list(range(len(doc.sentences)))).value


@pytest.mark.parametrize("text,expected", [
    ("Une attaque de drone a visé le quartier général. Deux roquettes ont frappé un bâtiment.", ["drone", "rocket"]),
    ("Des drones kamikazes ont été lancés contre la base.", ["drone"]),
    ("Des tirs de mortiers ont touché le camp.", ["mortar"]),
    ("Des tirs de drones et de roquettes ont visé l'aéroport.", ["drone", "rocket"]),
    ("Des hommes armés ont ouvert le feu sur les fidèles.", ["firearm"]),
    ("La police a tiré des gaz lacrymogènes et utilisé un canon à eau.", ["tear gas", "water cannon"]),
    ("Les manifestants ont jeté des pierres et des cocktails Molotov.", ["molotov cocktail", "stones"]),
    ("Une voiture piégée a explosé près du marché.", ["car bomb"]),
    ("Un engin explosif improvisé a visé le convoi.", ["IED"]),
    ("Des frappes aériennes et des tirs d'artillerie ont visé la ville.", ["aircraft", "artillery"]),
    ("Un kamikaze s'est fait exploser devant la mosquée.", ["suicide bomb"]),
    ("Le véhicule a sauté sur une mine antichar.", ["landmine"]),
    ("Les forces de l'ordre ont tiré des balles en caoutchouc.", ["rubber bullets"]),
    ("Un homme a été poignardé au couteau.", ["knife"]),
])
def test_french_weapons(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Turkish warplanes carried out airstrikes on the area.", ["aircraft"]),
    ("Forces shelled the village with heavy artillery and rockets.", ["artillery", "rocket"]),
    ("A roadside IED exploded next to a patrol.", ["IED"]),
    ("A civilian was shot dead by unknown gunmen.", ["firearm"]),
    ("Rebels fired rocket-propelled grenades at the post.", ["RPG"]),
    ("Rioters set a police station on fire.", ["fire"]),
    ("A drone was shot down by air defences.", ["drone"]),
    ("Police used tear gas and rubber bullets against protesters.", ["rubber bullets", "tear gas"]),
    ("A helicopter gunship struck the convoy.", ["helicopter"]),
])
def test_english_weapons(text, expected):
    assert names(text, "en") == expected


def test_no_weapon_is_none_with_a_reason():
    slot = weapons(make_doc("Des manifestants se sont rassemblés devant le parlement.", "fr"), [0])
    assert slot.value is None and slot.reason and slot.evidence == []


def test_evidence_is_each_weapon_first_mention():
    doc = make_doc("Un drone a frappé la base. Un second drone et une roquette ont suivi.", "fr")
    slot = weapons(doc, [0, 1])
    assert slot.value == ["drone", "rocket"]
    assert [(e.sentence, e.text) for e in slot.evidence] == [(0, "drone"), (1, "roquette")]
    assert all(doc.text[e.start:e.end] == e.text for e in slot.evidence)


@pytest.mark.parametrize("text,lang,expected", [
    # vague forms name a weapon only when nothing more precise is named
    ("Des roquettes ont visé la base. Les tirs ont cessé dans la soirée.", "fr", ["rocket"]),
    ("Les tirs ont duré toute la nuit.", "fr", ["firearm"]),
    ("Warplanes dropped bombs on the market.", "en", ["aircraft"]),
    ("A bomb went off near the station.", "en", ["IED"]),
    ("Un missile a provoqué un incendie sur le navire.", "fr", ["missile"]),
    # a suicide bomb or a car bomb includes the explosive device
    ("Un kamikaze a actionné un engin explosif devant la caserne.", "fr", ["suicide bomb"]),
    ("A suicide bomber rammed an explosives-laden car into the gate.", "en", ["car bomb", "suicide bomb"]),
    # perpetrators are not weapons; tear gas fired is no firearm
    ("Des hommes armés ont enlevé trois commerçants.", "fr", None),
    ("Les gendarmes ont répliqué par des tirs de gaz lacrymogène.", "fr", ["tear gas"]),
])
def test_vague_and_included_weapons(text, lang, expected):
    assert names(text, lang) == expected
