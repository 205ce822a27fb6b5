"""A throw-away project holding a synthetic corpus and copies of the site's own files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from coopsec.write.markdown import GENERATED_DIRS

from .generate import generate_corpus

REPO = Path(__file__).resolve().parent.parent
REFERENCE_FILES = ("corpus/themes.yml", "corpus/actors.yml")


def make_project(root: Path, n: int, seed: int) -> list[Path]:
    """``root`` with ``n`` generated texts, mkdocs.yml, hooks/, hand-written docs/ and the reference lists."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs", root / "docs", ignore=_generated)
    paths = generate_corpus(n, root / "corpus", seed)
    for name in REFERENCE_FILES:
        shutil.copy2(REPO / name, root / name)
    return paths


def _generated(directory: str, names: list[str]) -> list[str]:
    return list(GENERATED_DIRS) if Path(directory) == REPO / "docs" else []


def freeze_code(directory: Path) -> None:
    """Run child processes on a copy of coopsec/ taken now, so that edits made during a run do not leak in."""
    shutil.copytree(REPO / "coopsec", directory / "coopsec", ignore=shutil.ignore_patterns("__pycache__"))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(directory), os.environ.get("PYTHONPATH", "")]))


def child_env() -> dict[str, str]:
    """Environment for child processes: coopsec and benchmarks importable, no live-preview hook, fixed date."""
    env = {key: value for key, value in os.environ.items() if key != "COOPSEC_SERVE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH", ""), str(REPO)]))
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    return env


@dataclass
class Run:
    """A finished child process: wall time, output and exit status."""

    seconds: float
    stdout: str
    stderr: str
    returncode: int


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to completion and time it (wall clock)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env or child_env(), capture_output=True, text=True, check=False)
    return Run(time.perf_counter() - start, done.stdout, done.stderr, done.returncode)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def tree_size(path: Path) -> int:
    """Total bytes of the files under ``path`` (0 if absent)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0
