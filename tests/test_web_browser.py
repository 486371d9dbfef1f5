"""The web app in a real browser: headless Chromium from Debian's `chromium` package driven by Playwright
(executable_path, so no browser is downloaded). Skips when either is missing; .ci/run installs chromium.

Loads the map (markers and country borders drawn, nothing requested from another host, no CSP violation), brushes
a range of days on the timeline (the map and the table link follow; a click picks one day), filters the table, opens
an event and clicks a field to see its highlighted evidence, logs in, edits a field with a reason, and sees the
edit in the event page, the audit trail and the CSV export. EVENTWIRE_SCREENSHOTS=DIR saves screenshots of the
map, of a brushed timeline and of an event page there."""
from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_support import copy_store

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = next((p for p in (os.environ.get("EVENTWIRE_CHROMIUM"), shutil.which("chromium"),
                             shutil.which("chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt-get install chromium)")
PASSWORD = "browser-pass-1234"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from eventwire.settings import Settings
    from eventwire.store.db import open_db, writer
    from eventwire.web.app import create_app
    from eventwire.web.security import add_user

    db = copy_store(tmp_path_factory.mktemp("browser") / "browser.db")
    with writer(open_db(str(db)))() as s:
        add_user(s, "bea", "reviewer", PASSWORD)
        s.commit()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(Settings.load(db=str(db), port=port, env={})),
                                       host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


def test_browser_round_trip(server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    shots = os.environ.get("EVENTWIRE_SCREENSHOTS")

    # the map: markers drawn from the filter's events
    t = time.perf_counter()
    page.goto(server + "/")
    page.wait_for_selector("#map[data-count]", timeout=10000)
    page.wait_for_selector("#timeline svg rect", timeout=10000)
    drawn = time.perf_counter() - t
    assert int(page.get_attribute("#map", "data-count")) == 3
    assert page.locator(".leaflet-interactive, .marker-cluster").count() >= 1
    print(f"map drawn in {drawn:.2f} s")
    page.wait_for_selector("#map[data-borders-drawn]", timeout=60000)    # Natural Earth borders under the markers
    assert int(page.get_attribute("#map", "data-borders-drawn")) > 200
    assert page.locator(".leaflet-borders-pane path").count() > 200
    if shots:
        page.screenshot(path=str(Path(shots) / "map.png"), full_page=True)

    # the timeline brushes: drag across the first two days, the map and the table link follow
    days = sorted({b.get_attribute("data-day") for b in page.locator("#timeline rect[data-day]").all()})
    assert len(days) == 3
    first = page.locator(f'#timeline rect[data-day="{days[0]}"]').first.bounding_box()
    second = page.locator(f'#timeline rect[data-day="{days[1]}"]').first.bounding_box()
    svg = page.locator("#timeline svg").bounding_box()
    y = svg["y"] + svg["height"] / 2
    page.mouse.move(first["x"] + 1, y)
    page.mouse.down()
    page.mouse.move((first["x"] + second["x"]) / 2, y, steps=4)
    page.mouse.move(second["x"] + second["width"] - 1, y, steps=4)
    page.mouse.up()
    page.wait_for_selector("#map[data-count='2']", timeout=10000)
    assert page.get_attribute("#map", "data-range") == f"{days[0]}/{days[1]}"
    assert page.input_value("form.filter input[name=since]") == days[0]
    assert f"since={days[0]}&until={days[1]}" in page.url
    if shots:
        page.screenshot(path=str(Path(shots) / "timeline-brush.png"), full_page=True)
    page.click("#tablelink")
    page.wait_for_url(f"**/events?*since={days[0]}*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 2 and all(days[0] <= r.split("\t")[1] <= days[1] for r in rows.all_inner_texts())
    # a click (no drag) picks one day, here on the events page's own timeline
    page.wait_for_selector("#timeline rect[data-day]")
    one = page.locator("#timeline rect[data-day]").first
    day = one.get_attribute("data-day")
    one.click()
    page.wait_for_url(f"**until={day}**")
    assert page.locator("table.events tbody tr").count() == 1

    # the table, filtered through the form
    page.goto(server + "/events")
    page.select_option("select[name=country]", "Mali")
    page.click("form.filter button")
    page.wait_for_url("**country=Mali**")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1 and "Kidal" in rows.first.inner_text()

    # the event page: click a field, its evidence lights up in the article
    page.click("table.events tbody tr a")
    page.wait_for_selector("mark.ev")
    page.click("button.fieldbtn[data-field=place]")
    active = page.locator("mark.ev.active")
    assert active.count() >= 1 and "Kidal" in " ".join(active.all_inner_texts())
    event_url = page.url

    # log in and edit a field with a reason
    page.click("text=log in")
    page.fill("input[name=name]", "bea")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button")
    page.goto(event_url)
    form = page.locator("form:has(input[name=action][value=edit])")
    form.locator("select[name=field]").select_option("fatalities")
    form.locator("input[name=value]").fill("7")
    form.locator("input[name=reason]").fill("hospital toll")
    form.locator("button").click()
    page.wait_for_selector("tr.overridden[data-field=fatalities]")
    assert "hospital toll" in page.inner_text("table.history") and "hospital toll" in page.inner_text("ul.audit")
    if shots:
        page.click("button.fieldbtn[data-field=fatalities]")
        page.screenshot(path=str(Path(shots) / "event.png"), full_page=True)

    # the export reflects the review
    csv_text = page.request.get(server + "/api/events.csv?country=Mali").text()
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == 1 and rows[0]["fatalities"] == "7"

    outside = [u for u in requests if not u.startswith(server) and not u.startswith("data:")]
    assert not outside, outside
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
