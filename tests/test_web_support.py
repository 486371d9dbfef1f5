"""A small store for the web and review tests, built once per process (ingest loads spaCy: a few seconds) from
short articles written for these tests; each test module gets its own copy."""
from __future__ import annotations

import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

ARTICLES = {
    "kidal_ambush.txt": (
        " date 2024-05-03\nKIDAL, 3 mai (AFP) - Trois soldats maliens ont été tués jeudi dans une embuscade tendue "
        "par des hommes armés près de Kidal, dans le nord du Mali, a indiqué une source militaire. En 2019, une "
        "attaque similaire avait fait dix morts dans la région."),
    "mogadishu_mortar.txt": (
        " date 2024-06-14\nMOGADISHU, June 14 (Reuters) - Two civilians were killed on Thursday when mortar shells "
        "hit a market in Somalia's capital Mogadishu, police said. Al Shabaab claimed responsibility for the attack "
        "in a statement."),
    "baghdad_bomb.txt": (
        " date 2024-01-10\nBAGHDAD, Jan 10 (Reuters) - A roadside bomb killed four policemen on Tuesday in the "
        "south of Baghdad <script>alert('x')</script> <img src=x onerror=alert(2)> "
        "<a href=\"javascript:alert(3)\">more</a>, security sources said."),
}
SECOND_REPORT = (
    " date 2024-06-14\nMOGADISCIO, 14 juin (AFP) - Deux civils ont été tués jeudi par des obus de mortier tombés "
    "sur un marché de Mogadiscio, la capitale somalienne, selon la police. Les shebab ont revendiqué l'attaque.")


@lru_cache(maxsize=1)
def pristine_store() -> Path:
    from eventwire.ingest_run import run_ingest

    folder = Path(tempfile.mkdtemp(prefix="ew-web-"))
    docs = folder / "articles"
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text, encoding="utf-8")
    db = folder / "pristine.db"
    summary = run_ingest([str(docs)], str(db), show_progress=False)
    assert not summary.failed
    return db


def copy_store(dest: Path) -> Path:
    """A copy of the pristine store at ``dest`` (SQLite's backup API: the WAL is included)."""
    src = sqlite3.connect(pristine_store())
    dst = sqlite3.connect(dest)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return dest


def articles_folder() -> Path:
    return pristine_store().parent / "articles"
