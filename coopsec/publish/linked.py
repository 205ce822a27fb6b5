"""Files of the docs published by a hard link instead of a copy: an MkDocs plugin for speed only.

MkDocs copies every file that is not a page into the site: at 1,000 documents, 7,500 search shards, data
exports, assets and pages of the render cache, most of a rebuild's rendering once the pages come from the
cache. A file of the staged docs (and a page of the render cache, :class:`coopsec.publish.render_cache.CachedPage`)
is published as a hard link to it instead: the same bytes, nothing copied. The theme's own files are copied
as before (their sources belong to the installed package), and so is a file where no link can be made (another
file system). Nothing writes into a file once it is written: the build replaces files, so a link never
carries a change from one tree into the other.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class LinkedFile(File):
    """A file published as a hard link to its source."""

    def copy_file(self, dirty: bool = False) -> None:
        if self.abs_src_path is None or self._content is not None:
            super().copy_file(dirty)
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        try:
            os.link(self.abs_src_path, self.abs_dest_path)
        except OSError:  # another file system, or a file there already
            super().copy_file(dirty)


class _NoOptions(Config):  # type: ignore[no-untyped-call]  # mkdocs: __init_subclass__ unannotated
    """The plugin takes no options."""


class LinkDocsFiles(BasePlugin[_NoOptions]):  # type: ignore[no-untyped-call]  # mkdocs: __init_subclass__ unannotated
    """Every file of the docs folder that is not a page, published as a hard link."""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs = Path(config.docs_dir)
        return Files([_linked(file) if _from(file, docs) else file for file in files])


def _from(file: File, docs: Path) -> bool:
    """Whether ``file`` is a file of ``docs`` MkDocs would copy (not a page, not linked already)."""
    return (not file.is_documentation_page() and not isinstance(file, LinkedFile)
            and file.src_dir is not None and Path(file.src_dir) == docs)


def _linked(file: File) -> LinkedFile:
    return LinkedFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=file.dest_uri,
                      inclusion=file.inclusion)
