"""Several documents per write transaction (issue 13, round 4): the store ends exactly as with one transaction per
document, in the cases that make the check inside the transaction matter (an exact copy of a document of the same
transaction, an article whose id an earlier one of the transaction took, a near-duplicate republication), and a
document that cannot be stored loses none of the others of its transaction."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rich.console import Console

from conftest import records, write
from eventwire.ingest_run import run_ingest

FR = (" date 2024-05-04 GAO, 4 mai (AFP) - {n} soldats ont été tués vendredi dans une embuscade tendue par des "
      "hommes armés près de {place}, dans le nord du Mali, a indiqué une source sécuritaire. Les assaillants, "
      "arrivés à moto en fin de journée, ont pris la fuite vers la frontière après plus d'une heure de combats, "
      "selon des habitants joints par téléphone, qui font état de plusieurs blessés évacués vers l'hôpital.")
EN = (" date 2024-05-04 NIAMEY, May 4 (Reuters) - Gunmen killed {n} villagers in an attack on {place} in western "
      "Niger on Friday, a local official said.")
COPY = "{text}\n\nAvec l'agence Reuters."


def inputs(root: Path) -> list[str]:
    a = write(root / "a", {
        "f1.txt": FR.format(n=3, place="Ansongo"),
        "f2.txt": EN.format(n=7, place="Tillabéri"),
        "f3.txt": FR.format(n=4, place="Bourem"),
        "same.txt": FR.format(n=3, place="Ansongo"),                  # the same text as f1: already known
        "f4.txt": EN.format(n=2, place="Ouallam"),
    })
    b = write(root / "b", {
        "f1.txt": EN.format(n=5, place="Diffa"),                      # f1's id taken by another article
        "copy.txt": COPY.format(text=FR.format(n=4, place="Bourem")),  # republishes f3
        "f5.txt": FR.format(n=6, place="Douentza"),
    })
    return [str(a), str(b)]


def tables(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(q).fetchall() for t, q in {
            "documents": "select id, path, duplicate_of, status from documents order by id",
            "mentions": "select id, doc_id, kind, event_id from mentions order by id",
            "reports": "select id, doc_id, event_id from event_reports order by id",
            "signatures": "select doc_id from doc_signatures order by seq",
            "audit": "select action, event_id, detail from audit order by id",
        }.items()}
    finally:
        con.close()


def ingest(paths: list[str], db: Path, batch: int):
    return run_ingest(paths, str(db), show_progress=False, console=Console(stderr=True, quiet=True),
                      store_batch=batch)


@pytest.mark.parametrize("batch", [3, 32])
def test_several_documents_per_transaction_store_what_one_per_transaction_stores(tmp_path: Path, batch: int) -> None:
    paths = inputs(tmp_path / "in")
    one, many = ingest(paths, tmp_path / "one.db", 1), ingest(paths, tmp_path / "many.db", batch)
    counts = ("read", "known", "failed", "warnings", "events", "incidents", "background", "unsupported")
    assert {k: getattr(many, k) for k in counts} == {k: getattr(one, k) for k in counts}
    assert (one.read, one.known, one.warnings, one.failed) == (8, 1, 1, 0)
    assert tables(tmp_path / "many.db") == tables(tmp_path / "one.db")
    assert records(tmp_path / "many.db") == records(tmp_path / "one.db")
    docs = dict((r[0], r[2]) for r in tables(tmp_path / "many.db")["documents"])
    assert docs["f3"] == "copy" and any(k.startswith("f1~") for k in docs)   # near-duplicates linked, f1 renamed


def test_a_document_that_cannot_be_stored_loses_none_of_its_transaction(tmp_path: Path, monkeypatch) -> None:
    """The write transaction of several documents fails on one (after the earlier ones were written in it): it is
    rolled back and the documents are stored one per transaction; only the bad one is reported and missing."""
    import eventwire.ingest_run as run

    paths = inputs(tmp_path / "in")
    merge = run.merge_into_store

    def failing(s, events, ungrouped=()):
        if any(e.doc_id == "f4" for e in events):
            raise RuntimeError("disk I/O error (simulated)")
        return merge(s, events, ungrouped)

    monkeypatch.setattr(run, "merge_into_store", failing)
    summary = ingest(paths, tmp_path / "bad.db", 32)
    assert (summary.read, summary.failed, summary.known) == (8, 1, 1)
    assert len(summary.errors) == 1 and "f4.txt: could not be stored: RuntimeError: disk I/O error" in summary.errors[0]
    monkeypatch.setattr(run, "merge_into_store", merge)
    stored = {r[0] for r in tables(tmp_path / "bad.db")["documents"]}
    assert "f4" not in stored and {"f1", "f2", "f3", "f5", "copy"} <= stored and len(stored) == 6
    # the others as a run without the bad article stores them; the re-run stores it as one clean run would
    rerun = ingest(paths, tmp_path / "bad.db", 32)
    assert (rerun.read, rerun.known, rerun.failed) == (8, 7, 0)
    ingest(paths, tmp_path / "clean.db", 1)
    assert records(tmp_path / "bad.db") == records(tmp_path / "clean.db")


def test_the_store_batch_is_a_setting_and_an_ingest_option(tmp_path: Path, monkeypatch) -> None:
    """EVENTWIRE_STORE_BATCH is read by the one settings object; --store-batch overrides it; same store either way."""
    from typer.testing import CliRunner

    from eventwire.cli import app
    from eventwire.ingest_run import _env_batch
    from eventwire.settings import Settings

    assert Settings.load(env={}).store_batch == 32
    assert Settings.load(env={"EVENTWIRE_STORE_BATCH": "4"}).store_batch == 4
    monkeypatch.setenv("EVENTWIRE_STORE_BATCH", "3")
    assert _env_batch() == 3
    paths = inputs(tmp_path)
    runner = CliRunner()
    for name, extra in (("env.db", []), ("opt.db", ["--store-batch", "1"])):
        r = runner.invoke(app, ["ingest", *paths, "--db", str(tmp_path / name), "--quiet", *extra])
        assert r.exit_code == 0, r.output
    assert tables(tmp_path / "env.db") == tables(tmp_path / "opt.db")
    assert runner.invoke(app, ["ingest", *paths, "--db", str(tmp_path / "x.db"), "--store-batch", "0"]).exit_code == 2
