"""What a reader sees of a document's date: French words (``8–9 avril 2013``), never ISO.

The ISO form stays machine-readable in the ``datetime`` attribute of a ``<time>`` element.
"""

from __future__ import annotations

import html

from ..extract.dates import find_dates, format_iso_fr, format_span_fr
from ..model import Document


def document_date_fr(doc: Document) -> str:
    """The document's date in French; a range as its wording gives it (``8–9 avril 2013``), else one day."""
    meta = doc.meta
    if not meta.date:
        return ""
    written = [match.span for match in find_dates(meta.date_text)] if meta.date_text else []
    parts = [part.date for part in doc.parts if part.date]
    for span in (*written, *parts):
        if meta.date in span.iso():  # a range is dated by its last day (or its first)
            return format_span_fr(span)
    return format_iso_fr(meta.date)


def time_html(iso: str, text: str) -> str:
    """``text`` (a French date) in a ``<time>`` element carrying the ISO date; the text alone without it."""
    if not iso:
        return html.escape(text)
    return f'<time datetime="{html.escape(iso, quote=True)}">{html.escape(text)}</time>'


def document_time(doc: Document) -> str:
    """The document's date as a ``<time>`` element (HTML), or ``""`` when it has none."""
    return time_html(doc.meta.date, document_date_fr(doc)) if doc.meta.date else ""
