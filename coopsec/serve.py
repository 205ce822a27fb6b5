"""Live preview: MkDocs' dev server, regenerating pages in place when a corpus text changes."""

from __future__ import annotations

import os
from pathlib import Path

from .lock import BuildLocked, build_lock
from .model import BuildReport
from .pipeline import build_epoch, generate
from .project import Project
from .staging import holds, recover
from .write.markdown import GENERATED_DIRS

SERVE_FLAG = "COOPSEC_SERVE"
"""Set while serving: the MkDocs hook in hooks/ regenerates pages before each rebuild."""


def serve(root: Path, dev_addr: str = "127.0.0.1:8000") -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    root = root.resolve()
    os.chdir(root)  # mkdocs.yml's relative paths (snippets base) are relative to the project
    regenerate(root)
    os.environ[SERVE_FLAG] = "1"
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, watch=[str(root / "corpus")],
                 dev_addr=dev_addr)
    return 0


def regenerate(root: Path) -> BuildReport:
    """Convert the corpus and update the generated pages in place, without rendering (MkDocs serves them)."""
    project = Project(root.resolve())
    report = BuildReport()
    try:
        with build_lock(project):
            recover(project)
            files = generate(project, build_epoch(), report)
            if files:
                sync_generated(files, project)
                report.published = True
    except BuildLocked as locked:
        report.diagnostics.append(locked.diagnostic)
    return report


def sync_generated(files: dict[str, str], project: Project) -> None:
    """Replace changed generated files and remove stale ones (the dev server reloads what changed). A file is
    replaced, never written into: the one in place may be a hard link to a file of site/
    (:mod:`coopsec.publish.linked`)."""
    for rel, content in files.items():
        target = project.docs / rel
        if not holds(target, content.encode("utf-8")):
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_text(content, encoding="utf-8", newline="\n")
            os.replace(temporary, target)
    for name in GENERATED_DIRS:
        for path in sorted((project.docs / name).rglob("*"), reverse=True):
            rel = path.relative_to(project.docs).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
