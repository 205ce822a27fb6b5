"""Machine-readable exports: JSON, CSV and iCalendar files, and the page documenting them.

Every export is byte-deterministic: records are sorted, JSON keys are sorted,
and the iCalendar DTSTAMP comes from the corpus (or an argument), never from
the clock. URLs in the JSON and CSV files are relative to the site root.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

import icalendar

from coopsec.extract.dates import format_span_fr
from coopsec.fields import CSV_COPIED, FIELDS, ICS_PROPERTIES, RECORD_FIELDS
from coopsec.memo import Memo
from coopsec.model import DateSpan, Document, Meeting, TextCitation
from coopsec.write.chronology import html_url, jsonld_script, meeting_pages, one_line, sorted_meetings
from coopsec.write.cite import cite_files
from coopsec.write.markdown import CHRONOLOGY, DATA_PAGE, document_path, link
from coopsec.write.pages import front_matter

DOCUMENTS_JSON = "data/documents.json"
MEETINGS_JSON = "data/meetings.json"
EVENTS_JSON = "data/events.json"
MEETINGS_CSV = "data/meetings.csv"
MEETINGS_ICS = "data/meetings.ics"

PRODID = "-//coopsec//chronologie//FR"
CSV_SEPARATOR = " | "

DOCUMENT_FIELDS = {field.name: (field.type_fr, field.help) for field in FIELDS}
"""Field -> (type, French description) of each record of ``documents.json``, from the field table."""

CITES_FIELDS = RECORD_FIELDS["cites"]
"""Field -> (type, French description) of each item of a document's ``cites``."""
CITED_BY_FIELDS = RECORD_FIELDS["cited_by"]
"""Field -> (type, French description) of each item of a document's ``cited_by``."""
MEETING_FIELDS = RECORD_FIELDS["meetings"]
"""Field -> (type, French description) of each record of ``meetings.json`` and ``events.json``."""
SOURCE_FIELDS = RECORD_FIELDS["sources"]
"""Field -> (type, French description) of each item of a meeting's ``sources``."""
CSV_FIELDS = {**{key: MEETING_FIELDS[key] for key in CSV_COPIED}, **RECORD_FIELDS["csv"]}
"""Column -> (type, French description) of ``meetings.csv``."""


def data_files(
    docs: list[Document], meetings: list[Meeting], site_url: str = "", stamp: datetime | None = None,
    memo: Memo | None = None,
) -> dict[str, str]:
    """All data exports and their documentation page.

    ``site_url`` makes the links of the calendar absolute; ``stamp`` is the
    calendar's DTSTAMP, by default midnight UTC of the newest document date;
    ``memo`` holds the calendar's events as the last build wrote them (:func:`meetings_ics`).
    """
    titles = {doc.slug: one_line(doc.meta.title) or doc.slug for doc in docs}
    ordered = sorted_meetings(meetings)
    calendar_meetings = [m for m in ordered if m.kind == "meeting"]
    pages = meeting_pages(ordered)
    cited = [meeting_record(m, titles, pages[m.id]) for m in calendar_meetings]
    events = [meeting_record(m, titles, pages[m.id]) for m in ordered if m.kind != "meeting"]
    documents = [document_record(doc) for doc in sorted(docs, key=lambda d: (d.meta.date, d.slug))]
    return {
        DOCUMENTS_JSON: _json(documents),
        MEETINGS_JSON: _json(cited),
        EVENTS_JSON: _json(events),
        MEETINGS_CSV: meetings_csv(cited),
        MEETINGS_ICS: meetings_ics(calendar_meetings, titles, pages, site_url, stamp or default_stamp(docs),
                                   memo or Memo()),
        DATA_PAGE: data_page(len(documents), len(cited), len(events)),
        **cite_files(docs),
    }


def document_record(doc: Document) -> dict[str, Any]:
    """The record of a document in ``documents.json``: its front matter, page URL and dated events."""
    events = sorted_meetings(m for m in doc.meetings if m.kind != "meeting")
    return {
        "slug": doc.slug,
        "url": html_url(document_path(doc.slug)),
        **front_matter(doc),
        "events": [event.id for event in events],
        "cites": [cites_record(doc, c) for c in doc.cites],
        "cited_by": [
            {"document": c.document, "title": c.title, "date": c.date, "anchor": c.anchor, "paragraph": c.label,
             "wording": one_line(c.wording), "url": html_url(document_path(c.document), c.anchor)}
            for c in doc.cited_by
        ],
    }


def cites_record(doc: Document, citation: TextCitation) -> dict[str, str]:
    """One item of a document's ``cites``: what is cited, where, and the cited document if the corpus has it."""
    return {
        "kind": citation.kind,
        "key": citation.key,
        "wording": one_line(citation.wording),
        "year": citation.year,
        "anchor": citation.anchor,
        "paragraph": citation.label,
        "url": html_url(document_path(doc.slug), citation.anchor),
        "document": citation.target,
        "document_url": html_url(document_path(citation.target), citation.target_anchor) if citation.target else "",
        "cited_paragraph": citation.paragraph,
    }


