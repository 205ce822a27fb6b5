"""Links between texts: citations found in the paragraphs, resolved against the corpus, written on the pages.

Expected values come from reading the seed texts in corpus/, the devset texts in benchmarks/devset/ and the
small texts written here (tests/fixtures/citing_rabat.txt).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import CIMO, COUNCIL, INTERPOL, NATO, SEEDS, WEB

from coopsec.enrich.citations import find_citations, link_citations, paragraph_citations
from coopsec.extract.references import find_references, reference_key
from coopsec.model import Document
from coopsec.pipeline import Project, Thesauri, process
from coopsec.write.data import DOCUMENTS_JSON, data_files
from coopsec.write.pages import document_page

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project(ROOT)
FIXTURES = ROOT / "tests" / "fixtures"
DEVSET = ROOT / "benchmarks" / "devset"

RESOLUTION_2178 = """Nations Unies                                   S/RES/2178 (2014)
Conseil de sécurité                             Distr. générale
                                                24 septembre 2014

Résolution 2178 (2014)

Adoptée par le Conseil de sécurité à sa 7272e séance, le 24 septembre 2014

Le Conseil de sécurité,

Réaffirmant que le terrorisme sous toutes ses formes constitue une menace des plus graves contre la paix ;

1. Condamne l'extrémisme violent ;
"""

COUNCIL_NOTE = """Bruxelles, le 2 octobre 2023
(OR. en)

13500/23

NOTE

Origine:	la présidence
Destinataire:	Comité des représentants permanents

Objet:	Suite donnée à la déclaration conjointe UE-CLASI

1. La déclaration conjointe UE-CLASI (doc. 12838/23) a été approuvée par le Conseil le 28 septembre 2023.

2. Le Coreper est invité à prendre note de la présente note 13500/23 et des documents 2014/15 du groupe.
"""


@pytest.fixture(scope="module", name="thesauri")
def fixture_thesauri() -> Thesauri:
    return Thesauri.load(PROJECT)


def corpus(folder: Path, thesauri: Thesauri) -> dict[str, Document]:
    """The documents of every text of ``folder``, processed and linked, by slug."""
    docs = [process(path, Project(folder.parent), thesauri) for path in sorted(folder.glob("*.txt"))]
    link_citations(docs, thesauri.places)
    return {doc.slug: doc for doc in docs}


def seed_corpus(tmp_path: Path, *extra: tuple[str, str]) -> Path:
    """A corpus folder with the seeds (and their overrides) and extra texts (name, content)."""
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    for name, text in extra:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def slug(name: str) -> str:
    return Path(name).stem.replace("_", "-")


def cites(doc: Document) -> list[tuple[str, str, str, str]]:
    return [(c.kind, c.wording, c.label, c.target) for c in doc.cites]


@pytest.fixture(scope="module", name="seeds")
def fixture_seeds(thesauri: Thesauri, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    return corpus(seed_corpus(tmp_path_factory.mktemp("seeds")), thesauri)


def test_seeds_cite_texts_outside_the_corpus(seeds: dict[str, Document]) -> None:
    # 000: "Rappelant la Déclaration de Malte ayant sanctionné le deuxième (2ème) Sommet…" (11th paragraph);
    # 001: footnote 1 "Doc. 11301/23."; 003: footnote ¹ "C-M(2010)0019" of the NATO record;
    # 004: "P3G: Rappelant la résolution 2178 (2014) du Conseil de sécurité…"; 002 names no other text.
    assert cites(seeds[slug(CIMO)]) == [("déclaration", "Déclaration de Malte", "§ 11", "")]
    assert cites(seeds[slug(COUNCIL)]) == [("référence", "11301/23", "note 1", "")]
    assert cites(seeds[slug(NATO)]) == [("référence", "C-M(2010)0019", "note 1", "")]
    assert cites(seeds[slug(INTERPOL)]) == [("résolution", "résolution 2178 (2014)", "§ P3G", "")]
    assert seeds[slug(INTERPOL)].cites[0].year == "2014"
    assert cites(seeds[slug(WEB)]) == []


def test_no_seed_cites_another(seeds: dict[str, Document]) -> None:
    """The five seeds cite earlier texts (the Malta declaration, Council documents, a resolution), none of them
    in the corpus: no seed is cited by another."""
    assert len(seeds) == len(SEEDS)
    assert all(not doc.cited_by for doc in seeds.values())


def test_a_new_text_citing_two_seeds(thesauri: Thesauri, tmp_path: Path) -> None:
    text = (FIXTURES / "citing_rabat.txt").read_text(encoding="utf-8")
    docs = corpus(seed_corpus(tmp_path, ("citing_rabat.txt", text)), thesauri)
    rabat = docs["citing-rabat"]
    assert cites(rabat) == [
        ("déclaration", "Déclaration d'Alger", "§ 1", slug(CIMO)),  # Alger, 8-9 April 2013: the 15th CIMO
        ("référence", "ST 12838 2023 INIT", "§ 2", slug(COUNCIL)),  # the register's form of 12838/23
        ("résolution", "résolution 2178 (2014)", "§ 3", ""),
        ("déclaration", "Déclaration de Malte", "§ 4", ""),  # "la présente Déclaration de Rabat" is itself
    ]
    (alger,) = docs[slug(CIMO)].cited_by
    assert (alger.document, alger.title, alger.date, alger.date_fr, alger.anchor, alger.label) == (
        "citing-rabat", "Déclaration de Rabat", "2024-03-14", "14 mars 2024", "p-1", "§ 1")
    assert [c.document for c in docs[slug(COUNCIL)].cited_by] == ["citing-rabat"]


def test_a_resolution_cited_by_number(thesauri: Thesauri, tmp_path: Path) -> None:
    """The INTERPOL declaration of 4 November 2014 cites resolution 2178 (2014), here added to the corpus."""
    docs = corpus(seed_corpus(tmp_path, ("res_2178.txt", RESOLUTION_2178)), thesauri)
    resolution = docs["res-2178"]
    assert resolution.meta.doc_type == "résolution"
    assert [(c.document, c.label, c.wording) for c in resolution.cited_by] == [
        (slug(INTERPOL), "§ P3G", "résolution 2178 (2014)")]
    assert cites(resolution) == []  # its own symbol S/RES/2178 (2014) is in its header, not cited


def test_a_council_note_cited_by_its_code(thesauri: Thesauri, tmp_path: Path) -> None:
    docs = corpus(seed_corpus(tmp_path, ("note_13500.txt", COUNCIL_NOTE)), thesauri)
    note = docs["note-13500"]
    assert note.meta.references[0] == "13500/23"
    # its own code is not a citation, nor a span of years ("2014/15")
    assert cites(note) == [("référence", "12838/23", "§ 1", slug(COUNCIL))]
    assert [(c.document, c.anchor) for c in docs[slug(COUNCIL)].cited_by] == [("note-13500", "p-1")]


def test_devset_declaration_cites_a_resolution(thesauri: Thesauri, tmp_path: Path) -> None:
    """d02 (Déclaration d'Alger, 8-9 April 2013) « Prenant acte de la résolution 2085 (2012) » -> d13, the
    resolution 2085 (2012) of 20 December 2012; d07, a dispatch of 22 January 2018 on the « Déclaration
    d'Alger » adopted in Alger the day before, does not cite the Alger declaration of 2013."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("d02-declaration-alger-cimo.txt", "d07-depeche-aps-dialogue-5plus5-alger.txt",
                 "d13-csnu-resolution-2085-mali.txt"):
        shutil.copy(DEVSET / name, folder / name)
    docs = corpus(folder, thesauri)
    d02, d13 = docs["d02-declaration-alger-cimo"], docs["d13-csnu-resolution-2085-mali"]
    assert ("résolution", "résolution 2085 (2012)", "§ 7", d13.slug) in cites(d02)
    assert [(c.document, c.anchor) for c in d13.cited_by] == [(d02.slug, "a-7")]
    assert not d02.cited_by
    assert all(c.target == "" for c in docs["d07-depeche-aps-dialogue-5plus5-alger"].cites)


