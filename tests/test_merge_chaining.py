"""Merging never chains unrelated incidents (issue 9, item 3).

Articles that share long boilerplate paragraphs (an agency footer, a repeated background paragraph) resemble
each other as texts; once they were linked as near-duplicates from one to the next and forced into one event
with one article's date and another's place. Here generated articles share boilerplate in a chain (article i
shares a paragraph with article i+1, and all share the footer) while telling incidents that differ in country,
date or type: they must stay apart, in whatever order they arrive, while true republished copies (the same text
with small edits) still link and join their original's event. Three levels: the pure clustering
(merge_events with a near-duplicate map), the store (link_duplicate + merge_into_store on hand-built reports,
no NLP) and the whole pipeline on generated French articles.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire import dedup
from eventwire.assemble import event_id
from eventwire.export import event_record
from eventwire.merge import MAX_COPY_LAG_DAYS, copy_conflict, merge_events
from eventwire.model import Actor, DateValue, Document, Event, Evidence, Mention, Place, Slot
from eventwire.store.db import DocumentRow, open_db
from eventwire.store.merging import link_duplicate, merge_into_store
from eventwire.store.repo import iter_events, save_document, save_mentions

# ---- generated articles ----

_WORDS = ("les autorités régionales ont annoncé un nouveau programme de soutien aux familles des zones rurales "
          "tandis que les bailleurs internationaux promettent des financements pour les routes les écoles et les "
          "centres de santé selon un rapport publié par les agences des nations unies la semaine dernière avec "
          "des chiffres sur la croissance économique les prix des denrées la saison des pluies et les marchés "
          "locaux où les commerçants attendent une baisse des taxes douanières et un meilleur accès au crédit "
          "pour les coopératives agricoles du pays").split()
FOOTER = ("Cette dépêche fait partie du service international de l'agence, diffusé auprès de ses clients dans plus "
          "de cent cinquante pays. Les informations qu'elle contient ont été recoupées par les bureaux régionaux "
          "et relues par le desk central avant publication. Toute reproduction, rediffusion ou exploitation "
          "commerciale, même partielle, est interdite sans l'accord écrit préalable de l'agence. Les correspondants "
          "de l'agence travaillent dans des conditions souvent difficiles et les sources qu'ils citent sont "
          "protégées conformément à la charte éditoriale publiée sur son site.")


def boilerplate(k: int, words: int = 130) -> str:
    """A long background paragraph, the same every time for one k (word salad: never read by NLP here)."""
    rng = random.Random(k)
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


@dataclass(frozen=True)
class Incident:
    key: str
    day: str
    town: str
    country: str
    cc: str
    admin1: str
    lat: float
    lon: float
    etype: str
    sub: str
    weekday: str


TOWNS = [("Gao", "Mali", "ML", "Gao", 16.27, -0.04), ("Maiduguri", "Nigeria", "NG", "Borno", 11.85, 13.16),
         ("Kirkuk", "Iraq", "IQ", "Kirkuk", 35.47, 44.39), ("Nairobi", "Kenya", "KE", "Nairobi", -1.29, 36.82),
         ("Beni", "Democratic Republic of Congo", "CD", "Nord-Kivu", 0.49, 29.47),
         ("Peshawar", "Pakistan", "PK", "Khyber Pakhtunkhwa", 34.01, 71.58)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Suicide bomb"), ("Protests", "Peaceful protest"),
         ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def incidents(n: int) -> list[Incident]:
    """n incidents that differ from their neighbours in country, date and type; some pairs differ in one only."""
    out = []
    for i in range(n):
        town, country, cc, admin1, lat, lon = TOWNS[i % len(TOWNS)]
        etype, sub = TYPES[i % len(TYPES)]
        day = date(2024, 1, 3) + timedelta(days=17 * i)
        out.append(Incident(f"i{i:02d}", day.isoformat(), town, country, cc, admin1, lat, lon, etype, sub,
                            WEEKDAYS[day.weekday()]))
    g = TOWNS[0]   # the same place and type as i00, other dates; the same date and type as i00, another country
    out.append(Incident("same_place_later", "2024-03-19", *g, "Battles", "Armed clash", "mardi"))
    out.append(Incident("same_place_next_month", "2024-02-14", *g, "Battles", "Armed clash", "mercredi"))
    out.append(Incident("same_day_elsewhere", "2024-01-03", *TOWNS[2], "Battles", "Armed clash", "mercredi"))
    out.append(Incident("same_day_other_type", "2024-01-03", *g, "Protests", "Peaceful protest", "mercredi"))
    return out


LEAD_OF = {"Armed clash": "Des soldats et des hommes armés se sont affrontés {wd} près de {town}, au {country}",
           "Suicide bomb": "Un kamikaze s'est fait exploser {wd} sur le marché central de {town}, au {country}",
           "Peaceful protest": "Des centaines d'habitants ont manifesté {wd} devant la mairie de {town}, au {country}",
           "Attack": "Des hommes armés ont abattu {wd} trois agriculteurs dans leurs champs à {town}, au {country}",
           "Remote explosive/landmine/IED": "Une bombe artisanale a visé {wd} un convoi sur la route de {town}, au "
                                            "{country}"}


def lead(inc: Incident) -> str:
    told = LEAD_OF[inc.sub].format(wd=inc.weekday, town=inc.town, country=inc.country)
    return f"{inc.town.upper()} ({inc.key}) - {told}, selon des sources locales jointes par téléphone."


def article(inc: Incident, k: int) -> str:
    """The incident's own lead, two boilerplate paragraphs shared with the neighbours, the agency footer."""
    return "\n\n".join([lead(inc), boilerplate(k), boilerplate(k + 1), FOOTER])


