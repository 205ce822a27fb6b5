"""Shared fixtures: temporary copies of the project, built by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import BUILD_EPOCH, copy_project


@pytest.fixture(name="project")
def fixture_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the project with the seed corpus, not yet built."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session", name="built_project")
def fixture_built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of the project with the seed corpus, built once per session; read it, don't change it."""
    from coopsec.pipeline import build

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        report = build(root)
    assert report.published and not report.failed, report.diagnostics
    return root
