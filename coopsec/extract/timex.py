"""A temporal layer over :mod:`coopsec.extract.dates`, in the spirit of TimeML's TIMEX3 normalisation.

:func:`find_times` returns the absolute dates of a paragraph, the year of each date written without one
("le 10 mars", "lundi 15 février", "le 6 décembre dernier"), and the relative expressions a reader resolves
from the day the text was written, its anchor ("hier", "mardi dernier", "la semaine prochaine", "la veille").
Every date not written in full says in its ``note`` how it was resolved; what cannot be resolved is left out.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from babel.dates import get_day_names, get_month_names

from coopsec.extract.dates import DateMatch, find_dates
from coopsec.model import DateSpan
from coopsec.text import fold

NOTE_FOLLOWING_DATE = "année déduite de la date suivante"
NOTE_WEEKDAY = "année déduite du jour de la semaine"
NOTE_CONTEXT = "année déduite du contexte"
NOTE_ANCHOR_YEAR = "année la plus proche de la date du texte"
NOTE_NEXT_IN_FUTURE = "verbe au futur : après la date du texte"
NOTE_LAST = "« dernier » : avant la date du texte"
NOTE_NEXT = "« prochain » : après la date du texte"
NOTE_PAST = "verbe au passé : avant la date du texte"
NOTE_RELATIVE = "relative à la date du texte"
NOTE_FUTURE = "relative à la date du texte, verbe au futur"
NOTE_PREVIOUS_DATE = "relative à la date précédente"
NOTE_PREVIOUS_PARAGRAPH = "dernier jour du paragraphe précédent"  # only "la veille" and "le lendemain" read it
NOTE_SINCE = "« depuis » : jusqu'à la date du texte"

_PROBE_YEAR = 2000
"""The year yearless dates are first read in: a leap year, so that "29 février" lasts until its real year is known."""

_HALF_YEAR = 183
"""Days: a yearless date farther than this from the text's own day is not moved to the next or last year."""
_WEEKDAYS = {fold(name): number for number, name in get_day_names("wide", locale="fr").items()}
_WEEKDAY = "|".join(re.escape(name) for name in sorted(_WEEKDAYS, key=len, reverse=True))  # French names: no accents
_APOSTROPHE = "['’ʼ]"
_MONTH_NUMBERS = {name: number for number, name in get_month_names("wide", locale="fr").items()}
"""French month names in full, in lower case as Babel writes them -> their number."""


def month_number(name: str) -> int | None:
    """The number of a French month named in full, whatever its case and accents (``FÉVRIER`` -> 2)."""
    return _FOLDED_MONTHS.get(fold(name).strip())


_FOLDED_MONTHS = {fold(name): number for name, number in _MONTH_NUMBERS.items()}
_KEYWORD = re.compile("|".join(("hier", "demain", "jour", "veille", "derni", "prochain", "matin", "midi", "soir",
                                 *_WEEKDAYS, *_MONTH_NUMBERS)))
"""Lowercase text that every relative expression holds ("demain" is in "lendemain", "jour" in "aujourd'hui"):
one search of the lowered text, a quick test before the patterns."""
_DIGIT = re.compile(r"\d")

_SEASON_BEFORE = re.compile(r"\b(printemps|[ée]t[ée]|automne|hiver)\s+(?:de\s+|d['’ʼ]\s*)?$", re.IGNORECASE)
"""A season before a year: "à l'automne 2023", "l'été de 2019"."""
_SEASONS = {"pri": (3, 20), "ete": (6, 21), "aut": (9, 22), "hiv": (12, 21)}
"""The month and day a season starts, by the first letters of its folded name."""
_LAST_OR_NEXT = re.compile(r"\s+(derni[eè]re?s?|prochaine?s?)\b", re.IGNORECASE)
"""The word after a yearless date that places it before or after the anchor: "le 6 décembre dernier"."""
_COORDINATION = re.compile(r"\s*,?\s*(?:(?:et|ou|puis|ainsi\s+que)\b[^\d.;:!?]{0,40})?", re.IGNORECASE)
"""What may separate a yearless date from the dated one whose year it shares: ", et de Toronto, "."""
_LEADING_WEEKDAY = re.compile(rf"(?:(?:les?|du|ce)\s+)?({_WEEKDAY})\b", re.IGNORECASE)
"""A weekday opening a date: "le mardi 12", "ce jeudi"."""

