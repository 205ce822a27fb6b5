"""Offline bundle: a reproducible zip of the built site."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from coopsec.publish.bundle import BUNDLE_FOLDER, make_bundle

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
