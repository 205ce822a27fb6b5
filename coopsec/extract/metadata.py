"""Document metadata: type, date, place, issuing body, references, classification.

Everything here is a guess from the text's own header lines; a maintainer's
override (``corpus/<name>.yml``) is applied last and always wins. Fields that
were guessed rather than given are listed in ``Metadata.guessed``.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..model import Body, DateSpan, Metadata, Part, plain
from .dates import find_dates

_REFERENCE_PATTERNS = [
    re.compile(r"\b\d{3,5}/(?:\d{1,2}/)?\d{2}(?: REV \d+)?\b"),  # Council: 12838/23, 12517/1/23 REV 1
    re.compile(r"\b[A-Z]{1,5}(?:-[A-Z]{1,5})*\(\d{4}\)\d{3,4}\b"),  # NATO: PPC-DS(2012)0009
    re.compile(r"^[A-Z]{3,9} \d{1,4}$"),  # Council distribution codes: JAI 1133
    re.compile(r"\bn°\.?\s*(\d[\w/ .-]*\w)", re.IGNORECASE),  # letter numbers: n°. 143/4 P/2012/CRY
]
_MARKING = re.compile(
    r"\b(?:(?:NATO|OTAN|UE|EU)\s+)?(?:TR[ÈE]S SECRET|SECRET|CONFIDENTIEL|CONFIDENTIAL|DIFFUSION RESTREINTE"
    r"|RESTREINT(?: UE)?|RESTRICTED|LIMITE|NON CLASSIFI[ÉE]|UNCLASSIFIED)\b(?:\s+(?:UE|EU))?",
    re.IGNORECASE,
)
_MARKING_FIELD = re.compile(r"^(?:Diffusion|Classification|Marquage)\s*:\s*(.+)$", re.IGNORECASE)
_PLACE_BEFORE_DATE = re.compile(
    r"^(?:Fait\s+à\s+)?([A-ZÉÈÀÂÎÔ][\w’'\- ]{1,40}?),?\s+(?:le|les|du)\s+\d", re.IGNORECASE)
_PLACE_AFTER_A = re.compile(r"\bà\s+((?:[A-ZÉÈ][\w’'-]+)(?:[ -](?:[A-ZÉÈ][\w’'-]+))?)")
_ORIGIN = re.compile(r"^Origine\s*:\s*(.+)$", re.IGNORECASE)
_PUBLISHED = re.compile(r"^Publié le\b", re.IGNORECASE)

# (doc_type, pattern) tried in order on the first part's header lines, then on its title.
_TYPE_RULES = [
    ("note", re.compile(r"^\W*NOTE\b", re.IGNORECASE)),
    ("lettre", re.compile(r"^(?:A|À)$|^MONSIEUR LE|^MADAME LA|j['’]ai l['’]honneur", re.IGNORECASE)),
    ("article", _PUBLISHED),
    ("compte rendu", re.compile(r"\bCOMPTE[ -]RENDU\b", re.IGNORECASE)),
    ("déclaration", re.compile(r"\bD[ÉE]CLARATION\b", re.IGNORECASE)),
    ("communiqué", re.compile(r"\bCOMMUNIQU[ÉE]\b", re.IGNORECASE)),
    ("conclusions", re.compile(r"\bCONCLUSIONS\b", re.IGNORECASE)),
    ("résolution", re.compile(r"\bR[ÉE]SOLUTION\b", re.IGNORECASE)),
]


def extract_metadata(body: Body, override: dict[str, Any]) -> Metadata:
    """Guess every field from the structured text, then apply the override."""
    for part in body.parts:
        describe_part(part)
    first = body.parts[0] if body.parts else Part(title="")
    span = document_date(body)
    guesses: dict[str, Any] = {
        "title": body.title,
        "doc_type": document_type(body),
        "date": span.iso()[0] if span else "",
        "date_text": span.text if span else "",
        "place": document_place(body, span),
        "issuing_body": issuing_body(body),
        "references": first.references,
        "classification": first.classification or next((p.classification for p in body.parts if p.classification), ""),
        "participants": body.participants,
    }
    meta = Metadata()
    for key, value in guesses.items():
        if key in override:
            continue
        setattr(meta, key, value)
        if value:
            meta.guessed.append(key)
    for key, value in override.items():
        setattr(meta, key, value)
    return meta


def describe_part(part: Part) -> None:
    """Fill a part's own date, references and classification from its header lines."""
    lines = [plain(line).replace("*", "").strip() for line in part.header]
    part.references = _unique(ref for line in lines for ref in find_references(line))
    part.classification = next((m for line in lines if (m := find_marking(line))), "")
    part.date = next((matches[0].span for line in lines if (matches := find_dates(line))), None)


