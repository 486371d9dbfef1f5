"""Storing cost of `eventwire ingest` (issue 13): CPU per document of the storing process alone, with statements
per document by kind, from extractions computed once and cached.

usage: python benchmarks/store.py [--limit 600] [--cache FILE] [--mode dask|local] [--batch 32] [--repeat 3]
                                  [--statements] [--profile N] [--tables FILE]

The first N articles of benchmarks/throughput.py's corpus are extracted once (batches of 32) and cached (``--cache``, default in the system's
temporary folder). Each run then stores them into a fresh SQLite store through the ingest's own code: the
documents are read, their ids guessed and their batches "submitted" by :meth:`DaskExtractor.ordered`, each
batch's results unpickled when its first document's turn comes (as a worker's result is), and stored by
``_ingest_items`` with the store batch. ``--mode dask`` (default): the results as a worker sends them
(:func:`eventwire.distributed.for_store`); ``--mode local``: as one process's extraction leaves them. Prints CPU ms per document for each run and the least; ``--statements``: the
statements per document and their time by kind (the SQL's first words and table); ``--profile N``: cProfile's
N costliest functions of the last run; ``--tables FILE``: every table of the last run's store as JSON, in rowid
order (without timestamps), to compare two versions of the code.
"""
from __future__ import annotations

import argparse
import collections
import cProfile
import io
import json
import pickle
import pstats
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def extract(limit: int, cache: Path) -> None:
    import throughput

    from eventwire.ingest import read_paths
    from eventwire.pipeline import Pipeline

    folder = Path(tempfile.mkdtemp(prefix="eventwire-store-"))
    corpus, _, _ = throughput.build_corpus(folder, 2000, limit)
    docs = [d for d in read_paths([str(corpus)]) if hasattr(d, "text")]
    pipeline = Pipeline(batch_size=32).load()
    results = []
    for i in range(0, len(docs), 32):
        results.extend(zip(docs[i:i + 32], pipeline.extract_many(docs[i:i + 32])))
    cache.write_bytes(pickle.dumps({"corpus": corpus.read_text(encoding="utf-8"), "results": results}))


def kind(sql: str) -> str:
    """A statement's kind: its first words and table, and for a SELECT the start of its WHERE clause."""
    s = " ".join(sql.split())
    m = re.match(r"(SELECT|INSERT INTO|UPDATE|DELETE FROM|[A-Z]+)\s*(.*)", s)
    head, rest = (m.group(1), m.group(2)) if m else (s[:20], "")
    if head == "SELECT":
        table, where = re.search(r"FROM (\w+)", rest), re.search(r"WHERE (.{0,70})", rest)
        cond = re.sub(r"\w+\.|[?,()]|%\(\w+\)s|__\[POSTCOMPILE_\w+\]", "", where.group(1)) if where else ""
        return f"SELECT {table.group(1) if table else '?'} WHERE {' '.join(cond.split())[:45]}"
    return f"{head} {rest.split()[0] if rest else ''}"


