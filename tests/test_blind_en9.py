"""Session 15 English blind round (blinden9): a hospital where the wounded died is not the scene."""
from __future__ import annotations

from pathlib import Path

from helpers import read

from eventwire.export import event_record
from eventwire.pipeline import extract_document

def _page_records(text: str, published: str, tmp_path: Path) -> list[dict]:
    """Records of a page read by ingest (the dateline parsed, clutter removed)."""
    return [event_record(ev) for ev in extract_document(read(text, published, tmp_path)).events]


def test_hospital_where_the_wounded_died_is_not_the_scene(tmp_path: Path):
    """The dateline town, named again only as the hospital where two of the wounded died, does not displace the town
    the attack is told at."""
    text = ("Gunmen attack police post in Nigeria's Borno state, seven killed\n\n"
            "MAIDUGURI, Nigeria, March 15 (Reuters) - Gunmen stormed a police post in the northeastern town of Gwoza "
            "late on Saturday, killing five officers, two police sources said on Sunday.\n\n"
            "The attackers came on motorcycles and fought with officers for two hours, the sources said.\n\n"
            "Two of the wounded later died at the specialist hospital in Maiduguri, a health worker said, bringing "
            "the toll to seven.\n")
    recs = _page_records(text, "2026-03-15", tmp_path)
    assert [r["location"] for r in recs] == ["Gwoza"]


def test_hopital_ou_les_blesses_ont_succombe_n_est_pas_le_lieu(tmp_path: Path):
    """The same rule in French: « ont succombé à l'hôpital de Maiduguri » names where they died, not the scene."""
    text = ("Nigeria : sept policiers tués dans l'attaque d'un poste dans l'Etat de Borno\n\n"
            "Maiduguri (Nigeria), 15 mars 2026 (AFP) - Des hommes armés ont attaqué samedi soir un poste de police "
            "dans la ville de Gwoza, tuant cinq policiers, ont indiqué dimanche deux sources policières.\n\n"
            "Les assaillants, arrivés à moto, ont affronté les policiers pendant deux heures.\n\n"
            "Deux blessés ont succombé dimanche à l'hôpital de Maiduguri, portant le bilan à sept morts, selon un "
            "agent de santé.\n")
    recs = _page_records(text, "2026-03-15", tmp_path)
    assert [r["location"] for r in recs] == ["Gwoza"]


def test_group_named_as_a_patron_in_a_hyphenated_compound_does_not_act(tmp_path: Path):
    """"the al-Qaida-linked extremist group al-Shabab claimed ...": the group that claims is al-Shabab; al-Qaida is
    only its patron, named in the compound."""
    text = ("Roadside bomb kills four soldiers near Mogadishu\n\n"
            "MOGADISHU, Somalia (AP) - A roadside bomb hit a military vehicle on the outskirts of Balad on Thursday "
            "morning, killing four soldiers, a police officer said.\n\n"
            "The al-Qaida-linked extremist group al-Shabab claimed responsibility for the attack in a statement on "
            "a pro-group website.\n")
    recs = _page_records(text, "2026-02-12", tmp_path)
    assert [r["actor1"] for r in recs] == ["Al Shabaab"]
    assert recs[0]["attribution"] == "claimed"


def test_wounded_who_died_counted_from_the_body_toll_not_the_headline():
    """The headline gives the revised toll (seven); the body's first count (five) is where the rise starts: the two
    wounded who died leave the wounded (nine -> seven)."""
    from helpers import records
    text = ("Gunmen kill seven police officers in Borno\n\n"
            "Gunmen stormed a police post in Gwoza late on Saturday, killing five officers, police said on Sunday. "
            "Nine officers were wounded and taken to Maiduguri. Two of the wounded later died, bringing the death "
            "toll to seven.")
    [rec] = records(text, "en", "2026-03-15")
    assert (rec["fatalities"], rec["injuries"]) == (7, 7)
