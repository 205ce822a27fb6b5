"""Offline full-text search: the index shards and the search page.

The index is written as plain scripts (``data/search/…js``) that call
``window.coopsecSearch.addShard({...})``, because browsers refuse ``fetch()``
from ``file://``. ``docs/assets/search.js`` loads them lazily and applies the
same analysis (:func:`coopsec.text.search_terms`) to the query; both sides must stay identical
(``tests/test_search.py`` runs the JavaScript with node to check it).

Layout under ``docs/data/search/``:

- ``docs.js``, loaded when the reader focuses a search box: each document's first unit (base-36 gaps), text
  chunk starts, the index shard keys with their sizes in bytes (search.js expands a partly typed word only
  when the shards it needs are small enough), the pair shard keys, the query analysis (:func:`analysis`: elisions,
  stopwords, stemming rules, shard key length; search.js has no copy of them) and the ranking constants; a few
  tens of kilobytes at 10,000 documents (the titles are in the text chunks);
- ``i/<key>.js``: inverted index for the terms starting with ``key``: their first two characters, or more
  where the terms sharing them would make a shard above :data:`SHARD_BYTES` (:func:`_shard_keys`: ``coo``,
  ``cop``… instead of ``co``; a term takes the longest key it begins with). Each posting is a base-36 delta
  of unit numbers followed by one capital letter, the unit's BM25F term weight quantized
  (:func:`_impacts`); the document frequency is the posting count. ``forms``
  lists, for a stem written otherwise than as itself, the units of each folded
  form (``""``: all the stem's units), so that an exact word ranks above its
  inflections;
- ``p/<key>.js``: the units where two search terms follow each other in a field (stopwords left out, as in
  :func:`coopsec.text.search_terms`), ``"a b"`` -> comma-separated base-36 gaps, grouped by :func:`pair_key`;
  loaded only for a quoted phrase, whose pairs they check without reading the text (a phrase of three words or more is
  then checked on the text of the few units holding all its pairs);
- ``t/<n>.js``: unit texts (anchor and plain text) for the excerpts, and the page, title and subtitle of each
  document with a unit in the chunk.

Documents are numbered in the order of their slugs: the results page's filters, whose facet data names
documents by slug, rely on it.

A unit is one searchable paragraph (or list item, or heading) of a document,
or the document's metadata (title, type, date, place, body, references). A word written with hyphens is a
term of its unit also joined (:func:`compounds`: « cyber-défense » is found by « cyberdefense »).

Ranking is BM25F: a unit's fields (the title and the other metadata of the
metadata unit, a heading, a paragraph) are weighted by :data:`FIELD_WEIGHTS`
and length-normalised against the mean length of their kind, then saturated
with ``k1``; this weight is computed here, once, and search.js multiplies it by
the term's idf. The query logic itself is in search.js only, run by node for
``python -m benchmarks.search`` and for ``tests/js``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, TypedDict

from coopsec import doctypes
from coopsec.extract.document_date import document_date_fr
from coopsec.model import Document, SearchUnit, plain
from coopsec.text import (
    APOSTROPHES,
    ELIDED,
    LIGATURES,
    MIN_STEM,
    MIN_TERM,
    SEARCH_PLURALS,
    SEARCH_STOPWORDS,
    SEARCH_SUFFIXES,
    fold,
    search_stem,
    search_words,
)
from coopsec.write.markdown import SEARCH_PAGE, base36, document_path

SEARCH_DIR = "data/search"
KEY_LENGTH = 2
SHARD_BYTES = 200_000  # an index shard larger than this is split by one more letter of its terms (_shard_keys)
PAIR_KEY_LENGTH = 1  # letters of the second term added to the first's KEY_LENGTH in a pair shard's key
CHUNK_CHARS = 48_000

K1 = 1.2
B = 0.6
LEVELS = 26  # BM25F weights are stored as one letter, A (1/26 of the maximum) to Z
FIELD_WEIGHTS = {"title": 4.0, "meta": 1.5, "heading": 2.5, "text": 1.0}
"""BM25F weight of a field: a word of the title counts four times a word of a paragraph."""

def analysis() -> dict[str, Any]:
    """The query analysis as data, for search.js: its one definition is in coopsec/text.py."""
    return {
        "elided": list(ELIDED),
        "apostrophes": APOSTROPHES,
        "ligatures": LIGATURES,
        "stopwords": sorted(SEARCH_STOPWORDS),
        "plural": [list(rule) for rule in SEARCH_PLURALS],
        "suffixes": [list(rule) for rule in SEARCH_SUFFIXES],
        "minStem": MIN_STEM,
        "minTerm": MIN_TERM,
        "keyLength": KEY_LENGTH,
        "pairKeyLength": PAIR_KEY_LENGTH,
    }


def ranking() -> dict[str, float]:
    """The constants search.js needs to turn the stored weights into BM25 scores."""
    return {"k1": K1, "b": B, "levels": LEVELS}


def search_files(docs: list[Document]) -> dict[str, str]:
    """The search page and the index scripts, as ``{path under docs/: content}``: the documents' shares
    (:func:`search_units`, analysed once per text and cached with it) merged and ranked over the corpus."""
    docs = sorted(docs, key=lambda doc: doc.slug)
    numbered = [(index, unit) for index, doc in enumerate(docs) for unit in doc.search or search_units(doc)]
    units = [unit for _, unit in numbered]
    files = {SEARCH_PAGE: search_page()}
    chunks = _chunks(units)
    rows = _doc_rows(docs)
    for number, (start, end) in enumerate(chunks):
        held = sorted({index for index, _ in numbered[start:end]})
        files[f"{SEARCH_DIR}/t/{number}.js"] = _script(
            {"kind": "text", "id": number, "start": start, "units": [[u.anchor, u.text] for u in units[start:end]],
             "docs": [[doc, *rows[doc]] for doc in held]}
        )
    postings, forms = _postings(units)
    shards = _shards(postings, forms)
    sizes = {}
    for key, shard in sorted(shards.items()):
        files[f"{SEARCH_DIR}/i/{key}.js"] = _script({"kind": "index", "key": key, **shard})
        sizes[key] = len(files[f"{SEARCH_DIR}/i/{key}.js"].encode())
    pairs = _pair_shards(units)
    for key, encoded in pairs.items():
        files[f"{SEARCH_DIR}/p/{key}.js"] = _script({"kind": "pairs", "key": key, "pairs": encoded})
    files[f"{SEARCH_DIR}/docs.js"] = _script(
        {
            "kind": "docs",
            "units": len(units),
            "first": _encode(_first_units([index for index, _ in numbered])),
            "chunks": [start for start, _ in chunks],
            "shards": sizes,
            "pairs": sorted(pairs),
            "analysis": analysis(),
            "ranking": ranking(),
        }
    )
    return files


def search_units(doc: Document) -> list[SearchUnit]:
    """A document's share of the index: the metadata unit, then one unit per anchored block (headings are a
    field of the block they lead to), each field analysed. It depends on the text alone (its conversion), so
    the pipeline computes it once per text and keeps it in the conversion cache (``Document.search``)."""
    meta = doc.meta
    summary = " — ".join(
        part for part in (meta.title, meta.doc_type, meta.date_text, meta.place, meta.issuing_body) if part
    )
    references = [ref for part in doc.parts for ref in part.references] + meta.references
    extra = [part.title for part in doc.parts] + references + meta.participants
    rest = " ".join(part for part in (meta.doc_type, meta.date_text, meta.place, meta.issuing_body) if part)
    units = [_analysed("", summary, {"title": meta.title or "", "meta": " ".join([rest, *extra])})]
    headings: list[str] = []
    for block in doc.blocks():
        text = plain(block.text).strip()
        if not block.anchor:
            headings.append(text)
            continue
        fields = {"heading": " ".join(headings), "text": text} if headings else {"text": text}
        headings = []
        units.append(_analysed(block.anchor, text, fields))
    return units


def _analysed(anchor: str, text: str, fields: dict[str, str]) -> SearchUnit:
    """A unit with its fields' terms (stems, in order), its distinct words with their terms and its distinct
    pairs of consecutive terms, each as one string: the merge splits them without analysing the text again."""
    terms: dict[str, str] = {}
    forms: dict[str, str] = {}
    pairs: set[str] = set()
    for kind, words in fields.items():
        found = search_words(words)
        stems = [search_stem(form) for form in found]
        terms[kind] = " ".join(stems)
        forms.update(zip(found, stems, strict=True))
        pairs.update(f"{first} {second}" for first, second in pairwise(stems))
        if joined := compounds(words):
            stems = [search_stem(form) for form in joined]
            terms[kind + JOINED] = " ".join(stems)
            forms.update(zip(joined, stems, strict=True))
    return SearchUnit(anchor, text, terms, " ".join(f"{form} {stem}" for form, stem in forms.items()),
                      "\n".join(sorted(pairs)))


JOINED = "+"
"""Suffix of the kind of the extra field of a unit's field holding its joined compounds (:func:`compounds`):
``text+``; they take the field's weight and its length, which they do not lengthen."""
_COMPOUND = re.compile(r"(?<![0-9a-z])[a-z]+(?:-[a-z]+)+(?![0-9a-z])")


