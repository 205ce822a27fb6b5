"""Measurements run in a fresh interpreter, so that timings and peak memory are the task's own.

``python -m benchmarks.worker TASK ROOT`` prints one JSON object:

- ``convert``: convert every text of ROOT/corpus on one core, without the conversion cache
  (documents, seconds, peak memory);
- ``build``: ``build(ROOT)``, with the time spent in each pipeline phase and the number of documents
  converted afresh (the others come from the conversion cache);
- ``plain_pages``: write ROOT/.bench/plain, a bare MkDocs project of plain pages of the texts (title and
  paragraphs, Material, its search plugin on, out of the navigation), the yardstick of the full build;
- ``profile``, ``profile_generate``: cProfile of the conversion, of ``generate`` (conversion,
  enrichment and pages, on one core): the functions with the most own time, the coopsec functions with
  the most cumulative time.
"""

from __future__ import annotations

import cProfile
import functools
import json
import pstats
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopsec import pipeline, pool
from coopsec.model import BuildReport, Document, SourceError, plain
from coopsec.write.markdown import escape

BUILD_PHASES = ("process_corpus", "render", "link_meetings", "stage_docs", "render_site", "make_bundle", "publish")
"""Functions of coopsec.pipeline timed during a build, when it has them (``render`` includes ``link_meetings``)."""
CONVERT_STAGES = ("read_source", "clean", "structure", "load_override", "extract_metadata")
"""Functions called by coopsec.pipeline.convert, timed during a conversion."""
PROFILE_TOP = 15


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MiB.

    VmHWM of /proc/self/status when there is one: ``getrusage`` maxrss survives ``exec`` on Linux, so a
    child would report at least the size of the parent it was forked from.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def convert(root: Path) -> dict[str, Any]:
    """Cold conversion (no cache) of every text, all documents kept in memory as a build keeps them."""
    stages = time_phases(CONVERT_STAGES)
    project = pipeline.Project(root.resolve())
    docs: list[Document] = []
    failed = 0
    start = time.perf_counter()
    for path in sorted(project.corpus.glob("*.txt")):
        try:
            docs.append(pipeline.convert(path, project))
        except SourceError:
            failed += 1
    seconds = time.perf_counter() - start
    return {
        "documents": len(docs),
        "failed": failed,
        "seconds": seconds,
        "stages": stages,
        "peak_rss_mb": peak_rss_mb(),
    }


def build(root: Path) -> dict[str, Any]:
    phases = time_phases(BUILD_PHASES)
    start = time.perf_counter()
    report = pipeline.build(root)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "phases": phases,
        "converted": len(report.converted),
        "failed": len(report.failed),
        "reconverted": report.reconverted,
        "published": report.published,
        "peak_rss_mb": peak_rss_mb(),
    }


PLAIN_CONFIG = """site_name: Textes
use_directory_urls: false
theme:
  name: material
  language: fr
  font: false
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /textes/
"""


def plain_pages(root: Path) -> dict[str, Any]:
    """A bare MkDocs project beside ROOT's: one plain page per text (``# title`` then its paragraphs)."""
    project = pipeline.Project(root.resolve())
    plain_root = project.root / ".bench" / "plain"
    shutil.rmtree(plain_root, ignore_errors=True)
    (plain_root / "docs" / "textes").mkdir(parents=True)
    (plain_root / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (plain_root / "docs" / "index.md").write_text("# Textes\n", encoding="utf-8")
    pages = 0
    for path in sorted(project.corpus.glob("*.txt")):
        try:
            doc = pipeline.convert(path, project)
        except SourceError:
            continue
        lines = [f"# {escape(doc.meta.title)}", *(escape(plain(block.text)) for block in doc.blocks())]
        (plain_root / "docs" / "textes" / f"{doc.slug}.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        pages += 1
    return {"root": str(plain_root), "pages": pages}


def time_phases(names: tuple[str, ...]) -> dict[str, float]:
    """Time every later call of these coopsec.pipeline functions; returns the (live) totals in seconds."""
    phases: dict[str, float] = {}
    for name in names:
        if hasattr(pipeline, name):
            setattr(pipeline, name, _timed(getattr(pipeline, name), name, phases))
    return phases


def _timed(function: Callable[..., Any], name: str, phases: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - start

    return timed


def profile(root: Path) -> dict[str, Any]:
    """The conversion under cProfile."""
    profiler = cProfile.Profile()
    result = profiler.runcall(convert, root)
    return result | hot_functions(profiler)


def profile_generate(root: Path) -> dict[str, Any]:
    """Every generated file (``generate``: conversion, enrichment, pages) under cProfile, on one core, cold."""
    project = pipeline.Project(root.resolve())
    shutil.rmtree(project.cache, ignore_errors=True)
    pool.PARALLEL_FROM = sys.maxsize  # profile in this process
    profiler = cProfile.Profile()
    start = time.perf_counter()
    files = profiler.runcall(pipeline.generate, project, 0, BuildReport())
    return {"files": len(files), "seconds": time.perf_counter() - start} | hot_functions(profiler)


def hot_functions(profiler: cProfile.Profile) -> dict[str, list[dict[str, Any]]]:
    """Functions with the most own time, and coopsec functions with the most cumulative time."""
    rows = [
        (_where(file, line, name), calls, own, total)
        for (file, line, name), (_, calls, own, total, _) in pstats.Stats(profiler).stats.items()
    ]  # type: ignore[attr-defined]

    def top(selected: list[tuple[str, int, float, float]], column: int) -> list[dict[str, Any]]:
        ranked = sorted(selected, key=lambda row: row[column], reverse=True)[:PROFILE_TOP]
        return [
            {"function": where, "calls": calls, "own_s": own, "total_s": total} for where, calls, own, total in ranked
        ]

    return {"own": top(rows, 2), "cumulative": top([row for row in rows if row[0].startswith("coopsec/")], 3)}


def _where(file: str, line: int, name: str) -> str:
    """``coopsec/text.py:21 fold``; built-ins keep their own name."""
    path = Path(file)
    if "coopsec" in path.parts:
        file = "/".join(path.parts[path.parts.index("coopsec") :])
    return f"{file}:{line} {name}" if line else name


TASKS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "convert": convert,
    "build": build,
    "plain_pages": plain_pages,
    "profile": profile,
    "profile_generate": profile_generate,
}


def main(argv: list[str]) -> int:
    task, root = argv
    json.dump(TASKS[task](Path(root)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
