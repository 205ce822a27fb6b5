"""The facet data of the documents index: one plain script, ``data/facets.js``.

The documents index (``corpus/index.md``) keeps its plain table for readers
without JavaScript; ``docs/assets/facets.js`` loads this file with a
``<script>`` tag (no ``fetch()``: it works from ``file://``) and turns the page
into a filterable, sortable, paginated list whose state lives in the address
(``corpus/index.html#type=note&annee=2023``).

The file is compact: each facet lists its values once (address key, French
label), and each document is one array ``[slug, title, iso date, French date,
place, v1, v2, ...]`` where ``v`` is, per facet in order, the index of its
value (single-valued facets) or a string of its value indexes (multi-valued
ones: ``multi`` gives the base-36 digits of each, ``"0a1f"`` is 0, 10, 1, 15). Output
is deterministic: the same corpus gives the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from slugify import slugify

from .. import doctypes
from ..extract.document_date import document_date_fr
from ..model import Actor, Document, Theme
from ..text import fold
from .indexes import newest_first
from .markdown import DOCUMENTS_INDEX, base36, index_address, link

__all__ = ["FACETS_DATA", "facet_data", "facet_files", "facets", "index_address"]

FACETS_DATA = "data/facets.js"
"""The facet data, loaded by docs/assets/facets.js on the documents index."""

DECADES_FROM = 13
"""Distinct years from which the year facet is shown by decade (years stay filterable from the address)."""

UNDATED = "Sans date"
NO_BODY = "Émetteur non précisé"
NO_CLASSIFICATION = "Sans mention de classification"


class Facet:
    """One facet: its address key, French label, values (key, label) and each document's value indexes."""

    def __init__(self, key: str, label: str, multi: bool = False, hidden: bool = False):
        self.key, self.label, self.multi, self.hidden = key, label, multi, hidden
        self.values: list[tuple[str, str]] = []
        self.per_doc: list[int | list[int]] = []
        self.width = 1  # multi-valued facets: base-36 digits per value index in a document's string

    def fill(self, docs: list[Document], values_of: Callable[[Document], list[tuple[str, str]]],
             order: Callable[[tuple[str, str], int], tuple[int | str, ...]]) -> Facet:
        """Values of each document (key, label); the facet's values sorted by ``order(value, count)``."""
        chosen = [values_of(doc) for doc in docs]
        counts = Counter(value for values in chosen for value in dict.fromkeys(values))
        self.values = sorted(counts, key=lambda value: order(value, counts[value]))
        index = {value: n for n, value in enumerate(self.values)}
        for values in chosen:
            found = sorted({index[value] for value in values})
            self.per_doc.append(found if self.multi else found[0])
        while 36 ** self.width < len(self.values):
            self.width += 1
        return self

    def encoded(self, n: int) -> int | str:
        """Document ``n``'s value: an index, or (multi-valued) its indexes as fixed-width base-36 digits."""
        value = self.per_doc[n]
        if isinstance(value, int):
            return value
        return "".join(base36(index).rjust(self.width, "0") for index in value)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "label": self.label, "values": [list(value) for value in self.values]}
        if self.multi:
            data["multi"] = self.width
        if self.hidden:
            data["hidden"] = 1
        return data


def _by_count(value: tuple[str, str], count: int) -> tuple[int | str, ...]:
    return (-count, fold(value[1]), value[0])


def _by_label(value: tuple[str, str], count: int) -> tuple[int | str, ...]:
    return (fold(value[1]), value[0])


def _newest(value: tuple[str, str], count: int) -> tuple[int | str, ...]:
    return (value[0] == "", "".join(chr(0x10FFFF - ord(c)) for c in value[0]))  # descending, undated last


