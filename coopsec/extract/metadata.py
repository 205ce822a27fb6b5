"""Document metadata: type, date, place, issuing body, references, classification.

Everything here is a guess from the text's own header lines; a maintainer's
override (``corpus/<name>.yml``) is applied last and always wins. Fields that
were guessed rather than given are listed in ``Metadata.guessed``.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..data import word_lists
from ..doctypes import DEFAULT, DOCUMENT_TYPES
from ..gazetteer import CITY_POPULATION, display_name, place_key, towns_named
from ..model import Body, DateSpan, Diagnostic, Metadata, Part, plain
from ..text import fold, sentence_case, spellings
from .dates import WEEKDAY_NAME, DateMatch, find_dates
from .markings import MARKING_IN_LINE
from .references import find_references
from .timex import last_or_next

_MARKING_FIELD = re.compile(r"^(?:Diffusion|Classification|Marquage)\s*:\s*(.+)$", re.IGNORECASE)
_PLACE_BEFORE_DATE = re.compile(
    r"^(?:Fait\s+(?:à|a)\s+)?([A-ZÉÈÀÂÎÔ][\w’'\- ]{1,40}?)\s*(?:\([^)]{1,30}\))?"
    r"(?:\s*,\s*[^\W\d_][\w’' -]{2,30}?)?\s*[,–-]?"
    r"\s+(?:(?:le|les|du|ce)\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d",
    re.IGNORECASE)
"""A dateline: the place, then at once the date (``ADDIS-ABEBA, le 20 février 2014``, ``Rome, 28 novembre``)."""
_DATELINE_END = re.compile(r"\s*(?:$|\(|[–—-]\s|.{0,20}$)")
"""What may follow a dateline's date: nothing much, a bracket (``(OR. fr)``, ``(AFP)``) or a dash."""
OPENING_BLOCKS = 5
"""Blocks at the top of a text where its dateline or first date may stand."""
_YEAR = re.compile(r"\d{4}")
_PROBE_YEAR = 2000
"""A leap year, to read a yearless dateline's day before its year is known (29 February included)."""
MAX_DATELINE = 80
"""Longest block taken for a dateline anywhere in the text (``Paris, le 28 janvier 2020`` before an annex)."""
_LEAD_PLACE = re.compile(r"^([A-ZÉÈÀÂÎÔ][\w’'\-]+(?: [A-ZÉÈ][\w’'\-]+)?)\s*(?:\([^)]{1,30}\))?\s*[–—-]\s")
"""A dispatch's or web article's opening place: ``Marrakech – Le ministre…``, ``BAMAKO (AFP) - …``."""
_FILED = re.compile(r"(?:enregistr[ée]e?|adopt[ée]e?|d[ée]pos[ée]e?)\b", re.IGNORECASE)
"""A filing or adoption formula dating the text itself (``Enregistré à la Présidence du Sénat le …``)."""
MAX_BYLINE = 60
"""Longest line opening with a date that is taken for a byline (``29 juin 2022 | Communiqué de presse``)."""
_AT_TOWN = re.compile(r"\b(?:à|a)\s+([A-ZÉÈÀÂÎÔ][\w’'-]+(?:[ -][A-ZÉÈ][\w’'-]+)?)")
_TOWN_BEFORE_END = re.compile(r",\s*([A-ZÉÈÀÂÎÔ][\w’'\- ]{1,40}?)\s*(?:\([^)]{1,30}\))?\s*,?\s*(?:le\s+)?$")
"""The town before a heading line's closing date, after a comma: ``…, Addis-Abeba (Éthiopie), ``."""
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")
_ENDS_WITH_YEAR = re.compile(r"\d{4}[\s.]*$")
"""How a line that ends with its date ends."""
_IN_YEAR = re.compile(r"\ben\s+$", re.IGNORECASE)
"""What writes a bare year as the time of something recounted: « en » just before it (« en 2021 »)."""
_PARENTHESIS_OR_COUNTRY = re.compile(r"\s*(?:\([^)]*\)|,\s*[^,]{2,30})\s*$")
_BODIES = word_lists("issuing-bodies")
_ORIGINS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^{re.escape(entry['field'])}\s*:\s*(.+)$", re.IGNORECASE), entry["body"])
    for entry in _BODIES["origin_fields"]
]
"""Header fields naming a text's service (``Origine : Présidence``), with the issuing body each stands for."""
_RECIPIENT = re.compile("|".join(map(re.escape, _BODIES["letter_recipient_lines"])))
"""A line opening a letter's recipient (« À »), after the sender's."""
_BODY_WORD = re.compile(rf"\b(?:{'|'.join(map(re.escape, _BODIES['body_words']))})\b", re.IGNORECASE)
"""A word naming a body or a meeting: the header line holding it names the issuing body."""
_ORDINAL = re.compile(r"^\d+\s*(?:e|ème|eme|è)\s+")
"""An ordinal opening a meeting's name (``12e Conférence…``), left out of the issuing body."""
_WEEKDAY = re.compile(WEEKDAY_NAME, re.IGNORECASE)
_PUBLISHED = re.compile(r"^(?:Publié|Mis en ligne|Réponse publiée(?:\s+au\s+JO)?)\s+le\b", re.IGNORECASE)
"""A line giving the day a text was published: a web page's ``Publié le``, ``Mis en ligne le``; the answer to a
written question, ``Réponse publiée au JO le : 28/09/2010`` (not the question's own line above it)."""

