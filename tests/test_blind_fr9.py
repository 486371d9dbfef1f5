"""Session 15 French blind round (blindfr9): rules drawn from French set H and the earlier corpus sets (G, F, the
first sets) and the real development pages, checked on the team's own invented sentences."""
from __future__ import annotations

from helpers import events, records, with_defaults

from eventwire.model import Document
from eventwire.pipeline import extract_document

events = with_defaults(events, lang="fr", published="2026-10-14")
records = with_defaults(records, lang="fr", published="2026-10-14")


def _subs(text: str, lang: str = "fr") -> list[str]:
    return [e.sub_event_type.value for e in events(text, lang)]


def test_present_tense_headline_seizure_is_territory_taken():
    """Headlines tell in the present tense: "une milice s'empare de Zémio après des combats" is a town taken, not a
    clash (ACLED codes territory that changes hands in fighting as the territory change)."""
    text = ("Centrafrique : une milice s'empare de Zémio après des combats avec l'armée\n\n"
            "Des miliciens ont pris dimanche le contrôle de la ville de Zémio, selon des sources locales.")
    assert _subs(text) == ["Non-state actor overtakes territory"]


def test_time_words_between_verb_and_control():
    """"a repris mercredi matin le contrôle de la localité": the day may stand between the verb and its object."""
    text = ("L'armée somalienne a repris mercredi matin le contrôle de la localité de Bulo Burde, après de brefs "
            "combats avec les shebab, a annoncé le ministre de l'Information.")
    assert _subs(text) == ["Government regains territory"]


def test_apposed_support_phrase_does_not_demote_the_main_verb():
    """"L'armée, appuyée par des milices claniques, a repris la localité": the comma closes the support phrase; the
    main verb after it is the action told (French and English)."""
    fr = ("L'armée somalienne, appuyée par des milices claniques, a repris jeudi le contrôle de la localité de Bulo "
          "Burde, après de brefs combats, a annoncé le ministre.")
    en = ("The Somali army, backed by clan militias, retook control of the town of Bulo Burde on Thursday after brief "
          "fighting, the information minister said.")
    assert _subs(fr) == ["Government regains territory"]
    assert _subs(en, "en") == ["Government regains territory"]


def test_support_phrase_still_demotes_inside_its_own_words():
    """"des soldats appuyés par des hélicoptères ont attaqué": the helicopters support the attack, no air strike."""
    text = ("Des soldats appuyés par des hélicoptères de combat ont attaqué samedi une position jihadiste près de "
            "Boni, tuant sept combattants, selon l'armée.")
    assert "Air/drone strike" not in _subs(text)


def test_headline_kicker_is_one_sentence_with_its_line():
    """"Somalie : trois soldats tués ..." is one headline sentence, not a sentence "Somalie :" then another."""
    doc = Document("t", "Somalie : trois soldats tués par une bombe à Mogadiscio\n\nTrois soldats ont été tués mardi "
                        "par l'explosion d'une bombe à Mogadiscio, selon la police.",
                   published="2026-10-14", language="fr")
    extract_document(doc)
    s, e = doc.sentences[0]
    assert doc.text[s:e] == "Somalie : trois soldats tués par une bombe à Mogadiscio"


TWO_IN_THE_LEAD = (
    "Niger : une base attaquée à Diffa, des femmes enlevées près de Bosso\n\n"
    "Des jihadistes ont attaqué une base de l'armée nigérienne à Diffa dans la nuit de samedi à dimanche. Lundi, des "
    "hommes armés ont enlevé douze femmes qui puisaient de l'eau près de Bosso.\n\n"
    "Les assaillants sont arrivés à moto peu après minuit. Les combats ont duré près de deux heures. Quatre soldats "
    "ont été tués, a précisé une source militaire.\n")


def test_detail_of_the_first_incident_told_after_the_second():
    """A lead that tells two incidents, then details of the first: "Les combats ont duré deux heures. Quatre soldats
    ont été tués" goes on with the clash (its own word's type), not with the abduction told last."""
    by_sub = {r["sub_event_type"]: r for r in records(TWO_IN_THE_LEAD)}
    assert set(by_sub) == {"Armed clash", "Abduction/forced disappearance"}
    assert by_sub["Armed clash"]["fatalities"] == 4
    assert by_sub["Abduction/forced disappearance"]["fatalities"] == 0
