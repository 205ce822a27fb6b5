"""The reference of a document: its French wording on the page, its BibTeX and CSL-JSON files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coopsec.pipeline import Project, convert
from coopsec.write.cite import bibtex, cite_files, cite_panel, csl_json, reference
from coopsec.write.data import data_files

ROOT = Path(__file__).resolve().parents[1]
ALGER, INTERPOL, NATO = "000_7415aaa0d4f9534b.txt", "004_ea0fa361777e49ce.txt", "003_7c59c344a3186c0e.txt"

_ENTRY = re.compile(r"^@(\w+)\{([^,\s]+),\n((?:  \w+ = \{.*\},?\n)+)\}\n$")
_FIELD = re.compile(r"^  (\w+) = \{(.*)\},?$", re.MULTILINE)


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """Entry type, key and fields of a one-entry BibTeX file (one field a line)."""
    match = _ENTRY.match(text)
    assert match, text
    return match.group(1), match.group(2), dict(_FIELD.findall(match.group(3)))


@pytest.fixture(scope="module", name="docs")
def fixture_docs():
    project = Project(ROOT)
    return {name: convert(ROOT / "corpus" / name, project) for name in (ALGER, INTERPOL, NATO)}


def test_french_reference_of_a_declaration_dated_by_a_range(docs) -> None:
    # corpus/000…: « 15ème conférence des Ministres de l’Intérieur de la Méditerranée Occidentale », « DECLARATION
    # D’ALGER », « Alger les 08 et 09 Avril 2013 ».
    assert reference(docs[ALGER]) == ("Conférence des Ministres de l’Intérieur de la Méditerranée Occidentale, "
                                      "« Déclaration d’Alger », Alger, 8–9 avril 2013")


def test_csl_json_has_the_fields_of_a_reference(docs) -> None:
    (item,) = json.loads(csl_json(docs[INTERPOL]))
    assert item["type"] == "document"
    assert item["title"] == "Déclaration finale"
    assert item["original-title"] == "DÉCLARATION FINALE"
    assert item["issued"] == {"date-parts": [[2014, 11, 4]]}
    assert item["publisher-place"] == "Monaco"
    assert item["author"] == [{"literal": "Réunion ministérielle de la 83e session de l'Assemblée générale d'INTERPOL"}]
    assert item["URL"] == "corpus/documents/004-ea0fa361777e49ce.html"
    (letter,) = json.loads(csl_json(docs[NATO]))
    assert letter["type"] == "personal_communication" and letter["publisher-place"] == "Bruxelles"
    assert letter["issued"] == {"date-parts": [[2012, 4, 19]]}


def test_bibtex_entry_parses_and_keeps_case_and_special_characters(docs) -> None:
    kind, key, fields = parse_bibtex(bibtex(docs[INTERPOL]))
    assert (kind, key) == ("misc", "004-ea0fa361777e49ce")
    assert fields["title"] == "{Déclaration finale}"  # braced: BibTeX styles keep its case
    assert fields["author"] == "{Réunion ministérielle de la 83e session de l'Assemblée générale d'INTERPOL}"
    assert (fields["date"], fields["year"], fields["month"], fields["day"]) == ("2014-11-04", "2014", "11", "4")
    assert fields["address"] == "Monaco" and fields["url"] == "corpus/documents/004-ea0fa361777e49ce.html"
    doc = docs[NATO]
    doc.meta.title = "Sécurité & défense : 100 % {partenariat}"
    fields = parse_bibtex(bibtex(doc))[2]
    assert fields["title"] == r"{Sécurité \& défense : 100 \% \{partenariat\}}"


def test_citation_files_written_per_document_and_deterministic(docs) -> None:
    files = data_files(list(docs.values()), [])
    assert files == data_files(list(docs.values()), [])
    assert {path for path in files if path.startswith("data/references/")} == set(cite_files(list(docs.values())))
    assert "data/references/000-7415aaa0d4f9534b.bib" in files and "data/references/000-7415aaa0d4f9534b.json" in files
    assert not any(re.search(r"consult|accessed", files[path]) for path in cite_files(list(docs.values())))


def test_page_panel_links_the_downloads(docs) -> None:
    panel = cite_panel(docs[INTERPOL])
    assert 'href="../../data/references/004-ea0fa361777e49ce.bib" download' in panel
    assert 'href="../../data/references/004-ea0fa361777e49ce.json" download' in panel
    assert 'data-reference="Réunion ministérielle de la 83e session de l&#x27;Assemblée' in panel
    assert '<button type="button" class="cite-button cite-doc" aria-label="Citer ce document" hidden>' in panel
