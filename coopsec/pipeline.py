"""The build, stage by stage: per text, then across the corpus, then the site.

read -> clean -> structure -> metadata -> enrich (:func:`process`, per text, cached) -> link across the
corpus and write Markdown and data (:func:`render`) -> stage -> render with MkDocs -> offline bundle ->
swap into place (:func:`build`). Nothing is written into ``docs/``, ``site/`` or ``dist/`` until everything
has succeeded (:mod:`.staging`), so a failed or interrupted build leaves the previous output intact.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import MkDocsException
from slugify import slugify

from .addresses import ADDRESSES, AddressError, publish_addresses
from .cache import ConversionCache, conversion_key
from .enrich.actors import actor_matcher, load_actors
from .enrich.citations import link_citations
from .enrich.meetings import find_meetings
from .enrich.merging import merge_meetings
from .enrich.themes import ThesaurusError, load_themes, theme_matcher
from .extract.clean import clean
from .extract.metadata import extract_metadata
from .extract.read import read_source
from .extract.structure import structure
from .gazetteer import Gazetteer
from .lock import BuildLocked, build_lock
from .memo import Memo
from .model import Actor, BuildReport, Diagnostic, Document, Meeting, Mention, SourceError, Theme
from .pool import beside, spread, worth_spreading
from .project import BUNDLE_NAME, Project
from .publish.bundle import Previous, make_bundle
from .publish.linked import LinkDocsFiles
from .publish.render_cache import RenderCache
from .publish.search import search_files, search_units
from .schema import load_override, validate_front_matter
from .staging import keep_unchanged, publish, recover, rewrites_summary, stage_docs
from .stamp import render_fingerprint, site_fingerprint
from .uptodate import BuildStamp, inputs_fingerprint
from .write.chronology import chronology_page, document_jsonld
from .write.data import data_files
from .write.facets import facet_files
from .write.indexes import documents_index, overview
from .write.markdown import document_path
from .write.pages import document_page, front_matter, page_values
from .write.redirects import redirect_pages
from .write.taxonomy import actor_pages, theme_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

UNCHANGED = ("rien n'a changé depuis la dernière construction (textes, surcharges, code, configuration, pages "
             "écrites à la main) : docs/, site/ et dist/ conservés tels quels, aucun fichier réécrit")
"""The report's line when the build stopped at once (:mod:`.uptodate`)."""


def build(root: Path, strict: bool = False, bundle: bool = True) -> BuildReport:
    """Convert the corpus, render the site and the offline bundle; returns the report.

    One build at a time in a checkout: while another holds the lock, this one is refused and touches nothing.
    """
    project = Project(root.resolve())
    try:
        with build_lock(project):
            recover(project)
            return _build(project, strict, bundle)
    except BuildLocked as locked:
        return BuildReport(diagnostics=[locked.diagnostic])


def _build(project: Project, strict: bool, bundle: bool) -> BuildReport:
    """The stages in order: generate the pages, stage them, render the site (unless unchanged), zip, swap."""
    epoch = build_epoch()
    build_stamp = BuildStamp(project)
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "")  # a reproducible build's time is in the bundle's entries
    inputs = inputs_fingerprint(project, [f"strict {strict}", f"date {build_date(epoch)}", f"epoch {fixed}"])
    last = build_stamp.unchanged(inputs, bundle)
    if last:
        last.diagnostics.append(Diagnostic("site", UNCHANGED, level="info"))
        return last
    build_stamp.forget()
    report = BuildReport()
    gc.disable()  # reading and writing make millions of objects and hardly any cyclic garbage (figure in benchmarks/)
    try:
        files = generate(project, epoch, report)
    finally:
        gc.enable()
    if not files:
        return report
    if strict and any(d.level in ("warning", "error") for d in report.diagnostics):
        return report
    staged_docs, docs_rewrites = stage_docs(files, project)
    try:
        config = mkdocs_config(project, staged_docs, strict, build_stamp.written_in_place())
        site = site_fingerprint(config)
        if build_stamp.site_unchanged(site, bundle):
            publish(project, staged_docs, None, None)
            report.diagnostics.append(Diagnostic("site", "site inchangé : rendu MkDocs et paquet hors ligne conservés",
                                                 level="info"))
            report.diagnostics.append(Diagnostic("site", rewrites_summary(docs_rewrites, None), level="info"))
            report.published = True
            build_stamp.record(inputs, site, bool(build_stamp.last.get("bundle")), report)
            return report
        staged_site = render_site(config)
        site_rewrites = keep_unchanged(staged_site, project.site)
    except MkDocsException as error:
        report.diagnostics.append(Diagnostic("mkdocs.yml", f"le rendu du site a échoué : {error}", level="error"))
        shutil.rmtree(project.staging, ignore_errors=True)
        return report
    zip_path = None
    if bundle:
        zip_path = project.staging / BUNDLE_NAME
        previous = Previous(project.bundle, site_rewrites.kept) if build_stamp.bundle_of_site() else None
        make_bundle(staged_site, zip_path, epoch, previous)
    publish(project, staged_docs, staged_site, zip_path)
    report.diagnostics.append(Diagnostic("site", rewrites_summary(docs_rewrites, site_rewrites), level="info"))
    report.published = True
    build_stamp.record(inputs, site, bundle, report)
    return report


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
    memo = Memo.load(project.memo)
    files = {**render(docs, thesauri, epoch, report, memo), **redirect_pages(redirects, docs)}
    memo.save(project.memo)
    return files


