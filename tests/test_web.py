"""The web app's read side: JSON API (filters, sorting, paging, evidence, documents, stats, exports), pages,
one error shape, local assets only, escaped untrusted text, and no extraction stage loaded."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.export import COLUMNS
from eventwire.settings import Settings
from eventwire.web.app import create_app
from test_web_support import copy_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return copy_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(Settings.load(db=str(db), env={})))


def _events(client: TestClient, **params) -> dict:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _by_country(client: TestClient) -> dict[str, dict]:
    return {e["country"]: e for e in _events(client, page_size=100)["events"]}


def test_list_has_the_three_incidents(client: TestClient) -> None:
    d = _events(client)
    assert d["ok"] and d["total"] == 3
    assert {e["country"] for e in d["events"]} == {"Mali", "Somalia", "Iraq"}
    assert all(e["review_status"] == "unreviewed" for e in d["events"])
    assert set(COLUMNS) - {"evidence"} <= set(d["events"][0])


@pytest.mark.parametrize("params,countries", [
    ({"country": "mali"}, {"Mali"}),
    ({"since": "2024-05-01"}, {"Mali", "Somalia"}),
    ({"since": "2024-05-01", "until": "2024-05-31"}, {"Mali"}),
    ({"event_type": "Explosions/Remote violence"}, {"Iraq", "Somalia"}),
    ({"sub_event_type": "Armed clash"}, {"Mali"}),
    ({"admin1": "Banadir"}, {"Somalia"}),
    ({"actor": "shabaab"}, {"Somalia"}),
    ({"attribution": "claimed"}, {"Somalia"}),
    ({"q": "kidal"}, {"Mali"}),
    ({"min_fatalities": 3}, {"Mali", "Iraq"}),
    ({"bbox": "40,-5,50,10"}, {"Somalia"}),
    ({"status": "unreviewed"}, {"Mali", "Somalia", "Iraq"}),
    ({"status": "confirmed"}, set()),
])
def test_filters(client: TestClient, params: dict, countries: set) -> None:
    assert {e["country"] for e in _events(client, **params)["events"]} == countries


def test_sorting_and_paging(client: TestClient) -> None:
    asc = [e["event_date"] for e in _events(client, sort="event_date")["events"]]
    assert asc == sorted(asc)
    desc = [e["fatalities"] for e in _events(client, sort="-fatalities")["events"]]
    assert desc == sorted(desc, reverse=True)
    p1, p2 = _events(client, sort="event_date", page_size=2), _events(client, sort="event_date", page_size=2, page=2)
    assert (p1["total"], p1["pages"], len(p1["events"]), len(p2["events"])) == (3, 2, 2, 1)
    assert [e["event_date"] for e in p1["events"] + p2["events"]] == asc


def test_one_error_shape(client: TestClient) -> None:
    for url, status in [("/api/events?sort=nope", 400), ("/api/events?since=May", 400),
                        ("/api/events?bbox=1,2", 400), ("/api/events/NOPE", 404), ("/api/documents/nope", 404),
                        ("/api/events?min_fatalities=-1", 400), ("/api/nothing", 404)]:
        r = client.get(url)
        assert r.status_code == status, url
        body = r.json()
        assert body["ok"] is False and body["status"] == status and body["error"] and body["title"], url
    page = client.get("/events/NOPE")
    assert page.status_code == 404 and "no event" in page.text and "<html" in page.text


def test_event_detail_has_evidence_reports_documents_background(client: TestClient) -> None:
    mali = _by_country(client)["Mali"]
    d = client.get(f"/api/events/{mali['event_id_cnty']}").json()
    assert d["event"]["location"] == "Kidal"
    ev = d["evidence"]
    assert {"event_type", "date", "place", "fatalities"} <= set(ev)
    for spans in ev.values():
        for sp in spans:
            assert sp["text"] in sp["sentence_text"]
    assert d["documents"][0]["id"] == "kidal_ambush"
    assert d["reports"] and d["reports"][0]["doc_id"] == "kidal_ambush" and d["reports"][0]["sentence_text"]
    assert any(m["kind"] == "background" and "2019" in m["sentence_text"] for m in d["background_mentions"])
    assert d["reviews"] == []


def test_document(client: TestClient) -> None:
    d = client.get("/api/documents/mogadishu_mortar").json()
    assert d["document"]["source"] == "Reuters" and "Mogadishu" in d["document"]["text"]
    assert d["events"] == [_by_country(client)["Somalia"]["event_id_cnty"]]


def test_stats_follow_the_filter(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert s["events"] == 3 and sum(d["events"] for d in s["per_day"]) == 3
    assert {t["event_type"]: t["events"] for t in s["per_type"]} == {"Battles": 1, "Explosions/Remote violence": 2}
    assert s["fatalities"] == sum(e["fatalities"] for e in _events(client)["events"])
    s = client.get("/api/stats", params={"country": "Mali"}).json()
    assert s["events"] == 1 and s["per_day"][0]["day"] == _by_country(client)["Mali"]["event_date"]


def test_exports_of_the_filter_have_the_export_columns(client: TestClient) -> None:
    r = client.get("/api/events.csv", params={"event_type": "Explosions/Remote violence"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == COLUMNS and {x["country"] for x in rows} == {"Iraq", "Somalia"}
    lines = [json.loads(x) for x in client.get("/api/events.jsonl").text.splitlines()]
    assert len(lines) == 3 and list(lines[0]) == COLUMNS
    gj = client.get("/api/events.geojson", params={"country": "Somalia"}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    assert gj["features"][0]["geometry"]["type"] == "Point" and list(gj["features"][0]["properties"]) == COLUMNS


def test_pages_render(client: TestClient) -> None:
    ids = {e["country"]: e["event_id_cnty"] for e in _events(client)["events"]}
    for url in ["/", "/events", "/events?sort=fatalities&country=Mali", f"/events/{ids['Mali']}", "/review",
                "/login", "/docs", "/documents/kidal_ambush"]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]
    table = client.get("/events", params={"country": "Mali"}).text
    assert ids["Mali"] in table and ids["Somalia"] not in table
    page = client.get(f"/events/{ids['Mali']}").text
    assert re.search(r'<mark class="ev" data-fields="[^"]*\bplace\b', page)     # evidence highlighted
    assert '<sup class="lbl" data-field="fatalities">fatalities</sup>' in page     # and labelled
    assert page.index(ids["Mali"]) and "Audit trail" in page
    queue = client.get("/review").text
    assert all(i in queue for i in ids.values())


def test_no_request_to_another_host(client: TestClient) -> None:
    """Pages, our scripts and styles name no other host; vendor files are served from the installed packages."""
    mali = _by_country(client)["Mali"]["event_id_cnty"]
    html = "".join(client.get(u).text for u in ["/", "/events", f"/events/{mali}", "/review", "/login", "/docs"])
    assert not re.search(r"https?://", html)
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any("vendor/leaflet/leaflet.js" in a for a in assets)
    assert any("vendor/markercluster/leaflet.markercluster.js" in a for a in assets)
    assert any("vendor/swagger-ui/swagger-ui-bundle.js" in a for a in assets)
    for a in set(assets):
        r = client.get(a)
        assert r.status_code == 200, a
        if "/vendor/" not in a:   # our own files: no URL at all, but the SVG namespace name
            assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", r.text), a
    assert all(not re.search(r"(src|href)=\"https?:", client.get(a).text) for a in set(assets) if a.endswith(".css"))


def test_untrusted_article_text_is_escaped(client: TestClient) -> None:
    iraq = _by_country(client)["Iraq"]["event_id_cnty"]
    doc = client.get("/api/documents/baghdad_bomb").json()["document"]
    assert "<script>" in doc["text"]     # stored as written, shown as text
    for url in [f"/events/{iraq}", "/documents/baghdad_bomb", "/events", "/"]:
        body = client.get(url).text
        assert "<script>alert" not in body and "<img src=x" not in body and 'href="javascript:' not in body, url
        assert "&lt;script&gt;" in body or url in ("/events", "/")
    api = client.get(f"/api/events/{iraq}")
    assert api.headers["content-type"].startswith("application/json")


def test_openapi_and_local_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/events/{event_id}" in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_web_never_imports_the_extraction_stage(db: Path) -> None:
    code = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from eventwire.settings import Settings\n"
        "from eventwire.web.app import create_app\n"
        f"c = TestClient(create_app(Settings.load(db={str(db)!r}, env={{}})))\n"
        "eid = c.get('/api/events').json()['events'][0]['event_id_cnty']\n"
        "for u in ['/', '/events', '/events/' + eid, '/api/events/' + eid, '/api/events.csv', '/review']:\n"
        "    assert c.get(u).status_code == 200, u\n"
        "bad = [m for m in sys.modules if m.startswith(('eventwire.extract', 'eventwire.pipeline', 'spacy'))]\n"
        "assert not bad, bad\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-2000:]


def test_settings_read_options_then_environment() -> None:
    env = {"EVENTWIRE_DB": "x.db", "EVENTWIRE_PORT": "9000", "EVENTWIRE_PRIVATE": "yes"}
    s = Settings.load(env=env, port=8001)
    assert (s.db, s.port, s.private, s.host) == ("x.db", 8001, True, "127.0.0.1") and s.secret_key
    with pytest.raises(ValueError):
        Settings.load(env={"EVENTWIRE_PORT": "eighty"})


def test_export_interaction_agrees_with_the_extraction_stage() -> None:
    from eventwire.export import interaction
    from eventwire.extract.actors import interaction as extract_interaction

    codes = [None, 0, 1, 2, 3, 4, 5, 6, 7, 8]
    assert all(interaction(a, b) == extract_interaction(a, b) for a in codes for b in codes)


def test_an_empty_filter_form_is_no_filter(client: TestClient) -> None:
    """The filter form sends every box, empty ones as ''."""
    empty = {k: "" for k in ("since", "until", "country", "admin1", "event_type", "sub_event_type", "attribution",
                             "actor", "q", "min_fatalities", "bbox")}
    assert _events(client, **empty)["total"] == 3
    r = client.get("/events", params={**empty, "country": "Mali"})
    assert r.status_code == 200 and r.text.count('<tr class="st-') == 1


# ----------------------------------------------------------------- the index behind /api/events

def _reference(recs: list[dict], f) -> list[str]:
    """The filter and sort of /api/events written plainly over the records (what EventIndex must agree with)."""
    from eventwire import review

    def keep(r: dict) -> bool:
        st = r["review_status"]
        if f.status == "active" and st in ("rejected", "merged"):
            return False
        if f.status == "reviewed" and st not in review.REVIEWED:
            return False
        if f.status not in ("active", "reviewed", "all") and st != f.status:
            return False
        d = r["event_date"]
        if (f.since and (not d or d < f.since)) or (f.until and (not d or d > f.until)):
            return False
        for k in ("country", "admin1", "event_type", "sub_event_type", "attribution"):
            if getattr(f, k) and str(r.get(k) or "").casefold() != getattr(f, k).casefold():
                return False
        has = lambda keys, needle: any(needle.casefold() in str(r.get(k) or "").casefold() for k in keys)  # noqa
        if f.actor and not has(("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"), f.actor):
            return False
        if f.q and not has(("location", "admin1", "admin2", "admin3", "country", "actor1", "actor2",
                            "assoc_actor_1", "assoc_actor_2", "notes", "event_id_cnty", "sub_event_type"), f.q):
            return False
        if f.min_fatalities is not None and (r.get("fatalities") or 0) < f.min_fatalities:
            return False
        if f.bbox:
            x0, y0, x1, y1 = map(float, f.bbox.split(","))
            if None in (r["latitude"], r["longitude"]) or not (x0 <= r["longitude"] <= x1 and y0 <= r["latitude"] <= y1):
                return False
        return True

    col, desc = f.sort.lstrip("-"), f.sort.startswith("-")
    rows = [r for r in recs if keep(r)]
    full = [r for r in rows if r.get(col) not in (None, "")]
    empty = [r for r in rows if r.get(col) in (None, "")]
    full.sort(key=lambda r: (r[col], r["event_id_cnty"]), reverse=desc)
    empty.sort(key=lambda r: r["event_id_cnty"], reverse=desc)
    return [r["event_id_cnty"] for r in full + empty]


def test_index_agrees_with_the_plain_filter_and_sort() -> None:
    import random

    from eventwire.web.index import SORTABLE, EventIndex
    from eventwire.web.views.common import EventQuery

    rnd = random.Random(7)
    pick = lambda *xs: rnd.choice(xs)  # noqa: E731
    recs = [{"event_id_cnty": f"EV{i:03d}", "review_status": pick("unreviewed", "confirmed", "edited", "rejected",
                                                                   "merged"),
             "event_date": pick("", None, "2024-01-05", "2024-03-01", "2024-03-02", "2025-12-31"),
             "event_type": pick("Battles", "battles", "Riots", "", None), "sub_event_type": pick("Armed clash", ""),
             "country": pick("Mali", "MALI", "Côte d'Ivoire", "Straße", None), "admin1": pick("Kidal", "", None),
             "admin2": pick("Tessalit", ""), "admin3": "", "location": pick("Kidal", "STRASSE", "Aguelhok", ""),
             "actor1": pick("Military Forces of Mali", "JNIM", "", None), "actor2": pick("Civilians (Mali)", ""),
             "assoc_actor_1": pick("", "Wagner"), "assoc_actor_2": "", "notes": pick("", "an ambush near kidal"),
             "attribution": pick("claimed", "accused", "", None), "fatalities": pick(None, 0, 1, 3, 12),
             "injuries": pick(None, 0, 2), "certainty": pick(0.0, 0.5, 0.833),
             "latitude": pick(None, 18.4, -3.2), "longitude": pick(None, 1.4, 45.3)} for i in range(300)]
    index = EventIndex()
    index.update(recs)
    filters = [EventQuery(), EventQuery(status="all"), EventQuery(status="reviewed"), EventQuery(status="merged"),
               EventQuery(country="mali"), EventQuery(country="STRASSE"), EventQuery(country="côte d'ivoire"),
               EventQuery(event_type="BATTLES", status="all"), EventQuery(since="2024-03-01"),
               EventQuery(until="2024-03-01", since="2024-01-05"), EventQuery(actor="mali"), EventQuery(q="kidal"),
               EventQuery(q="strasse"), EventQuery(q="EV01"), EventQuery(min_fatalities=0), EventQuery(min_fatalities=3),
               EventQuery(bbox="0,10,50,20"), EventQuery(bbox="-180,-90,180,90", attribution="Claimed"),
               EventQuery(admin1="kidal", actor="wagner", status="all")]
    filters += [EventQuery(status="all", sort=s) for c in SORTABLE for s in (c, "-" + c)]
    for f in filters:
        assert index.select(f) == _reference(recs, f), f
    # a new read: only the changed records are written again, and the answers follow them
    changed = dict(recs[0], country="Niger", fatalities=99, review_status="edited")
    assert index.update([changed] + recs[1:-1]) == 2
    f = EventQuery(country="niger", status="all")
    assert index.select(f) == [changed["event_id_cnty"]] and index.select(EventQuery(q="EV299", status="all")) == []
    assert f'"fatalities":99' in index.listed[changed["event_id_cnty"]]


def test_a_write_by_another_process_shows_without_a_restart(tmp_path: Path) -> None:
    from eventwire import review
    from eventwire.store.db import open_db, writer
    from eventwire.web.views import common

    db = copy_store(tmp_path / "w.db")
    c = TestClient(create_app(Settings.load(db=str(db), env={})))
    mali = _by_country(c)["Mali"]
    before = dict(c.app.state.index.records)
    with writer(open_db(str(db)))() as s:      # as `eventwire` in another process would
        review.add_review(s, "cli", mali["event_id_cnty"], "edit", "fatalities", 7, "army statement")
        s.commit()
    c.app.state.checked_at -= common.CHECK_EVERY_S    # as if the check interval had passed
    after = {e["country"]: e for e in _events(c)["events"]}
    assert after["Mali"]["fatalities"] == 7 and after["Mali"]["review_status"] == "edited"
    now = c.app.state.index.records      # the other events' records were reused, not rebuilt
    assert [i for i in now if now[i] is not before[i]] == [mali["event_id_cnty"]]
    assert _events(c, min_fatalities=7)["total"] == 1


def test_country_borders_come_from_the_natural_earth_package(client: TestClient) -> None:
    r = client.get("/api/borders.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    assert r.headers.get("content-encoding") == "gzip"     # httpx asks for gzip and decodes it
    fc = r.json()
    names = {f["properties"]["name"] for f in fc["features"]}
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) > 200 and {"Mali", "Somalia", "Iraq"} <= names
    mali = next(f for f in fc["features"] if f["properties"]["iso_a3"] == "MLI")
    assert mali["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lons = [p[0] for ring in mali["geometry"]["coordinates"] for p in ring]
    assert -13 < min(lons) < -11 and 4 < max(lons) < 5                     # Mali spans about 12.2°W to 4.3°E
    assert not re.search(r"https?://", r.text)
    plain = client.get("/api/borders.geojson", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == fc
    assert 'data-borders="/api/borders.geojson"' in client.get("/").text