def paragraphs_as_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for p in text.split("\n\n"):
        spans.append((start, start + len(p)))
        start += len(p) + 2
    return spans


def report(doc: Document, inc: Incident, sentence: int = 0, etype: str | None = None) -> tuple[Mention, Event]:
    """The document's report of the incident (and its one event mention), as extraction would give them."""
    mid = f"{doc.id}:m0"
    s0, s1 = doc.sentences[sentence]
    trig = Evidence(doc.id, sentence, s0, s0 + 10, doc.text[s0:s0 + 10])
    when = doc.text.find(inc.weekday, s0, s1)
    date_ev = [Evidence(doc.id, sentence, when, when + len(inc.weekday), inc.weekday)] if when >= 0 else []
    place = Place(inc.town, inc.country, admin1=inc.admin1, latitude=inc.lat, longitude=inc.lon, geo_precision=1,
                  country_code=inc.cc, kind="city")
    m = Mention(doc_id=doc.id, sentence=sentence, trigger=trig, id=mid,
                event_type=Slot(etype or inc.etype, [trig]), sub_event_type=Slot(inc.sub, [trig]),
                date=Slot(DateValue(date.fromisoformat(inc.day), 1), date_ev),
                place=Slot(place, [Evidence(doc.id, sentence, s0, s0 + 5, inc.town)]))
    e = Event(doc_id=doc.id, sentence=sentence, trigger=trig, id=event_id(mid), mention_ids=[mid],
              source_documents=[doc.id], sources=["AFP"], event_type=m.event_type, sub_event_type=m.sub_event_type,
              date=m.date, place=m.place, actor1=Slot(reason="no perpetrator named"), actor2=Slot(),
              fatalities=Slot(0, reason="no toll reported"), injuries=Slot(0, reason="no toll reported"),
              weapons=Slot([]), attribution=Slot("unattributed"))
    return m, e


def document(doc_id: str, text: str, published: str) -> Document:
    return Document(id=doc_id, text=text, published=published, source="AFP", content_hash=doc_id,
                    sentences=paragraphs_as_sentences(text))


def ingest(factory, items: list[tuple[Document, Mention, Event]]) -> None:
    """What ingest_run does after extraction: store, link near-duplicates, merge."""
    for doc, m, e in items:
        with factory() as s:
            save_document(s, doc)
            save_mentions(s, [m])
            s.flush()
            link_duplicate(s, doc)
            merge_into_store(s, [e])
            s.commit()


def snapshot(factory) -> tuple[list[dict], dict[str, str | None]]:
    with factory() as s:
        return ([event_record(e) for e in iter_events(s)],
                {r.id: r.duplicate_of for r in s.query(DocumentRow)})


# ---- the store, on hand-built reports ----

CHAIN = 24


