"""Find the parts, headers, titles, blocks and footnotes of a cleaned text.

A part starts with a header: the short lines (dates, reference codes,
``Label : value`` lines, capitalised titles, classification markings) that
come before the first line of body text. A new part starts when, after a short
closing line (a signature), such a run of header lines comes back with at least
two strong signals among them (a classification marking, a standalone date, a
reference code, a capitalised title), as in a letter followed by an annexed
record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coopsec.data import word_lists
from coopsec.extract.clean import (
    CANONICAL_BULLET_RE,
    FOOTNOTE_DEF_RE,
    LINK_DEF_RE,
    NUMBERED_RE,
    ROMAN_HEADING_RE,
    is_caps_line,
    starts_block,
)
from coopsec.extract.dates import MONTH_NAME
from coopsec.extract.markings import BANNER
from coopsec.extract.references import is_reference_line
from coopsec.extract.roles import mark_roles
from coopsec.model import NOTE_CALL_RE, Block, Body, Diagnostic, Footnote, Line, Part, note_call, plain
from coopsec.text import loose

_DATE_RE = re.compile(
    rf"^(?:[^\W\d][\w’'-]*,?\s+)?(?:les?\s+)?(?:\d{{1,2}}(?:er)?(?:\s+et\s+\d{{1,2}})?\s+)?(?:{MONTH_NAME})\s+\d{{4}}\.?$",
    re.IGNORECASE,
)
_LABEL_RE = re.compile(r"^([^\W\d][\w°.’' /-]{0,40}?)\s*:\s*(\S.*)$")
_KNOWN_LABELS = frozenset(
    {
        "objet",
        "sujet",
        "origine",
        "destinataire",
        "destinataires",
        "expéditeur",
        "référence",
        "références",
        "réf.",
        "transmission",
        "diffusion",
        "date",
        "lieu",
        "classification",
        "copie",
        "copies",
        "annexe",
        "annexes",
        "destinataire principal",
        "n° doc. préc.",
        "pièce jointe",
        "pièces jointes",
    }
)
_TITLE_LABELS = frozenset({"objet", "sujet"})
_TITLE_NOUN_RE = re.compile(
    rf"^(?:{'|'.join(loose(noun) for noun in word_lists('document-types')['title_nouns'])})\b"
)
"""A line opening with a title noun (``data/document-types.yml``), accented or not: "DECLARATION D'ALGER"."""
_HEADER_MAX = 100
"""Longest line of a header (a date, a code, a title line): a longer one is the body's text."""
_LABEL_MAX = 150
"""Longest ``Label : value`` header line whose label is not a known one (a known label's value may run on)."""
_SIGNATURE_MAX = 60
"""Longest closing line (a signature, a name) that a new part may follow: a longer one is the previous part's text."""
_SENTENCE_WORDS = 6
"""Words from which a short line ending in ``.``, ``!`` or ``?`` is a sentence, not a header line: a
dateline (``Bruxelles, le 9 avril 2013.``) has five."""
_PART_MIN_STRONG = 2
"""Strong header lines (see :func:`_is_strong_header`) a new part opens with: one alone may be a heading."""
_PART_MIN_LINES = 3
"""Header lines a new part has from its first strong one: fewer are short lines of the body."""
_TITLE_WORDS = 12
"""Words of the first sentence kept for a guessed title (then « … »): a title's length, not a sentence's."""
_CAPS_WORDS = 2
"""Fewest words of a line in capitals taken for a title or heading: one word in capitals (a name) is not."""

