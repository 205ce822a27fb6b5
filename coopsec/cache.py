"""What changed since the last build: processed documents keyed on content, thesauri and code.

A document is processed again (converted and enriched) only when its text,
its override file, the thesauri (themes.yml, actors.yml), or any code or data
of the package or a text library's version changed (:mod:`.version`);
everything else comes back from ``.cache/``; an unreadable entry is converted
again, and the build says so. (Whether the site must be rendered again is :mod:`.stamp`'s.)
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .model import Document
from .version import CODE_FINGERPRINT


def conversion_key(name: str, text_path: Path, override_path: Path, thesauri: str = "") -> str:
    """Hash of the text's name and bytes, its override's bytes, the thesauri and the code (see :mod:`.version`)."""
    digest = hashlib.sha256(f"{CODE_FINGERPRINT}\0{thesauri}\0{name}".encode())
    for path in (text_path, override_path):
        digest.update(b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ConversionCache:
    """Converted documents stored as pickles under one folder, one file per key."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.unreadable: list[Path] = []
        """Entries found but not readable (truncated, corrupt, of other code): dropped, to be converted again."""

    def get(self, key: str) -> Document | None:
        path = self.directory / f"{key}.pickle"
        try:
            with path.open("rb") as stream:
                doc = pickle.load(stream)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            self.unreadable.append(path)
            path.unlink(missing_ok=True)
            return None
        if not isinstance(doc, Document):
            self.unreadable.append(path)
            path.unlink(missing_ok=True)
            return None
        return doc

    def put(self, key: str, doc: Document) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.directory / f".{key}.{os.getpid()}.tmp"
        with temporary.open("wb") as stream:
            pickle.dump(doc, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.directory / f"{key}.pickle")

    def prune(self, keep: set[str]) -> None:
        """Forget documents that are no longer in the corpus, and entries a killed build left half written."""
        for path in self.directory.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
        for path in self.directory.glob(".*.tmp"):
            path.unlink(missing_ok=True)

