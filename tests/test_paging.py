"""Listings cut into pages: addresses, sizes and the navigation between pages."""

import re

from coopsec.model import Document, Metadata, Source
from coopsec.write.indexes import documents_index
from coopsec.write.markdown import DOCUMENTS_INDEX
from coopsec.write.paging import PAGE_SIZE, chunks, page_path, page_title, pager


def test_pages_hold_at_most_the_page_size_and_every_entry_once():
    pages = chunks(list(range(7)), size=3)
    assert [list(page) for page in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert [list(page) for page in chunks([], size=3)] == [[]]  # an empty listing still has its page


def test_page_one_keeps_the_listing_address():
    assert page_path("corpus/themes/terrorisme.md", 1) == "corpus/themes/terrorisme.md"
    assert page_path("corpus/themes/terrorisme.md", 3) == "corpus/themes/terrorisme/page-3.md"
    assert page_path("corpus/index.md", 2) == "corpus/index/page-2.md"
    assert page_title("Terrorisme", 1, 4) == "Terrorisme"
    assert page_title("Terrorisme", 3, 4) == "Terrorisme — page 3 sur 4"


def test_navigation_links_first_previous_next_and_last_pages():
    nav = "".join(pager("corpus/themes/terrorisme.md", 3, 5))
    links = dict((text, href) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav))
    assert links == {"Première page": "../terrorisme.html", "Page précédente": "page-2.html",
                     "Page suivante": "page-4.html", "Dernière page": "page-5.html"}
    assert '<span aria-current="page">Page 3 sur 5</span>' in nav
    assert nav.startswith('<nav class="coopsec-pager" aria-label="Pages de la liste">')


def test_first_and_last_pages_link_only_onwards_or_back():
    first = "".join(pager("corpus/index.md", 1, 2))
    assert re.findall(r">([^<]+)</a>", first) == ["Page suivante", "Dernière page"]
    assert 'href="index/page-2.html"' in first
    last = "".join(pager("corpus/index.md", 2, 2))
    assert re.findall(r">([^<]+)</a>", last) == ["Première page", "Page précédente"]
    assert 'href="../index.html"' in last
    assert pager("corpus/index.md", 1, 1) == []  # one page: no navigation


def test_the_documents_index_plain_table_is_cut_into_pages():
    docs = [Document(f"d{n:03d}", Source(f"d{n:03d}.txt", "", "", "utf-8", 0),
                     Metadata(title=f"Note {n}", date=f"2020-01-{n % 28 + 1:02d}")) for n in range(PAGE_SIZE + 1)]
    pages = documents_index(docs)
    assert set(pages) == {DOCUMENTS_INDEX, "corpus/index/page-2.md"}
    first, second = pages[DOCUMENTS_INDEX], pages["corpus/index/page-2.md"]
    assert first.count("](documents/d") == PAGE_SIZE
    assert second.count("](../documents/d") == 1
    assert "[Note 0](../documents/d000.md)" in second  # 1 January, and first by name among that day's texts
    assert 'id="coopsec-facets"' in first and 'id="coopsec-facets"' not in second  # the filters: on page 1
    assert "title: Documents — page 2 sur 2\n" in second
    for page in (first, second):
        assert f"Le corpus compte {PAGE_SIZE + 1} documents" in page
    assert '<a href="index/page-2.html" rel="next">Page suivante</a>' in first
    assert '<a href="../index.html" rel="prev">Page précédente</a>' in second
