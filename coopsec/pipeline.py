"""Runs the stages in order: per document, then across the corpus, then the site.

read -> clean -> structure -> metadata -> enrich -> write Markdown and data
-> render with MkDocs -> offline bundle. Nothing is written into ``docs/``,
``site/`` or ``dist/`` until everything has succeeded, so a failed or
interrupted build leaves the previous output intact.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import shutil
import stat
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import MkDocsException
from slugify import slugify

from .addresses import ADDRESSES, AddressError, publish_addresses
from .cache import ConversionCache, SiteStamp, conversion_key
from .enrich.actors import actor_matcher, load_actors
from .enrich.citations import link_citations
from .enrich.meetings import find_meetings, merge_meetings
from .enrich.themes import ThesaurusError, load_themes, theme_matcher
from .extract.clean import clean
from .extract.metadata import extract_metadata
from .extract.read import read_source
from .extract.structure import structure
from .gazetteer import Gazetteer
from .model import Actor, BuildReport, Diagnostic, Document, Meeting, Mention, SourceError, Theme
from .publish.bundle import make_bundle
from .publish.search import search_files
from .schema import load_override, validate_front_matter
from .version import files_digest
from .write.chronology import chronology_page, document_jsonld
from .write.data import data_files
from .write.facets import facet_files
from .write.indexes import documents_index, overview
from .write.markdown import GENERATED_DIRS, document_path
from .write.pages import document_page, front_matter
from .write.redirects import redirect_pages
from .write.taxonomy import actor_pages, theme_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

BUNDLE_NAME = "coopsec-hors-ligne.zip"


@dataclass
class Project:
    """Where a build reads and writes."""

    root: Path

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "coopsec"

    @property
    def site_stamp(self) -> Path:
        return self.root / ".cache" / "site.sha256"

    @property
    def staging(self) -> Path:
        return self.root / ".build"


def build_epoch() -> int:
    """The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    return int(value) if value else int(datetime.now(UTC).timestamp())


def page_name(path: Path) -> str:
    """The ASCII page name (slug) of a corpus text; from a hash of its name when it has no letter or digit."""
    return slugify(path.stem) or "document-" + hashlib.sha256(path.stem.encode()).hexdigest()[:12]


def convert(path: Path, project: Project) -> Document:
    """One corpus text -> a structured Document with its metadata (raises SourceError)."""
    source = read_source(path, project.corpus)
    lines, diagnostics = clean(source)
    body = structure(lines, source.path)
    override = load_override(path.with_suffix(".yml"), source.path.removesuffix(".txt") + ".yml")
    doc = Document(slug=page_name(path), source=source)
    doc.parts, doc.footnotes = body.parts, body.footnotes
    doc.meta = extract_metadata(body, override.values)
    guesses = [d for d in body.diagnostics if d.field not in override.values]  # overridden: no longer a guess
    doc.diagnostics = source.diagnostics + diagnostics + guesses + override.diagnostics
    if doc.meta.guessed:
        doc.diagnostics.append(Diagnostic(source.path, "champs déduits : " + ", ".join(sorted(doc.meta.guessed)),
                                          level="info"))
    if not doc.blocks():
        raise SourceError(source.path, "aucun texte exploitable après nettoyage")
    return doc


@dataclass
class Thesauri:
    """The themes and actors of the corpus, with their matchers and a fingerprint of their files."""

    themes: list[Theme]
    actors: list[Actor]
    match_themes: Callable[[Document], dict[str, list[Mention]]]
    match_actors: Callable[[Document], dict[str, list[Mention]]]
    places: Gazetteer
    fingerprint: str

    @classmethod
    def load(cls, project: Project) -> Thesauri:
        """Read ``corpus/themes.yml`` and ``corpus/actors.yml`` (raises ThesaurusError)."""
        files = (project.corpus / "themes.yml", project.corpus / "actors.yml")
        themes, actors = load_themes(files[0]), load_actors(files[1])
        digest = hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()
        return cls(themes, actors, theme_matcher(themes), actor_matcher(actors), Gazetteer(actors), digest)


