"""Fixes from the English audit of session 12: the held-out set E of session 11 (tests/corpus/en/en_601-612) is spent
as the set to fix from; en_651-662 (set F) is the new held-out set, never looked at beyond its summary line.
Each test uses short articles written for it."""
from __future__ import annotations

from helpers import records, with_defaults

records = with_defaults(records, lang="en", published="2026-04-15")


def _types(text: str, lang: str = "en") -> list[str]:
    return [r["sub_event_type"] for r in records(text, lang)]


def test_a_list_of_crimes_a_sanction_is_over_is_no_incident():
    """"sanction gang leaders over massacres, kidnappings": what the sanctioned are held to account for, every item
    of the list, is a conduct, not an incident of the day."""
    text = ("UK sanctions militia commanders over massacres, kidnappings\n\n"
            "LONDON, April 14 - Britain on Tuesday imposed sanctions on three militia commanders in South Sudan, saying "
            "their fighters were responsible for massacres, kidnappings and sexual violence against civilians.\n\n"
            "The Foreign Office said the measures freeze their assets in the United Kingdom.")
    assert _types(text) == []


def test_a_list_of_crimes_an_accusation_names_in_french():
    text = ("Le Canada sanctionne trois chefs de milice pour des massacres, des enlèvements\n\n"
            "Le Canada a imposé mardi des sanctions à trois chefs de milice au Soudan du Sud, qu'il juge responsables "
            "des massacres, des enlèvements et des violences sexuelles commis contre des civils.")
    assert _types(text, "fr") == []


def test_a_headline_sentence_for_a_bombing_is_no_bombing():
    """"Court sentences three men to death over Basra bombing": the bombing is what the verdict is about."""
    text = ("Iraqi court sentences two militants to death over Basra market bombing\n\n"
            "BAGHDAD - A criminal court in Baghdad on Tuesday sentenced two members of Islamic State to death for a "
            "car bombing that killed nine people at a market in Basra in 2024, the judiciary said.")
    assert _types(text) == []


def test_rumours_of_an_attack_are_no_attack():
    """"residents had fled following rumours of an attack": hearsay of an incident that did not happen."""
    text = ("Mob burns empty houses in Assam village\n\n"
            "A mob set fire to nine houses in a village in Assam's Cachar district late on Monday, police said. "
            "The houses were empty as residents had fled earlier in the evening following rumours of an attack by "
            "armed men.")
    recs = records(text)
    assert [r["sub_event_type"] for r in recs] == ["Mob violence"]


def test_troops_arriving_after_the_attackers_left_are_part_of_the_attack():
    """"The army arrived in the village after the attackers had left": the response to the raid, no deployment."""
    text = ("Gunmen kill three villagers in Cabo Delgado\n\n"
            "Insurgents killed three civilians in an attack on the village of Nangade on Tuesday, residents said. "
            "Soldiers arrived in the village on Wednesday morning, after the attackers had left, a local official said.")
    assert _types(text) == ["Attack"]


def test_armed_men_blocking_a_road_do_not_protest():
    """"armed men on motorbikes blocked the road and abducted the passengers": how a kidnapping starts."""
    text = ("Gunmen kidnap bus passengers in central Mali\n\n"
            "Suspected jihadists abducted 11 bus passengers on Tuesday near Mopti, officials said. Armed men on "
            "motorbikes blocked the road, ordered the passengers off and drove away with the men.")
    assert _types(text) == ["Abduction/forced disappearance"]
    text = ("Des hommes armés enlèvent des passagers d'un car au Mali\n\n"
            "Des jihadistes présumés ont enlevé mardi onze passagers d'un car près de Mopti, selon des élus. Des hommes "
            "armés à moto ont bloqué la route et fait descendre les passagers.")
    assert _types(text, "fr") == ["Abduction/forced disappearance"]


def test_residents_blocking_a_road_still_protest():
    text = ("Residents block highway in Bihar\n\n"
            "Hundreds of residents blocked the national highway near Muzaffarpur on Tuesday to demand the arrest of "
            "the killers of a shopkeeper shot dead by gunmen on Monday, police said.")
    assert "Peaceful protest" in _types(text)


def test_a_headline_province_named_like_its_capital_is_the_body_place():
    """"IED kills three soldiers in Garissa" over "near Dadaab in Garissa County": the headline names the county
    by its bare name (also its capital's), one incident at the body's place."""
    text = ("Three soldiers killed as roadside bomb hits patrol in Garissa\n\n"
            "Three Kenya Defence Forces soldiers were killed on Monday when their vehicle struck an improvised "
            "explosive device near Dadaab in Garissa County, police said.")
    assert [(r["location"], r["admin1"]) for r in records(text)] == [("Dadaab", "Garissa")]
    text = ("Mob kills man accused of theft in Kano\n\n"
            "A man was beaten to death by a mob in Gaya town, Kano State, on Sunday after he was accused of stealing "
            "a motorcycle, police said.")
    assert [r["location"] for r in records(text)] == ["Gaya"]


def test_what_a_kind_of_group_does_is_no_incident():
    """"armed groups who kidnap residents for ransom": a habit told in the present, not the day's kidnapping."""
    text = ("Gunmen kill two farmers in Plateau\n\n"
            "Gunmen killed two farmers on their farm near Bokkos on Tuesday, police said. Villages in the area have "
            "long suffered raids by armed gangs who kidnap residents for ransom.")
    assert _types(text) == ["Attack"]
