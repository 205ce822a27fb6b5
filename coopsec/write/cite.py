"""How to cite a document or one of its paragraphs: a French reference, BibTeX and CSL-JSON.

The page carries the fixed part of the reference (issuing body, title, place,
date in French); ``docs/assets/cite.js`` adds the paragraph number, the page's
address and the day it is consulted, and copies it. The BibTeX and CSL-JSON
files of each document are written under ``data/references/``; like every
export they are byte-deterministic (no consultation date, no build time) and
their URL is relative to the site root.
"""

from __future__ import annotations

import json
import re
from typing import Any

from coopsec.doctypes import csl_type
from coopsec.extract.document_date import document_date_fr
from coopsec.model import Document
from coopsec.write.chronology import html_url, one_line
from coopsec.write.markdown import document_path, escape_attr, link


def bibtex_path(slug: str) -> str:
    return f"data/references/{slug}.bib"


def csl_path(slug: str) -> str:
    return f"data/references/{slug}.json"


def reference(doc: Document) -> str:
    """The fixed part of the French reference: ``Émetteur, « Titre », Lieu, 9 avril 2013`` (empty fields left out)."""
    meta = doc.meta
    title = one_line(meta.title)
    pieces = [one_line(meta.issuing_body), f"« {title} »" if title else "", one_line(meta.place), document_date_fr(doc)]
    return ", ".join(piece for piece in pieces if piece)


def cite_panel(doc: Document) -> str:
    """The page's "Citer ce document" button and its BibTeX and CSL-JSON downloads (the script runs the button)."""
    page = document_path(doc.slug)
    bib, csl = link(page, bibtex_path(doc.slug)), link(page, csl_path(doc.slug))
    return (
        f'<div class="doc-cite" data-reference="{escape_attr(reference(doc))}">'
        '<button type="button" class="cite-button cite-doc" aria-label="Citer ce document" hidden>'
        "Citer ce document</button> "
        f'<span class="cite-downloads">Référence à télécharger : <a href="{escape_attr(bib)}" download>BibTeX</a>'
        f' · <a href="{escape_attr(csl)}" download>CSL-JSON</a></span></div>\n'
    )


def _date_parts(iso: str) -> list[int]:
    return [int(part) for part in iso.split("-") if part.isdigit()]


def csl_item(doc: Document) -> dict[str, Any]:
    """The CSL-JSON item of a document (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    meta = doc.meta
    item: dict[str, Any] = {"id": doc.slug, "type": csl_type(meta.doc_type), "title": one_line(meta.title),
                  "language": (meta.languages or ["fr"])[0], "URL": html_url(document_path(doc.slug))}
    if meta.issuing_body:
        item["author"] = [{"literal": one_line(meta.issuing_body)}]
        item["publisher"] = one_line(meta.issuing_body)
    if meta.place:
        item["publisher-place"] = meta.place
    if parts := _date_parts(meta.date):
        item["issued"] = {"date-parts": [parts]}
    if meta.doc_type:
        item["genre"] = meta.doc_type
    if meta.references:
        item["number"] = ", ".join(meta.references)
    if meta.title_source and meta.title_source != meta.title:
        item["original-title"] = one_line(meta.title_source)
    return item


def csl_json(doc: Document) -> str:
    """A CSL-JSON file: a list holding the document's item."""
    return json.dumps([csl_item(doc)], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
_BIBTEX_KEY = re.compile(r"[^A-Za-z0-9:_-]+")


def _bibtex_text(text: str) -> str:
    """Text inside a BibTeX field: TeX's special characters escaped."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(1), "\\" + m.group(1)), one_line(text))


def bibtex(doc: Document) -> str:
    """A BibTeX ``@misc`` entry (biblatex fields ``date`` and ``location`` beside the classic ``year``)."""
    meta = doc.meta
    parts = _date_parts(meta.date)
    fields = [
        ("author", f"{{{_bibtex_text(meta.issuing_body)}}}" if meta.issuing_body else ""),  # a body, not a person
        ("title", f"{{{_bibtex_text(meta.title)}}}"),
        ("howpublished", _bibtex_text(meta.doc_type.capitalize())),
        ("number", _bibtex_text(", ".join(meta.references))),
        ("address", _bibtex_text(meta.place)),
        ("location", _bibtex_text(meta.place)),
        ("date", meta.date),
        ("year", str(parts[0]) if parts else ""),
        ("month", str(parts[1]) if len(parts) > 1 else ""),
        ("day", str(parts[2]) if len(parts) > 2 else ""),
        ("url", html_url(document_path(doc.slug))),
        ("language", "french" if (meta.languages or ["fr"])[0] == "fr" else meta.languages[0]),
    ]
    key = _BIBTEX_KEY.sub("-", doc.slug).strip("-") or "document"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}\n"


def cite_files(docs: list[Document]) -> dict[str, str]:
    """The BibTeX and CSL-JSON files of every document."""
    files: dict[str, str] = {}
    for doc in sorted(docs, key=lambda d: d.slug):
        files[bibtex_path(doc.slug)] = bibtex(doc)
        files[csl_path(doc.slug)] = csl_json(doc)
    return files
