"""Fingerprints of what MkDocs renders from, so that an unchanged site is kept as it is.

When nothing MkDocs renders from has changed (the docs, ``mkdocs.yml``, the hooks, the theme overrides, the
renderers' versions) since the site (and bundle) in place were made, rendering and zipping are skipped
(:meth:`coopsec.uptodate.BuildStamp.site_unchanged`); the render cache keys its pages with
:func:`render_fingerprint`.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

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
