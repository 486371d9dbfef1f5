"""The store on a real PostgreSQL server (issue 13): Alembic creates and migrates the schema, ingest, merging,
the read commands, the Python API and the web API work on it, and the exported events are those of SQLite.
Two ingests at once on one PostgreSQL store leave exactly the events of one run.

The tests start a throwaway cluster from Debian's ``postgresql`` package (``/usr/lib/postgresql/*/bin``, else
``initdb`` on PATH): initdb as an unprivileged user (``postgres`` when the tests run as root), a free local
port, a temporary socket folder, stopped and deleted at the end. Without a server binary they skip (``.ci/run``
installs one).
"""
from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import records, write
from eventwire.cli import app

runner = CliRunner()
PLACES = ["Kidal", "Gao", "Mopti", "Ménaka"]


def _server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A throwaway PostgreSQL cluster: trust authentication on 127.0.0.1 and a private socket folder."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
        self.data, self.sockets, self.log = self.root / "data", self.root / "sockets", self.root / "server.log"
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:   # initdb and postgres refuse to run as root
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no 'postgres' user to run the PostgreSQL server as")
            runuser = shutil.which("runuser")
            self.as_user = [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]
            os.chmod(self.root, 0o755)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self.as_user and self.as_user[0] == "su":
            cmd = [*self.as_user, " ".join(cmd)]
        else:
            cmd = [*self.as_user, *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)

    def start(self) -> None:
        self._run(self.bindir / "initdb", "-D", self.data, "-U", "eventwire", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self._run("mkdir", "-p", self.sockets)
        opts = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c synchronous_commit=off -c full_page_writes=off")
        self._run(self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-o", opts, "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://eventwire@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "ew_" + uuid.uuid4().hex[:10]
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="module")
def pg() -> PostgresServer:
    bindir = _server_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binary (looked for /usr/lib/postgresql/*/bin/initdb and initdb on PATH); "
                    "install Debian's postgresql package to run these tests (.ci/run does)")
    server = PostgresServer(bindir)
    try:
        server.start()
    except subprocess.CalledProcessError as e:
        server.stop()
        pytest.fail(f"the PostgreSQL test server did not start: {e.stdout.decode(errors='replace')[-2000:]}")
    yield server
    server.stop()


def article(k: int) -> str:
    place = PLACES[k % len(PLACES)]
    return (f" date 2024-03-02 {place.upper()}, 2 mars (AFP) - {k % 3 + 2} soldats ont été tués samedi dans une "
            f"embuscade tendue par des hommes armés près de {place}, a indiqué une source sécuritaire.")


def test_store_ingest_merge_read_and_api_on_postgres_equal_sqlite(pg: PostgresServer, tmp_path: Path) -> None:
    folder = write(tmp_path / "in", {f"a{k}.txt": article(k) for k in range(8)})
    (folder / "b.jsonl").write_text(json.dumps({"id": "a1", "date": "2024-03-04", "text": article(9).replace(
        "samedi", "lundi")}, ensure_ascii=False) + "\n", encoding="utf-8")   # an id taken: stored under another
    url = pg.new_database()
    res = runner.invoke(app, ["ingest", str(folder), "--db", url, "-q"])
    assert res.exit_code == 0, res.output
    lite = str(tmp_path / "lite.db")
    assert runner.invoke(app, ["ingest", str(folder), "--db", lite, "-q"]).exit_code == 0
    on_pg = records(url)
    assert on_pg and on_pg == records(lite)
    assert len(on_pg) < 9                                   # reports merged into incidents
    again = runner.invoke(app, ["ingest", str(folder), "--db", url, "-q"])   # nothing twice
    assert again.exit_code == 0 and "documents read: 9, skipped as already known: 9" in again.stdout

    # Alembic made the schema and stamped it at head
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from eventwire.store.db import MIGRATIONS, alembic_config, engine_of, open_db
    factory = open_db(url, create=False)
    with engine_of(factory).connect() as con:
        version = con.execute(text("select version_num from alembic_version")).scalar_one()
    assert version == ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    assert MIGRATIONS.is_dir()

    # read commands, Python API and web API
    first = on_pg[0]["event_id_cnty"]
    assert runner.invoke(app, ["events", "--db", url]).exit_code == 0
    shown = runner.invoke(app, ["show", first, "--db", url, "--json"])
    assert shown.exit_code == 0 and first in shown.stdout
    import eventwire
    with eventwire.open_store(url) as store:
        assert sorted(r["event_id_cnty"] for r in store.events()) == [r["event_id_cnty"] for r in on_pg]
    from fastapi.testclient import TestClient

    from eventwire.web.app import create_app
    from eventwire.settings import Settings
    client = TestClient(create_app(Settings(db=url)))
    got = client.get("/api/events", params={"page_size": 100}).json()
    assert sorted(e["event_id_cnty"] for e in got["events"]) == [r["event_id_cnty"] for r in on_pg]


def test_a_missing_postgres_database_is_a_one_line_error_without_the_password(pg: PostgresServer) -> None:
    res = runner.invoke(app, ["events", "--db", pg.url("no_such_db").replace("eventwire@", "eventwire:s3cret@")])
    assert res.exit_code == 1
    assert "cannot open the store" in res.output and "Traceback" not in res.output
    assert "s3cret" not in res.output and "***" in res.output


@pytest.mark.slow   # two processes each load the models (~45 s on 2 cores): run with -m slow
def test_two_ingests_at_once_on_postgres_equal_one_run(pg: PostgresServer, tmp_path: Path) -> None:
    common = write(tmp_path / "in" / "common", {f"a{k}.txt": article(k) for k in range(5)})
    only1 = write(tmp_path / "in" / "only1", {f"b{k}.txt": article(k) for k in (5, 6)})
    only2 = write(tmp_path / "in" / "only2", {f"c{k}.txt": article(k) for k in (7, 8)})
    url, clean = pg.new_database(), pg.new_database()
    script = Path(sys.executable).with_name("eventwire")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "eventwire.cli"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([*cmd, "ingest", str(common), str(extra), "--db", url, "-q"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for extra in (only1, only2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err, err
    res = runner.invoke(app, ["ingest", str(common), str(only1), str(only2), "--db", clean, "-q"])
    assert res.exit_code == 0, res.output
    assert records(url) == records(clean)
