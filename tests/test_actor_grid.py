"""Actor grid (issue #10): the same news sentences, written by the team from templates, for every country of the
real pages, in French and English, through the whole pipeline. Each case checks actor1 and actor2 as ACLED
names them ('Military Forces of X', 'Police Forces of X', 'Protesters (X)', 'Rioters (X)', 'Civilians (X)',
'Unidentified Armed Group (X)', the named group), compared as ../shared/eval/score.py compares them (the
government period in parentheses is not compared; the country of a generic actor is).

Run ``python tests/test_actor_grid.py`` for the failures counted by kind and country.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from grid_countries import COUNTRIES, Country, de, name_norm, print_report  # noqa: E402

from helpers import records  # noqa: E402


ANY = None   # the slot is not checked


def _cases(c: Country):
    """(kind, lang, text, actor1, actor2) for one country; a tuple of names accepts any of them."""
    ms, fs, mp, fp = c.fr_adj
    mil, pol = f"Military Forces of {c.of}", f"Police Forces of {c.of}"
    civ, uag = f"Civilians ({c.name})", f"Unidentified Armed Group ({c.name})"
    cap_fr, cap_en, _ = c.capital
    town_fr, town_en, _ = c.city
    yield ("army_shells", "fr", f"L'armée {fs} a bombardé mardi des positions ennemies près {de(town_fr)}, tuant "
           f"cinq combattants, selon une source militaire.", mil, ANY)
    yield ("army_shells", "en", f"The {c.en_adj} army shelled enemy positions near {town_en} on Tuesday, killing "
           f"five fighters, a military source said.", mil, ANY)
    yield ("soldiers_killed", "fr", f"Six soldats {mp} ont été tués mardi dans une embuscade tendue par des hommes "
           f"armés non identifiés près {de(town_fr)}.", uag, mil)
    yield ("soldiers_killed", "en", f"Six {c.en_adj} soldiers were killed on Tuesday in an ambush by unidentified "
           f"gunmen near {town_en}.", uag, mil)
    yield ("police_protest", "fr", f"La police {fs} a dispersé mardi à coups de gaz lacrymogène des manifestants "
           f"qui protestaient contre la vie chère à {cap_fr}.", f"Protesters ({c.name})", pol)
    yield ("police_protest", "en", f"{c.en_adj} police fired tear gas on Tuesday to disperse protesters who were "
           f"demonstrating against rising prices in {cap_en}.", f"Protesters ({c.name})", pol)
    yield ("gunmen_civilians", "fr", f"Des hommes armés non identifiés ont tué mardi sept villageois près "
           f"{de(town_fr)}, {c.fr_in}, selon des sources locales.", uag, civ)
    yield ("gunmen_civilians", "en", f"Unidentified gunmen killed seven villagers near {town_en} on Tuesday, "
           f"local sources said.", uag, civ)
    yield ("air_strikes", "fr", f"Des frappes aériennes {fp} ont tué mardi quatre civils près {de(town_fr)}, "
           f"selon des habitants.", mil, civ)
    yield ("air_strikes", "en", f"{c.en_adj} air strikes killed four civilians near {town_en} on Tuesday, "
           f"residents said.", mil, civ)
    yield ("security_forces", "fr", f"Les forces de sécurité ont tué mardi trois assaillants lors d'un accrochage "
           f"près {de(town_fr)}, {c.fr_in}.", (mil, pol), ANY)
    yield ("security_forces", "en", f"Security forces killed three attackers in a clash near {town_en} on "
           f"Tuesday, officials said.", (mil, pol), ANY)
    yield ("rioters_police", "fr", f"Des émeutiers ont incendié mardi un commissariat et blessé deux policiers à "
           f"{cap_fr}, {c.fr_in}.", f"Rioters ({c.name})", ANY)
    yield ("rioters_police", "en", f"Rioters set fire to a police station and wounded two officers in {cap_en} "
           f"on Tuesday.", f"Rioters ({c.name})", ANY)
    yield ("troops_kill", "fr", f"Des militaires {mp} ont abattu mardi deux assaillants près {de(town_fr)}.",
           mil, ANY)
    yield ("troops_kill", "en", f"{c.en_adj} troops shot dead two attackers near {town_en} on Tuesday.", mil, ANY)
    yield ("gendarmes_country", "fr", f"Quatre gendarmes ont été tués mardi {c.fr_in} lors de l'attaque de leur "
           f"poste par des hommes armés.", uag, (pol, mil))
    yield ("gendarmes_country", "en", f"Four gendarmes were killed {c.en_where} on Tuesday when gunmen attacked "
           f"their post.", uag, (pol, mil))
    yield ("civilians_country", "fr", f"Cinq civils ont été tués mardi {c.fr_in} par des hommes armés, ont indiqué "
           f"les autorités locales.", uag, civ)
    yield ("civilians_country", "en", f"Five civilians were killed by gunmen {c.en_where} on Tuesday, local "
           f"authorities said.", uag, civ)
    yield ("troops_fire_protesters", "fr", f"Des militaires ont ouvert le feu mardi sur des manifestants à "
           f"{cap_fr}, {c.fr_in}, tuant trois personnes.", f"Protesters ({c.name})", mil)
    yield ("troops_fire_protesters", "en", f"Soldiers opened fire on protesters in {cap_en} on Tuesday, killing "
           f"three people.", f"Protesters ({c.name})", mil)
    yield ("drone_strike", "fr", f"Un drone {ms} a frappé mardi un véhicule près {de(town_fr)}, tuant trois "
           f"personnes.", mil, ANY)
    yield ("drone_strike", "en", f"A {c.en_adj} drone struck a vehicle near {town_en} on Tuesday, killing three "
           f"people.", mil, ANY)
    yield ("mine_soldier", "fr", f"Un soldat {ms} a été tué mardi par l'explosion d'un engin explosif improvisé "
           f"près {de(town_fr)}.", uag, mil)
    yield ("mine_soldier", "en", f"A {c.en_adj} soldier was killed on Tuesday when a roadside bomb exploded near "
           f"{town_en}.", uag, mil)
    yield ("armed_forces_fp", "fr", f"Les forces armées {fp} ont tué mardi une dizaine d'assaillants lors de "
           f"combats près {de(town_fr)}.", mil, ANY)
    if c.group:
        g_fr, g_en, g_name = c.group
        yield ("group_attack", "fr", f"Dix soldats {mp} ont été tués mardi dans une attaque revendiquée par "
               f"{g_fr} près {de(town_fr)}.", g_name, mil)
        yield ("group_attack", "en", f"Ten {c.en_adj} soldiers were killed on Tuesday in an attack claimed by "
               f"{g_en} near {town_en}.", g_name, mil)


# national forces by their own names (French and English copy)
FORCES = [
    ("PH", "fr", "Des agents de la PNP ont tué mardi deux rebelles lors d'un accrochage près de Marawi, aux "
     "Philippines.", "Police Forces of the Philippines"),
    ("PH", "en", "Philippine National Police officers killed two rebels in a gunfight near Marawi on Tuesday.",
     "Police Forces of the Philippines"),
    ("SD", "fr", "Les FAS ont bombardé mardi des positions ennemies près d'El-Facher, au Soudan, tuant six "
     "combattants.", "Military Forces of Sudan"),
    ("IN", "en", "Border Security Force troops shot dead two militants near Imphal on Tuesday, officials said.",
     "Military Forces of India"),
    ("IN", "en", "Central Reserve Police Force personnel killed three Maoist rebels in a gunfight near Imphal on "
     "Tuesday.", "Police Forces of India"),
    ("PK", "en", "Frontier Corps troops killed four militants in a clash near Peshawar on Tuesday, the army said.",
     "Military Forces of Pakistan"),
]
CASES = [(c.code, *case) for c in COUNTRIES for case in _cases(c)] + [
    (cc, "force_name", lang, text, a1, ANY) for cc, lang, text, a1 in FORCES]


def run(text: str, lang: str) -> list[tuple[str, str]]:
    return [(r["actor1"] or "", r["actor2"] or "") for r in records(text, lang, "2024-05-15")]


def _ok(got: str, want) -> bool:
    if want is ANY:
        return True
    wants = want if isinstance(want, tuple) else (want,)
    got = name_norm(got)
    # a state force may carry its unit ('Military Forces of Russia (2000-) Air Force', ACLED's air units)
    return any(got == name_norm(w) or (w.startswith(("Military", "Police")) and got.startswith(name_norm(w) + " "))
               for w in wants)


def verdict(events: list[tuple[str, str]], a1, a2) -> str:
    """'' when an event carries both expected actors, else the kind of failure."""
    if not events:
        return "no event"
    if any(_ok(g1, a1) and _ok(g2, a2) for g1, g2 in events):
        return ""
    if any(_ok(g1, a1) for g1, _ in events):
        return "actor2"
    if any(_ok(g2, a2) for _, g2 in events):
        return "actor1"
    return "both"


@pytest.mark.parametrize("code,kind,lang,text,a1,a2", CASES,
                         ids=[f"{k}-{lg}-{cc}" for cc, k, lg, *_ in CASES])
def test_actor_grid(code, kind, lang, text, a1, a2):
    got = run(text, lang)
    assert verdict(got, a1, a2) == "", (text, got, a1, a2)


if __name__ == "__main__":   # failures by kind, language and country
    def _results():
        for code, kind, lang, text, a1, a2 in CASES:
            got = run(text, lang)
            v = verdict(got, a1, a2)
            yield code, kind, lang, v, f"FAIL {code} {kind} {lang} [{v}]: {text}\n    got {got}  want {a1!r} / {a2!r}"
    print_report(_results())
