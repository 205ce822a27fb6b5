"""Actors: countries, organisations and places named by the texts.

Country names come from reference data (pycountry's ISO 3166 names in French and
babel's short French names); ``corpus/actors.yml`` adds demonyms, organisations
and places. Names are matched on :func:`coopsec.text.name_key` keys, longest
name first, so that "Guinée équatoriale" is not also "Guinée".
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pycountry
from babel import Locale
from slugify import slugify

from ..model import Actor, ActorKind, Document, Mention
from ..text import name_key, phrase
from .themes import (
    SLUG,
    ThesaurusError,
    check_entry,
    check_strings,
    collect_mentions,
    phrase_index,
    read_yaml,
)

KIND_PREFIXES = {"country": "pays-", "organisation": "org-", "place": "lieu-"}
_SECTIONS = {"countries", "exclude", "organisations", "places"}
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")


def load_actors(path: Path) -> list[Actor]:
    """Countries from reference data completed by the actors file, then its organisations and places."""
    data = read_yaml(path)
    check_entry(path, "fichier", data, set(), _SECTIONS)
    named = [
        *_named(path, "organisation", data.get("organisations") or []),
        *_named(path, "place", data.get("places") or []),
    ]
    taken = {phrase(name, name_key) for actor in named for name in names(actor)}
    excluded = {
        phrase(name, name_key)
        for name in check_strings(path, "exclude", "exclude", data.get("exclude") or [], name_key)
    }
    countries = _countries(path, data.get("countries") or {}, taken | excluded)
    return countries + named


def names(actor: Actor) -> Iterator[str]:
    """Every name searched for an actor: its aliases, with any "(...)" part as a name of its own.

    The loaders put every searchable name in ``aliases``, the label first unless it is
    ambiguous ("Maurice", "Monaco" the country).
    """
    for name in actor.aliases:
        yield _PARENTHESIS.sub(" ", name).strip()
        yield from _PARENTHESIS.findall(name)


def actor_matcher(actors: list[Actor]) -> Callable[[Document], dict[str, list[Mention]]]:
    """A function giving, for a document, actor id -> the paragraphs that name it."""
    index = phrase_index(((actor.id, name) for actor in actors for name in names(actor)), name_key)
    return lambda doc: collect_mentions(doc, index, name_key, overlap=False)


def match_actors(doc: Document, actors: list[Actor]) -> dict[str, list[Mention]]:
    """Actor id -> the paragraphs of ``doc`` that name it (actors named at least once)."""
    return actor_matcher(actors)(doc)


def _named(path: Path, kind: ActorKind, entries: object) -> list[Actor]:
    """Organisations or places of the actors file, validated."""
    section = f"{kind}s"
    if not isinstance(entries, list):
        raise ThesaurusError(path, section, "une liste est attendue")
    actors = []
    for number, item in enumerate(entries, 1):
        entry = f"{section} {number}" + (f" ({item.get('id')})" if isinstance(item, dict) else "")
        check_entry(path, entry, item, {"id", "label"}, {"aliases", "seat"} if kind == "organisation" else
                    {"aliases", "country"})
        ident, label = item["id"], item["label"]
        if not isinstance(ident, str) or not SLUG.match(ident) or not ident.startswith(KIND_PREFIXES[kind]):
            raise ThesaurusError(
                path, entry, f"id doit être un identifiant ASCII commençant par {KIND_PREFIXES[kind]!r}"
            )
        if not isinstance(label, str) or not phrase(label, name_key):
            raise ThesaurusError(path, entry, "label doit être un nom")
        aliases = check_strings(path, entry, "aliases", item.get("aliases") or [], name_key)
        seat, country = item.get("seat", ""), item.get("country", "")
        if not isinstance(seat, str):
            raise ThesaurusError(path, entry, "seat doit être le nom d'une ville")
        if country and (not isinstance(country, str) or pycountry.countries.get(alpha_2=country) is None):
            raise ThesaurusError(path, entry, "country doit être un code ISO 3166 alpha-2 (MA, FR…)")
        actor = Actor(ident, kind, label.strip(), list(dict.fromkeys([label.strip(), *aliases])), seat, country)
        actors.append(actor)
    return actors


def _countries(path: Path, extra: object, taken: set[tuple[str, ...]]) -> list[Actor]:
    """One actor per ISO 3166 country, with French names, the file's additions, and no name in ``taken``."""
    if not isinstance(extra, dict):
        raise ThesaurusError(path, "countries", "un dictionnaire de codes ISO 3166 alpha-2 est attendu")
    if unknown := sorted(str(code) for code in extra if pycountry.countries.get(alpha_2=str(code)) is None):
        raise ThesaurusError(path, "countries", f"codes ISO 3166 alpha-2 inconnus : {', '.join(unknown)}")
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    short_names = Locale("fr").territories
    countries: list[tuple[Actor, list[str]]] = []
    for country in pycountry.countries:
        item = extra.get(country.alpha_2) or {}
        entry = f"countries {country.alpha_2}"
        check_entry(path, entry, item, set(), {"demonyms", "aliases", "capital"})
        capital = item.get("capital", "")
        if not isinstance(capital, str):
            raise ThesaurusError(path, entry, "capital doit être le nom d'une ville")
        label = short_names.get(country.alpha_2) or french.gettext(country.name)
        found = [label, _inverted(french.gettext(country.name))]
        if official := getattr(country, "official_name", ""):
            found.append(french.gettext(official))
        for key in ("demonyms", "aliases"):
            found += check_strings(path, entry, key, item.get(key) or [], name_key)
        actor = Actor(f"pays-{slugify(label)}", "country", label, seat=capital)
        countries.append((actor, found))
    return _unambiguous(countries, taken)


def _inverted(name: str) -> str:
    """An ISO name written "Corée, République de" as "République de Corée"."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail else name


def _unambiguous(countries: list[tuple[Actor, list[str]]], taken: set[tuple[str, ...]]) -> list[Actor]:
    """Countries whose aliases are their names less those in ``taken`` or shared by two countries."""
    owners: dict[tuple[str, ...], set[str]] = {}
    for actor, found in countries:
        for name in found:
            owners.setdefault(phrase(name, name_key), set()).add(actor.id)
    for actor, found in countries:
        keys = (phrase(name, name_key) for name in found)
        usable = (
            name for name, key in zip(found, keys, strict=True) if key not in taken and len(owners[key]) == 1
        )
        actor.aliases = list(dict.fromkeys(usable))
    return [actor for actor, _ in countries]
