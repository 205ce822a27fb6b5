"""Bad input, injection, atomic and reproducible builds, on whole builds of temporary projects.

Every bad input is dropped into one copy of the project beside the five seeds and
built once (fixture ``bad``); each test then reads the report and the output for
its own file. Builds are slow (MkDocs), so the atomicity tests share one built
project too.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
from support import BUILD_EPOCH, copy_project, moved

from coopsec import pipeline
from coopsec.cli import main
from coopsec.extract.read import MAX_BYTES, read_source
from coopsec.model import Citation, DateSpan, Meeting, Place, SourceError
from coopsec.publish import bundle as offline_bundle
from coopsec.write.data import meeting_record, meetings_csv
from coopsec.write.markdown import CHRONOLOGY

BUNDLE = pipeline.BUNDLE_NAME

SEEDS = (
    "000-7415aaa0d4f9534b",
    "001-874993d00a89d4a5",
    "002-78ad2da195104e9c",
    "003-7c59c344a3186c0e",
    "004-ea0fa361777e49ce",
)
FRENCH = "1. Les États s’engagent à œuvrer pour la sécurité de la Méditerranée."
LATIN1 = "1. Les États s'engagent à renforcer la sécurité et la coopération."


def declaration(tag: str, paragraph: str = FRENCH) -> str:
    """A small declaration whose title holds ``tag``, with two numbered paragraphs."""
    return (
        f"DÉCLARATION D'ESSAI {tag}\n\nAlger, le 3 mars 2016\n\n{paragraph}\n\n"
        "2. Les ministres se reverront l'an prochain.\n"
    )


HOSTILE = """---
title: pirate
layout: evil
---

DÉCLARATION DE RABAT <SCRIPT>ALERT(2)</SCRIPT> <IMG SRC=X ONERROR=ALERT(3)> {{ CONFIG.SITE_NAME }}

Rabat, le 12 mars 2019

1. Les ministres réunis à Rabat le 12 mars 2019 saluent la coopération du Maroc contre le terrorisme \
{{ config.site_name }} et {% include 'x' %} <script>alert(1)</script>.

2. La réunion ministérielle de Rabat du 12 mars 2019 a examiné <iframe src="https://evil.example/"></iframe> \
et <img src=x onerror=alert(1)> la lutte contre le terrorisme.

# pas un titre
* pas une liste
- tiret
> pas une citation
| a | b |
1. pas une liste

