"""WordPatterns: many patterns scanned together give exactly each pattern's own finditer matches."""
import re

from eventwire.extract.patterns import WordPatterns, _word_bounded, word
from eventwire.extract.typing_rules import find_hits, lexicon
from eventwire.extract.weapons import _patterns

SENTENCES = {
    "fr": [
        "Deux soldats ont été tués mardi par un engin explosif improvisé près de Ménaka, a indiqué l'armée.",
        "Des manifestants ont bloqué la route nationale et brûlé des pneus avant d'être dispersés à coups de gaz "
        "lacrymogène.",
        "Un drone a frappé un véhicule ; des tirs de roquettes et d'obus de mortier ont suivi dans la soirée.",
        "La réunion du conseil municipal s'est tenue sans incident.",
        "L'aviation a bombardé des positions rebelles, tandis qu'une grève paralysait le port.",
    ],
    "en": [
        "Gunmen armed with AK-47 rifles and machetes attacked a village on Sunday, killing five people.",
        "Police fired tear gas and rubber bullets at protesters who had blocked the highway.",
        "A suicide bomber detonated an explosive vest at a checkpoint; an airstrike hit the town later.",
        "The committee met on Tuesday to discuss the budget.",
        "Drones and artillery shelled the district while students marched to parliament.",
    ],
}


def _each(patterns, text, start=0, end=None):
    end = len(text) if end is None else end
    return [(k, m.span()) for k, p in enumerate(patterns) for m in p.finditer(text, start, end)]


def test_lexicons_scan_together_as_alone():
    for lang, sentences in SENTENCES.items():
        text = " ".join(sentences)
        for patterns in ([p for _, p in _patterns(lang)], [t.rx for t in lexicon(lang).triggers]):
            together = WordPatterns(patterns)
            assert together.union is not None
            assert all(_word_bounded(p) for p in patterns)
            found = 0
            for s in sentences:
                i = text.index(s)
                got = [(k, m.span()) for k, m in together.matches(text, i, i + len(s))]
                assert got == _each(patterns, text, i, i + len(s))
                found += len(got)
            assert found >= 5   # the sentences do name weapons and incidents
            for start in range(0, len(text), 37):   # ranges cut anywhere, inside words too
                got = [(k, m.span()) for k, m in together.matches(text, start, start + 90)]
                assert got == _each(patterns, text, start, start + 90)


def test_trigger_hits_on_both_languages():
    for lang, sentences in SENTENCES.items():
        for s in sentences:
            hits = find_hits(s, 0, len(s), lang)
            assert bool(hits) == ("réunion" not in s and "committee" not in s), s


def test_overlapping_and_other_patterns():
    pats = [re.compile(word(w), re.I) for w in ("tir", "tirs de roquettes", "roquettes?", "tirs?")]
    text = "Des tirs de roquettes, puis un tir isolé ; roquette."
    together = WordPatterns(pats)
    assert [(k, m.span()) for k, m in together.matches(text)] == _each(pats, text)
    # a pattern that is not word(...): a top-level alternative after the look-behind is not bounded
    odd = [re.compile(r"(?<!\w)foo|bar", re.I), re.compile(word("baz"), re.I)]
    assert not _word_bounded(odd[0])
    assert [(k, m.span()) for k, m in WordPatterns(odd).matches("xbar foo baz")] == \
        _each(odd, "xbar foo baz") == [(0, (1, 4)), (0, (5, 8)), (1, (9, 12))]
    # patterns of different flags are scanned one by one, with the same answer
    mixed = [re.compile(word("tir")), re.compile(word("Tir"), re.I)]
    assert WordPatterns(mixed).union is None
    assert [(k, m.span()) for k, m in WordPatterns(mixed).matches("Tir, tir")] == _each(mixed, "Tir, tir")