def boilerplate_scene() -> tuple[list[tuple[Document, Mention, Event]], list[tuple[Document, Mention, Event]]]:
    """Articles chained by shared boilerplate, and two true copies (a small edit; a cut copy typed otherwise)."""
    items = []
    for k, inc in enumerate(incidents(CHAIN)):
        # the chain shares paragraphs k and k+1; the variants of i00 share all of i00's text but its lead
        doc = document(inc.key, article(inc, k if k < CHAIN else 0), inc.day)
        items.append((doc, *report(doc, inc)))
    orig_doc, _, _ = items[3]
    inc3 = incidents(CHAIN)[3]
    week_later = (date.fromisoformat(inc3.day) + timedelta(days=7)).isoformat()
    edited = "Titre repris par un site partenaire\n\n" + orig_doc.text.replace("sources locales", "témoins")
    copy = document("copy_edited", edited, week_later)
    late = Incident(**{**inc3.__dict__, "day": week_later})   # the weekday read against the later publication
    cut = document("copy_cut", "Autre titre\n\n" + orig_doc.text.split("\n\n", 1)[1], week_later)
    copies = [(copy, *report(copy, late, sentence=1)),          # its report: the edited lead
              (cut, *report(cut, inc3, sentence=1, etype="Battles"))]   # typed otherwise from a shared paragraph
    return items, copies


def test_generated_articles_resemble_each_other_as_texts() -> None:
    """The hazard is there: each article is a near-duplicate of the next by its text alone."""
    items, copies = boilerplate_scene()
    texts = [doc.text for doc, _, _ in items]
    assert all(dedup.near_duplicates(a, b) for a, b in zip(texts[:CHAIN], texts[1:CHAIN]))
    assert all(dedup.near_duplicates(texts[0], t) for t in texts[CHAIN:])
    assert dedup.near_duplicates(texts[3], copies[0][0].text) and dedup.near_duplicates(texts[3], copies[1][0].text)


@pytest.mark.parametrize("order", ["forward", "reverse", "shuffled"])
def test_boilerplate_never_links_or_merges_different_incidents(tmp_path, order: str) -> None:
    items, copies = boilerplate_scene()
    batch = items + copies
    if order == "reverse":
        batch = batch[::-1]
    elif order == "shuffled":
        random.Random(3).shuffle(batch)
    factory = open_db(str(tmp_path / "s.db"))
    ingest(factory, batch)
    records, duplicate_of = snapshot(factory)
    by_doc = {d: r for r in records for d in r["source_documents"]}
    assert len(records) == len(items)                                    # one event per incident
    for doc, _, e in items:
        rec = by_doc[doc.id]
        assert (rec["event_date"], rec["location"], rec["event_type"]) == \
            (e.date.value.day.isoformat(), e.place.value.location, e.event_type.value), doc.id
        assert set(rec["source_documents"]) <= {doc.id, "copy_edited", "copy_cut"}
    # the true copies link to their original and join its event, without moving its date or type
    assert {k: v for k, v in duplicate_of.items() if v} == {"copy_edited": "i03", "copy_cut": "i03"}
    assert by_doc["i03"]["source_documents"] == ["copy_cut", "copy_edited", "i03"]
    assert by_doc["i03"]["event_date"] == items[3][2].date.value.day.isoformat()
    assert by_doc["i03"]["event_type"] == items[3][2].event_type.value


def test_store_results_do_not_depend_on_order(tmp_path) -> None:
    items, copies = boilerplate_scene()
    snaps = []
    for k, batch in enumerate([items + copies, (items + copies)[::-1]]):
        factory = open_db(str(tmp_path / f"{k}.db"))
        ingest(factory, batch)
        snaps.append(snapshot(factory))
    assert snaps[0] == snaps[1]


def test_a_document_joins_a_group_only_through_its_original(tmp_path) -> None:
    """B resembles A and C, which do not resemble each other (a path, not a group of copies). Whatever the order,
    every linked document resembles its original itself (no chain A -> B -> C, groups never joined together),
    and the three reports of one incident still make one event."""
    inc = incidents(1)[0]
    para = [boilerplate(100 + k, 90) for k in range(4)]
    texts = {"a": "\n\n".join([lead(inc), para[0], para[1], FOOTER]),
             "b": "\n\n".join([lead(inc), para[1], para[2], FOOTER]),
             "c": "\n\n".join([lead(inc), para[2], para[3], FOOTER])}
    assert dedup.near_duplicates(texts["a"], texts["b"]) and dedup.near_duplicates(texts["b"], texts["c"])
    assert not dedup.near_duplicates(texts["a"], texts["c"])
    for order in itertools.permutations("abc"):
        factory = open_db(str(tmp_path / f"{''.join(order)}.db"))
        docs = {k: document(k, texts[k], inc.day) for k in order}
        ingest(factory, [(docs[k], *report(docs[k], inc)) for k in order])
        records, duplicate_of = snapshot(factory)
        assert duplicate_of["b"] is None or duplicate_of["a"] is None and duplicate_of["c"] is None, order
        for copy, original in duplicate_of.items():
            assert original is None or dedup.near_duplicates(texts[copy], texts[original]), (order, duplicate_of)
        assert [r["source_documents"] for r in records] == [["a", "b", "c"]]


