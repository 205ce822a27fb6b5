"""The temporal layer: yearless and relative French date expressions resolved against the text's own date.

Expected dates are worked out from a calendar: 14 March 2019 is a Thursday, 12 March 2019 a Tuesday,
4 October 2023 a Wednesday, 15 February 2021 a Monday (a Saturday in 2020, a Tuesday in 2022).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from coopsec.extract.dates import find_dates, format_span_fr
from coopsec.extract.timex import (
    NOTE_ANCHOR_YEAR,
    NOTE_CONTEXT,
    NOTE_FOLLOWING_DATE,
    NOTE_FUTURE,
    NOTE_LAST,
    NOTE_NEXT,
    NOTE_NEXT_IN_FUTURE,
    NOTE_PAST,
    NOTE_PREVIOUS_DATE,
    NOTE_RELATIVE,
    NOTE_SINCE,
    NOTE_WEEKDAY,
    find_times,
)
from coopsec.model import DateSpan

D = date
THURSDAY = D(2019, 3, 14)


def found(text: str, anchor: date | None = THURSDAY, context_year: int | None = None) -> list[tuple]:
    """(wording, start, end, precision, note) of every match, checking that offsets point at the wording."""
    matches = find_times(text, anchor, context_year)
    for match in matches:
        assert text[match.start : match.end] == match.span.text
    return [(m.span.text, m.span.start, m.span.end, m.span.precision, m.note) for m in matches]


def one(text: str, anchor: date | None = THURSDAY, context_year: int | None = None) -> tuple:
    """(start, end, precision, note) of the only match."""
    matches = found(text, anchor, context_year)
    assert len(matches) == 1, matches
    return matches[0][1:]


def day(when: date, note: str = NOTE_RELATIVE) -> tuple:
    return when, when, "day", note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hier", day(D(2019, 3, 13))),
        ("avant-hier", day(D(2019, 3, 12))),
        ("demain", day(D(2019, 3, 15))),
        ("après-demain", day(D(2019, 3, 16))),
        ("aujourd'hui", day(THURSDAY)),
        ("Le rapport adopté ce jour", day(THURSDAY)),
        ("Il est attendu cet après-midi à Accra", day(THURSDAY)),
        ("Les ministres dîneront ce soir", day(THURSDAY)),
        ("Ce matin, le comité a siégé", day(THURSDAY)),
        ("Les ministres se sont réunis mardi", day(D(2019, 3, 12))),
        ("Il a été reçu jeudi", day(THURSDAY)),  # on or before the anchor: the very day
        ("La réunion se tiendra mardi à Paris", day(D(2019, 3, 19), NOTE_FUTURE)),
        ("Le comité doit se réunir samedi", day(D(2019, 3, 16), NOTE_FUTURE)),
        ("La visite est prévue lundi", day(D(2019, 3, 18), NOTE_FUTURE)),
        ("Les combats durent depuis dimanche", (D(2019, 3, 10), THURSDAY, "day", NOTE_SINCE)),
        ("Le ministre se rendra à Rome ; depuis dimanche, les combats ont repris",
         (D(2019, 3, 10), THURSDAY, "day", NOTE_SINCE)),
        ("mardi dernier", day(D(2019, 3, 12), NOTE_LAST)),
        ("jeudi dernier", day(D(2019, 3, 7), NOTE_LAST)),  # strictly before the anchor
        ("jeudi prochain", day(D(2019, 3, 21), NOTE_NEXT)),  # strictly after the anchor
        ("Les ministres se réuniront jeudi et vendredi prochains", (D(2019, 3, 21), D(2019, 3, 22), "day", NOTE_NEXT)),
        ("Les experts se réuniront vendredi et samedi", (D(2019, 3, 15), D(2019, 3, 16), "day", NOTE_FUTURE)),
        ("la semaine dernière", (D(2019, 3, 4), D(2019, 3, 10), "day", NOTE_RELATIVE)),
        ("la semaine prochaine", (D(2019, 3, 18), D(2019, 3, 24), "day", NOTE_RELATIVE)),
        ("le mois prochain", (D(2019, 4, 1), D(2019, 4, 30), "month", NOTE_RELATIVE)),
        ("au cours du mois dernier", (D(2019, 2, 1), D(2019, 2, 28), "month", NOTE_RELATIVE)),
        ("l'an dernier", (D(2018, 1, 1), D(2018, 12, 31), "year", NOTE_RELATIVE)),
        ("l’année prochaine", (D(2020, 1, 1), D(2020, 12, 31), "year", NOTE_RELATIVE)),
    ],
)
def test_relative_expressions(text: str, expected: tuple) -> None:
    assert one(text) == expected


def test_relative_months_and_weeks_across_a_year_end() -> None:
    assert one("le mois dernier", D(2019, 1, 10)) == (D(2018, 12, 1), D(2018, 12, 31), "month", NOTE_RELATIVE)
    assert one("le mois prochain", D(2018, 12, 10)) == (D(2019, 1, 1), D(2019, 1, 31), "month", NOTE_RELATIVE)
    assert one("la semaine prochaine", D(2018, 12, 27)) == (D(2018, 12, 31), D(2019, 1, 6), "day", NOTE_RELATIVE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # the anchor is Thursday 14 March 2019
        ("La prochaine session se tiendra en juin à Genève.", (D(2019, 6, 1), D(2019, 6, 30), "month",
                                                               NOTE_NEXT_IN_FUTURE)),
        ("Le sommet se tiendra en février à Addis-Abeba.", (D(2020, 2, 1), D(2020, 2, 29), "month",
                                                            NOTE_NEXT_IN_FUTURE)),
        ("La réunion de novembre a adopté un plan.", (D(2018, 11, 1), D(2018, 11, 30), "month", NOTE_PAST)),
        # told in the past: the September before, though the next one is as near
        ("La réunion de septembre a adopté un plan.", (D(2018, 9, 1), D(2018, 9, 30), "month", NOTE_PAST)),
        ("lors de la visite d'octobre dernier", (D(2018, 10, 1), D(2018, 10, 31), "month", NOTE_LAST)),
        ("au sommet de mai prochain", (D(2019, 5, 1), D(2019, 5, 31), "month", NOTE_NEXT)),
        ("une réunion s'est tenue mi-janvier", (D(2019, 1, 1), D(2019, 1, 31), "month", NOTE_PAST)),
        ("le rapport au Conseil lors de sa session de décembre", (D(2018, 12, 1), D(2018, 12, 31), "month",
                                                                  NOTE_ANCHOR_YEAR)),  # the nearest December
    ],
)
def test_a_month_without_its_year_is_the_one_its_tense_or_word_says(text: str, expected: tuple) -> None:
    assert one(text) == expected


def test_a_month_with_its_year_or_a_day_is_no_yearless_month() -> None:
    assert [m.span.precision for m in find_times("le 12 mai 2019 et en mai 2020", D(2019, 3, 14))] == ["day", "month"]
    assert [m.span.iso() for m in find_times("du 3 au 5 mai", D(2019, 3, 14))] == [("2019-05-03", "2019-05-05")]


def test_each_clause_has_its_tense() -> None:
    text = "Les ministres, qui se sont réunis mardi, se rendront vendredi à Rome."
    assert [m[1] for m in found(text)] == [D(2019, 3, 12), D(2019, 3, 15)]


def test_a_clause_without_a_verb_takes_the_tense_of_its_sentence() -> None:
    assert one("Le Conseil se réunira à Bruxelles, mardi, pour adopter le texte.")[0] == D(2019, 3, 19)
    assert one("Le Conseil s'est réuni à Bruxelles, mardi. Il se réunira de nouveau.")[0] == D(2019, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "le dernier sommet",
        "la dernière réunion du comité",
        "lors de la prochaine session",
        "chaque mardi",
        "du lundi au vendredi",
        "tous les lundis",
        "l'Europe de demain",
        "les menaces d'hier",
        "à la veille du sommet",
        "le lendemain des élections",
        "ce jour-là",
        "mardi 15",  # neither month nor year: no guess
    ],
)
def test_no_date_in(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text", ["hier", "mardi dernier", "la semaine prochaine", "l'an dernier", "aujourd'hui", "le 10 mars", "la veille"]
)
def test_unresolvable_without_an_anchor(text: str) -> None:
    assert found(text, None) == []


def test_yearless_dates_share_the_year_of_their_enumeration() -> None:
    text = "les réunions d'Ischia, les 10 et 11 avril, et de Toronto, les 23 et 24 avril 2018"
    assert found(text, None) == [
        ("les 10 et 11 avril", D(2018, 4, 10), D(2018, 4, 11), "day", NOTE_FOLLOWING_DATE),
        ("les 23 et 24 avril 2018", D(2018, 4, 23), D(2018, 4, 24), "day", ""),
    ]
    assert found("les 5 et 6 mars et le 12 avril 2019", None)[0][1:3] == (D(2019, 3, 5), D(2019, 3, 6))
    starts = [m[1] for m in found("le 3 mars, le 5 avril et le 12 mai 2019", D(2021, 1, 1), 2015)]
    assert starts == [D(2019, 3, 3), D(2019, 4, 5), D(2019, 5, 12)]


def test_december_before_january_is_of_the_year_before() -> None:
    assert [m[1] for m in found("le 10 décembre et le 5 janvier 2019", None)] == [D(2018, 12, 10), D(2019, 1, 5)]


@pytest.mark.parametrize("text", ["Réunion le 10 mars. Puis le 12 avril 2019", "le 10 mars ; le 12 avril 2019"])
def test_a_sentence_end_stops_the_shared_year(text: str) -> None:
    assert found(text, D(2020, 6, 1))[0][1:] == day(D(2020, 3, 10), NOTE_ANCHOR_YEAR)


def test_dernier_and_prochain_after_a_yearless_date() -> None:
    assert found("le 6 décembre dernier", D(2018, 1, 22)) == [
        ("le 6 décembre dernier", D(2017, 12, 6), D(2017, 12, 6), "day", NOTE_LAST)
    ]
    assert one("le 15 décembre prochain", D(2018, 1, 22)) == day(D(2018, 12, 15), NOTE_NEXT)
    assert one("le 15 décembre prochain", D(2018, 12, 15)) == day(D(2018, 12, 15), NOTE_NEXT)
    assert one("le 14 mars dernier", THURSDAY) == day(D(2018, 3, 14), NOTE_LAST)
    assert one("les 5 et 6 décembre derniers", D(2019, 2, 1))[:2] == (D(2018, 12, 5), D(2018, 12, 6))
    assert one("le 29 février dernier", D(2019, 3, 1)) == day(D(2016, 2, 29), NOTE_LAST)


def test_the_written_weekday_chooses_the_year() -> None:
    assert found("Réunion ce mercredi 4 octobre", D(2023, 10, 5)) == [
        ("mercredi 4 octobre", D(2023, 10, 4), D(2023, 10, 4), "day", NOTE_WEEKDAY)
    ]
    assert one("lundi 15 février", D(2020, 12, 20)) == day(D(2021, 2, 15), NOTE_WEEKDAY)
    assert one("le lundi 15 février", None, 2022) == day(D(2021, 2, 15), NOTE_WEEKDAY)
    assert one("dimanche 15 février", D(2021, 6, 1)) == day(D(2021, 2, 15), NOTE_ANCHOR_YEAR)  # no year fits


def test_otherwise_the_context_year_then_the_anchor_year() -> None:
    assert one("le 3 mai", THURSDAY, 2015) == day(D(2015, 5, 3), NOTE_CONTEXT)
    assert one("le 3 mai", None, 2015) == day(D(2015, 5, 3), NOTE_CONTEXT)
    assert one("le 3 mai", THURSDAY) == day(D(2019, 5, 3), NOTE_ANCHOR_YEAR)
    assert found("le 29 février", THURSDAY) == []
    assert found("le 3 mai", None) == []


def test_a_yearless_date_near_a_year_end_takes_the_year_nearest_to_the_anchor() -> None:
    assert one("le 10 décembre", D(2019, 1, 15)) == day(D(2018, 12, 10), NOTE_ANCHOR_YEAR)
    assert one("le 10 janvier", D(2019, 12, 20)) == day(D(2020, 1, 10), NOTE_ANCHOR_YEAR)
    assert one("le 10 juillet", D(2019, 1, 15)) == day(D(2019, 7, 10), NOTE_ANCHOR_YEAR)


def test_depuis_a_recent_day_runs_until_the_anchor() -> None:
    assert one("la tenue, depuis le 2 mars 2019, de la session") == (D(2019, 3, 2), THURSDAY, "day", NOTE_SINCE)
    assert one("l'action engagée depuis le 11 janvier 2019") == day(D(2019, 1, 11), "")  # weeks ago: a day
    assert one("la réunion du 2 mars 2019") == day(D(2019, 3, 2), "")


def test_a_date_written_in_full_earlier_in_the_paragraph_gives_the_context() -> None:
    text = "La réunion de Lomé du 12 mars 2016 a préparé celle du 4 juillet."
    assert found(text, THURSDAY, 2019)[1][1:] == day(D(2016, 7, 4), NOTE_CONTEXT)


def test_a_yearless_date_told_in_the_future_is_after_the_texts_date() -> None:
    # Written on Thursday 14 March 2019: November 2018 is nearer, but "se réunira" is to come.
    assert one("L'Assemblée se réunira du 4 au 7 novembre.") == (
        D(2019, 11, 4), D(2019, 11, 7), "day", NOTE_NEXT_IN_FUTURE)
    assert one("L'Assemblée s'est réunie du 4 au 7 novembre.")[:2] == (D(2018, 11, 4), D(2018, 11, 7))


def test_the_context_year_never_puts_a_date_before_the_date_that_gave_it() -> None:
    # Written on 5 July 2023: an attack of December 2018 recalled in passing does not send the visit of
    # "le 12 avril" back to April 2018; the year nearest the text's day is taken.
    text = "Elle a rappelé l'attentat du 17 décembre 2018. Le 12 avril, elle a visité le bureau de Salé."
    assert found(text, D(2023, 7, 5))[1][1:] == day(D(2023, 4, 12), NOTE_ANCHOR_YEAR)
    text = ("Prenant acte des conclusions de la réunion tenue à Lyon les 9 et 10 avril 2024, et des orientations"
            " arrêtées par le Comité, réuni les 28 et 29 janvier ;")
    assert found(text, D(2025, 3, 6))[1][1:] == (D(2025, 1, 28), D(2025, 1, 29), "day", NOTE_ANCHOR_YEAR)
    text = "La réunion du 12 mars 2016 a préparé celle du 4 juillet."  # forward: the context's year
    assert found(text, D(2023, 7, 5))[1][1:] == day(D(2016, 7, 4), NOTE_CONTEXT)
    text = "Elle a rappelé l'attentat du 17 décembre 2018. Le 12 avril, elle a visité le bureau de Salé."
    assert found(text, None)[1][1:] == day(D(2018, 4, 12), NOTE_CONTEXT)  # no text date to prefer


def test_last_year_said_in_words_gives_the_year_of_the_dates_after_it() -> None:
    # Written on 21 November 2018: "l'an dernier" is 2017, and so is the September it speaks of, though the
    # September nearest to the text's day is 2018's; "l'an prochain" puts July in 2019, not in July 2018.
    text = "L'an dernier, c'est à Pékin, du 26 au 29 septembre, que s'était réunie l'Assemblée générale."
    assert found(text, D(2018, 11, 21))[1][1:] == (D(2017, 9, 26), D(2017, 9, 29), "day", NOTE_CONTEXT)
    text = "L'an prochain, la session se tiendra du 3 au 5 juillet."
    assert found(text, D(2018, 11, 21))[1][1:] == (D(2019, 7, 3), D(2019, 7, 5), "day", NOTE_CONTEXT)


def test_eve_and_morrow_of_the_last_day_named() -> None:
    assert found("le 10 mars 2011, puis la veille", THURSDAY)[1][1:] == day(D(2011, 3, 9), NOTE_PREVIOUS_DATE)
    text = "La conférence s'est tenue les 8 et 9 avril 2013 ; le lendemain, les experts ont rédigé le rapport."
    assert found(text, None)[1][1:] == day(D(2013, 4, 10), NOTE_PREVIOUS_DATE)
    assert one("La veille, le ministre avait rencontré son homologue.") == day(D(2019, 3, 13))
    assert found("en avril 2013, puis le lendemain")[1][1:] == day(D(2019, 3, 15))  # a month is no day to count from


def test_eve_of_a_day_still_to_come_named_in_the_paragraph_before() -> None:
    # A note of 14 March proposes a session "les 9 et 10 avril 2019", then: "Cette session serait précédée, la
    # veille, d'une réunion des experts": the eve of 9 April; a past day before does not say it (the eve of
    # "la réunion tenue la veille" in a communiqué is the day before the text's own day).
    text = "Cette session serait précédée, la veille, d'une réunion préparatoire des experts."
    proposed = DateSpan(D(2019, 4, 9), D(2019, 4, 10), "day", "les 9 et 10 avril 2019")
    (match,) = find_times(text, THURSDAY, previous_day=proposed)
    assert (match.span.start, match.span.end, match.note) == (D(2019, 4, 8), D(2019, 4, 8), NOTE_PREVIOUS_DATE)
    past = DateSpan(D(2008, 11, 25), D(2008, 11, 25), "day", "le 25 novembre 2008")
    (match,) = find_times("La réunion des hauts fonctionnaires, tenue la veille.", THURSDAY, previous_day=past)
    assert (match.span.start, match.note) == (D(2019, 3, 13), NOTE_RELATIVE)


def test_absolute_dates_hide_their_weekday() -> None:
    assert found("lundi 15 février 2021", THURSDAY) == [
        ("lundi 15 février 2021", D(2021, 2, 15), D(2021, 2, 15), "day", "")
    ]


def test_bare_years_only_when_asked() -> None:
    assert find_times("créé en 2016", THURSDAY) == []
    (match,) = find_times("créé en 2016", THURSDAY, years=True)
    assert (match.span.start, match.span.end, match.span.precision) == (D(2016, 1, 1), D(2016, 12, 31), "year")


@pytest.mark.parametrize("text", ["HIER", "La Semaine Derniere", "apres-demain", "L’ANNÉE DERNIÈRE", "MARDI DERNIER"])
def test_case_and_accents_do_not_matter(text: str) -> None:
    assert len(found(text)) == 1


def test_reading_order() -> None:
    text = "Hier, le Conseil a rappelé la réunion du 3 mars 2019 et celle du 10 mars ; il se réunira demain."
    assert found(text) == [
        ("Hier", D(2019, 3, 13), D(2019, 3, 13), "day", NOTE_RELATIVE),
        ("3 mars 2019", D(2019, 3, 3), D(2019, 3, 3), "day", ""),
        ("10 mars", D(2019, 3, 10), D(2019, 3, 10), "day", NOTE_CONTEXT),
        ("demain", D(2019, 3, 15), D(2019, 3, 15), "day", NOTE_RELATIVE),
    ]


# --- Properties ----------------------------------------------------------------------------------

DAYS = st.dates(min_value=D(1950, 1, 1), max_value=D(2080, 12, 31))
FILLER = st.sampled_from(["réunion", "à Paris", ",", "et", "; ", "la conférence", "des experts", "(", ")", "les"])


@st.composite
def absolute_text(draw: st.DrawFn) -> str:
    """Full dates, ranges and months in French words between words that are no date."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(DAYS)
        end = start + timedelta(draw(st.integers(0, 40)))
        precision = draw(st.sampled_from(["day", "month"]))
        parts += [draw(FILLER), format_span_fr(DateSpan(start, end, precision, "")), draw(FILLER)]
    return " ".join(parts)


