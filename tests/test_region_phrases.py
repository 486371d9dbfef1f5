"""A region named as such ("dans la région de Mopti", "in the Gao region", "la province de Kirkouk") is the
admin1 area (geo precision 3), not the town of the same name, unless a finer place of the incident is named.
Where the gazetteer knows X only as a town (a French exonym of the town alone: "Zaporijjia", "Kirkouk", "Soumy"),
"la région de X" is the first-level area of which X is the seat when that area bears X's name; else ("le
gouvernorat de Mossoul": Ninewa; "the Douentza region") the area around the town (the town, geo precision 2).
A bare name ("à Tombouctou") or a town named as such ("la ville de Gao") stays the town. A lead telling a toll
over a region that the body tells town by town, each with its own toll, is their summary, not an incident.
Every sentence here was written for these tests (issue #10)."""
from __future__ import annotations

import pytest

from eventwire.model import BACKGROUND

from helpers import extract, with_defaults


extract = with_defaults(extract, published="2025-03-12")


def place(text: str, lang: str):
    evs = extract(text, lang).events
    assert evs, text
    return evs[0].place.value


REGIONS = [
    ("fr", "Des hommes armés ont attaqué mardi un poste de l'armée dans la région de Tombouctou, tuant trois "
           "soldats, selon une source sécuritaire.", "Mali", "Tombouctou"),
    ("fr", "Des jihadistes ont tué cinq civils lundi dans la région de Mopti, selon des sources locales.",
     "Mali", "Mopti"),
    ("fr", "Des hommes armés ont tué six civils mardi dans la région de Gao, selon les autorités.", "Mali", "Gao"),
    ("fr", "Des hommes armés ont tué sept civils mardi dans la région de Kidal, selon des élus.", "Mali", "Kidal"),
    ("fr", "Des hommes armés ont tué six villageois dimanche dans la région de Tillabéri, a indiqué le "
           "gouvernement.", "Niger", "Tillaberi"),
    ("fr", "Des hommes armés ont tué six civils mardi dans la région de Diffa, selon les autorités.",
     "Niger", "Diffa"),
    ("fr", "Des bandits ont tué huit villageois jeudi dans la région de Maradi, selon un élu local.",
     "Niger", "Maradi"),
    # the French name names the town only: the oblast, the governorate of which the town is the seat
    ("fr", "Neuf civils ont été tués mardi par des frappes russes dans la région de Zaporijjia, a annoncé le "
           "gouverneur.", "Ukraine", "Zaporizhia"),
    ("fr", "Des frappes russes ont tué quatre civils samedi dans la région de Soumy, selon le gouverneur.",
     "Ukraine", "Sumy"),
    ("fr", "Des assaillants ont tué quatre gendarmes jeudi dans la province de Kirkouk, selon la police.",
     "Iraq", "Kirkuk"),
    # already read as the area before issue #10: kept that way
    ("fr", "Des hommes armés ont enlevé dix élèves mardi dans l'État de Kaduna, a annoncé la police.",
     "Nigeria", "Kaduna"),
    ("fr", "Une frappe de drone a tué deux civils dans l'oblast de Kharkiv, a annoncé le gouverneur.",
     "Ukraine", "Kharkiv"),
    ("en", "Gunmen killed five villagers on Tuesday in the Gao region, local officials said.", "Mali", "Gao"),
    ("en", "Gunmen killed five villagers on Tuesday in the region of Mopti, local officials said.", "Mali", "Mopti"),
    ("en", "Gunmen killed five villagers on Tuesday in the Timbuktu region, local officials said.", "Mali",
     "Tombouctou"),
    ("en", "Militants killed four soldiers on Monday in Borno state, the army said.", "Nigeria", "Borno"),
    ("en", "A roadside bomb killed four soldiers on Monday in Diyala governorate, police said.", "Iraq", "Diyala"),
    ("en", "Russian shelling killed three civilians on Sunday in the Kharkiv region, the governor said.",
     "Ukraine", "Kharkiv"),
]


@pytest.mark.parametrize("lang,text,country,admin1", REGIONS, ids=[f"{r[0]}-{r[3]}-{i}" for i, r in
                                                                   enumerate(REGIONS)])
def test_a_region_named_as_such_is_the_admin1_area(lang, text, country, admin1):
    p = place(text, lang)
    assert (p.country, p.admin1, p.geo_precision, p.kind) == (country, admin1, 3, "admin1")


@pytest.mark.parametrize("lang,text,country,town,admin1", [
    ("fr", "Des hommes armés ont tué sept civils mardi dans le gouvernorat de Mossoul, selon la police.",
     "Iraq", "Mosul", "Ninewa"),
    ("en", "Gunmen killed seven civilians on Tuesday in the Mosul governorate, police said.", "Iraq", "Mosul",
     "Ninewa"),
    ("en", "Gunmen killed seven civilians on Tuesday in the Douentza region, local officials said.", "Mali",
     "Douentza", "Mopti"),
    ("fr", "Des hommes armés ont tué sept civils mardi dans la région de Douentza, selon des élus locaux.", "Mali",
     "Douentza", "Mopti"),
    ("fr", "Des frappes russes ont tué trois civils lundi dans la région de Bakhmout, selon les autorités.",
     "Ukraine", "Bakhmut", "Donetsk"),
])
def test_a_region_named_after_a_town_that_is_no_such_area_is_the_area_around_the_town(lang, text, country, town,
                                                                                     admin1):
    p = place(text, lang)
    assert (p.country, p.location, p.admin1, p.geo_precision) == (country, town, admin1, 2)


