"""Cross-document merging on hand-built reports (no NLP), the store's incremental merge, and — when
the extraction pipeline is available — the merge corpus (tests/merge_corpus) and the shared seeds."""
from __future__ import annotations

import itertools
import random
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from eventwire.assemble import event_id
from eventwire.export import event_record
from eventwire.merge import (candidate_pairs, conflict, merge_events, pairwise_precision_recall, reconcile,
                             same_incident)
from eventwire.model import Actor, DateValue, Document, Event, Evidence, Mention, Place, Slot
from eventwire.store.db import AuditRow, DocumentRow, EventRow, MentionRow, open_db
from eventwire.store.merging import link_duplicate, merge_into_store
from eventwire.store.repo import find_known, iter_events, save_document, save_mentions

CORPUS = Path(__file__).resolve().parent / "merge_corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared"

GAO = dict(location="Gao", country="Mali", admin1="Gao", latitude=16.27, longitude=-0.04, country_code="ML",
           kind="city")
GAO_AIRPORT = dict(GAO, location="Gao airport", latitude=16.25, longitude=-0.005, kind="facility")
ANSONGO = dict(GAO, location="Ansongo", latitude=15.66, longitude=0.50)
GAO_REGION = dict(location="Gao", country="Mali", admin1="Gao", latitude=16.27, longitude=-0.04,
                  country_code="ML", kind="admin1", geo_precision=3)
MOPTI_REGION = dict(GAO_REGION, location="Mopti", admin1="Mopti", latitude=14.49, longitude=-4.18)
JNIM = "JNIM: Jamaat Nusrat al Islam wal Muslimin"
ARMY = "Military Forces of Mali (2021-)"


def ev(doc: str, day: str = "2024-02-06", prec: int = 1, place: dict | None = GAO, geo: int = 1,
       etype: str = "Battles", sub: str = "Armed clash", a1: str = "", a2: str = ARMY,
       fat: int | None = None, inj: int | None = None, attribution: str = "unattributed",
       weapons: list[str] | None = None, source: str = "AFP", when: str = "", n: int = 0) -> Event:
    """A one-document report with just the fields merging reads."""
    mid = f"{doc}:m{n}"
    trig = Evidence(doc, 0, 0, 6, "attack")
    e = Event(doc_id=doc, sentence=0, trigger=trig, id=event_id(mid), mention_ids=[mid], source_documents=[doc],
              sources=[source] if source else [])
    e.event_type, e.sub_event_type = Slot(etype, [trig]), Slot(sub, [trig])
    e.date = Slot(DateValue(date.fromisoformat(day), prec), [Evidence(doc, 0, 10, 20, f"mardi {when}".strip())])
    if place is not None:
        e.place = Slot(Place(**{"geo_precision": geo, **place}), [Evidence(doc, 0, 30, 33, place["location"])])
    e.actor1 = Slot(Actor(a1, 2)) if a1 else Slot(reason="no perpetrator named")
    e.actor2 = Slot(Actor(a2, 1)) if a2 else Slot()
    e.attribution = Slot(attribution, [Evidence(doc, 1, 50, 60, attribution)])
    e.fatalities = Slot(fat, [Evidence(doc, 0, 40, 45, f"{fat} tués")]) if fat is not None else \
        Slot(0, reason="no toll reported")
    e.injuries = Slot(inj, [Evidence(doc, 0, 46, 50, f"{inj} blessés")]) if inj is not None else \
        Slot(0, reason="no toll reported")
    e.weapons = Slot(weapons or [])
    return e


def groups(events: list[Event]) -> set[tuple[str, ...]]:
    return {tuple(e.source_documents) for e in events}


# ---- pairwise decisions ----

def test_same_incident_told_differently() -> None:
    a = ev("afp", a1=JNIM, fat=7)
    b = ev("reuters", place=GAO_AIRPORT, a1="", fat=5, day="2024-02-07")  # next day, 3 km away, no perpetrator
    assert same_incident(a, b)


