"""Fixes from the second English audit (session 7: invented pages tests/corpus/en/en_201-en_214, coded before
running eventwire), aimed at what goes wrong on unseen pages: spurious events from trials, sanctions, funerals and
aggregates, and values leaking from older incidents. Each test uses short articles written for it."""
from __future__ import annotations

from eventwire.ingest import clean_text
from eventwire.pipeline import extract_document

from helpers import events, read, with_defaults


events = with_defaults(events, lang="en", published="2025-07-15")


def test_story_titles_under_a_bare_list_header_are_clutter(tmp_path):
    """The titles listed under "Keep reading" / "READ MORE" / "À lire aussi" are other stories, not article text;
    the article's own paragraph after a blank line and a line ending in a full stop stay."""
    raw = ("Troops repelled an attack on a base, the army said.\n\n"
           "Keep reading\nArmy says it repelled rebel attack on El Obeid\nInside the siege: hunger and shelling\n\n"
           "The army did not give a toll.\n\n"
           "READ MORE\n- Jihadists blockade Timbuktu for a second year\n- Explainer: Who are the rebels?")
    out = clean_text(raw)
    assert "El Obeid" not in out and "Timbuktu" not in out and "hunger" not in out
    assert "The army did not give a toll." in out and out.startswith("Troops repelled")
    fr = "L'armée a repoussé une attaque jeudi.\n\nÀ lire aussi\nDes jihadistes attaquent un convoi près de Gao\n\nFin."
    assert "convoi" not in clean_text(fr) and "Fin." in clean_text(fr)
    doc = read("Rebels attacked an army base near Kassala on Tuesday, killing two soldiers, the army said.\n\n"
               "Keep reading\nRebels say they repelled army attack on El Obeid", "2025-07-16", tmp_path)
    assert [e.sub_event_type.value for e in extract_document(doc).events] == ["Armed clash"]


def test_present_perfect_count_since_an_event_is_an_aggregate():
    """"More than 250 people have been killed since the ceasefire": a count over a period, neither an event nor
    the day's toll."""
    text = ("BEIRUT, July 15 (AFP) - An Israeli drone strike on a motorbike killed one man near Bint Jbeil in south "
            "Lebanon on Tuesday, the health ministry said.\n\n"
            "More than 250 people have been killed in Lebanon since the truce, according to an AFP tally.")
    [ev] = events(text)
    assert ev.fatalities.value == 1
    text2 = ("GAZA, July 15 (Reuters) - An Israeli air strike killed three people in Deir al-Balah on Tuesday, "
             "medics said.\n\nSome 40,000 people have fled their homes in the area since the agreement collapsed.")
    [ev] = events(text2)
    assert ev.fatalities.value == 3


def test_sanctions_agreed_or_targeting_are_no_incident():
    """An agreement on one side's measures ("agreed on a package of sanctions") and sanctions "targeting" exports
    are no ACLED event, beside a real strike told the same day."""
    text = ("KYIV, July 15 (AP) - A Russian missile struck an apartment block in Dnipro on Tuesday, killing two "
            "people, officials said.\n\n"
            "In Brussels, EU foreign ministers agreed on Tuesday on a new round of sanctions targeting Russian "
            "banks and oil traders.")
    evs = events(text)
    assert [e.sub_event_type.value for e in evs] == ["Shelling/artillery/missile attack"]
    assert not events("LONDON, July 15 (Reuters) - Britain agreed on Tuesday to extend sanctions targeting "
                      "militia commanders in Sudan, the foreign office said.")


def test_trial_story_names_the_old_attack_without_a_new_event():
    """A trial over an attack of an earlier year: the deed told in a relative clause under a past perfect ("had
    sold weapons to the gunmen who stormed the hotel"), the year before the noun in the headline ("over 2023 attack")
    and "the attack" taken up after them are background; an accusation of a conduct ("accused of killing
    civilians") is no incident either."""
    text = ("Kenyan court jails four over 2023 attack on coastal hotel\n\n"
            "MOMBASA, July 15 (Reuters) - A Kenyan court on Tuesday sentenced four men to 20 years in prison over "
            "the June 2023 attack on a hotel in Lamu county in which nine guests were killed.\n\n"
            "Prosecutors said the men had sold weapons and phones to the gunmen who stormed the hotel at night.\n\n"
            "The attack was claimed by al Shabaab.\n\n"
            "Security forces in the region have been accused by rights groups of killing civilians during raids.")
    assert events(text) == []