def compounds(text: str) -> list[str]:
    """The words written with a hyphen, joined (« cyber-défense » -> ``cyberdefense``), each also a term of its
    field beside its parts, so that the word typed in one piece finds it; the pairs and phrases see only the parts."""
    return [joined for match in _COMPOUND.findall(fold(text)) if search_words(joined := match.replace("-", ""))]


Postings = dict[str, list[tuple[int, int]]]


class Shard(TypedDict, total=False):
    """One index shard: the encoded postings of its terms, and the forms of its stems written several ways."""

    terms: dict[str, str]
    forms: dict[str, dict[str, str]]


def _postings(units: list[SearchUnit]) -> tuple[Postings, dict[str, dict[str, list[int]]]]:
    """Term -> [(unit number, quantized BM25F weight)], and stem -> folded form -> unit numbers, from the terms
    of each field of each unit and its words."""
    postings: Postings = defaultdict(list)
    forms: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for number, weights in enumerate(_impacts(units)):
        for term, weight in weights.items():
            postings[term].append((number, weight))
        words = iter(units[number].forms.split())
        for form, stem in zip(words, words, strict=True):
            forms[stem][form].append(number)
    # a stem written only as itself needs no list: its one form is the stem
    written = {term: found for term, found in forms.items() if list(found) != [term]}
    return postings, written


