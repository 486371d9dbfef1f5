"""Extraction on a Dask cluster (``eventwire ingest --workers N`` / ``--scheduler ADDRESS``).

Only the extraction (the costly part: parsing, mentions, geocoding) runs on the workers. Reading the inputs,
the store writes, duplicate links and merging stay in the ingesting process and happen in input order, each
document through the same code as a single-process run (:func:`eventwire.ingest_run._ingest_one`), so the
store ends up exactly as one process would leave it, whatever the number of workers.

Documents stream through a bounded window: while document *k* is stored, at most ``window`` later documents
are read and being extracted; the corpus is never held in memory. A document is extracted ahead of its turn
under the id it would get from the store as it is then ("speculation"); when its turn comes the store is
checked again, exactly as a single process checks it, and the early result is used only when that check
gives the same id (otherwise — an id taken by an earlier document of the window — it is extracted again).
A document already in the store is not sent at all.

Each worker process loads the language models once: :func:`eventwire.pipeline.warm_up` runs on every worker
before the first document (``Client.run``) and, on workers that join later, on their first document
(a per-process flag).
"""
from __future__ import annotations

import dataclasses
import logging
from collections import deque
from typing import Callable, Iterable, Iterator

from .model import Document

_WARM = False   # per process: the models of this worker are loaded


def warm_worker() -> int:
    """Load the models in this (worker) process, once. Returns the process id (for tests and logs)."""
    global _WARM
    import os

    if not _WARM:
        from .pipeline import warm_up

        warm_up()
        _WARM = True
    return os.getpid()


def extract_remote(doc: Document):
    """Run on a worker: the extraction of one document, as ingest runs it (long articles in sections).
    Returns (the document as extraction left it, Extraction, number of sections); an exception travels back
    to the ingesting process and is reported there as a local one would be."""
    from .ingest.sections import extract_in_sections
    from .pipeline import extract_document

    warm_worker()
    res, sections = extract_in_sections(doc, extract_document)
    return doc, res, sections


class DaskExtractor:
    """A Dask client for extraction: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, window: int | None = None) -> None:
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.window = window
        self.cluster = None
        self.client = None

    def __enter__(self) -> "DaskExtractor":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as e:   # pragma: no cover - distributed is a declared dependency
            raise RuntimeError(f"--workers/--scheduler need dask.distributed: {e}") from None
        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.client.run(warm_worker)   # every worker loads its models now, all at once
        if self.window is None:
            n = len(self.client.scheduler_info().get("workers", {})) or self.workers
            self.window = max(8, 4 * n)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def submit(self, doc: Document):
        return self.client.submit(extract_remote, doc, pure=False)

    def ordered(self, items: Iterable, speculate: Callable[[Document], str | None]) -> Iterator[tuple]:
        """(item, extract) in input order, with up to ``window`` documents extracted ahead.

        ``speculate(doc)`` gives the id the document would be stored under now, or None when it is already
        known (not sent). ``extract(doc)`` returns (Extraction, sections) like
        :func:`eventwire.ingest.sections.extract_in_sections`, from the early result when ``doc.id`` is still
        the speculated id, else extracted now; the document is updated as a local extraction updates it."""
        pending: deque = deque()
        for item in items:
            future, spec_id = None, None
            if isinstance(item, Document):
                spec_id = speculate(item)
                if spec_id is not None:
                    future = self.submit(dataclasses.replace(item, id=spec_id))
            pending.append((item, self._extractor(spec_id, future)))
            while len(pending) > self.window:
                yield pending.popleft()
        while pending:
            yield pending.popleft()

    def _extractor(self, spec_id: str | None, future) -> Callable:
        def extract(doc: Document):
            fut = future if future is not None and doc.id == spec_id else self.submit(doc)
            done, res, sections = fut.result()
            for f in dataclasses.fields(Document):
                setattr(doc, f.name, getattr(done, f.name))
            res.doc = doc
            return res, sections
        return extract
