"""Rebuild the learned export decision (src/eventwire/data/models/event_filter.npz) and print its cross-validation.

usage: python benchmarks/train_event_filter.py [--cache FILE] [--no-save]

Extracts, with the rules alone (the filter off), every training page: the collected real pages of sessions 17
(/work/realx/{realfr1,realfr2,realen1,realen2}) and 18 (/work/realx/{realfr3,realfr4,realen3,realen4}), the
development part of ../shared/real (never its untouched quarter) and the team corpus's spent sets (never
fr/en_861-872 nor fr/en_881-888). Each exported event of a page with at least MIN_SENTENCES sentences is labelled
by the scorer's own pairing (../shared/eval/score.py for real pages, eventwire.evaluate for the corpus, whose
expected coding has its format): matched 1, spurious 0. An L2 logistic regression is fitted by Newton's method
(deterministic). 5-fold cross-validation grouped by page gives each event a held-out probability; for each
threshold the kept events are scored again with the scorer (slot F1, not a proxy), per source and language, and
each language's threshold is the one with the best mean slot F1 over its four source cells. Also printed: trained
on s17 + real dev + corpus, tested on every s18 page. A language is filtered only when, at its threshold, both the
cross-validated and the trained-without-s18 slot F1 of its s18 pages gain at least MIN_GAIN over the rules. `--cache FILE` keeps the extraction between runs (the file is
reused when present: delete it after a rule change).
"""
from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

import numpy as np
import yaml

os.environ["EVENTWIRE_EVENT_FILTER"] = "0"   # the rules' own exports are what the model learns from

from eventwire.evaluate import gold_from_expected, score as corpus_score  # noqa: E402
from eventwire.export import event_record  # noqa: E402
from eventwire.extract.export_filter import FEATURES, FilterModel, applies, event_features  # noqa: E402
from eventwire.ingest import ReadError, read_paths  # noqa: E402
from eventwire.pipeline import extract_document, warm_up  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import ROOT, SHARED, real_split, shared_scorer  # noqa: E402

REALX = Path("/work/realx")
SETS = {"s17": ["realfr1", "realfr2", "realen1", "realen2"], "s18": ["realfr3", "realfr4", "realen3", "realen4"]}
HELD_CORPUS = set(range(861, 873)) | set(range(881, 889))
L2 = 3.0
MIN_GAIN = 0.02   # a language is filtered only when both held-out estimates on the s18 pages gain this much
FOLDS = 5
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 15)]
CELLS = [(s, lang) for s in ("s18", "s17", "realdev", "corpus") for lang in ("fr", "en")]


def sources() -> list[tuple[str, str, list[str], dict]]:
    """(source, language, files, gold in the scorer's format) of every training set present."""
    out = []
    for name, sets in SETS.items():
        for lang in ("fr", "en"):
            files, docs = [], {}
            for s in sets:
                if f"real{lang}" not in s or not (REALX / s / "gold.json").exists():
                    continue
                gold = json.loads((REALX / s / "gold.json").read_text(encoding="utf-8"))["documents"]
                for d, g in gold.items():
                    if (REALX / s / "docs" / f"{d}.txt").exists():
                        files.append(str(REALX / s / "docs" / f"{d}.txt"))
                        docs[d] = {k: g[k] for k in ("published", "events", "background") if k in g}
            if files:
                out.append((name, lang, files, {"documents": docs}))
    for lang in ("fr", "en"):
        base = SHARED / "real" / lang
        if (base / "gold.json").exists():
            gold = json.loads((base / "gold.json").read_text(encoding="utf-8"))["documents"]
            dev, _untouched = real_split(list(gold))
            out.append(("realdev", lang, [str(base / "docs" / f"{d}.txt") for d in dev],
                        {"documents": {d: gold[d] for d in dev}}))
    expected = yaml.safe_load((ROOT / "tests/corpus/expected.yaml").read_text(encoding="utf-8"))
    for lang in ("fr", "en"):
        ids = [k for k in expected if k.startswith(lang + "_") and int(k.split("_")[1]) not in HELD_CORPUS
               and (ROOT / "tests/corpus" / lang / f"{k}.txt").exists()]
        out.append(("corpus", lang, [str(ROOT / "tests/corpus" / lang / f"{k}.txt") for k in sorted(ids)],
                    gold_from_expected({k: expected[k] for k in ids})))
    return out


