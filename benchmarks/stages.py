"""CPU time per extraction stage of a single-process ingest (issue 13): ms CPU an article for each stage,
exclusive of the stages nested inside it (the encoder inside the mentions is the encoder's, not the mentions').

usage: python benchmarks/stages.py CORPUS.jsonl [--profile FILE] [--top N]

CORPUS: e.g. the one ``benchmarks/throughput.py --keep DIR --limit 600`` builds (DIR/corpus.jsonl). The models
are loaded before timing (:func:`eventwire.pipeline.warm_up`); the ingest goes into a fresh SQLite store in a
temporary folder. Each stage is a function, wrapped wherever a module holds it (so ``from x import f`` copies are
timed too); what no stage covers is "other" (reading, the ingest loop, the stages' callers). ``--profile FILE``
also runs cProfile over the ingest (slower: the stage figures then include its overhead) and prints the ``--top``
functions by their own time.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# (stage, module, function): the first wrapped function on the call stack takes the time of its own body
STAGES = [
    ("parse", "eventwire.nlp.pipeline", "parse_many"),
    ("parse", "eventwire.nlp.pipeline", "_parse"),
    ("sentence parse (actors)", "eventwire.nlp.pipeline", "sentence_parse"),
    ("segmentation (analyse)", "eventwire.nlp.pipeline", "analyse"),
    ("language detection", "eventwire.nlp.language", "detect_language"),
    ("encoder", "eventwire.extract.classifier", "embed"),
    ("trigger hits", "eventwire.extract.typing_rules", "find_hits"),
    ("mentions", "eventwire.extract.mentions", "find_mentions"),
    ("mentions", "eventwire.extract.mentions", "continue_background"),
    ("local arguments", "eventwire.pipeline", "fill_local_arguments"),
    ("document context", "eventwire.geo", "document_context"),
    ("assembly", "eventwire.pipeline", "_events"),
    ("assembly", "eventwire.assemble", "cluster_mentions"),
    ("assembly", "eventwire.assemble", "mark_dated_background"),
    ("store rows (prepare)", "eventwire.store.merging", "prepare_rows"),
    ("store + merge", "eventwire.ingest_run", "_store_batch"),
    ("store + merge", "eventwire.ingest_run", "_store"),
]

_SPENT: dict[str, float] = {}
_STACK: list[list] = []   # [stage, start, time of nested stages]


def _timed(stage: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        frame = [stage, time.process_time(), 0.0]
        _STACK.append(frame)
        try:
            return fn(*args, **kw)
        finally:
            _STACK.pop()
            total = time.process_time() - frame[1]
            _SPENT[stage] = _SPENT.get(stage, 0.0) + total - frame[2]
            if _STACK:
                _STACK[-1][2] += total
    wrapper.__wrapped_stage__ = True
    return wrapper


def install() -> None:
    """Wrap every stage function wherever a loaded eventwire module holds it."""
    import importlib

    for stage, mod, name in STAGES:
        try:
            module = importlib.import_module(mod)
        except ImportError:
            continue
        fn = getattr(module, name, None)
        if fn is None or getattr(fn, "__wrapped_stage__", False):
            continue
        wrapped = _timed(stage, fn)
        for m in list(sys.modules.values()):
            if getattr(m, "__name__", "").startswith("eventwire") and getattr(m, name, None) is fn:
                setattr(m, name, wrapped)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--profile", help="also write a cProfile of the ingest to this file")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    from rich.console import Console

    import eventwire.ingest_run  # noqa: F401 - every module loaded before wrapping
    import eventwire.store.merging  # noqa: F401
    from eventwire.ingest_run import run_ingest
    from eventwire.merge import warm_up as merge_warm_up
    from eventwire.pipeline import warm_up

    warm_up()
    merge_warm_up()
    install()
    with tempfile.TemporaryDirectory(prefix="eventwire-stages-") as tmp:
        prof = cProfile.Profile() if args.profile else None
        c0 = time.process_time()
        if prof:
            prof.enable()
        s = run_ingest([args.corpus], str(Path(tmp) / "s.db"), show_progress=False,
                       console=Console(stderr=True, quiet=True))
        if prof:
            prof.disable()
        total = time.process_time() - c0
    n = max(1, s.read)
    print(f"{s.read} articles, {s.events} incident reports, {1000 * total / n:.1f} ms CPU an article")
    for stage, spent in sorted(_SPENT.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:28s} {1000 * spent / n:6.1f}")
    print(f"  {'other':28s} {1000 * (total - sum(_SPENT.values())) / n:6.1f}")
    if prof:
        prof.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
