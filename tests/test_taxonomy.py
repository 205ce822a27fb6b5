"""Theme and actor pages: indexes, per-theme and per-actor pages, links, escaping, determinism."""

import re

import frontmatter
import markdown

from coopsec.model import Actor, Block, Document, Mention, Metadata, Part, Source, Theme
from coopsec.write.paging import PAGE_SIZE
from coopsec.write.taxonomy import actor_pages, theme_pages

TERRORISM = Theme("terrorisme", "Terrorisme", "La lutte contre le terrorisme.", ["terrorisme"])
CIVIL = Theme("protection-civile", "Protection civile", "Les catastrophes.", ["protection civile"])
MOROCCO = Actor("pays-maroc", "country", "Maroc", ["Maroc", "Royaume du Maroc", "marocain"])
NATO = Actor("org-otan", "organisation", "OTAN", ["OTAN", "NATO"])
ALGIERS = Actor("lieu-alger", "place", "Alger", ["Alger"])

P2I = (
    "Exprimant leur préoccupation particulière devant les graves menaces que font peser sur la paix et la "
    "sécurité internationales l’extrémisme violent"
)


def rendered(page: str) -> str:
    """The page's body as Python-Markdown renders it (MkDocs then writes ``.md`` links as ``.html``)."""
    return markdown.markdown(frontmatter.loads(page).content, extensions=["attr_list", "md_in_html"])


def make_doc(slug: str, title: str, day: str, blocks: list[Block]) -> Document:
    source = Source(path=f"{slug}.txt", text="", sha256="0" * 64, encoding="utf-8", size=0)
    return Document(
        slug=slug,
        source=source,
        meta=Metadata(title=title, date=day),
        parts=[Part(title=title, blocks=blocks)],
    )


def corpus() -> list[Document]:
    interpol = make_doc(
        "interpol",
        "Déclaration finale",
        "2014-11-04",
        [
            Block("paragraph", P2I, number="P2I", anchor="p-2i"),
            Block("paragraph", "Texte <script>alert(1)</script> sur le *terrorisme*", anchor="a-2"),
        ],
    )
    interpol.themes = {
        "terrorisme": [
            Mention("p-2i", "…l’expansion des réseaux terroristes…", ["terroristes"], "P2I"),
            Mention("a-2", "Texte <script>alert(1)</script> sur le *terrorisme*", ["terrorisme"]),
        ]
    }
    interpol.actors = {"org-otan": [Mention("p-2i", "l'OTAN", ["OTAN"], "P2I")]}
    alger = make_doc(
        "alger",
        "Déclaration d’Alger",
        "2013-04-09",
        [
            Block("paragraph", "Convaincus que le terrorisme ne saurait…", anchor="a-1"),
        ],
    )
    alger.themes = {
        "terrorisme": [Mention("a-1", "Convaincus que le terrorisme ne saurait…", ["terrorisme"])]
    }
    alger.actors = {
        "pays-maroc": [Mention("a-1", "Royaume du Maroc", ["Royaume du Maroc"])],
        "org-otan": [Mention("a-1", "NATO", ["NATO"])],
    }
    return [alger, interpol]


def test_themes_index_lists_labels_descriptions_and_counts():
    pages = theme_pages(corpus(), [TERRORISM, CIVIL])
    index = frontmatter.loads(pages["corpus/themes/index.md"])
    assert index["title"] == "Thèmes"
    assert "# Thèmes" in index.content
    assert "| [Terrorisme](terrorisme.md) | La lutte contre le terrorisme. | 2 | 3 |" in index.content
    assert "| [Protection civile](protection-civile.md) | Les catastrophes. | 0 | 0 |" in index.content


def test_theme_page_links_documents_and_paragraph_anchors():
    page = theme_pages(corpus(), [TERRORISM])["corpus/themes/terrorisme.md"]
    assert frontmatter.loads(page)["title"] == "Terrorisme"
    body = rendered(page)
    assert '<h2><a href="../documents/interpol.html">Déclaration finale</a></h2>' in body
    assert "4 novembre 2014" in page
    assert ('<li><a href="../documents/interpol.html#p-2i">§ P2I</a> : …l’expansion des réseaux terroristes…</li>'
            in body)
    assert '<li><a href="../documents/alger.html#a-1">¶ 1</a> : Convaincus que le terrorisme ne saurait…</li>' in body
    assert "2 documents, 3 paragraphes." in page
    assert page.index("interpol.html") < page.index("alger.html")  # newest first
    assert "\n## " not in page  # one heading per document, out of the table of contents
    assert "coopsec-pager" not in page  # two documents: one page


