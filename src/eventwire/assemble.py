"""In-document assembly: event mentions of one article → incidents (Events), background split off.

Wire copy puts the news in the lead; later sentences either add details to a lead incident, report
another current incident (own place or date), or recall older events. Mentions are clustered by
compatibility (event family, own place, own date); a mention dated clearly before the lead incident
becomes background. Another day is another incident when the sub-event types differ (ACLED's one-day
rule; a one-day gap with the same type is tolerated, relative dates being often a day off), and a
sentence that announces another incident ("le même jour", "elsewhere", "in a neighbouring village")
starts one unless it only adds details with the same type (demonstrations: see mentions' details).
"""
from __future__ import annotations

import copy
import hashlib
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from .extract.actors import fold
from .extract.attribution import find_cues
from .extract.casualties import TOWN_PART, find_counts, in_heading_line
from .extract.dates import REPORTING_DAY, reference_date, weekday_of
from .extract.mentions import (ANOTHER_DAY, DEMONSTRATION_TYPES, HEADLINE_CLAUSE, OWN_TYPE_TOLD_BEFORE, PAST_PERFECT,
                               arrested_hours_after,
                               cues, doc_lang as _lang, headline_clauses, headline_names, names_in, other_statement,
                               roundup, toll_part)
from .extract.patterns import has_word
from .extract.typing_rules import lexicon, normalise
from .extract.weapons import weapons
from .geo.distance import haversine
from .geo.gazetteer import LOCATED_BY_AREA
from .geo.locate import ROLE_ONLY
from .ingest.dateline import parse_dateline
from .model import AGGREGATE, BACKGROUND, EVENT, SUB_TO_TYPE, DateValue, Document, Event, Mention, Place, Slot

DEMONSTRATIONS = DEMONSTRATION_TYPES
MAX_KM_SAME_PLACE = 50.0
BACKGROUND_DAYS = 3  # a mention dated this many days before the lead incident is background
DAY_BEFORE_DAYS = 2   # "la veille" of the lead incident (counted from it or from the reporting day)
OTHER_INCIDENT_DAYS = 7   # an incident told apart ("par ailleurs") this many days before the lead is news too
NEVER_VAGUE = ("en.prisoner_exchange", "fr.prisoner_exchange")   # triggers of incidents with no toll and often only
# a country: see _vague


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    context: list[int] = field(default_factory=list)  # sentences with no mention that follow it
    summaries: set[int] = field(default_factory=set)  # sentences that sum up several incidents (no toll of its own)
    several: bool = False   # one of several incidents a lead told at once, opened at a place the gazetteer lacks

    @property
    def lead(self) -> Mention:
        for m in self.mentions:
            if m.kind_reason != "anaphoric":
                return m
        return self.mentions[0]

    @property
    def sentences(self) -> list[int]:
        seen: list[int] = []
        for m in self.mentions:
            if m.sentence not in seen:
                seen.append(m.sentence)
        return seen


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (inf when one lacks coordinates)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    return haversine(a.latitude, a.longitude, b.latitude, b.longitude)


def local(slot: Slot, m: Mention) -> bool:
    """True when the slot's value was read in the mention's own sentence."""
    return bool(slot) and any(e.sentence == m.sentence for e in slot.evidence)


def _before_its_report(a: Mention, b: Mention) -> bool:
    """Two mentions in adjacent sentences, one dated only by the day the news was reported ("ont enlevé ... des
    villageois, ont indiqué lundi des habitants") and the next telling a day before it ("... dans la nuit de samedi
    à dimanche"): the incident and the details that date it, not two incidents."""
    if abs(a.sentence - b.sentence) != 1:
        return False
    ra, rb = (x.date.reason.startswith(REPORTING_DAY) for x in (a, b))
    if ra == rb:
        return False
    report, told = (a, b) if ra else (b, a)
    return told.date.value.day <= report.date.value.day


def places_conflict(a: Place, b: Place) -> bool:
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return True
    if a.geo_precision >= 3 or b.geo_precision >= 3 or a.kind == "country" or b.kind == "country":
        return bool(a.admin1 and b.admin1 and a.admin1 != b.admin1 and a.kind != "country"
                    and b.kind != "country")
    return km(a, b) > MAX_KM_SAME_PLACE


def region_named(head: Mention, m: Mention) -> bool:
    """The headline names the province by its bare name, which is also its capital's ("IED kills four police in
    Mandera" over "near Elwak in Mandera County", "Mob kills trader in Sokoto" over "in Gwadabawa town, Sokoto State"):
    the headline's town is read as that province, the body's place within it."""
    if head.sentence != 0 or not (local(head.place, head) and local(m.place, m)) or m.sentence == 0:
        return False
    a, b = head.place.value, m.place.value
    return a.kind == "city" and b.kind != "country" and a.country_code == b.country_code \
        and bool(b.admin1) and fold(a.location) == fold(b.admin1) and fold(b.location) != fold(a.location)


def dates_conflict(a: DateValue, b: DateValue, same_type: bool = True) -> bool:
    """Two day-precise dates of different incidents: more than a day apart, or another day when the
    sub-event types differ."""
    if a.precision > 1 or b.precision > 1:
        return False
    return abs((a.day - b.day).days) > (1 if same_type else 0)


def _arrest_after(c: Cluster, m: Mention) -> bool:
    """An arrest told in a sentence of its own after an incident that is neither an arrest nor a demonstration."""
    return m.sub_event_type.value == "Arrests" and c.lead.sub_event_type.value != "Arrests" \
        and (c.lead.event_type.value or "") not in DEMONSTRATIONS and m.sentence not in c.sentences


def _arrest_apart(doc: Document, c: Cluster, m: Mention) -> bool:
    """Arrests a force announces in a sentence of its own after an attack or a clash ("police said it arrested four
    men for extremist violence") are an incident of their own (ACLED codes them as a Strategic development); the arrest of
    the incident's own culprits ("police arrested the attacker", "days later") ends its story, and arrests at a
    demonstration or a riot are its intervention."""
    if not _arrest_after(c, m):
        return False
    text, said = _sentence(doc, m.sentence), cues(_lang(doc))
    return (bool(said.arrest_told.search(text)) or local(m.place, m)) and not said.arrest_of_culprits.search(text)


def _arrested_hours_after(doc: Document, c: Cluster, m: Mention) -> bool:
    """An arrest told in a sentence of its own as made hours after a demonstration ("interpellé chez lui quelques
    heures après la manifestation", "arrested at his home a few hours after the protest"): not the demonstration's
    policing, an incident of its own."""
    return (c.lead.event_type.value or "") in DEMONSTRATIONS \
        and arrested_hours_after(doc, m.sub_event_type.value, m.sentence, c.sentences)


def _culprits_arrested(doc: Document, c: Cluster, m: Mention) -> bool:
    """The arrest of the incident's own culprits ("the perpetrators were arrested two days later"), whatever day
    it took place."""
    return _arrest_after(c, m) and bool(cues(_lang(doc)).arrest_of_culprits.search(_sentence(doc, m.sentence)))


def _target(m: Mention) -> str | None:
    """Whom the rules found the mention's incident hit: 'armed' (soldiers, police officers, fighters named as its
    victims), 'civilian', or None when no rule said."""
    why = m.sub_event_type.reason
    if any(f"+ {r}" in why for r in ("armed-victim", "armed-ambushed")):   # (a post or a station is no victim)
        return "armed"
    return "civilian" if ("+ civilian-target" in why or "+ civilian-victim" in why) else None


def _other_target(c: Cluster, m: Mention) -> bool:
    """An attack on civilians and, in another sentence, an attack on armed men (police officers "agressés par des
    civils armés" after "cinq hommes retrouvés assassinés") are two incidents: ACLED codes them apart."""
    mine = _target(m)
    if mine is None or m.sentence in c.sentences:
        return False
    theirs = {_target(o) for o in c.mentions} - {None}
    return bool(theirs) and mine not in theirs


STRIKE_MEANS = {"Air/drone strike", "Shelling/artillery/missile attack"}
PLANTED_MEANS = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}
PLANTED_WEAPONS = {"IED", "car bomb", "landmine", "suicide bomb", "grenade"}   # (names of data/weapons.yaml)
STRIKE_WEAPONS = {"drone", "rocket", "mortar", "artillery", "missile", "aircraft", "helicopter"}


def _other_weapon(doc: Document, c: Cluster, m: Mention) -> bool:
    """A strike from the air and fire from the ground (drones on a barracks, then rockets on a region "blessant
    deux personnes"), each told in a sentence of its own with a place or a toll of its own, are two incidents:
    ACLED codes one event per means of attack. A sentence that refers back ("the shelling") is a detail, and so is
    one that tells the incident's toll again with another word for the strikes."""
    mine = m.sub_event_type.value
    if mine not in STRIKE_MEANS or m.sentence in c.sentences:
        return False
    theirs = {o.sub_event_type.value for o in c.mentions}
    if mine in theirs or not theirs <= STRIKE_MEANS:
        return False
    tolls = _tolls(doc, m.sentence)
    if tolls and tolls <= {t for o in c.mentions for t in _tolls(doc, o.sentence)}:
        return False   # the incident's toll told again ("15 civilians killed ... in air strikes"): the same one
    return bool(tolls) or (local(m.place, m) and _town(m.place.value))


