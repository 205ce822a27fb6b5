"""The documents index and the corpus overview shown on the home page."""

from __future__ import annotations

import hashlib

from ..extract.dates import format_iso_fr
from ..model import Document
from .markdown import DOCUMENTS_INDEX, document_path, escape, link
from .pages import DOC_TYPE_LABELS

OVERVIEW = "corpus/apercu.md"
"""Generated overview included in the hand-written home page (pymdownx.snippets)."""


def documents_index(docs: list[Document]) -> dict[str, str]:
    """A table of every document, newest first."""
    ordered = sorted(docs, key=lambda d: (d.meta.date, d.slug), reverse=True)
    rows = [
        f"| {escape(d.meta.date) or '—'} | {escape(DOC_TYPE_LABELS.get(d.meta.doc_type, d.meta.doc_type))} "
        f"| [{escape(d.meta.title)}]({link(DOCUMENTS_INDEX, document_path(d.slug))}) "
        f"| {escape(d.meta.place) or '—'} | {escape(d.meta.issuing_body) or '—'} |"
        for d in ordered
    ]
    page = (
        # a listing: engines with a built-in search index the documents themselves
        "---\ntitle: Documents\nsearch:\n  exclude: true\n---\n\n"
        "# Documents\n\n"
        f"Le corpus compte {len(docs)} document{'s' if len(docs) != 1 else ''}, du plus récent au plus ancien.\n\n"
        "| Date | Type | Titre | Lieu | Émetteur |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )
    return {DOCUMENTS_INDEX: page}


def corpus_checksum(docs: list[Document]) -> str:
    """A checksum of the whole corpus: the sorted file names and their SHA-256."""
    digest = hashlib.sha256()
    for doc in sorted(docs, key=lambda d: d.source.path):
        digest.update(f"{doc.source.path}\0{doc.source.sha256}\n".encode())
    return digest.hexdigest()


def overview(docs: list[Document], build_date: str) -> dict[str, str]:
    """Counts, build date and checksum, for the home page and the offline bundle."""
    dates = sorted(d.meta.date for d in docs if d.meta.date)
    span = f", de {dates[0][:4]} à {dates[-1][:4]}" if dates else ""
    text = (
        f"- **{len(docs)} documents**{span} ;\n"
        f"- construit le **{format_iso_fr(build_date)}** ;\n"
        f"- empreinte du corpus (SHA-256) : `{corpus_checksum(docs)}`.\n"
    )
    return {OVERVIEW: text}
