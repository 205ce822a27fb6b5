"""A document's own date in French words (``8–9 avril 2013``), worked out from what extraction found: read by
the citations (the date of a citing text) and by every page that shows the date."""

from __future__ import annotations

from ..model import Document
from .dates import find_dates, format_iso_fr, format_span_fr


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
