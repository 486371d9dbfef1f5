"""In-document assembly (eventwire.assemble, through the pipeline): mentions clustered into incidents.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from eventwire.pipeline import extract_document

from helpers import events, read, with_defaults


events = with_defaults(events, published="2024-04-18")


def subs(text: str, lang: str, published: str = "2024-04-18") -> list[str]:
    return sorted(e.sub_event_type.value for e in events(text, lang, published))


def test_another_day_and_another_type_is_another_incident():
    text = ("Une bombe artisanale a tué deux soldats mercredi près de Samarra, dans la province de Salaheddine. "
            "Jeudi, la police a arrêté trois suspects à Samarra.")
    assert subs(text, "fr") == ["Arrests", "Remote explosive/landmine/IED"]
    text = ("Soldiers repelled an attack by insurgents on a base near Gao on Saturday, killing six of them. "
            "On Sunday, gunmen abducted 12 traders on the road to Gao.")
    assert subs(text, "en", "2024-04-15") == ["Abduction/forced disappearance", "Armed clash"]


def test_same_day_cue_starts_another_incident_even_when_told_as_a_definite_noun():
    text = ("Des jihadistes ont enlevé mercredi une dizaine de bergers près de Ménaka, au Mali. "
            "Le même jour, quatre soldats ont été tués par l'explosion d'une mine près d'Ansongo.")
    assert subs(text, "fr") == ["Abduction/forced disappearance", "Remote explosive/landmine/IED"]


def test_details_of_one_incident_stay_together():
    text = ("Des obus d'artillerie se sont abattus mercredi sur un marché de Kherson, tuant quatre civils. "
            "Les obus ont également endommagé une école voisine, a indiqué le gouverneur.")
    assert subs(text, "fr") == ["Shelling/artillery/missile attack"]


def test_arrests_during_a_riot_are_part_of_it():
    text = ("An angry mob beat a man to death at the main market in Kano on Tuesday after a dispute. "
            "Police said two officers were injured and that three people had been arrested.")
    assert subs(text, "en") == ["Mob violence"]


def test_the_story_of_an_older_incident_goes_on_the_following_day():
    text = ("Gunmen attacked a police post in Zamfara on Monday, killing two officers, police said. "
            "In January, a drone exploded over a market in the same state, killing five people. "
            "The air force responded the following day with airstrikes on a forest camp.")
    assert subs(text, "en") == ["Armed clash"]


def test_a_qualification_or_a_confirmation_is_no_new_incident():
    text = ("Des hommes armés ont enlevé mardi le maire de Tibú, dans le nord-est de la Colombie, a annoncé la police. "
            "\"C'est une attaque contre nos institutions\", a déclaré le gouverneur.")
    assert subs(text, "fr") == ["Abduction/forced disappearance"]


def _events_of(text: str, tmp_path) -> list:
    """Events extracted from an article given as text in the sample format, read as a file."""
    return extract_document(read(text, "", tmp_path)).events


def test_a_place_far_from_the_lead_is_another_matter(tmp_path):
    """'évacués vers Niamey' in a detail sentence does not move an ambush near Tillabéri."""
    text = (" date 2024-09 NIAMEY, 12 septembre (Reuters) - Vingt soldats nigériens ont été tués mercredi dans une "
            "embuscade tendue par des jihadistes près de Tillabéri, dans l'ouest du Niger.\n\nLe bilan fait état de "
            "vingt morts et de neuf blessés, évacués vers Niamey.")
    (ev,) = _events_of(text, tmp_path)
    assert ev.place.value.location == "Tillaberi"


def test_incident_day_from_a_detail_sentence_not_the_day_witnesses_spoke(tmp_path):
    """No date in the lead: the earliest day in the details ('invaded ... on Tuesday'), not 'told ... on Wednesday'."""
    text = (" date 2024-07-11 Bandits have abducted 52 residents of a village in Zamfara State, a community leader "
            "has said.\n\nThe leader told our correspondent on Wednesday that the bandits invaded the village at "
            "about 9 p.m. on Tuesday and moved the victims into the bush.")
    (ev,) = _events_of(text, tmp_path)
    assert ev.date.value.day.isoformat() == "2024-07-09"


def test_a_lead_dated_by_its_report_keeps_the_next_sentence_that_dates_it():
    # the lead gives only the day the news was told; the next sentence tells the raid's own (earlier) day
    text = ("Des hommes armés ont enlevé une trentaine d'habitants lors d'un raid contre un village du nord du Nigeria, "
            "ont indiqué mardi des habitants. Les assaillants ont pris d'assaut le village de Dansadau dans la nuit "
            "de samedi à dimanche, tirant en l'air avant d'emmener leurs victimes dans la forêt.")
    evs = events(text, "fr", "2024-04-17")
    assert len(evs) == 1
    assert evs[0].date.value.day.isoformat() == "2024-04-13"
    text = ("Gunmen abducted about 30 villagers in a raid on a village in northern Nigeria, residents said on "
            "Tuesday. The attackers stormed the village of Dansadau on Saturday night, firing into the air before "
            "marching their victims into the forest.")
    evs = events(text, "en", "2024-04-17")
    assert len(evs) == 1
    assert evs[0].date.value.day.isoformat() == "2024-04-13"


def test_a_testimony_after_an_older_incident_recalled_is_no_new_incident():
    # a follow-up story: the massacre is recalled, the witness's words take it up again
    text = ("Haïti : une semaine après la tuerie de Ganthier, les habitants enterrent leurs morts\n\n"
            "Des centaines d'habitants ont assisté mercredi aux obsèques des victimes de la tuerie, en présence du "
            "ministre de l'Intérieur.\n\n"
            "« Ils ont tué mon frère et mes deux neveux devant moi », a témoigné une habitante, qui a fui vers "
            "Port-au-Prince avec ses enfants.")
    assert events(text, "fr", "2024-04-18") == []
    text = ("Haiti: a week after the Ganthier massacre, residents bury their dead\n\n"
            "Hundreds of residents attended the funeral on Wednesday of the victims of the massacre, in the presence "
            "of the interior minister.\n\n"
            "\u201cThey killed my brother and my two nephews in front of me,\u201d said a resident who fled to "
            "Port-au-Prince.")
    assert events(text, "en", "2024-04-18") == []
