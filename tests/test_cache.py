"""The conversion cache: keyed on all of the package's code, and never trusted when an entry is unreadable."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from support import CIMO, ROOT, copy_project

from coopsec.model import BuildReport
from coopsec.pipeline import Project, Thesauri, process_corpus
from coopsec.version import EXTRACTOR_VERSION, code_fingerprint

TITLES = """
import json, sys
from pathlib import Path
from coopsec.model import BuildReport
from coopsec.pipeline import Project, Thesauri, process_corpus
project = Project(Path(sys.argv[1]))
report = BuildReport()
docs = process_corpus(project, Thesauri.load(project), report)
print(json.dumps({"titles": sorted(d.meta.title for d in docs), "reconverted": report.reconverted}))
"""


def _run(package_root: Path, project: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", TITLES, str(project)], cwd=package_root, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def test_a_change_to_the_orchestrator_invalidates_the_cache(tmp_path: Path) -> None:
    code = tmp_path / "code"
    shutil.copytree(ROOT / "coopsec", code / "coopsec", ignore=shutil.ignore_patterns("__pycache__"))
    project = copy_project(tmp_path / "project", corpus=False)
    shutil.copy2(ROOT / "corpus" / CIMO, project / "corpus" / CIMO)
    first = _run(code, project)
    assert _run(code, project)["reconverted"] == 0  # nothing changed: all from the cache
    pipeline = code / "coopsec" / "pipeline.py"
    rule = "    doc.meta = extract_metadata(body, override.values, source.path)\n"
    assert rule in pipeline.read_text(encoding="utf-8")
    pipeline.write_text(pipeline.read_text(encoding="utf-8").replace(
        rule, rule + '    doc.meta.title = "Titre changé"\n'), encoding="utf-8")
    changed = _run(code, project)  # .cache/ is left in place
    assert changed["reconverted"] == 1
    assert changed["titles"] == ["Titre changé"] != first["titles"]


def test_the_fingerprint_covers_every_module_and_data_file(tmp_path: Path) -> None:
    package = tmp_path / "coopsec"
    shutil.copytree(ROOT / "coopsec", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_fingerprint(package)
    assert before.startswith(EXTRACTOR_VERSION)
    for edited in (package / "schema.py", package / "data" / "meeting-words.yml", package / "write" / "pages.py"):
        edited.write_bytes(edited.read_bytes() + b"\n")
        assert code_fingerprint(package) != before
        before = code_fingerprint(package)


def test_a_truncated_cache_entry_is_converted_again_and_reported(tmp_path: Path) -> None:
    project = Project(copy_project(tmp_path / "project", corpus=False))
    shutil.copy2(ROOT / "corpus" / CIMO, project.corpus / CIMO)
    thesauri = Thesauri.load(project)
    (expected,) = process_corpus(project, thesauri, BuildReport())
    (entry,) = project.cache.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    report = BuildReport()
    (again,) = process_corpus(project, thesauri, report)
    assert report.reconverted == 1
    assert (again.meta.title, len(again.blocks())) == (expected.meta.title, len(expected.blocks()))
    (message,) = [d for d in report.diagnostics if "cache illisible" in d.message]
    assert message.file.endswith(entry.name)

