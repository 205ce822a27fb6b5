"""Remove extraction debris and return logical lines.

The text is cut into pages (form feeds, ``---`` separator lines, runs of three
or more blank lines). Debris is only looked for at the edges of pages, i.e.
among the first and last two lines of each page:

* page numbers (``3``, ``- 3 -``, ``Page 3 sur 10``);
* classification banners (``NATO CONFIDENTIEL``) repeated from an earlier line:
  the first occurrence is kept, it belongs to the document header;
* running headers and footers: the same line (digits ignored, no final stop)
  at the edges of two or more pages; the first lines of the text are kept, as
  they hold its title;
* a short fragment standing alone between two page breaks that restates words
  of the document's opening lines and holds a number (a running footer printed
  once, e.g. ``Déclaration finale, 83ème session…, Monaco, 4 novembre 2014``).

Physical lines are then joined into logical lines: one per paragraph, list
item, heading or header line. A line continues the previous one when it is a
hard wrap (in a hard-wrapped text, the previous line is long), when it starts
lowercase after a line without terminal punctuation (also across a blank line
or a page break), or when only punctuation is left on it. Footnote definitions
found at the bottom of a page are kept as their own lines, emitted after the
paragraph they interrupt.

Words hyphenated at a line end: the hyphen is kept when the hyphenated form
occurs elsewhere in the text; otherwise it is dropped when the joined word
occurs elsewhere in the text; otherwise it is kept only when the second piece
is a known compound tail (``celle-ci``, ``peut-être``) or the first piece a
known compound head (``anti-terroriste``), and dropped in every other case. A
pronoun tail (``donnez-les``) follows a verb, never a name: after a first piece
capitalised inside a sentence (``Bruxel-les``, ``Marseil-le``) the hyphen is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from coopsec.data import word_lists
from coopsec.extract.markings import BANNER
from coopsec.model import Diagnostic, Line, Source
from coopsec.text import tokens

TERMINAL = ".!?;:…"
"""Characters that end a sentence or a clause at the end of a paragraph."""

_BULLET_CHARS = "•▪●◦○■□►➢✓\uf0a7\uf0b7*–—-"
_BULLET_GLYPHS = f"[{_BULLET_CHARS}]"
BULLET_RE = re.compile(rf"^([ \t]*){_BULLET_GLYPHS}[ \t]+(?=\S)")
_LONE_BULLET_RE = re.compile(rf"^\s*{_BULLET_GLYPHS}\s*$")
CANONICAL_BULLET_RE = re.compile(r"^( *)- ")
NUMBERED_RE = re.compile(r"^(?:P(\d{1,3}[A-Z]?)\s*:|(\d{1,3}(?:\.\d{1,3})*)[.)](?=\s)|(\d{1,3}(?:\.\d{1,3})+)(?=\s))")
"""Start of a numbered paragraph: ``P2G:``, ``26.``, ``1.10`` (one group holds the number)."""
ROMAN_HEADING_RE = re.compile(r"^[IVXL]{1,6}\.\s+\S")
"""A heading numbered in Roman figures: ``II. Coopération``."""
FOOTNOTE_DEF_RE = re.compile(r"^(?:<sup>\s*(\w{1,4})\s*</sup>|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(\S.*)$")
"""A footnote's text after its call: ``<sup>1</sup> Voir…``, ``² Voir…`` (call in group 1 or 2, text in 3)."""
LINK_DEF_RE = re.compile(r"^\[(\d{1,3})\]\s*<?(https?://[^\s>]+)>?\s*$")
"""A web page's numbered link under its text: ``[3] https://…`` (number, address)."""
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:sur|/|de)\s*\d{1,4})?$|^\d{1,4}\s*/\s*\d{1,4}$",
    re.IGNORECASE,
)
_PAGE_MARK_RE = re.compile(
    r"^\s*(?:(?:page|p\.)\s*\d{1,4}\s*(?:sur|/|de)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—])\s*$", re.IGNORECASE)
