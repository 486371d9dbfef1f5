"""Actors: find them in a sentence, normalise them to ACLED names, and assign actor1/actor2 roles.

Resources (all extendable YAML under ``eventwire/data``): ``actors.yaml`` (named groups, generic role
words, role cues), ``demonyms.yaml`` (countries and nationality adjectives, FR + EN) and
``state_forces.yaml`` (government periods giving the year in "Military Forces of X (2016-)").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, Iterator


from ..model import Actor, Document, Evidence, Slot
from ..ingest._data import load_data
from ..ingest.dateline import dateline_of


# categories of hits, best first when two overlap
NAMED, STATE, POLICE, UNIDENTIFIED, TRIBAL, GANG, PROTESTERS, RIOTERS, CIVILIANS, COUNTRY, GOVERNMENT = (
    "named", "state", "police", "unidentified", "tribal", "gang", "protesters", "rioters", "civilians", "country",
    "government")
_RANK = {k: i for i, k in enumerate((NAMED, STATE, POLICE, GOVERNMENT, TRIBAL, UNIDENTIFIED, GANG, PROTESTERS, RIOTERS,
                                     CIVILIANS, COUNTRY))}
_INTER = {PROTESTERS: 6, RIOTERS: 5, CIVILIANS: 7, UNIDENTIFIED: 3, TRIBAL: 4, GANG: 3}
_LABEL = {PROTESTERS: "Protesters", RIOTERS: "Rioters", CIVILIANS: "Civilians", UNIDENTIFIED: "Unidentified Armed Group",
          TRIBAL: "Unidentified Tribal Militia", GANG: "Unidentified Gang"}
_STATE_NAME = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?)(?: \(\d{4}-?\d{0,4}\))?(?: (.+))?$")
_GENERIC_NAME = re.compile(r"^(Protesters|Rioters|Civilians|Unidentified Armed Group|Unidentified Tribal Militia|"
                           r"Unidentified Gang)(?: \((.+)\))?$")
_SEP = r"[\s\-'.]"
_B, _E = r"(?<![0-9a-z])", r"(?![0-9a-z])"


@dataclass
class ActorHit:
    """An actor found in the text: character offsets in ``doc.text`` and the normalised actor."""
    start: int
    end: int
    actor: Actor
    kind: str = NAMED   # category (named, state, police, unidentified, gang, protesters, ...)
    umbrella: bool = False  # a group named with the operation it serves under ("JWS operating under OPS")
    attacker: bool = False  # a nationality adjective of an attack noun ("frappe israélienne"): acts
    identifies: bool = False  # unnamed fighters said to be this group ("les assaillants appartiennent au groupe X")
    nationals: bool = False  # people named by nationality alone ("trois Palestiniens", "two Israelis"): civilians


# ---------------------------------------------------------------- resources

def _data(name: str) -> dict[str, Any]:
    """The parsed YAML resource (one cache for the whole process: the geocoder reads actors.yaml too)."""
    return load_data(name)


@lru_cache(maxsize=4096)
def _fold_char(c: str, lower: bool) -> str:
    c = {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}.get(c, c)
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
    out = base.lower() if lower else base
    return out if len(out) == 1 else c


class _FoldTable(dict):
    """``str.translate`` table of :func:`_fold_char`, filled as characters are met (one C-level pass per text
    instead of a Python call per character)."""

    def __init__(self, lower: bool) -> None:
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code), self.lower)
        return out


_FOLD_TABLES = {True: _FoldTable(True), False: _FoldTable(False)}


def fold(text: str, lower: bool = True) -> str:
    """Accent-free (and lower-cased) text of the same length, so offsets still hold."""
    return text.translate(_FOLD_TABLES[bool(lower)])


def _key(alias: str) -> str:
    """Lookup key of an alias: folded, lower-cased, words joined by single spaces."""
    return " ".join(t for t in re.split(r"[\s\-'.]+", fold(alias)) if t)


def _pattern(phrase: str, lower: bool = True, sep: str = "+") -> str:
    """Regex for a phrase: separators between its words may vary (or vanish, with sep='*')."""
    toks = [t for t in re.split(r"[\s\-'.]+", fold(phrase, lower)) if t]
    return (_SEP + sep).join(re.escape(t) for t in toks)


def _alt(phrases: list[str], lower: bool = True, sep: str = "+") -> str:
    pats = sorted({_pattern(p, lower, sep) for p in phrases if p.strip()}, key=len, reverse=True)
    return _by_first_char(pats)


_PLAIN_FIRST = re.compile(r"[0-9a-z]|\\[^0-9A-Za-z]")   # an ASCII letter or digit, or an escaped punctuation


def _by_first_char(pats: list[str]) -> str:
    """``(?:p1|p2|...)``, its alternatives grouped by their first literal character ("(?:a(?:l-qaida|...)|b(?:...))"),
    each group's in their own order: the engine tries a handful of groups at each position instead of hundreds of
    names. Only alternatives starting with different characters go to different groups, and two such never match
    at the same position, so the matches are exactly the ungrouped pattern's (kept as it is when some alternative
    starts otherwise)."""
    groups: dict[str, list[str]] = {}
    for p in pats:
        m = _PLAIN_FIRST.match(p)
        if m is None:
            return "(?:" + "|".join(pats) + ")"
        groups.setdefault(m.group(), []).append(p[m.end():])
    return "(?:" + "|".join(head + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
                            for head, rests in groups.items()) + ")"


def affiliation_groups() -> list[list[str]]:
    """Names that reports of one incident may use for the same perpetrator (actors.yaml `affiliations`)."""
    return [list(g) for g in _data("actors.yaml").get("affiliations") or []]


def countries() -> dict[str, dict[str, Any]]:
    """ISO2 -> country record from demonyms.yaml."""
    return _data("demonyms.yaml")


def country_name(cc: str | None) -> str:
    """ACLED country name for an ISO2 code ('' when unknown)."""
    return countries().get((cc or "").upper(), {}).get("name", "")


@lru_cache(maxsize=1)
def _country_by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for cc, c in countries().items():
        for n in [c["name"], c.get("of", "")] + c.get("names_en", []) + c.get("names_fr", []):
            if n:
                out.setdefault(_key(n), cc)
    return out


def country_code(name: str) -> str:
    """ISO2 code for a country name in French or English ('' when unknown)."""
    return _country_by_name().get(_key(name), "")


def state_label(cc: str, day: date | None) -> str:
    """Government label for a country at a date ('2016-'), '' when unknown; latest when no date."""
    periods = _data("state_forces.yaml").get(cc.upper()) or []
    if not periods:
        return ""
    if day is None:
        return periods[-1][1]
    label = ""
    for start, lab in periods:
        if start <= day:
            label = lab
    return label


def state_force_name(cc: str, force: str = "Military", day: date | None = None, unit: str = "") -> str:
    """'Military Forces of Turkey (2016-)' (+ ' unit') for a country, force kind and date."""
    c = countries().get(cc.upper(), {})
    name = f"{force} Forces of {c.get('of') or c.get('name') or cc}"
    label = state_label(cc, day)
    if label:
        name += f" ({label})"
    return f"{name} {unit}" if unit else name


def government_name(cc: str, day: date | None = None) -> str:
    """'Government of Colombia (2022-)': a state as the party to agreements, with its government's years."""
    c = countries().get(cc.upper(), {})
    name = f"Government of {c.get('of') or c.get('name') or cc}"
    label = state_label(cc, day)
    return f"{name} ({label})" if label else name


def _state_actor(cc: str, force: str, day: date | None, event_cc: str | None, unit: str = "",
                 surface: str = "") -> Actor:
    for rule in _data("actors.yaml")["theatre_names"]:
        if force == "Military" and not unit and rule["forces"] == cc.upper() and (event_cc or "").upper() in rule["where"]:
            return Actor(rule["name"], rule["inter"], surface=surface, country=cc.upper())
    inter = 8 if event_cc and event_cc.upper() != cc.upper() else 1
    return Actor(state_force_name(cc, force, day, unit), inter, surface=surface, country=cc.upper())


def _generic_actor(kind: str, cc: str | None, surface: str = "") -> Actor:
    cname = country_name(cc)
    name = f"{_LABEL[kind]} ({cname})" if cname else _LABEL[kind]
    return Actor(name, _INTER[kind], surface=surface, country=(cc or "").upper())


def _entry_actor(e: dict[str, Any], cc: str | None, day: date | None, surface: str = "") -> Actor | None:
    if "state" in e:
        state = cc if e["state"] == "event" else e["state"]
        if not state:
            return None
        return _state_actor(state, e.get("force", "Military"), day, cc, e.get("unit", ""), surface)
    name = e["name"]
    if "{country}" in name:
        cname = country_name(cc)
        name = name.format(country=cname) if cname else e.get("default", name.replace(" ({country})", ""))
    inter = e.get("inter")
    if inter == 1 and cc and e.get("country") and cc.upper() != e["country"]:
        inter = 8
    return Actor(name, inter, surface=surface, country=e.get("country", ""))


def _valid(e: dict[str, Any], day: date | None) -> bool:
    if day is None:
        return "until" not in e
    return (e.get("from") is None or day >= e["from"]) and (e.get("until") is None or day < e["until"])


def _pick(entries: list[dict[str, Any]], day: date | None, cc: str | None) -> dict[str, Any] | None:
    """The entry an alias means at a date and in a country (None when it applies nowhere here)."""
    here = [e for e in entries if not e.get("only_in") or (cc or "").upper() in e["only_in"]]
    if not here:
        return None
    valid = [e for e in here if _valid(e, day)]
    return (valid or here)[-1]


def _resolve(entries: list[dict[str, Any]] | None, cc: str | None, day: date | None) -> Actor | None:
    entry = _pick(entries, day, cc) if entries else None
    return _entry_actor(entry, cc, day) if entry else None


@lru_cache(maxsize=1)
def _groups() -> list[dict[str, Any]]:
    """actors.yaml `groups` with the `ethnic_militias` family: each people's template phrases ("suspected Murle
    militia", "des jeunes dinka armés") as aliases of "<People> Ethnic Militia (<event country>)", added to the
    people's own entry when it has one."""
    data = _data("actors.yaml")
    fam = data["ethnic_militias"]
    groups = [dict(e) for e in data["groups"]]
    for people in fam["peoples"]:
        label = f"{people['name']} Ethnic Militia"
        entry = next((e for e in groups if e.get("name", "").startswith(label)), None)
        if entry is None:
            entry = {"name": f"{label} ({{country}})", "default": label, "inter": 4}
            groups.append(entry)
        for lang in ("en", "fr"):
            made = [t.format(p=form) for t in fam["templates"][lang] for form in people[lang]]
            entry[lang] = list(entry.get(lang, [])) + [a for a in made if a not in entry.get(lang, [])]
    return groups


# ---------------------------------------------------------------- compiled lexicon

@dataclass
class _Lex:
    """Compiled patterns for one language."""
    named_ci: re.Pattern
    named_cs: re.Pattern
    aliases: dict[str, list[dict[str, Any]]]    # folded key -> entries
    acronyms: dict[str, list[dict[str, Any]]]   # folded (case kept) acronym -> entries
    generic: list[tuple[str, re.Pattern]]       # (category, pattern with groups adj/noun, and adj2 for pairs)
    adj: dict[str, str]                         # folded adjective or name -> ISO2
    case_sensitive: set[str]                    # folded adjectives that must be upper case in the text
    attack_adj: re.Pattern                      # attack noun + nationality adjective ("frappe israélienne")
    nationals: re.Pattern                       # people named by nationality alone (case kept: "trois Palestiniens")
    # id() of a pattern that opens with the long alternation of nationality adjectives -> the alternation of the
    # nouns it must then match: searched first, the pattern runs only on a text where one of them occurs (_matches;
    # keyed by id: a Pattern's hash reads its whole compiled code, each time)
    probes: dict[int, re.Pattern] = field(default_factory=dict)


def _lang(lang: str) -> str:
    return "fr" if lang == "fr" else "en"


