"""Each seed text, converted end to end (read -> clean -> structure -> metadata).

Expected values come from reading the texts in corpus/.
"""

from pathlib import Path

import pytest

from coopsec.model import plain
from coopsec.pipeline import Project, convert

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project(ROOT)

SEEDS = {
    "000_7415aaa0d4f9534b.txt": dict(
        title="Déclaration d’Alger", title_source="DECLARATION D’ALGER",
        doc_type="déclaration", date="2013-04-09", place="Alger",  # a range: its last day
        date_text="les 08 et 09 Avril 2013"),
    "001_874993d00a89d4a5.txt": dict(
        doc_type="note", date="2023-09-15", place="Bruxelles", date_text="le 15 septembre 2023"),
    "002_78ad2da195104e9c.txt": dict(
        title="La coopération entre États : un enjeu de la lutte anti-terroriste",  # from the override
        title_source="Les coopérations entre états sont aujourd'hui devenues un véritable enjeu dans la…",
        doc_type="article", date="2018-06-19", date_text="le 19 juin 2018"),
    "003_7c59c344a3186c0e.txt": dict(
        doc_type="lettre", date="2012-04-19", place="Bruxelles", date_text="19 avril 2012",
        classification="Confidentiel"),
    "004_ea0fa361777e49ce.txt": dict(
        title="Déclaration finale", title_source="DÉCLARATION FINALE",
        doc_type="déclaration", date="2014-11-04", place="Monaco",
        date_text="Le 4 novembre 2014"),
}


@pytest.fixture(scope="module", name="docs")
def fixture_docs():
    return {name: convert(ROOT / "corpus" / name, PROJECT) for name in SEEDS}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_metadata(docs, name):
    meta = docs[name].meta
    for field, expected in SEEDS[name].items():
        assert getattr(meta, field) == expected, field


def test_council_note_title_references_and_body(docs):
    meta = docs["001_874993d00a89d4a5.txt"].meta
    assert meta.title.startswith("Déclaration conjointe des ministres de l'intérieur des États membres")
    assert meta.title.endswith("(déclaration conjointe UE-CLASI)")
    assert "12838/23" in meta.references and "JAI 1133" in meta.references
    assert meta.issuing_body == "Conseil de l'Union européenne (la présidence)"
    assert "title" in meta.guessed


def test_override_wins_and_is_not_listed_as_guessed(docs):
    meta = docs["003_7c59c344a3186c0e.txt"].meta
    assert meta.issuing_body == "Mission du Royaume du Maroc auprès de l'OTAN"
    assert "place" not in meta.guessed and "issuing_body" not in meta.guessed
    assert "date" in meta.guessed


def test_letter_and_annexed_record_keep_their_own_dates_references_and_markings(docs):
    letter, record = docs["003_7c59c344a3186c0e.txt"].parts
    assert letter.date.iso() == ("2012-04-19", "2012-04-19")
    assert "143/4 P/2012/CRY" in letter.references
    assert record.date.iso() == ("2012-03-09", "2012-03-09")
    assert record.references == ["PPC-DS(2012)0009"]
    assert record.classification == "NATO CONFIDENTIEL"


def test_cimo_participants_are_the_nine_delegations(docs):
    participants = docs["000_7415aaa0d4f9534b.txt"].meta.participants
    assert len(participants) == 9
    assert participants[0].startswith("M. JORGE FERNANDEZ DIAZ")
    assert participants[-1].startswith("M. LOTFI BEN JEDDOU")


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_no_block_keeps_markup_or_debris(docs, name):
    for block in docs[name].blocks():
        text = plain(block.text)
        assert "<sup>" not in text and "**" not in text and "\f" not in text
        assert text == text.strip() and "  " not in text



def test_an_override_silences_the_guess_it_corrects(docs, tmp_path):
    assert not any(d.field == "title" for d in docs["002_78ad2da195104e9c.txt"].diagnostics)
    (tmp_path / "corpus").mkdir()
    copy = tmp_path / "corpus" / "article.txt"
    copy.write_bytes((ROOT / "corpus" / "002_78ad2da195104e9c.txt").read_bytes())
    guessed = convert(copy, Project(tmp_path))
    assert any(d.field == "title" and d.level == "warning" for d in guessed.diagnostics)


SEED_HEADINGS = {  # read in the seeds: headings in capitals, and how the text itself spells their words
    "000_7415aaa0d4f9534b.txt": [
        "La lutte contre le terrorisme",
        "La lutte contre le crime organisé",  # « crime organisé » in the body
        "La circulation des personnes et la migration irrégulière",
        "Coopération dans le domaine de la protection civile",
        "Coopération dans le domaine des collectivités locales",  # lower case wins over « Collectivités Locales »
        "Suivi de la conférence et aspects organisationnels",  # « 15ème conférence des Ministres… »
    ],
    "003_7c59c344a3186c0e.txt": ["I. Échange de vues sur la lutte contre le terrorisme", "II. Questions diverses"],
}


@pytest.mark.parametrize("name", sorted(SEED_HEADINGS))
def test_seed_headings_in_sentence_case(docs, name):
    headings = [block.text for block in docs[name].blocks() if block.kind == "heading"]
    assert headings == SEED_HEADINGS[name]


def test_seed_part_titles_in_sentence_case(docs):
    assert [part.title for part in docs["003_7c59c344a3186c0e.txt"].parts][1] == "Compte rendu de décisions"
    assert docs["001_874993d00a89d4a5.txt"].meta.title_source == docs["001_874993d00a89d4a5.txt"].meta.title


def test_title_source_kept_in_front_matter_and_exports(docs):
    from coopsec.write.data import document_record
    from coopsec.write.pages import front_matter

    doc = docs["000_7415aaa0d4f9534b.txt"]
    assert front_matter(doc)["title"] == "Déclaration d’Alger"
    assert front_matter(doc)["title_source"] == "DECLARATION D’ALGER"
    assert document_record(doc)["title_source"] == "DECLARATION D’ALGER"
    overridden = docs["002_78ad2da195104e9c.txt"]  # the override's title wins; the text's own wording is kept
    assert front_matter(overridden)["title"] == "La coopération entre États : un enjeu de la lutte anti-terroriste"
