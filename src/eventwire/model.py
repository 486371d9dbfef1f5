"""The one data model used by every stage: Document → Mention → Event.

Every extracted value is a :class:`Slot`: the value plus the evidence it was read
from (document, sentence, character span, quoted text), or a reason when empty.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any, ClassVar, Generic, Iterator, TypeVar

T = TypeVar("T")

EVENT_TYPES: dict[str, list[str]] = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
SUB_TO_TYPE: dict[str, str] = {s: t for t, subs in EVENT_TYPES.items() for s in subs}

# Mention kinds: only "event" mentions become exported events.
EVENT, BACKGROUND, AGGREGATE, NOT_EVENT = "event", "background", "aggregate", "not_event"
ATTRIBUTIONS = ("claimed", "accused", "confirmed", "denied", "unattributed")


@dataclass
class Evidence:
    """Where a value was read: a character span of a document's text."""
    doc_id: str
    sentence: int  # index into Document.sentences
    start: int     # character offsets into Document.text
    end: int
    text: str      # the quoted span, == Document.text[start:end]


@dataclass
class Slot(Generic[T]):
    """A field value with its evidence; ``reason`` says why a value is missing or how it was set."""
    value: T | None = None
    evidence: list[Evidence] = field(default_factory=list)
    reason: str = ""

    def __bool__(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        return {"value": _plain(self.value), "evidence": [_flat(e) for e in self.evidence],
                "reason": self.reason}


@dataclass
class DateValue:
    """An event date with ACLED's time_precision (1 day, 2 week/span, 3 month)."""
    day: date
    precision: int = 1


@dataclass
class Actor:
    """A normalised actor: canonical ACLED-style name, inter code, role and the surface form read."""
    name: str
    inter: int | None = None
    role: str = ""          # perpetrator, target, protester, ...
    surface: str = ""       # the words in the text
    country: str = ""       # ISO2 the actor belongs to, if known


@dataclass
class Place:
    """A geocoded place, ACLED style."""
    location: str
    country: str = ""
    iso: int | None = None
    region: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    country_code: str = ""  # ISO 3166 alpha-2
    kind: str = ""          # city, facility, admin1, admin2, country


@dataclass
class Document:
    """One article as ingested."""
    id: str
    text: str
    published: str = ""     # 'YYYY-MM' or 'YYYY-MM-DD' (what the input gave)
    title: str = ""
    url: str = ""
    source: str = ""        # agency or outlet (Reuters, AFP, ...)
    language: str = ""
    path: str = ""          # file it came from (and line, for JSONL/CSV)
    dateline_place: str = ""
    dateline_date: str = ""  # 'YYYY-MM-DD' when the dateline gives the day
    content_hash: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing a character offset (-1 if none)."""
        i = bisect_right(self.sentences, (offset, math.inf)) - 1
        return i if i >= 0 and offset < self.sentences[i][1] else -1

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a span of this document's text."""
        return Evidence(self.id, self.sentence_of(start), start, end, self.text[start:end])


@dataclass
class Mention:
    """One telling of an incident in one document (an event, or background/aggregate/not-event)."""
    doc_id: str
    sentence: int
    trigger: Evidence
    kind: str = EVENT
    kind_reason: str = ""
    event_type: Slot[str] = field(default_factory=Slot)
    sub_event_type: Slot[str] = field(default_factory=Slot)
    date: Slot[DateValue] = field(default_factory=Slot)
    place: Slot[Place] = field(default_factory=Slot)
    actor1: Slot[Actor] = field(default_factory=Slot)
    actor2: Slot[Actor] = field(default_factory=Slot)
    assoc_actor_1: Slot[list[Actor]] = field(default_factory=Slot)
    assoc_actor_2: Slot[list[Actor]] = field(default_factory=Slot)
    attribution: Slot[str] = field(default_factory=Slot)
    fatalities: Slot[int] = field(default_factory=Slot)
    injuries: Slot[int] = field(default_factory=Slot)
    weapons: Slot[list[str]] = field(default_factory=Slot)
    id: str = ""
    # the sub-event type the mention's own words give when it took the incident's type as an anaphor ("la défense
    # antiaérienne avait abattu des drones" told after a missile strike): assembly splits on it where the mention's
    # day or town is not the incident's. Not a dataclass field: neither stored nor exported.
    own_sub_event_type: ClassVar[str | None] = None

    def slots(self) -> Iterator[tuple[str, Slot]]:
        """(name, slot) for every Slot field."""
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, Slot):
                yield f.name, v


