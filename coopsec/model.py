"""Plain data classes shared by every stage of the pipeline.

The data flows one way: ``read`` gives a :class:`Source`, ``clean`` gives
:class:`Line` objects, ``structure`` gives :class:`Part` and :class:`Block`
objects, ``metadata`` gives :class:`Metadata`, the enrichers add
:class:`Mention` and :class:`Meeting` objects, and the writers turn a
:class:`Document` into Markdown and data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Level = Literal["info", "warning", "error"]
"""How much a diagnostic matters: ``error`` refuses a text (or, with ``--strict``, a build)."""
BlockKind = Literal["heading", "paragraph", "item"]
Role = Literal["preamble", "operative", ""]
"""A paragraph's part of a declaration: recitals, or what is decided."""
Precision = Literal["day", "month", "year"]
MeetingKind = Literal["meeting", "event"]
ActorKind = Literal["country", "organisation", "place"]

NOTE_CALL_RE = re.compile("\ue000([^\ue001]{1,12})\ue001")
"""A footnote call inside :attr:`Block.text` (private-use delimiters)."""


def note_call(label: str) -> str:
    """The marker that stands for a call to footnote ``label`` in block text."""
    return f"\ue000{label}\ue001"


def plain(text: str) -> str:
    """Block text without footnote call markers, for matching and excerpts."""
    return NOTE_CALL_RE.sub("", text) if "\ue000" in text else text


@dataclass(slots=True)
class Diagnostic:
    """A message about one source file, for the build report."""

    file: str
    message: str
    line: int | None = None
    level: Level = "warning"
    field: str = ""  # the metadata field a guess concerns; an override of that field silences it

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


class SourceError(Exception):
    """A source file that cannot be converted at all."""

    def __init__(self, file: str, message: str, line: int | None = None):
        super().__init__(message)
        self.diagnostic = Diagnostic(file, message, line, "error")


@dataclass(slots=True)
class Source:
    """A corpus file decoded to text."""

    path: str  # corpus-relative POSIX path, e.g. "000_abc.txt"
    text: str  # decoded text, line ends normalised to "\n"
    sha256: str  # checksum of the raw bytes
    encoding: str  # detected encoding, e.g. "utf-8", "cp1252"
    size: int  # bytes
    diagnostics: list[Diagnostic] = field(default_factory=list)  # what decoding detected or repaired


@dataclass(slots=True)
class Line:
    """One logical line after cleaning, with the source line it starts on."""

    number: int  # 1-based line number in the source text
    text: str


@dataclass(slots=True)
class Block:
    """One unit of a document body.

    ``kind`` is "heading", "paragraph" or "item" (list item). ``text`` is one
    line of plain text; footnote calls are kept as :func:`note_call` markers.
    """

    kind: BlockKind
    text: str
    line: int = 0  # source line where the block starts
    level: int = 0  # heading level (2-4) or list nesting depth (0, 1, ...)
    number: str = ""  # visible number as in the source: "P2A", "1.1", "26"
    anchor: str = ""  # stable ASCII id, e.g. "p-2a", "p-1-11"; empty for headings
    role: Role = ""  # "" where the text has neither recitals nor decisions


@dataclass(slots=True)
class Footnote:
    label: str  # "1", "2"...
    text: str


@dataclass(slots=True)
class DateSpan:
    """A date or an interval, with its precision and the words it comes from."""

    start: date
    end: date  # inclusive
    precision: Precision
    text: str  # wording in the source

    def iso(self) -> tuple[str, str]:
        """Start and end in ISO 8601, ``YYYY-MM`` or ``YYYY`` when less precise."""
        width = {"day": 10, "month": 7, "year": 4}[self.precision]
        return self.start.isoformat()[:width], self.end.isoformat()[:width]


@dataclass(slots=True)
class Part:
    """A self-contained part of a text: the main text, or an annexed record."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    date: DateSpan | None = None
    references: list[str] = field(default_factory=list)
    classification: str = ""
    header: list[str] = field(default_factory=list)  # raw header lines (addresses, dates, codes)


@dataclass(slots=True)
class Body:
    """What the structure stage finds in a cleaned text."""

    parts: list[Part] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)  # participant or signatory lines
    links: list[str] = field(default_factory=list)  # source URL and link list of a web page
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.parts[0].title if self.parts else ""


@dataclass(slots=True)
class Metadata:
    """A document's guessed or overridden fields, as the field table declares them (``coopsec/fields.py``)."""

    title: str = ""
    title_source: str = ""  # the title as the text writes it (often in capitals), before its case is restored
    doc_type: str = ""
    date: str = ""  # ISO 8601
    date_text: str = ""
    place: str = ""
    issuing_body: str = ""
    references: list[str] = field(default_factory=list)
    classification: str = ""
    languages: list[str] = field(default_factory=lambda: ["fr"])
    participants: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)  # fields extracted, not overridden


@dataclass(slots=True)
class Mention:
    """A paragraph of a document that treats a theme or names an actor."""

    anchor: str
    excerpt: str
    terms: list[str] = field(default_factory=list)  # the words that matched
    number: str = ""  # the paragraph's visible number, if it has one


@dataclass(slots=True)
class Citation:
    """A paragraph citing a meeting, with the exact quote."""

    document: str  # document slug
    anchor: str
    quote: str