def _keyed(labels: Iterable[str], empty: str) -> Callable[[str], tuple[str, str]]:
    """Address keys for free-text labels (slugs, made unique in sorted order); ``""`` gives ``empty``."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for label in sorted(set(labels), key=lambda text: (fold(text), text)):
        base = slugify(label) or "valeur"
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        keys[label] = key
        taken.add(key)
    return lambda label: (keys[label], label) if label else ("sans", empty)


def year_of(doc: Document) -> str:
    return doc.meta.date[:4]


def facets(docs: list[Document], themes: list[Theme], actors: list[Actor]) -> list[Facet]:
    """The facets of ``docs`` (in the order given), in the order the page shows them."""
    years = {year_of(doc) for doc in docs if doc.meta.date}
    by_decade = len(years) >= DECADES_FROM
    body = _keyed((doc.meta.issuing_body for doc in docs), NO_BODY)
    classification = _keyed((doc.meta.classification for doc in docs), NO_CLASSIFICATION)
    kinds = {actor.id: actor for actor in actors}
    theme_labels = {theme.id: theme.label for theme in themes}

    def type_of(doc: Document) -> list[tuple[str, str]]:
        kind = doc.meta.doc_type
        label = doctypes.label(kind) or "Type non précisé"
        return [(slugify(kind) or "sans", label)]

    def year(doc: Document) -> list[tuple[str, str]]:
        return [(year_of(doc), year_of(doc))] if doc.meta.date else [("", UNDATED)]

    def decade(doc: Document) -> list[tuple[str, str]]:
        if not doc.meta.date:
            return [("", UNDATED)]
        start = year_of(doc)[:3] + "0"
        return [(start, f"Années {start}")]

    def named(kind: str) -> Callable[[Document], list[tuple[str, str]]]:
        return lambda doc: [(ident, kinds[ident].label) for ident, found in doc.actors.items()
                            if found and ident in kinds and kinds[ident].kind == kind]

    def treated(doc: Document) -> list[tuple[str, str]]:
        return [(ident, theme_labels[ident]) for ident, found in doc.themes.items() if found and ident in theme_labels]

    result = [Facet("type", "Type").fill(docs, type_of, _by_label)]
    if by_decade:
        result.append(Facet("decennie", "Décennie").fill(docs, decade, _newest))
    result += [
        Facet("annee", "Année", hidden=by_decade).fill(docs, year, _newest),
        Facet("emetteur", "Émetteur").fill(docs, lambda doc: [body(doc.meta.issuing_body)], _by_count),
        Facet("pays", "Pays", multi=True).fill(docs, named("country"), _by_count),
        Facet("organisation", "Organisation", multi=True).fill(docs, named("organisation"), _by_count),
        Facet("lieu", "Lieu cité", multi=True).fill(docs, named("place"), _by_count),
        Facet("theme", "Thème", multi=True).fill(docs, treated, _by_count),
        Facet("classification", "Classification").fill(
            docs, lambda doc: [classification(doc.meta.classification)], _by_count),
    ]
    for facet in result:  # the undated and the unknown: their key is "sans"
        facet.values = [(key or "sans", label) for key, label in facet.values]
    return result


def facet_data(docs: list[Document], themes: list[Theme], actors: list[Actor]) -> dict[str, Any]:
    """The facet data as a JSON-ready dict: facets, then documents newest first."""
    ordered = newest_first(docs)
    found = facets(ordered, themes, actors)
    base = link(DOCUMENTS_INDEX, "corpus/documents/x.md").removesuffix("x.md")
    rows = []
    for n, doc in enumerate(ordered):
        meta = doc.meta
        title = " ".join(meta.title.split()) or doc.slug
        row: list[int | str] = [doc.slug, title, meta.date, document_date_fr(doc), meta.place]
        rows.append(row + [facet.encoded(n) for facet in found])
    return {"v": 1, "base": base, "ext": ".html", "total": len(rows),
            "facets": [facet.as_json() for facet in found], "docs": rows}


def facet_files(docs: list[Document], themes: list[Theme], actors: list[Actor]) -> dict[str, str]:
    """``data/facets.js``: the facet data as one plain script setting ``window.coopsecFacetData``."""
    data = json.dumps(facet_data(docs, themes, actors), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")  # inert inside any HTML context
    return {FACETS_DATA: f"window.coopsecFacetData={data};\n"}
