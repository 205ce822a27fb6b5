"""One Markdown page per document: front matter, metadata panel, structured text.

The page is plain Markdown (with a little inline HTML for paragraph anchors
and the metadata panel) so that any Python-Markdown based engine renders it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from .. import doctypes, fields
from ..extract.dates import format_span_fr
from ..extract.document_date import document_date_fr
from ..model import NOTE_CALL_RE, Block, CitedBy, Document, Part, TextCitation, plain
from ..version import EXTRACTOR_VERSION
from .cite import cite_panel
from .markdown import document_path, dump_yaml, escape, escape_title, html_block, link


def front_matter(doc: Document) -> dict[str, Any]:
    """The page's front matter: the fields of the table that it holds, in their order (``coopsec/fields.py``)."""
    meta = doc.meta
    worked_out = {
        "themes": sorted(doc.themes),
        "actors": sorted(doc.actors),
        "meetings": sorted({m.id for m in doc.meetings if m.kind == "meeting"}),
        "source": {"file": doc.source.path, "sha256": doc.source.sha256},
        "extractor_version": EXTRACTOR_VERSION,
        "guessed": sorted(meta.guessed),
    }
    return {name: worked_out[name] if name in worked_out else getattr(meta, name) for name in fields.FRONT_MATTER}


def dump_front_matter(data: dict[str, Any]) -> str:
    return "---\n" + dump_yaml(data, width=1000) + "---\n"


def document_page(doc: Document, extra: str = "") -> str:
    """The whole Markdown page of a document; ``extra`` is appended (e.g. JSON-LD)."""
    head = {**front_matter(doc), "title": escape_title(doc.meta.title)}
    out = [dump_front_matter(head), f"# {escape(doc.meta.title)}\n"]
    if doc.meta.classification:
        out.append(f'!!! danger "Classification : {escape(doc.meta.classification)}"\n\n'
                   "    Marquage de protection porté par le document source.\n")
    out.append(metadata_panel(doc))
    out.append(cite_panel(doc))
    several = len(doc.parts) > 1
    links = citation_links(doc)
    for part in doc.parts:
        out.append(part_markdown(part, several, links))
    out.append(cited_by_section(doc))
    out.append(outside_corpus_section(doc))
    if doc.footnotes:
        out.append("\n".join(f"[^{f.label}]: {inline(f.text, links.get(f'fn:{f.label}', ()))}"
                              for f in doc.footnotes) + "\n")
    out.append(provenance(doc))
    if extra:
        out.append(extra)
    return "\n".join(out)


def page_values(doc: Document, extra: str = "") -> tuple[object, ...]:
    """What :func:`document_page` makes a page from, for the memo of the build (:mod:`coopsec.memo`): the text's
    own conversion by its fingerprint (its text, override, thesauri and the code), its address, what the corpus
    links to it (meetings merged, texts it cites and citing it) and ``extra``."""
    return ("document page", doc.fingerprint, doc.slug, doc.meetings, doc.cites, doc.cited_by, extra)


def metadata_panel(doc: Document) -> str:
    """A definition list with the document's metadata, in French: the fields with a label in the field table,
    then the source file."""
    meta = doc.meta
    shown = {
        "doc_type": doctypes.label(meta.doc_type),
        "date": document_date_fr(doc),
        "references": ", ".join(meta.references),
        "participants": "; ".join(meta.participants) if len(meta.participants) <= 3 else
        f"{len(meta.participants)} participants (voir le texte)",
    }
    rows = [
        *((field.label, shown[field.name] if field.name in shown else getattr(meta, field.name))
          for field in fields.FIELDS if field.label),
        ("Fichier source", doc.source.path),
        ("Empreinte SHA-256", doc.source.sha256),
    ]
    items = "".join(f"<dt>{label}</dt><dd>{html.escape(value)}</dd>" for label, value in rows if value)
    return f'<dl class="doc-meta">{items}</dl>\n'


Span = tuple[int, int, str]
"""Where a wording starts and ends in a block's text, and the address it links to."""


def citation_links(doc: Document) -> dict[str, list[Span]]:
    """Paragraph anchor -> the wordings in it that cite a document of the corpus, linked to its page."""
    page = document_path(doc.slug)
    links: dict[str, list[Span]] = {}
    for citation in doc.cites:
        if citation.target:
            links.setdefault(citation.anchor, []).append(
                (citation.start, citation.end, link(page, document_path(citation.target), citation.target_anchor)))
    return links


