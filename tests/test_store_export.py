"""Store round-trips and export formats, on hand-built events (no NLP needed)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

from eventwire.evaluate import score
from eventwire.export import ACLED_COLUMNS, COLUMNS, event_record, export_string, interaction
from eventwire.model import (Actor, DateValue, Document, Event, Evidence, Mention, Place, Slot,
                             mention_from_dict, mention_to_dict)
from eventwire.store.db import open_db
from eventwire.store.repo import (EventFilter, find_known, get_event, iter_events, mentions_of_event,
                                  save_document, save_event, save_mentions)

TEXT = "KIDAL, 3 mai (AFP) - Deux soldats ont été tués jeudi dans une embuscade près de Kidal."


def _doc() -> Document:
    return Document(id="d1", text=TEXT, published="2024-05", source="AFP", language="fr",
                    content_hash="h1", sentences=[(0, len(TEXT))])


def _event(doc: Document) -> tuple[Mention, Event]:
    ev_trig = doc.evidence(TEXT.index("embuscade"), TEXT.index("embuscade") + 9)
    place = Place(location="Kidal", country="Mali", iso=466, region="Western Africa", admin1="Kidal",
                  latitude=18.44, longitude=1.41, geo_precision=2, country_code="ML", kind="city")
    m = Mention(doc_id=doc.id, sentence=0, trigger=ev_trig, id="d1:m0",
                event_type=Slot("Battles", [ev_trig]), sub_event_type=Slot("Armed clash", [ev_trig]),
                date=Slot(DateValue(date(2024, 5, 2), 1), [doc.evidence(TEXT.index("jeudi"), TEXT.index("jeudi") + 5)]),
                place=Slot(place, [doc.evidence(TEXT.index("près de Kidal"), len(TEXT) - 1)]),
                actor1=Slot(Actor("JNIM: Group for Support of Islam and Muslims", 2, "perpetrator")),
                actor2=Slot(Actor("Military Forces of Mali (2021-)", 1, "target")),
                fatalities=Slot(2, [doc.evidence(0, 10)]), injuries=Slot(0, reason="no toll reported"),
                weapons=Slot(["firearm"]), attribution=Slot("unattributed"))
    ev = mention_from_dict(mention_to_dict(m), Event)
    ev.id, ev.mention_ids, ev.source_documents, ev.sources = "EWTEST", ["d1:m0"], ["d1"], ["AFP"]
    return m, ev


def test_model_round_trip() -> None:
    m, ev = _event(_doc())
    again = mention_from_dict(mention_to_dict(ev), Event)
    assert again == ev
    assert again.place.value.latitude == 18.44 and again.date.value.day == date(2024, 5, 2)


def test_store_keeps_documents_mentions_events_and_evidence(tmp_path) -> None:
    factory = open_db(str(tmp_path / "t.db"))
    doc = _doc()
    m, ev = _event(doc)
    with factory() as s:
        save_document(s, doc)
        save_mentions(s, [m])
        s.flush()
        save_event(s, ev)
        s.commit()
    with factory() as s:
        assert find_known(s, doc) == "d1"
        assert find_known(s, Document(id="other", text=TEXT, content_hash="h1")) == "d1"  # same content
        got = get_event(s, "EWTE")  # unique prefix
        assert got is not None and got.place.value.location == "Kidal"
        assert [x.id for x in mentions_of_event(s, "EWTEST")] == ["d1:m0"]
        assert [e.id for e in iter_events(s, EventFilter(country="mali"))] == ["EWTEST"]
        assert list(iter_events(s, EventFilter(country="Iraq"))) == []
        assert list(iter_events(s, EventFilter(since="2024-06-01"))) == []


def test_export_formats_have_all_columns() -> None:
    _, ev = _event(_doc())
    rec = event_record(ev)
    assert list(rec)[:31] == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert rec["interaction"] == 12 and rec["disorder_type"] == "Political violence"
    assert rec["source_scale"] == "International" and rec["source_documents"] == ["d1"]
    assert rec["evidence"]["date"][0]["text"] == "jeudi"
    line = json.loads(export_string([rec], "jsonl"))
    assert line["event_date"] == "2024-05-02" and line["time_precision"] == 1
    rows = list(csv.DictReader(io.StringIO(export_string([rec], "csv"))))
    assert list(rows[0]) == COLUMNS and rows[0]["weapons"] == "firearm"
    gj = json.loads(export_string([rec], "geojson"))
    assert gj["features"][0]["geometry"] == {"type": "Point", "coordinates": [1.41, 18.44]}


def test_interaction_codes() -> None:
    assert interaction(6, None) == 60
    assert interaction(7, 1) == 17
    assert interaction(None, None) is None


def test_score_counts_spurious_events_against_precision() -> None:
    _, ev = _event(_doc())
    rec = event_record(ev)
    gold = {"documents": {"d1": {"events": [{
        "event_date": "2024-05-02", "date_precision_max": 1, "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": ["JNIM: Group for Support of Islam and Muslims"],
        "actor2": ["Military Forces of Mali"], "admin1": "Kidal", "lat": 18.44, "lon": 1.41,
        "radius_km": 20, "fatalities": 2, "injuries": 0}]}}}
    assert score(gold, [rec]).slot_f1 == 1.0
    twice = score(gold, [rec, dict(rec, event_id_cnty="X")])
    assert twice.spurious == 1 and twice.slot_precision == 0.5
    wrong_day = score(gold, [dict(rec, event_date="2024-05-05")])
    assert wrong_day.per_slot["date"] == (0, 1)


def test_schema_is_migrated_and_old_stores_are_adopted(tmp_path) -> None:
    from sqlalchemy import create_engine, inspect, text

    from eventwire.store.db import Base

    from alembic.script import ScriptDirectory

    from eventwire.store.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()  # the newest migration
    fresh = tmp_path / "fresh.db"
    open_db(str(fresh))
    eng = create_engine(f"sqlite:///{fresh}")
    with eng.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).scalar() == head
    assert {"documents", "mentions", "events", "evidence", "audit"} <= set(inspect(eng).get_table_names())
    old = tmp_path / "old.db"  # a store created before migrations existed
    Base.metadata.create_all(create_engine(f"sqlite:///{old}"))
    factory = open_db(str(old))
    with factory() as s:
        assert s.execute(text("select version_num from alembic_version")).scalar() == head


def _asdict_form(m) -> dict:
    """mention_to_dict as it was written with dataclasses.asdict (the stored form must not change)."""
    from dataclasses import asdict, fields

    def plain(v):
        if v is None or isinstance(v, (str, int, float, bool)):
            return v
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, list):
            return [plain(x) for x in v]
        if hasattr(v, "__dataclass_fields__"):
            return {k: plain(x) for k, x in asdict(v).items()}
        return str(v)

    out = {}
    for f in fields(m):
        v = getattr(m, f.name)
        if isinstance(v, Slot):
            out[f.name] = {"value": plain(v.value), "evidence": [asdict(e) for e in v.evidence], "reason": v.reason}
        elif isinstance(v, Evidence):
            out[f.name] = asdict(v)
        else:
            out[f.name] = plain(v)
    return out


def test_mention_to_dict_gives_the_asdict_form_without_its_copies() -> None:
    """The faster serialisation (no deep copy) writes exactly what the asdict-based one wrote: places, actors,
    associated actors, dates, and a value it does not know (a datetime day), read through the general path."""
    from datetime import datetime

    m, ev = _event(_doc())
    m.assoc_actor_1 = Slot([Actor("Civilians (Mali)", 7, "target", "des civils", "ML"),
                            Actor("Fulani Ethnic Militia (Mali)", 4)])
    ev.weapons = Slot(["firearm", "explosive"], [Evidence("d1", 0, 3, 9, "DAL, 3")], "read")
    odd = Mention(doc_id="d1", sentence=0, trigger=m.trigger,
                  date=Slot(DateValue(datetime(2024, 5, 2, 14, 30), 2), reason="a datetime day"))
    for x in (m, ev, odd, Mention(doc_id="d2", sentence=1, trigger=Evidence("d2", 1, 0, 4, "Gaza"))):
        assert mention_to_dict(x) == _asdict_form(x)
    assert mention_to_dict(odd)["date"]["value"] == {"day": "2024-05-02T14:30:00", "precision": 2}
