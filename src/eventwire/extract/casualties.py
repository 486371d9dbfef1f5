"""Fatalities and injuries of one incident, French and English, ACLED's conservative rules.

Counts are read next to casualty cues (``data/casualties.yaml``): in the subject of a passive
verb ("deux soldats ont été tués"), the object of an active one ("killing two civilians"),
before a casualty noun ("quatre morts") or after a toll word ("le bilan s'élève à quatre").
The incident's figure is a revised toll ("le bilan s'est alourdi à ...", the largest if several),
else the most conservative stated total ("4 dead", "10 people were killed"), else the largest sum
of counts told in one sentence (a sentence adding "two others" extends the one before), so that
subgroups never add up beyond a stated total; nothing said gives 0, ACLED's unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from text_to_num import text2num

from ..geo.normalize import fold
from ..model import Document, Evidence, Slot
from .dates import blank_month_days, past_reference
from .patterns import alt as _alt, ap as _ap, has_word


def _w(pattern: str) -> str:
    """Pattern bounded so that it neither starts nor ends inside a word; one that ends on an elided article or
    preposition ("la mort d'", "le décès d'") runs on into the next word ("la mort d'un enfant")."""
    return rf"(?<!\w)(?:{pattern})(?:(?<=['’])|(?!\w))"

DATA = Path(__file__).resolve().parent.parent / "data" / "casualties.yaml"
LANGS = ("fr", "en")
KINDS = ("killed", "injured")
SPAN_CHARS = 120  # the furthest a count may lie from its verb
NEGATION_CHARS = 4  # "no one injured", "not one": a negation right before a count
NO_TOLL = "no toll reported"
_WORD = r"[\w'’-]+"


@dataclass(frozen=True)
class CountHit:
    """A casualty count in a sentence (offsets into Document.text)."""
    start: int
    end: int
    kind: str        # killed | injured
    value: int
    qualifier: str   # at least | about | exact | vague
    total: bool      # states the whole toll, not a subgroup
    update: bool = False      # a revised toll ("le bilan s'est alourdi à ...")
    additional: bool = False  # on top of counts told before ("deux autres", "were also killed")


# ---------------------------------------------------------------- resources







def _c(pattern: str) -> re.Pattern:
    """A case-insensitive word-bounded pattern (apostrophes already widened)."""
    return re.compile(_w(pattern), re.I)


@dataclass(frozen=True)
class _Kind:
    passive: re.Pattern
    singular: re.Pattern
    active: re.Pattern
    noun: re.Pattern      # count, then a casualty noun
    noun_word: re.Pattern  # a casualty noun alone
    total_noun: re.Pattern
    zero: re.Pattern


@dataclass(frozen=True)
class _Lex:
    res: dict
    count: re.Pattern
    kinds: dict[str, _Kind]
    toll: re.Pattern
    toll_raise: re.Pattern
    toll_update: re.Pattern
    toll_far: re.Pattern
    toll_earlier: re.Pattern   # a toll said to be an earlier one ("un premier bilan faisait état de ...")
    toll_later: re.Pattern      # a toll told later than the first figures ("dans la soirée", "later")
    wounded_died: re.Pattern    # wounded of the first figures who died since
    died_after: re.Pattern      # right after a count of wounded: that they died
    partitive: re.Pattern       # "dix-sept d'entre eux", "five of them"
    person: re.Pattern
    singular_np: re.Pattern
    plural_person: re.Pattern
    determiner: re.Pattern
    preposition: re.Pattern
    ages: re.Pattern
    not_after: re.Pattern
    other: re.Pattern
    additional: re.Pattern
    generic: re.Pattern
    boundary: re.Pattern
    breakdown: re.Pattern
    part_killed: re.Pattern   # a part of a toll told as dead ("dont deux ... tués lors d'un ...")
    subgroup: re.Pattern
    relative: re.Pattern
    sides: dict[str, re.Pattern]
    elsewhere: re.Pattern
    cause_before: re.Pattern   # "après" before "la mort de": the death an incident followed
    grievance: re.Pattern      # "demanding", "justice", "after": a demonstration's purpose, its grievance follows
    grievance_stop: re.Pattern  # "left", "a fait": after the purpose, a verb telling the demonstration's own toll
    perfect_infinitive: re.Pattern   # "après avoir neutralisé": a killing told after it, no cause
    conjunction: re.Pattern
    part_join: re.Pattern      # ", et " between the parts of a toll
    older_relative: re.Pattern   # "au cours desquelles", "in which": a relative clause on an older incident
    over_places: re.Pattern    # a toll told over several places ("dans plusieurs régions")
    contrast: re.Pattern       # "tandis que", "while": a clause on another incident
    ambiguous: re.Pattern
    shot_down_verb: re.Pattern
    machines: re.Pattern
    negation: re.Pattern
    unknown: re.Pattern
    unknown_quantity: re.Pattern
    qualifiers: dict[str, re.Pattern]


@lru_cache(maxsize=1)
def _resources() -> dict:
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _count_pattern(r: dict, tag: str) -> str:
    """A count expression: qualifier, number (or range, lower bound first); group names end with ``tag``."""
    words = _alt(r["number_words"])
    number = "|".join([
        _w(_alt(list(r["quantities"]) + list(r["vague_quantities"]) + r["unknown_quantities"])),
        r"(?<![\w.,-])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\w|[.,]\d)",
        r"(?<![\w.,-])\d+(?!\w|[.,]\d)",
        _w(rf"{words}(?:(?:{r['number_join']}){words})*"),
        _w(_alt(r["articles"])),
    ])
    quals = _alt(q for qs in r["qualifiers"].values() for q in qs)
    return (rf"(?:(?P<q{tag}>(?<!\w){quals}(?:(?<=['’])|(?!\w)))(?:\s+|(?<=['’])))?"
            rf"(?:{_w(r['range_open'])}\s+(?P<n{tag}>{number})\s*(?:{r['range_join']})\s*(?P<h{tag}>{number})"
            rf"|(?P<m{tag}>{number})(?:\s*(?:{r['range_join_bare']})\s*(?P<k{tag}>{number}))?)")


@lru_cache(maxsize=2)
def _lex(lang: str) -> _Lex:
    r = _resources()[lang]
    kinds = {}
    for k in KINDS:
        c = r[k]
        noun = rf"(?P<count>{_count_pattern(r, 'c')})(?P<mid>(?:\s+{_WORD}){{0,2}}?)\s+(?P<noun>{_alt(c['noun'])})(?!\w)"
        kinds[k] = _Kind(_c(_alt(c["passive"])), _c(_alt(c["singular"])), _c(_alt(c["active"])),
                         re.compile(noun, re.I), _c(_alt(c["noun"])), _c(_alt(c["total_noun"])),
                         _c(_alt(r["zero"]["both"] + r["zero"][k])))
    toll = (rf"{_ap(r['toll'])}(?P<tmid>(?:\s+{_WORD}){{0,6}}?)\s*(?:{_ap(r['toll_link'])})\s+"
            rf"(?P<count>{_count_pattern(r, 'c')})")
    person = _w(_alt(r["person_nouns"]))
    return _Lex(
        res=r,
        count=re.compile(_count_pattern(r, ""), re.I),
        kinds=kinds,
        toll=_c(toll),
        toll_far=_c(rf"{_ap(r['toll'])}(?P<tmid>(?:[\s,]+{_WORD}){{0,25}}?)[\s,]*(?:{_ap(r['toll_rise_link'])})\s+"
                    rf"(?P<count>{_count_pattern(r, 'c')})"),
        toll_raise=_c(rf"{_ap(r['toll_raise'])}\s+(?P<count>{_count_pattern(r, 'c')})\s+{_ap(r['toll_raise_noun'])}\s*"
                      rf"(?:{_w(_alt(r['person_nouns']))}\s+)?(?P<noun>{_alt(r['killed']['noun'] + r['injured']['noun'])})"),
        toll_update=_c(_ap(r["toll_update"])),
        toll_earlier=_c(_ap(r["toll_earlier"])),
        toll_later=_c(_ap(r["toll_later"])),
        wounded_died=_c(_ap(r["wounded_died"])),
        died_after=re.compile(_ap(r["died_after"]) + r"(?!\w)", re.I),
        partitive=re.compile(_ap(r["partitive"]) + r"(?!\w)", re.I),
        person=re.compile(rf"(?:\s+{_WORD}){{0,3}}?\s+{person}", re.I),
        singular_np=re.compile(rf"\s*(?:(?:{_w(_ap(r['singular_determiners']))}\s*)?(?:{_WORD}\s+){{0,3}}?(?P<noun>{person})"
                               rf"|{_w(r['singular_pronouns'])}\s*$)", re.I),
        plural_person=_c(_ap(r["plural_persons"])),
        determiner=re.compile(rf"{_ap(r['singular_determiners'])}|{_ap(r['other_determiners'])}", re.I),
        preposition=re.compile(rf"(?<!\w)(?:{_ap(r['prepositions'])})\s*$", re.I),
        not_after=re.compile(rf"\s*-?\s*(?:(?:d['’]|de |of )\s*)?(?:{_ap(r['not_after'])})(?!\w)", re.I),
        ages=re.compile(rf"(?<!\w)(?:{_ap(r['ages'])})\s*$", re.I),
        other=re.compile(rf"(?:\s+{_WORD})?\s+{_w(r['other'])}", re.I),
        additional=_c(_ap(r["additional"])),
        generic=_c(_ap(r["generic_people"])),
        boundary=re.compile(_ap(r["boundary"]), re.I),
        breakdown=_c(_ap(r["breakdown"])),
        part_killed=_c(r["part_killed"]),
        subgroup=re.compile(rf"\s*(?:{_ap(r['subgroup'])})", re.I),
        elsewhere=_c(_ap(r["elsewhere"])),
        sides={side: _c(_ap(p)) for side, p in r["sides"].items()},
        relative=re.compile(rf"(?<!\w)(?:{_ap(r['relative'])})\s*$", re.I),
        cause_before=re.compile(rf"(?<!\w){_ap(r['cause_before'])}", re.I),
        grievance=_c(_ap(r["grievance"])),
        grievance_stop=_c(_ap(r["grievance_stop"])),
        perfect_infinitive=re.compile(_ap(r["perfect_infinitive"]), re.I),
        conjunction=_c(_ap(r["conjunction"])),
        part_join=re.compile(rf"\s*(?:,\s*)?(?:(?:{r['part_join']})\s+)?", re.I),
        older_relative=re.compile(rf"\b(?:{r['older_relative']})\b", re.I),
        over_places=_c(_ap(r["over_places"])),
        contrast=_c(_ap(r["contrast"])),
        ambiguous=_c(_alt(r["ambiguous"])),
        shot_down_verb=_c(_ap(r["shot_down_verb"])),
        machines=_c(_ap(r["machines"])),
        negation=_c(_ap(r["negation"])),
        unknown=_c(_alt(r["unknown"])),
        unknown_quantity=_c(_alt(r["unknown_quantities"])),
        qualifiers={name: _c(_alt(qs)) for name, qs in r["qualifiers"].items()},
    )


def grievance_toll(doc: Document, trigger: Evidence, toll: list[Evidence]) -> bool:
    """Whether a demonstration's toll is told in its purpose clause, after its trigger in the same sentence
    ("protested to demand justice for the death of a boy", "gathered after a pupil died"): the death the crowd
    demands, denounces or follows, an older incident's, with no clause break between the last such cue and it and no
    verb there that tells the demonstration's own toll ("a march demanding reforms left two dead")."""
    if not toll or any(e.sentence != trigger.sentence or e.start < trigger.end for e in toll):
        return False
    between = doc.text[trigger.end:min(e.start for e in toll)]
    for lang in _langs(doc):
        lex = _lex(lang)
        cues = list(lex.grievance.finditer(between))
        rest = between[cues[-1].end():] if cues else ""
        if cues and not re.search(r"[,;:()]", rest) and not lex.grievance_stop.search(rest):
            return True
    return False


