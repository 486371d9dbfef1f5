"""Extraction ahead of storing, in batches: in this process (:class:`LocalExtractor`, ``eventwire ingest``) or
on a Dask cluster (:class:`DaskExtractor`, ``--workers N`` / ``--scheduler ADDRESS``).

Only the extraction (the costly part: parsing, mentions, geocoding) runs ahead, in batches of documents whose
parses go through ``nlp.pipe`` together (:class:`eventwire.pipeline.Pipeline`). Reading the inputs, the store
writes, duplicate links and merging happen in the ingesting process in input order, each document through the
same code as before (:func:`eventwire.ingest_run._ingest_one`), so the store ends up exactly as a one-by-one run
would leave it, whatever the batch size or the number of workers.

Documents stream through a bounded window: while document *k* is stored, at most ``window`` later documents
are read and extracted; the corpus is never held in memory. A document is extracted ahead of its turn under
the id it would get from the store as it is then ("speculation"); when its turn comes, the early result is
stored under that id only if the write transaction's own check finds the id still free and the document still
new (``extract.ready(doc)`` tells the ingest loop that an early result is there); otherwise — an id taken by an
earlier document of the window — the document is checked and extracted again exactly as a one-by-one run does.
A document already in the store is not extracted at all.

On a cluster, each task extracts a batch of documents (sent and returned as one pickled ``bytes`` each:
:func:`extract_packed`); the pipeline travels as a few bytes and each worker process loads its models once
(``Client.run`` before the first document, and on their first batch for workers that join later).
"""
from __future__ import annotations

import dataclasses
import logging
import pickle
from collections import deque
from typing import Callable, Iterable, Iterator

from .model import Document
from .pipeline import Extraction, Pipeline

Speculate = Callable[[Document], "str | None"]   # may have .many(docs) -> [str | None]: several with one look-up
Extract = Callable[[Document], "tuple[Extraction, int]"]


class _Slot:
    """A document's early extraction: the id it was extracted under and (the extracted copy, its result)."""
    __slots__ = ("spec_id", "tried", "result", "batch", "index")

    def __init__(self) -> None:
        self.spec_id: str | None = None
        self.tried = False        # speculated already (a known document is not speculated twice)
        self.result = None        # (Document as extraction left it, (Extraction, sections) or an exception)
        self.batch = None         # Dask: the batch future that extracts it, and its place in the batch
        self.index = -1


def _many(speculate: Speculate) -> Callable[[list[Document]], list]:
    """``speculate`` for several documents at once: its ``many`` (one store look-up), else one by one."""
    many = getattr(speculate, "many", None)
    return many if many is not None else (lambda docs: [speculate(d) for d in docs])


def _adopt(doc: Document, done: Document, res) -> tuple[Extraction, int]:
    """The result of an extraction run on a copy of ``doc``, as if it had run on ``doc`` itself."""
    if isinstance(res, BaseException):
        raise res
    for f in dataclasses.fields(Document):
        setattr(doc, f.name, getattr(done, f.name))
    extraction, sections = res
    extraction.doc = doc
    return extraction, sections


class LocalExtractor:
    """Extraction in this process, ``pipeline.batch_size`` documents at a time: when a document's turn comes
    and it was not extracted yet, it is extracted together with the next new documents of the window."""

    def __init__(self, pipeline: Pipeline | None = None, window: int | None = None) -> None:
        self.pipeline = pipeline or Pipeline(batch_size=32)
        self.window = max(self.pipeline.batch_size, window or 2 * self.pipeline.batch_size)

    def __enter__(self) -> "LocalExtractor":
        self.pipeline.load()
        return self

    def __exit__(self, *exc) -> None:
        pass

    def ordered(self, items: Iterable, speculate: Speculate) -> Iterator[tuple]:
        """(item, extract) in input order; ``extract(doc)`` -> (Extraction, sections) like
        :func:`eventwire.ingest.sections.extract_in_sections`. ``speculate(doc)`` gives the id the document
        would be stored under now, or None when it is already known."""
        pending: deque = deque()
        for item in items:
            pending.append((item, _Slot()))
            while len(pending) > self.window:
                yield self._yield(pending, speculate)
        while pending:
            yield self._yield(pending, speculate)

    def _yield(self, pending: deque, speculate: Speculate) -> tuple:
        item, slot = pending.popleft()

        def extract(doc: Document) -> tuple[Extraction, int]:
            if slot.result is None or slot.spec_id != doc.id:
                self._batch(doc, slot, pending, speculate)
            done, res = slot.result
            slot.result = None
            return _adopt(doc, done, res)

        extract.ready = lambda doc: (slot.result is not None and slot.spec_id == doc.id
                                     and not isinstance(slot.result[1], BaseException))
        return item, extract

    def _batch(self, doc: Document, slot: _Slot, pending: deque, speculate: Speculate) -> None:
        """Extract ``doc`` (its id just checked) with the next new documents of the window."""
        copies, slots = [dataclasses.replace(doc)], [slot]
        slot.spec_id = doc.id
        many, untried = _many(speculate), iter(pending)
        while len(copies) < self.pipeline.batch_size:   # the next untried documents, as many as places are left
            chunk = []
            for item, other in untried:
                if isinstance(item, Document) and other.result is None and not other.tried:
                    chunk.append((item, other))
                    if len(copies) + len(chunk) >= self.pipeline.batch_size:
                        break
            if not chunk:
                break
            for (item, other), spec_id in zip(chunk, many([item for item, _ in chunk])):
                other.tried, other.spec_id = True, spec_id
                if spec_id is not None:
                    copies.append(dataclasses.replace(item, id=spec_id))
                    slots.append(other)
        for s, copy, res in zip(slots, copies, self.pipeline.extract_many(copies)):
            s.result = (copy, res)


