"""Conversion throughput on one core and on all cores, and peak memory as the corpus grows."""

from __future__ import annotations

import functools
import os
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from coopsec.model import Document, SourceError
from coopsec.pipeline import Project, convert

from .builds import worker


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


def conversion(root: Path, tenth: Path, empty: Path) -> dict[str, Any]:
    """Throughput on one core (child process) and on all cores, on the N texts of ``root``; peak memory of
    the conversion of ``root``, of ``tenth`` (its first N/10 texts) and of ``empty`` (no text); a profile
    of the conversion of ``tenth``."""
    single = worker("convert", root)
    single["docs_per_s"] = single["documents"] / single["seconds"]
    parallel = pool_throughput(root, os.cpu_count() or 1)
    memory = {
        "n": single["peak_rss_mb"],
        "n/10": worker("convert", tenth)["peak_rss_mb"],
        "0": worker("convert", empty)["peak_rss_mb"],
    }
    profiled = worker("profile", tenth)
    return {
        "single": single,
        "parallel": parallel,
        "speedup": parallel["docs_per_s"] / single["docs_per_s"],
        "memory_mb": memory,
        "profile_docs": profiled["documents"],
        "profile": {key: profiled[key] for key in ("own", "cumulative")},
    }
