"""Recall (issue #10): incidents that were merged into a sibling or dropped by a too eager filter.

Articles written by the team in the style of news copy (no text from ../shared)."""
from __future__ import annotations

import pytest

from helpers import events, with_defaults

_events = with_defaults(events, published="2025-03-12")


def _subs(evs) -> list[str]:
    return sorted(ev.sub_event_type.value for ev in evs)


@pytest.mark.parametrize("text,lang", [
    ("Des miliciens ont enlevé une douzaine de commerçants dans un village proche de Kindu, dans la province du "
     "Maniema, le 3 mars, selon un rapport publié mercredi par une organisation locale.\n\n"
     "Les familles des otages n'ont reçu aucune demande de rançon.\n\n"
     "Le lendemain, les mêmes hommes sont revenus piller le marché du village, emportant du bétail, selon le "
     "rapport.", "fr"),
    ("Militiamen abducted a dozen traders in a village near Kindu, in Maniema province, on March 3, according to "
     "a report published on Wednesday by a local group.\n\n"
     "The families of the hostages have received no ransom demand.\n\n"
     "The next day, the same men came back to loot the village market, taking cattle, the report said.", "en"),
])
def test_another_kind_of_incident_on_the_next_day_is_its_own_event(text, lang):
    # the looting "the next day" is another incident, not a detail of the abduction
    subs = _subs(_events(text, lang, published="2025-03"))   # a page that gives only its month
    assert "Looting/property destruction" in subs and "Abduction/forced disappearance" in subs


@pytest.mark.parametrize("text,lang", [
    ("Des assaillants ont tué au moins neuf civils dimanche dans une attaque contre le village de Mabalako, dans "
     "le territoire de Beni, selon l'administrateur du territoire.\n\n"
     "Plus au nord, les soldats et les miliciens, appuyés par des chasseurs, se sont affrontés mardi près de "
     "Rutshuru.", "fr"),
])
def test_plus_without_ne_is_no_negation(text, lang):
    # « Plus au sud, ... se sont affrontés » tells a clash: "plus" negates only beside "ne"
    subs = _subs(_events(text, lang))
    assert "Armed clash" in subs and "Attack" in subs


@pytest.mark.parametrize("text,lang", [
    ("Des assaillants ont attaqué dimanche le village de Mabalako, dans le territoire de Beni.\n\n"
     "Les militaires ne se sont plus affrontés aux rebelles depuis, selon une source militaire.", "fr"),
])
def test_ne_plus_still_negates(text, lang):
    subs = _subs(_events(text, lang))
    assert "Armed clash" not in subs


@pytest.mark.parametrize("sentence,verb,negated", [
    ("Plus au nord, les soldats et les miliciens, appuyés par des chasseurs, se sont affrontés mardi près de "
     "Rutshuru.", "affrontés", False),
    ("Les soldats et les miliciens ne se sont plus affrontés depuis mardi près de Rutshuru.", "affrontés", True),
    ("Les soldats ne sont pas intervenus mardi près de Rutshuru.", "intervenus", True),
])
def test_french_plus_negates_only_beside_ne(sentence, verb, negated):
    from types import SimpleNamespace

    from eventwire.extract.mentions import _negated, cues
    from eventwire.nlp.pipeline import get_nlp
    doc = get_nlp("fr")(sentence)
    [tok] = [t for t in doc if t.text == verb]
    assert _negated(SimpleNamespace(cues=cues("fr")), tok) is negated


@pytest.mark.parametrize("text,lang", [
    ("On 4 March 2025, in Kano (Kano), members of a local gang abducted three traders and held them for a day. "
     "The perpetrators were arrested two days later.", "en"),
    ("Le 4 mars 2025, à Kano (Kano), des membres d'un gang local ont enlevé trois commerçants et les ont retenus "
     "une journée. Les auteurs ont été arrêtés deux jours plus tard.", "fr"),
])
def test_culprits_arrested_days_later_stay_in_the_incident(text, lang):
    # the arrest of the incident's culprits "two days later" ends its story: no second event
    assert _subs(_events(text, lang)) == ["Abduction/forced disappearance"]
