"""The command line end to end: ingest → events → show → export, bad input, re-runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate import score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
runner = CliRunner()


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "ex.db"
    res = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    assert "failed: 0" in res.output
    return db


def test_ingest_examples_creates_events(example_db: Path) -> None:
    res = runner.invoke(app, ["export", "--db", str(example_db), "--format", "jsonl"])
    events = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(events) >= 6
    docs = {d for e in events for d in e["source_documents"]}
    assert len(docs) >= 6  # every example article yields its incident
    for e in events:
        assert e["event_type"] and e["sub_event_type"] and e["event_date"]
        assert e["evidence"]["event_type"][0]["text"]


def test_rerun_ingests_nothing_twice(example_db: Path) -> None:
    res = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", str(example_db), "-q"])
    assert res.exit_code == 0
    out = " ".join(res.output.split())
    assert "incident reports: 0, new incidents: 0" in out and "skipped as already known: 8" in out


def test_events_show_and_exports(example_db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(example_db)])
    assert res.exit_code == 0 and "event(s)" in res.output
    first = json.loads(runner.invoke(app, ["export", "--db", str(example_db)]).stdout.splitlines()[0])
    shown = runner.invoke(app, ["show", first["event_id_cnty"], "--db", str(example_db)])
    assert shown.exit_code == 0 and "sentence" in shown.output and "reports" in shown.output
    for fmt in ("csv", "geojson"):
        out = tmp_path / f"ev.{fmt}"
        assert runner.invoke(app, ["export", "--db", str(example_db), "--format", fmt, "-o", str(out)]).exit_code == 0
        assert out.stat().st_size > 100
    gj = json.loads((tmp_path / "ev.geojson").read_text())
    assert gj["type"] == "FeatureCollection" and gj["features"]


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(" date 2024-03-02 KIDAL, 2 mars (AFP) - Trois soldats maliens ont été tués samedi "
                    "dans une embuscade tendue par des hommes armés près de Kidal.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "date": "2024-01", "text": "x"\n', encoding="utf-8")
    (tmp_path / "baddate.txt").write_text(" date 2024-13 Texte.", encoding="utf-8")
    db = tmp_path / "b.db"
    res = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "-q"])
    assert res.exit_code == 1
    for name in ("empty.txt", "bin.txt", "bad.jsonl:1", "baddate.txt"):
        assert name in res.output
    out = " ".join(res.output.split())
    assert "incident reports: 1, new incidents: 1" in out


def test_summary_counts_a_second_report_as_joined(tmp_path: Path) -> None:
    """Two outlets telling one incident: two reports, one new incident, one joined to it."""
    (tmp_path / "a.txt").write_text(" date 2024-03-02 KIDAL, 2 mars (AFP) - Trois soldats maliens ont été tués samedi "
                                    "dans une embuscade tendue par des hommes armés près de Kidal.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(" date 2024-03-03 BAMAKO, March 3 (Reuters) - Gunmen ambushed an army patrol near "
                                    "Kidal in northern Mali on Saturday, killing three soldiers, a military source said.",
                                    encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "j.db"), "-q"])
    out = " ".join(res.output.split())
    assert res.exit_code == 0, out
    assert "incident reports: 2, new incidents: 1, joined to known incidents: 1" in out


def test_help_has_examples() -> None:
    for cmd in ("ingest", "events", "show", "export", "geocode", "eval"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and "Example" in res.output


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_sample_articles_score_perfectly(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(SHARED / "seeds"), "--db", str(db), "-q"]).exit_code == 0
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    records = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    sc = score(json.loads((SHARED / "gold/seeds.json").read_text()), records)
    assert (sc.matched, sc.missed, sc.spurious) == (2, 0, 0)
    assert sc.slot_f1 == 1.0, sc.errors