def _langs(doc: Document) -> tuple[str, ...]:
    return (doc.language,) if doc.language in LANGS else LANGS


def _bounds(doc: Document, i: int) -> tuple[int, int]:
    return doc.sentences[i] if doc.sentences else (0, len(doc.text))


# ---------------------------------------------------------------- numbers

def parse_number(text: str, lang: str) -> int | None:
    """The number a count expression stands for ("vingt-deux", "2.500", "dozens" → 12, "a" → 1), or None."""
    lang = lang if lang in LANGS else "en"
    r = _resources()[lang]
    t = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    for table in (r["quantities"], r["vague_quantities"]):
        if t in table:
            return table[t]
    if t in r["articles"]:
        return 1
    if re.fullmatch(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+", t):
        return int(re.sub(r"\D", "", t))
    try:
        return text2num(t, lang)
    except ValueError:
        return None


# ---------------------------------------------------------------- counts

@dataclass(frozen=True)
class _Count:
    start: int
    end: int
    value: int
    qualifier: str
    total: bool  # stated as a total ("a total of 10", "10 people")
    other: bool  # "six autres", "3 others"


def _read_count(m: re.Match, text: str, lex: _Lex, lang: str, lo: int, tag: str = "",
                bare_article: bool = False, after_preposition: bool = False) -> _Count | None:
    """A validated count; None for an article not before a person, a year, a measure, an unknown number..."""
    number = m[f"n{tag}"] or m[f"m{tag}"]
    start = m.start("count") if "count" in m.re.groupindex else m.start()
    end = m.end("count") if "count" in m.re.groupindex else m.end()
    if (not after_preposition and lex.preposition.search(text, max(lo, start - 12), start)) \
            or lex.not_after.match(text, end) or lex.unknown_quantity.fullmatch(number) \
            or lex.ages.search(text, max(lo, start - 40), start):   # "two women aged 61 and 70": ages, no count
        return None
    low = re.sub(r"\s+", " ", number.lower().replace("’", "'"))
    if low in lex.res["articles"] and not (bare_article or _person_follows(text, end, lex)):
        return None
    value = parse_number(number, lang)
    if value is None or (number.isdigit() and len(number) == 4 and 1900 <= value <= 2100):
        return None
    qualifier, total = _qualifier(m[f"q{tag}"], lex)
    if m[f"h{tag}"] or m[f"k{tag}"]:
        qualifier = "about"
    elif low in lex.res["vague_quantities"]:
        qualifier = "vague"
    elif low in lex.res["quantities"] and value >= 10 and qualifier == "exact":
        qualifier = "about"
    head = re.match(rf"\s+({_WORD})", text[end:end + 40])
    total = total or bool(head and lex.generic.fullmatch(head.group(1)))
    return _Count(start, end, value, qualifier, total, bool(lex.other.match(text, end)))


def _person_follows(text: str, end: int, lex: _Lex) -> bool:
    if lex.person.match(text, end):
        return True
    nxt = re.match(r"\s+(\w)", text[end:end + 3])
    return bool(nxt and nxt.group(1).isupper())


def _qualifier(q: str | None, lex: _Lex) -> tuple[str, bool]:
    """(qualifier, whether the count is announced as a total)."""
    for name, pattern in lex.qualifiers.items():
        if q and pattern.fullmatch(q):
            return ("exact", True) if name == "total" else (name, False)
    return "exact", False


def _counts_in(text: str, lo: int, hi: int, lex: _Lex, lang: str, object_start: bool = False) -> list[_Count]:
    """Counts between lo and hi; an article right at lo (the object of a killing) counts without a person noun."""
    return [c for m in lex.count.finditer(text, lo, hi)
            if (c := _read_count(m, text, lex, lang, lo, bare_article=object_start and not text[lo:m.start()].strip()))]


# ---------------------------------------------------------------- finding counts in a sentence

Found = list[tuple[tuple[int, int], CountHit]]  # (the count's own span, the hit)


def find_counts(doc: Document, sent_idx: int) -> list[CountHit]:
    """The casualty counts of one sentence, in text order."""
    s, e = _bounds(doc, sent_idx)
    langs = _langs(doc)
    text = _without_markup(doc.text)
    for lang in langs:   # "Apr 5 (PTI) Two ...": the day is no count, in any language the counts are read in
        text = blank_month_days(text, lang)
    kept: Found = []
    for lang in langs:
        lex = _lex(lang)
        blocked = [(m.start(), m.end()) for p in [lex.ambiguous] + [k.zero for k in lex.kinds.values()]
                   for m in p.finditer(text, s, e)]
        found = (_toll_hits(text, s, e, lex, lang) + _verb_hits(text, s, e, lex, lang, blocked)
                 + _noun_hits(text, s, e, lex, lang, blocked))
        for words, hit in found:
            if not _overlaps(*words, [w for w, _ in kept]):  # the first reading of a count wins
                kept.append((words, hit))
    return sorted((h for _, h in kept), key=lambda h: h.start)


MARKUP = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>",
                    re.I | re.S)


