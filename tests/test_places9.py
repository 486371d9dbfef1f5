"""Places, session 15 (issue #10): "territoire de X" / "X territory" as a district, and an area read only by its
spelling kept to the story's countries. Sentences written by the team (real places, invented incidents)."""
from __future__ import annotations

from helpers import events


def _place(text: str, lang: str):
    [ev] = events(text, lang, "2024-05-15")
    return ev.place.value


def test_territoire_de_x_is_a_district_fr():
    """"à Kanzuli, dans le territoire de Lubero": the village (unknown) at its territory, precision 2."""
    p = _place("Cinq civils ont été tués mardi par des rebelles ADF à Kanzuli, dans le territoire de Lubero, au "
               "Nord-Kivu.", "fr")
    assert (p.location, p.admin1, p.admin2, p.geo_precision) == ("Kanzuli", "Nord-Kivu", "Lubero", 2)


def test_territoire_de_beni_capitalised_is_beni_territory_not_el_beni_fr():
    """"Territoire de Beni" written with a capital: Beni territory (Congo), not a place called 'Territoire' nor the
    Bolivian department El Beni."""
    p = _place("Six civils ont été tués jeudi par des rebelles ADF à Kanzuli, dans le Territoire de Beni.", "fr")
    assert (p.country, p.admin1, p.admin2) == ("Democratic Republic of Congo", "Nord-Kivu", "Beni")


def test_x_territory_is_a_district_en():
    p = _place("ADF rebels killed five civilians in Kanzuli village in Beni territory on Tuesday.", "en")
    assert (p.location, p.admin1, p.admin2) == ("Kanzuli", "Nord-Kivu", "Beni")


def test_an_area_read_by_its_spelling_abroad_is_not_the_story_s_fr():
    """"territoire de Mambasa" (missing from the gazetteer) in a story about Ituri is no Mombasa, Kenya."""
    p = _place("Ituri : cinq civils tués par les ADF\n\nCinq civils ont été tués mardi par des rebelles ADF à Kanzuli, "
               "en territoire de Mambasa, dans l'Ituri. L'armée congolaise a été déployée dans l'Ituri.", "fr")
    assert p.country == "Democratic Republic of Congo"
    assert p.admin1 == "Ituri"


def test_an_area_read_by_its_spelling_alone_tells_no_country_en():
    evs = events("ADF rebels killed five civilians in Kanzuli village in Mambasa territory on Tuesday.", "en",
                 "2024-05-15")
    assert all(ev.place.value is None or ev.place.value.country != "Kenya" for ev in evs)
