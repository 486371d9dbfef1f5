"""The ingest job: read inputs, extract each new document, store it, report — never stopping on bad input."""
from __future__ import annotations

import os
import sys
import time
import traceback
from dataclasses import dataclass, field

from rich.console import Console
from sqlalchemy import func, select
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .ingest import ReadError, count_inputs, read_paths
from .model import Document
from .pipeline import extract_document, warm_up
from .store.db import EventRow, open_db
from .store.merging import link_duplicate, merge_into_store
from .store.repo import audit, find_known, save_document, save_mentions


@dataclass
class IngestSummary:
    read: int = 0
    known: int = 0
    failed: int = 0
    unsupported: int = 0
    ignored: int = 0
    events: int = 0        # incident reports read (a document's own events, before merging)
    incidents: int = 0     # incidents added to the store (reports of a known incident join it)
    background: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def render(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (f"documents read: {self.read}, skipped as already known: {self.known}, "
                f"failed: {self.failed}, other language: {self.unsupported}, files not read: {self.ignored}, "
                f"incident reports: {self.events}, new incidents: {self.incidents}, "
                f"joined to known incidents: {self.events - self.incidents}, background mentions: {self.background} "
                f"({rate:.1f} documents/s)")


def run_ingest(paths: list[str], db: str, show_progress: bool = True,
               console: Console | None = None) -> IngestSummary:
    """Ingest paths into the store at db; one transaction per document."""
    console = console or Console(stderr=True)
    factory = open_db(db)
    summary = IngestSummary()
    with factory() as s:
        before = _count_events(s)
    total = count_inputs(paths)
    warm_up()
    t0 = time.perf_counter()
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[name]}"),
                        TimeRemainingColumn(), console=console, disable=not show_progress, transient=True)
    with progress:
        task = progress.add_task("ingest", total=total or None, name="")
        last_file = None
        for item in read_paths(paths, stdin=sys.stdin):
            where = item.path.split(":")[0]
            if where != last_file and last_file is not None:
                progress.advance(task)
            last_file = where
            progress.update(task, name=where[-40:])
            if isinstance(item, ReadError) and item.ignored:
                summary.ignored += 1
                console.print(f"[yellow]skipped[/yellow] {item}", highlight=False)
                continue
            if isinstance(item, ReadError):
                summary.failed += 1
                summary.errors.append(str(item))
                console.print(f"[red]error[/red] {item}", highlight=False)
                continue
            _ingest_one(factory, item, summary, console)
        if last_file is not None:
            progress.advance(task)
    summary.seconds = time.perf_counter() - t0
    with factory() as s:
        summary.incidents = max(0, _count_events(s) - before)
    return summary


def _count_events(s) -> int:
    return s.scalar(select(func.count()).select_from(EventRow)) or 0


def _ingest_one(factory, doc: Document, summary: IngestSummary, console: Console) -> None:
    summary.read += 1
    with factory() as s:
        if find_known(s, doc):
            summary.known += 1
            return
    try:
        res = extract_document(doc)
    except Exception as exc:  # one bad document never stops the batch
        summary.failed += 1
        msg = f"{doc.path or doc.id}: extraction failed: {type(exc).__name__}: {exc}"
        summary.errors.append(msg)
        console.print(f"[red]error[/red] {msg}", highlight=False)
        if os.environ.get("EVENTWIRE_DEBUG"):
            traceback.print_exc()
        return
    with factory() as s:
        if res.skipped:
            summary.unsupported += 1
            console.print(f"[yellow]skipped[/yellow] {doc.path or doc.id}: {res.skipped}", highlight=False)
            save_document(s, doc, status=f"skipped: {res.skipped}"[:40])
            s.commit()
            return
        save_document(s, doc)
        save_mentions(s, res.mentions)
        s.flush()
        link_duplicate(s, doc)
        for ev in merge_into_store(s, res.events):
            audit(s, "ingest", ev.id, {"doc_id": doc.id}, automatic=True)
        s.commit()
    summary.events += len(res.events)
    summary.background += sum(1 for m in res.mentions if m.kind != "event")
