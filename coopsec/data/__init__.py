"""The package's data: word lists and rule tables (one YAML file per stage, each list saying what it is for)
and the GeoNames extract of towns. A maintainer extends a list in its file, never in the code."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent


@cache
def word_lists(name: str) -> dict[str, Any]:
    """The lists of ``coopsec/data/<name>.yml``, by name; no word a boolean or a number (``on`` unquoted).

    Read once per process (the meeting rules and the names of meetings read the same file): callers only read
    what it returns."""
    path = DATA / f"{name}.yml"
    lists: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, words in lists.items():
        odd = [word for word in words if word is None or isinstance(word, bool | int | float)] if isinstance(
            words, list) else []
        if odd:
            raise ValueError(f"{path}: {key}: {odd[0]!r} n'est pas un mot : l'écrire entre guillemets")
    return lists