def extract_metadata(body: Body, override: dict[str, Any], file: str = "") -> Metadata:
    """Guess every field from the structured text, then apply the override; ``file`` names the text in the
    notes of what was guessed."""
    for part in body.parts:
        describe_part(part)
    title_source = body.title
    restore_case(body)
    first = body.parts[0] if body.parts else Part(title="")
    span, place = document_date_and_place(body)
    if span and not _YEAR.search(span.text):
        note = f"date du texte écrite sans année ({span.text}) : {span.start.year}, d'après les dates qu'il cite"
        body.diagnostics.append(Diagnostic(file, note, field="date"))
    guesses: dict[str, Any] = {
        "title": body.title,
        "doc_type": document_type(body),
        "date": own_date_iso(span),
        "date_text": span.text if span else "",
        "place": place,
        "issuing_body": issuing_body(body),
        "references": first.references,
        "classification": first.classification or next((p.classification for p in body.parts if p.classification), ""),
        "participants": body.participants,
    }
    meta = Metadata()
    for key, value in guesses.items():
        if key in override:
            continue
        setattr(meta, key, value)
        if value:
            meta.guessed.append(key)
    for key, value in override.items():
        setattr(meta, key, value)
    meta.title_source = title_source
    return meta


def restore_case(body: Body) -> None:
    """Part titles and headings written in capitals, as sentences spelled with the document's own words.

    Each word takes the text's lower-case spelling when it has one (``CONFERENCE`` -> ``conférence``, with its
    accents), else the way the text writes it (``ALGER`` -> ``Alger``, ``OTAN`` -> ``OTAN``); a word the text
    never writes otherwise is put in lower case, its accents not guessed.
    """
    texts = [plain(line) for part in body.parts for line in part.header]
    texts += [plain(block.text) for part in body.parts for block in part.blocks if block.kind != "heading"]
    capitals = [text for part in body.parts for text in (part.title, *(b.text for b in part.blocks
                                                                       if b.kind == "heading")) if text.isupper()]
    if not capitals:
        return
    spelled = spellings(texts, prefer_lower=True, of=" ".join(capitals))
    spelled |= _cities_unspelled(capitals, spelled)
    for part in body.parts:
        part.title = sentence_case(part.title, spelled)
        for block in part.blocks:
            if block.kind == "heading":
                block.text = sentence_case(block.text, spelled)


def _cities_unspelled(capitals: list[str], spelled: dict[str, str]) -> dict[str, str]:
    """The words of headings in capitals that the text never writes otherwise and that name a city, as the
    city is written: "AUDITIONS À PARIS" is "Auditions à Paris", not "Auditions à paris"."""
    words = {word for text in capitals for word in _LETTERS.findall(text)}
    return {key: display_name(word) for word in words if (key := fold(word)) not in spelled
            and any(town.population >= CITY_POPULATION for town in towns_named(place_key(word)))}


_LETTERS = re.compile(r"[^\W\d_]{3,}")
"""A word of letters alone, three or more: what may name a city in a heading."""


def describe_part(part: Part) -> None:
    """Fill a part's own date, references and classification from its header lines."""
    lines = [plain(line).replace("*", "").strip() for line in part.header]
    part.references = _unique(ref for line in lines for ref in find_references(line))
    part.classification = next((m for line in lines if (m := find_marking(line))), "")
    part.date = next((matches[0].span for line in lines if (matches := find_dates(line))), None)


def find_marking(line: str) -> str:
    """A protective marking standing alone on a header line, or given as a field."""
    field_match = _MARKING_FIELD.match(line)
    if field_match:
        return field_match.group(1).strip()
    match = MARKING_IN_LINE.search(line)
    if match and len(line) <= len(match.group(0)) + 25:
        return match.group(0).strip()
    return ""