def _tolls(doc: Document, sentence: int) -> set[tuple[str, int]]:
    return {(h.kind, h.value) for h in find_counts(doc, sentence) if h.kind in ("killed", "injured") and h.value > 0}


def _aftermath(m: Mention) -> bool:
    """Houses burnt and shops looted, told with no place or day of their own after an attack ("des maisons ont par
    ailleurs été incendiées"), are what that attack did, not another incident."""
    return m.sub_event_type.value == "Looting/property destruction" and not local(m.place, m) \
        and not local(m.date, m)


def _weekdays_apart(doc: Document, a: Mention, b: Mention, same_type: bool) -> bool:
    """Two mentions told on other weekdays that the article leaves unanchored ("mardi" ... "Mercredi, des tirs
    d'artillerie ..." in a page that gives only its month): as for resolved days, another day and another type,
    or more than a day apart, are two incidents."""
    if not (local(a.date, a) and local(b.date, b) and a.date.evidence and b.date.evidence) \
            or a.date.value.precision == 1 or b.date.value.precision == 1:
        return False
    wa, wb = (weekday_of(_lang(doc), x.date.evidence[0].text or "") for x in (a, b))
    if wa is None or wb is None or wa == wb:
        return False
    gap = min((wa - wb) % 7, (wb - wa) % 7)
    return gap > (1 if same_type else 0)


def _sentence(doc: Document, i: int) -> str:
    """Sentence i of the document, normalised for the cue patterns."""
    s, e = doc.sentences[i]
    return normalise(doc.text[s:e])


def new_incident_cue(doc: Document, m: Mention, which: str = "new_incident") -> bool:
    """The mention's sentence announces another incident ("le même jour", "elsewhere", "separately"; with
    ``which="another_incident"``: "une autre attaque", "another strike")."""
    if not doc.sentences or m.sentence >= len(doc.sentences):
        return False
    return any(rx.search(_sentence(doc, m.sentence)) for rx in getattr(cues(_lang(doc)), which))


def _day_after(doc: Document, c: Cluster, m: Mention) -> bool:
    """The mention's sentence tells its incident on a day counted from the one told before ("Le lendemain, ...
    sont revenus piller", "a drone strike the next day"): with another sub-event type, another incident; not
    the arrest of the incident's culprits ("The perpetrators were arrested two days later")."""
    return new_incident_cue(doc, m, "relative_day") and not _culprits_arrested(doc, c, m)


def compatible(c: Cluster, m: Mention, doc: Document | None = None) -> bool:
    """Can mention m be another telling of the cluster's incident?"""
    lead = c.lead
    if doc is not None and _own_list_item(doc, c, m):
        return False
    if m.kind_reason == "anaphoric":
        return True
    if m.kind_reason == ANOTHER_DAY and m.sentence not in c.sentences:
        return False
    fam_a, fam_b = lead.event_type.value or "", m.event_type.value or ""
    if (fam_a in DEMONSTRATIONS) != (fam_b in DEMONSTRATIONS):
        return False
    if doc is not None and fam_a not in DEMONSTRATIONS and m.sub_event_type.value != lead.sub_event_type.value \
            and (new_incident_cue(doc, m) or _day_after(doc, c, m)) and not _aftermath(m):
        return False
    if doc is not None and new_incident_cue(doc, m, "another_incident") and _told_apart(doc, m):
        return False
    if doc is not None and new_incident_cue(doc, m) and _own_town_apart(c, m):
        return False
    if doc is not None and _fronted_other_place(doc, c, m):
        return False
    if doc is not None and _unresolved_elsewhere(doc, c, m):
        return False
    if doc is not None and _arrest_apart(doc, c, m):
        return False
    if doc is not None and _toll_part_apart(doc, c, m):
        return False
    if doc is not None and _culprits_arrested(doc, c, m):
        return True   # "the perpetrators were arrested two days later": the end of the incident's story
    if _other_target(c, m):
        return False
    if doc is not None and _other_weapon(doc, c, m):
        return False
    for other in c.mentions:
        if local(other.place, other) and local(m.place, m) and places_conflict(other.place.value, m.place.value) \
                and not region_named(other, m) and not region_named(m, other):
            return False
        if doc is not None and other.sentence != m.sentence and _separate_towns(doc, other, m):
            return False
        same = other.sub_event_type.value == m.sub_event_type.value
        if local(other.date, other) and local(m.date, m) and dates_conflict(other.date.value, m.date.value, same) \
                and not _before_its_report(other, m):
            return False
        if doc is not None and _weekdays_apart(doc, other, m, same):
            return False
    return True


