"""The extractor's version: a fingerprint of everything that shapes a converted document.

It covers every module and data file of the package (names and bytes) and the versions of the libraries that
read, fold, date and name the texts. It keys the conversion cache (a change anywhere in the package, in
``pipeline.py`` as much as in ``extract/``, makes the next build convert again) and is printed on every page
as provenance, so that a page says which code made it. :func:`files_digest` also fingerprints what the site
is rendered from (``stamp.site_fingerprint``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

TEXT_LIBRARIES = ("babel", "charset-normalizer", "python-slugify", "snowballstemmer", "PyYAML", "pycountry")
"""The libraries whose behaviour shows in a converted document (dates, encodings, slugs, stems, data files)."""


def files_digest(files: Iterable[tuple[str, Path]], extra: Iterable[str] = ()) -> str:
    """Hash of named files (name, size and bytes of each) and of a few extra strings."""
    digest = hashlib.sha256()
    for text in extra:
        digest.update(f"{text}\0".encode())
    for name, path in files:
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """Hash of the package's files (``*.py`` and ``data/``, by relative name) and of the text libraries' versions."""
    files = sorted(path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    return files_digest(((path.relative_to(package).as_posix(), path) for path in files),
                        [f"{name}=={version(name)}" for name in TEXT_LIBRARIES])


CODE_FINGERPRINT = code_fingerprint()
EXTRACTOR_VERSION = CODE_FINGERPRINT[:12]
"""Shown on every page and in the front matter: the first 12 hex digits of the fingerprint."""
