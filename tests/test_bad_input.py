"""A corpus of bad input, generated here (≥ 50 kinds): one bad record never stops a batch, never takes good records
with it and never prints a traceback; every bad one is reported with its file (and line); a re-run adds nothing.

Every good record carries a marker word (``Zgood<k>``) so the test can check by content that it was stored,
whatever id it got; text from bad records carries ``Zbad<k>`` and must never be stored.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import signal
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import ReadError, read_paths
from eventwire.ingest import formats
from eventwire.ingest.terminal import printable
from eventwire.ingest.sections import extract_in_sections, split_sections
from eventwire.model import Document

runner = CliRunner()
PLACES = ["Kidal", "Gao", "Mopti", "Tombouctou", "Ménaka", "Niamey", "Diffa", "Tillabéri", "Agadez", "Bamako"]


def article(k: int, marker: str = "Zgood", date_line: str = " date 2024-03 ") -> str:
    """A short French wire story, different for every k, with its marker word."""
    place = PLACES[k % len(PLACES)]
    return (f"{date_line}{place.upper()}, 2 mars (AFP) - {k + 2} soldats ont été tués samedi dans une embuscade "
            f"près de {place}, selon une source sécuritaire ({marker}{k}).")


def body(k: int, marker: str = "Zgood") -> str:
    return article(k, marker, date_line="")


@dataclass
class Corpus:
    root: Path
    kinds: list[str] = field(default_factory=list)
    good: set[str] = field(default_factory=set)            # markers that must be stored
    expect: list[str] = field(default_factory=list)        # substrings of the report, one per bad thing
    extra_paths: list[str] = field(default_factory=list)   # paths named on the command line besides root
    n = 0

    def marker(self) -> str:
        self.n += 1
        self.good.add(f"Zgood{self.n}")
        return f"Zgood{self.n}"

    def n_next(self) -> int:
        m = self.marker()
        return int(m[5:])

    def kind(self, name: str) -> None:
        assert name not in self.kinds, name
        self.kinds.append(name)


def jl(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def build(root: Path) -> Corpus:
    """Write the corpus under root; returns what must come out of it."""
    c = Corpus(root)
    d = root / "corpus"
    d.mkdir()

    def write(name: str, data: str | bytes) -> Path:
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    # ---- JSON Lines ----
    k = c.n_next()
    lines = [jl(id="deep-ok-1", date="2024-03", text=body(k)), "[" * 100_000 + "]" * 100_000]
    k2 = c.n_next()
    lines.append(jl(id="deep-ok-2", date="2024-03", text=body(k2)))
    write("deep.jsonl", "\n".join(lines) + "\n")
    c.kind("jsonl line nested 100,000 deep")
    c.expect.append("deep.jsonl:2: not readable JSON: nested too deeply")

    k, k2 = c.n_next(), c.n_next()
    data = (jl(id="nul-1", date="2024-03", text=body(k)) + "\n" + '{"id": "nul-2", "text": "x\x00y Zbad1"}\n'
            + jl(id="nul-3", date="2024-03", text=body(k2)) + "\n")
    write("nul.jsonl", data)
    c.kind("jsonl with a NUL byte in one line")
    c.expect.append("nul.jsonl:2: contains a NUL byte")

    rows = {
        "unterminated string": ('{"id": "u", "text": "Zbad2', "not valid JSON: Unterminated string"),
        "top-level array": ('[1, 2, 3]', "not a JSON object (got list)"),
        "top-level string": ('"just a string Zbad3"', "not a JSON object (got str)"),
        "top-level number": ('42', "not a JSON object (got int)"),
        "missing text field": ('{"id": "no-text", "date": "2024-03"}', "no 'text' field"),
        "text not a string": ('{"id": "t-list", "text": ["Zbad4"]}', "'text' is not a string (got list)"),
        "empty text": ('{"id": "t-empty", "text": "   "}', "'text' is empty"),
        "month 13": (jl(id="m13", date="2024-13", text="Zbad5"), "bad date '2024-13'"),
        "date not a string": ('{"id": "dint", "date": 2024, "text": "Zbad6"}', "bad date 2024"),
        "integer with 5,000 digits": ('{"id": ' + "9" * 5000 + ', "text": "Zbad7"}', "not readable JSON"),
        "trailing garbage": (jl(id="tg", text="Zbad8") + " trailing", "not valid JSON: Extra data"),
        "empty object": ("{}", "no 'text' field"),
        "only web clutter": (jl(id="clutter", text="Publicité\n\nPartager"), "no article text"),
    }
    mixed = []
    for name, (line, _) in rows.items():
        mixed.append(line)
        c.kind(f"jsonl {name}")
    k = c.n_next()
    mixed.append(jl(id="after-bad", date="2024-03", text=body(k)))
    write("mixed.jsonl", "\n".join(mixed) + "\n")
    c.expect += [f"mixed.jsonl:{i}: {msg}" for i, (_, msg) in enumerate(rows.values(), start=1)]

    k = c.n_next()
    write("numeric-id.jsonl", json.dumps({"id": 12345, "date": "2024-03", "text": body(k)}) + "\n")
    c.kind("jsonl numeric id")
    k = c.n_next()
    write("object-id.jsonl", json.dumps({"id": {"a": 1}, "date": "2024-03", "text": body(k)}) + "\n")
    c.kind("jsonl id that is an object")
    c.expect.append("object-id.jsonl:1: 'id' is not a string or number")
    k = c.n_next()
    write("ansi-id.jsonl", json.dumps({"id": "\x1b[31mred\x1b[0m\nid", "date": "2024-03", "text": body(k)}) + "\n")
    c.kind("jsonl id with ANSI escapes and a line break")
    c.expect.append("ansi-id.jsonl:1: id ")
    k = c.n_next()
    write("markup-id.jsonl", json.dumps({"id": "[bold]x[/bold][/red]", "date": "2024-03", "text": body(k)}) + "\n")
    c.kind("jsonl id with rich markup")
    k = c.n_next()
    write("long-id.jsonl", json.dumps({"id": "L" * 300, "date": "2024-03", "text": body(k)}) + "\n")
    c.kind("jsonl id of 300 characters")
    c.expect.append("long-id.jsonl:1: id ")
    k, k2 = c.n_next(), c.n_next()
    write("dup-ids.jsonl", jl(id="same", date="2024-03", text=body(k)) + "\n"
          + jl(id="same", date="2024-03", text=body(k2)) + "\n" + jl(id="same", date="2024-03", text=body(k2)) + "\n")
    c.kind("jsonl two different records with one id (and the second repeated)")
    c.expect.append("dup-ids.jsonl:2: id 'same' is already used by a different article")
    k = c.n_next()
    write("future.jsonl", jl(id="future", date="2099-01-01", text=body(k)) + "\n")
    c.kind("jsonl date in the future")
    c.expect.append("future.jsonl:1: publication date 2099-01-01 is in the future")
    k = c.n_next()
    write("crlf.jsonl", (jl(id="crlf", date="2024-03", text=body(k)) + "\r\n\r\n   \r\n").encode())
    c.kind("jsonl CRLF line ends, blank and whitespace-only lines")
    k = c.n_next()
    write("bom.jsonl", codecs.BOM_UTF8 + (jl(id="bom", date="2024-03", text=body(k)) + "\n").encode())
    c.kind("jsonl with a UTF-8 BOM")
    write("empty.jsonl", b"")
    c.kind("empty jsonl file")
    c.expect.append("empty.jsonl: empty file")

    # ---- CSV ----
    k, k2 = c.n_next(), c.n_next()
    write("unterminated.csv", f'id,date,text\nc1,2024-03,"{body(k)}"\nc2,2024-03,"Zbad9 never closed\n'
                              f'c3,2024-03,"{body(k2)}"\n')
    c.kind("csv unterminated quote")
    c.expect.append("unterminated.csv:3: not valid CSV")
    k, k2 = c.n_next(), c.n_next()
    write("huge-field.csv", f'id,date,text\nh1,2024-03,"{"Zbad10 " * 30_000}"\nh2,2024-03,"{body(k)}"\n'
                            f'h3,2024-03,"{body(k2)}"\n')
    c.kind("csv field over the csv module's limit")
    c.expect.append("huge-field.csv:2: not valid CSV: field larger than field limit")
    write("no-text-col.csv", "id,date,body\nx,2024-03,Zbad11\n")
    c.kind("csv without a text column")
    c.expect.append("no-text-col.csv:1: no 'text' column")
    k = c.n_next()
    write("extra-fields.csv", f'id,date,text\nx1,2024-03,Zbad12,surplus,more\nx2,2024-03,"{body(k)}"\n')
    c.kind("csv row with too many fields")
    c.expect.append("extra-fields.csv:2: not valid CSV: 5 fields where the header has 3")
    k = c.n_next()
    write("semicolons.csv", codecs.BOM_UTF8 + f'id;date;text\r\ns1;2024-03;"{body(k)}"\r\n'.encode())
    c.kind("csv with BOM, semicolons and CRLF")
    write("header-only.csv", "id,date,text\n")
    c.kind("csv with only a header")
    c.expect.append("header-only.csv: no records after the CSV header")
    k = c.n_next()
    write("stray-quote.csv", f'id,date,text\nq1,2024-03,"Zbad13"oops\nq2,2024-03,"{body(k)}"\n')
    c.kind("csv stray characters after a closing quote")
    c.expect.append("stray-quote.csv:2: not valid CSV")
    write("empty-cell.csv", "id,date,text\ne1,2024-03,\n")
    c.kind("csv empty text cell")
    c.expect.append("empty-cell.csv:2: 'text' is empty")
    k = c.n_next()
    write("cr-only.csv", f'id,date,text\rr1,2024-03,"{body(k)}"\r')
    c.kind("csv with old Mac (CR) line ends")

    # ---- text files ----
    write("empty.txt", b"")
    c.kind("empty text file")
    c.expect.append("empty.txt: empty file")
    write("blank.txt", b" \n\t\r\n  ")
    c.kind("only whitespace")
    c.expect.append("blank.txt: empty file (only whitespace)")
    write("header-only.txt", " date 2024-03\n")
    c.kind("only a header")
    c.expect.append("header-only.txt: no article text")
    k = c.n_next()
    write("date-abcd.txt", " date abcd " + body(k))
    c.kind("' date abcd' header")
    c.expect.append("date-abcd.txt:1: header 'date abcd' has no date")
    write("feb30.txt", " date 2024-02-30 " + "Zbad14")
    c.kind("impossible header date")
    c.expect.append("feb30.txt:1: header: bad date '2024-02-30'")
    k = c.n_next()
    write("future.txt", article(k, date_line=" date 2099-01 "))
    c.kind("header date in the future")
    c.expect.append("future.txt:1: publication date 2099-01 is in the future")
    k = c.n_next()
    write("cp1252.txt", article(k).replace("é", "é").encode("cp1252"))
    c.kind("invalid UTF-8 (Windows-1252)")
    for enc in ("utf-16-le", "utf-16-be", "utf-32-le"):
        k = c.n_next()
        write(f"{enc}.txt", article(k).encode(enc))
        c.kind(f"{enc} without a BOM")
    k = c.n_next()
    write("utf16-bom.txt", article(k).encode("utf-16"))
    c.kind("utf-16 with a BOM")
    k = c.n_next()
    write("utf8-bom.txt", codecs.BOM_UTF8 + article(k).encode())
    c.kind("utf-8 with a BOM")
    write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    c.kind("binary data")
    c.expect.append("binary.txt: binary file")
    k = c.n_next()
    write("one-nul.txt", article(k).replace("selon", "selon\x00"))
    c.kind("a NUL byte inside an article")
    k = c.n_next()
    write("ansi-text.txt", article(k).replace("soldats", "\x1b[1;31msoldats\x1b[0m"))
    c.kind("ANSI escapes inside an article")
    k = c.n_next()
    write("crlf.txt", article(k).replace(", selon", ",\r\nselon") + "\r\n")
    c.kind("CRLF text")
    write("long-line.txt", " date 2024-03 " + "Zbad15 " * 20_000)
    c.kind("a huge single line over the article limit")
    c.expect.append("long-line.txt: article is 140,000 characters, over the 100,000 limit")
    write("too-big.txt", b"x" * (1024 * 1024 + 10))
    c.kind("file over the size limit")
    c.expect.append("too-big.txt: too large")
    write("clutter.txt", "Publicité\n\nPartager\n")
    c.kind("only web clutter")
    c.expect.append("clutter.txt: no article text")
    write("german.txt", " date 2024-03 Die Bundesregierung hat am Montag in Berlin ein neues Gesetz über die "
                        "Förderung erneuerbarer Energien beschlossen, wie ein Sprecher mitteilte.")
    c.kind("article in an unsupported language")
    c.expect.append("german.txt: language")
    write("notes.pdf", b"%PDF-1.4\n")
    c.kind("unsupported file type")
    c.expect.append("notes.pdf: unsupported file type .pdf")
    write("nobody.html", "<html><head><title>t</title></head></html>")
    c.kind("HTML with no body")
    c.expect.append("nobody.html: no article text found")
    write("garbage.html", b"<<<>>>\x01\x02 <p")
    c.kind("HTML garbage")
    c.expect.append("garbage.html:")
    write(".hidden.txt", "Zbad16 caché")
    c.kind("hidden file (not read)")

    # ---- names, links and special files ----
    k, k2 = c.n_next(), c.n_next()
    write("a/report.txt", article(k))
    write("b/report.txt", article(k2))
    c.kind("same file name in two folders")
    c.expect.append("report.txt: id 'report' is already used by a different article")
    write("c/report.txt", article(k2))
    c.kind("same file (same text) in a third folder")
    for name in ("[/red]close.txt", "[bold]open.txt", "\x1b[31mansi.txt", "bidi\u202etxt.txt"):
        k = c.n_next()
        write(name, article(k))
    c.kind("rich markup in file names")
    c.kind("ANSI escape in a file name")
    c.kind("bidi override in a file name")
    k = c.n_next()
    write("new\nline.txt", article(k))
    c.kind("line break in a file name")
    c.expect.append("new\\nline.txt: id 'new\\nline'")
    os.mkfifo(d / "fifo.txt")
    c.kind("FIFO in a folder")
    c.expect.append("fifo.txt: not a regular file (named pipe)")
    (d / "zero.txt").symlink_to("/dev/zero")
    c.kind("symlink to /dev/zero in a folder")
    c.expect.append("zero.txt: not a regular file (character device)")
    (d / "dangling.txt").symlink_to(d / "gone.txt")
    c.kind("dangling symlink")
    c.expect.append("dangling.txt: cannot read file")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    c.kind("symlink loop")
    c.expect.append("loop.txt: cannot read file")
    (d / "folder.txt").mkdir()
    k = c.n_next()
    write("folder.txt/inner.txt", article(k))
    c.kind("folder with a file-like name")

    c.extra_paths = ["/dev/zero", str(root / "missing.jsonl")]
    c.kind("/dev/zero named on the command line")
    c.expect.append("/dev/zero: too large")
    c.kind("missing path")
    c.expect.append("missing.jsonl: no such file or directory")
    return c


@pytest.fixture()
def limits(monkeypatch):
    """Small limits so the size cases stay small: 1 MB per input, 100,000 characters per article, and the csv
    module's own default field limit."""
    monkeypatch.setenv("EVENTWIRE_MAX_FILE_MB", "1")
    monkeypatch.setenv("EVENTWIRE_MAX_ARTICLE_CHARS", "100000")
    monkeypatch.setattr(formats, "_CSV_FIELD_LIMIT", 131072)


