"""Meetings and other dated events cited by the texts, merged across documents.

Every date found in a block (or a part header line) is read within its
clause: the nearest cue word decides whether it dates a meeting
(``conférence``, ``réunion``, ``tenue``, ``se rendra``…) or another event
(``déclaration``, ``faite``, ``signe``, ``Publié``…); a date without any cue
(a dateline such as ``Bruxelles, le 15 septembre 2023``) is an event, unless a
meeting of the same document has the same dates. The meeting's name is the
noun phrase of its cue word, its place the nearest ``à Rabat``/``au siège de
l'OTAN``/``Bruxelles, le`` next to the date.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from coopsec.data import word_lists
from coopsec.extract.clean import HOUR_LINE_RE
from coopsec.extract.dates import MONTH_NAME, WEEKDAY_NAME, DateMatch
from coopsec.extract.timex import (
    NOTE_CONTEXT,
    NOTE_FUTURE,
    NOTE_RELATIVE,
    NOTE_SINCE,
    SINCE,
    find_times,
    month_number,
    month_span,
    nearest_year,
)
from coopsec.gazetteer import Gazetteer, place_key
from coopsec.model import Block, Citation, DateSpan, Document, Meeting, MeetingKind, Part, Place, plain
from coopsec.text import HEADING_NUMBER, fold, sentence_case, spellings, tokens

from .merging import merge_meetings, same_days, within
from .names import UNDATED_EVENT, alike, distinctive, tidy

MAX_QUOTE = 300
"""Characters of the clause quoted as a meeting's source."""
MAX_VENUE_WORDS = 5
"""Words read after a venue's first capitalised word ("siège de l'Union africaine à Addis-Abeba")."""
MAX_MEETING_GAP = 3
"""Days: the longest gap between the opening and the closing day of one meeting named alike in a text."""
OWN_DAYS_BEFORE = 2
"""Days: a meeting ended this many days before the text's date is still placed where the text is dated."""
PLACE_REACH = 120
"""Farthest distance, in characters, between a date and the place written next to it."""
WORDS_BEFORE_DATE = 60
"""Characters before a date searched for the words right before it that change what it dates ("depuis le",
"avant le", "initialement envisagé pour", "reporté au mois d'"): each pattern ends where the date starts."""
ANAPHOR_REACH = 40
"""Farthest distance, in characters, between a date and the words that refer to a place named elsewhere."""
COMPLEMENT_REACH = 40
"""Characters before a place searched for the noun it completes ("la situation sécuritaire au", "l'Ambassade de
France au")."""

_ORD_NUM = r"(?:(?:\d{1,4}|[IVXLC]{1,6})\s*(?:ème|eme|è|er|re|ère)|\d{1,4}\s*e|[IVXLC]{2,6}e)\b"
"""An ordinal: ``15ème``, ``83 ème``, ``83e``, ``XVIème``, ``XVIe`` (but not the words ``Le``, ``Ce``)."""
_CAP = r"[A-ZÀ-ÖØ-Ý][\w'’-]*"
_PARTICLE = r"(?:es|el|al|ed|ech)[\s-]"
"""A transliterated Arabic article inside a town's name: "Dar es Salaam", "Charm el-Cheikh"."""
_PLACE_NAME = (rf"(?:(?:la|le|l['’])\s*)?{_CAP}(?:\s+(?:{_CAP}|(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*{_CAP}"
               rf"|{_PARTICLE}{_CAP}))*")
"""A place name: capitalised words, with the particles French and transliterated Arabic names hold between
them ("Saint-Louis du Sénégal", "Dar es Salaam", "Charm el-Cheikh")."""


def _any_word(*words: str) -> re.Pattern[str]:
    """Any of ``words`` (regexes, each opening with a plain lowercase letter) as a whole word, ignoring case.

    A look at the first letter spares trying every word at every word start.
    """
    if not all(word[:1].isalpha() and word[:1].islower() for word in words):
        raise ValueError(f"a word does not open with a plain lowercase letter: {words}")
    firsts = "".join(sorted({word[0] for word in words}))
    return re.compile(rf"\b(?=[{firsts}])(?:{'|'.join(words)})\b", re.IGNORECASE)


_WORDS = word_lists("meeting-words")
"""Cue words, name stops and word lists, as data a maintainer extends (each list says what it is for)."""

_MEETING_NOUN = _any_word(*_WORDS["meeting_nouns"])
_ORDINAL_ACRONYM = re.compile(rf"\b{_ORD_NUM}\s+[A-Z][A-Z0-9]{{2,}}\b")
_ADVERB = rf"(?:{'|'.join(_WORDS['adverbs'])})"


def _with_adverb(verb: str) -> str:
    """``verb`` (a regex) with room for an adverb after each of its words: "s'est ensuite rendu", "se sont en
    outre rendus"."""
    return verb.replace(r"\s+", rf"\s+(?:{_ADVERB}\s+)?")


_MEETING_VERB = _any_word(*map(_with_adverb, _WORDS["meeting_verbs"]))
_VISIT_VERB = _any_word(*map(_with_adverb, _WORDS["visit_verbs"]))
_GOING_ON = _any_word(*_WORDS["going_on"])
_HEARING_VERB = _any_word(*map(_with_adverb, _WORDS["hearing_verbs"]))
_PEOPLE = _any_word(*_WORDS["people"])
_BUILDING = re.compile(rf"(?i:\b(?:{'|'.join(_WORDS['venue_heads'])})(?:\s+\w+)?\s+(?:des|de|du|d['’])\s*)$")
"""The head of a building's name, just before a meeting noun: "Centre international de | conférences"."""
_JOINT_TEXT = _any_word(*_WORDS["joint_texts"])
_GROUP = re.compile(
    rf"\s+(?:(?:commune|conjointe?|finale)\s+)?(?P<group>{'|'.join(_WORDS['groups'])})\b", re.IGNORECASE
)
"""The group that wrote a joint text, right after its noun: "déclaration finale des ministres"."""
_EVENT_NOUN = _any_word(*_WORDS["event_nouns"])
_SITTING = _any_word(*_WORDS["sittings"])
_LEADING_ORDINAL = re.compile(rf"{_ORD_NUM}\s*")
"""The ordinal a meeting's name opens with: "8667e | séance"."""
_TRAVELLING = _any_word(*_WORDS["travelling"])
_TRIP = _any_word(*_WORDS["trips"])
_HELD_AT = re.compile(
    rf"(?i:\b(?:{'|'.join(_WORDS['held_at'])}))\s*(?P<words>(?:[^\W\d]+['’]?\s*|\d+\s*\w*\s+){{0,3}})"
)
"""A word that ties a dated event to a meeting, and the few words (article, ordinal) before the meeting's noun."""
_EVENT_VERBS = tuple((_any_word(*words), label) for label, words in _WORDS["event_verbs"].items())
_RELATIVE_NOTES = {NOTE_RELATIVE, NOTE_FUTURE}

_STOP = re.compile(
    r"[,;:()\[\]]|\s[-–—]\s"
    rf"|(?i:\b(?:{'|'.join(_WORDS['name_stops'])})\b)"
    rf"|\b(?:{'|'.join(_WORDS['auxiliaries'])})(?=\s|\b)"
    r"|\b[àÀ]\s+(?=[A-ZÀ-Ý]|la\s+[A-Z]|l['’][A-Z])"
)
_ORDINAL_PREFIX = re.compile(
    rf"(?:\b(?P<word>\w+i[eè]me|[Pp]remi[eè]re?|[Ss]econde?)\s+)?"
    rf"(?:\(\s*(?P<paren>{_ORD_NUM})\s*\)|(?P<num>{_ORD_NUM}))?\s*$"
)
_PLACE_AT = re.compile(rf"\b(?:à|À|au|aux|en)\s+(?P<place>{_PLACE_NAME})")
_VENUE = re.compile(
    rf"\b(?:au\s+|à\s+la\s+|à\s+l['’]\s*)(?P<place>(?i:{'|'.join(_WORDS['venues'])})"
    rf"\s+(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*{_CAP}(?:\s+[\w'’-]+){{0,{MAX_VENUE_WORDS}}})"
)
"""A venue and the words after it (``au siège de l'Union africaine à Addis-Abeba``): the seat lookup keeps the
longest opening that names an organisation."""
_SITE = re.compile(
    rf"\b(?:sur|dans|à|au)\s+(?:le\s+|la\s+|l['’]\s*)?(?i:{'|'.join(_WORDS['sites'])})(?:\s+[a-zéèêàç]+)?\s+"
    rf"(?:de|d['’])\s*(?P<place>{_PLACE_NAME})"
)
"""A town named after a word for its site: "sur la base aérienne de Ramstein"."""
_CAPITAL = re.compile(
    r"\b(?:dans|à|de)\s+la\s+(?P<place>capitale\s+(?:(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?[\w'’-]+"
    r"(?:\s+[\w'’-]+){0,2})"
)
"""A capital named after its country: "dans la capitale mauritanienne", "à la capitale du Burkina Faso"."""
_LISTED_PLACE = re.compile(rf"\s*[–—,-]\s*(?P<place>{_PLACE_NAME}(?:\s*\([^()]{{2,40}}\))?)\s*:")
"""A place right after a date in a calendar, before what happens there: "5 et 6 avril – Dinard (Ille-et-Vilaine) :",
"Lundi 6 décembre, Cayenne :"."""
_SAME_TOWN = _any_word(*_WORDS["same_town"])
_SEAT_ANAPHOR = re.compile(rf"(?i:(?:le\s+|la\s+)?(?:{'|'.join(_WORDS['seat_anaphors'])}))")
_OWN_TOWN = _any_word(*_WORDS["own_town"])
_DATELINE = re.compile(rf"(?:^|[,;:(–—]\s*)(?P<place>{_CAP}(?:[\s-]+{_CAP})*)(?:\s*\([^()]{{2,40}}\))?\s*,?\s*$")
_PLACE_IN_NAME = re.compile(
    rf"(?i:{_MEETING_NOUN.pattern})(?:\s+[^\s'’]+)?\s+(?:de\s+|d['’])(?P<place>{_CAP}(?:\s+{_CAP})*)"
)
_OF_PLACE = re.compile(
    rf"\b(?:de|d['’])\s*(?P<place>(?:(?:La|Le|Les)\s+|L['’])?{_CAP}(?:[\s-]+(?:{_PARTICLE})?{_CAP})*)")
"""A place after "de" in a meeting's name: "de Nouakchott", "de La Celle-Saint-Cloud"."""
_YEAR_TIE = re.compile(r"(?:\(|\ben|\bde)\s*$")
"""What ties a year to the place before it, checked first: "(", "en", "de"."""
_PART_OF_YEAR_WORDS = (r"\b(?:au\s+|dans\s+le\s+)?(?i:premier|second|deuxi[èe]me|dernier|1er|2e)\s+"
                       r"(?i:semestre|trimestre)\s+(?:de\s+)?")
_PART_OF_YEAR = re.compile(rf"{_PART_OF_YEAR_WORDS}$")
"""A part of a year, which dates a meeting by its year: "se réunira à Tunis au premier semestre 2010"."""
_YEAR_AFTER_PLACE = re.compile(
    rf"(?P<place>{_PLACE_NAME})\s*,?\s*(?:\(\s*|\ben\s+|\bde\s+|{_PART_OF_YEAR_WORDS})$")
"""A place and the words that tie a year to it: "Bucarest de ", "pays de Galles, en ", "Rabat (", "Tunis au
premier semestre "."""
_BRACKETED_YEAR = re.compile(rf"\(\s*(?P<place>{_PLACE_NAME})\s*,\s*$")
"""A town and a year in brackets after a meeting's name: "la 17e Conférence régionale africaine (Yaoundé, 2004)"."""
_PLACE_AFTER_YEAR = re.compile(rf"\s*,\s*(?:à|au|en)\s+(?P<place>{_PLACE_NAME})")
"""A place right after a year and a comma: "en 2017, à Bruxelles"."""
_HOST = re.compile(rf"(?P<place>{_PLACE_NAME}|(?<=[Ll]a\s)capitale\s+[\w'’-]+)\s+"
                   rf"(?i:{'|'.join(map(_with_adverb, _WORDS['host_verbs']))})\b")
