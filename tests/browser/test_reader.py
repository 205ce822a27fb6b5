"""The site as a reader sees it, in real Chromium, from the unzipped bundle (file://) and over HTTP:
print layout, French dates on every page kind, the French footer and 404 page, the sidebar, the home page.

Expected values are read from the seed texts in corpus/ (their datelines and headings).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from support import CIMO, COUNCIL, WEB

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-(?:0[1-9]|1[0-2])\b")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".coopsec-search", "input", ".coopsec-where",
          ".md-top", ".para-link")


@pytest.fixture(scope="module", name="pages")
def fixture_pages(site_dir: Path) -> dict[str, str]:
    """Source file name -> the URL of its page, relative to the site root (from the data export)."""
    records = json.loads((site_dir / "data" / "documents.json").read_text(encoding="utf-8"))
    return {record["source"]["file"]: record["url"] for record in records}


def article_text(view: Any) -> str:
    return view.page.locator("article").inner_text()


def visible_chrome(view: Any) -> list[str]:
    """The chrome selectors of which at least one element is visible on the page."""
    shown = []
    for selector in CHROME:
        elements = view.page.locator(selector)
        if any(elements.nth(i).is_visible() for i in range(elements.count())):
            shown.append(selector)
    return shown


def test_a_document_prints_as_a_clean_page(view: Any, pages: dict[str, str]) -> None:
    view.page.goto(view.url(pages[CIMO]))
    address = view.page.locator(".print-address")
    assert not address.is_visible()  # on screen, the page's own address is the browser's
    assert visible_chrome(view)  # the screen view has its chrome
    view.page.emulate_media(media="print")
    assert visible_chrome(view) == []
    assert "alger" in view.page.locator("article h1").inner_text().lower()  # "DECLARATION D'ALGER"
    assert view.page.locator(".doc-meta").is_visible()
    assert "8–9 avril 2013" in view.page.locator(".doc-meta").inner_text()  # "Alger les 08 et 09 Avril 2013"
    assert view.page.locator("article p").first.is_visible()
    # The declaration's paragraphs have no number of their own: each prints "¶ N", N of its anchor a-N.
    printed = view.page.eval_on_selector_all("article .para-anchor", """spans => spans.map((span, i) =>
        [span.id, getComputedStyle(span, "::before").content, i + 1])""")
    assert len(printed) > 20
    for anchor, content, rank in printed:
        assert anchor == f"a-{rank}" and "counter(coopsec-para)" in content.replace(" ", ""), (anchor, content)
    assert address.is_visible()
    assert "Adresse permanente" in address.inner_text()
    assert pages[CIMO] in address.inner_text()
    assert view.external == [] and view.errors == []


def test_print_keeps_the_footnotes(view: Any, pages: dict[str, str]) -> None:
    view.page.goto(view.url(pages[COUNCIL]))  # "au Coreper le 12 juillet 2023¹"
    view.page.emulate_media(media="print")
    numbers = view.page.locator("article .para-num")  # "14. vu la déclaration des chefs d'État…"
    assert numbers.count() > 10 and all(numbers.nth(i).is_visible() for i in range(numbers.count()))
    notes = view.page.locator("article .footnote")
    assert notes.is_visible() and "11301/23" in notes.inner_text()  # the note gives the document's number
    assert visible_chrome(view) == []


def test_the_bundle_carries_the_print_stylesheet(bundle_dir: Path, pages: dict[str, str]) -> None:
    assert "@media print" in (bundle_dir / "assets" / "print.css").read_text(encoding="utf-8")
    html = (bundle_dir / pages[CIMO]).read_text(encoding="utf-8")
    assert "assets/print.css" in html and 'class="print-address"' in html


def assert_french_dates(view: Any, *expected: str) -> str:
    text = article_text(view)
    for words in expected:
        assert words in text
    assert any(month in text for month in MONTHS)
    assert not ISO.findall(text), ISO.findall(text)
    return text


def test_french_dates_on_every_page_kind(view: Any, pages: dict[str, str]) -> None:
    kinds = {
        pages[CIMO]: ("8–9 avril 2013",),  # "Alger les 08 et 09 Avril 2013"
        pages[WEB]: ("19 juin 2018",),  # "Publié le 19 juin 2018"
        "corpus/index.html": ("15 septembre 2023", "19 juin 2018", "4 novembre 2014", "8–9 avril 2013",
                              "19 avril 2012"),
        "corpus/themes/terrorisme.html": ("4 novembre 2014", "8–9 avril 2013"),  # INTERPOL and CIMO texts
        "corpus/acteurs/pays-algerie.html": ("8–9 avril 2013",),
        "corpus/chronologie.html": ("21–22 mai 2008",),  # "la Conférence de Nouakchott tenue les 21 et 22 Mai 2008"
        "index.html": ("15 septembre 2023", "du 19 avril 2012 au 15 septembre 2023", "du 21 mai 2008"),
    }
    for path, expected in kinds.items():
        view.page.goto(view.url(path))
        assert_french_dates(view, *expected)
    assert view.external == [] and view.errors == []


def test_web_article_has_no_place_publie(view: Any, pages: dict[str, str]) -> None:
    view.page.goto(view.url(pages[WEB]))
    panel = view.page.locator(".doc-meta").inner_text()
    assert "Publié" not in panel and "Lieu" not in panel  # the byline names no town


def test_footer_is_french(view: Any) -> None:
    for path in ("index.html", "corpus/index.html", "corpus/chronologie.html"):
        view.page.goto(view.url(path))
        footer = view.page.locator(".md-footer").inner_text()
        assert "Made with" not in footer and "Material for MkDocs" not in footer
        assert "consultable hors ligne" in view.page.locator(".md-copyright").inner_text()


def test_the_404_page_is_french_and_leads_back(view: Any) -> None:
    view.page.goto(view.url("404.html"))
    assert view.page.locator("article h1").inner_text() == "Page introuvable"
    assert "ne correspond à aucune page" in article_text(view)
    assert view.page.title().startswith("Page introuvable")
    assert view.page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"  # styled
    home = view.page.locator("article a", has_text="Accueil")
    href = home.evaluate("a => a.href")
    home.click()
    view.page.wait_for_url(href)
    assert "le corpus des textes" in view.page.locator("article h1").inner_text()
    assert view.external == [] and view.errors == []


def test_sidebar_lists_the_sections_of_a_document(view: Any, pages: dict[str, str]) -> None:
    view.page.goto(view.url(pages[CIMO]))
    where = view.page.locator(".md-sidebar--primary .coopsec-where")
    assert where.is_visible() and "Dans ce document" in where.inner_text()
    sections = [text.lower() for text in where.locator("a").all_inner_texts()]
    for heading in ("la lutte contre le terrorisme", "la lutte contre le crime organise",
                    "suivi de la conference et aspects organisationnels"):  # the text's headings
        assert any(heading in section.replace("é", "e") for section in sections), sections
    link = where.locator("a", has_text=re.compile("crime organis", re.IGNORECASE))
    link.click()
    anchor = view.page.evaluate("decodeURIComponent(location.hash.slice(1))")
    heading = view.page.locator(f"[id='{anchor}']")
    assert "crime organis" in heading.inner_text().lower() and heading.is_visible()


def test_sidebar_shows_the_kind_of_index(view: Any) -> None:
    view.page.goto(view.url("corpus/themes/terrorisme.html"))
    where = view.page.locator(".md-sidebar--primary .coopsec-where")
    assert where.is_visible()
    assert where.locator(".coopsec-where__current > a").inner_text() == "Thèmes"
    assert where.locator("[aria-current='page']").inner_text() == "Terrorisme"
    for label in ("Documents", "Thèmes", "Acteurs", "Chronologie"):
        assert where.locator("a", has_text=label).count() == 1
    view.page.goto(view.url("corpus/index.html"))
    assert view.page.locator(".coopsec-where [aria-current='page']").inner_text() == "Documents"


def test_home_page_shows_the_corpus_at_a_glance(view: Any, pages: dict[str, str]) -> None:
    view.page.goto(view.url("index.html"))
    text = article_text(view)
    assert "5 documents" in text  # the five seed texts
    assert re.search(r"\d+ thèmes traités, \d+ acteurs nommés", text)
    assert re.search(r"\d+ réunions citées, du 21 mai 2008", text)
    latest = view.page.locator("#derniers-textes + ul > li")
    assert latest.count() == 5
    first = latest.first
    assert first.inner_text().startswith("15 septembre 2023")  # "Bruxelles, le 15 septembre 2023": the newest
    href = first.locator("a").evaluate("a => a.href")
    assert href.endswith(pages[COUNCIL])
    for label in ("Documents", "Thèmes", "Acteurs", "Chronologie", "Recherche", "Données"):
        assert view.page.locator("#parcourir + ul a", has_text=label).count() == 1
    first.locator("a").click()
    view.page.wait_for_url(href)
    assert view.external == [] and view.errors == []
