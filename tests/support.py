"""Helpers shared by the test modules and fixtures: temporary copies of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

from coopsec.write.markdown import GENERATED_DIRS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
BUILD_EPOCH = "1700000000"


def copy_project(target: Path, corpus: bool = True) -> Path:
    """Copy the project's sources (not its generated output) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", target / "hooks")
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda d, names: list(GENERATED_DIRS) if Path(d) == ROOT / "docs" else [])
    if corpus:
        shutil.copytree(ROOT / "corpus", target / "corpus")
    else:
        (target / "corpus").mkdir()
        for name in ("themes.yml", "actors.yml"):
            shutil.copy2(ROOT / "corpus" / name, target / "corpus" / name)
    return target

