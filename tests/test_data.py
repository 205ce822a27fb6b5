"""JSON, CSV and iCalendar exports, and the page documenting them, on meetings read from the seeds."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import icalendar

from coopsec.memo import Memo
from coopsec.model import Citation, DateSpan, Document, Meeting, Metadata, Place, Source
from coopsec.write import data
from coopsec.write.data import (
    CSV_FIELDS,
    DOCUMENT_FIELDS,
    ICS_PROPERTIES,
    MEETING_FIELDS,
    SOURCE_FIELDS,
    calendar_bounds,
    data_files,
)
from coopsec.write.markdown import DATA_PAGE

NATO = "003-compte-rendu-ppc-maroc"
CLASI = "001-declaration-conjointe-ue-clasi"
WEB = "002-cooperation-entre-etats"

SHA = "ab" * 32

# Quotes copied from the seeds.
QUOTE_PPC = "Réunion avec le Maroc tenue au siège de l'OTAN le mardi 7 février 2012 à 14h30"
QUOTE_RABAT = (
    "qui remercie le Maroc de coorganiser la réunion du groupe de travail sur l'état de droit du Forum "
    "mondial de lutte contre le terrorisme, se tenant à Rabat les 7 et 8 février"
)
QUOTE_VISIT = "une délégation de l'OTAN se rendra au Maroc, du 22 au 24 mai 2012"
QUOTE_TASK_FORCE = (
    "dont la première réunion opérationnelle s'est tenue en octobre 2022 à Buenos Aires (Argentine)"
)
QUOTE_PARIS = (
    "Le 11 juin 2018, à Paris, les premiers ministres français et belge, Edouard Philippe et Charles Michel "
    "conviennent d'étendre leur coopération"
)
QUOTE_CELAC = "faite le 18 juillet 2023 à Bruxelles (Belgique)"


def day_span(start: date, end: date, text: str) -> DateSpan:
    return DateSpan(start, end, "day", text)


PPC = Meeting(
    "2012-02-07-bruxelles-ppc",
    "Réunion du Comité politique et des partenariats (PPC) avec le Maroc",
    day_span(date(2012, 2, 7), date(2012, 2, 7), "le mardi 7 février 2012"),
    Place("Bruxelles"),
    sources=[Citation(NATO, "p-0", QUOTE_PPC)],
)
RABAT = Meeting(
    "2012-02-07-rabat-groupe-de-travail",
    'Groupe de travail "état de droit", Forum mondial de lutte contre le terrorisme',
    day_span(date(2012, 2, 7), date(2012, 2, 8), "les 7 et 8 février"),
    Place("Rabat"),
    sources=[Citation(NATO, "p-1-6", QUOTE_RABAT)],
)
VISIT = Meeting(
    "2012-05-22-maroc-visite-otan",
    "Visite d’une délégation de l’OTAN",
    day_span(date(2012, 5, 22), date(2012, 5, 24), "du 22 au 24 mai 2012"),
    Place(),
    sources=[Citation(NATO, "a-7", QUOTE_VISIT)],
)
TASK_FORCE = Meeting(
    "2022-10-buenos-aires-task-force",
    "Première réunion opérationnelle de la task force birégionale",
    DateSpan(date(2022, 10, 1), date(2022, 10, 31), "month", "en octobre 2022"),
    Place("Buenos Aires"),
    sources=[Citation(CLASI, "p-22", QUOTE_TASK_FORCE)],
)
PARIS = Meeting(
    "2018-06-11-paris-premiers-ministres",
    "Rencontre des premiers ministres français et belge",
    day_span(date(2018, 6, 11), date(2018, 6, 11), "Le 11 juin 2018"),
    Place("Paris"),
    sources=[Citation(WEB, "a-3", QUOTE_PARIS)],
)
CELAC = Meeting(
    "2023-07-18-bruxelles-declaration-ue-celac",
    "Déclaration UE-CELAC",
    day_span(date(2023, 7, 18), date(2023, 7, 18), "le 18 juillet 2023"),
    Place("Bruxelles"),
    kind="event",
    sources=[Citation(CLASI, "p-14", QUOTE_CELAC)],
)
MEETINGS = [TASK_FORCE, CELAC, VISIT, RABAT, PARIS, PPC]


def document(slug: str, meta: Metadata, meetings: list[Meeting]) -> Document:
    doc = Document(slug, Source(f"{slug}.txt", "", SHA, "utf-8", 10), meta)
    doc.meetings = meetings
    doc.themes = {"terrorisme": [], "cooperation-policiere": []}
    doc.actors = {"pays-maroc": [], "org-otan": []}
    return doc


def documents() -> list[Document]:
    nato = Metadata(
        title="Compte rendu de la visite de la délégation du CSDN au Quartier Général de l'OTAN",
        doc_type="lettre",
        date="2012-04-19",
        classification="Confidentiel",
        references=["n°. 143/4 P/2012/CRY", "PPC-DS(2012)0009"],
    )
    clasi = Metadata(
        title="Déclaration conjointe UE-CLASI", doc_type="note", date="2023-09-15", place="Bruxelles"
    )
    web = Metadata(title="La coopération entre États…", doc_type="article", date="2018-06", guessed=["title"])
    return [
        document(CLASI, clasi, [TASK_FORCE, CELAC]),
        document(WEB, web, [PARIS]),
        document(NATO, nato, [VISIT, PPC, RABAT]),
    ]


def files(**kwargs: object) -> dict[str, str]:
    return data_files(documents(), MEETINGS, **kwargs)


def load(path: str) -> list[dict]:
    return json.loads(files()[path])


def test_all_exports_and_the_page():
    per_document = {path for path in files() if path.startswith("data/references/")}  # references: test_cite.py
    assert per_document == {f"data/references/{slug}.{ext}" for slug in (CLASI, WEB, NATO) for ext in ("bib", "json")}
    assert sorted(set(files()) - per_document) == sorted(
        [
            "data/documents.json",
            "data/meetings.json",
            "data/events.json",
            "data/meetings.csv",
            "data/meetings.ics",
            DATA_PAGE,
        ]
    )


def test_documents_sorted_by_date_with_every_documented_field():
    records = load("data/documents.json")
    assert [r["slug"] for r in records] == [NATO, WEB, CLASI]
    for record in records:
        assert set(record) == set(DOCUMENT_FIELDS)


def test_document_record_values():
    nato = load("data/documents.json")[0]
    assert nato["url"] == f"corpus/documents/{NATO}.html"
    assert nato["doc_type"] == "lettre"
    assert nato["date"] == "2012-04-19"
    assert nato["references"] == ["n°. 143/4 P/2012/CRY", "PPC-DS(2012)0009"]
    assert nato["classification"] == "Confidentiel"
    assert nato["source"] == {"file": f"{NATO}.txt", "sha256": SHA}
    assert nato["themes"] == ["cooperation-policiere", "terrorisme"]
    assert nato["actors"] == ["org-otan", "pays-maroc"]
    assert sorted(nato["meetings"]) == [PPC.id, RABAT.id, VISIT.id]
    assert nato["events"] == []
    clasi = load("data/documents.json")[2]
    assert clasi["meetings"] == [TASK_FORCE.id]
    assert clasi["events"] == [CELAC.id]


def test_meetings_sorted_by_start_then_id_without_events():
    assert [r["id"] for r in load("data/meetings.json")] == [
        PPC.id,
        RABAT.id,
        VISIT.id,
        PARIS.id,
        TASK_FORCE.id,
    ]


def test_events_apart():
    [event] = load("data/events.json")
    assert event["id"] == CELAC.id
    assert event["kind"] == "event"
    assert event["url"] == f"corpus/chronologie.html#{CELAC.id}"


def test_meeting_record_fields():
    records = {r["id"]: r for r in load("data/meetings.json")}
    for record in records.values():
        assert set(record) == set(MEETING_FIELDS)
        assert all(set(source) == set(SOURCE_FIELDS) for source in record["sources"])
    rabat = records[RABAT.id]
    assert (rabat["start"], rabat["end"], rabat["precision"]) == ("2012-02-07", "2012-02-08", "day")
    assert rabat["date_text"] == "les 7 et 8 février"
    assert rabat["date_fr"] == "7–8 février 2012"
    assert rabat["place"] == "Rabat"
    assert rabat["kind"] == "meeting"
    assert rabat["url"] == f"corpus/chronologie.html#{RABAT.id}"
    assert rabat["sources"] == [
        {
            "document": NATO,
            "title": "Compte rendu de la visite de la délégation du CSDN au Quartier Général de l'OTAN",
            "anchor": "p-1-6",
            "quote": QUOTE_RABAT,
            "url": f"corpus/documents/{NATO}.html#p-1-6",
        }
    ]


def test_month_precision_in_json():
    task_force = {r["id"]: r for r in load("data/meetings.json")}[TASK_FORCE.id]
    assert (task_force["start"], task_force["end"], task_force["precision"]) == (
        "2022-10",
        "2022-10",
        "month",
    )
    assert task_force["date_fr"] == "octobre 2022"


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_one_row_per_meeting_with_header_and_crlf():
    text = files()["data/meetings.csv"]
    rows = csv_rows(text)
    assert [row["id"] for row in rows] == [PPC.id, RABAT.id, VISIT.id, PARIS.id, TASK_FORCE.id]
    assert text.splitlines()[0].split(",") == list(CSV_FIELDS)
    assert text.count("\r\n") == len(rows) + 1
    assert "\n" not in text.replace("\r\n", "")


def test_csv_values_survive_quoting():
    rows = {row["id"]: row for row in csv_rows(files()["data/meetings.csv"])}
    rabat = rows[RABAT.id]
    assert rabat["name"] == 'Groupe de travail "état de droit", Forum mondial de lutte contre le terrorisme'
    assert rabat["quotes"] == QUOTE_RABAT
    assert rabat["sources"] == f"corpus/documents/{NATO}.html#p-1-6"
    assert (rabat["start"], rabat["end"]) == ("2012-02-07", "2012-02-08")
    assert rows[TASK_FORCE.id]["start"] == "2022-10"


def test_csv_joins_several_sources():
    merged = Meeting(PPC.id, PPC.name, PPC.span, PPC.place, sources=[*PPC.sources, *RABAT.sources])
    [row] = csv_rows(data_files(documents(), [merged])["data/meetings.csv"])
    assert row["sources"] == f"corpus/documents/{NATO}.html#p-0 | corpus/documents/{NATO}.html#p-1-6"
    assert row["quotes"] == f"{QUOTE_PPC} | {QUOTE_RABAT}"


def vevents(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["prodid"]) == "-//coopsec//chronologie//FR"
    assert str(calendar["version"]) == "2.0"
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_ics_all_day_events_with_exclusive_end():
    events = vevents(files()["data/meetings.ics"])
    assert sorted(events) == sorted(f"{m.id}@coopsec" for m in MEETINGS if m.kind == "meeting")
    rabat = events[f"{RABAT.id}@coopsec"]
    assert rabat.decoded("dtstart") == date(2012, 2, 7)
    assert rabat.decoded("dtend") == date(2012, 2, 9)
    assert str(rabat["summary"]) == RABAT.name
    assert str(rabat["location"]) == "Rabat"
    assert QUOTE_RABAT in str(rabat["description"])
    assert "Compte rendu de la visite" in str(rabat["description"])
    paris = events[f"{PARIS.id}@coopsec"]
    assert (paris.decoded("dtstart"), paris.decoded("dtend")) == (date(2018, 6, 11), date(2018, 6, 12))
    assert "location" not in events[f"{VISIT.id}@coopsec"]
    assert all(str(event["transp"]) == "TRANSPARENT" for event in events.values())


def test_ics_raw_lines_are_rfc_5545():
    text = files()["data/meetings.ics"]
    assert f"UID:{VISIT.id}@coopsec\r\n" in text
    assert "DTSTART;VALUE=DATE:20120522\r\n" in text
    assert "DTEND;VALUE=DATE:20120525\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_ics_month_precision_covers_the_month_and_says_so():
    task_force = vevents(files()["data/meetings.ics"])[f"{TASK_FORCE.id}@coopsec"]
    assert task_force.decoded("dtstart") == date(2022, 10, 1)
    assert task_force.decoded("dtend") == date(2022, 11, 1)
    assert "Date connue au mois près (octobre 2022)" in str(task_force["description"])


def test_calendar_bounds_at_each_precision():
    assert calendar_bounds(day_span(date(2013, 4, 8), date(2013, 4, 9), "")) == (
        date(2013, 4, 8),
        date(2013, 4, 10),
    )
    december = DateSpan(date(2015, 12, 1), date(2015, 12, 31), "month", "décembre 2015")
    assert calendar_bounds(december) == (date(2015, 12, 1), date(2016, 1, 1))
    february = DateSpan(date(2024, 2, 1), date(2024, 2, 29), "month", "février 2024")
    assert calendar_bounds(february) == (date(2024, 2, 1), date(2024, 3, 1))
    year = DateSpan(date(1994, 1, 1), date(1994, 12, 31), "year", "1994")
    assert calendar_bounds(year) == (date(1994, 1, 1), date(1995, 1, 1))


def test_ics_dtstamp_from_the_newest_document_or_given():
    events = vevents(files()["data/meetings.ics"])
    assert {event.decoded("dtstamp") for event in events.values()} == {datetime(2023, 9, 15, tzinfo=UTC)}
    stamp = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    events = vevents(files(stamp=stamp)["data/meetings.ics"])
    assert {event.decoded("dtstamp") for event in events.values()} == {stamp}


def test_ics_is_icalendars_calendar_and_an_event_is_written_again_only_when_its_meeting_changed(monkeypatch):
    """The calendar, joined from its events, is the one icalendar writes whole; a build whose meetings are those of
    the last one takes each event from the memo; a meeting renamed has its event written again, alone."""
    memo = Memo()
    text = files(memo=memo)["data/meetings.ics"]
    whole = icalendar.Calendar()
    for name, value in (("prodid", data.PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                        ("x-wr-calname", "Chronologie des réunions")):
        whole.add(name, value)
    events = vevents(text)
    assert len(events) == len(memo.used) == 5  # the meetings of MEETINGS, not the adoption (an event)
    for event in events.values():
        whole.add_component(event)
    assert text == whole.to_ical().decode("utf-8")
    written: list[str] = []
    vevent = data._vevent
    monkeypatch.setattr(data, "_vevent", lambda meeting, *args: written.append(meeting.id) or vevent(meeting, *args))
    again = Memo(memo.used)
    assert files(memo=again)["data/meetings.ics"] == text and written == []
    renamed = [replace(m, name="Réunion du PPC") if m is PPC else m for m in MEETINGS]
    changed = data_files(documents(), renamed, memo=Memo(again.used))["data/meetings.ics"]
    assert written == [PPC.id]
    assert vevents(changed)[f"{PPC.id}@coopsec"]["summary"] == "Réunion du PPC"
    assert changed == data_files(documents(), renamed)["data/meetings.ics"]


def test_ics_dtstamp_from_a_month_only_document_date():
    web = documents()[1]
    text = data_files([web], [PARIS])["data/meetings.ics"]
    assert "DTSTAMP:20180601T000000Z\r\n" in text


def test_ics_links_absolute_with_a_site_url():
    events = vevents(files(site_url="https://example.org/coopsec/")["data/meetings.ics"])
    ppc = events[f"{PPC.id}@coopsec"]
    assert str(ppc["url"]) == f"https://example.org/coopsec/corpus/chronologie.html#{PPC.id}"
    assert f"https://example.org/coopsec/corpus/documents/{NATO}.html#p-0" in str(ppc["description"])
    assert "url" not in vevents(files()["data/meetings.ics"])[f"{PPC.id}@coopsec"]


def test_data_page_links_every_file():
    page = files()[DATA_PAGE]
    assert page.startswith("---\ntitle: Données\n---\n")
    for name in ("documents.json", "meetings.json", "events.json", "meetings.csv", "meetings.ics"):
        assert f"[{name}](../data/{name})" in page


def test_data_page_documents_every_field():
    page = files()[DATA_PAGE]
    documented = set(re.findall(r"^\| `([^`]+)` \|", page, re.MULTILINE))
    assert set(DOCUMENT_FIELDS) | set(MEETING_FIELDS) | set(SOURCE_FIELDS) | set(CSV_FIELDS) <= documented
    assert set(ICS_PROPERTIES) <= documented
    assert "Les réunions citées (5)" in page
    assert "Les autres événements datés (1)" in page


def test_data_page_tables_are_well_formed():
    rows = [line for line in files()[DATA_PAGE].splitlines() if line.startswith("|")]
    assert all(line.endswith("|") for line in rows)
    assert {line.count("|") for line in rows} == {3, 4}


def test_exports_are_deterministic():
    assert files() == files()
    shuffled = data_files(list(reversed(documents())), list(reversed(MEETINGS)))
    assert shuffled == files()