"""A page's number that says it is one ("Page 2 sur 5", "- 2 -"): a page ends or starts there, even when the
extraction kept no form feed nor blank lines between pages, so that its running lines are found."""
_SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_SEPARATOR_CHARS = "-*_="
"""The characters a ``_SEPARATOR_RE`` line is made of: a line opening with none of them is no separator."""
_HYPHEN_END_RE = re.compile(r"(\w+)-$")
_WORD_RE = re.compile(r"\w+")
_DIGITS_RE = re.compile(r"\d+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_HYPHENATED_RE = re.compile(r"\b\w+-\w+")  # \b: same matches, no backtracking inside words
_LINE_END_HYPHEN_RE = re.compile(r"-(?<=\w-)[ \t]*$", re.MULTILINE)  # opens with "-": fast to scan for
_ORDINAL_START_RE = re.compile(r"^(?:ème|eme|ère|er|e|nd|nde)\b")
_SPLIT_ORDINAL_RE = re.compile(r"\b(\d+) (ème|ère|er)\b")
_ORDINAL_HINT_RE = re.compile(r" (?<=\d )[èe]")  # opens with a space: a fast first test for _SPLIT_ORDINAL_RE
_PUNCTUATION_ONLY_RE = re.compile(r"^[\W_]+$")
_SPACE_AFTER_PAREN_RE = re.compile(r"\(\s+")
_SPACE_BEFORE_PAREN_RE = re.compile(r"\s+\)")

_WORDS = word_lists("clean-words")
COMPOUND_TAILS = frozenset(_WORDS["compound_tails"])
"""Words that end a hyphenated compound (``celle-ci``): the hyphen before them is kept."""
PRONOUN_TAILS = frozenset(_WORDS["pronoun_tails"])
"""Compound tails that only follow a verb in the imperative: after a capitalised word, a town cut in two."""
COMPOUND_HEADS = frozenset(_WORDS["compound_heads"])
_UNFINISHED = frozenset(_WORDS["unfinished"])
"""Words that open a hyphenated compound (``anti-``): the hyphen after them is kept."""

PAGE_EDGE = 2
"""How many lines at the top and bottom of a page are searched for running headers and footers."""
_FRAGMENT_MAX_LINES = 4
_FRAGMENT_MAX_CHARS = 250
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 160
_WRAP_MIN_SHARE = 0.5
_LONG_LINE = 0.6

_NONE, _BLANK, _BREAK, _RULE = 0, 1, 2, 3
"""How two physical lines are apart: not at all, by blank lines, by a page break, by a drawn rule ("-----")."""
Entry = tuple[int, str] | None
"""A physical line (number, text) of a page, or ``None`` for a blank line."""


@dataclass
class _Open:
    """A logical line being built."""

    number: int
    text: str
    last: str  # last physical piece, for the hard-wrap test


@dataclass
class _Context:
    wrap: int  # wrap width of a hard-wrapped text, 0 otherwise
    lowered: str  # the whole text in lowercase: the vocabulary of the hyphenation rule
    counts: Counter[str]

    @cached_property
    def hyphenated(self) -> set[str]:
        """Hyphenated words of the text (``celle-ci``), found once and only if a rejoined word may be one."""
        return set(_HYPHENATED_RE.findall(self.lowered))

    def has_hyphenated(self, word: str) -> bool:
        """Whether ``word`` (``celle-ci``) is one of the text's hyphenated words; a substring test comes first."""
        return word in self.lowered and word in self.hyphenated

    def has_word(self, word: str) -> bool:
        """Whether ``word`` (word characters only) occurs in the text as a word of its own."""
        return re.search(rf"\b{re.escape(word)}\b", self.lowered) is not None


_MESSAGES = {
    "break": ("saut de page détecté", "sauts de page détectés"),
    "page": ("numéro de page retiré", "numéros de page retirés"),
    "banner": ("mention de classification répétée retirée", "mentions de classification répétées retirées"),
    "running": ("ligne d'en-tête/pied de page retirée", "lignes d'en-tête/pied de page retirées"),
    "hyphen": ("mot coupé en fin de ligne rejoint", "mots coupés en fin de ligne rejoints"),
    "page_join": ("paragraphe rejoint par-dessus un saut de page", "paragraphes rejoints par-dessus un saut de page"),
}


def clean(source: Source) -> tuple[list[Line], list[Diagnostic]]:
    """Logical lines of ``source`` without extraction debris, and what was removed."""
    counts: Counter[str] = Counter()
    pages, rules = _pages(source.text)
    counts["break"] = len(pages) - 1
    pages = _remove_debris(pages, counts)
    hyphens = _LINE_END_HYPHEN_RE.search(source.text)  # the vocabulary is only needed to rejoin hyphenated words
    context = _Context(_wrap_width(pages), source.text.lower() if hyphens else "", counts)
    lines = [Line(o.number, _finish(o.text)) for o in _assemble(pages, rules, _bullet_depths(pages), context)]
    diagnostics = [
        Diagnostic(source.path, f"{counts[kind]} {forms[counts[kind] > 1]}", None, "info")
        for kind, forms in _MESSAGES.items()
        if counts[kind]
    ]
    return [line for line in lines if line.text.strip()], diagnostics


_PAGE_MARK_ENDS = frozenset("0123456789-–—")
"""The last characters of a page mark, tried before its pattern."""


def _pages(text: str) -> tuple[list[list[Entry]], list[int]]:
    """Physical lines grouped by page, blank runs collapsed to one ``None``, and the numbers of the lines that
    are a drawn rule (each one also ends a page)."""
    pages: list[list[Entry]] = [[]]
    rules: list[int] = []
    blanks = 0
    for number, raw in enumerate(text.split("\n"), 1):
        for index, piece in enumerate(raw.split("\f") if "\f" in raw else (raw,)):
            separator = piece.lstrip()[:1] in _SEPARATOR_CHARS and _SEPARATOR_RE.match(piece)
            if separator:
                rules.append(number)
            if index or separator:
                blanks = 3
            if separator or not piece.strip():
                blanks += 1
                continue
            if blanks >= 3 and pages[-1]:
                pages.append([])
            elif blanks and pages[-1]:
                pages[-1].append(None)
            blanks = 0
            pages[-1].append((number, piece.rstrip()))
            if piece[-1:] in _PAGE_MARK_ENDS and _PAGE_MARK_RE.match(piece):
                pages.append([])
    return [page for page in pages if page], rules


def _key(text: str) -> str:
    """Comparison key of a possible running header: case, spacing and digits ignored."""
    return _DIGITS_RE.sub("#", " ".join(text.lower().split()))


def _edges(page: list[Entry]) -> set[int]:
    """Positions of the first and last lines of a page."""
    filled = [i for i, entry in enumerate(page) if entry is not None]
    return set(filled[:PAGE_EDGE] + filled[-PAGE_EDGE:])


def _remove_debris(pages: list[list[Entry]], counts: Counter[str]) -> list[list[Entry]]:
    """Pages without page numbers, repeated banners and running headers or footers."""
    doomed: dict[tuple[int, int], str] = {}
    seen_banners: set[str] = set()
    edge_pages: defaultdict[str, set[int]] = defaultdict(set)
    edge_keys: dict[tuple[int, int], str] = {}
    for p, page in enumerate(pages):
        edges = _edges(page)
        for i, entry in enumerate(page):
            if entry is None:
                continue
            text = entry[1].strip()
            at_edge = i in edges
            if BANNER.match(text):
                if at_edge and _key(text) in seen_banners:
                    doomed[p, i] = "banner"
                seen_banners.add(_key(text))
            elif at_edge and _PAGE_NUMBER_RE.match(text):
                doomed[p, i] = "page"
            elif at_edge and _may_run(text):
                edge_keys[p, i] = _key(text)
                edge_pages[edge_keys[p, i]].add(p)
    title_block = {(0, i) for i, entry in enumerate(pages[0][:PAGE_EDGE]) if entry is not None} if pages else set()
    for position in edge_keys.keys() - title_block:
        if len(edge_pages[edge_keys[position]]) >= 2:
            doomed[position] = "running"
    opening = _opening_words(pages)
    for p in range(1, len(pages) - 1):
        kept = [i for i, entry in enumerate(pages[p]) if entry is not None and (p, i) not in doomed]
        if _is_running_fragment([entry[1] for i in kept if (entry := pages[p][i]) is not None], opening):
            doomed.update(((p, i), "running") for i in kept)
    counts.update(doomed.values())
    touched = {p for p, _ in doomed}
    cleaned = [
        [e for i, e in enumerate(page) if (p, i) not in doomed] if p in touched else page
        for p, page in enumerate(pages)
    ]
    return [page for page in cleaned if any(cleaned_entry is not None for cleaned_entry in page)]


def _may_run(text: str) -> bool:
    """Whether a page-edge line may be a running header or footer: words, no list marker, no final stop."""
    return (
        bool(_LETTER_RE.search(text))
        and text[-1] not in TERMINAL
        and not (starts_block(text) or BULLET_RE.match(text))
    )


def _opening_words(pages: list[list[Entry]]) -> set[str]:
    """Significant words of the first three lines of the text (its title block)."""
    first = list(islice((entry[1] for entry in pages[0] if entry is not None), 3)) if pages else []
    return {word for word in tokens(" ".join(first)) if len(word) >= 4}


def _is_running_fragment(texts: list[str], opening: set[str]) -> bool:
    """A few short unpunctuated lines with a number that restate the title block."""
    joined = " ".join(texts)
    return (
        0 < len(texts) <= _FRAGMENT_MAX_LINES
        and len(joined) <= _FRAGMENT_MAX_CHARS
        and not any(text.rstrip()[-1] in TERMINAL for text in texts)
        and bool(re.search(r"\d", joined))
        and len(opening & set(tokens(joined))) >= 2
    )


def _wrap_width(pages: list[list[Entry]]) -> int:
    """Typical line width when the text is hard-wrapped (most lines nearly as long), else 0."""
    lengths = sorted(len(entry[1].strip()) for page in pages for entry in page if entry is not None)
    if not lengths:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    long_share = sum(1 for length in lengths if length >= _LONG_LINE * width) / len(lengths)
    wrapped = _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH and long_share >= _WRAP_MIN_SHARE
    return width if wrapped else 0


def _bullet_depths(pages: list[list[Entry]]) -> dict[int, int]:
    """Nesting depth of each indentation width found before a bullet."""
    widths = {
        len(match.group(1).expandtabs(4))
        for page in pages
        for entry in page
        if entry is not None and (match := BULLET_RE.match(entry[1]))
    }
    return {width: depth for depth, width in enumerate(sorted(widths))}


def _normalise(text: str, depths: dict[int, int]) -> str:
    """One physical line with a canonical bullet and single spaces."""
    match = BULLET_RE.match(text) if text.lstrip(" \t")[:1] in _BULLET_CHARS else None
    if not match:
        return _squash(text)
    depth = depths.get(len(match.group(1).expandtabs(4)), 0)
    return "  " * depth + "- " + _squash(text[match.end() :])


_SPACES_RE = re.compile(r" {2,}")


def _squash(text: str) -> str:
    text = text.strip(" \t")
    return _SPACES_RE.sub(" ", text) if "  " in text else text


HOUR_LINE_RE = re.compile(r"\s*(?:[01]?\d|2[0-3])\s*h\s*(?:[0-5]\d)?(?:\s*[:–—-]|\s+(?=[A-ZÀ-Ý]))")
"""A programme's line opening with its hour: "10 h 00 : réunion de synthèse", "9h30 – entretien", "15h00
Entretien avec le ministre"."""
_BLOCK_STARTS = (CANONICAL_BULLET_RE, NUMBERED_RE, ROMAN_HEADING_RE, FOOTNOTE_DEF_RE, LINK_DEF_RE, HOUR_LINE_RE)
_BLOCK_START_RE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _BLOCK_STARTS))


