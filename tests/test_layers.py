"""Imports run down the stages, never back up (CONTRIBUTING.md, « Where a change belongs »): the shared
modules import no stage, and a stage imports none that comes after it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "coopsec"
STAGES = ["extract", "enrich", "write", "publish"]
SHARED = ["model", "text", "data", "fields", "doctypes", "gazetteer", "version", "memo"]
"""Modules every stage may read: the model, the analysis, the data and the tables made from it, places, the
code's fingerprint."""


def imported(path: Path) -> set[str]:
    """The modules of the package that ``path`` imports, as dotted names under ``coopsec``."""
    here = path.relative_to(PACKAGE).with_suffix("").parts
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(part for part in (*here[: len(here) - node.level], node.module or "") if part)
            # "from .. import doctypes" imports the modules it names, "from ..model import X" the module
            names |= {f"{base}.{a.name}".lstrip(".") for a in node.names} if node.module is None else {base}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coopsec."):
            names.add(node.module.removeprefix("coopsec."))
    return names


def layer(module: str) -> int:
    """The rank of a module's stage (the shared modules first), or -1 outside them (the orchestrator's)."""
    top = module.split(".")[0]
    return STAGES.index(top) + 1 if top in STAGES else 0 if top in SHARED else -1


MODULES = sorted(path for path in PACKAGE.rglob("*.py") if layer(path.relative_to(PACKAGE).parts[0]
                                                                   .removesuffix(".py")) >= 0)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(PACKAGE).as_posix())
def test_a_module_imports_no_later_stage(path: Path) -> None:
    own = layer(path.relative_to(PACKAGE).parts[0].removesuffix(".py"))
    later = sorted(name for name in imported(path) if layer(name) > own or layer(name) < 0)
    assert later == [], f"{path.relative_to(PACKAGE)} imports {later}"


def test_the_check_sees_a_backward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path)
    (tmp_path / "enrich").mkdir()
    (tmp_path / "enrich" / "x.py").write_text(
        "from ..write.display import time_html\nfrom ..model import Document\nfrom .. import doctypes\n")
    assert imported(tmp_path / "enrich" / "x.py") == {"write.display", "model", "doctypes"}
    assert [layer(name) for name in ("write.display", "model", "pipeline")] == [3, 0, -1]