def own_date_iso(span: DateSpan | None) -> str:
    """The document date as front matter gives it: the last day of a range (a text is adopted at the close)."""
    return span.iso()[1] if span else ""


def document_date_and_place(body: Body) -> tuple[DateSpan | None, str]:
    """The document's own date and town, most telling first: its publication line, its dateline (``Alger, les
    8 et 9 avril 2013``, ``Fait à Rome, le …``), a town line above a date line, a filing formula (``Enregistré …
    le``), a line that is only a date (a byline), then the first date of its header, then of its first
    paragraphs. The town must be one the reference data knows."""
    if not body.parts:
        return None, ""
    first = body.parts[0]
    header = [text for line in first.header if (text := plain(line).replace("*", "").strip())]
    opening = [plain(b.text) for b in first.blocks[:OPENING_BLOCKS]]
    short = [text for b in first.blocks if len(text := plain(b.text)) <= MAX_DATELINE]
    span, place = _date_and_place(header, opening, short) or yearless_dateline(body) or _first_date(
        first.date, opening)
    texts = header + opening
    return span, (place or _dateline_place(texts) or _heading_place(texts, span) or _place_after_date(texts, span)
                  or _place_before_same_day(texts, span))


def _date_and_place(header: list[str], opening: list[str], short: list[str]) -> tuple[DateSpan, str] | None:
    for line in header + opening:
        if _PUBLISHED.match(line) and (matches := find_dates(line)):
            return matches[0].span, ""
    for text in header + short + opening:
        if dated := _dateline(text):
            return dated
    for place_line, date_line in pairwise(header + opening):
        if (place := _town_line(place_line)) and (span := _date_line(date_line)):
            return span, place
    for text in header + opening:
        if (filed := _FILED.match(text)) and (after := [m for m in find_dates(text) if m.start > filed.end()]):
            return after[0].span, ""
    for text in header + opening:
        if span := _date_line(text):
            return span, ""
    for text in header:
        if dated := _closing_dateline(text):
            return dated
    return None


def _first_date(header_date: DateSpan | None, opening: list[str]) -> tuple[DateSpan | None, str]:
    """The first date of the header, else of the first paragraphs: the last resort."""
    if header_date:
        return header_date, ""
    return next(((matches[0].span, "") for text in opening if (matches := find_dates(text))), (None, ""))


def _town_line(text: str) -> str:
    """A line that only names a town, perhaps with its country (``ADDIS-ABEBA, ÉTHIOPIE``)."""
    town = _PARENTHESIS_OR_COUNTRY.sub("", text).strip()
    return display_name(town) if len(town) <= 40 and towns_named(place_key(town)) else ""


def _date_line(text: str) -> DateSpan | None:
    """A line that opens with a date and says little else (a byline: ``Samedi, 05 mars 2011``)."""
    matches = find_dates(text)
    if matches and not text[: matches[0].start].strip(" ,.:–—-") and len(text) <= MAX_BYLINE:
        return matches[0].span
    return None


def _dateline(text: str) -> tuple[DateSpan, str] | None:
    """``PLACE, le DATE`` where PLACE is a town the reference data knows, with the date right after it."""
    found = _dateline_match(text)
    return (found[0].span, found[1]) if found else None


def _dateline_match(text: str, probe_year: int | None = None) -> tuple[DateMatch, str] | None:
    """The date of a dateline and its town; with ``probe_year``, a date written without its year too."""
    match = _PLACE_BEFORE_DATE.match(text)
    if not match or _WEEKDAY.fullmatch(match.group(1).strip(" ,")) or not towns_named(place_key(match.group(1))):
        return None  # "Lundi 14 octobre 2013", a programme's day, names no town ("Lundi" in Zimbabwe)
    dates = [m for m in find_dates(text, probe_year) if m.start <= match.end() + 20]
    if not dates or not _DATELINE_END.match(text, dates[0].end):
        return None
    return dates[0], display_name(match.group(1).strip(" ,"))


def yearless_dateline(body: Body) -> tuple[DateSpan, str] | None:
    """A dateline written without its year (``NIAMEY, 12 mars (AFP) -``), in the first year that puts it
    on or after every date the text writes in full and after every year it places something « en »: a
    text is written after what it recounts (« 250 réseaux démantelés en 2021 »)."""
    first = body.parts[0]
    texts = [plain(line) for line in first.header] + [plain(b.text) for b in first.blocks[:OPENING_BLOCKS]]
    for text in texts:
        found = _dateline_match(text, _PROBE_YEAR)
        if found is None or not found[0].yearless:
            continue
        written = [m.span.end for part in body.parts for b in part.blocks for m in _recounted(plain(b.text))]
        dated = last_or_next(found[0].span, max(written), last=False) if written else None
        return (dated, found[1]) if dated else None
    return None


