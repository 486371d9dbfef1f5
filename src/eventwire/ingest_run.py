"""The ingest job: read inputs, extract each new document, store it, report — never stopping on bad input.

Several processes may ingest into one store at once: documents are stored several per write transaction (up to
:data:`STORE_BATCH`, or those extracted within :data:`STORE_SECONDS` of the first), which checks each of them
again, in input order, before writing it (SQLite: BEGIN IMMEDIATE, PostgreSQL: an advisory lock; writers take
turns); a transaction that fails is done again one document per transaction, and the summary counts only what
this process did.

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
from .store.merging import UNKNOWN, forget_unsaved, link_duplicate, merge_into_store
from .store.repo import (DocumentChecks, audit, check_document, distinct_id, find_known, save_document,
                         save_mentions)

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
               pipeline: Pipeline | None = None, store_batch: int | None = None) -> IngestSummary:
    """Ingest paths into the store at db; up to ``store_batch`` documents per write transaction (default
    the settings' ``store_batch``, i.e. ``EVENTWIRE_STORE_BATCH`` or 32; 1: one transaction per document), each
    checked again inside it.

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
        items = ex.ordered(read_paths(paths, stdin=sys.stdin), _Speculator(factory))
        batch = _Batch(factory, write, summary, console, size=store_batch or _env_batch())
        _ingest_items(items, factory, write, summary, console, total, show_progress, batch)
    summary.seconds = time.perf_counter() - t0
    return summary


def _env_batch() -> int:
    """The store batch of the settings (:class:`eventwire.settings.Settings`, ``EVENTWIRE_STORE_BATCH``)."""
    from .settings import Settings

    try:
        return max(1, Settings.load().store_batch)
    except ValueError:
        return STORE_BATCH


def _ingest_items(items, factory, write, summary: IngestSummary, console: Console, total: int,
                  show_progress: bool, batch: "_Batch | None" = None) -> None:
    """Ingest (item, extract) pairs in order; ``extract`` None: extract here. ``batch``: stores the documents
    several per transaction (an input file's progress step waits until its documents are stored)."""
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[name]}", markup=False), TimeRemainingColumn(),
                        console=console, disable=not show_progress, transient=True)
    with progress:
        task = progress.add_task("ingest", total=total or None, name="")
        if batch is not None:
            batch.on_stored = lambda files: progress.advance(task, files)
        last_file = None
        for item, extract in items:
            where = _file_of(item)
            if where != last_file and last_file is not None:
                if batch is not None and batch.items:   # a file counts as done once its documents are stored
                    batch.files_done += 1
                else:
                    progress.advance(task)
            last_file = where
            progress.update(task, name=printable(where)[-40:])
            if isinstance(item, ReadError):
                _report_read_error(item, summary, console)
                continue
            _ingest_one(factory, write, item, summary, console, extract, batch)
        if batch is not None:
            batch.flush()
        if last_file is not None:
            progress.advance(task)


class _Speculator:
    """The id a document would be stored under if its turn came now; None when it is already stored. ``many``:
    the same for several documents, read with one statement (each as if it came alone: the others are not
    counted as stored)."""

    def __init__(self, factory) -> None:
        self.factory = factory

    def __call__(self, doc: Document) -> str | None:
        return self.many([doc])[0]

    def many(self, docs: list[Document]) -> list[str | None]:
        with self.factory() as s:
            checks = DocumentChecks(s, docs)
            out = []
            for doc in docs:
                known, taken = checks.check(doc)
                out.append(None if known else distinct_id(s, doc, taken))
            return out


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
                extract=None, batch: "_Batch | None" = None) -> None:
    """Check, extract (here, or with ``extract(doc)`` -> (Extraction, sections), extracted ahead) and store.

    When ``extract.ready(doc)`` says the document was already extracted under its present id, the check before
    extracting is left to the write transaction (:func:`_store` checks again there: a document stored
    meanwhile is 'known', an id taken meanwhile is checked and extracted again), as it gives the same answer.

    ``batch``: the document is stored with the next ones in one write transaction (:class:`_Batch`), which
    checks each again; without it, in a transaction of its own."""
    summary.read += 1
    if batch is not None and batch.items and time.monotonic() - batch.since >= batch.seconds:
        batch.flush()   # those waiting since the time limit are stored before this one is extracted
    early = extract is not None and getattr(extract, "ready", None) is not None and extract.ready(doc)
    _attempts(factory, write, doc, summary, console, extract, early, _ATTEMPTS, batch)