def process(path: Path, project: Project, thesauri: Thesauri) -> Document:
    """Everything that depends on one text alone: conversion, themes, actors, cited meetings."""
    doc = convert(path, project)
    if "place" in doc.meta.guessed and doc.meta.place and not thesauri.places.is_place(doc.meta.place):
        doc.diagnostics.append(Diagnostic(doc.source.path, f"lieu « {doc.meta.place} » écarté : nom d'organisation",
                                          field="place"))
        doc.meta.place = ""
    doc.themes = thesauri.match_themes(doc)
    doc.actors = thesauri.match_actors(doc)
    doc.meetings = find_meetings(doc, thesauri.places)
    return doc


PARALLEL_FROM = 64
"""Texts to (re)process, or documents to render, from which the work is spread over all cores."""


def _worth_spreading(count: int) -> bool:
    """Whether ``count`` texts or documents are worth spreading over the cores of this machine."""
    return count >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2

_worker: dict[str, object] = {}


def _start_worker(root: Path) -> None:
    project = Project(root)
    _worker.update(project=project, thesauri=Thesauri.load(project), cache=ConversionCache(project.cache))


def _process_in_worker(path: Path, key: str) -> Document | Diagnostic:
    """Process one text and store the document in the cache (workers write it in parallel)."""
    try:
        doc = process(path, _worker["project"], _worker["thesauri"])  # type: ignore[arg-type]
    except SourceError as error:
        return error.diagnostic
    _worker["cache"].put(key, doc)  # type: ignore[attr-defined]
    return doc


def _process_all(keyed: list[tuple[Path, str]], project: Project, thesauri: Thesauri) -> list[Document | Diagnostic]:
    """Process texts in order, on every core when there are many, and cache the documents."""
    if not _worth_spreading(len(keyed)):
        _worker.update(project=project, thesauri=thesauri, cache=ConversionCache(project.cache))
        return [_process_in_worker(path, key) for path, key in keyed]
    with ProcessPoolExecutor(os.cpu_count(), initializer=_start_worker, initargs=(project.root,)) as pool:
        return list(pool.map(_process_in_worker, *zip(*keyed, strict=True), chunksize=8))


def process_corpus(project: Project, thesauri: Thesauri, report: BuildReport) -> list[Document]:
    """Process every ``corpus/*.txt`` (unchanged ones come from the cache); a file that fails is reported."""
    cache = ConversionCache(project.cache)
    keyed = []
    for path in sorted(project.corpus.glob("*.txt")):
        name = path.relative_to(project.corpus).as_posix()
        keyed.append((path, conversion_key(name, path, path.with_suffix(".yml"), thesauri.fingerprint)))
    cached = {key: cache.get(key) for _, key in keyed}
    report.diagnostics += [Diagnostic(path.relative_to(project.root).as_posix(), "entrée du cache illisible"
                                      " (tronquée ou corrompue) : le texte est converti à nouveau", level="info")
                           for path in cache.unreadable]
    missing = [(path, key) for path, key in keyed if cached[key] is None]
    for (_, key), result in zip(missing, _process_all(missing, project, thesauri), strict=True):
        cached[key] = result
    cache.prune({key for _, key in keyed})
    report.reconverted = len(missing)
    docs: dict[str, Document] = {}
    for path, key in keyed:
        name = path.relative_to(project.corpus).as_posix()
        result = cached[key]
        if isinstance(result, Diagnostic):
            report.failed.append(name)
            report.diagnostics.append(result)
        elif result.slug in docs:
            report.failed.append(name)
            report.diagnostics.append(Diagnostic(
                name, f"même nom de page « {result.slug} » que {docs[result.slug].source.path} : "
                "renommez l'un des deux", level="error"))
        else:
            docs[result.slug] = result
            report.converted.append(name)
            report.guessed[name] = sorted(result.meta.guessed)
            report.diagnostics.extend(result.diagnostics)
    return list(docs.values())


def link_meetings(docs: list[Document]) -> list[Meeting]:
    """Merge the meetings cited across the corpus; each document then lists the merged entries it cites."""
    merged = merge_meetings([doc.meetings for doc in docs])
    cited_by: dict[str, dict[str, Meeting]] = {doc.slug: {} for doc in docs}
    for meeting in merged:
        for citation in meeting.sources:
            cited_by[citation.document].setdefault(meeting.id, meeting)
    for doc in docs:
        doc.meetings = list(cited_by[doc.slug].values())
    return merged


