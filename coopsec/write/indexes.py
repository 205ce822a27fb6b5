"""The documents index and the corpus overview shown on the home page."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from .. import doctypes
from ..extract.dates import format_iso_fr, format_span_fr
from ..model import Actor, DateSpan, Document, Meeting, Precision, Theme
from .display import document_time
from .markdown import (
    ACTORS_INDEX,
    CHRONOLOGY,
    DATA_PAGE,
    DOCUMENTS_INDEX,
    SEARCH_PAGE,
    THEMES_INDEX,
    document_path,
    escape,
    link,
)
from .paging import chunks, page_path, page_title, pager

OVERVIEW = "corpus/apercu.md"
"""Generated overview included in the hand-written home page (pymdownx.snippets)."""

LATEST = 5
"""Texts listed under "Derniers textes" on the home page."""


def documents_index(docs: list[Document]) -> dict[str, str]:
    """A table of every document, newest first, cut into pages (:mod:`coopsec.write.paging`); the first page
    also holds the filters drawn by docs/assets/facets.js, which replace the table."""
    pages = chunks(newest_first(docs))
    count = f"Le corpus compte {len(docs)} document{'s' if len(docs) != 1 else ''}, du plus récent au plus ancien."
    result = {}
    for number, ordered in enumerate(pages, 1):
        path = page_path(DOCUMENTS_INDEX, number)
        rows = [
            f"| {document_time(d) or '—'} | {escape(doctypes.label(d.meta.doc_type))} "
            f"| [{escape(d.meta.title)}]({link(path, document_path(d.slug))}) "
            f"| {escape(d.meta.place) or '—'} | {escape(d.meta.issuing_body) or '—'} |"
            for d in ordered
        ]
        # filters, sort and pages drawn here by docs/assets/facets.js from data/facets.js; the plain table
        # below and its pages stay for readers without JavaScript (the script hides them once its list is shown)
        facets = '<div id="coopsec-facets" class="coopsec-facets" hidden></div>\n\n' if number == 1 else ""
        result[path] = (
            # a listing: engines with a built-in search index the documents themselves
            f"---\ntitle: {page_title('Documents', number, len(pages))}\nsearch:\n  exclude: true\n---\n\n"
            f"# Documents\n\n{count}\n\n{facets}"
            '<div class="coopsec-doclist" markdown>\n\n'
            "| Date | Type | Titre | Lieu | Émetteur |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n</div>\n"
            + "".join("\n" + nav for nav in pager(DOCUMENTS_INDEX, number, len(pages)))
        )
    return result


def newest_first(docs: Iterable[Document]) -> list[Document]:
    """Documents newest first (undated last), ties by page name: the order of every listing."""
    return sorted(docs, key=lambda d: (d.meta.date, d.slug), reverse=True)


def corpus_checksum(docs: list[Document]) -> str:
    """A checksum of the whole corpus: the sorted file names and their SHA-256."""
    digest = hashlib.sha256()
    for doc in sorted(docs, key=lambda d: d.source.path):
        digest.update(f"{doc.source.path}\0{doc.source.sha256}\n".encode())
    return digest.hexdigest()


def overview(docs: list[Document], build_date: str, meetings: Iterable[Meeting] = (),
             themes: Iterable[Theme] = (), actors: Iterable[Actor] = ()) -> dict[str, str]:
    """The corpus at a glance, for the home page: counts, latest texts, the chronology's span, entry points.

    Links are relative to the home page (``index.md``), which includes this file.
    """
    cited = [m for m in meetings if m.kind == "meeting"]
    treated = {ident for doc in docs for ident, found in doc.themes.items() if found}
    named = {ident for doc in docs for ident, found in doc.actors.items() if found}
    n_themes = sum(1 for theme in themes if theme.id in treated)
    n_actors = sum(1 for actor in actors if actor.id in named)
    dates = sorted(d.meta.date for d in docs if d.meta.date)
    span = f", {_between(_iso_span(dates[0]), _iso_span(dates[-1]))}" if dates else ""
    chronology = ""
    if cited:
        first = min(cited, key=lambda m: (m.span.start, m.id)).span
        last = max(cited, key=lambda m: (m.span.end, m.id)).span
        chronology = ", " + _between(first, last)
    lines = [
        "## Le corpus en bref",
        "",
        f"- **{_plural(len(docs), 'document')}**{span} ;",
        f"- **{_plural(n_themes, 'thème')}** traité{'s' if n_themes > 1 else ''}, "
        f"**{_plural(n_actors, 'acteur')}** nommé{'s' if n_actors > 1 else ''} (pays, organisations, lieux) ;",
        f"- **{_plural(len(cited), 'réunion')}** citée{'s' if len(cited) > 1 else ''}{chronology} ;",
        f"- construit le **{format_iso_fr(build_date)}** ;",
        f"- empreinte du corpus (SHA-256) : `{corpus_checksum(docs)}`.",
        "",
        "## Derniers textes",
        "",
    ]
    for doc in newest_first(docs)[:LATEST]:
        facts = [doctypes.label(doc.meta.doc_type), doc.meta.place]
        facts_text = ", ".join(escape(fact) for fact in facts if fact)
        when = document_time(doc)
        lines.append(f"- {when + ' — ' if when else ''}[{escape(' '.join(doc.meta.title.split()) or doc.slug)}]"
                     f"({document_path(doc.slug)})" + (f" ({facts_text})" if facts_text else ""))
    lines += [
        "",
        "## Parcourir",
        "",
        f"- [Documents]({DOCUMENTS_INDEX}) : {_plural_the(len(docs), 'texte')}, du plus récent au plus ancien ;",
        f"- [Thèmes]({THEMES_INDEX}) : les paragraphes qui traitent de chaque thème ;",
        f"- [Acteurs]({ACTORS_INDEX}) : pays, organisations et lieux cités ;",
        f"- [Chronologie]({CHRONOLOGY}) : les réunions citées par les textes{chronology} ;",
        f"- [Recherche]({SEARCH_PAGE}) : recherche plein texte, sans accents ni majuscules obligatoires ;",
        f"- [Données]({DATA_PAGE}) : les mêmes informations en JSON, CSV et iCalendar.",
        "",
    ]
    return {OVERVIEW: "\n".join(lines)}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count > 1 else ''}"


def _plural_the(count: int, noun: str) -> str:
    return f"le seul {noun}" if count == 1 else f"les {count} {noun}s"


def _iso_span(iso: str) -> DateSpan:
    """An ISO date (``AAAA``, ``AAAA-MM`` or ``AAAA-MM-JJ``) as a one-day, one-month or one-year span."""
    parts = [int(part) for part in iso.split("-")]
    try:
        day = date(*[*parts, 1, 1][:3])
    except ValueError:  # an impossible day (a hand-written override): its year
        day, parts = date(parts[0], 1, 1), parts[:1]
    precision: Precision = "year" if len(parts) == 1 else "month" if len(parts) == 2 else "day"
    return DateSpan(day, day, precision, iso)


_VOWEL_START = ("a", "e", "i", "o", "u", "é", "h")


def _between(first: DateSpan, last: DateSpan) -> str:
    """French for the time from the start of ``first`` to the end of ``last``: ``du 7 février 2012 au 9 avril
    2013``, ``d’octobre 2012 à mars 2013``, ``en 2014``, ``le 9 avril 2013``."""
    start = format_span_fr(DateSpan(first.start, first.start, first.precision, ""))
    end = format_span_fr(DateSpan(last.end, last.end, last.precision, ""))
    if start == end:
        return f"le {start}" if first.precision == "day" else f"en {start}"
    if first.precision == "day":
        opening = f"du {start}"
    else:
        opening = f"d’{start}" if start.startswith(_VOWEL_START) else f"de {start}"
    return f"{opening} {'au' if last.precision == 'day' else 'à'} {end}"
