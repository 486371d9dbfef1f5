"""Review as overrides applied on read: confirm, edit, reject, merge, undo through the API and the forms; every
change audited; the API, pages and `eventwire export` reflect reviews, and a re-ingest (or re-extraction that
rewrites the events table) never undoes them or resurrects a rejected event. Users, sessions, CSRF, tokens,
401/403 on anonymous or reader writes, --private."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.cli import app as cli
from eventwire.settings import Settings
from eventwire.store.db import EventRow, open_db, writer
from eventwire.store.repo import event_of, save_event
from eventwire.web.app import create_app
from test_web_support import SECOND_REPORT, articles_folder, copy_store

runner = CliRunner()
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = copy_store(tmp_path_factory.mktemp("review") / "review.db")
    for name, role in [("rita", "reviewer"), ("rex", "reader")]:
        res = runner.invoke(cli, ["user", "add", name, "--role", role, "--password", PASSWORD, "--db", str(path)])
        assert res.exit_code == 0, res.output
    return path


@pytest.fixture(scope="module")
def token(db: Path) -> str:
    res = runner.invoke(cli, ["token", "create", "rita", "--db", str(db), "--label", "tests"])
    assert res.exit_code == 0, res.output
    tok = res.stdout.strip()
    assert tok.startswith("ew_")
    return tok


@pytest.fixture(scope="module")
def app(db: Path):
    return create_app(Settings.load(db=str(db), env={}))


@pytest.fixture()
def anon(app) -> TestClient:
    return TestClient(app)


def _login(app, name: str) -> TestClient:
    c = TestClient(app)
    c.get("/login")
    r = c.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": c.cookies["ew_csrf"], "next": "/"},
               follow_redirects=False)
    assert r.status_code == 303, r.text
    return c


def _ids(client: TestClient) -> dict[str, str]:
    return {e["country"]: e["event_id_cnty"] for e in client.get("/api/events", params={"status": "all"}).json()["events"]}


def _export(db: Path, *args: str) -> dict[str, dict]:
    res = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl", *args])
    assert res.exit_code == 0, res.output
    return {r["country"]: r for r in map(json.loads, res.stdout.splitlines())}


def test_review_queue_lists_unreviewed_least_certain_first(app) -> None:
    """Runs first: every event is still unreviewed."""
    q = TestClient(app).get("/api/review-queue").json()
    assert q["events"] and all(e["review_status"] == "unreviewed" for e in q["events"])
    cert = [e["certainty"] for e in q["events"]]
    assert cert == sorted(cert)


def test_anonymous_and_reader_writes_are_refused(app, anon: TestClient) -> None:
    eid = _ids(anon)["Mali"]
    assert anon.post(f"/api/events/{eid}/reviews", json={"action": "confirm"}).status_code == 401
    assert anon.post(f"/api/events/{eid}/reviews", json={"action": "nonsense"}).status_code == 401
    assert anon.post("/api/reviews/1/undo", json={}).status_code == 401
    assert anon.post(f"/events/{eid}/review", data={"action": "confirm"}, follow_redirects=False).status_code == 401
    assert anon.post(f"/api/events/{eid}/reviews", json={"action": "confirm"},
                     headers={"Authorization": "Bearer ew_wrong"}).status_code == 401
    reader = _login(app, "rex")
    r = reader.post(f"/api/events/{eid}/reviews", json={"action": "confirm"},
                    headers={"X-CSRF-Token": reader.cookies["ew_csrf"]})
    assert r.status_code == 403 and r.json()["ok"] is False
    assert anon.get(f"/api/events/{eid}").json()["reviews"] == []


def test_wrong_password_and_csrf_are_refused(app, anon: TestClient) -> None:
    anon.get("/login")
    r = anon.post("/login", data={"name": "rita", "password": "nope-nope", "csrf_token": anon.cookies["ew_csrf"]})
    assert r.status_code == 401 and "ew_session" not in anon.cookies
    r = anon.post("/login", data={"name": "rita", "password": PASSWORD, "csrf_token": "forged"})
    assert r.status_code == 403
    rita = _login(app, "rita")
    eid = _ids(rita)["Mali"]
    r = rita.post(f"/events/{eid}/review", data={"action": "confirm", "csrf_token": "forged"}, follow_redirects=False)
    assert r.status_code == 403
    r = rita.post(f"/api/events/{eid}/reviews", json={"action": "confirm"})        # cookie, no header
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    assert rita.get(f"/api/events/{eid}").json()["reviews"] == []


def test_edit_confirm_reject_undo_round_trip(app, db: Path, token: str) -> None:
    rita = _login(app, "rita")
    ids = _ids(rita)
    mali, iraq = ids["Mali"], ids["Iraq"]
    page = rita.get(f"/events/{mali}").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    # edit through the page's form
    r = rita.post(f"/events/{mali}/review", data={"csrf_token": csrf, "action": "edit", "field": "fatalities",
                                                  "value": "4", "reason": "army statement next day"},
                  follow_redirects=False)
    assert r.status_code == 303
    # an edit without a reason, or of an unknown field, is refused with the error shape
    bad = rita.post(f"/api/events/{mali}/reviews", json={"action": "edit", "field": "fatalities", "value": 5},
                    headers={"X-CSRF-Token": rita.cookies["ew_csrf"]})
    assert bad.status_code == 400 and "reason" in bad.json()["error"]
    bad = rita.post(f"/api/events/{mali}/reviews", json={"action": "edit", "field": "nope", "value": 5, "reason": "x"},
                    headers={"Authorization": f"Bearer {token}"})
    assert bad.status_code == 400
    # reject through the API with a token (no CSRF needed)
    r = rita.post(f"/api/events/{iraq}/reviews", json={"action": "reject", "reason": "not an incident"},
                  headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    d = rita.get(f"/api/events/{mali}").json()
    assert d["event"]["fatalities"] == 4 and d["event"]["review_status"] == "edited"
    assert "4 fatalities" in d["event"]["notes"]      # generated notes follow the edit
    assert d["event"]["overrides"]["fatalities"]["reason"] == "army statement next day"
    trail = d["audit"][-1]
    assert (trail["user"], trail["action"], trail["field"], trail["before"], trail["after"]) == (
        "rita", "edit", "fatalities", 3, 4)
    page = rita.get(f"/events/{mali}").text
    assert "army statement next day" in page and "rita" in page
    # API list, filters, export reflect the reviews
    assert {e["country"] for e in rita.get("/api/events").json()["events"]} == {"Mali", "Somalia"}
    assert [e["country"] for e in rita.get("/api/events", params={"status": "rejected"}).json()["events"]] == ["Iraq"]
    assert [e["country"] for e in rita.get("/api/events", params={"min_fatalities": 4}).json()["events"]] == ["Mali"]
    exp = _export(db)
    assert set(exp) == {"Mali", "Somalia"} and exp["Mali"]["fatalities"] == 4
    assert set(_export(db, "--all")) == {"Mali", "Somalia", "Iraq"}
    assert set(_export(db, "--reviewed-only")) == {"Mali"}
    csv_out = rita.get("/api/events.csv", params={"status": "reviewed"}).text
    assert csv_out.count("\n") == 2 and "Kidal" in csv_out
    # confirm after the edit; then undo the confirm: back to edited
    r = rita.post(f"/api/events/{mali}/reviews", json={"action": "confirm"},
                  headers={"X-CSRF-Token": rita.cookies["ew_csrf"]})
    assert r.status_code == 201 and rita.get(f"/api/events/{mali}").json()["event"]["review_status"] == "confirmed"
    rid = r.json()["review"]["id"]
    r = rita.post(f"/reviews/{rid}/undo", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    d = rita.get(f"/api/events/{mali}").json()
    assert d["event"]["review_status"] == "edited"
    assert [h["undone"] for h in d["reviews"]] == [False, True] and d["audit"][-1]["action"] == "undo"
    assert rita.post(f"/api/reviews/{rid}/undo", json={}, headers={"Authorization": f"Bearer {token}"}).status_code == 400


def test_reviews_survive_reingest_and_reextraction(app, db: Path, token: str) -> None:
    """After the round trip above: Mali edited (4 fatalities), Iraq rejected. The Somalia event is edited now;
    the second report ingested below joins it, and merging may give it another id: the edit follows."""
    c = TestClient(app)
    som = _ids(c)["Somalia"]
    r = c.post(f"/api/events/{som}/reviews", json={"action": "edit", "field": "location", "value": "Bakara market",
                                                   "reason": "the market named by police"},
               headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    folder = articles_folder()
    (folder.parent / "more").mkdir(exist_ok=True)
    (folder.parent / "more" / "mogadiscio_afp.txt").write_text(SECOND_REPORT, encoding="utf-8")
    res = runner.invoke(cli, ["ingest", str(folder), str(folder.parent / "more"), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    factory = open_db(str(db))
    with writer(factory)() as s:       # re-extraction rewrites every event row with the automatic values
        for row in s.query(EventRow).all():
            ev = event_of(row)
            ev.status = "auto"
            save_event(s, ev)
        s.commit()
    ids = _ids(c)
    somalia = c.get(f"/api/events/{ids['Somalia']}").json()
    assert somalia["event"]["location"] == "Bakara market" and somalia["event"]["review_status"] == "edited"
    assert "mogadishu_mortar" in somalia["event"]["source_documents"]
    assert [h["field"] for h in somalia["reviews"]] == ["location"]
    assert any(a["action"] == "edit" and a["after"] == "Bakara market" for a in somalia["audit"])
    mali = c.get(f"/api/events/{ids['Mali']}").json()["event"]
    assert mali["fatalities"] == 4 and mali["review_status"] == "edited"
    assert c.get(f"/api/events/{ids['Iraq']}").json()["event"]["review_status"] == "rejected"
    assert "Iraq" not in {e["country"] for e in c.get("/api/events").json()["events"]}
    exp = _export(db)
    assert "Iraq" not in exp and exp["Mali"]["fatalities"] == 4 and exp["Somalia"]["location"] == "Bakara market"


def test_split_a_report_off_and_undo(app, db: Path, token: str) -> None:
    c = TestClient(app)
    auth = {"Authorization": f"Bearer {token}"}
    listed = c.get("/api/events", params={"country": "Somalia"}).json()["events"]   # merged-away ids left out
    som = max(listed, key=lambda e: len(e["source_documents"]))["event_id_cnty"]
    d = c.get(f"/api/events/{som}").json()
    if len(d["event_reports"]) < 2:
        pytest.skip("the second Somalia report was not merged into the first: nothing to split")
    rep = next(r for r in d["event_reports"] if r["doc_id"] == "mog_afp" or r["doc_id"].startswith("mogadiscio"))
    r = c.post(f"/api/events/{som}/reviews", json={"action": "split", "value": rep["id"], "reason": "other day"},
               headers=auth)
    assert r.status_code == 201, r.text
    new_id = r.json()["review"]["value"]["new_event"]
    kept, new = c.get(f"/api/events/{som}").json(), c.get(f"/api/events/{new_id}").json()
    assert rep["doc_id"] not in kept["event"]["source_documents"] and new_id in kept["event"]["split_off"]
    assert all(sp["doc_id"] != rep["doc_id"] for spans in kept["evidence"].values() for sp in spans)
    assert new["event"]["source_documents"] == [rep["doc_id"]] and new["event"]["split_from"] == som
    assert new["reports"] and all(x["doc_id"] == rep["doc_id"] for x in new["reports"])
    assert new_id in {e["event_id_cnty"] for e in c.get("/api/events").json()["events"]}
    # the split-off event can be reviewed like any other, and shown on the command line
    assert c.post(f"/api/events/{new_id}/reviews", json={"action": "confirm"}, headers=auth).status_code == 201
    shown = runner.invoke(cli, ["show", new_id, "--db", str(db)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "split off" in shown.stdout and rep["doc_id"] in shown.stdout
    assert c.post(f"/api/reviews/{r.json()['review']['id']}/undo", json={}, headers=auth).status_code == 200
    assert new_id not in {e["event_id_cnty"] for e in c.get("/api/events", params={"status": "all"}).json()["events"]}
    assert rep["doc_id"] in c.get(f"/api/events/{som}").json()["event"]["source_documents"]


def test_merge_and_its_undo(app, db: Path, token: str) -> None:
    c = TestClient(app)
    auth = {"Authorization": f"Bearer {token}"}
    events = c.get("/api/events", params={"country": "Somalia"}).json()["events"]
    if len(events) < 2:   # the second report joined the first automatically: make a pair from Mali instead
        events = c.get("/api/events").json()["events"][:2]
    keep, gone = events[0]["event_id_cnty"], events[1]["event_id_cnty"]
    gone_docs = c.get(f"/api/events/{gone}").json()["event"]["source_documents"]
    r = c.post(f"/api/events/{gone}/reviews", json={"action": "merge", "value": keep, "reason": "same incident"},
               headers=auth)
    assert r.status_code == 201, r.text
    listed = {e["event_id_cnty"] for e in c.get("/api/events").json()["events"]}
    assert gone not in listed and keep in listed
    kept = c.get(f"/api/events/{keep}").json()
    assert gone in kept["event"]["merged_from"] and set(gone_docs) <= set(kept["event"]["source_documents"])
    assert any(rep["event_id"] == gone for rep in kept["reports"])
    assert c.get(f"/api/events/{gone}").json()["event"]["review_status"] == "merged"
    assert c.post(f"/api/reviews/{r.json()['review']['id']}/undo", json={"reason": "not the same"},
                  headers=auth).status_code == 200
    assert gone in {e["event_id_cnty"] for e in c.get("/api/events").json()["events"]}


def test_private_mode(db: Path, token: str) -> None:
    app = create_app(Settings.load(db=str(db), private=True, env={}))
    c = TestClient(app)
    r = c.get("/api/events")
    assert r.status_code == 401 and r.json()["ok"] is False
    r = c.get("/events", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert c.get("/login").status_code == 200
    assert c.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert _login(app, "rex").get("/events").status_code == 200


def test_user_add_refuses_bad_role_and_short_password(db: Path) -> None:
    res = runner.invoke(cli, ["user", "add", "x", "--role", "god", "--password", PASSWORD, "--db", str(db)])
    assert res.exit_code == 2 and "role" in res.output
    res = runner.invoke(cli, ["user", "add", "x", "--password", "short", "--db", str(db)])
    assert res.exit_code == 2
    res = runner.invoke(cli, ["token", "create", "nobody", "--db", str(db)])
    assert res.exit_code == 1


def test_passwords_are_hashed() -> None:
    from eventwire.web.security import hash_password, verify_password

    h = hash_password(PASSWORD)
    assert PASSWORD not in h and h.startswith("scrypt$")
    assert verify_password(PASSWORD, h) and not verify_password("wrong", h) and not verify_password(PASSWORD, "x")


def test_a_store_of_the_first_schema_is_upgraded(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from eventwire.store.db import alembic_config

    path = tmp_path / "v1.db"
    command.upgrade(alembic_config(f"sqlite:///{path}"), "0001")
    assert "reviews" not in inspect(create_engine(f"sqlite:///{path}")).get_table_names()
    open_db(str(path))
    assert {"reviews", "users", "api_tokens"} <= set(inspect(create_engine(f"sqlite:///{path}")).get_table_names())


def test_events_and_show_commands_reflect_reviews(tmp_path: Path) -> None:
    """`eventwire events` and `eventwire show` show the reviewed values, as export and the API do: an edited
    field is listed (and filtered on) with its new value, a rejected event is hidden unless --all."""
    from eventwire import review

    path = copy_store(tmp_path / "cli.db")
    with writer(open_db(str(path)))() as s:
        ids = {r.country: r.id for r in s.query(EventRow)}
        review.add_review(s, "rita", ids["Mali"], "edit", "fatalities", 9, "hospital toll")
        review.add_review(s, "rita", ids["Mali"], "edit", "location", "Aguelhok", "the ambush was at Aguelhok")
        review.add_review(s, "rita", ids["Iraq"], "reject", reason="not an event")
        s.commit()
    wide = {"COLUMNS": "250"}
    listed = runner.invoke(cli, ["events", "--db", str(path)], env=wide)
    assert listed.exit_code == 0, listed.output
    assert ids["Mali"] in listed.stdout and "Aguelhok" in listed.stdout and ids["Iraq"] not in listed.stdout
    assert "2 event(s)" in listed.stdout
    assert ids["Iraq"] in runner.invoke(cli, ["events", "--db", str(path), "--all"], env=wide).stdout
    found = runner.invoke(cli, ["events", "--db", str(path), "--search", "aguelhok"], env=wide).stdout
    assert ids["Mali"] in found and "1 event(s)" in found
    assert "0 event(s)" in runner.invoke(cli, ["events", "--db", str(path), "--country", "iraq"], env=wide).stdout
    shown = runner.invoke(cli, ["show", ids["Mali"], "--db", str(path)], env=wide)
    assert shown.exit_code == 0, shown.output
    assert "review: edited" in shown.stdout and "fatalities: 9" in shown.stdout
    assert "edited fatalities: 3 → 9 by rita (hospital toll)" in shown.stdout
    rec = json.loads(runner.invoke(cli, ["show", ids["Mali"], "--db", str(path), "--json"]).stdout)
    assert rec["fatalities"] == 9 and rec["location"] == "Aguelhok" and rec["review_status"] == "edited"
    rejected = runner.invoke(cli, ["show", ids["Iraq"], "--db", str(path)], env=wide).stdout
    assert "review: rejected" in rejected
    assert "1 event(s)" in runner.invoke(cli, ["events", "--db", str(path), "--limit", "1"], env=wide).stdout
    with writer(open_db(str(path)))() as s:
        review.add_review(s, "rita", ids["Somalia"], "merge", value=ids["Mali"], reason="same incident")
        s.commit()
    merged = runner.invoke(cli, ["events", "--db", str(path), "--all"], env=wide).stdout
    assert ids["Somalia"] not in merged and ids["Mali"] in merged and "2 event(s)" in merged
    with writer(open_db(str(path)))() as s:
        assert [r["event_id_cnty"] for r in review.listed(s, include_rejected=True)] == \
            [r["event_id_cnty"] for r in sorted(review.records(s, include_rejected=True),
                                                key=lambda r: (r["event_date"], r["event_id_cnty"]))]
