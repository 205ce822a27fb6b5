"""The built site has no broken internal link or anchor and loads nothing from outside (no browser)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "//")
RESOURCE_TAGS = {"script": "src", "img": "src", "link": "href", "iframe": "src", "source": "src"}


class Page(HTMLParser):
    """The ids, links and loaded resources of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        elif tag in RESOURCE_TAGS and values.get(RESOURCE_TAGS[tag]):
            self.resources.append(values[RESOURCE_TAGS[tag]])


@pytest.fixture(scope="module", name="pages")
def fixture_pages(site_dir: Path) -> dict[Path, Page]:
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path] = page
    return pages


def target(site_dir: Path, page_path: Path, href: str) -> tuple[Path, str]:
    """The file and fragment a link points to; "/x" is from the site root (404.html is served anywhere)."""
    parts = urlsplit(href)
    base = site_dir if parts.path.startswith("/") else page_path.parent
    path = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page_path
    return path, unquote(parts.fragment)


def test_no_broken_internal_link_or_anchor(pages: dict[Path, Page], site_dir: Path) -> None:
    broken = []
    for path, page in pages.items():
        for href in page.links + page.resources:
            if href.lower().startswith(EXTERNAL):
                continue
            file, fragment = target(site_dir, path, href)
            where = f"{path.relative_to(site_dir)} -> {href}"
            if not file.is_file():
                broken.append(f"{where} (fichier absent)")
            elif fragment and file.suffix == ".html" and fragment not in pages[file].ids and not (
                    "=" in fragment and "coopsec-facets" in pages[file].ids):  # filters of the documents index
                broken.append(f"{where} (ancre absente)")
    assert not broken, "\n".join(broken)
    assert len(pages) > 10


def test_nothing_loaded_from_outside(pages: dict[Path, Page], site_dir: Path) -> None:
    outside = [
        f"{path.relative_to(site_dir)} -> {src}"
        for path, page in pages.items()
        for src in page.resources
        if src.lower().startswith(("http:", "https:", "//"))
    ]
    assert not outside, "\n".join(outside)


def shard(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.coopsecSearch.addShard(").removesuffix(");\n"))


def test_every_search_hit_lands_on_an_existing_paragraph(pages: dict[Path, Page], site_dir: Path) -> None:
    """Each unit of the search index leads to a built page and, for paragraphs, to an existing anchor."""
    search = site_dir / "data" / "search"
    table = shard(search / "docs.js")
    chunks = [shard(search / "t" / f"{i}.js") for i in range(len(table["chunks"]))]
    units = [unit for chunk in chunks for unit in chunk["units"]]
    assert len(units) == table["units"]
    rows = {row[0]: row for chunk in chunks for row in chunk["docs"]}  # number -> [number, page, title, subtitle]
    first, total = [], 0
    for gap in table["first"].split(","):
        total += int(gap, 36)
        first.append(total)
    starts = [*first, len(units)]
    missing = []
    for number, start, end in zip(range(len(first)), starts, starts[1:], strict=False):
        page_url = rows[number][1]
        page = pages.get((site_dir / page_url).resolve())
        anchors = {anchor for anchor, _ in units[start:end] if anchor}
        if page is None or anchors - page.ids:
            missing.append(f"{page_url}: {sorted(anchors - page.ids) if page else 'page absente'}")
    assert not missing, "\n".join(missing)
    assert sum(1 for anchor, _ in units if anchor) > 100
