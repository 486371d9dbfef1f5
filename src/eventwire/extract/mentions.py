"""Event mentions: find incident tellings in a document, type them and tell real new incidents from the rest.

Per sentence, trigger hits (``typing_rules``) get a kind each (``data/mention_cues.yaml`` plus the spaCy
parse): background (cause of another incident, apposition, past context), not-event (threat, plan, call,
condition, future, denial, negation) or aggregate (counts of several incidents). Event hits of a sentence
form one mention led by the highest-priority trigger; hits of another kind form their own mentions.
Casualty words ("killed", "blessés") only lead a mention when nothing else does; told alone shortly after an
event, they are details of it (anaphoric), as are deployments "to the scene" and trigger-less sentences the
classifier types as incidents. Details of a demonstration (dispersal, arrests, stones) told in the next
sentences upgrade its sub-type.

Type decision (rules and classifier combined):
  * a trigger typed by the rules keeps its sub-type (its sentence is not encoded for it: an override by the
    classifier, once allowed at 0.95 against 0.01, never changed a type on the dev notes, corpus or real pages);
  * a family trigger the rules leave ambiguous takes the type of another trigger of its sentence typed by
    the rules, else the type of the incident told before when it is one of the family's candidates, else
    the classifier's best candidate of that family, or the family's fallback when that candidate scores below
    ``FAMILY_SURE``;
  * a definite noun that refers back ("l'attaque", "the strike") to an event told earlier is an anaphoric
    event mention and takes that event's type when its own trigger is generic (a family word);
  * a sentence without a trigger gives an event mention (lead verb as trigger) only when the classifier
    is at least ``CLASSIFIER_ONLY`` sure of one sub-event type.
"""
from __future__ import annotations

import calendar
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import AGGREGATE, BACKGROUND, EVENT, NOT_EVENT, SUB_TO_TYPE, Document, Mention, Slot
from ..nlp.pipeline import analyse
from .casualties import in_heading_line, is_heading
from .dates import days_before_reference, month_of, weekdays_in
from .classifier import NONE, classify_batch, classify_sentence, prime
from .patterns import WordPatterns, has_word
from .typing_rules import Hit, family_rule, find_hits, lead, lexicon, normalise

__all__ = ["find_mentions", "classify_sentence"]

CUES = Path(__file__).resolve().parents[1] / "data" / "mention_cues.yaml"
WORDS = Path(__file__).resolve().parents[1] / "data" / "mention_words.yaml"
CLASSIFIER_ONLY, FAMILY_SURE = 0.8, 0.6
NEAR_WORDS = 4      # words allowed between a cause / apposition / threat cue and its trigger
GOVERN_CHARS = 90   # how far before a trigger a threat or denial cue may govern it
AGGREGATE_CHARS = 40
DETAIL_FAMILIES = {"killing"}
CLAUSE_POS = {"VERB", "AUX"}
DEMONSTRATION = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
                 "Violent demonstration": 3}  # severity: details upgrade a demonstration to a higher one
DETAIL_TYPES = {"Protests", "Riots", "Strategic developments", "Violence against civilians", None}
DETAIL_SENTENCES = 3
STATIVE_SUBS = {"Change to group/activity", "Other"}   # "troops are deployed", "residents were evacuated": a state
CRIME_SUBS = {"Arrests", "Looting/property destruction"}   # what common crime looks like: an arrest, a theft
RESPONSE_TYPES = {"Change to group/activity", "Other", "Arrests"}


@dataclass(frozen=True)
class Cues:
    """Compiled cue lists of one language."""
    cause: tuple[re.Pattern, ...]
    apposition: tuple[re.Pattern, ...]
    threat: tuple[re.Pattern, ...]
    past_sentence: tuple[re.Pattern, ...]
    denial: tuple[re.Pattern, ...]
    aggregate: tuple[re.Pattern, ...]
    series: tuple[re.Pattern, ...]
    repeated: tuple[re.Pattern, ...]
    background: tuple[re.Pattern, ...]
    new_incident: tuple[re.Pattern, ...]
    another_incident: tuple[re.Pattern, ...]
    response: tuple[re.Pattern, ...]
    scene_reports: tuple[re.Pattern, ...]
    accusation: tuple[re.Pattern, ...]
    relative_day: tuple[re.Pattern, ...]
    recent_past: tuple[re.Pattern, ...]   # "last week": a lead's only incident so dated is the news
    day_before: re.Pattern
    toll_aggregate: tuple[re.Pattern, ...]
    accident: tuple[re.Pattern, ...]
    ordinary_crime: tuple[re.Pattern, ...]
    figurative: tuple[re.Pattern, ...]
    crowd_control: tuple[re.Pattern, ...]   # crowd-control means: a clash word beside them polices a demonstration
    older_tail: tuple[re.Pattern, ...]   # "X comes/came ... after": what follows in the sentence is the older story
    violence: re.Pattern
    arresting_forces: re.Pattern   # a violence word that is only the force making an arrest or reporting a theft
    year: re.Pattern
    month: re.Pattern
    day: re.Pattern
    happen: re.Pattern
    negation: re.Pattern
    negation_with_particle: re.Pattern   # negation words that negate only beside "ne" ("plus", "rien")
    negation_particle: re.Pattern        # "ne", "n'"
    report_verbs: re.Pattern
    munitions: re.Pattern
    armed_people: re.Pattern
    arrest_of_culprits: re.Pattern
    culprits: re.Pattern
    arrest_told: re.Pattern
    reported_new_agent: re.Pattern  # "a déclaré qu'un groupe armé avait" right before a trigger
    hours_after: re.Pattern        # "quelques heures après", "a few hours later"
    time_reference: re.Pattern     # "quelques heures après (le début des)" right before a trigger: no telling
    other_clause: re.Pattern       # a clause of another statement ("while", "tandis que") between two triggers
    fronted_place: re.Pattern
    toll_part_incident: re.Pattern  # "dont deux membres de gangs touchés lors d'un" right before a trigger
    toll_part_open: re.Pattern      # the same anywhere in a sentence (a sentence without one has no toll part)
    town_list: re.Pattern
    town_preposition: str   # how the gazetteer is asked for a listed name as a place ("à", "in")
    town_contrast: re.Pattern      # what separates two towns' outcomes ("X a été pris sans combat, mais Y ...")
    town_list_areas: re.Pattern
    crime_of: re.Pattern
    they: re.Pattern
    interview_turn: re.Pattern
    stative_aux: re.Pattern
    subject_pronouns: re.Pattern
    determiners: re.Pattern
    any_determiners: re.Pattern
    indefinite_determiners: re.Pattern   # "des", "de": a bare plural, a kind ("des bandes qui rançonnent")
    perfect_aux: re.Pattern        # "have", "avoir": "could have killed"
    past_passive_aux: re.Pattern   # "was", "were" (English only)
    perception_verbs: re.Pattern   # lemmas: "hear", "voir"
    demonstratives: re.Pattern     # "cette", "this"
    contracted_articles: re.Pattern   # "du", "aux" (French only)
    future_form: re.Pattern        # French future endings the tagger misses
    list_tail: re.Pattern   # an earlier item of a list before its last one ("massacres, ", "raids and the ")
    modals: re.Pattern
    several_incidents: re.Pattern
    headline_clause: re.Pattern
    roundup: re.Pattern
    sub_place: re.Pattern          # a part of a town (neighbourhood, street, market): no scene of its own
    plural_incidents: re.Pattern   # a lead telling several incidents at once over an area
    bodies_found: re.Pattern       # "bodies were found on Friday": a day after the incident, not its own


@dataclass(frozen=True)
class Words:
    """The word lists of ``mention_words.yaml``, every language together."""
    light_verbs: frozenset[str]
    perfect_aux: frozenset[str]
    past_perfect_forms: frozenset[str]
    plan_verbs: frozenset[str]
    participants: re.Pattern


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists, loaded once."""
    raw = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    union = {k: frozenset(w for lang in raw.values() for w in lang[k])
             for k in ("light_verbs", "perfect_aux", "past_perfect_forms", "plan_verbs")}
    participants = re.compile("|".join(lang["participants"] for lang in raw.values()), re.IGNORECASE)
    return Words(**union, participants=participants)


def _cue_rx(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:(?<!\w)|(?=[,;]))(?:{pattern})(?:(?<=['\s])|(?!\w))", re.IGNORECASE)


@lru_cache(maxsize=4)
def cues(lang: str) -> Cues:
    """The compiled cue lists of ``mention_cues.yaml`` for a language (cached)."""
    raw = yaml.safe_load(CUES.read_text(encoding="utf-8"))[lang]
    lists = {k: tuple(_cue_rx(p) for p in raw[k])
             for k in ("cause", "apposition", "threat", "denial", "aggregate", "series", "repeated", "background",
                       "past_sentence",
                       "new_incident", "another_incident", "response", "scene_reports", "accusation", "relative_day", "recent_past", "toll_aggregate",
                       "accident", "ordinary_crime", "figurative", "crowd_control", "older_tail")}
    words = {k: re.compile(rf"(?:{raw[k]})$", re.IGNORECASE)
             for k in ("happen", "negation", "negation_with_particle", "negation_particle", "determiners", "any_determiners",
                       "indefinite_determiners", "perfect_aux", "past_passive_aux", "perception_verbs", "demonstratives",
                       "contracted_articles", "future_form", "modals",
                       "report_verbs",
                       "subject_pronouns", "stative_aux", "arresting_forces")}
    return Cues(**lists, year=_cue_rx(raw["year"]), month=_cue_rx(raw["month"]), day=_cue_rx(raw["day"]), day_before=_cue_rx(raw["day_before"]), bodies_found=_cue_rx(raw["bodies_found"]),
                violence=_cue_rx(raw["violence"]), munitions=_cue_rx(raw["munitions"]),
                armed_people=_cue_rx(raw["armed_people"]),
                arrest_of_culprits=_cue_rx(raw["arrest_of_culprits"]),
                culprits=re.compile(rf"(?:{raw['culprits']})$", re.IGNORECASE),
                several_incidents=_cue_rx(raw["several_incidents"]),
                headline_clause=re.compile(raw["headline_clause"], re.IGNORECASE),
                roundup=_cue_rx(raw["roundup"]),
                sub_place=re.compile(raw["sub_place"], re.IGNORECASE),
                plural_incidents=re.compile(raw["plural_incidents"], re.IGNORECASE),
                arrest_told=_cue_rx(raw["arrest_told"]),
                other_clause=_cue_rx(raw["other_clause"]),
                hours_after=_cue_rx(raw["hours_after"]),
                time_reference=re.compile(rf"(?<!\w)(?:{raw['time_reference']})\s*$", re.IGNORECASE),
                reported_new_agent=re.compile(rf"(?<!\w)(?:{raw['reported_new_agent']})", re.IGNORECASE),
                fronted_place=re.compile(raw["fronted_place"], re.IGNORECASE),
                toll_part_incident=re.compile(rf"(?<!\w)(?:{raw['toll_part_incident']})$", re.IGNORECASE),
                toll_part_open=re.compile(rf"(?<!\w)(?:{raw['toll_part_incident']})", re.IGNORECASE),
                town_list=re.compile(raw["town_list"], re.IGNORECASE),
                town_preposition=raw["town_preposition"],
                town_contrast=re.compile(raw["town_contrast"], re.IGNORECASE),
                town_list_areas=re.compile(raw["town_list_areas"], re.IGNORECASE),
                crime_of=re.compile(rf"(?<!\w)(?:{raw['crime_of']})\W*$", re.IGNORECASE),
                they=re.compile(rf"^\W*(?:{raw['they']})(?!\w)", re.IGNORECASE),
                interview_turn=re.compile(rf"[\W_]*(?:{raw['interview_turn']})", re.IGNORECASE),
                list_tail=_list_tail(raw["list_conjunction"], raw["list_article"]), **words)


QUOTE_OPEN, QUOTE_CLOSE = '[«"“]', '[»"”]'


def _list_tail(conjunction: str, article: str) -> re.Pattern:
    """An earlier item of a list before its last one: "massacres, ", "raids and " (a word, then a comma or a
    conjunction, and the article of the next item; stripped one at a time). Items may be quoted, the charges of a
    verdict often are: « d'actes de terrorisme », d'« assassinats »."""
    return re.compile(rf"[\w'-]+\s*{QUOTE_CLOSE}?\s*(?:,\s*(?:{conjunction})?|\b(?:{conjunction}))\s*(?:{article})?"
                      rf"\s*{QUOTE_OPEN}?\s*$")


def doc_lang(doc: Document) -> str:
    """The document's language when its cues exist (fr, en), else French."""
    return doc.language if doc.language in ("fr", "en") else "fr"