@dataclass(slots=True)
class TextCitation:
    """A paragraph naming another text: a declaration by its place, a note by its code, a resolution by number."""

    kind: str  # a key of ``enrich.citations.CITED_KINDS`` ("déclaration"...), "référence" or "résolution"
    key: str  # what identifies the cited text: a place key, a code (``reference_key``), a resolution number
    wording: str  # the words of the paragraph that cite it, as written
    anchor: str  # the citing paragraph's anchor (``fn:2`` for a footnote)
    start: int = 0  # where the wording starts and ends in the paragraph's text (with footnote call markers)
    end: int = 0
    label: str = ""  # the citing paragraph as cited: "§ 12" (its number, or its rank when it has none), "note 1"
    year: str = ""  # the year the wording gives, if any ("résolution 2178 (2014)")
    target: str = ""  # slug of the cited document of the corpus; "" for a text outside the corpus
    paragraph: str = ""  # the cited paragraph's number when the wording names one ("paragraphe 5 de la …")
    target_anchor: str = ""  # that paragraph's anchor in the cited document, when it has it


@dataclass(slots=True)
class CitedBy:
    """A paragraph of another document of the corpus citing this one."""

    document: str  # slug of the citing document
    title: str
    date: str  # ISO 8601, the citing document's date
    date_fr: str  # the same in French
    anchor: str
    label: str
    wording: str


PLACE_SOURCES = {"texte": "écrit dans le texte", "siège": "déduit du siège", "nom": "déduit du nom",
                 "date du texte": "lieu du document", "capitale": "déduit du pays",
                 "renvoi": "déduit d’un renvoi", "ville du pays": "déduit de la seule ville du pays nommée",
                 "calendrier": "lieu des réunions du calendrier"}
"""How a meeting's place was found -> how the site says it (``lieu déduit du siège : siège de l'OTAN``)."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where something took place: a town and, separately, its country, with where that came from."""

    city: str = ""  # French name of the town ("La Haye"), "" when only a country or region is known
    country: str = ""  # French short name of the country ("Pays-Bas")
    source: str = ""  # a key of PLACE_SOURCES
    via: str = ""  # the venue or region it was read from ("siège de l'OTAN", "Sahel")

    @property
    def label(self) -> str:
        """The most precise name: town, then region, then country."""
        return self.city or self.via or self.country

    def __bool__(self) -> bool:
        return bool(self.city or self.country or self.via)

    @property
    def rank(self) -> int:
        """Which place wins when several are named for one meeting, the lowest first: a town, a venue's
        seat, a region, then a country."""
        if self.city:
            return 1 if self.source == "siège" else 0
        return 2 if self.via else 3


@dataclass(slots=True)
class Meeting:
    """A meeting cited by the texts (merged across paragraphs and documents)."""

    id: str
    name: str
    span: DateSpan
    place: Place = field(default_factory=Place)
    kind: MeetingKind = "meeting"  # an "event": adoption, signature, publication...
    sources: list[Citation] = field(default_factory=list)
    confidence: float = 1.0  # 0-1: how sure the extraction is that this is a dated meeting
    reason: str = ""  # why, in French: the cue words and what was inferred
    date_note: str = ""  # how the date was resolved when it is not written in full, in French
    hour: str = ""  # the hour a programme's line gives it ("10h30"): two hours of one day are two meetings


@dataclass(slots=True)
class Theme:
    id: str
    label: str
    description: str = ""
    terms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SearchUnit:
    """One searchable piece of a document as the search index reads it, analysed once per text
    (:func:`coopsec.publish.search.search_units`), so that a rebuild only merges the documents' shares."""

    anchor: str  # paragraph anchor; empty for the document's metadata
    text: str  # plain text shown in excerpts
    fields: dict[str, str]  # field kind -> its search terms (stems), in order, space-separated
    forms: str  # each distinct folded word of its fields, then its term: "word term word term…"
    pairs: str  # its distinct pairs of consecutive terms in a field, "a b", one per line, sorted


@dataclass(slots=True)
class Actor:
    id: str
    kind: ActorKind
    label: str
    aliases: list[str] = field(default_factory=list)
    seat: str = ""  # organisations: the town where it sits ("Bruxelles" for the OTAN); countries: the capital
    country: str = ""  # places: ISO 3166 alpha-2 code of the country of a town the reference data lacks


@dataclass(slots=True)
class Document:
    """Everything known about one corpus text."""

    slug: str
    source: Source
    meta: Metadata = field(default_factory=Metadata)
    parts: list[Part] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    themes: dict[str, list[Mention]] = field(default_factory=dict)  # theme id -> mentions
    actors: dict[str, list[Mention]] = field(default_factory=dict)  # actor id -> mentions
    meetings: list[Meeting] = field(default_factory=list)  # cited by this document
    cites: list[TextCitation] = field(default_factory=list)  # other texts this document cites, in reading order
    cited_by: list[CitedBy] = field(default_factory=list)  # paragraphs of the corpus citing this document
    search: list[SearchUnit] = field(default_factory=list)  # its share of the search index, cached with it
    fingerprint: str = ""  # key of its conversion (text, override, thesauri, code): what it holds of its own text
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def blocks(self) -> list[Block]:
        """All blocks of all parts, in reading order."""
        return [block for part in self.parts for block in part.blocks]


@dataclass(slots=True)
class BuildReport:
    """What a build did: documents converted or refused, fields guessed, messages."""

    converted: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    guessed: dict[str, list[str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reconverted: int = 0  # documents converted afresh (not from the cache)
    published: bool = False  # site, generated pages and bundle were swapped in