"""A town as the subject of hosting: "Marrakech accueillera de nouveau la communauté internationale", "la
capitale burkinabè accueille ce samedi 14 septembre un sommet"."""
_HOSTED_BY = re.compile(rf"\b(?i:accueillie?s?|h[ée]berg[ée]e?s?)\s+par\s+(?P<place>{_PLACE_NAME})")
"""A town a meeting is hosted by: "la 26e Conférence régionale africaine, accueillie par Kigali"."""
_REACHED = re.compile(rf"\b(?i:{'|'.join(_WORDS['reaching_verbs'])})\s+(?P<place>{_PLACE_NAME})")
"""A town a traveller reaches, without "à": "le ministre a ensuite rejoint Singapour pour participer"."""
_ELIDED = re.compile(
    rf"\s*\)?\s*(?:,\s*|,?\s*(?:et|puis|ainsi\s+que|ou)\s+)(?:{_ADVERB}\s+)?(?:(?:celles?|ceux|celui)\s+)?"
    rf"(?:(?P<of>de|d['’])|[àÀ]|en|au)\s*"
    rf"(?P<place>{_PLACE_NAME})"
)
"""The opening of a meeting that leaves its noun out: ", et de Toronto", "et en Mauritanie", "et de nouveau à
Paris", and in an enumeration ", de Kigali", "de Paris (25 novembre 2008), de Dakar (23 novembre 2011)"."""
_LISTED = re.compile(rf"\s*;\s*(?P<place>{_PLACE_NAME})\s*,?\s*")
"""An item of a list of meetings in brackets, a town then its date: "; Ouagadougou, " of "(Accra, septembre
2017 ; Ouagadougou, mai 2018)"."""
_PRONOUN_OF = re.compile(rf"\b(?:celles?|celui)\s+(?P<of>de|d['’])\s*(?P<place>{_PLACE_NAME})")
"""A meeting the clause names by a pronoun and its place: "puis réaffirmée lors de celle de Bamako, le 20 mai"."""
_ELIDED_GROUP = re.compile(
    r"\s*,?\s*(?:et|puis|ainsi\s+que)\s+(?P<group>(?:des|du|de\s+la|de\s+l['’])\s*[^\d,;:()]{3,80}?)\s*,?\s*$"
)
"""The members of a meeting that leaves its noun out, up to its date: "Les réunions des ministres de la
Défense, les 10 et 11 février, et des ministres des Affaires étrangères, les 19 et 20 mai 2016"."""
_OWN_MEETING = re.compile(
    rf"^(?:(?:{'|'.join(_WORDS['outcome_texts'])})(?:\s+(?:finale?s?|conjointe?s?|communes?))?"
    r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?"
    rf"(?P<name>(?:\w+i[eè]me\s+|{_ORD_NUM}\s+)?(?:{_MEETING_NOUN.pattern}).*)$",
    re.IGNORECASE,
)
"""A heading line that names the meeting the text comes out of: "DÉCLARATION DE LA CONFÉRENCE MINISTÉRIELLE DU
PROCESSUS DE KHARTOUM", "SEPTIÈME SESSION ORDINAIRE DE LA CONFÉRENCE DES CHEFS D'ÉTAT DU G5 SAHEL"."""
_OUTCOME_TEXT = re.compile(rf"(?i:{'|'.join(_WORDS['outcome_texts'])})")
_TRAILING_PLACE = re.compile(rf",\s*(?P<place>{_CAP}(?:[\s-]+{_CAP})*)\s*")
"""A town written last, after a comma, at the end of a clause or before a dash: "entretien avec le ministre,
La Haye"; "visite d'Europol, La Haye – présentation du Centre"; a town's whole name before a point or a
comma too: "réunion du comité, Direction générale de la sûreté, Nouakchott."."""
_RESPECTIVELY = re.compile(
    rf"\brespectivement\s+(?:(?:à|au|aux|en)\s+{_PLACE_NAME}\s*(?:,|et)?\s*)+", re.IGNORECASE)
"""Places given one to each date before them: "respectivement à Tunis et à Rabat"."""
_RESPECTIVE_NAMES = re.compile(
    rf"(?:\bde\s+|\bd['’])(?P<places>{_CAP}(?:[\s-]+{_CAP})*(?:\s*(?:,|et)\s*(?:de\s+|d['’]){_CAP}"
    rf"(?:[\s-]+{_CAP})*)+)\s*,?\s*(?:[\w'’]+\s+){{0,4}}respectivement\s+", re.IGNORECASE)
"""Places named one for each date after them: "les réunions de Lisbonne et de Rome, tenues respectivement les
6 et 7 décembre 2017 et le 12 décembre 2018"."""
_NAME_SEPARATOR = re.compile(r"\s*(?:,|et)\s*(?:de\s+|d['’])", re.IGNORECASE)
_LASTS_UNTIL = re.compile(rf"{_any_word(*_WORDS['lasting']).pattern}\s+(?:jusqu['’](?:à|au)|au)\s+(?:le\s+)?$",
                          re.IGNORECASE)
"""What carries the meeting before a date on to that date: "Ils se poursuivront jusqu'à jeudi"."""
MAX_LASTING_DAYS = 14
"""Days: the longest stretch "se poursuivront jusqu'à …" carries a meeting over."""
_WHERE = re.compile(rf"\b(?:à|À|au|aux|en|du|des|de|d['’])\s*(?P<place>{_PLACE_NAME}),?\s+où\b")
"""A place that a relative « où » takes up: "en provenance du Burkina Faso, où il avait effectué lundi…"."""
_BYLINE_END = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*[-–—]\s")
"""What follows a dispatch's byline date: the agency, then a dash ("22 janvier 2018 (APS) - ")."""
_AFTER_OR_BEFORE = re.compile(
    r"\b(?:apr[èe]s|avant)\s+(?:la|le|les|l['’])\s*(?P<what>[^,;:()]{3,120}?)\s*,\s*(?:(?:le|les|du)\s+)?$")
_DURATION = re.compile(rf"\b(?P<days>{'|'.join(_WORDS['durations'])}|\d)\s+jours\b", re.IGNORECASE)
_CLOSING = _any_word(*_WORDS["closing_verbs"])
_OPENING = _any_word(*_WORDS["opening_verbs"])
_DEADLINE = re.compile(rf"\b(?i:{'|'.join(_WORDS['deadlines'] + _WORDS['superseded'])})\s*$")
"""Words before a date that is not the meeting's: a deadline ("avant le 15 janvier"), a date given up
("initialement prévu le 16 décembre")."""
_MOVED_TO = re.compile(
    rf"\b(?i:{'|'.join(_WORDS['moved_to'])})(?:\s*,[^,;]{{1,40}},)?\s+(?:au|à|pour)(?:\s+(?:le\s+)?mois\s+(?:de|d['’]))?\s*$")
"""The verb of a meeting moved to another date, right before it: "a été reporté au 13 janvier", "reporté au
mois d'octobre", "reporté, pour des raisons de sécurité, au 2-4 novembre"."""
_PLACE_LABEL = re.compile(r"\s*(?:\d+\.\s*)?Lieu\s*:\s*(?P<place>[^:]{2,80}?)\s*\.?\s*$")
"""A record's line giving where its meeting sits: "2. Lieu : Neuer Saal, Hofburg, Vienne"."""
LABELLED_REACH = 20
"""Paragraphs of the first part read for a record's "Lieu :" line."""
_UNLESS_STATED = _any_word(*_WORDS["unless_stated"])
_HELD_IN = re.compile(rf"{_MEETING_VERB.pattern}\s+(?:à|au)\s+(?P<place>{_PLACE_NAME})", re.IGNORECASE)
_MONTH_HEADING = re.compile(rf"[^\d.;]{{0,24}}?\b(?P<month>(?i:{MONTH_NAME}))(?:\s+(?P<year>\d{{4}}))?[\s:.…]*")
"""A calendar's heading naming a month, with its year or not: "SEPTEMBRE 2024", "À VENIR EN MARS"."""
_CALENDAR_DAYS = re.compile(
    rf"\s*(?i:du\s+)?(?:(?i:{WEEKDAY_NAME})\s+)?(?P<first>[0-3]?\d)(?:er)?"
    rf"(?:\s*(?:[-–]|(?i:au))\s*(?:(?i:{WEEKDAY_NAME})\s+)?(?P<last>[0-3]?\d))?(?=\s*[:–—]\s*\w)")
"""The days opening a calendar's line under a month heading: "4 : ", "9-10 : ", "Mardi 9 – ", "Du lundi 15 au
vendredi 19 – "."""
MAX_MONTH_HEADING = 40
"""Characters of the longest line taken for a calendar's month heading."""
NOTE_HEADING = "mois et année de l'intitulé du calendrier"
_MONTH_LINE = re.compile(rf"\s*(?i:{MONTH_NAME})\s*:?\s*")
"""A calendar's line naming a month alone ("JUIN"): its items keep the year above it."""
_MEETING_PART = re.compile(rf"(?:{_ORD_NUM}\s*)?{_any_word(*_WORDS['meeting_parts']).pattern}", re.IGNORECASE)
"""A programme's item that is a part of the meeting whose days it falls in: "Séance d'ouverture", "Session 2",
"Déjeuner", "Dîner officiel": it joins that meeting when there is one."""
_ANNEX_LABEL = re.compile(r"(?i:annexe|appendice)\s*(?:[\dIVX]+\s*)?[–—:.-]\s*")
"""An annex's label before its title: "Annexe 2 – "."""
_HEARD = _any_word(*_WORDS["heard"])
_GOES_ON = re.compile(rf"\s*(?i:{'|'.join(_WORDS['goes_on'])})\b")
"""The opening of a paragraph that tells what followed on the day the paragraph before named."""
_STAY_PARTS = re.compile(r"[,;:()–—]|\s-\s")
"""What separates the town of a programme's heading from its venue: "Marseille, Palais du Pharo – "."""
MAX_STAY_LINE = 60
"""Characters besides its days of the longest heading line that gives a programme its town."""
_DAY_LINE = re.compile(rf"[\s:.,–—-]*(?:(?i:jour|journ[ée]e)\s+\d{{1,2}}\s*[:.,–—-]*)?\s*"
                       rf"(?:(?P<place>{_CAP}(?:[\s-]+{_CAP})*)(?:\s+et\s+[^()]{{2,60}}?)?"
                       rf"(?:\s*\([^()]{{2,40}}\))?[\s:.–—-]*)?")
