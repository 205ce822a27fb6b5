"""French date expressions, in the forms the corpus uses and a few more."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopsec.extract.dates import find_dates, format_iso_fr, format_span_fr
from coopsec.model import DateSpan


def one(text: str, context_year: int | None = None) -> tuple[date, date, str]:
    matches = find_dates(text, context_year)
    assert len(matches) == 1, matches
    span = matches[0].span
    return span.start, span.end, span.precision


D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 4 novembre 2014", (D(2014, 11, 4), D(2014, 11, 4), "day")),
        ("tenue à Alger le 09 Juillet 2012 ;", (D(2012, 7, 9), D(2012, 7, 9), "day")),
        ("le 1er mars 2013", (D(2013, 3, 1), D(2013, 3, 1), "day")),
        ("le mardi 7 février 2012 à 14h30", (D(2012, 2, 7), D(2012, 2, 7), "day")),
        ("Dates: Mardi 18 juin 2019 - 11:15", (D(2019, 6, 18), D(2019, 6, 18), "day")),
        ("modifié le 18/06/2019 - 11:23", (D(2019, 6, 18), D(2019, 6, 18), "day")),
        ("19/06/2018", (D(2018, 6, 19), D(2018, 6, 19), "day")),
        ("Alger les 08 et 09 Avril 2013", (D(2013, 4, 8), D(2013, 4, 9), "day")),
        ("tenue les 5 et 6 Octobre 2012 à la Valette", (D(2012, 10, 5), D(2012, 10, 6), "day")),
        ("organisé à Rabat le 17 et 18 octobre 2012", (D(2012, 10, 17), D(2012, 10, 18), "day")),
        ("organisée à Rabat du 13 au 15 mars 2013", (D(2013, 3, 13), D(2013, 3, 15), "day")),
        ("se rendra au Maroc, du 22 au 24 mai 2012,", (D(2012, 5, 22), D(2012, 5, 24), "day")),
        ("les 21-22 mai 2008", (D(2008, 5, 21), D(2008, 5, 22), "day")),
        ("les 21–22 mai 2008", (D(2008, 5, 21), D(2008, 5, 22), "day")),
        ("du 30 juin au 2 juillet 2015", (D(2015, 6, 30), D(2015, 7, 2), "day")),
        ("du 28 décembre 2015 au 3 janvier 2016", (D(2015, 12, 28), D(2016, 1, 3), "day")),
        ("du 28 décembre au 3 janvier 2016", (D(2015, 12, 28), D(2016, 1, 3), "day")),
        ("s'est tenue en octobre 2022 à Buenos Aires", (D(2022, 10, 1), D(2022, 10, 31), "month")),
        ("consultations menées en septembre 2023", (D(2023, 9, 1), D(2023, 9, 30), "month")),
        ("septembre 2023", (D(2023, 9, 1), D(2023, 9, 30), "month")),
        ("en février 2012", (D(2012, 2, 1), D(2012, 2, 29), "month")),
        ("le 12 Janvier 2013 ;", (D(2013, 1, 12), D(2013, 1, 12), "day")),
        ("le mercredi 29 et le jeudi 30 novembre 2017", (D(2017, 11, 29), D(2017, 11, 30), "day")),
        ("Diffusé le 14 févr. 2019", (D(2019, 2, 14), D(2019, 2, 14), "day")),
        ("TUNIS, 14 nov 2018 (AFP) -", (D(2018, 11, 14), D(2018, 11, 14), "day")),
        ("du 3 au 5 déc. 2019", (D(2019, 12, 3), D(2019, 12, 5), "day")),
        ("en sept. 2020", (D(2020, 9, 1), D(2020, 9, 30), "month")),
        ("se tiendra ce lundi 4 et ce mardi 5 juin 2018", (D(2018, 6, 4), D(2018, 6, 5), "day")),
    ],
)
def test_date_forms(text: str, expected: tuple[date, date, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize("text", ["le 7 fevrier 2012", "LE 7 FÉVRIER 2012", "le 7 FEVRIER 2012", "7 Février 2012"])
def test_case_and_accents_do_not_matter(text: str) -> None:
    assert one(text) == (D(2012, 2, 7), D(2012, 2, 7), "day")


def test_offsets_point_at_the_wording() -> None:
    text = "Rappelant la 14ème CIMO, tenue à Venise les 23 et 24 Novembre 2009 ;"
    (match,) = find_dates(text)
    assert text[match.start : match.end] == "les 23 et 24 Novembre 2009" == match.span.text


def test_several_dates_in_reading_order() -> None:
    text = "En mai 2018, elle signe en mai 2018 ; le 11 juin 2018, à Paris ; Publié le 19 juin 2018"
    starts = [m.span.start for m in find_dates(text)]
    assert starts == [D(2018, 5, 1), D(2018, 5, 1), D(2018, 6, 11), D(2018, 6, 19)]


def test_year_from_context() -> None:
    assert one("se tenant à Rabat les 7 et 8 février ;", 2012) == (D(2012, 2, 7), D(2012, 2, 8), "day")
    assert one("le 3 mai", 2015) == (D(2015, 5, 3), D(2015, 5, 3), "day")
    assert find_dates("se tenant à Rabat les 7 et 8 février ;") == []


def test_written_year_beats_context() -> None:
    assert one("le 4 novembre 2014", 1999) == (D(2014, 11, 4), D(2014, 11, 4), "day")


@pytest.mark.parametrize(
    "text",
    [
        "la résolution 2178 (2014) du Conseil de sécurité",
        "100 ans de coopération policière internationale",
        "la criminalité du 21ème siècle",
        "depuis 1994, en 1995",
        "12838/23 et 12517/1/23 REV 1",
        "n°. 143/4 P/2012/CRY",
        "PPC-DS(2012)0009",
        "le 31 février 2013",
        "du 15 au 3 mars 2013",
        "le 32 mai 2013",
        "le 30/02/2013",
        "en mars",
        "le 14 novateur 2018",
        "les 3 et 4 octets 2019",
    ],
)
def test_no_date_in(text: str) -> None:
    assert find_dates(text, None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bruxelles, le 15 mars 2013.", [("le 15 mars 2013", "day")]),
        ("(du 3 au 5 mars 2013)", [("du 3 au 5 mars 2013", "day")]),
        ("Rabat,15 mars 2013", [("mars 2013", "month")]),  # a number right after a comma is no day
        ("le 1.5 mars 2013", [("mars 2013", "month")]),
        ("le 15 mars 2013/14", [("le 15 mars", "day")]),  # "2013/14" is no year
    ],
)
def test_dates_next_to_punctuation(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.span.text, m.span.precision) for m in find_dates(text, 2020)] == expected


def test_impossible_date_does_not_become_a_month() -> None:
    assert [m.span.text for m in find_dates("le 31 février 2013 et le 1er mars 2013")] == ["le 1er mars 2013"]


def test_bare_years_only_when_asked() -> None:
    text = "la résolution 2178 (2014) et le 4 novembre 2014"
    assert [m.span.precision for m in find_dates(text)] == ["day"]
    found = find_dates(text, years=True)
    assert [(m.span.precision, m.span.start) for m in found] == [
        ("year", D(2014, 1, 1)),
        ("day", D(2014, 11, 4)),
    ]
    assert found[0].span.end == D(2014, 12, 31)


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2014, 11, 4), D(2014, 11, 4), "day", "4 novembre 2014"),
        (D(2013, 3, 1), D(2013, 3, 1), "day", "1er mars 2013"),
        (D(2013, 4, 8), D(2013, 4, 9), "day", "8–9 avril 2013"),
        (D(2013, 3, 1), D(2013, 3, 3), "day", "1er–3 mars 2013"),
        (D(2015, 6, 30), D(2015, 7, 2), "day", "30 juin–2 juillet 2015"),
        (D(2015, 12, 28), D(2016, 1, 3), "day", "28 décembre 2015–3 janvier 2016"),
        (D(2022, 10, 1), D(2022, 10, 31), "month", "octobre 2022"),
        (D(2014, 1, 1), D(2014, 12, 31), "year", "2014"),
    ],
)
def test_format_span_fr(start: date, end: date, precision: str, expected: str) -> None:
    assert format_span_fr(DateSpan(start, end, precision, "")) == expected


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_formatted_day_reads_back(day: date) -> None:
    text = format_span_fr(DateSpan(day, day, "day", ""))
    assert one(f"le {text}") == (day, day, "day")


@given(st.text(alphabet="0123456789 /-–().,lesdu", max_size=40))
def test_never_crashes_on_digit_soup(text: str) -> None:
    for match in find_dates(text, 2012):
        assert match.span.start <= match.span.end


def test_iso_dates_in_french_words():
    assert format_iso_fr("2013-04-09") == "9 avril 2013"
    assert format_iso_fr("2013-03-01") == "1er mars 2013"
    assert format_iso_fr("2012-03") == "mars 2012"
    assert format_iso_fr("2014") == "2014"
    assert format_iso_fr("vers 2010") == "vers 2010"


def test_yearless_dates_are_marked() -> None:
    matches = find_dates("le 3 mai et le 4 juin 2015, puis le 18/06/2019", 2015)
    assert [(m.span.text, m.yearless, m.note) for m in matches] == [
        ("le 3 mai", True, ""),
        ("le 4 juin 2015", False, ""),
        ("le 18/06/2019", False, ""),
    ]


@pytest.mark.parametrize(("text", "span"), [
    ("au sommet de Riga, les 27, 28 et 29 novembre 2006, et", ("2006-11-27", "2006-11-29")),
    ("les 3, 4, 5 et 6 mai 2021", ("2021-05-03", "2021-05-06")),
    ("le point 12, les 13 et 14 mai 2020", ("2020-05-13", "2020-05-14")),  # a number before is no day
    ("Accra, Centre international de conférences – 12, 13 et 14 juin 2018", ("2018-06-12", "2018-06-14")),
    ("5, 6 et 7 octobre 2015 : séminaire régional", ("2015-10-05", "2015-10-07")),  # no article, a line's start
])
def test_days_enumerated_before_a_pair_open_the_range(text: str, span: tuple[str, str]) -> None:
    (found,) = find_dates(text)
    assert found.span.iso() == span


@pytest.mark.parametrize(("text", "spans"), [
    ("lors de ses séances des 3 et 17 mars 2021.", [("2021-03-03", "2021-03-03"), ("2021-03-17", "2021-03-17")]),
    ("le 2 et le 9 juin 2019", [("2019-06-02", "2019-06-02"), ("2019-06-09", "2019-06-09")]),
    ("les 3 et 4 mars 2021", [("2021-03-03", "2021-03-04")]),  # two days that follow are one range
])
def test_two_days_apart_joined_by_et_are_two_dates(text: str, spans: list[tuple[str, str]]) -> None:
    assert [found.span.iso() for found in find_dates(text)] == spans


def test_a_month_shortened_as_agencies_do() -> None:
    (found,) = find_dates("Tallinn, 14 fév 2024 (AFP) - Les ministres")
    assert found.span.iso() == ("2024-02-14", "2024-02-14")


def test_a_number_after_a_counting_noun_is_no_day() -> None:
    assert [m.span.iso() for m in find_dates("Jour 1 – 14 novembre 2005")] == [("2005-11-14", "2005-11-14")]
    assert [m.span.iso() for m in find_dates("mis à jour le 2 septembre 2024")] == [("2024-09-02", "2024-09-02")]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2 07-09/11/2021 Séminaire régional", date(2021, 11, 7), date(2021, 11, 9)),  # a table's row
    ("du 28/02 au 03/03/2020", date(2020, 2, 28), date(2020, 3, 3)),
    ("du 29/12 au 04/01/2019", date(2018, 12, 29), date(2019, 1, 4)),  # the year turns
])
def test_days_in_figures_as_a_range(text: str, start: date, end: date) -> None:
    (found,) = find_dates(text)
    assert (found.span.start, found.span.end) == (start, end)


def test_a_range_in_figures_that_cannot_be_is_no_date() -> None:
    assert find_dates("12-10/04/2019") == []  # the last day before the first


@pytest.mark.parametrize(("text", "span"), [
    ("se retrouveront à Oslo les 31 mai et 1er juin 2023 pour", ("2023-05-31", "2023-06-01")),
    ("les 30 septembre et 1er octobre 2016", ("2016-09-30", "2016-10-01")),
    ("le 31 décembre 2009 et le 1er janvier 2010", ("2009-12-31", "2010-01-01")),
])
def test_the_last_day_of_a_month_and_the_first_of_the_next_are_one_range(text: str, span: tuple[str, str]) -> None:
    (found,) = find_dates(text)
    assert found.span.iso() == span


def test_two_days_of_two_months_that_do_not_follow_each_other_stay_two_dates() -> None:
    assert [d.span.iso() for d in find_dates("les 29 mai et 1er juin 2023", 2023)] == [
        ("2023-05-29", "2023-05-29"), ("2023-06-01", "2023-06-01")]
    assert [d.span.iso() for d in find_dates("les 30 juillet et 10 août 2019", 2019)] == [
        ("2019-07-30", "2019-07-30"), ("2019-08-10", "2019-08-10")]