def render(docs: list[Document], thesauri: Thesauri, epoch: int, report: BuildReport) -> dict[str, str]:
    """Every generated file, as {path under docs/: content}.

    With many documents, the data exports and the search index are written by a
    forked child process on another core while this one writes the pages.
    """
    meetings = link_meetings(docs)
    link_citations(docs, thesauri.places)
    themes, actors = thesauri.themes, thesauri.actors
    _for_exports.update(docs=docs, meetings=meetings)
    try:
        with _frozen_gc(), _fork_pool(len(docs)) as pool:
            exports = pool.submit(_exports) if pool else None
            files: dict[str, str] = {}
            for doc in docs:
                report.diagnostics.extend(validate_front_matter(front_matter(doc), doc.source.path))
                files[document_path(doc.slug)] = document_page(doc, document_jsonld(doc, themes))
            build_date = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
            for part in (documents_index(docs), theme_pages(docs, themes), actor_pages(docs, actors),
                         chronology_page(meetings, docs), exports.result() if exports else _exports(),
                         overview(docs, build_date, meetings, themes, actors), facet_files(docs, themes, actors)):
                files.update(part)
    finally:
        _for_exports.clear()
    return files


@contextmanager
def _frozen_gc() -> Iterator[None]:
    """What the build already holds (the documents above all) outlives this step: full garbage collections,
    here or in a forked child, need not walk it, nor copy its pages."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_for_exports: dict[str, list] = {}
"""The documents and meetings being rendered, for :func:`_exports` (a forked child inherits them)."""


def _exports() -> dict[str, str]:
    """The data exports and the search index of the documents being rendered."""
    docs, meetings = _for_exports["docs"], _for_exports["meetings"]
    return {**data_files(docs, meetings), **search_files(docs)}


def _fork_pool(documents: int) -> AbstractContextManager[ProcessPoolExecutor | None]:
    """A one-process pool forked from this one when it is worth it and safe (no other thread), else None."""
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if not (_worth_spreading(documents) and forkable):
        return nullcontext()
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))


def stage_docs(files: dict[str, str], project: Project) -> Path:
    """A complete docs tree in the staging area: hand-written pages plus the generated ones."""
    staged = project.staging / "docs"
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(project.docs, staged, ignore=_ignore_generated(project.docs))
    for directory in sorted({os.path.dirname(rel) for rel in files}):
        (staged / directory).mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        previous = project.docs / rel
        if _holds(previous, content):
            os.link(previous, staged / rel)  # unchanged: keep the same file, not rewritten
        else:
            (staged / rel).write_text(content, encoding="utf-8", newline="\n")
    return staged


def _holds(path: Path, content: str) -> bool:
    """Whether ``path`` is a file holding exactly ``content`` (sizes are compared before the bytes)."""
    try:
        status = path.stat()
    except OSError:
        return False
    data = content.encode("utf-8")
    return stat.S_ISREG(status.st_mode) and status.st_size == len(data) and path.read_bytes() == data


def _ignore_generated(docs_dir: Path):
    def ignore(directory: str, names: list[str]) -> list[str]:
        return list(GENERATED_DIRS) if Path(directory) == docs_dir else []
    return ignore


RENDERERS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pygments", "jinja2")
"""Packages whose version may change what the same docs render to."""


def mkdocs_config(project: Project, docs_dir: Path, strict: bool) -> MkDocsConfig:
    """The project's MkDocs configuration, reading the staged docs into a staged site directory."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice; see README
    config = load_config(str(project.root / "mkdocs.yml"), docs_dir=str(docs_dir),
                         site_dir=str(project.staging / "site"), strict=strict)
    snippets = config["mdx_configs"].setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(docs_dir)]
    return config


def site_fingerprint(config: MkDocsConfig) -> str:
    """Hash of what MkDocs renders from: the docs, its configuration, hooks and theme overrides, the renderers."""
    inputs = [("mkdocs.yml", Path(config.config_file_path))]
    inputs += [(f"hook {name}", Path(module.__file__)) for name, module in sorted(config["hooks"].items())]
    for label, folder in (("docs", config.docs_dir), ("overrides", config.theme.custom_dir)):
        if folder:
            paths = sorted(path for path in Path(folder).rglob("*") if path.is_file())
            inputs += [(f"{label}/{path.relative_to(folder).as_posix()}", path) for path in paths]
    return files_digest(inputs, [f"strict {config.strict}", *(f"{name} {version(name)}" for name in RENDERERS)])


