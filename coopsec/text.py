"""Folding and tokenising shared by theme and actor matching and by search.

The same :func:`fold` runs on the texts and on every query, so that
``sécurité``, ``SECURITE`` and ``securite`` meet, and French elisions
(``l'OTAN``, ``d’Alger``, ``qu’il``) are split off.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import snowballstemmer

_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ‘`´]", re.IGNORECASE)
_TOKEN = re.compile(r"[0-9a-z]+")


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: NFKD without combining marks."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _LIGATURES.get(char) or "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        self[code] = folded
        return folded


_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"}
_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, strip accents and ligatures, split elisions; keep word boundaries."""
    return _ELISION.sub(" ", text).translate(_FOLD_TABLE).lower()


def tokens(text: str) -> list[str]:
    """Folded word tokens; hyphens and apostrophes separate words."""
    return _TOKEN.findall(fold(text))


# --- Phrase matching for themes and actors -------------------------------------------------------

STOPWORDS = frozenset(
    {
        "a",
        "au",
        "aux",
        "c",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "j",
        "l",
        "la",
        "le",
        "les",
        "m",
        "n",
        "qu",
        "s",
        "t",
        "un",
        "une",
        "jusqu",
        "lorsqu",
        "puisqu",
        "quoiqu",
    }
)
"""Folded function words ignored by phrase matching (elided forms included)."""

_WORD = re.compile(r"[^\W_]+")
_STEMMER = snowballstemmer.stemmer("french")


@dataclass(frozen=True)
class Word:
    """A content word of a text: its matching key and its span in the text."""

    key: str
    start: int
    end: int


@cache
def stem(word: str) -> str:
    """Key of a common word: French Snowball stem, folded.

    A final plural ``s`` is dropped first, because Snowball does not always give a
    singular and its plural the same stem (``étranger`` / ``étrangers``). So
    ``terroriste``, ``terroristes`` and ``terrorisme`` all give ``terror``, while
    ``terre`` gives ``terr``.
    """
    word = word.lower()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return fold(_STEMMER.stemWord(word))


@cache
def name_key(word: str) -> str:
    """Key of a proper name or demonym: a light French stemmer that only undoes agreement.

    It drops a plural ``s``, then a feminine ``e`` (``-nne`` becomes ``-n``), then the
    ``s`` of ``-ais``/``-ois`` adjectives, so ``marocain(e)(s)``, ``tunisien(ne)(s)``,
    ``français(e)(s)`` and ``belge(s)`` each meet, while ``Alger`` and ``Algérie`` stay apart.
    """
    key = fold(word)
    if len(key) > 3 and key.endswith("s"):
        key = key[:-1]
    if key.endswith("nne"):
        key = key[:-2]
    elif len(key) > 3 and key.endswith("e"):
        key = key[:-1]
    if len(key) > 3 and key.endswith("s"):
        key = key[:-1]
    return key


def words(text: str, key: Callable[[str], str]) -> list[Word]:
    """Content words of ``text`` (stopwords left out), keyed by ``key`` (:func:`stem` or :func:`name_key`)."""
    return [Word(k, match.start(), match.end()) for match in _WORD.finditer(text) for k in _keys(match.group(), key)]


@cache
def _keys(word: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """Keys of one written word: one per content token (``l'OTAN`` gives ``otan``)."""
    pieces = tokens(word)
    return tuple(key(word if len(pieces) == 1 else token) for token in pieces if token not in STOPWORDS)


def phrase(text: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """The key sequence of a thesaurus term or actor name."""
    return tuple(word.key for word in words(text, key))


@dataclass(frozen=True)
class Hit:
    """Where a phrase of an index occurs in a text."""

    ids: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases (key sequences) and the ids they stand for, with the lengths to try at each first key."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]
    lengths: dict[str, tuple[int, ...]]  # first key -> lengths of the phrases starting with it, longest first

    @classmethod
    def of(cls, phrases: dict[tuple[str, ...], tuple[str, ...]]) -> PhraseIndex:
        lengths: dict[str, set[int]] = {}
        for key in phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(phrases, {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()})


def find_phrases(found: list[Word], index: PhraseIndex, overlap: bool = True) -> list[Hit]:
    """Occurrences of the index's phrases (consecutive word keys) in text order.

    With ``overlap`` every phrase is reported; without it, the longest phrase at a
    position wins and matching resumes after it (``Guinée équatoriale`` is not also ``Guinée``).
    """
    hits: list[Hit] = []
    position = 0
    while position < len(found):
        step = 1
        for length in index.lengths.get(found[position].key, ()):
            if position + length > len(found):
                continue
            ids = index.phrases.get(tuple(word.key for word in found[position : position + length]))
            if ids:
                hits.append(Hit(ids, found[position].start, found[position + length - 1].end))
                if not overlap:
                    step = length
                    break
        position += step
    return hits


def excerpt(text: str, start: int, end: int, width: int = 200) -> str:
    """About ``width`` characters of ``text`` around ``[start, end)``, cut between words, with ellipses."""
    text = re.sub(r"\s", " ", text)
    margin = max(0, (width - (end - start)) // 2)
    left, right = max(0, start - margin), min(len(text), end + margin)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        cut = text.rfind(" ", end, right)
        right = cut if cut != -1 else right
    middle = re.sub(r" {2,}", " ", text[left:right]).strip()
    return ("…" if left > 0 else "") + middle + ("…" if right < len(text) else "")
