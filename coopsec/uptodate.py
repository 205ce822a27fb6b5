"""The build stamp: what the last successful build was made from and what it left, so that a build with
nothing changed stops at once.

A build's inputs are the corpus (texts, overrides, thesauri, addresses), the package's code and data and the
text libraries' versions (:data:`coopsec.version.CODE_FINGERPRINT`), ``mkdocs.yml``, ``hooks/``, the theme
overrides, the hand-written pages of ``docs/``, the renderers' versions, the build's options and the date it
shows. When their fingerprint is the one recorded after the last successful build, and every file that build
left in ``docs/``, ``site/`` and ``dist/`` is still there with the same size, inode and time, the same build
would write the same bytes: nothing is read further, nothing is written, and the last build's report is given
again (its warnings included, so that a warning is shown at every build until fixed).
"""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Callable
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .addresses import ADDRESSES
from .model import BuildReport, Diagnostic
from .project import Project
from .stamp import RENDERERS
from .version import CODE_FINGERPRINT, files_digest
from .write.markdown import GENERATED_DIRS

SOURCES = ("corpus", "hooks", "overrides")
"""Folders of the project read whole: the corpus and what MkDocs renders with besides the docs."""

WRITERS = ("python-frontmatter", "jsonschema", "icalendar")
"""Libraries that write or check generated files, besides the renderers (:data:`coopsec.stamp.RENDERERS`) and the
text libraries (in :data:`coopsec.version.CODE_FINGERPRINT`)."""

Outputs = dict[str, list[int]]
"""Every file a build left, by path under the project: [size, inode, mtime in ns]."""


def inputs_fingerprint(project: Project, options: list[str]) -> str:
    """Hash of every input of a build but the address book (see the module's docstring) and of its ``options``."""
    files = [("mkdocs.yml", project.root / "mkdocs.yml")]
    for folder in SOURCES:
        files += _tree(project.root / folder, project.root)
    files += _tree(project.docs, project.root, skip=GENERATED_DIRS)
    addresses = _address_book(project)
    libraries = [f"{name}=={version(name)}" for name in (*RENDERERS, *WRITERS)]
    return files_digest([(rel, path) for rel, path in files if path != addresses],
                        [CODE_FINGERPRINT, f"python {platform.python_version()}", *libraries, *options])


def _address_book(project: Project) -> Path:
    """``corpus/addresses.yml``: an input that the build itself appends to, fingerprinted once it has."""
    return project.corpus / ADDRESSES


def _addresses_digest(project: Project) -> str:
    book = _address_book(project)
    return files_digest([(ADDRESSES, book)] if book.is_file() else [])


def outputs(project: Project, bundle: bool) -> Outputs:
    """Size, inode and time of every file of the generated docs folders, of site/ and of the bundle (if made)."""
    start = len(str(project.root)) + 1  # every path below starts with the root's
    paths = [os.path.join(directory, name)
             for folder in [*(project.docs / name for name in GENERATED_DIRS), project.site]
             for directory, _, names in os.walk(folder) for name in names]
    if bundle and project.bundle.is_file():
        paths.append(str(project.bundle))
    found: Outputs = {}
    for path in sorted(paths):
        status = os.lstat(path)
        found[path[start:].replace(os.sep, "/")] = [status.st_size, status.st_ino, status.st_mtime_ns]
    return found


def _tree(folder: Path, root: Path, skip: tuple[str, ...] = ()) -> list[tuple[str, Path]]:
    """Every file under ``folder`` but Python's bytecode caches and the folders ``skip`` names at its top, by its
    path under ``root``, sorted."""
    found = []
    for directory, subdirectories, names in os.walk(folder):
        left_out = {"__pycache__", *skip} if Path(directory) == folder else {"__pycache__"}
        subdirectories[:] = [name for name in subdirectories if name not in left_out]
        for name in names:
            path = Path(directory, name)
            found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


class BuildStamp:
    """What the last successful build was made from (its inputs, the docs MkDocs rendered), what it left and what
    it reported, in one JSON file; read once, when the build starts."""

    def __init__(self, project: Project):
        self.project = project
        self.path = project.build_stamp
        try:
            last = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            last = None
        self.last: dict[str, Any] = last if isinstance(last, dict) else {}

    def unchanged(self, inputs: str, bundle: bool) -> BuildReport | None:
        """The last build's report when it was made from ``inputs`` (with the bundle, if one is wanted) and its
        output is intact; else None."""
        if self.last.get("inputs") != inputs or self.last.get("addresses") != _addresses_digest(self.project):
            return None
        if not self._intact(bundle, lambda rel: True):
            return None
        try:
            return _report(self.last["report"])
        except (KeyError, TypeError, AttributeError):
            return None

    def site_unchanged(self, site: str, bundle: bool) -> bool:
        """Whether the site in place (and the bundle, if one is wanted) was rendered from the docs and
        configuration that ``site`` fingerprints (:func:`coopsec.stamp.site_fingerprint`) and is intact."""
        return self.last.get("site") == site and self._intact(bundle, lambda rel: not rel.startswith("docs/"))

    def bundle_of_site(self) -> bool:
        """Whether the bundle in place was zipped from the site in place, neither touched since."""
        return self._intact(True, lambda rel: not rel.startswith("docs/"))

    def written_in_place(self) -> frozenset[int]:
        """The inodes of the files of site/ written into since the last build (same file, other size or time):
        a page from the render cache is a hard link to its entry, which such a write changed too."""
        recorded = self.last.get("outputs")
        if not isinstance(recorded, dict):
            return frozenset()
        now = outputs(self.project, bundle=False)
        return frozenset(stat[1] for rel, stat in recorded.items()
                         if rel.startswith("site/") and rel in now and now[rel][1] == stat[1] and now[rel] != stat)

    def _intact(self, bundle: bool, among: Callable[[str], bool]) -> bool:
        """Whether the last build made the bundle (if one is wanted) and left the files ``among`` selects as they
        are."""
        if bundle and not self.last.get("bundle"):
            return False
        recorded = self.last.get("outputs")
        if not isinstance(recorded, dict):
            return False
        now = outputs(self.project, bool(self.last.get("bundle")))
        return {rel: stat for rel, stat in recorded.items() if among(rel)} == \
            {rel: stat for rel, stat in now.items() if among(rel)}

    def forget(self) -> None:
        """Before the output is replaced: an interrupted build must not look up to date."""
        self.path.unlink(missing_ok=True)

    def record(self, inputs: str, site: str, bundle: bool, report: BuildReport) -> None:
        """After a successful build: what it was made from (the address book as the build left it), what it left,
        and its report without the notes about what it did (its warnings and errors)."""
        recorded = asdict(report)
        recorded["diagnostics"] = [asdict(d) for d in report.diagnostics if d.level != "info"]
        stamp = {"inputs": inputs, "addresses": _addresses_digest(self.project), "site": site, "bundle": bundle,
                 "outputs": outputs(self.project, bundle), "report": recorded}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(stamp, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)


def _report(recorded: dict[str, Any]) -> BuildReport:
    """The report recorded by :meth:`BuildStamp.record`, nothing converted afresh this time."""
    return BuildReport(converted=list(recorded["converted"]), failed=list(recorded["failed"]),
                       guessed={name: list(fields) for name, fields in recorded["guessed"].items()},
                       diagnostics=[Diagnostic(**diagnostic) for diagnostic in recorded["diagnostics"]],
                       published=True)