@pytest.fixture()
def no_hang():
    """Fail instead of hanging (a FIFO opened by mistake blocks forever)."""
    def alarm(*_):
        raise TimeoutError("ingest hung")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(240)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def stored_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return [t for (t,) in con.execute("select text from documents")]


def test_corpus_has_at_least_50_kinds(tmp_path: Path) -> None:
    c = build(tmp_path)
    assert len(c.kinds) >= 50, len(c.kinds)


def test_readers_keep_every_good_record_and_report_every_bad_one(tmp_path: Path, limits, no_hang) -> None:
    c = build(tmp_path)
    items = list(read_paths([str(c.root / "corpus"), *c.extra_paths]))
    docs = [i for i in items if isinstance(i, Document)]
    report = "\n".join(printable(str(i)) for i in items if isinstance(i, ReadError))
    text = "\n".join(d.text for d in docs)
    assert {m for m in c.good if f"({m})" in text} == c.good
    assert "Zbad" not in text
    for expected in c.expect:
        if "already used" not in expected and "language" not in expected:   # those are told at store time
            assert expected in report, (expected, report)
    by_marker = {m: d for d in docs for m in c.good if f"({m})" in d.text}
    assert by_marker["Zgood5"].path.endswith("mixed.jsonl:14")             # line numbers after bad lines
    csv_docs = [d for d in docs if "unterminated.csv" in d.path]
    assert [(d.id, d.path.rsplit(":", 1)[1]) for d in csv_docs] == [("c1", "2"), ("c3", "4")]
    assert by_marker["Zgood6"].id == "12345"
    assert "\x1b" not in "".join(d.id for d in docs)
    assert all(len(d.id) <= 150 for d in docs)
    future = next(d for d in docs if d.id == "future")
    assert future.published == "2099-01-01"
    abcd = next(d for d in docs if d.id == "date-abcd")
    assert abcd.published == "" and not abcd.text.startswith("date")


