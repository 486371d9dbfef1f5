"""extract.patterns.finditer / search: a pattern of many literal alternatives tried only where one of them starts
gives exactly the pattern's own finditer / search; and the rule lemmatizers' lemma memory gives spaCy's lemmas."""
import re

import pytest

from eventwire.extract import actors
from eventwire.extract.patterns import _heads, finditer, search
from eventwire.geo.locate import _state_forces, state_force_countries

TEXTS = {
    "fr": "BAMAKO, 4 mars (AFP) - Des soldats maliens ont été pris pour cible lundi près de Ménaka par des "
          "combattants de l'État islamique au Sahel, a indiqué l'armée malienne. Trois Nigériens et un Malien "
          "figurent parmi les victimes. Les FAMa ont riposté ; des membres présumés du JNIM ont été arrêtés. "
          "Les Forces Armées Maliennes ont repris le contrôle de la zone, selon les autorités burkinabè.",
    "en": "NIAMEY, March 4 (Reuters) - Nigerien soldiers were ambushed on Monday near Tillaberi by fighters of "
          "Islamic State Sahel Province, the Nigerien army said. Two Malians were among the dead. Boko Haram "
          "militants and suspected members of JNIM were blamed; the MALIAN ARMY sent troops to the border.",
}
# characters that case-insensitive patterns match beyond str.lower(): the text is then scanned by the pattern alone
ODD = "İstanbul: ſoldats malıens et l'armée MALIENNE, the Malian army"


def _same(pattern, text):
    got = [(m.span(), m.groupdict()) for m in finditer(pattern, text)]
    assert got == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    for pos in range(0, len(text) + 1, 7):   # searches from anywhere, inside words too
        a, b = pattern.search(text, pos), search(pattern, text, pos)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    return got


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_actor_and_force_patterns_find_what_they_find_alone(lang):
    lex = actors._lex(lang)
    found = 0
    for text in (TEXTS[lang], TEXTS["fr" if lang == "en" else "en"], ODD):
        for pattern, src in ((lex.named_ci, actors.fold(text)), (lex.named_cs, actors.fold(text, lower=False)),
                             (lex.nationals, actors.fold(text, lower=False)), (_state_forces()[0], text)):
            if not (lang == "en" and pattern is lex.nationals):   # ("[Aa]n? Palestinian": a class first)
                assert _heads(pattern) is not None   # the prefilter is used, not the plain scan
            found += len(_same(pattern, src))
    assert found >= 8


def test_state_forces_counted_per_country():
    assert state_force_countries(TEXTS["fr"])["ML"] >= 3      # soldats maliens, l'armée malienne, Forces Armées Maliennes
    assert state_force_countries(TEXTS["en"])["NE"] >= 2      # Nigerien soldiers, the Nigerien army


def test_heads_of_alternatives_and_optional_leads():
    p = re.compile(r"(?<![a-z])(?:(?:membres|fighters)\s+(?:du|of)\s+)?(?P<name>jnim|boko haram|état islamique)\b")
    assert _heads(p).starts == {"mem", "fig", "jni", "bok", "éta"}
    assert _same(p, "des membres du jnim et boko haram ; les fighters of jnim, l'état islamique") != []
    assert _heads(re.compile(r"\b(?:armée|[a-z]+ forces)")) is None          # a class first: any position
    assert _heads(re.compile(r"(?:soldats)?")) is None                        # may match nothing
    p = re.compile(r"\b(?:soldats?|armée)\s+(?P<adj>malien(?:ne)?s?)\b", re.I)
    assert _same(p, "Les SOLDATS MALIENS, l'Armée malienne et des soldats maliens") != []
    assert _same(p, "Les ſoldats maliens") == [((4, 19), {"adj": "maliens"})]   # "ſ" is an "s" to the pattern


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les soldats ont tiré sur les manifestants qui bloquaient les routes ; deux policiers ont été blessés."),
    ("en", "Soldiers fired on protesters who were blocking the roads; two police officers were wounded."),
])
def test_remembered_lemmas_are_spacys(lang, text):
    from eventwire.nlp.pipeline import get_nlp

    nlp = get_nlp(lang)
    lemmatizer = nlp.get_pipe("lemmatizer")
    remembered = lemmatizer.lemmatize
    assert remembered.__name__ == "remembered"
    lemmatizer.lemmatize = lemmatizer.rule_lemmatize   # spaCy's own
    try:
        own = [t.lemma_ for t in nlp(text)]
    finally:
        lemmatizer.lemmatize = remembered
    for _ in range(2):   # the second time from the memory
        assert [t.lemma_ for t in nlp(text)] == own
    assert "soldat" in own or "soldier" in own


# English actor patterns that open with the nationality adjectives run only where one of their nouns occurs
# (actors._matches): every actor found is the one the patterns alone find, with and without a noun present
ACTOR_TEXTS = [
    TEXTS["en"],
    "Russian and Ukrainian forces exchanged fire near Bakhmut, while the Colombian government said Venezuelan "
    "soldiers and Kenyan police officers had crossed the border. An Israeli airstrike killed Palestinian civilians.",
    "Officials in Lagos said nothing happened on Tuesday; the Nigerian president travelled to Abuja.",
    "Malian villagers fled after Sudanese militiamen looted the market, according to a Somali elder.",
]


@pytest.mark.parametrize("text", ACTOR_TEXTS)
@pytest.mark.parametrize("government", [False, True])
def test_actor_probes_change_nothing(text, government, monkeypatch):
    lex = actors._lex("en")
    assert lex.probes   # the adjective-first patterns have their nouns to look for first
    probed = actors._scan(text, "en", None, None, 0, government)
    monkeypatch.setattr(lex, "probes", {})
    assert probed == actors._scan(text, "en", None, None, 0, government)
