"""The render cache, an MkDocs plugin for speed only: a page whose inputs have not changed is not rendered again.

A page is keyed by a hash of everything that shapes its HTML: its path and Markdown, the pages of the
navigation (paths and addresses: the menu of every page), the files its links resolve to (MkDocs rewrites a
relative link to another file of the docs, and only if that file exists; :data:`LINKS`), and the render
fingerprint (:func:`coopsec.stamp.render_fingerprint`: ``mkdocs.yml``, hooks, theme overrides, the renderers'
versions, strict mode): a text added or removed renders again only the pages that change or link to it. A
page's links are looked for once per Markdown: ``.cache/render/<digest>.links`` keeps the paths they point to,
and each build only looks up which of those files exist. When
``.cache/render/<key>.html`` holds the HTML it was last rendered to, the page is handed to MkDocs as that file,
published as it is: it is neither read, converted nor passed to the templates. The site is
byte for byte the one MkDocs renders without the cache (``tests/test_render.py`` builds both).

Only pages out of the navigation are taken from the cache (the document, theme and actor pages, thousands of
them): a page in the navigation shapes the others' menus and footers, so those few are always rendered, and
so is a page that includes another file (``--8<--``), whose key would need the included file, and a page at
the address of one of the theme's templates (``404.html``), which MkDocs writes over a copied file. A page is stored
only after a build without any warning about it, so that a warning is given again at every build until fixed;
after a warning about no page in particular (the anchors' check), the build stores nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import posixpath
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .linked import LinkedFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

INCLUDE = b"--8<--"
"""How a page includes another file (pymdownx.snippets): such a page is always rendered."""
LINKS = (re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^\s)]+))"), re.compile(r"\]:[ \t]*<?([^\s>]+)"),
         re.compile(r"""(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')"""))
"""Whatever in a page's Markdown may be a link MkDocs resolves against the other files (more than that, never
less): the target of an inline link or image, of a reference definition, an ``href`` or ``src`` attribute
(three patterns, each opening with a literal: one pattern of three branches takes twice as long)."""


class CachedPage(LinkedFile):
    """A page whose HTML is known: MkDocs publishes the cached file at the page's address, as a static file (a
    hard link to the cache's entry)."""

    def __init__(self, page: File, cached: Path):
        super().__init__(page.src_uri, None, page.dest_dir, page.use_directory_urls, dest_uri=page.dest_uri,
                         inclusion=page.inclusion)
        self.abs_src_path = str(cached)

    def is_documentation_page(self) -> bool:
        return False


class _NoOptions(Config):  # type: ignore[no-untyped-call]  # mkdocs: __init_subclass__ unannotated
    """The render cache takes no options."""


class RenderCache(BasePlugin[_NoOptions]):  # type: ignore[no-untyped-call]  # mkdocs: __init_subclass__ unannotated
    """Pages out of the navigation copied from ``directory`` when their key is there, stored there when not."""

    def __init__(self, directory: Path, fingerprint: str, altered: frozenset[int] = frozenset()):
        super().__init__()
        self.directory = directory
        self.fingerprint = fingerprint
        self.altered = altered
        """Inodes of files written into since they were published: an entry that is one of them is rendered
        again (a published page is a hard link to its entry)."""
        self.keys: dict[str, str] = {}
        """Pages to render and store: source path -> key."""
        self.kept: set[str] = set()
        """Keys of the pages taken from the cache in this build."""
        self.rendered: dict[str, bytes] = {}
        """Key -> HTML of the pages rendered without a warning, stored once the build has succeeded."""
        self.warned: set[str] = set()
        """Pages a warning was given about; "" for a warning about no page in particular."""
        self.links: set[str] = set()
        """Digests of the pages whose links this build looked up (``<digest>.links``)."""
        self._watch: _Warnings | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._watch = _Warnings(config, self.warned)
        logging.getLogger("mkdocs").addHandler(self._watch)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        navigation = "".join(f"{file.src_uri}\0{file.dest_uri}\0" for file in sorted(files, key=_source)
                             if file.is_documentation_page() and file.inclusion == InclusionLevel.INCLUDED)
        common = hashlib.sha256(f"{self.fingerprint}\0{navigation}".encode())
        chosen: list[File] = []
        resolved: dict[tuple[str, str], str] = {}
        for file in files:
            key = self._key(file, files, common, resolved) if file.dest_uri not in config.theme.static_templates else ""
            if key and self._holds(key):
                self.kept.add(key)
                file = CachedPage(file, self.directory / f"{key}.html")
            elif key:
                self.keys[file.src_uri] = key
            chosen.append(file)
        return Files(chosen)

    def _holds(self, key: str) -> bool:
        """Whether the cache holds the page of ``key``, as it was rendered."""
        try:
            status = (self.directory / f"{key}.html").stat()
        except OSError:
            return False
        return stat.S_ISREG(status.st_mode) and status.st_ino not in self.altered

    def _key(self, file: File, files: Files, common: hashlib._Hash, resolved: dict[tuple[str, str], str]) -> str:
        """The page's key, or "" for a file that is not a cacheable page (``resolved``: see :func:`_link_paths`)."""
        if not (file.is_documentation_page() and file.inclusion == InclusionLevel.NOT_IN_NAV):
            return ""
        markdown = file.content_bytes
        if INCLUDE in markdown:
            return ""
        page = hashlib.sha256(f"{file.src_uri}\0".encode())
        page.update(markdown)
        digest = common.copy()
        digest.update(page.digest())
        paths = self._links(file, page.hexdigest(), markdown, resolved)
        digest.update("".join(_targets(paths, files)).encode())
        return digest.hexdigest()

    def _links(self, file: File, page: str, markdown: bytes, resolved: dict[tuple[str, str], str]) -> list[str]:
        """The paths the links of a page (``page``: the digest of its path and Markdown) point to: read from
        ``<page>.links`` when the same page was seen before, else found and stored there."""
        self.links.add(page)
        stored = self.directory / f"{page}.links"
        try:
            known = json.loads(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = None
        if isinstance(known, list) and all(isinstance(path, str) for path in known):
            return known
        paths = _link_paths(file, markdown.decode("utf-8", errors="replace"), resolved)
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.directory / f".{page}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(paths, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, stored)
        return paths

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        key = self.keys.get(page.file.src_uri)
        if key and output.strip():
            self.rendered[key] = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Store the pages rendered without a warning, and forget the entries this build did not use."""
        self._stop()
        if "" in self.warned:
            return
        stored = {key for src, key in self.keys.items() if src not in self.warned and key in self.rendered}
        self.directory.mkdir(parents=True, exist_ok=True)
        for key in sorted(stored):
            temporary = self.directory / f".{key}.{os.getpid()}.tmp"
            temporary.write_bytes(self.rendered[key])
            os.replace(temporary, self.directory / f"{key}.html")
        used = self.kept | stored | self.links
        for path in self.directory.iterdir():
            if path.stem not in used:
                path.unlink(missing_ok=True)

    def on_build_error(self, error: Exception) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._watch:
            logging.getLogger("mkdocs").removeHandler(self._watch)
            self._watch = None


class _Warnings(logging.Handler):
    """Notes which page each warning of the build is about (MkDocs' current page), "" for none."""

    def __init__(self, config: MkDocsConfig, warned: set[str]):
        super().__init__(logging.WARNING)
        self.config = config
        self.warned = warned

    def emit(self, record: logging.LogRecord) -> None:
        page = self.config._current_page
        self.warned.add(page.file.src_uri if page is not None else "")


def _source(file: File) -> str:
    return file.src_uri


def _link_paths(page: File, markdown: str, resolved: dict[tuple[str, str], str]) -> list[str]:
    """Each file path a link of the page may resolve to, as MkDocs resolves it: relative to the page, unquoted,
    normalised (``?`` then the link for one that is not a URL). ``resolved`` remembers the links already resolved
    from the same folder (a listing page links to hundreds of documents, its neighbours to the same)."""
    urls = {"".join(groups) if isinstance(groups, tuple) else groups
            for pattern in LINKS for groups in pattern.findall(markdown)}
    urls |= {html.unescape(url) for url in urls if "&" in url}
    folder = posixpath.dirname(page.src_uri)
    found = set()
    for url in urls - {""}:
        path = resolved.get((folder, url))
        if path is None:
            path = resolved[folder, url] = _resolve(folder, url)
        if path:
            found.add(path)
    return sorted(found)


def _resolve(folder: str, url: str) -> str:
    """The file path a link ``url`` of a page of ``folder`` points to; "" for a link MkDocs leaves as it is (another
    site, an anchor of the page)."""
    if ":" in url or url.startswith("//"):
        try:
            scheme, netloc, path, _, _ = urlsplit(url)
        except ValueError:  # not a URL MkDocs would rewrite either; kept in the key as it is
            return f"?{url}"
        if scheme or netloc:
            return ""
    else:
        path = url.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return ""
    return posixpath.normpath(posixpath.join(folder, unquote(path)).lstrip("/"))


def _targets(paths: list[str], files: Files) -> list[str]:
    """Each path with the address of the file there ("" for none): what the page's links become."""
    known = files.src_uris
    found = set()
    for path in paths:
        target = None if path.startswith("?") else known.get(path)
        found.add(f"{path}\0{target.dest_uri if target else ''}\0")
    return sorted(found)