def starts_block(text: str) -> bool:
    """Whether a normalised line opens a new logical line whatever precedes it (item, number, heading, note, link)."""
    return bool(_BLOCK_START_RE.match(text))


_MARKUP_RE = re.compile(r"\*\*|<[^>]+>")


_LATIN1_LOWERCASE = bytes([*range(ord("a"), ord("z") + 1), *range(0xDF, 0xF7), *range(0xF8, 0x100)])
"""Latin-1 codes of lowercase letters (a-z, ß-ö, ø-ÿ), deleted by ``bytes.translate`` to count them fast."""


def is_caps_line(text: str) -> bool:
    """A line written in capitals, such as a section title (at least four letters)."""
    if "<" in text or "**" in text:
        text = _MARKUP_RE.sub("", text)
    latin = text.encode("latin-1", "ignore")
    if len(latin) - len(latin.translate(None, _LATIN1_LOWERCASE)) > 0.1 * len(text):
        return False  # more than a tenth of the line in lowercase letters: no need to count letters one by one
    letters = sum(map(str.isalpha, text))
    return letters >= 4 and sum(map(str.isupper, text)) >= 0.9 * letters


def _continues(open_line: _Open, text: str, gap: int, wrap: int) -> bool:
    """Whether ``text`` continues ``open_line`` after a separation of kind ``gap``."""
    if starts_block(text):
        return False
    previous = open_line.text.rstrip()
    if gap == _NONE and previous.count("**") % 2:
        return True
    if _PUNCTUATION_ONLY_RE.match(text) and not _LONE_BULLET_RE.match(text):
        return True
    open_end = previous[-1] not in TERMINAL
    if open_end and text[0].islower() and not is_caps_line(open_line.last):
        return True
    long = wrap and len(open_line.last) >= _LONG_LINE * wrap and not is_caps_line(text)
    if gap >= _BREAK:  # across a drawn rule, a long line is no wrapped one: "Lieu : Palais Bourbon ¶ ----- ¶ Mercredi"
        return bool(open_end and ((gap == _BREAK and long) or previous.rsplit(None, 1)[-1].lower() in _UNFINISHED))
    return bool(gap == _NONE and long and not is_caps_line(open_line.last))


