"""Search index: analysis shared with search.js, index layout, scale."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from coopsec.model import Block, Document, Metadata, Part, Source, note_call
from coopsec.publish.search import SEARCH_DIR, _impacts, _shard_keys, analysis, compounds, search_files, search_units
from coopsec.text import fold
from coopsec.text import search_stem as stem
from coopsec.text import search_terms as terms

ROOT = Path(__file__).resolve().parents[1]
SEARCH_JS = ROOT / "docs" / "assets" / "search.js"
SHARD_RE = re.compile(r"^window\.coopsecSearch\.addShard\((.*)\);\n$", re.DOTALL)

TRICKY = [
    "l'OTAN",
    "L’OTAN",
    "d’Alger",
    "qu’il",
    "jusqu'à",
    "lorsqu’en",
    "aujourd'hui",
    "États-Unis",
    "ÉTATS-UNIS",
    "Œuvre cœur",
    "ex æquo",
    "sécurité SÉCURITÉ Sécurité",
    "coopération",
    "réseaux réseau",
    "terroriste terroristes terrorisme anti-terroriste",
    "criminalité organisée",
    "migration irrégulière irréguliers",
    "européenne européens",
    "Nations Unies Etats-Unis",
    "12838/23",
    "PPC-DS(2012)0009",
    "n°. 143/4 P/2012/CRY",
    "P2A: Conscients",
    "15ème conférence",
    "ﬁnancement",
    "« Turn Back Crime »",
    "C'EST l`OTAN l´UE l‘UE lʼUE",
    "\ue0001\ue001 note",
    "",
]


def run_node(strings: list[str]) -> list[list]:
    """[fold, terms] of each string, computed by search.js under node, with the analysis the build writes."""
    program = (
        f"const a = require({json.dumps(str(SEARCH_JS))});"
        f"a.configure({json.dumps(analysis())});"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map(s => [a.fold(s), a.terms(s)])));"
    )
    done = subprocess.run(
        ["node", "-e", program], input=json.dumps(strings), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="node absent")
def test_javascript_analysis_matches_python() -> None:
    corpus = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").glob("*.txt"))]
    strings = TRICKY + corpus
    assert run_node(strings) == [[fold(s), terms(s)] for s in strings]


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (["terroriste", "terroristes", "terrorisme"], True),
        (["réseau", "réseaux"], True),
        (["organisé", "organisée", "organisées"], True),
        (["irrégulière", "irréguliers", "irrégulier"], True),
        (["criminelle", "criminels"], True),
        (["européenne", "européens"], True),
        (["internationale", "internationaux"], True),
        (["Unies", "Unis"], False),  # Nations Unies is not États-Unis
        (["coopération", "coopérations"], True),
        (["Algérie", "Alger"], False),
        (["sécurité", "sécuritaire"], False),
        (["terroriste", "terreur"], False),
        (["passe", "passage"], False),
    ],
)
def test_stemming_groups_inflections(words: list[str], same: bool) -> None:
    stems = {stem(token) for word in words for token in terms(word)}
    assert (len(stems) == 1) is same


def test_terms_ignore_accents_case_elisions_and_stopwords() -> None:
    assert terms("la Sécurité de l’OTAN") == ["securite", "otan"]
    assert terms("SECURITE") == terms("sécurité")
    assert terms("Etats-Unis") == terms("États Unis") == ["etat", "uni"]
    assert terms("12838/23") == ["12838", "23"]
    assert terms("PPC-DS(2012)0009") == ["ppc", "ds", "2012", "0009"]


def make_doc(slug: str, title: str, paragraphs: list[str], **meta: object) -> Document:
    blocks = [Block("heading", "Préambule", level=2)]
    blocks += [Block("paragraph", text, anchor=f"p-{n}") for n, text in enumerate(paragraphs, 1)]
    source = Source(path=f"{slug}.txt", text="", sha256="", encoding="utf-8", size=0)
    return Document(slug, source, Metadata(title=title, **meta), [Part(title, blocks)])


def load(files: dict[str, str], path: str) -> dict:
    match = SHARD_RE.match(files[path])
    assert match, path
    return json.loads(match.group(1))


def test_a_large_prefix_is_split_into_longer_shard_keys() -> None:
    # one term of 150 kB under "co", two of 60 kB: together above SHARD_BYTES, so "co" is split by a third letter;
    # "co" itself keeps the key "co", "re" (small) stays whole
    sizes = {"cooperation": 150_000, "commission": 60_000, "comite": 60_000, "co": 10, "reseau": 50, "retour": 50}
    assert _shard_keys(sizes) == {"cooperation": "coo", "commission": "com", "comite": "com", "co": "co",
                                  "reseau": "re", "retour": "re"}
    sizes = {"commission": 150_000, "comite": 150_000, "coop": 10}  # "com" is still too large: "comm", "comi"
    assert _shard_keys(sizes) == {"commission": "comm", "comite": "comi", "coop": "coo"}


def postings(files: dict[str, str], term: str) -> list[int]:
    shard = load(files, f"{SEARCH_DIR}/i/{term[:2]}.js")
    numbers, total = [], 0
    for gap, _weight in re.findall(r"([0-9a-z]+)([A-Z])", shard["terms"][term]):
        total += int(gap, 36)
        numbers.append(total)
    return numbers


@pytest.fixture(name="files")
def fixture_files() -> dict[str, str]:
    return search_files(
        [
            make_doc(
                "b-declaration",
                "Déclaration d’Alger",
                [
                    "La lutte contre le terrorisme" + note_call("1") + " et la sécurité.",
                    "Les réseaux terroristes et l'OTAN.",
                ],
                place="Alger",
                date="2013-04-09",
                date_text="08 et 09 Avril 2013",
                doc_type="déclaration",
            ),
            make_doc(
                "a-note",
                "Note du Conseil",
                ["Coopération policière </script><img src=x onerror=alert(1)>"],
                references=["12838/23"],
                issuing_body="Conseil de l'Union européenne",
            ),
        ]
    )


def test_document_table_and_units(files: dict[str, str]) -> None:
    table = load(files, f"{SEARCH_DIR}/docs.js")
    # each: metadata, paragraphs (a heading is a field of the paragraph it leads to); documents in slug order
    assert table["first"] == "0,2"  # the note's units start at 0, the declaration's at 2
    assert table["units"] == 5
    assert table["analysis"] == analysis() and table["analysis"]["keyLength"] == 2
    text = load(files, f"{SEARCH_DIR}/t/0.js")
    assert [anchor for anchor, _ in text["units"]] == ["", "p-1", "", "p-1", "p-2"]
    # the rows of the documents whose units the chunk holds: number, page, title, subtitle (in French: the
    # type's label, the date as the site writes it, the place)
    assert text["docs"] == [
        [0, "corpus/documents/a-note.html", "Note du Conseil", ""],
        [1, "corpus/documents/b-declaration.html", "Déclaration d’Alger", "Déclaration · 8–9 avril 2013 · Alger"],
    ]
    # footnote calls are not shown in excerpts
    assert text["units"][3][1] == "La lutte contre le terrorisme et la sécurité."
    assert set(table["shards"]) == {p.split("/")[-1][:-3] for p in files if "/i/" in p}


def test_postings_find_paragraphs_and_metadata(files: dict[str, str]) -> None:
    assert postings(files, "terror") == [3, 4]
    assert postings(files, "otan") == [4]
    assert postings(files, "securite") == [3]
    assert postings(files, "12838") == [0]  # reference code, in the metadata unit
    assert postings(files, "alger") == [2]  # title and place
    assert postings(files, "preambule") == [1, 3]  # heading, a field of the next paragraph
    forms = load(files, f"{SEARCH_DIR}/i/te.js")["forms"]["terror"]
    assert forms == {"terrorisme": "3", "terroristes": "4"}  # exact forms, to rank them above the stem
    shards = [load(files, path)["terms"] for path in files if "/i/" in path]
    assert not any("le" in shard or "et" in shard for shard in shards)  # stopwords


def test_pair_shards_hold_consecutive_terms(files: dict[str, str]) -> None:
    table = load(files, f"{SEARCH_DIR}/docs.js")
    assert set(table["pairs"]) == {p.split("/")[-1][:-3] for p in files if "/p/" in p}
    assert load(files, f"{SEARCH_DIR}/p/re-t.js")["pairs"] == {"reseau terror": "4"}  # "réseaux terroristes"
    # stopwords are left out, as in a query: "lutte contre le terrorisme" gives "lutte contre", "contre terror"
    assert load(files, f"{SEARCH_DIR}/p/co-t.js")["pairs"]["contre terror"] == "3"
    assert f"{SEARCH_DIR}/p/te-r.js" not in files  # "terroristes" is never followed by "réseaux"


def test_a_hyphenated_word_is_also_indexed_joined() -> None:
    """« cyber-défense » is found by « cyberdefense » as well as by its parts; the joined word takes its field's
    weight and does not lengthen it, nor make a pair."""
    assert compounds("La cyber-défense, l'anti-terrorisme, 2012-2015, G5-Sahel") == ["cyberdefense", "antiterrorisme"]
    joined, plain = search_files([make_doc("a-note", "Note", ["La cyber-défense des réseaux et la sécurité."])]), \
        search_files([make_doc("a-note", "Note", ["La cyber défense des réseaux et la sécurité."])])
    assert postings(joined, "cyberdefense") == [1]
    assert postings(joined, "cyber") == postings(plain, "cyber") == [1]
    assert load(joined, f"{SEARCH_DIR}/i/se.js") == load(plain, f"{SEARCH_DIR}/i/se.js")  # same weights
    assert load(joined, f"{SEARCH_DIR}/p/cy-d.js") == load(plain, f"{SEARCH_DIR}/p/cy-d.js")
    assert not [path for path in joined if "/p/" in path and path not in plain]
    unit = search_units(make_doc("a-note", "Note", ["La cyber-défense."]))[1]
    assert unit.fields == {"heading": "preambule", "text": "cyber defense", "text+": "cyberdefense"}
    assert _impacts([unit])[0]["cyberdefense"] == _impacts([unit])[0]["cyber"]


def test_corpus_text_cannot_close_the_script(files: dict[str, str]) -> None:
    shard = files[f"{SEARCH_DIR}/t/0.js"]
    assert "</script>" not in shard and "<img" not in shard
    assert load(files, f"{SEARCH_DIR}/t/0.js")["units"][1][1].startswith("Coopération policière </script><img")


def test_search_page_is_french_and_accessible(files: dict[str, str]) -> None:
    page = files["corpus/recherche.md"]
    assert 'role="search"' in page and '<label for="coopsec-page-q">' in page
    assert 'id="coopsec-page-q" name="q"' in page and 'role="status"' in page


def test_the_index_merges_each_documents_share_as_cached_with_it() -> None:
    """A text's share of the index (``Document.search``, kept in the conversion cache) gives the index its
    analysis on the spot gives; the index merges the share without analysing the text again."""
    docs = [make_doc("a-note", "Note du Conseil", ["Coopération policière.", "Réseaux terroristes."]),
            make_doc("b-lettre", "Lettre", ["La sécurité des frontières."])]
    fresh = search_files(docs)
    for doc in docs:
        doc.search = search_units(doc)
    assert search_files(docs) == fresh
    second = docs[0].search[2]  # « Réseaux terroristes. »: unit 2 (the metadata unit, then the paragraphs)
    docs[0].search[2] = replace(second, fields={"text": "xylographi"}, forms="xylographie xylographi", pairs="")
    merged = search_files(docs)
    assert postings(merged, "xylographi") == [2]
    assert not [path for path, content in merged.items() if "/i/" in path and '"reseau"' in content]
    assert [path for path, content in fresh.items() if "/i/" in path and '"reseau"' in content] == [
        f"{SEARCH_DIR}/i/re.js"]


def test_index_stays_small_at_scale() -> None:
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))).split()
    windows = [" ".join(words[start : start + 130]) for start in range(0, len(words) - 130, 70)]
    docs = [
        make_doc(f"doc-{n:04d}", f"Document {n}", [windows[(n * 12 + k) % len(windows)] for k in range(12)])
        for n in range(1000)
    ]
    files = search_files(docs)
    index = {path: len(content.encode()) for path, content in files.items() if "/i/" in path}
    text = {path: len(content.encode()) for path, content in files.items() if "/t/" in path}
    assert sum(text.values()) > 10_000_000
    assert max(text.values()) < 200_000  # one excerpt chunk
    assert max(index.values()) < 400_000  # one prefix shard
    pairs = [len(content.encode()) for path, content in files.items() if "/p/" in path]
    assert max(pairs) < 400_000  # one pair shard, loaded for a quoted phrase
    assert len(files[f"{SEARCH_DIR}/docs.js"]) < 200_000
