"""The extractor's version: a fingerprint of everything that shapes a converted document.

It covers every module and data file of the package (names and bytes) and the versions of the libraries that
read, fold, date and name the texts. It keys the conversion cache (a change anywhere in the package, in
``pipeline.py`` as much as in ``extract/``, makes the next build convert again) and is printed on every page
as provenance, so that a page says which code made it.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

TEXT_LIBRARIES = ("babel", "charset-normalizer", "python-slugify", "snowballstemmer", "PyYAML", "pycountry")
"""The libraries whose behaviour shows in a converted document (dates, encodings, slugs, stems, data files)."""


def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """Hash of the package's files (``*.py`` and ``data/``, by relative name) and of the text libraries' versions."""
    digest = hashlib.sha256()
    for name in TEXT_LIBRARIES:
        digest.update(f"{name}=={version(name)}\0".encode())
    files = sorted(path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.relative_to(package).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


CODE_FINGERPRINT = code_fingerprint()
EXTRACTOR_VERSION = CODE_FINGERPRINT[:12]
"""Shown on every page and in the front matter: the first 12 hex digits of the fingerprint."""