@lru_cache(maxsize=16)
def _without_markup(text: str) -> str:
    """The text with HTML tags, scripts and comments blanked out (same length, so offsets hold): a plain-text
    article that carries markup (``<img onerror=alert(2)>``) has no toll in it."""
    if "<" not in text:
        return text
    return MARKUP.sub(lambda m: " " * len(m.group()), text)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def _toll_hits(text: str, s: int, e: int, lex: _Lex, lang: str) -> Found:
    out = []
    for m in lex.toll.finditer(text, s, e):
        c = _read_count(m, text, lex, lang, s, "c", bare_article=True, after_preposition=True)
        if c is None:
            continue
        parts = _listed_parts(text, c, e, lex, lang)
        kind, end = _toll_kind(text, parts[-1].end if parts else c.end, lex)
        update = bool(lex.toll_update.search(text, max(s, m.start() - 20), c.start)
                      or lex.toll_later.search(text, s, m.start()))
        if lex.toll_earlier.search(text, m.start(), c.start) or _told_earlier(text, s, c.start, lex):
            # an earlier toll that a later count replaces ("Un premier bilan faisait état de dix-sept morts"):
            # a plain count, neither the stated total nor a revision
            out.append(((c.start, c.end), CountHit(c.start, end, kind, c.value, c.qualifier, False, False)))
            continue
        if parts:   # "le bilan fait état de six civils et deux militaires tués": the toll is the parts' sum
            for part in [c] + parts:
                out.append(((part.start, part.end), CountHit(part.start, end, kind, part.value, part.qualifier,
                                                             False, update)))
            continue
        out.append(((c.start, c.end), CountHit(m.start(), end, kind, c.value, c.qualifier, True, update)))
    near = {c for c, _ in out}
    for m in lex.toll_far.finditer(text, s, e):   # "le bilan de l'attaque ..., est passé à 18 civils tués"
        c = _read_count(m, text, lex, lang, s, "c", bare_article=True, after_preposition=True)
        if c is not None and (c.start, c.end) not in near:
            kind, end = _toll_kind(text, c.end, lex)
            out.append(((c.start, c.end), CountHit(m.start(), end, kind, c.value, c.qualifier, True, True)))
    for m in lex.toll_raise.finditer(text, s, e):
        c = _read_count(m, text, lex, lang, s, "c", bare_article=True, after_preposition=True)
        if c is not None:
            kind = "injured" if lex.kinds["injured"].noun_word.fullmatch(m["noun"]) else "killed"
            out.append(((c.start, c.end), CountHit(m.start(), m.end(), kind, c.value, c.qualifier, True, True)))
    return out


def _listed_parts(text: str, first: _Count, e: int, lex: _Lex, lang: str) -> list[_Count]:
    """The counts listed after a toll's first count, each of people ("six civils et deux militaires", "three
    soldiers and two civilians"): the parts the toll is told in. Empty when the first count has no person noun
    of its own or no other count of people follows it."""
    parts: list[_Count] = []
    end = first.end
    while (head := lex.person.match(text, end)) is not None:
        join = lex.part_join.match(text, head.end())
        if not text[join.start():join.end()].strip():
            break
        counts = _counts_in(text, join.end(), min(e, join.end() + 40), lex, lang)
        if not counts or counts[0].start != join.end() or not lex.person.match(text, counts[0].end):
            break
        parts.append(counts[0])
        end = counts[0].end
    return parts


def _toll_kind(text: str, end: int, lex: _Lex) -> tuple[str, int]:
    """Whether a toll's count is of the injured ("... et six blessés") or the dead, and where its noun ends."""
    space = re.compile(r"\s+").match(text, end)
    for kind in ("injured", "killed"):
        m = lex.kinds[kind].total_noun.match(text, space.end()) if space else None
        if m:
            return kind, m.end()
    return "killed", end