def run(data: dict, mode: str, batch: int, statements: bool, profile: bool, tables: str | None):
    from rich.console import Console
    from sqlalchemy import event

    import eventwire.ingest_run as ingest
    from eventwire.distributed import DaskExtractor
    from eventwire.ingest import read_paths
    from eventwire.pipeline import Pipeline
    from eventwire.store.db import engine_of, open_db, writer

    folder = Path(tempfile.mkdtemp(prefix="eventwire-store-"))
    corpus = folder / "corpus.jsonl"
    corpus.write_text(data["corpus"], encoding="utf-8")
    results = pickle.loads(data["results"])   # fresh objects, as one process's extraction leaves them
    if mode == "dask":   # as a worker sends them
        try:
            from eventwire.distributed import for_store
        except ImportError:   # the code before for_store (to compare)
            from eventwire.store.merging import prepare_rows

            def for_store(doc, res):
                if not isinstance(res, BaseException) and not res[0].skipped:
                    res[0].prepared = prepare_rows(doc, res[0].mentions)
                return doc, res
        results = [for_store(d, r) for d, r in results]
    cached = {d.id: pickle.dumps((d, r)) for d, r in results}

    class Cached(DaskExtractor):
        """DaskExtractor.ordered as it runs; its tasks answered from the cache (unpickled as a result is)."""

        def _submit(self, docs):
            class Result:
                value = None

                def get(self, i):
                    if self.value is None:
                        self.value = [pickle.loads(cached[d.id]) for d in docs]
                    return self.value[i]
            return Result()

    db = folder / "store.db"
    factory = open_db(str(db))
    write = writer(factory)
    counts, seconds, started = collections.Counter(), collections.Counter(), {}
    if statements:
        def before(conn, cursor, sql, params, context, many):
            started["t"] = time.perf_counter()

        def after(conn, cursor, sql, params, context, many):
            k = kind(sql)
            counts[k] += 1
            seconds[k] += time.perf_counter() - started["t"]
        event.listen(engine_of(factory), "before_cursor_execute", before)
        event.listen(engine_of(factory), "after_cursor_execute", after)
    summary, console = ingest.IngestSummary(), Console(stderr=True, quiet=True)
    ex = Cached(pipeline=Pipeline(batch_size=32), window=192)
    speculate = ingest._Speculator(factory) if hasattr(ingest, "_Speculator") else (
        lambda doc: ingest._speculate(factory, doc))   # the code before _Speculator (to compare)
    prof = cProfile.Profile() if profile else None
    c0 = time.process_time()
    if prof:
        prof.enable()
    items = ex.ordered(read_paths([str(corpus)]), speculate)
    ingest._ingest_items(items, factory, write, summary, console, 0, False,
                         ingest._Batch(factory, write, summary, console, size=batch))
    if prof:
        prof.disable()
    cpu = time.process_time() - c0
    engine_of(factory).dispose()
    if tables:
        con = sqlite3.connect(db)
        out = {}
        for (t,) in con.execute("select name from sqlite_master where type='table' order by name"):
            cols = [r[1] for r in con.execute(f"pragma table_info({t})")
                    if r[1] not in ("ingested_at", "created_at", "updated_at", "at")]
            out[t] = con.execute(f"select {', '.join(repr(c) for c in cols)} from {t} order by rowid").fetchall()
        con.close()
        Path(tables).write_text(json.dumps(out, default=str, ensure_ascii=False), encoding="utf-8")
    return cpu, summary, counts, seconds, prof


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--cache", help="the cached extractions (made when missing)")
    ap.add_argument("--mode", choices=("dask", "local"), default="dask")
    ap.add_argument("--batch", type=int, default=32, help="documents per write transaction")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--statements", action="store_true")
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--tables")
    args = ap.parse_args()
    cache = Path(args.cache or Path(tempfile.gettempdir()) / f"eventwire-store-{args.limit}.pkl")
    if not cache.exists():
        extract(args.limit, cache)
    raw = pickle.loads(cache.read_bytes())
    data = {"corpus": raw["corpus"], "results": pickle.dumps(raw["results"])}
    from eventwire.merge import warm_up

    warm_up()
    cpus = []
    for r in range(args.repeat):
        last = r == args.repeat - 1
        cpu, s, counts, seconds, prof = run(data, args.mode, args.batch, args.statements and last,
                                            bool(args.profile) and last, args.tables if last else None)
        cpus.append(cpu)
        print(f"run {r + 1}: {s.read} documents ({s.events} incident reports, {s.incidents} new incidents, "
              f"{s.known} known, {s.failed} failed): {1000 * cpu / s.read:.2f} ms CPU/document", flush=True)
    n = s.read
    print(f"storing ({args.mode}, {args.batch} documents per transaction): {1000 * min(cpus) / n:.2f} ms CPU/document "
          f"(least of {args.repeat})")
    if counts:
        print(f"statements per document: {sum(counts.values()) / n:.2f} (time in the driver, ms/document)")
        for k, c in counts.most_common():
            print(f"  {c / n:6.2f}  {1000 * seconds[k] / n:6.3f}  {k}")
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.profile)
        print(out.getvalue())


if __name__ == "__main__":
    main()
