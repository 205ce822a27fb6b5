"""Search at 1,000 documents, from file://: fast first results, no long task."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.search.scale import write_bare_site
from coopsec.model import Block, Document, Metadata, Part, Source
from coopsec.publish.search import search_files, search_page

ROOT = Path(__file__).resolve().parents[2]

XSS = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script> zqxpiege '
LONG_TASKS = """
window.longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.longTasks.push(e.duration)))
  .observe({type: "longtask", buffered: true});
"""


def synthetic_docs(count: int) -> list[Document]:
    """``count`` documents of 12 paragraphs cut from the seed texts (about 10 KB each)."""
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))).split()
    windows = [" ".join(words[start : start + 130]) for start in range(0, len(words) - 130, 70)]
    docs = []
    for n in range(count):
        blocks = [Block("paragraph", windows[(n * 12 + k) % len(windows)], anchor=f"p-{k}") for k in range(12)]
        source = Source(f"doc-{n:04d}.txt", "", "", "utf-8", 0)
        meta = Metadata(title=f"Document {n}", references=[f"{n}/23"])
        docs.append(Document(f"doc-{n:04d}", source, meta, [Part(meta.title, blocks)]))
    docs[0].parts[0].blocks[0].text = XSS + docs[0].parts[0].blocks[0].text
    return docs


@pytest.fixture(scope="module", name="big_site")
def fixture_big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("big")
    write_bare_site(search_files(synthetic_docs(1000)), site)
    assert "coopsec-page-q" in search_page()
    return site


def test_first_results_fast_at_1000_documents(open_view: Callable, big_site: Path) -> None:
    view = open_view(big_site.as_uri() + "/")
    page = view.page
    page.add_init_script(LONG_TASKS)
    page.goto(view.url("corpus/recherche.html"))
    box = page.locator("#coopsec-q")
    for query in ("cooperation", "securite terroriste", "12838/23", "reseaux"):
        box.fill("")
        started = time.perf_counter()
        box.press_sequentially(query, delay=20)
        page.wait_for_function("q => document.querySelector('#coopsec-popup ul').dataset.query === q", arg=query)
        elapsed = time.perf_counter() - started - 0.02 * len(query)
        assert elapsed < 1.0, (query, elapsed)
        assert page.locator("#coopsec-popup li.coopsec-result").count() > 0, query
    box.fill("")
    box.press_sequentially("co", delay=300)  # slow typing: a two-letter prefix is searched
    page.wait_for_function("() => document.querySelector('#coopsec-popup ul').dataset.query === 'co'")
    assert page.locator("#coopsec-popup li.coopsec-result").count() > 0
    assert max(page.evaluate("window.longTasks"), default=0) < 200
    assert view.external == [] and view.errors == []


def test_corpus_text_never_runs_as_html(open_view: Callable, big_site: Path) -> None:
    view = open_view(big_site.as_uri() + "/")
    view.page.goto(view.url("corpus/recherche.html?q=zqxpiege"))
    view.page.locator("#coopsec-page-results li").first.wait_for()
    assert "<script>window.pwned=1</script>" in view.page.locator("#coopsec-page-results").text_content()
    assert view.page.locator("#coopsec-page-results img, #coopsec-page-results script").count() == 0
    assert view.page.evaluate("window.pwned") is None
