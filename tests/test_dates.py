"""Event dates and ACLED time_precision (eventwire.extract.dates)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from eventwire.extract.dates import find_dates, past_reference, reference_date, resolve_date, undated_incident
from eventwire.model import DateValue, Document

from helpers import events, read


def make_doc(text: str, published: str = "2024-03-14", lang: str = "fr", dateline: str = "") -> Document:
    """A document split into sentences at full stops (no NLP model needed)."""
    doc = Document("t", text, published=published, language=lang, dateline_date=dateline)
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    doc.sentences = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in doc.sentences]
    return doc


def first(text: str, **kw) -> DateValue:
    doc = make_doc(text, **kw)
    hits = [h for h in find_dates(doc, 0) if h.value is not None]
    assert hits, text
    return hits[0].value


# ---- reference date

def test_reference_date_prefers_dateline_then_published_day_then_month():
    assert reference_date(make_doc("x", published="2024-01", dateline="2024-01-04")) == (date(2024, 1, 4), 1)
    assert reference_date(make_doc("x", published="2024-02-20")) == (date(2024, 2, 20), 1)
    assert reference_date(make_doc("x", published="2023-10")) == (date(2023, 10, 1), 3)
    assert reference_date(make_doc("x", published="")) == (date.today(), 3)


def test_reference_date_reads_a_dateline_when_only_the_month_is_published():
    doc = make_doc("KIEV, 12 mars (Reuters) - Une frappe a touché la ville mardi.", published="2024-03")
    assert reference_date(doc) == (date(2024, 3, 12), 1)
    hits = find_dates(doc, 0)
    assert [doc.text[h.start:h.end] for h in hits] == ["mardi"]  # the dateline is not an event date
    assert hits[0].value == DateValue(date(2024, 3, 12), 1)


# ---- weekdays (2024-03-14 is a Thursday)

@pytest.mark.parametrize("text,day", [
    ("Une attaque a eu lieu jeudi.", date(2024, 3, 14)),
    ("Une attaque a eu lieu mardi.", date(2024, 3, 12)),
    ("Les tirs ont repris mercredi soir.", date(2024, 3, 13)),
    ("Ils ont été arrêtés samedi dernier.", date(2024, 3, 9)),
    ("Le camp a été visé jeudi dernier.", date(2024, 3, 7)),
    # a night over two weekdays is the day it began (the team corpus codes it at day precision)
    ("Une frappe dans la nuit de mardi à mercredi.", date(2024, 3, 12)),
])
def test_weekday_is_the_latest_such_day_on_or_before_the_reference(text, day):
    assert first(text) == DateValue(day, 1)


@pytest.mark.parametrize("text, lang", [
    ("Des tirs dans la nuit du 10 au 11 mars.", "fr"),
    ("Des tirs dans la nuit du dimanche 10 au lundi 11 mars.", "fr"),
    ("Gunfire was heard on the night of March 10 to 11.", "en"),
])
def test_a_night_over_two_named_days_is_its_first_day_at_precision_two(text, lang):
    # coders take either day: precision 2 (+/- 3 days) covers both, the weekday names are not a third date
    assert first(text, lang=lang) == DateValue(date(2024, 3, 10), 2)


@pytest.mark.parametrize("text,day", [
    ("Militants attacked a checkpoint on Tuesday.", date(2024, 3, 12)),
    ("The base was hit last Thursday.", date(2024, 3, 7)),
    ("Shelling continued on Sunday night.", date(2024, 3, 10)),
])
def test_english_weekdays(text, day):
    assert first(text, lang="en") == DateValue(day, 1)


def test_weekday_with_only_the_publication_month_gives_the_month():
    assert first("Un drone a visé samedi une base.", published="2023-10") == DateValue(date(2023, 10, 1), 3)
    assert first("Un drone a visé samedi une base.", published="2023-10", dateline="2023-10-22") \
        == DateValue(date(2023, 10, 21), 1)


# ---- explicit dates

@pytest.mark.parametrize("text,kw,value", [
    ("Le 4 janvier, des combattants ont attaqué.", {"published": "2024-01-10"}, DateValue(date(2024, 1, 4), 1)),
    ("Les combats du 1er mars ont fait deux morts.", {}, DateValue(date(2024, 3, 1), 1)),
    ("Lundi 11 mars 2024, la police a dispersé la foule.", {}, DateValue(date(2024, 3, 11), 1)),
    ("On 23 May 2022, soldiers shelled a village.", {"lang": "en", "published": "2022-05"},
     DateValue(date(2022, 5, 23), 1)),
    ("Around 26 June 2022 (as reported), a body was found.", {"lang": "en", "published": "2022-06"},
     DateValue(date(2022, 6, 26), 1)),
    ("On or about January 4, rebels raided a post.", {"lang": "en", "published": "2024-01-09"},
     DateValue(date(2024, 1, 4), 1)),
    ("Troops moved in on 4 Jan.", {"lang": "en", "published": "2024-01-09"}, DateValue(date(2024, 1, 4), 1)),
    ("Around 15 March 2022 (month of), cattle were raided.", {"lang": "en", "published": "2022-03"},
     DateValue(date(2022, 3, 1), 3)),
    ("Around 12 April 2022 (week of), troops clashed.", {"lang": "en", "published": "2022-04"},
     DateValue(date(2022, 4, 12), 2)),
])
def test_explicit_dates(text, kw, value):
    assert first(text, **kw) == value


def test_day_and_month_without_year_roll_over_to_the_nearest_year():
    assert first("L'attaque du 31 décembre a été revendiquée.", published="2024-01-05") \
        == DateValue(date(2023, 12, 31), 1)
    assert first("Rebels struck on December 30.", lang="en", published="2024-01") \
        == DateValue(date(2023, 12, 30), 1)


# ---- relative days and spans

@pytest.mark.parametrize("text,lang,value", [
    ("Un soldat a été tué hier.", "fr", DateValue(date(2024, 3, 13), 1)),
    ("Des tirs ont été entendus avant-hier.", "fr", DateValue(date(2024, 3, 12), 1)),
    ("Protesters gathered today.", "en", DateValue(date(2024, 3, 14), 1)),
    ("A convoy was ambushed yesterday.", "en", DateValue(date(2024, 3, 13), 1)),
    ("Des affrontements ont eu lieu ce week-end.", "fr", DateValue(date(2024, 3, 9), 2)),
    ("Fighting raged over the weekend.", "en", DateValue(date(2024, 3, 9), 2)),
    ("Gunmen attacked the village overnight.", "en", DateValue(date(2024, 3, 13), 2)),
    ("Three strikes hit the city between 1 and 3 March.", "en", DateValue(date(2024, 3, 1), 2)),
    ("Airstrikes continued through 1-2 March.", "en", DateValue(date(2024, 3, 1), 2)),
    ("Des frappes ont visé la zone du 4 au 6 mars.", "fr", DateValue(date(2024, 3, 4), 2)),
    ("Plusieurs attaques ont eu lieu cette semaine.", "fr", DateValue(date(2024, 3, 11), 2)),
    ("Des manifestations ont eu lieu début mars.", "fr", DateValue(date(2024, 3, 1), 3)),
    ("Des renforts sont arrivés à la mi-mars.", "fr", DateValue(date(2024, 3, 11), 3)),
    ("Des renforts sont arrivés fin mars.", "fr", DateValue(date(2024, 3, 21), 3)),
    ("The offensive began in March.", "en", DateValue(date(2024, 3, 1), 3)),
])
def test_relative_days_and_spans(text, lang, value):
    assert first(text, lang=lang) == value


@pytest.mark.parametrize("text,lang", [
    ("Le couvre-feu commence à 14h et 2.500 soldats sont déployés.", "fr"),
    ("Le sommet du G7 a réuni 900 délégués.", "fr"),
    ("Un garçon de 12 ans a été blessé.", "fr"),
    ("The army may strike again, officials said.", "en"),
    ("Protesters march through the capital.", "en"),
])
def test_no_date_in_times_numbers_ages_or_common_words(text, lang):
    assert find_dates(make_doc(text, lang=lang), 0) == []


# ---- past references

@pytest.mark.parametrize("text,lang,published", [
    ("Le mois dernier, des frappes ont visé la région.", "fr", "2024-03-14"),
    ("Last month, militants attacked the same base.", "en", "2024-03-14"),
    ("L'an dernier, le groupe avait pris la ville.", "fr", "2024-03-14"),
    ("Le groupe s'est emparé de la ville en 2014.", "fr", "2024-03-14"),
    ("Des roquettes ont visé la base en octobre.", "fr", "2024-01"),
    ("La base a été attaquée à vingt reprises depuis le début de la guerre.", "fr", "2024-03-14"),
    ("Une attaque similaire a eu lieu il y a deux semaines.", "fr", "2024-03-14"),
    ("Earlier this year, rebels seized the town.", "en", "2024-03-14"),
    ("Le 2 mars, un convoi avait été attaqué.", "fr", "2024-03-14"),
])
def test_past_references(text, lang, published):
    assert past_reference(make_doc(text, lang=lang, published=published), 0)


@pytest.mark.parametrize("text", [
    "Un drone a frappé la base jeudi.",
    "L'attaque, la plus meurtrière depuis 2019, a eu lieu jeudi.",
    "Depuis lundi, les combats ont fait trente morts.",
    "Le 13 mars, un convoi a été attaqué.",
    "Quatre soldats ont été tués.",
])
def test_current_sentences_are_not_past(text):
    assert past_reference(make_doc(text), 0) is None


def test_past_reference_follows_the_expression_nearest_the_trigger():
    doc = make_doc("Un drone a frappé la base jeudi, la vingtième attaque depuis le début de la guerre.")
    trigger = doc.evidence(3, 8)  # "drone"
    assert past_reference(doc, 0, trigger) is None
    late = doc.text.index("attaque")
    assert past_reference(doc, 0, doc.evidence(late, late + 7))


# ---- the incident's date

def test_resolve_date_takes_the_expression_nearest_the_trigger():
    doc = make_doc("Le 2 mars un convoi avait été visé, puis mardi une frappe a touché le camp.")
    start = doc.text.index("frappe")
    slot = resolve_date(doc, [0], doc.evidence(start, start + 6))
    assert slot.value == DateValue(date(2024, 3, 12), 1)
    assert slot.evidence[0].text == "mardi"


def test_resolve_date_falls_back_to_later_sentences_then_publication():
    doc = make_doc("Une frappe a touché le camp. Elle a eu lieu mercredi.")
    assert resolve_date(doc, [0, 1], doc.evidence(4, 10)).value == DateValue(date(2024, 3, 13), 1)
    slot = resolve_date(make_doc("Une frappe a touché le camp.", published="2023-10"), [0])
    assert slot.value == DateValue(date(2023, 10, 1), 3)
    assert slot.reason == "publication date" and slot.evidence == []


def test_a_month_slip_is_corrected_by_the_weekday_in_the_publication_month():
    # 14 September 2025 is a Sunday; Friday 14 November 2025 is the day meant in a November article
    doc = Document("t", "Le lendemain, vendredi 14 septembre au soir, une seconde frappe a touché un campement.",
                   published="2025-11", language="fr")
    doc.sentences = [(0, len(doc.text))]
    [hit] = find_dates(doc, 0)
    assert hit.value == DateValue(date(2025, 11, 14), 1)


def test_the_day_the_news_was_told_gives_way_to_the_day_of_the_incident():
    en = ("Three attackers and a policeman were killed when militants ambushed a police checkpost in Bannu, "
          "officials said on Sunday.\n\nThe militants attacked the checkpost late Saturday night, police said.")
    [ev] = events(en, "en", "2025-08-03")
    assert ev.date.value == DateValue(date(2025, 8, 2), 1)
    fr = ("Un policier a été tué lors de l'attaque d'un commissariat à Saravan, a annoncé dimanche la police.\n\n"
          "Les assaillants ont attaqué le poste samedi soir, selon la même source.")
    [ev] = events(fr, "fr", "2025-08-10")
    assert ev.date.value == DateValue(date(2025, 8, 9), 1)


# ---- only the publication month known: days the page or the text gives anchor a weekday

@pytest.mark.parametrize("text,lang,published,day", [
    # a past day the text names (the article was written on or after it): one Saturday left in the month
    ("Les rebelles ont pris la ville de Kanyaro ce samedi. Cette prise fait suite à celle du pont de Lusi "
     "le 28 octobre.", "fr", "2022-10", date(2022, 10, 29)),
    ("Rebels seized the town of Kanyaro on Saturday. The capture follows that of the Lusi bridge on October 28.",
     "en", "2022-10", date(2022, 10, 29)),
])
def test_a_day_the_text_names_leaves_one_such_weekday_in_the_month(text, lang, published, day):
    assert first(text, lang=lang, published=published) == DateValue(day, 1)


@pytest.mark.parametrize("text,lang", [
    ("Les rebelles ont pris la ville de Kanyaro ce samedi. Des pourparlers sont prévus le 28 octobre.", "fr"),
    ("Rebels seized the town of Kanyaro on Saturday. Talks are scheduled for October 28.", "en"),
    ("Les rebelles ont pris la ville de Kanyaro ce samedi. Le pont de Lusi était tombé le 11 octobre.", "fr"),
])
def test_a_day_named_ahead_or_leaving_several_weekdays_keeps_the_month(text, lang):
    assert first(text, lang=lang, published="2022-10") == DateValue(date(2022, 10, 1), 3)


@pytest.mark.parametrize("text,lang,url", [
    ("https://www.exemple-info.net/20211003/burkina-des-frappes-aeriennes-1234.html\n\nDes frappes aériennes "
     "ont visé vendredi un site d'orpaillage. Deux soldats ont été tués samedi dans un attentat.", "fr", ""),
    ("Des frappes aériennes ont visé vendredi un site d'orpaillage. Deux soldats ont été tués samedi dans un "
     "attentat.", "fr", "https://www.exemple-info.net/2021/10/03/burkina-frappes"),
    ("Des frappes aériennes ont visé vendredi un site d'orpaillage, selon la télévision. 03.10.2021, Radio Exemple\n"
     "Deux soldats ont été tués samedi dans un attentat.", "fr", ""),
    ("Publié le 3 octobre 2021 à 10h12\nDes frappes aériennes ont visé vendredi un site d'orpaillage. Deux "
     "soldats ont été tués samedi dans un attentat.", "fr", ""),
    ("Published on 3 October 2021\nAir strikes hit a gold mining site on Friday. Two soldiers were killed on "
     "Saturday in a bombing.", "en", ""),
])
def test_the_page_own_date_is_the_reference_day(text, lang, url):
    doc = make_doc(text, published="2021-10", lang=lang)
    doc.url = url
    assert reference_date(doc) == (date(2021, 10, 3), 1)
    values = [h.value for i in range(len(doc.sentences)) for h in find_dates(doc, i) if h.value is not None]
    assert values[-2:] == [DateValue(date(2021, 10, 1), 1), DateValue(date(2021, 10, 2), 1)]


def test_an_event_date_in_the_text_is_not_the_page_date():
    doc = make_doc("Des frappes ont visé le 02.10.2021 un site d'orpaillage. Les secours sont arrivés mardi.",
                   published="2021-10")
    assert reference_date(doc) == (date(2021, 10, 1), 3)


def test_a_dateline_crediting_a_partner_with_the_agency_gives_the_day():
    doc = make_doc("Hébron, 12 novembre (Presse Exemple/AP) – Des colons ont attaqué mardi deux villages.",
                   published="2025-11")
    assert reference_date(doc) == (date(2025, 11, 12), 1)
    assert first(doc.text, published="2025-11") == DateValue(date(2025, 11, 11), 1)


# ---- a day told relative to the one before ("le même jour", "the next day")

@pytest.mark.parametrize("text,lang,days", [
    ("Des soldats ont tué trois bandits samedi à Kaura. Le même jour, une embuscade a visé des voleurs de bétail "
     "à Dandume. Le lendemain, des hommes armés ont attaqué Funtua.", "fr", [8, 8, 9]),
    ("Troops killed three bandits on Saturday in Kaura. On the same day, troops ambushed cattle rustlers in "
     "Dandume. The next day, gunmen raided Funtua.", "en", [8, 8, 9]),
])
def test_same_day_and_next_day_follow_the_date_told_before(text, lang, days):
    doc = make_doc(text, published="2023-04-10", lang=lang)
    assert [resolve_date(doc, [i]).value for i in range(3)] == [DateValue(date(2023, 4, d), 1) for d in days]


def test_meanwhile_takes_the_time_told_before_at_week_precision():
    doc = make_doc("Troops killed three bandits on Saturday in Kaura. Meanwhile, gunmen raided Funtua.",
                   published="2023-04-10", lang="en")
    assert resolve_date(doc, [1]).value == DateValue(date(2023, 4, 8), 2)


def test_same_day_with_nothing_told_before_is_no_date():
    doc = make_doc("Le même jour, des hommes armés ont attaqué Funtua.", published="2023-04-10")
    assert find_dates(doc, 0) == []
    assert resolve_date(doc, [0]).value == DateValue(date(2023, 4, 10), 1)


# ---- an incident whose sentences tell no day takes the article's first date of its news

@pytest.mark.parametrize("text,lang,published,value", [
    ("Des hommes armés ont tué quatre villageois lundi à Kadisau. Des bandits ont aussi tué deux paysans à Faskari.",
     "fr", "2024-06-12", DateValue(date(2024, 6, 10), 1)),
    ("Police arrested dozens of students on campuses this week. Officers broke up a camp at a college in Dover.",
     "en", "2024-05-01", DateValue(date(2024, 4, 29), 2)),
    # "since" and the day the news was told are no date of the news; nothing else gives none
    ("Six personnes ont été tuées depuis vendredi soir. Des soldats ont tiré sur la foule à Pyay.", "fr",
     "2024-03", None),
    ("Officials said on Sunday that gunmen had raided the village. Two farmers were shot in Dover.", "en",
     "2024-03", None),
])
def test_an_undated_incident_takes_the_article_first_news_date(text, lang, published, value):
    slot = undated_incident(make_doc(text, published=published, lang=lang))
    assert (slot.value if slot else None) == value
    assert slot is None or slot.evidence == []  # the incident itself still tells no day


@pytest.mark.parametrize("text,lang", [
    ("L'armée a attribué l'explosion d'un camion piégé près de la base de Saravena aux rebelles de l'ELN.", "fr"),
    ("The army blamed rebels for the truck bomb that exploded near the Saravena base.", "en"),
])
def test_an_article_that_tells_no_day_gives_the_publication_day_at_week_precision(text, lang):
    assert undated_incident(make_doc(text, published="2024-09-18", lang=lang)).value == DateValue(date(2024, 9, 18), 2)
    # a dateline day or only the publication month: kept as it is
    assert undated_incident(make_doc(text, published="2024-09-18", lang=lang, dateline="2024-09-18")) is None
    assert undated_incident(make_doc(text, published="2024-09", lang=lang)) is None


# ---- a weekday with the day of the month alone ("mardi 9 au soir")

@pytest.mark.parametrize("text,lang,value", [
    ("Des hommes armés ont attaqué le village mardi 9 au soir.", "fr", DateValue(date(2024, 7, 9), 1)),
    ("Le camp a été attaqué dimanche 30, selon l'armée.", "fr", DateValue(date(2024, 6, 30), 1)),
    ("Gunmen stormed the village on Sunday the 14th, police said.", "en", DateValue(date(2024, 7, 14), 1)),
    # a count or an hour after the weekday is no day of the month
    ("Lundi 10 personnes ont été tuées dans le village.", "fr", DateValue(date(2024, 7, 1), 3)),
    ("Mardi 9 heures, les tirs ont repris.", "fr", DateValue(date(2024, 7, 1), 3)),
])
def test_a_weekday_with_its_day_number_is_that_day(text, lang, value):
    assert first(text, lang=lang, published="2024-07") == value


def test_a_weekday_with_its_day_number_anchors_the_other_weekdays():
    doc = make_doc("Des hommes armés ont attaqué le village mardi 9 au soir. Jeudi, la police est arrivée.",
                   published="2024-07")
    assert reference_date(doc) == (date(2024, 7, 9), 1)
    assert find_dates(doc, 1)[0].value == DateValue(date(2024, 7, 11), 1)


@pytest.mark.parametrize("text,lang,value", [
    # published Saturday 16 March 2024
    ("Six manifestants ont été tués par la police depuis vendredi soir.", "fr", DateValue(date(2024, 3, 15), 2)),
    ("At least 150 protesters have been arrested since Monday.", "en", DateValue(date(2024, 3, 13), 2)),
    ("Les combats se poursuivent depuis ce matin dans le quartier.", "fr", DateValue(date(2024, 3, 16), 1)),
])
def test_a_recent_since_day_is_the_span_until_the_reference(text, lang, value):
    assert first(text, lang=lang, published="2024-03-16") == value


def test_an_earlier_statement_about_the_incident_is_no_past_reference():
    text = ("L'administration pénitentiaire avait auparavant indiqué que trois détenus avaient été blessés lors "
            "d'affrontements entre détenus dans la prison de Latacunga.")
    assert len(events(text, "fr", "2022-10")) == 1
    old = "Auparavant, des affrontements dans la prison de Latacunga avaient fait seize morts parmi les détenus."
    assert events(old, "fr", "2022-10") == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le 5 mars, une embuscade a tué six soldats près de Tillabéri. Deux jours plus tard, des hommes armés ont "
           "enlevé dix villageois à Torodi."),
    ("en", "On March 5, an ambush killed six soldiers near Tillaberi. Two days later, gunmen abducted ten villagers "
           "in Torodi."),
])
def test_days_later_counts_from_the_day_told_before(lang: str, text: str) -> None:
    from eventwire.export import event_record
    evs = events(text, lang, "2024-03")
    assert [event_record(e)["event_date"] for e in evs] == ["2024-03-05", "2024-03-07"]


def test_the_end_of_last_week_is_last_weekend() -> None:
    from eventwire.export import event_record
    text = "L'attaque s'est produite en fin de semaine dernière près de Kaya, faisant douze morts parmi les soldats."
    evs = events(text, "fr", "2024-03-12")
    assert [(event_record(e)["event_date"], event_record(e)["time_precision"]) for e in evs] == [("2024-03-09", 2)]


def test_find_dates_keeps_a_sentence_answer_but_reads_an_edited_document_again():
    """find_dates is kept per document and sentence (the stages ask for the same sentence several times): the same
    answer every time, a list of the caller's own, and a document whose publication day or sentences changed is
    read again (French and English)."""
    fr = make_doc("Deux soldats ont été tués mardi près de Gao. La police a ouvert une enquête.", published="2024-03-14")
    hits = find_dates(fr, 0)
    assert [h.value for h in hits] == [DateValue(date(2024, 3, 12), 1)]
    hits.clear()   # the caller's list: the kept answer is untouched
    assert [h.value for h in find_dates(fr, 0)] == [DateValue(date(2024, 3, 12), 1)]
    fr.published = "2024-03-21"
    assert [h.value for h in find_dates(fr, 0)] == [DateValue(date(2024, 3, 19), 1)]

    en = make_doc("Police said on Monday that gunmen killed two farmers on Sunday near Kaduna.",
                  published="2024-05-08", lang="en")
    assert [h.value.day for h in find_dates(en, 0)] == [date(2024, 5, 6), date(2024, 5, 5)]
    en.sentences = [(0, en.text.index(" that"))]   # the sentence cut after "on Monday"
    assert [h.value.day for h in find_dates(en, 0)] == [date(2024, 5, 6)]


# ---- dates on unseen pages (issue #10, second dates round): articles written for these tests

@pytest.mark.parametrize("text, lang", [
    ("Des détenus ont affronté des gardiens dans la prison centrale de Guayaquil, faisant trois blessés. "
     "Un précédent massacre le 5 mars avait fait onze morts dans cette même prison.", "fr"),
    ("Inmates clashed with guards at the central prison in Guayaquil, injuring three. "
     "An earlier riot on March 5 had killed eleven inmates in the same prison.", "en"),
])
def test_an_earlier_incident_day_does_not_date_an_incident_that_tells_none(text, lang):
    """The day of an earlier incident recalled as such ("un précédent massacre le 5 mars avait fait", "an earlier
    riot on March 5 had killed") is no day of the news: the incident keeps the publication month."""
    [ev] = events(text, lang, "2024-03")
    assert (ev.date.value.day, ev.date.value.precision) == (date(2024, 3, 1), 3)


@pytest.mark.parametrize("text, lang", [
    ("SULAYMANIYAH - Deux soldats ont été tués lundi soir, le 11 mars, dans une attaque près de Kirkouk. "
     "Lundi, des jihadistes ont aussi tué quatre policiers sur la route de Daqouq.", "fr"),
    ("SULAYMANIYAH - Two soldiers were killed on Monday night (March 11) in an attack near Kirkuk. "
     "On Monday, militants also killed four policemen on the Daquq road.", "en"),
])
def test_a_date_restating_a_weekday_anchors_the_other_weekdays(text, lang):
    """ "Monday night (March 11)", "lundi soir, le 11 mars": the weekday and its date tell when the article was
    written, so another "Monday" of a month-only page is that day too."""
    doc = make_doc(text, published="2024-03", lang=lang)
    assert reference_date(doc)[1] == 1
    assert [h.value for h in find_dates(doc, 1) if h.value] == [DateValue(date(2024, 3, 11), 1)]


def _page_events(tmp_path, text: str, published: str = "2024-03"):
    """The events of a page read as a user feeds it (a text file whose first line gives the publication month)."""
    from eventwire.pipeline import extract_document
    return extract_document(read(f"{text}\n", published, tmp_path, "page.txt")).events


@pytest.mark.parametrize("text, day", [
    ("12 mars 2024 à 18:05\nDes hommes armés ont tué trois civils mardi matin près de Djibo.", date(2024, 3, 12)),
    ("12/03/2024 18h05\nDes hommes armés ont tué samedi quatre civils à Djibo.", date(2024, 3, 9)),
    ("Kinshasa, le 12 mars 2024 - Des miliciens ont tué onze civils lundi dans le territoire de Djugu.",
     date(2024, 3, 11)),
    ("Des soldats tués dans une embuscade\nPar Paul Diallo - 12 mars 2024\n"
     "Des jihadistes ont tué jeudi cinq soldats près de Nara.", date(2024, 3, 7)),
    ("12 Mar 2024\nA suicide bomber killed nine people at a market in Mogadishu on Monday.", date(2024, 3, 11)),
    ("Wednesday 13 March 2024 11.42 GMT\nRebels shelled a displacement camp near Goma on Tuesday, killing five people.",
     date(2024, 3, 12)),
    ("By John Smith, March 14, 2024\nGunmen killed eight worshippers at a mosque near Tillaberi on Tuesday.",
     date(2024, 3, 12)),
])
def test_a_page_date_line_anchors_the_weekday_and_is_no_incident_day(tmp_path, text, day):
    """A month-only page's own date line (a stamp with its hour, "Kinshasa, le 12 mars 2024 -", a byline closed by
    the date, "12 Mar 2024") gives the day the weekday is counted from; it is never the incident's day itself."""
    [ev] = _page_events(tmp_path, text)
    assert (ev.date.value.day, ev.date.value.precision) == (day, 1)


@pytest.mark.parametrize("text, lang, day", [
    ("Le gouverneur a indiqué mardi que des hommes armés avaient tué cinq civils la veille à Bankass.", "fr",
     date(2024, 3, 11)),
    ("L'armée a annoncé mardi que des jihadistes avaient attaqué l'avant-veille un poste près de Boni.", "fr",
     date(2024, 3, 10)),
    ("The governor said on Tuesday that gunmen had killed five villagers the day before near Bankass.", "en",
     date(2024, 3, 11)),
])
def test_the_day_before_counts_back_from_the_day_told_before(text, lang, day):
    """ "la veille", "l'avant-veille", "the day before": the day before the one told just before (here the day the
    news was told), not that day itself."""
    [ev] = events(text, lang, "2024-03-12")
    assert (ev.date.value.day, ev.date.value.precision) == (day, 1)


@pytest.mark.parametrize("text, lang", [
    ("À la veille de l'élection, des manifestants ont été dispersés par la police à Conakry.", "fr"),
    ("On the day before the vote, police dispersed protesters in Conakry.", "en"),
])
def test_the_eve_of_an_event_is_no_day_before(text, lang):
    doc = make_doc(text, published="2024-03-12", lang=lang)
    assert [h for h in find_dates(doc, 0) if h.value is not None] == []


@pytest.mark.parametrize("text, lang, published, day", [
    ("Des hommes armés ont attaqué le 3 courant un convoi humanitaire près de Gao.", "fr", "2024-03-12",
     date(2024, 3, 3)),
    ("Des hommes armés ont attaqué le 28 courant un convoi près de Gao.", "fr", "2024-03-12", date(2024, 2, 28)),
    ("Gunmen attacked an aid convoy near Gao on the 3rd of this month.", "en", "2024-03", date(2024, 3, 3)),
])
def test_a_day_of_the_current_month_is_that_day(text, lang, published, day):
    """ "le 3 courant", "the 3rd of this month": that day of the reference month (the month before when the
    day has not come yet)."""
    assert first(text, published=published, lang=lang) == DateValue(day, 1)


@pytest.mark.parametrize("text", [
    "Selon un bilan publié mardi par l'ONU, des frappes ont tué douze civils dimanche à Khartoum.",
    "Dans un communiqué diffusé mardi, l'armée dit que des frappes ont tué douze civils dimanche à Khartoum.",
    "Des frappes ont tué, a-t-on appris mardi, douze civils dimanche à Khartoum.",
])
def test_a_report_published_on_a_day_gives_that_day_to_no_incident(text):
    """ "un bilan publié mardi", "a-t-on appris mardi": the day the news was told, not the incident's (Sunday)."""
    [ev] = events(text, "fr", "2024-03-12")
    assert (ev.date.value.day, ev.date.value.precision) == (date(2024, 3, 10), 1)