def _noun_hits(text: str, s: int, e: int, lex: _Lex, lang: str, blocked: list[tuple[int, int]]) -> Found:
    out = []
    for kind, k in lex.kinds.items():
        for m in k.noun.finditer(text, s, e):
            mid = m["mid"].strip()
            if _overlaps(m.start("noun"), m.end(), blocked) or lex.boundary.search(mid) \
                    or lex.conjunction.search(mid):
                continue
            c = _read_count(m, text, lex, lang, s, "c", bare_article=not mid, after_preposition=True)
            if c is None or _object_follows(text, m.end(), e, lex, lang) \
                    or lex.negation.search(text, max(s, c.start - NEGATION_CHARS), c.end) \
                    or (kind == "injured" and lex.died_after.match(text, m.end())):
                continue  # none, a verb with its own object ("150 troops killed two civilians"), "no one hurt",
                # wounded who died since ("plusieurs blessés ayant succombé"): of the dead, not the wounded
            total = c.total or (bool(k.total_noun.fullmatch(m["noun"])) and not c.other
                                and (not mid or bool(lex.generic.fullmatch(mid)))
                                and not lex.subgroup.match(text, m.end())   # "deux morts parmi les employés"
                                and not _told_earlier(text, s, c.start, lex))   # "Un précédent bilan faisait
            # état de cinq morts": an earlier toll the article replaces, a plain count and never the stated total
            out.append(((c.start, c.end), CountHit(c.start, m.end(), kind, c.value, c.qualifier, total,
                                                   additional=c.other)))
    return out


def _told_earlier(text: str, s: int, at: int, lex: _Lex) -> bool:
    """Whether a count at ``at`` is told as an earlier toll ("avaient initialement fait état de 11 morts"): an
    earlier-toll cue before it in its sentence with no other count between them (in "le bilan, initialement de
    quinze morts, a été revu à vingt morts" only the fifteen is the earlier one)."""
    cues = list(lex.toll_earlier.finditer(text, s, at))
    return bool(cues) and not lex.count.search(text, cues[-1].end(), at)


def _object_follows(text: str, end: int, e: int, lex: _Lex, lang: str) -> bool:
    """Whether a count directly follows (the object of a verb read as a noun)."""
    counts = _counts_in(text, end, min(e, end + 40), lex, lang, object_start=True)
    return bool(counts) and not text[end:counts[0].start].strip()


SCARE_QUOTE = re.compile(r'[«"“]\s*(?=\w+$)')


def _unquoted(cue: str) -> str:
    """A cue whose last word is in quotes (the army's « neutralisés »): the quote opens no clause."""
    return SCARE_QUOTE.sub(" ", cue)


