"""Conversion throughput on one core and on all cores, and peak memory as the corpus grows."""

from __future__ import annotations

import functools
import os
import shutil
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from coopsec.model import Document, SourceError
from coopsec.pipeline import Project, convert

from .builds import worker
from .project import make_project


def _convert(project: Project, path: Path) -> Document | None:
    try:
        return convert(path, project)
    except SourceError:
        return None


def pool_throughput(root: Path, processes: int) -> dict[str, Any]:
    """Convert every text with a Pool of ``processes`` workers; documents come back to the parent."""
    project = Project(root.resolve())
    paths = sorted(project.corpus.glob("*.txt"))
    chunk = max(1, len(paths) // (processes * 16))
    with Pool(processes) as pool:
        start = time.perf_counter()
        docs = pool.map(functools.partial(_convert, project), paths, chunksize=chunk)
        seconds = time.perf_counter() - start
    return {
        "processes": processes,
        "documents": sum(doc is not None for doc in docs),
        "seconds": seconds,
        "docs_per_s": len(paths) / seconds,
    }


def conversion(root: Path, n: int, seed: int) -> dict[str, Any]:
    """Throughput on one core (child process) and on all cores, on the same N texts; peak memory of the
    conversion at N, at N/10 (the first tenth of the same texts) and with no text; a profile at N/10."""
    single = worker("convert", root)
    single["docs_per_s"] = single["documents"] / single["seconds"]
    parallel = pool_throughput(root, os.cpu_count() or 1)
    tenth, empty = root.parent / f"{root.name}-tenth", root.parent / f"{root.name}-empty"
    make_project(tenth, max(1, n // 10), seed)
    make_project(empty, 0, seed)
    try:
        memory = {
            "n": single["peak_rss_mb"],
            "n/10": worker("convert", tenth)["peak_rss_mb"],
            "0": worker("convert", empty)["peak_rss_mb"],
        }
        profiled = worker("profile", tenth)
    finally:
        shutil.rmtree(tenth)
        shutil.rmtree(empty)
    return {
        "single": single,
        "parallel": parallel,
        "speedup": parallel["docs_per_s"] / single["docs_per_s"],
        "memory_mb": memory,
        "profile_docs": profiled["documents"],
        "profile": profiled["hot"],
    }
