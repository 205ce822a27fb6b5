"""The front-matter schema, made from the field table (``coopsec/fields.py``), and the override files that
follow it.

Every document page's front matter is validated against :data:`FRONT_MATTER`
at every build; an override file (``corpus/<name>.yml``) may set any of its
editable fields and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from . import fields
from .model import Diagnostic

_TEXT = {"type": "string"}
_SCHEMAS: dict[fields.FieldType, dict[str, Any]] = {
    "string": _TEXT,
    "strings": {"type": "array", "items": _TEXT},
    "date": {"type": "string", "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"},
    "fields": {"type": "array", "items": {"enum": sorted(fields.EDITABLE)}},
    "file": {
        "type": "object",
        "required": ["file", "sha256"],
        "additionalProperties": False,
        "properties": {"file": _TEXT, "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
    },
}
"""The JSON schema of each type of field (``type`` in ``data/fields.yml``)."""

EDITABLE = {name: _SCHEMAS[fields.BY_NAME[name].type] for name in fields.EDITABLE}
"""Metadata fields that extraction guesses and an override may correct."""

FRONT_MATTER = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": [name for name in fields.FRONT_MATTER if fields.BY_NAME[name].required],
    "additionalProperties": False,
    "properties": {name: _SCHEMAS[fields.BY_NAME[name].type] for name in fields.FRONT_MATTER},
}

OVERRIDE = {
    "type": "object",
    "additionalProperties": False,
    "properties": EDITABLE,
}

_front_matter_validator = Draft202012Validator(FRONT_MATTER)
_override_validator = Draft202012Validator(OVERRIDE)


def validate_front_matter(data: dict[str, Any], file: str) -> list[Diagnostic]:
    """Errors of a document's front matter against the schema."""
    return [
        Diagnostic(file, f"métadonnées invalides ({'/'.join(map(str, e.path)) or 'racine'}) : {e.message}",
                   level="error")
        for e in sorted(_front_matter_validator.iter_errors(data), key=lambda e: list(map(str, e.path)))
    ]


@dataclass
class Override:
    """Fields set by a maintainer in ``corpus/<name>.yml``, and what was wrong in it."""

    values: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_override(path: Path, file: str) -> Override:
    """Read and validate an override file; invalid keys are reported with their line and ignored."""
    if not path.exists():
        return Override()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        message = "fichier de corrections illisible : il doit être encodé en UTF-8"
        return Override(diagnostics=[Diagnostic(file, message, line, "error")])
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return Override(diagnostics=[_syntax_error(error, text, file)])
    if data is None:
        return Override()
    if not isinstance(data, dict):
        message = "le fichier de corrections doit être un dictionnaire clé: valeur"
        return Override(diagnostics=[Diagnostic(file, message, 1, "error")])
    lines = _key_lines(node)
    values = {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}
    diagnostics = []
    for problem in _override_validator.iter_errors(values):
        if problem.validator == "additionalProperties":
            for key in sorted(set(data) - set(EDITABLE)):
                diagnostics.append(Diagnostic(
                    file, f"clé inconnue « {key} » (clés permises : {', '.join(sorted(EDITABLE))})",
                    lines.get(str(key)), "error"))
                values.pop(key, None)
        else:
            key = str(problem.path[0])
            diagnostics.append(Diagnostic(file, f"valeur invalide pour « {key} » : {_explain(problem)}",
                                          lines.get(key), "error"))
            values.pop(key, None)
    return Override(values, sorted(diagnostics, key=lambda d: (d.line or 0, d.message)))


_TOP_KEY_RE = re.compile(r"^([^\s#:'\"-][^:]*?)\s*:")


def _syntax_error(error: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    """The line of a YAML syntax error (where the faulty construct starts) and the key it belongs to."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    if mark is None:
        return Diagnostic(file, f"fichier de corrections illisible : {error}", None, "error")
    keys = [_TOP_KEY_RE.match(line) for line in text.splitlines()[: mark.line + 1]]
    key = next((match.group(1) for match in reversed(keys) if match), "")
    where = f" (clé « {key} »)" if key else ""
    problem = getattr(error, "problem", None) or str(error)
    return Diagnostic(file, f"fichier de corrections illisible{where} : syntaxe YAML invalide, {problem}",
                      mark.line + 1, "error")


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """Line (1-based) of each top-level key of a YAML mapping."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


_TYPE_NAMES = {"string": "un texte", "array": "une liste de textes", "object": "un dictionnaire"}


def _explain(error: Any) -> str:
    """A French explanation of a schema error."""
    if error.validator == "type":
        return f"attendu {_TYPE_NAMES.get(error.validator_value, error.validator_value)}, trouvé {error.instance!r}"
    if error.validator == "pattern":
        return f"{error.instance!r} n'est pas une date AAAA, AAAA-MM ou AAAA-MM-JJ"
    return str(error.message)