def test_sub_types_may_differ_within_a_type() -> None:
    a = ev("a", etype="Explosions/Remote violence", sub="Air/drone strike", a1="", a2="")
    b = ev("b", etype="Explosions/Remote violence", sub="Shelling/artillery/missile attack", a1="", a2="")
    assert same_incident(a, b)
    c = ev("c", etype="Violence against civilians", sub="Attack", a1="", a2="")
    assert conflict(a, c) == "event types differ"


@pytest.mark.parametrize("day_b,prec_b,ok", [
    ("2024-02-07", 1, True), ("2024-02-08", 1, False), ("2024-02-09", 2, True), ("2024-02-11", 2, False),
    ("2024-02-01", 3, True), ("2024-03-01", 3, False)])
def test_dates_compatible_within_their_precision(day_b: str, prec_b: int, ok: bool) -> None:
    assert (conflict(ev("a"), ev("b", day=day_b, prec=prec_b)) != "dates differ") is ok


def test_places() -> None:
    assert conflict(ev("a"), ev("b", place=ANSONGO)) == "places differ"          # ~90 km
    assert not conflict(ev("a"), ev("b", place=GAO_REGION))                      # area-level, same admin1
    assert conflict(ev("a"), ev("b", place=MOPTI_REGION)) == "places differ"     # other admin1
    near = ev("b", place=dict(GAO, location="near Gao", latitude=16.6), geo=2)   # ~37 km, "near"
    assert not conflict(ev("a"), near) and conflict(ev("a"), ev("c", place=dict(GAO, latitude=16.6)))


def test_actors_and_times_of_day() -> None:
    assert conflict(ev("a", a1=JNIM), ev("b", a1="ISGS: Islamic State (Greater Sahara)")) == "actors differ"
    assert not conflict(ev("a", a1=JNIM), ev("b", a1="Unidentified Armed Group (Mali)"))
    assert not conflict(ev("a", a1=JNIM, a2=ARMY), ev("b", a1=ARMY, a2=JNIM))      # battle sides swapped
    assert not conflict(ev("a", a1="", a2=ARMY), ev("b", a1=ARMY, a2=""))
    assert conflict(ev("a", a2=ARMY), ev("b", a2="Police Forces of Mali (2021-)")) == "actors differ"
    assert not conflict(ev("a", a2="Military Forces of Mali (2021-)"),
                        ev("b", a2="Military Forces of Mali (2021-) National Guard"))
    assert conflict(ev("a", when="matin"), ev("b", when="evening")) == "times of day differ"
    assert not conflict(ev("a", when="soir"), ev("b", when="night"))



def test_a_protest_and_a_riot_may_be_one_demonstration() -> None:
    """Outlets tell one demonstration as a protest met by force or as a riot (issue 10, item 4): one family of
    types, the crowd named Protesters or Rioters, the sides in either order; it must still be the same place, day
    and share a side."""
    police = "Police Forces of Kenya (2022-)"
    nakuru = dict(location="Nakuru", country="Kenya", admin1="Nakuru", latitude=-0.30, longitude=36.07,
                  country_code="KE", kind="city")
    kisumu = dict(nakuru, location="Kisumu", admin1="Kisumu", latitude=-0.10, longitude=34.76)
    force = ev("fr", etype="Protests", sub="Excessive force against protesters", a1=police,
               a2="Protesters (Kenya)", place=nakuru)
    riot = ev("en", etype="Riots", sub="Violent demonstration", a1="Rioters (Kenya)", a2=police, place=nakuru)
    assert same_incident(force, riot)
    m = reconcile([force, riot])
    assert (m.event_type.value, m.sub_event_type.value) == ("Riots", "Violent demonstration")
    assert (m.actor1.value.name, m.actor2.value.name) == ("Rioters (Kenya)", police)
    peaceful = ev("p", etype="Protests", sub="Peaceful protest", a1="Protesters (Kenya)", a2="", place=nakuru)
    assert same_incident(peaceful, riot)
    # confounders: another town the same day; the next day but one; no side in common; another family
    assert conflict(ev("k", etype="Protests", sub="Peaceful protest", a1="Protesters (Kenya)", a2="",
                       place=kisumu), riot) == "places differ"
    assert conflict(ev("d", etype="Protests", sub="Peaceful protest", a1="Protesters (Kenya)", a2="",
                       place=nakuru, day="2024-02-08"), riot) == "dates differ"
    assert conflict(ev("s", etype="Protests", sub="Protest with intervention", a1="Protesters (Kenya)",
                       a2="Military Forces of Kenya (2022-)", place=nakuru),
                    ev("t", etype="Riots", sub="Mob violence", a1="Rioters (Kenya)", a2="Civilians (Kenya)",
                       place=nakuru)) == "actors differ"
    assert conflict(riot, ev("b", etype="Battles", a1="Rioters (Kenya)", a2=police, place=nakuru)) \
        == "event types differ"
    # with three reports the majority's type wins, with its own sub-type and sides
    two = reconcile([force, riot, ev("x", etype="Protests", sub="Excessive force against protesters", a1=police,
                                     a2="Protesters (Kenya)", place=nakuru)])
    assert (two.event_type.value, two.sub_event_type.value, two.actor1.value.name) == \
        ("Protests", "Excessive force against protesters", police)


