"""The render stamp: what the published site was rendered from, so that an unchanged site is kept as it is.

When nothing MkDocs renders from has changed (the docs, ``mkdocs.yml``, the hooks, the theme overrides, the
renderers' versions) since the site (and bundle) in place were made, rendering and zipping are skipped.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from .project import Project
from .version import files_digest

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

RENDERERS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pygments", "jinja2")
"""Packages whose version may change what the same docs render to."""


def render_fingerprint(config: MkDocsConfig) -> str:
    """Hash of what shapes every page besides the docs: MkDocs' configuration, hooks and theme overrides, the
    renderers' versions, strict mode."""
    inputs = [("mkdocs.yml", Path(config.config_file_path))]
    inputs += [(f"hook {name}", Path(module.__file__)) for name, module in sorted(config["hooks"].items())]
    if config.theme.custom_dir:
        inputs += _tree("overrides", Path(config.theme.custom_dir))
    return files_digest(inputs, [f"strict {config.strict}", *(f"{name} {version(name)}" for name in RENDERERS)])


def site_fingerprint(config: MkDocsConfig) -> str:
    """Hash of what MkDocs renders from: the docs and everything of :func:`render_fingerprint`."""
    return files_digest(_tree("docs", Path(config.docs_dir)), [render_fingerprint(config)])


def _tree(label: str, folder: Path) -> list[tuple[str, Path]]:
    """Every file under ``folder``, named ``label/relative path``, sorted."""
    paths = sorted(path for path in folder.rglob("*") if path.is_file())
    return [(f"{label}/{path.relative_to(folder).as_posix()}", path) for path in paths]


class SiteStamp:
    """The fingerprint of what the published site (and bundle, if any) was rendered from, in one file."""

    def __init__(self, project: Project):
        self.project = project
        self.path = project.site_stamp

    def current(self, fingerprint: str, bundle: bool) -> bool:
        """Whether the published output is in place and was rendered from ``fingerprint`` (with the bundle, if
        one is wanted)."""
        try:
            stamp = self.path.read_text(encoding="ascii")
        except OSError:
            return False
        wanted = {f"{fingerprint} bundle"} if bundle else {f"{fingerprint} bundle", fingerprint}
        return stamp in wanted and self.project.site.is_dir() and (not bundle or self.project.bundle.is_file())

    def forget(self) -> None:
        """Before the output is replaced: an interrupted swap must not look up to date."""
        self.path.unlink(missing_ok=True)

    def record(self, fingerprint: str, bundle: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{fingerprint} bundle" if bundle else fingerprint, encoding="ascii")