"""What a programme's day line holds besides its date: punctuation, perhaps its number and its town ("Lundi
13 mars :", "Mardi 14 mars – Rabat", "Jour 1 – 14 novembre 2005"); the lines under it are on that day."""
_WEEKDAY_FIRST = re.compile(rf"\s*(?i:{WEEKDAY_NAME})\b")
"""A line that opens with its weekday, as a programme's day does."""
_LOGISTICS = re.compile(rf"\s*{_any_word(*_WORDS['logistics']).pattern}", re.IGNORECASE)
_TOWARDS = re.compile(rf"\b(?:à|pour|vers|de|d['’])\s*(?P<place>{_PLACE_NAME})")
"""A town a line of travel names: "pour Agadez", "de Niamey"."""
_CLAUSE_OPENING = re.compile(rf"(?i:{'|'.join(_WORDS['clause_openings'])})(?:\b|(?<=['’]))")
_CALENDAR_SEPARATOR = re.compile(r"\s*[:–—]\s*(?=\w)|\s+(?=[A-ZÀ-Ý\"«])")
"""What follows the date that opens a calendar's line: "10-12 septembre : atelier…", "1er octobre – réunion…",
or only a space before a capital in a table's row flattened to one line ("28 janvier 2020 COSI Bruxelles")."""
_ROW_NUMBER = re.compile(r"\s*\d{1,3}[.)]?\s+")
"""A table row's number before the date that opens it: "1 20-21/03/2019 Réunion du CDS Niamey"."""
_TRAILING_NUMBER = re.compile(r"\s+\d{1,3}\s*$")
"""The next row's number, left at the end of a row when a table's rows run on one line ("… Nouakchott 4")."""
_YEARS_SPAN = re.compile(r"\b\d{4}\s*[-–/]\s*\d{4}\b")
"""Two years that bound a period ("SESSION ORDINAIRE DE 2023-2024", a parliament's year): no meeting's days."""
_BRACKETED_TOWN = re.compile(rf"\(\s*(?P<place>{_CAP}(?:[\s-]+{_CAP})*)\s*(?:,\s*{_CAP}[^()]{{0,40}})?\)")
"""A town in brackets after a meeting's name, with or without its country: "(Budapest)", "(Glasgow, Royaume-Uni)"."""
_BRACKET = re.compile(r"\s*\(([^()]{2,40})\)")
_COUNTRY_AFTER = re.compile(rf"\s*,\s*(?:en|au|aux)\s+({_CAP}(?:[\s-]+{_CAP})*)(?=\s*[,;.)]|\s+(?:du|le|les|en)\b)")
"""The country written after a town: "de Nusa Dua, en Indonésie, du 7 au 10 novembre"."""
_COMPLEMENT = re.compile(r"\s*(?:avec|de|du|des|d['’]|sur|entre)\b", re.IGNORECASE)
_JOINED_DATE = re.compile(
    rf"(?:\bet|\bpuis|\bainsi\s+que)\s*,?\s*(?:{_ADVERB}\s*,?\s*)?(?:du\s+|des\s+)?$|\bpuis\s[^,;.:]{{0,60}}$",
    re.IGNORECASE)
"""What joins a date to the one before it: "les 30 juillet et 10 août", "du 17 septembre et du 15 octobre",
"…, puis, le 8 mars", "puis le commandant de l'opération le 4 février"."""
_AUXILIARY_BEFORE = re.compile(rf"\b(?:{'|'.join(_WORDS['auxiliaries'])})\s+(?:[\w-]+\s+)?$")
"""An auxiliary right before a participle, perhaps with an adverb: "a adopté", "a ensuite signé"."""
_PARTICIPLE_OR_ACT = re.compile(r"(?:é|ée|és|ées|ion|ure)$", re.IGNORECASE)
"""A past participle ("annoncée") or the noun of an act ("signature", "adoption"), not a conjugated verb
("cette rencontre fait suite à l'échange de la veille")."""
_COMPLEMENT_OF = re.compile(r"\s*(?:de|d['’])\s*", re.IGNORECASE)
"""What joins an event's word to the meeting's noun right before it as its complement: "la cérémonie de |
signature", which stays the meeting's name (while "depuis la signature à Bamako, le 16" dates the signing)."""
_RELATIVE = re.compile(r"\b(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\b", re.IGNORECASE)
"""A relative pronoun after a date: what follows it tells of its antecedent, not of the date's meeting."""
_CLAUSE_END = re.compile(r";|[.!?…](?=\s+[\"«A-ZÀ-Ý]|\s*$)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}|n°)$")
_NOT_PLACES = set(_WORDS["not_places"])
_COMPLETED = re.compile(rf"{_any_word(*_WORDS['place_complements']).pattern}(?:\s+[\w'’-]+){{0,2}}"
                        rf"\s+(?:à|au|aux|en|dans\s+l[ae]s?|de\s+la|du|des)\s*$", re.IGNORECASE)
"""A noun that the place right after it completes: "sur la situation en Somalie", "la crise sécuritaire au Mali",
"l'Ambassade de France au Niger"."""
_PRONOUNS = {"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"}
"""A subject that names nobody: "nous avons rencontré" is a meeting, not « Visite de nous »."""
_DETERMINERS = {"le", "la", "les", "un", "une", "ce", "cet", "cette", "ces"}


@dataclass(frozen=True)
class _Cue:
    """A word near a date that tells what the date is about."""

    start: int
    end: int
    kind: MeetingKind
    role: str  # "noun" | "verb" | "people" | "visit" | "hearing"
    label: str = ""


@dataclass(frozen=True)
class _Zone:
    """The stretch of a clause that belongs to one date (up to the neighbouring dates)."""

    text: str
    clause: tuple[int, int]
    start: int
    end: int
    date: DateMatch
    dates: tuple[DateMatch, ...] = ()  # the dates of its clause, in reading order


def find_meetings(doc: Document, places: Gazetteer) -> list[Meeting]:
    """Meetings and dated events cited by ``doc``, one entry per meeting.

    Dates are read by the temporal layer against the document's own date; a date without its year takes
    the year of the last date written in full before it in its block, or in the items of a list before it (a
    calendar: "4 et 5 avril 2019 – Paris", "23 et 24 juin – Marseille"), else the year nearest the text's
    date, or, in a text without a date, the year of the last date written in full anywhere before it.
    """
    anchor = _day(doc.meta.date)
    places = places.focused(doc.actors)
    own = (places.resolve(doc.meta.place, "date du texte", town_first=True) if doc.meta.place else None) or (
        _labelled_place(doc, places))
    meetings = _opening_and_closing(_bare_nouns_named(_joined(_read_parts(doc, anchor, places, own))))
    if anchor and not any(m.kind == "meeting" and not m.hour and m.span.start <= anchor <= m.span.end
                          for m in meetings):  # a programme's item at its hour is a part of the text's meeting
        meetings += [h for h in _heading_meeting(doc, anchor, own)
                     if not any(m.kind == "meeting" and alike(h.name, m.name) for m in meetings)]
    if anchor and own:
        meetings = [_placed_by_dateline(m, anchor, own) for m in meetings]
    if default := _default_place(doc, places):
        meetings = [replace(m, place=default) if m.kind == "meeting" and not m.place else m for m in meetings]
    heading = [doc.parts[0].title, *doc.parts[0].header] if doc.parts else []  # "ASSEMBLÉE NATIONALE", "Commission…"
    home = places.last_seat(" ".join(plain(line) for line in heading), first=True)
    meetings = [_at_the_seat(m, places, home) for m in _placed_in_the_town_named(meetings, doc, places)]
    return merge_meetings([meetings])


def _read_parts(doc: Document, anchor: date | None, places: Gazetteer, own: Place) -> list[tuple[Meeting, bool]]:
    """What every date of the document stands for, paragraph by paragraph, with the weak flag of
    :func:`_read`; the lines of a programme or a calendar take the day, month and town of the lines above."""
    context_year: int | None = None
    found: list[tuple[Meeting, bool]] = []
    for part in doc.parts:
        programme = _Programme()
        programme.open_section(plain(part.title), places)  # "Conférence régionale…" above "Amman, 10-12 mars"
        last_day: DateMatch | None = None  # the last day the paragraph before named, for one that goes on
        for text, paragraph, kind in _texts(part):
            item = kind == "item"
            if kind == "heading":
                programme.open_section(text, places)
            times = programme.calendar_days(
                text, find_times(text, anchor, context_year if item or not anchor else None, years=True,
                                 previous_day=last_day.span if last_day else None), anchor)
            written = [d for d in times if not d.note and not _bare_year(d)]  # a year alone is no context
            timed = item or HOUR_LINE_RE.match(text) is not None  # "10h00 : entretien avec le ministre"
            if items := programme.follow(text, times, timed, places):
                hour, item_times = items
                read = [(replace(m, place=m.place or programme.place, hour=hour),
                         weak or _MEETING_PART.match(m.name) is not None)  # "Session 2" joins its conference
                        for m, weak in _readings(text, item_times, doc.slug, paragraph, places, own)]
                programme.went_to(m for m, _ in read)
                found += read
            elif last_day and _GOES_ON.match(text) and all(_bare_year(d) for d in times):
                # "Mardi 6 février, le ministre a rejoint le camp… ¶ De retour à Beyrouth dans l'après-midi, il
                # s'est entretenu avec le Premier ministre": the same day
                same_day = [replace(last_day, start=start, end=start) for start in _sentence_starts(text)]
                found += [(m, weak) for m, weak in _readings(text, same_day, doc.slug, paragraph, places, own)
                          if m.kind == "meeting" and m.reason != UNCUED_REASON]
            elif times:
                found += [(programme.day_meeting(m), joins) if programme.day_line or programme.stay_line else (m, joins)
                          for m, joins in _readings(text, times, doc.slug, paragraph, places, own)]
            days = [d for d in times if d.span.precision == "day"]
            last_day = days[-1] if days else (last_day if _GOES_ON.match(text) or not paragraph else None)
            # (a heading line without a date, "Commission des affaires étrangères…", does not end the day)
            if written:
                context_year = written[-1].span.end.year
            elif anchor and not item and len(times) == 1 and _bare_year(times[0]):
                context_year = times[0].span.end.year  # "Calendrier des activités 2025", for its items only
            elif anchor and not (item and all(d.note == NOTE_CONTEXT for d in times if not _bare_year(d))) and not (
                    context_year and _MONTH_LINE.fullmatch(text)):
                context_year = None  # the text's own date is the context, but along the items of a list
                # (an item without a day, "avril (dates à confirmer)", or naming a year, "Seaborder 2025", too)
    return found


def _elsewhere(entry: Meeting, host: Meeting) -> bool:
    """Whether a reading is a meeting of its own beside one of the same days: in another town ("hier au siège
    de l'Union africaine" beside "mercredi au siège de l'IGAD"), or a day of a trip ("mardi, le ministre a été
    reçu en audience" during "le déplacement du ministre (19-21 mars)")."""
    if entry.reason.startswith(UNCUED_REASON):
        return False  # a programme's day line: "Mardi 16 octobre – Lyon" is a day of the visit
    if entry.place.city and host.place.city and place_key(entry.place.city) != place_key(host.place.city):
        return True
    return (host.span.start < host.span.end and entry.span.start == entry.span.end and bool(_TRIP.match(host.name))
            and not _TRIP.match(entry.name))  # "il a achevé hier une tournée": the trip's last day


def _joined(found: list[tuple[Meeting, bool]]) -> list[Meeting]:
    """The readings, a weak one joined to a meeting of the same days when there is one (see :func:`_read`)."""
    meetings = [meeting for meeting, weak in found if not weak]
    weak_ones = sorted((meeting for meeting, weak in found if weak), key=lambda m: m.span.start - m.span.end)
    for entry in weak_ones:  # the longest first: "hier" joins "lundi et mardi"
        joins = within if entry.kind == "meeting" else same_days  # "aujourd'hui" is a day of the meeting
        host = next((m for m in meetings if m.kind == "meeting" and joins(entry, m) and not _elsewhere(entry, m)), None)
        if host is None:
            meetings.append(entry)
            continue
        host.sources.extend(entry.sources)
        if (entry.place.city and not host.place.city and host.place.country in ("", entry.place.country)
                and entry.place.source != "nom"):
            host.place = entry.place  # not a town of another country, nor one the reading is named after: they
            # belong to something else of the sentence ("hier (…) au sommet de Madrid")
    return meetings


