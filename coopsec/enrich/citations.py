"""Links between texts: which paragraph cites which other text, and whether that text is in the corpus.

A text cites another by its kind and place (``la Déclaration de Nouakchott``, ``Communiqué du sommet de
Varsovie``), by its document code (``Doc. 11301/23``, ``ST 12838 2023 INIT``, ``PPC-DS(2012)0009``) or, for a
resolution, by its number (``résolution 2178 (2014)``). :func:`find_citations` reads them in one document's
paragraphs and footnotes; :func:`link_citations` matches them against the corpus (codes against the documents'
own references, kind and place against their type, title and place, numbers against the resolutions' titles),
never a document to itself, and gives each cited document the paragraphs citing it (:attr:`Document.cited_by`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from ..extract.document_date import document_date_fr
from ..extract.references import CITED_REFERENCE_PATTERNS, reference_key
from ..extract.structure import anchor_for
from ..gazetteer import Gazetteer
from ..model import CitedBy, Document, Place, TextCitation
from ..text import fold

CITED_KINDS = {
    "déclaration": ("déclaration",),
    "communiqué": ("communiqué",),
    "conclusions": ("conclusions",),
    "plan d'action": ("plan d'action",),
    "charte": ("charte",),
    "pacte": ("pacte",),
    "feuille de route": ("feuille de route",),
    "mémorandum": ("mémorandum", "mémorandum d'entente"),
}
"""Kinds of text cited by the place they were adopted at -> the words naming them (accents, case and apostrophes
are matched loosely)."""

QUALIFIERS = ("final", "finale", "finales", "conjoint", "conjointe", "commun", "commune", "ministériel",
              "ministérielle", "politique", "solennelle",
              "du sommet", "de la conférence", "de la réunion", "de la réunion ministérielle", "du processus",
              "du conseil", "adoptée", "adoptées", "adopté")
"""Words that may stand between the kind and the place (``Déclaration finale de la conférence de Rome``)."""

PARAGRAPH_WORDS = ("paragraphe", "paragraphes", "point", "points", "§", "§§")
"""Words that, with a number, name a paragraph of the text cited right after (``paragraphe 5 de la …``)."""

RESOLUTION_WORDS = ("résolution", "résolutions")
"""Words introducing a resolution cited by its number."""

DOCUMENT_KINDS = {"déclaration": ("déclaration",), "communiqué": ("communiqué",), "conclusions": ("conclusions",)}
"""Kinds of citation -> the ``doc_type`` values of the documents they may name (others match by title only)."""


def _loose(word: str) -> str:
    """A regex for ``word`` whatever its accents and apostrophe (``déclaration`` finds ``DECLARATION``)."""
    classes = {"é": "[ée]", "è": "[èe]", "ê": "[êe]", "à": "[àa]", "ô": "[ôo]", "î": "[îi]", "'": "['’]",
               " ": r"\s+"}
    return "".join(classes.get(char, re.escape(char)) for char in word)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(_loose(word) for word in sorted(words, key=len, reverse=True))


_KIND_OF = {fold(word): kind for kind, words in CITED_KINDS.items() for word in words}
_NAME = r"(?:(?:La|Le|Les|LA|LE|LES)\s+)?[A-ZÉÈÀÂÎÔ][\w’'-]*(?:[\s-][A-ZÉÈÀÂÎÔ][\w’'-]*){0,2}"
_NAMED_TEXT = re.compile(
    rf"(?i:\b(?P<kind>{_alternatives(w for ws in CITED_KINDS.values() for w in ws)})"
    rf"(?:\s+(?:{_alternatives(QUALIFIERS)}))*\s+(?:de\s+|d['’]\s*))(?P<name>{_NAME})"
)
"""``Déclaration de Nouakchott``, ``DECLARATION D'ALGER``, ``Communiqué final du sommet de Niamey``."""
_RESOLUTION = re.compile(
    rf"(?i:\b(?:{_alternatives(RESOLUTION_WORDS)})\s+(?:n[°o]\.?\s*)?)(?P<number>\d{{3,4}})\b"
    r"(?:\s*\((?P<year>(?:19|20)\d{2})\))?"
)
"""``résolution 2178 (2014)``, ``Résolution n° 2085``."""
_UN_SYMBOL = re.compile(r"\bS/RES/(?P<number>\d{3,4})(?:\s*\((?P<year>(?:19|20)\d{2})\))?")
"""A Security Council resolution by its symbol: ``S/RES/2085 (2012)``."""
SAME_MEETING_DAYS = 31
"""A text named after the citing text's own place, without a year, is that of its own meeting: it is linked only
to a document dated so many days from the citing one at most (a dispatch on the « Déclaration d'Alger » adopted
the day before is not citing the Déclaration d'Alger of five years earlier)."""
_YEAR_AFTER = re.compile(r"\s*(?:\(|,?\s*(?:du|de|d['’]|adoptée?s?|signée?s?|en)\b)[^.;:()]{0,30}?\b((?:19|20)\d{2})\b")
"""A year given right after a named text: ``de Rome du 28 novembre 2014``, ``d'Alger (2013)``."""
_CITED_PARAGRAPH = re.compile(
    rf"(?i:(?<![\w§])(?:{_alternatives(PARAGRAPH_WORDS)})\s*(?P<number>[a-z]?\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+))$"
)
"""The words naming a paragraph of the text cited right after them: ``paragraphe 5 de la ``, ``§ 2 du ``."""
_KIND_STEMS = tuple({max(re.findall("[a-z]+", word), key=len) for words in CITED_KINDS.values() for word in words})
"""The longest unaccented run of letters of each kind's words (``claration``): a paragraph without any cites no
text by kind and place."""
_CODE_HINT = re.compile(r"/\d|\)\d|ST \d")
"""What a paragraph citing a code holds (``12838/23``, ``(2012)0009``, ``ST 12838``)."""
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}/\d{2}\b")
"""``2014/15``: a span of years, not a Council code."""