def _cues(text: str, s: int, e: int, lex: _Lex, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Casualty verbs (start, end, kind, role), the longest of overlapping ones; negated ones left out."""
    found = [(m.start(), m.end(), kind, role)
             for kind, k in lex.kinds.items()
             for role, p in (("passive", k.passive), ("singular", k.singular), ("active", k.active))
             for m in p.finditer(text, s, e)
             if not _overlaps(m.start(), m.end(), blocked) and not lex.boundary.search(_unquoted(m.group()))
             and not lex.negation.search(text, max(s, m.start() - 12), m.end())
             and not (role == "active" and lex.cause_before.search(text, max(s, m.start() - 30), m.start())
                      and not lex.perfect_infinitive.match(m.group()))]
    kept: list[tuple[int, int, str, str]] = []
    for cue in sorted(found, key=lambda c: (c[0] - c[1], c[0])):
        if not _overlaps(cue[0], cue[1], [(a, b) for a, b, _, _ in kept]):
            kept.append(cue)
    return sorted(kept)


def _verb_hits(text: str, s: int, e: int, lex: _Lex, lang: str, blocked: list[tuple[int, int]]) -> Found:
    cues = _cues(text, s, e, lex, blocked)
    out: Found = []
    for i, (start, end, kind, role) in enumerate(cues):
        active = role == "active"
        if active:
            lo, hi = _object_span(text, end, cues[i + 1][0] if i + 1 < len(cues) else e, lex)
        else:
            lo, hi = _subject_span(text, max(s, cues[i - 1][1] if i else s, start - SPAN_CHARS), start, lex)
        additional = bool(lex.additional.search(text, s, end))
        counts = _counts_in(text, lo, hi, lex, lang, object_start=active)
        if active:   # an object's later counts are more people ("tuant trois soldats et deux civils"), not the
            # subject of a clause of its own ("... la mort d'un jeune et une vingtaine de voitures ont brûlé")
            counts = counts[:1] + [c for c in counts[1:] if lex.person.match(text, c.end)]
        if not counts and not active and not text[lo:hi].strip():
            counts = _antecedent(text, s, lo, lex, lang) or _apposed_subject(text, s, lo, lex, lang) \
                or _quoted_subject(text, s, lo, lex, lang)
        elif not counts and not active:
            counts = _relative_subject(text, s, lo, hi, lex, lang)
        for c in counts:
            hit_end = c.end if active else end
            out.append(((c.start, c.end), CountHit(c.start, hit_end, kind, c.value, c.qualifier, c.total,
                                                   additional=additional or c.other)))
        if not counts and ((role == "singular" and _personal(text, lo, hi, lex)) or _singular_np(text, lo, hi, lex)) \
                and not _shot_down(text, s, start, end, lo, hi, lex):
            out.append(((start, end), CountHit(start, end, kind, 1, "exact", False, additional=additional)))
    return out


ANTECEDENT_CHARS = 40  # how far before a relative pronoun its counted antecedent may start


def _antecedent(text: str, s: int, lo: int, lex: _Lex, lang: str) -> list[_Count]:
    """The count a relative pronoun takes up when it is the verb's whole subject ("quatre qui ont été touchées",
    "five others who sustained injuries"): the last count before the pronoun, at most two words from it."""
    rel = lex.relative.search(text, max(s, lo - 8), lo)
    if rel is None:
        return []
    counts = _counts_in(text, max(s, rel.start() - ANTECEDENT_CHARS), rel.start(), lex, lang)
    if counts and re.fullmatch(rf"(?:\s+{_WORD}){{0,2}}\s*,?\s*", text[counts[-1].end:rel.start()]):
        return counts[-1:]
    return []


RELATIVE_WORDS = 8  # the longest relative clause skipped between a counted subject and its verb


def _relative_subject(text: str, s: int, lo: int, hi: int, lex: _Lex, lang: str) -> list[_Count]:
    """The count of a subject cut from its verb by a short relative clause ("Deux villageois qui tentaient de
    résister ont été abattus", "One man who tried to resist was shot dead"): the count of people right before the
    relative pronoun that opens the verb's subject span."""
    span = text[lo:hi]
    if len(re.findall(_WORD, span)) > RELATIVE_WORDS or re.search(r"[,;:()«»\"“”]", span) \
            or _counts_in(text, lo, hi, lex, lang):
        return []
    rel = lex.relative.search(text, max(s, lo - 8), lo)
    if rel is None:
        return []
    counts = _counts_in(text, max(s, rel.start() - ANTECEDENT_CHARS), rel.start(), lex, lang)
    if counts and _person_follows(text, counts[-1].end, lex) \
            and re.fullmatch(rf"(?:\s+{_WORD}){{1,3}}\s*", text[counts[-1].end:rel.start()]):
        return counts[-1:]
    return []


QUOTE_CLOSE = "»\"”"
QUOTE_OPEN = "«“"


def _quoted_subject(text: str, s: int, lo: int, lex: _Lex, lang: str) -> list[_Count]:
    """The count of a subject quoted right before its verb ("côté rebelles, « au moins cinq assaillants » ont été
    tués", "\"at least five attackers\" were killed"): the counts of people inside the quotes."""
    close = text[max(s, lo - 2):lo].rstrip()
    if close and close[-1] in QUOTE_OPEN:   # the verb quoted, its subject before the quote ("Trois des agresseurs
        q = s + text[s:lo].rstrip().rfind(close[-1])   # « ont été réduits »")
        bounds = list(lex.boundary.finditer(text, max(s, q - SPAN_CHARS), q))
        start = bounds[-1].end() if bounds else max(s, q - SPAN_CHARS)
        return [c for c in _counts_in(text, start, q, lex, lang) if _person_follows(text, c.end, lex)][-1:]
    if not close or close[-1] not in QUOTE_CLOSE:
        return []
    end = text.rfind(close[-1], s, lo)
    start = max(text.rfind(q, s, end) for q in "«\"“")
    if start < 0 or end - start > SPAN_CHARS:
        return []
    return [c for c in _counts_in(text, start + 1, end, lex, lang) if _person_follows(text, c.end, lex)][:1]


APPOSITION_CHARS = 80  # the longest apposition skipped between a counted subject and its verb


def _apposed_subject(text: str, s: int, lo: int, lex: _Lex, lang: str) -> list[_Count]:
    """The count of a subject cut from its verb by an apposition between commas ("Cinq combattants des FDS,
    dominées par les Kurdes, ont été tués"): the last count of people in the segment before the apposition."""
    if lo <= s or text[lo - 1] != ",":
        return []
    comma = text.rfind(",", max(s, lo - 1 - APPOSITION_CHARS), lo - 1)
    if comma < 0 or lex.boundary.search(text, comma + 1, lo - 1) or _counts_in(text, comma + 1, lo - 1, lex, lang):
        return []
    bounds = list(lex.boundary.finditer(text, max(s, comma - SPAN_CHARS), comma))
    start = bounds[-1].end() if bounds else max(s, comma - SPAN_CHARS)
    counts = [c for c in _counts_in(text, start, comma, lex, lang) if _person_follows(text, c.end, lex)]
    return counts[-1:]


def _object_span(text: str, end: int, stop: int, lex: _Lex) -> tuple[int, int]:
    """From a verb to the first clause boundary, the next casualty verb, or a conjunction that is not
    followed by another count ("tuant trois civils et enlevant deux autres")."""
    hi = min(stop, end + SPAN_CHARS)
    m = lex.boundary.search(text, end, hi)
    hi = m.start() if m else hi
    for conj in lex.conjunction.finditer(text, end, hi):
        if not lex.count.match(text, re.match(r"\s*", text[conj.end():]).end() + conj.end()):
            return end, conj.start()
    return end, hi


def _subject_span(text: str, floor: int, start: int, lex: _Lex) -> tuple[int, int]:
    """From the last clause boundary to a verb; before a breakdown ("10 people, including 3 soldiers, died"),
    the head of the breakdown."""
    bounds = list(lex.boundary.finditer(text, floor, start))
    breakdowns = [b for b in bounds if lex.breakdown.fullmatch(b.group())]
    if breakdowns:
        hi = breakdowns[-1].start()
        before = [b for b in bounds if b.end() < hi - 1]
        return (before[-1].end() if before else floor), hi
    return (bounds[-1].end() if bounds else floor), start


def _personal(text: str, lo: int, hi: int, lex: _Lex) -> bool:
    """Whether a subject names a person: a person noun, a pronoun or a proper name (not "le drone")."""
    span = text[lo:hi]
    if lex.person.search(" " + span) or lex.singular_np.match(span) or not span.strip():
        return True
    words = (re.sub(r"^\w['’]", "", w) for w in re.findall(_WORD, span))  # "L'otage" -> "otage"
    return any(w[:1].isupper() and not lex.determiner.fullmatch(w) for w in words)


def _shot_down(text: str, s: int, start: int, end: int, lo: int, hi: int, lex: _Lex) -> bool:
    """"abattu" with no subject of its own in its clause, after a machine named earlier in the sentence ("un drone
    ... a été abattu"): a machine shot down, no one killed."""
    return bool(lex.shot_down_verb.search(text, start, end)) and not lex.person.search(" " + text[lo:hi]) \
        and bool(lex.machines.search(text, s, start))


def _singular_np(text: str, lo: int, hi: int, lex: _Lex) -> bool:
    """Whether the span opens on one definite person ("the commander", "la victime", "commander X") or is a
    pronoun ("he")."""
    m = lex.singular_np.match(text[lo:hi])
    if m is None:
        return False
    noun = m["noun"]
    return noun is None or not (noun.lower().endswith(("s", "x")) or lex.plural_person.fullmatch(noun))


# ---------------------------------------------------------------- the incident's figures

def casualties(doc: Document, sent_indices: list[int], trigger: Evidence | None = None,
               older: list[Evidence] | None = None, stop: int | None = None, after: int | None = None,
               parts: tuple[int, ...] = ()) -> tuple[Slot[int], Slot[int]]:
    """(fatalities, injuries) of one incident told in these sentences (and the trigger's); sentences other
    than the trigger's that tell of the past ("le mois dernier, ...") are left out, and so are counts in a
    relative clause on an older incident named after the trigger (``older``: the triggers of background
    mentions) and counts from offset ``stop`` on (another statement's clause after the trigger's). ``parts``: where
    parts of a toll told in incidents of their own open (mentions.toll_parts): their counts, to the end of their
    sentence, are not this incident's; ``after``: this incident is such a part, its sentence's counts before it are
    not its own."""
    own = trigger.sentence if trigger and trigger.sentence >= 0 else None
    indices = sorted(i for i in set(sent_indices) | ({own} if own is not None else set())
                     if i == own or past_reference(doc, i) is None)
    stop_sentence = doc.sentence_of(stop) if stop is not None else None
    hits = {i: [h for h in find_counts(doc, i) if not _elsewhere(doc, i, h, trigger)
                and not _of_older(doc, h, trigger, older or [])
                and not (stop is not None and h.start >= stop and doc.sentence_of(h.start) == stop_sentence)
                and not any(p <= h.start and doc.sentence_of(p) == i for p in parts)
                and not (after is not None and h.start < after and doc.sentence_of(after) == i)]
            for i in indices}
    for p in parts:   # "16 blessés, dont deux membres de gangs touchés lors d'un échange de tirs": 14 are this one's
        part = part_count(doc, p)
        i = doc.sentence_of(p)
        if part is not None and i in hits:
            hits[i] = [replace(h, value=h.value - part.value) if h.kind == part.kind and h.end <= p
                       and h.value > part.value else h for h in hits[i]]
    if after is not None:   # this incident is the part: its toll is the part's count
        part = part_count(doc, after)
        if part is not None and doc.sentence_of(after) in hits:
            hits[doc.sentence_of(after)].append(part)
    killed, injured = _figure(doc, "killed", _body_first(doc, hits, "killed")), \
        _figure(doc, "injured", _body_first(doc, hits, "injured"))
    return killed, _died_of_wounds(doc, hits, killed, injured)


def _died_of_wounds(doc: Document, hits: dict[int, list[CountHit]], killed: Slot[int],
                    injured: Slot[int]) -> Slot[int]:
    """The wounded less those of them who died since: a revised toll of the dead told with the wounded who died
    ("the toll rose to four after a woman died of her injuries", "un sixième soldat, grièvement blessé, a succombé
    à ses blessures, portant à six le nombre de militaires tués") takes its rise from an exact count of wounded told
    before it."""
    if not injured.value or killed.reason not in ("revised toll", "sum of both sides' counts"):
        return injured
    mine = [h for hs in hits.values() for h in hs]
    revised = [h for h in mine if h.kind == "killed" and h.update and h.total]
    if not revised:
        return injured
    rise = max(revised, key=lambda h: h.value)
    i = doc.sentence_of(rise.start)
    s, e = _bounds(doc, i)
    if not any(_lex(lang).wounded_died.search(doc.text, s, e) for lang in _langs(doc)):
        return injured
    # the rise counts from the body's first toll: a headline already gives the revised one ("11 soldiers killed")
    earlier = [h for h in mine if h.kind == "killed" and not h.update and h.start < rise.start]
    told = [h for h in earlier if not is_heading(doc, doc.sentence_of(h.start))] or earlier
    first = min(told, key=lambda h: h.start, default=None)
    wounded = [h for h in mine if h.kind == "injured" and any(ev.start == h.start for ev in injured.evidence)]
    delta = rise.value - first.value if first else 0
    if not wounded or any(h.qualifier != "exact" or h.start > rise.start for h in wounded) \
            or not 0 < delta <= injured.value:
        return injured
    return Slot(injured.value - delta, injured.evidence + [_evidence(doc, i, rise)],
                f"{injured.reason}, less {delta} of the wounded who died since")


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")   # the word after a breakdown word: the part's count


def part_count(doc: Document, start: int) -> CountHit | None:
    """The count of a part of a toll opening at ``start`` on its breakdown word ("dont deux membres de gangs
    touchés lors d'un ...", "including two gang members killed in ..."): dead when told so, wounded otherwise."""
    lang = doc.language if doc.language in LANGS else "fr"
    lex = _lex(lang)
    i = doc.sentence_of(start)
    end = doc.sentences[i][1] if i >= 0 else len(doc.text)
    head = lex.breakdown.match(doc.text, start, end)
    word = _NEXT_WORD.match(doc.text, head.end(), end) if head else None
    value = parse_number(word.group(1), lang) if word else None
    if not value or value <= 0:
        return None
    kind = "killed" if lex.part_killed.search(doc.text, word.end(), min(end, word.end() + 80)) else "injured"
    return CountHit(start, word.end(), kind, value, "exact", True)


def _body_first(doc: Document, hits: dict[int, list[CountHit]], kind: str) -> dict[int, list[CountHit]]:
    """A headline or subheading sums up the story, often two incidents at once ("Gunmen kill 7 at bar; soldiers
    ambushed in Sinaloa"): where the body gives counts of this kind, the headings' counts do not add to them."""
    hits = {i: _without_restated_heading(doc, hs) for i, hs in hits.items()}
    headings = {i for i in hits if is_heading(doc, i)}
    if not any(h.kind == kind for i, hs in hits.items() if i not in headings for h in hs):
        return hits
    return {i: hs for i, hs in hits.items() if i not in headings}


def _without_restated_heading(doc: Document, hs: list[CountHit]) -> list[CountHit]:
    """A headline run into the lead's sentence ("Syrie : 20 civils tués dans des frappes | Environ 20 civils ont
    été tués samedi ...", no full stop between them): its count, told again on a later line of the sentence, is
    that same count, not a part to add to it."""
    def restated(h: CountHit) -> bool:
        line_end = doc.text.find("\n", h.start)
        if line_end < 0 or doc.text[doc.text.rfind("\n", 0, h.start) + 1:line_end].rstrip()[-1:] in ".!?\"”»…":
            return False
        return any(o is not h and o.kind == h.kind and o.value == h.value and o.start > line_end for o in hs)
    return [h for h in hs if not restated(h)]


def is_heading(doc: Document, i: int) -> bool:
    """A sentence standing alone on its line without a full stop: a headline, a subheading or a caption line."""
    if not in_heading_line(doc, i):
        return False
    s, e = doc.sentences[i]
    starts_line = doc.text[:s].rstrip(" \t").endswith("\n") or not doc.text[:s].strip()
    ends_line = doc.text[e:].lstrip(" \t").startswith("\n") or not doc.text[e:].strip()
    return starts_line and ends_line


def in_heading_line(doc: Document, i: int) -> bool:
    """The sentence lies on a line that reads as a heading (no final full stop), even when the sentence splitter cut
    that line in several sentences ("Tchad : | jusqu'à vingt ans de prison pour les auteurs de l'attaque")."""
    if not 0 <= i < len(doc.sentences):
        return False
    s, e = doc.sentences[i]
    a = doc.text.rfind("\n", 0, s) + 1
    b = doc.text.find("\n", e)
    line = doc.text[a:b if b >= 0 else len(doc.text)].strip()
    return bool(line) and line[-1] not in ".!?\"”»…"


def _of_older(doc: Document, hit: CountHit, trigger: Evidence | None, older: list[Evidence]) -> bool:
    """A count in a relative clause on an older incident named after the trigger in its sentence ("protesters
    marked one year since demonstrations in which dozens of people were killed", "des manifestations au cours
    desquelles 60 personnes avaient été tuées"), or right after an older incident's trigger in another sentence of
    the incident ("The attack comes two weeks after bandits killed 11 people", "survient deux semaines après que
    des bandits ont tué onze villageois"): that incident's toll."""
    if trigger is None:
        return False
    for f in older:
        if f.sentence == trigger.sentence and trigger.end <= f.start and f.end <= hit.start:
            between = doc.text[f.end:hit.start]
            if any(_lex(lang).older_relative.search(between) for lang in _langs(doc)):
                return True
        elif f.sentence != trigger.sentence and f.end <= hit.start <= f.end + OLDER_TOLL_CHARS \
                and doc.sentence_of(hit.start) == f.sentence and not re.search(r"[,;:()]", doc.text[f.end:hit.start]):
            return True   # "The incident comes two weeks after bandits killed 11 people": the older incident's toll
    return False


OLDER_TOLL_CHARS = 30   # a count this close after an older incident's trigger, in a detail sentence, is its toll


ELSEWHERE_CHARS = 60  # how far after a count "elsewhere" / "ailleurs" places it in another incident


def _elsewhere(doc: Document, i: int, hit: CountHit, trigger: Evidence | None) -> bool:
    """A count said right after to be of another place or incident ("trois autres morts dans un raid ailleurs dans
    la bande de Gaza"), unless the incident's own trigger lies in between."""
    s, e = _bounds(doc, i)
    hi = min(e, hit.end + ELSEWHERE_CHARS)
    clause = re.search(r"[;.]\s", doc.text[hit.end:hi])
    hi = hit.end + clause.start() if clause else hi
    for lang in _langs(doc):
        cue = _lex(lang).elsewhere.search(doc.text, hit.end, hi)
        if cue and not (trigger is not None and trigger.sentence == i and hit.start <= trigger.start < cue.end()):
            return True
    return False


def _figure(doc: Document, kind: str, hits: dict[int, list[CountHit]]) -> Slot[int]:
    mine = [(i, h) for i, hs in hits.items() for h in hs if h.kind == kind]
    totals = [(i, h) for i, h in mine if h.total]
    # a vague total's stand-in figure ("plusieurs personnes ont été tuées", "several people": 3) gives way to a total
    # told with a figure ("4 à 10 personnes ont été tuées", "killing no fewer than five people")
    totals = [t for t in totals if t[1].qualifier != "vague"] or totals
    if totals:
        revised = [t for t in totals if t[1].update]
        i, best = max(revised, key=lambda t: t[1].value) if revised else min(totals, key=lambda t: t[1].value)
        reason = "revised toll" if revised else "stated total"
        # a total of one side's dead ("portant à six le nombre de militaires tués") and the other side's told apart
        side = _own_side(doc, best)
        other = _other_side(doc, [(i, best)], _sentence_groups([t for t in mine if not t[1].total]), side) \
            if side else None
        if other and not _vague_beside(other, [(i, best)]):
            return Slot(best.value + _sum(other),
                        [_evidence(doc, i, best)] + [_evidence(doc, j, h) for j, h in other],
                        "sum of both sides' counts")
        return Slot(best.value, [_evidence(doc, i, best)], reason)
    groups = _sentence_groups(mine)
    if groups:
        best_group = max(groups, key=_sum)
        value = _sum(best_group)
        reason = "count" if len(best_group) == 1 else "sum of subgroup counts"
        evidence = [_evidence(doc, i, h) for i, h in best_group]
        other = _other_side(doc, best_group, groups)
        if other and not _vague_beside(other, best_group):
            value += _sum(other)
            evidence += [_evidence(doc, i, h) for i, h in other]
            reason = "sum of both sides' counts"
        return Slot(value, evidence, reason)
    return _no_count(doc, kind, list(hits))


def _sum(group: list[tuple[int, CountHit]]) -> int:
    """A group's counts added up; a vague one ("plusieurs dizaines de terroristes") adds nothing beside an exact or
    approximate one (the conservative figure)."""
    firm = [h.value for _, h in group if h.qualifier != "vague"]
    return sum(firm) if firm else sum(h.value for _, h in group)


def _vague_beside(other: list[tuple[int, CountHit]], best: list[tuple[int, CountHit]]) -> bool:
    """The other side's counts are all vague while this side's are not: the conservative figure leaves them out."""
    return all(h.qualifier == "vague" for _, h in other) and any(h.qualifier != "vague" for _, h in best)


def _own_side(doc: Document, h: CountHit) -> str | None:
    """The side a stated total is of when it names it itself ("portant à six le nombre de militaires tués"); a
    toll of people in general ("un bilan de 17 morts") is of no side."""
    found = [(m.start(), side) for lang in _langs(doc) for side, pattern in _lex(lang).sides.items()
             if (m := pattern.search(doc.text, h.start, h.end))]
    return min(found)[1] if found else None


SIDE_CHARS = 40  # how far after a count its person noun is looked for
PARTITIVE_CHARS = 200  # how far before "d'entre eux" / "of them" the people it takes up are looked for


def _side(doc: Document, h: CountHit) -> str | None:
    """Which side of a fight a count is of ("forces", "attackers"), from the first person noun at the count."""
    text = doc.text[h.start:min(len(doc.text), max(h.end, h.start + SIDE_CHARS))]
    found = []
    for lang in _langs(doc):   # "dix-sept d'entre eux": of the people named last before the count
        part = _lex(lang).partitive.search(doc.text, h.start, min(len(doc.text), h.start + SIDE_CHARS))
        if part and len(re.findall(_WORD, doc.text[h.start:part.start()])) <= 3:
            before = doc.text[max(0, h.start - PARTITIVE_CHARS):h.start]
            named = [(m.end(), side) for side, pattern in _lex(lang).sides.items() for m in pattern.finditer(before)]
            if named:
                return max(named)[1]
    for lang in _langs(doc):
        part = _lex(lang).subgroup.match(doc.text, h.end)   # "vingt blessés parmi les manifestants"
        if part:
            text = doc.text[h.start:min(len(doc.text), part.end() + SIDE_CHARS)]
        for side, pattern in _lex(lang).sides.items():
            m = pattern.search(text)
            if m:
                found.append((m.start(), side))
    if not found:   # a singular verb's subject before it: "un guérillero a été tué", "a rebel was killed"
        before = re.split(r"[,;:.!?]|\b(?:et|and|mais|but)\b", doc.text[max(0, h.start - SIDE_CHARS):h.start])[-1]
        for lang in _langs(doc):
            for side, pattern in _lex(lang).sides.items():
                found += [(-m.start(), side) for m in pattern.finditer(before)]
    return min(found)[1] if found else None


def _group_side(doc: Document, group: list[tuple[int, CountHit]]) -> str | None:
    sides = {_side(doc, h) for _, h in group}
    return sides.pop() if len(sides) == 1 else None


def _other_side(doc: Document, best: list[tuple[int, CountHit]],
                groups: list[list[tuple[int, CountHit]]], side: str | None = None) -> list[tuple[int, CountHit]] | None:
    """The largest group of counts of the other side of the fight, told in another sentence than the best group
    (the dead of both sides add up: "un policier a été tué" ... "ses forces ont éliminé trois assaillants")."""
    side = side or _group_side(doc, best)
    if side is None:
        return None
    rows = {i for i, _ in best}
    others = [g for g in groups if g is not best and not rows & {i for i, _ in g}
              and _group_side(doc, g) not in (None, side)]
    return max(others, key=_sum) if others else None


def _sentence_groups(mine: list[tuple[int, CountHit]]) -> list[list[tuple[int, CountHit]]]:
    """Counts grouped by sentence; a sentence whose counts are all additional joins the one just before."""
    groups: list[list[tuple[int, CountHit]]] = []
    for i in sorted({i for i, _ in mine}):
        here = [(j, h) for j, h in mine if j == i]
        if groups and groups[-1][-1][0] == i - 1 and all(h.additional for _, h in here):
            groups[-1] += here
        else:
            groups.append(here)
    return groups


def _no_count(doc: Document, kind: str, indices: list[int]) -> Slot[int]:
    """0, with the words saying there were none (explicit zero) or that the toll is unknown."""
    for reason, pattern_of in (("explicit zero", lambda lex: lex.kinds[kind].zero), (NO_TOLL, lambda lex: lex.unknown)):
        for i in indices:
            s, e = _bounds(doc, i)
            for lang in _langs(doc):
                m = pattern_of(_lex(lang)).search(doc.text, s, e)
                if m:
                    return Slot(0, [Evidence(doc.id, i, m.start(), m.end(), m.group())], reason)
    return Slot(0, [], NO_TOLL)


def _evidence(doc: Document, i: int, h: CountHit) -> Evidence:
    return Evidence(doc.id, i, h.start, h.end, doc.text[h.start:h.end])


# ---------------------------------------------------------------- a total over sibling incidents

def _places_apart(a, b) -> bool:
    """Two places of which neither is the other nor lies in the other (by name)."""
    if a is None or b is None:
        return False
    names_a = {fold(x) for x in (a.location, a.admin1, a.admin2, a.admin3) if x}
    names_b = {fold(x) for x in (b.location, b.admin1, b.admin2, b.admin3) if x}
    return fold(a.location) not in names_b and fold(b.location) not in names_a


PLACE_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)*")   # a name in a place's evidence