def extract(files: list[str]) -> list[tuple[str, bool, tuple, list[dict]]]:
    """(doc id, the model applies, (document, events, mentions), records) of each page, with the rules alone."""
    out = []
    for item in read_paths(files):
        if isinstance(item, ReadError):
            print("read error:", item, file=sys.stderr)
            continue
        res = extract_document(item)
        out.append((item.id, applies(item), (item, res.events, res.mentions),
                    [event_record(ev) for ev in res.events]))
    return out


def shared_pairs(gold: dict, records: list[dict]) -> set[str]:
    """Ids of the records score.py pairs with a gold event (its own pairing, replayed with its own functions)."""
    sc = shared_scorer()
    matched = set()
    for d, g in gold["documents"].items():
        sys_evs = [r for r in records if d in (r.get("source_documents") or [])]
        pairs = sorted(((len([k for k in sc.gold_slots(ge) if sc.slot_ok(k, ge, se)]), gi, si)
                        for gi, ge in enumerate(g["events"]) for si, se in enumerate(sys_evs)),
                       key=lambda p: -p[0])
        used_g, used_s = set(), set()
        for n, gi, si in pairs:
            if gi in used_g or si in used_s or n < min(sc.MIN_AGREE, len(sc.gold_slots(g["events"][gi]))):
                continue
            used_g.add(gi)
            used_s.add(si)
            matched.add(sys_evs[si]["event_id_cnty"])
    return matched


def slot_score(source: str, gold: dict, records: list[dict]) -> tuple[float, int, int, int]:
    """(slot F1, matched, missed, spurious) by the scorer of this source."""
    if source == "corpus":
        sc = corpus_score(gold, records)
        return sc.slot_f1, sc.matched, sc.missed, sc.spurious
    res = shared_scorer().score(gold, records)
    return res["slot_f1"], res["events_matched"], res["events_missed"], res["events_spurious"]


def load_rows(cache: str | None) -> dict:
    """{"rows": one row per exported event of every training page (source, lang, doc, applies, x, y, record),
    "golds": each source and language's gold}. The cache keeps the extraction; features are read again."""
    if cache and Path(cache).exists():
        data = pickle.loads(Path(cache).read_bytes())
    else:
        data = extract_all()
        if cache:
            Path(cache).write_bytes(pickle.dumps(data))
    for page in data["pages"]:
        x = event_features(*page["extraction"])
        for xi, r, y in zip(x, page["records"], page["labels"]):
            data["rows"].append({"source": page["source"], "lang": page["lang"], "doc": page["doc"],
                                 "applies": page["applies"], "x": xi, "y": y, "record": r})
    return data


