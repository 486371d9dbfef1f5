"""Throughput of `eventwire ingest` (issue 13): articles/s, words/s and peak memory with 1 and 2 workers, against
the spaCy parse-only floor (nlp.pipe with the same pipelines on the same texts).

usage: python benchmarks/throughput.py [--min-articles 2000] [--limit N] [--workers 1 2] [--no-floor] [--keep DIR]

The corpus (at least --min-articles articles) is built in a temporary folder, never in the repository, from
tests/corpus/*/*.txt, examples/ and ../shared/dev/acled_dev.jsonl when present; when these hold fewer articles,
they are used again with a numbered line added ("Ref. 2/3."), so every copy is a new document for the store.
``--limit N`` keeps the first N articles of that corpus (a quicker check; the figures of record use 2,000), and
``--no-floor`` leaves out the two parse-only measures (no ratios to the floor then).
Each measure runs in its own process (so peak memory is that run's):

- ``parse``: language detected first (not timed), then ``nlp.pipe`` per language over the texts, with the
  pipelines eventwire runs (the models without their named-entity recogniser, which no extraction reads) and,
  for comparison with figures taken before that change, ``parse-full`` with the models as shipped;
- ``ingest N``: ``run_ingest`` into a fresh SQLite store, N=1 in-process, N>1 on a LocalCluster of N processes
  (the time excludes loading the models, as the ingest summary's rate does); peak RSS of the ingesting process
  and of each worker.

Prints one line per measure (with the load average when it started and ended: other programs sharing the
cores slow every figure) and the ratios (end-to-end / parse-only, 2 workers / 1 worker); for one process, the
ratio of CPU time per article too (parse-only / ingest), which other programs' load disturbs less.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _base_articles() -> list[dict]:
    from eventwire.ingest import read_paths

    paths = sorted(str(p) for p in (ROOT / "tests" / "corpus").glob("*/*.txt"))
    paths += sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".jsonl"))
    dev = ROOT.parent / "shared" / "dev" / "acled_dev.jsonl"
    if dev.exists():
        paths.append(str(dev))
    out = []
    for item in read_paths(paths):
        if hasattr(item, "text") and item.text.strip():
            out.append({"id": item.id, "date": item.published, "text": item.text, "title": item.title,
                        "source": item.source})
    return out


def build_corpus(folder: Path, minimum: int, limit: int | None = None) -> tuple[Path, int, int]:
    """A JSONL corpus of at least ``minimum`` articles (at most ``limit``); (path, articles, words)."""
    base = _base_articles()
    rounds = max(1, -(-minimum // max(1, len(base))))
    path, n, words = folder / "corpus.jsonl", 0, 0
    with path.open("w", encoding="utf-8") as fh:
        for r in range(rounds):
            for a in base:
                if (r and n >= minimum) or (limit and n >= limit):
                    break
                text = a["text"] if r == 0 else f"{a['text'].rstrip()}\n\nRef. {r + 1}/{rounds}."
                row = {**a, "id": a["id"] if r == 0 else f"{a['id']}~r{r + 1}", "text": text}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
                words += len(text.split())
    return path, n, words


def _peak_mb() -> float:
    """This process's peak RSS in MiB (2**20 bytes; ``ru_maxrss`` is in KiB on Linux). The results keep the key
    ``peak_mb`` (MiB) of earlier runs; :func:`_mem` prints both units."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak_mb() -> float:
    import resource as r

    return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024


def _mem(mib: list[float] | float) -> str:
    """Peak memory in binary and decimal units, unambiguous: '1,521 MiB = 1,595 MB' (1.5 GB = 1,430.5 MiB)."""
    values = mib if isinstance(mib, list) else [mib]
    if not values:
        return "-"
    return (f"{', '.join(f'{m:,.0f}' for m in values)} MiB = "
            f"{', '.join(f'{m * 2**20 / 1e6:,.0f}' for m in values)} MB")


def measure_parse(corpus: Path, full: bool = False) -> dict:
    """nlp.pipe over the texts, per language: the pipelines eventwire runs (``get_nlp``: the models without the
    components no extraction reads), or with ``full`` the models as shipped (named entities included)."""
    import spacy

    from eventwire.nlp.language import detect_language
    from eventwire.nlp.pipeline import MODELS, get_nlp

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    by_lang: dict[str, list[str]] = {}
    for t in texts:
        by_lang.setdefault(detect_language(t), []).append(t)
    nlps = {lang: spacy.load(MODELS[lang]) if full else get_nlp(lang) for lang in by_lang if lang in ("fr", "en")}
    load, t0, c0 = os.getloadavg()[0], time.perf_counter(), time.process_time()
    for lang, nlp in nlps.items():
        for _ in nlp.pipe(by_lang[lang], batch_size=64):
            pass
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0, "peak_mb": _peak_mb(),
            "articles": sum(len(by_lang[lang]) for lang in nlps), "components": sorted(
                {c for nlp in nlps.values() for c in nlp.pipe_names}), "load": [load, os.getloadavg()[0]]}