def _sentence_and_cues(doc: Document, i: int) -> tuple[str, Cues]:
    """The sentence's normalised text and its language's cues."""
    s, e = doc.sentences[i]
    return normalise(doc.text[s:e]), cues(doc_lang(doc))


def aggregate_toll_sentence(doc: Document, i: int) -> bool:
    """A sentence whose figures add up several incidents or a whole period ("au total, en douze jours, 70 morts",
    "the campaign has killed 52,000"): its toll belongs to no single incident told before it."""
    text, c = _sentence_and_cues(doc, i)
    return any(rx.search(text) for rx in (*c.toll_aggregate, *c.aggregate, *c.repeated))


def roundup(doc: Document, m: Mention) -> bool:
    """A mention told only by a toll word in a sentence that gives a total over several incidents ("dix-neuf
    personnes ont été tuées ce week-end dans une série de violences", "were killed in separate attacks over the
    weekend"); an incident named by its own noun ("deux frappes de drones") is no round-up."""
    s0 = doc.sentences[m.sentence][0]
    text, c = _sentence_and_cues(doc, m.sentence)
    found = list(c.roundup.finditer(text))
    if not found:
        return False
    if any(f.start() <= m.trigger.start - s0 < f.end() for f in found):   # "in a series of attacks"
        return True
    hits = find_hits(doc.text, m.trigger.start, m.trigger.end, doc_lang(doc))
    return bool(hits) and all(h.trigger.family in DETAIL_FAMILIES for h in hits)


def several_incidents_sentence(doc: Document, i: int) -> bool:
    """A sentence that sums up several incidents ("two separate attacks killed 15 people")."""
    text, c = _sentence_and_cues(doc, i)
    return bool(c.several_incidents.search(text))


# -- two rules several stages check: one implementation each ---------------------------------------------------

def arrested_hours_after(doc: Document, sub: str, sentence: int, told_in) -> bool:
    """An arrest told in a sentence of its own (none of ``told_in``, the demonstration's sentences) as made hours
    after a demonstration ("interpellé chez lui quelques heures après la manifestation", "arrested at his home a few
    hours after the protest", ``hours_after``): not the demonstration's policing, an incident of its own. Used when
    mentions are typed (mentions._crowd_control, _demonstration_details) and when they are grouped (assemble)."""
    if sub != "Arrests" or sentence in told_in:
        return False
    text, c = _sentence_and_cues(doc, sentence)
    return bool(c.hours_after.search(text))


def other_statement(doc: Document, sub: str, trigger_end: int, sentence: int) -> int | None:
    """Where a clause of another statement starts after an arrest's trigger in its sentence ("police said they
    arrested four men, while medics said two villagers were wounded", "… tandis que les secours ont indiqué que deux
    habitants avaient été blessés", ``other_clause``): the triggers and counts from there on tell the incident told
    before, not the arrest. None when the trigger is no arrest or no such clause follows. Used for the sentence's
    mentions (_detached_toll, _killing_over_arrest), their grouping (assemble._stated_apart) and the arrest's toll
    (casualties' ``stop``)."""
    if sub != "Arrests" or not 0 <= sentence < len(doc.sentences):
        return None
    c = cues(doc_lang(doc))
    cue = c.other_clause.search(doc.text, trigger_end, doc.sentences[sentence][1])
    return cue.start() if cue else None


def toll_parts(doc: Document, sentence: int) -> dict[int, int]:
    """The parts of a toll told in an incident of their own in a sentence ("16 personnes ont été blessées dans
    l'attaque, dont deux membres de gangs touchés lors d'un échange de tirs avec la police", "..., including two
    gang members hit in an exchange of fire with police", ``toll_part_incident`` right before a trigger that is no
    toll word): {trigger start: start of the part}. The trigger tells another incident, whose toll is the part's;
    the counts of the part are not the toll of the incident the sentence tells."""
    if not 0 <= sentence < len(doc.sentences):
        return {}
    lang = doc_lang(doc)
    s, e = doc.sentences[sentence]
    out: dict[int, int] = {}
    c = cues(lang)
    if not c.toll_part_open.search(doc.text, s, e):
        return out
    for h in find_hits(doc.text, s, e, lang):
        if h.trigger.family in DETAIL_FAMILIES or h.trigger.family is None:
            continue
        found = c.toll_part_incident.search(doc.text, max(s, h.start - 160), h.start)
        if found is not None:
            out[h.start] = found.start()
    return out


def toll_part(doc: Document, trigger_start: int, sentence: int) -> int | None:
    """Where the part of a toll that the trigger at ``trigger_start`` tells opens (see ``toll_parts``), or None."""
    return toll_parts(doc, sentence).get(trigger_start)


@dataclass
class _Ctx:
    """What the sentence-level decisions need."""
    doc: Document
    sdoc: object
    lang: str
    cues: Cues
    pub_year: int | None
    pub_month: int | None
    clauses: list[tuple["Mention", frozenset[str]]] = field(default_factory=list)   # a split headline's clauses


def find_mentions(doc: Document, sdoc=None) -> list[Mention]:
    """Incident mentions of a document, in text order (date, place, actors and casualties left empty)."""
    if sdoc is None:
        sdoc = analyse(doc)
    elif not doc.sentences:
        doc.sentences = [(s.start_char, s.end_char) for s in sdoc.sents]
    lang = doc_lang(doc)
    ctx = _Ctx(doc, sdoc, lang, cues(lang), *_year_month(doc.published))
    hits = _AHEAD.pop((lang, doc.text, tuple(doc.sentences)), None) \
        or [find_hits(doc.text, s, e, lang) for s, e in doc.sentences]
    wanted = _to_score(hits)
    prime([doc.text[s:e] for n, (s, e) in enumerate(doc.sentences) if n in wanted])
    mentions: list[Mention] = []
    for i, sent_hits in enumerate(hits):
        probs = _Scores(doc.text[slice(*doc.sentences[i])])
        if sent_hits:
            mentions.extend(_sentence_mentions(ctx, i, sent_hits, probs, mentions))
        else:
            mentions.extend(_classifier_mention(ctx, i, probs, mentions))
    mentions = _without_last_resort(hits, mentions)
    _demonstration_details(ctx, mentions)
    _relative_to_background(ctx, mentions)
    _recent_lead(ctx, mentions)
    for n, m in enumerate(mentions):
        m.id = f"{doc.id}:m{n}"
    return mentions


def sentences_to_score(doc: Document) -> list[str]:
    """The sentences of a (segmented) document whose classifier scores :func:`find_mentions` reads: those with a
    trigger the rules leave open (a family's candidates) and those without any trigger (the classifier alone may
    make them an incident). A batch encodes them together; the others (a third to a half of the sentences: every
    trigger typed by the rules) are never encoded."""
    lang = doc_lang(doc)
    hits = [find_hits(doc.text, s, e, lang) for s, e in doc.sentences]
    _AHEAD[(lang, doc.text, tuple(doc.sentences))] = hits   # find_mentions reads them instead of finding them again
    while len(_AHEAD) > AHEAD:
        _AHEAD.popitem(last=False)
    wanted = _to_score(hits)
    return [doc.text[s:e] for n, (s, e) in enumerate(doc.sentences) if n in wanted]


AHEAD = 256   # documents whose trigger hits sentences_to_score found ahead, kept for find_mentions
_AHEAD: OrderedDict[tuple[str, str, tuple[tuple[int, int], ...]], list[Hit]] = OrderedDict()


def _to_score(hits: list[list[Hit]]) -> set[int]:
    """Indices of the sentences whose scores the type decisions read (see :func:`sentences_to_score`). A trigger
    typed by the rules keeps its type: its sentence is not encoded for it."""
    return {n for n, sent_hits in enumerate(hits)
            if not sent_hits or any(h.sub is None and h.candidates for h in sent_hits)}


class _Scores(Mapping):
    """A sentence's classifier scores ({label: probability}), encoded on first read (most sentences are never
    read: their triggers are typed by the rules); sentences a batch primed are read from the classifier's cache."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._probs: dict[str, float] | None = None

    def _get(self) -> dict[str, float]:
        if self._probs is None:
            self._probs = classify_batch([self.text])[0]
        return self._probs

    def __getitem__(self, key: str) -> float:
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def _without_last_resort(hits: list[list[Hit]], mentions: list[Mention]) -> list[Mention]:
    """A coder's remark read as a trigger ("[size=dozens]", a note's label "Property destruction:") tells an
    incident only when the text tells none by its own words: its mentions go when another event mention leads."""
    resort = {h.start for sent_hits in hits for h in sent_hits if h.trigger.last_resort}
    if resort and any(m.kind == EVENT and m.trigger.start not in resort and not m.kind_reason.startswith("anaphoric")
                      for m in mentions):
        return [m for m in mentions if m.trigger.start not in resort]
    return mentions


def _year_month(published: str) -> tuple[int | None, int | None]:
    year = int(published[:4]) if published[:4].isdigit() else None
    month = int(published[5:7]) if published[5:7].isdigit() else None
    return year, month


# -- grouping and typing ------------------------------------------------------------------------------------

def _main_verb_not_support(ctx: _Ctx, hits: list[Hit]) -> None:
    """A support cue demotes the trigger its phrase introduces ("backed by airstrikes"), never the sentence's main
    verb after it: in "Somali troops backed by clan militias regained control of the town" the subject's support is
    told, the regaining is the news."""
    for hit in hits:
        if hit.demoted:
            tok = _token(ctx, hit.start, hit.end)
            if tok is not None and tok.dep_ == "ROOT" and tok.pos_ == "VERB":
                hit.demoted = False


def _sentence_mentions(ctx: _Ctx, i: int, hits: list[Hit], probs: dict[str, float],
                       earlier: list[Mention]) -> list[Mention]:
    _main_verb_not_support(ctx, hits)
    kinds = _linked_kinds(ctx, hits, [_hit_kind(ctx, i, h) for h in hits])
    groups: dict[tuple[str, str], list[Hit]] = {}
    parts = toll_parts(ctx.doc, i) if len(hits) > 1 else {}
    for n, (hit, kind) in enumerate(zip(hits, kinds)):
        if kind[1].startswith(TIME_REFERENCE):
            continue
        if kind == (EVENT, "") and hit.start in parts:
            # "..., dont deux membres de gangs touchés lors d'un échange de tirs avec la police"
            kind = (EVENT, TOLL_PART)
        if hit.trigger.family in DETAIL_FAMILIES and len(hits) > 1:
            kind = _detail_kind(n, hits, kinds)
        groups.setdefault(kind, []).append(hit)
    detached = _detached_toll(ctx, i, groups.get((EVENT, ""), []))
    if detached is not None:
        groups[(EVENT, "")].remove(detached)
    out: list[Mention] = []
    for (kind, reason), group in groups.items():
        clauses = _headline_clauses(ctx, i, group) if kind == EVENT else []
        if clauses:
            out.extend(_clause_mentions(ctx, i, clauses, probs, earlier + out))
            continue
        mention = _mention(ctx, i, _killing_over_arrest(ctx, group) or _resolved_lead(group), kind, reason, probs,
                           earlier + out)
        if mention is not None:
            out.append(mention)
    if detached is not None:   # the toll of the incident told before, not of this sentence's arrest
        mention = _mention(ctx, i, detached, EVENT, "", probs, earlier)
        if mention is not None:
            out.append(mention)
    return sorted(out, key=lambda m: m.trigger.start)


def _detached_toll(ctx: _Ctx, i: int, group: list[Hit]) -> Hit | None:
    """A casualty word after an arrest, in a clause of another statement ("police said they arrested four men,
    while medics said two villagers were wounded", "… tandis que les secours ont indiqué que deux habitants avaient
    été blessés"): a detail of the incident told before, not the arrest's own toll."""
    top = lead(group) if group else None
    stop = other_statement(ctx.doc, top.sub, top.end, i) if top is not None else None
    if stop is None:
        return None
    for h in group:
        if h.trigger.family in DETAIL_FAMILIES and h.start > stop \
                and not any(o is not h and o.trigger.family not in DETAIL_FAMILIES and o.start >= stop for o in group):
            return h
    return None


HEADLINE_CLAUSE = "headline: one of several incidents"
TOLL_PART = "own incident: told in a part of another incident's toll"
PAST_PERFECT = "past perfect in a main clause"   # background an incident told before the news one (assembly reads it)
TIME_REFERENCE = "time reference"   # "quelques heures après la manifestation": the incident told says when
ANOTHER_DAY = "own incident: reported on a day of its own by an agent not named before"
# an anaphor whose own words give the type of an incident told before the last one ("Les combats ont duré trois
# heures" after a clash then an abduction): it tells that incident (assembly joins it there)
OWN_TYPE_TOLD_BEFORE = "anaphoric: refers to the incident told before of its own type"
NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]{2,}")


