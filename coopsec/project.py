"""Where a build reads and writes: the folders and files of one project checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUNDLE_NAME = "coopsec-hors-ligne.zip"


class _Under:
    """A path under the project's root, read as an attribute: ``project.corpus`` is ``<root>/corpus``."""

    def __init__(self, *parts: str) -> None:
        self.parts = parts

    def __get__(self, project: Project, owner: type[Project]) -> Path:
        return project.root.joinpath(*self.parts)


@dataclass
class Project:
    """The paths of a project, all under its root."""

    root: Path
    corpus = _Under("corpus")  # the texts, their overrides, themes.yml, actors.yml, addresses.yml
    docs = _Under("docs")  # what MkDocs renders: hand-written pages and the generated docs/corpus/, docs/data/
    site = _Under("site")  # the rendered site
    dist = _Under("dist")
    bundle = _Under("dist", BUNDLE_NAME)  # the offline zip
    cache = _Under(".cache", "coopsec")  # each text's conversion, by its key
    render_cache = _Under(".cache", "render")  # pages MkDocs rendered, by a digest of what shaped each one
    memo = _Under(".cache", "memo.pickle")  # pieces of the last build's output, by a digest of their values
    build_stamp = _Under(".cache", "build.json")  # the last successful build's inputs, outputs and report
    staging = _Under(".build")  # the output being built, swapped into place at the end
    lock = _Under(".cache", "build.lock")  # held by the one build running in this checkout