def _extend(open_line: _Open, text: str, context: _Context) -> None:
    """Append a continuation line, rejoining a hyphenated word or a split ordinal."""
    hyphen = _HYPHEN_END_RE.search(open_line.text) if open_line.text.endswith("-") else None
    if hyphen and text[0].islower():
        tail = _WORD_RE.match(text)
        before = open_line.text[: hyphen.start(1)].rstrip()
        named = hyphen.group(1)[:1].isupper() and before[-1:] not in ("", *".!?:«\"")  # not a sentence's start
        keep = _keeps_hyphen(hyphen.group(1), tail.group(0) if tail else "", named, context)
        open_line.text = open_line.text if keep else open_line.text[:-1]
        context.counts["hyphen"] += 0 if keep else 1
        open_line.text += text
    elif open_line.text[-1].isdigit() and _ORDINAL_START_RE.match(text):
        open_line.text += text
    else:
        open_line.text += " " + text
    open_line.last = text


def _keeps_hyphen(head: str, tail: str, named: bool, context: _Context) -> bool:
    """The rule for a word hyphenated at a line end (see the module docstring); ``named``: the first piece
    is capitalised inside a sentence."""
    head, tail = head.lower(), tail.lower()
    if context.has_hyphenated(f"{head}-{tail}"):
        return True
    if context.has_word(head + tail) or (named and tail in PRONOUN_TAILS):
        return False
    return tail in COMPOUND_TAILS or head in COMPOUND_HEADS