def find_citations(doc: Document, places: Gazetteer) -> list[TextCitation]:
    """Every citation of another text in the document's paragraphs and footnotes, in reading order."""
    found = []
    for block in doc.blocks():
        if block.kind != "heading" and block.anchor:
            label = f"§ {block.number}" if block.number else _unnumbered_label(block.anchor)
            found += paragraph_citations(block.text, block.anchor, label, places)
    for note in doc.footnotes:
        found += paragraph_citations(note.text, f"fn:{note.label}", f"note {note.label}", places)
    own = {reference_key(code) for code in doc.meta.references}
    return [c for c in found if not (c.kind == "référence" and c.key in own)]


def _unnumbered_label(anchor: str) -> str:
    """``a-3`` (the third paragraph without a number) -> ``§ 3``, its rank, as « Citer ce paragraphe » cites it
    (``docs/assets/cite.js``)."""
    number = anchor.removeprefix("a-").split("-")[0]
    return f"§ {number}" if anchor.startswith("a-") else anchor


def paragraph_citations(text: str, anchor: str, label: str, places: Gazetteer) -> list[TextCitation]:
    """The citations of other texts in one paragraph's text, by position."""
    lower = text.lower()  # most paragraphs cite nothing: a look for the words a citation needs comes first
    found = [*(_named_texts(text, places) if any(stem in lower for stem in _KIND_STEMS) else ()),
             *(_resolutions(text) if "olution" in lower or "s/res/" in lower else ()),
             *(_codes(text) if _CODE_HINT.search(text) else ())]
    for citation in found:
        citation.anchor, citation.label = anchor, label
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[TextCitation] = []
    for citation in found:  # a code inside a wording already found is not cited twice
        if not kept or citation.start >= kept[-1].end:
            kept.append(citation)
    for index, citation in enumerate(kept):  # "paragraphe 5 de la Déclaration d'Alger": its paragraph 5
        before = max(citation.start - 60, kept[index - 1].end if index else 0)
        if match := _CITED_PARAGRAPH.search(text, before, citation.start):
            citation.paragraph = match.group("number")
            citation.wording = text[match.start():citation.end]
            citation.start = match.start()
    return kept


