"""Override files and the front-matter schema."""

from coopsec.schema import load_override, validate_front_matter


def write(tmp_path, text):
    path = tmp_path / "texte.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_override_values_are_kept(tmp_path):
    override = load_override(write(tmp_path, "title: Un titre\nplace: Paris\ndate: 2018-06-19\n"), "texte.yml")
    assert override.values == {"title": "Un titre", "place": "Paris", "date": "2018-06-19"}
    assert override.diagnostics == []


def test_unknown_key_is_reported_with_its_line_and_ignored(tmp_path):
    override = load_override(write(tmp_path, "title: Un titre\n\nlieu: Paris\n"), "texte.yml")
    assert override.values == {"title": "Un titre"}
    [diagnostic] = override.diagnostics
    assert (diagnostic.file, diagnostic.line, diagnostic.level) == ("texte.yml", 3, "error")
    assert "lieu" in diagnostic.message


def test_wrong_type_is_reported_with_its_line(tmp_path):
    override = load_override(write(tmp_path, "references: 12838/23\ntitle: Bon\n"), "texte.yml")
    assert override.values == {"title": "Bon"}
    [diagnostic] = override.diagnostics
    assert diagnostic.line == 1 and "references" in diagnostic.message and "liste" in diagnostic.message


def test_bad_date_is_refused(tmp_path):
    override = load_override(write(tmp_path, "date: 9 avril 2013\n"), "texte.yml")
    assert override.values == {}
    assert "date" in override.diagnostics[0].message


def test_malformed_yaml_names_the_line(tmp_path):
    override = load_override(write(tmp_path, "title: ok\nplace: [Paris\n"), "texte.yml")
    assert override.values == {}
    assert override.diagnostics[0].line is not None and override.diagnostics[0].level == "error"


def test_missing_override_is_empty(tmp_path):
    assert load_override(tmp_path / "absent.yml", "absent.yml").values == {}


def test_front_matter_schema_rejects_unknown_fields():
    data = {"title": "t", "doc_type": "note", "date": "2023-09-15", "guessed": ["title"],
            "extractor_version": "1", "source": {"file": "a.txt", "sha256": "0" * 64}}
    assert validate_front_matter(data, "a.txt") == []
    assert validate_front_matter({**data, "colour": "red"}, "a.txt")
    assert validate_front_matter({**data, "guessed": ["colour"]}, "a.txt")
