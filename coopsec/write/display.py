"""What a reader sees of a document's date: French words (``8–9 avril 2013``, from
:func:`coopsec.extract.document_date.document_date_fr`), never ISO.

The ISO form stays machine-readable in the ``datetime`` attribute of a ``<time>`` element.
"""

from __future__ import annotations

import html

from ..extract.document_date import document_date_fr
from ..model import Document


def time_html(iso: str, text: str) -> str:
    """``text`` (a French date) in a ``<time>`` element carrying the ISO date; the text alone without it."""
    if not iso:
        return html.escape(text)
    return f'<time datetime="{html.escape(iso, quote=True)}">{html.escape(text)}</time>'


def document_time(doc: Document) -> str:
    """The document's date as a ``<time>`` element (HTML), or ``""`` when it has none."""
    return time_html(doc.meta.date, document_date_fr(doc)) if doc.meta.date else ""
