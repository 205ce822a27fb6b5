"""Shared fixtures: temporary copies of the project, built by the real pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


@pytest.fixture(name="project")
def fixture_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the project with the seed corpus, not yet built."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    return copy_project(tmp_path / "project")
