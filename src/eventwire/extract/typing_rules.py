"""Trigger lexicons (``data/triggers_<lang>.yaml``): find the words that signal an incident and type them.

A trigger maps a regular expression either to one sub-event type (``sub``) or to a *family* whose rules
decide the sub-type from the words around the trigger (``family``). When no family rule matches, the hit keeps
the family's candidate sub-types and the classifier chooses among them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import SUB_TO_TYPE
from .patterns import WordPatterns

DATA = Path(__file__).resolve().parents[1] / "data"
WINDOW = 90  # characters looked at by a family rule scoped 'left' or 'right' of its trigger
DEMOTION = 60  # priority lost by a trigger told as support of another action


@dataclass(frozen=True)
class Rule:
    """A family rule: when ``rx`` matches in ``scope`` (sentence, left / right of the trigger) the type is ``sub``."""
    id: str
    rx: re.Pattern
    sub: str
    scope: str = "sentence"


@dataclass(frozen=True)
class Family:
    """Triggers whose sub-type depends on context: ordered rules, then the classifier among ``candidates``."""
    name: str
    candidates: tuple[str, ...]
    rules: tuple[Rule, ...]
    default: str | None = None   # sub-type when no rule matches
    fallback: str | None = None  # when no rule matches and the classifier is unsure among the candidates


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry."""
    id: str
    rx: re.Pattern
    sub: str | None
    family: str | None
    priority: int
    anaphor_only: bool = False  # a generic word ("l'engin", "the incident") that only refers back
    unless: re.Pattern | None = None  # words of the sentence that make the trigger mean something else
    last_resort: bool = False  # a coder's remark ('[size=...]', a note's label): leads only when nothing else does


@dataclass
class Hit:
    """A trigger found in a sentence (offsets into the document text), typed when the rules allow."""
    trigger: Trigger
    start: int
    end: int
    sub: str | None
    candidates: tuple[str, ...]
    reason: str
    fallback: str | None = None
    demoted: bool = False  # told as support of another action ("in conjunction with airstrikes")

    @property
    def priority(self) -> int:
        return self.trigger.priority - (DEMOTION if self.demoted else 0)


@dataclass(frozen=True)
class Lexicon:
    """The compiled trigger lexicon of one language."""
    lang: str
    triggers: tuple[Trigger, ...]
    families: dict[str, Family]
    support: re.Pattern  # words before a trigger that make it a support of another action
    support_phrase: re.Pattern  # a support cue and the words after it, up to punctuation
    reporter_after: re.Pattern  # words after a target that make it the news' source ("villagers, police said")
    reporter_before: re.Pattern  # the same words right before a name, with its article ("selon la police")


def compile_rx(pattern: str) -> re.Pattern:
    """A case-insensitive regex bounded by non-word characters."""
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


def normalise(text: str) -> str:
    """Text for matching: typographic apostrophes and non-breaking spaces made plain (same length)."""
    return text.replace("\u2019", "'").replace("\u02bc", "'").replace("\u00a0", " ").replace("\u202f", " ")


@lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    """Load and compile ``triggers_<lang>.yaml`` (cached)."""
    raw = yaml.safe_load((DATA / f"triggers_{lang}.yaml").read_text(encoding="utf-8"))
    priority: dict[str, int] = raw["priority"]
    families = {name: _family(name, spec) for name, spec in raw["families"].items()}
    triggers = tuple(_trigger(t, priority, families) for t in raw["triggers"])
    cues = "|".join(raw["support"])
    # the support phrase ends at punctuation, as ``phrase`` does: "l'armée, appuyée par des milices, a repris la
    # ville" takes the town; the comma closes the apposition and the main verb after it is the action told
    support = re.compile(rf"(?<!\w)(?:{cues})[^\w,.;:]+(?:[\w'-]+[^\w,.;:]+){{0,4}}$", re.IGNORECASE)
    phrase = re.compile(rf"(?<!\w)(?:{cues})[^,.;:]*", re.IGNORECASE)
    reporter = re.compile(rf"\W*(?:{raw['reporter_after']})(?!\w)", re.IGNORECASE)
    before = re.compile(rf"(?<!\w)(?:{raw['reporter_after']})\W+(?:\w+['\s]+)?$", re.IGNORECASE)
    return Lexicon(lang, triggers, families, support, phrase, reporter, before)


def _family(name: str, spec: dict) -> Family:
    rules = tuple(Rule(r["id"], compile_rx(r["if"]), _check_sub(r["sub"]), r.get("scope", "sentence"))
                  for r in spec.get("rules", []))
    default, fallback = spec.get("default"), spec.get("fallback")
    return Family(name, tuple(_check_sub(s) for s in spec["candidates"]), rules,
                  _check_sub(default) if default else None, _check_sub(fallback) if fallback else None)