@dataclass
class _Programme:
    """What the headings of a programme or a calendar give the lines under them, along one part."""

    day: DateMatch | None = None  # the day a line of a programme gives to the items under it: "Lundi 13 mars :"
    place: Place = field(default_factory=Place)  # and the town it names: "Mardi 14 mars – Rabat"
    after_day: bool = False  # right after a day line
    under_hour: bool = False  # under a programme's hour line, or the lines that describe it
    here: Place = field(default_factory=Place)  # where the programme last was: the town of the last day line
    # that named one, or where the last journey went ("Retour à Niamey"), for a day line that names none
    month: DateSpan | None = None  # the month a calendar's heading gives to the day lines under it
    stay: tuple[DateSpan, Place] = (DateSpan(date.max, date.min, "day", ""), Place())
    """The days and town of a programme's heading: "Dakar, 16-18 janvier 2017"."""
    town_line: Place = field(default_factory=Place)  # a line naming a town alone, for the day line after it:
    # "Ghana – Accra" above "Vendredi 12 avril 2019"
    day_line: bool = False  # the line is a programme's day line
    stay_line: bool = False  # the line gives the programme its days and town: "Amman (Jordanie), 10-12 mars 2026"
    section: str = ""  # the heading above, when it names meetings: "Auditions à Paris", "Déplacements"
    section_place: Place = field(default_factory=Place)  # and the town it names

    def open_section(self, heading: str, places: Gazetteer) -> None:
        """Take in a heading: one that opens with a meeting noun, or lists the people heard, names the meetings
        of the day lines under it ("II. Déplacements", "Auditions à Paris", "Annexe 2 – Liste des personnes
        entendues"), with its town if it names one."""
        words = _ANNEX_LABEL.sub("", HEADING_NUMBER.sub("", heading))
        self.section = words if _MEETING_NOUN.match(words) or _HEARD.search(words) else ""
        town = _PLACE_AT.search(words) if self.section else None
        self.section_place = (places.resolve(town["place"], town_first=True) if town else None) or Place()
        self.here = Place()  # a new section of a report is another journey, or the hearings at home

    def went_to(self, meetings: Iterable[Meeting]) -> None:
        """Take in the items of a programme's line: the last town they write is where the programme is, for a day
        line after it that names none ("14 h 30 : réunion avec la protection civile, Tunis")."""
        for meeting in meetings:
            if meeting.place.city and meeting.place.source == "texte":
                self.here = meeting.place

    def day_meeting(self, meeting: Meeting) -> Meeting:
        """A day line's own reading, in the town of its programme: under a heading that names meetings, the
        meeting of that heading when no cue word says what the date is ("Mercredi 13 février 2019" under
        "Auditions à Paris")."""
        if meeting.kind == "event" and meeting.reason.startswith(UNCUED_REASON) and self.section:
            meeting = replace(meeting, kind="meeting", name=tidy(self.section),
                              reason=meeting.reason.replace(UNCUED_REASON, f"ligne de jour sous « {self.section} »"))
        if meeting.kind != "meeting" or meeting.place:
            return meeting
        return replace(meeting, place=self.place or (self.stay[1] if self.stay_line else Place()) or self.section_place)

    def calendar_days(self, text: str, times: list[DateMatch], anchor: date | None) -> list[DateMatch]:
        """``times``, or the days a calendar's line opens with under a month heading ("SEPTEMBRE 2024" above
        "9-10 : Réunion du groupe de travail", "RETOUR SUR FÉVRIER" above "Mardi 9 – Visioconférence…")."""
        if self.month and not times and (days := _days_of_month(text, self.month)):
            return [days]
        self.month = _heading_month(text, times, anchor)
        return times

    def follow(self, text: str, times: list[DateMatch], timed: bool,
               places: Gazetteer) -> tuple[str, list[DateMatch]] | None:
        """The hour and the dates of a line under a programme's day ("- 15h00 : entretien avec le ministre",
        the paragraph under "Lundi 15 avril – Brasília", each of its sentences; none for a line of logistics,
        "13h00 : Déjeuner"), or None for any other line, after taking in what it tells the lines after it."""
        only = times[0] if len(times) == 1 else None
        rest = text[: only.start] + text[only.end :] if only else ""
        line = _DAY_LINE.fullmatch(rest) if only else None
        self.day_line = line is not None
        if not times and len(text) <= MAX_STAY_LINE and (alone := _town_line(text, places)):
            self.town_line = alone
        if only and only.span.start < only.span.end and len(rest) <= MAX_STAY_LINE:
            # "Dakar, 16-18 janvier 2017", "Marseille, Palais du Pharo – 14 et 15 novembre 2005" above its days
            towns = (place for words in _STAY_PARTS.split(rest) if (place := places.resolve(words, town_first=True)))
            self.stay = only.span, next((place for place in towns if place.city), Place())
        self.stay_line = only is not None and self.stay[0] is only.span
        items = None
        if line and only:
            self.day, town = only, line.group("place")
            self.place = (_town_line(rest, places) or (places.resolve(town, town_first=True) if town else None)
                          or Place())  # "Colombie (Bogotá) – du lundi 15 au jeudi 18 novembre 2021"
            eve, last = self.stay[0].start - timedelta(1), self.stay[0].end
            if not self.place and eve <= only.span.start <= only.span.end <= last:
                self.place = self.stay[1]  # its eve too: "Dimanche 5 novembre : réunion préparatoire"
            self.place, self.town_line = self.place or self.town_line or self.here, Place()
            self.here = self.place
        elif (timed or self.after_day) and self.day and not times:
            hour_line = HOUR_LINE_RE.match(text)
            if hour_line and (move := _moved_to(text, hour_line.end(), places)):
                self.place = self.here = move  # "07h30 : Départ pour Agadez", "14h30 : Retour à Niamey"
            day, logistics = self.day, bool(hour_line and _LOGISTICS.match(text, hour_line.end()))
            items = (hour_line[0].strip(" :–—-") if hour_line else "",
                     [] if logistics else [replace(day, start=start, end=start) for start in _sentence_starts(text)])
        elif not timed and not (self.under_hour and not times):
            self.day, self.place = None, Place()
        # the lines under a programme's hour ("Allocutions du président…") do not end its day
        self.under_hour = bool(self.day) and (timed or (self.under_hour and not times))
        # a programme's day ("Lundi 15 avril – Brasília"), not a press release's date line ("15 mars 2024")
        self.after_day = line is not None and bool(self.place or _WEEKDAY_FIRST.match(text))
        return items


def _town_line(text: str, places: Gazetteer) -> Place | None:
    """The town of a line that names places alone, a town among them: "Côte d'Ivoire – Abidjan"."""
    found = [places.resolve(words, town_first=True) for words in _STAY_PARTS.split(text) if words.strip()]
    if not found or not all(found):
        return None
    return next((place for place in found if place and place.city), None)


def _moved_to(text: str, start: int, places: Gazetteer) -> Place | None:
    """The town a programme's line of travel goes to, from ``start``: "Départ pour Agadez (vol spécial)",
    "Arrivée à l'aéroport international Diori-Hamani de Niamey"; None for any other line."""
    if not _LOGISTICS.match(text, start):
        return None
    for match in reversed(list(_TOWARDS.finditer(text, start))):
        if (place := _resolve(places, match.group("place"), text, match.end("place"), town_first=True)) and place.city:
            return place
    return None


def _labelled_place(doc: Document, places: Gazetteer) -> Place:
    """The town a record's "Lieu :" line names, in its first lines, its last words first: "Lieu : Neuer Saal,
    Hofburg, Vienne"."""
    for text, _, _ in itertools.islice(_texts(doc.parts[0]), LABELLED_REACH) if doc.parts else ():
        if label := _PLACE_LABEL.match(text):
            for words in reversed(label.group("place").split(",")):
                if (place := places.resolve(words, "date du texte", town_first=True)) and place.city:
                    return place
    return Place()


def _default_place(doc: Document, places: Gazetteer) -> Place:
    """The town a calendar says its meetings are held in unless it says otherwise: "Les réunions se tiennent à
    Bruxelles (bâtiment Justus Lipsius) sauf mention contraire"."""
    for part in doc.parts:
        for text, _, _ in _texts(part):
            if (unless := _UNLESS_STATED.search(text)) and (
                    held := _HELD_IN.search(text, 0, unless.start()) or _HELD_IN.search(text, unless.end())):
                return (places.resolve(held.group("place"), "calendrier", town_first=True)
                        or places.last_seat(text[held.start("place"):]) or Place())  # "à l'Assemblée nationale"
    return Place()


def _heading_month(text: str, times: list[DateMatch], anchor: date | None) -> DateSpan | None:
    """The month a calendar's heading names: with its year ("SEPTEMBRE 2024"), or the one nearest the text's
    own day ("À VENIR EN MARS" in a letter of 5 March 2021)."""
    if len(text) > MAX_MONTH_HEADING or not (heading := _MONTH_HEADING.fullmatch(text)):
        return None
    if heading["year"]:
        return times[0].span if len(times) == 1 and times[0].span.precision == "month" else None
    if anchor is None or (month := month_number(heading["month"])) is None:
        return None
    return month_span(nearest_year(month, anchor), month, heading["month"])