_CLAUSE_END = re.compile(r"[,;:.!?()]")
"""A sign that ends a clause."""
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)")
"""A sign that ends a sentence (not the point of an abbreviation or a number)."""
_TENSE = re.compile(
    r"\b(?:(?P<future>doi(?:t|vent)|devr\w*|v(?:a|ont)\s+(?:se\s+|s['’ʼ])?\w+(?:er|ir|re)|pr[eé]vue?s?|attendue?s?"
    r"|[aà]\s+venir|\w+(?:[eiduv]ra|[eiduvr]ront))|(?P<past>a|ont|avaient|avait|est|sont|[eé]taient|[eé]tait|furent|fut))\b",
    re.IGNORECASE,
)
"""Verbs that tell the future (future tense, "doit", "devrait", "va" + infinitive, "prévue", "attendues") from the
past."""
SINCE = re.compile(r"\bdepuis\s+(?:le\s+|ce\s+)?$", re.IGNORECASE)
"""The word that opens a stretch of time up to the text's day: "depuis le 2 novembre"."""
_SINCE_REACH = 14
"""Days: "depuis" a day at most this long before the text's own day is a meeting still under way."""
_HABITUAL = re.compile(r"\b(?:chaque|tous|les?|du|au|un)\s+$", re.IGNORECASE)
"""Words before a weekday that make it no particular day: "chaque mardi", "du lundi au vendredi"."""

_TODAY = re.compile(
    rf"\baujourd{_APOSTROPHE}\s?hui\b|\bce\s+jour\b(?!\s*[-‐]\s*l)|\b(?:ce\s+(?:matin|midi|soir)|cet\s+apr[eè]s[-‐\s]midi)\b",
    re.IGNORECASE,
)
"""The text's own day, or a part of it ("cet après-midi", "ce soir")."""
_DAY_SHIFT = re.compile(
    rf"(?<!\bd{_APOSTROPHE})(?<!\bde\s)\b(?:avant[-‐\s]hier|hier|apr[eè]s[-‐\s]demain|demain)\b", re.IGNORECASE
)  # not "l'Europe de demain", "les menaces d'hier"
_DAY_SHIFTS = {"avan": -2, "hier": -1, "apre": 2, "dema": 1}
"""Days from the anchor, by the first four letters of the folded expression."""
_RELATIVE_WEEKDAY = re.compile(
    rf"\b(?:(?P<this>ce)\s+)?(?P<first>{_WEEKDAY})\b(?:\s+et\s+(?P<second>{_WEEKDAY})\b)?(?!\s*\d)"
    r"(?:\s+(?P<word>derni[eè]rs?|prochains?)\b)?",
    re.IGNORECASE,
)
_WEEK = re.compile(r"\bla\s+semaine\s+(derni[eè]re|prochaine)\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(?:le|du|au)\s+mois\s+(dernier|prochain)\b", re.IGNORECASE)
_YEAR = re.compile(rf"\bl{_APOSTROPHE}\s?(?:an|ann[eé]e)\s+(derni[eè]re?|prochaine?)\b", re.IGNORECASE)
_BARE_DAY = re.compile(r"\b(?:le|du|au)\s+(?P<day>[0-3]?\d)(?:er)?"
                       r"(?=\s*(?:[;:)]|[.,](?!\d)|$|(?:à|au|aux|en|et|puis|dans|lors|pour|avec|par|où|devant)\b))")