@lru_cache(maxsize=2)
def _lex(lang: str) -> _Lex:
    lang = _lang(lang)
    data = _data("actors.yaml")
    gen = data["generic"]
    aliases: dict[str, list[dict[str, Any]]] = {}
    acronyms: dict[str, list[dict[str, Any]]] = {}
    for e in _groups():
        names = e.get("en", []) + e.get("fr", [])
        if "name" in e:
            names.append(e["name"].replace(" ({country})", ""))
            names.append(e["name"].split(": ", 1)[-1])
        for a in names:
            aliases.setdefault(_key(a), []).append(e)
        for a in e.get("acronyms", []):
            acronyms.setdefault(fold(a, lower=False), []).append(e)
    lead = gen["leading"][lang]
    lead_pat = (_alt(lead) + r"\s+" if lang == "en"
                else _alt(lead) + r"\s+(?:du|des|de\s+la|de\s+l'|d'|de)\s*")
    trail_pat = _alt(gen["trailing"][lang])
    own = [a for e in _groups() for a in e.get(lang, [])]
    other = [a for e in _groups() for a in e.get("fr" if lang == "en" else "en", [])]
    body = _alt(own + other + list(aliases), sep="*")
    named_ci = re.compile(rf"{_B}(?:{lead_pat})?(?P<name>{body})(?:\s+{trail_pat})?{_E}")
    acr = sorted(acronyms, key=len, reverse=True)
    acr_body = "(?:" + "|".join(re.escape(a) for a in acr) + ")"
    named_cs = re.compile(rf"(?<![0-9A-Za-z])(?i:{lead_pat})?(?P<name>{acr_body})(?![0-9A-Za-z])"
                          rf"(?i:\s+{trail_pat}(?![0-9a-z]))?")
    adj: dict[str, str] = {}
    names_only: dict[str, str] = {}
    case_sensitive: set[str] = set()
    for cc, c in countries().items():
        for form in c.get(f"adj_{lang}", []) + c.get(f"names_{lang}", []):
            k = fold(form)
            adj.setdefault(k, cc)
            if form.isupper() and len(form.replace(".", "")) <= 4:
                case_sensitive.add(k)
        for form in c.get(f"names_{lang}", []):
            names_only.setdefault(fold(form), cc)
    adj_pat = "(?:" + "|".join(re.escape(a) for a in sorted(adj, key=len, reverse=True)) + ")"
    name_pat = "(?:" + "|".join(re.escape(a) for a in sorted(names_only, key=len, reverse=True)) + ")"
    mods = _alt(gen["modifiers"][lang])
    generic: list[tuple[str, re.Pattern]] = []
    probes: dict[int, re.Pattern] = {}
    for kind, key in ((STATE, "military"), (POLICE, "police")):
        nouns = _alt(gen[key][lang])
        if lang == "en":
            generic.append((kind, _probed(probes, nouns, re.compile(
                rf"(?<![\w-])(?P<adj>{adj_pat})(?:'s)?\s+(?:{mods}[\s-]+){{0,2}}(?P<noun>{nouns}){_E}"))))
            generic.append((kind, _probed(probes, nouns, re.compile(   # "Russian and Ukrainian forces"
                rf"(?<![\w-])(?P<adj>{adj_pat})\s+(?:and|or|&)\s+(?P<adj2>{adj_pat})\s+(?:{mods}[\s-]+){{0,2}}"
                rf"(?P<noun>{nouns}){_E}"))))
            generic.append((kind, re.compile(rf"{_B}(?P<noun>{nouns})\s+of\s+(?:the\s+)?(?P<adj>{name_pat}){_E}")))
        else:
            generic.append((kind, re.compile(
                rf"{_B}(?P<noun>{nouns})(?:\s+{mods}){{0,2}}\s+(?P<adj>{adj_pat}){_E}(?!-)")))
            generic.append((kind, re.compile(   # "forces russes et ukrainiennes"
                rf"{_B}(?P<noun>{nouns})(?:\s+{mods}){{0,2}}\s+(?P<adj>{adj_pat})\s+(?:et|ou)\s+(?P<adj2>{adj_pat}){_E}")))
            generic.append((kind, re.compile(
                rf"{_B}(?P<noun>{nouns})(?:\s+{mods}){{0,2}}\s+(?:du|des|de\s+la|de\s+l'|d'|de)\s*(?P<adj>{name_pat}){_E}")))
        generic.append((kind, re.compile(rf"(?<![\w-])(?P<noun>{_alt(gen[key]['bare'][lang])}){_E}")))
    gov = _alt(gen[GOVERNMENT][lang])
    if lang == "en":   # "the Colombian government", "Colombia's government", "the government of Colombia"
        generic.append((GOVERNMENT, _probed(probes, gov, re.compile(
            rf"(?<![\w-])(?P<adj>{adj_pat})(?:'s)?\s+(?P<noun>{gov}){_E}"))))
        generic.append((GOVERNMENT, re.compile(rf"{_B}(?P<noun>{gov})\s+of\s+(?:the\s+)?(?P<adj>{name_pat}){_E}")))
    else:   # "le gouvernement colombien", "le gouvernement de Colombie", "du Mali"
        generic.append((GOVERNMENT, re.compile(rf"{_B}(?P<noun>{gov})\s+(?P<adj>{adj_pat}){_E}(?!-)")))
        generic.append((GOVERNMENT, re.compile(
            rf"{_B}(?P<noun>{gov})\s+(?:du|des|de\s+la|de\s+l'|d'|de)\s*(?P<adj>{name_pat}){_E}")))
    generic.append((GOVERNMENT, re.compile(rf"(?<![\w-])(?P<noun>{gov}){_E}")))
    for kind in (UNIDENTIFIED, TRIBAL, GANG, PROTESTERS, RIOTERS):
        generic.append((kind, re.compile(rf"{_B}(?P<noun>{_alt(gen[kind][lang])}){_E}")))
    civ, things = _alt(gen[CIVILIANS][lang]), _alt(gen["not_people"][lang])
    civ_pat = (rf"(?<![\w-])(?:(?P<adj>{adj_pat})\s+)?(?P<noun>{civ}){_E}(?!\s+{things}{_E})" if lang == "en"
               else rf"{_B}(?P<noun>{civ})(?:\s+(?P<adj>{adj_pat}))?{_E}(?!\s+{things}{_E})")
    generic.append((CIVILIANS, _probed(probes, civ, re.compile(civ_pat)) if lang == "en" else re.compile(civ_pat)))
    generic.append((COUNTRY, re.compile(rf"(?<![\w-])(?P<adj>{name_pat}){_E}(?!-)")))
    adj_only = sorted({fold(f) for c in countries().values() for f in c.get(f"adj_{lang}", [])}, key=len, reverse=True)
    adj_only_pat = "(?:" + "|".join(re.escape(a) for a in adj_only) + ")"
    anouns, amods = _alt(gen["attack_nouns"][lang]), _alt(gen["attack_modifiers"][lang])
    attack_adj = (_probed(probes, anouns, re.compile(
        rf"(?<![\w-])(?P<adj>{adj_only_pat})\s+(?:{amods}[\s-]+){{0,2}}(?P<noun>{anouns}){_E}")) if lang == "en"
        else re.compile(rf"{_B}(?P<noun>{anouns})(?:\s+{amods}){{0,2}}\s+(?P<adj>{adj_only_pat}){_E}(?!-)"))
    return _Lex(named_ci, named_cs, aliases, acronyms, generic, adj, case_sensitive, attack_adj,
                _nationals_pattern(lang, gen["nationals"][lang]), probes)


def _probed(probes: dict[int, re.Pattern], nouns: str, pat: re.Pattern) -> re.Pattern:
    """``pat``, registered in ``probes`` with the alternation ``nouns`` that every match of it contains (its
    mandatory ``noun`` group): English puts the nationality adjective first, and trying the adjectives' long
    alternation at each word of a sentence costs ~10 times more than looking for the few nouns that must follow."""
    probes[id(pat)] = re.compile(nouns)   # the lexicon keeps ``pat``: its id stays its own
    return pat


def _matches(lex: _Lex, pat: re.Pattern, text: str, found: dict[int, bool]) -> Iterator[re.Match]:
    """``pat.finditer(text)``; none without running it when the nouns its matches must contain occur nowhere in
    ``text`` (``lex.probes``; each probe searched once per text: ``found``)."""
    probe = lex.probes.get(id(pat))
    if probe is not None:
        if id(probe) not in found:
            found[id(probe)] = probe.search(text) is not None
        if not found[id(probe)]:
            return iter(())
    return pat.finditer(text)


def _nationals_pattern(lang: str, cues: dict[str, Any]) -> re.Pattern:
    """People named by their nationality alone, matched on case-kept folded text: French demonyms as capitalised
    nouns ("trois Palestiniens", "un Israélien"), English plural demonyms ("two Israelis") and singular ones after
    an article and before a verb or a stop ("a Palestinian was killed")."""
    forms = [f for c in countries().values() for f in c.get(f"adj_{lang}", []) if not f.isupper() and "(" not in f]
    if lang == "fr":
        nouns = sorted({fold(f[:1].upper() + f[1:], lower=False) for f in forms}, key=len, reverse=True)
        return re.compile(r"(?<![\w'’-])(?P<adj>" + "|".join(re.escape(n) for n in nouns) + r")(?![\w-])")
    plural = sorted({fold(f, lower=False) for f in forms if f.endswith(("s", "men"))}, key=len, reverse=True)
    single = sorted({fold(f, lower=False) for f in forms if not f.endswith(("s", "men"))}, key=len, reverse=True)
    after = _alt(cues["singular_before"], lower=False)
    return re.compile(
        r"(?<![\w-])(?:(?P<adj>" + "|".join(re.escape(n) for n in plural) + r")(?![\w-])"
        r"|\b(?:[Aa]n?|[Oo]ne)\s+(?P<one>" + "|".join(re.escape(n) for n in single) + r")"
        rf"(?=\s*[,.;:]|\s+{after}(?![\w-])))")


# ---------------------------------------------------------------- finding actors

def _scan(text: str, lang: str, cc: str | None, day: date | None, offset: int = 0,
          government: bool = False) -> list[ActorHit]:
    """All actor hits in a text, non-overlapping, in text order; governments as parties only when asked."""
    lex = _lex(lang)
    low, keep = fold(text), fold(text, lower=False)
    cands: list[ActorHit] = []
    for pat, index, src in ((lex.named_ci, lex.aliases, low), (lex.named_cs, lex.acronyms, keep)):
        for m0 in pat.finditer(src):
            # a name overlapping this match and running further ("le groupe État islamique au Sahel": "groupe État
            # islamique" then "État islamique au Sahel") is read instead when its name is longer; spans that tie
            # are kept for _select below
            ms = [m0, *_longer_overlaps(pat, src, m0)]
            longest = max(_name_len(m) for m in ms)
            for m in (m for m in ms if _name_len(m) == longest or m.end() - m.start() > m0.end() - m0.start()
                      and _name_len(m) >= _name_len(m0)):
                name = m.group("name")
                actor = _resolve(index.get(_key(name) if index is lex.aliases else name), cc, day)
                if actor is not None:
                    cands.append(_hit(m, text, offset, actor, NAMED))
    found: dict[int, bool] = {}
    for kind, pat in lex.generic:
        if kind == GOVERNMENT and not government:
            continue
        for m in _matches(lex, pat, low, found):
            if m.groupdict().get("adj2"):
                cands.extend(_pair_hits(kind, m, text, offset, lex, cc, day))
                continue
            actor = _generic_hit_actor(kind, m, text, lex, cc, day)
            if actor is not None:
                cands.append(_hit(m, text, offset, actor, kind))
    for m in _matches(lex, lex.attack_adj, low, found):   # "une frappe israélienne": the adjective names the attacker
        a = m.group("adj")
        own = _adj_country(lex, a, cc)
        if own and not (a in lex.case_sensitive and not text[m.start("adj"):m.end("adj")].isupper()):
            s, e = m.span("adj")
            actor = _state_actor(own, "Military", day, cc, surface=text[s:e])
            cands.append(ActorHit(offset + s, offset + e, actor, STATE, attacker=True))
            # "des obus d'artillerie israéliens": the forces noun read with the same adjective fires them too
            cands[:] = [replace(h, attacker=True) if h.kind == STATE and not h.attacker
                        and h.start <= offset + s and offset + e <= h.end and h.actor.country == own else h
                        for h in cands]
    cands.extend(_national_hits(text, lang, lex, offset, cc, kept=keep))
    suffix = _affiliation_suffix(lang)
    if suffix is not None:   # "the al-Qaida-linked group al-Shabab": the patron named in the compound does not act
        cands = [h for h in cands if not suffix.match(text, h.end - offset)]
    return _possessive_forces(_merge(_select(cands), text, offset, lang), low, offset, lang)


@lru_cache(maxsize=2)
def _affiliation_suffix(lang: str) -> re.Pattern | None:
    """The hyphenated affiliation word right after an actor's name (actors.yaml ``affiliation_suffix``)."""
    words = _data("actors.yaml").get("affiliation_suffix", {}).get(_lang(lang)) or []
    return re.compile(rf"[-‐‑–]\s?(?:{'|'.join(map(re.escape, words))})\b", re.I) if words else None


@lru_cache(maxsize=2)
def _possessive_pattern(lang: str) -> re.Pattern:
    cues = _data("actors.yaml")["possessive_forces"][_lang(lang)]
    return re.compile(rf"{_B}{_alt(cues['possessives'])}\s+{_alt(cues['nouns'])}{_E}")


def _possessive_forces(hits: list[ActorHit], low: str, offset: int, lang: str) -> list[ActorHit]:
    """"ses forces", "its fighters", "leurs troupes": the armed side the sentence named last before them (a group,
    a state's forces or a country: "Moscou a dit que ses troupes"), which replaces whatever the noun alone read
    ("troops" alone would be the event country's army). Left out when nothing before names an armed side."""
    for m in _possessive_pattern(lang).finditer(low):
        s, e = offset + m.start(), offset + m.end()
        before = [h for h in hits if h.end <= s and h.kind in (NAMED, STATE, POLICE, COUNTRY)]
        if not before:
            continue
        ante = before[-1]
        actor = replace(ante.actor, surface=low[m.start():m.end()])
        hits = sorted([h for h in hits if h.end <= s or h.start >= e]
                      + [ActorHit(s, e, actor, STATE if ante.kind == COUNTRY else ante.kind)], key=lambda h: h.start)
    return hits


@lru_cache(maxsize=None)
def _shared_forms() -> dict[str, frozenset[str]]:
    """Country names and adjectives that several countries share ("congolais", "Congolese", "Congo"): folded
    form -> their ISO2 codes."""
    seen: dict[str, set[str]] = {}
    for cc, c in countries().items():
        for key in ("adj_en", "adj_fr", "names_en", "names_fr"):
            for form in c.get(key, []):
                seen.setdefault(fold(form), set()).add(cc)
    return {k: frozenset(v) for k, v in seen.items() if len(v) > 1}


def _adj_country(lex: _Lex, form: str, cc: str | None) -> str | None:
    """The country a nationality word names: the event's own country where the word is shared by several and the
    event's country is one of them ("soldats congolais" in a Brazzaville story), else the lexicon's first."""
    own = lex.adj.get(form)
    if own and cc and cc.upper() != own.upper() and cc.upper() in _shared_forms().get(form, ()):
        return cc.upper()
    return own


