"""Theme and actor pages: an index of each, and one listing per theme or actor.

A theme or actor listing gives the documents that treat the theme or name the
actor, newest first, and under each one the paragraphs concerned, linked to
their anchors, with a short excerpt; it is cut into pages of a bounded size
(:mod:`coopsec.write.paging`), the first at the theme's or actor's address.
Each document is an HTML block with its own heading, out of the page's table
of contents (which would otherwise hold one entry per document).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from functools import cache

from ..model import Actor, Document, Mention, Theme
from ..text import fold
from .display import document_time
from .markdown import (
    ACTORS_INDEX,
    THEMES_INDEX,
    actor_path,
    document_path,
    dump_yaml,
    escape,
    escape_title,
    html_block,
    html_link,
    index_address,
    link,
    theme_path,
)
from .paging import chunks, page_path, page_title, pager

KIND_SECTIONS = {"country": "Pays", "organisation": "Organisations", "place": "Lieux"}
KIND_LABELS = {"country": "Pays", "organisation": "Organisation", "place": "Lieu"}

ACTOR_FACETS = {"country": "pays", "organisation": "organisation", "place": "lieu"}
"""Actor kind -> its facet on the documents index (the key in the index's address)."""

Found = list[tuple[Document, list[Mention]]]
"""The documents that mention a theme or an actor, each with its mentions."""


def theme_pages(docs: list[Document], themes: list[Theme]) -> dict[str, str]:
    """The themes index and one page per theme, in thesaurus order."""
    pages: dict[str, str] = {}
    rows = []
    found_by_id = _found(docs, lambda doc: doc.themes)
    times = _times(docs)
    for theme in themes:
        found = found_by_id.get(theme.id, [])
        path = theme_path(theme.id)
        intro = [escape(theme.description), "", _counts(found), ""]
        if not found:
            intro.append("Aucun document du corpus ne traite encore ce thème.")
        pages |= _listing_pages(path, theme.label, intro, {"theme": theme.id} if found else {}, found, times)
        rows.append(
            f"| [{escape(theme.label)}]({link(THEMES_INDEX, path)}) | {escape(theme.description)} "
            f"| {len(found)} | {_paragraphs(found)} |"
        )
    table = ["| Thème | Description | Documents | Paragraphes |", "|---|---|---:|---:|", *rows]
    preamble = (
        "Les thèmes sont repérés paragraphe par paragraphe à partir d'un thésaurus de termes et de synonymes."
    )
    pages[THEMES_INDEX] = _page("Thèmes", [preamble, "", *table])
    return pages


def actor_pages(docs: list[Document], actors: list[Actor]) -> dict[str, str]:
    """The actors index, grouped by kind, and one page per actor named at least once."""
    pages: dict[str, str] = {}
    rows: dict[str, list[str]] = {kind: [] for kind in KIND_SECTIONS}
    found_by_id = _found(docs, lambda doc: doc.actors)
    times = _times(docs)
    for actor in sorted(actors, key=lambda actor: (fold(actor.label), actor.id)):
        found = found_by_id.get(actor.id, [])
        if not found:
            continue
        path = actor_path(actor.id)
        other_names = [name for name in actor.aliases if name != actor.label]
        intro = [f"*{KIND_LABELS.get(actor.kind, actor.kind)}*", ""]
        if other_names:
            intro += ["Noms reconnus : " + ", ".join(escape(name) for name in other_names) + ".", ""]
        intro += [_counts(found), ""]
        filters = {ACTOR_FACETS[actor.kind]: actor.id} if actor.kind in ACTOR_FACETS else {}
        pages |= _listing_pages(path, actor.label, intro, filters, found, times)
        rows.setdefault(actor.kind, []).append(
            f"| [{escape(actor.label)}]({link(ACTORS_INDEX, path)}) | {len(found)} | {_paragraphs(found)} |"
        )
    body = ["Les pays, organisations et lieux nommés par les textes, paragraphe par paragraphe.", ""]
    for kind, kind_rows in rows.items():
        body += [f"## {KIND_SECTIONS.get(kind, kind)}", ""]
        if kind_rows:
            body += ["| Nom | Documents | Paragraphes |", "|---|---:|---:|", *kind_rows, ""]
        else:
            body += ["Aucun acteur de ce type n'est nommé dans le corpus.", ""]
    pages[ACTORS_INDEX] = _page("Acteurs", body)
    return pages


def _found(docs: list[Document], mentions_of: Callable[[Document], dict[str, list[Mention]]]) -> dict[str, Found]:
    """Theme or actor id -> the documents with at least one mention of it, newest first."""
    found: dict[str, Found] = defaultdict(list)
    for doc in sorted(docs, key=lambda doc: (doc.meta.date, doc.slug), reverse=True):
        for ident, mentions in mentions_of(doc).items():
            if mentions:
                found[ident].append((doc, mentions))
    return found


def _times(docs: list[Document]) -> dict[str, str]:
    """Slug -> the document's date as HTML, worked out once for all the pages that list the document."""
    return {doc.slug: document_time(doc) for doc in docs if doc.meta.date}


def _to_index(page: str, **filters: str) -> str:
    """A link to the documents index showing only the documents of this page."""
    return f"[Voir ces documents dans l'index]({index_address(page, **filters)}){{.coopsec-to-index}}"


def _paragraphs(found: Found) -> int:
    return sum(len(mentions) for _, mentions in found)


def _counts(found: Found) -> str:
    documents, paragraphs = len(found), _paragraphs(found)
    return f"{_plural(documents, 'document')}, {_plural(paragraphs, 'paragraphe')}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count > 1 else ''}"


def _listing_pages(first: str, title: str, intro: list[str], filters: dict[str, str], found: Found,
                   times: dict[str, str]) -> dict[str, str]:
    """The pages of one listing: ``intro`` (what the theme or actor is, counts), the link to the documents
    index with ``filters`` (if any), the navigation between pages, this page's documents, the navigation
    again."""
    pages = chunks(found)
    result = {}
    for number, entries in enumerate(pages, 1):
        path = page_path(first, number)
        nav = pager(first, number, len(pages))
        to_index = [_to_index(path, **filters), ""] if filters else []
        body = [*intro, *to_index, *nav, *(_entry(path, doc, mentions, times) for doc, mentions in entries), *nav]
        result[path] = _page(title, body, page_title(title, number, len(pages)))
    return result


def _entry(page: str, doc: Document, mentions: list[Mention], times: dict[str, str]) -> str:
    """One document of a listing (an HTML block): its linked title as a heading, its date, then its paragraphs
    with excerpts; ``times``: the dates of the documents (:func:`_times`)."""
    title = html.escape(" ".join(doc.meta.title.split()) or doc.slug, quote=False)
    target = html.escape(html_link(page, document_path(doc.slug)))
    lines = ['<section class="coopsec-entry">', f'<h2><a href="{target}">{title}</a></h2>']
    if doc.meta.date:
        lines.append(f"<p>{times[doc.slug]}</p>")
    items = [f'<li><a href="{target}#{html.escape(mention.anchor)}">{_label(mention.number, mention.anchor)}</a>'
             f" : {html.escape(mention.excerpt, quote=False)}</li>" for mention in mentions]
    return html_block([*lines, "<ul>", *items, "</ul>", "</section>"])


@cache
def _label(number: str, anchor: str) -> str:
    """The link text of a paragraph, as HTML: its number, else its anchor (cached: paragraphs repeat them)."""
    return f"§ {html.escape(number)}" if number else f"¶ {html.escape(anchor.removeprefix('a-'))}"



def _page(title: str, body: list[str], front_title: str = "") -> str:
    """A Markdown page with front matter (titled ``front_title``, else ``title``) and ``title`` as its level-1
    title."""
    front_title = front_title or title
    meta = {"title": escape_title(front_title), "search": {"exclude": True}}  # listings: engines index the documents
    front = dump_yaml(meta).strip()
    return "\n".join(["---", front, "---", "", f"# {escape(title)}", "", *body]).rstrip() + "\n"

