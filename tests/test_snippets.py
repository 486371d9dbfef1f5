"""Typing of single news snippets (tests/snippets/snippets.yaml), measured by benchmarks/snippets.py.

Floors per language and split. The `held16` batch's floors are its FIRST-run figures (session 16, before any fix)
and stay there: it is never studied, so it must not depend on fixes. The `fix` half, the `held` half (session 14's
held-out half, opened and fixed from in session 15: spent) and the `held15` batch (session 15's, opened and fixed from
in session 16: spent) have floors at the level reached after their fixes.
"""
from __future__ import annotations

import pytest

# (lang, split): (event-type accuracy, sub-event-type accuracy, incident precision, incident recall)
FLOORS = {
    # first run 0.798 0.762 0.778 0.955; end of session 14 0.940 0.917 0.956 0.977; session 15 0.964 0.952 0.957 1.000
    # session 16 0.976 0.976 0.957 1.000
    ("en", "fix"): (0.97, 0.97, 0.95, 1.00),
    # first run 0.833 0.810 0.817 0.961; end of session 14 0.857 0.833 0.845 0.961; spent and fixed from in session 15:
    # 0.952 0.952 0.980 0.961; session 16 0.964 0.964 0.980 0.980
    ("en", "held"): (0.96, 0.96, 0.98, 0.98),
    # first run 0.837 0.837 0.808 0.955; end of session 14 0.907 0.907 0.913 0.955; session 15 1.000 1.000 1.000 1.000
    ("fr", "fix"): (1.00, 1.00, 1.00, 1.00),
    # first run 0.841 0.795 0.906 0.967; end of session 14 0.909 0.864 1.000 0.967; spent and fixed from in session 15:
    # 0.932 0.886 1.000 1.000; session 16 0.932 0.909 1.000 1.000
    ("fr", "held"): (0.93, 0.90, 1.00, 1.00),
    # first run 0.722 0.678 0.754 0.860; end of session 15 0.744 0.711 0.782 0.860 (0.756 0.722 0.796 0.860 at the
    # start of session 16); spent and fixed from in session 16: 0.867 0.833 0.857 0.960
    ("en", "held15"): (0.86, 0.83, 0.85, 0.96),
    # first run 0.825 0.825 0.800 0.909; end of session 15 0.850 0.850 0.808 0.955; spent and fixed from in session 16:
    # 0.925 0.925 0.880 1.000
    ("fr", "held15"): (0.92, 0.92, 0.88, 1.00),
    ("en", "held16"): (0.72, 0.70, 0.73, 0.88),  # first run 0.728 0.707 0.738 0.882
    ("fr", "held16"): (0.81, 0.81, 0.77, 0.96),  # first run 0.814 0.814 0.774 0.960
}


@pytest.fixture(scope="module")
def tallies(benchmark_module):
    bench = benchmark_module("snippets")
    return bench.measure(bench.load())


def test_the_set_is_split_before_any_run(benchmark_module):
    items = benchmark_module("snippets").load()
    assert len({i["id"] for i in items}) == len(items)
    for lang in ("en", "fr"):
        halves = [sum(i["lang"] == lang and i["split"] == s for i in items) for s in ("fix", "held")]
        assert abs(halves[0] - halves[1]) <= 1


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_snippets_are_typed_at_least_as_well_as_measured(tallies, key):
    t = tallies[key]
    got = (t.type_acc, t.sub_acc, t.precision, t.recall)
    assert all(g >= f for g, f in zip(got, FLOORS[key])), (key, got)


# The rules drawn from the fix half, on sentences of their own (not in the snippet set)
from helpers import events  # noqa: E402

TYPED = [
    ("en", "Police dispersed a march of opposition supporters in Lusaka on Monday.", "Protest with intervention"),
    ("en", "A suicide truck bomber struck a police station in Kandahar on Sunday, killing four officers.",
     "Suicide bomb"),
    ("en", "Investigators discovered a mass grave with 12 bodies outside the town of Izium on Monday.", "Other"),
    ("fr", "Des enquêteurs ont découvert lundi un charnier contenant douze corps près de Bunia.", "Other"),
]

