"""Fixes from the English audit of session 11: the held-out set D of session 10 (tests/corpus/en/en_551-562) is spent
as the set to fix from; en_601-612 (set E) is the new held-out set, never looked at beyond its summary line.
Each test uses short articles written for it."""
from __future__ import annotations

from eventwire.ingest import read_paths
from eventwire.ingest.clean import clean_text
from eventwire.model import Document
from eventwire.pipeline import extract_document
from eventwire.export import event_record


def records(text: str, published: str = "2026-03-10", lang: str = "en") -> list[dict]:
    return [event_record(e) for e in extract_document(Document("t", text, published=published, language=lang)).events]


def test_martyred_policemen_are_dead():
    """South Asian and Middle Eastern papers write "martyred" for killed soldiers and policemen."""
    text = ("Three policemen martyred in attack on Lakki Marwat checkpoint\n\n"
            "LAKKI MARWAT: Three policemen were martyred and four others injured when militants attacked a police "
            "checkpoint in Lakki Marwat district on Sunday night, police said.")
    recs = records(text, "2026-03-10")
    assert [(r["fatalities"], r["injuries"]) for r in recs] == [(3, 4)]
    text = ("Soldier embraces martyrdom in Kurram\n\nA soldier embraced martyrdom when militants opened fire on a "
            "patrol in Kurram district on Monday, the military's media wing said.")
    assert [r["fatalities"] for r in records(text, "2026-03-10")] == [1]


def test_a_nights_drone_tally_is_no_part_of_the_strike():
    """"Russia launched 70 drones, 52 of which were shot down, the Air Force said": the air-defence tally of the
    night is an aggregate; the air force that reports it is Ukraine's, no unit of the attacker's."""
    text = ("Russian missile strike on Zaporizhzhia kills two\n\n"
            "A Russian ballistic missile hit an industrial area of Zaporizhzhia on Monday evening, killing two people "
            "and injuring nine, Governor Ivan Fedorov said.\n\n"
            "Overnight, Russia also launched 70 Shahed-type drones against Ukraine, 52 of which were shot down or "
            "suppressed, the Air Force said.")
    recs = records(text, "2026-03-10")
    assert [(r["sub_event_type"], r["actor1"], r["country"]) for r in recs] == [
        ("Shelling/artillery/missile attack", "Military Forces of Russia (2000-)", "Ukraine")]


def test_a_byline_with_the_page_date_is_clutter():
    """"by Jane Doe and the news desk January 14, 2026 10:05 AM 2 min read": the page's date, not the incident's."""
    line = "by Anna Kovalenko and The Kyiv Independent news desk January 14, 2026 10:05 AM 2 min read"
    text = ("Russian missile strike on Kharkiv kills 3\n\n" + line + "\n"
            "A Russian missile hit a residential area of Kharkiv on the evening of Jan. 13, killing three people, "
            "the governor said.")
    assert line not in clean_text(text)
    recs = records(clean_text(text), "2026-01-14")
    assert [(r["event_date"], r["fatalities"]) for r in recs] == [("2026-01-13", 3)]
    # a sentence of the article that starts with "By" and a date stays
    kept = "By January 14, 2026, the toll had risen to five, officials said."
    assert kept in clean_text("Headline\n\n" + kept)


def test_a_news_agencys_initials_are_no_place():
    """"told HOL by phone" (Hiiraan Online): the initials fold to "Al Hol", a camp in Syria, but are written
    otherwise; the incident stays one event in Somalia."""
    text = ("Al-Shabaab attacks army base near Afgooye\n\n"
            "MOGADISHU (HOL) - Al-Shabaab fighters attacked a Somali army base near Afgooye in Lower Shabelle region "
            "on Monday, sparking a gun battle, a military officer told HOL by phone.\n\n"
            "The attack began when a roadside explosion hit a vehicle at the gate of the base, the officer told HOL.")
    recs = records(text, "2026-03-10")
    assert [r["country"] for r in recs] == ["Somalia"]


def test_weeks_of_clashes_are_many_incidents():
    """"The talks come after weeks of clashes around Mogoke": a span of fighting, no incident of its own."""
    text = ("Junta and rebels meet in Kunming\n\nDelegates of the junta and the TNLA met in Kunming on Tuesday for "
            "talks, officials said. The talks come after weeks of clashes around the town of Mogoke in Mandalay "
            "Region.")
    assert records(text, "2026-03-04") == []
    # one clash told with its day stays an event
    text = ("Clashes near Mogoke\n\nTNLA fighters clashed with junta troops near the town of Mogoke in Mandalay "
            "Region on Monday, killing four soldiers, local media said.")
    assert [r["sub_event_type"] for r in records(text, "2026-03-04")] == ["Armed clash"]


