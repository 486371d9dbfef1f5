"""The Python API (issue 9, item 6): eventwire.extract on one article, eventwire.open_store on a store, the
README's example, and `import eventwire` staying cheap. Store tests use hand-built events (no NLP)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import eventwire
from eventwire.export import COLUMNS, event_record
from eventwire.model import (EVENT_TYPES, Actor, DateValue, Document, Event, Evidence, Mention, Place, Slot,
                             mention_from_dict, mention_to_dict)
from eventwire.store.db import DocumentRow, StoreError, open_db
from eventwire.store.repo import save_document, save_event, save_mentions

README = Path(__file__).resolve().parents[1] / "README.md"

# written for this test
ARTICLE = ("KIDAL, 3 mai (AFP) - Deux soldats maliens ont été tués jeudi dans une embuscade tendue par des hommes "
           "armés près de Kidal, dans le nord du Mali, a-t-on appris de source militaire.\n\n"
           "Les assaillants, arrivés à moto, se sont repliés vers le nord après une heure d'échanges de tirs, selon "
           "cette source, qui a requis l'anonymat. L'attaque n'a pas été revendiquée.")


def test_import_eventwire_loads_nothing_heavy() -> None:
    code = ("import sys, eventwire; eventwire.extract; eventwire.open_store; eventwire.Store; "
            "print(sorted(m for m in ('spacy', 'sqlalchemy', 'pandas', 'numpy', 'lingua', 'tensorflow', "
            "'datasketch', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"


# ---- extract ----

@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    return eventwire.extract(ARTICLE, published="2024-05")


def test_extract_a_french_article(extracted) -> None:
    (e,) = extracted
    assert list(e) == COLUMNS
    assert (e["event_date"], e["time_precision"], e["country"], e["location"]) == ("2024-05-02", 1, "Mali", "Kidal")
    assert e["event_type"] in EVENT_TYPES and e["fatalities"] == 2 and e["source"] == "AFP"
    assert e["evidence"]["date"][0]["text"] == "jeudi"
    for spans in e["evidence"].values():              # evidence points into the article (no clutter to remove)
        for ev in spans:
            assert ARTICLE[ev["start"]:ev["end"]] == ev["text"] and ev["doc_id"] == e["source_documents"][0]
    json.dumps(e)                                      # plain data


def test_extract_options(extracted) -> None:
    again = eventwire.extract(ARTICLE, published=date(2024, 5, 3), language="fr", doc_id="kidal")
    assert again[0]["source_documents"] == ["kidal"] and again[0]["event_date"] == "2024-05-02"
    same = eventwire.extract(" date 2024-05\n" + ARTICLE)            # the sample format's header
    assert [x["event_id_cnty"] for x in same] != [] and same[0]["event_date"] == "2024-05-02"
    assert eventwire.extract(ARTICLE, published="2024-05")[0]["event_id_cnty"] == extracted[0]["event_id_cnty"]
    with pytest.warns(UserWarning) as told:                               # as `eventwire ingest` tells them
        undated = eventwire.extract(" date abcd\n" + ARTICLE, doc_id="bad\nid")
    assert undated[0]["source_documents"] == ["bad id"]                    # ids are cleaned as ingest cleans them
    assert sorted(("has no date" in str(w.message), "line breaks removed" in str(w.message)) for w in told) == \
        [(False, True), (True, False)]
    assert {w.filename for w in told} == {__file__}                        # attributed to the caller's line


def test_extract_checks_its_arguments() -> None:
    with pytest.raises(TypeError):
        eventwire.extract(ARTICLE.encode())
    with pytest.raises(ValueError, match="empty"):
        eventwire.extract("  \n ")
    with pytest.raises(ValueError, match="bad date"):
        eventwire.extract(ARTICLE, published="2024-13")
    with pytest.raises(ValueError, match="not supported"):
        eventwire.extract(ARTICLE, language="de")


def test_extract_other_languages_warn_and_give_nothing() -> None:
    german = ("Bei einem Angriff auf einen Markt in der Stadt sind am Dienstag nach Angaben der Polizei mehrere "
              "Menschen verletzt worden. Die Hintergründe der Tat sind noch unklar, teilten die Behörden mit.")
    with pytest.warns(UserWarning, match="not supported"):
        assert eventwire.extract(german, published="2024-05") == []


def test_extract_stays_callable_next_to_the_extract_package() -> None:
    import eventwire.extract.actors as actors   # the extraction stages' package has the same name

    assert callable(eventwire.extract) and eventwire.extract.actors is actors


# ---- open_store ----

def _event(doc: Document, key: str, day: date, etype: str, sub: str, place: Place, fat: int) -> tuple[Mention, Event]:
    trig = doc.evidence(0, 5)
    m = Mention(doc_id=doc.id, sentence=0, trigger=trig, id=f"{doc.id}:m0", event_type=Slot(etype, [trig]),
                sub_event_type=Slot(sub, [trig]), date=Slot(DateValue(day, 1), [doc.evidence(6, 11)]),
                place=Slot(place, [doc.evidence(0, 5)]), actor2=Slot(Actor("Military Forces of Mali (2021-)", 1)),
                fatalities=Slot(fat, [doc.evidence(12, 17)]), attribution=Slot("unattributed"))
    ev = mention_from_dict(mention_to_dict(m), Event)
    ev.id, ev.mention_ids, ev.source_documents, ev.sources = key, [m.id], [doc.id], [doc.source]
    return m, ev


def make_store(path: Path) -> Path:
    """Two events (Mali in May, Iraq in March 2024) from two documents, and a republished copy."""
    kidal = Place("Kidal", "Mali", admin1="Kidal", latitude=18.44, longitude=1.41, country_code="ML", kind="city")
    mosul = Place("Mosul", "Iraq", admin1="Ninewa", latitude=36.34, longitude=43.13, country_code="IQ", kind="city")
    docs = [Document(id="d_mali", text=ARTICLE, published="2024-05", source="AFP", language="fr", content_hash="a",
                     sentences=[(0, 170), (172, len(ARTICLE))]),
            Document(id="d_iraq", text="MOSSOUL, 12 mars (Reuters) - Deux soldats tués mardi.", published="2024-03",
                     source="Reuters", language="fr", content_hash="b", sentences=[(0, 52)])]
    factory = open_db(str(path))
    with factory() as s:
        for doc, (etype, sub, day, place, fat) in zip(docs, [
                ("Battles", "Armed clash", date(2024, 5, 2), kidal, 2),
                ("Explosions/Remote violence", "Remote explosive/landmine/IED", date(2024, 3, 12), mosul, 2)]):
            save_document(s, doc)
            m, ev = _event(doc, f"EW_{doc.id}", day, etype, sub, place, fat)
            save_mentions(s, [m])
            s.flush()
            save_event(s, ev)
        save_document(s, Document(id="d_copy", text=ARTICLE + "\n\nPartager", published="2024-05-04",
                                  content_hash="c"))
        s.flush()
        s.get(DocumentRow, "d_copy").duplicate_of = "d_mali"
        s.commit()
    factory.kw["bind"].dispose()
    return path


@pytest.fixture
def store(tmp_path):
    with eventwire.open_store(str(make_store(tmp_path / "events.db"))) as st:
        yield st


def test_open_store_never_creates_a_store(tmp_path) -> None:
    missing = tmp_path / "mistyped.db"
    with pytest.raises(StoreError, match="no store"):
        eventwire.open_store(str(missing))
    assert not missing.exists()
    with pytest.raises(StoreError):
        eventwire.open_store(str(tmp_path))      # a folder


def test_store_events_are_the_export_rows(store, tmp_path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    out = tmp_path / "export.jsonl"
    assert CliRunner().invoke(app, ["export", "--db", store.db, "--format", "jsonl", "-o", str(out)]).exit_code == 0
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    rows = store.events()
    assert [list(r) for r in rows] == [COLUMNS, COLUMNS]
    drop = lambda r: {k: v for k, v in r.items() if k != "timestamp"}  # noqa: E731  (the time of export)
    assert [drop(r) for r in rows] == [drop(r) for r in exported]
    assert [r["event_id_cnty"] for r in rows] == ["EW_d_iraq", "EW_d_mali"]       # by date
    assert rows[1]["evidence"]["date"][0]["text"] == ARTICLE[6:11]


def test_store_filters(store) -> None:
    ids = lambda **f: [r["event_id_cnty"] for r in store.events(**f)]  # noqa: E731
    assert ids(country="mali") == ["EW_d_mali"] and ids(country="Mal") == []
    assert ids(since="2024-04") == ["EW_d_mali"] and ids(until="2024-03") == ["EW_d_iraq"]
    assert ids(since=date(2024, 3, 12), until="2024-03-12") == ["EW_d_iraq"]
    assert ids(until="2024") == ["EW_d_iraq", "EW_d_mali"] and ids(since="2025") == []
    assert ids(event_type="explosive") == ["EW_d_iraq"] and ids(search="kidal") == ["EW_d_mali"]
    assert ids(search="%") == [] and ids(limit=1) == ["EW_d_iraq"]
    with pytest.raises(ValueError, match="since"):
        store.events(since="last week")
    with pytest.raises(ValueError, match="limit"):
        store.events(limit=0)


def test_store_event_documents_and_close(store) -> None:
    one = store.event("EW_d_ma")                          # a unique prefix
    assert one["event_id_cnty"] == "EW_d_mali" and one["status"] == "auto" and one["evidence"]["fatalities"]
    (report,) = one["reports"]
    assert report["doc_id"] == "d_mali" and report["sentence_text"] == ARTICLE[:170]
    assert report["date"] == "2024-05-02" and report["place"] == "Kidal" and report["source"] == "AFP"
    with pytest.raises(KeyError):
        store.event("EW_nothing")
    docs = store.documents()
    assert [(d["id"], d["events"], d["duplicate_of"]) for d in docs] == [
        ("d_copy", 0, "d_mali"), ("d_iraq", 1, None), ("d_mali", 1, None)]
    assert "text" not in docs[0] and store.documents(text=True)[2]["text"] == ARTICLE


def test_dataframe_without_pandas_says_so(store, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)      # as if pandas were not installed
    with pytest.raises(ImportError, match="needs pandas.*pip install pandas"):
        store.dataframe()
    assert len(store.events()) == 2                        # everything else works


def test_dataframe(store) -> None:
    pytest.importorskip("pandas")
    df = store.dataframe(country="Iraq")
    assert list(df.columns) == COLUMNS and df["event_id_cnty"].tolist() == ["EW_d_iraq"]


# ---- the README's example ----

def readme_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S)[1]


def test_readme_example_runs(tmp_path, monkeypatch, capsys) -> None:
    make_store(tmp_path / "examples.db")                  # what the quick start's ingest makes, in small
    monkeypatch.chdir(tmp_path)
    exec(compile(readme_example(), "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("2024-05-02 ") and printed[-1] == "3 documents"


def test_store_reads_reflect_reviews(tmp_path) -> None:
    """Store.events and Store.event give the reviewed values, as the export and the web app do."""
    from eventwire import review
    from eventwire.store.db import writer

    path = make_store(tmp_path / "reviewed.db")
    with writer(open_db(str(path)))() as s:
        review.add_review(s, "rita", "EW_d_mali", "edit", "fatalities", 9, "hospital toll")
        review.add_review(s, "rita", "EW_d_iraq", "reject", reason="not an event")
        s.commit()
    with eventwire.open_store(str(path)) as st:
        rows = st.events()
        assert [r["event_id_cnty"] for r in rows] == ["EW_d_mali"] and rows[0]["fatalities"] == 9
        assert {r["event_id_cnty"] for r in st.events(include_rejected=True)} == {"EW_d_mali", "EW_d_iraq"}
        assert st.event("EW_d_mali")["fatalities"] == 9
