"""Property-based tests of the clean and structure stages.

Two kinds of input: arbitrary Unicode text, and "document-like" texts built
from a small grammar (title block, pages of numbered paragraphs and bullets,
words hyphenated at line ends, superscript footnote calls with their notes,
a running footer and a page number at the bottom of every page). With the
grammar we know which lines are debris, so we can check that every other
word reaches the structured document and that the debris does not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import example, given, settings
from hypothesis import strategies as st

from coopsec.extract.clean import clean
from coopsec.extract.read import normalise_text
from coopsec.extract.structure import structure
from coopsec.model import Body, Line, Source, plain

WORDS = (
    "coopération", "sécurité", "terrorisme", "frontières", "ministres", "échange", "informations",
    "criminalité", "organisée", "migration", "renforcer", "partenaires", "méditerranée", "police",
    "justice", "stratégie", "prévention", "radicalisation", "assistance", "formation", "réseaux",
    "trafic", "drogues", "armes", "conférence", "engagement", "dialogue", "confiance", "les", "des",
    "la", "et", "du", "pour", "avec",
)  # fmt: skip
FOOTER = "Document de travail du secrétariat"
"""The running footer of every page: its words occur nowhere else."""
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
LETTER_WORD = re.compile(r"[^\W\d_]+")
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)


def source(text: str) -> Source:
    return Source("essai.txt", text, "", "utf-8", len(text))


def cleaned(text: str) -> list[str]:
    return [line.text for line in clean(source(text))[0]]


def body_words(body: Body) -> Counter[str]:
    """Letter words of everything the structure stage keeps: titles, headers, blocks, notes, links."""
    texts = [part.title for part in body.parts] + [line for part in body.parts for line in part.header]
    texts += [plain(block.text) for part in body.parts for block in part.blocks]
    texts += [note.text for note in body.footnotes]
    return Counter(LETTER_WORD.findall(" ".join(texts)))


# --- arbitrary text ----------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_arbitrary_text_never_crashes_clean_or_structure(text):
    lines, diagnostics = clean(source(text))
    assert all(line.text.strip() and line.number >= 1 for line in lines)
    body = structure(lines, "essai.txt")
    assert all(block.kind in ("heading", "paragraph", "item") for part in body.parts for block in part.blocks)
    assert all(d.file == "essai.txt" for d in diagnostics + body.diagnostics)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.builds(Line, st.integers(1, 10_000), ANY_TEXT.filter(str.strip)), max_size=15))
def test_arbitrary_lines_never_crash_structure(lines):
    body = structure(lines, "essai.txt")
    anchors = [block.anchor for part in body.parts for block in part.blocks if block.anchor]
    assert len(anchors) == len(set(anchors))


# --- document-like text ------------------------------------------------------------------------------------


@dataclass
class Doc:
    """A generated text and the words that must survive cleaning."""

    lines: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # text of the non-debris lines, hyphenated words joined
    notes: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(" ".join)


@st.composite
def paragraph(draw: st.DrawFn, doc: Doc, number: int) -> list[str]:
    """A numbered paragraph or a bullet, maybe with a note call and a word hyphenated at a line end."""
    words = draw(sentences).split()
    bullet = draw(st.booleans())
    end = ";" if bullet else "."
    doc.kept.append(" ".join(words) + end)
    if draw(st.booleans()):  # a superscript note call after a word
        doc.notes += 1
        index = draw(st.integers(0, len(words) - 1))
        words[index] += SUPERSCRIPTS[(doc.notes - 1) % len(SUPERSCRIPTS)]
    start = "- " if bullet else f"{number}. "
    long_words = [i for i, word in enumerate(words) if len(word) >= 8 and word[-1].isalpha()]
    if long_words and draw(st.booleans()):  # hyphenated at a line end, the rest on the next line
        i = draw(st.sampled_from(long_words))
        cut = draw(st.integers(3, len(words[i]) - 3))
        head = " ".join([*words[:i], words[i][:cut]]) + "-"
        tail = " ".join([words[i][cut:], *words[i + 1 :]]) + end
        return [start + head, tail]
    return [start + " ".join(words) + end]


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    """A title block, then two to four pages that end with notes, the running footer and a page number."""
    doc = Doc()
    title = ["DÉCLARATION FINALE DE LA CONFÉRENCE", "Alger, le 3 mars 2016", ""]
    doc.lines += title
    doc.kept += title
    pages = draw(st.integers(2, 4))
    number = 0
    for page in range(1, pages + 1):
        first_note = doc.notes
        for _ in range(draw(st.integers(1, 4))):
            number += 1
            doc.lines += [*draw(paragraph(doc, number)), ""]
        for note in range(first_note, doc.notes):
            text = " ".join(draw(sentences).split()).capitalize() + "."
            doc.lines.append(f"{SUPERSCRIPTS[note % len(SUPERSCRIPTS)]} {text}")
            doc.kept.append(text)
        doc.lines += ["", FOOTER, f"- {page} -"]
        if page < pages:
            doc.lines.append(draw(st.sampled_from(["\f", "\n\n\n", "---"])))  # form feed, blank run, rule
    return doc


@settings(max_examples=150, deadline=None)
@given(documents())
def test_every_word_but_the_debris_reaches_the_document(doc):
    lines, _ = clean(source(doc.text))
    body = structure(lines, "essai.txt")
    expected = Counter(LETTER_WORD.findall(" ".join(doc.kept)))
    assert body_words(body) == expected  # nothing lost, and no footer or page number left


@settings(max_examples=150, deadline=None)
@given(documents())
def test_document_structure_numbers_and_notes(doc):
    body = structure(clean(source(doc.text))[0], "essai.txt")
    assert body.title == "DÉCLARATION FINALE DE LA CONFÉRENCE"
    numbers = [int(block.number) for part in body.parts for block in part.blocks if block.number]
    assert numbers == sorted(set(numbers))
    assert len(body.footnotes) == doc.notes
    assert not [d for d in body.diagnostics if "note" in d.message and doc.notes <= len(SUPERSCRIPTS)]


@settings(max_examples=100, deadline=None)
@given(st.one_of(documents().map(lambda doc: doc.text), ANY_TEXT.map(normalise_text)))
@example(":\f:")  # punctuation alone at the top of a page
@example("*\n:")  # a bullet glyph alone on its line
def test_cleaning_is_idempotent(text):
    once = cleaned(text)
    assert cleaned("\n\n".join(once)) == once  # one logical line per paragraph


def test_bullet_glyph_alone_on_its_line_starts_a_list_item():
    assert cleaned("Les ministres conviennent :\n•\nde renforcer la coopération ;\n") == [
        "Les ministres conviennent :",
        "- de renforcer la coopération ;",
    ]


def test_punctuation_alone_at_the_top_of_a_page_ends_the_paragraph():
    assert cleaned("1. Les ministres se réuniront à Alger\n\f\n.\n\n2. Suite.\n") == [
        "1. Les ministres se réuniront à Alger .",
        "2. Suite.",
    ]