def clause_spans(doc: Document, c: Cues, i: int = 0) -> list[tuple[int, int]]:
    """The clauses of the headline (sentence ``i``; document offsets), cut at ``headline_clause``."""
    s0, e0 = doc.sentences[i]
    cuts = [s0 + m.end() for m in c.headline_clause.finditer(doc.text, s0, e0)]
    return list(zip([s0] + cuts, cuts + [e0]))


def clause_names(doc: Document, c: Cues, a: int, b: int) -> frozenset[str]:
    """The names of the headline clause at a..b that the body names again (its first word only when the body names
    it inside a sentence too: a headline's clause opens on a capital, "Gang kills six", "Nikopol shelled")."""
    if len(doc.sentences) < 2:
        return frozenset()
    body = doc.text[doc.sentences[1][0]:]
    first = NAME.match(doc.text, a)
    return frozenset(n.group(0) for n in NAME.finditer(doc.text, a, b)
                     if names_in(body, [n.group(0)]) and not (first and n.start() == first.start() and not re.search(
                         rf"[a-z,;]\s+{re.escape(n.group(0))}(?![\w-])", body)))


def names_in(text: str, names) -> bool:
    """One of the names is in the text as a word of its own."""
    return any(has_word(text, n, "-") for n in names)


def headline_clause_span(doc: Document, m: Mention) -> tuple[int, int]:
    """The span of the headline clause a mention of the headline is told in."""
    c = cues(doc_lang(doc))
    return next(((a, b) for a, b in clause_spans(doc, c) if a <= m.trigger.start < b), doc.sentences[0])


def headline_names(doc: Document, m: Mention) -> frozenset[str]:
    """The names of the headline clause a mention of the headline is told in (see ``clause_names``)."""
    c = cues(doc_lang(doc))
    return next((clause_names(doc, c, a, b) for a, b in clause_spans(doc, c) if a <= m.trigger.start < b),
                frozenset())


def _headline_clauses(ctx: _Ctx, i: int, group: list[Hit]) -> list[tuple[list[Hit], frozenset[str]]]:
    """A headline that sums up several incidents ("deux soldats tués par une bombe près de Tarmiyah, frappe de drone
    turque à Sinjar", "Gang kills six in Gressier; residents protest in Leogane"): its clauses (``headline_clause``),
    each with its own triggers, of other types, and a name of its own that the body names again (the place or the
    actor of that incident). [] when the headline tells one incident (a single headline keeps leading)."""
    if i != 0 or len(group) < 2 or len(ctx.doc.sentences) < 2 or not is_heading(ctx.doc, 0):
        return []
    out: list[tuple[list[Hit], frozenset[str]]] = []
    for a, b in clause_spans(ctx.doc, ctx.cues):
        starts = {h.start for h in group if a <= h.start < b}
        if not starts:
            continue
        # typed on the clause alone: "tués par une bombe" is no drone strike for the drone of the next clause
        hits = [h for h in find_hits(ctx.doc.text, a, b, ctx.lang) if h.start in starts] \
            or [h for h in group if h.start in starts]
        names = clause_names(ctx.doc, ctx.cues, a, b)
        if not names and out and all(h.trigger.family in DETAIL_FAMILIES for h in hits):
            out[-1] = (out[-1][0] + hits, out[-1][1])   # "Drone hits bus in Kherson, killing passenger; ...": the
            continue                                    # toll of the clause before, not a clause of its own
        if not names:
            return []   # a clause that names nothing the body tells again: no summary of several incidents
        out.append((hits, names))
    leads = [_resolved_lead(h) for h, _ in out]
    if len(out) < 2 or len({h.sub or h.trigger.family for h in leads}) < len(out) \
            or any(x[1] & y[1] for n, x in enumerate(out) for y in out[n + 1:]):
        return []
    return out


def _clause_mentions(ctx: _Ctx, i: int, clauses: list[tuple[list[Hit], frozenset[str]]], probs: dict[str, float],
                     earlier: list[Mention]) -> list[Mention]:
    """One event mention per clause of a headline that sums up several incidents; the clause of the lead trigger
    keeps the plain reason (it leads when the body tells one incident after all), the others are marked. A clause
    tells an incident of its own: it is no anaphor of the clause before ("un chef enlevé près de Gothèye, trois
    soldats tués par une mine près de Téra": the soldiers were not abducted)."""
    top = lead([h for hits, _ in clauses for h in hits])
    out: list[Mention] = []
    for hits, names in clauses:
        m = _mention(ctx, i, _killing_over_arrest(ctx, hits) or _resolved_lead(hits), EVENT,
                     "" if top in hits else HEADLINE_CLAUSE, probs, earlier)
        if m is None:
            continue
        out.append(m)
        ctx.clauses.append((m, names))
    return out


def headline_clauses(mentions: list[Mention]) -> list[Mention]:
    """The event mentions of a headline split into clauses (several incidents), [] when it was not split."""
    if not any(m.kind_reason == HEADLINE_CLAUSE for m in mentions):
        return []
    return [m for m in mentions if m.sentence == 0 and m.kind == EVENT and m.kind_reason != "anaphoric"]


def _killing_over_arrest(ctx: _Ctx, group: list[Hit]) -> Hit | None:
    """"Troops arrested a bandit and killed three others": the killing, not the arrest, is the incident (an
    arrest made during a clash is part of it); "arrested for killing a villager" keeps the arrest."""
    top = lead(group)
    if top.sub != "Arrests":
        return None
    text = ctx.doc.text
    stop = other_statement(ctx.doc, top.sub, top.end, ctx.doc.sentence_of(top.start))
    for h in group:
        if h.trigger.family != "killing":
            continue
        if h.start > top.start and stop is not None and h.start > stop:
            continue   # "arrested four men, while medics said two were wounded": another statement's toll
        if h.start > top.start and not ctx.cues.crime_of.search(text[max(0, h.start - 40):h.start]):
            between, who = text[top.end:h.start], "arrested"   # "arrested a bandit, killed three others"
        elif h.end < top.start and ACTION_LIST.match(normalise(text[h.end:top.start])):
            between, who = text[h.end:top.start], "dead"       # "neutralized two bandits, arrested one"
        else:
            continue
        hit = _resolved_lead([h])
        if ctx.cues.armed_people.search(between):
            hit = replace(hit, sub="Armed clash", candidates=("Armed clash",),
                          reason=f"{hit.reason} (the {who} are armed: a clash)")
        return hit
    return None


ACTION_LIST = re.compile(r"^[^.;:,]{1,40},\s*(?:and\s+|et\s+)?$", re.IGNORECASE)


def _resolved_lead(group: list[Hit]) -> Hit:
    """The lead hit; when its family rules found nothing, another hit of the group typed by the rules with one
    of the lead's candidate types gives the type ("ont tué sept villageois dans une attaque")."""
    top = lead(group)
    if top.sub is None:
        typed = [h for h in group if h.sub in top.candidates]
        if typed:
            h = typed[0]
            return replace(top, sub=h.sub, candidates=(h.sub,), reason=f"{top.reason} + {h.reason}")
    return top


