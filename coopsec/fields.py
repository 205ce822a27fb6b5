"""The fields of a document, declared once (``data/fields.yml``): their type, French type, label and help,
whether extraction guesses them, an override may set them, the front matter holds them, and in what order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .data import word_lists

FieldType = Literal["string", "strings", "date", "fields", "file", "objects"]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a document's record in ``documents.json``."""

    name: str
    type: FieldType  # its value, as the schemas check it
    type_fr: str  # its type on the Données page
    help: str  # its description on the Données page
    label: str = ""  # its label in the page's metadata panel; not shown there without one
    metadata: bool = False  # a field of coopsec.model.Metadata, guessed by extraction
    editable: bool = False  # an override may set it
    required: bool = False  # every front matter has it
    front_matter: int = 0  # its rank in the front matter; 0: in documents.json only


_TABLES = word_lists("fields")
FIELDS = tuple(Field(**entry) for entry in _TABLES["document_fields"])
"""Every field, in the order the Données page lists them."""

BY_NAME = {field.name: field for field in FIELDS}
EDITABLE = tuple(field.name for field in FIELDS if field.editable)
"""The fields an override may set."""
METADATA = tuple(field.name for field in FIELDS if field.metadata)
"""The fields of coopsec.model.Metadata."""
FRONT_MATTER = tuple(field.name for field in sorted(FIELDS, key=lambda field: field.front_matter)
                     if field.front_matter)
"""The fields of a page's front matter, in its order."""

RECORD_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    record: {name: (field["type_fr"], field["help"]) for name, field in fields.items()}
    for record, fields in _TABLES["record_fields"].items()
}
"""Record -> field -> (French type, French description) of the exports' other records (cites, meetings…)."""
CSV_COPIED: tuple[str, ...] = tuple(_TABLES["csv_copied"])
"""The columns of meetings.csv copied from the meetings' fields, in their order."""
ICS_PROPERTIES: dict[str, str] = _TABLES["ics_properties"]
"""iCalendar property -> French description, for meetings.ics."""
