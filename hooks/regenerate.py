"""MkDocs hook (rendering glue only): during ``python build.py serve``, regenerate the
pages from corpus/ before each rebuild. A plain ``mkdocs build`` or ``python build.py``
does nothing here."""

import os
from pathlib import Path


def on_pre_build(config, **kwargs):
    if os.environ.get("COOPSEC_SERVE"):  # set by coopsec.serve
        from coopsec.cli import print_report
        from coopsec.serve import regenerate

        print_report(regenerate(Path(config.config_file_path).parent), quiet=True)