3. Le Maroc et l'Espagne renforcent la lutte contre la radicalisation.
"""
HOSTILE_STRINGS = (
    "<script>alert(1)</script>",
    '<iframe src="https://evil.example/"></iframe>',
    "<img src=x onerror=alert(1)>",
    "{{ config.site_name }}",
    "{% include 'x' %}",
)
HOSTILE_TITLE = "DÉCLARATION DE RABAT <SCRIPT>ALERT(2)</SCRIPT> <IMG SRC=X ONERROR=ALERT(3)> {{ CONFIG.SITE_NAME }}"
HOSTILE_SHOWN = "Déclaration de Rabat <script>alert(2)</script> <img src=x onerror=alert(3)> {{ config.site_name }}"
"""The hostile title in sentence case, as the site shows it (its words spelled as the text spells them)."""
BIG = 50 * 1024 * 1024
ODD_NAME = "«—».txt"
HOSTILE_NAME = "<img src=x onerror=alert(4)>.txt"


def mixed_bytes() -> bytes:
    """UTF-8 text with Windows-1252 bytes on line 5 only, beside UTF-8 ones."""
    mixed = "1. La sécurité, ".encode() + "œuvre commune : l’État.".encode("cp1252")
    return declaration("MIXTE", "<mixed>").encode().replace(b"<mixed>", mixed)


BAD_FILES: dict[str, bytes] = {
    "ansi.txt": declaration("ANSI").encode("cp1252"),
    "latin.txt": declaration("LATIN", LATIN1).encode("latin-1"),
    "bom.txt": codecs.BOM_UTF8 + declaration("BOM").encode(),
    "utf16le.txt": codecs.BOM_UTF16_LE + declaration("SEIZE LE").encode("utf-16-le"),
    "utf16be.txt": codecs.BOM_UTF16_BE + declaration("SEIZE BE").encode("utf-16-be"),
    "crlf.txt": declaration("CRLF").replace("\n", "\r\n").encode(),
    "cr.txt": declaration("CR").replace("\n", "\r").encode(),
    "mixte.txt": mixed_bytes(),
    "vide.txt": b"",
    "blanc.txt": b" \n\t\n   \r\n\n",
    "rapport.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x9c\xff\x10endstream\n",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "hostile.txt": HOSTILE.encode(),
    "Texte A.txt": declaration("TEXTE A MAJUSCULE").encode(),
    "texte-a.txt": declaration("TEXTE A MINUSCULE").encode(),
    "Déclaration d'Alger (copie).txt": declaration("COPIE").encode(),
    ODD_NAME: declaration("SANS LETTRE").encode(),
    HOSTILE_NAME: declaration("NOM PIÉGÉ").encode(),
    "corr-syntaxe.txt": declaration("SYNTAXE").encode(),
    "corr-syntaxe.yml": b"title: [unclosed\n",
    "corr-cle.txt": declaration("CLE").encode(),
    "corr-cle.yml": b"place: Oran\nlieu: Paris\n",
    "corr-type.txt": declaration("TYPE").encode(),
    "corr-type.yml": b"# Erreur de type\nreferences: 12838/23\n",
    "corr-ansi.txt": declaration("CORRECTION ANSI").encode(),
    "corr-ansi.yml": b"place: Oran\ntitle: S\xe9curit\xe9\n",
}


@dataclass
class Built:
    root: Path
    status: int
    out: str
    err: str

    def page(self, slug: str) -> str:
        """The page of the text whose file name gives ``slug``."""
        return (self.root / "site" / "corpus" / "documents" / f"{moved(self.root, slug)}.html").read_text(
            encoding="utf-8")

    def text(self, slug: str) -> str:
        """Visible text of a document page (entities decoded)."""
        return page_parts(self.page(slug)).text

    def front(self, slug: str) -> frontmatter.Post:
        return frontmatter.load(self.root / "docs" / "corpus" / "documents" / f"{moved(self.root, slug)}.md")

    def lines(self, file: str) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith(f"{file}:")]


def run_main(root: Path, *options: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--root", str(root), *options])
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module", name="bad")
def fixture_bad_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds plus every bad input, built once."""
    root = copy_project(tmp_path_factory.mktemp("bad") / "project")
    for name, data in BAD_FILES.items():
        (root / "corpus" / name).write_bytes(data)
    with (root / "corpus" / "enorme.txt").open("wb") as stream:
        stream.write((b"Texte. " * (BIG // 7 + 1))[:BIG])
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        status, out, err = run_main(root, "--no-bundle")
    built = Built(root, status, out, err)
    assert status == 0, err  # every item test below relies on: published, exit status 0, the seeds built
    for slug in SEEDS:
        assert "Provenance" in built.page(slug)
    return built


def test_bad_build_publishes_the_seeds_and_refuses_only_the_bad_files(bad):
    assert "22 document(s) converti(s), 6 refusé(s)." in bad.out  # 5 unreadable files and one page name clash
    assert main(["--root", str(bad.root), "--no-bundle", "--strict", "--quiet"]) == 1


# --- encodings and line ends -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "slug", "detected"),
    [
        ("ansi.txt", "ansi", "encodage détecté : Windows-1252 (cp1252)"),
        ("bom.txt", "bom", "encodage détecté : UTF-8 avec BOM (BOM retiré)"),
        ("utf16le.txt", "utf16le", "encodage détecté : UTF-16 petit-boutiste avec BOM"),
        ("utf16be.txt", "utf16be", "encodage détecté : UTF-16 gros-boutiste avec BOM"),
    ],
)
def test_encoding_is_detected_and_the_text_comes_out_right(bad, file, slug, detected):
    assert f"{file}: info: {detected}" in bad.lines(file)
    text = bad.text(slug)
    assert "Les États s’engagent à œuvrer pour la sécurité de la Méditerranée." in text
    assert bad.front(slug)["title"].startswith("Déclaration d'essai")
    assert bad.front(slug)["title_source"].startswith("DÉCLARATION D'ESSAI")


def test_latin1_reads_as_its_windows_1252_superset(bad):
    assert "latin.txt: info: encodage détecté : Windows-1252 (cp1252)" in bad.lines("latin.txt")
    assert "Les États s'engagent à renforcer la sécurité et la coopération." in bad.text("latin")


@pytest.mark.parametrize(("file", "slug", "ending"), [("crlf.txt", "crlf", "CRLF"), ("cr.txt", "cr", "CR ")])
def test_crlf_and_cr_line_ends_are_converted(bad, file, slug, ending):
    assert any(f"fins de ligne {ending}" in line for line in bad.lines(file))
    assert not any("encodage" in line for line in bad.lines(file))  # plain UTF-8
    assert "Les États s’engagent à œuvrer pour la sécurité de la Méditerranée." in bad.text(slug)
    assert 'id="p-2"' in bad.page(slug) and bad.front(slug)["date"] == "2016-03-03"


def test_mixed_encoding_is_decoded_byte_by_byte_and_the_line_named(bad):
    lines = bad.lines("mixte.txt")
    assert "mixte.txt: info: encodage détecté : UTF-8, sauf 1 ligne en Windows-1252" in lines
    assert "mixte.txt:5: warning: octets non UTF-8 lus en Windows-1252 : vérifier cette ligne" in lines
    text = bad.text("mixte")
    assert "La sécurité, œuvre commune : l’État." in text  # UTF-8 and cp1252 pieces on the same line
    assert "Déclaration d'essai mixte" in text


# --- unreadable files --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("vide.txt", "vide.txt: error: fichier vide"),
        ("blanc.txt", "blanc.txt: error: le fichier ne contient que des espaces ou des lignes vides"),
        ("rapport.txt", "rapport.txt: error: contenu binaire (PDF) : convertir d'abord le document en texte"),
        ("image.txt", "image.txt: error: contenu binaire (PNG) : convertir d'abord le document en texte"),
        ("enorme.txt", f"enorme.txt: error: fichier trop volumineux : {BIG} octets (limite : {MAX_BYTES} octets)"),
    ],
)
def test_unreadable_file_is_refused_with_its_name(bad, file, message):
    assert bad.lines(file) == [message]
    assert not (bad.root / "docs" / "corpus" / "documents" / f"{Path(file).stem}.md").exists()