def _recounted(text: str) -> list[DateMatch]:
    """The dates of ``text`` and the years it writes after « en » (« lancé en 2006 »)."""
    return [m for m in find_dates(text, years=True)
            if m.span.precision != "year" or _IN_YEAR.search(text, max(0, m.start - 4), m.start)]


def _closing_dateline(text: str) -> tuple[DateSpan, str] | None:
    """A heading line that ends with its town and date: ``Communiqué de la 748e réunion du CPS, Addis-Abeba
    (Éthiopie), 23 janvier 2018``."""
    if not _ENDS_WITH_YEAR.search(text):
        return None  # a quick look before the date grammar
    dates = find_dates(text)
    if not dates or text[dates[-1].end :].strip(" ."):
        return None
    match = _TOWN_BEFORE_END.search(text, 0, dates[-1].start)
    if match is None or not towns_named(place_key(match.group(1))):
        return None
    return dates[-1].span, display_name(match.group(1))


def _heading_place(texts: list[str], span: DateSpan | None) -> str:
    """The town of a heading or opening line that ends with its town and the text's own day, when another
    line gave that day (``Publié le 30 nov. 2022`` above ``Réunion des ministres…, Bucarest (Roumanie), 29 et
    30 novembre 2022``)."""
    for text in texts:
        if span and (dated := _closing_dateline(text)) and dated[0].start <= span.end <= dated[0].end:
            return dated[1]
    return ""


def _place_after_date(texts: list[str], span: DateSpan | None) -> str:
    """The first town introduced by « à » in the sentence after the document's date (``Le 4 novembre 2014, à
    l'occasion de …, à Monaco, les Ministres…``)."""
    if span is None:
        return ""
    for text in texts:
        if span.text in text:
            after = _SENTENCE_END.split(text[text.index(span.text) + len(span.text):], maxsplit=1)[0]
            for match in _AT_TOWN.finditer(after):
                if towns_named(place_key(match.group(1))):
                    return display_name(match.group(1))
    return ""


def _place_before_same_day(texts: list[str], span: DateSpan | None) -> str:
    """The town introduced by « à » right before the document's own day written again (``publié par les chefs
    d'État participant à la réunion tenue à Vilnius le 11 juillet 2023``)."""
    if span is None:
        return ""
    for text in texts:
        if str(span.end.day) not in text or _AT_TOWN.search(text) is None:
            continue  # a quick look before the date grammar
        for match in find_dates(text):
            towns = list(_AT_TOWN.finditer(text, max(0, match.start - 40), match.start))
            if match.span.end == span.end and towns and towns_named(place_key(towns[-1].group(1))):
                return display_name(towns[-1].group(1))
    return ""


def _dateline_place(texts: list[str]) -> str:
    """The town opening a web article's or dispatch's first lines (``Marrakech –``, ``BAMAKO (AFP) -``)."""
    for text in texts:
        if (match := _LEAD_PLACE.match(text)) and towns_named(place_key(match.group(1))):
            return display_name(match.group(1))
    return ""


def document_type(body: Body) -> str:
    """The kind of text, from its header lines first, then its title."""
    first = body.parts[0] if body.parts else Part(title="")
    for lines in (first.header, [first.title]):
        for doc_type in DOCUMENT_TYPES:
            if any(doc_type.pattern.search(plain(line).replace("*", "").strip()) for line in lines):
                return doc_type.kind
    return DEFAULT


def issuing_body(body: Body) -> str:
    """Who issued the text: a Council note's origin, a letter's sender, or the meeting's name."""
    if not body.parts:
        return ""
    header = [plain(line).replace("*", "").strip() for line in body.parts[0].header]
    for line in header:
        for origin, issuer in _ORIGINS:
            if match := origin.match(line):
                return issuer.format(match.group(1).strip())
    for line, following in pairwise(header):
        if _RECIPIENT.fullmatch(following) and line.isupper():
            return _title_case(line)
    for line in header:
        if _BODY_WORD.search(line):
            cleaned = _ORDINAL.sub("", line)
            return cleaned[0].upper() + cleaned[1:]
    return ""


def _title_case(text: str) -> str:
    """"ALGER" -> "Alger", "L'AMBASSADEUR DE SA MAJESTE" -> "L'Ambassadeur de Sa Majeste"; mixed case kept."""
    if not text.isupper():
        return text
    small = {"de", "du", "des", "la", "le", "les", "et", "à", "a", "au", "aux", "en", "d", "l"}
    words = re.split(r"(\s+|['’-])", text.lower())
    return "".join(w if (w in small and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))