@dataclass
class _Counts:
    """The terms of one field of a unit, counted."""

    terms: dict[str, int]  # term -> occurrences in the field
    length: int  # terms in the field


def _counts(terms: str) -> _Counts:
    """A field's counts from its terms (:attr:`coopsec.model.SearchUnit.fields`)."""
    found = terms.split()
    return _Counts(dict(Counter(found)), len(found))


def _impacts(units: list[SearchUnit]) -> list[dict[str, int]]:
    """Per unit, term -> BM25F weight quantized to 1..LEVELS.

    ``tf~ = sum over fields of weight * tf / (1 - b + b * length / mean length of the field kind)``,
    then ``tf~ * (k1 + 1) / (k1 + tf~)``, whose maximum is ``k1 + 1``.
    """
    counts = [{kind: _counts(terms) for kind, terms in unit.fields.items()} for unit in units]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for fields in counts:
        for kind, field in fields.items():
            if not kind.endswith(JOINED):
                totals[kind][0] += field.length
                totals[kind][1] += 1
    means = {kind: max(total / number, 1.0) for kind, (total, number) in totals.items()}
    impacts = []
    for fields in counts:
        weighted: dict[str, float] = defaultdict(float)
        for kind, field in fields.items():
            own = kind.removesuffix(JOINED)  # a field's joined compounds: its weight and length
            norm = 1 - B + B * fields[own].length / means[own]
            for term, tf in field.terms.items():
                weighted[term] += FIELD_WEIGHTS[own] * tf / norm
        impacts.append(
            {term: max(1, min(LEVELS, round(LEVELS * tf / (K1 + tf)))) for term, tf in weighted.items()}
        )
    return impacts


def _shards(postings: Postings, forms: dict[str, dict[str, list[int]]]) -> dict[str, Shard]:
    """Group the postings (and the forms of stems written several ways) by term prefix (:func:`_shard_keys`)."""
    encoded = {term: _encode_weighted(postings[term]) for term in sorted(postings)}
    written: dict[str, dict[str, str]] = {}
    for term in sorted(forms):
        every = len(forms[term]) == 1  # a stem written one way only: its form has all the stem's units
        written[term] = {form: "" if every else _encode(forms[term][form]) for form in sorted(forms[term])}
    sizes = {
        term: len(term) + len(encoded.get(term, "")) + sum(len(f) + len(e) for f, e in written.get(term, {}).items())
        for term in encoded.keys() | written.keys()
    }
    keys = _shard_keys(sizes)
    shards: dict[str, Shard] = defaultdict(lambda: {"terms": {}})
    for term, postings_of in encoded.items():
        shards[keys[term]]["terms"][term] = postings_of
    for term, forms_of in written.items():
        shards[keys[term]].setdefault("forms", {})[term] = forms_of
    return shards