"""A day of the month written alone after a date of the same sentence, followed by a sign or a small word
(not a noun: "le 27 membres"): "à Port-Vila le 27, puis à Port Moresby le 28" (of July, said just before)."""
_BARE_DAYS = re.compile(r"\bdu\s+(?P<first>[0-3]?\d)(?:er)?\s+au\s+(?P<last>[0-3]?\d)(?:er)?(?=\s*[,;.)]|\s*$)")
"""Days of a month written alone after the month: "du 15 au 17" of "En février, à Munich, du 15 au 17,"."""
_YEARLESS_MONTH = re.compile(
    rf"\b(?i:en|de|d{_APOSTROPHE}|au\s+mois\s+d(?:e\s+|{_APOSTROPHE})|(?:d[ée]but|fin|mi)[-‐\s])\s*"
    rf"(?P<month>{'|'.join(sorted(_MONTH_NUMBERS, key=len, reverse=True))})\b(?!\s*\d)"
    r"(?:\s+(?P<word>derni(?:er|è)|prochain)\b)?"
)
"""A month named without its year, in lower case: "se tiendra en mai", "la réunion de mars dernier", "mi-juin"."""
_EVE = re.compile(
    rf"\b(?:la\s+veille|le\s+lendemain)\b(?!\s+(?:de|du|des)\b|\s+d{_APOSTROPHE})", re.IGNORECASE
)  # not "à la veille du sommet"


def find_times(
    text: str, anchor: date | None, context_year: int | None = None, *, years: bool = False,
    previous_day: DateSpan | None = None,
) -> list[DateMatch]:
    """Every date expression of ``text`` (one paragraph), absolute or relative, resolved to calendar dates.

    ``anchor`` is the day the text was written (None if unknown); ``context_year`` the year of the last
    absolute date before the paragraph; ``previous_day`` the last day the paragraph before named, which a
    "la veille" with no day before it in its paragraph is the eve of ("la troisième session, les 9 et 10
    avril. ¶ Cette session serait précédée, la veille, …"). Matches are in reading order; ``years`` is
    passed to ``find_dates``."""
    relative = _KEYWORD.search(text.lower()) is not None
    if not relative and not _DIGIT.search(text):
        return []
    found = find_dates(text, _PROBE_YEAR, years=years)
    marks = _year_marks(text, anchor) if relative else []
    absolute = _resolve_years(text, found, anchor, context_year, marks)
    if relative:
        hidden = [(match.start, match.end) for match in found]  # absolute matches hide what they overlap
        before = [_year_before(context_year)] if context_year is not None else []  # the context, as a date
        if previous_day is not None:
            before.append(DateMatch(previous_day, -1, -1, NOTE_PREVIOUS_PARAGRAPH))
        extra = [
            match for match in _relatives(text, anchor, before + absolute)
            if not any(start < match.end and match.start < end for start, end in hidden)
        ]
        absolute = sorted(absolute + extra, key=lambda match: match.start) if extra else absolute
    return [_until_anchor(text, match, anchor) for match in absolute] if anchor else absolute


def _year_before(year: int) -> DateMatch:
    """The year of the dates before a paragraph, as a date written in full before its first character: the
    context a month without its year takes ("MAI" in a calendar of 2019, "- Mi-mai (date à confirmer)")."""
    return DateMatch(DateSpan(date(year, 1, 1), date(year, 12, 31), "year", ""), -1, -1)


def _until_anchor(text: str, match: DateMatch, anchor: date) -> DateMatch:
    """A day after "depuis", a few days before the anchor, as the stretch from that day to the anchor:
    "réunis depuis dimanche", "la tenue, depuis le 2 novembre"."""
    span = match.span
    if span.precision != "day" or not 0 < (anchor - span.end).days <= _SINCE_REACH:
        return match
    if not SINCE.search(text, max(0, match.start - 12), match.start):
        return match
    return DateMatch(DateSpan(span.start, anchor, "day", span.text), match.start, match.end, NOTE_SINCE,
                     match.yearless)


# --- Dates written without their year ------------------------------------------------------------


def _year_marks(text: str, anchor: date | None) -> list[tuple[int, int]]:
    """Where ``text`` says which year it speaks of without a date ("l'an dernier, (…) du 26 au 29 septembre"),
    and that year."""
    if anchor is None:
        return []
    return [(match.end(), anchor.year + (-1 if _is_last(match[1]) else 1)) for match in _YEAR.finditer(text)]


