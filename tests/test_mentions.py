"""find_mentions: incident tellings found, typed (6 types / 25 sub-types) and told apart by kind.

Every sentence here was written for these tests.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract.mentions import find_mentions
from eventwire.model import AGGREGATE, BACKGROUND, EVENT, NOT_EVENT, SUB_TO_TYPE, Document
from eventwire.nlp.pipeline import analyse

from helpers import events, with_defaults

SHARED = Path(__file__).resolve().parents[2] / "shared"


def mentions(text: str, lang: str, published: str = "2024-03"):
    return find_mentions(Document("t", text, published=published, language=lang))


def first_event(text: str, lang: str):
    evs = [m for m in mentions(text, lang) if m.kind == EVENT]
    assert evs, f"no event mention in: {text}"
    return evs[0]


FR_TYPED = [
    # Battles
    ("De violents combats ont opposé lundi l'armée à des rebelles près de Beni.", "Armed clash"),
    ("Des jihadistes ont attaqué un poste de gendarmerie dans la nuit de mardi, et les gendarmes ont riposté.",
     "Armed clash"),
    ("Une patrouille militaire est tombée dans une embuscade tendue par des combattants islamistes.",
     "Armed clash"),
    ("L'armée a repris le contrôle de la localité après deux jours d'affrontements.",
     "Government regains territory"),
    ("Les insurgés se sont emparés du chef-lieu du district après de violents combats.",
     "Non-state actor overtakes territory"),
    ("Les rebelles sont entrés sans combat dans la ville et en ont pris le contrôle après le retrait de l'armée.",
     "Non-violent transfer of territory"),
    # Explosions / remote violence
    ("Une frappe aérienne a touché mercredi un entrepôt d'armes à l'est de la ville.", "Air/drone strike"),
    ("Un drone armé a visé un véhicule sur la route de l'aéroport, tuant deux passagers.", "Air/drone strike"),
    ("Des obus de mortier sont tombés sur un quartier résidentiel, blessant cinq personnes.",
     "Shelling/artillery/missile attack"),
    ("Trois roquettes ont été tirées vers une base militaire sans faire de victimes.",
     "Shelling/artillery/missile attack"),
    ("Un engin explosif improvisé a explosé au passage d'un camion de l'armée.", "Remote explosive/landmine/IED"),
    ("Une voiture piégée a explosé devant un hôtel du centre-ville.", "Remote explosive/landmine/IED"),
    ("Un kamikaze s'est fait exploser à l'entrée d'un marché, tuant douze personnes.", "Suicide bomb"),
    ("Une grenade a été lancée contre la maison d'un élu local.", "Grenade"),
    ("Des habitants ont été intoxiqués lors d'une attaque au chlore contre le quartier.", "Chemical weapon"),
    # Violence against civilians
    ("Des hommes armés ont tué sept villageois dans une attaque nocturne.", "Attack"),
    ("Un commerçant a été abattu par des inconnus devant sa boutique.", "Attack"),
    ("Des bandits ont enlevé quinze passagers d'un car sur la route nationale.", "Abduction/forced disappearance"),
    ("Un prêtre a été kidnappé dimanche par des hommes armés.", "Abduction/forced disappearance"),
    ("Deux femmes ont été violées par des miliciens près du camp de déplacés.", "Sexual violence"),
    # Protests
    ("Des milliers de personnes ont manifesté samedi contre la vie chère.", "Peaceful protest"),
    ("Les enseignants sont en grève depuis lundi pour réclamer des hausses de salaire.", "Peaceful protest"),
    ("Des chauffeurs routiers ont bloqué l'autoroute pour dénoncer la hausse du gazole.", "Peaceful protest"),
    ("La police a dispersé à coups de gaz lacrymogène un rassemblement d'étudiants.", "Protest with intervention"),
    ("Des manifestants ont été interpellés lors d'une marche interdite dans la capitale.",
     "Protest with intervention"),
    ("Les forces de sécurité ont tiré à balles réelles sur des manifestants pacifiques, tuant trois personnes.",
     "Excessive force against protesters"),
    # Riots
    ("Des manifestants ont incendié des pneus et jeté des pierres sur les policiers.", "Violent demonstration"),
    ("Des émeutiers ont saccagé la mairie pour protester contre le résultat de l'élection.",
     "Violent demonstration"),
    ("Un voleur présumé a été lynché par une foule en colère sur le marché.", "Mob violence"),
    ("Des villageois ont battu à mort un homme accusé de sorcellerie.", "Mob violence"),
    # Strategic developments
    ("La police a arrêté trois membres présumés d'une cellule jihadiste.", "Arrests"),
    ("Des hommes armés ont pillé le centre de santé et incendié plusieurs maisons.",
     "Looting/property destruction"),
    ("La défense aérienne a intercepté deux missiles au-dessus de la capitale.", "Disrupted weapons use"),
    ("Les démineurs ont désamorcé une bombe placée sous un pont.", "Disrupted weapons use"),
    ("Le gouvernement et les rebelles ont signé un accord de cessez-le-feu.", "Agreement"),
    ("L'armée a déployé des renforts dans la région après les violences.", "Change to group/activity"),
    ("Les rebelles ont installé leur quartier général dans l'ancienne préfecture.",
     "Headquarters or base established"),
]

EN_TYPED = [
    ("Government troops clashed with rebels near the border town on Monday.", "Armed clash"),
    ("Militants ambushed an army patrol, sparking a two-hour firefight.", "Armed clash"),
    ("The army recaptured the town from the insurgents after heavy fighting.", "Government regains territory"),
    ("Rebels seized the district capital after routing government troops.", "Non-state actor overtakes territory"),
    ("Warplanes struck a weapons depot east of the city on Wednesday.", "Air/drone strike"),
    ("A drone strike killed two commanders of the armed group.", "Air/drone strike"),
    ("Rockets slammed into a residential district, wounding five people.", "Shelling/artillery/missile attack"),
    ("Mortar rounds landed near the airport overnight.", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded as an army truck drove past.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint, killing six.", "Suicide bomb"),
    ("Unknown assailants threw a grenade at a bar downtown.", "Grenade"),
    ("Gunmen killed seven villagers in an overnight raid.", "Attack"),
    ("Kidnappers abducted a businessman from his home.", "Abduction/forced disappearance"),
    ("A woman was raped by soldiers at a checkpoint.", "Sexual violence"),
    ("Thousands of people marched through the capital against the new tax.", "Peaceful protest"),
    ("Police fired tear gas to disperse students rallying outside the ministry.", "Protest with intervention"),
    ("Security forces opened fire on peaceful protesters, killing four people.",
     "Excessive force against protesters"),
    ("Protesters torched a police station and threw stones at officers.", "Violent demonstration"),
    ("A mob lynched a man accused of stealing a goat.", "Mob violence"),
    ("Police arrested five suspected members of a smuggling ring.", "Arrests"),
    ("Militiamen looted shops and set fire to houses in the village.", "Looting/property destruction"),
    ("Air defences intercepted three drones over the capital.", "Disrupted weapons use"),
    ("The two sides signed a ceasefire agreement in the capital.", "Agreement"),
    ("The army deployed reinforcements to the restive province.", "Change to group/activity"),
]


@pytest.mark.parametrize("text,sub", FR_TYPED)
def test_french_sentences_are_typed(text, sub):
    m = first_event(text, "fr")
    assert m.sub_event_type.value == sub
    assert m.event_type.value == SUB_TO_TYPE[sub]


@pytest.mark.parametrize("text,sub", EN_TYPED)
def test_english_sentences_are_typed(text, sub):
    m = first_event(text, "en")
    assert m.sub_event_type.value == sub
    assert m.event_type.value == SUB_TO_TYPE[sub]


def test_every_event_type_is_covered_in_both_languages():
    for cases in (FR_TYPED, EN_TYPED):
        assert {SUB_TO_TYPE[sub] for _, sub in cases} == set(SUB_TO_TYPE.values())


def test_trigger_evidence_and_reason():
    doc = Document("d1", "Une frappe de drone a tué deux combattants jeudi à Gao.", language="fr")
    [m] = find_mentions(doc)
    assert m.trigger.text == doc.text[m.trigger.start:m.trigger.end] == "frappe de drone"
    assert m.trigger.sentence == m.sentence == 0
    assert m.sub_event_type.reason.startswith("rule: ")
    assert m.event_type.evidence == [m.trigger]
    assert m.id == "d1:m0"
    assert not m.date and not m.place and not m.actor1 and not m.fatalities


def test_intercepted_drone_is_disrupted_but_a_drone_falling_inside_a_base_is_a_strike():
    assert first_event("Les deux drones ont été interceptés par la défense aérienne avant d'atteindre la base.",
                       "fr").sub_event_type.value == "Disrupted weapons use"
    assert first_event("Un drone est tombé à l'intérieur du camp militaire, sans faire de dégâts.",
                       "fr").sub_event_type.value == "Air/drone strike"
    assert first_event("One drone was shot down and another crashed inside the base, damaging a hangar.",
                       "en").sub_event_type.value == "Air/drone strike"


def test_rockets_and_mortars_are_shelling_and_aircraft_are_air_strikes():
    assert first_event("Des tirs de mortier ont visé le camp.", "fr").sub_event_type.value == \
        "Shelling/artillery/missile attack"
    assert first_event("Des hélicoptères de combat ont bombardé le village.", "fr").sub_event_type.value == \
        "Air/drone strike"


def test_protest_details_in_the_next_sentence_upgrade_the_protest():
    text = ("Quelque 2.000 personnes ont défilé dimanche dans le centre de la ville contre la réforme. "
            "La police a dispersé le cortège à coups de gaz lacrymogène et interpellé une dizaine de personnes.")
    evs = [m for m in mentions(text, "fr") if m.kind == EVENT]
    assert evs[0].sub_event_type.value == "Protest with intervention"
    assert all(m.sub_event_type.value == "Protest with intervention" for m in evs)
    assert all(m.kind_reason == "anaphoric" for m in evs[1:])


# -- kinds ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("Le groupe a menacé de frapper les bases américaines.", "fr"),
    ("Nous riposterons à toute nouvelle agression, a déclaré le commandant.", "fr"),
    ("The militia threatened to attack foreign troops in the region.", "en"),
    ("The rebels vowed to launch new attacks on the capital.", "en"),
    ("Les syndicats appellent à manifester jeudi devant le ministère.", "fr"),
    ("The army said it would answer any attack on its bases.", "en"),
])
def test_threats_calls_and_future_are_not_events(text, lang):
    ms = mentions(text, lang)
    assert ms and all(m.kind == NOT_EVENT for m in ms)


@pytest.mark.parametrize("text,lang", [
    ("Le ministère a affirmé qu'aucune attaque n'avait eu lieu dans la ville.", "fr"),
    ("Les rebelles n'ont pas attaqué le camp, selon un porte-parole.", "fr"),
    ("Officials said no attack took place at the base on Sunday.", "en"),
    ("The army denied that any airstrike had hit the village.", "en"),
])
def test_denials_are_not_events(text, lang):
    ms = mentions(text, lang)
    assert ms and all(m.kind == NOT_EVENT for m in ms)


@pytest.mark.parametrize("text,lang", [
    ("La base a été visée par cinq attaques depuis mercredi.", "fr"),
    ("Il s'agit de la troisième attaque en une semaine contre ce convoi.", "fr"),
    ("Les troupes ont été prises pour cible plus de cinquante fois depuis octobre.", "fr"),
    ("It was the fifth attack in four days on foreign forces in the country.", "en"),
    ("More than 60 attacks have targeted the bases since October.", "en"),
    ("The camp has come under a series of drone attacks.", "en"),
])
def test_counts_of_incidents_are_aggregates(text, lang):
    ms = mentions(text, lang)
    assert ms and all(m.kind == AGGREGATE for m in ms)


@pytest.mark.parametrize("text,lang", [
    ("Le mois dernier, des avions de combat avaient bombardé le même village.", "fr"),
    ("Le groupe s'était emparé de la ville en 2014 avant d'en être chassé.", "fr"),
    ("Last month, militants attacked a police station in the same district.", "en"),
    ("The group previously kidnapped two engineers in the area.", "en"),
])
def test_past_context_is_background(text, lang):
    ms = mentions(text, lang)
    assert ms and all(m.kind == BACKGROUND for m in ms)


def test_a_series_is_aggregate_unless_the_day_is_told():
    assert [m.kind for m in mentions("The camp has come under a series of drone attacks.", "en")] == [AGGREGATE]
    ms = mentions("Une série de frappes aériennes a visé samedi des positions rebelles.", "fr")
    assert [m.kind for m in ms] == [EVENT]


def test_main_clause_pluperfect_is_background_but_reported_speech_is_not():
    assert [m.kind for m in mentions("Washington avait riposté par des frappes aériennes.", "fr")] == [BACKGROUND]
    ms = mentions("Des témoins ont déclaré que des roquettes avaient visé un camion.", "fr")
    assert [m.kind for m in ms] == [EVENT]


def test_casualty_sentences_after_an_event_are_its_details():
    text = "Des jihadistes ont attaqué un poste militaire mardi. Quatre soldats ont été blessés."
    ms = [m for m in mentions(text, "fr") if m.kind == EVENT]
    assert [m.kind_reason for m in ms] == ["", "anaphoric"]
    assert ms[1].sub_event_type.value == ms[0].sub_event_type.value == "Armed clash"


def test_apposition_and_cause_are_background_beside_the_new_event():
    text = ("Une frappe aérienne a visé jeudi un dépôt de munitions, en représailles à une attaque de drone "
            "contre une base.")
    kinds = [(m.trigger.text, m.kind) for m in mentions(text, "fr")]
    assert kinds == [("frappe aérienne", EVENT), ("attaque de drone", BACKGROUND)]
    ms = mentions("Les manifestants soutenaient le Liban, cible d'une attaque meurtrière menée en juin.", "fr")
    assert [m.kind for m in ms if "attaque" in m.trigger.text] == [BACKGROUND]
    ms = mentions("Protesters backed the town, the target of a deadly air raid in June, and marched.", "en")
    assert [m.kind for m in ms if "air raid" in m.trigger.text] == [BACKGROUND]


def test_anaphoric_mentions_refer_back_with_the_type_of_the_incident():
    text = ("Une attaque de drone a visé vendredi un camp militaire dans le nord du pays. "
            "L'attaque a fait deux blessés. L'engin a été lancé depuis le sud, selon l'armée.")
    ms = [m for m in mentions(text, "fr") if m.kind == EVENT]
    assert [m.kind_reason for m in ms] == ["", "anaphoric", "anaphoric"]
    assert {m.sub_event_type.value for m in ms} == {"Air/drone strike"}
    text = "An airstrike hit a fuel depot on Friday. The strike destroyed three tankers."
    ms = [m for m in mentions(text, "en") if m.kind == EVENT]
    assert [m.kind_reason for m in ms] == ["", "anaphoric"]
    assert ms[1].sub_event_type.value == "Air/drone strike"


def test_generic_words_without_antecedent_are_not_mentions():
    assert mentions("L'incident a provoqué un vif débat au Parlement.", "fr") == []


def test_statements_give_no_event():
    text = ("Le ministre des Affaires étrangères a appelé au calme. "
            "Les élections sont prévues en décembre, selon la commission électorale.")
    assert [m for m in mentions(text, "fr") if m.kind == EVENT] == []


def test_a_parsed_document_is_not_parsed_again(monkeypatch):
    """find_mentions reuses the parse it is given (speed is measured in benchmarks, not asserted here)."""
    import eventwire.extract.mentions as mentions_module

    sentences = [s for s, _ in FR_TYPED[:20]]
    doc = Document("speed", " ".join(sentences * 2), language="fr")
    sdoc = analyse(doc)

    def no_parse(*args, **kwargs):
        raise AssertionError("the document was parsed again")
    monkeypatch.setattr(mentions_module, "analyse", no_parse)
    assert find_mentions(doc, sdoc)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared/ not present")
def test_sample_articles_keep_background_and_aggregates_out():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        doc = Document(path.stem, path.read_text(encoding="utf-8"), published=gold[path.stem]["published"],
                       language="fr")
        ms = find_mentions(doc)
        events = [m for m in ms if m.kind == EVENT]
        assert events and events[0].sub_event_type.value == gold[path.stem]["events"][0]["sub_event_type"]
        assert sum(m.kind in (BACKGROUND, AGGREGATE) for m in ms) >= len(gold[path.stem]["background"]) - 1


def test_place_depuis_is_no_count_of_incidents():
    m = first_event("Deux roquettes tirées mardi depuis le sud du Liban ont été interceptées.", "fr")
    assert m.sub_event_type.value == "Disrupted weapons use"


def test_pluperfect_with_the_day_told_is_a_recent_incident():
    ms = mentions("La veille, mercredi, des avions de chasse avaient abattu deux drones au-dessus du golfe.", "fr")
    assert [m.kind for m in ms] == [EVENT]


def test_negotiated_withdrawal_is_not_an_event():
    ms = mentions("Les deux gouvernements négocient un calendrier de retrait des troupes étrangères.", "fr")
    assert all(m.kind != EVENT for m in ms)


def test_accusation_about_another_matter_is_background():
    text = ("An air strike killed a militia commander in Tyre on Monday. "
            "The army said the commander was accused of directing rocket attacks on border towns.")
    ms = mentions(text, "en")
    assert [m.kind for m in ms if m.sentence == 1] == [BACKGROUND]


def test_transitive_gathering_is_no_protest():
    m = first_event("Les assaillants ont rassemblé les hommes du village avant de les tuer.", "fr")
    assert m.event_type.value != "Protests"


def test_entering_without_a_fight_is_a_non_violent_transfer():
    m = first_event("Les rebelles sont entrés sans combattre dans la ville après le départ de l'armée.", "fr")
    assert m.sub_event_type.value == "Non-violent transfer of territory"
    m = first_event("Militants entered the town without a fight after the troops left on Monday.", "en")
    assert m.sub_event_type.value == "Non-violent transfer of territory"


def test_a_guessed_headline_type_yields_to_the_sentence_that_tells_it():
    """A bare 'Embuscade' headline is guessed an attack on civilians; the body says soldiers fell into it."""
    text = ("Embuscade près de Téra : douze militaires tués\n\nDouze militaires nigériens sont tombés jeudi dans une "
            "embuscade tendue par des terroristes près de Téra.")
    evs = [m for m in mentions(text, "fr", "2024-08") if m.kind == EVENT]
    assert evs and {m.sub_event_type.value for m in evs} == {"Armed clash"}


@pytest.mark.parametrize("text,lang", [
    ("Djibo has been under a blockade by Islamist militants for more than a year.", "en"),
    ("Djibo est sous blocus jihadiste depuis plus d'un an.", "fr"),
    # the blockade of a group, told with how long it has lasted in between
    ("La ville de Diapaga est soumise depuis près de deux ans à un blocus des jihadistes.", "fr"),
    ("Le blocus des groupes armés prive les habitants de Djibo de vivres depuis des mois.", "fr"),
    ("The ADF has killed thousands of civilians in North Kivu over the past decade.", "en"),
])
def test_standing_situations_are_not_new_incidents(text, lang):
    assert not [m for m in mentions(text, lang) if m.kind == EVENT]


@pytest.mark.parametrize("text,lang", [
    # armed men gathering or marching their captives: no demonstration
    ("Les assaillants ont encerclé le village, tirant en l'air avant de rassembler les habitants sur la place.", "fr"),
    ("The gunmen surrounded the village, firing into the air before they marched the residents into the bush.", "en"),
])
def test_a_transitive_gather_or_march_is_no_demonstration(text, lang):
    assert not [m for m in mentions(text, lang) if m.sub_event_type.value in
                ("Peaceful protest", "Violent demonstration", "Protest with intervention")]


@pytest.mark.parametrize("text,lang", [
    ("Des centaines de personnes se sont rassemblées samedi devant la préfecture pour exiger la libération des détenus.", "fr"),
    ("Hundreds of people marched through the city centre on Saturday to demand the release of detainees.", "en"),
])
def test_gathering_and_marching_crowds_still_protest(text, lang):
    assert [m for m in mentions(text, lang) if m.sub_event_type.value == "Peaceful protest"]


@pytest.mark.parametrize("text,lang", [
    ("Des unités de la gendarmerie pourraient être déployées sur les grands axes de la capitale, selon une note interne.", "fr"),
    ("Police units could be deployed on the main roads of the capital, according to an internal memo.", "en"),
])
def test_a_modal_over_a_passive_infinitive_is_no_incident(text, lang):
    assert not [m for m in mentions(text, lang) if m.kind == EVENT]


@pytest.mark.parametrize("text,lang,sub", [
    # fighters before an active attack verb are the attackers: an attack on residents is an attack on civilians
    ("Dans le Logone-et-Chari, des combattants de Boko Haram ont attaqué dans la nuit de samedi à dimanche un quartier "
     "de Mora, dans le département du Mayo-Sava. Trois habitants ont été égorgés.", "fr", "Attack"),
    # ... while soldiers attacked, or fighters killed in an attack, are the victims of a clash
    ("Des soldats ont été attaqués mardi par des hommes armés près de Mora.", "fr", "Armed clash"),
])
def test_the_attackers_named_before_the_verb_are_not_its_victims(text, lang, sub):
    assert first_event(text, lang).sub_event_type.value == sub


def test_a_crowd_dispersed_by_the_police_is_a_protest_with_intervention():
    text = ("Plusieurs centaines de partisans de l'opposition ont été dispersés vendredi par la police à Lomé alors "
            "qu'ils tentaient de rejoindre la Cour constitutionnelle.")
    assert first_event(text, "fr").sub_event_type.value == "Protest with intervention"


def test_people_scattered_across_a_region_are_no_protest():
    text = "Les habitants ont été dispersés dans plusieurs camps de la région après les inondations."
    assert not [m for m in mentions(text, "fr") if m.kind == EVENT]


@pytest.mark.parametrize("text,lang,sub", [
    # the English twin: fighters before an active attack verb with its object are the attackers
    ("Boko Haram fighters attacked a neighbourhood of Maiduguri overnight, killing eight residents.", "en", "Attack"),
    ("Militants stormed a village in Borno State on Monday, killing 12 people.", "en", "Attack"),
    # ... while a headline's soldiers attacked by fighters, or fighters attacking a base, fight a clash
    ("Soldiers attacked by Boko Haram fighters near Maiduguri", "en", "Armed clash"),
    ("Boko Haram fighters attacked an army base near Maiduguri on Monday, killing six soldiers.", "en", "Armed clash"),
])
def test_english_fighters_named_before_the_verb_are_the_attackers(text, lang, sub):
    assert first_event(text, lang).sub_event_type.value == sub


# -- one-incident notes: a past cue that belongs to another clause, a continued action, untold triggers ---------

_exported = with_defaults(events, published="2024-05")


@pytest.mark.parametrize("text, lang, day", [
    # the past cue dates the trees, the missing man, the arrest: not the incident the sentence tells
    ("On 2 May 2024, a man from Idlib died under torture in a military prison, after being arrested at a "
     "checkpoint six years ago.", "en", "2024-05-02"),
    ("On 12 May 2024, settlers cut down and vandalized forty olive trees planted 80 years ago near Sinjil.",
     "en", "2024-05-12"),
    ("On 3 May 2024, relatives of a teacher who has been missing since last month marched through Kisumu "
     "to demand that police find him.", "en", "2024-05-03"),
    ("On 14 May 2024, relatives of a driver who is missing since a week ago held a protest in Puebla to demand "
     "an investigation.", "en", "2024-05-14"),
    ("On 9 May 2024, hundreds of farmers staged a demonstration in Ambato to demand the release of a leader "
     "who was arrested previously that day.", "en", "2024-05-09"),
    ("Le 6 mai 2024, les proches d'un enseignant porté disparu depuis le mois dernier ont manifesté à Bouaké "
     "pour réclamer des recherches.", "fr", "2024-05-06"),
])
def test_a_past_cue_of_another_clause_keeps_a_dated_incident(text, lang, day):
    evs = _exported(text, lang)
    assert len(evs) == 1, text
    assert evs[0].date.value.day.isoformat() == day


@pytest.mark.parametrize("text, lang", [
    ("On 9 May 2024, a village chief was killed in a clash between two rival clans in Faridpur over a previous "
     "land dispute.", "en"),
    ("Le 9 mai 2024, un chef de village a été tué lors d'affrontements entre deux clans rivaux à Kaya, sur fond "
     "d'un précédent différend foncier.", "fr"),
    ("On 20 May 2024, dock workers continue to stage a picket outside the port offices in Genoa.", "en"),
])
def test_a_grievance_or_a_continued_action_is_that_days_incident(text, lang):
    assert len(_exported(text, lang)) == 1, text


@pytest.mark.parametrize("text, lang, kind", [
    ("Two years ago, gunmen killed twelve villagers in the same area.", "en", BACKGROUND),
    ("On 12 May 2024, a court heard that gunmen killed two villagers in the area eight years ago.", "en", None),
    ("Gunmen killed two farmers in a previous attack on the village.", "en", BACKGROUND),
    ("Militants continue to carry out attacks on army posts in the region.", "en", AGGREGATE),
    ("Des hommes armés avaient tué deux paysans lors d'une précédente attaque contre le village.", "fr",
     BACKGROUND),
])
def test_past_and_repeated_cues_still_apply_to_the_incident_itself(text, lang, kind):
    if kind is None:   # the day is the hearing's: the killing it recalls is not exported
        assert _exported(text, lang) == []
        return
    assert all(m.kind == kind for m in mentions(text, lang)), [(m.kind, m.kind_reason) for m in mentions(text, lang)]


@pytest.mark.parametrize("text, sub", [
    ("On 16 May 2024, soldiers blew up a bridge linking two villages near Bakhmut.", "Remote explosive/landmine/IED"),
    ("Militants set ablaze three trucks of a construction company near Dantewada.", "Looting/property destruction"),
    ("Unknown persons set two vehicles of the mining company on fire outside Geneva during the night.",
     "Looting/property destruction"),
    ("Three men threw petrol bottles at the village council office, setting the building on fire.",
     "Looting/property destruction"),
    ("A group of men burnt down two herders' settlements near Kafanchan.", "Looting/property destruction"),
    ("A detainee from Homs died under torture in a military prison, a monitoring group said.", "Attack"),
    ("A man accused of theft was beaten and tied to a pole by a group of people in Puebla.", "Mob violence"),
])
def test_destruction_torture_and_mob_triggers(text, sub):
    assert first_event(text, "en").sub_event_type.value == sub


@pytest.mark.parametrize("text, sub", [
    ("Property destruction: On 3 May 2024, soldiers cut the power lines of a school in Kidal.",
     "Looting/property destruction"),
    ("Movement of forces: On 8 June 2024, a column of police vans toured the border villages.",
     "Change to group/activity"),
    ("Mass grave: On 2 April 2024, the district chief announced that 20 graves had been found near a farm.", "Other"),
    ("On 12 April 2024, around fifty teachers demanded the payment of their salaries in front of the governor's "
     "office in Gao. [size=around fifty]", "Peaceful protest"),
])
def test_a_coders_remark_tells_the_incident_its_words_do_not(text, sub):
    # ACLED-style notes: the label before the date and the crowd-size remark are the coder's, read as a trigger
    evs = [m for m in mentions(text, "en") if m.kind == EVENT]
    assert [m.sub_event_type.value for m in evs] == [sub], [(m.trigger.text, m.sub_event_type.value) for m in evs]


@pytest.mark.parametrize("text, lang", [
    ("On 12 April 2024, police arrested two traders at the market of Gao. [size=no report]", "en"),
    ("Property destruction: On 3 May 2024, gunmen attacked a school and burned its classrooms in Kidal.", "en"),
])
def test_a_coders_remark_gives_way_to_the_texts_own_trigger(text, lang):
    evs = [m for m in mentions(text, lang) if m.kind == EVENT]
    assert len(evs) == 1 and "label" not in evs[0].sub_event_type.reason, \
        [(m.trigger.text, m.sub_event_type.reason) for m in evs]


@pytest.mark.parametrize("text, lang", [
    ("Other officials said on Monday that the talks in Gao would resume next week.", "en"),
    ("Property destruction: the mayor told reporters the damage would be assessed.", "en"),
    ("Security measures were reinforced in Bamako ahead of the visit, the ministry said.", "en"),
])
def test_news_copy_never_reads_as_a_coders_label(text, lang):
    assert not [m for m in mentions(text, lang) if "label" in m.sub_event_type.reason]


@pytest.mark.parametrize("text, lang", [
    ("GOMA, 4 mai (AFP) - Des miliciens ont tué jeudi trois civils près de Rutshuru, selon la société civile.\n\n"
     "La veille, le groupe avait revendiqué des tirs de roquettes sur un camp de l'armée près de Kiwanja.", "fr"),
    ("GOMA, May 4 (Reuters) - Militiamen killed three civilians near Rutshuru on Thursday, local officials said.\n\n"
     "The day before, the group had claimed rocket fire on an army camp near Kiwanja.", "en"),
])
def test_a_day_counted_back_with_a_past_perfect_tells_an_earlier_incident(text: str, lang: str) -> None:
    """'La veille ... avait revendiqué des tirs de roquettes': background, whatever the trigger hangs on."""
    ms = mentions(text, lang)
    rockets = [m for m in ms if m.sub_event_type.value == "Shelling/artillery/missile attack"]
    assert rockets and all(m.kind == BACKGROUND for m in rockets), [(m.trigger.text, m.kind, m.kind_reason) for m in ms]
    assert any(m.kind == EVENT and m.sentence < rockets[0].sentence for m in ms), [(m.trigger.text, m.kind) for m in ms]


def test_cue_lists_remembered_per_sentence_and_list():
    """The memory of which cue lists a sentence holds answers as a fresh scan would, each list apart (a French and
    an English sentence; two lists asked of the same sentence)."""
    import re

    from eventwire.extract.mentions import _cued_in, _together

    fire = (re.compile(r"(?<!\w)(?:incendie|fire)(?!\w)", re.I),)
    crash = (re.compile(r"(?<!\w)(?:accident|crash)(?!\w)", re.I), re.compile(r"(?<!\w)collision(?!\w)", re.I))
    for sentence in ("Un incendie a ravagé le marché de Gao mardi, a indiqué la protection civile.",
                     "A fire swept through the market in Gao on Tuesday, civil protection said."):
        for _ in range(2):
            assert _cued_in(fire, sentence) is True and _cued_in(crash, sentence) is False
            assert _cued_in(crash, sentence) == _together(crash).found_in(sentence)
    assert _cued_in(crash, "Une collision entre deux camions a fait trois morts près de Mopti.") is True
