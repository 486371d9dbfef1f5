"""Pages that report no new incident but talk of violence (issue #10, session 16): a demonstration announced for a
later day ("une marche est prévue samedi", "a rally scheduled for Friday"), a deployment in the future tense of its
auxiliary ("seront déployés") or told as the predicate of a future copula ("ce sera une marche"), and an incident
noun that is the subject of a main-clause past perfect ("des obus étaient tombés ce jour-là"). Each test keeps a
new incident told beside the same words.

Every sentence here was written for these tests (real places, invented incidents).
"""
from __future__ import annotations

from helpers import events, extract


def show(evs):
    return [(e.sub_event_type.value, e.trigger.text, e.date.value) for e in evs]


def test_a_march_planned_for_saturday_is_no_incident_fr():
    text = ("Burkina : les enseignants appellent à marcher à Bobo-Dioulasso\n\n"
            "Une marche est prévue samedi à Bobo-Dioulasso à l'appel des syndicats d'enseignants, qui réclament le "
            "paiement de leurs primes. Une autre marche prévue dimanche à Koudougou attend l'accord du maire.")
    evs = events(text, "fr", "2025-10-14")
    assert evs == [], show(evs)


def test_a_rally_scheduled_for_friday_is_no_incident_en():
    text = ("Mombasa traders plan rally over market fees\n\n"
            "A rally is planned for Friday in Mombasa, where traders will demand lower market fees. Another "
            "march scheduled for Saturday in Malindi is awaiting police approval.")
    evs = events(text, "en", "2025-10-14")
    assert evs == [], show(evs)


def test_a_march_that_took_place_is_still_told_fr():
    text = ("Burkina : les enseignants ont marché à Bobo-Dioulasso\n\n"
            "Plusieurs centaines d'enseignants ont marché lundi dans le calme à Bobo-Dioulasso pour réclamer le "
            "paiement de leurs primes. Une autre marche est prévue samedi à Koudougou.")
    evs = events(text, "fr", "2025-10-14")
    assert [e.event_type.value for e in evs] == ["Protests"], show(evs)
    assert str(evs[0].date.value.day) == "2025-10-13", show(evs)


def test_a_carefully_planned_attack_is_still_an_incident_en():
    text = ("Gunmen kill four in Maiduguri market attack\n\n"
            "Gunmen killed four traders on Monday in a carefully planned attack on a market in Maiduguri, police "
            "said.")
    evs = events(text, "en", "2025-10-14")
    assert len(evs) == 1 and evs[0].fatalities.value == 4, show(evs)


def test_police_to_be_deployed_is_a_plan_fr():
    text = ("Côte d'Ivoire : un dispositif pour le scrutin à Bouaké\n\n"
            "Le ministre de l'Intérieur a présenté lundi le plan de sécurité du scrutin. Quelque 3 000 policiers "
            "seront déployés à Bouaké. « Ce sera une marche pacifique », a assuré lundi le chef de l'opposition.")
    evs = events(text, "fr", "2025-10-14")
    assert evs == [], show(evs)


def test_subject_of_a_past_perfect_is_an_earlier_incident_fr():
    res = extract("Ukraine : Kharkiv se souvient du marché bombardé\n\n"
                  "Les habitants de Kharkiv ont rendu hommage lundi aux victimes. Ce jour-là, plusieurs obus étaient "
                  "tombés sur le marché central.", "fr", "2025-10-14")
    shells = [m for m in res.mentions if m.trigger.text == "obus"]
    assert shells and all(m.kind != "event" for m in shells), [(m.trigger.text, m.kind, m.kind_reason)
                                                                 for m in res.mentions]
