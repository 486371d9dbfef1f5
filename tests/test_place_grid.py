"""Place grid (issue #10): where an incident happened, told the ways news copy tells it ("à Bagdad", "près de
Kirkouk", "dans la province de Kirkouk", "à 30 km au nord de Kirkouk"; "in Baghdad", "near Kirkuk", ...), for every
country of the real pages, in French (with French exonyms) and English, through the whole pipeline with the
built-in gazetteer only. Each case checks the country, the admin1 as ACLED writes it and, where a town is named,
the location. The sentences are written by the team from templates.

Run ``python tests/test_place_grid.py`` for the failures counted by kind and country.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from grid_countries import COUNTRIES, Country, admin_norm, de, print_report  # noqa: E402

from helpers import events  # noqa: E402


def _cases(c: Country):
    """(kind, lang, text, admin1, location or None) for one country."""
    cap_fr, cap_en, cap_adm = c.capital
    town_fr, town_en, town_adm = c.city
    area_fr, area_en = c.area
    yield ("capital", "fr", f"Une explosion a tué trois personnes mardi à {cap_fr}, a indiqué la police.",
           cap_adm, (cap_fr, cap_en))
    yield ("capital", "en", f"An explosion killed three people in {cap_en} on Tuesday, police said.",
           cap_adm, (cap_fr, cap_en))
    yield ("near_town", "fr", f"Des hommes armés ont tué cinq villageois mardi près {de(town_fr)}, {c.fr_in}.",
           town_adm, (town_fr, town_en))
    yield ("near_town", "en", f"Gunmen killed five villagers near {town_en} on Tuesday, local officials said.",
           town_adm, (town_fr, town_en))
    yield ("admin1", "fr", f"Des hommes armés ont tué cinq villageois mardi {area_fr}, ont indiqué des sources "
           f"locales.", town_adm, None)
    yield ("admin1", "en", f"Gunmen killed five villagers {area_en} on Tuesday, local sources said.", town_adm, None)
    yield ("distance", "fr", f"Des hommes armés ont tué cinq villageois mardi à une trentaine de kilomètres au "
           f"nord {de(town_fr)}.", town_adm, None)
    yield ("distance", "en", f"Gunmen killed five villagers about 30 km north of {town_en} on Tuesday.",
           town_adm, None)


CASES = [(c.code, c.name, *case) for c in COUNTRIES for case in _cases(c)]


def run(text: str, lang: str) -> list[tuple[str, str, str]]:
    out = []
    for ev in events(text, lang, "2024-05-15"):
        p = ev.place.value
        out.append((p.country, p.admin1, p.location) if p is not None else ("", "", ""))
    return out


def verdict(events, country: str, admin1: str, location) -> str:
    """'' when an event has the expected country, admin1 and location, else what is wrong."""
    if not events:
        return "no event"
    worst = "country"
    for got_c, got_a, got_l in events:
        if got_c != country:
            continue
        if admin_norm(got_a) != admin_norm(admin1):
            worst = "admin1"
            continue
        if location and admin_norm(got_l) not in {admin_norm(x) for x in location}:
            worst = "location" if worst != "admin1" else worst
            continue
        return ""
    return worst


# known failures, kept visible (xfail) rather than dropped from the grid:
KNOWN = {
    # ACLED's admin1 in Uganda is the district (Kasese, Kampala); the built-in gazetteer's level 1 is the region
    **{("UG", k, lg): "Uganda's admin1 is the district" for k in ("capital", "near_town", "admin1", "distance")
       for lg in ("fr", "en")},
    # a region name several countries share, told without its country: nothing says which
    ("RW", "admin1", "fr"): "ambiguous area name", ("RW", "admin1", "en"): "ambiguous area name",
    ("TG", "admin1", "fr"): "ambiguous area name", ("TG", "admin1", "en"): "ambiguous area name",
    # 'Sistan-Baloutchistan' as an exonym split a real page's arrest from its attack (tried and reverted)
    ("IR", "admin1", "fr"): "province name unknown", ("IR", "admin1", "en"): "province name unknown",
    # exonyms apply in both languages: a French 'Mexico' (the city) would turn every English 'Mexico' into the city
    ("MX", "capital", "fr"): "'Mexico' is the city in French only",
    # a Philippine province (ACLED admin2) named alone: read as another place
    ("PH", "admin1", "fr"): "province read as another place", ("PH", "admin1", "en"): "province read as another place",
    ("EG", "distance", "fr"): "elided 'd'Al-Arich' without the country",
}


@pytest.mark.parametrize("code,country,kind,lang,text,admin1,location", CASES,
                         ids=[f"{k}-{lg}-{cc}" for cc, _, k, lg, *_ in CASES])
def test_place_grid(code, country, kind, lang, text, admin1, location):
    if (code, kind, lang) in KNOWN:
        pytest.xfail(KNOWN[(code, kind, lang)])
    got = run(text, lang)
    assert verdict(got, country, admin1, location) == "", (text, got, country, admin1, location)


if __name__ == "__main__":   # failures by kind, language and country
    def _results():
        for code, country, kind, lang, text, admin1, location in CASES:
            got = run(text, lang)
            v = verdict(got, country, admin1, location)
            yield code, kind, lang, v, (f"FAIL {code} {kind} {lang} [{v}]: {text}\n    got {got}  want {country} / "
                                        f"{admin1} / {location}")
    print_report(_results())
