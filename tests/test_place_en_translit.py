"""English copy spells towns by other transliterations than GeoNames (Ukrainian national system without soft signs,
BGN-style forms elsewhere): the geocoder finds them under their gazetteer spelling in the story's countries
(geo/locate.py: _variant_spelling, data/geo/transliteration.yaml), and keeps its safeguards against look-alikes that
are other towns. Every sentence here was written for these tests."""
from __future__ import annotations

from eventwire.geo import get_gazetteer
from eventwire.geo.locate import _common_word

from helpers import events

def place(text: str, lang: str = "en", dateline: str = ""):
    evs = events(text, lang, "2025-05-20", dateline=dateline)
    assert evs, "no event"
    return evs[0].place.value


def test_ukrainian_national_transliteration_huliaipole():
    p = place("Russian artillery shelled the centre of Huliaipole on Monday, killing two civilians, the governor "
              "of Ukraine's Zaporizhzhia region said.")
    assert p.location == "Hulyaypole" and p.admin1 == "Zaporizhia"


def test_ukrainian_town_of_a_common_name_is_the_big_one_kostiantynivka():
    p = place("A Russian missile struck a crowded market in Kostiantynivka on Wednesday, killing 16 people and "
              "wounding dozens, Ukrainian officials said. Ukraine's president condemned the attack.")
    assert p.location == "Kostyantynivka" and p.admin1 == "Donetsk"


def test_syrian_town_spelt_the_english_way_saraqeb():
    p = place("Government warplanes carried out air strikes near Saraqeb on Sunday, killing three civilians in "
              "Syria's northwestern Idlib province, a war monitor said.")
    assert p.location == "Saraqib" and p.admin1 == "Idleb"


def test_sudanese_town_spelt_the_english_way_wad_madani():
    p = place("The paramilitary Rapid Support Forces clashed with the army in Wad Madani on Friday, residents "
              "said, as thousands fled the fighting in Sudan.")
    assert p.location == "Wad Medani" and p.admin1 == "Al Jazirah"


def test_afghan_town_spelt_the_english_way_sheberghan():
    p = place("A roadside bomb killed four Taliban fighters near Sheberghan on Thursday, a spokesman for the "
              "governor of Afghanistan's northern Jowzjan province said.")
    assert p.location == "Shibirghan" and p.admin1 == "Jowzjan"


def test_burmese_aspirate_ph_is_p_kyaukphyu():
    # a rewrite of data/geo/transliteration.yaml: the skeleton reads ph as f
    p = place("The Arakan Army attacked junta positions near Kyaukphyu in Myanmar's Rakhine state on Tuesday, "
              "killing several soldiers, the group said.")
    assert p.location == "Kyaukpyu" and p.admin1 == "Rakhine"


def test_sudanese_g_is_j_before_a_front_vowel_zalingei():
    p = place("Fighters of the Rapid Support Forces attacked the army garrison in Zalingei on Saturday, witnesses "
              "in western Sudan said.")
    assert p.location == "Zalinjay" and p.admin1 == "Central Darfur"


# safeguards: each of these fails when the safeguard named is taken out of _look_alikes / _variant_spelling

def test_a_name_with_letters_added_is_another_town_baghdadi():
    p = place("Gunmen attacked an army checkpoint near Baghdadi in Iraq's western Anbar province on Monday, "
              "killing two soldiers, police said.")
    assert p.location != "Baghdad" and p.admin1 == "Al Anbar"


def test_s_is_not_sh_in_english_copy_saqlawiya():
    p = place("A roadside bomb killed three policemen near Saqlawiya in Iraq's Anbar province on Tuesday, "
              "security sources said.")
    assert p.admin1 == "Al Anbar"


def test_a_word_also_written_in_lower_case_is_a_common_word():
    text = "Protesters marched toward Harbour, the police said, and blocked the harbour road."
    assert _common_word("Harbour", text)
    assert not _common_word("Saraqeb", "Air strikes hit Saraqeb on Sunday.")


def test_french_copy_keeps_its_mute_e():
    # the letters-added safeguard is for English copy only: French writes Afrin "Afrine"
    p = place("Des frappes turques ont tué trois civils près d'Afrine, dans le nord de la Syrie, a indiqué "
              "une ONG.", lang="fr")
    assert p.location.lstrip("'") == "Afrin" and p.admin1 == "Aleppo"


def test_english_names_benchmark_floor(benchmark_module):
    total, ok, _, _ = benchmark_module("english_names").measure(get_gazetteer())
    assert total >= 60
    assert ok / total >= 0.95   # 0.858 before English copy had variant spellings


def test_a_look_alike_far_from_the_reference_point_is_another_town():
    # "Aynata, near Bint Jbeil" is not the Ainata of the Bekaa, 100 km north
    p = place("An Israeli drone struck a car in the town of Aynata, near Bint Jbeil, in southern Lebanon on "
              "Monday evening, killing one man, the health ministry said.")
    assert p.admin1 == "Al Nabatieh"