# ---- reconciling ----

def test_reconcile_follows_acled() -> None:
    reports = [ev("afp", a1=JNIM, fat=7, inj=None, attribution="claimed", weapons=["firearm"]),
               ev("reuters", place=GAO_REGION, geo=3, prec=2, fat=5, inj=4, attribution="accused",
                  source="Reuters", weapons=["motorcycle", "firearm"]),
               ev("local", fat=None, inj=6, source="")]
    m = reconcile(reports)
    assert m.fatalities.value == 5 and {e.doc_id for e in m.fatalities.evidence} == {"afp", "reuters"}
    assert "7 (afp)" in m.fatalities.reason and "5 (reuters)" in m.fatalities.reason
    assert m.injuries.value == 4                      # the "not reported" 0 of afp is ignored
    assert m.date.value.precision == 1 and m.place.value.geo_precision == 1
    assert m.attribution.value == "claimed" and m.attribution.evidence[0].doc_id == "afp"
    assert m.actor1.value.name == JNIM
    assert m.weapons.value == ["firearm", "motorcycle"]
    assert m.sources == ["AFP", "Reuters"] and m.source_documents == ["afp", "local", "reuters"]
    assert m.id == event_id("afp:m0") and m.mention_ids == ["afp:m0", "local:m0", "reuters:m0"]
    for perm in itertools.permutations(reports):
        assert reconcile(list(perm)) == m


def test_reconcile_keeps_a_reported_zero() -> None:
    a = ev("a", fat=0)
    b = ev("b", fat=None)
    assert reconcile([a, b]).fatalities.value == 0 and reconcile([a, b]).fatalities.evidence
    assert reconcile([ev("c", fat=3), b]).fatalities.value == 3


# ---- clustering ----

def _scene() -> list[Event]:
    """Two attacks in Gao the same day told apart by their targets, one in Ansongo, one a week later."""
    return [ev("afp", a1=JNIM, fat=7), ev("reuters", fat=5, source="Reuters"), ev("local", a1=JNIM, source=""),
            ev("afp2", a2="Police Forces of Mali (2021-)", fat=2, when="soir"),
            ev("ap", a2="Police Forces of Mali (2021-)", fat=2, source="AP", when="evening"),
            ev("ans", place=ANSONGO, a1=JNIM), ev("week", day="2024-02-13", a1=JNIM),
            ev("vague", place=GAO_REGION, geo=3, prec=3, a1="", a2="")]


def test_merge_events_is_order_independent_and_keeps_incidents_apart() -> None:
    base = merge_events(_scene())
    assert {"afp", "reuters", "local"} <= set(max(groups(base), key=len)) or \
        ("afp", "local", "reuters") in groups(base)
    assert any(set(g) >= {"afp2", "ap"} for g in groups(base))
    assert not any({"afp", "afp2"} <= set(g) or {"afp", "ans"} <= set(g) or {"afp", "week"} <= set(g)
                   for g in groups(base))
    rng = random.Random(7)
    for _ in range(10):
        shuffled = _scene()
        rng.shuffle(shuffled)
        assert sorted(merge_events(shuffled), key=lambda e: e.id) == sorted(base, key=lambda e: e.id)


