"""What changed since the last build: converted documents keyed on content and extractor version.

A document is reconverted only when its text, its override file, the
extractor version or the extraction code changed; everything else comes
back from ``.cache/``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .model import EXTRACTOR_VERSION, Document


def _code_fingerprint() -> str:
    """Hash of the model and extraction code, so that any change to them invalidates the cache."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in [package / "model.py", *sorted((package / "extract").glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


CODE_FINGERPRINT = _code_fingerprint()


def conversion_key(name: str, text_path: Path, override_path: Path) -> str:
    """Hash of the text's name and bytes, its override's bytes and the extractor version."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}\0{CODE_FINGERPRINT}\0{name}".encode())
    for path in (text_path, override_path):
        digest.update(b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ConversionCache:
    """Converted documents stored as pickles under one folder, one file per key."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Document | None:
        path = self.directory / f"{key}.pickle"
        try:
            with path.open("rb") as stream:
                doc = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def put(self, key: str, doc: Document) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.directory / f".{key}.{os.getpid()}.tmp"
        with temporary.open("wb") as stream:
            pickle.dump(doc, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.directory / f"{key}.pickle")

    def prune(self, keep: set[str]) -> None:
        """Forget documents that are no longer in the corpus."""
        for path in self.directory.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