def _threads_cpu() -> dict[str, float]:
    """CPU seconds of each thread of this process by Python name, digits dropped (Linux: /proc/self/task), threads
    of one name summed."""
    import re
    import threading

    names = {t.native_id: re.sub(r"[-_ ]?\d+", "", t.name) for t in threading.enumerate()}
    out: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue
        name = names.get(int(task.name), "other")
        fields = stat[stat.rindex(")") + 2:].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return out


def _marking(marks: list[int], probe) -> list:
    """Record ``probe()`` when the ingest loop reaches each of ``marks`` documents read (and at its end): wraps
    ``_ingest_one``. Returns the list the (documents read, probe) pairs are appended to."""
    import eventwire.ingest_run as ingest_run

    seen, pending, one = [], sorted(marks), ingest_run._ingest_one

    def counted(factory, write, doc, summary, *args, **kw):
        if pending and summary.read >= pending[0]:
            pending.pop(0)
            seen.append((summary.read, probe()))
        return one(factory, write, doc, summary, *args, **kw)

    ingest_run._ingest_one = counted
    return seen


def measure_ingest(corpus: Path, workers: int, marks: list[int] | None = None) -> dict:
    from rich.console import Console

    from eventwire.ingest_run import run_ingest

    db = corpus.parent / f"w{workers}-{time.time_ns()}.db"
    console = Console(stderr=True, quiet=True)
    load = os.getloadavg()[0]
    if workers <= 1:
        from eventwire.pipeline import warm_up

        warm_up()   # loaded before the CPU clock starts, as the rate's clock starts after loading
        from eventwire.merge import warm_up as merge_warm_up

        merge_warm_up()
        seen = _marking(marks or [], lambda: {"main": time.process_time()})
        c0 = time.process_time()
        s = run_ingest([str(corpus)], str(db), show_progress=False, console=console)
        seen.append((s.read, {"main": time.process_time()}))
        return {"seconds": s.seconds, "cpu_seconds": time.process_time() - c0, "peak_mb": _peak_mb(),
                "worker_peak_mb": [], "read": s.read, "failed": s.failed, "events": s.events,
                "db_bytes": _db_bytes(db), "load": [load, os.getloadavg()[0]],
                "marks": [(0, {"main": c0})] + seen}
    import logging

    from dask.distributed import Client

    from eventwire.distributed import load_worker
    try:
        from eventwire.distributed import local_cluster
    except ImportError:   # an eventwire from before it (figures taken to compare)
        from dask.distributed import LocalCluster

        def local_cluster(n: int):
            return LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                silence_logs=logging.ERROR)
    from eventwire.pipeline import Pipeline
    try:
        from eventwire.merge import warm_up as merge_warm_up
    except ImportError:   # an eventwire from before it (figures taken to compare)
        def merge_warm_up() -> None:
            pass

    with local_cluster(workers) as cluster, Client(cluster) as client:
        client.run(load_worker, Pipeline())   # models loaded before the CPU clocks start (run_ingest's is then a no-op)
        merge_warm_up()

        def probe() -> dict:
            return {"main": time.process_time(), "workers": sum(client.run(time.process_time).values()),
                    **{f"thread {k}": v for k, v in _threads_cpu().items()}}

        seen = _marking(marks or [], probe)
        first = probe()
        w0, c0 = client.run(time.process_time), time.process_time()
        s = run_ingest([str(corpus)], str(db), show_progress=False, console=console, scheduler=cluster.scheduler_address)
        main_cpu, w1 = time.process_time() - c0, client.run(time.process_time)
        seen.append((s.read, probe()))
        worker_peaks = sorted(client.run(_worker_peak_mb).values())
    return {"seconds": s.seconds, "peak_mb": _peak_mb(), "worker_peak_mb": worker_peaks, "read": s.read,
            "failed": s.failed, "events": s.events, "db_bytes": _db_bytes(db), "load": [load, os.getloadavg()[0]],
            "main_cpu_seconds": main_cpu, "worker_cpu_seconds": sum(w1[k] - w0[k] for k in w1 if k in w0),
            "marks": [(0, first)] + seen}


def _db_bytes(db: Path) -> int:
    """The SQLite store's size on disk (with its WAL), after the run."""
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def _child(args) -> None:
    corpus = Path(args.corpus)
    res = (measure_parse(corpus, full=args.child == "parse-full") if args.child.startswith("parse")
           else measure_ingest(corpus, int(args.child), args.marks))
    print("RESULT " + json.dumps(res))