def test_a_habit_told_in_the_present_is_no_incident():
    """"parents keep children home when gunfire is reported": what people do each time, not one shooting."""
    text = ("City on edge\n\nRestaurants in Culiacan close at sundown, and parents keep children home from school "
            "when gunfire is reported on social media, residents say.")
    assert records(text, "2026-03-26") == []


def test_an_accusation_about_another_matter_at_the_end_names_no_perpetrator():
    """"No one claimed responsibility" for the bomb; the article's last line, "Islamabad accuses Afghanistan's
    Taliban government of sheltering TTP fighters", is about another matter: the bomber is unidentified."""
    text = ("Roadside bomb wounds three policemen in Dera Ismail Khan\n\n"
            "DERA ISMAIL KHAN: Three policemen were injured when a roadside bomb went off near their patrol vehicle in "
            "Dera Ismail Khan district on Tuesday morning, police said. No one claimed responsibility.\n\n"
            "Khyber Pakhtunkhwa has seen a rise in militant violence since 2022, according to a think tank.\n\n"
            "The provincial chief minister condemned the attack.\n\n"
            "Islamabad accuses Afghanistan's Taliban government of sheltering TTP fighters, a charge Kabul denies.")
    recs = records(text, "2026-03-10")
    assert [(r["actor1"], r["attribution"]) for r in recs] == [("Unidentified Armed Group (Pakistan)", "unattributed")]
    # blame told beside the incident still names the perpetrator
    text = ("Roadside bomb wounds three policemen in Dera Ismail Khan\n\n"
            "DERA ISMAIL KHAN: Three policemen were injured when a roadside bomb went off near their patrol vehicle in "
            "Dera Ismail Khan district on Tuesday morning. No one claimed responsibility, but police blamed the "
            "Tehreek-i-Taliban Pakistan.")
    assert [r["actor1"] for r in records(text, "2026-03-10")] == ["TTP: Tehreek-i-Taliban Pakistan"]


def page_records(tmp_path, text: str, published: str) -> list[dict]:
    """Records of a page read as a file with its date header, the way the benchmarks read the corpus."""
    path = tmp_path / "en_999_page.txt"
    path.write_text(f" date {published}\n{text}\n", encoding="utf-8")
    return [event_record(e) for doc in read_paths([str(path)]) for e in extract_document(doc).events]


def test_two_groups_that_clash_are_the_two_sides(tmp_path):
    """"ELN and FARC dissidents clash in Arauca": the subjects of a reciprocal verb fought each other; the people
    killed in the fighting are not the other side."""
    text = ("Six dead as ELN and FARC dissidents clash in Arauca\n\n"
            "BOGOTA, March 12 (Reuters) - At least six people were killed in fighting between ELN guerrillas and FARC "
            "dissidents in rural Tame, in Arauca province, on Wednesday, local authorities said.")
    recs = page_records(tmp_path, text, "2026-03-12")
    assert [(r["sub_event_type"], r["actor1"]) for r in recs] == [("Armed clash", "ELN: National Liberation Army")]
    assert "FARC" in recs[0]["actor2"] and not recs[0]["assoc_actor_1"]
    # allies named together stay one side
    text = ("ELN and FARC dissidents attack army base in Arauca\n\n"
            "ELN guerrillas and FARC dissidents attacked an army base in Saravena, in Arauca province, on Wednesday, "
            "killing two soldiers, the army said.")
    recs = page_records(tmp_path, text, "2026-03-12")
    assert recs and {r["actor2"] for r in recs} == {"Military Forces of Colombia (2022-)"}


def test_gunshot_wounds_are_injuries():
    """"two others sustained gunshot wounds": the wounded of the attack."""
    text = ("Armed bandits shot dead a farmer and two others sustained gunshot wounds when gunmen attacked Yargoje "
            "village in Kankara Local Government Area of Katsina State on Sunday night, residents said.")
    assert [(r["fatalities"], r["injuries"]) for r in records(text, "2026-02-17")] == [(1, 2)]