def _trigger(spec: dict, priority: dict[str, int], families: dict[str, Family]) -> Trigger:
    sub, family, anaphor = spec.get("sub"), spec.get("family"), spec.get("anaphor_only", False)
    if (sub is not None) + (family is not None) != (0 if anaphor else 1):
        raise ValueError(f"trigger {spec['id']}: give one of sub / family (neither for anaphor_only)")
    if sub is not None:
        _check_sub(sub)
    if family is not None and family not in families:
        raise ValueError(f"trigger {spec['id']}: unknown family {family}")
    if "priority" in spec:
        rank = spec["priority"]
    elif sub:
        rank = priority[sub]
    else:
        rank = max(priority[c] for c in families[family].candidates)
    unless = compile_rx(spec["unless"]) if spec.get("unless") else None
    return Trigger(spec["id"], compile_rx(spec["rx"]), sub, family, rank, anaphor, unless,
                   bool(spec.get("last_resort", False)))


def _check_sub(sub: str) -> str:
    if sub not in SUB_TO_TYPE:
        raise ValueError(f"unknown sub-event type: {sub}")
    return sub


@lru_cache(maxsize=4)
def _scanner(lang: str) -> WordPatterns:
    """The triggers' patterns scanned together (:class:`~eventwire.extract.patterns.WordPatterns`: each one's
    matches as its own finditer gives them, at less cost)."""
    return WordPatterns(t.rx for t in lexicon(lang).triggers)


def find_hits(text: str, start: int, end: int, lang: str) -> list[Hit]:
    """Typed trigger hits in the sentence ``text[start:end]``, in text order; overlapping hits keep the longest."""
    lex = lexicon(lang)
    sentence = normalise(text[start:end])
    found: list[tuple[Trigger, int, int]] = []
    unless: dict[int, bool] = {}   # a trigger's "unless" words, read only for the triggers found
    for k, m in _scanner(lang).matches(sentence):
        trig = lex.triggers[k]
        if k not in unless:
            unless[k] = trig.unless is not None and trig.unless.search(sentence) is not None
        if not unless[k]:
            found.append((trig, m.start(), m.end()))
    found.sort(key=lambda f: (-(f[2] - f[1]), -f[0].priority, f[1]))
    kept: list[tuple[Trigger, int, int]] = []
    for f in found:
        if all(f[2] <= k[1] or f[1] >= k[2] for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f[1])
    # family rules do not read support phrases ("in conjunction with airstrikes" does not make an attack aerial)
    context = lex.support_phrase.sub(lambda m: " " * len(m.group()), sentence)
    hits = [_typed(lex, trig, context, s, e, start) for trig, s, e in kept]
    for hit in hits:
        hit.demoted = bool(lex.support.search(sentence[max(0, hit.start - start - WINDOW):hit.start - start]))
    return hits


def _typed(lex: Lexicon, trig: Trigger, sentence: str, s: int, e: int, offset: int) -> Hit:
    if trig.sub or not trig.family:
        return Hit(trig, s + offset, e + offset, trig.sub, (trig.sub,) if trig.sub else (), f"rule: {trig.id}")
    family = lex.families[trig.family]
    for rule in family.rules:
        scope = _scope(sentence, s, e, rule.scope)
        found = rule.rx.search(scope)
        if found and not (rule.scope == "right" and lex.reporter_after.match(scope, found.end())):
            return Hit(trig, s + offset, e + offset, rule.sub, (rule.sub,), f"rule: {trig.id} + {rule.id}")
    if family.default:
        return Hit(trig, s + offset, e + offset, family.default, (family.default,),
                   f"rule: {trig.id} (family default)")
    return Hit(trig, s + offset, e + offset, None, family.candidates, f"family: {trig.family}", family.fallback)


def family_rule(lang: str, family: str, text: str) -> Rule | None:
    """The first rule of a family whose cue occurs anywhere in ``text`` (a sentence that adds details)."""
    for rule in lexicon(lang).families[family].rules:
        if rule.rx.search(normalise(text)):
            return rule
    return None


def _scope(sentence: str, s: int, e: int, scope: str) -> str:
    if scope == "left":
        return sentence[max(0, s - WINDOW):s]
    if scope == "right":
        return sentence[e:e + WINDOW]
    if scope == "near":
        return sentence[max(0, s - WINDOW):e + WINDOW]
    return sentence


def lead(hits: list[Hit]) -> Hit:
    """The hit that decides a mention's type: highest priority, then the earliest."""
    return max(hits, key=lambda h: (h.priority, -h.start))