def _named_in(doc: Document, ev, i: int, span: tuple[int, int] | None = None) -> bool:
    """Whether sentence ``i`` (or a span of it) names the place of incident ``ev``."""
    place = ev.place.value
    if place is None or place.kind == "country":
        return False
    s, e = span or doc.sentences[i]
    if any(s <= x.start < e for x in ev.place.evidence if x.sentence == i):
        return True
    words = {fold(n) for x in ev.place.evidence for n in PLACE_NAME.findall(x.text or "") if len(n) >= 3} \
        | {fold(place.location)}
    text = fold(doc.text[s:e])
    return any(w and has_word(text, w) for w in words)


# in a headline, what separates the clauses telling incidents apart for a toll: narrower than mention_cues'
# headline_clause (no "and" / "et", dashes or colons: "Quatre tués à X et Y" is one toll over both places)
_TOLL_CLAUSE_CUT = re.compile(r"\s*[,;]\s+")


def _in_other_clause(doc: Document, ev, sib, i: int, at: int) -> bool:
    """The count at ``at`` lies in a clause of sentence ``i`` that names ``sib``'s place and not ``ev``'s, while
    another clause names ``ev``'s: a contrast clause ("Un enseignant a été enlevé à X, tandis que quatre civils ont
    été tués dans Y", "while") or, in a headline, a clause of its own ("..., quatre civils tués dans Y")."""
    s, e = _bounds(doc, i)
    cuts = [(m.start(), m.end()) for lang in _langs(doc) for m in _lex(lang).contrast.finditer(doc.text, s, e)]
    if is_heading(doc, i):
        cuts += [(m.start(), m.end()) for m in _TOLL_CLAUSE_CUT.finditer(doc.text, s, e)]
    for a, b in cuts:
        mine, other = ((b, e), (s, a)) if at >= b else ((s, a), (b, e))
        if _named_in(doc, sib, i, mine) and not _named_in(doc, ev, i, mine) and _named_in(doc, ev, i, other):
            return True
    return False


