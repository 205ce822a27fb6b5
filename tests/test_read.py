"""Tests of the read stage: decoding, normalisation and refusals."""

from __future__ import annotations

import codecs
import hashlib
import pathlib

import pytest

from coopsec.extract import read
from coopsec.extract.read import read_source
from coopsec.model import SourceError

CORPUS = pathlib.Path(__file__).parent.parent / "corpus"
FRENCH = "Déclaration d’Alger : œuvrer à la coopération « antiterroriste » des États."


def _write(tmp_path: pathlib.Path, data: bytes, name: str = "texte.txt") -> pathlib.Path:
    path = tmp_path / "sous-dossier" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def test_source_named_relative_to_the_corpus_however_the_path_is_written(tmp_path, monkeypatch) -> None:
    real = _write(tmp_path, b"Titre\n")
    monkeypatch.chdir(tmp_path)
    assert read_source(pathlib.Path("sous-dossier/texte.txt"), tmp_path).path == "sous-dossier/texte.txt"
    link = tmp_path / "lien"
    link.symlink_to(tmp_path, target_is_directory=True)
    assert read_source(link / "sous-dossier" / "texte.txt", tmp_path).path == "lien/sous-dossier/texte.txt"
    assert read_source(real, link).path == "sous-dossier/texte.txt"  # root given through a link: resolved
    (tmp_path / "alias.txt").symlink_to(real)  # a text linked into the corpus keeps the name it has there
    assert read_source(tmp_path / "alias.txt", tmp_path).path == "alias.txt"


def test_utf8_source_fields(tmp_path: pathlib.Path) -> None:
    data = f"Titre\n{FRENCH}\n".encode()
    source = read_source(_write(tmp_path, data), tmp_path)
    assert source.path == "sous-dossier/texte.txt"
    assert source.text == f"Titre\n{FRENCH}\n"
    assert source.encoding == "utf-8"
    assert source.size == len(data)
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_cp1252_bytes_are_decoded(tmp_path: pathlib.Path) -> None:
    source = read_source(_write(tmp_path, FRENCH.encode("cp1252")), tmp_path)
    assert source.text == FRENCH
    assert source.encoding == "cp1252"


def test_utf8_bom_is_dropped(tmp_path: pathlib.Path) -> None:
    source = read_source(_write(tmp_path, codecs.BOM_UTF8 + FRENCH.encode()), tmp_path)
    assert source.text == FRENCH
    assert source.encoding == "utf-8"


def test_utf16_le_with_bom(tmp_path: pathlib.Path) -> None:
    source = read_source(_write(tmp_path, codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le")), tmp_path)
    assert source.text == FRENCH
    assert source.encoding == "utf-16"


def test_crlf_and_cr_become_lf(tmp_path: pathlib.Path) -> None:
    source = read_source(_write(tmp_path, b"un\r\ndeux\rtrois\n"), tmp_path)
    assert source.text == "un\ndeux\ntrois\n"


def test_nfc_tabs_kept_private_use_removed(tmp_path: pathlib.Path) -> None:
    text = "Origine:\tla pre\u0301sidence\ue000x\ue001\n\uf0b7 point\n"
    source = read_source(_write(tmp_path, text.encode()), tmp_path)
    assert source.text == "Origine:\tla présidencex\n• point\n"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "vide"),
        (b" \n\t\r\n  \n", "espaces"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"texte\x00avec\x00nuls", "binaire"),
        (bytes(range(1, 9)) * 20 + b"abc", "binaire"),
    ],
)
def test_refusals_name_the_file(tmp_path: pathlib.Path, data: bytes, words: str) -> None:
    with pytest.raises(SourceError) as error:
        read_source(_write(tmp_path, data, "mauvais.txt"), tmp_path)
    assert error.value.diagnostic.file == "sous-dossier/mauvais.txt"
    assert error.value.diagnostic.level == "error"
    assert words in str(error.value)


def test_too_large_file_is_refused(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 10)
    with pytest.raises(SourceError) as error:
        read_source(_write(tmp_path, b"0123456789abc", "gros.txt"), tmp_path)
    assert error.value.diagnostic.file == "sous-dossier/gros.txt"
    assert "13 octets" in str(error.value)
    assert "10 octets" in str(error.value)


def test_unreadable_path_is_refused(tmp_path: pathlib.Path) -> None:
    with pytest.raises(SourceError) as error:
        read_source(tmp_path / "absent.txt", tmp_path)
    assert error.value.diagnostic.file == "absent.txt"
    assert "lecture impossible" in str(error.value)


def test_seed_corpus_reads_as_utf8() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        source = read_source(path, CORPUS)
        assert source.path == path.name
        assert source.encoding == "utf-8"
        assert "\r" not in source.text