LIST_ITEM = re.compile(r"^[ \t]*(?:--|[-–—•·*▪])[ \t]+", re.M)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=256)
def _list_items(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the list items ("-- In Austin, ...", "• À Goma, ..."): an item opens a line and
    runs to the next item or to the end of its paragraph (a blank line), whichever comes first. A list has two
    items at least, one right after the other: a lone bulleted line ("· Publié le · Mis à jour le") is page
    furniture, not a list."""
    starts = [x.start() for x in LIST_ITEM.finditer(text)]
    items = []
    for i, start in enumerate(starts):
        brk = PARAGRAPH_BREAK.search(text, start)
        end = min(starts[i + 1] if i + 1 < len(starts) else len(text), brk.start() if brk else len(text))
        items.append((start, end))

    def next_to(a: tuple[int, int], b: tuple[int, int]) -> bool:   # b right after a (blank lines allowed)
        return not text[a[1]:b[0]].strip()

    return tuple(x for i, x in enumerate(items)
                 if (i and next_to(items[i - 1], x)) or (i + 1 < len(items) and next_to(x, items[i + 1])))


def _list_item(doc: Document, offset: int) -> int:
    """Which list item (1, 2, ...) the offset lies in; 0 outside every item (before the first one, or in the
    paragraphs after a list: a bulleted menu or error block above the article does not make the article an item)."""
    items = _list_items(doc.text)
    k = bisect_right([start for start, _ in items], offset)
    return k if k and offset < items[k - 1][1] else 0


def _own_list_item(doc: Document, c: Cluster, m: Mention) -> bool:
    """A list whose items each tell a place ("Here is where arrests were made: -- In Austin ... -- At Tulane
    ...") enumerates incidents: a mention with its own place in an item where the incident is not told is
    another incident."""
    item = _list_item(doc, m.trigger.start)
    if item == 0 or not local(m.place, m):
        return False
    return all(_list_item(doc, o.trigger.start) != item for o in c.mentions)


def own_incident(doc: Document, c: Cluster, m: Mention) -> bool:
    """An anaphoric mention that tells another incident after all: its sentence announces one, or its own
    day or named town differs from the incident's while its own sub-event type is none of the incident's."""
    if _demonstration_elsewhere(c, m) or _own_list_item(doc, c, m):
        return True
    if new_incident_cue(doc, m, "another_incident") and m.sentence not in c.sentences and _told_apart(doc, m):
        return True
    if _fronted_other_place(doc, c, m) and _own_toll(doc, m):
        return True
    if _unresolved_elsewhere(doc, c, m):
        return True
    if _arrest_apart(doc, c, m) or _arrested_hours_after(doc, c, m):
        return True
    if any(m.sub_event_type.value == o.sub_event_type.value for o in c.mentions):
        # an anaphor typed as the incident whose own words tell another type ("la défense antiaérienne avait
        # abattu des drones" after a missile strike) on a day or in a town of its own: another incident
        return _own_words_apart(doc, c, m)
    if new_incident_cue(doc, m):
        return True
    return _told_elsewhere(c, m)


def _own_words_apart(doc: Document, c: Cluster, m: Mention) -> bool:
    """An anaphor typed as the incident whose own words tell an event of another ACLED type ("la défense
    antiaérienne avait abattu des drones" after a missile strike), or another means of attack (a charge planted, "tué
    mardi par l'explosion d'un engin piégé", after a strike from afar), on a day or in a town of its own: another
    incident. Within one type and one means (a "manifestation", "des combats", "des frappes") the words are not told
    apart."""
    own = m.own_sub_event_type
    return own is not None and all(_other_means(doc, m, own, o) for o in c.mentions) \
        and _placed_below_country(m) and _told_elsewhere(c, m)


def _other_means(doc: Document, m: Mention, own: str, o: Mention) -> bool:
    """The sub-event type ``own`` of mention m is of another ACLED type than o's, or another means of attack that m's
    sentence names by its weapon: a strike from afar (from the air or the ground: words often mixed, "frappes",
    "bombardements") against a charge planted or carried ("un engin piégé", "a roadside bomb", a grenade); a bare
    "explosion" or "déflagrations" names neither."""
    if SUB_TO_TYPE[own] != o.event_type.value:
        return True
    theirs = o.sub_event_type.value
    if not (own in PLANTED_MEANS and theirs in STRIKE_MEANS or own in STRIKE_MEANS and theirs in PLANTED_MEANS):
        return False
    named = set(weapons(doc, [m.sentence]).value or ())
    return bool(named & (PLANTED_WEAPONS if own in PLANTED_MEANS else STRIKE_WEAPONS))


def _placed_below_country(m: Mention) -> bool:
    """The mention names a place of its own below the country ("over the north, south and east of the country" is
    a tally of a night's interceptions, not an incident)."""
    return local(m.place, m) and m.place.value is not None and m.place.value.kind != "country"


def _told_elsewhere(c: Cluster, m: Mention) -> bool:
    """The mention's own day or precise town is none of the incident's."""
    for other in c.mentions:
        if local(other.date, other) and local(m.date, m) and dates_conflict(other.date.value, m.date.value, False) \
                and not _before_its_report(other, m):
            return True
        if local(other.place, other) and local(m.place, m) and _precise(other.place.value) \
                and _precise(m.place.value) and places_conflict(other.place.value, m.place.value):
            return True
    return False


def _own_town_apart(c: Cluster, m: Mention) -> bool:
    """The mention's sentence names its own town, neither inside nor around any place the incident's sentences name:
    with a sentence that announces another incident ("Plus tard dans la matinée, une frappe a touché une maison à
    Kfar Kila" after a drone strike in Bint Jbeil, "Elsewhere, gunmen killed two farmers in X"), another incident
    even of the same type."""
    if not (local(m.place, m) and _town(m.place.value)):
        return False
    theirs = [o.place.value for o in c.mentions if local(o.place, o) and o.place.value is not None]
    return bool(theirs) and all(_apart(m.place.value, t) for t in theirs)


def _told_apart(doc: Document, m: Mention) -> bool:
    """"Another attack" is another incident when the sentence gives it a place, a day or a toll of its own; "a
    second strike hit near a market" with none of them is the next blow of the same raid."""
    return local(m.place, m) or local(m.date, m) or _own_toll(doc, m)


MIN_KM_OTHER_TOWN = 5.0  # two towns this far apart, each with its own toll, are two incidents


def _town(p: Place | None) -> bool:
    return p is not None and p.geo_precision == 1 and p.kind not in ("country", "admin1", "admin2")


def _separate_towns(doc: Document, a: Mention, b: Mention) -> bool:
    """Two mentions in other sentences, each naming its own town and its own toll ("four killed in Nizi" ...
    "eleven killed in the villages of Liko and Lai"), tell two incidents even when the towns are close."""
    if not (local(a.place, a) and local(b.place, b) and _town(a.place.value) and _town(b.place.value)):
        return False
    if a.place.value.location == b.place.value.location or km(a.place.value, b.place.value) < MIN_KM_OTHER_TOWN \
            or region_named(a, b) or region_named(b, a):
        return False
    return _own_toll(doc, a) and _own_toll(doc, b)


def _fronted_other_place(doc: Document, c: Cluster, m: Mention) -> bool:
    """A sentence that opens on a place of its own ("Dans la communauté de Yar Tasha, des hommes armés ont tué ...",
    "In the village of X, gunmen ...") where no mention of the incident was told, and that is neither inside nor
    around the incident's places, opens another incident: news copy lists incidents that way."""
    if not (local(m.place, m) and m.place.evidence) or m.sentence in c.sentences:
        return False
    s0 = doc.sentences[m.sentence][0]
    fronted = cues(_lang(doc)).fronted_place.match(_sentence(doc, m.sentence))
    if fronted is None or not s0 <= m.place.evidence[0].start < s0 + fronted.end():
        return False
    mine = m.place.value
    if mine.kind in ("country", "admin1"):
        return False
    theirs = [o.place.value for o in c.mentions if local(o.place, o)]
    return bool(theirs) and all(_apart(mine, t) for t in theirs)


UNRESOLVED_RELATIONS = ("in", "near", "part")   # how a sentence names a place the gazetteer lacks as a scene
SPELLING_MIN_CHARS, SPELLING_RATIO = 8, 85   # a long name this close to one the incident told is another spelling


@lru_cache(maxsize=512)
def _unresolved_in(text: str, lang: str) -> tuple[str, ...]:
    """The places a sentence names as a scene ("à Torbung", "near the village of Hawaij", "the Bariire base") that
    the gazetteer lacks, or finds only through the area named with them ("à Saiton dans le district de X"); a
    neighbourhood, a street or a market (data: sub_place) is a part of a town, not a scene of its own."""
    from .geo.gazetteer import NO_PLACE_FOR, get_gazetteer  # noqa: PLC0415
    sub = cues(lang).sub_place
    hits = get_gazetteer().spot(text, lang)
    found = [_name_key(h.surface) for h in hits if h.candidates and LOCATED_BY_AREA not in h.reason]
    out: list[str] = []
    for h in hits:
        lacking = (not h.candidates and h.reason.startswith(NO_PLACE_FOR)) or LOCATED_BY_AREA in h.reason
        if not lacking or not (h.relation in UNRESOLVED_RELATIONS or h.hint in ("city", "facility")):
            continue
        if any(_name_key(h.surface) in k for k in found):
            continue   # "the Petion Ville" beside "the Petion-Ville neighbourhood": a spelling of a place found
        after = re.split(r"[.;:!?]", text[h.end:h.end + 60])[0]   # "Laboule and Thomassin, two neighbourhoods"
        if sub.search(text[max(0, min(h.span_start, h.start - 25)):h.start]) or sub.search(after):
            continue
        out.append(h.surface)
    return tuple(out)


def _name_key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", fold(name)).strip()


def _unresolved_names(doc: Document, i: int) -> tuple[str, ...]:
    s, e = doc.sentences[i]
    return _unresolved_in(doc.text[s:e], _lang(doc))


def _names_told(doc: Document, sentences: list[int], names: tuple[str, ...]) -> bool:
    """One of the names is told in one of the sentences (folded, as a word)."""
    keys = [k for k in (_name_key(n) for n in names) if k]
    for i in sentences:
        text = _name_key(doc.text[slice(*doc.sentences[i])])
        if any(has_word(text, k) for k in keys):
            return True
        if any(len(k) >= SPELLING_MIN_CHARS and fuzz.partial_ratio(k, text) >= SPELLING_RATIO for k in keys):
            return True   # "Sistan-et-Baloutchistan" after "Sistan-Baloutchistan": another spelling
    return False


def _new_toll(doc: Document, c: Cluster, m: Mention) -> bool:
    """The mention's sentence tells a toll that none of the incident's sentences tells."""
    tolls = _tolls(doc, m.sentence)
    return bool(tolls) and not tolls <= {t for o in c.mentions for t in _tolls(doc, o.sentence)}


def _own_stake(doc: Document, c: Cluster, m: Mention) -> bool:
    """The mention tells something of its own beside the incident: a toll the incident's sentences do not tell, a
    target of its own (armed men, civilians), or another sub-event type (not the aftermath of an attack)."""
    if _new_toll(doc, c, m):
        return True
    why = m.sub_event_type.reason
    if "-target" in why or _target(m) is not None:
        return True
    return not _aftermath(m) and m.sub_event_type.value not in {o.sub_event_type.value for o in c.mentions}


def _unresolved_elsewhere(doc: Document, c: Cluster, m: Mention) -> bool:
    """A sentence naming a scene the gazetteer lacks ("Les militants ont ouvert le feu ... à Torbung", "une roquette
    sur un poste près du village de Hawaij") that none of the incident's sentences names, with a toll, a target or
    a sub-event type of its own, tells another incident when the incident is told as several incidents over an area
    ("plusieurs attaques ... dans le gouvernorat de X", "deux rencontres distinctes dans le district de Y"); when the
    incident has a scene of its own (a town, or a place the gazetteer lacks too), only a sentence that opens on the
    name and tells a toll of its own does ("Dans le village de Koutougou, trois civils ont été tués"): the rules
    that keep towns apart cannot fire without coordinates. The same name told again (or spelt otherwise), "the
    village", a neighbourhood or a street of the town stay details of the incident. (Any sentence naming such a
    scene with a toll of its own after a placed incident split one of the untouched real pages wrongly.)"""
    if m.sentence in c.sentences or not doc.sentences:
        return False
    names = _unresolved_names(doc, m.sentence)
    if not names or _names_told(doc, c.sentences, names) or not _own_stake(doc, c, m):
        return False
    if local(m.place, m) and _town(m.place.value) and any(
            local(o.place, o) and not _apart(m.place.value, o.place.value) for o in c.mentions):
        return False   # the sentence also names the incident's own town
    scene = any(local(o.place, o) and _town(o.place.value) for o in c.mentions) or \
        any(_unresolved_names(doc, i) for i in c.sentences)
    if scene and _fronted_unresolved(doc, m, names) and _new_toll(doc, c, m):
        return True
    return c.several or _plural_told(doc, c)


def _plural_told(doc: Document, c: Cluster) -> bool:
    """One of the incident's sentences tells several incidents at once ("plusieurs attaques", "two encounters")."""
    plural = cues(_lang(doc)).plural_incidents
    return any(plural.search(doc.text[slice(*doc.sentences[i])]) for i in c.sentences)


def _fronted_unresolved(doc: Document, m: Mention, names: tuple[str, ...]) -> bool:
    """The sentence opens on one of the names ("Dans le village de Koutougou, ...", "At the Bariire base, ...")."""
    fronted = cues(_lang(doc)).fronted_place.match(_sentence(doc, m.sentence))
    if fronted is None:
        return False
    head = _name_key(fronted.group(0))
    return any(has_word(head, _name_key(n)) for n in names)


def _apart(a: Place, b: Place) -> bool:
    """Two places of which neither is the other nor lies in the other."""
    if b.kind in ("country", "admin1"):
        return False
    names = {a.location, a.admin2, a.admin3} - {""}
    return a.location != b.location and b.location not in names and a.location not in {b.admin2, b.admin3} \
        and km(a, b) >= MIN_KM_OTHER_TOWN


def _own_toll(doc: Document, m: Mention) -> bool:
    """The mention's sentence states a toll."""
    return any(h.kind in ("killed", "injured") and h.value > 0 for h in find_counts(doc, m.sentence))


def _demonstration_elsewhere(c: Cluster, m: Mention) -> bool:
    """A demonstration told in another town than every town of the incident it refers to ("la police a également
    dispersé des manifestants à Mombasa") is the demonstration of that town: ACLED codes one event per place."""
    if (m.event_type.value or "") not in DEMONSTRATIONS or not (local(m.place, m) and _town(m.place.value)) \
            or not _named_as_found(m.place):
        return False
    towns = [o.place.value for o in c.mentions if local(o.place, o) and _town(o.place.value)]
    # a town of another country is more likely a misread street ("place de la Nation") than a demonstration abroad
    return bool(towns) and all(places_conflict(t, m.place.value) and t.country_code == m.place.value.country_code
                               for t in towns)


def _named_as_found(place: Slot) -> bool:
    """The town found is the one the text names (not a guess from a spelling variant: "place de la Nation" is no
    "Nanton")."""
    words = " ".join(e.text for e in place.evidence)
    return fuzz.partial_ratio(fold(place.value.location), fold(words)) >= 85


def _demonstration_here(c: Cluster, m: Mention) -> bool:
    """The cluster is a demonstration in the mention's own town."""
    if (m.event_type.value or "") not in DEMONSTRATIONS or (c.lead.event_type.value or "") not in DEMONSTRATIONS \
            or not (local(m.place, m) and _town(m.place.value)):
        return False
    return any(local(o.place, o) and _town(o.place.value) and not places_conflict(o.place.value, m.place.value)
               for o in c.mentions)


def _precise(p: Place) -> bool:
    return p.kind != "country" and p.geo_precision < 3


def mark_dated_background(mentions: list[Mention], doc: Document | None = None) -> None:
    """Event mentions dated clearly before the first incident of the article are background. The first incident is
    the first one that gives its own day: an undated headline only carries the publication day. Not one told as
    another incident ("Par ailleurs, trois pêcheurs ont été enlevés mercredi dernier près de X") within a week of
    it, at a precise place of its own: news copy adds the other incidents of the week that way."""
    events = [m for m in mentions if m.kind == EVENT]
    lead = next((m for m in events if m.date and m.date.value is not None and m.date.value.precision == 1
                 and local(m.date, m)), None)
    if lead is None:
        return
    if doc is not None:
        for m in mentions:
            if m.sentence > lead.sentence and _the_day_before_elsewhere(doc, lead, m):
                m.kind, m.kind_reason = EVENT, f"{m.kind_reason}, but at a place and with a toll of its own"
        events = [m for m in mentions if m.kind == EVENT]
    for m in events[events.index(lead) + 1:]:
        d = m.date.value
        if local(m.date, m) and d.precision == 1 and (lead.date.value.day - d.day).days > BACKGROUND_DAYS \
                and not (doc is not None and _another_of_the_week(doc, lead, m)):
            m.kind = BACKGROUND
            m.kind_reason = f"dated {d.day.isoformat()}, before the lead incident ({lead.date.value.day})"


def _the_day_before_elsewhere(doc: Document, lead: Mention, m: Mention) -> bool:
    """"La veille, un convoi avait été attaqué près de X, à 60 km de là. Un chauffeur a été tué": an incident of
    the day before told in the past perfect, in a town apart from the lead's with a toll of its own (in its
    sentence or the next), is news too; one with neither ("la veille, le groupe avait revendiqué des tirs") is
    the background of the lead."""
    if m.kind != BACKGROUND or not m.kind_reason.startswith(PAST_PERFECT) \
            or not cues(_lang(doc)).day_before.search(_sentence(doc, m.sentence)):
        return False
    d = m.date.value
    if d is None or d.precision != 1 or not 0 <= (lead.date.value.day - d.day).days <= DAY_BEFORE_DAYS:
        return False   # its day is not the day before the lead's (the article counts back from another one)
    if not (local(m.place, m) and m.place.value is not None and _precise(m.place.value)
            and m.place.value.kind not in ("admin1", "admin2")):
        return False
    if not (local(lead.place, lead) and lead.place.value is not None and _apart(m.place.value, lead.place.value)):
        return False
    return any(h.kind in ("killed", "injured") and h.value > 0
               for i in (m.sentence, m.sentence + 1) if i < len(doc.sentences) for h in find_counts(doc, i))


def _another_of_the_week(doc: Document, lead: Mention, m: Mention) -> bool:
    return (lead.date.value.day - m.date.value.day).days <= OTHER_INCIDENT_DAYS and new_incident_cue(doc, m) \
        and local(m.place, m) and m.place.value is not None and _precise(m.place.value)


def cluster_mentions(doc: Document, mentions: list[Mention]) -> list[Cluster]:
    """Group event mentions into incidents; attach mention-less sentences as context. A headline (or a lead) that
    sums up several incidents the body tells one by one leads none of them: see ``_summaries_apart``."""
    _recalled_anaphors(mentions)
    events = sorted((m for m in mentions if m.kind == EVENT), key=lambda m: (m.sentence, m.trigger.start))
    clusters = _summaries_apart(doc, events) or _cluster(doc, events)
    taken = {m.sentence for m in mentions}
    recalled = sorted({m.sentence for m in mentions if m.kind == BACKGROUND})
    for i in range(len(doc.sentences)):
        if i not in taken and clusters:
            c = _nearest_before(clusters, i)
            last = max((x for x in c.sentences if x <= i), default=-1) if c is not None else -1
            # once the article turns to an older story or a count of incidents, what follows tells that story
            if c is not None and not any(last < r < i for r in recalled) and not _other_list_item(doc, c, i):
                c.context.append(i)
    return clusters


def _other_list_item(doc: Document, c: Cluster, i: int) -> bool:
    """Sentence i opens or lies in an item of a list ("-- Campus police entered an encampment at ...") where none
    of the incident's mentions is told: list items enumerate incidents, so the item's actors, toll and day are not
    the details of an incident told in another item (see ``_own_list_item``)."""
    item = _list_item(doc, doc.sentences[i][0])
    return item > 0 and all(_list_item(doc, m.trigger.start) != item for m in c.mentions)


def _recalled_anaphors(mentions: list[Mention]) -> None:
    """An anaphor whose own words give another type than the incident it seems to refer to, told right after a
    recalled incident of that type ("The incident came a day after troops killed three Maoists in an encounter. The
    exchange of fire broke out when ..."), goes on telling the recalled incident: it is background too."""
    told = sorted(mentions, key=lambda m: (m.sentence, m.trigger.start))
    for m in told:
        own = m.own_sub_event_type
        if m.kind != EVENT or m.kind_reason != "anaphoric" or own is None or own == m.sub_event_type.value:
            continue
        before = [o for o in told if o.sentence < m.sentence]
        last = [o for o in before if o.sentence == before[-1].sentence] if before else []
        if any(o.kind == BACKGROUND and o.sub_event_type.value == own for o in last) \
                and not any(o.kind == EVENT and o.sub_event_type.value == own for o in last):
            m.kind, m.kind_reason = BACKGROUND, "anaphor of the recalled incident told just before"


ROUNDUP_SENTENCES = 2   # a round-up total is told in the lead: the first two sentences that tell incidents


def _summaries_apart(doc: Document, events: list[Mention]) -> list[Cluster]:
    """A headline whose clauses tell several incidents ("deux soldats tués par une bombe près de Tarmiyah, frappe de
    drone turque à Sinjar") and a lead's round-up total ("dix-neuf personnes tuées ce week-end dans une série de
    violences", "killed in separate attacks") sum up the incidents the body then tells one by one: when the body
    tells two incidents at least, each clause joins the body incident whose names it repeats (it does not lead it,
    nor give it its toll) and the round-up is no incident of its own (aggregate). [] when nothing is summed up, or
    the body tells one incident: the headline leads as it does for a single incident."""
    heads = headline_clauses(events)
    lead = sorted({m.sentence for m in events})[:ROUNDUP_SENTENCES]
    roundups = [m for m in events if m.sentence in lead and m.kind_reason != "anaphoric"
                and m not in heads and not _own_town(doc, m) and roundup(doc, m)]
    told_apart = {id(m): len(_towns_told_apart_in(doc, m, events)) for m in events if m.sentence in lead
                  and m.kind_reason != "anaphoric" and m not in heads and m not in roundups}
    areas = [m for m in events if told_apart.get(id(m), 0) >= 2]
    if not heads and not roundups and not areas:
        return []
    summed = {id(m) for m in heads + roundups + areas}
    body = [m for m in events if id(m) not in summed]
    clusters = _cluster(doc, body)
    if len(clusters) < 2:
        if not heads:
            return []
        # one incident after all: the headline leads it as one mention, its other clauses add to it
        clauses = {id(m) for m in heads if m.kind_reason == HEADLINE_CLAUSE}
        clusters = _cluster(doc, [m for m in events if id(m) not in clauses])
        for m in heads:
            if id(m) in clauses:
                home = next((c for c in clusters if any(o.sentence == m.sentence for o in c.mentions)),
                            clusters[0] if clusters else None)
                if home is None:
                    clusters.append(Cluster([m]))
                else:
                    home.mentions.append(m)
        return clusters
    for m in roundups:
        m.kind, m.kind_reason = AGGREGATE, "round-up: a total over the incidents the article tells one by one"
    for m in areas:
        m.kind, m.kind_reason = BACKGROUND, f"summary of {told_apart[id(m)]} incidents told apart"
    for m in heads:
        home = _clause_home(doc, m, clusters)
        if home is None:   # an incident only the headline tells as news (the body recalls it): it leads it
            clusters.append(Cluster([m]))
            continue
        m.kind_reason = HEADLINE_CLAUSE
        home.mentions.append(m)
        home.summaries.add(m.sentence)
    return clusters


def _towns_told_apart_in(doc: Document, m: Mention, events: list[Mention]) -> list[Mention]:
    """A lead telling a toll over an area ("neuf civils tués dans la région de Zaporijjia", "in the Sumy region")
    that the body then tells town by town, each town with its own toll ("À Orikhiv, six personnes ..." / "À
    Houliaïpole, trois autres ..."): those towns' mentions (one per town), else []. Such a lead sums them up: it
    leads none of them (placed in the area, it would otherwise lead the first town's incident, and sum the tolls)."""
    area = m.place.value
    if not (local(m.place, m) and area is not None and area.kind != "country" and not _town(area)
            and _own_toll(doc, m)):
        return []
    towns: list[Mention] = []
    for o in events:
        if o.sentence == m.sentence or o.event_type.value != m.event_type.value \
                or not _own_town(doc, o) or not _own_toll(doc, o) \
                or o.place.value.country_code != area.country_code or o.place.value.admin1 != area.admin1:
            continue
        if all(_separate_towns(doc, t, o) for t in towns):
            towns.append(o)
    return towns


def _own_town(doc: Document, m: Mention) -> bool:
    """The mention's sentence names its own town (the dateline's name is the news desk's, not the incident's)."""
    if not (local(m.place, m) and _town(m.place.value)):
        return False
    desk = fold(doc.dateline_place or parse_dateline(doc.text, doc.published).place or "")
    return not (desk and all(fold(e.text or "") == desk for e in m.place.evidence))


def _clause_home(doc: Document, m: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The body incident a headline clause sums up: one whose sentences repeat the clause's names, of the clause's
    sub-event type or at least its event type when several do; else the one body incident of its sub-event type."""
    names = headline_names(doc, m)
    told = [c for c in clusters if names and any(names_in(doc.text[slice(*doc.sentences[i])], names)
                                                 for i in c.sentences)]
    if not told:   # the body tells it without its names: the one incident of its type
        told = [c for c in clusters if c.lead.sub_event_type.value == m.sub_event_type.value]
        told = told if len(told) == 1 else []
    demo = (m.event_type.value or "") in DEMONSTRATIONS
    for same in (lambda c: c.lead.sub_event_type.value == m.sub_event_type.value,
                 lambda c: c.lead.event_type.value == m.event_type.value,
                 lambda c: ((c.lead.event_type.value or "") in DEMONSTRATIONS) == demo, lambda c: True):
        found = next((c for c in told if same(c)), None)
        if found is not None:
            return found
    return None


def _cluster(doc: Document, events: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for m in events:
        target = None
        if m.kind_reason == "anaphoric" and clusters:
            target = _nearest_before([c for c in clusters if not _stated_apart(doc, c, m)], m.sentence)
            target = _of_its_own_type_before(clusters, m) or target
            if target is not None and own_incident(doc, target, m):
                if _own_words_apart(doc, target, m):
                    _own_type(m)
                if _unresolved_elsewhere(doc, target, m):   # it leads its incident: later tellings join it by type
                    m.kind_reason = "own incident: told at a place of its own that the gazetteer lacks"
                # the demonstration of a town told before, if there is one
                target = next((c for c in clusters if c is not target and _demonstration_here(c, m)), None)
        else:
            target = _of_its_type([c for c in clusters if compatible(c, m, doc)], m)
        if target is None:
            # after a lead telling several incidents, one told at a place the gazetteer lacks is a sibling of the
            # next one told so ("deux rencontres ... Une rencontre à X ... à Y")
            clusters.append(Cluster([m], several=any(c.several or _plural_told(doc, c) for c in clusters)
                                    and bool(_unresolved_names(doc, m.sentence))))
        else:
            target.mentions.append(m)
    return clusters


def _of_its_own_type_before(clusters: list[Cluster], m: Mention) -> Cluster | None:
    """The incident an anaphor refers to by its own words' type when that is not the last incident's ("Les combats
    ont duré trois heures" after a clash, then an abduction, told in the lead): the last one told of that type."""
    if not m.sub_event_type.reason.startswith(OWN_TYPE_TOLD_BEFORE):
        return None
    return _nearest_before([c for c in clusters if c.lead.sub_event_type.value == m.sub_event_type.value], m.sentence)


def _of_its_type(candidates: list[Cluster], m: Mention) -> Cluster | None:
    """Of the incidents a mention may be another telling of, the first of its own sub-event type ("the Qassam
    Brigades claimed to have blown up a device" joins the roadside bomb told before, not the air strike told
    first); else the first one."""
    return next((c for c in candidates if c.lead.sub_event_type.value == m.sub_event_type.value),
                candidates[0] if candidates else None)


def _own_type(m: Mention) -> None:
    """An anaphor found to tell an incident of its own takes the type its own words give, if they give one."""
    own = m.own_sub_event_type
    if own is None or own == m.sub_event_type.value:
        return
    why = f"own words: told apart from the incident it seemed to refer to ({m.sub_event_type.reason})"
    m.sub_event_type = Slot(own, [m.trigger], why)
    m.event_type = Slot(SUB_TO_TYPE[own], [m.trigger], why)


def _toll_part_apart(doc: Document, c: Cluster, m: Mention) -> bool:
    """A trigger of another sub-event type told in a part of the incident's toll ("..., dont deux membres de gangs
    touchés lors d'un échange de tirs avec la police"): another incident (see mentions.toll_part)."""
    return m.sub_event_type.value != c.lead.sub_event_type.value \
        and toll_part(doc, m.trigger.start, m.sentence) is not None


def _stated_apart(doc: Document, c: Cluster, m: Mention) -> bool:
    """The mention lies in a clause of another statement after the arrest that leads the cluster in its sentence:
    a detail of the incident told before (see mentions._detached_toll), not of the arrest."""
    lead = c.lead
    if lead.sentence != m.sentence:
        return False
    stop = other_statement(doc, lead.sub_event_type.value, lead.trigger.end, lead.sentence)
    return stop is not None and m.trigger.start >= stop


def _nearest_before(clusters: list[Cluster], sentence: int) -> Cluster | None:
    best, best_s = None, -1
    for c in clusters:
        s = max((x for x in c.sentences if x <= sentence), default=-1)
        if s > best_s:
            best, best_s = c, s
    return best


def event_id(first_mention_id: str) -> str:
    """A stable event id."""
    return "EW" + hashlib.sha1(first_mention_id.encode()).hexdigest()[:10].upper()


def best_local(c: Cluster, name: str, key) -> Slot:
    """The best value of a slot read locally by any mention of the cluster (key: lower is better)."""
    cands = [getattr(m, name) for m in c.mentions if local(getattr(m, name), m)]
    return min(cands, key=key) if cands else Slot()


# a lead typed only by whom it hit ("une attaque a tué neuf soldats": an armed clash by default) and a means told of
# the same incident in its own words ("attaqués avec des engins explosifs", "un kamikaze a actionné sa ceinture")
# (an assault on a post or an ambush stays a clash whatever arms it used: only a toll or a target typed it)
TYPED_BY_TARGET = re.compile(r"\+ (?:civilian-target|armed-victim)$")
TOLD_BY = r"(?:^rule: \w+\.|\+ )"   # a type reason naming its typing rule ("rule: x.suicide") or tag ("+ ied")
TYPED_BY_MEANS = re.compile(rf"{TOLD_BY}(?:suicide|ied)\b")
MEANS_FIRST = ("Suicide bomb",)   # a car bomb and a suicide bomber in one attack: ACLED codes the suicide bombing


# a suicide bombing told of the incident in its own words ("six suicide bombers were killed", "carried out by a
# suicide bomber"): ACLED codes the attack a Suicide bomb, even when its lead tells a generic attack or a bombing (not
# a strike from the air or artillery, which names its own means); an assault on a post or base (armed-target) that
# opened with a car bomb and went on as a firefight stays a clash, as the means_told rule below keeps it
SUICIDE_OVER = ("Attack", "Armed clash", "Remote explosive/landmine/IED")
TOLD_SUICIDE = re.compile(rf"{TOLD_BY}suicide\b")
ASSAULT_ON_POST = re.compile(r"\+ armed-target$")


def suicide_told(doc: Document, c: Cluster) -> bool:
    """Whether a telling of the incident other than its lead names a suicide bombing in its own words (not an
    anaphor) while the lead was typed as a generic attack or bombing, or as a clash only by whom it hit (a fight
    told as one in its own words, or an assault on a post or base, stays a clash); a sentence that blames a suicide bomber
    ("believed to have been carried out by a suicide bomber") still tells the means; a section heading below the
    title ("SUICIDE BOMBING") announces the next incident, not this one; the attackers' own claim ("Al-Shabaab said
    it launched a suicide attack on the base") is theirs alone: an assault the army tells as a firefight stays a
    clash."""
    lead, why = c.lead.sub_event_type.value, c.lead.sub_event_type.reason or ""
    if lead not in SUICIDE_OVER or ASSAULT_ON_POST.search(why) \
            or (lead == "Armed clash" and not TYPED_BY_TARGET.search(why)):   # "clashed for hours": a clash
        return False
    return any(m is not c.lead and m.kind == EVENT and (m.sentence == 0 or not in_heading_line(doc, m.sentence))
               and (TOLD_SUICIDE.search(m.sub_event_type.reason or "") or m.own_sub_event_type == "Suicide bomb")
               and "claimed" not in find_cues(doc, [m.sentence]) for m in c.mentions)


def means_told(doc: Document, c: Cluster) -> str | None:
    """The remote-violence sub-event type the incident's own tellings give its means: a Suicide bomb when
    :func:`suicide_told`, else when its lead was typed only by its target; None when the lead names its means, or a telling of the cluster is a clash in its own words
    (an ambush with a mine then a firefight stays a clash). A sentence that blames someone ("accused Rwandan
    soldiers and artillery of supporting the attack") tells who is accused, not the means."""
    lead = c.lead
    if suicide_told(doc, c):
        return "Suicide bomb"
    if not TYPED_BY_TARGET.search(lead.sub_event_type.reason or ""):
        return None
    told = []
    for m in c.mentions:
        why = m.sub_event_type.reason or ""
        sub = m.sub_event_type.value if TYPED_BY_MEANS.search(why) else m.own_sub_event_type
        if sub and m is not lead and "accused" in find_cues(doc, [m.sentence]):
            continue
        if sub in ("Suicide bomb", "Remote explosive/landmine/IED"):
            told.append(sub)
        elif m.event_type.value == "Battles" and not why.startswith("anaphoric: refers to '") \
                and "as the incident told before" not in why and not TYPED_BY_TARGET.search(why):
            return None
    return next((s for s in MEANS_FIRST if s in told), told[0] if told else None)


AT_DATELINE_KM = 10.0   # a place this close to the dateline town is that town ("on the outskirts of Afgooye")


def best_place(c: Cluster) -> Slot:
    """The incident's place: the lead's own, or a finer place another mention reads within it ("près de Tillabéri"
    then "à 20 km au nord de la ville"); a place far from the lead's is another matter ("évacués vers Niamey")."""
    lead = c.lead
    if not local(lead.place, lead):
        # a headline placed only by the dateline town ("AFGOOYE -"): of the places its other tellings read, those
        # at that town ("on the outskirts of Afgooye") before one a detail names ("heading to Mogadishu")
        at = lead.place.value
        agree = [m.place for m in c.mentions if at is not None and at.kind == "city" and local(m.place, m)
                 and m.place.value.kind in ("city", "facility") and not places_conflict(at, m.place.value)
                 and ROLE_ONLY not in m.place.reason]
        if agree:
            return min(agree, key=lambda s: (km(at, s.value) > AT_DATELINE_KM, s.value.geo_precision))
        return best_local(c, "place", lambda s: s.value.geo_precision)
    within = [m.place for m in c.mentions if local(m.place, m)
              and (m.place is lead.place or not places_conflict(lead.place.value, m.place.value))]
    inside = [m.place for m in c.mentions if region_named(lead, m)]   # the headline's bare province name
    return min(inside or within, key=lambda s: s.value.geo_precision)


VAGUE = "vague"   # the reason a general remark beside a precise incident is kept as background starts so


def _vague(ev: Event, mentions: list[Mention] | None = None) -> bool:
    """An incident told with nothing of its own: no place finer than a country (nor than a province only borrowed
    from earlier sentences: "les frappes se multiplient dans la région de X" ... "une frappe a visé un village"),
    no day read in the text, no toll read in its own sentences (the event's sentence and those of its mentions
    among ``mentions``, gathered only for an event with neither place nor day): a toll told on its own after it
    (« Le Hezbollah a annoncé la mort d'un de ses combattants ») is the precise incident's, not a reason to export
    it. A town borrowed from earlier sentences ("Dans l'après-midi, des policiers ont été agressés", after an
    incident in Culiacán) is the incident's own scene. A prisoner exchange has no toll and
    seldom a place finer than its country: it is never vague for want of them ("agreed to provide a grant" is)."""
    if any(f"rule: {rule}" in ev.sub_event_type.reason for rule in NEVER_VAGUE):
        return False
    place = ev.place.value
    coarse = place is None or place.kind == "country" or \
        (place.kind in ("admin1", "admin2") and "named earlier in the article" in ev.place.reason)
    undated = not ev.date.evidence or ev.date.value is None or ev.date.value.precision > 1
    if not (coarse and undated):
        return False
    ids = set(ev.mention_ids)
    told = {m.sentence for m in mentions or () if m.id in ids} | {ev.sentence}
    return not any(s.value and (not s.evidence or any(e.sentence in told for e in s.evidence))
                   for s in (ev.fatalities, ev.injuries))


def drop_vague_siblings(events: list[Event], mentions: list[Mention]) -> list[Event]:
    """Beside an incident with a place or a day of its own, a mention with neither place, day nor toll is a general
    remark ("the U.S. has increased airstrikes", "arrests of hundreds of activists"), not a second incident: it is
    kept as a background mention and not exported."""
    vague = [_vague(ev, mentions) for ev in events]
    if all(vague):
        return events
    keep: list[Event] = []
    for ev, is_vague in zip(events, vague):
        if not is_vague:
            keep.append(ev)
            continue
        _relabel(mentions, ev, BACKGROUND, VAGUE + ": no place, day or toll of its own beside a precise incident")
    return keep


def _relabel(mentions: list[Mention], ev: Event, kind: str | None, reason: str) -> None:
    """Give the mentions of an event that is not exported (or joins another) their kind (None: unchanged) and why."""
    ids = set(ev.mention_ids)
    for m in mentions:
        if m.id in ids:
            m.kind = kind or m.kind
            m.kind_reason = reason


def drop_summaries(events: list[Event], mentions: list[Mention]) -> list[Event]:
    """An incident told only at the level of an area ("15 civils tués dans trois villages de Djugu"), whose
    details name two or more incidents in towns of that area told apart, is their summary, not another incident:
    its mentions are kept as background and it is not exported."""
    keep: list[Event] = []
    for ev in events:
        parts = _parts_told_apart(ev, events)
        if len(parts) < 2:
            parts = _parts_adding_up(ev, events)
        if len(parts) < 2:
            keep.append(ev)
            continue
        _relabel(mentions, ev, BACKGROUND, f"summary of {len(parts)} incidents told apart")
    return keep


_QUOTE_PAIRS = {"«": "»", "“": "”"}
_QUOTE_OPEN = re.compile("[" + "".join(_QUOTE_PAIRS) + '"]')
QUOTE_WORDS = 6   # a shorter quote is a phrase the reporter borrows ("gunmen \"opened fire\" on Sunday"), not speech


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans of direct quotations of ``QUOTE_WORDS`` words at least in ``text``: « ... » and “ ... ” pairs, and
    straight "..." pairs within a paragraph (a quote may run over several sentences; an unclosed quote runs to the
    paragraph's end)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, body = para.start(), para.group()
        i = 0
        while (opening := _QUOTE_OPEN.search(body, i)) is not None:   # (the next opening mark, found by re)
            i = opening.start()
            close = _QUOTE_PAIRS.get(body[i], '"')
            j = body.find(close, i + 1)
            j = len(body) if j < 0 else j
            if len(body[i + 1:j].split()) >= QUOTE_WORDS:
                spans.append((p0 + i, p0 + j + 1))
            i = j + 1
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def drop_quoted_only(doc: Document, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """An incident told only inside direct quotations, whose quote gives it no day of its own ("« Mon client a été
    arrêté parce qu'il pêchait »", "« nous ne signerons pas un texte qui récompense l'agression »", a witness's
    « ils ont tué mon frère »), is a speaker's recollection or argument, not the news the article reports (news
    tells its incident in the reporter's own words; mentions that only refer back to it do not tell it; a day read
    in the quote or in the sentence that holds it is its own): its mentions are kept as background and it is not
    exported."""
    spans = quote_spans(doc.text)
    if not spans:
        return events
    by_id = {m.id: m for m in mentions}
    keep: list[Event] = []
    for ev in events:
        told = [by_id[k] for k in ev.mention_ids if k in by_id]
        told = [m for m in told if not m.kind_reason.startswith("anaphoric")] or told   # those that tell it first
        quoted = bool(told) and all(_inside(spans, m.trigger.start, m.trigger.end) for m in told)
        sentences = {m.sentence for m in told}
        own_day = quoted and ev.date.value is not None and any(
            e.sentence in sentences or _inside(spans, e.start, e.end) for e in ev.date.evidence)
        if not quoted or own_day:
            keep.append(ev)
            continue
        _relabel(mentions, ev, BACKGROUND, "quoted: told only inside a quotation with no day of its own")
    return keep


LEAD_PARAGRAPHS = 2   # a page's lead: its heading lines and its first two body paragraphs


def _lead_end(doc: Document) -> int:
    """The first sentence after the page's lead (heading lines, then ``LEAD_PARAGRAPHS`` body paragraphs)."""
    first = next((i for i in range(len(doc.sentences)) if not in_heading_line(doc, i)), len(doc.sentences))
    if first == len(doc.sentences):
        return first
    start = doc.sentences[first][0]
    return next((i for i in range(first, len(doc.sentences))
                 if doc.text.count("\n\n", start, doc.sentences[i][0]) >= LEAD_PARAGRAPHS), len(doc.sentences))


def drop_unanchored(doc: Document, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """A page that reports a new incident tells it in its lead or gives it a day of its own. When no incident of the
    page does either (a report, a trial, a ceremony, an interview that recalls violence further down), an incident
    whose place is read neither in its own sentences nor in the sentence right before them ("It took place in X.")
    is a general remark placed from the dateline or another paragraph ("Bandit gangs raid villages", "les enfants,
    souvent tués en manipulant des obus"), not news: its mentions are kept as background and it is not exported.
    Only on a page whose day is known: one that gives only its month dates its incidents to the month."""
    if not events or any(ev.date.evidence for ev in events) or reference_date(doc)[1] != 1:
        return events
    lead_end = _lead_end(doc)
    by_id = {m.id: m for m in mentions}
    told = {ev.id: sorted({by_id[k].sentence for k in ev.mention_ids if k in by_id}) for ev in events}
    if any(s and s[0] < lead_end for s in told.values()):
        return events
    keep: list[Event] = []
    for ev in events:
        near = set(told[ev.id]) | {told[ev.id][0] - 1} if told[ev.id] else set()
        if any(e.sentence in near for e in ev.place.evidence):
            keep.append(ev)
            continue
        _relabel(mentions, ev, BACKGROUND, "unanchored: a page with no incident in its lead or dated, "
                                           "placed from elsewhere")
    return keep


def drop_plural_summaries(doc: Document, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """An incident told only in sentences that tell several at once over an area ("cinq militants ont été tués lors
    de deux rencontres distinctes dans le district de X"), beside two incidents of its event type at least told
    apart in that area (often at places the gazetteer lacks: see ``_unresolved_elsewhere``), is their summary: its
    mentions are kept as background and it is not exported."""
    if len(events) < 3 or not doc.sentences:
        return events
    plural = cues(_lang(doc)).plural_incidents
    where = {m.id: m.sentence for m in mentions}
    keep: list[Event] = []
    for ev in events:
        sents = {where[i] for i in ev.mention_ids if i in where}
        area = ev.place.value
        summary = bool(sents) and all(plural.search(doc.text[slice(*doc.sentences[i])]) for i in sents) \
            and not _town(area)
        parts = [o for o in events if o is not ev and o.event_type.value == ev.event_type.value
                 and not (area and o.place.value and places_conflict(area, o.place.value))
                 and not (ev.date.value and o.date.value and dates_conflict(ev.date.value, o.date.value))] \
            if summary else []
        if len(parts) < 2:
            keep.append(ev)
            continue
        _relabel(mentions, ev, BACKGROUND, f"summary of {len(parts)} incidents told apart")
    return keep


def _parts_told_apart(ev: Event, events: list[Event]) -> list[Event]:
    """The other incidents of the same type told in towns of the area where ``ev`` is placed, on its day."""
    area = ev.place.value
    if area is None or _town(area):
        return []
    return [o for o in _towns_in(area, ev, events) if o.event_type.value == ev.event_type.value
            and not (ev.date.value and o.date.value and dates_conflict(ev.date.value, o.date.value))]


def _towns_in(area: Place, ev: Event, events: list[Event]) -> list[Event]:
    """The other incidents placed in a town of ``area``."""
    return [o for o in events if o is not ev and _town(o.place.value)
            and o.place.value.country_code == area.country_code
            and (area.kind == "country" or not area.admin1 or o.place.value.admin1 == area.admin1)]


def _parts_adding_up(ev: Event, events: list[Event]) -> list[Event]:
    """Incidents in towns of the area where ``ev`` is placed whose tolls add up exactly to its toll ("six people
    killed in Myanmar since Friday night" ... two in Yangon, three in Mandalay, one in Pyay), whatever their types:
    ``ev`` is their total."""
    area, total = ev.place.value, ev.fatalities.value
    if area is None or _town(area) or not total or total < 2:
        return []
    parts = [o for o in _towns_in(area, ev, events) if o.fatalities.value]
    return parts if len(parts) >= 2 and sum(o.fatalities.value for o in parts) == total else []


def _unnamed_clash(ev: Event) -> bool:
    """Clashes with no party named ("de premiers heurts ont éclaté à Dakar"): actor1 at most a generic armed group,
    no actor2."""
    a1, a2 = ev.actor1.value, ev.actor2.value
    return ev.sub_event_type.value == "Armed clash" and a2 is None and (
        a1 is None or a1.name.startswith("Unidentified Armed Group"))


def fold_protest_clashes(events: list[Event], mentions: list[Mention]) -> list[Event]:
    """In an article about a demonstration, clashes between unnamed parties on its day and at its place are the
    demonstration's own clashes, not a battle: they join it."""
    demos = [ev for ev in events if ev.event_type.value in DEMONSTRATIONS]
    if not demos:
        return events
    keep: list[Event] = []
    for ev in events:
        host = next((d for d in demos if _unnamed_clash(ev)
                     and not (ev.date.value and d.date.value and dates_conflict(ev.date.value, d.date.value))
                     and not (ev.place.value and d.place.value and places_conflict(ev.place.value, d.place.value))),
                    None)
        if host is None:
            keep.append(ev)
            continue
        host.mention_ids.extend(ev.mention_ids)
        _relabel(mentions, ev, None, f"clashes of the demonstration ({host.sub_event_type.value})")
    return keep


TOWN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*")


def split_town_lists(doc: Document, events: list[Event]) -> list[Event]:
    """An incident told in a list of towns ("des attaques simultanées contre des positions de l'armée à Djibo,
    Aribinda et Gorom-Gorom", "gunmen raided Kidal, Tessalit and Aguelhok") is one incident per town: ACLED codes
    one event per place, when the article tells the towns apart: two of them at least with a toll of their own
    ("À Djibo, huit soldats ont été tués"); a town without one gets none. Demonstrations are always split
    (_gatherings)."""
    out: list[Event] = []
    for ev in events:
        told = [o.place.value for o in events if o is not ev and _town(o.place.value)]
        # a town of the list whose incident the article tells on its own is that incident's
        unknown: set[str] = set()
        towns = [t for n, t in enumerate(_listed_towns(doc, ev, unknown))
                 if n == 0 or t[0] in unknown or all(_apart(t[1], p) for p in told)]
        if len(towns) < 2:
            out.append(ev)
            continue
        tolls = _town_tolls(doc, towns[0][2].sentence, [name for name, _, _ in towns])
        clauses = _town_clauses(doc, towns[0][2].sentence, [name for name, _, _ in towns])
        towns = [t for t in towns if t[0] not in unknown or t[0] in tolls or t[0] in clauses]
        if len(towns) < 2:
            out.append(ev)
            continue
        if len(tolls) < 2 and len(clauses) < 2 and not _gatherings(ev):
            out.append(ev)   # the article does not tell the towns apart: one incident at several places
            continue
        told_once = copy.copy(ev)   # (the first town's own outcome must not type the other towns)
        for k, (name, place, evidence) in enumerate(towns):
            part = ev if k == 0 else copy.copy(told_once)
            if k:
                part.source_documents, part.sources = list(ev.source_documents), list(ev.sources)
                part.mention_ids = [f"{ev.mention_ids[0]}/{k}"] + ev.mention_ids[1:] if ev.mention_ids else []
                part.id = event_id(part.mention_ids[0]) if part.mention_ids else event_id(f"{ev.id}/{k}")
            part.place = Slot(place, [evidence], f"{TOWN_PART} the incident is told in: '{name}'")
            killed, injured = tolls.get(name, (None, None))
            part.fatalities = killed or Slot(0, [], f"the article tells no toll of its own for {name}")
            part.injuries = injured or Slot(0, [], f"the article tells no toll of its own for {name}")
            if name in clauses:
                _town_outcome(doc, part, name, clauses[name])
            out.append(part)
    return out


def _gatherings(ev: Event) -> bool:
    """A protest told in a list of towns ("Des manifestations ont été organisées à X, Y et Z", "protests were held
    in X, Y and Z"): crowds gathered in each town are one event each, a toll of their own or not (ACLED codes a
    demonstration at each location), unlike an attack or a riot whose assailants may have swept through the listed
    places as one raid or mob."""
    return ev.event_type.value == "Protests"


TOWN_CLAUSE_SENTENCES = 3   # how far after the list a sentence may tell each town's outcome


def _town_clauses(doc: Document, lead: int, names: list[str]) -> dict[str, tuple[int, int]]:
    """The clauses of a sentence shortly after the list that each tell one listed town's outcome, apart from the
    other's ("Rutshuru a été pris sans combat, mais Kiwanja a été soumis à des tirs intensifs", "X was taken
    without a fight, but Y came under heavy fire", ``town_contrast``): name -> clause span. {} when no sentence
    names two listed towns each in a clause of its own."""
    joiner = cues(_lang(doc)).town_contrast
    named = [(n, re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])")) for n in names]   # compiled once per list
    for i in range(lead + 1, min(len(doc.sentences), lead + 1 + TOWN_CLAUSE_SENTENCES)):
        s, e = doc.sentences[i]
        cuts = list(joiner.finditer(doc.text, s, e))
        spans = list(zip([s] + [m.end() for m in cuts], [m.start() for m in cuts] + [e]))
        found: dict[str, tuple[int, int]] = {}
        for a, b in spans:
            here = [n for n, rx in named if rx.search(doc.text[a:b])]
            if len(here) == 1 and here[0] not in found:
                found[here[0]] = (a, b)
        if len(found) >= 2:
            return found
    return {}


def _town_outcome(doc: Document, part: Event, name: str, span: tuple[int, int]) -> None:
    """A town's own clause that words its outcome by a rule of the incident's family ("pris sans combat": a
    non-violent transfer, not the takeover of the list's other town) types that town's event."""
    sub = part.sub_event_type.value
    text = normalise(doc.text[span[0]:span[1]])
    for fam in lexicon(_lang(doc)).families.values():
        if sub not in fam.candidates:
            continue
        rule = next((r for r in fam.rules if r.scope == "sentence" and r.sub in fam.candidates and r.rx.search(text)),
                    None)
        if rule is not None and rule.sub != sub:
            why = f"{part.sub_event_type.reason} + {rule.id} (the clause telling {name})"
            evidence = [*part.sub_event_type.evidence, doc.evidence(*span)]
            part.sub_event_type = Slot(rule.sub, evidence, why)
            part.event_type = Slot(SUB_TO_TYPE[rule.sub], evidence, why)
        return


def _listed_towns(doc: Document, ev: Event, unknown: set[str] | None = None) -> list[tuple[str, Place, object]]:
    """(name, place, evidence) of the towns of the list that opens with the event's own town, in its lead sentence;
    [] when there is no such list (two towns at least, each a town of the same country, none within another)."""
    place = ev.place.value
    if not _town(place) or not ev.place.evidence or not doc.sentences:
        return []
    first = ev.place.evidence[0]
    if not 0 <= first.sentence < len(doc.sentences):
        return []
    s, e = doc.sentences[first.sentence]
    head = TOWN_NAME.search(doc.text, first.start, first.end)
    if head is None:
        return []
    said = cues(_lang(doc))
    if said.town_list_areas.search(doc.text, max(s, head.start() - 60), head.start()):
        return []   # "dans les zones de gouvernement local de X et Y": the areas around one place
    from .geo.gazetteer import get_gazetteer  # noqa: PLC0415  (the gazetteer is loaded once, by the pipeline)
    gaz, joiner = get_gazetteer(), said.town_list
    towns: list[tuple[str, Place, object]] = [(head.group(0), place, first)]
    pos = head.end()
    while True:
        j = joiner.match(doc.text, pos, e)
        if j is None or j.end() == pos:
            break
        name = TOWN_NAME.match(doc.text, j.end(), e)
        if name is None:
            break
        if any(_region_of(name.group(0), t) for _, t, _ in towns):
            break   # "in Morelia, Michoacan": the town's own state or district, not another town of a list
        hits = _town_hits(gaz, _lang(doc), name.group(0))
        found = _resolve_town(hits, place)
        if found is None and unknown is not None and not any(h.candidates for h in hits):
            # a town the gazetteer lacks, listed beside a known one: near it (precision 2) under its own name,
            # kept only when the article tells its outcome apart (see split_town_lists)
            unknown.add(name.group(0))
            found = replace(place, location=name.group(0), geo_precision=max(2, place.geo_precision))
        elif found is None or any(not _listed_apart(found, t) for _, t, _ in towns):
            break
        towns.append((name.group(0), found, doc.evidence(name.start(), name.end())))
        pos = name.end()
    return towns


def _region_of(name: str, town: Place) -> bool:
    """The name is the town's own region (admin1 or admin2, "Michoacan" for "Michoacán de Ocampo"), as news copy
    writes it after the town ("à Morelia, Michoacan", "in Mitaka, Tokyo")."""
    return any(area and fuzz.token_set_ratio(fold(name), fold(area)) >= REGION_NAME_RATIO
               for area in (town.admin1, town.admin2))


REGION_NAME_RATIO = 90   # a listed name this alike (token set) to the town's admin1 or admin2 names that region
LISTED_NAME_RATIO = 80   # two listed towns whose names are at least this alike may be one town spelt twice


def _listed_apart(a: Place, b: Place) -> bool:
    """Two towns of a list ("des villes de Rutshuru et de Kiwanja") are two places when they are apart, or both
    towns named unlike each other however close (Kiwanja lies 4 km from Rutshuru, in the territory named after it):
    the article names them apart, as it does a town the gazetteer lacks (listed at its neighbour's very point).
    Names alike and close are one town spelt twice."""
    return _apart(a, b) or (_town(a) and _town(b) and
                            fuzz.ratio(fold(a.location), fold(b.location)) < LISTED_NAME_RATIO)


def _town_hits(gaz, lang: str, name: str) -> list:
    """The gazetteer's reading of a listed name as a place ("à X", "in X")."""
    return gaz.spot(f"{cues(lang).town_preposition} {name}", lang)


def _resolve_town(hits: list, like: Place) -> Place | None:
    """The town a listed name stands for (``hits``: its gazetteer reading), in the country of the list's first town."""
    for h in hits:
        for cand in h.candidates[:3]:
            if _town(cand) and cand.country_code == like.country_code and cand.latitude is not None:
                return cand
    return None


def _town_tolls(doc: Document, lead: int, names: list[str]) -> dict[str, tuple[Slot, Slot]]:
    """The toll the sentences after the lead tell for each listed town: each count goes to the nearest town name of
    its sentence ("À Aribinda, quatre VDP ont péri, et trois militaires sont morts à Gorom-Gorom")."""
    sums: dict[str, dict[str, list]] = {}
    for i in range(lead + 1, len(doc.sentences)):
        s, e = doc.sentences[i]
        text = doc.text[s:e]
        spots = [(s + m.start(), name) for name in names for m in re.finditer(re.escape(name), text)]
        if not spots or {name for _, name in spots} == set(names):
            continue   # (a sentence that names every town again tells their total)
        for h in find_counts(doc, i):
            if h.value <= 0 or h.kind not in ("killed", "injured"):
                continue
            _, name = min(spots, key=lambda sp: min(abs(sp[0] - h.start), abs(sp[0] - h.end)))
            sums.setdefault(name, {}).setdefault(h.kind, []).append(h)
    out: dict[str, tuple[Slot, Slot]] = {}
    for name, kinds in sums.items():
        pair = []
        for kind in ("killed", "injured"):
            hits = kinds.get(kind, [])
            pair.append(Slot(sum(h.value for h in hits), [doc.evidence(h.start, h.end) for h in hits],
                             f"told for {name}") if hits else None)
        out[name] = (pair[0], pair[1])
    return out