def _linked_kinds(ctx: _Ctx, hits: list[Hit], kinds: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A trigger attached directly to an aggregate or background one shares its kind: "visés par cinq
    attaques", "les tirs de roquettes visant la capitale se sont multipliés"."""
    tokens = [_token(ctx, h.start, h.end) for h in hits]
    out = list(kinds)
    for n, tok in enumerate(tokens):
        if kinds[n][0] != EVENT or tok is None:
            continue
        for other, kind in zip(tokens, kinds):
            if kind[1].startswith(("cause:", TIME_REFERENCE)) and other is not None and other.head == tok:
                continue   # "arrêtés quelques heures après le rassemblement": the cause tells when, it is no part
            if kind[0] in (AGGREGATE, BACKGROUND) and other is not None and other != tok \
                    and (other.head == tok or tok.head == other or _coordinated(tok, other)):
                out[n] = kind
    return out


def _coordinated(tok, other) -> bool:
    """The trigger is the object of a verb coordinated with the other trigger or its verb ("mener des attaques et
    perpétrer des attentats", "carry out raids and launch strikes")."""
    verb = tok.head
    return verb.dep_ == "conj" and tok.dep_ in ("obj", "dobj") and verb.head in (other, other.head)


def _detail_kind(n: int, hits: list[Hit], kinds: list[tuple[str, str]]) -> tuple[str, str]:
    """A casualty word joins the mention of the nearest other trigger of the sentence, unless a cause cue of its own
    makes it the cause of that incident ("burnt the police station after the death of a driver killed by police")."""
    others = [j for j, h in enumerate(hits) if h.trigger.family not in DETAIL_FAMILIES]
    if not others or kinds[n][1].startswith("cause:"):
        return kinds[n]
    return kinds[min(others, key=lambda j: abs(hits[j].start - hits[n].start))]


def _another_day_by_agent(ctx: _Ctx, i: int, hit: Hit, antecedent: Mention | None = None) -> bool:
    """A killing told on a later or earlier day with its own agent ("The next day, the army killed twelve bandits", "Le
    lendemain, l'armée a tué douze bandits", "La veille, six civils ont été tués par des tirs"), or on a weekday the incident before was not told on by an agent
    the article had not named yet ("des bandits armés ont tué sept villageois samedi", "Dimanche, trois civils
    ont été décapités par des insurgés"): another incident, not a detail of the one before."""
    s0, e0 = ctx.doc.sentences[i]
    head = normalise(ctx.doc.text[s0:min(e0, s0 + 40)])
    tok = _token(ctx, hit.start, hit.end)
    verb = _verb_of(tok) if tok is not None else None
    if verb is None:
        return False
    if any(m.start() <= 3 for rx in (*ctx.cues.relative_day, ctx.cues.day_before) for m in [rx.search(head)] if m):
        return any(ch.dep_ in AGENT_DEPS for ch in verb.children)   # (also "La veille, six civils ont été tués par")
    return antecedent is not None and _own_weekday(ctx, i, antecedent) \
        and any(_new_referent(_agent_noun(ch)) for ch in verb.children if ch.dep_ in AGENT_DEPS)


AGENT_DEPS = ("nsubj", "agent", "obl:agent")


def _reported_by_new_agent(ctx: _Ctx, i: int, hit: Hit, antecedent: Mention) -> bool:
    """A reported past perfect whose agent is brought in with an indefinite article ("Samedi, un responsable a déclaré
    qu'un groupe armé avait attaqué un poste", "On Saturday, an official said an armed group had attacked a post"),
    in a sentence naming a weekday the incident before was not told on (and not "la veille", "last Friday"), when
    that incident was told in the body, not only in a headline."""
    sentence = normalise(_sentence_text(ctx, i))
    if is_heading(ctx.doc, antecedent.sentence):   # a headline names no day: the body tells its incident in full
        return False
    if not _own_weekday(ctx, i, antecedent) or ctx.cues.day_before.search(sentence):
        return False
    if ctx.cues.reported_new_agent.search(_before(ctx, i, hit)):
        return True
    tok = _token(ctx, hit.start, hit.end)
    verb = _verb_of(tok) if tok is not None else None
    agents = [_agent_noun(ch) for ch in verb.children if ch.dep_ in AGENT_DEPS] if verb is not None else []
    return any(a.pos_ == "NOUN" and _new_referent(a) and any(d.dep_ == "det" for d in a.children) for a in agents)


def _agent_noun(tok):
    """The noun of an agent ("by gunmen": the preposition's object in English trees)."""
    if tok.dep_ == "agent" and tok.pos_ == "ADP":
        return next((ch for ch in tok.children if ch.dep_ == "pobj"), tok)
    return tok


def _new_referent(tok) -> bool:
    """A noun phrase that brings in someone not told before: a name, or a noun with an indefinite article or none
    ("des bandits", "gunmen"); not a pronoun nor a definite phrase ("ils", "les assaillants", "the attackers")."""
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ != "NOUN":
        return False
    dets = [ch for ch in tok.children if ch.dep_ in ("det", "det:poss", "poss")]
    if not dets:
        return "Plur" in tok.morph.get("Number")
    return all(d.morph.get("Definite") == ["Ind"] for d in dets)


def _opens_on_other_day(ctx: _Ctx, text: str, current: Mention) -> bool:
    """The sentence opens on a weekday the demonstration's sentence does not name ("Samedi, à Port-au-Prince, ... ont
    pillé un entrepôt" after "Lundi, ... ont manifesté", "On Saturday, ..."): another incident, not its details."""
    head = re.match(r"\W*(?:\w+\W+){0,1}\w+", text)
    mine = weekdays_in(ctx.lang, head.group(0)) if head else frozenset()
    return bool(mine) and not (mine & weekdays_in(ctx.lang, _sentence_text(ctx, current.sentence)))


def _own_weekday(ctx: _Ctx, i: int, antecedent: Mention) -> bool:
    """The sentence names a weekday that the sentence of the incident before does not name."""
    lang = doc_lang(ctx.doc)
    mine = weekdays_in(lang, _sentence_text(ctx, i))
    return bool(mine) and not (mine & weekdays_in(lang, _sentence_text(ctx, antecedent.sentence)))


# the reasons of mentions that only say what a side accuses another of ("the commander, whom it accused of directing
# rocket attacks"): deeds given as a reason, not incidents told
ACCUSED_OTHER = "accusation about another matter"
ACCUSED_CONDUCT = "accusation of a conduct, not of one incident"


def _sentence_text(ctx: _Ctx, i: int) -> str:
    s0, e0 = ctx.doc.sentences[i]
    return ctx.doc.text[s0:e0]


def _mention(ctx: _Ctx, i: int, hit: Hit, kind: str, reason: str, probs: dict[str, float],
             earlier: list[Mention]) -> Mention | None:
    antecedent = _antecedent(earlier, ctx, i)
    root = _root(earlier, antecedent)
    if kind == EVENT and antecedent is not None and _accused_other(ctx, i, hit):
        kind, reason = BACKGROUND, ACCUSED_OTHER
    if kind == EVENT and (_accused_of_conduct(ctx, i, hit) or _accused_of_plural(ctx, i, hit)):
        kind, reason = BACKGROUND, ACCUSED_CONDUCT
    response = kind == EVENT and antecedent is not None and (
        (hit.trigger.family in DETAIL_FAMILIES and i - antecedent.sentence <= DETAIL_SENTENCES
         and not _another_day_by_agent(ctx, i, hit, antecedent))
        or _response(ctx, hit) or _scene_report(ctx, hit) or _crowd_control(ctx, i, hit, antecedent))
    # "Samedi, un responsable a déclaré qu'un groupe armé avait attaqué un poste": reported in the past perfect, but
    # on a day of its own by an agent not named before: another incident, not a detail of the one told
    apart = kind == EVENT and antecedent is not None and _reported_past(ctx, hit) \
        and _reported_by_new_agent(ctx, i, hit, antecedent)
    if apart and not reason:
        reason = ANOTHER_DAY
    anaphoric = kind == EVENT and antecedent is not None and (
        response or ((_definite(ctx, hit) or _reported_past(ctx, hit) or _refers_back(ctx, hit)
                      or _culprits_go_on(ctx, i, hit))
                     and not _new_incident(ctx, i) and not apart))
    if hit.trigger.anaphor_only and not anaphoric:
        return None
    if anaphoric:
        # (the first telling in the body of an incident a split headline named: it leads that incident)
        reason = "" if any(antecedent is c for c, _ in ctx.clauses) else "anaphoric"
    own = None
    if anaphoric and (response or hit.trigger.anaphor_only or hit.trigger.family):
        sub = antecedent.sub_event_type.value
        why = f"anaphoric: refers to {antecedent.trigger.text!r}"
        if not response and not hit.trigger.anaphor_only:   # what its own words say, for assembly to split on
            own, own_why = _decide(hit, probs)
            own = None if _is_fallback(own_why) else own
            if own and own != sub and _told_before_as(ctx, earlier, own) is not None \
                    and not _repeats_word(ctx.doc.text[hit.start:hit.end], antecedent.trigger.text):
                sub, why, own = own, f"{OWN_TYPE_TOLD_BEFORE} ({own_why})", None
        if not response and _headline_default(ctx, root):
            # a headline word typed by its family's default ("heurts à Nantes": an armed clash by default) told in
            # full in the body ("des heurts ont opposé des manifestants aux forces de l'ordre"): the body decides
            own, own_why = _decide(hit, probs)
            if own and own != sub and " + " in own_why:
                sub, why = own, f"{own_why}, told in full after the headline's {root.trigger.text!r}"
                _retype(earlier, root, sub, why)
    elif hit.sub is None and antecedent is not None and antecedent.sub_event_type.value in hit.candidates \
            and not _guessed(root):
        sub = antecedent.sub_event_type.value
        why = f"{hit.reason}: as the incident told before ({antecedent.trigger.text!r})"
    else:
        sub, why = _decide(hit, probs)
        if not anaphoric and _guessed(root) and sub and not _is_fallback(why) \
                and root.sub_event_type.reason.startswith(f"rule: {hit.trigger.id} "):   # the same word, told in full
            _retype(earlier, root, sub, f"{why}, told in more detail in sentence {i}")
    evidence = ctx.doc.evidence(hit.start, hit.end)
    mention = Mention(ctx.doc.id, i, evidence, kind=kind, kind_reason=reason)
    if own and own != sub:
        mention.own_sub_event_type = own
    if sub:
        mention.event_type = Slot(SUB_TO_TYPE[sub], [evidence], why)
        mention.sub_event_type = Slot(sub, [evidence], why)
    else:
        mention.event_type = Slot(None, [], why)
        mention.sub_event_type = Slot(None, [], why)
    return mention


def _repeats_word(anaphor: str, told: str) -> bool:
    """The anaphor repeats the head word of the incident told just before ("... une attaque à la grenade contre un
    poste. Le groupe a affirmé que l'attaque avait tué un combattant"): it refers to that incident, whatever type an
    older incident of the story has."""
    def head(text: str) -> str:
        words = normalise(text).lower().split()
        return re.sub(r"[sx]$", "", words[0]) if words else ""
    return head(anaphor) != "" and head(anaphor) == head(told)


def _told_before_as(ctx: _Ctx, earlier: list[Mention], sub: str) -> Mention | None:
    """The last mention that leads an incident of sub-event type ``sub`` in the body (not an anaphor, not a
    headline), or None."""
    return next((m for m in reversed(earlier) if m.kind == EVENT and m.sub_event_type.value == sub
                 and m.kind_reason != "anaphoric" and not is_heading(ctx.doc, m.sentence)), None)


def _is_fallback(why: str) -> bool:
    return "family fallback" in why


def _root(earlier: list[Mention], m: Mention | None) -> Mention | None:
    """The mention an anaphoric one took its type from (itself when it was typed on its own)."""
    if m is None or not m.sub_event_type.reason.startswith("anaphoric"):
        return m
    k = next(n for n, x in enumerate(earlier) if x is m)
    return next((x for x in reversed(earlier[:k]) if x.kind == EVENT and x.sub_event_type.value == m.sub_event_type.value
                 and not x.sub_event_type.reason.startswith("anaphoric")), m)


def _headline_default(ctx: _Ctx, m: Mention | None) -> bool:
    """A headline mention typed by its family's default, for want of any context in a headline clause."""
    return m is not None and is_heading(ctx.doc, m.sentence) and m.sub_event_type.reason.endswith("(family default)")


def _guessed(m: Mention | None) -> bool:
    """A mention typed by its family's default only (a bare "Embuscade" in a headline)."""
    return m is not None and _is_fallback(m.sub_event_type.reason)


def _retype(earlier: list[Mention], antecedent: Mention, sub: str, why: str) -> None:
    """A later sentence tells a guessed incident in detail: that sentence's type replaces the guess, for the
    guessed mention and the mentions that took their type from it."""
    old = antecedent.sub_event_type.value
    for m in earlier:
        if m is antecedent or (m.sentence >= antecedent.sentence and m.sub_event_type.value == old
                               and m.sub_event_type.reason.startswith("anaphoric")):
            ev = m.trigger
            m.event_type = Slot(SUB_TO_TYPE[sub], [ev], why)
            m.sub_event_type = Slot(sub, [ev], why)


def _before(ctx: _Ctx, i: int, hit: Hit) -> str:
    """The sentence text before the trigger (normalised)."""
    s0 = ctx.doc.sentences[i][0]
    return normalise(ctx.doc.text[s0:hit.start])


def _accused_other(ctx: _Ctx, i: int, hit: Hit) -> bool:
    """An indefinite incident noun right after an accusation ("whom it accused of directing rocket attacks"):
    another matter. "accusé X d'avoir mené l'attaque" (definite) or a verb trigger attributes the incident told."""
    tok = _token(ctx, hit.start, hit.end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or _definite(ctx, hit):
        return False
    before = _before(ctx, i, hit)
    cue = _cue_before(ctx.cues.accusation, before)
    return cue is not None and not _dated_after(ctx, i, hit, before[cue.start():])


def _dated_after(ctx: _Ctx, i: int, hit: Hit, told: str) -> bool:
    """A day told from the accusation on (``told``: the sentence from the cue to the trigger) to the sentence's end
    dates the incident accused ("accused Pakistan of carrying out air strikes ... overnight Monday, killing eight"):
    an incident attributed, not a conduct or another matter; a day before the cue dates the accusation."""
    e0 = ctx.doc.sentences[i][1]
    return bool(ctx.cues.day.search(told + normalise(ctx.doc.text[hit.start:e0])))


def _accused_of_plural(ctx: _Ctx, i: int, hit: Hit) -> bool:
    """A bare plural incident noun right after an accusation, in a sentence naming no day ("sanctions on commanders,
    accusing them of leading attacks on civilians", "les accusant d'avoir mené des attaques contre des civils",
    "commanders it says led attacks"): a conduct blamed on someone, no incident, even when none was told before."""
    tok = _token(ctx, hit.start, hit.end)
    if tok is None or tok.pos_ != "NOUN":
        return False
    before = _before(ctx, i, hit)
    listed = before
    while tok.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass") and (m := ctx.cues.list_tail.search(listed)):
        listed = listed[:m.start()]   # the last item of a list: "over massacres, kidnappings"
    if "Plur" not in tok.morph.get("Number") and listed == before:
        return False
    cue = _cue_before(ctx.cues.accusation, listed)
    if cue is None:
        return False
    if any(ch.dep_ in ("nummod", "poss", "nmod:poss")
           or (ch.dep_ == "det" and not ctx.cues.indefinite_determiners.match(ch.lower_)) for ch in tok.children):
        return False   # "accused of the two attacks", "ses attaques": incidents told
    # a day told after the accusation dates the attacks ("accused of attacks on two villages on Monday"); one
    # before it dates the accusation ("imposed sanctions on Tuesday ..., accusing them of ...")
    return not _dated_after(ctx, i, hit, listed[cue.start():])


def _accused_of_conduct(ctx: _Ctx, i: int, hit: Hit) -> bool:
    """A verb right after an accusation whose object is a bare plural ("accused by rights groups of killing
    civilians", "accusés de tuer des civils"): a way of acting blamed on a group, no incident of its own."""
    tok = _token(ctx, hit.start, hit.end)
    if tok is None or tok.pos_ != "VERB" or _cue_before(ctx.cues.accusation, _before(ctx, i, hit)) is None:
        return False
    s0, e0 = ctx.doc.sentences[i]
    if ctx.cues.day.search(normalise(ctx.doc.text[s0:e0])):
        return False
    objs = [ch for ch in tok.children if ch.dep_ in ("obj", "dobj")]
    return bool(objs) and all(_bare_plural(o, ctx.cues.indefinite_determiners) for o in objs)


def _new_incident(ctx: _Ctx, i: int) -> bool:
    """The sentence announces another incident ("le même jour", "elsewhere")."""
    s0, e0 = ctx.doc.sentences[i]
    text = normalise(ctx.doc.text[s0:e0])
    return any(rx.search(text) for rx in ctx.cues.new_incident)


def _crowd_control(ctx: _Ctx, i: int, hit: Hit, antecedent: Mention) -> bool:
    """Arrests told shortly after a demonstration or riot are its policing, not another incident (unless told hours
    later); so is a clash word whose sentence names crowd-control means ("les forces de l'ordre ont riposté par des
    tirs de gaz lacrymogène", "police responded with tear gas")."""
    if antecedent.event_type.value not in ("Protests", "Riots") or i - antecedent.sentence > DETAIL_SENTENCES:
        return False
    if hit.sub == "Arrests":
        policing = not arrested_hours_after(ctx.doc, hit.sub, i, (antecedent.sentence,))
    else:
        policing = hit.trigger.family == "clash" and any(
            rx.search(normalise(_sentence_text(ctx, i))) for rx in ctx.cues.crowd_control)
    return policing and not _new_incident(ctx, i)


def _reported_past(ctx: _Ctx, hit: Hit) -> bool:
    """A pluperfect in reported speech after an incident ("the army said its jets had carried out the strike",
    "précisant que trois personnes avaient été interpellées") tells details of that incident."""
    tok = _token(ctx, hit.start, hit.end)
    if tok is None:
        return False
    verb = _clause_head(tok)
    if verb.pos_ not in CLAUSE_POS or verb.dep_ == "ROOT":
        return False
    return _pluperfect(verb)


def _culprits_go_on(ctx: _Ctx, i: int, hit: Hit) -> bool:
    """A trigger verb whose subject is the attackers already told, named with a definite article ("the gunmen
    arrived at dawn and fired on residents", "les assaillants ont ouvert le feu"), in a sentence naming no day of
    its own: details of that incident, not another one."""
    tok = _token(ctx, hit.start, hit.end)
    verb = _verb_of(tok) if tok is not None else None
    if verb is None:
        return False
    subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
    if subj is None and verb.dep_ == "conj":   # "the gunmen arrived ... and fired on residents"
        subj = next((ch for ch in verb.head.children if ch.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None:
        return False
    s0, e0 = ctx.doc.sentences[i]
    phrase = ctx.doc.text[subj.left_edge.idx:subj.idx + len(subj.text)]
    return bool(ctx.cues.culprits.match(phrase.strip())) and not ctx.cues.day.search(normalise(ctx.doc.text[s0:e0]))


def _refers_back(ctx: _Ctx, hit: Hit) -> bool:
    """A trigger noun that only qualifies an incident already told: the object of a statement about it
    ("a confirmé une tentative d'attaque", "condemned an attack") or the predicate of "c'est une attaque",
    "it was an attack"."""
    tok = _token(ctx, hit.start, hit.end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("obj", "obl:arg", "obl") and tok.head.lemma_.lower() == "agir":   # « il s'agit d'une attaque »
        return True
    if any(ch.dep_ == "cop" for ch in tok.children) and any(
            ch.dep_.startswith("nsubj") and ctx.cues.subject_pronouns.match(ch.lower_) for ch in tok.children):
        return True
    node = tok
    for _ in range(2):
        if node.dep_ in ("obj", "dobj", "nmod", "pobj", "prep") or node.dep_.startswith("obl"):
            node = node.head
            if node.pos_ == "VERB":
                return bool(ctx.cues.report_verbs.match(node.lemma_.lower()))
        else:
            break
    return False


def continue_background(doc: Document, sdoc, mentions: list[Mention]) -> None:
    """Once dates have made older incidents background, the mentions that go on with their story follow them."""
    lang = doc_lang(doc)
    ctx = _Ctx(doc, sdoc, lang, cues(lang), *_year_month(doc.published))
    _relative_to_background(ctx, mentions)
    _headline_recalled(ctx, mentions)
    told: Mention | None = None   # the first incident told as news
    recalled: Mention | None = None
    for m in mentions:
        if m.kind == EVENT and told is None and recalled is not None and m.sentence > recalled.sentence \
                and (_definite_span(ctx, m.trigger.start, m.trigger.end)
                     or (m.kind_reason == "anaphoric" and recalled.kind == BACKGROUND)):   # "« Ils ont tué mon mari »"
            m.kind, m.kind_reason = BACKGROUND, f"past: {m.trigger.text!r} refers to the older incident told before"
        if m.kind == EVENT and told is None:
            told = m
        elif m.kind in (BACKGROUND, AGGREGATE) and recalled is None:
            recalled = m
    _named_only(ctx, mentions)
    _interview_turns(ctx, mentions)


def _headline_recalled(ctx: _Ctx, mentions: list[Mention]) -> None:
    """A headline that names an incident the body first dates well before the page ("Un an après le massacre de X"
    then "le massacre qui avait endeuillé X en juin 2025"; "hommage aux soldats tués" then "tués le 3 mars"; "inquiry
    into strike that killed villagers" then "the strike hit X on July 8") heads a follow-up story: a commemoration,
    a funeral, a trial, an inquiry. When, before any incident told in a clause of its own or any reference back to
    the headline that names its day, the body dates a background incident of the headline's event type more than
    ``OLDER_DAYS`` before the page, the headline and the references back to it are background too."""
    first_body = next((i for i in range(len(ctx.doc.sentences)) if not in_heading_line(ctx.doc, i)), None)
    if first_body is None:
        return
    heads = [m for m in mentions if m.kind == EVENT and m.sentence < first_body]
    types = {m.event_type.value for m in heads if m.event_type.value}
    refs: list[Mention] = []
    for m in (m for m in mentions if m.sentence >= first_body):
        if m.kind == EVENT and m.kind_reason == "anaphoric" and not _own_day(m):
            refs.append(m)
        elif m.kind == EVENT:
            return   # the body tells the headline's incident, or another one, as news
        elif m.kind == BACKGROUND and m.event_type.value in types and _dated_older(ctx.doc, m):
            break
    else:
        return
    for m in heads + refs:
        m.kind, m.kind_reason = BACKGROUND, "past: the headline names an incident the body dates well before the page"


OLDER_DAYS = 7   # an incident dated more than a week before the page is not the page's news


def _own_day(m: Mention) -> bool:
    """The mention's own sentence names its day."""
    d = m.date.value
    return d is not None and d.precision == 1 and any(e.sentence == m.sentence for e in m.date.evidence)


def _dated_older(doc: Document, m: Mention) -> bool:
    """The mention's own sentence dates it more than ``OLDER_DAYS`` before the page (a month: one before the page's)."""
    d = m.date.value
    if d is None or not any(e.sentence == m.sentence for e in m.date.evidence):
        return False
    if d.precision == 3:   # the whole month lies before the page
        last = d.day.replace(day=calendar.monthrange(d.day.year, d.day.month)[1])
        return days_before_reference(doc, last) > 0
    return days_before_reference(doc, d.day) > OLDER_DAYS


INTERVIEW_MIN_TURNS = 3   # turn-opening paragraphs that make an article an interview


def _interview_turns(ctx: _Ctx, mentions: list[Mention]) -> None:
    """An interview in question/answer turns: the incidents told inside a turn are the speaker's recollection,
    background to the outlet's page (« Réponse : Le jour où ils ont attaqué le marché, ils ont tué... »)."""
    text = ctx.doc.text
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    turns = [p for p in starts if ctx.cues.interview_turn.match(text, p)]
    if len(turns) < INTERVIEW_MIN_TURNS:
        return
    for m in mentions:
        if m.kind != EVENT:
            continue
        s = ctx.doc.sentences[m.sentence][0]
        line = text.rfind("\n", 0, s) + 1
        if line in turns or _turn_paragraph(text, line, turns):
            m.kind, m.kind_reason = BACKGROUND, "interview: told in a question/answer turn"


def _turn_paragraph(text: str, line: int, turns: list[int]) -> bool:
    """Whether the line at ``line`` goes on with a turn: no blank line since the last turn-opening line."""
    before = [t for t in turns if t <= line]
    return bool(before) and "\n\n" not in text[before[-1]:line]


def _named_only(ctx: _Ctx, mentions: list[Mention]) -> None:
    """An article that never tells an incident in a clause of its own, only names one with a definite noun hanging
    off another noun ("une victime de l'explosion", "les responsables de cette explosion"), while it dates such an
    incident earlier, names that old incident: a commemoration, a trial, an anniversary, funerals; a headline's nouns
    count as definite."""
    events = [m for m in mentions if m.kind == EVENT]
    if not events:
        return
    old = [m for m in mentions if (m.kind == BACKGROUND or (m.kind == NOT_EVENT and m.kind_reason.startswith(ACCIDENT)))
           and m.date.value is not None and m.date.value.precision == 1]
    # a headline names the incident the body tells as past in its own words ("last week's suicide bombing")
    told_past = [m for m in mentions if m.kind == BACKGROUND and m.kind_reason.startswith("past:")
                 and m.date.value is not None and m.date.value.precision <= 2]
    for m in events:
        headline = False
        if m.kind_reason == "anaphoric" and m is not events[0]:
            continue   # "the group claimed the attack": it goes on with the incident it refers back to
        tok = _token(ctx, m.trigger.start, m.trigger.end)
        if tok is None or tok.pos_ != "NOUN":
            return
        if not _definite_span(ctx, m.trigger.start, m.trigger.end):
            if not (m.sentence == 0 and len(ctx.doc.sentences) > 1 and is_heading(ctx.doc, 0)):
                return
            headline = True
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head   # "victims of the"
        if head is tok or head.pos_ not in ("NOUN", "PROPN", "PRON"):   # "those behind the bombing"
            return
        if not any(b.event_type.value == m.event_type.value for b in (told_past if headline else old)):
            return
    for m in events:
        m.kind, m.kind_reason = BACKGROUND, f"past: {m.trigger.text!r} names the older incident the article dates"


def _recent_lead(ctx: _Ctx, mentions: list[Mention]) -> None:
    """A lead whose incident is told "last week" ("la semaine dernière") is the news when the document tells no
    incident as news: the past cue places it in the last days (ACLED codes it, the date within the week), it recalls
    nothing older. Only the lead's main clause: in "gathered for the funerals of ten soldiers killed last week in an
    ambush" the funerals are the news."""
    if not mentions or any(m.kind != BACKGROUND for m in mentions):
        return
    recent = ctx.cues.recent_past
    for m in mentions:
        if m.sentence == 0 and m.kind == BACKGROUND and m.kind_reason.startswith("past: ") and any(
                rx.fullmatch(m.kind_reason[len("past: "):]) for rx in recent) and _main_clause(ctx, m):
            m.kind, m.kind_reason = EVENT, f"{m.kind_reason} (the lead's only incident: the news)"


def _main_clause(ctx: _Ctx, m: Mention) -> bool:
    """The mention's trigger belongs to its sentence's main clause, or to the clause a reporting verb tells ("Soldiers
    raped ten women last week, a rights group said")."""
    tok = _token(ctx, m.trigger.start, m.trigger.end)
    head = _clause_head(tok) if tok is not None else None
    return head is not None and (head.dep_ == "ROOT" or (head.dep_ in ("ccomp", "parataxis") and head.head.dep_ == "ROOT"))


def _relative_to_background(ctx: _Ctx, mentions: list[Mention]) -> None:
    """An event told relative to the one before ("the following day", "le lendemain") is background when that
    one is background: the story of an older incident goes on."""
    for n, m in enumerate(mentions):
        if m.kind != EVENT or n == 0:
            continue
        prev = mentions[n - 1]
        if prev.kind != BACKGROUND or prev.sentence >= m.sentence:
            continue
        s0, e0 = ctx.doc.sentences[m.sentence]
        text = normalise(ctx.doc.text[s0:e0])
        cue = next((c for rx in ctx.cues.relative_day for c in [rx.search(text)] if c), None)
        if cue:
            m.kind, m.kind_reason = BACKGROUND, f"past: {cue.group(0).strip()} (after an older incident)"
        elif m.kind_reason == "anaphoric" and prev.sentence == m.sentence - 1 and _demonstrative(ctx, m):
            m.kind, m.kind_reason = BACKGROUND, f"past: {m.trigger.text!r} takes up the older incident just told"
        elif prev.sentence == m.sentence - 1 and ctx.cues.they.match(text):
            m.kind, m.kind_reason = BACKGROUND, "past: 'they' go on with the older incident just told"


DEMONSTRATION_TYPES = {"Protests", "Riots"}


def _demonstrative(ctx: _Ctx, m: Mention) -> bool:
    """The trigger noun has a demonstrative ("cette attaque", "this attack"): it points at what was just told."""
    tok = _token(ctx, m.trigger.start, m.trigger.end)
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and any(
        ch.dep_ == "det" and ctx.cues.demonstratives.match(ch.lower_) for ch in tok.children)


def _antecedent(earlier: list[Mention], ctx: _Ctx | None = None, i: int = -1) -> Mention | None:
    """The last typed event mention told before; when that is a clause of a headline that sums up several
    incidents, the clause whose names the sentence repeats, else the clause of the headline's lead trigger."""
    last = next((m for m in reversed(earlier) if m.kind == EVENT and m.sub_event_type), None)
    if ctx is None or last is None or not any(last is c for c, _ in ctx.clauses) or i <= last.sentence:
        return last
    text = _sentence_text(ctx, i)
    primary = next((c for c, _ in ctx.clauses if c.kind_reason != HEADLINE_CLAUSE), last)
    return next((c for c, names in ctx.clauses if names_in(text, names)), primary)


def _response(ctx: _Ctx, hit: Hit) -> bool:
    """A deployment or search "to the scene" after an incident: part of that incident, not a new one."""
    if hit.sub not in RESPONSE_TYPES:
        return False
    s0, e0 = ctx.doc.sentences[ctx.doc.sentence_of(hit.start)]
    return any(rx.search(normalise(ctx.doc.text[s0:e0])) for rx in ctx.cues.response)


def _scene_report(ctx: _Ctx, hit: Hit) -> bool:
    """The incident told again as what a response answered ("troops were sent to the scene after reports of settlers
    throwing stones"): whatever its type, the incident told before (scene_reports in mention_cues.yaml)."""
    s0 = ctx.doc.sentences[ctx.doc.sentence_of(hit.start)][0]
    head = normalise(ctx.doc.text[s0:hit.start])
    return any(rx.search(head) for rx in ctx.cues.scene_reports)


def _decide(hit: Hit, probs: dict[str, float]) -> tuple[str | None, str]:
    """Combine the rule typing of a hit with the classifier's probabilities for its sentence."""
    if hit.sub:
        return hit.sub, hit.reason
    if not hit.candidates:
        return None, f"{hit.reason}: no sub-event type"
    sub = max(hit.candidates, key=lambda c: probs.get(c, 0.0))
    if hit.fallback and probs.get(sub, 0.0) < FAMILY_SURE:
        return hit.fallback, f"rule: {hit.trigger.id} (family fallback; classifier unsure)"
    return sub, f"classifier {probs.get(sub, 0.0):.2f} ({hit.reason})"


def _classifier_mention(ctx: _Ctx, i: int, probs: dict[str, float], earlier: list[Mention]) -> list[Mention]:
    """A sentence with no trigger that the classifier is sure tells an incident: after an event it adds
    details to that event (anaphoric), otherwise it is an event of the classifier's type."""
    best, p = max(probs.items(), key=lambda kv: kv[1])
    if best == NONE or p < CLASSIFIER_ONLY:
        return []
    start, end = ctx.doc.sentences[i]
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    s, e = (root.idx, root.idx + len(root.text)) if root is not None else (start, end)
    evidence = ctx.doc.evidence(s, e)
    why = f"classifier {p:.2f}"
    kind, reason = EVENT, "classifier"
    if root is not None:
        kind, reason = _token_kind(ctx, i, root, s, e) or (EVENT, "classifier")
    antecedent = _antecedent(earlier, ctx, i)
    if kind == EVENT and antecedent is not None:
        best, reason = antecedent.sub_event_type.value, "anaphoric"
        why = f"anaphoric: details of {antecedent.trigger.text!r} ({why})"
    return [Mention(ctx.doc.id, i, evidence, kind=kind, kind_reason=reason,
                    event_type=Slot(SUB_TO_TYPE[best], [evidence], why),
                    sub_event_type=Slot(best, [evidence], why))]


# -- demonstrations told over several sentences ---------------------------------------------------------------

def _demonstration_details(ctx: _Ctx, mentions: list[Mention]) -> None:
    """ACLED types a demonstration by what happened during it: intervention or violence told in the next
    sentences (up to ``DETAIL_SENTENCES``) upgrades its sub-type, and their mentions become anaphoric to it."""
    current: Mention | None = None
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == EVENT:
            by_sentence.setdefault(m.sentence, []).append(m)
    for i, (s0, e0) in enumerate(ctx.doc.sentences):
        here = by_sentence.get(i, [])
        text = ctx.doc.text[s0:e0]
        if current is None or i - current.sentence > DETAIL_SENTENCES or _starts_new(ctx, text, here) \
                or _elsewhere(ctx, text, current) or _opens_on_other_day(ctx, text, current):
            current = next((m for m in here if m.sub_event_type.value in DEMONSTRATION
                            and not any(m is c for c, _ in ctx.clauses)), None)   # (a split headline: the body tells it)
            continue
        if any(m.event_type.value not in DETAIL_TYPES for m in here):
            current = None
            continue
        if any(arrested_hours_after(ctx.doc, m.sub_event_type.value, i, (current.sentence,)) for m in here):
            continue   # "arrêtés quelques heures après le rassemblement": not during it, an incident of its own
        rule = family_rule(ctx.lang, "protest", text)
        if rule is None:
            continue
        if DEMONSTRATION[rule.sub] > DEMONSTRATION[current.sub_event_type.value]:
            evidence = [*current.sub_event_type.evidence, ctx.doc.evidence(s0, e0)]
            why = f"{current.sub_event_type.reason} + {rule.id} (next sentence)"
            current.sub_event_type = Slot(rule.sub, evidence, why)
            current.event_type = Slot(SUB_TO_TYPE[rule.sub], evidence, why)
        for m in here:
            m.kind_reason = "anaphoric"
            m.sub_event_type = Slot(current.sub_event_type.value, [m.trigger], "anaphoric: details of a demonstration")
            m.event_type = Slot(current.event_type.value, [m.trigger], "anaphoric: details of a demonstration")


def _elsewhere(ctx: _Ctx, text: str, current: Mention) -> bool:
    """The sentence opens on a place the demonstration's own sentence does not name ("In Austin, 79 people were
    arrested ..." after a protest in Richmond): it tells another demonstration, not details of that one."""
    fronted = ctx.cues.fronted_place.match(normalise(text))
    if fronted is None:
        return False
    s0, e0 = ctx.doc.sentences[current.sentence]
    told = normalise(ctx.doc.text[s0:e0])
    names = re.findall(r"(?<![\w'])[A-ZÀ-Ý][\w'-]+", fronted.group(0))
    return bool(names) and not any(n in told for n in names)


def _starts_new(ctx: _Ctx, text: str, here: list[Mention]) -> bool:
    """A sentence that tells another incident: a new demonstration not referred back to, or "elsewhere"."""
    if any(rx.search(normalise(text)) for rx in ctx.cues.new_incident):
        return True
    return any(m.sub_event_type.value in DEMONSTRATION and m.kind_reason not in ("anaphoric", "classifier")
               and not _participants(m) for m in here)


def _participants(m: Mention) -> bool:
    """The trigger names the participants ("the protesters"), who belong to the demonstration told before."""
    return bool(words().participants.search(m.trigger.text))


# -- kinds ----------------------------------------------------------------------------------------------------

def _hit_kind(ctx: _Ctx, i: int, hit: Hit) -> tuple[str, str]:
    """(kind, reason) of one trigger hit."""
    tok = _token(ctx, hit.start, hit.end)
    if tok is None:
        return EVENT, ""
    return _token_kind(ctx, i, tok, hit.start, hit.end, hit.sub) or (EVENT, "")


def _token_kind(ctx: _Ctx, i: int, tok, start: int, end: int, sub: str | None = None) -> tuple[str, str] | None:
    """The kind of the incident told by the trigger token ``tok`` (span start..end, typed ``sub`` by the rules),
    None for an event."""
    s0, e0 = ctx.doc.sentences[i]
    sentence = normalise(ctx.doc.text[s0:e0])
    rs, re_ = start - s0, end - s0
    before = sentence[:rs]
    c = ctx.cues
    if when := c.time_reference.search(before):
        return BACKGROUND, f"{TIME_REFERENCE}: {when.group(0).strip()}"
    for rx, label in ((c.cause, "cause"), (c.apposition, "apposition")):
        m = _cue_before(rx, before)
        if m:
            return BACKGROUND, f"{label}: {m.group(0).strip()}"
    tail = next((m for rx in c.older_tail for m in [rx.search(before)] if m), None)
    if tail:
        return BACKGROUND, f"cause: {tail.group(0).strip()} (the rest of the sentence tells the older incident)"
    for rx, label in ((c.threat, "threat"), (c.denial, "denial")):
        m = _governing_cue(ctx, rx, before, s0, tok)
        if m:
            return NOT_EVENT, f"{label}: {m.group(0).strip()}"
    if _denied(ctx, tok):
        return NOT_EVENT, "denial: negated"
    for rx in c.figurative if _cued_in(c.figurative, sentence) else ():   # "a legal battle", "an attack on the budget", "the coach was fired"
        for m in rx.finditer(sentence):
            if m.start() <= re_ and m.end() >= rs:
                return NOT_EVENT, f"figurative: {m.group(0).strip()}"
    if SUB_TO_TYPE.get(sub or "") not in DEMONSTRATION_TYPES:   # a protest about an accident is a protest all the same
        accident = next((m for rx in c.accident for m in [rx.search(sentence)] if m), None) \
            if _cued_in(c.accident, sentence) else None
        if accident and not _violence_told(ctx, sentence):
            return NOT_EVENT, f"{ACCIDENT}: {accident.group(0).strip()}"
    if sub in CRIME_SUBS:
        crime = next((m for rx in c.ordinary_crime for m in [rx.search(sentence)] if m), None)
        if crime and all(c.arresting_forces.match(v.group()) for v in c.violence.finditer(sentence)):
            return NOT_EVENT, f"ordinary crime: {crime.group(0).strip()}"
    if _modal(ctx, tok) or _modal_subject(ctx, tok):
        return NOT_EVENT, "future or hypothetical"
    if _scheduled(tok):
        return NOT_EVENT, SCHEDULED
    if any(ch.dep_ == "det" and c.any_determiners.match(ch.lower_) for ch in tok.children):
        return NOT_EVENT, "hypothetical: any"
    dated = c.day.search(sentence) is not None
    # a day told in another clause dates that clause's news, not a habit or a group's conduct in general ("Rights
    # groups on Tuesday warned ... the region where forces are fighting militias")
    own_day = dated and any(_in_scope(ctx, sentence, s0, m, tok) for m in c.day.finditer(sentence))
    if not own_day and _possessive_plural(tok):
        return AGGREGATE, "generic: a group's attacks in general"
    if not own_day and _habit_of_a_kind(tok, c.indefinite_determiners):
        return AGGREGATE, "generic: what a kind of group does"
    for rx in c.past_sentence if _cued_in(c.past_sentence, sentence) else ():   # a dated sentence keeps its incident when the cue is another clause's
        m = rx.search(sentence)
        if m and not (dated and not _in_scope(ctx, sentence, s0, m, tok)):
            return BACKGROUND, f"past: {m.group(0).strip()}"
    salvo = _salvo(ctx, start, end)   # "une série de roquettes": one barrage
    aggregate = c.aggregate if dated or salvo else (*c.aggregate, *c.series)
    cued = _cued_in(c.aggregate, sentence) or (
        aggregate is not c.aggregate and _cued_in(c.series, sentence))
    for rx in aggregate if cued else ():
        for m in rx.finditer(sentence):
            if m.start() <= re_ + 2 and m.end() >= rs - AGGREGATE_CHARS:
                return AGGREGATE, f"aggregate: {m.group(0).strip()}"
    for rxs, kind, label in ((c.repeated, AGGREGATE, "aggregate"), (c.background, BACKGROUND, "past")):
        for rx in rxs if _cued_in(rxs, sentence) else ():
            for m in rx.finditer(sentence):
                if _in_scope(ctx, sentence, s0, m, tok):
                    return kind, f"{label}: {m.group(0).strip()}"
    for m in c.year.finditer(sentence):
        year = int(m.group("year"))
        if ctx.pub_year and year < ctx.pub_year and _in_scope(ctx, sentence, s0, m, tok):
            return BACKGROUND, f"past: {m.group(0).strip()}"
    for m in c.month.finditer(sentence):
        month = month_of(ctx.lang, m.group("month"))
        if ctx.pub_month and month != ctx.pub_month and _in_scope(ctx, sentence, s0, m, tok):
            return BACKGROUND, f"past: {m.group(0).strip()}"
    if _appositive(tok):
        return BACKGROUND, "apposition"
    if (_past_perfect(ctx, tok) or _adverbial_under_past_perfect(tok)) and not dated:
        return BACKGROUND, PAST_PERFECT
    # "La veille, le mouvement avait revendiqué des tirs de roquettes": a day counted back, and no day of its own
    # ("La veille, mercredi, ..." names it: a recent incident), with a main-clause past perfect tells an incident
    # before the news one, whatever the trigger's attachment
    if c.day_before.search(sentence) and not c.day.search(c.day_before.sub(" ", sentence)) \
            and tok.sent.root.pos_ in ("VERB", "AUX") and _pluperfect(tok.sent.root):
        return BACKGROUND, f"{PAST_PERFECT}, the day before"
    if _relative_under_past_perfect(tok):
        return BACKGROUND, "relative clause under a past perfect"
    if sub in STATIVE_SUBS and _stative(ctx, tok) and not (dated and _simple_past_passive(ctx, tok)):
        return NOT_EVENT, "present tense: a state, not an incident"
    if ctx.lang == "en" and not own_day and not in_heading_line(ctx.doc, i):
        if _habitual_present(tok):
            return NOT_EVENT, HABITUAL
        if _attributive_participle(ctx, tok):
            return BACKGROUND, ATTRIBUTIVE
    return None


HABITUAL = "present tense: what is done as a rule or goes on, not an incident"
ATTRIBUTIVE = "attributive participle: describes a noun, tells no incident"
_BEFORE_ATTRIBUTE = ("DET", "ADP", "ADJ", "NUM", "CCONJ", "PUNCT")


def _attributive_participle(ctx: _Ctx, tok) -> bool:
    """An English participle or adjective set before the noun it describes ("loyal to detained First Vice President
    X", "footage of shelled towns", "3,000 kidnapped persons"): English places such a modifier right before its noun,
    after a determiner, preposition, number or conjunction; it names a state of that noun, and the incident behind
    it, if any, is told elsewhere with a verb of its own (the parser often reads these as verbs, so the order of the
    words decides, with no subject, auxiliary or object of its own)."""
    if tok.tag_ not in ("VBN", "VBD", "JJ") or tok.i + 1 >= len(tok.doc):
        return False
    nxt, prev = tok.doc[tok.i + 1], tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if nxt.pos_ not in ("NOUN", "PROPN") or (prev is not None and prev.pos_ not in _BEFORE_ATTRIBUTE
                                             and prev.tag_ != "PRP$"):
        return False
    return not any(ch.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "agent") for ch in tok.children)


def _habitual_present(tok) -> bool:
    """An English verb in the simple present ("bandits raid villages and kidnap residents", "it bombs the places where
    people gather"), in the present progressive ("forces are fighting the militia") or an infinitive of purpose under
    a simple present ("the military relies on air power to strike their camps"), outside a headline: a habit or an
    ongoing situation, not one incident (the body of English news tells incidents in a past tense)."""
    if tok.pos_ != "VERB":
        return False
    if tok.tag_ in ("VBP", "VBZ"):
        return not any(ch.dep_ in ("aux", "auxpass") for ch in tok.children)
    if tok.tag_ == "VB" and tok.dep_ == "conj" and tok.head is not tok:   # "they impose levies and kill those who refuse"
        return _habitual_present(tok.head)
    if tok.tag_ == "VBG":
        return any(ch.dep_ == "aux" and ch.tag_ in ("VBP", "VBZ") for ch in tok.children)
    if tok.tag_ == "VB" and tok.dep_ in ("advcl", "xcomp") and any(ch.lower_ == "to" for ch in tok.children):
        return _habitual_present(tok.head) if tok.head is not tok else False
    return False


def _salvo(ctx: _Ctx, start: int, end: int) -> bool:
    """The trigger's head noun is a munition ("roquettes", "frappes de drones", "rockets"; not "drone attacks")."""
    words = re.findall(r"[\w-]+", ctx.doc.text[start:end])
    head = (words[-1] if ctx.lang == "en" else words[0]) if words else ""
    return bool(ctx.cues.munitions.fullmatch(head))


def _possessive_plural(tok) -> bool:
    """A plural trigger noun with a possessive and no count ("ses attaques", "its strikes", "their raids"): what a
    group does in general, not one incident."""
    if tok.pos_ != "NOUN" or "Plur" not in tok.morph.get("Number"):
        return False
    kids = list(tok.children)
    return any(ch.dep_ in ("det", "poss", "nmod:poss") and "Yes" in ch.morph.get("Poss") for ch in kids) \
        and not any(ch.dep_ == "nummod" for ch in kids)


def _habit_of_a_kind(tok, indefinite: re.Pattern) -> bool:
    """A verb in the simple present in a relative clause on a bare plural ("armed groups who kidnap residents for
    ransom", "des bandes qui rançonnent les habitants"): what such groups do, no incident."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("relcl", "acl:relcl") or "Pres" not in tok.morph.get("Tense") \
            or "Fin" not in tok.morph.get("VerbForm") or any(ch.dep_.startswith("aux") for ch in tok.children):
        return False
    return tok.head.pos_ == "NOUN" and _bare_plural(tok.head, indefinite)


def _bare_plural(noun, indefinite: re.Pattern) -> bool:
    """A plural noun with no determiner, number or possessive but an indefinite one ("civilians", "des civils"):
    a kind, not things told."""
    return "Plur" in noun.morph.get("Number") and not any(
        ch.dep_ in ("det", "nummod", "poss", "nmod:poss") and not indefinite.match(ch.lower_) for ch in noun.children)


def _in_scope(ctx: _Ctx, sentence: str, s0: int, m: re.Match, tok) -> bool:
    """A time cue applies to the trigger's clause, or to the whole sentence when it opens it ("En 2018, ...")."""
    opening = not re.search(r"\w", sentence[:m.start()]) and re.match(r"\s*,", sentence[m.end():])
    return bool(opening) or _same_clause(ctx, s0 + m.start(), s0 + m.end(), tok)


def _stative(ctx: _Ctx, tok) -> bool:
    """A verb in the simple present ("les Etats-Unis déploient 2.500 soldats") or a passive in the imperfect
    ("alors que les forces étaient déployées", "troops were deployed"): a state, not an incident."""
    if tok.pos_ == "VERB" and "Pres" in tok.morph.get("Tense") and "Fin" in tok.morph.get("VerbForm") \
            and not any(ch.dep_.startswith("aux") for ch in tok.children):
        return True
    return tok.pos_ in ("VERB", "ADJ") and any(
        ch.dep_ in ("aux:pass", "auxpass", "cop") and ctx.cues.stative_aux.match(ch.lower_) for ch in tok.children)



def _simple_past_passive(ctx: _Ctx, tok) -> bool:
    """An English passive in the simple past ("25 people were evacuated"): in a sentence that names the day it
    tells that day's incident, not a state (French "étaient évacués" stays an imperfect)."""
    return tok.pos_ == "VERB" and any(
        ch.dep_ in ("aux:pass", "auxpass") and ctx.cues.past_passive_aux.match(ch.lower_) for ch in tok.children)


_TOGETHER: dict[int, tuple[tuple[re.Pattern, ...], WordPatterns]] = {}


def _together(rxs: tuple[re.Pattern, ...]) -> WordPatterns:
    """A cue list scanned together: :meth:`WordPatterns.found_in` tells at the cost of about one scan whether
    any of its patterns is in a text, and most sentences hold none (the loops over the list are then skipped).
    Kept by the list's identity (the compiled cue lists live as long as the process): hashing a tuple of compiled
    patterns costs as much as the scan saves."""
    got = _TOGETHER.get(id(rxs))
    if got is None or got[0] is not rxs:
        if len(_TOGETHER) > 256:
            _TOGETHER.clear()
        got = _TOGETHER[id(rxs)] = (rxs, WordPatterns(rxs))
    return got[1]


_CUED: dict[tuple[int, str], tuple[tuple[re.Pattern, ...], bool]] = {}


def _cued_in(rxs: tuple[re.Pattern, ...], sentence: str) -> bool:
    """``_together(rxs).found_in(sentence)``, remembered for the sentences read lately: each trigger of a
    sentence asks it again of the same cue lists (kept by the list's identity, as :func:`_together`)."""
    got = _CUED.get((id(rxs), sentence))
    if got is None or got[0] is not rxs:
        if len(_CUED) > 2048:
            _CUED.clear()
        got = _CUED[(id(rxs), sentence)] = (rxs, _together(rxs).found_in(sentence))
    return got[1]


def _cue_before(rxs: tuple[re.Pattern, ...], before: str) -> re.Match | None:
    """A cue ending at most NEAR_WORDS words before the trigger, with no punctuation in between."""
    if not _together(rxs).found_in(before):
        return None
    for rx in rxs:
        for m in rx.finditer(before):
            gap = before[m.end():]
            if not re.search(r"[,.;:!?()]", gap) and len(re.findall(r"\w+", gap)) <= NEAR_WORDS:
                return m
    return None


def _governing_cue(ctx: _Ctx, rxs: tuple[re.Pattern, ...], before: str, s0: int, tok) -> re.Match | None:
    """A cue before the trigger, close to it or governing its clause."""
    if not _together(rxs).found_in(before):
        return None
    for rx in rxs:
        for m in rx.finditer(before):
            gap = before[m.end():]
            if len(gap) > GOVERN_CHARS or re.search(r"[.;:!?]", gap):
                continue
            close = len(re.findall(r"\w+", gap)) <= 2 and "," not in gap
            cue_tok = _token(ctx, s0 + m.start(), s0 + m.end())
            if close or (cue_tok is not None and _governs(cue_tok, tok)):
                return m
    return None


# -- parse helpers --------------------------------------------------------------------------------------------

def _token(ctx: _Ctx, start: int, end: int):
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_head(tok):
    while tok.pos_ not in CLAUSE_POS and tok.head != tok:
        tok = tok.head
    return tok


def _governs(cue_tok, tok) -> bool:
    """The cue's clause is the trigger's clause or one above it."""
    head, own = _clause_head(cue_tok), _clause_head(tok)
    return head == own or head in own.ancestors


def _same_clause(ctx: _Ctx, start: int, end: int, tok) -> bool:
    """The cue belongs to the trigger's own clause (same governing verb)."""
    head = _clause_head(tok)
    cue_tok = _token(ctx, start, end)
    if cue_tok is not None and _clause_head(cue_tok) == head:
        return True
    last = _token(ctx, max(start, end - 1), end)   # "continue à mener": the cue ends on the trigger's own verb
    return last is not None and _clause_head(last) == head


def same_clause(sdoc, start: int, end: int, trigger_start: int, trigger_end: int) -> bool:
    """Whether the expression at start..end belongs to the clause of the trigger at trigger_start..trigger_end
    (True when either cannot be parsed)."""
    span = sdoc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    cue = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or cue is None or not len(span) or not len(cue):
        return True
    head = _clause_head(span.root)
    return _clause_head(cue.root) == head or any(_clause_head(t) == head for t in cue)


def _verb_of(tok):
    """The verb that tells the incident: the trigger itself, or the light verb a trigger noun is object of."""
    if tok.pos_ in CLAUSE_POS:
        return tok
    if tok.dep_ in ("obj", "dobj") and tok.head.lemma_.lower() in words().light_verbs:
        return tok.head
    return None


def _negated(ctx: _Ctx, verb) -> bool:
    """A negation word on the verb; "plus", "rien", "personne" negate only beside the particle "ne": "Plus au
    sud, les deux armées se sont affrontées" is an incident."""
    c = ctx.cues
    particle = any(c.negation_particle.match(ch.lower_) for ch in verb.children)
    return any(c.negation.match(ch.lower_) and ch.dep_ in ("neg", "advmod", "det")
               and (particle or not c.negation_with_particle.match(ch.lower_))
               for ch in verb.children)


def _denied(ctx: _Ctx, tok) -> bool:
    """Negation of the incident: negated trigger verb, "no attack", "aucune attaque", "did not take place"."""
    verb = _verb_of(tok)
    if verb is not None and _negated(ctx, verb):
        return True
    if tok.pos_ in ("NOUN", "PROPN"):
        if any(ch.dep_ == "det" and ctx.cues.negation.match(ch.lower_) for ch in tok.children):
            return True
        # a negated predicate noun: "ce n'est pas une reconquête", "this was not an attack"
        if any(ch.dep_ == "cop" for ch in tok.children) and _negated(ctx, tok):
            return True
        if tok.dep_ == "attr" and _negated(ctx, tok.head):   # (English parses put the copula above its noun)
            return True
        head = tok.head
        if tok.dep_.startswith("nsubj") and _happens(ctx, head):
            return any(_negated(ctx, v) for v in [head, *list(head.ancestors)[:3]])
    return False


def _happens(ctx: _Ctx, verb) -> bool:
    return bool(ctx.cues.happen.match(verb.lemma_.lower()) or ctx.cues.happen.match(verb.lower_))



def _modal(ctx: _Ctx, tok) -> bool:
    """The incident verb is in the future or under a modal ("will strike", "nous riposterons", "va frapper")."""
    if tok.pos_ not in ("NOUN", "PROPN") and ctx.cues.future_form.match(tok.lower_):
        return True  # the French tagger often misses future verb forms
    if tok.pos_ in ("NOUN", "PROPN") and any(ch.dep_ == "cop" and _future_word(ctx, ch) for ch in tok.children):
        return True  # the predicate of a future copula: "Ce sera une marche silencieuse"
    verb = _verb_of(tok) or _governing_verb(tok)
    if verb is None:
        return False
    if "Fut" in verb.morph.get("Tense") or any(   # an auxiliary in the future: "seront déployés", "sera jugé"
            ch.dep_.startswith("aux") and _future_word(ctx, ch) for ch in verb.children):
        return True
    if any(ch.dep_.startswith("aux") and ctx.cues.modals.match(ch.lower_) for ch in verb.children):
        return not any(ctx.cues.perfect_aux.match(ch.lower_) for ch in verb.children)
    head = verb.head
    # "va frapper", and "pourraient être déployées" (the infinitive is the passive auxiliary)
    infinitive = "Inf" in verb.morph.get("VerbForm") or any(
        ch.dep_.startswith("aux") and "Inf" in ch.morph.get("VerbForm") for ch in verb.children)
    gerund = verb.tag_ == "VBG" and verb.dep_ == "xcomp"   # "would resume fighting"
    if verb.dep_ not in ("xcomp", "ccomp") or not (infinitive or gerund):
        return False
    if ctx.cues.modals.match(head.lower_):
        return True
    # "Both sides will be asked to withdraw forces": an infinitive completing a verb in the future or under a modal
    return verb.dep_ == "xcomp" and head is not verb and (
        "Fut" in head.morph.get("Tense") or any(ch.dep_.startswith("aux") and ctx.cues.modals.match(ch.lower_)
                                                 for ch in head.children)) \
        and not any(ctx.cues.perfect_aux.match(ch.lower_) for ch in head.children)


def _future_word(ctx: _Ctx, tok) -> bool:
    """An auxiliary or copula in the future, by its morphology or its form (the French tagger reads "sera" as
    present)."""
    return "Fut" in tok.morph.get("Tense") or ctx.cues.future_form.match(tok.lower_) is not None


ACCIDENT = "disaster or accident"
SCHEDULED = "scheduled: a plan, not an incident"


def _scheduled(tok) -> bool:
    """A trigger noun that a scheduling verb speaks of after it: the subject of "is planned" / "est prévue", or
    followed by the participle ("une marche prévue samedi", "a rally scheduled for Friday"): an announced plan
    (a march, a sit-in, a strike), not an incident. A participle before the noun describes one that happened ("a
    carefully planned attack")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    plan = words().plan_verbs
    if tok.dep_.startswith("nsubj") and tok.head is not tok and tok.head.lemma_.lower() in plan:
        return True
    return any(ch.i > tok.i and ch.lemma_.lower() in plan and ch.dep_ in ("acl", "amod")
               and "Part" in ch.morph.get("VerbForm") for ch in tok.children)


def _violence_told(ctx: _Ctx, sentence: str) -> bool:
    """A word of violence in the sentence that is not only the news' source: in "An explosion at a fireworks
    factory killed eight workers, police said" ("selon la police") the police report the accident, they take no part
    in it."""
    lex = lexicon(ctx.lang)
    return any(not lex.reporter_after.match(sentence, v.end()) and not lex.reporter_before.search(sentence[:v.start()])
               for v in ctx.cues.violence.finditer(sentence))


def _modal_subject(ctx: _Ctx, tok) -> bool:
    """A trigger noun that is the subject of a verb under a modal ("fighting could spread", "les combats
    pourraient s'étendre"): a possibility, not an incident."""
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.dep_.startswith("nsubj"):
        return False
    verb = tok.head
    if ctx.cues.perception_verbs.match(verb.lemma_) or \
            any(ctx.cues.perfect_aux.match(ch.lower_) for ch in verb.children):
        return False   # "gunfire could be heard": a real incident told by its witnesses
    if any(ch.dep_.startswith("aux") and (ctx.cues.modals.match(ch.lower_) or "Fut" in ch.morph.get("Tense"))
           for ch in verb.children):
        return True
    return ctx.lang == "fr" and bool(ctx.cues.modals.match(verb.lower_))


def _governing_verb(tok):
    """The verb a trigger noun is the complement of through a preposition, over at most one noun ("will be met
    with a similar attack", "make navigation a target for our missiles", "sera accueillie par une riposte")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    node, nouns = tok, 0
    for _ in range(5):
        dep, head = node.dep_, node.head
        if head is node:
            return None
        if dep == "conj" and head.pos_ in ("NOUN", "PROPN"):   # "our missiles, drones and operations"
            node = head
            continue
        if dep in ("pobj", "obl", "obl:arg", "obl:mod", "nmod", "prep", "attr", "oprd") or \
                (dep in ("obj", "dobj") and node is not tok):
            if head.pos_ in CLAUSE_POS:
                return head
            if head.pos_ in ("NOUN", "PROPN"):
                nouns += 1
                if nouns > 1:
                    return None
            node = head
            continue
        return None
    return None


def _past_perfect(ctx: _Ctx, tok) -> bool:
    """A main-clause pluperfect ("Washington avait riposté", "Israel had struck") tells earlier context;
    in reported speech ("ont déclaré que des roquettes avaient visé") it is only the sequence of tenses. A trigger
    noun that is the subject of that verb tells the same earlier incident ("Ce jour-là, plusieurs bombes étaient
    tombées sur le camp", "the explosion had destroyed the market")."""
    verb = _verb_of(tok)
    if verb is None and tok.dep_.startswith("nsubj") and tok.head is not tok and tok.head.pos_ in CLAUSE_POS:
        verb = tok.head
    if verb is None:
        return False
    verb = _governing_main_verb(verb)
    if verb.dep_ != "ROOT":
        return False
    return _pluperfect(verb)


def _governing_main_verb(verb):
    """The verb whose tense tells when the trigger verb's deed happened: an infinitive of attempt or purpose takes the
    time of the verb it completes ("tried to detonate", "tentait de faire exploser"), and an adverbial clause whose
    own verb is no trigger ("had been shot dead as he tried to detonate his device", "avaient été tués alors qu'ils
    tentaient de fuir") the time of its main clause. A trigger verb heading an adverbial clause keeps its own tense
    ("had barely returned when gunmen opened fire": the news)."""
    while verb.dep_ == "xcomp" and verb.head is not verb:
        verb = verb.head
        if verb.dep_ == "advcl" and verb.head is not verb:
            return verb.head
    return verb


def _pluperfect(verb) -> bool:
    """The verb has a past-perfect auxiliary ("had struck", "avait riposté")."""
    w = words()
    return any(ch.dep_.startswith("aux") and ch.lemma_.lower() in w.perfect_aux and
               ("Imp" in ch.morph.get("Tense") or ch.lower_ in w.past_perfect_forms) for ch in verb.children)


def _adverbial_under_past_perfect(tok) -> bool:
    """A trigger verb in an adverbial clause (or its complement) of a main-clause past perfect ("A third attacker had
    been shot dead by police as he tried to detonate his device", "had been killed when gunmen stormed the camp"):
    the clause tells the same older incident."""
    verb = _verb_of(tok)
    if verb is None or verb.dep_ not in ("advcl", "xcomp"):
        return False
    while verb.dep_ in ("advcl", "xcomp") and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT" and _pluperfect(verb)


def _relative_under_past_perfect(tok) -> bool:
    """A trigger verb in a relative clause on someone a past-perfect verb speaks of ("the defendants had supplied
    fuel to the jihadists who fired rockets at the boat", "the men had commanded forces that shelled markets",
    "les hommes avaient armé les jihadistes qui ont attaqué"): the deed only identifies them, from an earlier story."""
    verb = _verb_of(tok)
    if verb is None or verb.dep_ not in ("relcl", "acl:relcl"):
        return False
    for anc in verb.head.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return _pluperfect(anc)
    return False


def _appositive(tok) -> bool:
    """The trigger sits in an apposition to a name ("Israel, the target of an attack ...")."""
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in CLAUSE_POS:
            return False
        if anc.dep_ == "appos":
            before = anc.doc[anc.left_edge.i - 1] if anc.left_edge.i > 0 else None
            if before is not None and before.text in DASHES:   # "BANGKOK (AP) — An airstrike ...": a dateline
                return False
            return anc.head.pos_ == "PROPN"
    return False


DASHES = {"—", "–", "-", "--", "―"}


def _definite(ctx: _Ctx, hit: Hit) -> bool:
    """A trigger noun with a definite or demonstrative determiner ("l'attaque", "the strike")."""
    return _definite_span(ctx, hit.start, hit.end)


def _definite_span(ctx: _Ctx, start: int, end: int) -> bool:
    """The noun at start..end has a definite or demonstrative determiner ("l’attaque", "cette explosion")."""
    tok = _token(ctx, start, end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any((ch.dep_ == "det" and ctx.cues.determiners.match(normalise(ch.lower_)))
               or (ch.pos_ == "ADP" and ctx.cues.contracted_articles.match(ch.lower_)) for ch in tok.children)