def cited_by_section(doc: Document) -> str:
    """« Cité par »: the documents of the corpus citing this one, by date, with links to their paragraphs."""
    if not doc.cited_by:
        return ""
    page = document_path(doc.slug)
    by_document: dict[str, list[CitedBy]] = {}
    for entry in doc.cited_by:
        by_document.setdefault(entry.document, []).append(entry)
    lines = ['## Cité par { #cite-par }', ""]
    for slug, entries in by_document.items():
        target = link(page, document_path(slug))
        where = ", ".join(f"[{escape(e.label)}]({link(page, document_path(slug), e.anchor)})"
                          f" (« {escape(e.wording)} »)" for e in entries)
        dated = f", {escape(entries[0].date_fr)}" if entries[0].date_fr else ""
        lines.append(f"- [{escape(entries[0].title)}]({target}){dated} : {where}")
    return "\n".join(lines) + "\n"


def outside_corpus_section(doc: Document) -> str:
    """« Textes cités hors corpus »: what the document cites that the corpus does not hold, with its paragraphs."""
    outside: dict[tuple[str, str, str], list[TextCitation]] = {}
    for citation in doc.cites:
        if not citation.target:
            outside.setdefault((citation.kind, citation.key, citation.year), []).append(citation)
    if not outside:
        return ""
    lines = ["## Textes cités hors corpus { #cites-hors-corpus }", ""]
    for citations in outside.values():
        where = ", ".join(f"[{escape(c.label)}](#{c.anchor})" for c in citations)
        lines.append(f"- « {escape(' '.join(citations[0].wording.split()))} » : {where}")
    return "\n".join(lines) + "\n"


def part_markdown(part: Part, with_heading: bool, links: dict[str, list[Span]] | None = None) -> str:
    """A part's blocks; with ``with_heading``, the part gets its own section and metadata line; ``links``: the
    wordings of its paragraphs that link to other documents (:func:`citation_links`).

    Headings are Markdown (they make the page's table of contents); paragraphs, lists and role sections are
    HTML blocks (see ``markdown.py``), except where a footnote is called: the footnotes extension numbers
    the calls and writes the notes, so those stay Markdown."""
    links = links or {}
    out = []
    shift = 0
    if with_heading:
        shift = 1
        out.append(f"## {escape(part.title)}\n")
        facts = [format_span_fr(part.date) if part.date else "", ", ".join(part.references),
                 part.classification]
        if any(facts):
            out.append('<p class="part-meta">' + html.escape(" · ".join(f for f in facts if f)) + "</p>\n")
    if part.header:
        out.append(header_html(part.header))
    for role, run in groupby(part.blocks, key=lambda block: "" if block.kind == "heading" else block.role):
        blocks = list(run)
        if not role:
            out += [_unit(unit, shift, links) for unit in _units(blocks)]
        elif any(_calls_note(block) for block in blocks):
            label = ROLE_LABELS[role]
            out += [f'<section class="role role-{role}" aria-label="{label}" markdown="1">',
                    f'<p class="role-label">{label}</p>\n']
            out += [_unit_markdown(unit, shift, links) for unit in _units(blocks)]
            out.append("</section>\n")
        else:
            label = ROLE_LABELS[role]
            inner = [line for unit in _units(blocks) for line in _unit_html(unit, links)]
            out.append(html_block([f'<section aria-label="{label}" class="role role-{role}">',
                                   f'<p class="role-label">{label}</p>', *inner, "</section>"]))
    return "\n".join(out) + "\n"


ROLE_LABELS = {"preamble": "Préambule", "operative": "Dispositif"}


def _units(blocks: list[Block]) -> Iterator[list[Block]]:
    """Blocks as the units of a page: each heading or paragraph alone, consecutive list items together."""
    for is_item, run in groupby(blocks, key=lambda block: block.kind == "item"):
        if is_item:
            yield list(run)
        else:
            yield from ([block] for block in run)


def _calls_note(block: Block) -> bool:
    return "\ue000" in block.text


def _unit(unit: list[Block], shift: int, links: dict[str, list[Span]]) -> str:
    """One unit outside role sections: Markdown for a heading or where a footnote is called, else HTML."""
    if unit[0].kind == "heading" or any(_calls_note(block) for block in unit):
        return _unit_markdown(unit, shift, links)
    return html_block(_unit_html(unit, links))


def _unit_markdown(unit: list[Block], shift: int, links: dict[str, list[Span]]) -> str:
    """A heading, a paragraph or a list as Markdown, followed by a blank line."""
    if unit[0].kind != "item":
        return block_markdown(unit[0], shift, links=links.get(unit[0].anchor, ())) + "\n"
    lines, depth = [], -1
    for block in unit:
        depth = min(block.level, depth + 1)  # a list never starts deeper than its first level
        lines.append(block_markdown(block, shift, depth, links.get(block.anchor, ())))
    return "\n".join(lines) + "\n"


