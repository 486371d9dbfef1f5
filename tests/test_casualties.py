"""Fatalities and injuries (eventwire.extract.casualties)."""
from __future__ import annotations

import pytest

from eventwire.extract.casualties import NO_TOLL, casualties, find_counts, parse_number
from eventwire.model import Document

from helpers import records, split_doc as make_doc, tolls as figures


@pytest.mark.parametrize("text,lang,value", [
    ("quatre", "fr", 4), ("vingt-deux", "fr", 22), ("4", "fr", 4), ("2.500", "fr", 2500), ("2,500", "en", 2500),
    ("2 500", "fr", 2500), ("une dizaine", "fr", 10), ("des dizaines", "fr", 12), ("des centaines", "fr", 100),
    ("dozens", "en", 12), ("tens", "en", 10), ("hundreds", "en", 100), ("a dozen", "en", 12),
    ("un", "fr", 1), ("une", "fr", 1), ("a", "en", 1), ("an", "en", 1), ("twenty-one", "en", 21),
    ("plusieurs", "fr", 3), ("several", "en", 3), ("l’un", "fr", 1), ("banane", "fr", None),
])
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == value


def test_killed_and_others_injured_in_one_clause():
    doc = make_doc("Au moins quatre soldats ont été tués et six autres blessés dans l'embuscade.")
    hits = find_counts(doc, 0)
    assert [(h.kind, h.value, h.qualifier) for h in hits] == [("killed", 4, "at least"), ("injured", 6, "exact")]
    killed, injured = casualties(doc, [0])
    assert (killed.value, injured.value) == (4, 6)
    assert killed.evidence[0].text.startswith("Au moins quatre")


@pytest.mark.parametrize("text,lang,expected", [
    ("Deux gendarmes ont été tués par balle.", "fr", (2, 0)),
    ("L'explosion a fait trois morts et une dizaine de blessés.", "fr", (3, 10)),
    ("Un policier a été tué lors de l'assaut.", "fr", (1, 0)),
    ("Les assaillants ont tué deux civils et blessé un enfant.", "fr", (2, 1)),
    ("Des dizaines de personnes ont été tuées.", "fr", (12, 0)),
    ("Entre 10 et 15 villageois ont été tués.", "fr", (10, 0)),
    ("Un garçon de 12 ans a été blessé.", "fr", (0, 1)),
    ("Deux roquettes ont frappé la base, sans faire de blessés.", "fr", (0, 0)),
    ("Three soldiers and two civilians were killed in the blast.", "en", (5, 0)),
    ("Militants ambushed a convoy, killing 15 soldiers and wounding 18 others.", "en", (15, 18)),
    ("A man was shot dead at a checkpoint.", "en", (1, 0)),
    ("Gunmen stormed the office, killing the commander.", "en", (1, 0)),
    ("Between 10 and 15 people were killed.", "en", (10, 0)),
    ("Up to 20 people were injured.", "en", (0, 20)),
    ("Dozens of people were wounded.", "en", (0, 12)),
    ("The bodies of two men were found near the river.", "en", (2, 0)),
    ("Five people were killed or injured.", "en", (0, 0)),
    ("Air strikes hit 4 IS hideouts and killed 6 militants.", "en", (6, 0)),
    ("Des hommes armés ont tué trois villageois et enlevé une dizaine d'autres.", "fr", (3, 0)),
    ("Deux casques bleus ont été tués et un troisième grièvement blessé.", "fr", (2, 1)),
    ("L'armée affirme avoir tué 25 jihadistes.", "fr", (25, 0)),
    ("Plus d'une dizaine de personnes ont été tuées.", "fr", (10, 0)),
    ("Deux drones ont été abattus au-dessus de la ville.", "fr", (0, 0)),
    ("Le drone a été abattu par la défense aérienne.", "fr", (0, 0)),
    ("Le chef du groupe a été tué lors de l'opération.", "fr", (1, 0)),
    ("Two truck drivers died in the ambush.", "en", (2, 0)),
])
def test_counts_in_one_sentence(text, lang, expected):
    assert figures(text, lang) == expected


def test_updated_toll_wins():
    text = ("Trois soldats ont été tués jeudi dans l'attaque. "
            "Le bilan s'est alourdi à cinq morts après que deux blessés ont succombé.")
    killed = casualties(make_doc(text), [0, 1])[0]
    assert killed.value == 5 and killed.reason == "revised toll"
    assert killed.evidence[0].text.endswith("cinq morts")
    assert figures("Four people were killed. The death toll later rose to 9.", "en") == (9, 0)
    assert figures("Un gendarme est mort de ses blessures, portant à trois le nombre de tués.") == (3, 0)


def test_conflicting_totals_keep_the_most_conservative():
    text = "La police fait état de cinq morts. Selon des sources hospitalières, l'attaque a fait huit morts."
    assert figures(text) == (5, 0)


def test_subgroups_are_not_summed_beyond_a_stated_total():
    text = ("Au moins quatre miliciens ont été tués dans la frappe. "
            "Le bilan s'élevait à quatre morts selon le groupe. "
            "Un commandant et l'un de ses gardes ont été tués. "
            "Deux autres membres ont été tués dans la frappe.")
    assert figures(text) == (4, 0)


