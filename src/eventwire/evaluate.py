"""Validate eventwire against an analyst's own coding (a gold file in the scorer's format).

Definitions follow the project's scorer: events are matched per document greedily by the number of
agreeing slots; slot precision counts every slot of every system event on a gold document (a spurious
event costs all its slots), recall counts every gold slot.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .geo.distance import haversine

SLOTS = ("event_type", "sub_event_type", "date", "place", "admin1", "actor1", "actor2", "fatalities",
         "injuries")
_STOP = {"the", "al", "el"}
_ADMIN_WORDS = {"governorate", "province", "region", "state", "district", "department", "oblast", "muhafazat",
                "wilayah", "county", "prefecture", "division", "territory"}


def norm(s: Any) -> str:
    """Lower-case ASCII words, parenthesised parts and 'the/al/el' dropped."""
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower()
    depth, chars = 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            chars.append(ch if ch.isalnum() else " ")
    return " ".join(w for w in "".join(chars).split() if w not in _STOP)


def admin_norm(s: Any) -> str:
    """Admin-area key tolerant to generic words, spacing, vowels and doubled letters."""
    flat = "".join(w for w in norm(s).split() if w not in _ADMIN_WORDS)
    key: list[str] = []
    for ch in flat:
        if ch in "aeiouy" or (key and key[-1] == ch):
            continue
        key.append(ch)
    return "".join(key) or flat


def date_interval(rec: dict) -> tuple[date, date] | None:
    """The days an event's date claims, from event_date widened by time_precision."""
    try:
        d = date.fromisoformat(str(rec.get("event_date"))[:10])
    except ValueError:
        return None
    p = int(rec.get("time_precision") or 1)
    if p == 1:
        return d, d
    if p == 2:
        return d - timedelta(days=3), d + timedelta(days=3)
    first = d.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def slot_agrees(slot: str, gold: dict, rec: dict) -> bool:
    """Does a system record agree with a gold event on one slot?"""
    if slot == "date":
        iv = date_interval(rec)
        if iv is None or not iv[0] <= date.fromisoformat(gold["event_date"]) <= iv[1]:
            return False
        return int(rec.get("time_precision") or 1) <= int(gold.get("date_precision_max", 3))
    if slot == "place":
        try:
            dist = haversine(gold["lat"], gold["lon"], float(rec["latitude"]), float(rec["longitude"]))
        except (KeyError, TypeError, ValueError):
            return False
        return dist <= gold.get("radius_km", 25)
    if slot in ("actor1", "actor2"):
        names = gold[slot] if isinstance(gold[slot], list) else [gold[slot]]
        wanted = {norm(n) for n in names}
        got = norm(rec.get(slot) or "")
        return got == "" if wanted <= {""} else (got != "" and got in wanted)
    if slot == "admin1":   # one name, or a list of acceptable names (as ../shared/eval/score.py reads it)
        names = gold["admin1"] if isinstance(gold["admin1"], list) else [gold["admin1"]]
        got = admin_norm(rec.get("admin1") or "")
        return got != "" and any(got == admin_norm(n) for n in names if n)
    if slot in ("fatalities", "injuries"):
        try:
            return int(rec.get(slot)) == int(gold[slot])
        except (TypeError, ValueError):
            return False
    return norm(rec.get(slot) or "") == norm(gold[slot])


def gold_slots(g: dict) -> list[str]:
    out = []
    for k in SLOTS:
        if k == "date":
            ok = "event_date" in g
        elif k == "place":
            ok = "lat" in g
        else:
            ok = k in g and not (k == "admin1" and not g[k])
        if ok:
            out.append(k)
    return out


@dataclass
class Disagreement:
    doc_id: str
    gold_index: int
    event_id: str | None
    slots: list[str]           # the slots that disagree ("missed" when no system event matched)
    gold: dict[str, Any] = field(default_factory=dict)
    system: dict[str, Any] = field(default_factory=dict)


@dataclass
class Scores:
    matched: int = 0
    missed: int = 0
    spurious: int = 0
    slot_precision: float = 0.0
    slot_recall: float = 0.0
    slot_f1: float = 0.0
    per_slot: dict[str, tuple[int, int]] = field(default_factory=dict)
    errors: list[Disagreement] = field(default_factory=list)
    matches: list[Disagreement] = field(default_factory=list)  # every matched pair (slots = disagreeing ones)
    spurious_events: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, event id)

    @property
    def detection_precision(self) -> float:
        n = self.matched + self.spurious
        return self.matched / n if n else 0.0

    @property
    def detection_recall(self) -> float:
        n = self.matched + self.missed
        return self.matched / n if n else 0.0