HtmlItem = tuple[str, list["HtmlItem"]]
"""A list item as HTML, and the items of the list nested in it."""


def _unit_html(unit: list[Block], links: dict[str, list[Span]]) -> list[str]:
    """A paragraph or a list (nested as its Markdown would be) as the lines of HTML Python-Markdown writes."""
    if unit[0].kind != "item":
        return [f"<p>{_anchored(unit[0], html_inline(unit[0].text, links.get(unit[0].anchor, ())))}</p>"]
    root: list[HtmlItem] = []
    levels, depth = [root], -1  # the list being filled at each depth, and the depth of the last item
    for block in unit:
        depth = min(block.level, depth + 1)
        if depth == len(levels):  # one level deeper: a list inside the previous item
            levels.append(levels[-1][-1][1])
        del levels[depth + 1:]
        levels[depth].append((_anchored(block, html_inline(block.text, links.get(block.anchor, ()))), []))
    return _list_lines(root)


def _list_lines(items: list[HtmlItem]) -> list[str]:
    lines = ["<ul>"]
    for line, children in items:
        if children:
            lines += [f"<li>{line}<ul>", *_list_lines(children)[1:], "</li>"]  # as Python-Markdown writes it
        else:
            lines.append(f"<li>{line}</li>")
    return [*lines, "</ul>"]


def header_html(lines: list[str]) -> str:
    """The part's header lines (addresses, codes, fields) as written, one per line."""
    shown = [html.escape(" ".join(plain(line).replace("**", "").split())) for line in lines]
    return '<p class="part-header">' + "<br>\n".join(line for line in shown if line) + "</p>\n"


def block_markdown(block: Block, shift: int = 0, depth: int = 0, links: Iterable[Span] = ()) -> str:
    """One block as a Markdown line: heading, anchored paragraph or list item; ``links`` make some of its words
    links."""
    text = inline(block.text, links)
    if block.kind == "heading":
        return "#" * min(6, max(2, block.level) + shift) + " " + text + "\n"
    line = _anchored(block, text)
    if block.kind == "item":
        return "    " * depth + "- " + line
    return line


def _anchored(block: Block, text: str) -> str:
    """A paragraph's or item's text (Markdown or HTML) with its anchor: its number, else a ¶ link at its end."""
    anchor = html.escape(block.anchor, quote=True)
    if block.number:
        return f'<a class="para-num" id="{anchor}" href="#{anchor}">{html.escape(block.number)}</a> {text}'
    return (f'<span class="para-anchor" id="{anchor}"></span>{text} '
            f'<a class="para-link" href="#{anchor}" aria-label="Lien vers ce paragraphe">¶</a>')


def inline(text: str, links: Iterable[Span] = ()) -> str:
    """Escaped block text with footnote markers turned into Markdown footnote calls, and the spans of ``links``
    made Markdown links."""
    out, done = [], 0
    for start, end, address in sorted(links):
        if start >= done:
            out += [inline(text[done:start]), f"[{inline(text[start:end])}]({address})"]
            done = end
    if out:
        return "".join(out) + inline(text[done:])
    pieces = NOTE_CALL_RE.split(text)
    return "".join(escape(piece) if i % 2 == 0 else f"[^{piece}]" for i, piece in enumerate(pieces))


def html_inline(text: str, links: Iterable[Span] = ()) -> str:
    """:func:`inline` as HTML, for a block without footnote calls: escaped text, the spans of ``links`` made links
    (their addresses are Markdown links: ``.md``)."""
    out, done = [], 0
    for start, end, address in sorted(links):
        if start >= done:
            target = html.escape(_html_address(address))
            out += [html.escape(text[done:start], quote=False),
                    f'<a href="{target}">{html_inline(text[start:end])}</a>']
            done = end
    return "".join(out) + html.escape(text[done:], quote=False)


def _html_address(address: str) -> str:
    """A Markdown link's address as MkDocs writes it: ``../x.md#a-1`` -> ``../x.html#a-1``."""
    path, hash_, anchor = address.partition("#")
    return path.removesuffix(".md") + (".html" if path.endswith(".md") else "") + hash_ + anchor


def provenance(doc: Document) -> str:
    """Where the page comes from: file, size, encoding, checksum, extractor and guessed fields."""
    src = doc.source
    guessed = ", ".join(doc.meta.guessed) or "aucun"
    return (
        f'<p class="provenance"><strong>Provenance.</strong> Fichier <code>{html.escape(src.path)}</code> '
        f"({src.size} octets, encodage {html.escape(src.encoding)}), SHA-256 <code>{src.sha256}</code>, "
        f"extracteur version {EXTRACTOR_VERSION}. Champs déduits automatiquement : {html.escape(guessed)}.</p>\n"
    )
