"""Hit counts and timings: coopsec's offline search against stock Material search (lunr, French).

``python -m benchmarks.search_stock [--out DIR]`` builds the seed corpus twice in
a temporary project (once as published, once with ``plugins: [search: {lang: fr}]``),
serves both on 127.0.0.1 and types the same queries in Chromium. It prints a
Markdown table: matching paragraphs / documents for coopsec, matching
documents / sections shown for Material, and the time to the first results.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from coopsec.pipeline import build
from coopsec.write.markdown import GENERATED_DIRS

REPO = Path(__file__).resolve().parent.parent
QUERIES = (
    "securite",
    "cooperation",
    "OTAN",
    "reseaux",
    "terroriste",
    "migration irreguliere",
    "coreper",
    "criminalite organisee",
    "Etats-Unis",
    "l'Algerie",
)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
OURS = """q => coopsecSearch.search(q).then(r => [r.hits.length, new Set(r.hits.map(h => h.doc)).size])"""


def make_projects(root: Path) -> tuple[Path, Path]:
    """The seeds built as published (``ours/site``) and with stock search (``stock/site``)."""
    ours = root / "ours"
    ours.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", ours / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", ours / "hooks")
    shutil.copytree(REPO / "overrides", ours / "overrides")
    shutil.copytree(REPO / "corpus", ours / "corpus")
    shutil.copytree(REPO / "docs", ours / "docs", ignore=_generated)
    build(ours, bundle=False)
    config = yaml.load((ours / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    config["plugins"] = [{"search": {"lang": "fr"}}]
    config["extra_javascript"] = [js for js in config.get("extra_javascript", []) if "search" not in js]
    config["hooks"] = []
    config["docs_dir"] = str(ours / "docs")
    config["theme"]["custom_dir"] = str(ours / "overrides")
    config["site_dir"] = str(root / "stock" / "site")
    stock_config = root / "stock.yml"
    stock_config.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(stock_config)))
    return ours / "site", root / "stock" / "site"


def _generated(directory: str, names: list[str]) -> list[str]:
    return list(GENERATED_DIRS) if Path(directory) == REPO / "docs" else []


@contextmanager
def serve(site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure_ours(page: object, base: str, query: str) -> tuple[int, int, float]:
    page.goto(base + "index.html")
    started = time.perf_counter()
    paragraphs, documents = page.evaluate(OURS, query)
    return paragraphs, documents, time.perf_counter() - started


def measure_stock(page: object, base: str, query: str) -> tuple[int, int, float]:
    page.goto(base + "index.html")
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Taper").wait_for()  # index loaded in the worker
    started = time.perf_counter()
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_function("() => /trouv/.test(document.querySelector('.md-search-result__meta').textContent)")
    elapsed = time.perf_counter() - started
    page.wait_for_timeout(300)  # let the shown list settle
    documents = int("0" + "".join(c for c in meta.text_content() if c.isdigit()))
    sections = page.locator("li.md-search-result__item article").count()
    return documents, sections, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        ours_site, stock_site = make_projects(Path(tmp))
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        rows = []
        with serve(ours_site) as ours, serve(stock_site) as stock:
            for query in QUERIES:
                rows.append((query, measure_ours(page, ours, query), measure_stock(page, stock, query)))
        browser.close()
    print("| requête | coopsec : paragraphes / documents (ms) | Material lunr : documents / sections (ms) |")
    print("|---|---|---|")
    for query, (paragraphs, docs, t1), (documents, sections, t2) in rows:
        print(f"| {query} | {paragraphs} / {docs} ({t1 * 1000:.0f}) | {documents} / {sections} ({t2 * 1000:.0f}) |")


if __name__ == "__main__":
    main()
