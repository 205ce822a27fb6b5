"""The facet data of the documents index (coopsec/write/facets.py), from the seed texts of corpus/.

Expected counts are read from the texts themselves, not from the program's output:
- 000 "DECLARATION D'ALGER" (Alger, 8-9 April 2013) and 004 "DÉCLARATION FINALE" (Monaco,
  4 November 2014) are declarations; 001 is a Council note (12838/23, Brussels, 15 September 2023);
  002 a web article (2018, its override); 003 an ambassador's letter of 19 April 2012 marked
  "CONFIDENTIEL", the only text that names the OTAN;
- terrorism ("terrorisme", "antiterroriste"...) is treated by every text except the Council note 001.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopsec.model import BuildReport, Document, Metadata, Source
from coopsec.pipeline import Project, Thesauri, process_corpus
from coopsec.write.facets import DECADES_FROM, FACETS_DATA, facet_data, facet_files, facets, index_address
from coopsec.write.markdown import DOCUMENTS_INDEX

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "window.coopsecFacetData="


@pytest.fixture(scope="module", name="seeds")
def fixture_seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Document], Thesauri]:
    from support import copy_project

    project = Project(copy_project(tmp_path_factory.mktemp("facets") / "project"))
    thesauri = Thesauri.load(project)
    return process_corpus(project, thesauri, BuildReport()), thesauri


def counts(data: dict, key: str) -> dict[str, int]:
    """Value key -> number of documents having it, counted from the document rows."""
    position = next(n for n, facet in enumerate(data["facets"]) if facet["key"] == key)
    facet = data["facets"][position]
    found = {value[0]: 0 for value in facet["values"]}
    for row in data["docs"]:
        held = row[5 + position]
        width = facet.get("multi", 0)
        indexes = [int(held[i:i + width], 36) for i in range(0, len(held), width)] if width else [held]
        for index in indexes:
            found[facet["values"][index][0]] += 1
    return found


def loaded(seeds: tuple[list[Document], Thesauri]) -> dict:
    docs, thesauri = seeds
    script = facet_files(docs, thesauri.themes, thesauri.actors)[FACETS_DATA]
    assert script.startswith(PREFIX) and script.endswith(";\n")
    return json.loads(script[len(PREFIX):-2])


def test_counts_read_from_the_seed_texts(seeds: tuple[list[Document], Thesauri]) -> None:
    data = loaded(seeds)
    assert data["total"] == len(data["docs"]) == 5
    assert counts(data, "type") == {"article": 1, "declaration": 2, "lettre": 1, "note": 1}
    assert counts(data, "annee") == {"2023": 1, "2018": 1, "2014": 1, "2013": 1, "2012": 1}
    assert counts(data, "classification") == {"sans": 4, "confidentiel": 1}
    assert counts(data, "organisation")["org-otan"] == 1
    assert counts(data, "theme")["terrorisme"] == 4
    assert counts(data, "pays")["pays-maroc"] >= 1  # the letter from the Moroccan mission
    assert len(counts(data, "emetteur")) == 5  # five issuing bodies, one text each


def test_labels_order_and_documents(seeds: tuple[list[Document], Thesauri]) -> None:
    data = loaded(seeds)
    by_key = {facet["key"]: facet for facet in data["facets"]}
    assert [facet["key"] for facet in data["facets"]] == [
        "type", "annee", "emetteur", "pays", "organisation", "lieu", "theme", "classification"]
    assert dict(by_key["type"]["values"])["declaration"] == "Déclaration"
    assert dict(by_key["classification"]["values"]) == {"sans": "Sans mention de classification",
                                                        "confidentiel": "Confidentiel"}
    assert [value[0] for value in by_key["annee"]["values"]] == ["2023", "2018", "2014", "2013", "2012"]
    assert by_key["pays"]["multi"] == 1 and "multi" not in by_key["type"]  # fewer than 36 countries named
    # documents newest first, each with its French date; links relative to the index page
    assert [row[2] for row in data["docs"]] == ["2023-09-15", "2018-06-19", "2014-11-04", "2013-04-09", "2012-04-19"]
    assert data["docs"][3][3] == "8–9 avril 2013"
    assert data["docs"][3][1] == "Déclaration d’Alger"
    assert data["base"] == "documents/" and data["ext"] == ".html"


def test_deterministic(seeds: tuple[list[Document], Thesauri]) -> None:
    docs, thesauri = seeds
    first = facet_files(docs, thesauri.themes, thesauri.actors)
    again = facet_files(list(reversed(docs)), thesauri.themes, thesauri.actors)
    assert first == again


def _doc(n: int, day: str, body: str = "", title: str = "") -> Document:
    source = Source(f"d{n}.txt", "", "0" * 64, "utf-8", 0)
    return Document(f"d{n}", source, Metadata(title=title or f"Texte {n}", date=day, issuing_body=body,
                                              doc_type="note"))


def test_many_years_shown_by_decade_years_still_filterable() -> None:
    docs = [_doc(n, f"{1990 + n}-01-0{1 + n % 9}") for n in range(DECADES_FROM)]
    docs.append(_doc(99, ""))
    keys = {facet.key: facet for facet in facets(docs, [], [])}
    assert keys["decennie"].values == [("2000", "Années 2000"), ("1990", "Années 1990"), ("sans", "Sans date")]
    assert keys["annee"].hidden and not keys["decennie"].hidden
    data = facet_data(docs, [], [])
    assert counts(data, "decennie") == {"2000": 3, "1990": 10, "sans": 1}


def test_multi_valued_facets_as_base36_digits() -> None:
    from coopsec.write.facets import Facet

    docs = [_doc(n, "2020") for n in range(3)]
    facet = Facet("x", "X", multi=True).fill(
        docs, lambda doc: [(f"v{k}", f"V{k:03d}") for k in range(40) if k % (int(doc.slug[1:]) + 1) == 0],
        lambda value, count: value[1])
    assert facet.width == 2  # 40 values: two digits each
    assert facet.encoded(2) == "00030609" + "0c0f0i0l0o0r0u0x1013"  # 0, 3, 6, ... 39 ("13"), in value order
    assert len(facet.encoded(0)) == 80


def test_free_text_values_get_distinct_keys_and_scripts_stay_inert() -> None:
    docs = [_doc(1, "2020", "Conseil de l'UE"), _doc(2, "2021", "Conseil de l’UE"), _doc(3, "2022", ""),
            _doc(4, "2023", title="</script><script>alert(1)</script>")]
    data = facet_data(docs, [], [])
    bodies = dict(next(facet for facet in data["facets"] if facet["key"] == "emetteur")["values"])
    assert len(set(bodies)) == 3 and bodies["sans"] == "Émetteur non précisé"
    assert "</script" not in facet_files(docs, [], [])[FACETS_DATA]


def test_index_address_from_a_theme_page() -> None:
    assert index_address("corpus/themes/terrorisme.md", theme="terrorisme") == "../index.md#theme=terrorisme"
    assert index_address(DOCUMENTS_INDEX, annee="2013", type="note") == "index.md#annee=2013&type=note"


def test_theme_and_actor_pages_link_into_the_index(seeds: tuple[list[Document], Thesauri]) -> None:
    from coopsec.write.taxonomy import actor_pages, theme_pages

    docs, thesauri = seeds
    themes = theme_pages(docs, thesauri.themes)
    assert "[Voir ces documents dans l'index](../index.md#theme=terrorisme)" in themes["corpus/themes/terrorisme.md"]
    actors = actor_pages(docs, thesauri.actors)
    assert "(../index.md#organisation=org-otan)" in actors["corpus/acteurs/org-otan.md"]
    assert "(../index.md#pays=pays-maroc)" in actors["corpus/acteurs/pays-maroc.md"]
