"""Markdown helpers shared by every writer: escaping, links and site layout.

Every writer returns a mapping ``{path under docs/: file content}``; the
pipeline writes them all at once. Text taken from a corpus file must go
through :func:`escape` (:func:`escape_attr` inside HTML attributes,
:func:`escape_title` for a front-matter title) so
that it is always shown as text, never run as HTML or Markdown.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import cache

GENERATED_DIRS = ("corpus", "data")
"""Folders of docs/ that the build owns entirely; everything else is hand-written."""

DOCUMENTS_INDEX = "corpus/index.md"
THEMES_INDEX = "corpus/themes/index.md"
ACTORS_INDEX = "corpus/acteurs/index.md"
CHRONOLOGY = "corpus/chronologie.md"
DATA_PAGE = "corpus/donnees.md"
SEARCH_PAGE = "corpus/recherche.md"


def document_path(slug: str) -> str:
    return f"corpus/documents/{slug}.md"


def theme_path(theme_id: str) -> str:
    return f"corpus/themes/{theme_id}.md"


def actor_path(actor_id: str) -> str:
    return f"corpus/acteurs/{actor_id}.md"


_MD_ACTIVE = re.compile(r"([\\`*_\[\]{}|#!])")
_LINE_START = re.compile(r"^(\s*)(?:([-+>])|(\d+)([.)]))")


def escape(text: str) -> str:
    """Inline text shown verbatim: no HTML, no Markdown, no template markers."""
    text = _MD_ACTIVE.sub(r"\\\1", html.escape(text, quote=False))
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker, digits, punct = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{digits}\\{punct}"


def escape_title(text: str) -> str:
    """A front-matter ``title``: Material writes ``page.meta.title`` into the HTML as is."""
    return html.escape(text, quote=False)


def escape_attr(text: str) -> str:
    """Text placed inside an HTML attribute value (double-quoted)."""
    return html.escape(text, quote=True)


def link(from_path: str, to_path: str, anchor: str = "") -> str:
    """Relative link from one generated page to another (paths under docs/)."""
    directory, name = posixpath.split(to_path)
    target = posixpath.join(_relative_dir(posixpath.dirname(from_path), directory), name)
    return f"{target}#{anchor}" if anchor else target


@cache
def _relative_dir(from_dir: str, to_dir: str) -> str:
    relative = posixpath.relpath(to_dir or ".", from_dir or ".")
    return "" if relative == "." else relative
