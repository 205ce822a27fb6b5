"""Links between texts in a real browser: from a citation in one text to the cited text, whose page lists
« Cité par » the citing text and paragraph, over HTTP and from file://.

The site is built from the seeds plus tests/fixtures/citing_rabat.txt, a declaration of 14 March 2024 citing
« la Déclaration d'Alger » of 8-9 April 2013 (seed 000) and the Council note ST 12838 2023 INIT (seed 001).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support import BUILD_EPOCH, CIMO, COUNCIL, FIXTURES, ROOT, address, copy_project, serving

# the citing text's address: its date line and title (« Rabat, le 14 mars 2024 », DÉCLARATION DE RABAT)
CITING_PAGE = "corpus/documents/2024-03-14-declaration-de-rabat.html"
ALGER_PAGE = f"corpus/documents/{address(ROOT, CIMO)}.html"


@pytest.fixture(scope="module", name="citing_site")
def fixture_citing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from coopsec.pipeline import build

    root = copy_project(tmp_path_factory.mktemp("citing") / "project")
    shutil.copy(FIXTURES / "citing_rabat.txt", root / "corpus" / "citing_rabat.txt")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        report = build(root, bundle=False)
    assert report.published and not report.failed, report.diagnostics
    return root / "site"


@pytest.fixture(scope="module", name="citing_http")
def fixture_citing_http(citing_site: Path) -> Iterator[str]:
    with serving(citing_site) as base:
        yield base


@pytest.fixture(name="citing_view", params=["file", "http"])
def fixture_citing_view(request: pytest.FixtureRequest, open_view: Callable[[str], Any], citing_site: Path,
                        citing_http: str) -> Any:
    return open_view(citing_site.as_uri() + "/" if request.param == "file" else citing_http)


def test_follow_a_citation_to_the_cited_text_and_back(citing_view: Any) -> None:
    view = citing_view
    page = view.page
    page.goto(view.url(CITING_PAGE))
    paragraph = page.locator("p", has=page.locator("#p-1"))
    paragraph.get_by_role("link", name="Déclaration d'Alger").click()
    page.wait_for_url("**/" + ALGER_PAGE)
    heading = page.get_by_role("heading", name="Cité par")
    heading.wait_for()
    entry = page.locator("#cite-par + ul > li")
    assert entry.count() == 1
    assert entry.inner_text() == "Déclaration de Rabat, 14 mars 2024 : § 1 (« Déclaration d'Alger »)"
    entry.get_by_role("link", name="§ 1").click()
    page.wait_for_url("**/" + CITING_PAGE + "#p-1")
    assert view.external == [] and view.errors == []


def test_citing_page_lists_texts_outside_the_corpus(citing_view: Any) -> None:
    view = citing_view
    page = view.page
    page.goto(view.url(CITING_PAGE))
    page.get_by_role("heading", name="Textes cités hors corpus").wait_for()
    items = page.locator("#cites-hors-corpus + ul > li").all_inner_texts()
    assert items == ["« résolution 2178 (2014) » : § 3", "« Déclaration de Malte » : § 4"]
    page.locator("p", has=page.locator("#p-2")).get_by_role("link", name="ST 12838 2023 INIT").click()
    page.wait_for_url(f"**/corpus/documents/{address(ROOT, COUNCIL)}.html")
    assert "Déclaration de Rabat" in page.locator("#cite-par + ul").inner_text()