# ---- the clustering, on a near-duplicate map that links unrelated reports ----

def _reports(n: int) -> list[Event]:
    out = []
    for k, inc in enumerate(incidents(n)):
        doc = document(inc.key, article(inc, k if k < n else 0), inc.day)
        out.append(report(doc, inc)[1])
    return out


def test_copies_that_disagree_are_never_forced_into_their_original() -> None:
    """Even when text similarity linked them (the old chain: every article pointed at one original), reports
    that disagree on date, place or type stay apart and keep their own date and place."""
    reports = _reports(12)
    star = {r.doc_id: reports[0].doc_id for r in reports[1:]}
    for shared in ((), {r.id for r in reports}):
        merged = merge_events(reports, star, shared)
        joined = [m.source_documents for m in merged if len(m.source_documents) > 1]
        # a shared sentence excuses another type (a cut copy typed from less text), never a place or a late date
        assert joined == ([] if not shared else [["i00", "same_day_other_type"]])
        for m in merged:
            r = min((r for r in reports if r.doc_id in m.source_documents), key=lambda r: r.doc_id)
            assert (m.date.value, m.place.value, m.event_type.value) == \
                (r.date.value, r.place.value, r.event_type.value)


def test_no_chain_through_a_copy_that_agrees_with_each_side() -> None:
    """A copy read a week later (same words) joins its original; a third report on the copy's date and place
    but not the original's does not join them through the copy."""
    inc = incidents(1)[0]
    orig = report(document("orig", article(inc, 0), inc.day), inc)[1]
    later = Incident(**{**inc.__dict__, "day": (date.fromisoformat(inc.day) + timedelta(7)).isoformat()})
    copy = report(document("copy", article(later, 0), later.day), later)[1]
    third = report(document("third", "Une autre dépêche.", later.day), later)[1]
    merged = merge_events([orig, copy, third], {"copy": "orig"})
    assert sorted(m.source_documents for m in merged) == [["copy", "orig"], ["third"]]
    assert next(m for m in merged if "orig" in m.source_documents).date.value == orig.date.value


def test_copy_conflict_rules() -> None:
    inc = incidents(1)[0]
    orig = report(document("o", article(inc, 0), inc.day), inc)[1]

    def variant(shared: bool = False, **changes) -> str:
        other = Incident(**{**inc.__dict__, **changes})
        return copy_conflict(orig, report(document("c", article(other, 0), other.day), other)[1], shared)

    assert variant() == ""
    assert variant(day="2024-01-10", weekday="mercredi") == ""                       # same words, a week later
    assert variant(day="2024-01-11", weekday="jeudi") == "dates differ"              # other words
    assert variant(True, day="2024-01-11", weekday="jeudi") == ""                    # ... told by a shared sentence
    late = (date.fromisoformat(inc.day) + timedelta(MAX_COPY_LAG_DAYS + 7)).isoformat()
    assert variant(True, day=late) == "dates differ"                                 # never beyond the lag
    assert variant(etype="Protests") == "event types differ"
    assert variant(True, etype="Protests") == ""                                     # a cut copy typed otherwise
    assert variant(True, **dict(zip(("town", "country", "cc", "admin1", "lat", "lon"), TOWNS[2]))) == "places differ"


def test_a_sentence_told_in_another_text() -> None:
    text = article(incidents(1)[0], 0)
    sh = dedup.shingles(text)
    assert dedup.told_in("PARIS, 2 mai (AFP) - " + boilerplate(0), sh)     # another dateline in front
    assert not dedup.told_in(lead(incidents(2)[1]), sh)
    assert not dedup.told_in("", sh)


# ---- the whole pipeline, on generated French articles ----