def _over_places(doc: Document, i: int) -> bool:
    """Is sentence i's toll told over several places ("dans plusieurs régions", over_places in casualties.yaml)?"""
    s, e = _bounds(doc, i)
    return any(_lex(lang).over_places.search(doc.text, s, e) for lang in _langs(doc))


TOWN_PART = "one of the towns"   # how assemble.split_town_lists' reason for a town of a listed incident opens


def split_sibling_totals(doc: Document, events: list, told: dict[str, set[int]]) -> None:
    """A sentence's toll over several incidents the article tells apart ("Au moins 17 civils ont été tués dans des
    attaques contre X et Y" ... "À X, onze personnes ont été tuées"; "deux morts dans plusieurs régions") given to one
    of them: it takes its own count told in its other sentences (``told``: event id -> the sentences of its
    mentions), else the total less the counts told apart for the other incidents it names, else 0 (the split is
    unknown: ACLED's conservative rule)."""
    if len(events) < 2 or not doc.sentences:
        return
    for attr, kind in (("fatalities", "killed"), ("injuries", "injured")):
        new: dict[int, Slot[int]] = {}
        for ev in events:
            slot = getattr(ev, attr)
            rows = {e.sentence for e in slot.evidence}
            if not slot.value or len(rows) != 1 or not 0 <= (i := rows.pop()) < len(doc.sentences) \
                    or ev.place.reason.startswith(TOWN_PART):   # (a town of a list already has its own toll)
                continue
            others = [o for o in events if o is not ev and _places_apart(ev.place.value, o.place.value)]
            wide = _over_places(doc, i)
            sibs = [o for o in others if wide or _named_in(doc, o, i)]
            # the incidents named here whose own count is told in another sentence
            apart = [o for o in sibs if getattr(o, attr).value
                     and i not in {e.sentence for e in getattr(o, attr).evidence}]
            # a total over them: told over several places, naming two of them, or one in a clause of its own (a
            # single place named beside the count is most often a landmark, a region or the dateline)
            if not apart or not (wide or len(sibs) >= 2
                                 or any(_in_other_clause(doc, ev, o, i, slot.evidence[0].start) for o in sibs)):
                continue
            names = ", ".join(sorted({o.place.value.location for o in sibs}))
            own_rows = sorted(j for j in (told.get(ev.id, set()) | {ev.sentence}) - {i}
                              if 0 <= j < len(doc.sentences) and not any(_named_in(doc, o, j) for o in sibs))
            own = _figure(doc, kind, {j: [h for h in find_counts(doc, j) if h.kind == kind] for j in own_rows
                                      if 0 <= j < len(doc.sentences)})
            if own.value:
                new[id(ev)] = Slot(own.value, own.evidence, f"{own.reason} (the total told with {names} is theirs too)")
                continue
            hit = next((h for h in find_counts(doc, i) if h.kind == kind and
                        any(h.start <= e.start < max(h.end, h.start + 1) or e.start <= h.start < e.end
                            for e in slot.evidence)), None)
            rest = slot.value - sum(getattr(o, attr).value for o in apart)
            if len(apart) == len(sibs) and rest > 0 and hit is not None and hit.qualifier in ("exact", "at least"):
                new[id(ev)] = Slot(rest, slot.evidence + [e for o in apart for e in getattr(o, attr).evidence],
                                   f"the total told with {names} less their own counts")
            else:
                new[id(ev)] = Slot(0, [], f"the total is over several incidents ({names}): its own part is unknown")
        for ev in events:
            if id(ev) in new:
                setattr(ev, attr, new[id(ev)])
