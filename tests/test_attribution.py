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
    ("L'armée américaine a confirmé avoir mené une frappe contre le groupe.", "confirmed"),
    ("The army said it struck a weapons depot used by the militia.", "confirmed"),
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
    confirmed = "The Pentagon said it carried out the strike."
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
