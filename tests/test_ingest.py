"""Tests for the ingest stage: formats, cleaning, datelines and bad input."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from eventwire.ingest import (ReadError, clean_text, content_hash, count_inputs, detect_agency, is_clutter,
                              parse_dateline, read_paths)
from eventwire.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
WIRES = FIXTURES / "wires"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def read(*paths: str | Path, stdin: io.TextIOBase | None = None) -> tuple[list[Document], list[ReadError]]:
    items = list(read_paths([str(p) for p in paths], stdin=stdin))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]


def one_doc(path: str | Path) -> Document:
    docs, errors = read(path)
    assert not errors and len(docs) == 1, errors
    return docs[0]


# ---- formats ----

def test_sample_format_with_text_on_the_header_line() -> None:
    doc = one_doc(WIRES / "embuscade-tillaberi.txt")
    assert doc.id == "embuscade-tillaberi" and doc.path == str(WIRES / "embuscade-tillaberi.txt")
    assert doc.published == "2024-02"
    assert doc.text.startswith("NIAMEY, 14 février (Reuters) - Au moins sept soldats")
    assert (doc.dateline_place, doc.dateline_date, doc.source) == ("Niamey", "2024-02-14", "Reuters")
    for clutter in ("Publicité\n", "À lire aussi", "Photo :", "newsletter", "Partager", "date 2024"):
        assert clutter not in doc.text
    assert "La publicité faite autour" in doc.text          # a real sentence with the word stays
    assert "de l’armée." in doc.text                         # typographic apostrophe kept
    assert "\n\n\n" not in doc.text and " \n" not in doc.text
    assert len(doc.content_hash) == 64


def test_plain_text_without_header_or_extension() -> None:
    doc = one_doc(WIRES / "kyiv-drones")
    assert (doc.id, doc.published) == ("kyiv-drones", "")
    assert (doc.dateline_place, doc.dateline_date, doc.source) == ("Kyiv", "", "Reuters")  # no year known
    for clutter in ("Advertisement", "Read more", "Getty Images", "Sign up"):
        assert clutter not in doc.text
    assert doc.text.endswith("the mayor said.")


def test_jsonl_good_lines_survive_bad_ones() -> None:
    docs, errors = read(WIRES / "depeches.jsonl")
    by_id = {d.id: d for d in docs}
    assert list(by_id) == ["mog-001", "depeches-2", "gaza-001"]
    mog = by_id["mog-001"]
    assert (mog.published, mog.title, mog.url) == ("2024-03-05", "Somalie : explosion à Mogadiscio",
                                                   "https://example.org/mog-001")
    assert mog.source == "AFP"  # the record's own source, normalised
    assert mog.path.endswith("depeches.jsonl:1")
    assert (mog.dateline_place, mog.dateline_date) == ("Mogadiscio", "2024-03-04")
    assert by_id["depeches-2"].path.endswith(":2")
    assert by_id["gaza-001"].dateline_date == "2023-12-31"  # year rollover
    lines = {e.line: e.message for e in errors}
    assert set(lines) == {3, 4, 6, 7, 9}
    assert lines[3].startswith("not valid JSON: Unterminated string") and "(column" in lines[3]
    assert lines[4] == "no 'text' field"
    assert "not a string" in lines[6]
    assert "2024-13" in lines[7]
    assert "not a JSON object" in lines[9]
    assert all(e.path == str(WIRES / "depeches.jsonl") for e in errors)
    assert str(errors[0]) == f"{WIRES / 'depeches.jsonl'}:3: {errors[0].message}"


def test_csv_with_bom_semicolons_and_multiline_cells() -> None:
    docs, errors = read(WIRES / "depeches-rdc.csv")
    assert [d.id for d in docs] == ["bk-01", "depeches-rdc-6"]
    first = docs[0]
    assert (first.published, first.title, first.source) == ("2024-04-02", "Combats au Sud-Kivu", "Reuters")
    assert first.text.startswith("BUKAVU, 1er avril (Reuters) - Des combats")
    assert "\n\nLe bilan reste provisoire" in first.text
    assert first.path.endswith("depeches-rdc.csv:2")
    assert docs[1].path.endswith(":6") and docs[1].source == "AFP"
    assert [(e.line, e.message) for e in errors] == [(5, "'text' is empty")]


def test_csv_with_commas_and_without_text_column(tmp_path: Path) -> None:
    good = tmp_path / "en.csv"
    good.write_text('id,date,text\nx1,2024-06-01,"LAGOS, May 31 (Reuters) - Gunmen killed two, police said."\n',
                    encoding="utf-8")
    bad = tmp_path / "no-text.csv"
    bad.write_text("id,date,body\nx2,2024-06,Something happened.\n", encoding="utf-8")
    docs, errors = read(good, bad)
    assert [(d.id, d.dateline_place, d.dateline_date) for d in docs] == [("x1", "Lagos", "2024-05-31")]
    assert [(e.path, e.line) for e in errors] == [(str(bad), 1)] and "text" in errors[0].message


def test_html_main_text_without_boilerplate() -> None:
    doc = one_doc(FIXTURES / "attaque-gao.html")
    assert doc.id == "attaque-gao"
    assert doc.title == "Mali : deux soldats tués dans une embuscade près de Gao"
    assert doc.published == "2024-03-12"
    assert doc.url == "https://quotidien-sahel.example/afrique/mali-embuscade-gao"
    assert doc.source == "AFP"  # the agency of the copy wins over the site name
    assert doc.text.startswith("Gao (AFP) - Deux soldats maliens")
    assert doc.dateline_place == "Gao"
    for boilerplate in ("Accueil", "Publicité", "lire aussi", "Les plus lus", "newsletter", "cookies",
                        "Tous droits", "Facebook", "Football"):
        assert boilerplate not in doc.text
    assert doc.text.count("\n\n") == 3  # four paragraphs


def test_stdin_jsonl_and_sample_format() -> None:
    lines = [json.dumps({"id": "s1", "date": "2024-07", "text": "ADEN, 2 juillet (AFP) - Un drone a frappé."}),
             "{oops", json.dumps({"date": "2024-07", "text": "Second article."})]
    docs, errors = read("-", stdin=io.StringIO("\n".join(lines) + "\n"))
    assert [d.id for d in docs] == ["s1", "stdin-3"] and docs[0].path == "<stdin>:1"
    assert [(e.path, e.line) for e in errors] == [("<stdin>", 2)]
    docs, errors = read("-", stdin=io.StringIO(" date 2024-07-09 SANAA (Reuters) - Des frappes ont visé le port."))
    assert not errors and (docs[0].id, docs[0].published, docs[0].dateline_place) == ("stdin", "2024-07-09", "Sanaa")


def test_stdin_bytes_in_windows_1252() -> None:
    raw = io.TextIOWrapper(io.BytesIO("Bamako (AFP) - Des tirs ont été entendus à l’aéroport.".encode("cp1252")))
    doc = read("-", stdin=raw)[0][0]
    assert doc.text == "Bamako (AFP) - Des tirs ont été entendus à l’aéroport."


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a.txt").write_text(" date 2024-01 Premier article.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Deuxième article.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Caché.", encoding="utf-8")
    (tmp_path / ".cache" / "d.txt").write_text("Caché aussi.", encoding="utf-8")
    (tmp_path / "rapport.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    docs, errors = read(tmp_path)
    assert [d.id for d in docs] == ["a", "c"]
    assert sorted(str(e) for e in errors) == [f"{tmp_path / 'README.md'}: unsupported file type .md (skipped)",
                                              f"{tmp_path / 'rapport.pdf'}: unsupported file type .pdf (skipped)"]
    assert count_inputs([str(tmp_path), "-", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 4


# ---- bad input ----

def test_bad_files_are_errors_and_the_batch_goes_on(tmp_path: Path) -> None:
    files = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20,
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "bad-date.txt": " date 2024-02-30 PARIS (AFP) - Texte.".encode(),
        "good.txt": " date 2024-02 PARIS (AFP) - Un article correct.".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    missing = tmp_path / "nowhere" / "x.txt"
    docs, errors = read(tmp_path, missing)
    assert [d.id for d in docs] == ["good"]
    by_file = {Path(e.path).name: e for e in errors}
    assert "binary" in by_file["binary.txt"].message
    assert by_file["empty.txt"].message == "empty file"
    assert by_file["blank.txt"].message.startswith("empty file")
    assert by_file["bad-date.txt"].line == 1 and "2024-02-30" in by_file["bad-date.txt"].message
    assert by_file["dangling.txt"].message.startswith("cannot read file")
    assert str(by_file["x.txt"]) == f"{missing}: no such file or directory"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_encodings_give_correct_accents(tmp_path: Path, encoding: str) -> None:
    text = "Abidjan (AFP) - Les forces de l’ordre ont dispersé « à coups de gaz » une manifestation ; coût : 5 €."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(f" date 2024-05 {text}\n".encode(encoding))
    doc = one_doc(path)
    assert (doc.text, doc.published) == (text, "2024-05")


def test_utf8_file_with_stray_windows_1252_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Première ligne en UTF-8 : déjà.\n\n".encode() + "Deuxième en cp1252 : prêt.".encode("cp1252"))
    assert one_doc(path).text == "Première ligne en UTF-8 : déjà.\n\nDeuxième en cp1252 : prêt."


def test_a_page_that_lost_its_accents_is_still_text(tmp_path: Path) -> None:
    """Crawled pages often carry U+FFFD where an accented letter was ("arm\ufffde"): text, not binary data."""
    lost = ("Des hommes arm\ufffds ont attaqu\ufffd mardi le poste de gendarmerie de Kaya, a indiqu\ufffd "
            "l'arm\ufffde, qui fait \ufffdtat de trois soldats bless\ufffds et d'un v\ufffdhicule incendi\ufffd. ")
    path = tmp_path / "lost.txt"
    path.write_text(" date 2024-03\n" + lost * 3, encoding="utf-8")
    assert "arm\ufffde" in one_doc(path).text
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    docs, errors = read(binary)
    assert not docs and "binary file" in errors[0].message
    # random bytes behind a UTF-16 BOM decode to replacement characters among other scripts: still binary
    import codecs
    import random
    noise = tmp_path / "noise.txt"
    noise.write_bytes(codecs.BOM_UTF16_LE + random.Random(7).randbytes(20000))
    docs, errors = read(noise)
    assert not docs and "binary file" in errors[0].message
    # a lost letter at a word's end, before punctuation, is a lost letter too
    ends = tmp_path / "ends.txt"
    ends.write_text(" date 2024-03\n" + "Trois soldats bless\ufffd, deux civils tu\ufffds. (\ufffdtat-major) " * 20,
                    encoding="utf-8")
    assert one_doc(ends).text.count("\ufffd") == 60


def test_all_clutter_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "pub.txt"
    path.write_text("Publicité\n\nPartager\n", encoding="utf-8")
    docs, errors = read(path)
    assert not docs and "no article text" in errors[0].message


# ---- cleaning ----

@pytest.mark.parametrize("line", [
    "Publicité", "[Publicité]", "PUBLICITÉ", "Advertisement", "Story continues below advertisement",
    "À lire aussi : Au Tchad, l'armée annonce un nouveau bilan", "» Lire aussi", "LIRE AUSSI >> Notre enquête",
    "Read more: Floods displace thousands", "Related:", "Related articles", "Photo : Jean Dupont",
    "Crédit photo : Marie Martin", "© AFP", "© 2024 Reuters", "(Photo by John Doe / Getty Images)",
    "JEAN DUPONT / AFP", "Inscrivez-vous à notre newsletter", "Sign up for our newsletter", "Abonnez-vous",
    "Partager", "Share this article", "Facebook Twitter WhatsApp E-mail",
    "Nous utilisons des cookies pour améliorer votre expérience.", "We use cookies to improve your experience.",
    "Publié le 4 mars 2024 à 10h12", "Updated March 4, 2024", "Tout accepter",
])
def test_clutter_lines(line: str) -> None:
    assert is_clutter(line)


@pytest.mark.parametrize("line", [
    "La publicité faite autour de l'attaque a été dénoncée par le gouvernement.",
    "Publicité mensongère : le ministre a démenti jeudi avoir ordonné les frappes.",
    "Advertisements for the rally were torn down by police on Monday.",
    "Lire la presse locale ne suffit pas, a estimé un diplomate.",
    "Related incidents were reported in Kirkuk, the police said.",
    "Crédit Agricole a suspendu ses activités dans la région après les combats.",
    "Photographs published by the army showed the damaged vehicle.",
    "Share prices fell after the attack on the pipeline.",
    "Published reports said five soldiers were killed.",
    "Partager le pouvoir n'est pas à l'ordre du jour, a dit le porte-parole des rebelles.",
    "",
])
def test_real_sentences_are_kept(line: str) -> None:
    assert not is_clutter(line)


def test_whitespace_normalisation() -> None:
    raw = "\ufeffTitre\u00a0:  un\u202ftexte   \r\n\r\n\r\n\r\nDeuxième  paragraphe l’armée\t\n\n\n\nFin.  "
    assert clean_text(raw) == "Titre : un texte\n\nDeuxième paragraphe l’armée\n\nFin."


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("Trois morts à Gao.\n\nFin") == content_hash("trois  morts à gao. fin")
    assert content_hash("Trois morts à Gao.") != content_hash("Quatre morts à Gao.")


# ---- datelines ----

@pytest.mark.parametrize("text,published,expected", [
    ("BAGHDAD, 4 janvier (Reuters) - Au moins", "2024-01", ("Baghdad", "2024-01-04", "Reuters")),
    ("PARIS, 12 mars (Reuters) – Le gouvernement", "2024-03", ("Paris", "2024-03-12", "Reuters")),
    ("Bagdad (AFP) - Trois roquettes", "2024-03", ("Bagdad", "", "AFP")),
    ("KYIV, Jan 4 (Reuters) - Russia", "2024-01-05", ("Kyiv", "2024-01-04", "Reuters")),
    ("WASHINGTON, Jan. 4, 2024 (Reuters) - The", "2023-12", ("Washington", "2024-01-04", "Reuters")),
    ("GAZA (AFP) — Les frappes", "2024-01", ("Gaza", "", "AFP")),
    ("Mogadiscio, 3 fév 2024 (AFP) - Un kamikaze", "", ("Mogadiscio", "2024-02-03", "AFP")),
    ("BAGDAD, 31 décembre (Reuters) - Une roquette", "2024-01", ("Bagdad", "2023-12-31", "Reuters")),
    ("DAKAR, 2 janvier (AFP) - Des heurts", "2023-12", ("Dakar", "2024-01-02", "AFP")),
    ("BEIRUT, Lebanon (AP) — An Israeli strike", "2024-05", ("Beirut", "", "AP")),
    ("KHARTOUM, Sudan, April 15 (Reuters) - Fighting", "2023-04", ("Khartoum", "2023-04-15", "Reuters")),
    ("PORT-AU-PRINCE, 1er mars (AFP) - Des gangs", "2024-03", ("Port-au-Prince", "2024-03-01", "AFP")),
    ("DAR ES SALAAM, Sept. 14 (Reuters) - Police", "2024-09", ("Dar es Salaam", "2024-09-14", "Reuters")),
    ("N'DJAMENA (AFP) - L'armée tchadienne", "2024-03", ("N'Djamena", "", "AFP")),
    ("Par Jean Dupont\nSAINT-DENIS (AFP) - Un homme", "2024-03", ("Saint-Denis", "", "AFP")),
    ("BAMAKO, 30 février (AFP) - Date impossible", "2024-02", ("Bamako", "", "AFP")),
    ("Le ministre a déclaré (AFP) - rien", "2024-03", ("", "", "")),
    ("Une nouvelle attaque au drone a visé samedi une base.", "2023-10", ("", "", "")),
    ("Paris, le 4 janvier, un homme a été arrêté.", "2024-01", ("", "", "")),
    # layouts of unseen pages: "le" before the date, a weekday, a country in brackets, a source not listed
    ("Kinshasa, le 12 mars 2024 - Des miliciens", "2024-03", ("Kinshasa", "2024-03-12", "")),
    ("Bunia, mardi 12 mars 2024 (ACP).- Des miliciens", "2024-03", ("Bunia", "2024-03-12", "")),
    ("GOMA (RD Congo), 12 mars 2024 (AFP) - Des obus", "2024-03", ("Goma", "2024-03-12", "AFP")),
    ("Niamey, 12 mars 2024 (ANP) - Des hommes armés", "2024-03", ("Niamey", "2024-03-12", "")),
    ("Port-au-Prince, 2 May 2024 (Haiti Press) -- Gangs", "2024-05", ("Port-au-Prince", "2024-05-02", "")),
    ("Le 12 mars 2024 (jour du vote) - des heurts", "2024-03", ("", "", "")),
    ("Le ministre (de la Défense) a dit - rien", "2024-03", ("", "", "")),
])
def test_parse_dateline(text: str, published: str, expected: tuple[str, str, str]) -> None:
    dateline = parse_dateline(text, published)
    assert (dateline.place, dateline.day, dateline.agency) == expected
    if dateline.agency:
        assert text[dateline.end_offset - 2:dateline.end_offset] in ("- ", "– ", "— ")


def test_dateline_offsets_point_into_the_text() -> None:
    text = "Titre\nGAZA, 3 mars (AFP) - Une frappe a tué trois personnes."
    dateline = parse_dateline(text, "2024-03")
    assert text[dateline.start_offset:dateline.end_offset] == "GAZA, 3 mars (AFP) - "


@pytest.mark.parametrize("text,agency", [
    ("Trois morts dans une frappe.\n\nLe Monde avec AFP", "AFP"),
    ("Trois morts dans une frappe.\n© AFP", "AFP"),
    ("Une source militaire a indiqué à l'AFP que trois soldats avaient été tués.", "AFP"),
    ("Two soldiers were killed, security sources told Reuters.", "Reuters"),
    ("An AP journalist saw the bodies.", "AP"),
    ("The map shows the front line; the tally is rising.", ""),
])
def test_detect_agency_from_credits(text: str, agency: str) -> None:
    assert detect_agency(text) == agency


# ---- the shared sample articles ----

@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared/seeds not available")
def test_shared_seed_articles_read_correctly() -> None:
    docs, errors = read(SHARED / "seeds")
    assert not errors
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    assert [d.id for d in docs] == [p.stem for p in seeds]
    first, second = docs
    assert (first.published, second.published) == ("2024-01", "2023-10")
    assert (first.dateline_place, first.dateline_date, first.source) == ("Baghdad", "2024-01-04", "Reuters")
    assert second.dateline_place == "" and second.source == "AFP"
    for doc, path in zip(docs, seeds):
        words = path.read_text(encoding="utf-8").split()
        assert doc.text.split() == words[2:]  # only the ' date YYYY-MM' header is gone
    assert os.path.basename(first.path) == seeds[0].name


def test_a_dateline_in_capitals_without_agency_after_a_title_line_is_read():
    from eventwire.ingest.dateline import parse_dateline
    text = "Drone strike kills two in the south\nKISMAYO, Somalia - The army said on Tuesday it had struck a camp."
    line = parse_dateline(text, "2024-03")
    assert line.place == "Kismayo" and text[line.end_offset:].startswith("The army")
    assert parse_dateline("BREAKING - Two killed in a drone strike", "2024-03").place == ""
    assert parse_dateline("Le ministre - a dit qu'il partirait", "2024-03").place == ""


# ---- the page's own publication line gives the day a month-only header leaves out (it is clutter otherwise)

@pytest.mark.parametrize("line,day", [
    ("Publié le 15 février 2024 à 11h02, modifié le 15 février 2024 à 13h40", "2024-02-15"),
    ("Par AFP | Mis à jour le 13/02/2024 à 10:05", "2024-02-13"),
    ("Publié le : 22/02/2024 - 08:15", "2024-02-22"),
    ("Publié le mercredi 14 février 2024 à 16h45", "2024-02-14"),
    ("Updated on February 14, 2024", "2024-02-14"),
])
def test_a_page_publication_line_gives_the_day(tmp_path: Path, line: str, day: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(" date 2024-02\nMali : un convoi de l'armée touché par une mine près de Douentza\n"
                    f"{line}\n\nUn véhicule militaire a sauté mardi sur un engin explosif près de Douentza, "
                    "tuant trois soldats, a-t-on appris de sources sécuritaires.\n", encoding="utf-8")
    doc = next(d for d in read_paths([str(page)]) if isinstance(d, Document))
    assert doc.published == day
    assert line not in doc.text          # still removed from the article text


@pytest.mark.parametrize("text", [
    # a sentence that mentions a publication is not the page's own line
    "Mali : un rapport sur les mines\n\nLe rapport publié le 3 février 2024 par l'ONU recense des dizaines "
    "d'engins explosifs posés sur les routes du centre du pays, selon ses auteurs.\n",
    # a date outside the publication month the header gives
    "Mali : un convoi touché\nPublié le 28 janvier 2024 à 09h00\n\nUn véhicule a sauté sur une mine.\n",
])
def test_no_page_day_without_a_page_line_in_the_month(tmp_path: Path, text: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(" date 2024-02\n" + text, encoding="utf-8")
    doc = next(d for d in read_paths([str(page)]) if isinstance(d, Document))
    assert doc.published == "2024-02"


@pytest.mark.parametrize("line", ["Publié le : 22/03/2024 - 08:15", "Par AFP | Mis à jour le 18/06/2024 à 10:05",
                                  "Actualisé le 3 mai 2024 à 12h00"])
def test_page_date_lines_are_clutter(line: str) -> None:
    assert is_clutter(line)
