"""French date expressions: single days, ranges, months, found in running text.

Month and weekday names come from babel's French locale data; calendar
arithmetic from :mod:`calendar`. Matching ignores case and accents
(``fevrier``, ``FÉVRIER``, ``Février``) but offsets always refer to the
original text.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, partial

from babel.dates import format_date, get_day_names, get_month_names

from coopsec.model import DateSpan
from coopsec.text import fold, loose

_ABBREVIATED = {number: name.rstrip(".") for number, name in get_month_names("abbreviated", locale="fr").items()}
"""Month names as press bylines and web pages shorten them: "14 févr. 2019", "14 nov 2018"."""
_PRESS_ABBREVIATED = {2: "fév", 9: "sep"}
"""Shortenings the locale data lacks that agencies write: "14 fév 2024 (AFP)"."""
_MONTH_NUMBERS = {fold(name): number for names in (get_month_names("wide", locale="fr"), _ABBREVIATED,
                                                   _PRESS_ABBREVIATED) for number, name in names.items()}


def _names(names: Mapping[int, str]) -> str:
    """A regex for any of ``names`` (longest first), with a quick look at the first letter before the names."""
    ordered = sorted(names.values(), key=len, reverse=True)
    firsts = {char for name in ordered for char in (name[0], unicodedata.normalize("NFKD", name[0])[0])}
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])(?:{'|'.join(loose(name) for name in ordered)})"


_SHORT_MONTH = "|".join(
    loose(name.rstrip(".")) + (r"\.?" if name.endswith(".") else "")
    for name in sorted([*get_month_names("abbreviated", locale="fr").values(),
                        *(f"{name}." for name in _PRESS_ABBREVIATED.values())], key=len, reverse=True)
)
_WIDE_MONTHS = get_month_names("wide", locale="fr")
MONTH_NAME = _names(_WIDE_MONTHS)
"""A French month name in full, from Babel's locale data, its accents optional (``fevrier``)."""
_MONTH = rf"({MONTH_NAME}|{_SHORT_MONTH})(?!\w)"
WEEKDAY_NAME = _names(get_day_names("wide", locale="fr"))
"""A French weekday name, from Babel's locale data."""
_WEEKDAY = rf"(?:(?:{WEEKDAY_NAME})\s+)?"
_DAY = r"(?<![\d/.,])([0-3]?\d)(?:er)?(?!\d)"
_YEAR = r"(\d{4})(?![\d/])"
_DASH = r"\s*[-–—]\s*"

_DAY_MONTH_YEAR = rf"{_WEEKDAY}{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?"  # the year may come from the context
_TO = rf"(?:\s+au\s+|{_DASH})"

_CROSS_MONTH = re.compile(rf"(?:\bdu\s+)?{_DAY_MONTH_YEAR}{_TO}{_DAY_MONTH_YEAR}", re.IGNORECASE)
_SAME_MONTH = re.compile(
    rf"(?:\b(?:du|les?|ce)\s+)?{_WEEKDAY}{_DAY}(?:\s+(?:et|à)\s+(?:(?:le|ce)\s+)?|{_TO}){_DAY_MONTH_YEAR}",
    re.IGNORECASE,
)
_LAST_DAYS = {month: tuple(sorted({calendar.monthrange(year, month)[1] for year in (2000, 2001)}))
              for month in range(1, 13)}
"""Month -> the days it can end on, in a leap year and in another (February: 28 or 29)."""
_MONTH_END = "|".join(
    rf"(?:{'|'.join(map(str, days))})\s+(?:{_names({n: _WIDE_MONTHS[n] for n in _LAST_DAYS if _LAST_DAYS[n] == days})})"
    for days in dict.fromkeys(_LAST_DAYS.values()))
_MONTH_TURN = re.compile(
    rf"(?:\b(?:les?|des)\s+)?{_WEEKDAY}(?<![\d/.,])(?=(?:{_MONTH_END})(?!\w))([0-3]?\d)\s+{_MONTH}(?:\s+{_YEAR})?"
    rf"\s+et\s+(?:(?:le|ce)\s+)?{_WEEKDAY}(1)(?:er)?\s+{_MONTH}(?:\s+{_YEAR})?", re.IGNORECASE)
"""The last day of a month and the first of the next, joined by "et": one range ("les 31 mai et 1er juin 2023",
"les 28 février et 1er mars 2019"), read as "du … au …" is."""
_SINGLE = re.compile(rf"(?:\ble\s+)?{_DAY_MONTH_YEAR}", re.IGNORECASE)
_NUMERIC = re.compile(r"(?:\ble\s+)?(?<![\d/])([0-3]?\d)/([01]?\d)/(\d{4})(?![\d/])", re.IGNORECASE)
_NUMERIC_RANGE = re.compile(r"(?:\bdu\s+)?(?<![\d/])([0-3]?\d)(?:/([01]?\d))?(?:\s*[-–]\s*|\s+au\s+)"
                            r"([0-3]?\d)/([01]?\d)/(\d{4})(?![\d/])", re.IGNORECASE)
