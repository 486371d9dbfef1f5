"""Query and export hygiene, and clear one-line errors for a wrong --db (no NLP needed: hand-built events)."""
from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export import neutralise_cell
from eventwire.model import Actor, DateValue, Event, Evidence, Place, Slot
from eventwire.store.db import open_db
from eventwire.store.repo import save_event

runner = CliRunner()


def _event(i: int, day: str, country: str, location: str, actor1: str = "Unidentified Armed Group (Mali)",
           lat: float = 18.4, notes: str = "") -> Event:
    trig = Evidence(f"d{i}", 0, 0, 5, "tués")
    place = Place(location=location, country=country, admin1=location, latitude=lat, longitude=-1.5,
                  geo_precision=1, country_code="ML", kind="city")
    ev = Event(doc_id=f"d{i}", sentence=0, trigger=trig, id=f"EWTEST{i:04d}",
               event_type=Slot("Battles", [trig]), sub_event_type=Slot("Armed clash", [trig]),
               date=Slot(DateValue(date.fromisoformat(day), 1)), place=Slot(place),
               actor1=Slot(Actor(actor1, 3)), fatalities=Slot(2), notes=notes)
    ev.source_documents = [f"d{i}"]
    return ev


EVENTS = [
    _event(1, "2024-05-01", "Mali", "Kidal"),
    _event(2, "2024-05-31", "Niger", "Niamey"),
    _event(3, "2024-06-01", "Nigeria", "Maiduguri"),
    _event(4, "2024-06-15", "Mali", "100% Town", actor1="=HYPERLINK(\"http://x\")", lat=-3.5,
           notes="+1 killed; -2 wounded"),
    _event(5, "2024-07-01", "Mali", "Under_score", actor1="@SUM(1+1)", notes="\tTab start"),
    _event(6, "2024-07-02", "Mali", "\rReturn", actor1="-2+3"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("hyg") / "h.db")
    factory = open_db(path)
    with factory() as s:
        for ev in EVENTS:
            save_event(s, ev)
        s.commit()
    return path


def ids(res) -> list[str]:
    assert res.exit_code == 0, res.output
    return sorted(x for x in res.output.split() if x.startswith("EWTEST"))


def test_country_is_an_exact_name(db: str) -> None:
    assert ids(runner.invoke(app, ["events", "--db", db, "--country", "Niger"])) == ["EWTEST0002"]
    assert ids(runner.invoke(app, ["events", "--db", db, "--country", "nigeria"])) == ["EWTEST0003"]
    assert ids(runner.invoke(app, ["events", "--db", db, "--country", "%"])) == []
    assert ids(runner.invoke(app, ["events", "--db", db, "--country", "Ni_er"])) == []


def test_search_is_literal_text(db: str) -> None:
    assert ids(runner.invoke(app, ["events", "--db", db, "--search", "%"])) == ["EWTEST0004"]
    assert ids(runner.invoke(app, ["events", "--db", db, "--search", "_"])) == ["EWTEST0005"]
    assert ids(runner.invoke(app, ["events", "--db", db, "--search", "kid"])) == ["EWTEST0001"]
    assert ids(runner.invoke(app, ["events", "--db", db, "--search", "Ki%l"])) == []
    assert ids(runner.invoke(app, ["events", "--db", db, "--type", "%"])) == []


def test_since_and_until_are_validated_dates(db: str) -> None:
    assert ids(runner.invoke(app, ["events", "--db", db, "--since", "2024-05", "--until", "2024-05"])) == \
        ["EWTEST0001", "EWTEST0002"]
    assert ids(runner.invoke(app, ["events", "--db", db, "--since", "2024-06-15", "--until", "2024"])) == \
        ["EWTEST0004", "EWTEST0005", "EWTEST0006"]
    for bad in ("abc", "2024-13", "2024-02-30", "01/05/2024", "' OR 1=1 --"):
        res = runner.invoke(app, ["events", "--db", db, "--since", bad])
        assert res.exit_code == 2 and "--since" in res.output and "not a date" in res.output, res.output
        assert "Traceback" not in res.output
    res = runner.invoke(app, ["events", "--db", db, "--since", "2024-07", "--until", "2024-06"])
    assert res.exit_code == 2 and "after --until" in res.output


def test_limit_must_be_positive(db: str) -> None:
    for bad in ("0", "-1"):
        res = runner.invoke(app, ["events", "--db", db, "--limit", bad])
        assert res.exit_code == 2 and "--limit" in res.output
    assert ids(runner.invoke(app, ["events", "--db", db, "--limit", "1"])) == ["EWTEST0001"]


def test_csv_export_neutralises_formulas_and_jsonl_stays_exact(db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert runner.invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(out)]).exit_code == 0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = {r["event_id_cnty"]: r for r in csv.DictReader(fh)}
    assert rows["EWTEST0004"]["actor1"] == "'=HYPERLINK(\"http://x\")"
    assert rows["EWTEST0004"]["notes"] == "'+1 killed; -2 wounded"
    assert rows["EWTEST0004"]["latitude"] == "-3.5"            # a number stays a number
    assert rows["EWTEST0005"]["actor1"] == "'@SUM(1+1)" and rows["EWTEST0005"]["notes"] == "'\tTab start"
    assert rows["EWTEST0006"]["actor1"] == "'-2+3" and rows["EWTEST0006"]["location"] == "'\rReturn"
    assert rows["EWTEST0001"]["actor1"] == "Unidentified Armed Group (Mali)"
    for r in rows.values():
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for k, v in r.items()
                       if k not in ("latitude", "longitude")), r
    res = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    recs = {r["event_id_cnty"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert recs["EWTEST0004"]["actor1"] == "=HYPERLINK(\"http://x\")" and recs["EWTEST0004"]["latitude"] == -3.5
    assert recs["EWTEST0006"]["location"] == "\rReturn"
    assert neutralise_cell(-3) == -3 and neutralise_cell("a=b") == "a=b"


def test_show_prefix_is_literal(db: str) -> None:
    res = runner.invoke(app, ["show", "%", "--db", db])
    assert res.exit_code == 1 and "no event" in res.output
    res = runner.invoke(app, ["show", "EWTEST0004", "--db", db, "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["actor1"] == "=HYPERLINK(\"http://x\")"


# ---- --db problems: one clear line, exit code 1, never a traceback, read commands never create a store ----

def _one_line_error(res, *words: str) -> None:
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    text = res.output.strip()
    assert "Traceback" not in text and "sqlalchemy" not in text.lower() and len(text.splitlines()) == 1, text
    for w in words:
        assert w in text, text


def test_db_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 10)
    for cmd in (["events"], ["export"], ["show", "EW1"], ["ingest", str(tmp_path / "none.txt")]):
        _one_line_error(runner.invoke(app, [*cmd, "--db", str(bad)]), "not an eventwire store")
    assert bad.read_text().startswith("these are my notes")


def test_db_in_a_missing_folder_or_a_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.db"
    _one_line_error(runner.invoke(app, ["ingest", str(tmp_path), "--db", str(missing)]), "does not exist")
    _one_line_error(runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path)]), "is a folder")
    _one_line_error(runner.invoke(app, ["events", "--db", str(tmp_path)]), "is a folder")


def test_read_commands_never_create_a_store(tmp_path: Path) -> None:
    typo = tmp_path / "mistyped.db"
    for cmd in (["events"], ["export", "--format", "csv"], ["show", "EW1"]):
        _one_line_error(runner.invoke(app, [*cmd, "--db", str(typo)]), "no store at")
        assert not typo.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    _one_line_error(runner.invoke(app, ["events", "--db", str(empty)]), "empty file")


def test_database_of_another_program(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("create table customers (id integer, name text)")
    _one_line_error(runner.invoke(app, ["events", "--db", str(other)]), "another program")
    _one_line_error(runner.invoke(app, ["ingest", str(tmp_path / "x.txt"), "--db", str(other)]), "another program")
    with sqlite3.connect(other) as con:
        assert [t for (t,) in con.execute("select name from sqlite_master where type='table'")] == ["customers"]


def test_every_command_has_help_with_an_example() -> None:
    for cmd in ("ingest", "events", "show", "export", "geocode", "eval"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and "Example" in res.output, cmd
