"""Search as a reader uses it, from the unzipped bundle (file://) and over HTTP."""

from __future__ import annotations

import re
from typing import Any

from support import CIMO, COUNCIL, INTERPOL, NATO, ROOT, WEB, address

from coopsec.text import fold

COUNT = re.compile(r"^(?:Aucun résultat|1 résultat|[\d\u202f\u00a0]+ résultats)$")
CLASI_NOTE = address(ROOT, COUNCIL)  # Council note 12838/23
NATO_RECORD = address(ROOT, NATO)  # embassy letter on the NATO meeting


def search_box(view: Any, query: str) -> list[dict]:
    """Type ``query`` in the header box of the home page; the hits shown, as dicts."""
    page = view.page
    if not page.url.endswith("/index.html"):
        page.goto(view.url("index.html"))
    page.locator("#coopsec-q").fill("")
    page.locator("#coopsec-q").press_sequentially(query, delay=10)
    rendered(view, "#coopsec-popup", query)
    return hits(view, "#coopsec-popup")


def rendered(view: Any, scope: str, query: str) -> None:
    """Wait until the results of ``query`` (not of a prefix typed before) are shown."""
    view.page.wait_for_function(
        "([scope, query]) => document.querySelector(scope + ' .coopsec-results')?.dataset.query === query",
        arg=[scope, query],
    )
    assert COUNT.match(view.page.locator(f"{scope} .coopsec-status").text_content())


def hits(view: Any, scope: str) -> list[dict]:
    return view.page.eval_on_selector_all(
        f"{scope} li.coopsec-result a",
        """links => links.map(a => ({
            href: a.href,
            title: a.querySelector('.coopsec-result__title').textContent,
            text: a.textContent,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
        }))""",
    )


def count(view: Any, scope: str) -> int:
    text = view.page.locator(f"{scope} .coopsec-status").first.text_content()
    return 0 if text.startswith("Aucun") else int(re.sub(r"\D", "", text))


ACCENTLESS = {"securite": "sécurité", "cooperation": "coopération", "OTAN": "OTAN", "reseaux": "réseaux"}


def test_accentless_queries_find_accented_words(view: Any) -> None:
    for query, word in ACCENTLESS.items():
        found = search_box(view, query)
        assert found, query
        assert word in {mark for hit in found for mark in hit["marks"]}, query
        assert all(hit["href"].startswith(view.url("corpus/documents/")) for hit in found)
    assert view.external == [] and view.errors == []


def test_otan_finds_the_nato_record_and_elided_form(view: Any) -> None:
    found = search_box(view, "OTAN")
    record = [hit for hit in found if NATO_RECORD in hit["href"]]
    assert record
    # The record writes « l'OTAN » with a straight apostrophe: its excerpts keep it and mark the acronym.
    assert any("l'OTAN" in hit["text"] and "OTAN" in hit["marks"] for hit in record)


def test_reference_code_leads_to_its_document(view: Any) -> None:
    found = search_box(view, "12838/23")
    assert CLASI_NOTE in found[0]["href"]
    assert "#" not in found[0]["href"]  # the metadata hit opens the page itself


def test_inflections_on_the_results_page(view: Any) -> None:
    page = view.page
    page.goto(view.url("corpus/recherche.html?q=terroriste"))
    rendered(view, "article", "terroriste")
    assert page.locator("#coopsec-page-q").input_value() == "terroriste"
    marks = {fold(mark) for hit in hits(view, "#coopsec-page-results") for mark in hit["marks"]}
    assert {"terrorisme", "terroristes"} <= marks
    assert count(view, "article") == len(hits(view, "#coopsec-page-results"))
    assert view.external == [] and view.errors == []


def test_no_result_is_said_in_french(view: Any) -> None:
    search_box(view, "zzzxqw")
    assert view.page.locator("#coopsec-popup .coopsec-status").text_content() == "Aucun résultat"


def test_hit_opens_the_paragraph(view: Any) -> None:
    found = search_box(view, "reseaux")
    target = next(hit for hit in found if "#" in hit["href"])
    view.page.locator(f'#coopsec-popup a[href="{target["href"]}"]').first.click()
    view.page.wait_for_url(target["href"])
    anchor = target["href"].split("#", 1)[1]
    assert view.page.evaluate("location.hash") == f"#{anchor}"
    paragraph = view.page.locator(f"[id='{anchor}']")
    assert paragraph.count() == 1
    assert "réseaux" in paragraph.evaluate("e => e.parentElement.textContent")
    assert view.external == [] and view.errors == []


def test_keyboard_and_escape(http_view: Any) -> None:
    search_box(http_view, "cooperation")
    page = http_view.page
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#coopsec-popup') !== null")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert page.locator("#coopsec-popup").is_hidden()
    assert page.evaluate("document.activeElement.id") == "coopsec-q"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"corpus/recherche\.html\?q=cooperation$"))
    rendered(http_view, "article", "cooperation")
    assert count(http_view, "article") > 0


def test_search_box_is_labelled_on_every_page(http_view: Any) -> None:
    for path in ("index.html", "corpus/chronologie.html", f"corpus/documents/{CLASI_NOTE}.html"):
        http_view.page.goto(http_view.url(path))
        form = http_view.page.get_by_role("search").first
        assert form.get_by_label("Rechercher").count() == 1


def test_landing_page_highlights_the_matched_words(view: Any) -> None:
    found = search_box(view, "reseaux")
    target = next(hit for hit in found if "#" in hit["href"])
    assert "?q=reseaux#" in target["href"]
    view.page.goto(target["href"])
    view.page.locator("article mark.coopsec-mark").first.wait_for()
    marks = {fold(m) for m in view.page.locator("article mark.coopsec-mark").all_text_contents()}
    assert "reseaux" in marks and marks <= {"reseau", "reseaux"}  # the word and its inflections
    assert view.external == [] and view.errors == []