"""Days written in figures as a range: "20-21/03/2019", "du 30/06 au 02/07/2019"."""
_MONTH_ONLY = re.compile(rf"(?:\ben\s+)?\b{_MONTH}\s+{_YEAR}", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?<![\d/])(1[5-9]\d\d|20\d\d)(?![\d/])")
_ENUMERATED = re.compile(r"(?:\bles\s+|(?:^|[–—:-])\s*)(?<![\d/.,])([0-3]?\d)(?:er)?\s*,\s*(?:[0-3]?\d\s*,\s*)*$",
                         re.IGNORECASE)
"""Days enumerated before a pair of days, up to it: "les 28, " of "les 28, 29 et 30 juin", or with no article at
the start of a line or after a dash ("Cotonou – 6, " of "Cotonou – 6, 7 et 8 novembre 2023")."""
_DAYS_APART = re.compile(r"((?:\b(?:les?|des)\s+)?[0-3]?\d(?:er)?)\s+et\s+(?:(?:le|ce)\s+)?(?=[0-3]?\d(?:er)?\s)",
                         re.IGNORECASE)
"""The first of two days joined by "et" at the start of a date: "des 10 " of "des 10 et 15 novembre"."""
_NUMBERING = re.compile(r"\b(?:jour|journ[ée]e|n°|no|point|article|table\s+ronde)\s*$", re.IGNORECASE)
"""A noun a number right after counts, no day: "Jour 1 – 14 novembre 2005" is the 14th, "point 3" no date."""
_DIGIT = re.compile(r"\d")
"""Something every date has: a quick test before the full patterns."""
_WRITTEN_YEAR = re.compile(r"\d{4}")
"""Days and months take at most two digits: four in a row are a year."""
_ANY_MONTH = re.compile(_MONTH, re.IGNORECASE)
"""Something every date but a numeric one has."""
_STRETCH = re.compile(r"[\w\s/.–—-]+")
"""A stretch of text between punctuation marks (a full stop may end a month's short name: "févr."). No date
spans one, so dates are looked for stretch by stretch (the patterns still look behind a stretch, and none reads
or looks ahead for the punctuation after it)."""


@dataclass
class DateMatch:
    """A date expression found in a text, with its character offsets."""

    span: DateSpan
    start: int
    end: int
    note: str = ""  # how the date was resolved, in French, when it is not written in full
    yearless: bool = False  # the year is not written: it came from ``context_year``


def find_dates(text: str, context_year: int | None = None, *, years: bool = False) -> list[DateMatch]:
    """Every French date expression in ``text``, in reading order.

    Dates without a year take ``context_year`` (or are dropped without one) and are marked
    ``yearless``; impossible dates are dropped. Bare years are returned only with ``years=True``.
    """
    if not _DIGIT.search(text):
        return []
    candidates: list[tuple[int, int, Callable[[], DateSpan | None]]] = []  # read only if chosen
    for stretch in _STRETCH.finditer(text):
        start, end = stretch.span()
        if not _DIGIT.search(text, start, end):
            continue
        for pattern, read in _READERS if _ANY_MONTH.search(text, start, end) else _NUMERIC_READER:
            for match in pattern.finditer(text, start, end):
                candidates.append((match.start(), match.end(), partial(read, match, context_year)))
    if years:
        for match in _YEAR_ONLY.finditer(text):
            candidates.append((match.start(), match.end(), partial(_read_year, match, context_year)))
    # Leftmost, then longest, wins; an impossible date still hides what it overlaps.
    chosen: list[DateMatch] = []
    taken_until = -1
    for start, end, reading in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < taken_until or (text[start].isdigit() and _NUMBERING.search(text, max(0, start - 12), start)):
            continue
        previous_end, taken_until = taken_until, end
        if (span := reading()) is not None:
            yearless = not _WRITTEN_YEAR.search(text, start, end)
            chosen += _apart(text, _enumerated(text, DateMatch(span, start, end, yearless=yearless), previous_end))
    return chosen


def _enumerated(text: str, match: DateMatch, after: int) -> DateMatch:
    """A range of days of one month with the days enumerated before it: "les 28, 29 et 30 juin 2022" (the
    days before the pair are across commas, which end the stretches dates are looked for in)."""
    span = match.span
    if span.precision != "day" or span.start == span.end or span.start.month != span.end.month:
        return match
    days = _ENUMERATED.search(text, max(0, match.start - 40, after), match.start)
    first = _day(span.start.year, span.start.month, int(days.group(1))) if days else None
    if days is None or first is None or first >= span.start:
        return match
    return DateMatch(DateSpan(first, span.end, "day", text[days.start() : match.end]), days.start(), match.end,
                     match.note, match.yearless)


def _apart(text: str, match: DateMatch) -> list[DateMatch]:
    """Two days of a month joined by "et" that do not follow each other are two dates, not a range: "ses
    réunions des 10 et 15 novembre" (while "les 10 et 11 novembre" are the two days of one meeting)."""
    span = match.span
    pair = _DAYS_APART.match(text, match.start, match.end)
    if pair is None or span.precision != "day" or (span.end - span.start).days < 2:
        return [match]
    first = DateMatch(DateSpan(span.start, span.start, "day", pair.group(1)), match.start, pair.end(1),
                      match.note, yearless=True)
    second_start = pair.end()
    second = DateMatch(DateSpan(span.end, span.end, "day", text[second_start : match.end]), second_start,
                       match.end, match.note, match.yearless)
    return [first, second]