def test_a_long_listing_is_cut_into_pages_linked_to_each_other():
    many = [make_doc(f"d{n:03d}", f"Note {n}", f"2020-01-{n % 28 + 1:02d}", []) for n in range(PAGE_SIZE + 1)]
    for doc in many:
        doc.themes = {"terrorisme": [Mention("a-1", "le terrorisme", ["terrorisme"])]}
    pages = theme_pages(many, [TERRORISM])
    first, second = pages["corpus/themes/terrorisme.md"], pages["corpus/themes/terrorisme/page-2.md"]
    assert set(pages) == {"corpus/themes/index.md", "corpus/themes/terrorisme.md",
                          "corpus/themes/terrorisme/page-2.md"}
    assert frontmatter.loads(second)["title"] == "Terrorisme — page 2 sur 2"
    for page in (first, second):  # the counts are the whole listing's
        assert f"{PAGE_SIZE + 1} documents, {PAGE_SIZE + 1} paragraphes." in page
    listed = [re.findall(r'<h2><a href="([^"]+)"', page) for page in (first, second)]
    assert len(listed[0]) == PAGE_SIZE and len(listed[1]) == 1
    assert listed[1] == ["../../documents/d000.html"]  # 1 January, and first by name among that day's texts: last
    assert '<span aria-current="page">Page 1 sur 2</span>' in first
    assert '<a href="terrorisme/page-2.html" rel="next">Page suivante</a>' in first
    assert '<a href="../terrorisme.html" rel="prev">Page précédente</a>' in second
    assert "[Voir ces documents dans l'index](../../index.md#theme=terrorisme)" in second


def test_corpus_text_is_escaped():
    page = theme_pages(corpus(), [TERRORISM])["corpus/themes/terrorisme.md"]
    body = rendered(page)
    assert "&lt;script&gt;" in body and "<script>" not in body
    assert "*terrorisme*" in body and "<em>" not in body


def test_empty_theme_still_gets_a_page():
    page = theme_pages(corpus(), [CIVIL])["corpus/themes/protection-civile.md"]
    assert "Aucun document du corpus ne traite encore ce thème." in page
    assert "0 document, 0 paragraphe." in page


def test_actors_index_is_grouped_by_kind_with_counts_and_skips_unnamed_actors():
    pages = actor_pages(corpus(), [NATO, ALGIERS, MOROCCO])
    assert set(pages) == {
        "corpus/acteurs/index.md",
        "corpus/acteurs/pays-maroc.md",
        "corpus/acteurs/org-otan.md",
    }
    index = pages["corpus/acteurs/index.md"]
    assert frontmatter.loads(index)["title"] == "Acteurs"
    assert index.index("## Pays") < index.index("[Maroc](pays-maroc.md)") < index.index("## Organisations")
    assert "| [OTAN](org-otan.md) | 2 | 2 |" in index
    assert "## Lieux\n\nAucun acteur de ce type n'est nommé dans le corpus." in index


def test_actor_page_layout():
    page = actor_pages(corpus(), [NATO, MOROCCO])["corpus/acteurs/org-otan.md"]
    assert frontmatter.loads(page)["title"] == "OTAN"
    assert "Noms reconnus : NATO." in page
    body = rendered(page)
    assert '<li><a href="../documents/interpol.html#p-2i">§ P2I</a> : l\'OTAN' in body
    assert '<li><a href="../documents/alger.html#a-1">¶ 1</a> : NATO' in body


def test_output_is_deterministic():
    docs, themes, actors = corpus(), [TERRORISM, CIVIL], [MOROCCO, NATO, ALGIERS]
    assert theme_pages(docs, themes) == theme_pages(list(reversed(docs)), themes)
    assert actor_pages(docs, actors) == actor_pages(list(reversed(docs)), list(reversed(actors)))
