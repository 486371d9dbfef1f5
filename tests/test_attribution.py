"""Attribution status (claimed, confirmed, accused, denied, unattributed), FR and EN, with precedence."""
from __future__ import annotations

import pytest

from eventwire.extract.attribution import attribution
from eventwire.model import Actor, Document


def _doc(*sentences: str) -> Document:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        text += s + " "
        pos = len(text)
    return Document(id="a", text=text, sentences=spans)


@pytest.mark.parametrize("sentence, status", [
    ("L'attentat a été revendiqué par l'organisation État islamique.", "claimed"),
    ("The Islamic State claimed responsibility for the blast.", "claimed"),
    ("L'armée américaine a confirmé avoir mené une frappe contre le groupe.", "claimed"),
    ("The army said it struck a weapons depot used by the militia.", "claimed"),
    ("La police a annoncé avoir arrêté trois suspects.", "confirmed"),
    ("Les autorités ont accusé les rebelles d'avoir tendu l'embuscade.", "accused"),
    ("Officials blamed the attack on a local militia.", "accused"),
    ("L'attaque a été imputée à des jihadistes.", "accused"),
    ("Le mouvement a démenti toute participation.", "denied"),
    ("The group denied any involvement.", "denied"),
    ("Le groupe nie toute implication.", "denied"),
    ("Une bombe a explosé près du marché.", "unattributed"),
    ("A bomb exploded near the market.", "unattributed"),
])
def test_each_status(sentence: str, status: str) -> None:
    slot = attribution(_doc("Une attaque a eu lieu.", sentence), [0, 1], None)
    assert slot.value == status
    if status != "unattributed":
        assert slot.evidence and slot.evidence[0].text == sentence and slot.evidence[0].sentence == 1


def test_precedence() -> None:
    accused = "Bagdad a accusé Washington d'avoir mené la frappe."
    denied = "Washington a démenti."
    claimed = "Un groupe armé a revendiqué l'attaque."
    confirmed = "The police said they arrested two suspects."
    assert attribution(_doc(accused, denied), [0, 1], None).value == "denied"
    assert attribution(_doc(accused, denied, claimed), [0, 1, 2], None).value == "claimed"
    assert attribution(_doc(accused, confirmed), [0, 1], None).value == "confirmed"
    assert attribution(_doc(accused), [0], None).value == "accused"
    slot = attribution(_doc(accused, denied, claimed), [0, 1], Actor("Military Forces of the United States (2021-2025)"))
    assert slot.value == "denied" and "accused" in slot.reason


def test_only_the_incident_sentences_count() -> None:
    doc = _doc("Une frappe a touché un entrepôt.", "Un autre attentat avait été revendiqué la veille.")
    assert attribution(doc, [0], None).value == "unattributed"


@pytest.mark.parametrize("sentence", ["L'attaque n'a pas été revendiquée.", "Aucune revendication n'a été faite.",
                                      "No group has claimed responsibility.", "The attack was unclaimed."])
def test_negated_cues_do_not_count(sentence: str) -> None:
    assert attribution(_doc("Une bombe a explosé.", sentence), [0, 1], None).value == "unattributed"


def _actor(name: str, country: str = "") -> Actor:
    return Actor(name, country=country)


def test_default_follows_actor1() -> None:
    doc = _doc("Des hommes armés ont tué trois villageois.", "Les habitants ont fui.")
    assert attribution(doc, [0, 1], _actor("Unidentified Armed Group (Mali)", "ML")).value == "unattributed"
    doc = _doc("Protesters marched through the capital.", "They chanted slogans.")
    assert attribution(doc, [0, 1], _actor("Protesters (Kenya)", "KE")).value == "confirmed"


def test_unidentified_perpetrator_ignores_accusations() -> None:
    doc = _doc("Une grenade a explosé dans un bar.", "Les autorités ont imputé l'attaque à des malfaiteurs.")
    assert attribution(doc, [0, 1], _actor("Unidentified Armed Group (Burundi)", "BI")).value == "unattributed"


@pytest.mark.parametrize("sentence", [
    "Une foule a battu à mort un homme accusé de vol.",
    "An angry crowd beat to death two men accused of theft.",
    "Les policiers ont arrêté un homme soupçonné d'avoir posé la bombe.",
    "Russia, which denies targeting civilians, did not comment.",
    "Aucun groupe n'a revendiqué les tirs.",
])
def test_not_attribution(sentence: str) -> None:
    assert attribution(_doc(sentence), [0], None).value == "unattributed"


def test_denial_must_be_actor1s() -> None:
    accused = "Les rebelles ont accusé l'armée soudanaise d'avoir bombardé le marché."
    denied = "L'armée soudanaise a démenti avoir mené ces frappes."
    army = _actor("Military Forces of Sudan (2019-)", "SD")
    assert attribution(_doc(accused, denied), [0, 1], army).value == "denied"
    rebels = _actor("Rapid Support Forces", "SD")
    assert attribution(_doc(accused, denied), [1], rebels).value == "confirmed"


def test_denial_elsewhere_in_the_document() -> None:
    doc = _doc("An air strike hit a monastery, killing 17 people.", "The weather was fine.",
               "A spokesman for the Myanmar military denied that civilians had been targeted.")
    assert attribution(doc, [0, 1], _actor("Military Forces of Myanmar (2021-)", "MM")).value == "denied"


def test_capital_stands_for_the_state() -> None:
    doc = _doc("Ukraine accused Russian forces of dropping gas grenades.", "Moscow denied using chemical weapons.")
    assert attribution(doc, [0, 1], _actor("Military Forces of Russia (2000-)", "RU")).value == "denied"
