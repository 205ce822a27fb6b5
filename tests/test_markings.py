"""One table of protective markings: the header field and the page banners read the same markings."""

from __future__ import annotations

import pytest

from coopsec.extract.markings import BANNER, MARKINGS
from coopsec.extract.metadata import find_marking


@pytest.mark.parametrize("marking", MARKINGS)
def test_every_marking_of_the_table_is_a_header_field_and_a_banner(marking):
    assert find_marking(marking) == marking
    assert find_marking(f"NATO {marking}") == f"NATO {marking}"
    assert BANNER.match(marking)


@pytest.mark.parametrize(("line", "marking"), [
    ("CONFIDENTIEL DEFENSE", "CONFIDENTIEL DEFENSE"),  # without its accent, and whole
    ("Diffusion : Limite", "Limite"),
    ("RESTREINT UE/EU RESTRICTED", "RESTREINT UE"),
])
def test_a_marking_is_read_whole_with_or_without_accents(line, marking):
    assert find_marking(line) == marking


def test_a_heading_is_no_banner():
    assert not BANNER.match("LIMITES DU MANDAT DE LA MISSION")
    assert not BANNER.match("Secrétariat général du Conseil")