def extract_all() -> dict:
    """Every training page extracted with the rules alone, its events labelled by the scorer's pairing."""
    warm_up()
    rows = []
    for source, lang, files, gold in sources():
        pages = extract(files)
        records = [r for _d, _a, _e, recs in pages for r in recs]
        matched = (shared_pairs(gold, records) if source != "corpus"
                   else {r["event_id_cnty"] for r in records} - {e for _d, e in corpus_score(gold, records).spurious_events})
        for doc_id, ok, extraction, recs in pages:
            rows.append({"source": source, "lang": lang, "doc": doc_id, "applies": ok, "extraction": extraction,
                         "records": recs, "labels": [float(r["event_id_cnty"] in matched) for r in recs]})
        print(f"[{source} {lang}: {len(pages)} pages, {len(records)} events, {len(matched)} matched]", flush=True)
    return {"pages": rows, "rows": [], "golds": {(s, lang): g for s, lang, _f, g in sources()}}


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """L2 logistic regression on standardised features by Newton's method: (weights, mean, scale, bias)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], mean, scale, float(w[-1])


def key(r: dict) -> str:
    return f"{r['source']}/{r['doc']}/{r['record']['event_id_cnty']}"


def predict(model: tuple, x: np.ndarray) -> np.ndarray:
    w, mean, scale, b = model
    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ w + b)))


def table(data: dict, p: dict[str, float], thresholds: list[float], cells=CELLS) -> dict[float, dict]:
    """Scorer figures per cell for the rules alone (threshold None) and each threshold of p (record id -> p)."""
    rows = data["rows"]
    out = {}
    for t in [None] + thresholds:
        out[t] = {}
        for source, lang in cells:
            gold = data["golds"].get((source, lang))
            if gold is None:
                continue
            recs = [r["record"] for r in rows if r["source"] == source and r["lang"] == lang
                    and (t is None or not r["applies"] or p.get(key(r), 1.0) >= t)]
            out[t][(source, lang)] = slot_score(source, gold, recs)
    return out


def cross_validate(data: dict) -> dict[str, float]:
    """Held-out P(keep) of every applicable event, folds grouped by page."""
    rows = [r for r in data["rows"] if r["applies"]]
    pages = sorted({(r["source"], r["doc"]) for r in rows})
    order = np.random.default_rng(19).permutation(len(pages))
    fold = {pages[i]: k % FOLDS for k, i in enumerate(order)}
    x = np.array([r["x"] for r in rows])
    y = np.array([r["y"] for r in rows])
    f = np.array([fold[(r["source"], r["doc"])] for r in rows])
    p = np.zeros(len(rows))
    for k in range(FOLDS):
        p[f == k] = predict(fit(x[f != k], y[f != k]), x[f == k])
    return {key(r): float(pk) for r, pk in zip(rows, p)}


def print_table(title: str, tab: dict, chosen: float | None = None) -> None:
    """Slot F1, matched and spurious per cell and threshold; the mean F1 of the cells."""
    print(f"\n== {title}")
    cells = list(tab[None])
    print("threshold  " + "  ".join(f"{s}/{lang:<14}" for s, lang in cells) + "  mean F1")
    for t, res in tab.items():
        mark = " <-" if t == chosen and t is not None else ""
        print(f"{'rules' if t is None else t:<9}  " + "  ".join(
            f"{f1:.3f} {m:>3}m {s:>3}s{'':5}" for f1, m, _miss, s in res.values())
            + f"  {np.mean([v[0] for v in res.values()]):.4f}{mark}")


def main(argv: list[str]) -> int:
    cache = argv[argv.index("--cache") + 1] if "--cache" in argv else None
    data = load_rows(cache)
    rows = [r for r in data["rows"] if r["applies"]]
    print(f"\n{len(rows)} events on pages of at least the minimum length "
          f"({sum(r['y'] for r in rows):.0f} matched), {len(data['rows'])} in all")
    for source in ("s18", "s17", "realdev", "corpus"):
        sub = [r for r in rows if r["source"] == source]
        print(f"   {source}: {len(sub)} events, {len({r['doc'] for r in sub})} pages, "
              f"{sum(1 - r['y'] for r in sub):.0f} spurious")
    p = cross_validate(data)
    tab = table(data, p, THRESHOLDS)
    chosen = {lang: max(THRESHOLDS, key=lambda t: (round(np.mean([v[0] for c, v in tab[t].items() if c[1] == lang]), 4), -t))
              for lang in ("fr", "en")}
    for lang in ("fr", "en"):
        print_table(f"{lang}: {FOLDS}-fold cross-validation grouped by page (slot F1, matched m, spurious s)",
                    {t: {c: v for c, v in res.items() if c[1] == lang} for t, res in tab.items()}, chosen[lang])
    train = [r for r in rows if r["source"] != "s18"]
    test = [r for r in rows if r["source"] == "s18"]
    m = fit(np.array([r["x"] for r in train]), np.array([r["y"] for r in train]))
    pt = {key(r): float(v) for r, v in zip(test, predict(m, np.array([r["x"] for r in test])))}
    honest = table(data, pt, THRESHOLDS, [c for c in CELLS if c[0] == "s18"])
    print_table("trained on s17 + real dev + corpus, tested on the s18 pages", honest)
    thresholds = {}
    for lang, t in chosen.items():
        cell = ("s18", lang)
        gains = (tab[t][cell][0] - tab[None][cell][0], honest[t][cell][0] - honest[None][cell][0])
        keep = min(gains) >= MIN_GAIN
        print(f"{lang}: threshold {t}, s18 gain: cross-validation {gains[0]:+.3f}, trained without s18 "
              f"{gains[1]:+.3f} -> {'applied' if keep else 'not applied (the rules decide)'}")
        if keep:
            thresholds[lang] = t
    w, mean, scale, b = fit(np.array([r["x"] for r in rows]), np.array([r["y"] for r in rows]))
    print("\nweights on standardised features (all training events):")
    for name, wi in sorted(zip(FEATURES, w), key=lambda t: -abs(t[1])):
        print(f"   {name:26} {wi:+.3f}")
    if "--no-save" not in argv:
        FilterModel(w, mean, scale, b, thresholds).save()
        print("saved", FilterModel.load.__defaults__[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
