"""Pages that report no new incident but talk of violence (issue #10, session 14): an incident told only inside a
quotation with no day of its own (a lawyer's plea, a witness's recollection, a delegate's argument); a habit or an
ongoing war in the present beside a dated statement; a participle set before the noun it describes. Each test
keeps a new incident told beside the same words.

Every sentence here was written for these tests (real places, invented incidents).
"""
from __future__ import annotations

from helpers import events


def show(evs):
    return [(e.sub_event_type.value, e.trigger.text, e.date.value) for e in evs]


def test_an_arrest_told_only_in_a_lawyers_quote_is_no_incident_fr():
    text = ("Tchad : trois pêcheurs condamnés à Bol\n\n"
            "Le tribunal de N'Djamena a condamné jeudi trois pêcheurs à cinq ans de prison pour complicité avec "
            "les jihadistes.\n\n"
            "« Mon client a été arrêté parce qu'il pêchait au mauvais endroit. Ce procès est une honte », a déclaré "
            "son avocat à la sortie de l'audience.")
    evs = events(text, "fr", "2025-03-14")
    assert evs == [], show(evs)


def test_a_witness_quote_with_no_day_is_no_incident_en():
    text = ("Aid agencies seek $300 million for Ituri's displaced\n\n"
            "Aid agencies on Tuesday appealed for $300 million to help displaced people in Congo's Ituri province.\n\n"
            "\"They burned our houses and killed my brother in front of us,\" said Esther, a mother of four living in "
            "a camp near Bunia.")
    evs = events(text, "en", "2025-03-12")
    assert evs == [], show(evs)


def test_a_witness_quote_with_its_own_day_stays_an_incident_fr():
    text = ("Ituri : des miliciens attaquent un village près de Djugu\n\n"
            "« Mardi soir, ils ont brûlé les maisons et tué mon frère devant nous », a raconté une habitante de "
            "Djugu jointe par téléphone.")
    evs = events(text, "fr", "2025-03-13")
    assert len(evs) == 1, show(evs)


def test_an_incident_told_by_the_reporter_and_then_quoted_stays_an_incident_en():
    text = ("Gunmen kill three farmers in Kajuru\n\n"
            "Gunmen killed three farmers in Kajuru, Kaduna state, on Monday, police said.\n\n"
            "\"They shot them in their fields and fled,\" a relative said.")
    evs = events(text, "en", "2025-06-11")
    assert len(evs) == 1 and evs[0].date.value.day.isoformat() == "2025-06-09", show(evs)


def test_an_ongoing_war_beside_a_dated_warning_is_no_incident_en():
    text = ("Rights groups warn of election violence in Ethiopia\n\n"
            "Human rights groups on Tuesday warned that voting could not be held safely in parts of the Amhara "
            "region where government forces are fighting Fano militias.")
    evs = events(text, "en", "2025-05-28")
    assert evs == [], show(evs)


def test_a_participle_before_its_noun_tells_no_incident_en():
    text = ("South Sudan truce to start on Sunday\n\n"
            "The government and the armed opposition loyal to detained First Vice President Riek Machar will observe "
            "a ceasefire from Sunday, mediators said.\n\n"
            "The film mixes interviews with phone footage of shelled towns.")
    evs = events(text, "en", "2025-04-05")
    assert evs == [], show(evs)


def test_a_town_shelled_on_a_given_day_stays_an_incident_en():
    text = ("Russian forces shelled Kupiansk on Monday, killing two civilians, regional officials said.")
    evs = events(text, "en", "2025-04-09")
    assert len(evs) == 1, show(evs)