# Dask settings for the LocalCluster that ``--workers N`` starts. Dask's defaults are made for interactive
# diagnostics: every worker samples its own call stack 100 times a second for the dashboard's profile (nobody
# reads it here, and on a spaCy stack each sample costs ~1 ms of CPU per article), and every process polls its
# event loop 50 times a second, its memory 10 times and its system counters twice. On two cores these wake-ups
# take CPU from the extraction itself (measured idle: ~48 ms of CPU per second across the main process and two
# workers, ~10 with these settings). The memory limits still apply, checked once a second.
# Dask also starts its workers with MALLOC_TRIM_THRESHOLD_=65536 (to hand freed memory back to the system at
# once); glibc then also stops adapting its mmap threshold, so each of the parser's arrays over 128 KiB is mapped
# afresh and faulted in page by page: 2,295 page faults and 4.1 ms of system CPU per article in a worker (one
# process: 182 and 0.6 ms). Without the variable (glibc's defaults, as in one process): 146 and 0.5 ms, but a
# worker's peak memory rises from 1,364 to 1,455 MB (300 articles, batches of 32), too near the 1.5 GB bar.
# Arrays up to 4 MiB from the heap, trimmed when 16 MiB are free at its top: 241 and 0.7 ms, peak 1,378 MB.
QUIET_DASK = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 16 * 2**20,
    "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": 4 * 2**20,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.cycle": "5s",
}


def local_cluster(workers: int):
    """A Dask LocalCluster of ``workers`` single-threaded processes with the settings of :data:`QUIET_DASK`
    (passed to the worker processes when they start)."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(QUIET_DASK):
        return LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR)


def load_worker(pipeline: Pipeline) -> int:
    """Load the models in this (worker) process, once, and the store's row preparation that :func:`for_store` runs
    (importing it brings SQLAlchemy: ~0.7 s of CPU, which a worker otherwise paid during its first batch, 2.5 ms
    an article of a 600-article run on 2 workers; the ingesting process has it already). Returns the process id
    (for tests and logs)."""
    import os

    from .pipeline import freeze_loaded
    from .store.merging import prepare_rows  # noqa: F401 - imported now, with the models

    pipeline.load()
    freeze_loaded()   # what the import above loaded too (pipeline.load freezes once per process)
    return os.getpid()


def extract_batch(pipeline: Pipeline, docs: list[Document]) -> list[tuple[Document, object]]:
    """Run on a worker: each document's extraction as ingest runs it, with the document as extraction left it:
    (document, (Extraction, sections)) or (document, the exception its extraction raised), which is raised in
    the ingesting process at the document's turn and reported there as a local one would be. The store rows
    that depend on the document alone come prepared with it (``Extraction.prepared``), in place of its Mention
    objects (``Extraction.mentions`` is then empty: the rows are all the store needs of them, and unpickling
    the objects cost the ingesting process more than the rest of the result)."""
    return [for_store(doc, res) for doc, res in zip(docs, pipeline.extract_many(docs))]


def extract_packed(pipeline: Pipeline, packed: bytes) -> bytes:
    """Run on a worker: :func:`extract_batch` of the documents pickled in ``packed``, its result pickled the same
    way. A task's documents and its results travel as one ``bytes`` each: Dask pickles other arguments and results
    with a Python-level hook called for every object in them (~2,000 per batch of 32) and measures a result's size
    by walking it, where bytes pass as they are (a task's overhead, measured on 60 tasks of 32 dev notes:
    workers 8.7 -> 4.6 ms, ingesting process ~9 -> ~8 ms)."""
    return pickle.dumps(extract_batch(pipeline, pickle.loads(packed)), protocol=pickle.HIGHEST_PROTOCOL)


def for_store(doc: Document, res):
    """(document, result) of one extraction as a worker sends it back (:func:`extract_batch`)."""
    from .store.merging import prepare_rows

    if not isinstance(res, BaseException) and not res[0].skipped:
        try:   # the store rows that depend on this document alone are prepared here, not in the ingesting process
            res[0].prepared = prepare_rows(doc, res[0].mentions)
            res[0].prepared.alone, res[0].mentions = True, []
        except Exception:  # noqa: BLE001 - the ingesting process prepares them itself (and meets the error)
            pass
    if isinstance(res, BaseException):
        try:
            pickle.dumps(res)
        except Exception:  # noqa: BLE001 - an exception that cannot travel is sent as its message
            res = RuntimeError(f"{type(res).__name__}: {res}")
    return doc, res


class _Batch:
    """A batch submitted to the cluster; its result is fetched once, when its first document's turn comes."""
    __slots__ = ("future", "value")

    def __init__(self, future) -> None:
        self.future, self.value = future, None

    def get(self, index: int):
        if self.value is None:
            self.value = pickle.loads(self.future.result())   # extract_packed's result
            self.future = None
        return self.value[index]


