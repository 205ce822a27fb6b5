"""The offline search at scale, in Chromium from file://: time after the last keystroke, long tasks, bytes read.

    python -m benchmarks.search.scale --docs 10000     # synthetic corpus converted, search index written alone
    python -m benchmarks.search.scale --site /tmp/s10k  # kept there; run again, only search.js is copied anew

Generates N texts (``benchmarks/generate.py``), converts them with the build's own ``process_corpus`` on every
core, writes the search index and the results page with :func:`coopsec.publish.search.search_files` into a bare
site carrying ``docs/assets/search.js``, and opens that page from ``file://``. Each query of :data:`QUERIES` is
typed key by key in the header box of a fresh page (nothing of the index loaded yet but what focusing the box
loads), :data:`KEY_DELAY_MS` apart, as a reader types. Measured per query: the time from the last keystroke to
the first result drawn for the whole query, the longest main-thread task from the first keystroke to then (the
browser reports only tasks over 50 ms: 0 when there is none), and
the bytes of the index (``docs.js``, ``i/``, ``p/``) and of the excerpt text (``t/``) the page read.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ..browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from ..project import REPO

QUERIES = (
    "coopération policière",  # two words of the largest prefixes
    "terrorisme Rabat",
    "sécurité des frontières",
    '"lutte contre le terrorisme"',  # a quoted phrase: pair shards, then the text of its units
    "cooperaton policiere",  # a typo: near spellings in two shards
    "migration -Libye",  # an exclusion
    "Interpol OU Europol",
)
KEY_DELAY_MS = 150
"""Between two keystrokes: a reader typing steadily (about 80 words a minute); above search.js's debounce, so
that the letters typed so far are searched while the next is typed, as on the site."""

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Recherche</title>
<link rel="stylesheet" href="../assets/search.css"></head>
<body><header class="md-header"><nav class="md-header__inner"></nav></header>
<main>{body}</main><script src="../assets/search.js"></script></body></html>
"""

PROBE = """
window.__bench = {tasks: [], lastKey: 0, firstKey: 0, done: 0, query: null};
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { window.__bench.tasks.push([e.startTime, e.duration]); });
}).observe({type: "longtask", buffered: true});
document.addEventListener("keydown", function () {
  var b = window.__bench;
  b.lastKey = performance.now();
  if (!b.firstKey) b.firstKey = b.lastKey;
}, true);
new MutationObserver(function () {
  var b = window.__bench;
  var list = document.querySelector("#coopsec-popup ul");
  if (b.query !== null && !b.done && list && list.dataset.query === b.query && list.querySelector(".coopsec-result")) {
    b.done = performance.now();
  }
}).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-query"]});
"""
"""Injected before any page script: long tasks, the keystrokes' times, and when the whole query's results are
drawn."""

READ = """() => Array.prototype.map.call(document.querySelectorAll("script[src]"), function (s) { return s.src; })"""
"""The scripts the page loaded: search.js adds one tag per index file and never removes it (file:// loads leave
no resource timing entries)."""


def copy_assets(site: Path) -> None:
    """The search script and its style, as they are now in ``docs/assets/``."""
    (site / "assets").mkdir(exist_ok=True)
    for name in ("search.js", "search.css"):
        shutil.copy2(REPO / "docs" / "assets" / name, site / "assets" / name)


def file_sizes(site: Path) -> dict[str, dict[str, int]]:
    """Count, bytes and largest file of each kind of search file: docs.js, i/, p/, t/."""
    from coopsec.publish.search import SEARCH_DIR

    sizes: dict[str, list[int]] = {}
    for path in (site / SEARCH_DIR).rglob("*.js"):
        kind = path.parent.name if path.parent.name in ("i", "p", "t") else "docs"
        sizes.setdefault(kind, []).append(path.stat().st_size)
    return {kind: {"count": len(found), "bytes": sum(found), "largest": max(found)}
            for kind, found in sorted(sizes.items())}


def synthetic_site(n: int, seed: int, workdir: Path) -> tuple[Path, dict[str, Any]]:
    """``n`` generated texts converted by the build, their search index and results page in a bare site."""
    from coopsec.model import BuildReport
    from coopsec.pipeline import Project, Thesauri, process_corpus
    from coopsec.publish.search import search_files

    from ..project import make_project

    root = workdir / "project"
    make_project(root, n, seed)
    project = Project(root)
    started = time.perf_counter()
    docs = process_corpus(project, Thesauri.load(project), BuildReport())
    convert_s = time.perf_counter() - started
    started = time.perf_counter()
    files = search_files(docs)
    index_s = time.perf_counter() - started
    site = workdir / "site"
    write_bare_site(files, site)
    return site, {"docs": len(docs), "convert_s": convert_s, "index_s": index_s}


