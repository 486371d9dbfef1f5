"""Two ingests at once on one SQLite store, and kill -9 during an ingest: no crash, nothing lost, nothing twice,
summary counts that add up, and the same store as one clean run.

These start real `eventwire ingest` processes (each loads the models, a few seconds), so there are only two
tests and small generated inputs.
"""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from conftest import records, write
from eventwire.cli import app

runner = CliRunner()
PLACES = ["Kidal", "Gao", "Mopti", "Tombouctou", "Ménaka", "Niamey", "Diffa", "Tillabéri", "Agadez", "Bamako",
          "Ansongo", "Bourem", "Douentza", "Djibo", "Dori", "Kaya", "Fada N'Gourma", "Ouahigouya", "Tahoua", "Zinder"]
EN_KIDAL = (" date 2024-03-03 BAMAKO, March 3 (Reuters) - Gunmen ambushed an army patrol near Kidal in northern "
            "Mali on Saturday, killing two soldiers, a military source said.")
SUMMARY = re.compile(r"documents read: (\d+), skipped as already known: (\d+), failed: (\d+), warnings: (\d+), "
                     r"other language: (\d+), files not read: (\d+), incident reports: (\d+), new incidents: (\d+), "
                     r"joined to known incidents: (-?\d+)")


def article(k: int) -> str:
    place = PLACES[k % len(PLACES)]
    return (f" date 2024-03-02 {place.upper()}, 2 mars (AFP) - {k + 2} soldats ont été tués samedi dans une "
            f"embuscade tendue par des hommes armés près de {place}, a indiqué une source sécuritaire.")


def eventwire(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("eventwire")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "import sys; from eventwire.cli import app; sys.argv[0] = 'eventwire'; app()",
            *args]


def summary_of(output: str) -> dict[str, int]:
    m = SUMMARY.search(" ".join(output.split()))
    assert m, output
    keys = ("read", "known", "failed", "warnings", "unsupported", "ignored", "reports", "new", "joined")
    return dict(zip(keys, map(int, m.groups())))


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


def test_two_ingests_at_once_equal_one_run(tmp_path: Path) -> None:
    common = write(tmp_path / "in" / "common", {**{f"a{k}.txt": article(k) for k in range(6)}, "a0-en.txt": EN_KIDAL})
    only1 = write(tmp_path / "in" / "only1", {f"b{k}.txt": article(k) for k in (6, 7)})
    only2 = write(tmp_path / "in" / "only2", {f"c{k}.txt": article(k) for k in (8, 9)})
    db = tmp_path / "shared.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen(eventwire("ingest", str(common), str(extra), "--db", str(db), "-q"), env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for extra in (only1, only2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err and "IntegrityError" not in err, err
    runs = [summary_of(out) for out, _ in outs]
    assert [r["read"] for r in runs] == [9, 9]
    assert sum(r["read"] - r["known"] for r in runs) == 11          # every document stored by exactly one
    assert all(r["joined"] >= 0 and r["failed"] == 0 for r in runs)
    assert sum(r["new"] for r in runs) == count(db, "events") == 10
    assert sum(r["reports"] for r in runs) == 11 and sum(r["joined"] for r in runs) == 1
    assert count(db, "documents") == 11

    clean = tmp_path / "clean.db"
    res = runner.invoke(app, ["ingest", str(common), str(only1), str(only2), "--db", str(clean), "-q"])
    assert res.exit_code == 0, res.output
    assert records(db) == records(clean)


def test_kill_9_during_ingest_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    folder = write(tmp_path / "in", {f"k{k:02d}.txt": article(k) for k in range(20)})
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(eventwire("ingest", str(folder), "--db", str(db), "-q"),   # 2 documents a transaction
                            env={**os.environ, "EVENTWIRE_STORE_BATCH": "2"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                stored = count(db, "documents")
            except sqlite3.Error:
                stored = 0
            if stored >= 3:
                break
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= stored < 20, stored          # killed in the middle of the batch
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    before = count(db, "documents")
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    again = summary_of(res.output)
    assert (again["read"], again["known"]) == (20, before)
    assert count(db, "documents") == 20

    clean = tmp_path / "clean.db"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(clean), "-q"]).exit_code == 0
    assert records(db) == records(clean)
    assert count(db, "events") == count(clean, "events") and count(db, "event_reports") == count(clean, "event_reports")


