"""More text that is no new incident (issue #10, spurious events): bodies found "in a separate case" of common
crime and a vigil or memorial for the victims of an old
incident (ACLED codes a commemoration as a protest only when it makes demands).

Every sentence here was written for these tests.
"""
from __future__ import annotations

from helpers import events


def show(evs):
    return [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_a_vigil_for_the_victims_of_an_old_strike_is_no_protest_en():
    text = ("Gunmen kill four farmers near Bunia\n\n"
            "Gunmen killed four farmers in their fields near the town of Bunia on Tuesday, a local official said.\n\n"
            "On Wednesday evening, hundreds of residents held a vigil outside the cathedral for the 12 worshippers "
            "killed in the church attack in March 2023.")
    evs = events(text, "en", "2025-05-08")
    assert len(evs) == 1, show(evs)


def test_a_vigil_for_the_victims_is_no_protest_fr():
    text = ("Des hommes armés tuent quatre agriculteurs près de Bunia\n\n"
            "Des hommes armés ont tué quatre agriculteurs dans leurs champs près de la ville de Bunia mardi, a "
            "indiqué un responsable local.\n\n"
            "Mercredi soir, des centaines d'habitants se sont rassemblés pour une veillée aux bougies sur la place "
            "centrale en mémoire des victimes de l'attentat du marché de l'an dernier.")
    evs = events(text, "fr", "2025-05-08")
    assert len(evs) == 1, show(evs)


def test_a_gathering_at_a_memorial_or_to_commemorate_is_no_protest_en():
    for told in ("Hundreds of mourners gathered at a memorial in the town square on Wednesday for those who died in "
                 "the 2023 bombing.",
                 "Residents also gathered on Wednesday to commemorate the massacre of 40 villagers in Djugu two "
                 "years ago."):
        text = ("Gunmen kill four farmers near Bunia\n\n"
                "Gunmen killed four farmers in their fields near the town of Bunia on Tuesday, a local official "
                "said.\n\n" + told)
        evs = events(text, "en", "2025-05-08")
        assert len(evs) == 1, show(evs)


def test_a_vigil_with_demands_is_still_a_protest_en():
    text = ("On Wednesday, hundreds of people held a vigil outside the cathedral in Bunia to demand justice for the "
            "worshippers killed in the church attack.")
    evs = events(text, "en", "2025-05-08")
    assert any(e.event_type.value == "Protests" for e in evs), show(evs)


def test_bodies_found_in_a_separate_case_of_common_crime_en():
    text = ("Soldiers kill three militants in Borno raid\n\n"
            "Soldiers killed three suspected militants in a raid on a hideout near Konduga on Monday, the army "
            "said in a statement.\n\n"
            "In a separate case, police found the bodies of two traders in a ditch outside Maiduguri.")
    evs = events(text, "en", "2025-07-15")
    assert len(evs) == 1, show(evs)


def test_bodies_found_in_a_separate_case_of_common_crime_fr():
    text = ("Des soldats tuent trois jihadistes lors d'un raid dans le Borno\n\n"
            "Des soldats ont tué trois jihadistes présumés lors d'un raid contre une cache près de Konduga lundi, a "
            "indiqué l'armée dans un communiqué.\n\n"
            "Dans une autre affaire, la police a découvert les corps de deux commerçants dans un fossé près de "
            "Maiduguri.")
    evs = events(text, "fr", "2025-07-15")
    assert len(evs) == 1, show(evs)


def test_bodies_found_separately_after_a_reporting_clause_en():
    text = ("Gunmen kill five at a birthday party in Leon\n\n"
            "Gunmen opened fire on guests at a birthday party in the city of Leon on Saturday night, killing five "
            "people, state prosecutors said.\n\n"
            "Separately, prosecutors in the state said they had found three bodies wrapped in blankets on a rural "
            "road near Silao on Sunday.")
    evs = events(text, "en", "2025-06-02")
    assert len(evs) == 1, show(evs)


def test_a_subheading_of_survivors_recalling_an_old_strike_is_no_incident_en():
    text = ("Two weeks after army air strike, Sudanese town counts its dead\n\n"
            "Survivors describe panic as bombs fell on a crowded bus station; families still search for the "
            "missing\n\n"
            "By a correspondent in Port Sudan\n\n"
            "Two weeks after an army jet bombed the bus station in Mellit, in North Darfur, residents are still "
            "clearing the debris.\n\n"
            "Aid groups say they have not been able to reach the area since the rains began.")
    evs = events(text, "en", "2025-08-20")
    assert evs == [], show(evs)


def test_witnesses_describing_a_fresh_shooting_still_tell_it_en():
    text = ("Witnesses described how soldiers opened fire on protesters in the town of Kalemie on Sunday, killing "
            "two, a local rights group said.")
    evs = events(text, "en", "2025-03-10")
    assert len(evs) == 1, show(evs)
