"""Measurements run in a fresh interpreter, so that timings and peak memory are the task's own.

``python -m benchmarks.worker TASK ROOT`` prints one JSON object:

- ``convert``: convert every text of ROOT/corpus on one core, without the conversion cache
  (documents, seconds, peak memory);
- ``build``: ``build(ROOT)``, with the time spent in each pipeline phase and the number of documents
  converted afresh (the others come from the conversion cache);
- ``profile``: cProfile of the conversion, the functions with the most own time.
"""

from __future__ import annotations

import cProfile
import functools
import json
import pstats
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopsec import pipeline
from coopsec.model import Document, SourceError

BUILD_PHASES = ("convert_corpus", "enrich", "render", "stage_docs", "render_site", "make_bundle", "publish")
"""Functions of coopsec.pipeline timed during a build (``render`` includes ``enrich``)."""
PROFILE_TOP = 15


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def convert(root: Path) -> dict[str, Any]:
    """Cold conversion (no cache) of every text, all documents kept in memory as a build keeps them."""
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
    return {"documents": len(docs), "failed": failed, "seconds": seconds, "peak_rss_mb": peak_rss_mb()}


def build(root: Path) -> dict[str, Any]:
    phases: dict[str, float] = {}
    for name in BUILD_PHASES:
        setattr(pipeline, name, _timed(getattr(pipeline, name), name, phases))
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
    profiler = cProfile.Profile()
    result = profiler.runcall(convert, root)
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:PROFILE_TOP]  # type: ignore[attr-defined]
    result["hot"] = [
        {"function": f"{Path(file).name}:{line}:{name}", "calls": calls, "own_s": own, "total_s": total}
        for (file, line, name), (_, calls, own, total, _) in rows
    ]
    return result


TASKS: dict[str, Callable[[Path], dict[str, Any]]] = {"convert": convert, "build": build, "profile": profile}


def main(argv: list[str]) -> int:
    task, root = argv
    json.dump(TASKS[task](Path(root)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