def test_paragraph_citations_wordings(thesauri: Thesauri) -> None:
    text = ("Rappelant la DECLARATION DE NOUAKCHOTT, le Communiqué final du sommet de Niamey (2018), "
            "les conclusions de la réunion, la résolution n° 2396 et le document PPC-DS(2012)0009")
    found = paragraph_citations(text, "p-1", "§ 1", thesauri.places)
    assert [(c.kind, c.wording, c.year) for c in found] == [
        ("déclaration", "DECLARATION DE NOUAKCHOTT", ""),
        ("communiqué", "Communiqué final du sommet de Niamey", "2018"),
        ("résolution", "résolution n° 2396", ""),
        ("référence", "PPC-DS(2012)0009", ""),
    ]
    assert all(text[c.start:c.end] == c.wording for c in found)
    assert paragraph_citations("la Déclaration de Principes et la déclaration de la délégation", "a-1", "",
                               thesauri.places) == []


def test_reference_codes_in_register_form() -> None:
    assert reference_key("ST 12838 2023 INIT") == "12838/23"
    assert reference_key("ST 12517 1 2023 REV 1 INIT") == "12517/1/23 REV 1"
    assert reference_key("12838/23") == "12838/23"
    assert find_references("ST 12838 2023 INIT") == ["ST 12838 2023 INIT"]


