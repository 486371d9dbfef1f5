"""Real pages a team member collects (e.g. with a search engine's stored pages), kept OUTSIDE the project.

Third-party text never enters the repository: collected sets live in $EVENTWIRE_COLLECTED (default ../collected),
one folder per set: docs/ID.txt, gold.json (the format of ../shared/real/*/gold.json, plus "split": "held" or "fix"
per document, decided before any run) and SOURCES.tsv. Session 17 collected 98 French and English pages this way.

usage (from the repository root):
  python benchmarks/collected_pages.py check URL FILE
        ok / excluded: the page must not be one of ../shared/real (by address or by text), a seed, or a page
        already collected (prints no text)
  python benchmarks/collected_pages.py add SETDIR ID URL YYYY-MM held|fix FILE [QUERY]
        checks, then writes SETDIR/docs/ID.txt (a page found with its own "date YYYY-MM-DD" line keeps it as its
        header, as ../shared/real's pages do; others get " date YYYY-MM") and a SOURCES.tsv row
  python benchmarks/collected_pages.py score SETDIR [--split held|fix|all] [--errors]
        extracts SETDIR/docs and scores against SETDIR/gold.json with ../shared/eval/score.py; --errors lists the
        disagreements of the FIX split only (the held split measures whether rules drawn from the fix split
        generalise, so its errors are never listed)
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REALX = Path(os.environ.get("EVENTWIRE_COLLECTED", ROOT.parent / "collected"))
N = 8


def _norm_url(u: str) -> str:
    u = u.strip().lower()
    u = re.sub(r"^https?://(www\.)?", "", u)
    u = re.sub(r"/amp/?$|\?.*$|#.*$|/$", "", u)
    return u


def _shingles(text: str) -> set[int]:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    w = re.findall(r"[a-z0-9]+", t)
    return {hash(" ".join(w[i:i + N])) for i in range(max(0, len(w) - N + 1))}


def _known() -> tuple[set[str], list[tuple[str, set[int]]]]:
    urls: set[str] = set()
    texts: list[tuple[str, set[int]]] = []
    for lang in ("fr", "en"):
        src = SHARED / "real" / lang / "SOURCES.tsv"
        if src.exists():
            for line in src.read_text(encoding="utf-8").splitlines()[1:]:
                parts = line.split("\t")
                if len(parts) > 1:
                    urls.add(_norm_url(parts[1]))
        for p in sorted((SHARED / "real" / lang / "docs").glob("*.txt")):
            texts.append(("shared real page", _shingles(p.read_text(encoding="utf-8", errors="replace"))))
    for p in sorted((SHARED / "seeds").glob("*")):
        if p.is_file():
            texts.append(("seed", _shingles(p.read_text(encoding="utf-8", errors="replace"))))
    for src in REALX.glob("**/SOURCES.tsv"):
        for line in src.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) > 1:
                urls.add(_norm_url(parts[1]))
    for p in REALX.glob("**/docs/*.txt"):
        texts.append((f"already collected ({p.parent.parent.name}/{p.stem})", _shingles(p.read_text(encoding="utf-8"))))
    return urls, texts


def check(url: str, text: str) -> str:
    urls, texts = _known()
    if _norm_url(url) in urls:
        return "excluded: address already used (shared real page or already collected)"
    mine = _shingles(text)
    if len(mine) < 20:
        return "excluded: too short"
    for what, sh in texts:
        if len(mine & sh) >= 3:
            return f"excluded: text overlaps a {what}"
    return "ok"


def add(setdir: str, doc_id: str, url: str, date: str, split: str, path: str, query: str = "") -> int:
    assert split in ("held", "fix"), "SPLIT is held or fix"
    assert re.fullmatch(r"\d{4}-\d{2}", date), "DATE is YYYY-MM"
    assert re.fullmatch(r"[A-Za-z0-9_]+", doc_id), "ID: letters, digits, _"
    text = Path(path).read_text(encoding="utf-8").strip()
    verdict = check(url, text)
    print(verdict)
    if verdict != "ok":
        return 1
    base = Path(setdir)
    (base / "docs").mkdir(parents=True, exist_ok=True)
    # a page found with its own date line ("date 2021-08-16 Headline ...", as ../shared/real's pages often are)
    # keeps it as the header; others get ' date YYYY-MM' on a line of its own
    header = "" if re.match(r"date \d{4}-\d{2}", text) else f" date {date}\n"
    (base / "docs" / f"{doc_id}.txt").write_text(f"{header}{' ' if not header else ''}{text}\n", encoding="utf-8")
    src = base / "SOURCES.tsv"
    if not src.exists():
        src.write_text("id\turl\tsplit\tquery\n", encoding="utf-8")
    with src.open("a", encoding="utf-8") as fh:
        fh.write(f"{doc_id}\t{url}\t{split}\t{query}\n")
    return 0


def score(setdir: str, split: str, errors: bool) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from accuracy import run, shared_scorer  # noqa: E402

    base = Path(setdir)
    gold = json.loads((base / "gold.json").read_text(encoding="utf-8"))
    docs = gold["documents"]
    ids = [d for d in docs if split == "all" or docs[d].get("split") == split]
    missing = [d for d in docs if not (base / "docs" / f"{d}.txt").exists()]
    if missing:
        print("gold documents without a page:", missing)
    sub = {"documents": {d: {k: v for k, v in docs[d].items() if k != "split"} for d in ids}}
    recs, secs, n = run([str(base / "docs")])
    res = shared_scorer().score(sub, recs)
    exported = sum(1 for r in recs if set(r.get("source_documents") or []) & set(ids))
    print(f"== {base} split {split}: {len(ids)} pages, gold events {sum(len(docs[d]['events']) for d in ids)}, "
          f"matched {res['events_matched']} missed {res['events_missed']} spurious {res['events_spurious']} "
          f"of {exported} exported")
    print("   " + "  ".join(f"{k} {v}" for k, v in res["per_slot"].items()))
    print(f"   slot_precision {res['slot_precision']}  slot_recall {res['slot_recall']}  slot_f1 {res['slot_f1']}")
    if errors:
        if split == "held":
            print("(errors of the held split are never listed)")
        else:
            keys = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
                    "admin1", "fatalities", "injuries")
            wrong = [d for d in res["details"] if d[2] and docs.get(d[0], {}).get("split") == "fix"]
            for d in wrong:
                print("   ", *d)
            for d in sorted({d[0] for d in wrong}):   # each page with a disagreement: its gold and system events
                print(f"--- {d}")
                for g in docs[d]["events"]:
                    print("   gold  ", {k: g.get(k) for k in keys if k in g})
                for r in recs:
                    if d in (r.get("source_documents") or []):
                        print("   system", {k: r.get(k) for k in keys})
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv[0] == "check":
        print(check(argv[1], Path(argv[2]).read_text(encoding="utf-8")))
        return 0
    if argv[0] == "add":
        return add(*argv[1:8])
    if argv[0] == "score":
        split = argv[argv.index("--split") + 1] if "--split" in argv else "all"
        return score(argv[1], split, "--errors" in argv)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