def _day(year: int | None, month: int, day: int) -> date | None:
    if year is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _month(name: str) -> int:
    number: int = _MONTH_NUMBERS[fold(name).rstrip(".")]
    return number


def _interval(start: date | None, end: date | None, text: str) -> DateSpan | None:
    if start is None or end is None or end < start:
        return None
    return DateSpan(start, end, "day", text)


def _read_cross_month(match: re.Match[str], context_year: int | None) -> DateSpan | None:
    day1, month1, year1, day2, month2, year2 = match.groups()
    turn = int(_month(month2) < _month(month1))  # "du 28 décembre au 3 janvier": the year turns
    if year2:
        start_year, end_year = (int(year1) if year1 else int(year2) - turn), int(year2)
    elif (given := int(year1) if year1 else context_year) is not None:
        start_year, end_year = given, given + turn
    else:
        return None
    end = _day(end_year, _month(month2), int(day2))
    return _interval(_day(start_year, _month(month1), int(day1)), end, match.group(0))


def _read_same_month(match: re.Match[str], context_year: int | None) -> DateSpan | None:
    day1, day2, month, year = match.groups()
    year_number = int(year) if year else context_year
    start = _day(year_number, _month(month), int(day1))
    return _interval(start, _day(year_number, _month(month), int(day2)), match.group(0))


def _read_single(match: re.Match[str], context_year: int | None) -> DateSpan | None:
    day, month, year = match.groups()
    when = _day(int(year) if year else context_year, _month(month), int(day))
    return _interval(when, when, match.group(0))


def _read_numeric(match: re.Match[str], _context_year: int | None) -> DateSpan | None:
    day, month, year = (int(group) for group in match.groups())
    when = _day(year, month, day) if 1 <= month <= 12 else None
    return _interval(when, when, match.group(0))


def _read_numeric_range(match: re.Match[str], _context_year: int | None) -> DateSpan | None:
    day1, month1, day2, month2, year = match.groups()
    end_month, year_end = int(month2), int(year)
    first_month = int(month1) if month1 else end_month
    if not (1 <= first_month <= 12 and 1 <= end_month <= 12):
        return None
    start_year = year_end - 1 if first_month > end_month else year_end  # "du 30/12 au 02/01/2020"
    return _interval(_day(start_year, first_month, int(day1)), _day(year_end, end_month, int(day2)),
                     match.group(0))


def _read_year(match: re.Match[str], _context_year: int | None) -> DateSpan:
    year = int(match.group(1))
    return DateSpan(date(year, 1, 1), date(year, 12, 31), "year", match.group(0))


def _read_month_only(match: re.Match[str], _context_year: int | None) -> DateSpan | None:
    month, year = _month(match.group(1)), int(match.group(2))
    last = calendar.monthrange(year, month)[1]
    return DateSpan(date(year, month, 1), date(year, month, last), "month", match.group(0))


_READERS = (
    (_CROSS_MONTH, _read_cross_month),
    (_MONTH_TURN, _read_cross_month),
    (_SAME_MONTH, _read_same_month),
    (_SINGLE, _read_single),
    (_NUMERIC_RANGE, _read_numeric_range),
    (_NUMERIC, _read_numeric),
    (_MONTH_ONLY, _read_month_only),
)


_NUMERIC_READER = ((_NUMERIC_RANGE, _read_numeric_range), (_NUMERIC, _read_numeric))
"""The only reader worth trying where no month is named."""


@cache
def _fr(day: date, pattern: str) -> str:
    """``day`` formatted by babel in French, with ``1er`` for the first of a month (cached: babel is slow and
    the pages of a corpus show the same dates many times)."""
    text = format_date(day, pattern, locale="fr")
    return re.sub(r"^1(?!\d)", "1er", text) if pattern.startswith("d") else text


def format_iso_fr(iso: str) -> str:
    """An ISO 8601 date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) in French words; other text as is."""
    try:
        numbers = [int(part) for part in iso.split("-")]
        if len(numbers) == 3:
            day = date(*numbers)
            return format_span_fr(DateSpan(day, day, "day", iso))
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            return format_span_fr(DateSpan(first, first, "month", iso))
    except ValueError:
        pass
    return iso


def format_span_fr(span: DateSpan) -> str:
    """French display of a date or interval: ``8–9 avril 2013``, ``octobre 2022``."""
    start, end = span.start, span.end
    if span.precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if span.precision == "month":
        first, last = _fr(start, "MMMM y"), _fr(end, "MMMM y")
        return first if first == last else f"{first}–{last}"
    if start == end:
        return _fr(start, "d MMMM y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{_fr(start, 'd')}–{_fr(end, 'd MMMM y')}"
    if start.year == end.year:
        return f"{_fr(start, 'd MMMM')}–{_fr(end, 'd MMMM y')}"
    return f"{_fr(start, 'd MMMM y')}–{_fr(end, 'd MMMM y')}"
