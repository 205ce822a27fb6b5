"""A meeting's name: tidied to a few words, and the words that tell it from another meeting."""

from __future__ import annotations

import re

from coopsec.data import word_lists
from coopsec.text import fold, tokens

MAX_NAME_WORDS = 18
"""Words: a meeting's name is cut after this many."""
UNDATED_EVENT = "Date du texte"
"""The name of a date read with no cue word (a dateline): an event of the text itself."""

_WORDS = word_lists("meeting-words")
TRAILING = frozenset(_WORDS["trailing"])
"""Small words a name does not end with, nor starts its id with."""
_GENERIC = TRAILING | set(tokens(UNDATED_EVENT)) | {fold(label) for label in _WORDS["event_verbs"]} | set(
    _WORDS["generic"])
_NUMBER = re.compile(r"\d+")


def tidy(name: str) -> str:
    """One-line name of a few words, without a dangling article or quote, capitalised."""
    kept, count = [], 0
    for word in name.split():
        count += any(map(str.isalnum, word))
        if count > MAX_NAME_WORDS:
            break
        kept.append(word)
    while kept and kept[-1].lower().rstrip("'’") in TRAILING:
        kept.pop()
    text = " ".join(kept).strip(" ,;:.-–")
    for opening, closing in (("«", "»"), ('"', '"')):
        if opening in text and not _balanced(text, opening, closing):
            text = text[: text.rindex(opening)].rstrip()
    return text[:1].upper() + text[1:]


def _balanced(text: str, opening: str, closing: str) -> bool:
    if opening == closing:
        return text.count(opening) % 2 == 0
    return text.count(opening) <= text.count(closing)


def distinctive(name: str) -> frozenset[str]:
    """The folded words of a name that are not generic (``réunion``, ``ministres``…) nor small words."""
    return frozenset(t for t in tokens(name) if len(t) > 2 and t not in _GENERIC)


def alike(name: str, other: str) -> bool:
    """Whether ``other`` holds at least half of the distinctive words of ``name``, and no other number: the
    26e and the 27e Conférence régionale are two meetings."""
    words = distinctive(name)
    numbers = [set(_NUMBER.findall(text)) for text in (name, other)]
    return bool(words) and 2 * len(words & distinctive(other)) >= len(words) and (
        not all(numbers) or numbers[0] == numbers[1])
