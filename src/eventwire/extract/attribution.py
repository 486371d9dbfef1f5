"""Attribution: was an incident claimed, confirmed, blamed on someone, denied, or left unattributed?

Cue phrases (FR + EN) and their precedence live in ``eventwire/data/attribution.yaml``. Beyond the cues:
an incident whose perpetrator's own side reports it in the lead ("…, a annoncé le Centcom") is claimed; a denial
or an accusation counts only when it is about actor1; with no cue, a named perpetrator is confirmed (stated as
fact) and an unidentified one unattributed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Actor, Document, Evidence, Slot
from .actors import ACCUSED, CIVILIANS, CLAIMER, PROTESTERS, RIOTERS, SOURCE, find_actors, fold, hit_role, rival_states

DATA = Path(__file__).resolve().parents[1] / "data" / "attribution.yaml"


def _compile(by_lang: dict[str, list[str]]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for lang in ("en", "fr") for p in by_lang.get(lang, [])) + r")\b")


@lru_cache(maxsize=1)
def _data() -> dict:
    with open(DATA, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def _config() -> tuple[list[str], dict[str, re.Pattern], re.Pattern]:
    """(precedence, status -> cue pattern, negated-cue pattern), over folded text, both languages."""
    data = _data()
    pats = {status: _compile(by_lang) for status, by_lang in data["cues"].items()}
    blank = {lang: data["negated"].get(lang, []) + data["not_attribution"].get(lang, []) for lang in ("en", "fr")}
    return list(data["precedence"]), pats, _compile(blank)


@lru_cache(maxsize=1)
def _arrest_acts() -> re.Pattern:
    return _compile(_data()["arrest_acts"])


@lru_cache(maxsize=1)
def _silent() -> re.Pattern:
    return _compile(_data()["silent"])


def _silences(doc: Document, actor1: Actor, seen: dict) -> list[Evidence]:
    """Sentences of the whole article in which actor1's side keeps silent ("Kiev n'a pas commenté", "the army did
    not respond to requests for comment"): what others say it did, not a fact it owns."""
    out = []
    for i, (s, e) in enumerate(doc.sentences):
        if _silent().search(fold(doc.text[s:e])) and _about(doc, i, actor1, seen=seen):
            out.append(doc.evidence(s, e))
    return out


def find_cues(doc: Document, sent_indices: list[int]) -> dict[str, list[Evidence]]:
    """Every attribution status supported in the sentences, with the sentence spans that say so."""
    found: dict[str, list[Evidence]] = {}
    for i in sorted(set(sent_indices)):
        s, e = doc.sentences[i]
        for status in _statuses(doc.text[s:e]):
            found.setdefault(status, []).append(doc.evidence(s, e))
    return found


CUES_KEPT = 4096   # sentences whose cue statuses are kept (each incident of an article reads all its sentences)


@lru_cache(maxsize=CUES_KEPT)
def _statuses(sentence: str) -> tuple[str, ...]:
    """The statuses whose cue the sentence holds (negated cues blanked), in the cues' order; kept per sentence
    text (find_cues reads every other sentence of the article again for each of its incidents)."""
    _, pats, negated = _config()
    low = negated.sub(lambda m: " " * len(m.group()), fold(sentence))
    return tuple(status for status, pat in pats.items() if pat.search(low))


def generic_actor(actor: Actor) -> bool:
    """Protesters, rioters or civilians: no side that claims, denies or keeps silent."""
    return actor.name.startswith(("Protesters", "Rioters", "Civilians"))


def _unnamed(actor: Actor | None) -> bool:
    return actor is None or actor.name.startswith("Unidentified")


_COUNTRY_PART = re.compile(r" \([^()]*\)$")   # "Islamic State (Iraq)" is "Islamic State" named in Iraq


def _same(a: Actor, b: Actor) -> bool:
    """One actor, or the same state's forces (a unit, the police and the army of one country count as one side)."""
    if a.name == b.name or _COUNTRY_PART.sub("", a.name) == _COUNTRY_PART.sub("", b.name):
        return True
    state = ("Military Forces", "Police Forces")
    return bool(a.country) and a.country == b.country and a.name.startswith(state) and b.name.startswith(state) \
        and not rival_states(a, b)


def _armed_hits(doc: Document, i: int, actor1: Actor, seen: dict | None = None):
    """The armed actors sentence i names (``seen``: those one incident's attribution found already, by sentence
    and country: the claim, the rival report and the denials read the same sentences; the hits are only read)."""
    key = (i, actor1.country or None)
    if seen is not None and key in seen:
        return seen[key]
    hits = [h for h in find_actors(doc, i, actor1.country or None, None)
            if h.kind not in (CIVILIANS, PROTESTERS, RIOTERS)]
    if seen is not None:
        seen[key] = hits
    return hits


