"""A rebuild after one text or one override changes writes only what that change shows in: every other file of
docs/ and site/ keeps its bytes, its inode and its time; pages come from the render cache exactly as MkDocs
renders them; a change of what shapes every page renders every page again; with nothing changed, input or
output, a build writes nothing at all."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from support import address, copy_project

from benchmarks.builds import edit_text
from benchmarks.generate import generate_corpus
from coopsec.pipeline import UNCHANGED, build
from coopsec.project import Project
from coopsec.publish import render_cache
from coopsec.write.markdown import GENERATED_DIRS, document_path

TEXT = "001_874993d00a89d4a5.txt"
OVERRIDE = "002_78ad2da195104e9c.yml"
EDITED = "en sa qualité d'État membre"
"""Words of corpus/001_…txt: « l'Espagne, en sa qualité d'État membre exerçant la présidence, s'est adressée »."""
NEW_WORD = "xylographie"
"""A word no text of the corpus holds: it marks what the edit shows in."""
STEM = "xylographi"
"""Its search stem (the ending « ie » dropped), as the index shards hold it."""
OLD_STEM = "qualite"
"""The search term of « qualité », the word the edit replaces (folded)."""

FINGERPRINT = "empreinte du corpus"
"""Shown by the overview of the home page: the SHA-256 of all the texts, which any edit changes."""