def test_whole_corpus_in_one_batch_then_a_rerun_adds_nothing(tmp_path: Path, limits, no_hang) -> None:
    c = build(tmp_path)
    db = tmp_path / "bad.db"
    args = ["ingest", str(c.root / "corpus"), *c.extra_paths, "--db", str(db), "-q"]
    res = runner.invoke(app, args)
    out = res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), out
    assert res.exit_code == 1 and "Traceback" not in out
    for expected in c.expect:
        assert expected in out, (expected, out)
    stored = "\n".join(stored_texts(db))
    assert {m for m in c.good if f"({m})" in stored} == c.good
    assert "Zbad" not in stored
    n_docs = len(stored_texts(db))
    assert n_docs == len(c.good) + 1          # + the German article, stored as skipped
    assert "\x1b[31m" not in out and "\\x1b[31mansi" in out
    read = int(" ".join(out.split()).split("documents read: ")[1].split(",")[0])
    again = runner.invoke(app, args)
    summary = " ".join(again.output.split())
    assert "Traceback" not in again.output
    assert f"documents read: {read}, skipped as already known: {read}" in summary, summary
    assert "incident reports: 0, new incidents: 0" in summary
    assert len(stored_texts(db)) == n_docs


def test_markup_and_escapes_in_names_never_crash_the_progress_bar_or_show(tmp_path: Path, no_hang) -> None:
    from eventwire.ingest_run import run_ingest

    folder = tmp_path / "names"
    folder.mkdir()
    names = ["[/red]close.txt", "[bold]open.txt", "\x1b[31mansi.txt"]   # the first is 'red]close.txt' in '['
    for k, name in enumerate(names):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(article(100 + k), encoding="utf-8")
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    summary = run_ingest([str(folder)], str(tmp_path / "n.db"), show_progress=True, console=console)
    assert (summary.read, summary.failed) == (3, 0)
    exported = runner.invoke(app, ["export", "--db", str(tmp_path / "n.db")])
    events = [json.loads(x) for x in exported.stdout.splitlines()]
    sources = {d for e in events for d in e["source_documents"]}
    assert sources == {"red]close", "[bold]open", "[31mansi"}
    listing = runner.invoke(app, ["events", "--db", str(tmp_path / "n.db")])
    assert listing.exit_code == 0, listing.output
    for e in events:
        shown = runner.invoke(app, ["show", e["event_id_cnty"], "--db", str(tmp_path / "n.db")])
        assert shown.exit_code == 0 and shown.exception is None, shown.output
        assert e["source_documents"][0] in shown.output
        assert "\x1b" not in shown.output


