"""The kinds of document, declared once (``data/document-types.yml``): how each is recognised, how the site
names it, and its CSL and schema.org types."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data import word_lists

DEFAULT = "document"
"""The kind of a text no pattern recognises."""


@dataclass(frozen=True, slots=True)
class DocumentType:
    """One kind of document."""

    kind: str  # the front matter's doc_type ("compte rendu")
    label: str  # as the site shows it ("Compte rendu")
    pattern: re.Pattern[str]  # looked for in the header lines, then the title
    csl: str = "document"  # CSL item type
    schema: str = "CreativeWork"  # schema.org type


DOCUMENT_TYPES = tuple(
    DocumentType(entry["kind"], entry["label"], re.compile(entry["pattern"], re.IGNORECASE),
                 entry.get("csl", "document"), entry.get("schema", "CreativeWork"))
    for entry in word_lists("document-types")["document_types"]
)
"""The kinds, in the order they are tried."""
BY_KIND = {doc_type.kind: doc_type for doc_type in DOCUMENT_TYPES}


def label(kind: str) -> str:
    """How the site names a kind: its label, else the kind itself with a capital."""
    return BY_KIND[kind].label if kind in BY_KIND else kind[:1].upper() + kind[1:]


def csl_type(kind: str) -> str:
    """The CSL item type of a kind (``report`` for a note), ``document`` for any other."""
    return BY_KIND[kind].csl if kind in BY_KIND else "document"


def schema_type(kind: str) -> str:
    """The schema.org type of a kind (``Report`` for a compte rendu), ``CreativeWork`` for any other."""
    return BY_KIND[kind].schema if kind in BY_KIND else "CreativeWork"