def _attempts(factory, write, doc: Document, summary: IngestSummary, console: Console, extract, early: bool,
              attempts: int, batch: "_Batch | None" = None) -> None:
    where = doc.path or doc.id
    for attempt in range(attempts):
        res = _extracted(factory, doc, summary, console, extract, early)
        early = False
        if res is None:
            return
        if batch is not None and attempt == 0:
            batch.add(doc, res, extract, attempts - 1)
            return
        try:
            outcome = _store(write, doc, res)
        except Exception as exc:  # a store that refuses one document (disk full, locked too long...) is reported
            outcome = exc
        if outcome != "retry":
            _account(summary, console, doc, res, outcome)
            return
    _fail(summary, console, f"{where}: its id kept being taken by other processes; not stored (run again)")


def _extracted(factory, doc: Document, summary: IngestSummary, console: Console, extract, early: bool):
    """The document's extraction under an id no stored document has (it may change ``doc.id``), or None when it
    is known already or its extraction failed (counted and reported)."""
    where = doc.path or doc.id
    if early:
        new_id = doc.id
    else:
        with factory() as s:
            known, taken = check_document(s, doc)
            if known:
                summary.known += 1
                return None
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
        return None
    if sections > 1:
        console.print(f"[cyan]note[/cyan] {safe(where)}: a long article ({len(doc.text):,} characters), "
                      f"extracted in {sections} sections of at most {SECTION_CHARS:,} characters",
                      highlight=False, soft_wrap=True)
    return res


def _account(summary: IngestSummary, console: Console, doc: Document, res, outcome) -> None:
    """Count (and report) what storing one document did: an exception, 'known', or its number of new incidents."""
    where = doc.path or doc.id
    if isinstance(outcome, BaseException):
        _fail(summary, console, f"{where}: could not be stored: {type(outcome).__name__}: {_first_line(outcome)}")
        return
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
    summary.background += (res.prepared.background if res.prepared is not None and res.prepared.alone
                           else sum(1 for m in res.mentions if m.kind != "event"))


STORE_BATCH = 32        # documents stored in one write transaction at most ...
STORE_SECONDS = 0.5     # ... and at most this long after the first of them was extracted


class _Batch:
    """Extracted documents waiting to be stored, several in one write transaction (:func:`_store_batch`): up to
    ``size`` documents, or those extracted within ``seconds`` of the first. Each is checked again inside the
    transaction, in input order, exactly as one transaction per document would (the earlier documents of the
    batch are stored by then), so the store ends the same. A document whose id was taken meanwhile ends the
    transaction: it is checked and extracted again alone, before the documents after it. When the transaction
    fails, the batch is stored again one document per transaction, so one bad document loses none of the others.
    """

    def __init__(self, factory, write, summary: IngestSummary, console: Console, size: int = STORE_BATCH,
                 seconds: float = STORE_SECONDS) -> None:
        self.factory, self.write, self.summary, self.console = factory, write, summary, console
        self.size, self.seconds = max(1, size), seconds
        self.items: list[tuple] = []
        self.since = 0.0
        self.files_done = 0      # input files read to their end whose last documents wait here
        self.on_stored = None    # called with that number once they are stored

    def add(self, doc: Document, res, extract, attempts_left: int) -> None:
        if not self.items:
            self.since = time.monotonic()
        self.items.append((doc, res, extract, attempts_left))
        if len(self.items) >= self.size or time.monotonic() - self.since >= self.seconds:
            self.flush()

    def flush(self) -> None:
        items, self.items = self.items, []
        while items:
            outcomes = _store_batch(self.write, [(doc, res) for doc, res, _, _ in items])
            for (doc, res, _, _), outcome in zip(items, outcomes):
                if outcome != "retry":
                    _account(self.summary, self.console, doc, res, outcome)
            if outcomes and outcomes[-1] == "retry":   # its id was taken: checked and extracted again, alone
                doc, _, extract, attempts_left = items[len(outcomes) - 1]
                _attempts(self.factory, self.write, doc, self.summary, self.console, extract, False, attempts_left)
            items = items[len(outcomes):]
        if self.files_done and self.on_stored is not None:
            self.on_stored(self.files_done)
        self.files_done = 0