def build_epoch() -> int:
    """The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    return int(value) if value else int(datetime.now(UTC).timestamp())


def build_date(epoch: int) -> str:
    """The day of the build, as the overview shows it."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")


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

    def process_and_store(text: tuple[Path, str]) -> Document | Diagnostic:
        """Process one text and store the document in the cache (workers write it in parallel)."""
        path, key = text
        try:
            doc = process(path, project, thesauri)
        except SourceError as error:
            return error.diagnostic
        cache.put(key, doc)
        return doc

    missing = [(path, key) for path, key in keyed if cached[key] is None]
    converted = dict(zip([key for _, key in missing], spread(process_and_store, missing), strict=True))
    cache.prune({key for _, key in keyed})
    report.reconverted = len(missing)
    docs: dict[str, Document] = {}
    for path, key in keyed:
        name = path.relative_to(project.corpus).as_posix()
        result = cached[key] or converted[key]
        if isinstance(result, Diagnostic):
            report.failed.append(name)
            report.diagnostics.append(result)
        elif result.slug in docs:
            report.failed.append(name)
            report.diagnostics.append(Diagnostic(
                name, f"même nom de page « {result.slug} » que {docs[result.slug].source.path} : "
                "renommez l'un des deux", level="error"))
        else:
            result.fingerprint = key
            docs[result.slug] = result
            report.converted.append(name)
            report.guessed[name] = sorted(result.meta.guessed)
            report.diagnostics.extend(result.diagnostics)
    return list(docs.values())


def process(path: Path, project: Project, thesauri: Thesauri) -> Document:
    """Everything that depends on one text alone: conversion, themes, actors, cited meetings, its share of the
    search index."""
    doc = convert(path, project)
    if "place" in doc.meta.guessed and doc.meta.place and not thesauri.places.is_place(doc.meta.place):
        doc.diagnostics.append(Diagnostic(doc.source.path, f"lieu « {doc.meta.place} » écarté : nom d'organisation",
                                          field="place"))
        doc.meta.place = ""
    doc.themes = thesauri.match_themes(doc)
    doc.actors = thesauri.match_actors(doc)
    doc.meetings = find_meetings(doc, thesauri.places)
    doc.search = search_units(doc)
    return doc


def convert(path: Path, project: Project) -> Document:
    """One corpus text -> a structured Document with its metadata (raises SourceError)."""
    source = read_source(path, project.corpus)
    lines, diagnostics = clean(source)
    body = structure(lines, source.path)
    override = load_override(path.with_suffix(".yml"), source.path.removesuffix(".txt") + ".yml")
    doc = Document(slug=page_name(path), source=source)
    doc.parts, doc.footnotes = body.parts, body.footnotes
    doc.meta = extract_metadata(body, override.values, source.path)
    guesses = [d for d in body.diagnostics if d.field not in override.values]  # overridden: no longer a guess
    doc.diagnostics = source.diagnostics + diagnostics + guesses + override.diagnostics
    if doc.meta.guessed:
        doc.diagnostics.append(Diagnostic(source.path, "champs déduits : " + ", ".join(sorted(doc.meta.guessed)),
                                          level="info"))
    if not doc.blocks():
        raise SourceError(source.path, "aucun texte exploitable après nettoyage")
    return doc


def page_name(path: Path) -> str:
    """The ASCII page name (slug) of a corpus text; from a hash of its name when it has no letter or digit."""
    return slugify(path.stem) or "document-" + hashlib.sha256(path.stem.encode()).hexdigest()[:12]


def render(docs: list[Document], thesauri: Thesauri, epoch: int, report: BuildReport, memo: Memo
           ) -> dict[str, str]:
    """Every generated file, as {path under docs/: content}; the pieces whose values the last build wrote
    too come from ``memo`` (:mod:`.memo`).

    With many documents, the search index is written by a forked child process on another core while this one
    writes the pages and the data exports (the two halves take about as long).
    """
    meetings = link_meetings(docs)
    link_citations(docs, thesauri.places)
    themes, actors = thesauri.themes, thesauri.actors

    with beside(lambda: search_files(docs), worth_spreading(len(docs))) as search_index:
        files: dict[str, str] = {}
        for doc in docs:
            report.diagnostics.extend(validate_front_matter(front_matter(doc), doc.source.path))
            jsonld = document_jsonld(doc, themes)
            files[document_path(doc.slug)] = memo.get(page_values(doc, jsonld), partial(document_page, doc, jsonld))
        for part in (documents_index(docs), theme_pages(docs, themes), actor_pages(docs, actors),
                     chronology_page(meetings, docs), data_files(docs, meetings, memo=memo), search_index(),
                     overview(docs, build_date(epoch), meetings, themes, actors), facet_files(docs, themes, actors)):
            files.update(part)
    return files


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


def mkdocs_config(project: Project, docs_dir: Path, strict: bool, altered: frozenset[int] = frozenset()
                  ) -> MkDocsConfig:
    """The project's MkDocs configuration, reading the staged docs into a staged site directory; the render
    cache does not trust its entries whose inodes are ``altered``."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice; see README
    config = load_config(str(project.root / "mkdocs.yml"), docs_dir=str(docs_dir),
                         site_dir=str(project.staging / "site"), strict=strict)
    snippets = config["mdx_configs"].setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(docs_dir)]
    config.plugins["coopsec/render-cache"] = RenderCache(project.render_cache, render_fingerprint(config), altered)
    config.plugins["coopsec/linked"] = LinkDocsFiles()
    return config


def render_site(config: MkDocsConfig) -> Path:
    """Run MkDocs on the staged docs into the staged site directory."""
    from mkdocs.commands.build import build as mkdocs_build

    mkdocs_build(config)
    return Path(config.site_dir)
