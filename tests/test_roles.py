"""Preamble (recitals) and operative part, read from the seeds."""

from pathlib import Path

import pytest

from coopsec.extract.roles import paragraph_role
from coopsec.pipeline import Project, convert

ROOT = Path(__file__).resolve().parents[1]


def roles(name: str) -> dict[str, str]:
    doc = convert(ROOT / "corpus" / name, Project(ROOT))
    return {block.number: block.role for block in doc.blocks() if block.number}


def test_interpol_recitals_then_what_the_ministers_agree():
    found = roles("004_ea0fa361777e49ce.txt")
    assert all(found[f"P2{letter}"] == "preamble" for letter in "ABCDEFGHIJK")
    assert all(found[f"P3{letter}"] == "operative" for letter in "ABCDEFGHIJ")
    assert found["P3"] == "operative" and found["P2"] == ""


def test_council_declaration_recitals_and_commitments():
    found = roles("001_874993d00a89d4a5.txt")
    assert [found[str(n)] for n in range(2, 16)] == ["preamble"] * 14
    assert [found[str(n)] for n in range(16, 27)] == ["operative"] * 11


def test_cimo_decisions_are_operative_and_the_participants_are_neither():
    doc = convert(ROOT / "corpus" / "000_7415aaa0d4f9534b.txt", Project(ROOT))
    blocks = doc.blocks()
    decide = next(i for i, b in enumerate(blocks) if b.text.startswith("Les Ministres des Etats de la CIMO décident"))
    assert blocks[decide].role == "operative"
    assert blocks[decide + 1].kind == "item" and blocks[decide + 1].role == "operative"
    participants = [b for b in blocks if b.kind == "item" and b.text.startswith(("M. JORGE", "M. LOTFI"))]
    assert len(participants) == 2 and all(b.role == "" for b in participants)


@pytest.mark.parametrize(("text", "role"), [
    ("Rappelant la Déclaration de Malte ;", "preamble"),
    ("Considérant que la sécurité est indivisible ;", "preamble"),
    ("Les Ministres s’engagent à :", "operative"),
    ("nous nous engageons à coordonner le calendrier ;", "operative"),
    ("Dans ce cadre, les Ministres, dans le respect de leurs prérogatives, ont convenu de promouvoir", "operative"),
    ("Le 11 juin 2018, à Paris, les premiers ministres conviennent d'étendre leur coopération.", ""),
    ("Faisant suite à mon courrier cité en référence, j'ai l'honneur de vous faire parvenir", ""),
])
def test_paragraph_roles(text, role):
    assert paragraph_role(text) == role
