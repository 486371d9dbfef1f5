"""The ingest job: read inputs, extract each new document, store it, report — never stopping on bad input.

Several processes may ingest into one store at once: each document is stored in one write transaction that
first checks again whether another process stored it meanwhile (SQLite: BEGIN IMMEDIATE, writers take turns),
and the summary counts only what this process did.

With ``workers`` > 1 or a ``scheduler`` address the extraction runs on a Dask cluster
(:mod:`eventwire.distributed`); everything else here stays in this process and in input order, so the store is
the same as a single-process run's.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy.exc import IntegrityError

from .ingest import ReadError, count_inputs, read_paths
from .ingest.sections import SECTION_CHARS, extract_in_sections
from .ingest.terminal import printable, safe
from .model import Document
from .merge import warm_up as merge_warm_up
from .pipeline import Pipeline, extract_document
from .store.db import open_db, writer
from .store.merging import UNKNOWN, link_duplicate, merge_into_store
from .store.repo import audit, check_document, distinct_id, find_known, save_document, save_mentions

_ATTEMPTS = 3   # a document whose id another process took meanwhile is extracted again under a new id


@dataclass
class IngestSummary:
    read: int = 0
    known: int = 0
    failed: int = 0
    unsupported: int = 0
    ignored: int = 0
    warnings: int = 0
    events: int = 0        # incident reports read (a document's own events, before merging)
    incidents: int = 0     # incidents this run added to the store (the others joined known incidents)
    background: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def render(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (f"documents read: {self.read}, skipped as already known: {self.known}, "
                f"failed: {self.failed}, warnings: {self.warnings}, other language: {self.unsupported}, "
                f"files not read: {self.ignored}, incident reports: {self.events}, new incidents: {self.incidents}, "
                f"joined to known incidents: {self.events - self.incidents}, background mentions: {self.background} "
                f"({rate:.1f} documents/s)")


def run_ingest(paths: list[str], db: str, show_progress: bool = True,
               console: Console | None = None, workers: int = 1, scheduler: str | None = None,
               pipeline: Pipeline | None = None) -> IngestSummary:
    """Ingest paths into the store at db; one transaction per document.

    ``workers`` > 1 extracts on a local Dask cluster of that many processes, ``scheduler`` on the Dask
    cluster at that address; reading, storing and merging stay here, in input order. Documents are extracted
    ahead of their turn in batches (``pipeline``: a :class:`eventwire.pipeline.Pipeline`, its batch size).

    Raises :class:`eventwire.store.db.StoreError` when the store cannot be opened; every other problem is
    reported (file and line) and counted, and the batch goes on.
    """
    console = console or Console(stderr=True, emoji=False)
    factory = open_db(db)
    write = writer(factory)
    summary = IngestSummary()
    total = count_inputs(paths)
    if workers > 1 or scheduler:
        from .distributed import DaskExtractor

        extractor = DaskExtractor(workers=workers, scheduler=scheduler, pipeline=pipeline)
    else:
        from .distributed import LocalExtractor

        extractor = LocalExtractor(pipeline)
    with extractor as ex:
        merge_warm_up()   # loaded before the clock starts, as the models are
        t0 = time.perf_counter()
        items = ex.ordered(read_paths(paths, stdin=sys.stdin), lambda doc: _speculate(factory, doc))
        _ingest_items(items, factory, write, summary, console, total, show_progress)
    summary.seconds = time.perf_counter() - t0
    return summary


def _ingest_items(items, factory, write, summary: IngestSummary, console: Console, total: int,
                  show_progress: bool) -> None:
    """Ingest (item, extract) pairs in order; ``extract`` None: extract here."""
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[name]}", markup=False), TimeRemainingColumn(),
                        console=console, disable=not show_progress, transient=True)
    with progress:
        task = progress.add_task("ingest", total=total or None, name="")
        last_file = None
        for item, extract in items:
            where = _file_of(item)
            if where != last_file and last_file is not None:
                progress.advance(task)
            last_file = where
            progress.update(task, name=printable(where)[-40:])
            if isinstance(item, ReadError):
                _report_read_error(item, summary, console)
                continue
            _ingest_one(factory, write, item, summary, console, extract)
        if last_file is not None:
            progress.advance(task)


def _speculate(factory, doc: Document) -> str | None:
    """The id the document would be stored under if its turn came now; None when it is already stored."""
    with factory() as s:
        known, taken = check_document(s, doc)
        return None if known else distinct_id(s, doc, taken)


def _file_of(item: Document | ReadError) -> str:
    """The input file an item came from (a Document's path may end in ':line')."""
    if isinstance(item, ReadError):
        return item.path
    head, sep, tail = item.path.rpartition(":")
    return head if sep and tail.isdigit() else item.path


def _report_read_error(item: ReadError, summary: IngestSummary, console: Console) -> None:
    if item.ignored:
        summary.ignored += 1
        console.print(f"[yellow]skipped[/yellow] {safe(item)}", highlight=False, soft_wrap=True)
    elif item.warning:
        summary.warnings += 1
        console.print(f"[yellow]warning[/yellow] {safe(item)}", highlight=False, soft_wrap=True)
    else:
        _fail(summary, console, str(item))


def _fail(summary: IngestSummary, console: Console, msg: str) -> None:
    summary.failed += 1
    summary.errors.append(msg)
    console.print(f"[red]error[/red] {safe(msg)}", highlight=False, soft_wrap=True)
    if os.environ.get("EVENTWIRE_DEBUG") and sys.exc_info()[0] is not None:
        traceback.print_exc()


def _ingest_one(factory, write, doc: Document, summary: IngestSummary, console: Console,
                extract=None) -> None:
    """Check, extract (here, or with ``extract(doc)`` -> (Extraction, sections), extracted ahead) and store.

    When ``extract.ready(doc)`` says the document was already extracted under its present id, the check before
    extracting is left to the write transaction (:func:`_store` checks again there: a document stored
    meanwhile is 'known', an id taken meanwhile is checked and extracted again), as it gives the same answer."""
    summary.read += 1
    where = doc.path or doc.id
    early = extract is not None and getattr(extract, "ready", None) is not None and extract.ready(doc)
    for _ in range(_ATTEMPTS):
        if early:
            new_id, early = doc.id, False
        else:
            with factory() as s:
                known, taken = check_document(s, doc)
                if known:
                    summary.known += 1
                    return
                new_id = distinct_id(s, doc, taken)   # doc.id unless another article has it
        if new_id != doc.id:
            summary.warnings += 1
            console.print(f"[yellow]warning[/yellow] {safe(where)}: id {safe(repr(doc.id))} is already used by "
                          f"a different article; this one is stored as {safe(repr(new_id))}",
                          highlight=False, soft_wrap=True)
            doc.id = new_id
        try:
            res, sections = extract(doc) if extract else extract_in_sections(doc, extract_document)
        except Exception as exc:  # one bad document never stops the batch
            _fail(summary, console, f"{where}: extraction failed: {type(exc).__name__}: {exc}")
            return
        if sections > 1:
            console.print(f"[cyan]note[/cyan] {safe(where)}: a long article ({len(doc.text):,} characters), "
                          f"extracted in {sections} sections of at most {SECTION_CHARS:,} characters",
                          highlight=False, soft_wrap=True)
        try:
            outcome = _store(write, doc, res)
        except Exception as exc:  # a store that refuses one document (disk full, locked too long...) is reported
            _fail(summary, console, f"{where}: could not be stored: {type(exc).__name__}: {_first_line(exc)}")
            return
        if outcome == "retry":
            continue
        if outcome == "known":
            summary.known += 1
            return
        if res.skipped:
            summary.unsupported += 1
            console.print(f"[yellow]skipped[/yellow] {safe(where)}: {safe(res.skipped)}",
                          highlight=False, soft_wrap=True)
            return
        summary.events += len(res.events)
        summary.incidents += outcome
        summary.background += sum(1 for m in res.mentions if m.kind != "event")
        return
    _fail(summary, console, f"{where}: its id kept being taken by other processes; not stored (run again)")


def _store(write, doc: Document, res) -> int | str:
    """Store one extracted document in one write transaction. Returns the number of new incidents, or 'known'
    when another process stored the same article meanwhile, or 'retry' when it took the id for another one."""
    with write() as s:
        try:
            known, taken = check_document(s, doc)
            if known:
                return "known"
            if taken:
                return "retry"
            if res.skipped:
                save_document(s, doc, status=f"skipped: {res.skipped}"[:40])
                s.commit()
                return 0
            prepared = res.prepared if res.prepared is not None and res.prepared.doc_id == doc.id else None
            save_document(s, doc)
            save_mentions(s, res.mentions, prepared.mentions if prepared else None)
            root = link_duplicate(s, doc, prepared.signature if prepared else UNKNOWN)
            saved = merge_into_store(s, res.events, ungrouped=[doc.id] if root is None else [])
            for ev in saved:
                audit(s, "ingest", ev.id, {"doc_id": doc.id}, automatic=True)
            s.commit()
        except IntegrityError:   # a store without write locks (or a race it allows): stored by someone else
            s.rollback()
            with write() as again:
                if find_known(again, doc):
                    return "known"
            raise
    return sum(1 for ev in saved if set(ev.source_documents) <= {doc.id})


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else ""
