"""Whole builds in a temporary copy of the project: publishing, bad input, atomicity, determinism, cache."""

import gc
import hashlib
import shutil
from pathlib import Path

import frontmatter
import pytest
from support import INTERPOL, address, copy_project

from coopsec import pipeline, pool
from coopsec.cli import main
from coopsec.memo import Memo
from coopsec.pipeline import Project, Thesauri, build, process

FIXTURES = Path(__file__).parent / "fixtures"


def tree_digest(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


def test_build_publishes_site_pages_and_bundle(project):
    report = build(project)
    assert report.published and len(report.converted) == 5 and not report.failed
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "corpus" / "documents" / f"{address(project, INTERPOL)}.html").is_file()
    assert (project / "dist" / pipeline.BUNDLE_NAME).is_file()
    assert not (project / ".build").exists()
    assert gc.isenabled()  # paused while the pages were generated only


def test_the_collector_is_back_after_a_build_that_fails(project, monkeypatch):
    def fail(*args: object) -> None:
        raise RuntimeError("disque plein")

    monkeypatch.setattr(pipeline, "render", fail)
    with pytest.raises(RuntimeError):
        build(project)
    assert gc.isenabled()


def test_seeds_build_in_strict_mode_without_any_warning(project, capsys):
    assert main(["--root", str(project), "--no-bundle", "--strict"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_sixth_text_gets_a_good_page_without_code_change(project):
    shutil.copy2(FIXTURES / "extract_sixth.txt", project / "corpus" / "sixieme.txt")
    report = build(project)
    assert "sixieme.txt" in report.converted
    # the address: the date line's day, then the title's words (« Lisbonne, le 12 mai 2016 », DÉCLARATION DE LISBONNE)
    assert address(project, "sixieme.txt") == "2016-05-12-declaration-de-lisbonne"
    page = frontmatter.load(project / "docs" / "corpus" / "documents" / "2016-05-12-declaration-de-lisbonne.md")
    assert page["title"] == "Déclaration de Lisbonne" and page["title_source"] == "DÉCLARATION DE LISBONNE"
    assert page["date"] == "2016-05-12" and page["place"] == "Lisbonne"
    assert page["doc_type"] == "déclaration"
    html = (project / "site" / "corpus" / "documents" / "2016-05-12-declaration-de-lisbonne.html").read_text(
        encoding="utf-8")
    for anchor in ("p-1", "p-2", "p-3", "p-4", "p-5"):
        assert f'id="{anchor}"' in html
    assert "coopération entre les unités spécialisées" in html  # hyphenated line end rejoined
    assert "page 1 sur 3" not in html  # running footer removed
    assert 'href="#fn:1"' in html


def test_bad_file_is_reported_and_others_still_build(project, capsys):
    (project / "corpus" / "vide.txt").write_bytes(b"")
    assert main(["--root", str(project), "--no-bundle"]) == 0
    err = capsys.readouterr().err
    assert "vide.txt" in err and "error" in err
    assert len(list((project / "docs" / "corpus" / "documents").glob("*.md"))) == 5
    assert main(["--root", str(project), "--no-bundle", "--strict"]) == 1


def test_no_document_at_all_fails(project):
    for path in (project / "corpus").glob("*.txt"):
        path.unlink()
    assert main(["--root", str(project), "--no-bundle"]) == 1


def test_failed_build_leaves_previous_output_intact(project, monkeypatch):
    build(project)
    before = {name: tree_digest(project / name) for name in ("site", "docs", "dist")}
    (project / "corpus" / "000_7415aaa0d4f9534b.txt").write_text("DÉCLARATION\n\n1. Un autre texte.\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "render_site", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(project)
    assert {name: tree_digest(project / name) for name in ("site", "docs", "dist")} == before


def test_two_builds_are_byte_identical(project, tmp_path):
    build(project)
    first = {name: tree_digest(project / name) for name in ("site", "dist")}
    shutil.rmtree(project / ".cache")
    build(project)
    assert {name: tree_digest(project / name) for name in ("site", "dist")} == first


def test_hand_written_pages_and_overrides_are_never_overwritten(project):
    (project / "docs" / "notes.md").write_text("# Notes\n\nÉcrit à la main.\n", encoding="utf-8")
    override = project / "corpus" / "004_ea0fa361777e49ce.yml"
    before = override.read_bytes()
    build(project)
    assert (project / "docs" / "notes.md").read_text(encoding="utf-8") == "# Notes\n\nÉcrit à la main.\n"
    assert override.read_bytes() == before


def test_one_changed_text_reconverts_only_that_document(project):
    build(project)
    documents = project / "docs" / "corpus" / "documents"
    inodes = {p.name: p.stat().st_ino for p in documents.glob("*.md")}
    source = project / "corpus" / "004_ea0fa361777e49ce.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nP4: Un paragraphe ajouté.\n", encoding="utf-8")
    report = build(project)
    assert report.reconverted == 1
    changed = {p.name for p in documents.glob("*.md") if p.stat().st_ino != inodes[p.name]}
    assert changed == {f"{address(project, INTERPOL)}.md"}


def test_every_meeting_a_document_cites_is_listed_in_its_front_matter(project):
    (project / "corpus" / "deux.txt").write_text(
        "DÉCLARATION DE TUNIS\nTunis, le 6 avril 2015\n\n"
        "1. Rappelant la conférence tenue à Rabat le 3 mars 2015 et la réunion tenue à Madrid le 5 mars 2015 ;\n",
        encoding="utf-8")
    build(project, bundle=False)
    page = frontmatter.load(project / "docs" / "corpus" / "documents" / f"{address(project, 'deux.txt')}.md")
    starts = sorted(meeting_id[:10] for meeting_id in page["meetings"])
    assert "2015-03-03" in starts and "2015-03-05" in starts


def test_processing_on_all_cores_gives_the_same_documents(project, monkeypatch):
    from coopsec.model import BuildReport
    from coopsec.pipeline import Project, Thesauri, process_corpus

    target = Project(project)
    thesauri = Thesauri.load(target)
    sequential = process_corpus(target, thesauri, BuildReport())
    shutil.rmtree(target.cache)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    report = BuildReport()
    parallel = process_corpus(target, thesauri, report)
    assert report.reconverted == 5
    assert parallel == sequential
    again = BuildReport()
    assert process_corpus(target, thesauri, again) == sequential
    assert again.reconverted == 0  # the workers stored what they processed in the cache


def test_a_broken_thesaurus_is_reported_and_nothing_is_published(project, capsys):
    (project / "corpus" / "themes.yml").write_text("- id: Pas Un Slug\n  label: x\n", encoding="utf-8")
    assert main(["--root", str(project), "--no-bundle"]) == 1
    assert "themes.yml" in capsys.readouterr().err
    assert not (project / "site").exists()


def test_rendering_on_two_cores_gives_the_same_files(project, monkeypatch):
    from coopsec.model import BuildReport
    from coopsec.pipeline import Project, Thesauri, process_corpus, render

    target = Project(project)
    thesauri = Thesauri.load(target)
    sequential_report, parallel_report = BuildReport(), BuildReport()
    sequential = render(process_corpus(target, thesauri, BuildReport()), thesauri, 0, sequential_report, Memo())
    monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)  # threads other tests may have left
    docs = process_corpus(target, thesauri, BuildReport())
    assert pool.worth_spreading(len(docs))  # the exports are written by a forked child
    assert render(docs, thesauri, 0, parallel_report, Memo()) == sequential
    assert parallel_report == sequential_report


def site_unchanged(report) -> bool:
    return any(d.file == "site" and d.message.startswith("site inchangé") for d in report.diagnostics)


def nothing_changed(report) -> bool:
    return any(d.file == "site" and d.message == pipeline.UNCHANGED for d in report.diagnostics)


def test_rebuild_with_the_same_docs_keeps_the_site_and_the_bundle(project):
    build(project)
    page, bundle = project / "site" / "index.html", project / "dist" / pipeline.BUNDLE_NAME
    inodes = (page.stat().st_ino, bundle.stat().st_ino)
    (project / "corpus" / "notes.md").write_text("Relire le texte 003.\n", encoding="utf-8")  # not read by the build
    report = build(project)
    assert report.published and site_unchanged(report)
    assert (page.stat().st_ino, bundle.stat().st_ino) == inodes  # neither rendered nor zipped again
    assert not (project / ".build").exists()


def test_site_is_rendered_again_when_what_it_is_made_from_changes(project):
    build(project, bundle=False)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Coopération de sécurité", "site_name: Corpus renommé"), encoding="utf-8")
    report = build(project, bundle=False)
    assert not site_unchanged(report) and "Corpus renommé" in (project / "site" / "index.html").read_text()
    (project / "docs" / "index.md").write_text("# Accueil réécrit\n", encoding="utf-8")  # a hand-written page
    report = build(project, bundle=False)
    assert not site_unchanged(report) and "Accueil réécrit" in (project / "site" / "index.html").read_text()
    shutil.rmtree(project / "site")
    assert not site_unchanged(build(project, bundle=False)) and (project / "site" / "index.html").is_file()
    report = build(project)  # the same site, but no bundle was made from it yet
    assert not site_unchanged(report) and (project / "dist" / pipeline.BUNDLE_NAME).is_file()
    assert nothing_changed(build(project, bundle=False))  # a site with its bundle serves a build without one


def test_an_organisations_name_opening_the_text_is_not_its_place(tmp_path) -> None:
    root = copy_project(tmp_path / "p", corpus=False)
    text = root / "corpus" / "communique.txt"
    text.write_text("OTAN – Communiqué de presse 021\nDiffusé le 14 févr. 2019\n\n"
                    "Les ministres de la Défense se sont réunis au siège de l'OTAN.\n", encoding="utf-8")
    project = Project(root)
    doc = process(text, project, Thesauri.load(project))
    assert (doc.meta.date, doc.meta.place) == ("2019-02-14", "")
    assert any("Otan" in d.message and d.field == "place" for d in doc.diagnostics)
