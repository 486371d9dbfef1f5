"""Sub-event types, tolls and actors (issue #10, session 17, drawn from the ACLED dev notes'
fit half and confirmed on a second source).

General rules of ACLED coding and of language (coding guide: a violent demonstration is one where the protesters damage property
or fight; a peaceful protest has no toll of its own):
- demonstrators setting things on fire ("setting obstacles on fire", "set a bus on fire"), destroying facilities or
  slashing tyres make the demonstration violent: Riots / Violent demonstration, its crowd "Rioters (X)" (the French
  lexicon already read "mettre le feu");
- a death told in a demonstration's purpose clause ("demanding justice for the death of a teenager", "after a pupil
  died", "pour réclamer justice pour un étudiant tué") is its grievance, an older incident: the demonstration's
  toll stays 0 and it is no "Excessive force against protesters"; deaths told as the demonstration's own (police
  firing on it, protesters killed when it was dispersed, "a march demanding reforms left two dead") still are;
- an armed actor named right before the trigger noun ("a Coalition Forces patrol", "a US military patrol", "a Russian
  military convoy") is the one acting, even where that noun is the subject of a passive ("... was observed leaving").
Sentences and incidents are the team's own."""
from __future__ import annotations

import pytest

from helpers import records, with_defaults

_records = with_defaults(records, published="2025-04-10")


def _one(text: str, lang: str) -> dict:
    [rec] = _records(text, lang)
    return rec


@pytest.mark.parametrize("text,lang,country", [
    ("On 12 March 2025, residents of the Jardim America neighbourhood in Belo Horizonte blocked an avenue by setting "
     "obstacles on fire to demand the paving of their street.", "en", "Brazil"),
    ("Dozens of passengers protested at Kotoka International Airport in Accra on Monday and destroyed furniture in the "
     "departure hall over a cancelled flight.", "en", "Ghana"),
    ("Truck drivers blocked the ring road of Seville on Tuesday to protest against fuel prices. The tyres of several "
     "lorries that did not join the strike were slashed.", "en", "Spain"),
    ("Des habitants ont bloqué mardi la route nationale à Kaolack en mettant le feu à des pneus pour réclamer de l'eau "
     "potable.", "fr", "Senegal"),
])
def test_demonstrators_damaging_property_riot(text, lang, country):
    rec = _one(text, lang)
    assert (rec["event_type"], rec["sub_event_type"], rec["actor1"]) == \
        ("Riots", "Violent demonstration", f"Rioters ({country})")


@pytest.mark.parametrize("text,lang", [
    ("On 4 April 2025, relatives and neighbours staged a protest outside the police station in Kisumu demanding "
     "justice for the death of a teenager killed in March.", "en"),
    ("About 40 parents protested at the gate of a primary school in Kampala on Friday after a pupil died in a "
     "dormitory fire.", "en"),
    ("Plusieurs centaines de personnes ont manifesté samedi à Dakar pour réclamer justice pour un étudiant tué le mois "
     "dernier.", "fr"),
])
def test_a_death_in_the_purpose_clause_is_no_toll(text, lang):
    rec = _one(text, lang)
    assert (rec["event_type"], rec["sub_event_type"], rec["fatalities"]) == ("Protests", "Peaceful protest", 0)


@pytest.mark.parametrize("text,lang,dead", [
    ("Police fired live rounds at protesters demanding the governor's resignation in Kisumu on Tuesday, killing two.",
     "en", 2),
    ("A march demanding the governor's resignation left two dead in Kisumu on Tuesday.", "en", 2),
    ("Une marche pour réclamer des réformes a fait deux morts samedi à Conakry.", "fr", 2),
    ("Three protesters were killed when police dispersed a march in Conakry on Thursday.", "en", 3),
    ("Trois manifestants ont été tués jeudi à Conakry lorsque la police a dispersé une marche de l'opposition.", "fr", 3),
])
def test_deaths_at_the_demonstration_stay_its_toll(text, lang, dead):
    rec = _one(text, lang)
    assert (rec["sub_event_type"], rec["fatalities"]) == ("Excessive force against protesters", dead)


_records22 = with_defaults(records, published="2022-05")


@pytest.mark.parametrize("text,actor1", [
    ("On 3 May 2022, a Coalition Forces patrol of four armored vehicles was observed leaving Al-Hasakeh city.",
     "Global Coalition Against Daesh"),
    ("On 3 May 2022, a Russian military convoy arrived in Qamishli city in Al Hasakeh.", "Military Forces of Russia (2000-)"),
])
def test_the_owner_of_a_patrol_or_convoy_acts(text, actor1):
    [rec] = _records22(text, "en")
    assert (rec["sub_event_type"], rec["actor1"]) == ("Change to group/activity", actor1)


def test_an_ambushed_patrol_stays_the_target():
    [rec] = _records22("On 3 May 2022, an army patrol was ambushed by militants near Tal Abyad in Ar-Raqqa.", "en")
    assert (rec["actor1"], rec["actor2"]) == ("Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-2024)")