def test_subgroups_without_a_total_give_the_largest_group():
    text = ("Des roquettes ont visé un véhicule, tuant un commandant et l'un de ses gardes. "
            "Deux autres membres du groupe ont été tués.")
    assert figures(text) == (4, 0)  # the second sentence adds to the first
    assert figures("Trois miliciens ont été tués. Un commandant et l'un de ses gardes ont été tués.") == (3, 0)


def test_counts_of_a_past_incident_are_left_out():
    doc = make_doc("Deux soldats ont été tués jeudi. Le mois dernier, une attaque similaire avait fait dix morts.")
    assert casualties(doc, [0, 1], doc.evidence(0, 4))[0].value == 2


@pytest.mark.parametrize("text,lang,reason", [
    ("L'attaque n'a pas fait de victimes.", "fr", "explicit zero"),
    ("Il n'y a eu aucune victime selon l'armée.", "fr", "explicit zero"),
    ("There were no casualties.", "en", "explicit zero"),
    ("Only material damages occurred.", "en", "explicit zero"),
    ("Casualties unknown.", "en", NO_TOLL),
])
def test_explicit_zero_and_unknown_tolls(text, lang, reason):
    killed, injured = casualties(make_doc(text, lang), [0])
    assert (killed.value, injured.value) == (0, 0)
    assert killed.reason == reason and killed.evidence


def test_zero_for_one_kind_only():
    killed, injured = casualties(make_doc("Deux soldats ont été tués mais aucun blessé n'est à déplorer."), [0])
    assert (killed.value, injured.value) == (2, 0)
    assert injured.reason == "explicit zero"
    killed, _ = casualties(make_doc("No fatalities were reported.", "en"), [0])
    assert killed.value == 0 and killed.reason == "explicit zero"


def test_nothing_said_is_zero_with_a_reason():
    killed, injured = casualties(make_doc("Une roquette est tombée près de l'ambassade."), [0])
    assert (killed.value, injured.value) == (0, 0)
    assert killed.reason == injured.reason == NO_TOLL and killed.evidence == []


def test_negated_deaths_are_not_counted():
    assert figures("Personne n'a été tué dans l'incendie.") == (0, 0)
    assert figures("No one was killed, but two guards were wounded.", "en") == (0, 2)


def test_a_machine_shot_down_is_no_one_killed():
    from eventwire.extract.casualties import find_counts
    from eventwire.model import Document
    fr = ("Un drone chargé d'explosifs qui visait une base près de l'aéroport d'Erbil, dans le nord de l'Irak, "
          "a été abattu mardi, selon la coalition.")
    en = "A drone packed with explosives that targeted a base near the airport, in northern Iraq, was shot down."
    for text, lang in ((fr, "fr"), (en, "en")):
        doc = Document("t", text, language=lang)
        doc.sentences = [(0, len(text))]
        assert [h for h in find_counts(doc, 0) if h.kind == "killed"] == []
    doc = Document("t", "Le chef rebelle a été abattu mardi par les soldats.", language="fr")
    doc.sentences = [(0, len(doc.text))]
    assert [h.value for h in find_counts(doc, 0) if h.kind == "killed"] == [1]