def write_bare_site(files: dict[str, str], site: Path) -> None:
    """The search files and the results page (its Markdown as bare HTML) under ``site``, with the assets."""
    import markdown

    for path, content in files.items():
        target = site / path
        if path.endswith(".md"):
            body = markdown.markdown(content.split("---", 2)[2], extensions=["md_in_html"])
            target = target.with_suffix(".html")
            content = PAGE.format(body=body)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    copy_assets(site)


def search_timing(site: Path) -> dict[str, Any]:
    """Each query of QUERIES typed on a fresh results page of ``site``: timings and bytes read."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright n'est pas installé"}
    page_path = site / "corpus" / "recherche.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return {"queries": [_query(browser, page_path, query) for query in QUERIES]}
        finally:
            browser.close()


def _query(browser: Any, page_path: Path, query: str) -> dict[str, Any]:
    page = browser.new_page()
    try:
        page.add_init_script(PROBE)
        page.goto(page_path.as_uri(), wait_until="load")
        box = page.locator("#coopsec-q")
        page.evaluate("q => { window.__bench.query = q; }", query)
        box.focus()  # loads docs.js, as a reader's click in the box does
        box.press_sequentially(query, delay=KEY_DELAY_MS)
        page.wait_for_function("() => window.__bench.done > 0", timeout=TIMEOUT_MS)
        bench = page.evaluate("window.__bench")
        read = _bytes_read(page.evaluate(READ), page_path.parents[1])
        typing = [duration for start, duration in bench["tasks"] if start + duration >= bench["firstKey"]]
        return {"query": query, "after_last_key_ms": bench["done"] - bench["lastKey"],
                "longest_task_ms": max(typing, default=0.0),
                "results_shown": page.locator("#coopsec-popup .coopsec-result").count(),
                "status": page.text_content("#coopsec-popup .coopsec-status"), **read}
    finally:
        page.close()


def _bytes_read(urls: list[str], site: Path) -> dict[str, int]:
    """Bytes of the index scripts and of the text chunks the page loaded, from their files."""
    from coopsec.publish.search import SEARCH_DIR

    base = (site / SEARCH_DIR).as_uri() + "/"
    index = text = 0
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            continue
        size = (site / SEARCH_DIR / url[len(base):]).stat().st_size
        if url[len(base):].startswith("t/"):
            text += size
        else:
            index += size
    return {"index_bytes": index, "text_bytes": text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000, help="number of synthetic texts (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    parser.add_argument("--site", type=Path,
                        help="keep the synthetic site in this directory; if it holds one, measure it again with the "
                             "current search.js instead of converting the texts anew")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "search-scale.json",
                        help="JSON file for the figures (default benchmarks/out/search-scale.json)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    workdir = args.site or Path(tempfile.mkdtemp(prefix="coopsec-search-scale-"))
    try:
        built = workdir / "site" / "corpus" / "recherche.html"
        if args.site and built.exists():
            site, results = built.parents[1], json.loads((workdir / "built.json").read_text(encoding="utf-8"))
            copy_assets(site)
        else:
            site, results = synthetic_site(args.docs, args.seed, workdir)
            (workdir / "built.json").write_text(json.dumps(results), encoding="utf-8")
        results["files"] = file_sizes(site)
        results["browser"] = search_timing(site)
    finally:
        if not args.site:
            shutil.rmtree(workdir, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{results['docs']} documents convertis en {results['convert_s']:.0f} s, index écrit en "
          f"{results['index_s']:.1f} s")
    for kind, found in results["files"].items():
        print(f"  {kind} : {found['count']} fichiers, {found['bytes'] / 1e6:.2f} Mo, "
              f"le plus gros {found['largest'] / 1e3:.0f} ko")
    browser = results["browser"]
    if "skipped" in browser:
        print(f"navigateur : ignoré ({browser['skipped']})")
    else:
        for query in browser["queries"]:
            longest = query["longest_task_ms"]
            tasks = f"tâche la plus longue {longest:.0f} ms" if longest else "aucune tâche de plus de 50 ms"
            print(f"  {query['query']!r} : {query['after_last_key_ms']:.0f} ms après la dernière touche, "
                  f"{tasks}, index lu "
                  f"{query['index_bytes'] / 1e6:.2f} Mo, texte {query['text_bytes'] / 1e6:.2f} Mo "
                  f"({query['status']})")
    print(f"Chiffres écrits dans {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