def _national_hits(text: str, lang: str, lex: _Lex, offset: int, cc: str | None = None,
                   kept: str | None = None) -> list[ActorHit]:
    """Civilians named by nationality alone ("trois Palestiniens tués", "two Israelis were wounded"); in French a
    capitalised demonym after a capitalised word belongs to a name ("Croissant-Rouge Palestinien") and is skipped.
    ``kept``: ``fold(text, lower=False)`` when the caller has it already."""
    out = []
    for m in lex.nationals.finditer(fold(text, lower=False) if kept is None else kept):
        g = "adj" if m.group("adj") else "one"
        own = _adj_country(lex, m.group(g).lower(), cc)
        if not own:
            continue
        before = text[:m.start(g)].rstrip().split()
        if lang == "fr" and before and before[-1][:1].isupper() and not before[-1][-1:] in ".:!?»\"":
            continue
        actor = _generic_actor(CIVILIANS, own, text[m.start(g):m.end(g)])
        out.append(ActorHit(offset + m.start(g), offset + m.end(g), actor, CIVILIANS, nationals=True))
    return out


def _hit(m: re.Match, text: str, offset: int, actor: Actor, kind: str) -> ActorHit:
    s, e = m.span()
    actor.surface = text[s:e]
    return ActorHit(offset + s, offset + e, actor, kind)


def _pair_hits(kind: str, m: re.Match, text: str, offset: int, lex: _Lex, cc: str | None,
               day: date | None) -> list[ActorHit]:
    """Two state actors sharing one noun: "Russian and Ukrainian forces", "forces russes et ukrainiennes"."""
    hits = []
    noun_first = m.start("noun") < m.start("adj")   # French: the first actor keeps the noun
    spans = ((m.start() if noun_first else m.start("adj"), m.end("adj")), (m.start("adj2"), m.end()))
    for group, (s, e) in zip(("adj", "adj2"), spans):
        own = _adj_country(lex, m.group(group), cc)
        if own and not (m.group(group) in lex.case_sensitive and not text[m.start(group):m.end(group)].isupper()):
            actor = _state_actor(own, "Police" if kind == POLICE else "Military", day, cc, surface=text[s:e])
            hits.append(ActorHit(offset + s, offset + e, actor, kind))
    return hits


def _generic_hit_actor(kind: str, m: re.Match, text: str, lex: _Lex, cc: str | None,
                       day: date | None) -> Actor | None:
    adj = m.groupdict().get("adj")
    own = None
    if adj:
        if adj in lex.case_sensitive and not text[m.start("adj"):m.end("adj")].isupper():
            return None
        own = _adj_country(lex, adj, cc)
    if kind == GOVERNMENT:
        target = own or cc
        if not target:
            return None
        inter = 8 if cc and cc.upper() != target.upper() else 1
        return Actor(government_name(target, day), inter, country=target.upper())
    if kind in (STATE, POLICE, COUNTRY):
        target = own or cc
        if not target:
            return None
        return _state_actor(target, "Police" if kind == POLICE else "Military", day, cc)
    return _generic_actor(kind, own if kind == CIVILIANS and own else cc)


def _longer_overlaps(pat: re.Pattern, src: str, m0: re.Match) -> list[re.Match]:
    """The matches starting inside ``m0`` and running past its end, at any inner position: in "des combattants du
    groupe État islamique en Afrique de l'Ouest" the inner "groupe État islamique" ends with the first match and
    hides "État islamique en Afrique de l'Ouest" from a search that stops at the first inner match."""
    out, pos = [], m0.start() + 1
    while (m := pat.search(src, pos)) is not None and m.start() < m0.end():
        if m.end() > m0.end():
            out.append(m)
        pos = m.start() + 1
    return out


def _name_len(m: re.Match) -> int:
    return len(m.group("name"))


def _select(cands: list[ActorHit]) -> list[ActorHit]:
    """Keep the best non-overlapping hits: named first, then longer, then by category and position. A name inside
    a longer nationality phrase of another country loses to it ("Sudanese army" inside "South Sudanese army")."""
    cands = [h for h in cands if not (h.kind == NAMED and h.actor.country and any(
        k.kind in (STATE, POLICE) and k.start <= h.start and h.end <= k.end and k.end - k.start > h.end - h.start
        and k.actor.country and k.actor.country.upper() != h.actor.country.upper() for k in cands))]
    cands.sort(key=lambda h: (h.kind != NAMED, -(h.end - h.start), _RANK[h.kind], h.start))
    kept: list[ActorHit] = []
    for h in cands:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


@lru_cache(maxsize=2)
def _defer_pattern(lang: str) -> re.Pattern:
    cues = _alt(_data("actors.yaml")["defer_to_next"][_lang(lang)])
    filler = r"(?:(?:who|which|that|qui|fighters|forces|elements|members|combattants)\s+)?"
    group = r"(?:(?:groupe|mouvement|organisation|group|movement|organi[sz]ation)\s+)?"
    return re.compile(rf"[\s,(]*{filler}{cues}(?:\s+(?:the|la|le|les|l'|au|aux|du|des))?[\s(']*{group}")


@lru_cache(maxsize=2)
def _affiliation_pattern(lang: str) -> re.Pattern:
    cues = _alt(_data("actors.yaml")["affiliation"][_lang(lang)])
    return re.compile(rf"[\s,(]*(?:(?:who|which|that|qui)\s+(?:(?:is|are|sont|est)\s+)?)?{cues}"
                      rf"(?:\s+(?:the|la|le|les|l'|au|aux|du|des))?[\s(']*")


