"""What a reader sees of dates and of the corpus: French dates on every listing, the home page's overview.

Expected values are read from the seed texts (their datelines) or written for the small documents built here.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from support import CIMO, CORPUS, COUNCIL, INTERPOL, NATO, ROOT, WEB

from coopsec.extract.document_date import document_date_fr
from coopsec.model import Actor, Citation, DateSpan, Document, Meeting, Mention, Metadata, Source, Theme
from coopsec.pipeline import Project, convert
from coopsec.write.display import document_time, time_html
from coopsec.write.indexes import OVERVIEW, documents_index, overview
from coopsec.write.markdown import DOCUMENTS_INDEX
from coopsec.write.taxonomy import theme_pages

ISO = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def visible(markdown_text: str) -> str:
    """The text of a generated page a reader sees: without front matter, tags and link targets."""
    body = markdown_text.split("\n---\n", 1)[-1]
    body = re.sub(r"<[^>]+>", "", body)
    return re.sub(r"\]\([^)]*\)", "]", body)


@pytest.mark.parametrize(("name", "expected"), [
    (CIMO, "8–9 avril 2013"),  # "Alger les 08 et 09 Avril 2013": the range, not only its last day
    (COUNCIL, "15 septembre 2023"),  # "Bruxelles, le 15 septembre 2023"
    (WEB, "19 juin 2018"),  # "Publié le 19 juin 2018"
    (NATO, "19 avril 2012"),  # the covering letter's date line
    (INTERPOL, "4 novembre 2014"),  # "Le 4 novembre 2014, à l'occasion de la 83ème session"
])
def test_seed_dates_in_french(name: str, expected: str) -> None:
    doc = convert(CORPUS / name, Project(ROOT))
    assert document_date_fr(doc) == expected
    assert document_time(doc) == f'<time datetime="{doc.meta.date}">{expected}</time>'


def test_web_article_byline_gives_no_place() -> None:
    doc = convert(CORPUS / WEB, Project(ROOT))  # "Publié le 19 juin 2018": no town is written
    assert doc.meta.place != "Publié"


def make(slug: str, iso: str, title: str, date_text: str = "", **mentions: list[str]) -> Document:
    doc = Document(slug=slug, source=Source(path=f"{slug}.txt", text="", sha256="0" * 64, encoding="utf-8", size=1))
    doc.meta = Metadata(title=title, doc_type="déclaration", date=iso, date_text=date_text, place="Rabat")
    doc.themes = {theme: [Mention("a-1", "extrait")] for theme in mentions.get("themes", [])}
    doc.actors = {actor: [Mention("a-1", "extrait")] for actor in mentions.get("actors", [])}
    return doc


def test_month_and_undated_documents() -> None:
    assert document_date_fr(make("m", "2022-10", "Note")) == "octobre 2022"
    assert document_date_fr(make("y", "2019", "Note")) == "2019"
    assert document_date_fr(make("u", "", "Note")) == "" and document_time(make("u", "", "Note")) == ""
    assert time_html("", "sans date") == "sans date"


def test_documents_index_shows_french_dates_with_iso_kept_for_machines() -> None:
    docs = [make("a", "2013-04-09", "Déclaration d'Alger", "les 8 et 9 avril 2013"),
            make("b", "2022-10", "Note d'octobre")]
    page = documents_index(docs)[DOCUMENTS_INDEX]
    assert '<time datetime="2013-04-09">8–9 avril 2013</time>' in page
    assert '<time datetime="2022-10">octobre 2022</time>' in page
    assert page.index("octobre 2022") < page.index("8–9 avril 2013")  # newest first
    assert not ISO.search(visible(page))


def test_theme_page_dates_in_french() -> None:
    docs = [make("a", "2013-04-09", "Déclaration d'Alger", "les 8 et 9 avril 2013", themes=["terrorisme"])]
    pages = theme_pages(docs, [Theme("terrorisme", "Terrorisme", "La lutte contre le terrorisme.")])
    page = pages["corpus/themes/terrorisme.md"]
    assert "8–9 avril 2013" in page and not ISO.search(visible(page))


def meeting(ident: str, start: date, end: date, precision: str = "day", kind: str = "meeting") -> Meeting:
    return Meeting(ident, f"Réunion {ident}", DateSpan(start, end, precision, ""), kind=kind,
                   sources=[Citation("a", "a-1", "…")])


def test_overview_counts_latest_texts_span_and_entry_points() -> None:
    docs = [make("a", "2013-04-09", "Déclaration d'Alger", "les 8 et 9 avril 2013", themes=["t1"], actors=["x"]),
            make("b", "2023-09-15", "Note du Conseil", themes=["t1", "t2"], actors=["x", "y", "unknown"]),
            make("c", "2012-04", "Lettre")]
    meetings = [meeting("m1", date(2008, 5, 21), date(2008, 5, 22)),
                meeting("m2", date(2023, 9, 1), date(2023, 9, 30), "month"),
                meeting("e1", date(2024, 1, 1), date(2024, 1, 1), kind="event")]  # not a meeting: not counted
    themes = [Theme("t1", "Un"), Theme("t2", "Deux"), Theme("t3", "Trois")]
    actors = [Actor("x", "country", "X"), Actor("y", "organisation", "Y"), Actor("z", "place", "Z")]
    text = overview(docs, "2026-12-06", meetings, themes, actors)[OVERVIEW]
    assert "- **3 documents**, d’avril 2012 au 15 septembre 2023 ;" in text
    assert "- **2 thèmes** traités, **2 acteurs** nommés (pays, organisations, lieux) ;" in text
    assert "- **2 réunions** citées, du 21 mai 2008 à septembre 2023 ;" in text
    assert "construit le **6 décembre 2026**" in text
    latest = text.split("## Derniers textes")[1].split("## Parcourir")[0]
    assert [line.split("[")[1].split("]")[0] for line in latest.strip().splitlines()] == [
        "Note du Conseil", "Déclaration d'Alger", "Lettre"]
    assert '<time datetime="2013-04-09">8–9 avril 2013</time> — [Déclaration d\'Alger](corpus/documents/a.md)' in latest
    entry_points = text.split("## Parcourir")[1]
    for target in ("corpus/index.md", "corpus/themes/index.md", "corpus/acteurs/index.md", "corpus/chronologie.md",
                   "corpus/recherche.md", "corpus/donnees.md"):
        assert f"]({target})" in entry_points
    assert "les 3 textes" in entry_points
    assert not ISO.search(visible(text))


def test_overview_of_one_document_and_one_meeting_day() -> None:
    docs = [make("a", "2014-11-04", "Déclaration finale")]
    text = overview(docs, "2026-12-06", [meeting("m", date(2014, 11, 4), date(2014, 11, 4))], [], [])[OVERVIEW]
    assert "- **1 document**, le 4 novembre 2014 ;" in text
    assert "- **1 réunion** citée, le 4 novembre 2014 ;" in text
    assert "- **0 thème** traité, **0 acteur** nommé" in text
    assert "le seul texte" in text


def test_overview_without_meetings() -> None:
    text = overview([make("a", "2014", "Déclaration")], "2026-12-06")[OVERVIEW]
    assert "- **1 document**, en 2014 ;" in text and "- **0 réunion** citée ;" in text