_SUB_HEADING_RE = re.compile(r"^(?:\d{1,2}|[A-Z])[.)]\s")
"""A sub-heading's numbering: ``2. ``, ``B) ``."""
_BOLD_LINE_RE = re.compile(r"^\*\*([^*]+)\*\*$")
"""A line in bold only, a heading in a web page's text: ``**Lutte contre le terrorisme**``."""
_PARTICIPANTS_RE = re.compile(
    r"(?:avec la participation de|en (?:la )?présence de|participants?|étaient présents|ont participé)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_PARTICIPANTS_ENDINGS = ("de", "participant", "participants", "présents", "participé")
"""Last words of the phrases of ``_PARTICIPANTS_RE``: a cheap test before the pattern."""
_PARTICIPANTS_TAIL = max(map(len, _PARTICIPANTS_ENDINGS))

_PUBLISHED_RE = re.compile(r"^(?:Publié le|Mis à jour le|Date de publication|Dates?\s*:)", re.IGNORECASE)
_SOURCE_URL_RE = re.compile(r"^(?:URL|Source|Lien)\b[^<]*:\s*<?(https?://[^\s>]+)>?$", re.IGNORECASE)
_BARE_URL_RE = re.compile(r"^<?(https?://[^\s>]+)>?$")
_LINKS_TITLE_RE = re.compile(r"^(?:Liens|Links)\s*:?$", re.IGNORECASE)
_TRAILER_LABEL_RE = re.compile(r"^(?:Bannière|Image|Crédits?(?: photo)?|Mots-clés|Tags)\s*:\s*(.*)$", re.IGNORECASE)

_COLLECTED_RES = (FOOTNOTE_DEF_RE, LINK_DEF_RE, _SOURCE_URL_RE, _BARE_URL_RE, _PUBLISHED_RE, _TRAILER_LABEL_RE,
                   _LINKS_TITLE_RE)
_COLLECTED_RE = re.compile(
    "|".join(f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p in _COLLECTED_RES)
)
"""Any line :func:`_collect` takes out of the body: one first test instead of seven."""

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SUP_TAG_RE = re.compile(r"<sup>\s*(\w{1,4})\s*</sup>")
_SUPERSCRIPT_RE = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_SUPERSCRIPT_CALL_RE = re.compile(r"(?<=[^\s\d¹²³⁴⁵⁶⁷⁸⁹⁰])(?<!\bm)(?<!\bkm)(?<!\bcm)([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")
_BRACKET_CALL_RE = re.compile(r"\s*\[(\d{1,3})\]")
_EMPHASIS_RES = (  # (marker the pattern needs, pattern)
    ("**", re.compile(r"\*\*(.+?)\*\*")),
    ("__", re.compile(r"__(.+?)__")),
    ("*", re.compile(r"(?<![\w*])\*(\S(?:[^*]*\S)?)\*(?![\w*])")),
)
_HTML_TAG_RE = re.compile(r"</?(?:sup|sub|b|i|em|strong|span|u)\b[^>]*>", re.IGNORECASE)


@dataclass
class _Collected:
    """Everything taken out of the body before blocks are built."""

    body: list[Line] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # publication dates of a web page
    links: list[str] = field(default_factory=list)
    footnotes: list[tuple[Footnote, int]] = field(default_factory=list)


def structure(lines: list[Line], file: str) -> Body:
    """Parts, footnotes, participants and links of a cleaned text."""
    collected = _collect(lines)
    link_labels = {note.label for note, _ in collected.footnotes if note.text.startswith(("http://", "https://"))}
    body = Body(links=collected.links, footnotes=[note for note, _ in collected.footnotes])
    for part_lines in _split_parts(collected.body):
        size = _header_size(part_lines)
        part = Part("", header=[line.text for line in part_lines[:size]])
        part.blocks = [_block(line, link_labels) for line in part_lines[size:]]
        part.title, part.header = _title(part.header)
        body.parts.append(part)
    if not body.parts:
        body.diagnostics.append(Diagnostic(file, "aucun texte après nettoyage"))
        return body
    body.parts[0].header.extend(collected.header)
    _set_anchors([block for part in body.parts for block in part.blocks])
    _guess_missing_titles(body, file)
    for part in body.parts:
        mark_roles(part)
    body.participants = [name for part in body.parts for name in _participants(part.blocks)]
    body.diagnostics.extend(_check_notes(body, collected.footnotes, file))
    return body


def _collect(lines: list[Line]) -> _Collected:
    """Split footnote definitions and web-page trailer lines from body lines."""
    collected = _Collected()
    for line in lines:
        text = line.text.strip()
        if not _COLLECTED_RE.match(text):
            collected.body.append(line)
        elif match := FOOTNOTE_DEF_RE.match(text):
            label = (match.group(1) or match.group(2)).translate(_SUPERSCRIPTS)
            collected.footnotes.append((Footnote(label, _strip_markup(match.group(3))), line.number))
        elif match := LINK_DEF_RE.match(text):
            collected.footnotes.append((Footnote(match.group(1), match.group(2)), line.number))
            collected.links.append(match.group(2))
        elif match := _SOURCE_URL_RE.match(text) or _BARE_URL_RE.match(text):
            collected.links.append(match.group(1))
        elif _PUBLISHED_RE.match(text) and len(text) <= _HEADER_MAX:
            collected.header.append(text)
        elif match := _TRAILER_LABEL_RE.match(text):
            collected.header.extend([text] if match.group(1) else [])
        elif not _LINKS_TITLE_RE.match(text):
            collected.body.append(line)
    return collected


def _label(text: str) -> tuple[str, str] | None:
    """``(label, value)`` of a ``Label : value`` line."""
    match = _LABEL_RE.match(text) if ":" in text else None
    return (match.group(1).strip().lower(), match.group(2).strip()) if match else None


def _is_header_line(text: str) -> bool:
    """A line that can belong to a header: a ``Label : value`` line, or a short line that is no sentence."""
    if starts_block(text):
        return False
    label = _label(text)
    if label and (label[0] in _KNOWN_LABELS or len(text) <= _LABEL_MAX):
        return True
    sentence = text.endswith((".", "!", "?")) and len(text.split()) >= _SENTENCE_WORDS
    return len(text) <= _HEADER_MAX and not sentence and not text.endswith((";", ":"))


def _is_strong_header(text: str) -> bool:
    """A classification marking, a standalone date, a reference code or a capitalised title."""
    text = _strip_markup(text)
    return bool(
        BANNER.match(text)
        or _DATE_RE.match(text)
        or is_reference_line(text)
        or (is_caps_line(text) and len(text.split()) >= _CAPS_WORDS)
    )


def _header_size(lines: list[Line], start: int = 0) -> int:
    """Number of header lines from ``lines[start]`` on (at the start of a part)."""
    end = start
    while end < len(lines) and _is_header_line(lines[end].text):
        end += 1
    return end - start


def _split_parts(lines: list[Line]) -> list[list[Line]]:
    """Lines of each part: a new part starts with a header run after a closing line."""
    parts: list[list[Line]] = [lines[: _header_size(lines)]]
    index = len(parts[0])
    while index < len(lines):
        size = _header_size(lines, index)
        start = _part_start(lines, index, size) if size else None
        if start is None:
            parts[-1].extend(lines[index : index + max(size, 1)])
            index += max(size, 1)
            continue
        parts[-1].extend(lines[index:start])
        parts.append(lines[start : index + size])
        index += size
    return [part for part in parts if part]


def _part_start(lines: list[Line], index: int, size: int) -> int | None:
    """Where a new part starts in the run of ``size`` header lines at ``index`` in a body, if it does.

    From its first line, the part needs two strong header lines, one of them not
    merely capitalised, and three lines in all; it must follow a short closing line.
    """
    run = lines[index : index + size]
    strong = [i for i, line in enumerate(run) if _is_strong_header(line.text)]
    for rank, offset in enumerate(strong):
        rest = [run[i].text for i in strong[rank:]]
        if len(rest) < _PART_MIN_STRONG or size - offset < _PART_MIN_LINES:
            return None
        if all(is_caps_line(text) and not BANNER.match(text) for text in rest):
            return None
        previous = lines[index + offset - 1].text if index + offset else ""
        if previous and len(previous) <= _SIGNATURE_MAX and not starts_block(previous):
            return index + offset
    return None


def _title(header: list[str]) -> tuple[str, list[str]]:
    """The part title and the header left: ``Objet`` line value, else a title line taken out."""
    for text in header:
        label = _label(text)
        if label and label[0] in _TITLE_LABELS:
            return _strip_markup(label[1]).rstrip(" ."), header
    candidates = [text for text in header if not BANNER.match(text) and not is_reference_line(text)]
    caps = [text for text in candidates if is_caps_line(text) and len(text.split()) >= _CAPS_WORDS]
    typed = [text for text in caps if _TITLE_NOUN_RE.match(_strip_markup(text))]
    bold = [text for text in candidates if _BOLD_LINE_RE.match(text)]
    for group in (typed, caps, bold):
        if group:
            index = header.index(group[0])
            return _strip_markup(group[0]), header[:index] + header[index + 1 :]
    return "", header


def _guess_missing_titles(body: Body, file: str) -> None:
    """Title from the first sentence when a part has no title line, with a warning."""
    for part in body.parts:
        if part.title:
            continue
        first = next((b for b in part.blocks if b.kind != "heading"), part.blocks[0] if part.blocks else None)
        if first is None:
            continue
        sentence = re.split(r"(?<=[.!?])\s", plain(first.text).strip(), maxsplit=1)[0]
        words = sentence.split()
        part.title = " ".join(words[:_TITLE_WORDS]) + ("…" if len(words) > _TITLE_WORDS else "")
        part.title = part.title.rstrip(".")
        message = f"titre deviné à partir de la première phrase (« {part.title} ») : ajouter un titre en correction"
        body.diagnostics.append(Diagnostic(file, message, first.line, field="title"))


_SPACES_RE = re.compile(r" {2,}")


def _strip_markup(text: str) -> str:
    """Text without Markdown emphasis, Markdown links and inline HTML tags."""
    if "[" in text:
        text = _MD_LINK_RE.sub(r"\1", text)
    for marker, pattern in _EMPHASIS_RES:
        if marker in text:
            text = pattern.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG_RE.sub("", text)
    return (_SPACES_RE.sub(" ", text) if "  " in text else text).strip()


def _inline(text: str, link_labels: set[str]) -> str:
    """Block text: footnote calls as markers, markup removed."""
    if "<" in text:
        text = _SUP_TAG_RE.sub(lambda m: note_call(m.group(1)), text)
    if _SUPERSCRIPT_RE.search(text):  # the call pattern opens with look-behinds: slow to scan for
        text = _SUPERSCRIPT_CALL_RE.sub(lambda m: note_call(m.group(1).translate(_SUPERSCRIPTS)), text)
    if "[" in text:
        text = _MD_LINK_RE.sub(r"\1", text)
        text = _BRACKET_CALL_RE.sub(lambda m: note_call(m.group(1)) if m.group(1) in link_labels else m.group(0), text)
    return _strip_markup(text)


def _numbered(text: str) -> tuple[str, str] | None:
    """``(number as printed, rest of text)`` of a numbered paragraph."""
    match = NUMBERED_RE.match(text)
    if not match:
        return None
    number = f"P{match.group(1)}" if match.group(1) else match.group(2) or match.group(3)
    return number, text[match.end() :].lstrip()


def _block(line: Line, link_labels: set[str]) -> Block:
    """One body line as a heading, a paragraph or a list item."""
    text = line.text
    if bullet := CANONICAL_BULLET_RE.match(text):
        rest = text[bullet.end() :]
        if numbered := _numbered(rest):
            return Block("paragraph", _inline(numbered[1], link_labels), line.number, number=numbered[0])
        return Block("item", _inline(rest, link_labels), line.number, len(bullet.group(1)) // 2)
    text = text.strip()
    if ROMAN_HEADING_RE.match(text) or _BOLD_LINE_RE.match(text):
        return Block("heading", _inline(text, link_labels), line.number, 2)
    if is_caps_line(text) and len(text.split()) >= _CAPS_WORDS and not text.endswith((";", ",", ":")):
        level = 3 if _SUB_HEADING_RE.match(text) else 2
        return Block("heading", _inline(text, link_labels), line.number, level)
    if numbered := _numbered(text):
        return Block("paragraph", _inline(numbered[1], link_labels), line.number, number=numbered[0])
    return Block("paragraph", _inline(text, link_labels), line.number)


_NOT_ANCHOR_RE = re.compile(r"[^a-z0-9]+")


def anchor_for(number: str) -> str:
    """``p-`` anchor of a numbered paragraph: ``P2A`` -> ``p-2a``, ``1.11`` -> ``p-1-11``."""
    if number.isascii() and number.isdigit():
        return "p-" + number
    if number.startswith("P") and number[1:2].isdecimal():
        number = number[1:]
    return "p-" + _NOT_ANCHOR_RE.sub("-", number.lower()).strip("-")


def _set_anchors(blocks: list[Block]) -> None:
    """Stable anchors, unique within the document (``-2``, ``-3`` on collision)."""
    used: set[str] = set()
    unnumbered = 0
    for block in blocks:
        if block.kind == "heading":
            continue
        if block.number:
            base = anchor_for(block.number)
        else:
            unnumbered += 1
            base = f"a-{unnumbered}"
        anchor, suffix = base, 2
        while anchor in used:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        used.add(anchor)
        block.anchor = anchor


def _participants(blocks: list[Block]) -> list[str]:
    """Person lines of the list introduced by ``avec la participation de :`` and the like."""
    names: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind == "item" or not _introduces_participants(plain(block.text)):
            continue
        for item in blocks[index + 1 :]:
            if item.kind != "item":
                break
            names.append(plain(item.text).strip().rstrip(".;, "))
    return names


def _introduces_participants(text: str) -> bool:
    """A paragraph ending with ``avec la participation de :`` and the like."""
    end = text.rstrip().removesuffix(":").rstrip()[-_PARTICIPANTS_TAIL:].lower()
    return end.endswith(_PARTICIPANTS_ENDINGS) and bool(_PARTICIPANTS_RE.search(text))


def _check_notes(body: Body, definitions: list[tuple[Footnote, int]], file: str) -> list[Diagnostic]:
    """Warnings for footnote calls without definition and definitions without call."""
    calls: dict[str, int] = {}
    for block in (b for part in body.parts for b in part.blocks):
        for label in NOTE_CALL_RE.findall(block.text) if "\ue000" in block.text else ():
            calls.setdefault(label, block.line)
    defined = {note.label: number for note, number in definitions}
    problems = [
        Diagnostic(file, f"appel de note « {label} » sans définition", line)
        for label, line in calls.items()
        if label not in defined
    ]
    problems += [
        Diagnostic(file, f"note « {label} » définie mais jamais appelée", line)
        for label, line in defined.items()
        if label not in calls
    ]
    return problems