def test_very_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "enorme.txt"
    with path.open("wb") as stream:
        stream.truncate(BIG)  # sparse: refusal must come from the size alone

    def no_reading(*args, **kwargs):
        raise AssertionError("the file's bytes were read")

    for name in ("read_bytes", "read_text", "open"):
        monkeypatch.setattr(Path, name, no_reading)
    monkeypatch.setattr("builtins.open", no_reading)
    with pytest.raises(SourceError, match=f"trop volumineux : {BIG} octets"):
        read_source(path, tmp_path)


# --- hostile content ---------------------------------------------------------------------------------------


class _Parts(HTMLParser):
    """Tags, attributes, visible text and script bodies of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self._script: str | None = None
        self._title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs).get("type") or ""
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)
        else:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def page_parts(html: str) -> _Parts:
    parser = _Parts()
    parser.feed(html)
    parser.close()
    return parser


def assert_inert(html: str) -> None:
    """No injected element, event handler or script; JSON-LD that parses and cannot close its element."""
    parts = page_parts(html)
    assert not [tag for tag, _ in parts.tags if tag in ("iframe", "img", "object", "embed")]
    assert not [(tag, name) for tag, attrs in parts.tags for name in attrs if name.startswith("on")]
    for kind, body in parts.scripts:
        if kind == "application/ld+json":
            json.loads(body)
            assert "<" not in body
        else:
            assert "alert(" not in body.lower()


def test_hostile_text_shows_as_text_on_its_page(bad):
    html = bad.page("hostile")
    assert_inert(html)
    assert "<script>alert" not in html.lower() and "<iframe" not in html.lower()
    text = bad.text("hostile")
    for hostile in (
        *HOSTILE_STRINGS,
        "# pas un titre",
        "> pas une citation",
        "| a | b |",
        "pas une liste",
        "tiret",
        "title: pirate",
    ):
        assert hostile in text
    article = html[html.index("<article") : html.index("</article>")]
    assert "<blockquote" not in article and "<table" not in article and "<h1>pas" not in article
    assert article.count("<h1") == 1


def test_hostile_title_is_escaped_in_the_page_head_and_front_matter(bad):
    assert bad.front("hostile")["title"] != "pirate"
    parts = page_parts(bad.page("hostile"))
    assert f"{HOSTILE_SHOWN} - " in parts.text  # <title>, header topic and h1: shown, not run
    assert "{{ config.site_name }}" in parts.text  # no template ran on it
    records = json.loads((bad.root / "site/data/documents.json").read_text("utf-8"))
    record = next(r for r in records if r["slug"] == moved(bad.root, "hostile"))
    assert record["title_source"] == HOSTILE_TITLE  # the data keeps the raw title
    assert record["title"] == HOSTILE_SHOWN


def test_hostile_strings_are_inert_on_every_generated_page(bad):
    site = bad.root / "site"
    pages = [p for p in site.rglob("*.html") if "assets" not in p.parts]
    for path in pages:
        assert_inert(path.read_text(encoding="utf-8"))
    for page in (
        "corpus/chronologie.html",
        "corpus/themes/terrorisme.html",
        "corpus/acteurs/pays-maroc.html",
        "corpus/index.html",
    ):
        text = page_parts((site / page).read_text(encoding="utf-8")).text
        assert HOSTILE_SHOWN in text, page
    chronology = page_parts((site / "corpus/chronologie.html").read_text(encoding="utf-8")).text
    assert "<script>alert(1)</script>" in chronology and "<img src=x onerror=alert(1)>" in chronology


def test_hostile_strings_are_plain_data_in_exports_and_search_index(bad):
    data = bad.root / "site" / "data"
    meetings = json.loads((data / "meetings.json").read_text(encoding="utf-8"))
    quotes = [source["quote"] for meeting in meetings for source in meeting["sources"]]
    assert any("<script>alert(1)</script>" in quote for quote in quotes)  # JSON strings: data, kept exact
    search = sorted((data / "search").rglob("*.js"))
    assert search
    for path in search:
        script = path.read_text(encoding="utf-8")
        assert "<" not in script  # a script file that could never close an inline <script> either
    assert any("\\u003cscript>alert(1)\\u003c/script>" in path.read_text(encoding="utf-8") for path in search)


# --- page names --------------------------------------------------------------------------------------------


def test_two_texts_with_the_same_page_name(bad):
    assert bad.lines("texte-a.txt") == [
        "texte-a.txt: error: même nom de page « texte-a » que Texte A.txt : renommez l'un des deux"
    ]
    assert bad.front("texte-a")["source"]["file"] == "Texte A.txt"
    assert bad.front("texte-a")["title_source"] == "DÉCLARATION D'ESSAI TEXTE A MAJUSCULE"


def test_odd_file_names_build_to_ascii_page_names(bad):
    assert bad.front("declaration-d-alger-copie")["source"]["file"] == "Déclaration d'Alger (copie).txt"
    slug = "document-" + hashlib.sha256(Path(ODD_NAME).stem.encode()).hexdigest()[:12]
    assert bad.front(slug)["source"]["file"] == ODD_NAME
    slug = "img-src-x-onerror-alert-4"
    assert bad.front(slug)["source"]["file"] == HOSTILE_NAME
    assert f"Fichier source {HOSTILE_NAME}" in bad.text(slug)  # shown as text; assert_inert checks every page
    names = [p.relative_to(bad.root / "site").as_posix() for p in (bad.root / "site").rglob("*")]
    assert all(name.isascii() for name in names)


# --- overrides ---------------------------------------------------------------------------------------------


def test_malformed_override_is_reported_and_extraction_kept(bad):
    [line] = bad.lines("corr-syntaxe.yml")
    assert line.startswith("corr-syntaxe.yml:1: error: fichier de corrections illisible (clé « title »)")
    front = bad.front("corr-syntaxe")
    assert front["title"] == "Déclaration d'essai syntaxe" and "title" in front["guessed"]


def test_unknown_override_key_is_reported_and_the_others_applied(bad):
    [line] = bad.lines("corr-cle.yml")
    assert line.startswith("corr-cle.yml:2: error: clé inconnue « lieu »")
    assert bad.front("corr-cle")["place"] == "Oran"


def test_override_value_of_the_wrong_type(bad):
    assert bad.lines("corr-type.yml") == [
        "corr-type.yml:2: error: valeur invalide pour « references » : attendu une liste de textes, trouvé '12838/23'"
    ]
    front = bad.front("corr-type")
    assert front["references"] == [] and front["title"] == "Déclaration d'essai type"


def test_override_not_in_utf8_is_reported_not_a_crash(bad):
    assert bad.lines("corr-ansi.yml") == [
        "corr-ansi.yml:2: error: fichier de corrections illisible : il doit être encodé en UTF-8"
    ]
    assert bad.front("corr-ansi")["title"] == "Déclaration d'essai correction ansi"


# --- CSV injection -----------------------------------------------------------------------------------------


def test_csv_cells_never_start_a_formula():
    span = DateSpan(date(2019, 3, 12), date(2019, 3, 12), "day", "12 mars 2019")
    meeting = Meeting(
        "2019-03-12-x",
        '=HYPERLINK("http://evil.example","x")',
        span,
        place=Place("+33 1 23"),
        sources=[Citation("doc", "a-1", "@SUM(A1:A9)"), Citation("doc", "a-2", "-2+3")],
    )
    record = meeting_record(meeting, {"doc": "Titre"}, CHRONOLOGY)
    [row] = list(csv.DictReader(io.StringIO(meetings_csv([record]))))
    assert row["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["place"] == "'+33 1 23"
    assert row["quotes"] == "'@SUM(A1:A9) | -2+3"  # one cell: only its start counts
    assert row["date_text"] == "12 mars 2019" and row["start"] == "2019-03-12"
    assert record["name"] == '=HYPERLINK("http://evil.example","x")'  # JSON keeps the exact text


# --- atomic and reproducible builds ------------------------------------------------------------------------


def tree_digest(path: Path) -> dict[str, str]:
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*"))
        if p.is_file()
    }


def outputs(root: Path) -> dict[str, dict[str, str]]:
    return {name: tree_digest(root / name) for name in ("site", "dist", "docs/corpus", "docs/data")}


def build_copy(root: Path, epoch: str) -> Path:
    copy_project(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", epoch)
        assert pipeline.build(root).published
    return root


@pytest.fixture(scope="module", name="built")
def fixture_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built once, bundle included."""
    return build_copy(tmp_path_factory.mktemp("first") / "project", BUILD_EPOCH)