def score(gold: dict, records: list[dict]) -> Scores:
    """Compare exported records with a gold file ({'documents': {id: {'events': [...]}}})."""
    docs = gold["documents"]
    by_doc: dict[str, list[dict]] = {d: [] for d in docs}
    for r in records:
        for d in r.get("source_documents") or []:
            if d in by_doc:
                by_doc[d].append(r)
    sc = Scores(per_slot={k: (0, 0) for k in SLOTS})
    tp = predicted = gold_total = 0
    per = {k: [0, 0] for k in SLOTS}
    for doc_id, g in docs.items():
        sys_evs = by_doc[doc_id]
        pairs = []
        for gi, ge in enumerate(g["events"]):
            for si, se in enumerate(sys_evs):
                hits = [k for k in gold_slots(ge) if slot_agrees(k, ge, se)]
                pairs.append((len(hits), gi, si, hits))
        pairs.sort(key=lambda p: -p[0])
        used_g: set[int] = set()
        used_s: set[int] = set()
        for n, gi, si, hits in pairs:
            if gi in used_g or si in used_s or n == 0:
                continue
            used_g.add(gi)
            used_s.add(si)
            ge, se = g["events"][gi], sys_evs[si]
            tp += n
            predicted += len(gold_slots(ge))
            sc.matched += 1
            wrong = [k for k in gold_slots(ge) if k not in hits]
            for k in gold_slots(ge):
                per[k][1] += 1
                per[k][0] += k in hits
            pair = Disagreement(doc_id, gi, se.get("event_id_cnty"), wrong, ge, se)
            sc.matches.append(pair)
            if wrong:
                sc.errors.append(pair)
        for gi, ge in enumerate(g["events"]):
            gold_total += len(gold_slots(ge))
            if gi not in used_g:
                sc.missed += 1
                for k in gold_slots(ge):
                    per[k][1] += 1
                sc.errors.append(Disagreement(doc_id, gi, None, ["missed"], ge, {}))
        for si, se in enumerate(sys_evs):
            if si not in used_s:
                sc.spurious += 1
                predicted += len(SLOTS)
                sc.spurious_events.append((doc_id, se.get("event_id_cnty", "")))
    sc.slot_precision = tp / predicted if predicted else 0.0
    sc.slot_recall = tp / gold_total if gold_total else 0.0
    p, r = sc.slot_precision, sc.slot_recall
    sc.slot_f1 = 2 * p * r / (p + r) if p + r else 0.0
    sc.per_slot = {k: (a, b) for k, (a, b) in per.items() if b}
    return sc


EXTRA_SLOTS = ("time_precision", "attribution", "weapons", "location")


def gold_from_expected(expected: dict[str, Any]) -> dict[str, Any]:
    """The team's corpus format (tests/corpus/expected.yaml) as a gold file for :func:`score`."""
    docs: dict[str, Any] = {}
    for doc_id, entry in expected.items():
        events = []
        for e in entry.get("events") or []:
            g = dict(e)
            g["date_precision_max"] = e.get("time_precision", 3)
            g["actor1"] = e.get("actor1", [""])
            g["actor2"] = e.get("actor2", [""])
            events.append(g)
        docs[doc_id] = {"events": events, "background": entry.get("background", 0)}
    return {"documents": docs}


def extra_agreement(sc: Scores, gold: dict[str, Any], records: list[dict]) -> dict[str, tuple[int, int]]:
    """Agreement on fields the scorer does not read (attribution, weapons, time_precision, location), over
    the events the scorer matched."""
    by_id = {r.get("event_id_cnty"): r for r in records}
    out = {k: [0, 0] for k in EXTRA_SLOTS}
    for d in sc.matches:
        g = gold["documents"][d.doc_id]["events"][d.gold_index]
        r = by_id.get(d.event_id) or {}
        for k in EXTRA_SLOTS:
            if k not in g:
                continue
            out[k][1] += 1
            if k == "weapons":
                out[k][0] += sorted(g[k]) == sorted(r.get(k) or [])
            elif k == "location":
                out[k][0] += norm(g[k]) == norm(r.get(k) or "")
            else:
                out[k][0] += str(g[k]) == str(r.get(k))
    return {k: (a, b) for k, (a, b) in out.items() if b}
