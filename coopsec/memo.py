"""Pieces of generated output kept from one build to the next, by a digest of what each is made from.

A writer asks for a piece with the values it is made from (:meth:`Memo.get`); when the last build made a piece
from the same values, with the same code (:data:`coopsec.version.CODE_FINGERPRINT`), it is given back as it was
instead of being made again. The memo keeps only the pieces the last build used, so it does not grow. Speed
only: the output is the same without it (``tests/test_memo.py``; its figure in ``benchmarks/README.md``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .version import CODE_FINGERPRINT


@dataclass
class Memo:
    """The pieces of the last build (``known``) and those of this one (``used``), by digest of their values."""

    known: dict[str, str] = field(default_factory=dict)
    used: dict[str, str] = field(default_factory=dict)

    def get(self, values: object, make: Callable[[], str]) -> str:
        """The piece made by ``make`` from ``values``, whose ``repr`` must show everything the piece depends on
        (plain data: dataclasses, strings, numbers, dates, and the versions of the libraries ``make`` calls)."""
        key = hashlib.sha256(repr(values).encode()).hexdigest()
        piece = self.known[key] if key in self.known else make()
        self.used[key] = piece
        return piece

    @classmethod
    def load(cls, path: Path) -> Memo:
        """The memo a build left at ``path``: empty when there is none, it is unreadable or of other code."""
        try:
            with path.open("rb") as stream:
                code, pieces = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            return cls()  # AttributeError, ImportError: a piece of a class the code no longer has
        return cls(pieces) if code == CODE_FINGERPRINT and isinstance(pieces, dict) else cls()

    def save(self, path: Path) -> None:
        """Keep the pieces this build used for the next one (written aside, then moved into place)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump((CODE_FINGERPRINT, self.used), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