def test_one_statement_tells_known_and_taken_as_the_lookups_did(tmp_path: Path) -> None:
    """The ingest's check before storing (check_document: one statement) says what find_known and the id
    look-up say: the same content under any id is known; the same id read from the same input is known even
    if edited; the same id with other content from another input is only taken (it gets a new id)."""
    from eventwire.ingest import content_hash
    from eventwire.model import Document as Doc
    from eventwire.store.db import open_db
    from eventwire.store.repo import check_document, distinct_id, find_known, save_document

    def Document(**kw):
        return Doc(**kw, content_hash=content_hash(kw["text"]))

    factory = open_db(str(tmp_path / "s.db"))
    stored = Document(id="a1", text=article(1), path="in/a.txt")
    with factory() as s:
        save_document(s, stored)
        s.commit()
    cases = {
        "new": Document(id="b2", text=article(2), path="in/b.txt"),
        "same content, other id": Document(id="c3", text=article(1), path="in/c.txt"),
        "same id, edited, same input": Document(id="a1", text=article(1) + " Bilan provisoire.", path="in/a.txt"),
        "same id, other article": Document(id="a1", text=EN_KIDAL, path="other/a.txt"),
    }
    expected = {"new": (False, False), "same content, other id": (True, False),
                "same id, edited, same input": (True, True), "same id, other article": (False, True)}
    with factory() as s:
        for name, doc in cases.items():
            known, taken = check_document(s, doc)
            assert (known, taken) == expected[name], name
            assert known == bool(find_known(s, doc)), name
            assert distinct_id(s, doc, taken) == distinct_id(s, doc), name


def test_one_statement_checks_a_batch_as_each_document_alone(tmp_path: Path) -> None:
    """A store batch's documents are checked with one statement (DocumentChecks) and the ids of documents extracted
    ahead guessed with one (_Speculator.many): each answer is check_document's, for French and English articles,
    and a document stored earlier in the same transaction counts as stored for the ones after it (an exact copy
    is known, an article with its id only takes a new one)."""
    from eventwire.ingest import content_hash
    from eventwire.ingest_run import _Speculator
    from eventwire.model import Document as Doc
    from eventwire.store.db import open_db, writer
    from eventwire.store.repo import DocumentChecks, check_document, distinct_id, save_document

    def Document(**kw):
        return Doc(**kw, content_hash=content_hash(kw["text"]))

    factory = open_db(str(tmp_path / "s.db"))
    with factory() as s:
        save_document(s, Document(id="a1", text=article(1), path="in/a.txt"))
        save_document(s, Document(id="en", text=EN_KIDAL, path="in/en.txt"))
        s.commit()
    batch = [Document(id="b2", text=article(2), path="in/b.txt"),                    # new
             Document(id="c3", text=article(1), path="in/c.txt"),                    # a stored text, other id
             Document(id="a1", text=article(1) + " Bilan provisoire.", path="in/a.txt"),  # edited, same input
             Document(id="en", text=EN_KIDAL + " Police said.", path="other/en.txt"),     # its id taken
             Document(id="d4", text=EN_KIDAL.replace("Kidal", "Gao"), path="in/d.txt")]  # new
    with factory() as s:
        alone = [check_document(s, d) for d in batch]
        guesses = [None if known else distinct_id(s, d, taken) for d, (known, taken) in zip(batch, alone)]
    assert alone == [(False, False), (True, False), (True, True), (False, True), (False, False)]
    assert _Speculator(factory).many(batch) == guesses == ["b2", None, None, guesses[3], "d4"]
    assert guesses[3].startswith("en~")
    later = [Document(id="b2", text=article(2), path="in/b.txt"),         # the copy of a document stored before it
             Document(id="d4", text=article(5), path="elsewhere/d.txt")]  # another article with a stored one's id
    with writer(factory)() as s:
        checks = DocumentChecks(s, [*batch, *later])
        assert [checks.check(d) for d in batch] == alone
        for d in (batch[0], batch[4]):
            save_document(s, d)
            checks.stored(d)
        assert [checks.check(d) for d in later] == [check_document(s, d) for d in later] == [(True, True), (False, True)]


KILL_MID_BATCH = """
import os, signal, sys
import eventwire.ingest_run as run
calls = 0
store_in = run._store_in
def dying(s, doc, res, *rest):
    global calls
    out = store_in(s, doc, res, *rest)
    calls += 1
    if calls == 9:   # the third document of the second transaction written, none of it committed
        os.kill(os.getpid(), signal.SIGKILL)
    return out
run._store_in = dying
run.run_ingest([sys.argv[1]], sys.argv[2], show_progress=False, store_batch=6)
"""


def test_kill_9_in_the_middle_of_a_transaction_of_several_documents(tmp_path: Path) -> None:
    """Documents are stored several per write transaction: a process killed after writing part of one leaves the
    transactions before it, none of that one; the store reopens and a re-run completes it as one clean run."""
    folder = write(tmp_path / "in", {f"k{k:02d}.txt": article(k) for k in range(14)})
    db = tmp_path / "killed.db"
    proc = subprocess.run([sys.executable, "-c", KILL_MID_BATCH, str(folder), str(db)], timeout=300,
                          capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert count(db, "documents") == 6           # the first transaction's six, nothing of the second
    assert count(db, "event_reports") == 6
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    again = summary_of(res.output)
    assert (again["read"], again["known"], again["failed"]) == (14, 6, 0)
    assert count(db, "documents") == 14

    clean = tmp_path / "clean.db"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(clean), "-q"]).exit_code == 0
    assert records(db) == records(clean)
    assert count(db, "event_reports") == count(clean, "event_reports")