def _merge(hits: list[ActorHit], text: str, offset: int, lang: str) -> list[ActorHit]:
    """Join neighbouring hits that name one actor: "JWS operating under OPS" -> OPS, "unknown gunmen believed
    to be IS" -> IS, "the regime's 4th Armored Division" -> the unit."""
    out: list[ActorHit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == NAMED and h.kind in (STATE, POLICE) \
                and not text[prev.end - offset:h.start - offset].strip():
            # "CRPF jawans", "FARDC soldiers", "M23 positions": the name qualifies the force noun, one actor
            out[-1] = replace(prev, end=h.end, actor=replace(prev.actor, surface=text[prev.start - offset:h.end - offset]))
            continue
        if prev is not None and h.kind == NAMED:
            gap = fold(text[prev.end - offset:h.start - offset])
            if prev.kind == NAMED and _affiliation_pattern(lang).fullmatch(gap):
                continue   # "al-Shabaab, affiliated with al-Qaeda": the patron does not act
            unit = (prev.kind in (STATE, COUNTRY) and prev.actor.country == h.actor.country
                    and re.fullmatch(r"'s(?:\s+[a-z-]+){0,2}\s+|(?:'s)?\s*|\s+(?:of the|de la|de l'|du|des)\s+", gap))
            of_group = prev.kind in (UNIDENTIFIED, TRIBAL, GANG) and h.actor.inter not in (1, 8) and re.fullmatch(
                r"\s+(?:du|des|de la|de l'|d'|de|of the|of|from the|from)\s*(?:(?:groupe|mouvement|organisation|"
                r"group|movement|organi[sz]ation)\s+)?(?:du\s+|de\s+l'|the\s+)?", gap)   # "groupes rebelles du M23"
            # "des combattants houthis", "des miliciens Fano": the fighters' noun qualified by the group's name
            of_group = of_group or (prev.kind in (UNIDENTIFIED, TRIBAL, GANG) and gap.isspace() and "\n" not in gap)
            if unit or of_group or _defer_pattern(lang).fullmatch(gap):
                out[-1] = ActorHit(prev.start, h.end, replace(h.actor, surface=text[prev.start - offset:h.end - offset]),
                                   NAMED, umbrella=prev.kind == NAMED, identifies=prev.kind in (UNIDENTIFIED, TRIBAL, GANG))
                continue
        out.append(h)
    return out


def find_actors(doc: Document, sent_idx: int, country_code: str | None = None,
                day: date | None = None, government: bool = False) -> list[ActorHit]:
    """Actors named in one sentence of a document (named groups, state forces, generic roles; governments as
    parties with government=True)."""
    s, e = doc.sentences[sent_idx]
    return _scan(doc.text[s:e], doc.language or "fr", country_code, day, s, government)


# ---------------------------------------------------------------- normalisation, codes

def normalise_actor(name: str, lang: str = "fr") -> Actor | None:
    """Canonical actor for a name in any language or spelling (aliases, ACLED names, near spellings)."""
    name = name.strip()
    if not name:
        return None
    lex = _lex(lang)
    entries = lex.aliases.get(_key(name)) or lex.acronyms.get(fold(name, lower=False))
    actor = _resolve(entries, None, None)
    if actor is not None:
        return replace(actor, surface=name)
    actor = _structured(name)
    if actor:
        return actor
    hits = _scan(name, lang, None, None)
    if len(hits) == 1 and hits[0].end - hits[0].start >= 0.6 * len(name) and hits[0].kind in (NAMED, STATE, POLICE):
        return replace(hits[0].actor, surface=name)
    return _fuzzy(name, lex)


def _structured(name: str) -> Actor | None:
    """An ACLED-style generic name: 'Military Forces of X (2016-) Unit', 'Protesters (X)'."""
    m = _STATE_NAME.match(name)
    if m and country_code(m.group(2)):
        return _state_actor(country_code(m.group(2)), m.group(1), None, None, m.group(3) or "", name)
    m = _GENERIC_NAME.match(name)
    if m:
        kind = {v: k for k, v in _LABEL.items()}[m.group(1)]
        return _generic_actor(kind, country_code(m.group(2) or ""), name)
    return None


def _fuzzy(name: str, lex: _Lex) -> Actor | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(_key(name), list(lex.aliases), scorer=fuzz.ratio, score_cutoff=88)
    if best is None:
        return None
    actor = _resolve(lex.aliases[best[0]], None, None)
    return replace(actor, surface=name) if actor else None


def inter_code(actor_name: str) -> int | None:
    """ACLED inter code of an actor name (1 state ... 8 external), None when unknown."""
    if not actor_name:
        return None
    actor = normalise_actor(actor_name, "en")
    if actor is not None and actor.inter is not None:
        return actor.inter
    low = actor_name.lower()
    for word, code in (("military forces", 1), ("police forces", 1), ("government of", 1), ("protesters", 6),
                       ("rioters", 5), ("civilians", 7), ("ethnic militia", 4), ("communal militia", 4),
                       ("unidentified", 3), ("militia", 3), ("gang", 3)):
        if word in low:
            return code
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lowest first (1,7 -> 17); one actor alone -> 10*inter."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


# ---------------------------------------------------------------- roles

AGENT, PATIENT, BETWEEN, OPPONENT, SOURCE, CLAIMER, ACCUSED = (
    "agent", "patient", "between", "opponent", "source", "claimer", "accused")
ROLES_ALL = (AGENT, PATIENT, BETWEEN, OPPONENT, SOURCE, CLAIMER, ACCUSED, "")
_NP_DEPS = {"compound", "amod", "flat", "flat:name", "nmod:poss", "poss", "appos", "det", "nummod", "fixed",
            "case", "nn", "quantmod"}
_CLAUSE_MODS = {"acl", "relcl", "acl:relcl"}
# the links from an actor up to the trigger it qualifies or acts: a noun's complement, a passive agent ("par X", "by
# X"), the verb's subject
_TRIGGER_AGENT_DEPS = {"nmod", "pobj", "prep", "agent", "obl:agent", "nsubj"}


def _parse(doc: Document, i: int):
    """Sentence ``i`` of the document as the document's own parse reads it (one parse per sentence: the
    pipeline's; offsets and token indexes start at the sentence)."""
    from ..nlp.pipeline import sentence_parse

    s, e = doc.sentences[i]
    return sentence_parse(_lang(doc.language or "fr"), doc.text, s, e)


@lru_cache(maxsize=2)
def _role_cues(lang: str) -> dict[str, set[str]]:
    """Role cue words of actors.yaml (roles section) for a language, folded."""
    return {k: {fold(w) for w in v[_lang(lang)]} for k, v in _data("actors.yaml")["roles"].items()}


def _prep_of(tok) -> str:
    """The preposition introducing a noun: spaCy EN (pobj under prep) or UD FR (case child)."""
    if tok.dep_ == "pobj":
        return fold(tok.head.text)
    cases = [c for c in tok.children if c.dep_ in ("case", "mark")]
    return fold(" ".join(c.text for c in cases)) if cases else ""


def _role(tok, cues: dict[str, set[str]]) -> tuple[str, bool]:
    """Role of a noun phrase headed by ``tok`` from the dependency parse, and whether a cue made it sure."""
    for _ in range(12):
        dep, head = tok.dep_.lower(), tok.head
        if head is tok:
            return "", False
        if dep in _NP_DEPS and fold(head.lemma_) in cues["attack_nouns"]:
            return AGENT, True   # "Russian airstrikes", "frappes turques"
        if dep in _NP_DEPS or dep in ("conj", "prep"):
            tok = head
            continue
        words = set(_prep_of(tok).split())
        if _pitted(tok, dep, words, cues):
            return BETWEEN, True   # "des combats ont opposé l'armée aux FSR": the two sides, like "entre X et Y"
        if not words and dep in ("advmod", "obl", "obl:arg") and tok.pos_ in ("NOUN", "PROPN", "ADJ") \
                and head.pos_ == "VERB" and fold(head.lemma_) in cues["target_verbs"]:
            dep = "obj"   # "a tué au moins vingt civils": "au moins" makes the parser misread the object
        if dep in ("nsubj:pass", "nsubjpass") and not _passive(head) and _act_verb(head, cues) \
                and any(c.dep_ in ("obj", "dobj") for c in head.children):
            dep = "nsubj"   # "des combattants ... ont attaqué une base": an act with an object and no passive
            #                 auxiliary, so the parser's passive subject is the one who acts
        if words or dep in ("agent", "obl:agent", "pobj", "obl", "obl:arg", "obl:mod", "nmod", "iobj"):
            found, tok = _prep_role(tok, dep, words, cues)
            if found:
                return found, True
            continue
        if dep in _CLAUSE_MODS and fold(head.lemma_) in cues["attack_nouns"]:
            # "L'attaque, qui a coûté la vie à quatre gendarmes, a été attribuée au JNIM": the victims of a clause
            # telling the incident take no role from what the sentence says of the incident itself (accused,
            # claimed); word order around the trigger settles it
            return "", False
        found, sure, nxt = _verb_role(dep, head, cues)
        if found or nxt is None:
            return found, sure
        tok = nxt
    return "", False


def _pitted(tok, dep: str, words: set[str], cues: dict[str, set[str]]) -> bool:
    """A side of a verb setting two sides against each other: its object ("ont opposé l'armée ...") or the phrase its
    preposition opens ("... aux FSR", "pitting X against Y"), hung on the verb or on the object."""
    head = tok.head.head if dep == "pobj" else tok.head
    if dep in ("obj", "dobj"):
        return fold(head.lemma_) in cues["pit_verbs"]
    if not words & cues["pit_preps"]:
        return False
    if head.dep_ in ("obj", "dobj") and head.head is not head:
        head = head.head   # the parser hangs "aux FSR" on the object "l'armée"
    return fold(head.lemma_) in cues["pit_verbs"]


def _act_verb(verb, cues: dict[str, set[str]]) -> bool:
    """A verb telling an act of violence ("attaquer", "tuer"), not a report or claim about it."""
    lemma = fold(verb.lemma_)
    return lemma in cues["event_verbs"] or lemma in cues["target_verbs"]


def _held_by(tok, cues: dict[str, set[str]]) -> bool:
    """An actor named as who controls a place: "sous le contrôle d'un groupe des FDP", "under the control of X",
    "une ville contrôlée par les FSR", "a town held by the rebels"."""
    by_pobj = tok.dep_ == "pobj" and tok.head.dep_ == "agent"   # English: "by" (agent) -> its object
    agent_of = tok.head.head if by_pobj else tok.head
    if (by_pobj or tok.dep_ in ("obl:agent", "agent")) \
            and agent_of.dep_ in _CLAUSE_MODS and fold(agent_of.lemma_) in cues["control_verbs"]:
        return True
    for _ in range(4):
        if tok.head is tok or tok.dep_.lower() not in _NP_DEPS | {"nmod", "pobj", "prep", "conj"}:
            return False
        tok = tok.head
        if fold(tok.lemma_) in cues["control_nouns"]:   # "sous le contrôle", "under the control", "aux mains"
            marks = {fold(c.text) for c in tok.children if c.dep_ in ("case", "prep")}
            if tok.dep_ == "pobj":
                marks.add(fold(tok.head.text))
            return bool(marks & {"sous", "under", "aux", "in", "entre"})
    return False


def _inverted_reporter(tok, cues: dict[str, set[str]]) -> bool:
    """The speaker of an inserted reporting clause, placed after its verb ("…, ont annoncé lundi la police", "…,
    said the army"): the parser often reads it as the verb's object."""
    while tok.dep_ == "conj" and tok.head is not tok:   # "ont annoncé la police et des chefs de milices"
        tok = tok.head
    head = tok.head
    if tok.dep_ not in ("obj", "dobj", "nsubj") or tok.i < head.i or fold(head.lemma_) not in cues["report_verbs"]:
        return False
    if tok.dep_ in ("obj", "dobj") and fold(head.lemma_) in cues["accuse_verbs"] and _non_finite(head):
        return False   # "…, police said, blaming X", "…, a indiqué l'armée, accusant X": X is the accused, no speaker
    if fold(head.lemma_) in cues["accuse_verbs"] and any(c.dep_ in ("xcomp", "ccomp") and c.i > tok.i
                                                           for c in head.children):
        return False   # "…, accuse l'armée d'avoir largué des barils": the one accused of the act, not a speaker
    first = min([head.i] + [c.i for c in head.children if c.dep_.startswith("aux") and c.i < head.i])
    prev = head.doc[first - 1].text if first > 0 else ""
    return prev in (",", "»", '"', "“", "”", "'", "(", "-", "—", "–")


def _non_finite(verb) -> bool:
    """A participle or gerund ("blaming", "accusant", "blamed"), not a finite verb ("accuse l'armée")."""
    forms = verb.morph.get("VerbForm")
    return verb.tag_ in ("VBG", "VBN") or "Part" in forms or "Ger" in forms or "Inf" in forms


def _prep_role(tok, dep: str, words: set[str], cues: dict[str, set[str]]) -> tuple[str, Any]:
    """Role of a prepositional phrase ("by X", "against X", "between X and Y"), or '' and the token to climb to."""
    head = tok.head
    verb = head.head if dep == "pobj" else head
    if _source_prep(tok, dep, cues):
        return SOURCE, tok   # "selon la police", "according to police": who tells the news, not a party
    if dep in ("agent", "obl:agent") or words & cues["agent_preps"]:
        governing = verb if verb.pos_ in ("VERB", "AUX") else verb.head   # "revendiquée dans la soirée par X"
        if fold(governing.lemma_) in cues["claim_verbs"]:
            return CLAIMER, tok   # "l'attaque a été revendiquée par le JNIM", "claimed by IS"
        if verb.dep_ in _CLAUSE_MODS and fold(verb.lemma_) not in cues["event_verbs"]:
            return "", verb.head   # "villages held by X": X qualifies the target, it does not act
        return AGENT, tok
    if words & cues["between_preps"]:
        return BETWEEN, tok
    if fold(verb.lemma_) in cues["accuse_verbs"] and words - {"de", "d", "of"}:
        return ACCUSED, tok   # "blamed on X", "imputé à X"
    accuser = verb.head if verb.dep_ == "pobj" else verb   # EN: the noun under "by"
    if words & cues["accused_preps"] and dep in ("nmod", "pobj") and accuser.dep_ in ("obl:agent", "agent") \
            and fold(accuser.head.lemma_) in cues["accuse_verbs"]:
        return ACCUSED, tok   # "attribuée par les autorités à X", "blamed by officials on X": X hung on the accuser
    if words & cues["target_preps"]:
        return PATIENT, tok
    if words & cues["opponent_preps"]:
        return OPPONENT, tok
    if dep == "nmod" and words & {"de", "d", "du", "des"} and fold(head.lemma_) in cues["attack_nouns"]:
        return AGENT, tok   # "l'attaque des jihadistes"
    return "", verb


def _source_prep(tok, dep: str, cues: dict[str, set[str]]) -> bool:
    """A noun introduced by a source preposition: "selon X", "d'après X" (UD case children), "according to X"
    (spaCy: pobj under "to" under "according")."""
    preps = cues["source_preps"]
    if dep == "pobj":
        head = tok.head
        two = fold(f"{head.head.text} {head.text}") if head.dep_ == "prep" and head.head is not head else ""
        return fold(head.text) in preps or two in preps
    cases = [c for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i]
    if not cases:
        return False
    words = sorted([*cases, *(f for c in cases for f in c.children if f.dep_ == "fixed")], key=lambda t: t.i)
    joined = fold(" ".join(c.text for c in words))   # "d'" with its fixed "après"
    return joined in preps or joined.replace(" ", "") in preps or fold(cases[0].text) in preps


def _verb_role(dep: str, head, cues: dict[str, set[str]]) -> tuple[str, bool, Any]:
    """(role, sure, token to climb to) for a subject or object of ``head``; climb when neither."""
    lemma = fold(head.lemma_)
    if dep in ("nsubj", "csubj"):
        if lemma in cues["claim_verbs"]:
            return CLAIMER, True, None
        if lemma in cues["report_verbs"]:
            return (CLAIMER if _tells_own_act(head, cues) else SOURCE), True, None
        if lemma in cues["report_light_verbs"] and any(fold(c.lemma_) in cues["report_light_objects"]
                                                         for c in head.children if c.dep_ in ("obj", "dobj")):
            return SOURCE, True, None   # "a fait état de", "made mention of"
        if lemma in cues["repel_verbs"]:
            return OPPONENT, True, None   # "troops repelled an attack by X": X attacked
        if lemma in cues["undergo_verbs"]:
            return PATIENT, True, None    # "un véhicule de l'armée a sauté sur une mine"
        return AGENT, False, None
    if dep in ("nsubjpass", "nsubj:pass"):
        if lemma in cues["accuse_verbs"]:
            return ACCUSED, True, None   # "les ADF sont accusés de massacres", "X was blamed for the attack"
        return PATIENT, True, None
    if dep in ("dobj", "obj"):
        if lemma in cues["accuse_verbs"]:
            return ACCUSED, True, None
        if head.dep_ in _CLAUSE_MODS and lemma not in cues["target_verbs"]:
            return "", False, head.head   # "a base housing troops": the base's role
        return PATIENT, lemma in cues["target_verbs"], None
    return "", False, head


def _trigger_token(sdoc, cues: dict[str, set[str]], rel: int | None):
    """The event predicate of a sentence: the token at the trigger offset, else its first event verb."""
    if rel is not None:
        for t in sdoc:
            if t.idx <= rel < t.idx + max(len(t.text), 1):
                return t
    return next((t for t in sdoc if t.pos_ in ("VERB", "AUX") and fold(t.lemma_) in cues["event_verbs"]), None)


_SELF = {"it", "they", "its", "their", "we", "our", "il", "elle", "ils", "elles", "nous"}


def _tells_own_act(verb, cues: dict[str, set[str]]) -> bool:
    """A reporting verb whose complement is the speaker's own act: "a annoncé avoir frappé", "said it had struck"."""
    acts = cues["event_verbs"] | cues["target_verbs"]
    if fold(verb.lemma_) in cues["accuse_verbs"] and any(c.dep_ in ("obj", "dobj") for c in verb.children):
        return False   # "X a accusé Y d'avoir frappé": the infinitive is the accused's act, not the speaker's
    for c in verb.children:
        if c.dep_ not in ("xcomp", "ccomp") or fold(c.lemma_) not in acts:
            continue
        if any(x.dep_ in ("obj", "dobj") and fold(x.lemma_) in cues["non_act_objects"] for x in c.children):
            continue   # "a indiqué avoir ouvert une enquête": no act in the incident
        if c.dep_ == "xcomp":   # "a annoncé avoir arrêté": the infinitive's subject is the speaker
            return True
        subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")]
        if not subj:
            return False
        if fold(subj[0].text) in _SELF or any(fold(x.text) in _SELF for x in subj[0].children if x.dep_ in ("poss", "nmod:poss", "det")):
            return True
    return False


def _apposed_subject_verb(span):
    """The finite verb a name is the subject of across an apposed participle phrase set off by commas ("Le JNIM,
    affilié à al-Qaïda, a revendiqué l'assaut", "the ADF, allied to the Islamic State, claimed"): the parser hangs
    the name on the participle, or leaves it a root of its own. None when the name is not so placed or the verb has
    a subject of its own."""
    doc, k = span.doc, span.end
    if k < len(doc) and doc[k].text == "(":   # "Le Groupe de soutien ... (GSIM), affilié à ..."
        k = next((j + 1 for j in range(k, min(len(doc), k + 12)) if doc[j].text == ")"), k)
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    part, root = doc[k + 1], span.root
    if "Part" not in part.morph.get("VerbForm") or part.dep_ not in ("advcl", "acl") or part.head.i <= part.i:
        return None
    verb = part.head
    if verb.pos_ not in ("VERB", "AUX") or not (root.dep_ == "ROOT" or (root.dep_ == "nsubj" and root.head == part)):
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and not span.start <= c.i < span.end for c in verb.children):
        return None
    return verb


def _passive(t) -> bool:
    return any(c.dep_ in ("auxpass", "aux:pass") and not c.text.isupper() for c in t.children)


def _linear(role: str, sure: bool, span, trig, cues: dict[str, set[str]]) -> str:
    """Settle an unsure parse role by word order: before an active trigger acts, after it is acted upon."""
    if trig is None or sure or trig in span:
        return role
    if span.start > trig.i and role == AGENT and _after_agent_prep(span, cues):
        return AGENT   # "Shelling by the paramilitary Rapid Support Forces killed": a misparse of the by-phrase
    prev = fold(span.doc[span.start - 1].text) if span.start > 0 else ""
    if _passive(trig):
        return AGENT if span.start > trig.i and prev in cues["agent_preps"] else PATIENT if span.end <= trig.i else role
    if span.start > trig.i and role == AGENT and _fronted_trigger(trig, span.root):
        return AGENT   # "In a separate attack on Sunday, Fano fighters stormed a police station": the subject acts
    if span.start > trig.i and role in (AGENT, ""):
        return PATIENT
    if span.end <= trig.i and role == "" and span.root.dep_ not in ("pobj", "obl", "obl:mod", "nmod"):
        return AGENT
    return role


def _after_agent_prep(span, cues: dict[str, set[str]]) -> bool:
    """The name follows "by"/"par" with only determiners and adjectives between ("by the paramilitary X", "par les
    redoutables X")."""
    for k in range(span.start - 1, max(-1, span.start - 4), -1):
        t = span.doc[k]
        if fold(t.text) in cues["agent_preps"]:
            return True
        if t.pos_ not in ("DET", "ADJ", "NUM") and t.dep_ not in ("det", "amod", "compound"):
            return False
    return False


def _fronted_trigger(trig, subject) -> bool:
    """The trigger is the noun of a phrase fronted before the subject of the same verb ("In a separate attack,
    gunmen stormed ...", "Lors d'une attaque, des hommes armés ont ...")."""
    if subject.dep_ != "nsubj" or trig.i >= subject.i or trig.dep_ not in _FRONTED_DEPS:
        return False
    tok = trig
    for _ in range(3):   # noun -> preposition ("In") or adverb ("Lors") -> the verb
        if tok.dep_ not in _FRONTED_DEPS or tok.head is tok:
            return False
        tok = tok.head
        if tok == subject.head:
            return True
    return False


_FRONTED_DEPS = ("pobj", "prep", "obl", "obl:arg", "obl:mod", "nmod", "advmod", "npadvmod")


