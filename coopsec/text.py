"""The analysis of French text, in one module: folding and tokenising shared by theme and actor matching and
by search, then the stop words and stems of each (search: a light stemmer that search.js applies from the same
data; matching: Snowball).

The same :func:`fold` runs on the texts and on every query, so that
``sécurité``, ``SECURITE`` and ``securite`` meet, and French elisions
(``l'OTAN``, ``d’Alger``, ``qu’il``) are split off.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, repeat
from typing import NamedTuple, TypeVar

import snowballstemmer

_TOKEN = re.compile(r"[0-9a-z]+")
_WHITE = re.compile(r"\s")
_SPACES = re.compile(r" {2,}")


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: NFKD without combining marks."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _LIGATURES.get(char) or "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        self[code] = folded
        return folded


LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
             "ß": "ss", "ı": "i"}
"""Ligatures and stroked letters that NFKD does not decompose, written out (``Bodø``, ``Łódź``, ``Straße``)."""
_LIGATURES = LIGATURES
_FOLD_TABLE = _FoldTable()


ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
"""Words French writes elided before an apostrophe (``l'``, ``qu'``, ``jusqu'``): split off by :func:`fold`."""
APOSTROPHES = "'’ʼ‘`´"
"""The characters taken for an apostrophe."""

_ELISION_REVERSED = re.compile(
    f"[{APOSTROPHES}](?:{'|'.join(word[::-1] for word in ELIDED)})\\b", re.IGNORECASE)
"""An elided word and its apostrophe (``l'``, ``qu'``, ``jusqu'``) in the reversed text: opening with the
apostrophe, the pattern is much faster to scan for than its forward form, which opens with ``\b``."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def loose(words: str) -> str:
    """A regex for ``words`` that also accepts them without their accents, a space or a hyphen between them."""
    parts = []
    for char in words:
        base = unicodedata.normalize("NFKD", char)[0]
        parts.append("[ -]" if char in " -" else f"[{char}{base}]" if base != char else re.escape(char))
    return "".join(parts)


def fold(text: str) -> str:
    """Lowercase, strip accents and ligatures, split elisions; keep word boundaries."""
    text = _ELISION_REVERSED.sub(" ", text[::-1])[::-1]
    if not text.isascii():  # only the non-ASCII runs go through the (slower) fold table
        text = _NON_ASCII.sub(lambda run: run.group().translate(_FOLD_TABLE), text)
    return text.lower()


def tokens(text: str) -> list[str]:
    """Folded word tokens; hyphens and apostrophes separate words."""
    return _TOKEN.findall(fold(text))


# --- Search: the analysis of the index and of every query (search.js reads it as data) -----------------

MIN_STEM = 3
"""Letters a search stem keeps at least."""
MIN_TERM = 2
"""Letters of the shortest token indexed or searched."""

# fmt: off
SEARCH_STOPWORDS = frozenset({
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles",
    "en", "est", "et", "etre", "il", "ils", "la", "le", "les", "leur", "leurs", "lui", "mais", "ne",
    "nous", "on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses",
    "son", "sont", "sur", "un", "une", "vous", "the", "of", "and", "to", "in",
})
"""Folded words too common to index or to search for (search; phrase matching has :data:`STOPWORDS`)."""
# fmt: on

SEARCH_PLURALS = (("ss", "ss"), ("eaux", "eau"), ("aux", "al"), ("s", ""))
"""Plural endings a search stem drops first, the first that ends the token: (ending, replacement)."""
SEARCH_SUFFIXES = (
    ("isme", ""),
    ("iste", ""),
    ("ee", "e"),
    ("ere", "er"),
    ("elle", "el"),
    ("enne", "en"),
    ("ive", "if"),
    ("euse", "eux"),
    ("ale", "al"),
    ("ie", "i"),
    ("ue", "u"),
)
"""Feminine and -isme/-iste endings a search stem then drops, the first that ends the token."""


@cache
def search_stem(token: str) -> str:
    """Light French stem of a folded token for search: plurals, feminines, -isme/-iste (search.js applies the
    same rules, sent as data by ``publish.search.analysis``; cached: the index stems every word it counts)."""
    if not token.isalpha():
        return token
    return _strip(_strip(token, SEARCH_PLURALS), SEARCH_SUFFIXES)


def _strip(token: str, rules: tuple[tuple[str, str], ...]) -> str:
    """Apply the first rule whose suffix ends ``token``, if the stem stays long enough."""
    for suffix, replacement in rules:
        if token.endswith(suffix):
            base = token[: -len(suffix)]
            return base + replacement if len(base) >= MIN_STEM else token
    return token


def search_terms(text: str) -> list[str]:
    """Search terms of a text or query: folded tokens, minus stopwords and single characters, stemmed."""
    return [term for term in map(_search_term, tokens(text)) if term]


def search_words(text: str) -> list[str]:
    """The folded tokens of ``text`` that give a search term, unstemmed (the exact forms)."""
    return [token for token in tokens(text) if _search_term(token)]


@cache
def _search_term(token: str) -> str:
    """The search term of a folded token, empty for a stopword or a single character (cached: few distinct)."""
    return "" if len(token) < MIN_TERM or token in SEARCH_STOPWORDS else search_stem(token)



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

_WORD_SPLIT = re.compile(r"([^\W_]+)")
_STEMMER = snowballstemmer.stemmer("french")


@dataclass(frozen=True)
class Words:
    """The content words of a text: their matching keys, and where each one starts and ends in the text."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


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


def words(text: str, key: Callable[[str], str]) -> Words:
    """Content words of ``text`` (stopwords left out), keyed by ``key`` (:func:`stem` or :func:`name_key`)."""
    written, starts, ends = _written_words(text)
    per_word = list(map(_key_table(key).__getitem__, written))  # no key for a stopword, several rarely
    keys = list(chain.from_iterable(per_word))
    kept = list(compress(starts, per_word))  # the start of each word with keys
    if len(kept) == len(keys):  # the usual case: no word has several keys
        return Words(keys, kept, list(compress(ends, per_word)))
    counts = list(map(len, per_word))
    return Words(keys, _repeated(starts, counts), _repeated(ends, counts))


def _repeated(values: tuple[int, ...], counts: list[int]) -> list[int]:
    """Each value as many times as its count says."""
    return list(chain.from_iterable(map(repeat, values, counts)))


@lru_cache(maxsize=2)
def _written_words(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The written words of ``text``, their starts and their ends, kept for the next matcher on the same text."""
    pieces = _WORD_SPLIT.split(text)  # separator, word, separator, word, …, separator
    bounds = (0, *accumulate(map(len, pieces)))  # where each piece starts, then the end of the text
    return tuple(pieces[1::2]), bounds[1:-1:2], bounds[2::2]


class _KeyTable(dict[str, tuple[str, ...]]):
    """Keys of each written word under one key function, filled on first sight of the word."""

    def __init__(self, key: Callable[[str], str]):
        super().__init__()
        self.key = key

    def __missing__(self, word: str) -> tuple[str, ...]:
        """One key per content token (``l'OTAN`` gives ``otan``)."""
        pieces = tokens(word)
        keys = tuple(self.key(word if len(pieces) == 1 else token) for token in pieces if token not in STOPWORDS)
        self[word] = keys
        return keys


@cache
def _key_table(key: Callable[[str], str]) -> _KeyTable:
    """The one key table of ``key``."""
    return _KeyTable(key)


def phrase(text: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """The key sequence of a thesaurus term or actor name."""
    return tuple(words(text, key).keys)


class Hit(NamedTuple):
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


def find_phrases(found: Words, index: PhraseIndex, overlap: bool = True, breaks: Iterable[int] = ()) -> list[Hit]:
    """Occurrences of the index's phrases (consecutive word keys) in text order.

    With ``overlap`` every phrase is reported; without it, the longest phrase at a
    position wins and matching resumes after it (``Guinée équatoriale`` is not also ``Guinée``).
    ``breaks`` are the positions in ``found.keys``, in order, where a new text starts: no phrase runs over one.
    """
    keys = found.keys
    limits = iter((*breaks, len(keys)))
    limit = next(limits)  # where the text of the current position ends
    hits: list[Hit] = []
    resume = 0  # without overlap, the first position after the last hit
    for position in compress(range(len(keys)), map(index.lengths.__contains__, keys)):  # where a phrase may start
        if position < resume:
            continue
        while position >= limit:
            limit = next(limits)
        for length in index.lengths[keys[position]]:
            if position + length > limit:
                continue
            ids = index.phrases.get(tuple(keys[position : position + length]))
            if ids:
                hits.append(Hit(ids, found.starts[position], found.ends[position + length - 1]))
                if not overlap:
                    resume = position + length
                    break
    return hits


def excerpt(text: str, start: int, end: int, width: int = 200) -> str:
    """About ``width`` characters of ``text`` around ``[start, end)``, cut between words, with ellipses."""
    if not text.isprintable():  # every white space character but the plain space is unprintable
        text = _WHITE.sub(" ", text)
    margin = (width - end + start) // 2
    left, right, size = start - margin, end + margin, len(text)
    if margin < 0:  # a phrase longer than the width: the phrase alone
        left, right = start, end
    left = (text.find(" ", left, start) + 1 or left) if left > 0 else 0
    if right < size:
        cut = text.rfind(" ", end, right)
        right = cut if cut != -1 else right
    else:
        right = size
    middle = text[left:right]
    if "  " in middle:
        middle = _SPACES.sub(" ", middle)
    return ("…" if left else "") + middle.strip() + ("…" if right < size else "")


_WORD = re.compile(r"[^\W_]+")
_T = TypeVar("_T")


class _Memo(dict[str, _T]):
    """A function of short strings (words), remembered: a corpus writes the same words again and again. A dict
    read in C (``memo[word]``, ``map(memo.__getitem__, words)``), with none of the per-entry lists
    ``lru_cache`` keeps for the garbage collector to walk; forgotten at once when full."""

    def __init__(self, function: Callable[[str], _T], size: int = 1 << 16) -> None:
        super().__init__()
        self.function, self.size = function, size

    def __missing__(self, key: str) -> _T:
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.function(key)
        return value


_fold_word = _Memo(fold)
""":func:`fold` of one word."""


def folded_words(text: str) -> str:
    """``" ".join(fold(text).split())``, one whitespace-separated word at a time from a memo: folding never
    reads across white space (an elision opens a word, a letter's fold and its case are its own), and a text
    writes the same words again and again (40 % less time on paragraphs)."""
    return " ".join(filter(None, map(_folded_word.__getitem__, text.split())))


def _fold_collapsed(word: str) -> str:
    """:func:`fold` of one word, its white space (an elision's) collapsed: ``l'Union`` -> ``union``."""
    return " ".join(fold(word).split())


_folded_word = _Memo(_fold_collapsed)


def _words_and_folds(token: str) -> tuple[tuple[str, str], ...]:
    """The words of one whitespace-separated token, each with its fold: counting tokens, then reading each
    distinct one once, is a third faster than reading every word of a text (0.1 s a 1,000 texts)."""
    return tuple((word, _fold_word[word]) for word in _WORD.findall(token))


_token_words = _Memo(_words_and_folds)


_SENTENCE_OPENING = re.compile(r"[.!?:;«»\"]\s{0,2}([^\W_]+)")
"""A word that opens a sentence (after a stop, a colon, a quote)."""


def spellings(texts: Iterable[str], prefer_lower: bool = False, of: str = "") -> dict[str, str]:
    """How a document spells each word in its text not written in capitals: folded word -> the spelling met
    most often inside a sentence (``conference`` -> ``conférence``, ``khartoum`` -> ``Khartoum``, ``otan`` ->
    ``OTAN``). With ``prefer_lower``, a spelling in lower case wins whenever the text has one (a text that
    writes ``la Conférence`` and ``cette conférence`` spells the common noun ``conférence``). With ``of``, only
    the spellings of that text's words (a heading's) are weighed, which halves the time on a long text."""
    joined = " . ".join(text for text in texts if not text.isupper())  # each text opens a sentence
    wanted = {_fold_word[word] for word in _WORD.findall(of)} if of else None
    counts: dict[str, dict[str, int]] = {}  # folded word -> spelling -> times written
    for token, times in Counter(joined.split()).items():  # each distinct token read once
        for word, key in _token_words[token]:
            if wanted is None or key in wanted:
                found = counts.setdefault(key, {})
                found[word] = found.get(word, 0) + times
    # a capital that only opens a sentence says nothing of the word
    openings = _SENTENCE_OPENING.findall(joined)
    if first := _WORD.match(joined.lstrip()):
        openings.append(first.group())
    for word in openings:
        if word[:1].isupper() and (spelt := counts.get(_fold_word[word])) and word in spelt:
            spelt[word] -= 1
    counts = {key: kept for key, spelt in counts.items()
              if (kept := {word: n for word, n in spelt.items() if n > 0 and not (len(word) < 2 and word.isupper())})}
    if prefer_lower:
        return {key: max(found, key=lambda w: (w.islower(), found[w], w)) for key, found in counts.items()}
    return {key: max(found, key=lambda w: (found[w], w)) for key, found in counts.items()}


def sentence_case(text: str, spelled: dict[str, str]) -> str:
    """``text`` written in capitals as a sentence: each word spelled as ``spelled`` has it (see
    :func:`spellings`), a word with a digit kept (``G5``), any other word in lower case; the first letter a
    capital. Text not in capitals is returned as it is."""
    if not text.isupper():
        return text

    def spell(match: re.Match[str]) -> str:
        word = match.group()
        if any(map(str.isdigit, word)):
            return word
        return spelled.get(_fold_word[word], word.lower())

    number = HEADING_NUMBER.match(text)
    lead = number.group() if number else ""
    cased = _WORD.sub(spell, text[len(lead):])
    return lead + cased[:1].upper() + cased[1:]


HEADING_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+|[A-Z])[.)]\s+")
"""A heading's number (``II. ``, ``3) ``, ``B. ``), kept as written before the words are cased."""
