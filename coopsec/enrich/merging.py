"""The meetings of all documents merged into one chronology: which two entries are one meeting, and ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from slugify import slugify

from coopsec.gazetteer import place_key
from coopsec.model import Meeting
from coopsec.text import tokens

from .names import TRAILING, distinctive


def merge_meetings(per_document: list[list[Meeting]]) -> list[Meeting]:
    """One entry per meeting cited anywhere, with all its sources, by date then name; ids unique."""
    by_days: dict[tuple[str, date, date], list[Meeting]] = {}
    for meeting in (m for meetings in per_document for m in meetings):
        candidates = by_days.setdefault((meeting.kind, meeting.span.start, meeting.span.end), [])
        same = next((m for m in candidates if _same_meeting(m, meeting)), None)
        if same is None:
            candidates.append(replace(meeting, sources=list(meeting.sources)))
        else:
            _absorb(same, meeting)
    merged = [meeting for candidates in by_days.values() for meeting in candidates]
    merged.sort(key=lambda m: (m.span.start, m.name, m.span.end))
    _assign_ids(merged)
    return merged


def same_days(a: Meeting, b: Meeting) -> bool:
    return (a.span.start, a.span.end) == (b.span.start, b.span.end)


def within(inner: Meeting, outer: Meeting) -> bool:
    return outer.span.start <= inner.span.start and inner.span.end <= outer.span.end


def _significant(meeting: Meeting) -> frozenset[str]:
    return distinctive(f"{meeting.name} {meeting.place.label}")


def _same_meeting(a: Meeting, b: Meeting) -> bool:
    """Of two entries of the same kind and days, not told at two hours of a programme: same place, a shared
    distinctive word, the same paragraph, or one with no distinctive word of the same text.

    Two different towns (proper names) or seats are never the same meeting; a venue ("siège de l'OTAN") may
    be the same meeting as a town.
    """
    if a.hour and b.hour and a.hour != b.hour:
        return False  # "10h30 : entretien avec le ministre", "15h00 : visite de la base"
    if a.place.city and b.place.city:
        if place_key(a.place.city) == place_key(b.place.city):
            return True
        if (a.place.source == "siège") == (b.place.source == "siège"):
            return False  # two towns, or two seats ("au siège de l'IGAD", "au siège de l'Union africaine")
    paragraphs = {(c.document, c.anchor) for c in a.sources}
    if bool(_significant(a) & _significant(b)) or any((c.document, c.anchor) in paragraphs for c in b.sources):
        return True
    # a text's bare "sa session" of the days of the Council it names elsewhere
    return (not distinctive(a.name) or not distinctive(b.name)) and bool(
        {c.document for c in a.sources} & {c.document for c in b.sources})


def _absorb(into: Meeting, other: Meeting) -> None:
    """Add ``other``'s sources to ``into``, keeping the more specific name and place."""
    for citation in other.sources:
        if citation not in into.sources:
            into.sources.append(citation)
    if len(other.name.split()) > len(into.name.split()):
        into.name = other.name
    if other.confidence > into.confidence:
        into.confidence, into.reason, into.date_note = other.confidence, other.reason, other.date_note
    if other.place and (not into.place or other.place.rank < into.place.rank):
        into.place = other.place


def _assign_ids(meetings: list[Meeting]) -> None:
    """Stable slugs from start date, place and the first distinctive name words; unique."""
    used: set[str] = set()
    for meeting in meetings:
        words = [t for t in tokens(meeting.name) if t not in TRAILING][:3]
        base = slugify(f"{meeting.span.start.isoformat()} {meeting.place.label} {' '.join(words)}", max_length=80)
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        meeting.id = slug
