"""The filterable documents index, from the unzipped bundle (file://) and over HTTP.

What the seed texts are (read from them): two declarations (Alger 2013, Monaco 2014), a Council
note (2023), a web article (2018) and an ambassador's letter (2012), the only text naming the OTAN;
terrorism is treated by all but the Council note.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest

from coopsec.model import Document, Metadata, Source
from coopsec.write.facets import FACETS_DATA, facet_files
from coopsec.write.indexes import documents_index
from coopsec.write.markdown import DOCUMENTS_INDEX
from coopsec.write.paging import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[2]
READY = "#coopsec-facets[data-ready]"
STATUS = "#coopsec-facets-status"
TITLES_BY_TITLE = [  # the five seed titles in French alphabetical order
    "Compte rendu de la visite de la délégation du CSDN au Quartier Général de l'OTAN, Bruxelles, le 07 février 2012",
    "Déclaration conjointe des ministres de l'intérieur",
    "Déclaration d’Alger",
    "Déclaration finale",
    "La coopération entre États : un enjeu de la lutte anti-terroriste",
]


def open_index(view: Any, state: str = "") -> Any:
    page = view.page
    page.goto(view.url("corpus/index.html") + (f"#{state}" if state else ""))
    page.wait_for_selector(READY, state="attached")
    return page


def titles(page: Any) -> list[str]:
    return page.eval_on_selector_all("#coopsec-facets tbody td:nth-child(3) a",
                                     "links => links.map(a => a.textContent)")


def status(page: Any) -> str:
    return page.locator(STATUS).text_content()


def value(page: Any, facet: str, label: str) -> Any:
    """The checkbox of ``label`` in the facet whose legend is ``facet``; shown first if folded away."""
    group = page.locator("#coopsec-facets fieldset", has=page.locator(f"legend:text-is('{facet}')"))
    item = group.locator("li", has_text=re.compile(rf"^{re.escape(label)} \("))
    if item.is_hidden():
        group.locator(".coopsec-facet__more").click()
    return item.locator("input")


def tick(page: Any, facet: str, label: str) -> None:
    value(page, facet, label).check()


def test_plain_list_then_a_facet_narrows_it(view: Any) -> None:
    page = open_index(view)
    assert status(page) == "5 documents."
    assert page.locator(".coopsec-doclist").is_hidden()  # the plain table, replaced
    assert len(titles(page)) == 5
    assert page.get_by_label("Déclaration (2)", exact=True).is_visible()  # each value with its count, as a label
    tick(page, "Type", "Déclaration")
    assert status(page) == "2 documents sur 5."
    assert sorted(titles(page)) == ["Déclaration d’Alger", "Déclaration finale"]
    assert page.evaluate("location.hash") == "#type=declaration"
    assert page.locator(STATUS).get_attribute("aria-live") == "polite"
    # the count of another value of the same facet says what ticking it would add (OR)
    assert page.locator("#coopsec-facets label", has_text="Lettre").text_content() == "Lettre (1)"
    assert view.external == [] and view.errors == []


def test_two_facets_combine(view: Any) -> None:
    page = open_index(view)
    tick(page, "Type", "Déclaration")
    tick(page, "Type", "Lettre")  # OR within a facet
    assert status(page) == "3 documents sur 5."
    tick(page, "Organisation", "OTAN")  # AND across facets: the letter alone names the OTAN
    assert status(page) == "1 document sur 5."
    assert titles(page) == [TITLES_BY_TITLE[0]]
    assert page.evaluate("location.hash") == "#type=declaration,lettre&organisation=org-otan"
    page.get_by_role("button", name="Effacer les filtres").click()
    assert status(page) == "5 documents."
    assert page.evaluate("location.hash") == ""
    assert view.errors == []


def test_sort_by_title_and_by_date(view: Any) -> None:
    page = open_index(view)
    dates = page.eval_on_selector_all("#coopsec-facets tbody time", "ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates, reverse=True)  # newest first by default
    page.get_by_label("Trier par").select_option(label="Titre, de A à Z")
    shown = titles(page)
    assert len(shown) == 5
    assert all(title.startswith(expected[:40]) for title, expected in zip(shown, TITLES_BY_TITLE, strict=True))
    assert page.evaluate("location.hash") == "#tri=titre"
    page.get_by_label("Trier par").select_option("ancien")
    dates = page.eval_on_selector_all("#coopsec-facets tbody time", "ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates)
    assert view.errors == []


def test_on_a_phone_each_document_is_a_card_with_its_title_first(view: Any) -> None:
    page = view.page
    page.set_viewport_size({"width": 390, "height": 844})
    page = open_index(view)
    row = page.locator("#coopsec-facets tbody tr").first
    title, day = row.locator("td:nth-child(3)").bounding_box(), row.locator("td:nth-child(1)").bounding_box()
    assert title["y"] + title["height"] <= day["y"]  # the title above its date
    assert title["width"] > 300  # on a line of its own, not squeezed into a column
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the screen
    assert view.errors == []


def test_state_restored_from_the_address(view: Any) -> None:
    page = open_index(view, "type=declaration&annee=2013&tri=titre")
    assert status(page) == "1 document sur 5."
    assert titles(page) == ["Déclaration d’Alger"]
    assert value(page, "Type", "Déclaration").is_checked()
    assert value(page, "Année", "2013").is_checked()
    assert not value(page, "Type", "Note").is_checked()
    assert page.locator("#coopsec-facets-tri").input_value() == "titre"
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert titles(page) == ["Déclaration d’Alger"]
    # a shared address changed in place (another filter pasted) is followed
    page.evaluate("location.hash = 'classification=confidentiel'")
    page.wait_for_function("s => document.querySelector(s).textContent === '1 document sur 5.'", arg=STATUS)
    assert titles(page) == [TITLES_BY_TITLE[0]]
    assert view.errors == []


def test_theme_actor_and_year_pages_arrive_pre_filtered(view: Any) -> None:
    page = view.page
    page.goto(view.url("corpus/themes/terrorisme.html"))
    page.get_by_role("link", name="Voir ces documents dans l'index").click()
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate("location.hash") == "#theme=terrorisme"
    assert status(page) == "4 documents sur 5."
    assert "Déclaration conjointe" not in " ".join(titles(page))  # the Council note does not treat it
    assert value(page, "Thème", "Terrorisme").is_checked()
    page.goto(view.url("corpus/acteurs/org-otan.html"))
    page.get_by_role("link", name="Voir ces documents dans l'index").click()
    page.wait_for_selector(READY, state="attached")
    assert titles(page) == [TITLES_BY_TITLE[0]]
    page.goto(view.url("corpus/chronologie.html"))  # a year of the chronology: the texts of that year
    page.get_by_role("link", name="Voir les documents de 2013 dans l'index").click()
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate("location.hash") == "#annee=2013"
    assert titles(page) == ["Déclaration d’Alger"]
    assert view.external == [] and view.errors == []


def test_without_javascript_the_plain_list_stays(browser: Any, http_base: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(http_base + "corpus/index.html#type=note")
        assert page.locator(".coopsec-doclist tbody tr").count() == 5
        assert page.locator(".coopsec-doclist").is_visible()
        assert page.locator("#coopsec-facets").is_hidden()
    finally:
        context.close()


def _docs(count: int) -> list[Document]:
    kinds = ["déclaration", "note", "lettre", "article", "compte rendu"]
    docs = []
    for n in range(count):
        meta = Metadata(title=f"Texte {n:05d}", doc_type=kinds[n % 5], date=f"{1990 + n % 34}-0{1 + n % 9}-1{n % 10}",
                        issuing_body=f"Émetteur {n % 40}", place="Bruxelles")
        docs.append(Document(f"doc-{n:05d}", Source(f"doc-{n:05d}.txt", "", "", "utf-8", 0), meta))
    return docs


@pytest.fixture(scope="module", name="big_index")
def fixture_big_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bare documents index of 10,000 documents with its facet data and the real facets.js."""
    from benchmarks.facets import PAGE

    site = tmp_path_factory.mktemp("facets")
    docs = _docs(10_000)
    for folder in ("data", "corpus", "assets"):
        (site / folder).mkdir()
    (site / FACETS_DATA).write_text(facet_files(docs, [], [])[FACETS_DATA], encoding="utf-8")
    body = markdown.markdown(documents_index(docs)[DOCUMENTS_INDEX].split("---", 2)[2],
                             extensions=["md_in_html", "tables"])
    (site / "corpus" / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
    for name in ("facets.js", "facets.css"):
        shutil.copy2(ROOT / "docs" / "assets" / name, site / "assets" / name)
    return site


def test_ten_thousand_documents_paginated_and_fast(open_view: Callable, big_index: Path) -> None:
    view = open_view(big_index.as_uri() + "/")
    page = open_index(view)
    assert status(page) == "10\u202f000 documents, page 1 sur 200."
    assert page.locator("#coopsec-facets tbody tr").count() == 50  # one page, never 10,000 rows
    assert page.locator(".coopsec-doclist tbody tr").count() == PAGE_SIZE  # the plain table's first page
    assert page.locator(".coopsec-pager").is_hidden()  # its pages' navigation, hidden with the table
    first = titles(page)
    page.get_by_role("button", name="Suivants").click()
    assert status(page) == "10\u202f000 documents, page 2 sur 200."
    assert len(titles(page)) == 50 and not set(titles(page)) & set(first)
    assert page.evaluate("location.hash") == "#page=2"
    assert page.locator("#coopsec-facets fieldset legend", has_text="Année").count() == 0  # 34 years: decades
    started = time.perf_counter()
    tick(page, "Type", "Note")
    assert status(page) == "2\u202f000 documents sur 10\u202f000, page 1 sur 40."
    tick(page, "Décennie", "Années 2010")
    elapsed = time.perf_counter() - started
    assert status(page) == "588 documents sur 10\u202f000, page 1 sur 12."  # notes (n % 5 == 1) of 2010-2019
    assert elapsed < 3.0, elapsed  # two filters, with Playwright's own round trips
    page.get_by_label("Trier par").select_option("titre")
    shown = titles(page)
    assert shown == sorted(shown) and shown[0] == "Texte 00021"  # the first note of the 2010s
    assert page.locator("#coopsec-facets tbody tr").count() == 50
    assert view.errors == []
