"""Staging and the final swap: the output is written aside in ``.build/``, then swapped into place.

Nothing under ``docs/``, ``site/`` or ``dist/`` changes until :func:`publish`, so a build that fails or is
interrupted before it leaves the previous output as it was. A build killed during the swap itself leaves
``.build/`` and a ``.<name>.old`` folder behind: the next build first puts them right (:func:`recover`).
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from .project import Project
from .write.markdown import GENERATED_DIRS


def stage_docs(files: dict[str, str], project: Project) -> Path:
    """A complete docs tree in the staging area: hand-written pages plus the generated ones."""
    staged = project.staging / "docs"
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(project.docs, staged, ignore=_ignore_generated(project.docs))
    for directory in sorted({os.path.dirname(rel) for rel in files}):
        (staged / directory).mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        previous = project.docs / rel
        if holds(previous, content):
            os.link(previous, staged / rel)  # unchanged: keep the same file, not rewritten
        else:
            (staged / rel).write_text(content, encoding="utf-8", newline="\n")
    return staged


def holds(path: Path, content: str) -> bool:
    """Whether ``path`` is a file holding exactly ``content`` (sizes are compared before the bytes)."""
    try:
        status = path.stat()
    except OSError:
        return False
    data = content.encode("utf-8")
    return stat.S_ISREG(status.st_mode) and status.st_size == len(data) and path.read_bytes() == data


def _ignore_generated(docs_dir: Path) -> Callable[[str, list[str]], list[str]]:
    """For :func:`shutil.copytree`: leave out the generated folders at the top of ``docs_dir``."""
    def ignore(directory: str, names: list[str]) -> list[str]:
        return list(GENERATED_DIRS) if Path(directory) == docs_dir else []
    return ignore


def recover(project: Project) -> None:
    """Undo what a build killed while staging or swapping left: ``.build/``, and each ``.<name>.old`` folder,
    put back when its swap did not happen, else removed."""
    for current in (*(project.docs / name for name in GENERATED_DIRS), project.site):
        old = _old(current)
        if old.exists() and not current.exists():
            os.replace(old, current)
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(project.staging, ignore_errors=True)


def publish(project: Project, staged_docs: Path, staged_site: Path | None, bundle: Path | None) -> None:
    """Swap the staged output into place: generated docs folders, site/ (unless unchanged), then the bundle."""
    for name in GENERATED_DIRS:
        _swap(staged_docs / name, project.docs / name)
    if staged_site:
        _swap(staged_site, project.site)
    if bundle:
        project.dist.mkdir(exist_ok=True)
        os.replace(bundle, project.bundle)
    shutil.rmtree(project.staging, ignore_errors=True)


def _old(current: Path) -> Path:
    """Where ``current`` is moved during its swap."""
    return current.with_name(f".{current.name}.old")


def _swap(new: Path, current: Path) -> None:
    old = _old(current)
    if old.exists():
        shutil.rmtree(old)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)