def test_two_incidents_of_one_document_are_never_merged() -> None:
    out = merge_events([ev("d", n=0), ev("d", n=1), ev("other")])
    assert len(out) == 2 and all(len(e.source_documents) <= 2 for e in out)


def test_near_duplicate_joins_its_original_without_moving_the_date() -> None:
    orig = ev("orig", fat=7)
    copy = ev("copy", day="2024-02-13", fat=7)     # republished a week later: "mardi" read as the wrong day
    out = merge_events([copy, orig], duplicate_of={"copy": "orig"})
    assert len(out) == 1 and out[0].date.value.day == date(2024, 2, 6)
    assert out[0].source_documents == ["copy", "orig"]
    alone = merge_events([copy], duplicate_of={"copy": "orig"})
    assert alone[0].date.value.day == date(2024, 2, 13)


def test_blocking_never_compares_all_pairs() -> None:
    rng = random.Random(1)
    events = [ev(f"d{i}", day=date.fromordinal(738900 + rng.randrange(300)).isoformat(),
                 place=dict(GAO, latitude=rng.uniform(-30, 40), longitude=rng.uniform(-20, 60)))
              for i in range(600)]
    assert sum(1 for _ in candidate_pairs(events)) < 600 * 599 / 2 / 50


def test_pairwise_precision_recall() -> None:
    assert pairwise_precision_recall([["a", "b"], ["c"]], [["a", "b", "c"]]) == (1.0, 1 / 3)
    assert pairwise_precision_recall([["a", "b", "c"]], [["a", "b"], ["c"]]) == (1 / 3, 1.0)


# ---- store ----

def _store_ingest(factory, reports: list[Event]) -> None:
    for r in reports:
        with factory() as s:
            doc = Document(id=r.doc_id, text=f"report {r.doc_id}", source=r.sources[0] if r.sources else "",
                           content_hash=r.doc_id, sentences=[(0, 20)])
            save_document(s, doc)
            save_mentions(s, [_mention_of(r)])
            s.flush()
            merge_into_store(s, [r])
            s.commit()


def _mention_of(r: Event) -> Mention:
    return Mention(doc_id=r.doc_id, sentence=0, trigger=r.trigger, id=r.mention_ids[0],
                   event_type=r.event_type, date=r.date, place=r.place)


def _snapshot(factory) -> list[dict]:
    with factory() as s:
        return [event_record(e) for e in iter_events(s)]


def test_store_merges_incrementally_whatever_the_order(tmp_path) -> None:
    scene = _scene()
    f1, f2 = open_db(str(tmp_path / "a.db")), open_db(str(tmp_path / "b.db"))
    _store_ingest(f1, scene)
    _store_ingest(f2, list(reversed(scene)))
    assert _snapshot(f1) == _snapshot(f2)
    assert groups(merge_events(_scene())) == {tuple(r["source_documents"]) for r in _snapshot(f1)}
    with f1() as s:
        assert s.query(AuditRow).filter_by(action="merge", automatic=True).count() >= 2
        n_events = s.query(EventRow).count()
        linked = {m.event_id for m in s.query(MentionRow)}
        assert n_events == len(_snapshot(f1)) and linked == {e.id for e in s.query(EventRow)}


def _ingest_docs(factory, items: list[tuple[Document, Event]]) -> None:
    for doc, r in items:
        with factory() as s:
            save_document(s, doc)
            save_mentions(s, [_mention_of(r)])
            s.flush()
            link_duplicate(s, doc)
            merge_into_store(s, [r])
            s.commit()