def _harmed_participle(tok, cues: dict[str, set[str]]) -> bool:
    """A noun qualified by the past participle of a harm verb: "trois policiers tués", "soldiers killed in the
    attack", "des civils blessés par balle" (headline and caption style, no finite verb)."""
    for c in tok.children:
        if c.dep_ in ("acl", "amod") and c.i > tok.i and fold(c.lemma_) in cues["harmed_participles"] \
                and ("Part" in c.morph.get("VerbForm") or c.tag_ == "VBN") \
                and not any(x.dep_.startswith(("aux", "mark")) for x in c.children):
            return True   # (not "accusé l'armée d'avoir visé des civils": a compound tense told of the noun)
    if any((c.dep_ in ("conj", "appos") or (c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN"))) and c.i > tok.i
           and _listed_next(tok, c) and _harmed_participle(c, cues) for c in tok.children):
        return True   # "Two soldiers, NPA rebel killed in ambush", "Deux soldats et trois jihadistes tués": the
        #               participle the parser hangs on the last of listed nouns qualifies each of them
    head = tok.head   # English headlines: "Three police officers killed in ambush" (a bare participle as verb)
    return (tok.dep_ == "nsubj" and head.tag_ == "VBN" and head.i > tok.i and fold(head.lemma_) in cues["harmed_participles"]
            and not any(x.dep_.startswith("aux") or x.dep_ in ("dobj", "obj", "conj", "ccomp", "xcomp", "dative")
                        for x in head.children))   # (not "regime helicopters targeted IS positions")


def _listed_next(tok, other) -> bool:
    """``other`` follows ``tok`` in a list: only a comma or a conjunction between them ("Four policemen, two
    militants", "Deux soldats et trois jihadistes"), not a clause ("militants attack a base, 11 soldiers killed")."""
    between = tok.doc[tok.i + 1:other.left_edge.i]
    return all(t.is_punct or t.pos_ == "CCONJ" for t in between)


def _core_argument(tok, cues: dict[str, set[str]]) -> bool:
    """A subject or object of a verb, or an agent ("by"/"par"): how a country name acts as an actor."""
    prep = set(_prep_of(tok).split())
    if prep:
        return bool(prep & cues["agent_preps"]) or fold(tok.head.lemma_) in cues["accuse_verbs"]
    return tok.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "conj")


def _leads_trigger(doc: Document, hit: ActorHit, trigger: Evidence | None) -> bool:
    """The trigger is the armed actor itself, as its head words ("l'aviation israélienne a frappé", "Russian warplanes
    struck"): that actor strikes, wherever the parse puts the trigger token (trigger_determiners in actors.yaml); or the
    actor is the trigger noun's modifier, right before it ("a Coalition Forces patrol", "a US military patrol"): its owner
    acts, even where the noun is the subject of a passive ("... was observed leaving the city")."""
    if trigger is None or trigger.start < 0 or hit.kind not in (STATE, NAMED, COUNTRY):
        return False
    if hit.start < trigger.start and (trigger.start < hit.end or not doc.text[hit.end:trigger.start].strip()):
        return hit.kind != COUNTRY and _has_noun(doc, trigger)   # "a Coalition Forces patrol", not "Yemen intercepted"
    if not (trigger.start <= hit.start < trigger.end):
        return False
    before = fold(doc.text[trigger.start:hit.start]).strip()
    return not before or before in _role_cues(doc.language or "fr")["trigger_determiners"]


def _has_noun(doc: Document, span: Evidence) -> bool:
    """Whether the words of ``span`` (a trigger) hold a noun ("patrol of", "military patrol"), not only a verb."""
    s = doc.sentences[span.sentence][0]
    return any(t.pos_ in ("NOUN", "PROPN") for t in _parse(doc, span.sentence)
               if span.start - s <= t.idx < span.end - s)


def _split_agent(sdoc, span):
    """A name the parser split ("par Boko Haram": 'Boko' obl:agent, 'Haram' hung elsewhere) keeps its agent phrase:
    the token of the span that is the agent, else the span itself."""
    split = next((t for t in span if t.dep_ in ("obl:agent", "agent") and not span.start <= t.head.i < span.end), None)
    return sdoc[split.i:split.i + 1] if split is not None and split.i != span.root.i else span


def hit_role(doc: Document, hit: ActorHit, trigger: Evidence | None = None) -> str:
    """Role of a hit in its sentence: agent, patient, between, opponent, source, claimer, accused or ''."""
    i = doc.sentence_of(hit.start)
    if i < 0:
        return ""
    s, e = doc.sentences[i]
    lang = doc.language or "fr"
    sdoc = _parse(doc, i)
    span = sdoc.char_span(hit.start - s, hit.end - s, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    if hit.attacker or _leads_trigger(doc, hit, trigger):
        return AGENT
    span = _split_agent(sdoc, span)
    if span.root.head.i == span.root.i and span.root.dep_ == "ROOT" and span.root.i != span.end - 1:
        # a hyphenated name the parser cut into a root of its own ("L'état-major ukrainien a revendiqué": 'état'
        # ROOT, 'major' subject of the verb): the part hung on the sentence's verb says the name's role
        out = next((t for t in span if t.head.i != t.i and t.dep_ != "punct"
                    and not span.start <= t.head.i < span.end), None)
        if out is not None:
            span = sdoc[out.i:out.i + 1]
    cues = _role_cues(lang)
    if hit.kind == COUNTRY and not _core_argument(span.root, cues):
        return ""   # a country named as a place ("in Iraq", "sur Israël") is no actor
    if _held_by(span.root, cues):
        return ""   # "un village sous le contrôle des FDP": the holder of the place is no party
    if _inverted_reporter(span.root, cues):
        return SOURCE   # "…, a indiqué l'armée", "…, said the ministry": the speaker placed after its verb
    verb = _apposed_subject_verb(span)
    role, sure = _verb_role("nsubj", verb, cues)[:2] if verb is not None else _role(span.root, cues)
    if _harmed_participle(span.root, cues):
        role, sure = PATIENT, True   # "Trois policiers tués", "two soldiers killed in an ambush": the victims
    rel = trigger.start - s if trigger is not None and trigger.sentence == i else None
    trig = _trigger_token(sdoc, cues, rel)
    if rel is None and trig is None and role == AGENT and not sure:
        return ""   # subject of a sentence telling no event ("la police a découvert une rampe")
    role = _linear(role, sure, span, trig, cues)
    if role in (PATIENT, "") and hit.kind in _UNNAMED and fold(hit.actor.surface) in cues["attacker_nouns"]:
        return AGENT   # "les assaillants ont été neutralisés": the attackers stay the attackers
    return role


# ---------------------------------------------------------------- assigning actor1 / actor2

@dataclass
class _Cand:
    hit: ActorHit
    role: str
    sent: int


@dataclass
class _Incident:
    """What the role rules look at: the actors found, with roles, and the incident's context."""
    doc: Document
    cands: list[_Cand]
    cc: str | None
    day: date | None
    sub: str
    text: str                # folded text of the incident's sentences
    anchor: list[Evidence]   # evidence for actors set by convention
    lead: int = -1           # the sentence telling the incident (the trigger's)
    sents: tuple[int, ...] = ()   # the incident's sentences

    @property
    def lang(self) -> str:
        return self.doc.language or "fr"

    def first(self, roles: tuple[str, ...], kinds: tuple[str, ...]) -> _Cand | None:
        return next((c for c in self.cands if c.role in roles and c.hit.kind in kinds), None)


_ARMED = (NAMED, STATE, POLICE, UNIDENTIFIED, TRIBAL, GANG, COUNTRY, GOVERNMENT)
_UNNAMED = (UNIDENTIFIED, TRIBAL, GANG)
# where the party that announces an action is its actor ("the police said they arrested ..."); in violence, the
# force quoted ("police said") is the source, not the perpetrator
_SOURCE_MAY_ACT = {"Agreement", "Arrests", "Change to group/activity", "Headquarters or base established",
                   "Non-violent transfer of territory", "Other", "Disrupted weapons use"}
_ACTOR2_KINDS = {"any": _ARMED + (CIVILIANS, RIOTERS), "forces": (POLICE, STATE, COUNTRY), "armed": _ARMED,
                 "arrested": (NAMED, CIVILIANS, UNIDENTIFIED, GANG, TRIBAL),
                 "named": (NAMED,), "civilians": (CIVILIANS,), "none": ()}


def _policy(sub: str | None) -> dict[str, Any]:
    roles = _data("actors.yaml")["sub_event_roles"]
    return {**roles["default"], **(roles.get(sub or "") or {})}


@lru_cache(maxsize=16)
def _folded_words(path: tuple[str, ...], lang: str) -> frozenset[str]:
    """The folded words of an actors.yaml list (its keys ``path``, then the language), built once."""
    node = _data("actors.yaml")
    for key in path:
        node = node[key]
    return frozenset(fold(w) for w in node[lang])


@lru_cache(maxsize=64)
def _cue_regex(key: str, lang: str) -> re.Pattern:
    """Compiled phrase list from actors.yaml (top-level or under generic) for a language."""
    data = _data("actors.yaml")
    words = (data.get(key) or data["generic"][key])[_lang(lang)]
    return re.compile(rf"{_B}{_alt(words)}{_E}")


def _ev(doc: Document, h: ActorHit) -> list[Evidence]:
    return [doc.evidence(h.start, h.end)]


def _forces_country(doc: Document, sents: list[int], day: date | None) -> str | None:
    """The country of the state forces an incident names by their nationality ("des soldats maliens", "Malian
    troops"), when they are of one country only: an incident whose place is unknown most likely happened there
    ("Civilians (Mali)" rather than a bare "Civilians")."""
    found = {h.actor.country.upper() for i in sents for h in find_actors(doc, i, None, day)
             if h.kind in (STATE, POLICE) and h.actor.country}
    return next(iter(found)) if len(found) == 1 else None


def _empty(reason: str) -> Slot:
    return Slot(None, [], reason)


def assign_actors(doc: Document, sent_indices: list[int], trigger: Evidence | None, sub_event_type: str | None,
                  country_code: str | None, day: date | None) -> dict[str, Slot]:
    """actor1 (perpetrator), actor2 (target) and associated actors of an incident told in ``sent_indices``.

    Returns Slots keyed actor1, actor2 (Slot[Actor]), assoc_actor_1, assoc_actor_2 (Slot[list[Actor]]).
    """
    inc = _incident(doc, sent_indices, trigger, sub_event_type, country_code, day)
    policy = _policy(sub_event_type)
    a1, a1c = _actor1(_non_state(inc) if policy.get("non_state") else inc, policy)
    a2, a2c = _actor2(inc, policy, a1, a1c)
    if policy.get("defender_acts"):
        a1, a1c, a2, a2c = _defender_first(inc, a1, a1c, a2, a2c)
    names = {s.value.name for s in (a1, a2) if s.value is not None}
    return {"actor1": a1, "actor2": a2, "assoc_actor_1": _assoc(inc, a1c, names, "perpetrator"),
            "assoc_actor_2": _assoc(inc, a2c, names, "target")}


def _non_state(inc: _Incident) -> _Incident:
    """The incident without the state forces it names, for an act only non-state groups commit (a suicide bombing:
    the police pursuing the bomber, the guard firing on him, the soldiers among its dead are not its author)."""
    return replace(inc, cands=[c for c in inc.cands if c.hit.kind not in (STATE, POLICE, COUNTRY, GOVERNMENT)
                               and not _state_like(c.hit.actor)])


def named_perpetrator(doc: Document, sent_indices: list[int], trigger: Evidence | None, sub_event_type: str | None,
                      country_code: str | None, day: date | None) -> Slot | None:
    """The non-state group the incident's sentences name as its author (claiming it, blamed for it, or named as the
    attackers: "The Al-Shabaab group has claimed responsibility for the attack", "attributed to FARC dissidents"),
    else the one the article names before it as acting; None when it names none or several. Read where the force
    first taken for the attacker turns out to be the one that lost the dead."""
    inc = _incident(doc, sent_indices, trigger, sub_event_type, country_code, day)
    c = _named_elsewhere(inc, "groups")
    if c is None:
        return None
    why = f"perpetrator named in the incident ({c.role or 'named'})" if c.sent in inc.sents \
        else f"perpetrator named elsewhere ({c.role or 'named'})"
    return Slot(replace(c.hit.actor, role="perpetrator"), _ev(doc, c.hit), why)


def _incident(doc: Document, sent_indices: list[int], trigger: Evidence | None, sub_event_type: str | None,
              country_code: str | None, day: date | None) -> _Incident:
    """The actors an incident's sentences name, with their roles, and its context."""
    sents = sorted(set(sent_indices))
    head = _dateline_span(doc)
    if not country_code:   # the place is unknown: the one country whose forces the incident names by nationality
        country_code = _forces_country(doc, sents, day)
    armed = _policy(sub_event_type)["actor1"] == "perpetrator" and (sub_event_type or "") not in _SOURCE_MAY_ACT
    gov = bool(_policy(sub_event_type).get("government"))
    cands = [c for c in (_Cand(_armed_sense(doc, h, country_code) if armed else h, hit_role(doc, h, trigger), i)
                         for i in sents for h in find_actors(doc, i, country_code, day, gov))
             if (c.role or c.hit.kind != COUNTRY)   # a country named as a place is no actor
             and not (c.hit.kind == COUNTRY and len(c.hit.actor.surface) > 3 and c.hit.actor.surface.isupper())
             and not (c.hit.kind == CIVILIANS and _no_victims(doc, c.hit))
             and not (c.hit.nationals and not (c.role == PATIENT and _harmed(doc, c.hit)))
             and not _adjective_use(doc, c.hit)
             and not (c.hit.kind == COUNTRY and _rubric_label(doc, c.hit))
             and not head[0] <= c.hit.start < head[1]   # "NABLUS, West Bank (AP) —": the dateline names no actor
             and not _inner_dateline(doc, c.hit)]
    # (an upper-case country name is a dateline: "PORT SUDAN, Oct 15 (Reuters)")
    if trigger is not None and trigger.sentence in sents:   # the trigger's sentence leads
        cands.sort(key=lambda c: (c.sent != trigger.sentence, sents.index(c.sent), c.hit.start))
    text = fold(" ".join(doc.text[doc.sentences[i][0]:doc.sentences[i][1]] for i in sents))
    lead = trigger.sentence if trigger is not None and trigger.sentence in sents else (sent_indices or [-1])[0]
    if _unclaimed(doc, sents, lead):   # "No one immediately claimed": a group the background names did not act
        cands = [c for c in cands if not (c.hit.kind == NAMED and c.hit.actor.inter not in (1, 8)
                                          and c.sent != lead and c.role != ACCUSED)
                 and not (c.role == ACCUSED and _accused_of_other_matter(doc, c.sent))]
    return _Incident(doc, cands, country_code, day, sub_event_type or "", text, _anchor(doc, sents, trigger), lead,
                     tuple(sents))


@lru_cache(maxsize=16)
def _pattern_list(key: str, lang: str, bounded: bool = False) -> re.Pattern:
    """One regex of the raw patterns listed under ``key`` in actors.yaml ("unclaimed", "blamed") for a language;
    ``bounded``: matched as whole words only ("own_sites", "partial_claims")."""
    alts = "|".join(f"(?:{p})" for p in _data("actors.yaml")[key][_lang(lang)])
    return re.compile(rf"{_B}(?:{alts}){_E}" if bounded else alts)


def _unclaimed(doc: Document, sents: list[int], lead: int) -> bool:
    """Does the incident (its sentences, or the two after its lead) say nobody claimed it, without blaming anyone
    ("Police blamed the attack on X. No group claimed responsibility": X is accused)?"""
    idx = set(sents) | {i for i in (lead + 1, lead + 2) if 0 <= lead and i < len(doc.sentences)}
    texts = [fold(doc.text[doc.sentences[i][0]:doc.sentences[i][1]]) for i in sorted(idx)]
    if not any(_pattern_list("unclaimed", doc.language or "fr").search(t) for t in texts):
        return False
    other = _pattern_list("other_matter", doc.language or "fr")
    return not any(_pattern_list("blamed", doc.language or "fr").search(t) for t in texts if not other.search(t))


def _accused_of_other_matter(doc: Document, i: int) -> bool:
    """Is sentence i an accusation about another matter ("accuses Kabul of sheltering TTP fighters")?"""
    return bool(_pattern_list("other_matter", doc.language or "fr").search(
        fold(doc.text[doc.sentences[i][0]:doc.sentences[i][1]])))


def _dateline_span(doc: Document) -> tuple[int, int]:
    """Where the wire dateline lies in the text ((0, 0) when there is none)."""
    line = dateline_of(doc.text, doc.published) if doc.dateline_place else None
    return (line.start_offset, line.end_offset) if line is not None and line.place else (0, 0)


# a news roundup's dateline, "BOGOTA, Colombia (AP) —": the town in capitals, then the credit and the dash
_DATELINE_TOWN = r"[ \t]*[A-Z][A-Z .'’-]{2,40},"
_DATELINE_CREDIT = r"\([^()\n]{1,40}\)"
_DATELINE_BEFORE = re.compile(rf"(?:^|\n){_DATELINE_TOWN}[ \t]*$")
_DATELINE_AFTER = re.compile(rf"[ \t]*(?:{_DATELINE_CREDIT})?[ \t]*[—–-]")


def _inner_dateline(doc: Document, hit: ActorHit) -> bool:
    """A country named in a dateline further down the text, the next story's in a news roundup ("BOGOTA, Colombia
    (AP) —"): a place, not an actor."""
    if hit.kind != COUNTRY:
        return False
    return bool(_DATELINE_BEFORE.search(doc.text[max(0, hit.start - 45):hit.start])
                and _DATELINE_AFTER.match(doc.text, hit.end))


@lru_cache(maxsize=4)
def _no_victims_regex(lang: str) -> re.Pattern:
    words = _data("actors.yaml")["generic"]["no_victims"][_lang(lang)]
    return re.compile(r"(?:^|\W)(?:" + "|".join(words) + r")$", re.I)


def _armed_sense(doc: Document, hit: ActorHit, cc: str | None) -> ActorHit:
    """In armed violence, a protesters word that also names fighters ("militants") is an unidentified armed group."""
    if hit.kind != PROTESTERS:
        return hit
    if fold(hit.actor.surface) not in _folded_words(("generic", "protesters_armed_sense"), _lang(doc.language or "fr")):
        return hit
    return replace(hit, actor=_generic_actor(UNIDENTIFIED, cc, hit.actor.surface), kind=UNIDENTIFIED)


_RUBRIC_AFTER = re.compile(r"[ \t\u00a0]*:(?!\d)")


def _rubric_label(doc: Document, hit: ActorHit) -> bool:
    """A country name that opens its line and is followed by a colon labels what comes after ("Colombie : un drone
    vise un poste de police", "Sudan: army says ..."): the topic of a headline or paragraph, not a party to it."""
    line_start = doc.text.rfind("\n", 0, hit.start) + 1
    return not doc.text[line_start:hit.start].strip() and bool(_RUBRIC_AFTER.match(doc.text, hit.end))


def _adjective_use(doc: Document, hit: ActorHit) -> bool:
    """A one-word forces noun used as an adjective of something else: "opérations militaires", "military targets",
    "police station" is a place, not the police acting."""
    if hit.kind not in (STATE, POLICE) or hit.attacker or " " in hit.actor.surface.strip():
        return False
    after = _adjective_after(doc.language or "fr")
    if after is not None and after.search(fold(doc.text[max(0, hit.start - 40):hit.start])):
        return True   # "une attaque armée", "la branche armée de X"
    i = doc.sentence_of(hit.start)
    if i < 0:
        return False
    s, _ = doc.sentences[i]
    sdoc = _parse(doc, i)
    span = sdoc.char_span(hit.start - s, hit.end - s, alignment_mode="expand")
    return span is not None and len(span) == 1 and span.root.pos_ == "ADJ" and span.root.dep_ == "amod"


@lru_cache(maxsize=4)
def _adjective_after(lang: str) -> re.Pattern | None:
    """The nouns of actors.yaml adjective_after, matched right before a forces word; None when the list is empty."""
    alts = _data("actors.yaml")["adjective_after"][_lang(lang)]
    return re.compile(rf"\b(?:{'|'.join(alts)})\s+$") if alts else None


def _harmed(doc: Document, hit: ActorHit) -> bool:
    """Does the clause of people named by nationality tell them harmed ("trois Palestiniens ont été tués", "killing
    two Israelis", "la mort de trois Maliens")? Not when they are arrested, urged or quoted ("a arrêté quatre
    Israéliens", "exhorté les Ukrainiens")."""
    i = doc.sentence_of(hit.start)
    if i < 0:
        return False
    s, e = doc.sentences[i]
    lang = doc.language or "fr"
    sdoc = _parse(doc, i)
    span = sdoc.char_span(hit.start - s, hit.end - s, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = _role_cues(lang)["harm_words"]
    tok = span.root
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if fold(tok.lemma_) in words or fold(tok.text) in words:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _no_victims(doc: Document, hit: ActorHit) -> bool:
    """A civilians word said to be absent: "sans faire de victimes", "without civilian casualties"."""
    before = doc.text[max(0, hit.start - 40):hit.start]
    return bool(_no_victims_regex(doc.language or "fr").search(before))


def _accusing(doc: Document, i: int) -> bool:
    """Does sentence i blame someone ("Police blamed the attack on militants of X", "attribuant l'attaque à X")?"""
    lang = doc.language or "fr"
    verbs = _role_cues(lang)["accuse_verbs"]
    return any(fold(t.lemma_) in verbs for t in _parse(doc, i))


def _anchor(doc: Document, sents: list[int], trigger: Evidence | None) -> list[Evidence]:
    """Evidence for an actor set by convention: the trigger, else the first sentence."""
    if trigger is not None:
        return [trigger]
    if not sents:
        return []
    s, e = doc.sentences[sents[0]]
    return [doc.evidence(s, e)]


def _actor1(inc: _Incident, policy: dict[str, Any]) -> tuple[Slot, _Cand | None]:
    if policy["actor1"] in ("protesters", "rioters"):
        kind = PROTESTERS if policy["actor1"] == "protesters" else RIOTERS
        c = inc.first(ROLES_ALL, (kind, PROTESTERS, RIOTERS))
        actor = _generic_actor(kind, inc.cc, c.hit.actor.surface if c else "")
        return Slot(replace(actor, role=policy["actor1"][:-1]), _ev(inc.doc, c.hit) if c else inc.anchor,
                    f"{policy['actor1']} of the event country"), c
    between = [c for c in inc.cands if c.role == BETWEEN and c.hit.kind != COUNTRY]
    announcer = inc.first((AGENT, SOURCE, CLAIMER), (NAMED, STATE, POLICE)) if policy.get("source_acts") else None
    lead_acts = [x for x in inc.cands if x.sent == inc.lead and x.role in (AGENT, ACCUSED, CLAIMER)
                 and x.hit.kind in _ARMED]   # "X a revendiqué un tir de roquettes" in the lead sentence
    # the one that qualifies the trigger itself beats one told in a side clause ("après une nuit sous les missiles
    # israéliens, … les bombardements russes"; "soldiers killed in ISIS attack")
    lead_act = next((x for x in lead_acts if _qualifies_trigger(inc, x.hit)), lead_acts[0] if lead_acts else None)
    if policy["actor1_default"] == "police":   # arrests: unnamed "perpetrators", "suspects" are the ones arrested
        lead_act = lead_act if lead_act is None or lead_act.hit.kind not in _UNNAMED else None
    armed = tuple(k for k in _ARMED if not (policy["actor1_default"] == "police" and k in _UNNAMED))
    c = (announcer or lead_act or inc.first((AGENT, ACCUSED), armed) or (between[0] if between else None)
         or inc.first((CLAIMER,), _ARMED)
         or (inc.first((SOURCE,), _ARMED) if inc.sub in _SOURCE_MAY_ACT else None)
         or next((x for x in inc.cands if x.role == "" and x.sent == inc.lead
                  and x.hit.kind in (NAMED, STATE, POLICE, UNIDENTIFIED, TRIBAL, GANG)
                  and not (policy["actor1_default"] == "police" and x.hit.actor.inter not in (1, 8))), None))
    # (where the police act by default — arrests — a group merely named is the one arrested, not the arrester)
    if c is not None and c.hit.kind in _UNNAMED:   # a group that claimed it or is accused beats "gunmen"
        # (not the forces the gunmen attacked, whose statement reads as a claim: "l'armée affirme avoir repoussé les
        # assaillants", "the army said it repelled the attack")
        attacked = {x.hit.actor.name for x in inc.cands if x.role == PATIENT and x.hit.kind in (STATE, POLICE)}
        c = (next((x for x in inc.cands if x.role in (CLAIMER, ACCUSED) and x.hit.kind in (NAMED, STATE, POLICE)
                   and not (x.hit.kind in (STATE, POLICE) and x.hit.actor.name in attacked)
                   and not _partial_claim(inc, x)), None)
             or next((x for x in inc.cands if x.hit.kind == NAMED and x.role not in (SOURCE, CLAIMER)
                      and x.hit.actor.inter not in (1, 8) and _accusing(inc.doc, x.sent)), None) or c)
    if policy.get("named_elsewhere", "none") != "none" and (c is None or c.hit.kind in _UNNAMED):
        c = _named_elsewhere(inc, policy["named_elsewhere"]) or c
    if c is not None and c.hit.kind in (STATE, COUNTRY):   # forces acting with a group under an operation: the operation
        c = next((x for x in inc.cands if x.hit.umbrella and x.sent == c.sent and x.role in (AGENT, "")), c)
    if c is not None:
        actor = c.hit.actor
        if c.hit.kind == UNIDENTIFIED and _perp_kind(inc) == GANG:
            actor = _generic_actor(GANG, inc.cc, actor.surface)
        actor = _air_unit(actor, c.hit, inc)
        why = f"perpetrator ({c.role or 'named'})" if c.sent in inc.sents else f"perpetrator named elsewhere ({c.role or 'named'})"
        return Slot(replace(actor, role="perpetrator"), _ev(inc.doc, c.hit), why), c
    default = policy["actor1_default"]
    civ = inc.first((AGENT,), (CIVILIANS,))
    if default == "none" and civ is None:
        return _empty("no perpetrator named"), None
    if default == "police" and inc.cc:
        actor = _state_actor(inc.cc, "Police", inc.day, inc.cc)
        return Slot(replace(actor, role="perpetrator"), inc.anchor, "no actor named: the country's police"), None
    air = _air_power(inc) if default == "military" and inc.cc else None
    if air is not None:
        return air, None
    actor = replace(_generic_actor(_perp_kind(inc), inc.cc), role="perpetrator",
                    surface=civ.hit.actor.surface if civ else "")
    return Slot(actor, _ev(inc.doc, civ.hit) if civ else inc.anchor, "perpetrator not named: unidentified"), None



def _air_power(inc: _Incident) -> Slot | None:
    """An air strike told without its author, on people or a non-state group: the one state's forces the article
    names anywhere, neither as the strike's target nor as the incident's reporter ("there was no comment from the
    Malian military"), else, when it names none, the event country's military (air power is a state's). None when
    the strike aimed at forces or a military site (drones of armed groups on bases)."""
    if any(x.role == PATIENT and _state_like(x.hit.actor) for x in inc.cands) \
            or _cue_regex("military_sites", inc.lang).search(inc.text):
        return None
    targets = {x.hit.actor.name for x in inc.cands if x.role == PATIENT}
    reporters = {(x.hit.start, x.hit.end) for x in inc.cands if x.role == SOURCE}
    found: dict[str, ActorHit] = {}
    for i in range(len(inc.doc.sentences)):
        for h in find_actors(inc.doc, i, inc.cc, inc.day):
            if (h.kind == STATE or (h.kind == NAMED and h.actor.inter in (1, 8) and h.actor.country)) \
                    and h.actor.name not in targets and (h.start, h.end) not in reporters:
                found.setdefault(h.actor.country or h.actor.name, h)
    if len(found) == 1:
        h = next(iter(found.values()))
        actor = _air_unit(h.actor, h, inc) if h.kind == STATE else h.actor
        return Slot(replace(actor, role="perpetrator"), _ev(inc.doc, h), "air strike not attributed: the forces "
                    "the article names")
    if found:   # several states' forces named: the author is not told
        return None
    actor = _air_unit(_state_actor(inc.cc, "Military", inc.day, inc.cc), ActorHit(-1, -1, Actor("", 1), STATE), inc)
    return Slot(replace(actor, role="perpetrator"), inc.anchor, "air strike not attributed: the country's military")


def _named_elsewhere(inc: _Incident, which: str) -> _Cand | None:
    """The perpetrator the article names outside the incident's own clause when the incident names none or only
    "gunmen": the one non-state group the incident's sentences name ("les terroristes appartiennent au groupe X"),
    else the one the article names before the incident (headline, lead) as acting, claiming or accused; with
    which="forces", state forces acting in the article count too (air strikes, shelling). None when the article
    names several (their affiliates counted as one) or none."""
    targets = {x.hit.actor.name for x in inc.cands if x.role == PATIENT and x.sent == inc.lead}
    if _unclaimed(inc.doc, list(inc.sents), inc.lead):
        return None   # nobody claimed it: a group named elsewhere in the article is background

    def group(h: ActorHit) -> bool:
        return h.kind == NAMED and h.actor.inter not in (1, 8) and h.actor.name not in targets

    def force(h: ActorHit) -> bool:
        return which == "forces" and (h.kind == STATE or (h.kind == NAMED and h.actor.inter in (1, 8))) \
            and h.actor.name not in targets

    def unique(found: list[_Cand]) -> _Cand | None:
        keys = {_affiliated(x.hit.actor.name) for x in found}
        return found[0] if len(keys) == 1 else None

    # a group merely named in the incident's sentences counts, except in battles, where it may be the other side
    told = (AGENT, CLAIMER, ACCUSED) if _policy_rivals(inc) else (AGENT, CLAIMER, ACCUSED, "")
    own = unique([x for x in inc.cands if group(x.hit) and (x.role in told or x.hit.identifies)
                  and not _partial_claim(inc, x)])
    if own is not None:
        return own
    found = []
    section = _story_sections(inc.doc)
    # only before the incident (headline, lead, earlier paragraphs): a group named after it is usually blamed for
    # another incident of the article ("…; des sources ont attribué l'enlèvement au JNIM"); a group named in another
    # story of a news roundup (each opened by its own dateline) is that story's
    for i in range(min(inc.sents or (0,))):
        for h in find_actors(inc.doc, i, inc.cc, inc.day):
            if section[i] != section[inc.lead if inc.lead >= 0 else min(inc.sents)]:
                continue
            if group(h) or force(h):
                role = hit_role(inc.doc, h, None)
                if role in (AGENT, CLAIMER, ACCUSED) and not _partial_claim(inc, _Cand(h, role, i)):
                    found.append(_Cand(h, role, i))
    if which == "forces" and any(force(x.hit) for x in found):   # strikes from the air or afar: forces first
        found = [x for x in found if force(x.hit)]
    return unique(found)


_STORY_DATELINE = re.compile(rf"(?m)^{_DATELINE_TOWN}[^\n]{{0,40}}?{_DATELINE_CREDIT}[ \t]*[—–-]")   # (see _DATELINE_TOWN)


def _story_sections(doc: Document) -> list[int]:
    """For each sentence, the number of the story it belongs to: a news roundup opens each story with its own
    dateline ("BOGOTA, Colombia (AP) —"), and the headline line just above it belongs to that story; an article
    with one dateline or none is one story."""
    starts = []
    for m in _STORY_DATELINE.finditer(doc.text):
        above = doc.text[:m.start()].rstrip()
        line = above[above.rfind("\n") + 1:]
        headline = 0 < len(line) < 150 and not line.endswith((".", "!", "?", ":", "»", '"'))
        starts.append(len(above) - len(line) if headline else m.start())   # (the headline line's start)
    starts = starts[1:]   # what comes before the second story (the page's title, the first story) is the first's
    return [sum(1 for x in starts if x <= s) for s, _ in doc.sentences]


def _policy_rivals(inc: _Incident) -> bool:
    """Is the incident a fight between two sides (the sub-event policy's `rivals`)?"""
    return bool(_policy(inc.sub)["rivals"])


def _affiliated(name: str) -> str:
    """One key for a group and its affiliates or patrons (actors.yaml `affiliations`)."""
    for g in affiliation_groups():
        if name in g:
            return g[0]
    return name


def _qualifies_trigger(inc: _Incident, hit: ActorHit) -> bool:
    """Is the actor a modifier of the trigger noun ("frappes russes", "ISIS attack", "l'attaque des jihadistes"), the
    trigger noun itself ("a suicide bomber blew himself up") or the trigger verb's own agent ("des soldats enlevés par
    l'ELN", "killed by gunmen"), rather than the subject of another verb of the sentence ("l'armée a exigé la
    libération de soldats enlevés par X", "while being pursued by police, a suicide bomber ...")?"""
    trig = inc.anchor[0] if inc.anchor else None
    if trig is None or trig.sentence != inc.lead or trig.start < 0:
        return False
    if hit.start < trig.end and trig.start < hit.end:
        return True
    s, e = inc.doc.sentences[inc.lead]
    sdoc = _parse(inc.doc, inc.lead)
    span = sdoc.char_span(hit.start - s, hit.end - s, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = _split_agent(sdoc, span).root
    for _ in range(3):
        if tok.head is tok or tok.dep_.lower() not in _NP_DEPS | _TRIGGER_AGENT_DEPS:
            return False
        tok = tok.head
        if tok.idx <= trig.start - s < tok.idx + max(len(tok.text), 1):
            return True
    return False


def _actor2(inc: _Incident, policy: dict[str, Any], a1: Slot, a1c: _Cand | None) -> tuple[Slot, _Cand | None]:
    kinds = _ACTOR2_KINDS[policy["actor2_kinds"]]
    armed_sides = bool(policy.get("armed_sides"))
    if armed_sides:   # a battle's two sides are armed: the people it killed are its toll, no side
        kinds = tuple(k for k in kinds if k not in (CIVILIANS, RIOTERS))

    def own_side(x: _Cand) -> bool:   # a battle's first side's own forces (its army and its police) are no opponent
        return armed_sides and _same_side(a1.value, x.hit.actor)
    a1_name = a1.value.name if a1.value else ""
    # "rival"/"between two" must qualify this incident's sides: read in the sentences naming them, not in a
    # background paragraph or page clutter ("un second tour entre deux candidats")
    told = {inc.lead} | ({a1c.sent} if a1c is not None else set())
    rivals = policy["rivals"] and bool(_cue_regex("rival_cues", inc.lang).search(_sentences_text(inc.doc, told)))
    roles = ROLES_ALL if policy["actor2_kinds"] in ("forces", "civilians") else (PATIENT, OPPONENT)
    between = [c for c in inc.cands if c.role == BETWEEN and c.hit.kind != COUNTRY]
    c = between[1] if a1c is not None and len(between) > 1 and a1c is between[0] else None
    sides = [x for x in between if x.sent == inc.lead]
    if c is None and a1_name and len({x.hit.actor.name for x in sides}) == 2 and \
            any(x.hit.actor.name == a1_name for x in sides):
        # "des affrontements entre des combattants druzes et des tribus bédouines ... des hommes armés bédouins ont
        # attaqué": actor1 told acting elsewhere is one of the two sides the lead sentence names; the other side is
        # actor2, not a count of victims ("neuf personnes ont été tuées"). (A war "between" them told in the
        # background names no side of this incident.)
        c = next(x for x in sides if x.hit.actor.name != a1_name)
    if c is None and policy["second_agent"] and a1c is not None and a1c.role == AGENT:
        # "ELN and FARC dissidents clash": two subjects of a reciprocal verb are the two sides
        c = next((x for x in inc.cands if x is not a1c and x.role == AGENT and x.sent == a1c.sent
                  and x.hit.kind in _ARMED and x.hit.actor.name != a1_name
                  and not own_side(x)
                  and _opposed(inc.doc, a1c.hit, x.hit)), None)
    if policy["forces_first"]:   # police or troops intervening, whatever the syntax
        c = c or inc.first(ROLES_ALL, (POLICE,)) or inc.first(ROLES_ALL, (STATE,))
    # once actor1 is a named group, "the rebels", "les jihadistes" later in the incident are that group again
    named_a1 = a1c is not None and a1c.hit.kind == NAMED and (a1.value is not None and a1.value.inter in (2, 3, 4))
    c = c or next((x for x in inc.cands if x is not a1c and x.role in roles and x.hit.kind in kinds
                   and x.role not in (AGENT, SOURCE, CLAIMER, ACCUSED) and (x.hit.actor.name != a1_name or rivals)
                   and not own_side(x)
                   and not (named_a1 and x.hit.kind == UNIDENTIFIED and not rivals)
                   and not (policy["actor2_kinds"] == "arrested" and x.hit.kind == UNIDENTIFIED
                            and not _cue_regex("arrested_armed", inc.lang).search(fold(x.hit.actor.surface)))), None)
    lone_between = a1c is not None and a1c.role == BETWEEN and len(between) == 1
    same_kind = a1c is not None and a1c.hit.kind in (UNIDENTIFIED, GANG, TRIBAL) and rivals
    if policy["rivals"] and a1.value is not None and (lone_between or same_kind):
        return Slot(replace(a1.value, role="target"), a1.evidence, "both sides of the same kind"), None
    later_target = c is not None and c.sent != inc.lead and c.role == PATIENT and bool(policy.get("defender_acts"))
    if (c is None or later_target) and policy["second_agent"] and a1c is not None:
        # a foiled attack: the attacker acting in the lead sentence ("intercepted drones launched by X") beats a
        # target told only in a later sentence ("a threat to coalition vessels")
        second = next((x for x in inc.cands if x is not a1c and x.role == AGENT and x.hit.kind in _ARMED
                       and x.hit.actor.name != a1_name and not _coordinated(inc.doc, a1c.hit, x.hit)
                       and not own_side(x)
                       and not (named_a1 and x.hit.kind in _UNNAMED)
                       and (c is None or x.sent == inc.lead)), None)
        c = second or c
    if c is not None:
        c = _refine_target(inc, c, roles, kinds, a1_name)
    if c is not None and c.hit.kind in _UNNAMED and _state_like(a1.value) and NAMED in kinds:
        # forces fought "des terroristes" and a group claimed the attack (or is blamed for it): that group is the
        # other side, as it would be actor1 had the text told the attack from its side
        c = next((x for x in inc.cands if x.role in (CLAIMER, ACCUSED) and x.hit.kind == NAMED
                  and x.hit.actor.inter not in (1, 8) and x.hit.actor.name != a1_name
                  and not _partial_claim(inc, x)), None) or c
    if (c is not None and c.hit.kind == CIVILIANS and policy["actor2_kinds"] == "any" and inc.cc
            and fold(c.hit.actor.surface) in _folded_words(("plain_people",), _lang(inc.lang))
            and _cue_regex("military_sites", inc.lang).search(_sentences_text(inc.doc, {inc.lead}))):
        actor = _state_actor(inc.cc, "Military", inc.day, inc.cc)   # "people killed in an attack on a military post"
        return Slot(replace(actor, role="target"), inc.anchor, "the target is a military site"), None
    if c is not None and kinds:
        actor = c.hit.actor
        if policy["actor2_kinds"] == "forces" and c.hit.kind == STATE and "secur" in fold(actor.surface):
            actor = _state_actor(actor.country, "Police", inc.day, inc.cc, surface=actor.surface)
        return Slot(replace(actor, role="target"), _ev(inc.doc, c.hit), f"target ({c.role or 'named'})"), c
    if rivals and a1.value is not None:
        return Slot(replace(a1.value, role="target"), a1.evidence, "both sides of the same kind"), None
    if policy.get("defender_acts"):   # a foiled attack claimed by, or blamed on, a group: that group attacked
        c = next((x for x in inc.cands if x is not a1c and x.role in (CLAIMER, ACCUSED) and x.hit.kind in _ARMED
                  and x.hit.actor.name != a1_name), None)
        if c is not None:
            return Slot(replace(c.hit.actor, role="target"), _ev(inc.doc, c.hit), f"the foiled attacker ({c.role})"), c
    if policy.get("opponent_elsewhere") and a1.value is not None:
        other = _opponent_elsewhere(inc, a1.value)
        if other is not None:
            return Slot(replace(other.actor, role="target"), _ev(inc.doc, other), "the other side the article names"), None
    if policy["actor1"] == "protesters" and _cue_regex("counter_protest_cues", inc.lang).search(inc.text):
        actor = _generic_actor(PROTESTERS, inc.cc)
        return Slot(replace(actor, role="counter-protester"), inc.anchor, "counter-demonstration"), None
    own = _reporter_target(inc, policy, a1)
    if own is not None:
        return Slot(replace(own.hit.actor, role="target"), _ev(inc.doc, own.hit), "the reporter's own men or sites"), own
    site = _site_target(inc, policy, a1)
    if site is not None:
        return site, None
    default = policy["actor2_default"]
    if armed_sides and inc.cc and a1.value is not None and a1.value.inter in ARMED_INTER \
            and _people_harmed(inc, a1c):
        # a fight told by its toll ("a firefight that killed 20 people"): the other side is armed and unnamed
        actor = replace(_generic_actor(_perp_kind(inc), inc.cc), role="target")
        return Slot(actor, inc.anchor, "a battle's other side, not named: an unidentified armed group"), None
    if default == "civilians":
        return Slot(replace(_generic_actor(CIVILIANS, inc.cc), role="target"), inc.anchor,
                    f"{inc.sub or 'event'}: civilians targeted"), None
    if default == "police" and inc.cc:
        actor = _state_actor(inc.cc, "Police", inc.day, inc.cc)
        return Slot(replace(actor, role="intervening force"), inc.anchor, "intervention: the country's police"), None
    if default == "unidentified":
        actor = replace(_generic_actor(_perp_kind(inc), inc.cc), role="target")
        return Slot(actor, inc.anchor, "the foiled attacker is not named"), None
    return _empty("no target named"), None


# ACLED inter codes of the armed side whose unnamed opponent is an unidentified armed group: state forces (1), rebel
# groups (2), political militias (3) and external forces (8), the sides the rule was drawn and checked on; identity
# militias (4) are left out (their fights are coded against the other community, which the rule does not know)
ARMED_INTER = frozenset({1, 2, 3, 8})


def _same_side(a1: Actor | None, other: Actor) -> bool:
    """Two state forces of one country under one government (its army and its police, "the military police and
    federal highway police"; the country named as a place): one side of a battle, never its two sides."""
    return (a1 is not None and a1.inter == 1 and other.inter == 1 and bool(a1.country)
            and a1.country == other.country and not rival_states(a1, other))


def _people_harmed(inc: _Incident, a1c: _Cand | None) -> bool:
    """Does the incident name people killed or wounded as the target (civilians found as its patient)?"""
    return any(c is not a1c and c.hit.kind == CIVILIANS and c.role in (PATIENT, OPPONENT) for c in inc.cands)


def _partial_claim(inc: _Incident, c: _Cand) -> bool:
    """A claimer of only one of several attacks, told outside the incident's lead sentence ("l'EI a revendiqué
    l'une des attaques"): no author for the incident."""
    return (c.role == CLAIMER and c.sent != inc.lead
            and bool(_pattern_list("partial_claims", inc.lang, bounded=True)
                     .search(_sentences_text(inc.doc, {c.sent}))))


def _reporter_target(inc: _Incident, policy: dict[str, Any], a1: Slot) -> _Cand | None:
    """No target named, but the lead sentence's reporter is a force telling of its own men or sites ("l'armée a
    indiqué que des terroristes avaient attaqué ses positions", "the army said gunmen attacked its base"): that
    force is the target."""
    own_sites = _pattern_list("own_sites", inc.lang, bounded=True)
    if policy["actor2_kinds"] != "any" or not own_sites.search(_sentences_text(inc.doc, {inc.lead})):
        return None
    a1_name = a1.value.name if a1.value is not None else ""
    return next((x for x in inc.cands if x.sent == inc.lead and x.role == SOURCE and x.hit.kind in (STATE, POLICE, NAMED)
                 and x.hit.actor.name != a1_name), None)


def _site_target(inc: _Incident, policy: dict[str, Any], a1: Slot) -> Slot | None:
    """No target named, but the lead sentence names a military or police site ("attacked a military base",
    "attaque contre un poste de police"): the event country's forces that hold it, when a non-state actor acts."""
    if policy["actor2_kinds"] != "any" or not inc.cc or (a1.value is not None and _state_like(a1.value)):
        return None
    lead = _sentences_text(inc.doc, {inc.lead})
    for cue, force in (("military_sites", "Military"), ("police_sites", "Police")):
        if _cue_regex(cue, inc.lang).search(lead):
            actor = _state_actor(inc.cc, force, inc.day, inc.cc)
            return Slot(replace(actor, role="target"), inc.anchor, f"the target is a {force.lower()} site")
    return None


def _opponent_elsewhere(inc: _Incident, a1: Actor) -> ActorHit | None:
    """The side that lost or held the ground when the incident does not name it ("les forces ukrainiennes ont
    repris un village"): the one other armed party the article names anywhere (state forces of another country,
    or a named group), None when it names none or several."""
    found: dict[str, ActorHit] = {}
    for i in range(len(inc.doc.sentences)):
        for h in find_actors(inc.doc, i, inc.cc, inc.day):
            if h.kind not in (NAMED, STATE, COUNTRY) or h.actor.name == a1.name:
                continue
            if h.kind in (STATE, COUNTRY) or h.actor.inter in (1, 8):
                if not h.actor.country or h.actor.country == a1.country:
                    continue
                key = h.actor.country
            else:
                key = _affiliated(h.actor.name)
            if h.kind == COUNTRY:
                h = replace(h, actor=_state_actor(h.actor.country, "Military", inc.day, inc.cc, surface=h.actor.surface),
                            kind=STATE)
            found.setdefault(key, h)
    return next(iter(found.values())) if len(found) == 1 else None


def _state_like(actor: Actor | None) -> bool:
    return actor is not None and actor.inter in (1, 8)


def _defender_first(inc: _Incident, a1: Slot, a1c: _Cand | None, a2: Slot,
                    a2c: _Cand | None) -> tuple[Slot, _Cand | None, Slot, _Cand | None]:
    """A foiled attack (Disrupted weapons use) is coded to the force that foiled it: when the text names no state
    force acting but the forces the attack aimed at ("un drone qui visait les forces américaines a été abattu",
    "a missile fired by X at a warship was intercepted"), those forces are actor1 and the attacker, named or not,
    actor2."""
    if _state_like(a1.value) or a2c is None or not _state_like(a2.value) or a2c.role != PATIENT:
        return a1, a1c, a2, a2c
    defender = Slot(replace(a2.value, role="interceptor"), a2.evidence, "the forces the foiled attack aimed at")
    if a1.value is not None:
        attacker = Slot(replace(a1.value, role="target"), a1.evidence, "the foiled attacker")
    else:
        attacker = Slot(replace(_generic_actor(_perp_kind(inc), inc.cc), role="target"), inc.anchor,
                        "the foiled attacker is not named")
    return defender, a2c, attacker, a1c


def _sentences_text(doc: Document, indices: set[int]) -> str:
    """Folded text of some sentences of a document."""
    return fold(" ".join(doc.text[doc.sentences[i][0]:doc.sentences[i][1]] for i in sorted(indices)
                         if 0 <= i < len(doc.sentences)))


def _refine_target(inc: _Incident, c: _Cand, roles: tuple[str, ...], kinds: tuple[str, ...],
                   a1_name: str) -> _Cand:
    """Prefer the forces a targeted facility hosts ("une base irakienne abritant des troupes américaines") and a
    named group over an unnamed reference to it told elsewhere in the incident ("une milice" … "la milice X")."""
    def usable(x: _Cand) -> bool:
        return (x is not c and x.role in roles and x.hit.kind in kinds and x.role not in (AGENT, SOURCE, CLAIMER, ACCUSED)
                and x.hit.actor.name not in (a1_name, c.hit.actor.name))
    if _cue_regex("facility_nouns", inc.lang).search(fold(c.hit.actor.surface)):
        hosted = next((x for x in inc.cands if usable(x) and x.sent == c.sent
                       and not _cue_regex("facility_nouns", inc.lang).search(fold(x.hit.actor.surface))), None)
        if hosted is not None:
            return hosted
    if c.hit.kind in _UNNAMED:
        named = next((x for x in inc.cands if usable(x) and x.hit.kind == NAMED), None)
        if named is not None:
            return named
    return c


_COORD = re.compile(r"\s*(?:,|;|and|et|&|as well as|ainsi que|along with|together with|alongside|aux cotes)?\s*"
                    r"(?:du|de la|de l'|des|d'|the|les|le|la|l')?\s*")


def _coordinated(doc: Document, a: ActorHit, b: ActorHit) -> bool:
    """Two actors joined as one side: "Hamas and Islamic Jihad", "du Hamas et du Jihad islamique"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(_COORD.fullmatch(fold(doc.text[first.end:second.start])))


def _opposed(doc: Document, a: ActorHit, b: ActorHit) -> bool:
    """Two actors joined as the subjects of a reciprocal verb ("ELN and FARC dissidents clash", "X et Y
    s'affrontent"): the two sides of one fight, not one side."""
    first, second = (a, b) if a.start < b.start else (b, a)
    if not _COORD.fullmatch(fold(doc.text[first.end:second.start])):
        return False
    return bool(_pattern_list("reciprocal_after", doc.language or "fr").match(
        fold(doc.text[second.end:second.end + 60])))


def _assoc(inc: _Incident, main: _Cand | None, names: set[str], role: str) -> Slot:
    """Actors acting alongside the main one: same role in the same sentence ("Hamas and Islamic Jihad")."""
    if main is None or main.role not in (AGENT, PATIENT):
        return _empty("no associated actor")
    found = [c for c in inc.cands if c is not main and c.role == main.role and c.sent == main.sent
             and c.hit.kind in (NAMED, STATE) and c.hit.actor.name not in names]
    if not found:
        return _empty("no associated actor")
    return Slot([replace(c.hit.actor, role=role) for c in found], [_ev(inc.doc, c.hit)[0] for c in found],
                "named alongside the main actor")


def _perp_kind(inc: _Incident) -> str:
    """Unidentified Gang in countries where crime groups dominate and a criminal cue is present. A sentence that
    names a non-state group ("the state is torn by a turf war between the Jalisco New Generation Cartel and the Santa
    Rosa de Lima gang", "the victim was a member of the CJNG") tells about that group, not about the unnamed
    attackers: its crime words are no cue."""
    if (inc.cc or "").upper() not in _data("actors.yaml")["generic"]["gang_countries"]:
        return UNIDENTIFIED
    cue = _cue_regex("gang_cues", inc.lang)
    return GANG if any(cue.search(fold(inc.doc.text[slice(*inc.doc.sentences[i])])) for i in inc.sents
                       if not _names_a_group(inc, i)) else UNIDENTIFIED


def _names_a_group(inc: _Incident, i: int) -> bool:
    """Does sentence i name a non-state armed group?"""
    return any(h.kind == NAMED and h.actor.inter not in (1, 8) for h in find_actors(inc.doc, i, inc.cc, inc.day))


def _air_unit(actor: Actor, hit: ActorHit, inc: _Incident) -> Actor:
    """Append the theatre's air unit to state forces for air attacks (e.g. Russian air force in Ukraine)."""
    if hit.kind not in (STATE, COUNTRY):
        return actor
    if not _own_air_cue(inc, actor.country) and (
            inc.sub != "Air/drone strike" or _cue_regex("drone_nouns", inc.lang).search(inc.text)):
        return actor
    for rule in _data("actors.yaml")["air_units"]:
        if rule["forces"] == actor.country and (inc.cc or "").upper() in rule["where"]:
            return _state_actor(actor.country, "Military", inc.day, inc.cc, rule["unit"], actor.surface)
    return actor


def _own_air_cue(inc: _Incident, cc: str) -> bool:
    """An aircraft or air-dropped munition told in the incident's sentences, not as another country's ("Ukraine's
    air force said", "selon l'armée de l'air ukrainienne": the reporter of the strike, not the striker's arm)."""
    rx = _cue_regex("air_nouns", inc.lang)
    for i in inc.sents:
        s, e = inc.doc.sentences[i]
        found = list(rx.finditer(fold(inc.doc.text[s:e])))
        if not found:
            continue   # the sentence's actors are read only where it names an aircraft
        others = [(h.start - s, h.end - s) for h in find_actors(inc.doc, i, inc.cc, inc.day)
                  if h.actor.country and h.actor.country != cc]
        if any(not any(a < m.end() and m.start() < b for a, b in others) for m in found):
            return True
    return False


def civilians_harmed(doc: Document, sents: list[int], sub: str | None, actor1: Actor | None, actor2: Actor | None,
                     toll: list[Evidence], cc: str | None) -> Slot | None:
    """A strike from afar or from the air that killed or wounded people and names no target ("une frappe de missile
    russe sur le centre de Dnipro a fait trois morts"): the people harmed are civilians of the event country, unless
    the strike aimed at a military site (the victims may be soldiers) or the toll is the attacker's own."""
    if actor2 is not None or not toll or not cc or sub not in _data("actors.yaml")["civilian_toll_subs"]:
        return None
    if actor1 is not None and actor1.inter not in (1, 8):
        return None   # a group's strike: its victims are told (or not) by the text; forces' strikes on towns hit people
    text = _sentences_text(doc, set(sents))
    lang = doc.language or "fr"
    if _cue_regex("military_sites", lang).search(text) or _cue_regex("police_sites", lang).search(text) \
            or _pattern_list("own_sites", lang, bounded=True).search(text):
        return None
    actor = replace(_generic_actor(CIVILIANS, cc), role="target")
    return Slot(actor, toll, f"{sub}: people killed or wounded, no target named: civilians")


def state_force_actor(cc: str, force: str, day: date | None, role: str = "target") -> Actor:
    """The state force of a country as an actor ('Police Forces of Kenya (2022-)', inter 1)."""
    return Actor(state_force_name(cc, force, day), 1, role=role, country=cc.upper())


_PERIOD = re.compile(r"^(?:Military|Police) Forces of .+? \((\d{4}-\d{0,4})\)")


def rival_states(a: Actor | None, b: Actor | None) -> bool:
    """Two state forces of one country under different governments' years ("Military Forces of Yemen (2017-)
    Houthi" and the government's "Military Forces of Yemen (2012-)"): rival authorities, two sides, not one."""
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    pa, pb = _PERIOD.match(a.name), _PERIOD.match(b.name)
    return pa is not None and pb is not None and pa.group(1) != pb.group(1)


def unidentified_actor(cc: str | None, role: str = "perpetrator") -> Actor:
    """'Unidentified Armed Group (Country)'."""
    actor = _generic_actor(UNIDENTIFIED, cc)
    actor.role = role
    return actor