def _shard_keys(sizes: dict[str, int], length: int = KEY_LENGTH) -> dict[str, str]:
    """Term -> its shard's key: its first ``length`` characters, one more for the terms of a prefix whose shard
    would exceed :data:`SHARD_BYTES` (again while it does and holds more than one term), so that a word does not
    read the postings of every word sharing its first two letters. A term no longer than a split key keeps it:
    search.js takes the longest key a term begins with."""
    groups: dict[str, list[str]] = defaultdict(list)
    for term in sizes:
        groups[term[:length]].append(term)
    keys = {}
    for key, terms in groups.items():
        longer = [term for term in terms if len(term) > length]
        if sum(sizes[term] for term in terms) <= SHARD_BYTES or len(terms) == 1 or not longer:
            keys.update(dict.fromkeys(terms, key))
            continue
        keys.update({term: key for term in terms if len(term) <= length})
        keys.update(_shard_keys({term: sizes[term] for term in longer}, length + 1))
    return keys


def pair_key(first: str, second: str) -> str:
    """The shard of the pair ``first second``: the first term's key, a dash, the second's first letter."""
    return first[:KEY_LENGTH] + "-" + second[:PAIR_KEY_LENGTH]


def _pair_shards(units: list[SearchUnit]) -> dict[str, dict[str, str]]:
    """Pair shard key -> {"a b": encoded units} for the consecutive terms of every field of every unit."""
    pairs: dict[str, list[int]] = defaultdict(list)
    for number, unit in enumerate(units):
        for pair in unit.pairs.split("\n") if unit.pairs else ():
            pairs[pair].append(number)
    shards: dict[str, dict[str, str]] = defaultdict(dict)
    for pair in sorted(pairs):
        first, second = pair.split(" ")
        shards[pair_key(first, second)][pair] = _encode(pairs[pair])
    return shards


def _encode_weighted(postings: list[tuple[int, int]]) -> str:
    """Base-36 gaps between sorted unit numbers (the first from 0), each followed by its weight as A..Z."""
    numbers = [number for number, _ in postings]
    gaps = [number - previous for previous, number in pairwise([0, *numbers])]
    return "".join(base36(gap) + chr(64 + weight) for gap, (_, weight) in zip(gaps, postings, strict=True))


def _encode(numbers: list[int]) -> str:
    """Comma-separated base-36 gaps between sorted numbers (the first from 0)."""
    return ",".join(map(base36, [number - previous for previous, number in pairwise([0, *numbers])]))


def _chunks(units: list[SearchUnit]) -> list[tuple[int, int]]:
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


def _first_units(documents: list[int]) -> list[int]:
    """The number of each document's first unit (its metadata unit), from the document of each unit."""
    first: dict[int, int] = {}
    for number, doc in enumerate(documents):
        first.setdefault(doc, number)
    return list(first.values())


def _doc_rows(docs: list[Document]) -> list[list[str]]:
    """[page URL from the site root, title, subtitle (type, French date, place)] per document."""
    return [
        [
            document_path(doc.slug).removesuffix(".md") + ".html",
            doc.meta.title or doc.slug,
            " · ".join(part for part in (doctypes.label(doc.meta.doc_type), document_date_fr(doc), doc.meta.place)
                       if part),
        ]
        for doc in docs
    ]


def _script(data: dict[str, Any]) -> str:
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
« terroriste » trouve aussi « terrorisme » et « terroristes », après les paragraphes qui portent le mot
tel qu’il est écrit ; « cyberdefense » trouve aussi « cyber-défense ». Les résultats sont groupés par
document, le plus pertinent d’abord : les paragraphes qui contiennent le plus de mots demandés, et les plus
rares, passent devant ; un mot absent du paragraphe mais présent dans le titre du document compte aussi, et
un document qui en parle en plusieurs paragraphes passe devant celui qui n’en a qu’un. Une référence comme
« 12838/23 » trouve le document qui la porte.

Une faute de frappe est tolérée (une lettre de trop, en moins, changée ou inversée à partir de cinq lettres,
deux à partir de neuf) : « cooperaton » trouve « coopération », après les mots écrits exactement.
Des guillemets cherchent une expression exacte (« "sécurité des frontières" »), un mot précédé d’un tiret
écarte les paragraphes qui le portent (« radicalisation -Tunisie »), et « OU » en majuscules cherche l’un
ou l’autre mot (« Interpol OU Ameripol »). Les filtres sous la case restreignent les résultats à un type
de document, une période, un émetteur, un thème ou une classification ; l’adresse de la page les garde,
pour la partager.
"""
