"""Fixes from the blind French audit with a held-out half (session 8: invented pages tests/corpus/fr/fr_401-412,
set A, used for fixing; fr_451-462, set B, never looked at beyond its summary line). Each test uses short
articles written for it, in French and, where the mechanism is shared, in English."""
from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import extract_document


def events(text: str, lang: str = "fr", published: str = "2025-05-14"):
    return extract_document(Document("t", text, published=published, language=lang)).events


def subs(text: str, lang: str = "fr", published: str = "2025-05-14") -> list[str]:
    return [e.sub_event_type.value for e in events(text, lang, published)]


def test_an_attack_adjective_is_the_attacker_not_an_armed_target():
    """'Tués dans une attaque jihadiste', 'une attaque armée contre un village': the adjective tells who attacks;
    civilians killed in it are an attack on civilians, not a clash with jihadists."""
    fr = ("Quatre villageois ont été tués et des maisons incendiées dans une attaque jihadiste lundi soir contre "
          "le village de Mucojo, près de Macomia, ont indiqué des sources locales.")
    assert subs(fr) == ["Attack"]
    fr2 = "Une attaque armée contre un marché de Kajuru a fait trois morts parmi les commerçants dimanche."
    assert subs(fr2) == ["Attack"]
    # an armed target after the trigger still makes a clash
    fr3 = "Des jihadistes ont attaqué lundi un poste de l'armée près de Macomia ; deux soldats ont été tués."
    assert subs(fr3) == ["Armed clash"]
    en = ("Four villagers were killed and homes burned in a jihadist attack on the village of Mucojo near Macomia "
          "on Monday evening, local sources said.")
    assert subs(en, "en") == ["Attack"]


def test_beaten_is_not_a_strike_and_beaten_to_death_is_a_death():
    """'Frappés à coups de bâton' is a beating, not an air strike; 'battu à mort' counts one death."""
    fr = ("Un homme a été battu à mort par une foule dimanche dans un village du district de Sitamarhi, au Bihar, "
          "après avoir été accusé de vol de bétail. Les deux hommes ont été frappés à coups de bâton et de pierres "
          "pendant près d'une heure avant l'arrivée de la police.")
    evs = events(fr, published="2025-05-27")
    assert [e.sub_event_type.value for e in evs] == ["Mob violence"]
    assert evs[0].fatalities.value == 1
    en = ("A man was beaten to death by a mob on Sunday in a village of Sitamarhi district in Bihar after being "
          "accused of stealing cattle. The two men were struck with sticks and stones for nearly an hour.")
    evs = events(en, "en", "2025-05-27")
    assert [e.sub_event_type.value for e in evs] == ["Mob violence"]
    assert evs[0].fatalities.value == 1