NOTHING = [
    ("en", "Nigeria and Morocco signed an energy agreement in Rabat on Tuesday to extend a gas pipeline."),
    ("en", "Egypt signed a contract on Monday to buy 24 Rafale jets from France."),
    ("en", "The two party leaders clashed over immigration during a radio interview on Wednesday."),
    ("en", "A crocodile attacked and killed a fisherman on the banks of the Zambezi on Sunday."),
    ("en", "A farmer was trampled by an elephant near Hwange on Thursday, rangers said."),
    ("en", "Police arrested three men in Accra on Friday for running a lottery scam."),
    ("en", "Burglars stole watches worth 100,000 euros from a shop in Lyon on Sunday, police said."),
    ("en", "A gas explosion tore through a market in Kano on Monday, killing three residents."),
    ("en", "A methane explosion in a coal mine near Quetta killed nine miners on Thursday."),
    ("fr", "Le Sénégal et la Mauritanie ont signé mardi à Dakar un accord commercial sur la pêche."),
    ("fr", "Les deux ministres se sont affrontés sur la réforme lors d'un débat à l'Assemblée mardi."),
    ("fr", "Un crocodile a attaqué un pêcheur sur les rives du fleuve Niger dimanche."),
    ("fr", "Des voleurs ont dérobé une statue dans une église de Nantes dimanche, selon la police."),
    ("fr", "L'attaquant sénégalais a frappé deux fois en finale face à l'Égypte samedi."),
]


@pytest.mark.parametrize("lang,text,sub", TYPED)
def test_snippet_rules_type_the_incident(lang: str, text: str, sub: str) -> None:
    assert [e.sub_event_type.value for e in events(text, lang, "2024-05-15")] == [sub]


@pytest.mark.parametrize("lang,text", NOTHING)
def test_snippet_rules_leave_non_conflict_news_alone(lang: str, text: str) -> None:
    assert events(text, lang, "2024-05-15") == []


def test_armed_robbers_are_still_violence() -> None:
    text = "Armed robbers stole cattle and shot dead two herders near Isiolo on Monday."
    assert events(text, "en", "2024-05-15")


def test_a_score_is_no_sentence_break() -> None:
    from eventwire.model import Document
    from eventwire.nlp.pipeline import analyse
    doc = Document("t", "Le Sénégal a battu l'Égypte 2-1 samedi à Yaoundé grâce à un but de Mané.", language="fr")
    analyse(doc)
    assert len(doc.sentences) == 1


@pytest.mark.parametrize("lang,text", [
    ("fr", "Des supporters ont attaqué des policiers après le match à Kinshasa samedi, blessant trois agents."),
    ("en", "Gunmen attacked journalists at a press conference in Mogadishu on Monday, killing two."),
])
def test_violence_beside_a_match_or_a_press_conference_stays_an_incident(lang: str, text: str) -> None:
    assert events(text, lang, "2024-05-15")


# Session 15: rules drawn from the `fix` and `held` splits, on sentences of their own
TYPED_15 = [
    # a crowd fighting the police: a demonstration turned violent
    ("en", "Youths clashed with police in Mombasa on Tuesday, throwing stones at officers.", "Violent demonstration"),
    ("fr", "Des manifestants se sont affrontés aux policiers à Conakry jeudi après l'arrestation d'un opposant, jetant "
           "des pierres.", "Violent demonstration"),
    ("en", "Villagers stoned a suspected thief to death in Kitui on Sunday.", "Mob violence"),
    ("en", "A man wearing an explosive belt detonated it at a checkpoint in Bosaso on Sunday, killing three soldiers.",
     "Suicide bomb"),
    # the lead's only incident told "last week" is the news
    ("en", "Gunmen killed six farmers near Gusau last week, residents said.", "Attack"),
    ("fr", "Des hommes armés ont tué six agriculteurs près de Koro la semaine dernière, selon des habitants.", "Attack"),
    # a support cue does not demote the sentence's main verb
    ("en", "Malian troops backed by drones retook the town of Lere on Sunday after heavy fighting.",
     "Government regains territory"),
    # a surge of attacks is the cause of the news told, not an incident told
    ("en", "The army sent reinforcements to Beni on Monday following a spate of ADF attacks.", "Change to group/activity"),
    ("fr", "Le gouvernement a déployé des soldats à Djibo lundi après une recrudescence des attaques jihadistes.",
     "Change to group/activity"),
    # abductees set free: the release is the news
    ("fr", "Des bandits ont relâché mardi vingt passagers enlevés en mars près de Kaduna.", "Other"),
]

NOTHING_15 = [
    ("en", "Senegal's striker shot past the goalkeeper in stoppage time to clinch a 1-0 win in Dakar on Sunday."),
    ("en", "The Kenyan runner won a fierce battle in the 5,000 metres final in Rome on Friday."),
    ("en", "The senator launched a fierce attack on the president's budget on Monday."),
    ("en", "The embassy warned on Friday of possible militant attacks on hotels in Mogadishu."),
    ("en", "The rebels said they would resume fighting if the talks collapsed."),
    ("fr", "Un avion militaire s'est écrasé au décollage à Niamey mardi, tuant ses trois occupants."),
    ("fr", "Les électeurs se sont rendus aux urnes dimanche au Bénin pour la présidentielle."),
    # the police that report an accident take no part in it
    ("en", "A gas cylinder exploded at a restaurant in Nairobi on Friday, killing two diners, the police said."),
    ("fr", "Une bonbonne de gaz a explosé dans un restaurant de Dakar vendredi, tuant deux clients, selon la police."),
]