@pytest.mark.parametrize("lang,text,country,town", [
    ("fr", "Des hommes armés ont tué trois civils mardi à Tombouctou, selon des témoins.", "Mali", "Timbuktu"),
    ("fr", "Des hommes armés ont tué trois civils mardi dans la ville de Gao, selon des témoins.", "Mali", "Gao"),
    ("fr", "Des hommes armés ont tué sept villageois mardi dans la ville de Katsina, selon la police.", "Nigeria",
     "Katsina"),
    ("fr", "Un missile russe a tué quatre civils mardi à Zaporijjia, selon le maire.", "Ukraine", "Zaporizhzhya"),
    ("en", "Gunmen killed three civilians on Tuesday in the town of Gao, witnesses said.", "Mali", "Gao"),
    ("en", "Gunmen killed three civilians on Tuesday in Mopti, witnesses said.", "Mali", "Mopti"),
])
def test_a_bare_name_or_a_town_named_as_such_stays_the_town(lang, text, country, town):
    p = place(text, lang)
    assert (p.country, p.location, p.geo_precision) == (country, town, 1)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Des hommes armés ont tué six civils mardi à Douentza, dans la région de Mopti, selon les autorités."),
    ("en", "Gunmen killed six civilians on Tuesday in Douentza, in the Mopti region, officials said."),
])
def test_a_town_named_with_its_region_is_the_place(lang, text):
    p = place(text, lang)
    assert (p.location, p.admin1, p.geo_precision) == ("Douentza", "Mopti", 1)


SUMMARIES = [
    ("fr", "Des hommes armés ont tué onze civils dimanche dans la région de Mopti, selon des élus locaux.\n\n"
           "À Bandiagara, sept personnes ont été abattues sur un marché.\n\n"
           "À Djenné, quatre autres ont été tuées alors qu'elles se rendaient aux champs.",
     [("Bandiagara", 7), ("Djenne", 4)]),
    ("fr", "Des frappes russes ont tué neuf civils mardi dans la région de Soumy, a annoncé le gouverneur.\n\n"
           "À Konotop, six personnes ont été tuées par un missile tombé sur une école.\n\n"
           "À Okhtyrka, trois autres ont été tuées par une frappe de drone sur un immeuble.",
     [("Konotop", 6), ("Okhtyrka", 3)]),
    ("fr", "Des hommes armés ont tué onze villageois dimanche dans l'État de Katsina, selon la police.\n\n"
           "À Funtua, sept personnes ont été abattues sur un marché.\n\n"
           "À Malumfashi, quatre cultivateurs ont été tués alors qu'ils se rendaient aux champs.",
     [("Funtua", 7), ("Malumfashi", 4)]),
    ("en", "Gunmen killed eleven villagers on Sunday in Katsina state, police said.\n\n"
           "In Funtua, seven people were shot dead at a market.\n\n"
           "In Malumfashi, four farmers were killed on their way to the fields.",
     [("Funtua", 7), ("Malumfashi", 4)]),
    ("en", "Russian strikes killed nine civilians on Tuesday in the Donetsk region, the governor said.\n\n"
           "In Kramatorsk, six people were killed when a missile hit a school.\n\n"
           "In Sloviansk, three others were killed when a drone struck an apartment block.",
     [("Kramatorsk", 6), ("Slovyansk", 3)]),
]


@pytest.mark.parametrize("lang,text,towns", SUMMARIES, ids=[f"{s[0]}-{s[2][0][0]}" for s in SUMMARIES])
def test_a_toll_over_a_region_told_town_by_town_is_their_summary(lang, text, towns):
    res = extract(text, lang)
    assert sorted((e.place.value.location, e.fatalities.value) for e in res.events) == sorted(towns)
    assert any(m.kind == BACKGROUND and m.kind_reason.startswith("summary") for m in res.mentions)


@pytest.mark.parametrize("lang,text,admin1", [
    ("fr", "Des hommes armés ont tué onze civils dimanche dans la région de Mopti, selon des élus locaux.\n\n"
           "Les assaillants ont attaqué le village de Sangha, tuant onze personnes, a précisé un élu.", "Mopti"),
    ("en", "Gunmen killed eleven villagers on Sunday in Zamfara state, police said.\n\n"
           "The attackers stormed the village, killing eleven people and burning houses, a local official said.",
     "Zamfara"),
])
def test_one_incident_told_over_a_region_stays_one_event(lang, text, admin1):
    [ev] = extract(text, lang).events
    assert (ev.place.value.admin1, ev.fatalities.value) == (admin1, 11)


@pytest.mark.parametrize("lang,text,country,admin2", [
    ("fr", "Des talibans ont tué sept policiers mardi dans le district de Kandahar, selon la police.", "Afghanistan",
     "Kandahar"),
    ("en", "Gunmen killed seven civilians on Tuesday in the district of Kirkuk, police said.", "Iraq", "Kirkuk"),
])
def test_a_district_named_as_such_is_the_district_not_the_province_of_that_name(lang, text, country, admin2):
    p = place(text, lang)
    assert (p.country, p.kind, p.admin2, p.geo_precision) == (country, "admin2", admin2, 2)
