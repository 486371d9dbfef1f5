"""Full news pages: what failed on real French and English pages, on articles written for these tests, and the
floors measured on ../shared/real (skipped when it is absent).

Every article here was written for these tests; none is copied from a real page.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import BACKGROUND, EVENT

from helpers import extract, with_defaults

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"


extract = with_defaults(extract, published="2024-08")


# -- values leaking between incidents ---------------------------------------------------------------------------

def test_a_campaign_toll_in_a_later_paragraph_is_not_the_incident_toll():
    text = ("Quatre civils ont été tués mercredi dans une frappe aérienne sur une maison de Rafah, selon la Défense "
            "civile.\n\nL'armée n'a pas fait de commentaire.\n\n"
            "Au total, en dix mois, la campagne militaire a fait plus de 30.000 morts dans le territoire, selon le "
            "ministère de la Santé.")
    [ev] = extract(text, "fr").events
    assert ev.fatalities.value == 4


def test_details_after_an_older_story_belong_to_that_story():
    text = ("Deux policiers ont été blessés jeudi par l'explosion d'une mine près de Tessit, dans le nord du Mali.\n\n"
            "En mars 2021, une attaque contre le camp militaire de la ville avait été repoussée.\n\n"
            "Trente-trois soldats avaient alors péri, selon le gouvernement.")
    evs = extract(text, "fr", "2024-08").events
    assert len(evs) == 1 and evs[0].fatalities.value in (0, None)


def test_this_attack_right_after_an_older_one_is_that_older_one():
    text = ("Three civilians were killed on Tuesday when a drone hit a house in the village of Kafr Nabl, rescuers "
            "said. The army resumed its offensive on the province on 2 March after a month-long truce that followed "
            "the assault on the town of Saraqib in 2020. That attack killed more than 900 people, according to a "
            "monitor.")
    evs = extract(text, "en", "2024-05").events
    assert len(evs) == 1
    assert evs[0].fatalities.value == 3


# -- text that is not news ---------------------------------------------------------------------------------------

def test_an_anniversary_page_exports_nothing():
    text = ("Un an après, les séquelles du massacre du marché de Koula se font toujours sentir.\n\n"
            "Le 12 août 2023, des hommes armés avaient ouvert le feu sur les commerçants.\n\n"
            "Mariam, dont le frère a disparu dans l'attaque, raconte sa peur de retourner au marché.")
    assert extract(text, "fr", "2024-08").events == []


def test_habits_and_general_remarks_beside_the_incident_are_not_incidents():
    text = ("A U.S. airstrike killed two al-Shabaab fighters near the town of Jilib on Monday, the U.S. military "
            "said. The U.S. has dramatically increased airstrikes against the group in recent years. The region has "
            "long been the scene of frequent clashes between the army and the insurgents.")
    evs = extract(text, "en", "2024-03").events
    assert [e.sub_event_type.value for e in evs] == ["Air/drone strike"]


def test_an_agreement_violated_is_no_rape_and_a_battlefield_no_battle():
    text = ("Le régime a violé l'accord de cessez-le-feu signé l'an dernier, a dénoncé l'opposition. "
            "La ville s'est transformée en un véritable champ de bataille médiatique.")
    assert [e.sub_event_type.value for e in extract(text, "fr").events if e.sub_event_type.value in
            ("Sexual violence", "Armed clash")] == []


# -- types and actors ----------------------------------------------------------------------------------------------

def test_an_attack_that_killed_soldiers_is_a_battle_against_the_army():
    text = ("Une attaque de jihadistes a visé lundi un poste de l'armée à Tessit, dans le nord-est du Mali. "
            "On dénombre une dizaine de soldats tués, selon une source sécuritaire.")
    [ev] = extract(text, "fr").events
    assert (ev.event_type.value, ev.sub_event_type.value) == ("Battles", "Armed clash")
    assert ev.actor2.value.name.startswith("Military Forces of Mali")


def test_soldiers_killed_by_a_bomb_are_its_target_not_its_authors():
    text = ("Douze soldats ont été tués mardi par l'explosion d'un engin explosif improvisé au passage de leur "
            "convoi près de Djibo, dans le nord du Burkina Faso, a annoncé l'armée.")
    [ev] = extract(text, "fr", "2024-08").events
    assert ev.sub_event_type.value == "Remote explosive/landmine/IED"
    assert not ev.actor1.value.name.startswith("Military Forces")
    assert ev.actor2.value.name.startswith("Military Forces of Burkina Faso")


def test_generic_rebel_groups_are_not_syrian_outside_syria():
    text = ("Des groupes rebelles se sont emparés samedi de la ville de Rutshuru, dans l'est de la République "
            "démocratique du Congo, après des combats avec l'armée.")
    names = {e.actor1.value.name for e in extract(text, "fr", "2024-08").events if e.actor1.value} | \
        {e.actor2.value.name for e in extract(text, "fr", "2024-08").events if e.actor2.value}
    assert not any("Syria" in n for n in names)


# -- segmentation -------------------------------------------------------------------------------------------------

def test_two_towns_each_with_its_own_toll_are_two_incidents_and_their_summary_none():
    text = ("Neuf civils ont été tués mardi dans des bombardements russes dans la région de Zaporijjia, a annoncé le "
            "gouverneur.\n\nÀ Orikhiv, six personnes ont été tuées par un obus tombé sur un marché.\n\n"
            "À Houliaïpole, trois autres ont été tuées par des tirs d'artillerie sur un immeuble.")
    res = extract(text, "fr", "2024-08")
    assert sorted((e.place.value.location, e.fatalities.value) for e in res.events) == [("Hulyaypole", 3),
                                                                                        ("Orikhiv", 6)]
    assert any(m.kind == BACKGROUND and m.kind_reason.startswith("summary") for m in res.mentions)


# -- dates --------------------------------------------------------------------------------------------------------

def test_a_day_named_with_its_weekday_anchors_other_weekdays():
    text = ("Quinze soldats ont été tués mardi par deux explosions dans le nord du Burkina Faso, a indiqué, mardi "
            "9 août, l'armée dans un communiqué.")
    [ev] = extract(text, "fr", "2022-08").events
    assert (ev.date.value.day.isoformat(), ev.date.value.precision) == ("2022-08-09", 1)
    text = ("The decree was announced on Sunday, December 26. Women protesters were beaten by police in Kabul on "
            "Tuesday, organisers said.")
    [ev] = extract(text, "en", "2021-12").events
    assert (ev.date.value.day.isoformat(), ev.date.value.precision) == ("2021-12-28", 1)


def test_without_such_a_day_the_month_alone_is_given():
    [ev] = extract("Quinze soldats ont été tués mardi par deux explosions dans le nord du Burkina Faso.", "fr",
                   "2022-08").events
    assert ev.date.value.precision == 3


def test_typographic_apostrophes_mark_definite_nouns():
    text = ("Un an après, le traumatisme du massacre de Koula reste vif.\n\n"
            "Aïcha, dont le père a disparu dans l’attaque, raconte sa peur.")
    res = extract(text, "fr", "2024-08")
    assert res.events == []
    assert all(m.kind != EVENT for m in res.mentions)
    assert any(m.kind == BACKGROUND for m in res.mentions)


# -- floors on ../shared/real --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_scores(benchmark_module) -> dict[str, dict]:
    if not REAL.is_dir():
        pytest.skip("../shared/real is not present")
    accuracy = benchmark_module("accuracy")
    return accuracy.run_real(errors=False)


# Measured at the last change; the floors sit a little below so that a regression fails (see README).
FLOORS = {"fr/all": 0.80, "en/all": 0.84, "fr/untouched": 0.55, "en/untouched": 0.72}   # measured: .804 .847 .550 .736 (session 12)


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_real_pages_floor(part: str, real_scores: dict[str, dict]) -> None:
    assert real_scores[part]["slot_f1"] >= FLOORS[part]


def test_real_pages_spurious_share_does_not_grow(real_scores: dict[str, dict]) -> None:
    for lang, ceiling in (("fr", 0.08), ("en", 0.08)):   # measured: 6 of 104, 2 of 34 (session 12)
        res = real_scores[f"{lang}/all"]
        exported = res["events_matched"] + res["events_spurious"]
        assert res["events_spurious"] / exported <= ceiling


# -- single news snippets: one incident or none --------------------------------------------------------------------

SNIPPETS = [
    ("Gunmen killed five villagers in an overnight raid on a village in Zamfara state, police said on Monday.",
     "Attack"),
    ("Israeli warplanes struck a house in Rafah on Tuesday, killing six people, medics said.", "Air/drone strike"),
    ("Police fired tear gas to disperse hundreds of protesters in Dhaka on Sunday.", "Protest with intervention"),
    ("A roadside bomb hit a military convoy near Gao on Wednesday, killing three soldiers.",
     "Remote explosive/landmine/IED"),
    ("Troops clashed with al-Shabaab fighters near Jowhar on Thursday, leaving 12 militants dead.", "Armed clash"),
    ("Armed men kidnapped 20 students from a school in Kaduna state on Monday.", "Abduction/forced disappearance"),
    ("Police arrested 15 opposition activists in Kampala on Wednesday.", "Arrests"),
    ("The foreign ministers of France and Germany met in Berlin on Tuesday to discuss trade.", None),
    ("An earthquake of magnitude 6.1 struck eastern Turkey on Monday, killing 12 people.", None),
    ("Floods swept through villages in northern Nigeria, killing 30 people, officials said.", None),
    ("A bus crash on a mountain road in Peru killed 25 passengers on Saturday.", None),
    ("A man was arrested in London on suspicion of fraud after a bank reported missing funds.", None),
    ("Real Madrid beat Barcelona 3-1 on Sunday to go top of the league.", None),
    ("The army said it was ready to strike back if attacked.", None),
    ("Un séisme de magnitude 6 a fait au moins quinze morts dans l'est de la Turquie lundi.", None),
    ("Un accident de car a fait vingt morts samedi sur une route de montagne au Pérou.", None),
]


# figurative senses, accidents and possibilities written for the typing audit (session 6)
MORE_SNIPPETS = [
    ("en", "The coach was fired on Monday after the team's fifth straight defeat.", None),
    ("en", "The opposition launched a fierce attack on the budget in parliament on Tuesday.", None),
    ("en", "The company is locked in a legal battle with regulators over its merger.", None),
    ("en", "The defence ministry announced on Tuesday that it would buy 20 new fighter jets.", None),
    ("en", "The film was a box-office bomb, earning just $2 million in its opening weekend.", None),
    ("en", "A fire at a market in Lagos destroyed 200 shops on Sunday, officials said.", None),
    ("en", "Two people died when a gas tanker exploded on a highway near Kano on Monday.", None),
    ("en", "A gas cylinder exploded in a restaurant in Karachi on Monday, killing four people.", None),
    ("en", "The UN warned on Tuesday that fighting could spread to Darfur's main cities.", None),
    ("en", "Two opposition parties merged on Tuesday to form a new coalition.", None),
    ("en", "A bomb exploded in a restaurant in Karachi on Monday, killing four people.",
     "Remote explosive/landmine/IED"),
    ("en", "Arsonists set fire to a mosque in Sweden on Friday, police said.", "Looting/property destruction"),
    ("en", "Gunfire could be heard across the capital on Monday night as soldiers and rebels fought near the "
           "airport.", "Armed clash"),
    ("fr", "L'opposition a lancé une violente attaque contre le budget à l'Assemblée mardi.", None),
    ("fr", "La société est engagée dans une bataille judiciaire avec le régulateur.", None),
    ("fr", "Un incendie a ravagé le grand marché de Bouaké dimanche, détruisant 300 boutiques.", None),
    ("fr", "Un camion-citerne a explosé sur une route près de Kano lundi, faisant deux morts.", None),
    ("fr", "Le ministère de la Défense a annoncé mardi l'achat de vingt avions de chasse.", None),
    ("fr", "Les avions de chasse seront livrés à l'Égypte l'an prochain.", None),
    ("fr", "Les rebelles ont menacé d'attaquer la capitale si les pourparlers échouaient.", None),
    ("fr", "Les combats pourraient s'étendre aux provinces voisines, a averti l'ONU.", None),
    ("fr", "Deux partis d'opposition ont fusionné mardi pour former une nouvelle coalition.", None),
    ("fr", "Le Parlement a été dissous lundi en vue d'élections anticipées.", None),
    ("en", "Parliament was dissolved on Monday ahead of early elections.", None),
    ("en", "The health ministry said 20 people had been killed in the strikes on Monday.", "Air/drone strike"),
    ("en", "Dockworkers went on strike on Monday; no one was injured.", "Peaceful protest"),
    ("en", "Residents set fire to a police station in Kalehe on Tuesday after the death of a motorcycle taxi driver "
           "killed by a police officer.", "Mob violence"),
    ("fr", "Des habitants ont incendié le commissariat de Kalehe mardi après la mort d'un taxi-moto tué par un "
           "policier.", "Mob violence"),
    ("fr", "Une bombe a explosé dans un restaurant de Mogadiscio lundi, faisant quatre morts.",
     "Remote explosive/landmine/IED"),
    ("fr", "Des inconnus ont mis le feu à une mosquée vendredi à Lyon, selon la police.",
     "Looting/property destruction"),
    ("fr", "Des centaines de personnes se sont rassemblées vendredi à Bamako en soutien aux autorités de "
           "transition.", "Peaceful protest"),
]


@pytest.mark.parametrize("lang,text,sub", MORE_SNIPPETS)
def test_figurative_senses_accidents_and_possibilities(lang: str, text: str, sub: str | None) -> None:
    got = [e.sub_event_type.value for e in extract(text, lang, "2024-05-15").events]
    assert got == ([sub] if sub else [])


@pytest.mark.parametrize("text,sub", SNIPPETS)
def test_news_snippets_are_typed_or_left_alone(text: str, sub: str | None) -> None:
    lang = "fr" if " de " in text and " the " not in text else "en"
    got = [e.sub_event_type.value for e in extract(text, lang, "2024-05-15").events]
    assert got == ([sub] if sub else [])


def test_a_protest_about_an_accident_is_still_a_protest():
    text = "Relatives of two youths killed in a road accident staged a protest in Gurdaspur on Monday."
    assert [e.event_type.value for e in extract(text, "en", "2024-05-15").events] == ["Protests"]


def test_unnamed_clashes_in_a_protest_article_are_the_protest():
    text = ("De premiers heurts ont éclaté ce 4 février à Dakar.\n\nLes gendarmes ont dispersé à coups de gaz "
            "lacrymogènes des centaines de personnes venues manifester contre le report de l'élection, avant "
            "d'essuyer des jets de pierres.")
    evs = extract(text, "fr", "2024-02").events
    assert [e.event_type.value for e in evs] == ["Riots"]


def test_a_line_that_is_only_a_web_address_is_clutter():
    from eventwire.ingest.clean import is_clutter
    assert is_clutter("https://example.org/2021/10/03/burkina-faso-frappes-aeriennes-1051966642.html")
    assert not is_clutter("Le communiqué est en ligne sur https://example.org, précise l'armée.")


def test_demonstrations_in_other_towns_are_events_of_their_own():
    text = ("La police kényane a dispersé mercredi à coups de gaz lacrymogène des manifestants de l'opposition à "
            "Kisumu, dans l'ouest du pays.\n\nLa police a également fait usage de gaz lacrymogène pour disperser des "
            "manifestants dans la ville portuaire de Mombasa, selon des images de la télévision.")
    evs = extract(text, "fr", "2023-07").events
    assert sorted(e.place.value.location for e in evs) == ["Kisumu", "Mombasa"]


def test_another_attack_of_the_same_kind_is_another_incident():
    text = ("Des hommes armés ont attaqué vendredi soir un poste de contrôle des forces kurdes près de Hajine, dans "
            "l'est de la Syrie.\n\nSelon la même source, une autre attaque à la mitrailleuse a visé un poste près de "
            "Boukamal, sans faire de victimes.")
    assert len(extract(text, "fr", "2024-02").events) == 2
    text = ("Gunmen attacked an army checkpoint near Baiji on Friday, killing two soldiers. Another attack hit a "
            "police post near Tikrit on the same night, officials said.")
    assert len(extract(text, "en", "2024-02").events) == 2


# -- session 4: rules measured on real pages, tested on articles written here ------------------------------------

def test_a_total_over_a_period_is_no_incident_of_its_own():
    fr = ("Samedi, huit personnes ont été tuées par balles devant un restaurant de Culiacán, selon le parquet.\n\n"
          "Au total, en deux semaines, environ 90 personnes ont été tuées dans l'État, selon un décompte de presse.")
    [ev] = extract(fr, "fr", "2024-09").events
    assert ev.fatalities.value == 8
    en = ("Gunmen shot dead six people outside a bar in Culiacan on Saturday, prosecutors said. In total, over the "
          "past two weeks, some 90 people have been killed in the state, according to a press tally.")
    [ev] = extract(en, "en", "2024-09").events
    assert ev.fatalities.value == 6


def test_an_earlier_incident_named_as_such_is_background():
    text = ("Un détenu a été tué et deux blessés mardi lors d'affrontements entre gangs dans la prison de Guayaquil, "
            "selon l'administration pénitentiaire.\n\n"
            "Un précédent massacre le 3 octobre avait fait 14 morts dans cette prison.\n\n"
            "Deux jours plus tôt, des affrontements dans une autre prison avaient fait neuf morts.")
    evs = extract(text, "fr", "2024-10").events
    assert len(evs) == 1 and evs[0].fatalities.value == 1


def test_talks_and_announced_truces_are_no_agreement_but_a_signed_one_is():
    talks = ("Les deux parties se sont montrées disposées à décréter une nouvelle trêve. La trêve précédente a été "
             "gelée par le président après une série d'attaques.")
    assert [e for e in extract(talks, "fr").events if e.sub_event_type.value == "Agreement"] == []
    signed = "Le gouvernement et la guérilla ont signé vendredi à La Havane un accord de cessez-le-feu de six mois."
    assert [e.sub_event_type.value for e in extract(signed, "fr").events] == ["Agreement"]
    en_talks = "Mediators called for a ceasefire in Gaza as talks on a truce resumed in Cairo on Monday."
    assert [e for e in extract(en_talks, "en").events if e.sub_event_type.value == "Agreement"] == []
    en_signed = "The government and the rebels signed a ceasefire agreement in Doha on Friday."
    assert [e.sub_event_type.value for e in extract(en_signed, "en").events] == ["Agreement"]


def test_protesters_killed_by_the_police_is_excessive_force():
    text = ("La police a dispersé samedi une manifestation de l'opposition à Mandalay. Trois manifestants sont morts "
            "et plusieurs ont été blessés, selon des témoins.")
    [ev] = extract(text, "fr", "2021-03").events
    assert ev.sub_event_type.value == "Excessive force against protesters"
    assert ev.fatalities.value == 3


def test_a_police_unit_called_a_corps_is_no_dead_body():
    text = ("La police a dispersé mardi une manifestation de l'opposition à Caracas. Un député a été arrêté par un "
            "corps controversé de la police quelques heures plus tard.")
    assert all(not e.fatalities.value for e in extract(text, "fr", "2020-03").events)


def test_an_arrest_has_only_the_toll_its_own_sentences_tell():
    text = ("Huit personnes ont été arrêtées mercredi à Nouméa, dont le chef du mouvement, a annoncé le parquet.\n\n"
            "Neuf personnes ont été tuées et des centaines blessées depuis le début des émeutes.")
    evs = [e for e in extract(text, "fr", "2024-06").events if e.sub_event_type.value == "Arrests"]
    assert len(evs) == 1 and not evs[0].fatalities.value


def test_a_drone_shot_down_far_from_its_verb_is_disrupted_weapons_use():
    text = ("Un drone chargé d'explosifs qui visait les forces américaines dans une base située près de l'aéroport "
            "d'Erbil, dans la région du Kurdistan, a été abattu mardi, selon la coalition.")
    assert [e.sub_event_type.value for e in extract(text, "fr", "2024-01").events] == ["Disrupted weapons use"]


def test_forces_deployed_as_a_backdrop_and_a_prison_retaken_are_no_events():
    text = ("Les magasins ont rouvert à Imphal alors même que les forces de sécurité étaient déployées dans les rues. "
            "La police, qui a repris le contrôle de la prison quelques heures plus tard, a saisi des téléphones.")
    assert [e.sub_event_type.value for e in extract(text, "fr", "2023-05").events
            if e.sub_event_type.value in ("Change to group/activity", "Government regains territory")] == []


def test_a_weekday_after_the_dated_one_is_the_day_before_not_the_next_week():
    text = ("Quinze soldats ont été tués mardi 9 août par deux engins explosifs dans le nord du Burkina Faso.\n\n"
            "Lundi, au moins dix civils ont été tués lors d'une autre attaque de jihadistes près de Djibo.")
    days = sorted(e.date.value.day.isoformat() for e in extract(text, "fr", "2022-08").events)
    assert "2022-08-15" not in days and days[-1] == "2022-08-09"


def test_a_groups_attacks_in_general_are_no_incident():
    text = ("A drone struck a cargo ship off Hodeidah on Tuesday, the navy said. The group's leader said it was "
            "limiting its strikes to vessels linked to its enemies.")
    assert len(extract(text, "en", "2023-12").events) == 1
    fr = ("Un drone a frappé mardi un cargo au large de Hodeïda, selon la marine. Le chef du groupe a assuré que "
          "celui-ci limitait ses frappes aux navires de ses ennemis.")
    assert len(extract(fr, "fr", "2023-12").events) == 1


def test_what_happened_years_ago_in_a_quote_is_background():
    text = ("N'Djamena commémore les victimes du terrorisme.\n\n"
            "« Quand ils sont venus, il y a près de quatre ans, dans notre village, ils ont tué nos proches et brûlé "
            "nos maisons », raconte Fatimé.")
    assert extract(text, "fr", "2023-08").events == []


def test_the_first_deadly_clashes_since_is_the_incident_told():
    text = ("Des affrontements entre tribus bédouines et combattants druzes à Soueïda ont fait 30 morts dimanche, "
            "selon une ONG. Il s'agit des premiers affrontements meurtriers entre les deux communautés depuis avril.")
    assert len(extract(text, "fr", "2025-07").events) == 1


def test_a_second_strike_with_no_place_or_toll_of_its_own_is_the_same_raid():
    text = ("At least nine people were killed on Tuesday in drone strikes on the town of Kidal, the mayor said. "
            "Residents said the first strike hit a camp. A second strike hit near a market.")
    assert len(extract(text, "en", "2023-11").events) == 1


def test_a_list_of_places_is_a_list_of_incidents():
    text = ("Police continued to arrest campus protesters this week, with at least 90 more demonstrators taken into "
            "custody since Monday. Here is where the latest arrests were made:\n"
            "-- In Austin, 40 protesters were arrested at the University of Texas on Monday.\n"
            "-- At Tulane University in New Orleans, police arrested 12 protesters who had set up tents on Monday.\n"
            "-- In Richmond, Virginia, officers broke up a protest with pepper spray on Tuesday.")
    places = {e.place.value.location for e in extract(text, "en", "2024-04").events if e.place.value}
    assert {"Austin", "New Orleans", "Richmond"} <= places


def test_tear_gas_fired_at_protesters_is_no_lethal_force():
    text = "Samedi à Kisumu, les policiers ont tiré des gaz lacrymogènes sur des manifestants de l'opposition."
    [ev] = extract(text, "fr", "2023-07").events
    assert ev.sub_event_type.value == "Protest with intervention"


def test_a_series_of_rockets_is_one_barrage_but_a_series_of_bombings_is_many():
    fr = ("Trois personnes ont été blessées à Kiryat Shmona après une série de roquettes tirées depuis le Liban, "
          "selon les secours.")
    [ev] = extract(fr, "fr", "2024-08").events
    assert ev.injuries.value == 3
    en = "Two people were wounded in Sderot by a series of rockets fired from Gaza, medics said."
    [ev] = extract(en, "en", "2024-08").events
    assert ev.injuries.value == 2
    many = "La trêve avait été gelée après une série d'attentats à l'explosif qui ont tué huit policiers."
    assert extract(many, "fr", "2018-02").events == []


def test_protesters_who_were_injured_did_not_riot():
    en = ("Two women demonstrators were injured and 11 journalists were arrested in a protest in Kabul on Tuesday, "
          "the organisers said.")
    [ev] = extract(en, "en", "2021-12").events
    assert ev.event_type.value == "Protests"
    fr = "Des manifestants ont été blessés mardi à Kaboul lors d'un rassemblement de femmes dispersé par la police."
    [ev] = extract(fr, "fr", "2021-12").events
    assert ev.event_type.value == "Protests"


def test_a_killing_beside_an_arrest_is_the_incident_but_an_arrest_for_a_killing_is_an_arrest():
    en = "Troops arrested a bandit and killed three others in Maru on Saturday, the army said."
    [ev] = extract(en, "en", "2023-04").events
    assert ev.sub_event_type.value == "Armed clash"
    fr = "Les soldats ont arrêté un bandit et tué trois autres samedi près de Maru, selon l'armée."
    [ev] = extract(fr, "fr", "2023-04").events
    assert ev.sub_event_type.value == "Armed clash"
    crime = "Police arrested two men on Saturday in Kano on suspicion of killing a trader."
    assert [e.sub_event_type.value for e in extract(crime, "en", "2023-04").events] == ["Arrests"]


def test_attacks_coordinated_with_a_habit_and_what_they_did_next_in_an_old_story_are_not_news():
    fr = ("Un attentat a tué trois soldats lundi à Kirkouk, selon la police. L'EI n'en continue pas moins à mener "
          "des attaques et à perpétrer des attentats à Bagdad comme dans d'autres parties du pays.")
    assert len(extract(fr, "fr", "2018-02").events) == 1
    old = ("Le Tchad commémore les victimes du terrorisme. « En 2019, Boko Haram a attaqué notre village. Ils ont "
           "enlevé nos enfants et nos femmes », raconte Achta.")
    assert extract(old, "fr", "2023-08").events == []
    en = ("Gunmen killed two farmers in Kaura on Monday, police said. In 2019, bandits attacked the same village. "
          "They abducted 30 women.")
    assert len(extract(en, "en", "2023-08").events) == 1


def test_a_dateline_dash_is_no_apposition():
    text = ("KABUL (AP) — An airstrike on a market in the eastern province of Kunar killed at least nine people on "
            "Sunday, a provincial spokesman said.")
    [ev] = extract(text, "en", "2024-03").events
    assert ev.fatalities.value == 9


def test_fireworks_mortars_at_a_protest_are_a_riot_not_shelling():
    fr = ("Des centaines d'agriculteurs ont manifesté lundi à Lyon devant la préfecture. Les feux d'artifice et les "
          "tirs de mortier se sont succédé pendant une heure, et des manifestants ont mis le feu à des palettes; la "
          "police a répliqué avec des gaz lacrymogènes.")
    en = ("Hundreds of farmers protested in Lyon on Monday outside the prefecture. Demonstrators fired fireworks and "
          "mortars at police lines for an hour, and officers responded with tear gas.")
    for text, lang in ((fr, "fr"), (en, "en")):
        evs = extract(text, lang).events
        assert [e.sub_event_type.value for e in evs] == ["Violent demonstration"], lang
    shelling = extract("Des tirs de mortier ont visé lundi un camp militaire près de Gao, faisant deux morts.", "fr")
    assert [e.sub_event_type.value for e in shelling.events] == ["Shelling/artillery/missile attack"]


def test_what_a_leader_promises_in_reply_is_no_incident():
    en = ('"Any attack on our ports will be met with a similar attack," the rebel leader said in a speech on '
          'Thursday. "We will make their warships a target for our missiles, drones and boats," he added. Western '
          "officials said they were considering responding to the raids on shipping, including a strike on the "
          "port. It follows a slew of attacks against tankers in the gulf.")
    assert extract(en, "en").events == []
    fr = ("« Toute agression contre nos ports sera accueillie par une riposte », a déclaré jeudi le chef rebelle. "
          "« Nous ferons de leurs navires une cible pour nos missiles et nos drones », a-t-il ajouté.")
    assert extract(fr, "fr").events == []
    real = extract("Rebels attacked a tanker with drones off the port of Hodeidah on Thursday, the navy said.", "en")
    assert [e.sub_event_type.value for e in real.events] == ["Air/drone strike"]


def test_a_commemoration_that_only_names_an_old_explosion_exports_nothing():
    fr = ("Dimanche soir, une stèle a été dévoilée près de la gare de Tolbrac, en mémoire de chaque victime de "
          "l'explosion. Les familles demandent que les responsables de cette explosion soient jugés. Le 14 mars 2019, "
          "une bombe avait explosé dans le hall de la gare, tuant 31 personnes.")
    en = ("On Sunday evening a memorial was unveiled near Tolbrac station, one name for each victim of the bombing. "
          "Families want those behind the bombing to stand trial. On 14 March 2019 a bomb exploded in the station "
          "hall, killing 31 people.")
    assert extract(fr, "fr", "2024-03").events == []
    assert extract(en, "en", "2024-03").events == []
    news = ("Dimanche soir, une bombe a explosé près de la gare de Tolbrac, tuant deux personnes. Les responsables de "
            "l'explosion n'ont pas été identifiés. Le 14 mars 2019, une bombe avait explosé dans le hall de la gare.")
    assert len(extract(news, "fr", "2024-03").events) == 1


def test_a_sentence_opening_on_another_place_opens_another_incident():
    fr = ("Des hommes armés ont tué six villageois lundi à Kaura Namoda, dans l'Etat de Zamfara, selon la police. "
          "Les assaillants sont arrivés à moto. Dans la localité de Birnin Magaji, dans l'Etat de Zamfara, des "
          "hommes armés ont tué quatre agriculteurs le même jour.")
    en = ("Gunmen killed six villagers in Kaura Namoda, Zamfara State, on Monday, police said. The attackers came "
          "on motorcycles. In the town of Birnin Magaji, in Zamfara State, gunmen killed four farmers the same day.")
    for text, lang in ((fr, "fr"), (en, "en")):
        evs = extract(text, lang).events
        assert sorted(e.fatalities.value for e in evs) == [4, 6], lang
    same = ("Des hommes armés ont tué six villageois lundi à Kaura Namoda, dans l'Etat de Zamfara, selon la police. "
            "À Kaura Namoda, les assaillants ont aussi incendié des maisons.")
    assert len(extract(same, "fr").events) == 1


def test_the_second_attack_is_another_incident_and_burnt_houses_are_what_it_did():
    fr = ("La première attaque, qui a eu lieu jeudi à Kasindi, a fait au moins huit morts, selon un responsable "
          "local. La deuxième attaque a été commise vendredi matin à Lume, à une dizaine de kilomètres, et a fait "
          "trois morts. Plusieurs personnes sont par ailleurs portées disparues, des maisons ont été incendiées et "
          "des boutiques pillées.")
    evs = extract(fr, "fr").events
    assert sorted(e.fatalities.value for e in evs) == [3, 8]
    assert {e.sub_event_type.value for e in evs} == {"Attack"}
    en = ("The first attack, on Thursday in Kasindi, killed at least eight people, a local official said. The second "
          "attack took place on Friday morning in Lume, about ten kilometres away, and killed three.")
    assert sorted(e.fatalities.value for e in extract(en, "en").events) == [3, 8]


def test_arrests_told_after_an_attack_are_an_incident_of_their_own():
    fr = ("Des hommes armés ont attaqué mardi le village de Kpana, dans le nord du Bénin, incendiant des maisons, "
          "selon des témoins. Quatre habitants ont été blessés. La police a déclaré avoir arrêté trois suspects "
          "mercredi à Kandi.")
    en = ("Gunmen attacked the village of Kpana in northern Benin on Tuesday, torching houses, witnesses said. Four "
          "residents were wounded. Police said they arrested three suspects in Kandi on Wednesday.")
    for text, lang in ((fr, "fr"), (en, "en")):
        subs = sorted(e.sub_event_type.value for e in extract(text, lang).events)
        assert subs == ["Arrests", "Attack"], lang
    protest = ("Des centaines de manifestants ont défilé samedi à Rennes contre la réforme. La police a interpellé "
               "douze personnes.")
    assert [e.sub_event_type.value for e in extract(protest, "fr").events] == ["Protest with intervention"]


def test_troops_who_neutralised_bandits_and_arrested_one_fought_them():
    en = "Troops neutralized two bandits, arrested one, while others fled, the army said on Saturday."
    fr = "Les soldats ont neutralisé deux bandits, arrêté un troisième, a indiqué l'armée samedi."
    for text, lang in ((en, "en"), (fr, "fr")):
        assert [e.sub_event_type.value for e in extract(text, lang).events] == ["Armed clash"], lang


def test_civilians_killed_and_police_attacked_in_other_sentences_are_two_incidents():
    fr = ("Samedi, cinq civils ont été tués par balles devant un marché de Culiacán, selon la presse "
          "locale. Dans l'après-midi, des agents de la police municipale ont été agressés par des civils armés, a "
          "rapporté le gouverneur.")
    en = ("On Saturday five civilians were killed outside a market in Culiacan, local media said. In the "
          "afternoon, municipal police officers were attacked by armed men, the governor said.")
    for text, lang in ((fr, "fr"), (en, "en")):
        subs = sorted(e.sub_event_type.value for e in extract(text, lang).events)
        assert subs == ["Armed clash", "Attack"], lang


def test_violence_at_one_campus_does_not_leak_into_the_next_towns_protest():
    en = ("At State University in Richmond, officers broke up a protest with pepper spray on Monday. Officials said "
          "protesters threw objects at officers before 13 people were arrested. In Austin, 79 people were arrested "
          "at the University of Texas during protests on Monday.")
    subs = [e.sub_event_type.value for e in sorted(extract(en, "en").events, key=lambda e: e.sentence)]
    assert subs == ["Violent demonstration", "Protest with intervention"]
    fr = ("À Lyon, la police a dispersé lundi une manifestation d'étudiants. Des manifestants ont jeté des pierres "
          "sur les policiers. À Grenoble, douze étudiants ont été interpellés lors d'une manifestation lundi.")
    subs = [e.sub_event_type.value for e in sorted(extract(fr, "fr").events, key=lambda e: e.sentence)]
    assert subs == ["Violent demonstration", "Protest with intervention"]


def test_agents_killed_in_an_ambush_are_police_officers():
    fr = ("Des membres d'un gang ont tendu une embuscade dimanche à un blindé de la police à Delmas. Les trois agents "
          "tués appartenaient à l'unité anti-gang.")
    [ev] = extract(fr, "fr").events
    assert ev.sub_event_type.value == "Armed clash"
    assert ev.actor2.value is not None and ev.actor2.value.name.startswith("Police Forces of Haiti")


def test_forces_firing_on_a_crowd_is_excessive_force_and_a_total_of_the_towns_is_no_incident():
    fr = ("Six personnes ont été tuées par les forces de sécurité en Birmanie depuis vendredi soir, selon des médias. "
          "Les forces de l'ordre ont tiré sur la foule à Rangoun dans la nuit de vendredi à samedi, faisant deux "
          "morts. À Mandalay, trois manifestants sont morts lorsque la police a ouvert le feu contre un sit-in. Une "
          "personne a été tuée à Pyay lors d'une manifestation.")
    evs = extract(fr, "fr", "2021-03").events
    assert sorted(e.fatalities.value for e in evs) == [1, 2, 3]
    assert {e.event_type.value for e in evs} == {"Protests"}
    en = "Security forces opened fire on protesters in Mandalay on Saturday, killing three, witnesses said."
    assert [e.sub_event_type.value for e in extract(en, "en", "2021-03").events] == ["Excessive force against protesters"]
    gunmen = "Gunmen opened fire on a crowd at a market in Kano on Saturday, killing three people."
    assert [e.sub_event_type.value for e in extract(gunmen, "en", "2021-03").events] == ["Attack"]


def test_the_police_who_report_are_not_the_target_and_a_siege_total_is_not_the_toll():
    en = "Gunmen killed five villagers in Zamfara on Tuesday, police said."
    fr = "Des hommes armés ont tué cinq villageois mardi à Zamfara, a indiqué la police."
    for text, lang in ((en, "en"), (fr, "fr")):
        assert [e.sub_event_type.value for e in extract(text, lang).events] == ["Attack"], lang
    siege = ("Fighting erupted between the army and the RSF in El Fasher on Wednesday, residents said. The RSF has "
             "besieged the city since May, and the UN says more than 700 people have been killed there.")
    [ev] = extract(siege, "en").events
    assert ev.fatalities.value != 700


def test_other_weekdays_left_unanchored_still_tell_incidents_apart():
    fr = ("Une frappe aérienne a tué huit civils mardi à Kafr Nabl. Mercredi, des tirs d'artillerie ont visé la "
          "ville de Saraqeb, faisant trois morts.")
    en = ("An airstrike killed eight civilians in Kafr Nabl on Tuesday. On Wednesday, shelling hit the town of "
          "Saraqib, killing three.")
    for text, lang in ((fr, "fr"), (en, "en")):
        evs = extract(text, lang, "2024-06").events   # the month alone: the weekdays stay unresolved
        assert sorted(e.fatalities.value for e in evs) == [3, 8], lang
    same = ("Une frappe aérienne a tué huit civils mardi soir à Kafr Nabl. Mercredi, une autre personne blessée "
            "dans la frappe est morte à l'hôpital.")
    assert len(extract(same, "fr", "2024-06").events) == 1


def test_a_compound_word_is_never_cut_into_two_sentences():
    from eventwire.nlp.pipeline import _rejoin
    text = "Un camion-citerne a explosé."
    assert _rejoin(text, [(0, 9), (9, len(text))]) == [(0, len(text))]
    text = "Il est parti. - Ensuite, rien."
    assert _rejoin(text, [(0, 13), (14, len(text))]) == [(0, 13), (14, len(text))]


# articles with no new incident (written for the not-news audit, session 6)
NO_NEWS = [
    ("en", "Gaza: Hamas and Israel agree to talks on new truce\n\nHamas and Israel have agreed to resume indirect talks "
           "in Cairo next week on a new ceasefire, Egyptian officials said on Tuesday. Previous truces collapsed "
           "within days. The war has killed more than 30,000 people in Gaza, according to the territory's health "
           "ministry."),
    ("en", "Funerals held for victims of Kabul school bombing\n\nThousands of mourners gathered in Kabul on Monday "
           "for the funerals of 20 students killed in last week's suicide bombing at a school. The Islamic State "
           "group claimed the attack."),
    ("fr", "Sahel : pourquoi les groupes jihadistes gagnent du terrain\n\nDepuis 2012, les violences jihadistes ont "
           "fait des milliers de morts au Mali, au Burkina Faso et au Niger. Les attaques contre les civils se sont "
           "multipliées ces dernières années, selon les chercheurs."),
    ("fr", "Soudan : l'armée et les FSR acceptent de reprendre les pourparlers\n\nL'armée soudanaise et les Forces de "
           "soutien rapide ont accepté mardi de reprendre les pourparlers à Djeddah. La guerre a fait des dizaines de "
           "milliers de morts depuis avril 2023."),
    ("fr", "Des milliers de personnes se sont rassemblées lundi à Bamako pour les funérailles de dix soldats tués la "
           "semaine dernière dans une embuscade."),
]


@pytest.mark.parametrize("lang,text", NO_NEWS)
def test_articles_without_a_new_incident_export_nothing(lang: str, text: str) -> None:
    assert extract(text, lang, "2024-03-12").events == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "Nigeria : des bandits enlèvent 30 élèves, l'armée riposte\n\nDes bandits ont enlevé trente élèves d'une "
           "école de Kuriga, dans l'État de Kaduna, jeudi matin. Le lendemain, l'armée a tué douze bandits lors "
           "d'affrontements dans la forêt de Birnin Gwari."),
    ("en", "Nigeria: bandits kidnap 30 pupils, army hits back\n\nBandits abducted thirty pupils from a school in "
           "Kuriga, Kaduna state, on Thursday morning. The next day, the army killed twelve bandits in clashes in the "
           "Birnin Gwari forest."),
])
def test_an_undated_headline_does_not_make_the_body_incidents_older(lang: str, text: str) -> None:
    from eventwire.export import event_record
    recs = [event_record(e) for e in extract(text, lang, "2024-03-12").events]
    assert [(r["event_date"], r["sub_event_type"]) for r in recs] == [
        ("2024-03-07", "Abduction/forced disappearance"), ("2024-03-08", "Armed clash")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Burkina : deux attaques jihadistes font quinze morts dans le Nord\n\nQuinze personnes ont été tuées "
           "dimanche dans deux attaques distinctes dans le nord du Burkina Faso, a-t-on appris lundi de sources "
           "sécuritaires.\n\nÀ Arbinda, des hommes armés ont tué dix civils sur un marché. Plus au sud, près de Kaya, "
           "une patrouille de l'armée est tombée dans une embuscade, faisant cinq morts parmi les soldats."),
    ("en", "Burkina Faso: two jihadist attacks kill 15 in the north\n\nFifteen people were killed on Sunday in two "
           "separate attacks in northern Burkina Faso, security sources said on Monday.\n\nIn Arbinda, gunmen killed "
           "ten civilians at a market. Further south, near Kaya, an army patrol was ambushed, leaving five soldiers "
           "dead."),
])
def test_the_total_of_several_incidents_is_none_of_theirs(lang: str, text: str) -> None:
    from eventwire.export import event_record
    recs = [event_record(e) for e in extract(text, lang, "2024-03-12").events]
    assert sorted((r["location"], r["fatalities"]) for r in recs) == [("Aribinda", 10), ("Kaya", 5)]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Des bandits ont enlevé trente élèves d'une école de Kuriga, dans l'État de Kaduna, jeudi matin. Le "
           "lendemain, l'armée a tué douze bandits lors d'une opération dans la forêt de Birnin Gwari."),
    ("en", "Bandits abducted thirty pupils from a school in Kuriga, Kaduna state, on Thursday morning. The next day, "
           "the army killed twelve bandits during an operation in the nearby Birnin Gwari forest."),
])
def test_a_killing_by_its_own_agent_on_a_later_day_is_another_incident(lang: str, text: str) -> None:
    from eventwire.export import event_record
    recs = [event_record(e) for e in extract(text, lang, "2024-03-12").events]
    assert [(r["event_date"], r["sub_event_type"]) for r in recs] == [
        ("2024-03-07", "Abduction/forced disappearance"), ("2024-03-08", "Armed clash")]
