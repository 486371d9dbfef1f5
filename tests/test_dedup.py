"""Near-duplicate documents: republished copies are recognised, rewrites and round-ups are not;
the LSH index survives a restart (rebuilt from the store's signature table)."""
from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest

from eventwire import dedup
from eventwire.model import Document
from eventwire.store import merging
from eventwire.store.db import DocumentRow, open_db
from eventwire.store.repo import save_document

CORPUS = Path(__file__).resolve().parent / "merge_corpus"
CLUTTER = "Publicité\n\nÀ lire aussi : toute l'actualité de la région\n\nPartager cet article sur les réseaux sociaux"


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def variants(text: str) -> dict[str, str]:
    """Ways a wire story is republished."""
    ps = paragraphs(text)
    wrong_dateline = re.sub(r"^[^\n(]{0,80}\((?:AFP|Reuters|AP)\) - ", "PARIS, 2 janvier (AFP) - ", ps[0])
    return {
        "headline": "Un autre titre pour la même dépêche\n\n" + text,
        "dateline": "\n\n".join([wrong_dateline, *ps[1:]]),
        "clutter": f"{CLUTTER}\n\n{text}\n\n{CLUTTER}",
        "lead_cut": "\n\n".join(ps[1:]),
        "all": f"Titre repris\n\n{CLUTTER}\n\n" + "\n\n".join(ps[2:]) + f"\n\n{CLUTTER}",
    }


LONG = sorted((CORPUS / "dedup").glob("*.txt"))
REPORTS = sorted((CORPUS / "reports").glob("*.txt"))


@pytest.mark.parametrize("path", LONG, ids=lambda p: p.stem)
def test_republished_copies_are_near_duplicates(path: Path) -> None:
    text = body(path)
    for name, copy in variants(text).items():
        assert dedup.near_duplicates(text, copy), name


def test_rewrites_and_other_stories_are_not() -> None:
    texts = {p.stem: body(p) for p in REPORTS + LONG if "repub" not in p.stem}
    for a, b in combinations(sorted(texts), 2):   # includes several agencies' reports of one incident
        assert not dedup.near_duplicates(texts[a], texts[b]), (a, b)


def test_a_brief_inside_a_round_up_is_not_a_copy() -> None:
    briefs = [body(p) for p in REPORTS[:12] if "repub" not in p.stem]
    for i in range(0, 8, 4):
        round_up = "Les informations de la journée\n\n" + "\n\n".join(briefs[i:i + 4])
        assert not dedup.near_duplicates(briefs[i], round_up)


def test_index_finds_copies_and_round_trips_through_bytes() -> None:
    index = dedup.DuplicateIndex()
    texts = {p.stem: body(p) for p in REPORTS + LONG}
    for k, t in texts.items():
        index.add(k, dedup.signature_from_bytes(dedup.signature_bytes(dedup.signature(dedup.shingles(t)))))
    for p in LONG:
        for copy in variants(body(p)).values():
            assert p.stem in index.candidates(dedup.signature(dedup.shingles(copy)))
    assert "m03_reuters" in index.candidates(dedup.signature(dedup.shingles(texts["m03_repub"])))


def test_signatures_share_the_permutations_minhash_draws() -> None:
    """A signature is the one a MinHash drawing its own permutations from the seed gives (stored signatures stay
    comparable), however many were computed before it."""
    import numpy as np
    from datasketch import MinHash

    for p in REPORTS[:4]:
        sh = dedup.shingles(body(p))
        own = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME)
        own.update_batch([s.encode() for s in sh])
        assert np.array_equal(dedup.signature(sh).hashvalues, own.hashvalues)
    assert not dedup._permutations().flags.writeable


def _doc(doc_id: str, text: str, published: str) -> Document:
    return Document(id=doc_id, text=text, published=published, content_hash=doc_id)


def test_store_links_copies_to_the_earliest_and_rebuilds_the_index(tmp_path) -> None:
    text = body(LONG[0])
    db = str(tmp_path / "d.db")
    factory = open_db(db)
    copies = [_doc("z_copy", variants(text)["all"], "2024-11-30"), _doc("orig", text, "2024-11-21"),
              _doc("other", body(LONG[1]), "2024-11-28")]
    with factory() as s:
        for d in copies:   # the copy arrives first; the original becomes the group's original
            save_document(s, d)
            s.flush()
            merging.link_duplicate(s, d)
        s.commit()
        assert {r.id: r.duplicate_of for r in s.query(DocumentRow)} == {"z_copy": "orig", "orig": None,
                                                                       "other": None}
    merging._INDEXES.clear()   # as after a restart: the index is rebuilt from doc_signatures
    with open_db(db)() as s:
        late = _doc("late_copy", variants(text)["headline"], "2024-12-05")
        save_document(s, late)
        s.flush()
        assert merging.link_duplicate(s, late) == "orig"
        assert len(merging.duplicate_index(s)) == 4
