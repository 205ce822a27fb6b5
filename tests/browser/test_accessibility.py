"""axe-core on the main page kinds: no serious or critical WCAG 2.1 A/AA violation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from support import CIMO, ROOT, address

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(name="axe", scope="session")
def fixture_axe() -> Path:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core manquant : lancer `npm ci`")
        pytest.skip("axe-core absent (node_modules) : lancer `npm ci`")
    return AXE


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        f"corpus/documents/{address(ROOT, CIMO)}.html",
        "corpus/themes/index.html",
        "corpus/chronologie.html",
        "corpus/recherche.html?q=cooperation",
        "architecture.html",
    ],
)
def test_no_serious_violation(http_view: Any, axe: Path, path: str) -> None:
    page = http_view.page
    page.goto(http_view.url(path))
    theme = page.locator("article a[href$='.html']").first if path.startswith("corpus/themes") else None
    if theme is not None:
        theme.click()
        page.wait_for_load_state()
    if "?q=" in path:
        page.locator("#coopsec-page-results li").first.wait_for()
    page.locator("#coopsec-q").fill("securite")
    page.locator("#coopsec-popup li").first.wait_for()
    page.add_script_tag(path=str(axe))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(map(str, serious))
    assert http_view.external == []
