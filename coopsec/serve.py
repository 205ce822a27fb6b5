"""Live preview: MkDocs' dev server, regenerating pages when a corpus text changes."""

from __future__ import annotations

import os
from pathlib import Path

from .pipeline import regenerate

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
