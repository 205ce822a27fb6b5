"""Staging and the final swap: the output is written aside in ``.build/``, then swapped into place.

Nothing under ``docs/``, ``site/`` or ``dist/`` changes until :func:`publish`, so a build that fails or is
interrupted before it leaves the previous output as it was. A build killed during the swap itself leaves
``.build/`` and a ``.<name>.old`` folder behind: the next build first puts them right (:func:`recover`).

A file whose bytes did not change is not written again: the staged tree holds a hard link to the file in
place (:func:`stage_docs`, :func:`keep_unchanged`), so after the swap it keeps its inode and its time, and a
static host's sync uploads only what changed.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .project import Project
from .write.markdown import GENERATED_DIRS


@dataclass
class Rewrites:
    """What a build changes in one output folder: the files written anew and those kept as they were."""

    written: list[str] = field(default_factory=list)
    """Paths (relative to the folder) of the files new or changed, sorted."""
    kept: list[str] = field(default_factory=list)
    """Paths of the files whose bytes did not change: the file in place is kept (same inode, same time)."""


def stage_docs(files: dict[str, str], project: Project) -> tuple[Path, Rewrites]:
    """A complete docs tree in the staging area: hand-written pages plus the generated ones; and which
    generated files are written anew."""
    staged = project.staging / "docs"
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(project.docs, staged, ignore=_ignore_generated(project.docs))
    for directory in sorted({os.path.dirname(rel) for rel in files}):
        (staged / directory).mkdir(parents=True, exist_ok=True)
    rewrites = Rewrites()
    for rel, content in sorted(files.items()):
        previous = project.docs / rel
        if holds(previous, content.encode("utf-8")):
            os.link(previous, staged / rel)  # unchanged: keep the same file, not rewritten
            rewrites.kept.append(rel)
        else:
            (staged / rel).write_text(content, encoding="utf-8", newline="\n")
            rewrites.written.append(rel)
    return staged, rewrites


def keep_unchanged(staged: Path, current: Path) -> Rewrites:
    """Replace each file of the staged tree that ``current`` holds with the same bytes by a hard link to the
    file in place, so that the swap keeps it; returns what the swap will change."""
    rewrites = Rewrites()
    for path in sorted(staged.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(staged)
        previous = current / rel
        if previous.is_file() and not previous.is_symlink() and os.path.samefile(previous, path):
            rewrites.kept.append(rel.as_posix())  # a hard link to the file in place already
        elif previous.is_file() and not previous.is_symlink() and filecmp.cmp(previous, path, shallow=False):
            link = path.with_name(f".{path.name}.link")
            os.link(previous, link)
            os.replace(link, path)
            rewrites.kept.append(rel.as_posix())
        else:
            rewrites.written.append(rel.as_posix())
    return rewrites


def holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a file holding exactly ``data`` (sizes are compared before the bytes)."""
    try:
        status = path.lstat()
    except OSError:
        return False
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



NAMED = 10
"""Pages a rebuild's summary names at most; the others are counted."""


def rewrites_summary(docs: Rewrites, site: Rewrites | None) -> str:
    """In French, what a build wrote again: pages and other files of site/ (unless its rendering was kept),
    generated files of docs/, and the first pages rewritten."""
    parts = []
    if site is not None:
        pages = [rel for rel in site.written if rel.endswith(".html")]
        kept_pages = sum(rel.endswith(".html") for rel in site.kept)
        parts.append(f"site/ : {_count(len(pages), 'page réécrite')}, {_count(kept_pages, 'inchangée')} ; "
                     f"{_count(len(site.written) - len(pages), 'autre fichier réécrit')}, "
                     f"{_count(len(site.kept) - kept_pages, 'inchangé')}")
        named = pages
    else:
        parts.append("site/ inchangé")
        named = docs.written
    parts.append(f"docs/ : {_count(len(docs.written), 'fichier généré réécrit')}, {_count(len(docs.kept), 'inchangé')}")
    summary = " ; ".join(parts)
    if named:
        more = len(named) - NAMED
        summary += " — réécrits : " + ", ".join(named[:NAMED]) + (f" et {more} autres" if more > 0 else "")
    return summary


def _count(number: int, noun: str) -> str:
    """``1 012 pages réécrites``: the number with French digit groups, each word plural above one."""
    words = noun if number < 2 else " ".join(word + "s" for word in noun.split(" "))
    return f"{number:,}".replace(",", "\u202f") + " " + words
