"""Session 16 French blind round (blindfr10): rules drawn from French set I and checked on the spent sets, each on
the team's own invented sentences (real places, invented incidents)."""
from __future__ import annotations

from helpers import events, extract, with_defaults

fr_events = with_defaults(events, lang="fr", published="2025-03-07")   # a Friday


def _headline_mentions(text: str, lang: str) -> list:
    return [m for m in extract(text, lang, "2025-03-07").mentions if m.sentence == 0]


def test_headline_clause_is_no_anaphor_of_the_clause_before_fr():
    # a split headline tells two incidents: the soldiers killed near Filingué were not abducted
    text = ("Niger : un chef de village enlevé près de Ouallam, deux soldats tués près de Filingué\n\n"
            "Lundi soir, des hommes armés ont enlevé le chef du village de Tondikiwindi, près de Ouallam, selon un "
            "élu local.\n\n"
            "Mardi, un véhicule militaire a sauté sur un engin explosif près de Filingué. Deux soldats ont été tués, "
            "a indiqué le ministère de la Défense.")
    heads = _headline_mentions(text, "fr")
    assert len(heads) == 2
    killed = next(m for m in heads if m.trigger.text == "tués")
    assert killed.sub_event_type.value != "Abduction/forced disappearance"
    assert "anaphoric" not in killed.sub_event_type.reason
    subs = sorted(ev.sub_event_type.value for ev in fr_events(text))
    assert subs == ["Abduction/forced disappearance", "Remote explosive/landmine/IED"]


def test_headline_clause_is_no_anaphor_of_the_clause_before_en():
    text = ("Niger: village chief abducted near Ouallam; two soldiers killed near Filingue\n\n"
            "On Monday evening, gunmen abducted the chief of Tondikiwindi village near Ouallam, a local official "
            "said.\n\n"
            "On Tuesday, an army vehicle hit a roadside bomb near Filingue. Two soldiers were killed, the defence "
            "ministry said.")
    killed = [m for m in _headline_mentions(text, "en") if m.trigger.text == "killed"]
    assert all(m.sub_event_type.value != "Abduction/forced disappearance" for m in killed)


def test_day_bodies_were_found_is_not_the_incident_day_fr():
    # the attack is told "dans la nuit de lundi à mardi" (Monday 3 March); the bodies were found on Wednesday
    text = ("Ituri : douze civils tués dans une attaque près de Bunia\n\n"
            "Des miliciens ont attaqué un site de déplacés près de Bunia, en Ituri. Douze civils ont été tués, selon "
            "la société civile.\n\n"
            "Les assaillants ont fait irruption dans la nuit de lundi à mardi et ont incendié des abris.\n\n"
            "Neuf corps ont été retrouvés mercredi matin dans la brousse, trois autres jeudi.")
    [ev] = fr_events(text)
    assert ev.date.value.day.isoformat() == "2025-03-03"
    assert ev.date.value.precision == 1


def test_bodies_found_on_the_incident_day_keep_it():
    # no earlier day told: the day the bodies were found stays the incident's
    text = ("Des corps retrouvés près de Bunia\n\n"
            "Les corps de cinq civils tués par des miliciens ont été retrouvés mercredi près de Bunia, en Ituri, "
            "selon la société civile.")
    [ev] = fr_events(text)
    assert ev.date.value.day.isoformat() == "2025-03-05"


def test_headline_clause_toll_stays_with_its_own_incident_fr():
    # the headline's second clause (its own place) tells the drone strike's toll, not the town's capture
    text = ("Ethiopie : les milices Fano s'emparent de Debre Tabor, une frappe de drone fait sept morts à Gondar\n\n"
            "Les milices Fano ont pris mardi le contrôle de Debre Tabor, dans la région Amhara, après le retrait des "
            "troupes fédérales, a affirmé un porte-parole des insurgés.\n\n"
            "Le même jour, une frappe de drone a touché un minibus à Gondar, tuant sept passagers, selon un médecin "
            "de l'hôpital de la ville.")
    evs = fr_events(text)
    capture = next(ev for ev in evs if ev.sub_event_type.value == "Non-state actor overtakes territory")
    strike = next(ev for ev in evs if ev.sub_event_type.value == "Air/drone strike")
    assert capture.fatalities.value == 0
    assert strike.fatalities.value == 7


def test_headline_toll_of_the_same_clause_is_kept_fr():
    # one incident: the toll told after a comma with no place of its own stays the incident's
    text = ("Cameroun : une kamikaze se fait exploser sur le marché de Mora, cinq civils tués\n\n"
            "Une femme kamikaze s'est fait exploser mardi sur le marché de Mora, dans l'Extrême-Nord, ont indiqué "
            "des sources sécuritaires.")
    [ev] = fr_events(text)
    assert ev.fatalities.value == 5