def _store_batch(write, items: list[tuple[Document, object]]) -> list:
    """Store documents in one write transaction, in order; each one's outcome as :func:`_store` gives it (an
    exception raised storing it in the fallback). Stops after the first 'retry' (that document is not stored,
    the ones before it are). When the transaction fails, the documents are stored one per transaction."""
    if len(items) == 1:
        return [_store_or_error(write, *items[0])]
    outcomes: list = []
    try:
        with write() as s:
            checks = DocumentChecks(s, [doc for doc, _ in items])   # one statement checks them all
            for doc, res in items:
                outcome = _store_in(s, doc, res, checks)
                outcomes.append(outcome)
                if outcome == "retry":
                    break
                if outcome != "known":
                    checks.stored(doc)
                s.flush()
                s.expunge_all()   # the next document starts from the store, as in a session of its own
            s.commit()
        return outcomes
    except Exception:  # noqa: BLE001 - one bad document (or a race) must not lose the others: one by one
        forget_unsaved(write)
    outcomes = []
    for doc, res in items:
        outcomes.append(_store_or_error(write, doc, res))
        if outcomes[-1] == "retry":
            break
    return outcomes


def _store_or_error(write, doc: Document, res) -> object:
    """:func:`_store`'s outcome, or the exception raised storing the document (reported by the caller, as that
    document's failure)."""
    try:
        return _store(write, doc, res)
    except Exception as exc:  # noqa: BLE001 - one document's failure, never the batch's
        return exc


def _store(write, doc: Document, res) -> int | str:
    """Store one extracted document in one write transaction. Returns the number of new incidents, or 'known'
    when another process stored the same article meanwhile, or 'retry' when it took the id for another one."""
    with write() as s:
        try:
            outcome = _store_in(s, doc, res)
            if outcome != "retry" and outcome != "known":
                s.commit()
        except IntegrityError:   # a store without write locks (or a race it allows): stored by someone else
            s.rollback()
            forget_unsaved(write)
            with write() as again:
                if find_known(again, doc):
                    return "known"
            raise
        except BaseException:
            forget_unsaved(write)
            raise
    return outcome


def _store_in(s, doc: Document, res, checks: DocumentChecks | None = None) -> int | str:
    """Store one extracted document in the write transaction of ``s`` (not committed): the number of new
    incidents, or 'known' / 'retry' (nothing written) as :func:`_store` says. ``checks``: the transaction's
    documents checked together (:class:`eventwire.store.repo.DocumentChecks`), else checked here."""
    known, taken = checks.check(doc) if checks is not None else check_document(s, doc)
    if known:
        return "known"
    if taken:
        return "retry"
    if res.skipped:
        save_document(s, doc, status=f"skipped: {res.skipped}"[:40])
        return 0
    prepared = res.prepared if res.prepared is not None and res.prepared.doc_id == doc.id else None
    if prepared is None and res.prepared is not None and res.prepared.alone:   # never: its rows are all there is
        raise RuntimeError(f"extracted as {res.prepared.doc_id!r}, stored as {doc.id!r}: extract it again")
    save_document(s, doc)
    save_mentions(s, res.mentions, prepared.mentions if prepared else None)
    root = link_duplicate(s, doc, prepared.signature if prepared else UNKNOWN)
    saved = merge_into_store(s, res.events, ungrouped=[doc.id] if root is None else [])
    for ev in saved:
        audit(s, "ingest", ev.id, {"doc_id": doc.id}, automatic=True)
    return sum(1 for ev in saved if set(ev.source_documents) <= {doc.id})


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else ""
