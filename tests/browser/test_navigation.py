"""Walking the site as a reader, from the unzipped bundle (file://) and over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname


def follow(view: Any, selector: str) -> str:
    """Click the first link matching ``selector``; the URL reached, once the page is loaded."""
    link = view.page.locator(selector).first
    href = link.evaluate("a => a.href")
    link.click()
    view.page.wait_for_url(href)
    return href


def assert_on_paragraph(view: Any) -> None:
    anchor = view.page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert anchor
    assert view.page.evaluate("id => document.getElementById(id) !== null", anchor)


def test_documents_index_to_a_document(view: Any) -> None:
    view.page.goto(view.url("corpus/index.html"))
    href = follow(view, "article a[href*='documents/']")
    assert "/corpus/documents/" in href
    assert view.page.locator("article h1").count() == 1
    assert view.external == [] and view.errors == []


def test_theme_page_to_a_paragraph(view: Any) -> None:
    view.page.goto(view.url("corpus/themes/index.html"))
    follow(view, "article a[href$='.html']:not([href*='index'])")
    follow(view, "article a[href*='documents/'][href*='#']")
    assert_on_paragraph(view)
    assert view.external == [] and view.errors == []


def test_chronology_to_a_citing_paragraph(view: Any) -> None:
    view.page.goto(view.url("corpus/chronologie.html"))
    follow(view, "article a[href*='documents/'][href*='#']")
    assert_on_paragraph(view)
    assert view.external == [] and view.errors == []


def test_navigation_tabs_and_data_downloads(view: Any) -> None:
    view.page.goto(view.url("index.html"))
    follow(view, "a[href$='donnees.html']")
    downloads = view.page.eval_on_selector_all("article a[href*='data/']", "links => links.map(a => a.href)")
    assert downloads
    for href in downloads:
        if href.startswith("file:"):
            assert Path(url2pathname(urlsplit(href).path)).is_file(), href
        else:
            assert view.page.request.get(href).ok, href
    assert view.external == [] and view.errors == []


def test_a_former_address_leads_to_the_paragraph_at_the_new_one(view: Any) -> None:
    # the Déclaration d'Alger was first published under its file's name; its item 43 is on CBRNE threats
    view.page.goto(view.url("corpus/documents/000-7415aaa0d4f9534b.html#a-43"))
    view.page.wait_for_url("**/corpus/documents/2013-04-09-declaration-d-alger.html#a-43")
    assert_on_paragraph(view)
    assert "Alger" in view.page.locator("article h1").inner_text()
    item = view.page.evaluate("document.getElementById('a-43').closest('li, p').innerText")
    assert "CBRNE" in item
    assert view.external == [] and view.errors == []