def _named_texts(text: str, places: Gazetteer) -> Iterator[TextCitation]:
    for match in _NAMED_TEXT.finditer(text):
        name = _place_name(match.group("name"), places)
        if not name:
            continue
        end = match.start("name") + len(name)
        year = _YEAR_AFTER.match(text, end)
        kind = _KIND_OF[fold(" ".join(match.group("kind").split()).replace("’", "'"))]
        yield TextCitation(kind, _place_key(places.resolve(name)), text[match.start():end], "", match.start(),
                           end, year=year.group(1) if year else "")


def _place_name(words: str, places: Gazetteer) -> str:
    """The longest run of the first words that names a place (``Malte Ayant`` -> ``Malte``), or ``""``."""
    pieces = re.split(r"([\s-])", words)
    for count in range(len(pieces), 0, -2):
        name = "".join(pieces[:count])
        if places.is_place(name):
            return name
    return ""


def _place_key(place: Place | None) -> str:
    """``ville|pays`` in folded words: what a named text and a document's place are compared by."""
    return f"{fold(place.city)}|{fold(place.country)}" if place else ""


def _resolutions(text: str) -> Iterator[TextCitation]:
    for match in (*_RESOLUTION.finditer(text), *_UN_SYMBOL.finditer(text)):
        yield TextCitation("résolution", match.group("number"), match.group(0), "", match.start(), match.end(),
                           year=match.group("year") or "")


def _codes(text: str) -> Iterator[TextCitation]:
    for pattern in CITED_REFERENCE_PATTERNS:
        for match in pattern.finditer(text):
            if _YEAR_LIKE.fullmatch(match.group(0)):
                continue
            yield TextCitation("référence", reference_key(match.group(0)), match.group(0), "", match.start(),
                               match.end())


def _base_code(key: str) -> str:
    """A Council code without its version and revision: ``12517/1/23 REV 1`` -> ``12517/23``."""
    match = re.fullmatch(r"(\d{3,5})/(?:\d{1,2}/)?(\d{2})(?: REV \d+)?", key)
    return f"{match.group(1)}/{match.group(2)}" if match else key


class _Corpus:
    """What the documents of the corpus can be cited by."""

    def __init__(self, docs: list[Document], places: Gazetteer):
        self.own_codes: dict[str, list[Document]] = {}
        """A document's own code (its first reference: ``12838/23``), also without version and revision."""
        self.codes: dict[str, list[Document]] = {}
        """Every code of its header, the earlier versions it names too (``N° doc. préc.: 12517/1/23 REV 1``)."""
        self.numbers: dict[str, list[Document]] = {}
        self.named: dict[tuple[str, str], list[Document]] = {}
        for doc in docs:
            for index, codes in ((self.own_codes, doc.meta.references[:1]), (self.codes, doc.meta.references)):
                for code in {key for ref in codes for key in (reference_key(ref), _base_code(reference_key(ref)))}:
                    index.setdefault(code, []).append(doc)
            title = " ".join(doc.meta.title.split())
            if number := _own_resolution(doc):
                self.numbers.setdefault(number, []).append(doc)
            names = {(c.kind, c.key) for c in _named_texts(title, places) if c.start == 0}
            place = places.resolve(doc.meta.place) if doc.meta.place else None
            for kind, types in DOCUMENT_KINDS.items():
                if doc.meta.doc_type in types and place:
                    names.add((kind, _place_key(place)))
                    names.add((kind, _place_key(Place(country=place.country))))
            for name in names:
                self.named.setdefault(name, []).append(doc)

    def candidates(self, citation: TextCitation) -> list[Document]:
        if citation.kind == "référence":
            keys = (citation.key, _base_code(citation.key))
            return next((found for index in (self.own_codes, self.codes) for key in keys
                         if (found := index.get(key))), [])
        if citation.kind == "résolution":
            return self.numbers.get(citation.key, [])
        return self.named.get((citation.kind, citation.key), [])


