"""Offline full-text search: the index shards and the search page.

The index is written as plain scripts (``data/search/…js``) that call
``window.coopsecSearch.addShard({...})``, because browsers refuse ``fetch()``
from ``file://``. ``docs/assets/search.js`` loads them lazily and applies the
same :func:`terms` analysis to the query; both sides must stay identical
(``tests/test_search.py`` runs the JavaScript with node to check it).

Layout under ``docs/data/search/``:

- ``docs.js``: document table (page, title, subtitle, first unit), text chunk
  starts and the list of index shard keys;
- ``i/<key>.js``: inverted index for the terms starting with ``key`` (their
  first two characters), postings as base-36 deltas of unit numbers;
- ``t/<n>.js``: unit texts (anchor and plain text) for the excerpts.

A unit is one searchable paragraph (or list item, or heading) of a document,
or the document's metadata (title, type, date, place, body, references).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from coopsec.model import Document, plain
from coopsec.text import tokens
from coopsec.write.markdown import SEARCH_PAGE, document_path

SEARCH_DIR = "data/search"
KEY_LENGTH = 2
CHUNK_CHARS = 48_000
MIN_STEM = 3

# fmt: off
STOPWORDS = frozenset({
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles",
    "en", "est", "et", "etre", "il", "ils", "la", "le", "les", "leur", "leurs", "lui", "mais", "ne",
    "nous", "on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses",
    "son", "sont", "sur", "un", "une", "vous", "the", "of", "and", "to", "in",
})
"""Folded words too common to index or to search for."""
# fmt: on

_PLURAL = (("ss", "ss"), ("eaux", "eau"), ("aux", "al"), ("s", ""))
_SUFFIXES = (
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


def stem(token: str) -> str:
    """Light French stem of a folded token: plurals, feminines, -isme/-iste."""
    if not token.isalpha():
        return token
    return _strip(_strip(token, _PLURAL), _SUFFIXES)


def _strip(token: str, rules: tuple[tuple[str, str], ...]) -> str:
    """Apply the first rule whose suffix ends ``token``, if the stem stays long enough."""
    for suffix, replacement in rules:
        if token.endswith(suffix):
            base = token[: -len(suffix)]
            return base + replacement if len(base) >= MIN_STEM else token
    return token


def terms(text: str) -> list[str]:
    """Search terms of a text or query: folded tokens, minus stopwords and single characters, stemmed."""
    return [term for term in map(_term, tokens(text)) if term]


@cache
def _term(token: str) -> str:
    """The search term of a folded token, empty for a stopword or a single character (cached: few distinct)."""
    return "" if len(token) < 2 or token in STOPWORDS else stem(token)


@dataclass
class Unit:
    """One searchable piece of a document."""

    doc: int  # index in the sorted document list
    anchor: str  # paragraph anchor; empty for the document's metadata
    text: str  # plain text shown in excerpts
    indexed: str  # text whose terms are indexed


def search_files(docs: list[Document]) -> dict[str, str]:
    """The search page and the index scripts, as ``{path under docs/: content}``."""
    docs = sorted(docs, key=lambda doc: doc.slug)
    units = [unit for index, doc in enumerate(docs) for unit in _units(index, doc)]
    files = {SEARCH_PAGE: search_page()}
    chunks = _chunks(units)
    for number, (start, end) in enumerate(chunks):
        files[f"{SEARCH_DIR}/t/{number}.js"] = _script(
            {"kind": "text", "id": number, "start": start, "units": [[u.anchor, u.text] for u in units[start:end]]}
        )
    shards = _shards(_postings(units))
    for key, postings in shards.items():
        files[f"{SEARCH_DIR}/i/{key}.js"] = _script({"kind": "index", "key": key, "terms": postings})
    files[f"{SEARCH_DIR}/docs.js"] = _script(
        {
            "kind": "docs",
            "units": len(units),
            "docs": _doc_table(docs, units),
            "chunks": [start for start, _ in chunks],
            "shards": sorted(shards),
        }
    )
    return files


def _units(index: int, doc: Document) -> list[Unit]:
    """The metadata unit, then one unit per anchored block; headings lead to the next anchor."""
    meta = doc.meta
    summary = " — ".join(
        part for part in (meta.title, meta.doc_type, meta.date_text, meta.place, meta.issuing_body) if part
    )
    references = [ref for part in doc.parts for ref in part.references] + meta.references
    extra = [part.title for part in doc.parts] + references + meta.participants
    units = [Unit(index, "", summary, " ".join([summary, *extra]))]
    headings: list[str] = []
    for block in doc.blocks():
        text = plain(block.text).strip()
        if not block.anchor:
            headings.append(text)
            continue
        for heading in headings:
            units.append(Unit(index, block.anchor, heading, heading))
        headings = []
        units.append(Unit(index, block.anchor, text, text))
    return units


def _postings(units: list[Unit]) -> dict[str, list[int]]:
    """Term -> sorted unit numbers."""
    postings: dict[str, list[int]] = defaultdict(list)
    for number, unit in enumerate(units):
        for term in dict.fromkeys(terms(unit.indexed)):
            postings[term].append(number)
    return postings


def _shards(postings: dict[str, list[int]]) -> dict[str, dict[str, str]]:
    """Group the postings by term prefix, each list encoded as base-36 deltas."""
    shards: dict[str, dict[str, str]] = defaultdict(dict)
    for term in sorted(postings):
        shards[term[:KEY_LENGTH]][term] = _encode(postings[term])
    return shards


def _encode(numbers: list[int]) -> str:
    """Comma-separated base-36 gaps between sorted numbers (the first from 0)."""
    return ",".join(map(_base36, [number - previous for previous, number in pairwise([0, *numbers])]))


@cache
def _base36(number: int) -> str:
    """``number`` in base 36 (cached: most gaps are small and repeat)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def _chunks(units: list[Unit]) -> list[tuple[int, int]]:
    """Consecutive unit ranges of about CHUNK_CHARS characters of text."""
    chunks = []
    start = size = 0
    for number, unit in enumerate(units):
        if size and size + len(unit.text) > CHUNK_CHARS:
            chunks.append((start, number))
            start, size = number, 0
        size += len(unit.text) + len(unit.anchor)
    if start < len(units):
        chunks.append((start, len(units)))
    return chunks