def _assemble(pages: list[list[Entry]], rules: list[int], depths: dict[int, int], context: _Context) -> list[_Open]:
    """Join physical lines into logical lines; footnotes follow the paragraph they interrupt; ``rules``: the
    numbers of the lines that are a drawn rule."""
    out: list[_Open] = []
    notes: list[_Open] = []
    paragraph: _Open | None = None
    tail: _Open | None = None
    tail_gap = paragraph_gap = _NONE

    def flush() -> None:
        if paragraph is not None:
            out.append(paragraph)
        out.extend(notes)
        notes.clear()

    last = 0
    for page in pages:
        first = next((entry[0] for entry in page if entry is not None), last)
        ruled = bool(rules) and bisect_left(rules, first) > bisect_left(rules, last)
        tail_gap = paragraph_gap = _RULE if ruled else _BREAK
        for entry in page:
            if entry is None:
                tail_gap, paragraph_gap = max(tail_gap, _BLANK), max(paragraph_gap, _BLANK)
                continue
            number, text = entry[0], _normalise(entry[1], depths)
            last = number
            if FOOTNOTE_DEF_RE.match(text):
                tail = _Open(number, text, text)
                notes.append(tail)
                tail_gap, paragraph_gap = _NONE, max(paragraph_gap, _BLANK)
            elif tail is not None and tail_gap == _NONE and _continues(tail, text, _NONE, context.wrap):
                _extend(tail, text, context)
            elif paragraph is not None and paragraph_gap and _continues(paragraph, text, paragraph_gap, context.wrap):
                context.counts["page_join"] += paragraph_gap >= _BREAK
                _extend(paragraph, text, context)
                tail, tail_gap, paragraph_gap = paragraph, _NONE, _NONE
            else:
                flush()
                paragraph = tail = _Open(number, text, text)
                tail_gap = paragraph_gap = _NONE
    flush()
    return out


def _finish(text: str) -> str:
    """Final tidying of a logical line: bullet glyph left alone on its line, spaces, split ordinals, brackets."""
    indent = text[: len(text) - len(text.lstrip(" "))] if text.startswith(" ") else ""
    body = _squash(text)
    if not indent and body[:1] in _BULLET_CHARS:  # a bullet glyph alone on its line, joined to its text
        body = BULLET_RE.sub("- ", body, count=1)
    if _ORDINAL_HINT_RE.search(body):
        body = _SPLIT_ORDINAL_RE.sub(r"\1\2", body)
    if ")" in body:
        body = _SPACE_BEFORE_PAREN_RE.sub(")", body)
    if "(" in body:
        body = _SPACE_AFTER_PAREN_RE.sub("(", body)
    return indent + body
