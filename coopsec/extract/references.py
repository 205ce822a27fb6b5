"""Document reference codes, declared once: the header's ``references`` field, the header lines that are only a
code, and the codes a text cites another by are read with the same table."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReferenceCode:
    """One kind of document code."""

    name: str
    pattern: re.Pattern[str]  # group 1, when there is one, is the code itself
    cited: bool  # a text's body may cite another document by it
    line: bool  # a header line may be this code alone


REFERENCE_CODES = (
    ReferenceCode("Conseil de l'UE", re.compile(r"\b\d{3,5}/(?:\d{1,2}/)?\d{2}(?: REV \d+)?\b"), True, True),
    ReferenceCode("registre du Conseil",  # ST 12838 2023 INIT, as the public register writes 12838/23
                  re.compile(r"\bST \d{3,5} (?:\d{1,2} )?(?:19|20)\d{2}(?: REV \d+)? INIT\b"), True, False),
    ReferenceCode("OTAN", re.compile(r"\b[A-Z]{1,5}(?:-[A-Z]{1,5})*\(\d{4}\)\d{3,4}\b"), True, True),  # PPC(2012)0009
    ReferenceCode("code de diffusion", re.compile(r"^[A-Z]{3,9} \d{1,4}$"), False, True),  # JAI 1133
    ReferenceCode("numéro de lettre", re.compile(r"\bn°\.?\s*(\d[\w/ .-]*\w)", re.IGNORECASE), False, False),
)
"""Every kind of code, in the order a header line is read; a maintainer adds a kind here."""
CITED_REFERENCE_PATTERNS = tuple(code.pattern for code in REFERENCE_CODES if code.cited)
"""The codes a text's body may cite another document by (not the header-only distribution codes or letter
numbers)."""
_REGISTER_PARTS = re.compile(r"ST (\d{3,5}) (?:(\d{1,2}) )?(?:19|20)(\d{2})((?: REV \d+)?) INIT")


def find_references(line: str) -> list[str]:
    """Document codes in one header line."""
    return [(match.group(1) if match.groups() else match.group(0)).strip()
            for code in REFERENCE_CODES for match in code.pattern.finditer(line)]


def is_reference_line(text: str) -> bool:
    """Whether a header line is only a document code (``12838/23``, ``PPC-DS(2012)0009``, ``JAI 1133``)."""
    return any(code.line and code.pattern.fullmatch(text) for code in REFERENCE_CODES)


def reference_key(code: str) -> str:
    """The comparison form of a document code: spaces tidied, a register code in the Council's own form
    (``ST 12838 2023 INIT`` -> ``12838/23``, ``ST 12517 1 2023 REV 1 INIT`` -> ``12517/1/23 REV 1``)."""
    code = " ".join(code.split()).upper()
    if match := _REGISTER_PARTS.fullmatch(code):
        number, version, year, revision = match.groups()
        return f"{number}/{version + '/' if version else ''}{year}{revision}"
    return code