def _own_resolution(doc: Document) -> str:
    """The number of the resolution a document is: the first its header lines, its title or, failing them, its
    first lines give (``Résolution 2085 (2012)``, ``S/RES/2085 (2012)``), for a text of type résolution or
    titled so."""
    title = " ".join(doc.meta.title.split())
    if doc.meta.doc_type != "résolution" and not fold(title).startswith("resolution"):
        return ""
    first = doc.parts[0] if doc.parts else None
    header = [*first.header, first.title, title] if first else [title]
    opening = [block.text for block in first.blocks[:2]] if first else []
    for texts in (header, opening):
        for text in texts:
            if found := sorted((*_RESOLUTION.finditer(text), *_UN_SYMBOL.finditer(text)), key=lambda m: m.start()):
                return found[0].group("number")
    return ""


def _date(doc: Document) -> str:
    return doc.meta.date or "9999"


def resolve(citation: TextCitation, citing: Document, candidates: list[Document], places: Gazetteer) -> str:
    """The slug of the document a citation names, or ``""``: never the citing one; the year given, if any,
    must be the document's; a text named after the citing text's own place without a year is that of its own
    meeting (:data:`SAME_MEETING_DAYS`); a text cites none later than itself; among several, the latest (then by
    slug)."""
    found = [doc for doc in candidates if doc.slug != citing.slug]
    if citation.year:
        found = [doc for doc in found if doc.meta.date[:4] == citation.year]
    elif citation.kind in CITED_KINDS and citing.meta.place and citing.meta.date:
        own = _place_key(places.resolve(citing.meta.place))
        if citation.key == own:
            found = [doc for doc in found if _days_apart(doc.meta.date, citing.meta.date) <= SAME_MEETING_DAYS]
    if citing.meta.date:
        found = [doc for doc in found if _date(doc) <= citing.meta.date]
    if not found:
        return ""
    return max(found, key=lambda doc: (_date(doc) if doc.meta.date else "", _reverse(doc.slug))).slug


def _days_apart(first: str, second: str) -> int:
    """Days between two ISO dates (at the day, month or year), large when either is not a date."""
    try:
        return abs((date.fromisoformat(_day(first)) - date.fromisoformat(_day(second))).days)
    except ValueError:
        return 1 << 30


def _day(iso: str) -> str:
    return iso + "-01" * (2 - iso.count("-")) if iso else iso


def _reverse(slug: str) -> tuple[int, ...]:
    """A key sorting slugs backwards, so that ``max`` picks the first slug among equal dates."""
    return tuple(-ord(char) for char in slug)


def link_citations(docs: list[Document], places: Gazetteer) -> None:
    """Find each document's citations of other texts, resolve them against the corpus, and list on each cited
    document the paragraphs citing it (by citing document's date, slug, then reading order)."""
    corpus = _Corpus(docs, places)
    by_slug = {doc.slug: doc for doc in docs}
    for doc in docs:
        doc.cited_by = []
        doc.cites = []
        for citation in find_citations(doc, places):
            candidates = corpus.candidates(citation)
            citation.target = resolve(citation, doc, candidates, places)
            if citation.target and citation.paragraph:
                wanted = anchor_for(citation.paragraph)
                if any(block.anchor == wanted for block in by_slug[citation.target].blocks()):
                    citation.target_anchor = wanted
            if citation.target or doc not in candidates:  # a text naming itself cites nothing
                doc.cites.append(citation)
    for doc in sorted(docs, key=lambda d: (d.meta.date, d.slug)):
        if not any(citation.target for citation in doc.cites):
            continue
        title, date_fr = " ".join(doc.meta.title.split()) or doc.slug, document_date_fr(doc)
        for citation in doc.cites:
            if citation.target:
                by_slug[citation.target].cited_by.append(CitedBy(
                    doc.slug, title, doc.meta.date, date_fr, citation.anchor, citation.label, citation.wording))
