"""`eventwire ingest --workers N` (issue 13): extraction on a Dask LocalCluster of processes, storing and merging
in this process in input order, so the exported events are exactly those of a single-process run.

Starting a 2-process cluster loads the models in each process (10-20 s), so this is one small test; the
generated articles repeat places and days so that several reports merge into one incident (merging order
matters), and one id is used twice for different texts (the second is renamed, as in one process).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

pytest.importorskip("dask.distributed")

runner = CliRunner()
PLACES = ["Kidal", "Gao", "Mopti", "Ménaka", "Niamey", "Diffa"]
STAMP = re.compile(r'"timestamp": \d+')   # ACLED's timestamp column: when the row was written


def article(k: int) -> str:
    place = PLACES[k % len(PLACES)]
    return (f" date 2024-03-02 {place.upper()}, 2 mars (AFP) - {k % 4 + 2} soldats ont été tués samedi dans une "
            f"embuscade tendue par des hommes armés près de {place}, a indiqué une source sécuritaire.")


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for k in range(14):
        (folder / f"a{k:02d}.txt").write_text(article(k), encoding="utf-8")
    rows = [{"id": "same", "date": "2024-03-05", "text": article(20).replace("samedi", "mardi")},
            {"id": "same", "date": "2024-03-06", "text": article(21).replace("samedi", "mercredi")},
            {"id": "copy", "date": "2024-03-02", "text": article(3)}]
    (folder / "z.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                    encoding="utf-8")
    return folder


def exported(db: Path) -> list[str]:
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    return sorted(STAMP.sub("", line) for line in res.stdout.splitlines() if line.strip())


def summary_counts(output: str) -> str:
    line = next(l for l in output.splitlines() if l.startswith("documents read"))
    return line.rsplit(" (", 1)[0]   # without the documents/s rate


def test_two_workers_export_the_same_events_as_one_process(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    one = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "one.db"), "-q"])
    assert one.exit_code == 0, one.output
    two = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "two.db"), "-q", "--workers", "2"])
    assert two.exit_code == 0, two.output
    assert summary_counts(two.stdout) == summary_counts(one.stdout)
    events_one, events_two = exported(tmp_path / "one.db"), exported(tmp_path / "two.db")
    assert events_one and len(events_one) < 15          # reports merged into incidents
    assert events_two == events_one
    assert "warnings: 1" in two.stdout and "'same~" in two.output   # the reused id renamed, as in one process


def test_batched_extraction_stores_what_one_by_one_extraction_stores(tmp_path: Path) -> None:
    """A single-process ingest extracts ahead in batches (nlp.pipe over several documents, each extracted under
    the id it would get): the store equals a one-by-one run's, including an id reused inside one batch (the
    second article renamed) and copies of earlier articles of the same batch (known, not stored twice)."""
    from rich.console import Console

    from eventwire.ingest_run import run_ingest
    from eventwire.pipeline import Pipeline

    src = corpus(tmp_path / "in")
    quiet = Console(stderr=True, quiet=True)
    one = run_ingest([str(src)], str(tmp_path / "one.db"), show_progress=False, console=quiet,
                     pipeline=Pipeline(batch_size=1))
    batched = run_ingest([str(src)], str(tmp_path / "batched.db"), show_progress=False, console=quiet,
                         pipeline=Pipeline(batch_size=16))
    counts = [(r.read, r.known, r.warnings, r.failed, r.events, r.incidents) for r in (one, batched)]
    assert counts[0] == counts[1] and counts[0][:4] == (17, 2, 1, 0)   # a12 repeats a00, "copy" a03
    assert exported(tmp_path / "batched.db") == exported(tmp_path / "one.db")


def test_pipeline_pickles_small_and_isolates_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    import eventwire.pipeline as pipeline
    from eventwire.model import Document

    p = pipeline.Pipeline(batch_size=4)
    assert len(pickle.dumps(p)) < 200 and pickle.loads(pickle.dumps(p)).batch_size == 4   # no model inside
    real = pipeline.find_mentions

    def find_mentions(doc, sdoc):
        if doc.id == "bad":
            raise ValueError("broken rule")
        return real(doc, sdoc)

    monkeypatch.setattr(pipeline, "find_mentions", find_mentions)
    docs = [Document(id=name, text=article(k)[len(" date 2024-03-02 "):], published="2024-03-02", language="fr")
            for k, name in enumerate(["a", "bad", "c"])]
    alone = [pipeline.extract_document(Document(id=d.id, text=d.text, published=d.published, language="fr"))
             for d in docs if d.id != "bad"]
    out = p.extract_many(docs)
    assert isinstance(out[1], ValueError)
    assert [res.events for res, sections in (out[0], out[2])] == [a.events for a in alone]
    assert all(sections == 1 for _, sections in (out[0], out[2])) and alone[0].events


# -- the batch extracted stage by stage (issue 13: what costs more one sentence at a time is done together) --

BATCH = [
    ("fr1", "fr", "2024-04-12", "GAO, 12 avril (AFP) - Des hommes armés ont attaqué jeudi un poste de l'armée malienne "
     "près de Gao, tuant trois soldats, a indiqué une source sécuritaire. Les assaillants ont pris la fuite vers "
     "la frontière. L'armée a lancé une opération de ratissage dans la zone."),
    ("en1", "en", "2024-04-13", "MOGADISHU, April 13 (Reuters) - Al Shabaab fighters attacked a police station in "
     "Mogadishu on Friday, killing two officers, police said. Residents reported heavy gunfire for an hour."),
    ("fr2", "fr", "2024-04-14", "Des centaines de manifestants ont défilé samedi à Niamey pour réclamer le départ "
     "des troupes étrangères. La police a dispersé la foule à coups de gaz lacrymogène."),
    ("en2", "en", "2024-04-15", "Troops clashed with gunmen near Maiduguri on Sunday, the army said."),
]


def _batch_docs():
    from eventwire.model import Document

    return [Document(id=i, text=t, published=d, language=lang) for i, lang, d, t in BATCH]


def _cold_caches() -> None:
    import eventwire.extract.classifier as classifier
    import eventwire.nlp.pipeline as nlp

    nlp._SENTENCES.clear()
    nlp._DOCUMENTS.clear()
    classifier._SCORES.clear()


def test_a_batch_gives_each_article_its_own_extraction_and_parses_each_sentence_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """extract_many runs the stages across the batch (the classifier's sentences together); every article's
    events and mentions are those extract_document gives it alone, in French and English, and each article is
    parsed once, whole: the actor stage reads its sentences from that parse and parses none again."""
    import eventwire.nlp.pipeline as nlp
    from eventwire.model import mention_to_dict
    from eventwire.pipeline import Pipeline, extract_document

    p = Pipeline(batch_size=8).load()
    alone = []
    for doc in _batch_docs():
        _cold_caches()
        alone.append(extract_document(doc))
    assert all(res.events for res in alone)

    real = nlp.get_nlp
    parsed: list[str] = []

    class Counting:
        def __init__(self, inner) -> None:
            self.inner = inner

        def __call__(self, text):
            parsed.append(text)
            return self.inner(text)

        def pipe(self, texts, **kwargs):
            texts = list(texts)
            parsed.extend(texts)
            return self.inner.pipe(texts, **kwargs)

        def __getattr__(self, name):
            return getattr(self.inner, name)

    monkeypatch.setattr(nlp, "get_nlp", lambda lang: Counting(real(lang)))
    _cold_caches()
    batched = p.extract_many(_batch_docs())
    assert sorted(parsed) == sorted(doc.text for doc in _batch_docs())   # each article once, no sentence again
    monkeypatch.setattr(nlp, "DOCUMENT_CACHE", 1)   # a batch of more articles than the parses kept: the same
    _cold_caches()
    parsed.clear()
    again = p.extract_many(_batch_docs())
    assert sorted(parsed) == sorted(doc.text for doc in _batch_docs())
    assert [[mention_to_dict(e) for e in res[0].events] for res in again] == \
           [[mention_to_dict(e) for e in res[0].events] for res in batched]
    for res, one in zip(batched, alone):
        extraction, sections = res
        assert sections == 1
        assert [mention_to_dict(e) for e in extraction.events] == [mention_to_dict(e) for e in one.events]
        assert [mention_to_dict(m) for m in extraction.mentions] == [mention_to_dict(m) for m in one.mentions]


def test_classifier_scores_a_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence primed with the batch (or told again: a wire copy) is not encoded again, and gets the same
    scores every time."""
    import eventwire.extract.classifier as classifier

    _cold_caches()
    encoded: list[str] = []
    real = classifier.embed
    monkeypatch.setattr(classifier, "embed", lambda texts: (encoded.extend(texts), real(texts))[1])
    fr = "Des hommes armés ont tué deux villageois lundi près de Mopti."
    en = "Gunmen killed two villagers near Mopti on Monday."
    classifier.prime([fr, en, fr])
    assert len(encoded) == 2   # each distinct sentence once
    first = classifier.classify_batch([en, fr])
    again = classifier.classify_batch([fr, en])
    assert len(encoded) == 2 and first == [again[1], again[0]]
    assert max(first[1], key=first[1].get) != classifier.NONE


@pytest.mark.parametrize("lang,text,read", [
    ("fr", "Des hommes armés ont enlevé deux commerçants lundi près de Mopti. Le maire a appelé la population au "
     "calme. Des soldats ont été déployés dans la zone.", "Le maire a appelé la population au calme."),
    ("en", "Gunmen abducted two traders on Monday near Mopti. The mayor called for calm. Soldiers were deployed to "
     "the area.", "The mayor called for calm."),
])
def test_only_sentences_whose_scores_are_read_are_encoded(monkeypatch: pytest.MonkeyPatch, lang, text, read) -> None:
    """A sentence whose triggers the rules type (the abduction, the deployment) is never encoded: its type does
    not read the classifier. A sentence without a trigger is (the classifier alone may make it an incident), in a
    batch as for one article, and the mentions are the same either way."""
    import eventwire.extract.classifier as classifier
    from eventwire.extract.mentions import sentences_to_score
    from eventwire.model import Document, mention_to_dict
    from eventwire.nlp.pipeline import analyse
    from eventwire.pipeline import Pipeline, extract_document

    _cold_caches()
    encoded: list[str] = []
    real = classifier.embed
    monkeypatch.setattr(classifier, "embed", lambda texts: (encoded.extend(texts), real(texts))[1])
    doc = Document(id="d", text=text, published="2024-05-06", language=lang)
    analyse(doc)
    assert sentences_to_score(doc) == [read]
    assert encoded == []
    alone = [mention_to_dict(m) for m in extract_document(Document(id="d", text=text, published="2024-05-06",
                                                                   language=lang)).mentions]
    assert encoded == [classifier.simplify(read)]
    assert {m["sub_event_type"]["value"] for m in alone} >= {"Abduction/forced disappearance"}
    p = Pipeline(batch_size=8).load()   # (its warm-up encodes sentences of its own)
    _cold_caches()
    encoded.clear()
    res, _ = p.extract_many([Document(id="d", text=text, published="2024-05-06", language=lang)])[0]
    assert encoded == [classifier.simplify(read)]
    assert [mention_to_dict(m) for m in res.mentions] == alone


def _tables(db: Path) -> list[str]:
    """Every row of every table of a SQLite store, without clock columns and autoincrement ids."""
    import sqlite3

    con = sqlite3.connect(db)
    out = []
    for (table,) in con.execute("select name from sqlite_master where type = 'table' order by name"):
        cols = [c[1] for c in con.execute(f"pragma table_info({table})")
                if c[1] not in ("ingested_at", "created_at", "updated_at", "at", "seq")
                and not (table in ("evidence", "audit") and c[1] == "id")]
        out += sorted(f"{table} {row!r}" for row in con.execute(f"select {', '.join(map(repr, cols))} from {table}"))
    con.close()
    return out


def test_a_worker_prepares_the_rows_the_ingesting_process_would_write(tmp_path: Path) -> None:
    """extract_batch (what a Dask worker runs) sends each document's mention and evidence rows and its MinHash
    signature with its extraction (None for a text too short to compare); storing with them leaves every table as
    storing without them, in French and English, for a wire copy linked to its original too."""
    from dataclasses import replace

    from rich.console import Console

    from eventwire.distributed import extract_batch
    from eventwire.pipeline import Pipeline
    from eventwire.ingest_run import _store
    from eventwire.store.db import open_db, writer
    from eventwire.store.merging import document_signature
    from eventwire.store.repo import mention_rows

    def inputs():
        docs = _batch_docs()
        return [*docs, replace(docs[0], id="fr1-copy", text=docs[0].text + "\n\nAvec Reuters.")]

    short = {d.id for d in _batch_docs() if len(d.text.split()) < 20}
    out = extract_batch(Pipeline(batch_size=8), inputs())
    here = [(doc, res) for doc, res in zip(inputs(), Pipeline(batch_size=8).extract_many(inputs()))]
    assert short and all(res[0].prepared.signature is None for d, res in out if d.id in short)
    for (doc, (extraction, _)), (_, (local, _)) in zip(out, here):
        assert extraction.prepared.doc_id == doc.id
        assert extraction.mentions == [] and extraction.prepared.alone   # the rows travel, not the objects
        assert extraction.prepared.mentions == mention_rows(local.mentions)
        assert extraction.prepared.background == sum(1 for m in local.mentions if m.kind != "event")
        assert extraction.prepared.signature == document_signature(doc.text)
    for name, results in (("with.db", out), ("without.db", here)):
        write = writer(open_db(str(tmp_path / name)))
        for doc, (extraction, _) in results:
            doc.content_hash = doc.content_hash or doc.id
            assert extraction.prepared is None or name == "with.db"
            assert _store(write, doc, extraction) != "known"
    with_rows, without_rows = _tables(tmp_path / "with.db"), _tables(tmp_path / "without.db")
    assert with_rows == without_rows
    import sqlite3

    con = sqlite3.connect(tmp_path / "with.db")
    assert con.execute("select duplicate_of from documents where id = 'fr1-copy'").fetchone() == ("fr1",)
    con.close()   # the copy points at its original (its shingles were read for that, and only then)


def test_local_cluster_workers_run_without_dask_diagnostics() -> None:
    """The LocalCluster of ``--workers N`` starts its workers without Dask's statistical profiler (it samples the
    call stack 100 times a second for a dashboard nobody reads), with slower monitor ticks and with malloc
    thresholds that do not make every large parser array a fresh mapping (Dask's MALLOC_TRIM_THRESHOLD_ did): CPU for extraction."""
    import os

    import dask
    from dask.distributed import Client

    from eventwire.distributed import QUIET_DASK, local_cluster

    keys = sorted(QUIET_DASK)
    with local_cluster(1) as cluster, Client(cluster) as client:
        seen = client.run(lambda: [dask.config.get(k) for k in keys])
        env = client.run(lambda: [os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("MALLOC_MMAP_THRESHOLD_")])
    assert list(seen.values()) == [[QUIET_DASK[k] for k in keys]]
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ and "MALLOC_MMAP_THRESHOLD_" not in os.environ:   # ours win
        assert list(env.values()) == [[str(16 * 2**20), str(4 * 2**20)]]   # not Dask's 65536: no fault per array
    assert QUIET_DASK["distributed.worker.profile.enabled"] is False
    assert dask.config.get("distributed.worker.profile.enabled") is True   # this process's settings untouched


def test_a_worker_loads_the_store_rows_code_with_the_models_and_keeps_the_collector_off_them() -> None:
    """``load_worker`` (run on every worker before the first document) imports what :func:`for_store` needs
    (SQLAlchemy with it: ~0.7 s of CPU a worker otherwise paid during its first batch) and freezes what is loaded,
    so that Python's full collections no longer walk the models' ~800,000 objects (one such collection came
    during the first few hundred articles of every worker)."""
    import gc
    import sys

    from dask.distributed import Client

    from eventwire.distributed import load_worker, local_cluster
    from eventwire.pipeline import Pipeline

    with local_cluster(1) as cluster, Client(cluster) as client:
        before = client.run(lambda: "eventwire.store.merging" in sys.modules)
        client.run(load_worker, Pipeline())
        after = client.run(lambda: ("eventwire.store.merging" in sys.modules, gc.get_freeze_count()))
    assert list(before.values()) == [False]   # a fresh worker: nothing of the store yet
    (imported, frozen), = after.values()
    assert imported
    assert frozen > 100_000   # the models, vocabularies and gazetteer indexes: kept out of the collections


def test_a_task_sends_and_returns_its_documents_as_one_pickled_blob(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Dask task's documents and results travel as one ``bytes`` each (extract_packed): Dask's own pickling calls
    a Python hook for every object and walks a result to measure it. Unpacked, the result is what extract_batch
    gives for the same documents (French and English, a document whose extraction fails keeps its exception), and
    the task the extractor submits carries bytes, not Document objects."""
    import pickle
    from dataclasses import replace

    import eventwire.pipeline as pipeline
    from eventwire.distributed import DaskExtractor, _Batch, extract_batch, extract_packed

    real = pipeline.find_mentions

    def find_mentions(doc, sdoc):
        if doc.id == "en2":
            raise ValueError("broken rule")
        return real(doc, sdoc)

    monkeypatch.setattr(pipeline, "find_mentions", find_mentions)
    p = pipeline.Pipeline(batch_size=8)
    packed = extract_packed(p, pickle.dumps(_batch_docs()))
    assert isinstance(packed, bytes)
    out, direct = pickle.loads(packed), extract_batch(p, _batch_docs())
    assert [d.id for d, _ in out] == ["fr1", "en1", "fr2", "en2"]
    assert isinstance(out[3][1], ValueError) and str(out[3][1]) == "broken rule"
    for (doc, res), (doc2, res2) in zip(out[:3], direct[:3]):
        assert doc == doc2 and doc.language in ("fr", "en") and doc.sentences
        assert res[0].events == res2[0].events and res[0].events
        assert res[0].prepared == res2[0].prepared and res[1] == res2[1]

    sent = []

    class Future:
        def __init__(self, fn, *args):
            sent.append(args)
            self.value = fn(*args)

        def result(self):
            return self.value

    class Client:
        def submit(self, fn, *args, pure=True):
            assert pure is False
            return Future(fn, *args)

    ex = DaskExtractor(pipeline=p)
    ex.client = Client()
    batch = ex._submit([replace(d) for d in _batch_docs()[:2]])
    assert isinstance(batch, _Batch) and isinstance(sent[0][1], bytes)   # the documents as one blob
    assert batch.get(1)[0].id == "en1" and batch.get(0)[1][0].events == direct[0][1][0].events
