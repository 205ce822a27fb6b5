"""Document pages: front matter, anchors, footnotes, escaping, metadata panel."""

import copy
from dataclasses import replace
from datetime import date

import frontmatter
import markdown

from coopsec.memo import Memo
from coopsec.model import Block, CitedBy, DateSpan, Document, Footnote, Metadata, Part, Source, note_call
from coopsec.write.pages import document_page, page_values

EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "tables", "md_in_html"]


def make_doc(blocks, **meta):
    source = Source(path="x.txt", text="", sha256="a" * 64, encoding="utf-8", size=10)
    span = DateSpan(date(2014, 11, 4), date(2014, 11, 4), "day", "le 4 novembre 2014")
    part = Part(title="Déclaration finale", blocks=blocks, date=span)
    doc = Document(slug="x", source=source, parts=[part])
    doc.meta = Metadata(title="Déclaration finale", doc_type="déclaration", date="2014-11-04",
                        date_text="le 4 novembre 2014", place="Monaco", **meta)
    return doc


def html_of(doc):
    page = frontmatter.loads(document_page(doc))
    return page, markdown.markdown(page.content, extensions=EXTENSIONS)


def test_a_page_is_kept_while_what_it_is_made_from_is_the_same_and_made_again_when_it_changes():
    """The build's memo keys a page on its values: the same document gives the same page without making it; a
    text citing it, another address or another conversion of its text give other values, and the page shows it."""
    doc = make_doc([Block("paragraph", "La coopération policière.", anchor="a-1")])
    doc.fingerprint = "conversion 1"
    memo = Memo()
    first = memo.get(page_values(doc), lambda: document_page(doc))
    again = Memo(memo.used)
    assert again.get(page_values(copy.deepcopy(doc)), lambda: "made again") == first
    doc.cited_by = [CitedBy("y", "Lettre du ministre", "2015-01-02", "2 janvier 2015", "a-3", "3",
                            "la Déclaration finale de Monaco")]
    cited = again.get(page_values(doc), lambda: document_page(doc))
    assert "Lettre du ministre" in cited and "Lettre du ministre" not in first
    assert page_values(replace(doc, slug="z")) != page_values(doc)
    assert page_values(replace(doc, fingerprint="conversion 2")) != page_values(doc)


def test_numbered_paragraph_gets_visible_number_and_anchor():
    doc = make_doc([Block("paragraph", "Conscients des efforts ;", number="P2A", anchor="p-2a")])
    _, html = html_of(doc)
    assert '<a class="para-num" href="#p-2a" id="p-2a">P2A</a> Conscients des efforts ;' in html.replace(
        'id="p-2a" href="#p-2a"', 'href="#p-2a" id="p-2a"')


def test_unnumbered_paragraph_and_items_get_anchors_and_list_markup():
    doc = make_doc([
        Block("paragraph", "Les Ministres décident :", anchor="a-1"),
        Block("item", "De renforcer la coopération ;", anchor="a-2"),
        Block("item", "sous-point", anchor="a-3", level=1),
        Block("heading", "LA LUTTE CONTRE LE CRIME ORGANISE", level=2),
    ])
    _, html = html_of(doc)
    assert 'id="a-1"' in html and 'id="a-2"' in html and 'id="a-3"' in html
    assert html.count("<ul>") == 2 and "<li>" in html
    assert "<h2" in html and "LA LUTTE CONTRE LE CRIME ORGANISE" in html


def test_footnote_call_links_to_its_definition():
    doc = make_doc([Block("paragraph", f"au Coreper le 12 juillet 2023{note_call('1')}, l'Espagne", anchor="a-1")])
    doc.footnotes = [Footnote("1", "Doc. 11301/23.")]
    _, html = html_of(doc)
    assert 'href="#fn:1"' in html and 'id="fn:1"' in html and "Doc. 11301/23." in html


def test_corpus_text_never_becomes_html_or_markdown():
    hostile = '<script>alert(1)</script> <iframe src="x"></iframe> {{ config }} {% raw %} *gras* # titre'
    doc = make_doc([Block("paragraph", hostile, anchor="a-1"), Block("paragraph", "1. pas une liste", anchor="a-2")])
    doc.meta.title = "<img src=x onerror=alert(1)>"
    page, html = html_of(doc)
    assert "<script>" not in html and "<iframe" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "{{ config }}" in html and "*gras*" in html
    assert "<ol>" not in html
    assert page["title"] == "&lt;img src=x onerror=alert(1)&gt;"  # Material writes page.meta.title as is


def test_classification_banner_and_metadata_panel_in_french():
    doc = make_doc([Block("paragraph", "Texte.", anchor="a-1")], classification="NATO CONFIDENTIEL",
                   references=["PPC-DS(2012)0009"])
    page, html = html_of(doc)
    assert 'class="admonition danger"' in html and "NATO CONFIDENTIEL" in html
    assert "<dt>Date</dt><dd>4 novembre 2014</dd>" in html
    assert "<dt>Lieu</dt><dd>Monaco</dd>" in html and "PPC-DS(2012)0009" in html
    assert page["classification"] == "NATO CONFIDENTIEL" and page["source"]["sha256"] == "a" * 64


def test_preamble_and_operative_part_are_labelled_sections():
    doc = make_doc([
        Block("paragraph", "Nous, les Ministres,", number="P2", anchor="p-2"),
        Block("paragraph", "Conscients des efforts ;", number="P2A", anchor="p-2a", role="preamble"),
        Block("paragraph", "Convenons :", number="P3", anchor="p-3", role="operative"),
        Block("item", "De nous efforcer ;", anchor="a-1", role="operative"),
    ])
    _, html = html_of(doc)
    preamble = html.index('aria-label="Préambule"')
    operative = html.index('aria-label="Dispositif"')
    assert html.index('id="p-2"') < preamble < html.index('id="p-2a"') < operative < html.index('id="a-1"')
    assert html.count("<section") == 2 == html.count("</section>")
    assert '<p class="role-label">Dispositif</p>' in html and "<li>" in html


def test_front_matter_yaml_is_what_the_pure_python_emitter_writes():
    import random

    import yaml

    from coopsec.write.markdown import dump_yaml

    rng = random.Random(7)
    common = [*"abcdefé ÉàœŒ«»’'\"-:#&*!|>%@`,[]{}?~\\/.+=0123456789 ", "  ", "null", "yes", "- ", ": ", " #"]
    odd = ["\n", "\t", "\r", "\x85", "\u2028", "\ufeff", "\x07", "\U0001F600"]

    def text(lengths):
        return "".join(rng.choice(odd) if rng.random() < 0.01 else rng.choice(common)
                       for _ in range(rng.choice(lengths)))

    for _ in range(1000):
        width = rng.choice([80, 1000])
        lengths = [0, 1, 5, 20, 60, 70, 75, 80] if width == 80 else [0, 5, 100, 900, 980, 990, 1000]
        data = {"title": text(lengths), "references": [text(lengths) for _ in range(rng.randint(0, 2))],
                "source": {"file": text(lengths), "sha256": "a" * 64}, "search": {"exclude": rng.random() < 0.5}}
        if rng.random() < 0.1:
            data[text([0, 1, 3])] = "clé inhabituelle"
        expected = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=width)
        assert dump_yaml(data, width) == expected