BACKGROUND = [
    "Les bailleurs internationaux réunis le mois dernier à Genève ont promis de nouveaux financements pour le plan "
    "de réponse humanitaire, qui n'était couvert qu'à hauteur d'un tiers à la fin du premier semestre selon les "
    "chiffres publiés par les agences des Nations unies. Les organisations non gouvernementales présentes sur le "
    "terrain estiment que les besoins en eau potable, en soins de santé primaires et en éducation continueront de "
    "croître au cours des prochains mois, notamment dans les zones rurales les plus isolées où les routes sont "
    "souvent coupées pendant la saison des pluies.",
    "Plusieurs gouvernements de la région ont annoncé lors d'une réunion ministérielle leur intention de renforcer "
    "la coopération transfrontalière, de partager davantage de renseignements et d'harmoniser leurs procédures "
    "douanières. Les diplomates interrogés par les journalistes ont toutefois souligné que les engagements pris "
    "lors des précédents sommets n'avaient été que partiellement tenus, faute de moyens budgétaires suffisants et "
    "d'une coordination efficace entre les différentes administrations nationales concernées par ces dossiers.",
    "Les économistes de la Banque mondiale prévoient un ralentissement de la croissance dans la plupart des pays de "
    "la sous-région, pénalisés par la hausse des prix des denrées alimentaires importées, la dépréciation des "
    "monnaies locales et le poids croissant du service de la dette publique. Les syndicats réclament de leur côté "
    "une revalorisation des salaires de la fonction publique et un gel des prix du carburant, que les autorités "
    "affirment ne pas pouvoir financer sans un nouvel accord avec le Fonds monétaire international.",
    "Les élections prévues l'an prochain suscitent de nombreuses interrogations parmi les observateurs, qui "
    "s'inquiètent du retard pris dans la révision des listes électorales et dans la distribution des cartes "
    "d'électeur. Les partis d'opposition ont demandé la mise en place d'une commission indépendante chargée de "
    "superviser le scrutin, tandis que la société civile appelle à un dialogue national inclusif associant les "
    "chefs traditionnels, les responsables religieux et les représentants de la jeunesse.",
    "Le secteur agricole, qui emploie la majorité de la population active, souffre de la baisse des rendements "
    "liée à l'irrégularité des précipitations et à l'appauvrissement des sols. Les coopératives paysannes "
    "demandent un meilleur accès au crédit, aux semences améliorées et aux engrais, ainsi que la réhabilitation "
    "des pistes rurales qui permettent d'acheminer les récoltes vers les marchés des grandes villes dans des délais "
    "raisonnables.",
    "Les opérateurs de téléphonie mobile ont annoncé l'extension de leur réseau de quatrième génération à plusieurs "
    "villes moyennes, une étape jugée essentielle pour le développement des services bancaires par téléphone qui "
    "permettent à des millions de personnes sans compte en banque d'envoyer et de recevoir de l'argent, de payer "
    "leurs factures et d'épargner de petites sommes en toute sécurité.",
]
LEADS = {  # key: (published, lead, expected date, type, country)
    "mali": ("2024-02-06", "GAO, 6 février (AFP) - Sept soldats maliens ont été tués mardi lors d'une attaque de "
             "jihadistes contre un poste de l'armée à Gao, dans le nord du Mali, a indiqué une source militaire à "
             "l'AFP.", "2024-02-06", "Battles", "Mali"),
    "nigeria": ("2024-03-17", "MAIDUGURI, 17 mars (AFP) - Une kamikaze s'est fait exploser dimanche sur un marché "
                "bondé de Maiduguri, dans le nord-est du Nigeria, tuant au moins douze personnes, selon la police.",
                "2024-03-17", "Explosions/Remote violence", "Nigeria"),
    "kenya": ("2024-06-25", "NAIROBI, 25 juin (AFP) - Des milliers de manifestants ont défilé mardi dans le centre "
              "de Nairobi, la capitale du Kenya, pour protester contre un projet de loi de finances, a constaté "
              "l'AFP.", "2024-06-25", "Protests", "Kenya"),
    "irak": ("2024-01-03", "KIRKOUK, 3 janvier (AFP) - Une bombe artisanale a explosé mercredi au passage d'une "
             "patrouille de police à Kirkouk, dans le nord de l'Irak, blessant trois policiers, selon une source "
             "sécuritaire.", "2024-01-03", "Explosions/Remote violence", "Iraq"),
    "pakistan": ("2024-08-14", "PESHAWAR, 14 août (AFP) - Des hommes armés ont enlevé mercredi quatre enseignants "
                 "sur une route près de Peshawar, dans le nord-ouest du Pakistan, a indiqué la police locale.",
                 "2024-08-14", "Violence against civilians", "Pakistan"),
}