def _days_of_month(text: str, month: DateSpan) -> DateMatch | None:
    """The days a calendar's line opens with, in the month of the heading above it: "4-7 : 92e session de
    l'Assemblée générale" under "NOVEMBRE 2024"."""
    if not (match := _CALENDAR_DAYS.match(text)):
        return None
    last_day = calendar.monthrange(month.start.year, month.start.month)[1]
    first, last = int(match["first"]), int(match["last"] or match["first"])
    if not 1 <= first <= last <= last_day:
        return None
    span = DateSpan(month.start.replace(day=first), month.start.replace(day=last), "day", match[0].strip())
    return DateMatch(span, match.start(), match.end(), NOTE_HEADING)


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` starts: the clauses of :func:`_clauses` that no semicolon opens."""
    return [start for start, _ in _clauses(text) if not start or text[start - 1] != ";"]


def _readings(
    text: str, times: list[DateMatch], slug: str, anchor: str, places: Gazetteer, own: Place
) -> list[tuple[Meeting, bool]]:
    """What each date of one paragraph stands for (see :func:`_read`), with the meetings the readings imply
    and those dated by a year alone; ``own`` is the place the text is written in."""
    found: list[tuple[Meeting, bool]] = []
    previous: tuple[_Zone, Meeting] | None = None
    for zone in _zones(text, [d for d in times if not _bare_year(d)]):
        meeting = next((m for m, _ in reversed(found) if m.kind == "meeting"), None)
        if meeting and (longer := _carried_on(zone, meeting)):
            found = [(longer, weak) if m is meeting else (m, weak) for m, weak in found]
            continue
        reading = _read(zone, slug, anchor, places, own)
        if previous and previous[0].clause == zone.clause and (elided := _elided(zone, previous[1], places)):
            reading = (elided, False)
        found.append(reading)
        if implied := (_implied_meeting(zone, reading[0]) or _meeting_held_at(zone, reading[0], places)
                       or _meeting_of_its_outcome(zone, reading[0])):
            found.append((implied, False))
        previous = zone, reading[0]
    years = [d for d in times if _bare_year(d)]
    return found + [(m, False) for m in _year_meetings(text, years, slug, anchor, places)]


def _carried_on(zone: _Zone, meeting: Meeting) -> Meeting | None:
    """``meeting`` lasting until ``zone``'s date when the words before that date carry it on ("Les travaux se
    sont ouverts ce mardi (…). Ils se poursuivront jusqu'à jeudi"), a few days after it opened; else None."""
    date = zone.date
    if not _LASTS_UNTIL.search(zone.text, max(0, date.start - WORDS_BEFORE_DATE), date.start):
        return None
    span = meeting.span
    if span.precision != "day" or date.span.precision != "day" or not (
            span.end < date.span.end <= span.start + timedelta(MAX_LASTING_DAYS)):
        return None
    return replace(meeting, span=DateSpan(span.start, date.span.end, "day", f"{span.text} – {date.span.text}"))


def _heading_meeting(doc: Document, anchor: date, own: Place) -> list[Meeting]:
    """The meeting that a heading line of the text names without a date, held on the text's own days and
    where it is dated: a declaration or the conclusions of a conference, dated at its close. The caller
    keeps it only if no meeting the text dates could be the same one (a report on a visit dated inside)."""
    first = doc.parts[0] if doc.parts else None
    lines = [*(plain(line) for line in first.header), plain(first.title)] if first else []
    match = next((m for line in lines if (m := _OWN_MEETING.match(line.strip())) and not find_times(line, anchor)
                  and not _YEARS_SPAN.search(line)), None)
    if match is None:
        return []
    own_days = find_times(doc.meta.date_text, anchor)
    span = own_days[0].span if own_days else DateSpan(anchor, anchor, "day", doc.meta.date_text)
    if not span.start <= anchor <= span.end:
        span = DateSpan(anchor, anchor, "day", doc.meta.date_text)
    name = sentence_case(match.group("name"), spellings((plain(block.text) for block in doc.blocks()),
                                                        of=match.group("name")))
    reason = "intitulé du texte ; date et lieu du texte"
    citation = Citation(doc.slug, "", tidy(match.group()))
    return [Meeting("", tidy(name), span, own, "meeting", [citation], _CUE_CONFIDENCE["noun"] - INFERRED_DATE_COST,
                    reason, "date du texte")]


def _bare_nouns_named(meetings: list[Meeting]) -> list[Meeting]:
    """A meeting named by its noun alone ("le sommet a été ouvert hier") is the meeting of that noun named
    before it in the text, if that one is held within ``MAX_MEETING_GAP`` days: it takes its name."""
    named: list[Meeting] = []
    for meeting in meetings:
        words = meeting.name.split()
        if meeting.kind != "meeting" or meeting.span.precision != "day":
            continue
        if len(words) > 1:
            named.append(meeting)
            continue
        noun = fold(words[0]) if words else ""
        earlier = next((m for m in reversed(named) if noun in tokens(m.name)
                        and abs((m.span.start - meeting.span.start).days) <= MAX_MEETING_GAP), None)
        if earlier is not None:
            meeting.name = earlier.name
    return meetings


def _opening_and_closing(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting of a text named alike on days a few apart is one meeting over those days: "ouverte le
    28 novembre", "a achevé aujourd'hui (1er décembre) les travaux de la 91e session"; one named alike on a
    day within another's days is a day of it ("un accord signé mercredi, en marge de la conférence"). Two items
    of a programme, each at its hour, stay two ("11h00 : Table ronde n° 1", "09h30 : Table ronde n° 3")."""
    if sum(m.kind == "meeting" and m.span.precision == "day" for m in meetings) < 2:
        return meetings
    kept: list[Meeting] = []
    words_of = {id(m): distinctive(m.name) for m in meetings}
    for meeting in sorted(meetings, key=lambda m: (m.span.start, m.span.end)):
        words = words_of[id(meeting)]
        earlier = next((m for m in kept if words and words_of[id(m)] == words and not (m.hour and meeting.hour)
                        and (_continues(m, meeting) or (m.kind == meeting.kind == "meeting" and within(meeting, m)))),
                       None)
        if earlier is None:
            kept.append(meeting)
            continue
        if meeting.span.end > earlier.span.end:
            wording = f"{earlier.span.text} – {meeting.span.text}"
            earlier.span = DateSpan(earlier.span.start, meeting.span.end, "day", wording)
        earlier.sources.extend(c for c in meeting.sources if c not in earlier.sources)
        if meeting.place.city and not earlier.place.city:
            earlier.place = meeting.place
    return kept


def _continues(earlier: Meeting, later: Meeting) -> bool:
    """Days at most ``MAX_MEETING_GAP`` after ``earlier``, at the day's precision, in the same town if any."""
    gap = (later.span.start - earlier.span.end).days
    towns = {place_key(m.place.city) for m in (earlier, later) if m.place.city}
    return (earlier.kind == later.kind == "meeting" and 0 < gap <= MAX_MEETING_GAP and len(towns) <= 1
            and earlier.span.precision == later.span.precision == "day")


def _placed_by_dateline(meeting: Meeting, anchor: date, own: Place) -> Meeting:
    """A meeting with no town that is under way on the text's own day, on the day after it or in the days
    just before it took place where the text was written: the communiqué of a meeting is dated where it
    sits, and the press article about a summit is filed from it."""
    span, place = meeting.span, meeting.place
    near = span.start - timedelta(1) <= anchor <= span.end + timedelta(OWN_DAYS_BEFORE)
    if meeting.kind != "meeting" or place.city or not near or place.country not in ("", own.country):
        return meeting
    return replace(meeting, place=own)


def _placed_in_the_town_named(meetings: list[Meeting], doc: Document, places: Gazetteer) -> list[Meeting]:
    """A meeting placed in a country alone takes the town of that country its paragraph names, when it names
    only one ("le ministre s'est rendu en Tunisie. À Tunis, il a été reçu…"); when its paragraph names none,
    the paragraphs after it that date nothing tell the visit on ("s'est rendue jeudi au Niger. ¶ Entretiens à
    Niamey ¶ Dès son arrivée à Niamey…"), up to the next paragraph that dates something. A town named
    elsewhere in the text may be another stage of a visit, or another meeting's."""
    bare = [m for m in meetings if m.kind == "meeting" and m.place.country and not (m.place.city or m.place.via)]
    if not bare:
        return meetings
    blocks = [block for block in doc.blocks() if block.kind in ("paragraph", "item", "heading")]
    dated = {citation.anchor for meeting in meetings for citation in meeting.sources if citation.anchor}
    for meeting in bare:
        country = meeting.place.country
        own = {citation.anchor for citation in meeting.sources if citation.anchor}  # not a heading line's
        towns = _towns_of(places, country, (plain(b.text) for b in blocks if b.anchor and b.anchor in own))
        if not towns:
            towns = _towns_of(places, country, (plain(b.text) for b in _told_on(blocks, own, dated)))
        if len(towns) == 1:
            town = next(iter(towns.values()))
            meeting.place = Place(town.city, town.country, "ville du pays")
    return meetings


def _told_on(blocks: list[Block], own: set[str], dated: set[str]) -> list[Block]:
    """The blocks after the last of ``own`` up to the next one in ``dated`` or telling of going elsewhere."""
    last = max((i for i, block in enumerate(blocks) if block.anchor in own), default=len(blocks))
    return list(itertools.takewhile(lambda block: block.anchor not in dated and not _GOING_ON.search(
        plain(block.text)), blocks[last + 1 :]))


def _towns_of(places: Gazetteer, country: str, texts: Iterable[str]) -> dict[str, Place]:
    """The towns of ``country`` that ``texts`` name after « à », « au », « en »: town -> its place."""
    return {place.city: place for text in texts for match in _PLACE_AT.finditer(text)
            if (place := places.resolve(match.group("place"), town_first=True))
            and place.city and place.country == country}


def _at_the_seat(meeting: Meeting, places: Gazetteer, home: Place | None = None) -> Meeting:
    """A sitting of a standing body that nothing else placed is held at the seat of the organisation its
    clause names last: "Adoptée par le Conseil de sécurité des Nations unies à sa 8667e séance" sat in New
    York. Not a meeting whose name says it travels (a summit, a conference, a ministerial)."""
    if meeting.kind != "meeting" or meeting.place or not meeting.sources:
        return meeting
    after_ordinal = _LEADING_ORDINAL.match(meeting.name)
    if not _SITTING.match(meeting.name, after_ordinal.end() if after_ordinal else 0) or _TRAVELLING.search(
            meeting.name):
        return meeting
    seat = places.last_seat(meeting.sources[0].quote) or home  # else the body the text's heading names
    return replace(meeting, place=seat) if seat else meeting


def _day(iso: str) -> date | None:
    """The day an ISO date names, None for a month, a year or no date."""
    try:
        return date.fromisoformat(iso) if len(iso) == 10 else None
    except ValueError:
        return None


def _texts(part: Part) -> Iterator[tuple[str, str, str]]:
    """Header lines and the title unless a header line holds it (no anchor), then blocks, as plain text,
    each with its anchor and its kind (``header`` for a header line or the title, else the block's)."""
    header = [text for line in part.header if (text := plain(line).replace("*", "").strip())]
    title = plain(part.title).replace("*", "").strip()
    for text in header if not title or any(title in line for line in header) else [*header, title]:
        yield text, "", "header"
    for block in part.blocks:
        yield plain(block.text), block.anchor, block.kind


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """Clause boundaries: semicolons and sentence ends (not after ``M.``, ``Doc.``, ``n°.``, nor a semicolon
    between brackets, which separates the items of a list: "(Accra, septembre 2017 ; Lomé, avril 2021)")."""
    start = 0
    for match in _CLAUSE_END.finditer(text):
        if match.group() == "." and _ABBREVIATION.search(text[start : match.start()]):
            continue
        if match.group() == ";" and text.count("(", start, match.start()) > text.count(")", start, match.start()):
            continue
        yield start, match.end()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def _bare_year(match: DateMatch) -> bool:
    """A year written alone ("en 2008", "(2006)"), not a relative one ("l'an dernier")."""
    return match.span.precision == "year" and not match.note


def _zones(text: str, dates: list[DateMatch]) -> Iterator[_Zone]:
    if not dates:
        return
    for clause in _clauses(text):
        inside = [d for d in dates if clause[0] <= d.start < clause[1]]
        inside = [d for d in inside if not any(_specifies(other, d) for other in inside)]
        for i, found in enumerate(inside):
            start = inside[i - 1].end if i else clause[0]
            end = inside[i + 1].start if i + 1 < len(inside) else clause[1]
            yield _Zone(text, clause, start, end, found, tuple(inside))


def _specifies(finer: DateMatch, coarse: DateMatch) -> bool:
    """Whether ``finer`` says more precisely when the relative ``coarse`` was: "l'an dernier, (…) du 18 au
    21 octobre" (two dates written out, "en septembre 2023 … le 28 septembre 2023", stay two)."""
    order = ("day", "month", "year")
    return (bool(coarse.note) and order.index(finer.span.precision) < order.index(coarse.span.precision)
            and coarse.span.start <= finer.span.start and finer.span.end <= coarse.span.end)


def _year_meetings(
    text: str, years: list[DateMatch], slug: str, anchor: str, places: Gazetteer
) -> Iterator[Meeting]:
    """Meetings dated by a year alone, written right after their place and after a meeting noun of the same
    clause: "notre sommet de Bucarest de 2008", "conférence après conférence, à Rabat (2006), Paris (2008)",
    "la 16e Conférence régionale africaine (Nairobi, 2002)"."""
    for year in years:
        clause = next(c for c in _clauses(text) if c[0] <= year.start < c[1])
        bracketed = _BRACKETED_YEAR.search(text, max(clause[0], year.start - PLACE_REACH), year.start)
        if not bracketed and not _YEAR_TIE.search(text, max(0, year.start - 6), year.start) and not (
                _PART_OF_YEAR.search(text, max(0, year.start - WORDS_BEFORE_DATE), year.start)):
            continue
        before = bracketed or _YEAR_AFTER_PLACE.search(text, max(clause[0], year.start - PLACE_REACH), year.start)
        after = _PLACE_AFTER_YEAR.match(text, year.end, clause[1])  # "nous réunirons en 2017, à Bruxelles"
        found = before if before is not None else after
        if found is None:
            continue
        place, start = _place_tail(places, found.group("place"), found.start("place"))
        start = min(start, year.start)
        cues = [c for c in _clause_cues(text, *clause) if c.role in ("noun", "verb") and c.end <= start]
        cue = max(cues, key=lambda c: c.end, default=None)
        if place is None or cue is None or cue.kind != "meeting" or start - cue.end > PLACE_REACH:
            continue
        zone = _Zone(text, clause, clause[0], clause[1], year)
        phrase = text[cue.start : year.start]
        if cue.role == "verb":  # "nous nous réunirons de nouveau à Vilnius en 2023"
            name = f"Réunion {_of(place.label)}"
        elif bracketed:  # "la 17e Conférence régionale africaine (Yaoundé, 2004)"
            name = f"{_ordinal(text[clause[0] : cue.start])} {text[cue.start : bracketed.start()]}"
        elif _STOP.search(phrase) is None and after is None:
            name = phrase
        else:
            name = f"{text[cue.start : cue.end]} {_of(place.label)}"
        reason = f"« {text[cue.start : cue.end]} », année seule après le lieu"
        yield Meeting("", tidy(name), year.span, place, "meeting", [Citation(slug, anchor, _quote(zone))],
                      confidence=_CUE_CONFIDENCE["noun"] - INFERRED_DATE_COST, reason=reason)


def _place_tail(places: Gazetteer, words: str, start: int) -> tuple[Place | None, int]:
    """The longest ending of ``words`` that names a place, and where it starts ("Conférence de Rabat" -> Rabat)."""
    for match in re.finditer(r"(?:^|(?<=\s)|(?<=['’]))\S", words):
        if (place := places.resolve(words[match.start() :], town_first=True)) is not None:
            return place, start + match.start()
    return None, start


_CUE_PATTERNS: tuple[tuple[re.Pattern[str], MeetingKind, str, str], ...] = (
    (_MEETING_NOUN, "meeting", "noun", ""),
    (_ORDINAL_ACRONYM, "meeting", "noun", ""),
    (_MEETING_VERB, "meeting", "verb", ""),
    (_VISIT_VERB, "meeting", "visit", ""),
    (_HEARING_VERB, "meeting", "hearing", ""),
    (_PEOPLE, "meeting", "people", ""),
    (_EVENT_NOUN, "event", "noun", ""),
    *((pattern, "event", "verb", label) for pattern, label in _EVENT_VERBS),
)


@lru_cache(maxsize=256)
def _clause_cues(text: str, start: int, end: int) -> tuple[_Cue, ...]:
    """Every cue word of a clause of ``text`` (no cue word holds the punctuation that ends a clause)."""
    return tuple(
        _Cue(m.start(), m.end(), kind, role, label)
        for pattern, kind, role, label in _CUE_PATTERNS
        for m in pattern.finditer(text, start, end)
        if pattern is not _MEETING_NOUN or not _BUILDING.search(text, max(0, m.start() - 40), m.start())
    )


def _cues(zone: _Zone) -> list[_Cue]:
    """The cue words of the zone, outside the date wording."""
    date = zone.date
    return [
        c
        for c in _clause_cues(zone.text, *zone.clause)
        if zone.start <= c.start and c.end <= zone.end and (c.end <= date.start or c.start >= date.end)
    ]


def _distance(zone: _Zone, start: int, end: int) -> int:
    return zone.date.start - end if end <= zone.date.start else start - zone.date.end


def _nearest(zone: _Zone, cues: list[_Cue]) -> _Cue | None:
    return min(cues, key=lambda c: _distance(zone, c.start, c.end), default=None)


def _first(zone: _Zone, cues: list[_Cue]) -> _Cue | None:
    """The nearest cue before the date (a date follows what it dates), else the nearest after it."""
    before = [c for c in cues if c.end <= zone.date.start]
    return _nearest(zone, before or cues)


def _read(zone: _Zone, slug: str, anchor: str, places: Gazetteer, own: Place) -> tuple[Meeting, bool]:
    """The meeting or event a date stands for; the flag tells a weak reading (a date without any cue, or
    one told relative to the text's own day, such as "aujourd'hui"), which joins a meeting of the same
    days written out elsewhere in the document."""
    if _MOVED_TO.search(zone.text, max(zone.start, zone.date.start - WORDS_BEFORE_DATE), zone.date.start):
        zone = replace(zone, start=zone.clause[0])  # "le sommet, initialement prévu le 16 décembre, a été
        # reporté au 13 janvier": the new date is the meeting's, named before the date given up
    elif named := _respective_names(zone):
        # "les sommets de Paris et d'Abuja, tenus respectivement le 17 mai 2014 et le 14 mai 2016": the second
        # date is a summit's too
        zone = replace(zone, start=max(zone.clause[0], min(zone.start, named.start() - WORDS_BEFORE_DATE)))
    cues = [] if _is_byline(zone) else _cues(zone)
    before = max(0, zone.date.start - WORDS_BEFORE_DATE)
    if ((SINCE.search(zone.text, before, zone.date.start) and zone.date.note != NOTE_SINCE)
            or _DEADLINE.search(zone.text, before, zone.date.start)):
        # "copréside depuis le 1er janvier 2017": a state; "communiquer, avant le 15 janvier, les noms": a deadline
        cues = [c for c in cues if c.kind == "event"]
    cue = _first(zone, [c for c in cues if c.role == "noun" and c.end <= zone.date.start]) or _first(zone, cues)
    if cue and cue.kind == "meeting" and cue.role == "noun" and (participle := _participle_between(zone, cue, cues)):
        cue = participle  # "lors de son audition, il a rappelé la réforme, annoncée par le Président le 9 novembre"
    kind: MeetingKind
    if point := _reference_point(zone, cues):
        kind, name = "event", point  # "quelques semaines après la mort de treize militaires, le 25 novembre 2019"
    elif cue is None and (item := _calendar_item(zone)):
        kind, name = "meeting", item  # "23-27 septembre : formation à la détection aux frontières, Cadarache"
    elif cue is None:
        kind, name = "event", UNDATED_EVENT
    elif cue.kind == "meeting":
        kind, name = "meeting", _meeting_name(zone, [c for c in cues if c.kind == "meeting"])
    else:
        kind, name = "event", _event_name(zone, [c for c in cues if c.kind == "event"])
    place = (_respective(zone, places) or _line_end_town(zone, places) or _referred(zone, places, own)
             or _place(zone, cues, places, _place_in_name(name, places, zone.text)) or _town_before(zone, places))
    if cue and cue.role == "people" and not place.city and not any(
            c.kind == "meeting" and c.role != "people" for c in cues):
        cue, kind, name = None, "event", UNDATED_EVENT  # "les ministres ont accueilli la Suède, membre le 7 mars"
    citation = Citation(slug, anchor, _quote(zone))
    confidence, reason = _confidence(zone, cue)
    span = _lasting(zone) if kind == "meeting" else zone.date.span
    meeting = Meeting("", name, span, place, kind, [citation], confidence, reason, zone.date.note)
    return meeting, cue is None or zone.date.note in _RELATIVE_NOTES


def _calendar_item(zone: _Zone) -> str:
    """What a calendar's line opened by its date names, up to its first comma, when the line holds no cue
    word: an activity of the calendar ("3 décembre : visioconférence de bilan"); else ""."""
    separator = _calendar_line(zone)
    if not separator or _LOGISTICS.match(zone.text, separator.end()) or _CLAUSE_OPENING.match(
            zone.text, separator.end()):
        return ""  # "12 mai : départ pour Dakar", "11 janvier 2013 : la France déclenche l'opération Serval"
    town = _LISTED_PLACE.match(zone.text, zone.date.end)  # "Du lundi 15 au vendredi 19 – Carthagène des Indes :"
    return tidy(re.split(r"[,;(]", zone.text[town.end() if town else separator.end() : zone.end], maxsplit=1)[0])


def _calendar_line(zone: _Zone) -> re.Match[str] | None:
    """The separator after the date when the date opens a calendar's line (after its row's number, if any):
    " : " of "4 : Comité…"."""
    if zone.date.start and not _ROW_NUMBER.fullmatch(zone.text, 0, zone.date.start):
        return None
    return _CALENDAR_SEPARATOR.match(zone.text, zone.date.end)


def _line_end_town(zone: _Zone, places: Gazetteer) -> Place:
    """The town that ends a calendar's line with no word before it, a table's last column flattened: "23-24
    janvier 2020 Réunion informelle des ministres de la justice Zagreb"."""
    if not _calendar_line(zone):
        return Place()
    words = _TRAILING_NUMBER.sub("", zone.text[zone.date.end : zone.end]).rstrip(" .;").split()
    for size in (3, 2, 1):
        tail = " ".join(words[-size:])
        if len(words) > size and all(word[:1].isupper() for word in words[-size:]) and _whole_town(places, tail):
            return places.resolve(tail, town_first=True) or Place()
    return Place()


def _participle_between(zone: _Zone, noun: _Cue, cues: list[_Cue]) -> _Cue | None:
    """An event's participle with no auxiliary between a meeting's noun and the date, which it dates instead:
    "la réforme, annoncée par le Président le 9 novembre"; not "le sommet a adopté le 16 octobre la Charte"."""
    verbs = [c for c in cues if c.kind == "event" and c.role == "verb" and noun.end <= c.start
             and c.end <= zone.date.start and _PARTICIPLE_OR_ACT.search(zone.text, c.start, c.end)
             and not _COMPLEMENT_OF.fullmatch(zone.text, noun.end, c.start)
             and not _AUXILIARY_BEFORE.search(zone.text, noun.end, c.start)]
    return verbs[-1] if verbs else None


def _is_byline(zone: _Zone) -> bool:
    """Whether the date is a dispatch's byline, the text's own date: "ALGER, 22 janvier 2018 (APS) - Les…"."""
    return (zone.clause[0] == 0 and _DATELINE.fullmatch(zone.text, 0, zone.date.start) is not None
            and _BYLINE_END.match(zone.text, zone.date.end) is not None)


def _reference_point(zone: _Zone, cues: list[_Cue]) -> str:
    """The name of what a date right after "après …" or "avant …" dates, when no meeting's noun stands between
    them: the date is the point of reference, not the meeting's ("quatre jours après le déclenchement de
    l'agression, le 24 février 2022, la présidence a convoqué un Conseil"); else ""."""
    meeting_ends = [c.end for c in cues if c.kind == "meeting" and c.end <= zone.date.start]
    start = max([zone.start, *meeting_ends])
    match = _AFTER_OR_BEFORE.search(zone.text, start, zone.date.start)
    return tidy(match.group("what")) if match else ""


def _lasting(zone: _Zone) -> DateSpan:
    """The days of a meeting dated by its first or last day and told how long it lasts: "ont conclu ce jeudi
    14 février deux jours de réunion" (13–14), "le sommet de deux jours avait débuté vendredi"."""
    span = zone.date.span
    duration = _DURATION.search(zone.text, *zone.clause)
    if span.precision != "day" or span.start != span.end or duration is None:
        return span
    word = duration.group("days").lower()
    days = int(word) if word.isdigit() else _WORDS["durations"].get(fold(word), 1)
    if _CLOSING.search(zone.text, *zone.clause):
        return DateSpan(span.end - timedelta(days - 1), span.end, "day", span.text)
    if _OPENING.search(zone.text, *zone.clause):
        return DateSpan(span.start, span.start + timedelta(days - 1), "day", span.text)
    return span


def _elided(zone: _Zone, previous: Meeting, places: Gazetteer) -> Meeting | None:
    """A meeting that shares the noun of the one before it in the clause: "les réunions d'Ischia, les 10 et
    11 avril, et de Toronto, les 23 et 24 avril 2018"; "en France, à Nice, en mai 2006, et en Mauritanie, à
    Nouakchott, en mai 2008"."""
    before = [c for c in _cues(zone) if c.end <= zone.date.start]
    if previous.kind != "meeting" or before:
        return None
    if group := _ELIDED_GROUP.fullmatch(zone.text, zone.start, zone.date.start):
        return _elided_group(zone, previous, group.group("group"), places)
    if not (match := _ELIDED.match(zone.text, zone.start) or _PRONOUN_OF.search(zone.text, zone.start,
                                                                                  zone.date.start)
            or _LISTED.fullmatch(zone.text, zone.start, zone.date.start)):
        return _another_day(zone, previous, places)
    place = _resolve(places, match.group("place"), zone.text, match.end("place"), town_first=True) or Place()
    if not place.city:
        place = _place(zone, [], places, Place()) or place
    if not place:
        return None
    noun = previous.name.split()[0] if _MEETING_NOUN.match(previous.name) else "Réunion"
    name = f"{noun} {_of(match.group('place'))}" if match.groupdict().get("of") else previous.name
    citation = Citation(previous.sources[0].document, previous.sources[0].anchor, _quote(zone))
    reason = f"{previous.reason} ; même nom que la réunion précédente de la phrase"
    return Meeting("", tidy(name), zone.date.span, place, "meeting", [citation], previous.confidence, reason,
                   zone.date.note)


def _another_day(zone: _Zone, previous: Meeting, places: Gazetteer) -> Meeting | None:
    """A meeting of the same name on a date joined to the one before it, with no word of its own: "ses
    sommets extraordinaires, tenus à Abuja les 30 juillet et 10 août 2023"; "ils ont entendu, le 25 janvier,
    le directeur…, puis, le 8 mars, le chef d'état-major"."""
    if not _JOINED_DATE.search(zone.text, zone.start, zone.date.start) or _cues(zone):
        return None
    citation = Citation(previous.sources[0].document, previous.sources[0].anchor, _quote(zone))
    reason = f"{previous.reason} ; autre date de la même phrase, jointe à la précédente"
    place = _respective(zone, places) or _place(zone, [], places, Place()) or previous.place
    return Meeting("", previous.name, zone.date.span, place, "meeting", [citation], previous.confidence, reason,
                   zone.date.note)


def _elided_group(zone: _Zone, previous: Meeting, group: str, places: Gazetteer) -> Meeting:
    """The second of two meetings told by their members, which share the place written after the last date
    ("…, au siège de l'OTAN"): the first one takes it too when it has none."""
    noun = previous.name.split()[0]
    if noun.endswith("s") and _MEETING_NOUN.fullmatch(noun[:-1]):
        noun = noun[:-1]  # "Les réunions des ministres…, et des ministres…": one meeting each
    place = _place(zone, [], places, Place())
    if place and not previous.place:
        previous.place = place
    citation = Citation(previous.sources[0].document, previous.sources[0].anchor, _quote(zone))
    reason = f"{previous.reason} ; même nom que la réunion précédente de la phrase"
    return Meeting("", tidy(f"{noun} {group}"), zone.date.span, place, "meeting", [citation],
                   previous.confidence, reason, zone.date.note)


def _implied_meeting(zone: _Zone, event: Meeting) -> Meeting | None:
    """The meeting a joint text of a group implies: "la déclaration des chefs d'État (…) faite le 18 juillet
    2023 à Bruxelles" was made where they met; written out in a town only."""
    if event.kind != "event" or not event.place.city or not _GROUP.search(zone.text, zone.start, zone.date.start):
        return None
    nouns = [c for c in _cues(zone) if c.kind == "event" and c.role == "noun" and c.end <= zone.date.start]
    cue = _nearest(zone, nouns)
    if cue is None or not _JOINT_TEXT.match(zone.text, cue.start):
        return None
    group = _GROUP.match(zone.text, cue.end)
    if group is None:
        return None
    stop = _STOP.search(zone.text, group.start("group"), zone.date.start)
    members = zone.text[group.start("group") : stop.start() if stop else zone.date.start]
    name = tidy(f"Réunion {members}")  # "des chefs d’État…", "de ses ministres"
    reason = f"mot déclencheur « {zone.text[cue.start : cue.end]} » d’un groupe, faite dans une ville"
    return replace(event, name=name, kind="meeting", sources=list(event.sources), reason=reason,
                   confidence=_CUE_CONFIDENCE["people"] - INFERRED_DATE_COST)


def _meeting_held_at(zone: _Zone, event: Meeting, places: Gazetteer) -> Meeting | None:
    """The meeting a dated event happened at, named right after it: "la Déclaration de New York, adoptée le
    19 septembre 2016 lors de la réunion de haut niveau", "ont adopté hier, au terme de leur 14e réunion"."""
    if event.kind != "event":
        return None
    cues = _cues(zone)
    nouns = {c.start: c for c in cues if c.kind == "meeting" and c.role == "noun"}
    for match in _HELD_AT.finditer(zone.text, zone.start, zone.end):
        words = match.group("words")
        cue = next((nouns[match.start("words") + m.start()] for m in re.finditer(r"\S+", words)
                    if match.start("words") + m.start() in nouns), None)
        between = (zone.date.end, match.start()) if match.start() >= zone.date.end else (match.end(), zone.date.start)
        if cue is None or _distance(zone, match.start(), match.end()) > ANAPHOR_REACH or any(
                c.kind == "event" and between[0] <= c.start < between[1] for c in cues):
            continue  # "adoptée le 6 décembre, et se félicite du communiqué publié à l'issue de la réunion"
        held = " ".join(zone.text[match.start() : cue.end].split())
        reason = f"{event.reason} ; « {held} » : réunion tenue ce jour-là"
        name = _noun_name(zone, cue)
        place = event.place if event.place.city else _place_in_name(name, places) or event.place
        return replace(event, name=name, place=place, kind="meeting", sources=list(event.sources),
                       reason=reason, confidence=round(event.confidence - INFERRED_DATE_COST, 2))
    return None


def _meeting_of_its_outcome(zone: _Zone, event: Meeting) -> Meeting | None:
    """The meeting a text dated by several days comes out of, named in its clause: "dans ses conclusions
    des 17 et 18 octobre 2024, le Conseil européen a appelé…" (a text is signed on one day; several days
    are a meeting's)."""
    span = event.span
    if event.kind != "event" or span.precision != "day" or span.start == span.end:
        return None
    cues = _cues(zone)
    text = _nearest(zone, [c for c in cues if c.kind == "event" and c.role == "noun" and c.end <= zone.date.start])
    meeting = _nearest(zone, [c for c in cues if c.kind == "meeting" and c.role == "noun"])
    if text is None or meeting is None or not _OUTCOME_TEXT.fullmatch(zone.text, text.start, text.end):
        return None
    noun = zone.text[meeting.start : meeting.end]
    reason = f"{event.reason} ; texte daté de plusieurs jours, issu de la réunion « {noun} »"
    return replace(event, name=_noun_name(zone, meeting), kind="meeting", sources=list(event.sources),
                   reason=reason, confidence=round(event.confidence - INFERRED_DATE_COST, 2))


_CUE_CONFIDENCE = {"noun": 0.9, "visit": 0.8, "hearing": 0.8, "verb": 0.75, "people": 0.7}
"""How sure a cue word makes the reading, by its role; a date not written in full costs ``INFERRED_DATE_COST``."""
INFERRED_DATE_COST = 0.15
UNCUED_REASON = "date sans mot déclencheur"
UNCUED_CONFIDENCE = 0.5
"""A date without any cue word: an event, most often the text's own date line."""


def _confidence(zone: _Zone, cue: _Cue | None) -> tuple[float, str]:
    """How sure the reading is, and why, in French: the cue word and how the date was resolved."""
    if cue is None:
        confidence, reason = UNCUED_CONFIDENCE, UNCUED_REASON
    else:
        confidence, reason = _CUE_CONFIDENCE[cue.role], f"mot déclencheur « {zone.text[cue.start : cue.end]} »"
    if zone.date.note:
        confidence, reason = confidence - INFERRED_DATE_COST, f"{reason} ; date : {zone.date.note}"
    return round(confidence, 2), reason


def _meeting_name(zone: _Zone, cues: list[_Cue]) -> str:
    nouns = [c for c in cues if c.role == "noun"]
    before = [c for c in nouns if c.end <= zone.date.start]
    if before:
        name = _noun_name(zone, _head(zone, before))
        after = [c for c in nouns if c.start >= zone.date.end and _distance(zone, c.start, c.end) <= ANAPHOR_REACH]
        named_after = _noun_name(zone, min(after, key=lambda c: c.start)) if after else ""
        # "La session a été précédée, la veille, par la réunion du Conseil des ministres": the named one
        return named_after if " " not in name and " " in named_after else name
    if cue := _nearest(zone, [c for c in nouns if not _next_dates(zone, c)]):
        return _noun_name(zone, cue)
    for role, word in (("people", "Rencontre"), ("visit", "Visite"), ("hearing", "Audition"), ("verb", "Réunion")):
        if cue := next((c for c in cues if c.role == role), None):
            return _participants_name(zone, cue, word)
    return "Réunion"


def _next_dates(zone: _Zone, cue: _Cue) -> bool:
    """Whether a noun after the date is the next date's, written right before it: "réunis hier à Bucarest
    pour faire le point sur les décisions prises au sommet de Madrid, les 28, 29 et 30 juin"."""
    if cue.start < zone.date.end or zone.end >= zone.clause[1]:
        return False
    return not zone.text[_phrase_end(zone, cue) : zone.end].strip(" ,")


def _head(zone: _Zone, before: list[_Cue]) -> _Cue:
    """Nearest noun before the date, or an earlier one whose phrase holds it (``Sommet … de la CIMO``)."""
    chosen = max(before, key=lambda c: c.end)
    for cue in sorted(before, key=lambda c: c.start):
        if cue.start < chosen.start and _phrase_end(zone, cue) >= chosen.end:
            return cue
    return chosen


def _phrase_end(zone: _Zone, cue: _Cue) -> int:
    """Where the noun phrase of ``cue`` ends: first stop word, the date, or the end of the zone."""
    limit = zone.date.start if cue.end <= zone.date.start else zone.end
    stop = _STOP.search(zone.text, cue.end, limit)
    return stop.start() if stop else limit


def _noun_name(zone: _Zone, cue: _Cue) -> str:
    """The noun phrase of ``cue`` with its ordinal; a bare noun before the date takes the words after it."""
    name = zone.text[cue.start : _phrase_end(zone, cue)]
    complement = _COMPLEMENT.match(zone.text, zone.date.end, zone.end)  # "consultations menées en … avec …"
    if cue.end <= zone.date.start and " " not in name.strip() and complement:
        stop = _STOP.search(zone.text, zone.date.end, zone.end)
        name += " " + zone.text[zone.date.end : stop.start() if stop else zone.end]
    return tidy(f"{_ordinal(zone.text[zone.clause[0] : cue.start])} {name}")


def _ordinal(before: str) -> str:
    """The ordinal written just before a noun: ``83 ème`` -> ``83ème``, ``deuxième (2ème )`` -> ``2ème``."""
    match = _ORDINAL_PREFIX.search(before)
    if match is None:
        return ""
    number = match.group("paren") or match.group("num")
    return re.sub(r"\s+", "", number) if number else (match.group("word") or "")


def _participants_name(zone: _Zone, cue: _Cue, word: str) -> str:
    """``Rencontre des premiers ministres …``, ``Visite d’une délégation de l'OTAN``, ``Réunion du COSI``."""
    if cue.role == "people":
        stop = _STOP.search(zone.text, cue.end, zone.end)
        group = zone.text[cue.start : stop.start() if stop else zone.end]
    else:  # the subject of the verb
        group = _SUBJECT_START.split(zone.text[zone.start : cue.start])[-1]
        if stop := _STOP.search(group):  # "le Conseil de sécurité nationale | s'était réuni"
            group = group[: stop.start()]
    group = group.strip()
    return tidy(f"{word} {_of(group)}") if group and group.split()[0].lower() not in _PRONOUNS else word


_SUBJECT_START = re.compile(r",|\bqu['’]|\bque\s|\b(?i:lorsque?\s|lorsqu['’]|quand\s)")
"""What comes right before a verb's subject: "Lorsque | je l'ai rencontré", "le ministre, qu'|il a reçu"."""


def _of(group: str) -> str:
    """French ``de`` + noun phrase, contracted: ``des ministres``, ``du COSI``, ``d’une délégation``."""
    first = group.split()[0]
    if first.lower() in _DETERMINERS or first.lower().startswith(("l'", "l’")):
        group = group[0].lower() + group[1:]
    for article, contracted in (("les ", "des "), ("le ", "du ")):
        if group.startswith(article):
            return contracted + group[len(article) :]
    return f"d’{group}" if fold(group[:1]) in "aeiouh" else f"de {group}"


def _event_name(zone: _Zone, cues: list[_Cue]) -> str:
    if noun := _first(zone, [c for c in cues if c.role == "noun"]):
        return _noun_name(zone, noun)
    first = _first(zone, cues)
    return first.label if first else ""


def _place(zone: _Zone, cues: list[_Cue], places: Gazetteer, named: Place) -> Place:
    """The most precise place written near the date within the zone (town before region before country).

    The town a meeting is ``named`` after ("Sommet de Pau") wins over a place written after the date,
    which may belong to the next clause's subject, and over one written before the meeting's noun; a town
    written between the noun and the date wins over it ("la conférence de Rabat, tenue à Skhirat le").
    """
    text, span = zone.text, (zone.start, zone.end)
    candidates = [(m.start("place"), m.end("place"), m.group("place"), False) for m in _VENUE.finditer(text, *span)]
    candidates += [(m.start(), m.end(), m.group(), False) for m in _SEAT_ANAPHOR.finditer(text, *span)]
    if places.venues:  # "a reçu hier, place Beauvau, son homologue": a building of a town, with no preposition
        candidates += [(m.start(), m.end(), m.group(), True) for m in places.venues.finditer(text, *span)]
    for match in _PLACE_AT.finditer(text, *span):
        town_first = match.group(0)[:1] in "àÀ"
        candidates.append((match.start("place"), match.end("place"), match.group("place"), town_first))
    candidates += [(m.start("place"), m.end("place"), m.group("place"), True) for m in _HOST.finditer(text, *span)]
    candidates += [(m.start("place"), m.end("place"), m.group("place"), True)
                   for pattern in (_REACHED, _HOSTED_BY) for m in pattern.finditer(text, *span)]
    candidates += [(m.start("place"), m.end("place"), m.group("place"), False) for m in _WHERE.finditer(text, *span)]
    candidates += [(m.start("place"), m.end("place"), m.group("place"), False) for m in _CAPITAL.finditer(text, *span)]
    sites = list(_SITE.finditer(text, *span))  # "à l'Hôtel de Ville de Lyon": Lyon, not a quarter of Paris
    candidates = [c for c in candidates if not any(m.start() <= c[0] < m.start("place") for m in sites)]
    candidates += [(m.start("place"), m.end("place"), m.group("place"), True) for m in sites]
    candidates += [(m.start("place"), m.end("place"), m.group("place"), True)
                   for m in _TRAILING_PLACE.finditer(text, *span) if m.end() == zone.end or text[m.end()] in "–—("
                   or (text[m.end()] in ".;," and _whole_town(places, m.group("place")))]
    candidates += [(m.start("place"), m.end("place"), m.group("place"), True)
                   for m in _BRACKETED_TOWN.finditer(text, *span) if not m.group("place").isupper()]  # not "(MED)"
    if listed := _LISTED_PLACE.match(text, zone.date.end, zone.end):
        candidates.append((listed.start("place"), listed.end("place"), listed.group("place"), True))
    if dateline := _DATELINE.search(zone.text, zone.start, zone.date.start):
        candidates.append((dateline.start("place"), dateline.end("place"), dateline.group("place"), True))
    date = zone.date
    next_opens = zone.end < zone.clause[1] and _ELIDED.match(text, date.end) is not None
    nouns = [c.start for c in cues if c.kind == "meeting" and c.role == "noun" and c.end <= date.start]
    after = sorted(c.start for c in cues if c.kind == "meeting" and c.role == "noun" and c.start >= date.end)
    others_after = after if nouns else after[1:]  # "le 6 novembre, après un entretien à Rome": Rome is its own
    reach = PLACE_REACH
    if _calendar_line(zone):  # "4-7 : 92e session de l'Assemblée générale d'INTERPOL (Glasgow)": one item
        others_after, reach = [], len(text)
    named_from = max(nouns) if named and nouns else zone.start  # "au Caire en 2000, et le sommet de Lisbonne"
    near = []
    for start, end, words, town_first in candidates:
        if start < date.start < end:  # "au siège de l'OTAN le 24 mars": the words up to the date
            end, words = date.start, zone.text[start : date.start]
        if not (zone.start <= start and end <= zone.end and (end <= date.start or start >= date.end)):
            continue
        if any(c.start < end and start < c.end for c in cues) or not _could_be_place(words):
            continue
        if _COMPLETED.search(text, max(0, start - COMPLEMENT_REACH), start):
            continue  # "sa 791e réunion, consacrée à la situation au Soudan du Sud": what it is about
        if start >= date.end and (next_opens or any(date.end <= c < start for c in others_after)
                                  or _RELATIVE.search(text, date.end, start)):
            continue  # "à Maroua, les 4 et 5 décembre, puis à Diffa": Diffa is the next one's; so is a town after
            # another meeting's noun: "tenue au siège de l'UA le 13 avril, ainsi que la réunion tenue à Niamey",
            # or in a relative clause: "les 15 et 16 novembre, et le prochain dialogue, qui se tiendra à Paris"
        bracket = _BRACKET.match(text, end) if end <= date.start else None  # "Bamako (Mali), le": from ")"
        distance = _distance(zone, start, bracket.end() if bracket else end)
        place = _resolve(places, words, zone.text, end, town_first) if distance <= reach else None
        if place and (not named or (named_from <= start and end <= date.start and place.city)):
            near.append((place.rank, distance, place))
    if near:
        return min(near, key=lambda item: item[:2])[2]
    return named


def _whole_town(places: Gazetteer, words: str) -> bool:
    """Whether ``words`` are a town's whole name ("Nouakchott"), not a town's name and more ("Johannes
    Schober")."""
    place = places.resolve(words, "texte", town_first=True)
    return place is not None and place_key(place.city) == place_key(words)


def _respective_names(zone: _Zone) -> re.Match[str] | None:
    """The last stretch of places named before « respectivement » and before ``zone``'s date ("de Lisbonne et
    de Rome, tenues respectivement "), in a clause of several dates; else None."""
    if len(zone.dates) < 2:
        return None
    found = list(_RESPECTIVE_NAMES.finditer(zone.text, max(zone.clause[0], zone.date.start - PLACE_REACH),
                                            zone.date.start))
    return found[-1] if found else None


def _respective(zone: _Zone, places: Gazetteer) -> Place:
    """The place « respectivement » gives the date by its rank in its clause: "se sont tenues les 3 mars et
    14 avril 2016, respectivement à Tunis et à Rabat" (the second date at Rabat), or "les sommets de Paris et
    d'Abuja, tenus respectivement le 17 mai 2014 et le 14 mai 2016", when it lists one place for each date."""
    if len(zone.dates) < 2:
        return Place()
    if listed := _RESPECTIVELY.search(zone.text, zone.date.end, zone.clause[1]):
        named = [m.group("place") for m in _PLACE_AT.finditer(listed.group())]
        dates = list(zone.dates)
    elif before := _respective_names(zone):
        named = _NAME_SEPARATOR.split(before.group("places"))
        dates = [d for d in zone.dates if d.start >= before.end()][: len(named)]
    else:
        return Place()
    if len(named) != len(dates) or zone.date not in dates:
        return Place()
    return places.resolve(named[dates.index(zone.date)], town_first=True) or Place()


def _referred(zone: _Zone, places: Gazetteer, own: Place) -> Place:
    """The place that words next to the date refer back to: the town named last before "dans la même ville"
    (a town written as a place or as a meeting's name: "à Rabat", "la Conférence de Marrakech"), else the
    text's own town, as for "ici même" ("le Forum, tenu ici même le 27 novembre")."""
    text, date = zone.text, zone.date
    start, end = max(zone.start, date.start - ANAPHOR_REACH), min(zone.end, date.end + ANAPHOR_REACH)
    same = _SAME_TOWN.search(text, max(zone.start, date.start - PLACE_REACH), end)  # words that say little else
    if match := same:
        said = [*_PLACE_AT.finditer(text, 0, match.start()), *_PLACE_IN_NAME.finditer(text, 0, match.start())]
        for name in sorted(said, key=lambda m: m.end("place"), reverse=True):
            place = places.resolve(name.group("place"), town_first=True)
            if place and place.city:
                return replace(place, source="renvoi", via=match.group())
    if own.city and (match := same or _OWN_TOWN.search(text, start, end)):
        return replace(own, source="renvoi", via=match.group())
    return Place()


def _town_before(zone: _Zone, places: Gazetteer) -> Place:
    """A town written before the zone in its clause, for a zone that names none: "C'est à Vienne qu'a été
    créée, le 7 septembre 1923, la Commission, à l'issue du Congrès réuni du 3 au 7 septembre"."""
    for name in reversed(list(_PLACE_AT.finditer(zone.text, zone.clause[0], zone.start))):
        place = places.resolve(name.group("place"), town_first=True)
        if zone.start - name.end() <= PLACE_REACH and place and place.city:
            return place
    return Place()


def _resolve(places: Gazetteer, words: str, text: str, end: int, town_first: bool) -> Place | None:
    """``words`` as a place, with a country written in brackets right after it (``Bamako (Mali)``), or the
    seat of the organisation named last before "au siège de l'organisation"."""
    if _SEAT_ANAPHOR.fullmatch(words.strip()):
        return places.last_seat(text[: end - len(words)])
    if bracket := _BRACKET.match(text, end) or _COUNTRY_AFTER.match(text, end):
        words = f"{words} ({bracket.group(1)})"  # "Nusa Dua, en Indonésie" as "Nusa Dua (Indonésie)"
    found = places.resolve(words, town_first=town_first)
    while found is None and " " in words.strip():  # "Nouakchott Les ministres" -> "Nouakchott"
        words = words.rsplit(None, 1)[0]
        found = places.resolve(words, town_first=town_first)
    return found


def _could_be_place(words: str) -> bool:
    """Not a meeting (``au Coreper``) or a person (``à M. X``, ``au Président``)."""
    first = next(iter(tokens(words)), "")
    return not (_MEETING_NOUN.fullmatch(words) or len(first) < 2 or first in _NOT_PLACES)


def _place_in_name(name: str, places: Gazetteer, text: str = "") -> Place:
    """The town a meeting is named after: ``Conférence de Nouakchott`` -> Nouakchott, ``Réunion de haut niveau
    de La Celle-Saint-Cloud`` -> La Celle-Saint-Cloud (the first town after the meeting's noun); with the
    country the ``text`` writes after it in brackets (``du sommet du G20 de Nusa Dua (Indonésie)``)."""
    noun = _MEETING_NOUN.search(name)
    for match in _OF_PLACE.finditer(name, noun.end() if noun else 0):
        if name.count("«", 0, match.start()) > name.count("»", 0, match.start()):
            continue  # a name in quotes: the format « de Weimar » meets anywhere
        words = match.group("place")
        if _ends_organisation(name, match.start(), match.end(), places):
            continue  # "la sixième réunion des ministres de l'Initiative d'Accra" is not named after Accra
        if text and (bracket := re.search(rf"{re.escape(words)}\s*(\([^()]{{2,40}}\))", text)):
            words = f"{words} {bracket.group(1)}"
        found = places.resolve(words, "nom", town_first=True)
        if found and found.city:
            return found
    return Place()


def _ends_organisation(text: str, start: int, end: int, places: Gazetteer) -> bool:
    """Whether ``text[start:end]`` ("d'Accra") ends the name of an organisation of the actors file, with up to
    ``MAX_VENUE_WORDS`` words before it ("l'Initiative d'Accra", "du Processus de Rabat")."""
    before = text[:start].split()[-MAX_VENUE_WORDS:]  # as many as a venue's name may hold
    return any(place_key(" ".join([*before[i:], text[start:end]])) in places.organisations for i in range(len(before)))


def _quote(zone: _Zone) -> str:
    """The clause holding the date, cut to whole words around it when too long."""
    start, end = zone.clause
    if end - start > MAX_QUOTE:
        start = max(start, zone.date.start - MAX_QUOTE // 3)
        end = min(end, start + MAX_QUOTE)
        if start > zone.clause[0]:
            start = zone.text.find(" ", start, zone.date.start) + 1 or start
        if end < zone.clause[1]:
            end = max(zone.text.rfind(" ", zone.date.end, end), zone.date.end)
    return zone.text[start:end].strip()


