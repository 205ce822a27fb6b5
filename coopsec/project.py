"""Where a build reads and writes: the folders and files of one project checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUNDLE_NAME = "coopsec-hors-ligne.zip"


@dataclass
class Project:
    """The paths of a project, all under its root."""

    root: Path

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def bundle(self) -> Path:
        return self.dist / BUNDLE_NAME

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "coopsec"

    @property
    def render_cache(self) -> Path:
        return self.root / ".cache" / "render"

    @property
    def site_stamp(self) -> Path:
        return self.root / ".cache" / "site.sha256"

    @property
    def staging(self) -> Path:
        return self.root / ".build"

    @property
    def lock(self) -> Path:
        return self.root / ".cache" / "build.lock"
