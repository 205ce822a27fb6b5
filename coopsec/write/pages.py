"""One Markdown page per document: front matter, metadata panel, structured text.

The page is plain Markdown (with a little inline HTML for paragraph anchors
and the metadata panel) so that any Python-Markdown based engine renders it.
"""

from __future__ import annotations

import html

from ..extract.dates import format_span_fr
from ..model import NOTE_CALL_RE, Block, Document, Part, plain
from ..version import EXTRACTOR_VERSION
from .cite import cite_panel
from .display import document_date_fr
from .markdown import dump_yaml, escape, escape_title

DOC_TYPE_LABELS = {
    "déclaration": "Déclaration",
    "note": "Note",
    "compte rendu": "Compte rendu",
    "lettre": "Lettre",
    "article": "Article",
}


def front_matter(doc: Document) -> dict:
    """The page's front matter, in schema order (see ``schema.FRONT_MATTER``)."""
    meta = doc.meta
    return {
        "title": meta.title,
        "title_source": meta.title_source,
        "doc_type": meta.doc_type,
        "date": meta.date,
        "date_text": meta.date_text,
        "place": meta.place,
        "issuing_body": meta.issuing_body,
        "references": meta.references,
        "classification": meta.classification,
        "languages": meta.languages,
        "participants": meta.participants,
        "themes": sorted(doc.themes),
        "actors": sorted(doc.actors),
        "meetings": sorted({m.id for m in doc.meetings if m.kind == "meeting"}),
        "source": {"file": doc.source.path, "sha256": doc.source.sha256},
        "extractor_version": EXTRACTOR_VERSION,
        "guessed": sorted(meta.guessed),
    }


def dump_front_matter(data: dict) -> str:
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
    for part in doc.parts:
        out.append(part_markdown(part, several))
    if doc.footnotes:
        out.append("\n".join(f"[^{f.label}]: {escape(f.text)}" for f in doc.footnotes) + "\n")
    out.append(provenance(doc))
    if extra:
        out.append(extra)
    return "\n".join(out)


def metadata_panel(doc: Document) -> str:
    """A definition list with the document's metadata, in French."""
    meta = doc.meta
    rows = [
        ("Type", DOC_TYPE_LABELS.get(meta.doc_type, meta.doc_type.capitalize())),
        ("Date", document_date_fr(doc)),
        ("Lieu", meta.place),
        ("Émetteur", meta.issuing_body),
        ("Références", ", ".join(meta.references)),
        ("Participants", "; ".join(meta.participants) if len(meta.participants) <= 3 else
         f"{len(meta.participants)} participants (voir le texte)"),
        ("Fichier source", doc.source.path),
        ("Empreinte SHA-256", doc.source.sha256),
    ]
    items = "".join(f"<dt>{label}</dt><dd>{html.escape(value)}</dd>" for label, value in rows if value)
    return f'<dl class="doc-meta">{items}</dl>\n'


def part_markdown(part: Part, with_heading: bool) -> str:
    """A part's blocks; with ``with_heading``, the part gets its own section and metadata line."""
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
    depth = -1  # nesting of the list being written; -1 outside lists
    role = ""  # role of the section being written (see ROLE_LABELS)
    for block in part.blocks:
        next_role = "" if block.kind == "heading" else block.role
        if next_role != role:
            if depth >= 0:
                out.append("")
                depth = -1
            out.extend(_role_boundary(role, next_role))
            role = next_role
        if block.kind == "item":
            if depth < 0:
                out.append("")
            depth = min(block.level, depth + 1)  # a list never starts deeper than its first level
            out.append(block_markdown(block, shift, depth))
            continue
        if depth >= 0:
            out.append("")
            depth = -1
        out.append(block_markdown(block, shift))
        out.append("")
    out.extend(_role_boundary(role, ""))
    return "\n".join(out) + "\n"


ROLE_LABELS = {"preamble": "Préambule", "operative": "Dispositif"}


def _role_boundary(closing: str, opening: str) -> list[str]:
    """Markdown lines that close the section of one role and open the next (md_in_html sections)."""
    lines = ["", "</section>", ""] if closing else []
    if opening:
        label = ROLE_LABELS[opening]
        lines += ["", f'<section class="role role-{opening}" aria-label="{label}" markdown="1">',
                  f'<p class="role-label">{label}</p>', ""]
    return lines


def header_html(lines: list[str]) -> str:
    """The part's header lines (addresses, codes, fields) as written, one per line."""
    shown = [html.escape(" ".join(plain(line).replace("**", "").split())) for line in lines]
    return '<p class="part-header">' + "<br>\n".join(line for line in shown if line) + "</p>\n"


def block_markdown(block: Block, shift: int = 0, depth: int = 0) -> str:
    """One block as a Markdown line: heading, anchored paragraph or list item."""
    text = inline(block.text)
    if block.kind == "heading":
        return "#" * min(6, max(2, block.level) + shift) + " " + text + "\n"
    anchor = html.escape(block.anchor, quote=True)
    if block.number:
        marker = f'<a class="para-num" id="{anchor}" href="#{anchor}">{html.escape(block.number)}</a> '
        line = marker + text
    else:
        line = (f'<span class="para-anchor" id="{anchor}"></span>{text} '
                f'<a class="para-link" href="#{anchor}" aria-label="Lien vers ce paragraphe">¶</a>')
    if block.kind == "item":
        return "    " * depth + "- " + line
    return line


def inline(text: str) -> str:
    """Escaped block text with footnote markers turned into Markdown footnote calls."""
    pieces = NOTE_CALL_RE.split(text)
    return "".join(escape(piece) if i % 2 == 0 else f"[^{piece}]" for i, piece in enumerate(pieces))


def provenance(doc: Document) -> str:
    """Where the page comes from: file, size, encoding, checksum, extractor and guessed fields."""
    src = doc.source
    guessed = ", ".join(doc.meta.guessed) or "aucun"
    return (
        f'<p class="provenance"><strong>Provenance.</strong> Fichier <code>{html.escape(src.path)}</code> '
        f"({src.size} octets, encodage {html.escape(src.encoding)}), SHA-256 <code>{src.sha256}</code>, "
        f"extracteur version {EXTRACTOR_VERSION}. Champs déduits automatiquement : {html.escape(guessed)}.</p>\n"
    )
