"""Fixes from the blind English audit of session 9: the held-out set B of session 8 (tests/corpus/en/en_451-460) is
spent as the set to fix from; en_501-512 (set C) is the new held-out set, never looked at beyond its summary line.
Each test uses short articles written for it, in English and, where the mechanism is shared, in French."""
from __future__ import annotations

from eventwire.extract.weapons import weapons

from helpers import events, with_defaults


events = with_defaults(events, lang="en", published="2025-07-15")


def test_the_shells_of_a_mortar_attack_are_mortar_not_artillery():
    """Bare "shells" goes on with the weapon already named: mortar shells, tear-gas shells."""
    evs = events("Militants fired mortar shells at an army base in Jowhar on Tuesday night, killing one soldier. "
                 "The shells landed near the barracks, an officer said.", published="2025-07-16")
    assert [e.weapons.value for e in evs] == [["mortar"]]
    evs = events("Police fired tear gas shells to disperse hundreds of traders protesting in Lahore on Monday, "
                 "the police said.", published="2025-07-15")
    assert [e.weapons.value for e in evs] == [["tear gas"]]
    # shells alone still name artillery
    evs = events("Artillery-free text: Russian forces shelled the village of Bilozerka on Monday, killing two "
                 "residents, the governor said. The shells hit two houses.", published="2025-07-15")
    assert [e.weapons.value for e in evs] == [["artillery"]]


def test_a_speakers_suspicion_is_an_accusation():
    """"We suspect the mine was planted by X" and "suspected X rebels" attribute the incident to X: accused."""
    evs = events("Three soldiers were killed on Sunday when their truck hit a roadside bomb near Dhusamareb. "
                 "\"We suspect the bomb was planted by Al-Shabaab,\" a local commander said.", published="2025-07-15")
    assert [(e.actor1.value.name, e.attribution.value) for e in evs] == [("Al Shabaab", "accused")]
    evs = events("Suspected ADF rebels killed nine villagers with machetes in Beni territory on Saturday night, "
                 "local officials said.", published="2025-07-15")
    assert [e.attribution.value for e in evs] == ["accused"]


def test_a_toll_of_such_strikes_is_an_aggregate():
    """"more than 300 people have been killed in such strikes" sums many strikes, not the one told."""
    evs = events("An Israeli drone strike killed one man on a motorcycle in the southern Lebanese town of Aitaroun "
                 "on Monday, the Health Ministry said. Lebanese authorities say more than 300 people have been killed "
                 "in such strikes.", published="2025-12-02")
    assert [e.fatalities.value for e in evs] == [1]


def test_a_span_from_march_to_may_is_neither_a_march_nor_todays_strike():
    """"from March to May" names months: no protest march, and the air strikes of that span are background."""
    text = ("The rebels threatened on Wednesday to resume attacks on shipping. The United States carried out hundreds "
            "of air strikes on rebel targets in Yemen from March to May before agreeing a truce.")
    assert events(text, published="2025-09-03") == []


def test_a_headline_in_the_present_defuse_is_a_foiled_bomb():
    """Headlines use the present: "Police defuse car bomb", "Army foils attack" are Disrupted weapons use."""
    page = ("Kenyan police defuse roadside bomb near Garissa\n\n"
            "Police on Thursday defused a roadside bomb planted on the road between Garissa and Dadaab, a county "
            "police commander said. Nobody was hurt.")
    assert [e.sub_event_type.value for e in events(page, published="2025-07-17")] == ["Disrupted weapons use"]


def test_an_announced_strike_is_a_plan_not_a_protest():
    """"announced a shutter-down strike on Saturday" is a plan: only the day's protest is an event."""
    text = ("Police fired tear gas at hundreds of shopkeepers protesting against a new tax in Quetta on Monday. "
            "Traders' leaders announced a complete shutter-down strike across the province on Saturday if the tax "
            "was not withdrawn.")
    evs = events(text, published="2025-07-15")
    assert [(e.sub_event_type.value, e.date.value.day.isoformat()) for e in evs] == \
        [("Protest with intervention", "2025-07-14")]


def test_a_village_attack_in_a_headline_is_an_attack_on_civilians():
    """"Rebels kill 14 in village attack": the rebels are the attackers, not armed victims; the headline and the
    body tell one attack on civilians."""
    page = ("Suspected CODECO militiamen kill nine in Djugu village attack\n\n"
            "Militiamen killed nine civilians with machetes in the village of Ngotsi in Djugu territory on Sunday "
            "night, local officials said on Monday.")
    evs = events(page, published="2025-07-15")
    assert [e.sub_event_type.value for e in evs] == ["Attack"]


def test_a_gathering_for_the_victims_of_an_old_strike_recalls_it():
    """"gathered to commemorate the victims of the missile strike that killed 20 a year ago": the strike is old."""
    text = ("Hundreds of residents gathered in central Chernihiv on Monday to commemorate the victims of the Russian "
            "missile strike that killed 20 people at the city's theatre a year ago.")
    assert not any(e.event_type.value == "Explosions/Remote violence" for e in events(text, published="2026-08-19"))


def test_bint_jbeil_as_the_press_spells_it_is_found():
    """The gazetteer knows the town as "Bent Jbail"; the press writes "Bint Jbeil": an unknown village "near Bint
    Jbeil" is placed near the town, not at the country."""
    evs = events("An Israeli drone strike killed a man riding a motorcycle in the village of Kafra Mtein, near Bint "
                 "Jbeil, on Monday evening, the Health Ministry said.", published="2025-12-02")
    assert [(e.place.value.location, e.place.value.geo_precision) for e in evs] == [("Bent Jbail", 2)]
    evs = events("Une frappe de drone israélienne a tué un homme lundi à Bint Jbeil, dans le sud du Liban, selon le "
                 "ministère de la Santé.", lang="fr", published="2025-12-02")
    assert [e.place.value.location for e in evs] == ["Bent Jbail"]