ALGIERS = address(ROOT, CIMO)  # Déclaration d'Alger, CIMO, 2013
ARTICLE = address(ROOT, WEB)  # article « La coopération entre États », 2018
INTERPOL_DECLARATION = address(ROOT, INTERPOL)  # INTERPOL ministerial declaration, Monaco, 2014


def results_page(view: Any, address: str, query: str, filters: str = "") -> list[dict]:
    """Open the results page at ``address`` (under corpus/); the hits of ``query`` under ``filters`` shown."""
    view.page.goto(view.url("corpus/recherche.html" + address))
    view.page.wait_for_function(
        "([query, filters]) => { const list = document.querySelector('#coopsec-page-results');"
        " return list.dataset.query === query && (list.dataset.filters || '') === filters; }",
        arg=[query, filters],
    )
    return hits(view, "#coopsec-page-results")


def anchors(found: list[dict]) -> set[str]:
    return {hit["href"].split("/")[-1].split("?")[0] + "#" + hit["href"].partition("#")[2] for hit in found}


def document_of(hit: dict) -> str:
    return hit["href"].split("/")[-1].split(".html")[0]


def test_a_typo_still_finds_the_word(view: Any) -> None:
    found = search_box(view, "terorisme")
    assert found
    marks = {fold(mark) for hit in found for mark in hit["marks"]}
    assert "terrorisme" in marks and "terorisme" not in marks
    found = search_box(view, "cooperaton policiere")
    assert INTERPOL_DECLARATION in found[0]["href"]
    assert view.external == [] and view.errors == []


def test_a_quoted_phrase_needs_its_words_in_a_row(view: Any) -> None:
    # "sécurité des frontières" is written in two paragraphs of the Algiers declaration (Tripoli, Ghadamès);
    # a-36 has "sécurisation des frontières", other paragraphs the words apart
    found = results_page(view, "?q=%22s%C3%A9curit%C3%A9+des+fronti%C3%A8res%22", '"sécurité des frontières"')
    assert anchors(found) == {f"{ALGIERS}.html#a-22", f"{ALGIERS}.html#a-26"}
    loose = results_page(view, "?q=s%C3%A9curit%C3%A9+des+fronti%C3%A8res", "sécurité des frontières")
    assert len(loose) > len(found)
    assert view.external == [] and view.errors == []


def test_an_excluded_word_drops_its_paragraphs(view: Any) -> None:
    # the article's paragraph on radicalisation (a-2) names Tunisia: excluded; the CIMO one (a-38) stays
    found = results_page(view, "?q=radicalisation", "radicalisation")
    assert f"{ARTICLE}.html#a-2" in anchors(found)
    found = results_page(view, "?q=radicalisation+-Tunisie", "radicalisation -Tunisie")
    assert f"{ALGIERS}.html#a-38" in anchors(found)
    assert f"{ARTICLE}.html#a-2" not in anchors(found)
    assert not any("tunisi" in fold(hit["text"]) for hit in found)
    assert view.external == [] and view.errors == []


def test_filters_narrow_the_results_and_stay_in_the_address(view: Any) -> None:
    page = view.page
    everything = results_page(view, "?q=terrorisme", "terrorisme")
    assert len({document_of(hit) for hit in everything}) > 2
    # the reader picks a type: only the article is left, and the address says so
    page.select_option("#coopsec-filter-type", "article")
    page.wait_for_function("document.querySelector('#coopsec-page-results').dataset.filters === 'type=article'")
    found = hits(view, "#coopsec-page-results")
    assert found and all(ARTICLE in hit["href"] for hit in found)
    assert "type=article" in page.url and "q=terrorisme" in page.url
    assert page.get_by_label("Type", exact=True).input_value() == "article"  # a labelled control
    # a shared address with a year range: the 2013 and 2014 declarations only
    found = results_page(view, "?q=terrorisme&de=2013&a=2014", "terrorisme", "de=2013&a=2014")
    assert {document_of(hit) for hit in found} == {ALGIERS, INTERPOL_DECLARATION}
    assert page.locator("#coopsec-filter-de").input_value() == "2013"
    assert view.external == [] and view.errors == []


def test_a_short_prefix_says_how_many_forms_it_left_out(view: Any) -> None:
    page = view.page
    page.goto(view.url("index.html"))
    page.locator("#coopsec-q").press_sequentially("co", delay=10)
    page.wait_for_function("document.querySelector('#coopsec-popup .coopsec-results')?.dataset.query === 'co'")
    status = page.locator("#coopsec-popup .coopsec-status").text_content()
    assert re.fullmatch(r"[\d\u202f\u00a0]+ résultats — « co… » : les 40 formes les plus fréquentes cherchées, "
                        r"et \d+ autres formes non cherchées", status), status
    assert view.external == [] and view.errors == []


def test_on_a_phone_the_filters_fold_away_unless_the_address_sets_one(view: Any) -> None:
    page = view.page
    page.set_viewport_size({"width": 390, "height": 844})
    results_page(view, "?q=terrorisme", "terrorisme")
    assert page.locator(".coopsec-filters-panel").evaluate("panel => panel.open") is False
    first = page.locator("#coopsec-page-results a").first.bounding_box()
    assert first["y"] < 844  # the first result is on the first screen
    results_page(view, "?q=terrorisme&type=article", "terrorisme", "type=article")
    assert page.locator(".coopsec-filters-panel").evaluate("panel => panel.open") is True
    assert view.errors == []