def _resolve_years(
    text: str, found: list[DateMatch], anchor: date | None, context_year: int | None,
    marks: list[tuple[int, int]],
) -> list[DateMatch]:
    """``found`` with a year for each yearless date, or without it; read from the right, so that an
    enumeration shares the year of its last date. The context of a date is the first day of the last date
    written in full before it in the paragraph (or the year of the last "l'an dernier", ``marks``), else
    ``context_year``."""
    written = [(match.end, _told_day(text, match)) for match in found if not match.yearless]
    told = sorted(written + [(end, date(year, 1, 1)) for end, year in marks])
    outer = date(context_year, 1, 1) if context_year is not None else None
    contexts = []
    for match in found:  # the last date written in full before each date
        before = [day for end, day in told if end <= match.start]
        contexts.append(before[-1] if before else outer)
    resolved: list[DateMatch] = []
    following: DateMatch | None = None
    for match, context in zip(reversed(found), reversed(contexts), strict=True):
        following = _resolve_year(text, match, following, anchor, context) if match.yearless else match
        if following is not None:
            resolved.append(following)
    return resolved[::-1]


def _told_day(text: str, match: DateMatch) -> date:
    """The first day ``match`` tells: a year after a season tells the season's first day ("à l'automne 2023":
    a date of May after it is of the next year)."""
    if match.span.precision == "year" and (season := _SEASON_BEFORE.search(text, max(0, match.start - 16),
                                                                          match.start)):
        return date(match.span.start.year, *_SEASONS[fold(season[1])[:3]])
    return match.span.start


def _resolve_year(
    text: str, match: DateMatch, following: DateMatch | None, anchor: date | None, context: date | None
) -> DateMatch | None:
    """A yearless date in its year, with a following "dernier" or "prochain" in its wording."""
    word = _LAST_OR_NEXT.match(text, match.end)
    span, note = _yearless_span(text, match, word[1] if word else "", following, anchor, context)
    if span is None:
        return None
    end = word.end() if word else match.end
    return DateMatch(DateSpan(span.start, span.end, span.precision, text[match.start : end]), match.start, end, note,
                     yearless=True)


def _yearless_span(
    text: str, match: DateMatch, word: str, following: DateMatch | None, anchor: date | None, context: date | None
) -> tuple[DateSpan | None, str]:
    """The span of a yearless date and how its year was found, by the first rule that applies.

    The context's year does not apply when it would put the date before the context itself: a text tells
    dates forward, and "du 10 au 12 avril (…) l'attentat du 17 décembre 2018. Le 12 avril" is not April 2018
    told after December 2018; the year nearest the text's own date is taken instead.
    """
    if following is not None and (year := _shared_year(text, match, following)) is not None:
        return _with_year(match.span, year), NOTE_FOLLOWING_DATE
    if word and anchor is not None:
        last = _is_last(word)
        return last_or_next(match.span, anchor, last), NOTE_LAST if last else NOTE_NEXT
    if (span := _by_weekday(match.span, anchor, context.year if context else None)) is not None:
        return span, NOTE_WEEKDAY
    if context is not None:
        span = _with_year(match.span, context.year)
        if anchor is None or span is None or span.end >= context:
            return span, NOTE_CONTEXT
    if anchor is not None and _is_future(text, match.start, match.end):
        return last_or_next(match.span, anchor, False), NOTE_NEXT_IN_FUTURE
    if anchor is not None:
        return _nearest_year(match.span, anchor), NOTE_ANCHOR_YEAR
    return None, ""


def _nearest_year(span: DateSpan, anchor: date) -> DateSpan | None:
    """``span`` in the anchor's year, or in the year next to it when that brings it within half a year of
    the anchor ("le 10 décembre" in a text of 15 January is the December before)."""
    own = _with_year(span, anchor.year)
    near = [s for year in (anchor.year - 1, anchor.year + 1) if (s := _with_year(span, year))
            and abs((s.start - anchor).days) <= _HALF_YEAR]
    return min([own, *near] if own else near, key=lambda s: abs((s.start - anchor).days), default=None)