def test_pages_and_data(thesauri: Thesauri, tmp_path: Path) -> None:
    text = (FIXTURES / "citing_rabat.txt").read_text(encoding="utf-8")
    docs = corpus(seed_corpus(tmp_path, ("citing_rabat.txt", text)), thesauri)
    rabat, alger = docs["citing-rabat"], docs[slug(CIMO)]
    page = document_page(rabat)
    assert f"Rappelant la <a href=\"{alger.slug}.html\">Déclaration d'Alger</a> adoptée" in page  # an HTML block
    assert f'<a href="{slug(COUNCIL)}.html">ST 12838 2023 INIT</a>' in page
    assert "## Textes cités hors corpus { #cites-hors-corpus }" in page
    assert "- « résolution 2178 (2014) » : [§ 3](#p-3)" in page
    assert "- « Déclaration de Malte » : [§ 4](#p-4)" in page
    target = document_page(alger)
    assert ("## Cité par { #cite-par }\n\n- [Déclaration de Rabat](citing-rabat.md), 14 mars 2024 : "
            "[§ 1](citing-rabat.md#p-1) (« Déclaration d'Alger »)") in target
    records = {r["slug"]: r for r in json.loads(data_files(list(docs.values()), [])[DOCUMENTS_JSON])}
    assert records[alger.slug]["cited_by"] == [{
        "document": "citing-rabat", "title": "Déclaration de Rabat", "date": "2024-03-14", "anchor": "p-1",
        "paragraph": "§ 1", "wording": "Déclaration d'Alger", "url": "corpus/documents/citing-rabat.html#p-1"}]
    first = records["citing-rabat"]["cites"][0]
    assert (first["document"], first["document_url"], first["url"]) == (
        alger.slug, f"corpus/documents/{alger.slug}.html", "corpus/documents/citing-rabat.html#p-1")
    assert records["citing-rabat"]["cites"][2]["document"] == ""


def test_find_citations_is_per_document(seeds: dict[str, Document], thesauri: Thesauri) -> None:
    doc = seeds[slug(INTERPOL)]
    assert [c.wording for c in find_citations(doc, thesauri.places)] == ["résolution 2178 (2014)"]


def test_a_code_names_the_document_it_is_the_code_of(thesauri: Thesauri, tmp_path: Path) -> None:
    """Seed 001 (12838/23) gives « N° doc. préc.: 12517/1/23 REV 1 » in its header: a text citing
    12517/1/23 REV 1 cites that earlier version when the corpus has it, not 001, though 001 is later."""
    earlier = COUNCIL_NOTE.replace("13500/23", "12517/1/23 REV 1").replace("2 octobre", "5 septembre")
    citing = COUNCIL_NOTE.replace("doc. 12838/23", "doc. 12517/1/23 REV 1")
    docs = corpus(seed_corpus(tmp_path, ("note_12517.txt", earlier), ("note_13500.txt", citing)), thesauri)
    assert "12517/1/23 REV 1" in docs[slug(COUNCIL)].meta.references
    assert cites(docs["note-13500"]) == [("référence", "12517/1/23 REV 1", "§ 1", "note-12517")]


def test_jsonld_lists_the_cited_texts(thesauri: Thesauri, tmp_path: Path) -> None:
    from coopsec.write.chronology import document_jsonld

    text = (FIXTURES / "citing_rabat.txt").read_text(encoding="utf-8")
    docs = corpus(seed_corpus(tmp_path, ("citing_rabat.txt", text)), thesauri)
    block = document_jsonld(docs["citing-rabat"])
    data = json.loads(block[block.index("{"):block.rindex("}") + 1])
    assert data["citation"] == [
        {"@type": "CreativeWork", "url": f"{slug(CIMO)}.html"},
        {"@type": "CreativeWork", "url": f"{slug(COUNCIL)}.html"},
        {"@type": "CreativeWork", "name": "résolution 2178 (2014)"},
        {"@type": "CreativeWork", "name": "Déclaration de Malte"},
    ]


def test_a_cited_paragraph_is_linked_to_its_anchor(thesauri: Thesauri, tmp_path: Path) -> None:
    """« paragraphe P2A de la Déclaration de Monaco »: seed 004, adopted in Monaco on 4 November 2014, has a
    paragraph P2A (« Conscients qu'au cours des 100 dernières années… », anchor p-2a); it has no paragraph 99."""
    text = ("DÉCLARATION DE LYON\n\nLyon, le 3 mars 2016\n\n"
            "1. Rappelant le paragraphe P2A de la Déclaration de Monaco et le point 99 de la Déclaration de Monaco ;\n")
    docs = corpus(seed_corpus(tmp_path, ("lyon.txt", text)), thesauri)
    first, second = docs["lyon"].cites
    assert (first.wording, first.paragraph, first.target, first.target_anchor) == (
        "paragraphe P2A de la Déclaration de Monaco", "P2A", slug(INTERPOL), "p-2a")
    assert (second.wording, second.target, second.target_anchor) == (
        "point 99 de la Déclaration de Monaco", slug(INTERPOL), "")
    page = document_page(docs["lyon"])
    assert f'<a href="{slug(INTERPOL)}.html#p-2a">paragraphe P2A de la Déclaration de Monaco</a>' in page
    assert f'<a href="{slug(INTERPOL)}.html">point 99 de la Déclaration de Monaco</a>' in page
    assert [c.label for c in docs[slug(INTERPOL)].cited_by] == ["§ 1", "§ 1"]