@given(absolute_text(), st.none() | DAYS, st.none() | st.integers(1950, 2080), st.booleans())
def test_absolute_dates_come_out_as_find_dates_reads_them(
    text: str, anchor: date | None, context_year: int | None, years: bool
) -> None:
    assert find_times(text, anchor, context_year, years=years) == find_dates(text, years=years)


@given(DAYS, st.integers(-300, 300))
def test_a_written_weekday_finds_its_day_around_the_anchor(when: date, offset: int) -> None:
    text = format_date(when, "EEEE d MMMM", locale="fr")
    assert one(text, when + timedelta(offset)) == day(when, NOTE_WEEKDAY)


@given(DAYS, st.integers(1, 365))
def test_dernier_is_the_latest_such_day_before_the_anchor(when: date, offset: int) -> None:
    text = f"le {format_date(when, 'd MMMM', locale='fr')} dernier"
    assert one(text, when + timedelta(offset)) == day(when, NOTE_LAST)


@given(DAYS, st.integers(0, 6), st.sampled_from(["dernier", "prochain"]))
def test_weekdays_dernier_and_prochain_fall_within_a_week(anchor: date, weekday: int, word: str) -> None:
    name = format_date(D(2019, 3, 11) + timedelta(weekday), "EEEE", locale="fr")  # 11 March 2019: a Monday
    ((start, end, _, _),) = [m[1:] for m in found(f"{name} {word}", anchor)]
    gap = (start - anchor).days
    assert start == end and start.weekday() == weekday
    assert (-7 <= gap <= -1) if word == "dernier" else (1 <= gap <= 7)