def _shared_year(text: str, match: DateMatch, following: DateMatch) -> int | None:
    """The year of ``following`` if ``match`` comes before it in the same enumeration; a December date
    before a January one is of the year before."""
    if (following.yearless and following.note != NOTE_FOLLOWING_DATE) or not _COORDINATION.fullmatch(
        text, match.end, following.start
    ):
        return None
    turn = match.span.start.month == 12 and following.span.start.month == 1
    return following.span.start.year - turn


def last_or_next(span: DateSpan, anchor: date, last: bool) -> DateSpan | None:
    """``span`` in the last year it starts strictly before ``anchor``, or the first it starts on or after it
    (eight years cover every 29 February)."""
    years = range(anchor.year, anchor.year - 9, -1) if last else range(anchor.year, anchor.year + 9)
    shifted = (_with_year(span, year) for year in years)
    return next((s for s in shifted if s is not None and (s.start < anchor) == last), None)


def _by_weekday(span: DateSpan, anchor: date | None, context_year: int | None) -> DateSpan | None:
    """``span`` in the year around the anchor (or the context) where its written weekday is right, if any;
    the weekday of a date changes every year, so at most one of three years fits."""
    written = _LEADING_WEEKDAY.match(span.text)
    centre = anchor.year if anchor is not None else context_year
    if written is None or centre is None:
        return None
    weekday = _WEEKDAYS[fold(written[1])]
    shifted = (_with_year(span, year) for year in (centre, centre - 1, centre + 1))
    return next((s for s in shifted if s is not None and s.start.weekday() == weekday), None)


def _with_year(span: DateSpan, year: int) -> DateSpan | None:
    """``span`` moved to start in ``year`` (None for a 29 February out of a leap year)."""
    try:
        start = span.start.replace(year=year)
        end = span.end.replace(year=year + span.end.year - span.start.year)
    except ValueError:
        return None
    return DateSpan(start, end, span.precision, span.text)


def _is_last(word: str) -> bool:
    return fold(word).startswith("dern")


# --- Relative expressions ------------------------------------------------------------------------

Reading = tuple[DateSpan, str] | None
"""A resolved relative expression and its note, or None when it cannot be resolved."""
Reader = Callable[[re.Match[str], date | None, list[DateMatch]], Reading]


def _relatives(text: str, anchor: date | None, absolute: list[DateMatch]) -> list[DateMatch]:
    """The relative expressions of ``text`` that can be resolved, in no particular order."""
    found: list[DateMatch] = []
    for readers in (_READERS, _ANAPHORIC_READERS):
        told = sorted(absolute + found, key=lambda match: match.start) if found else absolute
        for pattern, read in readers:
            for match in pattern.finditer(text):
                if (reading := read(match, anchor, told)) is not None:
                    found.append(DateMatch(reading[0], match.start(), match.end(), reading[1]))
    return found


def _days(start: date, end: date, match: re.Match[str], note: str) -> Reading:
    return DateSpan(start, end, "day", match[0]), note


def _read_today(match: re.Match[str], anchor: date | None, _absolute: list[DateMatch]) -> Reading:
    return None if anchor is None else _days(anchor, anchor, match, NOTE_RELATIVE)


def _read_day_shift(match: re.Match[str], anchor: date | None, _absolute: list[DateMatch]) -> Reading:
    if anchor is None:
        return None
    day = anchor + timedelta(_DAY_SHIFTS[fold(match[0])[:4]])
    return _days(day, day, match, NOTE_RELATIVE)