def find_references(line: str) -> list[str]:
    """Document codes in one header line."""
    found = []
    for pattern in _REFERENCE_PATTERNS:
        for match in pattern.finditer(line):
            found.append((match.group(1) if match.groups() else match.group(0)).strip())
    return found


def find_marking(line: str) -> str:
    """A protective marking standing alone on a header line, or given as a field."""
    field_match = _MARKING_FIELD.match(line)
    if field_match:
        return field_match.group(1).strip()
    match = _MARKING.search(line)
    if match and len(line) <= len(match.group(0)) + 25:
        return match.group(0).strip()
    return ""


def document_date(body: Body) -> DateSpan | None:
    """Publication line, then the first part's header, then a closing formula, then the first paragraph."""
    if not body.parts:
        return None
    first = body.parts[0]
    for line in first.header:
        if _PUBLISHED.match(line) and (matches := find_dates(line)):
            return matches[0].span
    if first.date:
        return first.date
    blocks = first.blocks
    for block in reversed(blocks[-3:]):
        if _PLACE_BEFORE_DATE.match(plain(block.text)) and (matches := find_dates(plain(block.text))):
            return matches[0].span
    for block in blocks[:3]:
        if block.kind == "paragraph" and (matches := find_dates(plain(block.text))):
            return matches[0].span
    return None


def document_place(body: Body, span: DateSpan | None) -> str:
    """The place written beside the document's date ("Bruxelles, le …", "Alger les …", "…, à Monaco")."""
    if not body.parts:
        return ""
    first = body.parts[0]
    candidates = [plain(line).strip() for line in first.header]
    candidates += [plain(b.text) for b in first.blocks[-3:]] + [plain(b.text) for b in first.blocks[:3]]
    for text in candidates:
        match = _PLACE_BEFORE_DATE.match(text)
        if match and find_dates(text):
            return _title_case(match.group(1).strip(" ,"))
    if span:
        for text in candidates:
            if span.text in text:
                after = text[text.index(span.text):]
                match = _PLACE_AFTER_A.search(after)
                if match:
                    return match.group(1)
    return ""


def document_type(body: Body) -> str:
    """The kind of text, from its header lines first, then its title."""
    first = body.parts[0] if body.parts else Part(title="")
    for lines in (first.header, [first.title]):
        for doc_type, pattern in _TYPE_RULES:
            if any(pattern.search(plain(line).replace("*", "").strip()) for line in lines):
                return doc_type
    return "document"


def issuing_body(body: Body) -> str:
    """Who issued the text: a Council note's origin, a letter's sender, or the meeting's name."""
    if not body.parts:
        return ""
    header = [plain(line).replace("*", "").strip() for line in body.parts[0].header]
    for line in header:
        if match := _ORIGIN.match(line):
            return f"Conseil de l'Union européenne ({match.group(1).strip()})"
    for line, following in pairwise(header):
        if re.fullmatch(r"(?:A|À)", following) and line.isupper():
            return _title_case(line)
    for line in header:
        if re.search(r"\b(?:conférence|conseil|comité|assemblée|sommet|réunion)\b", line, re.IGNORECASE):
            cleaned = re.sub(r"^\d+\s*(?:e|ème|eme|è)\s+", "", line)
            return cleaned[0].upper() + cleaned[1:]
    return ""


def _title_case(text: str) -> str:
    """"ALGER" -> "Alger", "L'AMBASSADEUR DE SA MAJESTE" -> "L'Ambassadeur de Sa Majeste"; mixed case kept."""
    if not text.isupper():
        return text
    small = {"de", "du", "des", "la", "le", "les", "et", "à", "a", "au", "aux", "en", "d", "l"}
    words = re.split(r"(\s+|['’-])", text.lower())
    return "".join(w if (w in small and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))