def _doc_table(docs: list[Document], units: list[Unit]) -> list[list[str | int]]:
    """[page URL from the site root, title, subtitle, first unit] per document."""
    first: dict[int, int] = {}
    for number, unit in enumerate(units):
        first.setdefault(unit.doc, number)
    return [
        [
            document_path(doc.slug).removesuffix(".md") + ".html",
            doc.meta.title or doc.slug,
            " · ".join(part for part in (doc.meta.doc_type, doc.meta.date_text, doc.meta.place) if part),
            first[index],
        ]
        for index, doc in enumerate(docs)
    ]


def _script(data: dict) -> str:
    """A script that hands ``data`` to the search code; safe inside any HTML page."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.coopsecSearch.addShard({payload});\n"


def search_page() -> str:
    """Markdown of the full results page; search.js fills it from ``?q=``."""
    return """---
title: Recherche
---

# Recherche dans le corpus

<form class="coopsec-page-form" role="search" action="recherche.html" method="get">
<label for="coopsec-page-q">Mots, référence ou lieu à rechercher</label>
<input id="coopsec-page-q" name="q" type="search" autocomplete="off" spellcheck="false">
<button type="submit">Rechercher</button>
</form>

<p id="coopsec-page-status" class="coopsec-status" role="status" aria-live="polite"></p>
<ol id="coopsec-page-results" class="coopsec-results"></ol>

<noscript><p>La recherche fonctionne avec JavaScript activé.</p></noscript>

La recherche ignore les accents, les majuscules, les élisions (« l’OTAN ») et les traits d’union ;
« terroriste » trouve aussi « terrorisme » et « terroristes ». Tous les mots demandés doivent figurer
dans le même paragraphe ; une référence comme « 12838/23 » trouve le document qui la porte.
"""