def meeting_record(meeting: Meeting, titles: dict[str, str], page: str) -> dict[str, Any]:
    """The record of a meeting or event in ``meetings.json`` / ``events.json``; ``page``: the chronology page
    listing it."""
    start, end = meeting.span.iso()
    sources = [
        {
            "document": c.document,
            "title": titles.get(c.document, c.document),
            "anchor": c.anchor,
            "quote": one_line(c.quote),
            "url": html_url(document_path(c.document), c.anchor),
        }
        for c in meeting.sources
    ]
    return {
        "id": meeting.id,
        "name": one_line(meeting.name),
        "kind": meeting.kind,
        "start": start,
        "end": end,
        "precision": meeting.span.precision,
        "date_text": meeting.span.text,
        "date_fr": format_span_fr(meeting.span),
        "place": one_line(meeting.place.label),
        "city": meeting.place.city,
        "country": meeting.place.country,
        "place_source": meeting.place.source,
        "venue": meeting.place.via,
        "confidence": meeting.confidence,
        "reason": meeting.reason,
        "date_source": meeting.date_note,
        "url": html_url(page, meeting.id),
        "sources": sources,
    }


def meetings_csv(records: list[dict[str, Any]]) -> str:
    """One row per meeting, RFC 4180: header, quoted as needed, CRLF line ends, no formula (OWASP)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row = {key: record[key] for key in CSV_COPIED}
        row["sources"] = CSV_SEPARATOR.join(source["url"] for source in record["sources"])
        row["quotes"] = CSV_SEPARATOR.join(source["quote"] for source in record["sources"])
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return out.getvalue()


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: a leading ``'`` before ``=``, ``+``, ``-``, ``@``."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def meetings_ics(meetings: list[Meeting], titles: dict[str, str], pages: dict[str, str], site_url: str,
                 stamp: datetime, memo: Memo) -> str:
    """An RFC 5545 calendar of all-day events, one per meeting.

    The calendar's lines are its own, then each event's, then its end (as ``icalendar`` writes a calendar): an
    event whose meeting, source titles, page, address and stamp are those of the last build is taken from
    ``memo`` as it was written then (most of the time of writing the calendar goes into folding its lines)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Chronologie des réunions")
    ical: bytes = calendar.to_ical()
    head = ical.decode("utf-8").removesuffix(CALENDAR_END)
    events = []
    for meeting in meetings:
        page = pages[meeting.id]
        values = (icalendar.__version__, meeting, [titles.get(c.document) for c in meeting.sources], page, site_url,
                  stamp)
        events.append(memo.get(values, partial(_event_lines, meeting, titles, page, site_url, stamp)))
    return head + "".join(events) + CALENDAR_END


CALENDAR_END = "END:VCALENDAR\r\n"
"""The last line of a calendar."""


def _event_lines(meeting: Meeting, titles: dict[str, str], page: str, site_url: str, stamp: datetime) -> str:
    lines: bytes = _vevent(meeting, titles, page, site_url, stamp).to_ical()
    return lines.decode("utf-8")


def _vevent(meeting: Meeting, titles: dict[str, str], page: str, site_url: str, stamp: datetime) -> icalendar.Event:
    first, after = calendar_bounds(meeting.span)
    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@coopsec")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", after)
    event.add("transp", "TRANSPARENT")  # a past meeting never makes the subscriber busy
    event.add("summary", one_line(meeting.name))
    if meeting.place:
        event.add("location", ", ".join(dict.fromkeys(filter(None, (meeting.place.label, meeting.place.country)))))
    event.add("description", _description(meeting, titles, site_url))
    if site_url:
        event.add("url", _absolute(site_url, html_url(page, meeting.id)))
    return event


def calendar_bounds(span: DateSpan) -> tuple[date, date]:
    """First day and exclusive end of an all-day event covering ``span`` at its precision."""
    if span.precision == "day":
        return span.start, span.end + timedelta(days=1)
    if span.precision == "month":
        return span.start.replace(day=1), (span.end.replace(day=28) + timedelta(days=4)).replace(day=1)
    return date(span.start.year, 1, 1), date(span.end.year + 1, 1, 1)


def _description(meeting: Meeting, titles: dict[str, str], site_url: str) -> str:
    lines = []
    if meeting.span.precision == "month":
        lines.append(
            f"Date connue au mois près ({format_span_fr(meeting.span)}) : le jour n’est pas précisé."
        )
    elif meeting.span.precision == "year":
        lines.append(f"Date connue à l’année près ({format_span_fr(meeting.span)}).")
    if meeting.sources:
        lines.append("Cité dans :")
    for c in meeting.sources:
        url = _absolute(site_url, html_url(document_path(c.document), c.anchor))
        lines.append(f"- {titles.get(c.document, c.document)} : « {one_line(c.quote)} » ({url})")
    return "\n".join(lines)


