"""Every field of the field table (``coopsec/data/fields.yml``) reaches the model, the page's front matter and
metadata panel, the override schema, the data exports and their page, and the README's list of keys.

The table is the one declaration; :class:`coopsec.model.Metadata`, the dataclass every stage fills or reads,
declares its fields again for the type checker, so this test holds the two together.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import yaml

from coopsec import fields
from coopsec.extract.metadata import extract_metadata
from coopsec.model import Block, Body, Document, Metadata, Part, Source
from coopsec.schema import EDITABLE, FRONT_MATTER, OVERRIDE, load_override, validate_front_matter
from coopsec.write.data import DOCUMENT_FIELDS, DOCUMENTS_JSON, data_files
from coopsec.write.markdown import DATA_PAGE
from coopsec.write.pages import front_matter, metadata_panel

ROOT = Path(__file__).resolve().parents[1]

FIELDS = list(fields.METADATA)

NOT_EDITABLE = {
    "title_source": "the title as the text writes it; an override corrects `title` instead",
    "guessed": "which fields extraction guessed, i.e. those no override set",
}
"""The fields an override may not set, and why."""


def sample(name: str) -> str | list[str]:
    """A value of the field's type that no default or extraction gives, so that it can be followed."""
    if name == "date":  # the one field with a pattern: an ISO date
        return "2012-04-19"
    if name == "guessed":  # names of editable fields, sorted as the front matter lists them
        return sorted(EDITABLE)[:2]
    default = getattr(Metadata(), name)
    return [f"{name} 1", f"{name} 2"] if isinstance(default, list) else f"{name} à suivre"


def document(meta: Metadata) -> Document:
    return Document("d", Source("d.txt", "", "0" * 64, "utf-8", 0), meta)


def test_the_model_declares_the_metadata_fields_of_the_table_with_their_types() -> None:
    declared = {field.name: field.type for field in dataclasses.fields(Metadata)}
    assert list(declared) == FIELDS
    python_type = {"string": "str", "date": "str", "strings": "list[str]", "fields": "list[str]"}
    assert {name: python_type[fields.BY_NAME[name].type] for name in FIELDS} == declared


def test_the_front_matter_holds_the_fields_of_the_table_in_their_order() -> None:
    ranks = [field.front_matter for field in fields.FIELDS if field.front_matter]
    assert sorted(ranks) == list(range(1, len(ranks) + 1))  # each rank once, none skipped
    assert list(front_matter(document(Metadata()))) == list(fields.FRONT_MATTER)
    assert set(FIELDS) <= set(fields.FRONT_MATTER)


def test_the_override_schema_holds_every_editable_field() -> None:
    assert set(NOT_EDITABLE) <= set(FIELDS)
    assert set(EDITABLE) == set(FIELDS) - set(NOT_EDITABLE)
    assert set(OVERRIDE["properties"]) == set(EDITABLE)


def test_every_field_reaches_the_front_matter_and_documents_json() -> None:
    doc = document(Metadata(**{name: sample(name) for name in FIELDS}))
    page = front_matter(doc)
    (exported,) = json.loads(data_files([doc], [])[DOCUMENTS_JSON])
    for name in FIELDS:
        assert name in FRONT_MATTER["properties"], name
        assert page[name] == sample(name), name
        assert exported[name] == sample(name), name


def test_every_field_of_the_table_is_exported_and_documented_on_the_data_page_in_its_order() -> None:
    doc = document(Metadata())
    (exported,) = json.loads(data_files([doc], [])[DOCUMENTS_JSON])
    assert set(exported) == {field.name for field in fields.FIELDS}
    page = data_files([doc], [])[DATA_PAGE]
    documents_table = page.split("## documents.json")[1].split("\n## ")[0]
    rows = [line for line in documents_table.splitlines() if line.startswith("| `")]
    assert rows == [f"| `{f.name}` | {f.type_fr} | {f.help} |" for f in fields.FIELDS]
    assert list(DOCUMENT_FIELDS) == [field.name for field in fields.FIELDS]


def test_every_field_with_a_label_is_shown_in_the_metadata_panel() -> None:
    doc = document(Metadata(**{name: sample(name) for name in FIELDS}))
    panel = metadata_panel(doc)
    labelled = [field for field in fields.FIELDS if field.label]
    assert labelled and all(field.metadata for field in labelled)
    for field in labelled:
        assert f"<dt>{field.label}</dt>" in panel, field.name
    assert "place à suivre" in panel and "issuing_body à suivre" in panel  # the fields shown as they are


def test_every_editable_field_set_by_an_override_file_reaches_the_page(tmp_path: Path) -> None:
    path = tmp_path / "texte.yml"
    path.write_text(yaml.safe_dump({name: sample(name) for name in EDITABLE}, allow_unicode=True), encoding="utf-8")
    override = load_override(path, "texte.yml")
    assert override.diagnostics == []
    body = Body(parts=[Part("Titre du texte", blocks=[Block("paragraph", "Un paragraphe.", anchor="p-1")])])
    doc = document(extract_metadata(body, override.values))
    page = front_matter(doc)
    for name in EDITABLE:
        assert page[name] == sample(name), name
    assert page["guessed"] == []  # every editable field was given
    assert page["title_source"] == "Titre du texte"  # the text's own wording stays beside the override's title
    assert validate_front_matter(page, "texte.md") == []


def test_the_readme_lists_the_override_keys() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    allowed = readme.split("Allowed keys:")[1].split("Override values always win")[0]
    assert set(re.findall(r"`([a-z_]+)`", allowed)) == set(EDITABLE)
