"""Offline search in Chromium: the unzipped bundle opened from file://, a query typed in the header box."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from coopsec.publish.bundle import BUNDLE_FOLDER

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INPUT = "#coopsec-q"  # the header search box injected by docs/assets/search.js
RESULT = "#coopsec-popup .coopsec-result"
QUERIES = ("coopération policière", "terrorisme Rabat")  # cold (index not loaded yet), then warm
TIMEOUT_MS = 30_000

PROBE = """
window.__bench = {longtasks: [], start: 0, first: 0};
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { window.__bench.longtasks.push([e.startTime, e.duration]); });
}).observe({type: "longtask", buffered: true});
new MutationObserver(function () {
  var b = window.__bench;
  if (b.start && !b.first && document.querySelector(SELECTOR)) b.first = performance.now();
}).observe(document, {childList: true, subtree: true});
""".replace("SELECTOR", json.dumps(RESULT))
"""Injected before any page script: records long tasks and when the first result appears."""


CLEAR = """
document.querySelectorAll(SELECTOR).forEach(function (e) { e.remove(); });
window.__bench.first = 0;
window.__bench.start = performance.now();
""".replace("SELECTOR", json.dumps(RESULT))
"""Before a query: no previous result left on the page, clock started."""


def search_timing(bundle: Path, workdir: Path) -> dict[str, Any]:
    """Time to the first result for each of QUERIES, and the longest main-thread tasks."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright n'est pas installé"}
    if not bundle.exists():
        return {"skipped": f"pas de paquet hors ligne {bundle.name}"}
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(workdir)
    index = workdir / BUNDLE_FOLDER / "index.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(PROBE)
            page.goto(index.as_uri(), wait_until="load")
            if page.query_selector(INPUT) is None:
                return {"skipped": "pas de champ de recherche (docs/assets/search.js) dans la page"}
            loaded_tasks = _longest(page.evaluate("window.__bench.longtasks"), 0.0)
            return {"page_load_longest_task_ms": loaded_tasks, "queries": [_query(page, query) for query in QUERIES]}
        finally:
            browser.close()


def _query(page: Any, query: str) -> dict[str, Any]:
    page.fill(INPUT, "")
    page.evaluate(CLEAR)
    start = page.evaluate("window.__bench.start")
    page.focus(INPUT)
    page.fill(INPUT, query)
    page.wait_for_selector(RESULT, state="visible", timeout=TIMEOUT_MS)
    page.wait_for_function("window.__bench.first > 0", timeout=TIMEOUT_MS)
    bench = page.evaluate("window.__bench")
    return {
        "query": query,
        "first_result_ms": bench["first"] - start,
        "results_shown": page.locator(RESULT).count(),
        "status": page.text_content("#coopsec-popup .coopsec-status"),
        "longest_task_ms": _longest(bench["longtasks"], start),
    }


def _longest(tasks: list[list[float]], since: float) -> float:
    return max((duration for start, duration in tasks if start >= since), default=0.0)