def test_a_count_in_a_relative_clause_on_an_older_incident_is_not_the_days_toll():
    """"marked one year since demonstrations in which dozens of people were killed": the dozens are that older
    incident's dead, not the day's; a count after an aggregate noun without a relative clause stays the event's."""
    text = ("NAIROBI, July 15 (Reuters) - Police fired tear gas at thousands of protesters in Mombasa on Tuesday "
            "as they marked one year since demonstrations in which dozens of people were killed.")
    [ev] = events(text)
    assert ev.fatalities.value == 0 and ev.sub_event_type.value == "Protest with intervention"


def test_body_toll_counts_under_a_headline_beside_a_comparison_with_a_period():
    """Under a headline, the lead sentence's figures stand even when it compares the strike with a period ("the
    deadliest since mid-March"): the wounded are read there."""
    text = ("US strikes on Yemen port kill 20, Houthis say\n\n"
            "DUBAI, July 15 (Reuters) - U.S. air strikes on the port of Salif in Yemen's Hodeidah province killed 20 "
            "people and wounded 45 others on Tuesday, the Houthi-run health ministry said, the deadliest of the "
            "strikes since mid-March.")
    [ev] = events(text)
    assert (ev.fatalities.value, ev.injuries.value) == (20, 45)


def test_troops_described_by_their_operation_or_mandate_are_no_deployment():
    """"troops deployed under Operation X arrested ...", "déployés dans le cadre de l'opération X": the frame the
    troops serve in, not a deployment that day; only the arrest is an event. A deployment told as such stays one."""
    en = ("JOS, July 16 (Reuters) - Troops deployed under Operation Safe Haven encountered bandits near Bokkos on "
          "Sunday and arrested six of them, the army said.")
    assert [e.sub_event_type.value for e in events(en, published="2025-07-16")] == ["Arrests"]
    fr = ("GAO, 16 juillet (AFP) - Les soldats déployés dans le cadre de l'opération Tilé ont arrêté six jihadistes "
          "dimanche près d'Ansongo, a indiqué l'armée.")
    assert [e.sub_event_type.value for e in events(fr, "fr", published="2025-07-16")] == ["Arrests"]
    assert [e.sub_event_type.value for e in events(
        "The army deployed 500 troops to Beni on Tuesday, officials said.", published="2025-07-16")] \
        == ["Change to group/activity"]


def test_the_attackers_going_on_are_details_of_the_incident_told():
    """"The gunmen arrived at dawn from X and fired on residents": the attackers already told, in a sentence with no
    day of its own, go on with the same incident (one event, in its own town), in both languages."""
    en = ("PORT-AU-PRINCE, Haiti (AP) — Gang members attacked the town of Cabaret north of Haiti's capital on Sunday, "
          "killing at least five people, officials said.\n\n"
          "The mayor said the gunmen arrived at dawn from a neighboring hamlet and fired on residents as they fled.")
    evs = events(en, published="2025-03-31")
    assert [e.place.value.location for e in evs] == ["Cabaret"]
    fr = ("PORT-AU-PRINCE, 31 mars (AFP) - Des membres de gangs ont attaqué dimanche la commune de Cabaret, au nord "
          "de la capitale haïtienne, tuant au moins cinq personnes, selon le maire.\n\n"
          "Les assaillants ont ouvert le feu sur les habitants qui fuyaient, a-t-il ajouté.")
    assert len(events(fr, "fr", published="2025-03-31")) == 1


def test_fears_of_a_new_offensive_in_a_funeral_story_are_no_event():
    """A funeral for the dead of last week's bombing, "as fears grow of new offensive": no new incident at all."""
    text = ("Hundreds mourn victims of Bunia market bombing as fears grow of new offensive\n\n"
            "BUNIA, Democratic Republic of Congo — Hundreds of people gathered in Bunia on Monday for the funeral of "
            "nine people killed when bombs struck a market last week.\n\n"
            "The army and the militia blamed each other for the bombs that fell on the market on May 27.")
    assert events(text, published="2025-06-03") == []