Snapshot = dict[str, tuple[str, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Digest, inode and mtime of every generated file of docs/ and every file of site/, by path."""
    folders = [root / "docs" / name for name in GENERATED_DIRS] + [root / "site"]
    return {path.relative_to(root).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                path.stat().st_ino, path.stat().st_mtime_ns)
            for folder in folders for path in folder.rglob("*") if path.is_file()}


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Files added, removed or with other bytes; and none with the same bytes written again."""
    rewritten = [rel for rel in before.keys() & after.keys()
                 if before[rel][0] == after[rel][0] and before[rel] != after[rel]]
    assert rewritten == [], "same bytes, written again"
    return sorted(rel for rel in before.keys() | after.keys() if before.get(rel, ("",))[0] != after.get(rel, ("",))[0])


def read(path: Path) -> str:
    """A file's text ("" once removed), a calendar's folded lines unfolded (RFC 5545: a line end and a space)."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.replace("\r\n ", "").replace("\n ", "") if path.suffix == ".ics" else text


def summary(report) -> str:
    return next(d.message for d in report.diagnostics if d.file == "site" and d.message.startswith("site/ :"))


@pytest.fixture(name="built")
def fixture_built(project: Path) -> Path:
    report = build(project, bundle=False)
    assert report.published, report.diagnostics
    return project


def test_one_word_edit_rewrites_only_what_shows_it(built: Path) -> None:
    before = snapshot(built)
    old = {rel: read(built / rel) for rel in before}
    text = built / "corpus" / TEXT
    content = text.read_text(encoding="utf-8")
    assert content.count(EDITED) == 1
    text.write_text(content.replace(EDITED, f"en sa {NEW_WORD} d'État membre"), encoding="utf-8")
    report = build(built, bundle=False)
    source = hashlib.sha256(text.read_bytes()).hexdigest()  # the data exports record each text's SHA-256
    changed = changes(before, snapshot(built))
    pages = [rel for rel in changed if rel.endswith((".md", ".html"))]
    assert any(rel.startswith("docs/corpus/documents/") for rel in pages)  # the text's own page
    assert any(rel.startswith("site/corpus/documents/") for rel in pages)
    for rel in changed:
        now = read(built / rel)
        if rel.endswith("data/search/docs.js"):
            continue  # lists the index shards, one more for the new word's
        if "data/search/" in rel:
            assert STEM in now or OLD_STEM in old.get(rel, ""), rel
        else:  # a page, a listing or a data file showing the edited paragraph, the text's or the corpus's hash
            assert NEW_WORD in now or source in now or FINGERPRINT in now, rel
    assert len(pages) <= 10 < len(before) - len(changed)
    redone = summary(report)
    assert all(rel.removeprefix("site/") in redone for rel in pages if rel.startswith("site/"))


def test_override_correction_rewrites_only_what_shows_it(built: Path) -> None:
    before = snapshot(built)
    override = built / "corpus" / OVERRIDE
    content = override.read_text(encoding="utf-8")
    assert "un enjeu de la lutte" in content
    override.write_text(content.replace("un enjeu de la lutte", f"un enjeu {NEW_WORD} de la lutte"), encoding="utf-8")
    build(built, bundle=False)
    changed = changes(before, snapshot(built))
    assert any(rel.startswith("site/corpus/documents/") for rel in changed)
    for rel in changed:
        if "data/search/" not in rel:  # the title is indexed: the index shards of its words change
            assert NEW_WORD in read(built / rel), rel
    assert len([rel for rel in changed if rel.startswith("site/")]) < len(before) // 20


def test_pages_from_the_render_cache_are_the_pages_mkdocs_renders(built: Path) -> None:
    rendered = snapshot(built)
    project = Project(built)
    entries = sorted(project.render_cache.glob("*.html"))
    documents = list((built / "docs" / "corpus" / "documents").glob("*.md"))
    assert len(entries) >= len(documents) == 5  # every document page (and theme, actor pages) was stored
    project.build_stamp.unlink()
    build(built, bundle=False)  # every page out of the navigation from the cache
    assert {rel: digest for rel, (digest, _, _) in snapshot(built).items()} == \
        {rel: digest for rel, (digest, _, _) in rendered.items()}
    marked = entries[0].read_bytes().replace(b"</body>", b"<!-- du cache -->\n</body>")
    entries[0].write_bytes(marked)
    project.build_stamp.unlink()
    build(built, bundle=False)
    assert sum(b"<!-- du cache -->" in path.read_bytes() for path in (built / "site").rglob("*.html")) == 1


def test_a_configuration_change_renders_every_page_again(built: Path) -> None:
    config = built / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Coopération de sécurité", "site_name: Corpus renommé"), encoding="utf-8")
    build(built, bundle=False)
    docs = built / "docs"
    sources = [path.relative_to(docs).with_suffix(".html") for path in docs.rglob("*.md")]
    pages = [built / "site" / rel for rel in sources if rel.as_posix() != "corpus/apercu.html"]  # not published
    assert len(pages) > 100
    assert [page for page in pages if "Corpus renommé" not in page.read_text(encoding="utf-8")] == []


def test_the_offline_bundle_is_the_same_for_the_same_site(project: Path) -> None:
    build(project)
    bundle = Project(project).bundle
    first = bundle.read_bytes()
    Project(project).build_stamp.unlink()
    build(project)  # rendered again (from the render cache) and zipped again
    assert bundle.read_bytes() == first


def project_files(root: Path) -> dict[str, tuple[int, int, int]]:
    """Size, inode and mtime of every file of the project but the build lock (each build writes its pid there)."""
    lock = Project(root).lock
    return {path.relative_to(root).as_posix(): (path.stat().st_size, path.stat().st_ino, path.stat().st_mtime_ns)
            for path in root.rglob("*") if path.is_file() and path != lock}


def test_a_build_with_nothing_changed_writes_nothing_and_says_so(project: Path) -> None:
    (project / "corpus" / "vide.txt").write_bytes(b"")  # refused at every build, with an error
    first = build(project)
    before = project_files(project)
    again = build(project)
    assert project_files(project) == before  # docs/, site/, dist/ and the caches: not one file written
    assert again.published
    assert [d.message for d in again.diagnostics if d.file == "site"] == [UNCHANGED]
    assert again.converted == first.converted and again.reconverted == 0
    assert again.failed == first.failed == ["vide.txt"]
    errors = [d for d in first.diagnostics if d.level != "info"]
    assert [d.file for d in errors] == ["vide.txt"]
    assert [d for d in again.diagnostics if d.level != "info"] == errors  # given again until fixed


def _edit_text(root: Path) -> None:
    text = root / "corpus" / TEXT
    text.write_text(text.read_text(encoding="utf-8").replace(EDITED, f"en sa {NEW_WORD} d'État membre"),
                    encoding="utf-8")


def _edit_override(root: Path) -> None:
    override = root / "corpus" / OVERRIDE
    override.write_text(override.read_text(encoding="utf-8").replace("un enjeu de la lutte",
                                                                     f"un enjeu {NEW_WORD} de la lutte"),
                        encoding="utf-8")


def _delete_page(root: Path) -> None:
    (root / "site" / document_site_path(root, TEXT)).unlink()


def document_site_path(root: Path, text: str) -> str:
    """The path under site/ of a corpus text's page."""
    return document_path(address(root, text)).removesuffix(".md") + ".html"


@pytest.mark.parametrize(("change", "text", "shown"), [(_edit_text, TEXT, NEW_WORD),
                                                       (_edit_override, OVERRIDE.replace(".yml", ".txt"), NEW_WORD),
                                                       (_delete_page, TEXT, EDITED)],
                         ids=["text", "override", "deleted-site-page"])
def test_a_change_of_input_or_output_builds_again(built: Path, change, text: str, shown: str) -> None:
    change(built)
    report = build(built, bundle=False)
    assert report.published
    assert UNCHANGED not in [d.message for d in report.diagnostics]
    assert summary(report).startswith("site/ : ")  # rendered again
    assert shown in (built / "site" / document_site_path(built, text)).read_text(encoding="utf-8")


def output(root: Path) -> dict[str, str]:
    """The digest of every file of docs/ (hand-written and generated), site/ and dist/, by path."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in ("docs", "site", "dist") for path in (root / folder).rglob("*") if path.is_file()}


def test_rebuilds_give_what_a_clean_build_of_the_same_corpus_gives(tmp_path: Path, project: Path) -> None:
    """One text edited, an override written, then a text added and one removed: after each rebuild, the output
    is byte for byte a clean build's (in another checkout, from the same corpus and address book)."""
    generated = generate_corpus(12, project / "corpus", seed=3)
    assert build(project).published
    edit_text(generated[4])
    (project / "corpus" / f"{generated[7].stem}.yml").write_text(f'title: "Note sur la {NEW_WORD}"\n',
                                                                  encoding="utf-8")
    steps = [build(project)]
    added = generate_corpus(1, tmp_path / "new", seed=4)[0]
    added.rename(project / "corpus" / f"new_{added.name}")
    generated[9].unlink()
    steps.append(build(project))
    clean = copy_project(tmp_path / "clean", corpus=False)
    shutil.rmtree(clean / "corpus")
    shutil.copytree(project / "corpus", clean / "corpus")
    assert build(clean).published
    assert all(step.published and step.reconverted for step in steps)
    assert output(project) == output(clean)


def test_files_of_the_docs_are_published_by_a_link_not_a_copy(built: Path) -> None:
    docs, site = built / "docs", built / "site"
    shards = [path.relative_to(docs) for path in (docs / "data" / "search").rglob("*.js")]
    assert len(shards) > 100
    assert [rel for rel in shards if not (site / rel).samefile(docs / rel)] == []
    css = "assets/site.css"  # hand-written: its staged copy is linked, the page in place is left alone
    assert (site / css).read_bytes() == (docs / css).read_bytes() and not (site / css).samefile(docs / css)


def test_a_rebuild_writes_into_no_file_of_the_previous_output(built: Path, tmp_path: Path) -> None:
    """The previous output's files are replaced, never written into: a hard link to each of them, taken before,
    still holds its bytes after a rebuild that changed them."""
    before = snapshot(built)
    held = {}
    for number, (rel, (digest, _, _)) in enumerate(sorted(before.items())):
        link = tmp_path / str(number)
        link.hardlink_to(built / rel)
        held[link] = digest
    _edit_text(built)
    build(built, bundle=False)
    assert len(changes(before, snapshot(built))) > 2  # the text's page in docs/ and site/, and more
    assert {link: hashlib.sha256(link.read_bytes()).hexdigest() for link in held} == held


def test_an_added_text_renders_again_only_the_pages_that_change(built: Path) -> None:
    """The pages of the other texts (their Markdown unchanged) come from the render cache: the entries written
    are no more than the pages whose Markdown changed."""
    cache = Project(built).render_cache
    entries = set(cache.glob("*.html"))
    before = snapshot(built)
    added = built / "corpus" / "nouveau.txt"
    added.write_text("Communiqué conjoint\n\nLes ministres se sont réunis à Rabat le 3 mars 2021.\n", encoding="utf-8")
    assert build(built, bundle=False).published
    pages = [rel for rel in changes(before, snapshot(built)) if rel.startswith("docs/") and rel.endswith(".md")]
    written = set(cache.glob("*.html")) - entries
    assert 0 < len(written) <= len(pages) < len(list((built / "docs").rglob("*.md"))) // 2


def test_links_are_looked_for_only_in_the_pages_whose_markdown_changed(built: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)
    scanned = []
    look = render_cache._link_paths
    monkeypatch.setattr(render_cache, "_link_paths", lambda page, markdown, resolved: scanned.append(page.src_uri)
                        or look(page, markdown, resolved))
    _edit_text(built)
    build(built, bundle=False)
    pages = {rel.removeprefix("docs/") for rel in changes(before, snapshot(built))
             if rel.startswith("docs/") and rel.endswith(".md")}
    assert scanned and set(scanned) <= pages


def test_a_page_written_into_in_place_is_rendered_again(built: Path) -> None:
    """A published page is a hard link to its render cache entry: written into (as an editor that keeps hard
    links does), it changes the entry too, which the next build must not serve."""
    page = built / "site" / document_site_path(built, TEXT)
    rendered = page.read_bytes()
    shutil.rmtree(built / "site")
    build(built, bundle=False)  # every page out of the navigation published from the render cache
    assert any(page.samefile(entry) for entry in Project(built).render_cache.glob("*.html"))
    with page.open("r+b") as stream:
        stream.write(b"<!-- retouche -->")  # the same file, other bytes
    build(built, bundle=False)
    assert page.read_bytes() == rendered
