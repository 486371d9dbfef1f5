"""A region named as such ("dans la région de Mopti", "in the Gao region", "la province de Kirkouk") is the
admin1 area (geo precision 3), not the town of the same name, unless a finer place of the incident is named.
A bare name ("à Tombouctou") or a town named as such ("la ville de Gao") stays the town.
Every sentence here was written for these tests (issue #10)."""
from __future__ import annotations

import pytest

from eventwire.model import Document
from eventwire.pipeline import extract_document


def place(text: str, lang: str):
    evs = extract_document(Document("t", text, published="2025-03-12", language=lang)).events
    assert evs, text
    return evs[0].place.value


REGIONS = [
    ("fr", "Des hommes armés ont attaqué mardi un poste de l'armée dans la région de Tombouctou, tuant trois "
           "soldats, selon une source sécuritaire.", "Mali", "Tombouctou"),
    ("fr", "Des jihadistes ont tué cinq civils lundi dans la région de Mopti, selon des sources locales.",
     "Mali", "Mopti"),
    ("fr", "Des hommes armés ont tué six civils mardi dans la région de Gao, selon les autorités.", "Mali", "Gao"),
    ("fr", "Des hommes armés ont tué six villageois dimanche dans la région de Tillabéri, a indiqué le "
           "gouvernement.", "Niger", "Tillaberi"),
    ("fr", "Des hommes armés ont tué six civils mardi dans la région de Diffa, selon les autorités.",
     "Niger", "Diffa"),
    ("fr", "Des assaillants ont tué quatre gendarmes jeudi dans la province de Kirkouk, selon la police.",
     "Iraq", "Kirkuk"),
    # already read as the area before issue #10: kept that way
    ("fr", "Des hommes armés ont enlevé dix élèves mardi dans l'État de Kaduna, a annoncé la police.",
     "Nigeria", "Kaduna"),
    ("fr", "Une frappe de drone a tué deux civils dans l'oblast de Kharkiv, a annoncé le gouverneur.",
     "Ukraine", "Kharkiv"),
    ("en", "Gunmen killed five villagers on Tuesday in the Gao region, local officials said.", "Mali", "Gao"),
    ("en", "Gunmen killed five villagers on Tuesday in the region of Mopti, local officials said.", "Mali", "Mopti"),
    ("en", "Militants killed four soldiers on Monday in Borno state, the army said.", "Nigeria", "Borno"),
    ("en", "A roadside bomb killed four soldiers on Monday in Diyala governorate, police said.", "Iraq", "Diyala"),
    ("en", "Russian shelling killed three civilians on Sunday in the Kharkiv region, the governor said.",
     "Ukraine", "Kharkiv"),
]


@pytest.mark.parametrize("lang,text,country,admin1", REGIONS, ids=[f"{r[0]}-{r[3]}-{i}" for i, r in
                                                                   enumerate(REGIONS)])
def test_a_region_named_as_such_is_the_admin1_area(lang, text, country, admin1):
    p = place(text, lang)
    assert (p.country, p.admin1, p.geo_precision) == (country, admin1, 3)


@pytest.mark.parametrize("lang,text,country,town", [
    ("fr", "Des hommes armés ont tué trois civils mardi à Tombouctou, selon des témoins.", "Mali", "Timbuktu"),
    ("fr", "Des hommes armés ont tué trois civils mardi dans la ville de Gao, selon des témoins.", "Mali", "Gao"),
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