def test_numbers_inside_markup_are_no_toll():
    from eventwire.extract.casualties import find_counts
    from eventwire.model import Document
    text = ("A roadside bomb killed four policemen on Tuesday south of Baghdad <script>alert('x')</script> "
            "<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">more</a>, security sources said.")
    doc = Document("t", text, language="en")
    doc.sentences = [(0, len(text))]
    assert [(h.kind, h.value) for h in find_counts(doc, 0)] == [("killed", 4)]


@pytest.mark.parametrize("text,lang", [
    ("Un drone a frappé jeudi un champ gazier, causant des dégâts limités, mais personne n'avait été blessé.", "fr"),
    ("Une roquette est tombée près du marché; personne n'aurait été blessé, selon la police.", "fr"),
    ("A drone hit a gas field on Thursday, causing limited damage, but no one had been injured.", "en"),
    ("A rocket landed near the market and no one was injured, police said.", "en"),
])
def test_no_one_hurt_in_any_tense_is_an_explicit_zero(text, lang):
    doc = make_doc(text, lang=lang)
    fatalities, injuries = casualties(doc, [0])
    assert (fatalities.value, injuries.value) == (0, 0)
    assert injuries.reason == "explicit zero"


@pytest.mark.parametrize("text,lang,injured", [
    ("« Nous avons deux autres blessés par balle et trois qui ont été touchés par des pierres », a dit le médecin.",
     "fr", 5),
    ("The doctor said about four others who sustained serious gunshot injuries are being treated in hospital.", "en", 4),
])
def test_a_count_taken_up_by_a_relative_pronoun_is_the_subject(text, lang, injured):
    assert casualties(make_doc(text, lang=lang), [0])[1].value == injured


def test_a_person_named_before_who_is_still_one():
    assert casualties(make_doc("The officer who was shot dead had been warned.", lang="en"), [0])[0].value == 1


@pytest.mark.parametrize("text,killed", [
    ("Le préfet a déclaré que les forces ont éliminé trois assaillants et arrêté quatre autres.", 3),
    ("Deux terroristes ont été éliminés lors de l'opération, selon l'armée.", 2),
    ("Le candidat a été éliminé au premier tour.", 0),
])
def test_elimine_is_a_killing(text, killed):
    assert casualties(make_doc(text), [0])[0].value == killed


@pytest.mark.parametrize("text,lang,killed", [
    ("Six membres d'une famille ont été tués mardi dans une frappe à Deir el-Balah, selon les secours, qui font "
     "aussi état de deux autres morts dans un raid ailleurs dans le territoire.", "fr", 6),
    ("Six members of a family were killed on Tuesday in a strike on their house, rescuers said, adding that two "
     "more people died elsewhere in the territory.", "en", 6),
    ("Par ailleurs, deux soldats ont été tués dans l'attaque du camp.", "fr", 2),
])
def test_counts_told_of_another_place_are_not_this_incident(text, lang, killed):
    doc = make_doc(text, lang=lang)
    assert casualties(doc, [0])[0].value == killed


@pytest.mark.parametrize("text,lang,killed", [
    ("Un gendarme a été tué samedi lorsque des hommes armés ont attaqué le poste de Koro. Le commandant a déclaré "
     "que ses forces ont abattu trois assaillants.", "fr", 4),
    ("Two soldiers were killed when militants stormed the checkpoint. The army said troops killed five militants "
     "in the exchange of fire.", "en", 7),
    ("Deux soldats ont été tués samedi. Les deux militaires ont été inhumés lundi.", "fr", 2),
    ("Trois miliciens ont été tués. Un commandant et l'un de ses gardes ont été tués.", "fr", 3),
])
def test_the_dead_of_both_sides_told_apart_add_up(text, lang, killed):
    doc = make_doc(text, lang=lang)
    assert casualties(doc, list(range(len(doc.sentences))))[0].value == killed


@pytest.mark.parametrize("text,fatalities,injuries", [
    ("Une mine a blessé cinq civils lundi près de Kidal.", 0, 5),
    ("Une mine a blessé cinq soldats lundi près de Kidal et tué deux autres.", 2, 5),
    ("Un soldat a été blessé lundi par une mine près de Kidal.", 0, 1),
    ("Un soldat est grièvement blessé après l'explosion d'une mine lundi près de Kidal.", 0, 1),
])
def test_french_active_wounding_is_a_count_of_the_wounded(text: str, fatalities: int, injuries: int) -> None:
    recs = records(text, "fr", "2024-03-12")
    assert [(r["fatalities"], r["injuries"]) for r in recs] == [(fatalities, injuries)]


@pytest.mark.parametrize("text,lang,killed", [
    # a figure of one group of the victims is a part of the toll, not a smaller total
    ("Quatre personnes ont été tuées lundi par une frappe de missile sur le port de Mykolaïv. Le gouverneur a fait "
     "état de deux morts parmi les dockers et de deux passants.", "fr", 4),
    ("Four people were killed on Monday by a missile strike on the port of Mykolaiv. The governor reported two dead "
     "among the dockers and two passers-by.", "en", 4),
])
def test_a_count_of_part_of_the_victims_is_not_a_smaller_total(text, lang, killed):
    doc = make_doc(text, lang=lang)
    assert casualties(doc, list(range(len(doc.sentences))))[0].value == killed


@pytest.mark.parametrize("text,lang,injured", [
    # the wounded of the forces and of the protesters, told by two sides, add up
    ("Six policiers ont été légèrement blessés lors des heurts près de Rennes, selon la préfecture. Les organisateurs "
     "ont fait état d'une dizaine de blessés parmi les manifestants.", "fr", 16),
    ("Six police officers were slightly injured in the clashes near Rennes, the prefecture said. Organisers reported "
     "ten injured among the protesters.", "en", 16),
])
def test_the_wounded_of_forces_and_protesters_add_up(text, lang, injured):
    doc = make_doc(text, lang=lang)
    assert casualties(doc, list(range(len(doc.sentences))))[1].value == injured


def test_neutralise_in_an_army_statement_is_a_killing():
    doc = make_doc("Selon l'armée, une vingtaine de terroristes ont été neutralisés lors de la riposte.")
    assert casualties(doc, [0])[0].value == 20


@pytest.mark.parametrize("text,lang,killed", [
    # a toll said to have risen, far from its toll word, is the revised total (not the first, smaller figure)
    ("Le bilan de l'attaque menée dans la nuit contre le village de Mangina, en territoire de Beni, est passé à "
     "quinze civils tués, selon la société civile, qui avait d'abord fait état de neuf morts.", "fr", 15),
    ("The toll from the overnight attack on the village of Mangina, in Beni territory, has risen to 15 civilians "
     "killed, civil society said, after an earlier count of nine dead.", "en", 15),
])
def test_a_toll_said_to_have_risen_is_the_revised_total(text, lang, killed):
    doc = make_doc(text, lang=lang)
    assert casualties(doc, [0])[0].value == killed