def _read_weekday(match: re.Match[str], anchor: date | None, _absolute: list[DateMatch]) -> Reading:
    """A weekday, or two ("jeudi et vendredi"), near the anchor: before it or after it as "dernier",
    "prochain" or the tense of the verb say."""
    text, start = match.string, match.start()
    if anchor is None or (not match["this"] and _HABITUAL.search(text, max(0, start - 12), start)):
        return None
    weekday = _WEEKDAYS[fold(match["first"])]
    if match["word"]:
        last = _is_last(match["word"])
        step = anchor.weekday() - weekday - 1 if last else weekday - anchor.weekday() - 1
        day = anchor + timedelta((step % 7 + 1) * (-1 if last else 1))
        note = NOTE_LAST if last else NOTE_NEXT
    elif SINCE.search(text, max(0, start - 12), start) or not _is_future(text, start, match.end()):
        day, note = anchor - timedelta((anchor.weekday() - weekday) % 7), NOTE_RELATIVE
    else:
        day, note = anchor + timedelta((weekday - anchor.weekday()) % 7), NOTE_FUTURE
    end = day + timedelta((_WEEKDAYS[fold(match["second"])] - weekday) % 7) if match["second"] else day
    return _days(day, end, match, note)


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the verb nearest to ``text[start:end]``, in its clause or else in its sentence, is a future."""
    return _tense(text, start, end) == "future"


def _tense(text: str, start: int, end: int) -> str:
    """"future" or "past", as the verb nearest to ``text[start:end]`` in its clause, or else in its sentence,
    tells; "" when there is none."""
    for delimiter in (_CLAUSE_END, _SENTENCE_END):
        low = max((found.end() for found in delimiter.finditer(text, 0, start)), default=0)
        high = found.start() if (found := delimiter.search(text, end)) else len(text)
        cues = [(max(cue.start() - end, start - cue.end()), "future" if cue["future"] is not None else "past")
                for cue in _TENSE.finditer(text, low, high)]
        if cues:
            return min(cues)[1]
    return ""


def _read_week(match: re.Match[str], anchor: date | None, _absolute: list[DateMatch]) -> Reading:
    """The ISO week (Monday to Sunday) before or after the anchor's."""
    if anchor is None:
        return None
    monday = anchor - timedelta(anchor.weekday()) + timedelta(-7 if _is_last(match[1]) else 7)
    return _days(monday, monday + timedelta(6), match, NOTE_RELATIVE)


def month_span(year: int, month: int, text: str) -> DateSpan:
    """The days of one month, at the month's precision, with the words that name it."""
    first = date(year, month, 1)
    return DateSpan(first, first.replace(day=calendar.monthrange(year, month)[1]), "month", text)


def nearest_year(month: int, anchor: date) -> int:
    """The year that puts ``month`` nearest the anchor ("sa session de décembre" in a note of November)."""
    return anchor.year + round((anchor.month - month) / 12)


def _read_month(match: re.Match[str], anchor: date | None, _absolute: list[DateMatch]) -> Reading:
    if anchor is None:
        return None
    year, month = divmod(anchor.year * 12 + anchor.month - 1 + (-1 if _is_last(match[1]) else 1), 12)
    return month_span(year, month + 1, match[0]), NOTE_RELATIVE


def _read_year(match: re.Match[str], anchor: date | None, _absolute: list[DateMatch]) -> Reading:
    if anchor is None:
        return None
    year = anchor.year + (-1 if _is_last(match[1]) else 1)
    return DateSpan(date(year, 1, 1), date(year, 12, 31), "year", match[0]), NOTE_RELATIVE


def _read_eve(match: re.Match[str], anchor: date | None, absolute: list[DateMatch]) -> Reading:
    """"La veille" or "le lendemain" of the last day named before it in the paragraph, or in the paragraph
    before when that day is still to come (the eve of a session proposed for April, in a note of March), else
    of the anchor."""
    eve = fold(match[0]).startswith("la")
    earlier = [found.span for found in absolute if found.end <= match.start() and found.span.precision == "day"
               and (found.note != NOTE_PREVIOUS_PARAGRAPH or anchor is None or found.span.start > anchor)]
    if earlier:
        day = earlier[-1].start - timedelta(1) if eve else earlier[-1].end + timedelta(1)
        return _days(day, day, match, NOTE_PREVIOUS_DATE)
    if anchor is None:
        return None
    day = anchor + timedelta(-1 if eve else 1)
    return _days(day, day, match, NOTE_RELATIVE)


