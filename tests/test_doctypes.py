"""One table of document types: the kind read from a header line, its French label, CSL and schema.org types."""

from __future__ import annotations

import pytest

from coopsec import doctypes
from coopsec.extract.metadata import document_type
from coopsec.model import Body, Part


@pytest.mark.parametrize(("header", "kind", "label"), [
    ("COMMUNIQUE DE PRESSE", "communiqué", "Communiqué"),
    ("Résolution 2499 (2019)", "résolution", "Résolution"),
    ("NOTE", "note", "Note"),
    ("Publié le 19 juin 2018", "article", "Article"),
    ("COMPTE-RENDU DE DÉCISIONS", "compte rendu", "Compte rendu"),
    ("Ordre du jour provisoire", "document", "Document"),
])
def test_the_kind_read_in_the_header_and_its_label(header, kind, label):
    assert document_type(Body(parts=[Part(title="", header=[header])])) == kind
    assert doctypes.label(kind) == label


def test_a_kind_has_its_citation_and_schema_types_and_any_other_is_a_plain_document():
    assert (doctypes.csl_type("lettre"), doctypes.schema_type("lettre")) == ("personal_communication", "Message")
    assert (doctypes.csl_type("déclaration"), doctypes.schema_type("déclaration")) == ("document", "CreativeWork")
    assert (doctypes.csl_type("mémo"), doctypes.schema_type("mémo")) == ("document", "CreativeWork")