def _about(doc: Document, i: int, actor1: Actor, role: str | None = None, seen: dict | None = None) -> bool | None:
    """Does sentence i speak of actor1 (as ``role`` when one is given and some actor holds it)? None when it names
    no armed actor at all (a pronoun: "ce que le mouvement a démenti")."""
    hits = _armed_hits(doc, i, actor1, seen)
    s, e = doc.sentences[i]
    words = _data().get("metonyms", {}).get(actor1.country or "", [])
    if words and re.search(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", fold(doc.text[s:e])):
        return True   # "Moscou a démenti", "the Kremlin denied"
    if role is not None:
        holders = [h for h in hits if hit_role(doc, h) == role]
        if holders:
            return any(_same(h.actor, actor1) for h in holders)
    if not hits:
        return None
    return any(_same(h.actor, actor1) for h in hits)


def _own_report(doc: Document, sents: list[int], actor1: Actor, seen: dict | None = None) -> Evidence | None:
    """The lead sentence reported by actor1's own side ("…, a annoncé le Centcom", "the RSF said"), not about an
    arrest (an arrest announced by the police is a confirmation)."""
    for i in sents[:1]:
        s, e = doc.sentences[i]
        if _arrest_acts().search(fold(doc.text[s:e])):
            continue
        for h in _armed_hits(doc, i, actor1, seen):
            if _same(h.actor, actor1) and hit_role(doc, h) in (SOURCE, CLAIMER):
                return doc.evidence(s, e)
    return None


def claim_told_apart(doc: Document, sentences: list[int], actor1: Actor) -> Evidence | None:
    """A claim by actor1's own side in a sentence that tells no incident of its own, apart from the incident's
    sentences ("Le Centcom a confirmé avoir frappé le port", "L'armée a affirmé avoir « éliminé un terroriste »"):
    the side that speaks (source or claimer) is actor1's, and what it says is a claim."""
    if _unnamed(actor1) or generic_actor(actor1):
        return None
    seen: dict = {}
    for i in sentences:
        if "claimed" not in _statuses(doc.text[slice(*doc.sentences[i])]):
            continue
        if any(_same(h.actor, actor1) and hit_role(doc, h) in (SOURCE, CLAIMER)
               for h in _armed_hits(doc, i, actor1, seen)):
            return doc.evidence(*doc.sentences[i])
    return None


_STATE = ("Military Forces", "Police Forces", "Government of")


def _rival_report(doc: Document, sents: list[int], actor1: Actor, seen: dict | None = None) -> Evidence | None:
    """The lead sentence reported by another state's side, actor1 being a state's forces ("Russia said Ukrainian
    drones hit Shebekino", "Kyiv said Russian missiles struck"): the strike is what its enemy accuses it of."""
    if not actor1.name.startswith(_STATE) or not actor1.country:
        return None
    for i in sents[:1]:
        s, e = doc.sentences[i]
        for h in _armed_hits(doc, i, actor1, seen):
            if h.actor.name.startswith(_STATE) and h.actor.country and h.actor.country != actor1.country \
                    and hit_role(doc, h) == SOURCE:
                return doc.evidence(s, e)
    return None


def attribution(doc: Document, sent_indices: list[int], actor1: Actor | None) -> Slot[str]:
    """Attribution status of an incident told in ``sent_indices``: claimed, confirmed, accused, denied or
    unattributed; the evidence is the sentence holding the deciding cue."""
    order = _config()[0]
    found = find_cues(doc, sent_indices)
    if actor1 is None:
        pass   # no actor read: the cues as they are
    elif _unnamed(actor1):   # no perpetrator identified: only a claim says who did it
        found = {k: v for k, v in found.items() if k == "claimed"}
    else:
        seen: dict = {}   # armed actors per sentence, read once for this incident
        if "claimed" not in found:
            own = _own_report(doc, list(sent_indices), actor1, seen)
            if own is not None:
                found["claimed"] = [own]
        if not found:
            rival = _rival_report(doc, list(sent_indices), actor1, seen)
            if rival is not None:
                found["accused"] = [rival]
        if "denied" in found or "accused" in found:
            generic = generic_actor(actor1)
            found["accused"] = [ev for ev in found.get("accused", [])
                                if _about(doc, ev.sentence, actor1, ACCUSED, seen) in ((True,) if generic else (True, None))]
        # a denial by actor1 anywhere in the document answers the accusation
        others = [i for i in range(len(doc.sentences)) if i not in set(sent_indices)]
        denials = [ev for ev in found.get("denied", []) if _about(doc, ev.sentence, actor1, seen=seen) is not False]
        denials += [ev for ev in find_cues(doc, others).get("denied", []) if _about(doc, ev.sentence, actor1, seen=seen)]
        found["denied"] = denials
        if not generic_actor(actor1) and not any(found.get(k) for k in ("claimed", "confirmed", "denied", "accused")):
            found["accused"] = _silences(doc, actor1, seen)
        found = {k: v for k, v in found.items() if v}
    for status in order:
        if status in found:
            others = [s for s in order if s in found and s != status]
            reason = f"cue for '{status}'" + (f" (outweighs {', '.join(others)})" if others else "")
            if actor1 is not None:
                reason += f"; actor1 {actor1.name}"
            return Slot(status, found[status], reason)
    if not _unnamed(actor1):
        return Slot("confirmed", [], f"{actor1.name} named as the perpetrator, undisputed")
    return Slot("unattributed", [], "no claim, confirmation, accusation or denial in the incident's sentences")