class DaskExtractor:
    """A Dask client for extraction: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``.
    Documents are sent in batches of ``pipeline.batch_size``; up to ``window`` documents are in flight."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, window: int | None = None,
                 pipeline: Pipeline | None = None) -> None:
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.window = window
        # 32 documents a task, as in one process: the batch-wide stages (one nlp.pipe, one sentence-encoder call
        # per batch) cost less per document, and the ingesting process (which also hosts a LocalCluster's
        # scheduler) handles half as many tasks
        self.pipeline = pipeline or Pipeline(batch_size=32)
        self.cluster = None
        self.client = None

    def __enter__(self) -> "DaskExtractor":
        try:
            from dask.distributed import Client
        except ImportError as e:   # pragma: no cover - distributed is a declared dependency
            raise RuntimeError(f"--workers/--scheduler need dask.distributed: {e}") from None
        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self.cluster = local_cluster(self.workers)
            self.client = Client(self.cluster)
        self.client.run(load_worker, self.pipeline)   # every worker loads its models now, all at once
        if self.window is None:
            n = len(self.client.scheduler_info().get("workers", {})) or self.workers
            self.window = max(4 * self.pipeline.batch_size, 3 * n * self.pipeline.batch_size)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def _submit(self, docs: list[Document]) -> _Batch:
        return _Batch(self.client.submit(extract_packed, self.pipeline,
                                         pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL), pure=False))

    def ordered(self, items: Iterable, speculate: Speculate) -> Iterator[tuple]:
        """(item, extract) in input order, with up to ``window`` documents extracted ahead.

        ``speculate(doc)`` gives the id the document would be stored under now, or None when it is already
        known (not sent). ``extract(doc)`` returns (Extraction, sections) like
        :func:`eventwire.ingest.sections.extract_in_sections`, from the early result when ``doc.id`` is still
        the speculated id, else extracted now; the document is updated as a local extraction updates it."""
        pending: deque = deque()
        batch: list[tuple[Document, _Slot]] = []     # speculated new documents, not sent yet
        unchecked: list[tuple[Document, _Slot]] = []  # read, not speculated yet
        many, size = _many(speculate), self.pipeline.batch_size

        def speculate_unchecked() -> None:   # one store look-up for the documents read since the last one
            for (item, slot), spec_id in zip(unchecked, many([item for item, _ in unchecked]) if unchecked else ()):
                slot.tried, slot.spec_id = True, spec_id
                if spec_id is not None:
                    batch.append((dataclasses.replace(item, id=spec_id), slot))
            unchecked.clear()

        def flush() -> None:
            speculate_unchecked()
            if batch:
                job = self._submit([copy for copy, _ in batch])
                for i, (_, slot) in enumerate(batch):
                    slot.batch, slot.index = job, i
                batch.clear()

        for item in items:
            slot = _Slot()
            if isinstance(item, Document):   # speculated when as many are read as the batch has places left
                unchecked.append((item, slot))
                if len(batch) + len(unchecked) >= size:
                    speculate_unchecked()
                    if len(batch) >= size:
                        flush()
            pending.append((item, slot))
            while len(pending) > self.window:
                first = pending[0][1]
                if any(s is first for _, s in unchecked) or any(s is first for _, s in batch):   # not sent yet
                    flush()
                yield self._yield(*pending.popleft())
        flush()
        while pending:
            yield self._yield(*pending.popleft())

    def _yield(self, item, slot: _Slot) -> tuple:
        def extract(doc: Document) -> tuple[Extraction, int]:
            if slot.batch is not None and doc.id == slot.spec_id:
                done, res = slot.batch.get(slot.index)
            else:
                done, res = self._submit([doc]).get(0)
            slot.batch = None
            return _adopt(doc, done, res)

        extract.ready = lambda doc: (slot.batch is not None and doc.id == slot.spec_id
                                     and not isinstance(slot.batch.get(slot.index)[1], BaseException))
        return item, extract
