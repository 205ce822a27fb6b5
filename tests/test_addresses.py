"""Readable, stable page addresses: made from a text's date and title at its first publication, recorded in
``corpus/addresses.yml``, kept when the title is corrected, and the former addresses leading to the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import frontmatter
import pytest
from support import CIMO, INTERPOL, address

from coopsec.addresses import ADDRESSES, Address, AddressError, assign_addresses, load_addresses, record_addresses
from coopsec.model import Citation, DateSpan, Document, Meeting, Metadata, Place, Source
from coopsec.pipeline import build


def document(file: str, title: str, date: str = "") -> Document:
    slug = Path(file).stem.replace("_", "-")
    return Document(slug, Source(file, "", "", "utf-8", 0), Metadata(title=title, date=date))


def test_a_new_text_takes_its_date_and_title_with_elisions_apart():
    alger = document("000_a.txt", "Déclaration d'Alger", "2013-04-09")
    book: dict[str, Address] = {}
    new = assign_addresses([alger], book)
    assert alger.slug == "2013-04-09-declaration-d-alger"
    assert new == book == {"000_a.txt": Address("2013-04-09-declaration-d-alger", ["000-a"])}


def test_a_long_title_is_cut_between_words_without_a_small_word_left_at_the_end():
    doc = document("n.txt", "Compte rendu de la réunion des ministres de l'Intérieur de la Méditerranée occidentale",
                   "2012-04-19")
    assign_addresses([doc], {})
    # "…-des-ministres-de-l-interieur" would pass 64 characters: cut after "l", then "de" and "l" dropped
    assert doc.slug == "2012-04-19-compte-rendu-de-la-reunion-des-ministres"


def test_a_text_without_title_or_date_keeps_the_name_of_its_file():
    untitled, undated = document("note_7.txt", ""), document("b.txt", "Communiqué final")
    assign_addresses([untitled, undated], {})
    assert (untitled.slug, undated.slug) == ("note-7", "communique-final")


def test_two_texts_of_the_same_day_and_title_get_numbered_addresses_in_file_order():
    first, second = document("b.txt", "Communiqué", "2020-01-02"), document("a.txt", "Communiqué", "2020-01-02")
    assign_addresses([first, second], {})
    assert (second.slug, first.slug) == ("2020-01-02-communique", "2020-01-02-communique-2")


def test_a_recorded_address_is_kept_when_the_title_is_corrected():
    book = {"a.txt": Address("2013-04-09-declaration-dalger", ["a"])}
    corrected = document("a.txt", "Déclaration d'Alger sur la sécurité", "2013-04-09")
    assert assign_addresses([corrected], book) == {}
    assert corrected.slug == "2013-04-09-declaration-dalger"


def test_an_address_reserved_by_a_text_taken_out_is_not_given_to_another():
    book = {"gone.txt": Address("2020-01-02-communique", [])}
    doc = document("new.txt", "Communiqué", "2020-01-02")
    assign_addresses([doc], book)
    assert doc.slug == "2020-01-02-communique-2" and "gone.txt" in book


def test_the_meetings_a_text_cites_point_to_its_new_address():
    doc = document("000_a.txt", "Déclaration d'Alger", "2013-04-09")
    day = DateSpan(date(2012, 1, 1), date(2012, 1, 1), "day", "1er janvier 2012")
    doc.meetings = [Meeting("", "Conférence", day, Place(), "meeting", [Citation("000-a", "p-1", "la conférence")])]
    assign_addresses([doc], {})
    assert doc.meetings[0].sources[0].document == "2013-04-09-declaration-d-alger"


def test_new_entries_are_added_after_the_hand_edited_lines_which_stay_as_they_are(tmp_path):
    record = tmp_path / ADDRESSES
    hand = "# notre commentaire\na.txt:\n  address: ma-page   # choisie à la main\n"
    record.write_text(hand, encoding="utf-8")
    record_addresses(record, {"b.txt": Address("2020-01-02-b", ["b"])})
    text = record.read_text(encoding="utf-8")
    assert text.startswith(hand)
    assert load_addresses(record) == {"a.txt": Address("ma-page"), "b.txt": Address("2020-01-02-b", ["b"])}
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(("content", "message"), [
    ("a.txt:\n  address: [x\n", "addresses.yml, ligne 3 : fichier illisible"),
    ("a.txt:\n  former: [x]\n", "addresses.yml : a.txt : « address » manque"),
    ("a.txt:\n  address: Ma Page\n", "addresses.yml : a.txt : « Ma Page » n'est pas une adresse"),
    ("a.txt:\n  address: x\nb.txt:\n  address: y\n  former: [x]\n",
     "addresses.yml : b.txt : l'adresse « x » est déjà celle de a.txt"),
])
def test_a_bad_record_is_refused_with_its_name_and_line(tmp_path, content, message):
    (tmp_path / ADDRESSES).write_text(content, encoding="utf-8")
    with pytest.raises(AddressError, match="^" + message):
        load_addresses(tmp_path / ADDRESSES)


def test_the_seeds_are_published_at_their_recorded_addresses_and_their_file_names_lead_there(built_project):
    documents = built_project / "site" / "corpus" / "documents"
    # « Alger, les 8 et 9 avril 2013 », DÉCLARATION D'ALGER: the last day of the range, the title's words
    assert address(built_project, CIMO) == "2013-04-09-declaration-d-alger"
    assert (documents / "2013-04-09-declaration-d-alger.html").is_file()
    former = (documents / "000-7415aaa0d4f9534b.html").read_text(encoding="utf-8")
    assert 'location.replace("2013-04-09-declaration-d-alger.html" + location.hash)' in former
    assert 'content="0; url=2013-04-09-declaration-d-alger.html"' in former
    assert "Ce texte a une nouvelle adresse" in former and "Déclaration d’Alger</a>" in former  # as the text writes it
    assert not (built_project / "docs" / "corpus" / "documents" / "000-7415aaa0d4f9534b.md").exists()


def test_a_corrected_title_keeps_the_address_and_a_moved_address_redirects(project):
    build(project, bundle=False)
    page = address(project, INTERPOL)
    (project / "corpus" / "004_ea0fa361777e49ce.yml").write_text(
        (project / "corpus" / "004_ea0fa361777e49ce.yml").read_text(encoding="utf-8")
        + "title: Déclaration finale de Monaco\n", encoding="utf-8")
    record = project / "corpus" / ADDRESSES
    before = record.read_bytes()
    build(project, bundle=False)
    assert record.read_bytes() == before and address(project, INTERPOL) == page
    front = frontmatter.load(project / "docs" / "corpus" / "documents" / f"{page}.md")
    assert front["title"] == "Déclaration finale de Monaco"
    # the maintainer moves the page: the old address goes to « former » and leads to the new one
    record.write_text(before.decode().replace(f"address: {page}\n  former:\n",
                                              f"address: monaco-2014\n  former:\n  - {page}\n"), encoding="utf-8")
    build(project, bundle=False)
    moved = (project / "site" / "corpus" / "documents" / f"{page}.html").read_text(encoding="utf-8")
    assert 'location.replace("monaco-2014.html" + location.hash)' in moved
    assert (project / "site" / "corpus" / "documents" / "monaco-2014.html").is_file()


def test_a_broken_record_stops_the_build_and_keeps_the_published_site(project):
    build(project, bundle=False)
    index = (project / "site" / "index.html").read_bytes()
    (project / "corpus" / ADDRESSES).write_text("a.txt: [\n", encoding="utf-8")
    report = build(project, bundle=False)
    assert not report.published
    assert any(d.file == "corpus/addresses.yml" and "fichier illisible" in d.message for d in report.diagnostics)
    assert (project / "site" / "index.html").read_bytes() == index
