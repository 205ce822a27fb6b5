"""The filterable documents index in Chromium, from file://: facet data size and time to filter.

    python -m benchmarks.facets --docs 10000     # synthetic corpus converted, index page written alone

``facet_timing(site)`` opens ``corpus/index.html`` of a built site (the full benchmark passes the
unzipped bundle) and times, from the moment the reader acts until the count is updated: ticking a
value of a facet, a second facet (AND), sorting by title, and the next page ("Suivants").
Run as a module, it generates N texts (``benchmarks/generate.py``), converts them with the build's
own ``process_corpus`` on every core, writes the documents index and ``data/facets.js`` with the
build's writers into a bare page carrying ``docs/assets/facets.js``, and measures the same.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from .project import REPO

READY = "#coopsec-facets[data-ready]"
STATUS = "#coopsec-facets-status"

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Documents</title>
<link rel="stylesheet" href="../assets/facets.css"></head>
<body><main><article class="md-typeset">{body}</article></main>
<script src="../assets/facets.js"></script></body></html>
"""

ACT = """
([selector, value]) => new Promise(resolve => {
  const target = document.querySelector(selector);
  const start = performance.now();
  if (value === null) target.click();
  else { target.value = value; target.dispatchEvent(new Event("change")); }
  const script = performance.now() - start;
  requestAnimationFrame(() => setTimeout(() => resolve([script, performance.now() - start])));
})
"""
"""One reader action: the script's own time (it redraws synchronously), and the time until the next frame
is painted (layout and paint included)."""


READY_PROBE = """
new MutationObserver(function (records, observer) {
  var root = document.getElementById("coopsec-facets");
  if (root && root.dataset.ready) { window.__facetsReady = performance.now(); observer.disconnect(); }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
"""
"""Records when facets.js has drawn the filterable list (page clock, from navigation start)."""


def facet_timing(site: Path) -> dict[str, Any]:
    """Load time of the filterable index, then the time of each reader action on it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright n'est pas installé"}
    index = site / "corpus" / "index.html"
    if not (site / "data" / "facets.js").exists() or not index.exists():
        return {"skipped": f"pas de data/facets.js ou de corpus/index.html sous {site}"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(READY_PROBE)
            started = time.perf_counter()
            page.goto(index.as_uri(), wait_until="load")
            page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
            ready_ms = (time.perf_counter() - started) * 1000
            parsed_ms, data_ms = page.evaluate("""() => [
              performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd, window.__facetsReady]""")
            actions = [
                ("page suivante", ".coopsec-facets__next", None),
                ("cocher un type", "input[id^='coopsec-f-type-']", None),
                ("cocher un thème (ET)", "input[id^='coopsec-f-theme-']", None),
                ("trier par titre", "#coopsec-facets-tri", "titre"),
                ("décocher le thème", "input[id^='coopsec-f-theme-']", None),
            ]
            timed = [_action(page, *action) for action in actions]
            rows = page.locator("#coopsec-facets tbody tr").count()
            return {"ready_ms": ready_ms, "page_parsed_ms": parsed_ms, "facets_ready_ms": data_ms,
                    "actions": timed, "rows_drawn": rows,
                    "documents": page.evaluate("window.coopsecFacetData.total")}
        finally:
            browser.close()


def _action(page: Any, name: str, selector: str, value: str | None) -> dict[str, Any]:
    script_ms, frame_ms = page.evaluate(ACT, [selector, value])
    return {"action": name, "script_ms": script_ms, "frame_ms": frame_ms, "after": page.text_content(STATUS)}


def synthetic_site(n: int, seed: int, workdir: Path) -> tuple[Path, dict[str, Any]]:
    """``n`` generated texts converted by the build, their index page and facet data in a bare site."""
    import markdown

    from coopsec.model import BuildReport
    from coopsec.pipeline import Project, Thesauri, process_corpus
    from coopsec.write.facets import FACETS_DATA, facet_files
    from coopsec.write.indexes import documents_index
    from coopsec.write.markdown import DOCUMENTS_INDEX

    from .project import make_project

    root = workdir / "project"
    make_project(root, n, seed)
    project = Project(root)
    thesauri = Thesauri.load(project)
    started = time.perf_counter()
    docs = process_corpus(project, thesauri, BuildReport())
    convert_s = time.perf_counter() - started
    started = time.perf_counter()
    data = facet_files(docs, thesauri.themes, thesauri.actors)[FACETS_DATA]
    write_s = time.perf_counter() - started
    site = workdir / "site"
    (site / "data").mkdir(parents=True)
    (site / "corpus").mkdir()
    (site / "assets").mkdir()
    (site / FACETS_DATA).write_text(data, encoding="utf-8")
    page = documents_index(docs)[DOCUMENTS_INDEX].split("---", 2)[2]
    body = markdown.markdown(page, extensions=["md_in_html", "tables", "attr_list"])
    (site / "corpus" / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
    for name in ("facets.js", "facets.css"):
        shutil.copy2(REPO / "docs" / "assets" / name, site / "assets" / name)
    raw = data.encode("utf-8")
    return site, {"docs": len(docs), "convert_s": convert_s, "facet_data_s": write_s,
                  "facets_bytes": len(raw), "facets_gzip_bytes": len(gzip.compress(raw, mtime=0)),
                  "index_html_bytes": (site / "corpus" / "index.html").stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.facets", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000, help="number of synthetic texts (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "facets.json",
                        help="JSON file for the figures (default benchmarks/out/facets.json)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    workdir = Path(tempfile.mkdtemp(prefix="coopsec-facets-"))
    try:
        site, results = synthetic_site(args.docs, args.seed, workdir)
        results["browser"] = facet_timing(site)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{results['docs']} documents : données des facettes {results['facets_bytes'] / 1e6:.2f} Mo "
          f"({results['facets_gzip_bytes'] / 1e6:.2f} Mo gzip), écrites en {results['facet_data_s']:.2f} s")
    browser = results["browser"]
    if "skipped" in browser:
        print(f"navigateur : ignoré ({browser['skipped']})")
    else:
        print(f"page prête : {browser['ready_ms']:.0f} ms de bout en bout ; "
              f"page analysée à {browser['page_parsed_ms']:.0f} ms, "
              f"liste filtrable dessinée à {browser['facets_ready_ms']:.0f} ms")
        for action in browser["actions"]:
            print(f"  {action['action']} : {action['script_ms']:.0f} ms de script, {action['frame_ms']:.0f} ms "
                  f"jusqu'à l'image suivante ({action['after']})")
    print(f"Chiffres écrits dans {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