@given(st.text(alphabet="0123456789 /-–().,lesduhiermadtcvnjp'àé", max_size=60), st.none() | DAYS)
def test_never_crashes(text: str, anchor: date | None) -> None:
    for match in find_times(text, anchor, 2012):
        assert match.span.start <= match.span.end


def test_a_day_written_alone_after_a_date_of_its_sentence_is_in_that_month() -> None:
    text = "Il s'est rendu à Dakar le 12 mai 2021, à Bamako le 14, puis à Niamey le 16."
    assert [m.span.iso() for m in find_times(text, D(2021, 6, 1))] == [
        ("2021-05-12", "2021-05-12"), ("2021-05-14", "2021-05-14"), ("2021-05-16", "2021-05-16")]


@pytest.mark.parametrize("text", ["le 12 mars 2020, le 27 membres ont voté", "le 3 juin 2021. Le 2 est pair",
                                  "le 3 juin 2021 et le 2,5 % restants"])
def test_a_number_after_a_date_is_no_day(text: str) -> None:
    assert len(find_times(text, D(2021, 6, 1))) == 1


def test_the_eve_of_a_relative_day_is_the_day_before_it() -> None:
    text = "Jeudi prochain, il sera à Bruxelles. La veille, il rencontrera ses homologues."
    found = {text[m.start : m.end]: m.span.iso() for m in find_times(text, D(2024, 2, 9))}
    assert found["La veille"] == ("2024-02-14", "2024-02-14")  # the Wednesday before Thursday 15 February


def test_days_written_alone_after_a_month_are_in_that_month() -> None:
    text = "En février, à Munich, du 15 au 17, la ministre a participé à la conférence."
    found = {text[m.start : m.end]: m.span.iso() for m in find_times(text, D(2019, 12, 30))}
    assert found["du 15 au 17"] == ("2019-02-15", "2019-02-17")