def test_store_republished_copy_joins_without_moving_the_date(tmp_path) -> None:
    text = (CORPUS / "dedup" / "long_fr.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    orig = (Document(id="orig", text=text, published="2024-02-06", content_hash="o"), ev("orig", fat=15))
    copy = (Document(id="copy", text="Titre repris\n\n" + text.split("\n\n", 1)[1], published="2024-02-14",
                     content_hash="c"), ev("copy", day="2024-02-13", fat=15))
    other = (Document(id="other", text="Autre dépêche.", content_hash="x"), ev("other", day="2024-02-07", a1=JNIM))
    snaps = []
    for k, order in enumerate([[orig, copy, other], [copy, other, orig]]):
        factory = open_db(str(tmp_path / f"{k}.db"))
        _ingest_docs(factory, order)
        snaps.append(_snapshot(factory))
    assert snaps[0] == snaps[1]
    (rec,) = snaps[0]
    assert rec["source_documents"] == ["copy", "orig", "other"] and rec["event_date"] == "2024-02-06"


# ---- the merge corpus and the shared seeds (need the extraction pipeline) ----

def _pipeline():
    try:
        from eventwire.ingest import read_paths
        from eventwire.pipeline import extract_document
    except ImportError as exc:  # other stages not there yet
        pytest.skip(f"extraction pipeline unavailable: {exc}")
    return read_paths, extract_document


def ingest_with_merge(paths: list[Path], db: Path):
    """What ingest_run does, with merging: extract, store, link duplicates, merge."""
    read_paths, extract_document = _pipeline()
    factory = open_db(str(db))
    for doc in read_paths([str(p) for p in paths]):
        if not isinstance(doc, Document):
            continue
        with factory() as s:
            if find_known(s, doc):
                continue
        res = extract_document(doc)
        with factory() as s:
            save_document(s, doc)
            save_mentions(s, res.mentions)
            s.flush()
            link_duplicate(s, doc)
            merge_into_store(s, res.events)
            s.commit()
    return factory



# One demonstration told by a French agency as a crackdown on protesters and by an English one as a riot, and a
# peaceful protest elsewhere the same day (articles written for this test).
_DEMO_FR = """ date 2025-06-04
Kenya : la police disperse des manifestants à Nakuru

La police kényane a dispersé mardi à coups de gaz lacrymogène des centaines de manifestants qui protestaient contre
la hausse des taxes à Nakuru, a constaté un correspondant. Plusieurs personnes ont été blessées.
"""
_DEMO_EN = """ date 2025-06-04
NAIROBI, June 4 - Rioters torched shops and threw stones at police in the Kenyan town of Nakuru on Tuesday during
protests against tax increases, police said. Officers fired tear gas to disperse the crowd.
"""
_ELSEWHERE_FR = """ date 2025-06-04
Kenya : manifestation pacifique d'enseignants à Kisumu

Des centaines d'enseignants ont manifesté pacifiquement mardi à Kisumu pour réclamer le paiement de leurs arriérés
de salaire, a constaté un correspondant.
"""


def test_two_outlets_one_demonstration_across_languages(tmp_path) -> None:
    for name, text in (("demo_fr", _DEMO_FR), ("demo_en", _DEMO_EN), ("kisumu_fr", _ELSEWHERE_FR)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    recs = _snapshot(ingest_with_merge(sorted(tmp_path.glob("*.txt")), tmp_path / "d.db"))
    by_docs = {tuple(r["source_documents"]): r for r in recs}
    assert set(by_docs) == {("demo_en", "demo_fr"), ("kisumu_fr",)}, by_docs
    assert by_docs[("demo_en", "demo_fr")]["event_type"] == "Riots"
    assert by_docs[("kisumu_fr",)]["event_type"] == "Protests"



# Incidents told by two outlets, French and English, with the variations agencies show (written for this test): a
# toll revised upward and "this week" against the day (Niger), a group named in full or by its allegiance and a night
# told by its two days (DRC), a town against its province and "linked to al Qaeda" against the group's name
# (Burkina Faso), a town against its department (Colombia); and confounders: the same group and town two weeks
# later, a massacre of villagers in the same province the same day, another group's attack in the next province.
_OUTLETS = {
    'c2_fr': (
        " date 2025-10-01\nBurkina Faso : nouvelle attaque contre l'armée à Djibo\n\nDes jihadistes ont "
        'attaqué mardi un détachement militaire à Djibo, dans la province du Soum, tuant au moins six '
        'soldats, ont indiqué mercredi des sources sécuritaires.\n'
    ),
    'c3_en': (
        ' date 2025-09-18\nOUAGADOUGOU, Sept 18 - Gunmen killed eight villagers in the northern Soum '
        'province on Monday, burning homes and stealing cattle, residents said.\n'
    ),
    'c4_fr': (
        ' date 2025-05-20\nRDC : des miliciens CODECO attaquent un site de déplacés en Ituri\n\nAu moins '
        "sept déplacés ont été tués lundi lors d'une attaque de miliciens de la CODECO contre un site de "
        'déplacés près de Bunia, en Ituri, selon la société civile locale.\n'
    ),
    'p1_en': (
        ' date 2025-03-13\nNIAMEY, March 13 - Twelve Nigerien soldiers were killed this week when '
        'suspected jihadists ambushed an army patrol in the western Tahoua region, the defence ministry '
        'said on Thursday, raising an earlier toll of nine.\n\nThe attack took place near the town of '
        'Tillia, close to the border with Mali, the ministry said. Dozens of gunmen on motorcycles '
        'opened fire on the patrol, it said.\n'
    ),
    'p1_fr': (
        ' date 2025-03-12\nNiger : au moins neuf soldats tués dans une embuscade près de Tillia\n\nAu moins '
        'neuf soldats nigériens ont été tués mardi dans une embuscade tendue par des hommes armés non '
        'identifiés près de Tillia, dans la région de Tahoua, a annoncé mercredi le ministère de la '
        "Défense dans un communiqué.\n\nSelon le communiqué, une patrouille de l'armée a été prise à "
        "partie par plusieurs dizaines d'assaillants circulant à moto. Quatre soldats ont également été "
        'blessés.\n'
    ),
    'p2_en': (
        ' date 2025-05-20\nBENI, Democratic Republic of Congo, May 20 - Islamist rebels killed at least '
        "10 civilians overnight in an attack on the town of Oicha in eastern Congo's North Kivu "
        'province, a local official said on Tuesday.\n\nThe Allied Democratic Forces (ADF), which has '
        'pledged allegiance to Islamic State, attacked residents with machetes late on Sunday, the '
        'official said.\n'
    ),
    'p2_fr': (
        ' date 2025-05-20\nRDC : une dizaine de civils tués par des rebelles ADF à Oicha\n\nDix civils ont '
        "été tués dans la nuit de dimanche à lundi lors d'une attaque des rebelles des Forces "
        'démocratiques alliées (ADF) à Oicha, dans le territoire de Beni, au Nord-Kivu, a indiqué lundi '
        "l'administrateur du territoire.\n\nLes assaillants ont fait irruption dans le quartier vers 22 "
        'heures et ont attaqué les habitants à la machette, selon des sources locales.\n'
    ),
    'q1_en': (
        ' date 2025-09-19\nOUAGADOUGOU, Sept 19 - At least 15 Burkinabe soldiers were killed earlier this '
        'week when militants linked to al Qaeda attacked an army unit in the northern Soum province, '
        'security sources said on Friday.\n'
    ),
    'q1_fr': (
        " date 2025-09-18\nBurkina Faso : le JNIM revendique une attaque contre l'armée près de Djibo\n\nLe "
        "Groupe de soutien à l'islam et aux musulmans (JNIM), lié à Al-Qaïda, a revendiqué mercredi une "
        "attaque contre un détachement de l'armée burkinabè à Djibo, dans la province du Soum, qui a "
        'fait au moins quinze morts parmi les soldats lundi, selon des sources sécuritaires.\n'
    ),
    'q3_en': (
        ' date 2025-11-03\nBOGOTA, Nov 3 - Two police officers were killed on Sunday when an explosive '
        "device detonated outside a police station in Colombia's southwestern Cauca department, "
        'authorities said, blaming FARC dissidents.\n'
    ),
    'q3_fr': (
        " date 2025-11-03\nColombie : deux policiers tués dans une attaque à l'explosif dans le "
        "Cauca\n\nDeux policiers ont été tués dimanche lors d'une attaque à l'explosif contre un poste de "
        'police à Suárez, dans le département du Cauca, attribuée par les autorités à des dissidents des '
        'FARC.\n'
    ),
}


def test_two_outlets_one_incident_across_languages(tmp_path) -> None:
    for name, text in _OUTLETS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    recs = _snapshot(ingest_with_merge(sorted(tmp_path.glob("*.txt")), tmp_path / "o.db"))
    assert sorted(tuple(r["source_documents"]) for r in recs) == [
        ("c2_fr",), ("c3_en",), ("c4_fr",), ("p1_en", "p1_fr"), ("p2_en", "p2_fr"), ("q1_en", "q1_fr"),
        ("q3_en", "q3_fr")]
    niger = next(r for r in recs if "p1_fr" in r["source_documents"])
    assert niger["fatalities"] == 9 and niger["event_date"] == "2025-03-11"   # the lowest toll, the day told


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    paths = sorted((CORPUS / "reports").glob("*.txt"))
    return ingest_with_merge(paths, tmp_path_factory.mktemp("corpus") / "c.db")


@pytest.mark.parametrize("part", ["all", "developed on", "held out"])
def test_merge_corpus_pairwise_precision_and_recall(corpus_db, part, benchmark_module) -> None:
    """Issue 5's bar (pairwise P >= 0.97, R >= 0.90) on the whole merge corpus and on each part, as
    benchmarks/merge_corpus.py measures it. The held-out part was first measured at P 0.944 / R 0.548; the fixes it
    prompted are general ones (see git log)."""
    truth = yaml.safe_load((CORPUS / "truth.yaml").read_text())["incidents"]
    groups = [r["source_documents"] for r in _snapshot(corpus_db)]
    _, _, precision, recall = benchmark_module("merge_corpus").part_scores(truth, groups)[part]
    assert precision >= 0.97 and recall >= 0.90, (precision, recall)


def test_merge_corpus_same_incidents_in_reverse_order(corpus_db, tmp_path) -> None:
    """Incremental merging gives the same incidents whatever the order the reports arrive in."""
    paths = sorted((CORPUS / "reports").glob("*.txt"))[::-1]
    backward = ingest_with_merge(paths, tmp_path / "r.db")
    groups = lambda f: sorted(tuple(r["source_documents"]) for r in _snapshot(f))  # noqa: E731
    assert groups(backward) == groups(corpus_db)


def test_merge_corpus_links_republished_copies(corpus_db) -> None:
    dups = yaml.safe_load((CORPUS / "truth.yaml").read_text())["duplicates"]
    with corpus_db() as s:
        assert {r.id: r.duplicate_of for r in s.query(DocumentRow) if r.duplicate_of} == dups


def _with_headline(src: Path, dst: Path) -> None:
    """The same story under another name, with a headline added after the date header."""
    text = src.read_text(encoding="utf-8")
    head = re.match(r"\s*date\s+\S+", text)
    cut = head.end() if head else 0
    dst.write_text(f"{text[:cut]}\nDépêche reprise par un site partenaire\n{text[cut:]}", encoding="utf-8")


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared/ is absent")
def test_seeds_twice_and_in_reverse_give_two_events(tmp_path) -> None:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    for p in seeds:
        _with_headline(p, tmp_path / f"copy_{p.name}")
        shutil.copy(p, tmp_path / f"same_{p.name}")   # identical text: skipped as already known
    copies = sorted(tmp_path.glob("copy_*.txt"))
    forward = ingest_with_merge(seeds + copies + sorted(tmp_path.glob("same_*.txt")), tmp_path / "f.db")
    backward = ingest_with_merge((seeds + copies)[::-1], tmp_path / "b.db")
    recs = _snapshot(forward)
    assert len(recs) == 2 and recs == _snapshot(backward)
    for r in recs:
        assert len(r["source_documents"]) == 2 and r["source"]