def _last_in_sentence(match: re.Match[str], absolute: list[DateMatch], precisions: tuple[str, ...]) -> date | None:
    """The last day of the last date of one of ``precisions`` written before ``match`` in its sentence."""
    text, start = match.string, match.start()
    low = max((found.end() for found in _SENTENCE_END.finditer(text, 0, start)), default=0)
    earlier = [found.span for found in absolute if low <= found.start and found.end <= start
               and found.span.precision in precisions]
    return earlier[-1].end if earlier else None


def _read_bare_day(match: re.Match[str], _anchor: date | None, absolute: list[DateMatch]) -> Reading:
    """A day of the month alone, in the month of the last day named before it in its sentence, if later."""
    if (last := _last_in_sentence(match, absolute, ("day",))) is None:
        return None
    day = int(match["day"])
    if not last.day < day <= calendar.monthrange(last.year, last.month)[1]:
        return None
    when = last.replace(day=day)
    return _days(when, when, match, NOTE_PREVIOUS_DATE)


def _read_bare_days(match: re.Match[str], _anchor: date | None, absolute: list[DateMatch]) -> Reading:
    """Days of a month alone ("du 15 au 17"), in the month named last before them in their sentence ("En
    février, à Munich, du 15 au 17, la ministre a participé…")."""
    if (month := _last_in_sentence(match, absolute, ("day", "month"))) is None:
        return None
    first, last = int(match["first"]), int(match["last"])
    if not 1 <= first < last <= calendar.monthrange(month.year, month.month)[1]:
        return None
    return _days(month.replace(day=first), month.replace(day=last), match, NOTE_PREVIOUS_DATE)


def _read_yearless_month(match: re.Match[str], anchor: date | None, absolute: list[DateMatch]) -> Reading:
    """A month without its year, near the anchor: before it or after it as "dernier", "prochain" or a verb
    in the future say (the anchor's own month counts as past or future alike); else in the year of the last
    date written in full before it in the paragraph ("Au cours de l'année 2022, (…) à Paris en mars"), unless
    that puts it before that date; else the nearest to the anchor."""
    if anchor is None:
        return None
    month, word = _MONTH_NUMBERS[match["month"]], match["word"]
    told = [_told_day(match.string, m) for m in absolute
            if m.end <= match.start() and not m.yearless and m.note != NOTE_PREVIOUS_PARAGRAPH]
    if word:
        later = not _is_last(word)
        year = anchor.year + (month <= anchor.month if later else -(month >= anchor.month))
        note = NOTE_NEXT if later else NOTE_LAST
    elif (tense := _tense(match.string, match.start(), match.end())) == "future":
        year, note = anchor.year + (month < anchor.month), NOTE_NEXT_IN_FUTURE
    elif told and told[-1].month <= month:
        year, note = told[-1].year, NOTE_CONTEXT
    elif tense == "past":  # "Ouagadougou avait déjà accueilli en février le sommet" (a text of September)
        year, note = anchor.year - (month > anchor.month), NOTE_PAST
    else:
        year, note = nearest_year(month, anchor), NOTE_ANCHOR_YEAR
    return month_span(year, month, match[0]), note


_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_TODAY, _read_today),
    (_DAY_SHIFT, _read_day_shift),
    (_RELATIVE_WEEKDAY, _read_weekday),
    (_WEEK, _read_week),
    (_MONTH, _read_month),
    (_YEAR, _read_year),
    (_YEARLESS_MONTH, _read_yearless_month),
)
"""Readers of the expressions resolved from the anchor."""
_ANAPHORIC_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_EVE, _read_eve),
    (_BARE_DAY, _read_bare_day),
    (_BARE_DAYS, _read_bare_days),
)
"""Readers of the expressions resolved from the last date before them, absolute or relative: "Jeudi
prochain, (…) à Bruxelles. La veille, …" is the Wednesday before that Thursday."""