def _run_child(corpus: Path, what: str, marks: list[int] | None = None) -> dict:
    more = ["--marks", *map(str, marks)] if marks else []
    out = subprocess.run([sys.executable, __file__, "--child", what, "--corpus", str(corpus), *more],
                         capture_output=True, text=True, check=True)
    line = next(l for l in out.stdout.splitlines() if l.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--limit", type=int, help="keep only the first N articles of the corpus (a quicker check)")
    ap.add_argument("--no-floor", action="store_true", help="skip the parse-only measures")
    ap.add_argument("--keep", help="build the corpus and stores in this folder (kept) instead of a temporary one")
    ap.add_argument("--marks", type=int, nargs="+", help="also print the CPU per article of each stretch between "
                    "these numbers of documents read (ingesting process by thread, workers)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return
    with tempfile.TemporaryDirectory(prefix="eventwire-throughput-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, n, words = build_corpus(folder, args.min_articles, args.limit)
        print(f"corpus: {n} articles, {words:,} words ({words / n:.0f} words/article)")
        floors, cpu_floor, cpu_ingest = {}, 0.0, 0.0
        floor_measures = () if args.no_floor else (("parse", "parse-only, eventwire's pipelines"),
                                                   ("parse-full", "parse-only, full models"))
        for what, label in floor_measures:
            parse = _run_child(corpus, what)
            floors[what] = parse["articles"] / parse["seconds"]
            if what == "parse":
                cpu_floor = parse["cpu_seconds"] / parse["articles"]
            print(f"{label} (nlp.pipe; {', '.join(parse['components'])}): {floors[what]:.1f} articles/s, "
                  f"{words / parse['seconds']:,.0f} words/s, {1000 * parse['cpu_seconds'] / parse['articles']:.1f} "
                  f"ms CPU/article, peak {_mem(parse['peak_mb'])} ({parse['articles']} fr/en articles in "
                  f"{parse['seconds']:.1f} s){_load(parse)}")
        rates = {}
        for w in args.workers:
            r = _run_child(corpus, str(w), args.marks)
            rates[w] = r["read"] / r["seconds"]
            if w == 1 and r.get("cpu_seconds"):
                cpu_ingest = r["cpu_seconds"] / r["read"]
            cpu = f", {1000 * r['cpu_seconds'] / r['read']:.1f} ms CPU/article" if r.get("cpu_seconds") else ""
            if r.get("main_cpu_seconds"):
                cpu = (f", {1000 * (r['main_cpu_seconds'] + r['worker_cpu_seconds']) / r['read']:.1f} ms CPU/article "
                       f"(ingesting process {1000 * r['main_cpu_seconds'] / r['read']:.1f}, workers "
                       f"{1000 * r['worker_cpu_seconds'] / r['read']:.1f})")
            print(f"ingest, {w} worker{'s' if w > 1 else ''}: {rates[w]:.1f} articles/s, "
                  f"{words / r['seconds']:,.0f} words/s{cpu}, {r['seconds']:.1f} s, {r['events']} incident reports, "
                  f"{r['failed']} failed; peak RSS main {_mem(r['peak_mb'])}, workers {_mem(r['worker_peak_mb'])}; "
                  f"store {r.get('db_bytes', 0) / 2**20:.1f} MiB ({r.get('db_bytes', 0) / max(1, r['read']) / 1024:.1f} "
                  f"KiB/article){_load(r)}")
            if args.marks:
                _print_marks(r["marks"])
        for w, rate in rates.items() if floors else ():
            print(f"ratio ingest {w} worker(s) / parse-only: {rate / floors['parse']:.2f} (eventwire's pipelines), "
                  f"{rate / floors['parse-full']:.2f} (full models)")
        if cpu_floor and cpu_ingest:
            print(f"ratio in CPU time per article (other programs' load counts less): parse-only / ingest 1 "
                  f"worker {cpu_floor / cpu_ingest:.2f}")
        if 1 in rates:
            for w, rate in rates.items():
                if w > 1:
                    print(f"speed-up {w} workers / 1: {rate / rates[1]:.2f}x")


def _print_marks(marks: list) -> None:
    """CPU ms per article between successive marks, and from the start (as a run of that length would give)."""
    (n0, p0), prev = marks[0], marks[0]
    for n, p in marks[1:]:
        if n <= prev[0]:
            continue
        span = ", ".join(f"{k} {1000 * (p[k] - prev[1].get(k, 0.0)) / (n - prev[0]):.2f}" for k in p
                         if 1000 * (p[k] - prev[1].get(k, 0.0)) / (n - prev[0]) >= 0.05)
        whole = ", ".join(f"{k} {1000 * (p[k] - p0.get(k, 0.0)) / (n - n0):.2f}" for k in ("main", "workers") if k in p)
        print(f"  documents {prev[0]}-{n}: {span} ms CPU/article | 0-{n}: {whole}")
        prev = (n, p)


def _load(r: dict) -> str:
    """The 1-minute load average when a measure started and ended (other programs share the cores)."""
    return f"; load {r['load'][0]:.1f} -> {r['load'][1]:.1f}" if "load" in r else ""


if __name__ == "__main__":
    main()
