"""Listings cut into pages of a bounded size, with French navigation between them.

A listing that grows with the corpus (the documents treating a theme, the documents index's plain table)
is written as pages of at most :data:`PAGE_SIZE` entries. Page 1 keeps the listing's own address, so that
every link to it keeps working; page ``n`` is ``<listing>/page-n.md`` beside it
(``corpus/themes/terrorisme/page-2.md``). Each page links only to the first, previous, next and last pages:
a bar of every page number would make the listing's pages grow with the square of its length.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TypeVar

from .markdown import html_block, html_link

PAGE_SIZE = 100
"""Entries per page: at 1,000 generated texts the longest page (a theme's 100 documents, each with the
paragraphs treating it) is about 330 KB of Markdown, which a phone opens at once, where the whole listing was
3 MB; twice as many pages of half the size would add as many more pages to render and walk through."""

T = TypeVar("T")


def chunks(entries: Sequence[T], size: int = PAGE_SIZE) -> list[Sequence[T]]:
    """``entries`` cut into pages of ``size``; an empty listing is one empty page."""
    return [entries[start:start + size] for start in range(0, len(entries), size)] or [entries[:0]]


def page_path(first: str, number: int) -> str:
    """The path under docs/ of page ``number`` of the listing whose first page is ``first``."""
    return first if number == 1 else f"{first.removesuffix('.md')}/page-{number}.md"


def page_title(title: str, number: int, count: int) -> str:
    """A page's title: the listing's own on page 1, with its rank on the others (each page's title is unique)."""
    return title if number == 1 else f"{title} — page {number} sur {count}"


def pager(first: str, number: int, count: int) -> list[str]:
    """The navigation of page ``number`` of ``count`` (an HTML block), or nothing for a one-page listing."""
    if count <= 1:
        return []
    here = page_path(first, number)

    def to(target: int, text: str, rel: str = "") -> str:
        href = html.escape(html_link(here, page_path(first, target)))
        relation = f' rel="{rel}"' if rel else ""
        return f'<a href="{href}"{relation}>{text}</a>'

    links = []
    if number > 1:
        links += [to(1, "Première page"), to(number - 1, "Page précédente", "prev")]
    links.append(f'<span aria-current="page">Page {number} sur {count}</span>')
    if number < count:
        links += [to(number + 1, "Page suivante", "next"), to(count, "Dernière page")]
    return [html_block(['<nav class="coopsec-pager" aria-label="Pages de la liste">', *links, "</nav>"])]
