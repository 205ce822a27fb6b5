"""Performance benchmark of the coopsec pipeline on a synthetic corpus.

    python -m benchmarks --docs 1000 [--conversion-only] [--out benchmarks/out/results.json]

Generates N texts in a temporary project, then measures, in one run: conversion
throughput (one core, all cores), peak memory, the full build against a bare
MkDocs build, a bare MkDocs build of plain pages of the same texts and Zensical,
an incremental rebuild, output sizes and offline search and the filterable documents index in Chromium.
Prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopsec.project import BUNDLE_NAME
from coopsec.publish.bundle import BUNDLE_FOLDER

from .browser import search_timing
from .builds import (
    BenchmarkError,
    bare_mkdocs,
    full_build,
    incremental,
    plain_mkdocs,
    sizes,
    worker,
    zensical_build,
)
from .conversion import conversion
from .facets import facet_timing
from .project import REPO, freeze_code, make_project
from .report import as_json, table


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="number of synthetic texts (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    parser.add_argument("--conversion-only", action="store_true", help="measure conversion and memory only")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "benchmarks" / "out" / "results.json",
        help="JSON file for the figures (default benchmarks/out/results.json)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary project (its path is printed)")
    return parser.parse_args(argv)


def measure(name: str, results: dict[str, Any], step: Callable[[], dict[str, Any]]) -> None:
    """Run one measurement; a failure is recorded and the run goes on."""
    print(f"… {name}", file=sys.stderr, flush=True)
    try:
        results[name] = step()
    except BenchmarkError as error:
        results[name] = {"error": str(error)}
    except Exception as error:  # a broken step must not lose the other figures
        results[name] = {"error": f"{type(error).__name__}: {error}"}


def revision() -> str:
    """The commit measured, with ``+`` when the working tree has uncommitted changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "coopsec"], cwd=REPO, capture_output=True, text=True)
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")


def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    root = workdir / "project"
    freeze_code(workdir / "code")
    start = time.perf_counter()
    paths = make_project(root, args.docs, args.seed)
    results: dict[str, Any] = {
        "docs": args.docs,
        "seed": args.seed,
        "corpus_mb": sum(path.stat().st_size for path in paths) / 1e6,
        "generate_s": time.perf_counter() - start,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "revision": revision(),
    }
    tenth, empty = workdir / "tenth", workdir / "empty"  # the first N/10 texts, and none
    make_project(tenth, max(1, args.docs // 10), args.seed)
    make_project(empty, 0, args.seed)
    measure("conversion", results, lambda: conversion(root, tenth, empty))
    if args.conversion_only:
        return results
    measure("build", results, lambda: full_build(root))
    results["sizes"] = sizes(root)
    measure("mkdocs", results, lambda: bare_mkdocs(root))
    measure("plain", results, lambda: plain_mkdocs(root))
    measure("zensical", results, lambda: zensical_build(root))
    measure("generate_profile", results, lambda: worker("profile_generate", tenth))
    measure("search", results, lambda: search_timing(root / "dist" / BUNDLE_NAME, workdir / "bundle"))
    measure("facets", results, lambda: facet_timing(workdir / "bundle" / BUNDLE_FOLDER))
    measure("incremental", results, lambda: incremental(root, paths[len(paths) // 2]))
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    workdir = Path(tempfile.mkdtemp(prefix="coopsec-bench-"))
    try:
        results = run(args, workdir)
    finally:
        if args.keep:
            print(f"projet conservé : {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(as_json(results), ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(results))
    print(f"\nChiffres écrits dans {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