def test_cue_lists_found_together_as_alone():
    from eventwire.extract.mentions import _together, cues
    from eventwire.extract.patterns import _HEADS

    extra = {"fr": ["Il y a deux ans, une série d'attaques avait visé la ville, selon un bilan provisoire.",
                    "Le ministre a menacé de frapper les positions adverses si les tirs reprenaient."],
             "en": ["Last year a wave of attacks hit the town, according to a provisional toll.",
                    "The minister threatened to strike if the shelling resumed, denying any attack."]}
    for lang, sentences in SENTENCES.items():
        c = cues(lang)
        for name in ("figurative", "aggregate", "series", "repeated", "background", "past_sentence", "accident",
                     "cause", "apposition", "threat", "denial", "accusation"):
            rxs = getattr(c, name)
            together = _together(rxs)
            assert together.union is not None and together.union.pattern.startswith(_HEADS[1][0])
            for s in sentences + extra[lang]:
                for text in (s, s[:len(s) // 2], s[len(s) // 3:]):
                    assert together.found_in(text) == any(rx.search(text) for rx in rxs), (name, text)
        assert _together(c.threat).found_in(extra[lang][1]) or _together(c.denial).found_in(extra[lang][1])


def _without_heads(patterns) -> WordPatterns:
    slow = WordPatterns(patterns)
    slow.heads = None   # the union tried at every position
    return slow


def test_union_tried_at_literal_starts_only_gives_the_same_positions():
    """The union is tried only where a pattern's literal start begins (WordPatterns.heads): the same matches and
    the same answer to found_in as the union tried everywhere, on cue lists whose patterns open on zero-width
    alternatives, on text ranges cut anywhere and on texts whose case folding is special."""
    from eventwire.extract.mentions import cues

    odd = ["Le KELVIN \u212a: İstanbul, ſtrike ; ailleurs, par ailleurs une série de tirs.",
           "ΑΘΗΝΑ, des tirs ; Strasse und Straße, une frappe aérienne ailleurs."]
    for lang, sentences in SENTENCES.items():
        c = cues(lang)
        lists = [[t.rx for t in lexicon(lang).triggers], [p for _, p in _patterns(lang)]]
        lists += [list(getattr(c, name)) for name in ("cause", "threat", "background", "new_incident", "figurative",
                                                      "accusation", "toll_aggregate", "repeated")]
        text = " ".join(sentences + odd)
        with_heads = 0
        for patterns in lists:
            fast, slow = WordPatterns(patterns), _without_heads(patterns)
            with_heads += fast.heads is not None
            for s in sentences + odd + [text]:
                assert fast.found_in(s) == slow.found_in(s) == any(p.search(s) for p in patterns)
            for start in range(0, len(text), 23):
                got = [(k, m.span()) for k, m in fast.matches(text, start, start + 70)]
                assert got == [(k, m.span()) for k, m in slow.matches(text, start, start + 70)]
                assert got == _each(patterns, text, start, start + 70)
        # the trigger lexicon, the weapons and every cue list are prefiltered: a list with patterns that open on
        # a class or a repeat (English figurative cues' sport alternative on a digit: "89th minute", "a 4-0 win")
        # has its literal-start patterns prefiltered and only the others scanned alone (WordPatterns.rest)
        assert with_heads == len(lists)
        assert WordPatterns(list(c.figurative)).heads is not None


def test_mixed_lists_prefilter_literal_starts_and_scan_the_rest_alone():
    """A list whose patterns partly open on a class or a repeat ("\\d+ jours", "[a-z]+ forces"): the patterns with
    literal starts are tried where those start, the others scanned by their own union (WordPatterns.rest); the
    positions, matches and found_in are those of the whole union tried everywhere and of each pattern alone, for
    ranges cut anywhere (a literal start straddling a range's end, the other kind's match first or last)."""
    head, tail = "(?:(?<!\\w)|(?=[,;]))", "(?:(?<=['\\s])|(?!\\w))"
    pats = [re.compile(head + f"(?:{x})" + tail, re.I) for x in
            (r"tirs? de roquettes?", r"\d+(?:e|th) minute", r"frappes? a[ée]riennes?", r"[a-z]+ forces", "par ailleurs")]
    together = WordPatterns(pats)
    assert together.heads is not None and together.rest is not None
    texts = ["In the 89th minute, security forces said; par ailleurs des tirs de roquettes, une frappe aérienne.",
             "Une frappe aérienne puis 3e minute ; Army forces, tirs de roquette. ſtrike: 12th minute",
             "Rien ici.", "12th minute", "tirs de roquettes"]
    for text in texts + [" ".join(texts)]:
        slow = _without_heads(pats)
        assert together.found_in(text) == slow.found_in(text) == any(p.search(text) for p in pats)
        for start in range(0, len(text), 5):
            for end in range(start, len(text) + 1, 9):
                assert together._union_starts(text, start, end) == slow._union_starts(text, start, end)
                assert together._union_starts(text, start, end, first=True) == \
                    slow._union_starts(text, start, end, first=True)
                got = [(k, m.span()) for k, m in together.matches(text, start, end)]
                assert got == _each(pats, text, start, end)


def test_zero_width_openings_are_skipped_for_literal_starts():
    from eventwire.extract.patterns import _HEADS, _heads

    head, tail = _HEADS[1]
    assert _heads(re.compile(head + "(?:ailleurs|par ailleurs)" + tail, re.I)).starts == {"ail", "par"}
    assert _heads(re.compile(r"(?:(?<!\w)|(?=[,;]))(?:\d+ jours)")) is None   # a class first: anywhere
    assert _heads(re.compile(r"(?:(?<!\w)|x)tir")) is None   # "x" is no zero-width opening
