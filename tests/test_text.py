"""Folding shared by matching and search: accents, ligatures, case and French elisions."""

import pytest

from coopsec.text import fold, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sécurité", "securite"),
        ("ŒUVRE cœur", "oeuvre coeur"),
        ("l'OTAN", " otan"),
        ("L’Algérie", " algerie"),
        ("jusqu'à Bruxelles", " a bruxelles"),
        ("lorsqu’il", " il"),
        ("Quoiqu'elle", " elle"),
        ("qu'un d'entre eux", " un  entre eux"),
        ("aujourd'hui", "aujourd'hui"),  # an apostrophe inside a word is no elision
        ("Etats-Unis (1er)", "etats-unis (1er)"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_tokens_split_elisions_hyphens_and_apostrophes():
    assert tokens("D’après l'Union africaine, jusqu’au sud-est") == ["apres", "union", "africaine", "au", "sud", "est"]
