"""Readable, stable page addresses, fixed at a text's first publication and recorded beside the corpus.

A text's page lives at ``corpus/documents/<date>-<title>.html`` (``2013-04-09-declaration-d-alger``), built
from its date and title the first time it is published and recorded in ``corpus/addresses.yml``, so that a
title or a date corrected later never moves it. Every address a text had before (the one made from its file's
name, and any a maintainer moves to ``former``) keeps leading to its page. The build only adds entries to the
file: it never changes or removes one, and an entry of a text taken out of the corpus keeps its addresses
reserved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

from .enrich.themes import YAML_LOADER
from .model import Diagnostic, Document
from .text import APOSTROPHES, STOPWORDS
from .write.markdown import dump_yaml

ADDRESSES = "addresses.yml"
"""The record of the addresses, in ``corpus/``: maintained by the build, editable by hand."""
MAX_LENGTH = 64
"""Characters of a new address at most: a date and the first words of a title, cut between words."""
_HEADER = """\
# Adresses des pages des textes (corpus/documents/<adresse>.html), fixées à leur première publication.
# build.py ajoute une entrée pour chaque nouveau texte et ne modifie ni ne supprime jamais une entrée.
# Changer une adresse : mettre l'ancienne dans « former » (elle redirigera vers la nouvelle).
# Renommer un fichier du corpus : renommer aussi sa clé ici, pour qu'il garde son adresse.
"""


class AddressError(ValueError):
    """An unreadable or inconsistent ``addresses.yml``: the build stops rather than move any page."""


@dataclass(slots=True)
class Address:
    """Where one text's page lives, and where it lived before."""

    current: str
    former: list[str] = field(default_factory=list)


def load_addresses(path: Path) -> dict[str, Address]:
    """The recorded addresses, by corpus file name; none when the file does not exist yet."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f", ligne {mark.line + 1}" if mark else ""
        raise AddressError(f"{path.name}{where} : fichier illisible ({getattr(error, 'problem', error)})") from error
    if not isinstance(data, dict):
        raise AddressError(f"{path.name} : une table « fichier du corpus : adresse » est attendue")
    book = {str(name): _entry(path.name, str(name), value) for name, value in data.items()}
    owners: dict[str, str] = {}
    for name, entry in book.items():
        for address in (entry.current, *entry.former):
            if owners.setdefault(address, name) != name:
                raise AddressError(f"{path.name} : {name} : l'adresse « {address} » est déjà celle de "
                                   f"{owners[address]}")
    return book


def _entry(file: str, name: str, value: object) -> Address:
    """One entry: ``{address: …, former: [...]}``, each address a slug (lower-case ASCII words and hyphens)."""
    if not isinstance(value, dict) or not isinstance(value.get("address"), str):
        raise AddressError(f"{file} : {name} : « address » manque")
    former = value.get("former") or []
    if not isinstance(former, list) or not all(isinstance(item, str) for item in former):
        raise AddressError(f"{file} : {name} : « former » doit être une liste d'adresses")
    for address in (value["address"], *former):
        if not address or slugify(address) != address:
            raise AddressError(f"{file} : {name} : « {address} » n'est pas une adresse (minuscules sans accents, "
                               "chiffres et tirets)")
    return Address(value["address"], list(former))


def publish_addresses(docs: list[Document], corpus: Path) -> tuple[dict[str, str], list[Diagnostic]]:
    """Move each document to its address (recording the new ones in ``corpus/addresses.yml``); returns the
    redirects, {former address: current address}, and a note for each address given (raises AddressError)."""
    path = corpus / ADDRESSES
    book = load_addresses(path)
    new = assign_addresses(docs, book)
    record_addresses(path, new)
    notes = [Diagnostic(name, f"adresse attribuée : {entry.current} (notée dans {ADDRESSES})", level="info")
             for name, entry in new.items()]
    present = {doc.source.path for doc in docs}
    redirects = {old: entry.current for name, entry in sorted(book.items()) if name in present for old in entry.former}
    return redirects, notes


def assign_addresses(docs: list[Document], book: dict[str, Address]) -> dict[str, Address]:
    """Give each document its recorded address, or a new one made from its date and title; the documents (and
    the meetings they cite) take their addresses, and ``book`` gains the new entries, which are returned."""
    taken = {address for entry in book.values() for address in (entry.current, *entry.former)}
    new = {}
    for doc in sorted(docs, key=lambda d: d.source.path):
        if doc.source.path not in book:
            address = _unique(_readable(doc), taken)
            former = [doc.slug] if doc.slug not in taken and doc.slug != address else []
            taken.update((address, *former))
            book[doc.source.path] = new[doc.source.path] = Address(address, former)
        _move(doc, book[doc.source.path].current)
    return new


def _readable(doc: Document) -> str:
    """A new address: the document's date, then its title's words, elisions apart (``d-alger``) and no small
    word left dangling where the title is cut (its file's name when it has no title)."""
    title = "".join(" " if char in APOSTROPHES else char for char in doc.meta.title)
    words = slugify(f"{doc.meta.date} {title}", max_length=MAX_LENGTH, word_boundary=True).split("-")
    while len(words) > 1 and words[-1] in STOPWORDS:
        words.pop()
    return "-".join(words) if title.strip() else doc.slug


def _unique(address: str, taken: set[str]) -> str:
    """``address``, or the first ``address-2``, ``address-3``… not taken."""
    number, candidate = 1, address
    while candidate in taken:
        number += 1
        candidate = f"{address}-{number}"
    return candidate


def _move(doc: Document, address: str) -> None:
    """The document at its address: its slug, and the citations of the meetings it cites."""
    for meeting in doc.meetings:
        for citation in meeting.sources:
            if citation.document == doc.slug:
                citation.document = address
    doc.slug = address


def record_addresses(path: Path, new: dict[str, Address]) -> None:
    """Add the new entries at the end of the record, whose existing lines (hand edits, comments) stay as they
    are; written whole to a temporary file first, so that a killed build leaves the record whole."""
    if not new:
        return
    entries = {name: {"address": entry.current, **({"former": entry.former} if entry.former else {})}
               for name, entry in new.items()}
    before = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    if before and not before.endswith("\n"):
        before += "\n"
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(before + dump_yaml(entries), encoding="utf-8")
    os.replace(partial, path)