@pytest.mark.parametrize("lang,text,sub", TYPED_15)
def test_session_15_rules_type_the_incident(lang: str, text: str, sub: str) -> None:
    assert [e.sub_event_type.value for e in events(text, lang, "2024-05-15")] == [sub]


@pytest.mark.parametrize("lang,text", NOTHING_15)
def test_session_15_rules_leave_non_conflict_news_alone(lang: str, text: str) -> None:
    assert events(text, lang, "2024-05-15") == []


def test_last_week_is_dated_within_the_week() -> None:
    from helpers import records
    [rec] = records("Gunmen killed six farmers near Gusau last week, residents said.", "en", "2024-05-15")
    assert rec["time_precision"] == 2


# Session 16: rules drawn from the `fix`, `held` and `held15` splits, on sentences of their own
TYPED_16 = [
    # people led away, or never heard of again: an abduction or forced disappearance, whoever took them
    ("en", "Armed men took away two aid workers from their office in Kidal on Monday.", "Abduction/forced disappearance"),
    ("en", "Men in plain clothes bundled a lawyer into an unmarked car in Harare on Friday.",
     "Abduction/forced disappearance"),
    ("en", "Soldiers detained an activist in Lome on Sunday and his whereabouts remain unknown, his family said.",
     "Abduction/forced disappearance"),
    ("en", "Gunmen seized 12 pupils from a school in Kebbi state on Thursday, police said.",
     "Abduction/forced disappearance"),
    # an armed group settling in a camp
    ("en", "Al-Shabaab fighters set up a new camp in the forest near Jilib on Tuesday, residents said.",
     "Headquarters or base established"),
    # rioters wrecking shops, cars or public buildings and harming no one: a violent demonstration
    ("en", "Rioters torched cars and looted shops in Kisumu overnight after the death of a student in custody.",
     "Violent demonstration"),
    ("fr", "Des émeutiers ont pillé des magasins et incendié des voitures à Kindia lundi après la mort d'un motard.",
     "Violent demonstration"),
    # captives set free: the release is the news
    ("en", "Pirates released the crew of a hijacked fishing vessel off Eyl on Tuesday.", "Other"),
    ("en", "Kidnappers freed eight traders in Zamfara state on Monday, police said.", "Other"),
    # a crowd that catches and kills, or burns someone alive: mob violence
    ("en", "Residents caught and killed a suspected cattle thief near Nakuru on Sunday.", "Mob violence"),
    ("fr", "Un présumé voleur a été brûlé vif par une foule à Bouaké samedi, selon la police.", "Mob violence"),
    # a series of attacks that made reinforcements be sent is the cause of the news told
    ("en", "The army deployed reinforcements to Beni on Friday after a series of rebel attacks.", "Change to group/activity"),
    ("fr", "L'armée a envoyé des renforts à Djugu vendredi après une série d'attaques de miliciens.",
     "Change to group/activity"),
]

NOTHING_16 = [
    # a toll counted over a period is a tally, not an incident
    ("en", "Gang violence killed 2,100 people in the first half of the year, a UN report said on Tuesday."),
    ("en", "More than 120 journalists were killed worldwide in 2023, a press freedom group said."),
    ("fr", "Plus de 300 civils ont été tués au Mali au premier trimestre, selon un rapport publié lundi."),
    # a threat with a phrase between the verb and what is threatened
    ("en", "The militants vowed in a video on Sunday to attack polling stations in Kano."),
    ("fr", "Les rebelles ont menacé, dans un communiqué publié lundi, d'attaquer la ville de Goma."),
    # a camp of displaced people is no base
    ("en", "Thousands of displaced families set up a camp outside Goma on Sunday."),
]


@pytest.mark.parametrize("lang,text,sub", TYPED_16)
def test_session_16_rules_type_the_incident(lang: str, text: str, sub: str) -> None:
    assert [e.sub_event_type.value for e in events(text, lang, "2024-05-15")] == [sub]


@pytest.mark.parametrize("lang,text", NOTHING_16)
def test_session_16_rules_leave_non_conflict_news_alone(lang: str, text: str) -> None:
    assert events(text, lang, "2024-05-15") == []


def test_a_mob_that_lynches_stays_a_mob() -> None:
    text = "A mob lynched a suspected thief and torched two cars in Kisii on Monday."
    assert [e.sub_event_type.value for e in events(text, "en", "2024-05-15")] == ["Mob violence"]
