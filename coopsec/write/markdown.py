"""Markdown helpers shared by every writer: escaping, links and site layout.

Every writer returns a mapping ``{path under docs/: file content}``; the
pipeline writes them all at once. Text taken from a corpus file must go
through :func:`escape` (:func:`escape_attr` inside HTML attributes,
:func:`escape_title` for a front-matter title) so
that it is always shown as text, never run as HTML or Markdown.

The long parts of the pages (listings, paragraphs) are written as blocks of HTML rather than Markdown:
Python-Markdown passes a block of HTML through unchanged, so the page reads the same, and the hook
``hooks/raw_html.py`` hands such blocks over without parsing them, which makes rendering several times
faster. A block (:func:`html_block`) is one block-level element opened at the start of its first line and
closed at the end of its last, with no blank line inside, written between blank lines; its text goes through
:func:`html.escape` (not :func:`escape`: Markdown does not read it), its links are to ``.html`` pages
(:func:`html_link`: MkDocs does not rewrite them).
"""

from __future__ import annotations

import html
import math
import posixpath
import re
from functools import cache
from typing import Any
from urllib.parse import quote

import yaml

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
_ESCAPED = re.compile(r"[&<>\\`*_\[\]{}|#!]")  # what html.escape or _MD_ACTIVE change: most texts have none
_LINE_START = re.compile(r"^(\s*)(?:([-+>])|(\d+)([.)]))")


def escape(text: str) -> str:
    """Inline text shown verbatim: no HTML, no Markdown, no template markers."""
    if _ESCAPED.search(text):
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
    target = _relative_path(posixpath.dirname(from_path), to_path)
    return f"{target}#{anchor}" if anchor else target


def html_link(from_path: str, to_path: str, anchor: str = "") -> str:
    """:func:`link` as MkDocs writes it in the page (``.html``), for an HTML block."""
    target = _relative_path(posixpath.dirname(from_path), to_path).removesuffix(".md") + ".html"
    return f"{target}#{anchor}" if anchor else target


def html_block(lines: list[str]) -> str:
    """An HTML block of the page (see above), from the lines of one element; ends with a blank line."""
    return "\n".join(lines) + "\n"


def index_address(from_path: str, **filters: str) -> str:
    """A link to the documents index pre-filtered (docs/assets/facets.js): ``../index.md#theme=terrorisme``."""
    state = "&".join(f"{key}={quote(value, safe='')}" for key, value in filters.items())
    return link(from_path, DOCUMENTS_INDEX, state)


@cache
def base36(number: int) -> str:
    """``number`` in base 36, the compact integers of the data the pages load (search shards, facets); cached:
    most numbers written are small gaps that repeat."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def _relative_path(from_dir: str, to_path: str) -> str:
    """``to_path`` relative to ``from_dir``."""
    directory, name = posixpath.split(to_path)
    relative = _relative_dir(directory or ".", from_dir or ".")
    return name if relative == "." else f"{relative}/{name}"


@cache
def _relative_dir(directory: str, from_dir: str) -> str:
    """``directory`` relative to ``from_dir`` (cached: the pages sit in a few folders, and ``relpath`` asks the
    system for the working directory each time)."""
    return posixpath.relpath(directory, from_dir)


_YAML_FAST = getattr(yaml, "CSafeDumper", None)
_YAML_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_YAML_ODD = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
"""Characters the pure-Python and libyaml emitters may write differently (line breaks, controls, BOM, astral)."""
_YAML_DOUBLED = re.compile("[\"'\\\\]")


def dump_yaml(data: dict[str, Any], width: int = 80) -> str:
    """``yaml.safe_dump`` in block style, Unicode as is, keys in order.

    libyaml (much faster) gives the same bytes as the pure-Python emitter as long as
    no line can be folded and no odd character or key is involved; otherwise the
    pure-Python emitter runs (``tests/test_pages.py`` compares both).
    """
    dumper = _YAML_FAST if _YAML_FAST and _widest(data) < width else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=width)


def _widest(value: object, column: int = 0) -> float:
    """An upper bound of the longest line of ``value`` dumped from ``column``; infinite when libyaml may differ."""
    if isinstance(value, dict):
        return max((math.inf if not isinstance(key, str) or not _YAML_KEY.fullmatch(key)
                    else _widest(item, column + len(key) + 4) for key, item in value.items()), default=column + 2)
    if isinstance(value, list):
        return max((_widest(item, column + 4) for item in value), default=column + 2)
    if isinstance(value, str):
        return math.inf if _YAML_ODD.search(value) else column + len(value) + 2 + len(_YAML_DOUBLED.findall(value))
    return column + len(str(value)) + 2 if value is None or isinstance(value, (bool, int)) else math.inf