SLOT_NAMES = ("event_type", "sub_event_type", "date", "place", "actor1", "actor2", "assoc_actor_1",
              "assoc_actor_2", "attribution", "fatalities", "injuries", "weapons")


@dataclass
class Event(Mention):
    """An incident: one or more event mentions (possibly from several documents) merged.

    Carries the same slots as a Mention (the chosen value with its evidence) plus its sources.
    """
    mention_ids: list[str] = field(default_factory=list)
    source_documents: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # agencies
    status: str = "auto"  # auto, confirmed, corrected, rejected
    notes: str = ""


_SCALARS = (str, int, float, bool, type(None))


def _plain(v: Any) -> Any:
    """JSON-friendly form of a slot value."""
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if hasattr(v, "__dataclass_fields__"):
        names = _field_names(type(v))
        values = [getattr(v, k) for k in names]
        if all(isinstance(x, _SCALARS) or type(x) is date for x in values):   # what slot values hold: no asdict copy
            return {k: x.isoformat() if type(x) is date else x for k, x in zip(names, values)}
        return {k: _plain(x) for k, x in asdict(v).items()}
    return str(v)


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _flat(e: Any) -> dict[str, Any]:
    """``asdict`` of a dataclass of plain values (Evidence), without its deep copy."""
    names = _field_names(type(e))
    values = [getattr(e, k) for k in names]
    if all(isinstance(x, _SCALARS) for x in values):
        return dict(zip(names, values))
    return asdict(e)


# ---- serialisation (store, API and export all use these) ----

_VALUE_TYPES: dict[str, Any] = {"date": DateValue, "place": Place, "actor1": Actor, "actor2": Actor}
_LIST_TYPES: dict[str, Any] = {"assoc_actor_1": Actor, "assoc_actor_2": Actor}


def _value_from(name: str, v: Any) -> Any:
    if v is None:
        return None
    if name == "date":
        return DateValue(date.fromisoformat(v["day"]), int(v["precision"]))
    if name in _VALUE_TYPES:
        return _VALUE_TYPES[name](**v)
    if name in _LIST_TYPES:
        return [_LIST_TYPES[name](**x) for x in v]
    return v


def slot_from_dict(name: str, d: dict[str, Any] | None) -> Slot:
    """Rebuild a Slot stored by :meth:`Slot.to_dict`."""
    if not d:
        return Slot()
    return Slot(_value_from(name, d.get("value")), [Evidence(**e) for e in d.get("evidence", [])],
                d.get("reason", ""))


def mention_to_dict(m: Mention) -> dict[str, Any]:
    """A Mention (or Event) as plain JSON-ready data."""
    out: dict[str, Any] = {}
    for name in _field_names(type(m)):
        v = getattr(m, name)
        if isinstance(v, Slot):
            out[name] = v.to_dict()
        elif isinstance(v, Evidence):
            out[name] = _flat(v)
        else:
            out[name] = _plain(v)
    return out


def mention_from_dict(d: dict[str, Any], cls: type[Mention] = Mention) -> Mention:
    """Inverse of :func:`mention_to_dict` (``cls`` = Mention or Event)."""
    kw: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in d:
            continue
        v = d[f.name]
        if f.name in SLOT_NAMES:
            kw[f.name] = slot_from_dict(f.name, v)
        elif f.name == "trigger":
            kw[f.name] = Evidence(**v)
        else:
            kw[f.name] = v
    return cls(**kw)
