"""Web API speed: /api/events under concurrent clients on a store of N events (issue 12, item 8).

    python benchmarks/web.py [--events 10000] [--clients 20] [--requests 40] [--db PATH]

Builds (or reuses, with --db) a store: the example articles are ingested, then their events are copied with new
ids and dates spread over a year until there are --events of them. Serves it with uvicorn on a free local port
and has --clients threads each send --requests GET /api/events with varied filters, sorts and pages; prints
the cold first request, p50, p95 and max latency, the server's CPU time per request, the machine's load
average (other programs on the machine slow every figure but the CPU time), and the time of one read after a
review.
"""
from __future__ import annotations

import argparse
import copy
import os
import random
import socket
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [{}, {"country": "Mali"}, {"sort": "-fatalities"}, {"event_type": "Battles", "page": 3},
           {"q": "mogadishu"}, {"since": "2024-03-01", "until": "2024-04-30"}, {"min_fatalities": 2},
           {"bbox": "-20,0,50,40", "sort": "location"}, {"status": "unreviewed", "page": 7}, {"actor": "forces"}]


def build(db: Path, n: int) -> None:
    from eventwire.ingest_run import run_ingest
    from eventwire.store.db import EventRow, open_db, writer
    from eventwire.store.repo import _fill_event_row, event_of

    run_ingest([str(ROOT / "examples")], str(db), show_progress=False)
    factory = open_db(str(db))
    with writer(factory)() as s:
        base = [event_of(r) for r in s.query(EventRow).all()]
        for i in range(max(0, n - len(base))):
            ev = copy.deepcopy(base[i % len(base)])
            ev.id = f"EWBENCH{i:07d}"
            if ev.date.value:
                ev.date.value.day = date(2024, 1, 1) + timedelta(days=i % 366)
            row = EventRow(id=ev.id)
            _fill_event_row(row, ev)
            s.add(row)
        s.commit()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--db")
    a = ap.parse_args()
    db = Path(a.db) if a.db else Path(tempfile.mkdtemp(prefix="ew-bench-")) / "web.db"
    if not db.exists():
        t = time.perf_counter()
        build(db, a.events)
        print(f"store of {a.events} events built in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    import subprocess

    port = free_port()   # the server runs in its own process, as `eventwire serve` does
    server = subprocess.Popen([sys.executable, "-c", "from eventwire.cli import app; app()", "serve", "--db", str(db),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter()
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=5)
            break
        except httpx.TransportError:
            if server.poll() is not None or time.perf_counter() - t > 120:
                raise SystemExit("the server did not start")
            time.sleep(0.1)
    print(f"server ready in {time.perf_counter() - t:.1f} s (events decoded before the first request)",
          file=sys.stderr)
    httpx.get(f"http://127.0.0.1:{port}/api/borders.geojson", timeout=120)   # built in the background at start
    url = f"http://127.0.0.1:{port}/api/events"
    t = time.perf_counter()
    total = httpx.get(url, timeout=60).json()["total"]
    cold = time.perf_counter() - t

    def client(k: int) -> list[float]:
        rnd = random.Random(k)
        out = []
        with httpx.Client(timeout=60) as c:
            for _ in range(a.requests):
                q = rnd.choice(QUERIES)
                t0 = time.perf_counter()
                r = c.get(url, params=q)
                out.append(time.perf_counter() - t0)
                assert r.status_code == 200, r.text
        return out

    import psutil

    cpu0, load = psutil.Process(server.pid).cpu_times(), os.getloadavg()[0]
    t = time.perf_counter()
    with ThreadPoolExecutor(a.clients) as pool:
        lat = sorted(x for part in pool.map(client, range(a.clients)) for x in part)
    wall = time.perf_counter() - t
    cpu1 = psutil.Process(server.pid).cpu_times()
    cpu = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / len(lat)
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731

    from eventwire import review
    from eventwire.store.db import open_db, writer

    with writer(open_db(str(db)))() as s:
        eid = s.execute(__import__("sqlalchemy").text("select id from events limit 1")).scalar()
        r = review.add_review(s, "bench", eid, "confirm")
        s.commit()
        rid = r.id
    time.sleep(0.6)   # the app checks the store for other processes' writes every 0.5 s
    t = time.perf_counter()
    httpx.get(url, timeout=60)
    after_review = time.perf_counter() - t
    with writer(open_db(str(db)))() as s:
        review.undo(s, "bench", rid)
        s.commit()
    server.terminate()
    server.wait(10)
    print(f"events {total}, clients {a.clients}, requests {len(lat)} in {wall:.1f} s ({len(lat) / wall:.0f}/s); "
          f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after; server CPU {cpu * 1000:.2f} ms/request")
    print(f"/api/events: cold first request {cold * 1000:.0f} ms; p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, "
          f"max {lat[-1] * 1000:.0f} ms; first read after a review {after_review * 1000:.0f} ms")


if __name__ == "__main__":
    main()
