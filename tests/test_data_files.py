"""The word lists and rule tables of ``coopsec/data/``: data a maintainer extends, each list saying what it
is for, every word a string."""

from __future__ import annotations

import re

import pytest

from coopsec.data import DATA, word_lists

FILES = sorted(path.stem for path in DATA.glob("*.yml"))


@pytest.mark.parametrize("name", FILES)
def test_every_list_says_what_it_is_for(name):
    keys = [line for line in (DATA / f"{name}.yml").read_text(encoding="utf-8").splitlines()
            if re.match(r"^\w+:", line)]
    assert keys and all(" # " in line for line in keys), [line for line in keys if " # " not in line]
    assert set(word_lists(name)) == {line.split(":")[0] for line in keys}


def test_a_word_yaml_reads_as_a_boolean_is_refused_with_the_file_and_list(tmp_path, monkeypatch):
    monkeypatch.setattr("coopsec.data.DATA", tmp_path)
    (tmp_path / "w.yml").write_text("tails:  # compound tails\n  - ci\n  - on\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"w\.yml: tails: True n'est pas un mot"):
        word_lists("w")