def pipeline_files(folder: Path) -> list[Path]:
    """Five incidents chained by background paragraphs and the footer, plus two republished copies: one with a
    headline, an edited word and clutter; one republished a week later under a Paris dateline."""
    paths = []
    for k, (key, (published, text, *_)) in enumerate(LEADS.items()):
        body = "\n\n".join([text, BACKGROUND[k], BACKGROUND[k + 1], FOOTER])
        paths.append(folder / f"{k}_{key}.txt")
        paths[-1].write_text(f" date {published}\n{body}", encoding="utf-8")
    mali = paths[0].read_text(encoding="utf-8").split("\n", 1)[1]
    edited = mali.replace("Sept soldats maliens", "Sept militaires maliens")
    (folder / "copy_mali.txt").write_text(f" date 2024-02-07\nMali : l'armée visée à Gao\n\nPublicité\n\n{edited}"
                                          "\n\nPartager cet article", encoding="utf-8")
    kenya = paths[2].read_text(encoding="utf-8").split("\n", 1)[1]
    moved = kenya.replace("NAIROBI, 25 juin (AFP)", "PARIS, 2 juillet (AFP)")
    (folder / "copy_kenya.txt").write_text(f" date 2024-07-02\n{moved}", encoding="utf-8")
    return paths + [folder / "copy_mali.txt", folder / "copy_kenya.txt"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    try:
        from eventwire.ingest import read_paths
        from eventwire.pipeline import extract_document
    except ImportError as exc:  # pragma: no cover - the pipeline is part of the package
        pytest.skip(f"extraction pipeline unavailable: {exc}")
    folder = tmp_path_factory.mktemp("boilerplate")
    docs = [d for d in read_paths([str(p) for p in pipeline_files(folder)]) if isinstance(d, Document)]
    return [(d, extract_document(d)) for d in docs]


def _ingest_extracted(factory, extracted) -> None:
    for doc, res in extracted:
        with factory() as s:
            save_document(s, doc)
            save_mentions(s, res.mentions)
            s.flush()
            link_duplicate(s, doc)
            merge_into_store(s, res.events)
            s.commit()


def test_pipeline_keeps_boilerplate_sharing_articles_apart(extracted, tmp_path) -> None:
    texts = {d.id: d.text for d, _ in extracted}
    keys = [f"{k}_{key}" for k, key in enumerate(LEADS)]
    assert all(dedup.near_duplicates(texts[a], texts[b]) for a, b in zip(keys, keys[1:]))   # the hazard
    snaps = []
    for k, order in enumerate([extracted, extracted[::-1]]):
        factory = open_db(str(tmp_path / f"{k}.db"))
        _ingest_extracted(factory, order)
        snaps.append(snapshot(factory))
    assert snaps[0] == snaps[1]
    records, duplicate_of = snaps[0]
    assert {k: v for k, v in duplicate_of.items() if v} == {"copy_mali": "0_mali", "copy_kenya": "2_kenya"}
    for key, (_, _, day, etype, country) in zip(keys, LEADS.values()):
        (rec,) = [r for r in records if key in r["source_documents"]]
        assert (rec["event_date"], rec["event_type"], rec["country"]) == (day, etype, country), key
        others = set(rec["source_documents"]) - {key}
        assert others <= {f"copy_{key.split('_', 1)[1]}"}, (key, rec["source_documents"])
    joined = {tuple(r["source_documents"]) for r in records if len(r["source_documents"]) > 1}
    assert joined == {("0_mali", "copy_mali"), ("2_kenya", "copy_kenya")}


def test_pairs_of_generated_articles_differ_in_place_date_or_type() -> None:
    """The scene covers each dimension alone: some pairs differ only by date, by country or by type."""
    incs = incidents(CHAIN)
    same = lambda a, b, f: getattr(a, f) == getattr(b, f)  # noqa: E731
    dims = {tuple(f for f in ("town", "day", "etype") if not same(a, b, f)) for a, b in itertools.combinations(incs, 2)}
    assert {("day",), ("town",), ("etype",)} <= dims