def render_site(config: MkDocsConfig) -> Path:
    """Run MkDocs on the staged docs into the staged site directory."""
    from mkdocs.commands.build import build as mkdocs_build

    with _frozen_gc():
        mkdocs_build(config)
    return Path(config.site_dir)


def publish(project: Project, staged_docs: Path, staged_site: Path | None, bundle: Path | None) -> None:
    """Swap the staged output into place: generated docs folders, site/ (unless unchanged), then the bundle."""
    for name in GENERATED_DIRS:
        _swap(staged_docs / name, project.docs / name)
    if staged_site:
        _swap(staged_site, project.site)
    if bundle:
        project.dist.mkdir(exist_ok=True)
        os.replace(bundle, project.dist / BUNDLE_NAME)
    shutil.rmtree(project.staging, ignore_errors=True)


def _swap(new: Path, current: Path) -> None:
    old = current.with_name(f".{current.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)


def sync_generated(files: dict[str, str], project: Project) -> None:
    """Write changed generated files in place and remove stale ones (live preview only)."""
    for rel, content in files.items():
        target = project.docs / rel
        if not _holds(target, content):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8", newline="\n")
    for name in GENERATED_DIRS:
        for path in sorted((project.docs / name).rglob("*"), reverse=True):
            rel = path.relative_to(project.docs).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def generate(project: Project, epoch: int, report: BuildReport) -> dict[str, str]:
    """Every generated file of the corpus, or nothing when no document could be built."""
    try:
        thesauri = Thesauri.load(project)
    except ThesaurusError as error:
        report.diagnostics.append(Diagnostic("corpus", str(error), level="error"))
        return {}
    docs = process_corpus(project, thesauri, report)
    if not docs:
        return {}
    try:
        redirects, notes = publish_addresses(docs, project.corpus)
    except AddressError as error:
        report.diagnostics.append(Diagnostic(f"corpus/{ADDRESSES}", str(error), level="error"))
        return {}
    report.diagnostics += notes
    return {**render(docs, thesauri, epoch, report), **redirect_pages(redirects, docs)}


def regenerate(root: Path) -> BuildReport:
    """Convert the corpus and update the generated pages in place, without rendering (live preview)."""
    project = Project(root.resolve())
    report = BuildReport()
    files = generate(project, build_epoch(), report)
    if files:
        sync_generated(files, project)
        report.published = True
    return report


def build(root: Path, strict: bool = False, bundle: bool = True) -> BuildReport:
    """Convert the corpus, render the site and the offline bundle; returns the report."""
    project = Project(root.resolve())
    report = BuildReport()
    epoch = build_epoch()
    files = generate(project, epoch, report)
    if not files:
        return report
    if strict and any(d.level in ("warning", "error") for d in report.diagnostics):
        return report
    staged_docs = stage_docs(files, project)
    stamp = SiteStamp(project.site_stamp)
    try:
        config = mkdocs_config(project, staged_docs, strict)
        fingerprint = site_fingerprint(config)
        if stamp.matches(fingerprint, bundle) and project.site.is_dir() and (
                not bundle or (project.dist / BUNDLE_NAME).is_file()):
            publish(project, staged_docs, None, None)
            report.diagnostics.append(Diagnostic("site", "site inchangé : rendu MkDocs et paquet hors ligne conservés",
                                                 level="info"))
            report.published = True
            return report
        staged_site = render_site(config)
    except MkDocsException as error:
        report.diagnostics.append(Diagnostic("mkdocs.yml", f"le rendu du site a échoué : {error}", level="error"))
        shutil.rmtree(project.staging, ignore_errors=True)
        return report
    zip_path = None
    if bundle:
        zip_path = project.staging / BUNDLE_NAME
        make_bundle(staged_site, zip_path, epoch)
    stamp.forget()  # an interrupted swap must not look up to date
    publish(project, staged_docs, staged_site, zip_path)
    stamp.record(fingerprint, bundle)
    report.published = True
    return report