def _absolute(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def default_stamp(docs: list[Document]) -> datetime:
    """Midnight UTC of the newest document date, or of 1970-01-01 when no document is dated."""
    dates = [day for doc in docs if (day := _parse_iso(doc.meta.date))]
    return datetime.combine(max(dates, default=date(1970, 1, 1)), time(), UTC)


def _parse_iso(text: str) -> date | None:
    """A date from ``AAAA-MM-JJ``, ``AAAA-MM`` or ``AAAA`` (first day of the month or year)."""
    for width, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return date.fromisoformat(text[:width] + suffix)
        except ValueError:
            continue
    return None


def _json(data: list[dict[str, Any]]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def data_page(documents: int, meetings: int, events: int) -> str:
    """The French page that links every export and documents each of its fields."""
    files = [
        (DOCUMENTS_JSON, "JSON", f"Les documents du corpus ({documents}) et leurs métadonnées."),
        (MEETINGS_JSON, "JSON", f"Les réunions citées ({meetings}), avec les passages qui les citent."),
        (EVENTS_JSON, "JSON", f"Les autres événements datés ({events}) : adoptions, signatures…"),
        (MEETINGS_CSV, "CSV", "Les réunions, une par ligne, pour un tableur."),
        (MEETINGS_ICS, "iCalendar", "Les réunions, à importer dans un agenda."),
    ]
    lines = [
        "---",
        "title: Données",
        "---",
        "",
        "# Données",
        "",
        "Les informations extraites du corpus sont publiées dans des formats ouverts, "
        "régénérés à chaque construction du site. Les textes sont encodés en UTF-8 ; les dates suivent "
        "la norme ISO 8601 ; les adresses sont relatives à la racine du site. "
        f"La [chronologie]({link(DATA_PAGE, CHRONOLOGY)}) présente les mêmes réunions.",
        "",
        "## Fichiers",
        "",
        "| Fichier | Format | Contenu |",
        "| --- | --- | --- |",
        *[
            f"| [{path.split('/')[-1]}]({link(DATA_PAGE, path)}) | {kind} | {text} |"
            for path, kind, text in files
        ],
        "",
        "La référence de chaque document est aussi publiée à part, pour un logiciel de bibliographie : "
        "`data/references/<slug>.bib` (BibTeX) et `data/references/<slug>.json` (CSL-JSON, lu par Zotero, "
        "Pandoc ou citeproc), liés depuis la page du document (« Référence à télécharger »).",
        "",
        *_fields_section(
            "documents.json", "Une liste d’objets, triés par date puis par identifiant.", DOCUMENT_FIELDS
        ),
        *_fields_section(
            "Champ cites",
            "Chaque élément de `cites` est un texte cité par le document : une déclaration ou un communiqué nommé "
            "par son lieu (« Déclaration de Nouakchott »), une note par sa cote (« 12838/23 », "
            "« ST 12838 2023 INIT »), une résolution par son numéro (« résolution 2178 (2014) »). Un texte du "
            "corpus est lié à sa page ; un texte absent du corpus est listé sur la page du document sous "
            "« Textes cités hors corpus ».",
            CITES_FIELDS,
        ),
        *_fields_section(
            "Champ cited_by",
            "Chaque élément de `cited_by` est un paragraphe d’un autre document du corpus qui cite celui-ci "
            "(la liste « Cité par » de sa page), par date du document qui cite, puis dans l’ordre de lecture.",
            CITED_BY_FIELDS,
        ),
        *_fields_section(
            "meetings.json et events.json",
            "Deux listes d’objets de même forme, triés par date de début puis par identifiant.",
            MEETING_FIELDS,
        ),
        *_fields_section("Champ sources", "Chaque élément de `sources` est un objet :", SOURCE_FIELDS),
        *_fields_section(
            "meetings.csv",
            "Une ligne par réunion, après une ligne d’en-tête ; guillemets et fins de ligne (CRLF) "
            "selon la RFC 4180. Une cellule qui commencerait par `=`, `+`, `-` ou `@` est précédée "
            "d’une apostrophe, pour qu’aucun tableur ne l’exécute comme une formule.",
            CSV_FIELDS,
        ),
        "## meetings.ics",
        "",
        "Un calendrier iCalendar (RFC 5545) : un événement sur la journée entière par réunion.",
        "",
        "| Propriété | Contenu |",
        "| --- | --- |",
        *[f"| `{name}` | {text} |" for name, text in ICS_PROPERTIES.items()],
        "",
        jsonld_script(_dataset(files)),
    ]
    return "\n".join(lines)


def _fields_section(title: str, intro: str, fields: dict[str, tuple[str, str]]) -> list[str]:
    rows = [f"| `{name}` | {kind} | {text} |" for name, (kind, text) in fields.items()]
    return [f"## {title}", "", intro, "", "| Champ | Type | Description |", "| --- | --- | --- |", *rows, ""]


def _dataset(files: list[tuple[str, str, str]]) -> dict[str, Any]:
    """schema.org ``Dataset`` describing the downloads."""
    formats = {"JSON": "application/json", "CSV": "text/csv", "iCalendar": "text/calendar"}
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "Réunions et documents du corpus sur la coopération en matière de sécurité",
        "inLanguage": "fr",
        "distribution": [
            {
                "@type": "DataDownload",
                "name": path.split("/")[-1],
                "contentUrl": link(DATA_PAGE, path),
                "encodingFormat": formats[kind],
            }
            for path, kind, _ in files
        ],
    }
