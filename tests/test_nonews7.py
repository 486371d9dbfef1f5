"""Pages that report no new incident but talk of violence (issue #10, session 13): offences named by a charge, a
verdict or an acquittal; an attempt inside a past-perfect sentence; a
toll of thousands in the perfect; a war's toll in a relative clause;
a deed asked of parties in the future; counts of the displaced over a period. Each test keeps a new incident told
beside the same words.

Every sentence here was written for these tests (real places, invented incidents).
"""
from __future__ import annotations

from helpers import events


def show(evs):
    return [(e.sub_event_type.value, e.trigger.text, e.date.value) for e in evs]


def test_offences_named_by_a_verdict_are_no_incident_fr():
    text = ("Niger : quatre hommes condamnés pour l'attaque d'un convoi\n\n"
            "La cour d'appel de Niamey a condamné mercredi quatre hommes à quinze ans de prison.\n\n"
            "Les accusés ont été reconnus coupables « d'actes de terrorisme, d'assassinats et d'enlèvements ».")
    evs = events(text, "fr", "2025-06-12")
    assert evs == [], show(evs)


def test_offences_named_by_a_charge_are_no_incident_en():
    text = ("Kenyan court charges three men in Garissa case\n\n"
            "A court in Nairobi on Tuesday charged three men with murders and kidnappings carried out in Garissa "
            "county, prosecutors said.\n\n"
            "Two others were acquitted of attacks on police stations for lack of evidence.")
    evs = events(text, "en", "2025-06-11")
    assert evs == [], show(evs)


def test_a_killing_told_beside_a_trial_stays_an_incident_en():
    text = ("Gunmen kill two police officers in Garissa\n\n"
            "Gunmen killed two police officers at a checkpoint in Garissa on Monday, police said. Three men were "
            "charged with murder last year over a similar attack.")
    evs = events(text, "en", "2025-06-11")
    assert len(evs) == 1 and evs[0].date.value.day.isoformat() == "2025-06-09", show(evs)


def test_an_attempt_inside_a_past_perfect_sentence_is_background_en():
    text = ("Court jails two men over 2019 Mogadishu hotel siege\n\n"
            "A military court in Mogadishu on Thursday jailed two men for life for helping the attackers.\n\n"
            "On 3 March 2019, four gunmen had stormed the hotel. A fifth attacker had been shot dead by guards as he "
            "tried to detonate his vest.")
    evs = events(text, "en", "2025-03-14")
    assert evs == [], show(evs)


def test_tolls_of_thousands_in_the_perfect_are_a_record_en_fr():
    en = ("The group, which was founded in the 1990s, is now based in Ituri, where it has killed thousands of "
          "civilians.")
    assert events(en, "en", "2025-03-14") == []
    fr = "Le groupe, fondé dans les années 1990, est aujourd'hui installé en Ituri, où il a tué des milliers de civils."
    assert events(fr, "fr", "2025-03-14") == []


def test_a_wars_toll_in_a_relative_clause_is_no_incident_en():
    text = ("Mediators announce truce talks in Juba\n\n"
            "The 2018 peace deal ended a five-year civil war that killed an estimated 400,000 people.")
    evs = events(text, "en", "2025-04-08")
    assert evs == [], show(evs)


def test_an_arrest_told_with_its_verb_stays_an_arrest_en():
    text = "Police detained opposition leader Peter Lam Both in Juba on Saturday, his party said."
    evs = events(text, "en", "2025-04-06")
    assert [e.sub_event_type.value for e in evs] == ["Arrests"], show(evs)


def test_a_deed_parties_will_be_asked_to_do_is_no_incident_en():
    text = ("Both sides will be asked to withdraw forces from positions around the town of Nasir in Upper Nile "
            "state, mediators said on Wednesday.")
    evs = events(text, "en", "2025-04-09")
    assert evs == [], show(evs)


def test_people_displaced_over_the_year_are_a_count_en():
    text = ("The UN says more than 150,000 people have been displaced by the fighting this year in the Upper Nile "
            "region.")
    evs = events(text, "en", "2025-04-09")
    assert evs == [], show(evs)


def test_a_span_of_years_before_an_incident_word_is_a_lasting_situation_fr_en():
    fr = "Au Burkina Faso, à Titao, six ans de blocus et une ville à bout de souffle"
    assert events(fr, "fr", "2025-03-14") == []
    en = "In Burkina Faso's Titao, six years of blockade have left the town exhausted."
    assert events(en, "en", "2025-03-14") == []


def test_a_negated_predicate_noun_is_no_incident_fr_en():
    fr = "« Chaque convoi qui arrive à Titao est un succès, mais ce n'est pas une reconquête », estime un chercheur."
    assert events(fr, "fr", "2025-03-14") == []
    en = "\"Every convoy that reaches Titao is a success, but this is not an offensive,\" a researcher said."
    assert events(en, "en", "2025-03-14") == []