def test_stdin_two_different_articles_are_both_kept(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    outs = [runner.invoke(app, ["ingest", "-", "--db", db, "-q"], input=article(k)) for k in (200, 201, 200)]
    assert [r.exit_code for r in outs] == [0, 0, 0], [r.output for r in outs]
    assert "already used by a different article" in outs[1].output
    assert "skipped as already known: 1" in " ".join(outs[2].output.split())
    texts = stored_texts(tmp_path / "s.db")
    assert len(texts) == 2 and any("Zgood200" in t for t in texts) and any("Zgood201" in t for t in texts)


def test_stdin_over_the_size_limit_is_reported(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MAX_FILE_MB", "0.01")
    res = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "z.db"), "-q"], input="x" * 20_000)
    assert res.exit_code == 1 and "<stdin>: too large" in res.output


# ---- long articles ----

def test_sections_cover_the_text_exactly_and_cut_at_paragraphs() -> None:
    paragraphs = [f"Paragraphe {i}. " + "mot " * (50 + i % 7) for i in range(200)]
    text = "\n\n".join(paragraphs)
    spans = split_sections(text, 2_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(e - s <= 2_000 for s, e in spans)
    assert all(text[e - 2:e] == "\n\n" for _, e in spans[:-1])
    no_space = "x" * 5_000
    assert split_sections(no_space, 2_000) == [(0, 2_000), (2_000, 4_000), (4_000, 5_000)]


def test_article_over_the_parser_limit_is_parsed_in_sections(monkeypatch) -> None:
    """spaCy's max_length (lowered here to keep the test fast) is never hit: no raw spaCy error."""
    from eventwire.nlp import pipeline as nlp_pipeline

    text = "\n\n".join(body(300 + k) for k in range(80))
    whole = Document(id="long", text=text, language="fr")
    nlp_pipeline.analyse(whole)
    nlp = nlp_pipeline.get_nlp("fr")
    monkeypatch.setattr(nlp, "max_length", 3_000)
    doc = Document(id="long", text=text, language="fr")
    sdoc = nlp_pipeline.analyse(doc)
    assert sdoc.text == text and len(text) > 2 * nlp.max_length
    assert all(a[1] <= b[0] for a, b in zip(doc.sentences, doc.sentences[1:]))
    paragraph_starts = {0} | {m + 2 for m in range(len(text)) if text.startswith("\n\n", m)}
    assert paragraph_starts <= {s for s, _ in doc.sentences}
    assert abs(len(doc.sentences) - len(whole.sentences)) <= 4   # only a section's first sentence may differ


def test_long_article_extracted_in_sections_points_into_the_whole_text() -> None:
    from eventwire.pipeline import extract_document

    text = "\n\n".join(body(400 + k) for k in range(8))
    whole, _ = extract_in_sections(Document(id="w", text=text, published="2024-03"), extract_document,
                                   max_chars=100_000)
    doc = Document(id="w", text=text, published="2024-03")
    parts, n = extract_in_sections(doc, extract_document, max_chars=320)
    assert n >= 4
    assert len(parts.events) >= 4 and len({e.id for e in parts.events}) == len(parts.events)
    assert len({m.id for m in parts.mentions}) == len(parts.mentions)
    for ev in parts.events:
        for _, slot in ev.slots():
            for e in slot.evidence:
                assert text[e.start:e.end] == e.text
                s, t = doc.sentences[e.sentence]
                assert s <= e.start and e.end <= t
        assert set(ev.mention_ids) <= {m.id for m in parts.mentions}
    assert {e.fatalities.value for e in parts.events} == {e.fatalities.value for e in whole.events}
