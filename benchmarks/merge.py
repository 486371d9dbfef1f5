"""Merge benchmark on synthetic reports: time and pairwise precision/recall of cross-document merging.

usage: python benchmarks/merge.py [--sizes 10000 100000] [--store 5000] [--signatures 10000 100000] [--seed 1]

Synthetic incidents spread over 12 countries x 15 towns and over time (the span grows with the size,
~15 reports a day, so that density stays realistic); ~30% of incidents are told by 2-4 reports that
differ as real ones do (a day off, coarser date or place, actor left unnamed, another sub-type,
other tolls). Prints, per size: batch merge time (eventwire.merge.merge_events), the time ratio
against the first size, pairwise precision/recall; then the incremental store merge
(store.merging.merge_into_store, one report at a time, SQLite) on --store reports, and the cost of
rebuilding the near-duplicate LSH index from --signatures stored signatures.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire import dedup  # noqa: E402
from eventwire.assemble import event_id  # noqa: E402
from eventwire.merge import merge_events, pairwise_precision_recall  # noqa: E402
from eventwire.model import EVENT_TYPES, Actor, DateValue, Document, Event, Evidence, Place, Slot  # noqa: E402

REPORTS_PER_DAY = 15
MULTI_SHARE = 0.3
TYPE_WEIGHTS = {"Battles": 0.3, "Explosions/Remote violence": 0.3, "Violence against civilians": 0.2,
                "Protests": 0.15, "Riots": 0.05}
WEAPONS = {"Air/drone strike": "drone", "Shelling/artillery/missile attack": "artillery",
           "Remote explosive/landmine/IED": "IED", "Suicide bomb": "explosive belt", "Grenade": "grenade"}
START = date(2015, 1, 1)


class World:
    """Countries, towns (with their admin1) and actors."""

    def __init__(self, rng: random.Random) -> None:
        self.countries = []
        for c in range(12):
            lat0, lon0 = rng.uniform(-10, 40), rng.uniform(-15, 70)
            towns = [(f"Town{c}-{t}", lat0 + rng.uniform(-4, 4), lon0 + rng.uniform(-4, 4), f"Prov{c}-{t % 5}")
                     for t in range(15)]
            actors = [f"Military Forces of Land{c} (2015-)", f"Police Forces of Land{c} (2015-)"] + \
                     [f"Armed Group {c}-{k}" for k in range(4)]
            self.countries.append((f"C{c}", f"Land{c}", towns, actors))


def incident(rng: random.Random, world: World, span_days: int) -> dict:
    cc, country, towns, actors = rng.choice(world.countries)
    etype = rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
    subs = EVENT_TYPES[etype]
    town = rng.choice(towns)
    if etype in ("Protests", "Riots"):
        a1, a2 = f"Protesters ({country})", rng.choice(actors[:2] + [""])
    elif etype == "Violence against civilians":
        a1, a2 = rng.choice(actors[2:]), f"Civilians ({country})"
    else:
        a1, a2 = rng.sample(actors, 2)
    return {"cc": cc, "country": country, "town": town, "type": etype, "sub": rng.choice(subs[:3]),
            "subs": subs, "a1": a1, "a2": a2, "day": START + timedelta(rng.randrange(span_days)),
            "fat": rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20]), "part": rng.choice(["", "", "matin", "soir"]),
            "lat": town[1] + rng.uniform(-0.02, 0.02), "lon": town[2] + rng.uniform(-0.02, 0.02)}


def report(rng: random.Random, inc: dict, doc: str) -> Event:
    """One report of an incident, told as a different source would."""
    trig = Evidence(doc, 0, 0, 6, "attack")
    ev = Event(doc_id=doc, sentence=0, trigger=trig, id=event_id(f"{doc}:m0"), mention_ids=[f"{doc}:m0"],
               source_documents=[doc], sources=[rng.choice(["AFP", "Reuters", "AP", ""])])
    ev.event_type = Slot(inc["type"])
    ev.sub_event_type = Slot(inc["sub"] if rng.random() > 0.15 else rng.choice(inc["subs"]))
    day, prec, roll = inc["day"], 1, rng.random()
    if roll < 0.1:
        day += timedelta(rng.choice([-1, 1]))
    elif roll < 0.15:
        prec = 2
    elif roll < 0.18:
        day, prec = day.replace(day=1), 3
    part = inc["part"] if rng.random() < 0.5 else ""
    ev.date = Slot(DateValue(day, prec), [Evidence(doc, 0, 10, 20, f"jeudi {part}".strip())])
    name, tlat, tlon, admin1 = inc["town"]
    roll = rng.random()
    if roll < 0.1:
        place = Place(admin1, inc["country"], admin1=admin1, latitude=tlat, longitude=tlon, geo_precision=3,
                      country_code=inc["cc"], kind="admin1")
    else:
        jitter = 0.1 if roll < 0.2 else 0.01
        place = Place(name, inc["country"], admin1=admin1, latitude=inc["lat"] + rng.uniform(-jitter, jitter),
                      longitude=inc["lon"] + rng.uniform(-jitter, jitter), geo_precision=2 if roll < 0.2 else 1,
                      country_code=inc["cc"], kind="city")
    ev.place = Slot(place)
    ev.actor1 = Slot(Actor(inc["a1"])) if inc["a1"] and rng.random() > 0.3 else Slot()
    ev.actor2 = Slot(Actor(inc["a2"])) if inc["a2"] and rng.random() > 0.15 else Slot()
    fat = inc["fat"] if rng.random() > 0.3 else max(0, round(inc["fat"] * rng.uniform(0.6, 1.4)))
    ev.fatalities = Slot(fat, [trig]) if rng.random() > 0.2 else Slot(0, reason="no toll reported")
    ev.weapons = Slot([WEAPONS[ev.sub_event_type.value]] if ev.sub_event_type.value in WEAPONS else [])
    ev.attribution = Slot("unattributed")
    return ev


def synthetic(n: int, seed: int) -> tuple[list[Event], list[list[str]]]:
    """About n reports and the true incidents (lists of report ids)."""
    rng = random.Random(seed)
    world = World(rng)
    span = max(30, n // REPORTS_PER_DAY)
    reports: list[Event] = []
    truth: list[list[str]] = []
    while len(reports) < n:
        inc = incident(rng, world, span)
        k = rng.choice([2, 3, 4]) if rng.random() < MULTI_SHARE else 1
        group = [report(rng, inc, f"d{len(reports) + i}") for i in range(k)]
        reports += group
        truth.append([r.id for r in group])
    return reports, truth


def bench_batch(sizes: list[int], seed: int) -> None:
    first = None
    for n in sizes:
        reports, truth = synthetic(n, seed)
        t0 = time.perf_counter()
        merged = merge_events(reports)
        dt = time.perf_counter() - t0
        first = first or (n, dt)
        ids = {r.mention_ids[0]: r.id for r in reports}
        p, r = pairwise_precision_recall([[ids[m] for m in e.mention_ids] for e in merged], truth)
        ratio = (dt / first[1]) / (n / first[0])
        print(f"batch  n={n:>7}: {len(merged):>7} events from {len(truth)} incidents, {dt:7.2f} s "
              f"({n / dt:,.0f} reports/s), time ratio per report vs n={first[0]}: {ratio:.2f}, "
              f"pairwise P={p:.3f} R={r:.3f}")


def bench_store(n: int, seed: int) -> None:
    from eventwire.store.db import open_db
    from eventwire.store.merging import merge_into_store
    from eventwire.store.repo import save_document

    reports, truth = synthetic(n, seed)
    with tempfile.TemporaryDirectory() as tmp:
        factory = open_db(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        times = []
        for i, r in enumerate(reports):
            with factory() as s:
                save_document(s, Document(id=r.doc_id, text="", content_hash=r.doc_id))
                merge_into_store(s, [r])
                s.commit()
            if (i + 1) % (n // 4) == 0:
                times.append((i + 1, time.perf_counter() - t0))
        with factory() as s:
            from eventwire.store.repo import iter_events
            ids = {r.mention_ids[0]: r.id for r in reports}
            p, rc = pairwise_precision_recall([[ids[m] for m in e.mention_ids] for e in iter_events(s)], truth)
    steps = ", ".join(f"{k}: {t:.1f} s" for k, t in times)
    q1 = times[0][1]
    q4 = times[-1][1] - times[-2][1]
    print(f"store  n={n:>7}: incremental, one report per transaction: {steps} "
          f"(last quarter / first quarter: {q4 / q1:.2f}), pairwise P={p:.3f} R={rc:.3f}")


def bench_signatures(sizes: list[int]) -> None:
    from eventwire.store import merging
    from eventwire.store.db import open_db

    rng = np.random.default_rng(0)
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            factory = open_db(str(Path(tmp) / "sig.db"))
            with factory() as s:
                sigs = rng.integers(0, 2**32, size=(n, dedup.NUM_PERM), dtype=np.uint32)
                s.bulk_insert_mappings(merging.DocSignatureRow,
                                       [{"doc_id": f"d{i}", "signature": sigs[i].tobytes()} for i in range(n)])
                s.commit()
            merging._INDEXES.clear()
            with factory() as s:
                t0 = time.perf_counter()
                index = merging.duplicate_index(s)
                dt = time.perf_counter() - t0
                t1 = time.perf_counter()
                for i in range(200):
                    index.candidates(dedup.signature_from_bytes(sigs[i].tobytes()))
                q = (time.perf_counter() - t1) / 200
            print(f"lsh    n={n:>7}: rebuild from doc_signatures {dt:6.2f} s, query {q * 1e3:.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--store", type=int, default=5_000, help="reports merged incrementally in SQLite (0: skip)")
    ap.add_argument("--signatures", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    bench_batch(args.sizes, args.seed)
    if args.store:
        bench_store(args.store, args.seed)
    if args.signatures:
        bench_signatures(args.signatures)


if __name__ == "__main__":
    main()
