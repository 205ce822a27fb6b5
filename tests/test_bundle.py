"""Offline bundle: a reproducible zip of the built site."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest

from coopsec.publish import bundle
from coopsec.publish.bundle import BUNDLE_FOLDER, Previous, make_bundle

EPOCH = 1_700_000_000  # 2023-11-14T22:13:20Z


@pytest.fixture(name="site")
def fixture_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "corpus" / "documents").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "index.html").write_text("<p>Accueil</p>", encoding="utf-8")
    (site / "corpus" / "documents" / "a.html").write_text("<p>Déclaration</p>", encoding="utf-8")
    (site / "assets" / "search.js").write_text("// js", encoding="utf-8")
    (site / "corpus-a.txt").write_text("sorted between corpus and corpus/", encoding="utf-8")
    return site


def test_entries_sorted_under_one_folder(site: Path, tmp_path: Path) -> None:
    make_bundle(site, tmp_path / "dist" / "b.zip", EPOCH)
    names = zipfile.ZipFile(tmp_path / "dist" / "b.zip").namelist()
    assert names == [
        f"{BUNDLE_FOLDER}/",
        f"{BUNDLE_FOLDER}/assets/",
        f"{BUNDLE_FOLDER}/assets/search.js",
        f"{BUNDLE_FOLDER}/corpus/",
        f"{BUNDLE_FOLDER}/corpus-a.txt",
        f"{BUNDLE_FOLDER}/corpus/documents/",
        f"{BUNDLE_FOLDER}/corpus/documents/a.html",
        f"{BUNDLE_FOLDER}/index.html",
    ]
    assert zipfile.ZipFile(tmp_path / "dist" / "b.zip").read(f"{BUNDLE_FOLDER}/corpus/documents/a.html") == (
        "<p>Déclaration</p>".encode()
    )


def test_fixed_times_permissions_and_no_extra_fields(site: Path, tmp_path: Path) -> None:
    os.chmod(site / "index.html", 0o600)
    make_bundle(site, tmp_path / "b.zip", EPOCH)
    for info in zipfile.ZipFile(tmp_path / "b.zip").infolist():
        assert info.date_time == (2023, 11, 14, 22, 13, 20)
        assert info.extra == b""
        mode = info.external_attr >> 16
        assert mode == (0o40755 if info.is_dir() else 0o100644), info.filename


def test_same_bytes_whatever_the_file_times(site: Path, tmp_path: Path) -> None:
    make_bundle(site, tmp_path / "one.zip", EPOCH)
    os.utime(site / "index.html", (1_000_000_000, 1_000_000_000))
    make_bundle(site, tmp_path / "two.zip", EPOCH)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_epoch_before_1980_is_clamped(site: Path, tmp_path: Path) -> None:
    make_bundle(site, tmp_path / "b.zip", 0)
    assert {i.date_time for i in zipfile.ZipFile(tmp_path / "b.zip").infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_unzips_to_the_site(site: Path, tmp_path: Path) -> None:
    make_bundle(site, tmp_path / "b.zip", EPOCH)
    zipfile.ZipFile(tmp_path / "b.zip").extractall(tmp_path / "out")
    out = tmp_path / "out" / BUNDLE_FOLDER
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == sorted(p.relative_to(site) for p in site.rglob("*"))
    assert (out / "assets" / "search.js").read_text(encoding="utf-8") == "// js"


def _raw(path: Path) -> dict[str, bytes]:
    """The compressed bytes of each entry of a zip, by name."""
    with zipfile.ZipFile(path) as archive, path.open("rb") as stream:
        raw = {}
        for info in archive.infolist():
            stream.seek(info.header_offset + 26)  # the local header's name and extra lengths, then the data
            name_length, extra_length = struct.unpack("<HH", stream.read(4))
            stream.seek(name_length + extra_length, os.SEEK_CUR)
            raw[info.filename] = stream.read(info.compress_size)
    return raw


def test_a_rebuilt_bundle_is_a_fresh_one(site: Path, tmp_path: Path) -> None:
    make_bundle(site, tmp_path / "old.zip", EPOCH)
    (site / "index.html").write_text("<p>Accueil révisé</p>", encoding="utf-8")
    unchanged = ["assets/search.js", "corpus-a.txt", "corpus/documents/a.html"]
    make_bundle(site, tmp_path / "new.zip", EPOCH + 3600, Previous(tmp_path / "old.zip", unchanged))
    make_bundle(site, tmp_path / "fresh.zip", EPOCH + 3600)
    assert (tmp_path / "new.zip").read_bytes() == (tmp_path / "fresh.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "new.zip").read(f"{BUNDLE_FOLDER}/index.html") == "<p>Accueil révisé</p>".encode()


def test_unchanged_files_are_not_compressed_again(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "COMPRESSION_LEVEL", 0)  # the old bundle's entries, recognisable: stored blocks
    make_bundle(site, tmp_path / "old.zip", EPOCH)
    monkeypatch.setattr(bundle, "COMPRESSION_LEVEL", 9)
    (site / "index.html").write_text("<p>Accueil révisé</p>", encoding="utf-8")
    make_bundle(site, tmp_path / "new.zip", EPOCH, Previous(tmp_path / "old.zip", ["corpus/documents/a.html"]))
    old, new = _raw(tmp_path / "old.zip"), _raw(tmp_path / "new.zip")
    reused = f"{BUNDLE_FOLDER}/corpus/documents/a.html"
    assert new[reused] == old[reused]
    assert [name for name in new if name != reused and new[name] and new[name] == old[name]] == []
    with zipfile.ZipFile(tmp_path / "new.zip") as archive:
        assert archive.testzip() is None and archive.read(reused) == "<p>Déclaration</p>".encode()


def test_more_entries_than_the_classic_end_record_holds(site: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "_MAX_ENTRIES", 3)  # 8 entries: zip64 end records, as beyond 65,535 entries
    make_bundle(site, tmp_path / "b.zip", EPOCH)
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert len(archive.namelist()) == 8 and archive.testzip() is None