def test_builds_in_two_folders_are_byte_identical(built, tmp_path):
    other = build_copy(tmp_path / "elsewhere" / "copy", BUILD_EPOCH)
    assert outputs(other) == outputs(built)
    with zipfile.ZipFile(built / "dist" / BUNDLE) as bundle:
        infos = bundle.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names) and {info.date_time for info in infos} == {(2023, 11, 14, 22, 13, 20)}


def test_another_epoch_changes_only_the_dated_outputs(built, tmp_path):
    later = build_copy(tmp_path / "later", "1800000000")
    first, second = outputs(built), outputs(later)
    changed = {
        (tree, name)
        for tree in first
        for name in first[tree].keys() | second[tree].keys()
        if first[tree].get(name) != second[tree].get(name)
    }
    dated = {"index.html", "sitemap.xml.gz"}  # build date on the home page; gzip header time of the sitemap
    assert changed == {("site", name) for name in dated} | {("docs/corpus", "apercu.md"), ("dist", BUNDLE)}
    home = (later / "site" / "index.html").read_text(encoding="utf-8")
    assert "construit le <strong>15 janvier 2027</strong>" in home


def interrupt_after(calls: int, original):
    """A stand-in for ``original`` that raises KeyboardInterrupt on its ``calls``-th call."""
    count = 0

    def wrapper(*args, **kwargs):
        nonlocal count
        count += 1
        if count >= calls:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("owner", "name", "calls"),
    [
        (pipeline, "stage_docs", 1),  # before the staged docs tree is written
        (Path, "write_text", 5),  # in the middle of writing the staged docs tree
        (pipeline, "make_bundle", 1),  # after MkDocs rendered the staged site
        (offline_bundle._Writer, "file", 50),  # in the middle of writing the bundle
    ],
)
def test_interrupted_build_leaves_the_previous_output_intact(built, monkeypatch, owner, name, calls):
    before = outputs(built)
    text = built / "corpus" / "001_874993d00a89d4a5.txt"
    original = text.read_bytes()
    text.write_text("DÉCLARATION REMPLACÉE\n\n1. Un autre texte.\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setattr(owner, name, interrupt_after(calls, getattr(owner, name)))
    try:
        with pytest.raises(KeyboardInterrupt):
            pipeline.build(built)
    finally:
        monkeypatch.undo()
        text.write_bytes(original)
    assert outputs(built) == before
