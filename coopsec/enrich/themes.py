"""Themes: the thesaurus in ``corpus/themes.yml`` and the paragraphs that treat each theme.

Terms are matched on :func:`coopsec.text.stem` keys, so case, accents and French
agreement do not matter, and a phrase matches its content words in a row.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, groupby
from pathlib import Path
from typing import Any

import yaml

from ..model import Document, Mention, Theme, plain
from ..text import Hit, PhraseIndex, excerpt, find_phrases, phrase, stem, words

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_THEME_KEYS = {"id", "label", "description", "terms"}



class ThesaurusError(ValueError):
    """An invalid entry in a hand-edited YAML file (themes or actors)."""

    def __init__(self, path: Path, entry: str, message: str):
        super().__init__(f"{path}: {entry}: {message}")


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it: ten times faster on the thesauri."""


def read_yaml(path: Path) -> Any:
    """The parsed YAML file, or a :class:`ThesaurusError` naming it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise ThesaurusError(path, "fichier", str(error)) from error


def check_entry(
    path: Path, entry: str, data: Any, required: set[str], optional: frozenset[str] | set[str] = frozenset()
) -> None:
    """Reject an entry that is not a mapping, misses a required key or has an unknown one."""
    if not isinstance(data, dict):
        raise ThesaurusError(path, entry, "un dictionnaire clé: valeur est attendu")
    if unknown := sorted(set(data) - required - optional):
        raise ThesaurusError(path, entry, f"clés inconnues : {', '.join(map(str, unknown))}")
    if missing := sorted(required - set(data)):
        raise ThesaurusError(path, entry, f"clés manquantes : {', '.join(missing)}")


def check_strings(path: Path, entry: str, key: str, value: Any, keyer: Callable[[str], str]) -> list[str]:
    """A list of strings that each give at least one content word."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ThesaurusError(path, entry, f"{key} doit être une liste de textes")
    if empty := [item for item in value if not phrase(item, keyer)]:
        raise ThesaurusError(path, entry, f"{key} sans aucun mot plein : {empty}")
    return value


def load_themes(path: Path) -> list[Theme]:
    """The themes of the thesaurus file, validated."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ThesaurusError(path, "fichier", "une liste de thèmes est attendue")
    themes: list[Theme] = []
    for number, item in enumerate(data, 1):
        entry = f"thème {number}" + (f" ({item.get('id')})" if isinstance(item, dict) else "")
        check_entry(path, entry, item, _THEME_KEYS)
        if not isinstance(item["id"], str) or not SLUG.match(item["id"]):
            raise ThesaurusError(path, entry, "id doit être un identifiant ASCII comme 'traite-des-etres-humains'")
        if item["id"] in {theme.id for theme in themes}:
            raise ThesaurusError(path, entry, "id en double")
        if not isinstance(item["label"], str) or not isinstance(item["description"], str):
            raise ThesaurusError(path, entry, "label et description doivent être du texte")
        terms = check_strings(path, entry, "terms", item["terms"], stem)
        if not terms:
            raise ThesaurusError(path, entry, "terms ne doit pas être vide")
        themes.append(Theme(item["id"], item["label"].strip(), item["description"].strip(), terms))
    return themes


def phrase_index(names: Iterable[tuple[str, str]], keyer: Callable[[str], str]) -> PhraseIndex:
    """Map each phrase's key sequence to the ids it stands for, from ``(id, phrase)`` pairs."""
    index: dict[tuple[str, ...], list[str]] = {}
    for ident, name in names:
        ids = index.setdefault(phrase(name, keyer), [])
        if ident not in ids:
            ids.append(ident)
    return PhraseIndex.of({key: tuple(ids) for key, ids in index.items() if key})


def collect_mentions(
    doc: Document, index: PhraseIndex, keyer: Callable[[str], str], overlap: bool = True
) -> dict[str, list[Mention]]:
    """One mention per (id, anchored block) where a phrase of ``index`` occurs, in document order.

    The anchored blocks are matched in one pass, as one text: the blocks joined by line breaks.
    """
    blocks = [block for block in doc.blocks() if block.anchor]
    texts = [plain(block.text) for block in blocks]
    offsets = [0, *accumulate(len(text) + 1 for text in texts)]  # where each block starts in the joined text
    joined = "\n".join(texts)
    found = words(joined, keyer)
    breaks = [bisect_left(found.starts, offset) for offset in offsets[1:-1]]  # the first word of each next block
    hits = find_phrases(found, index, overlap, breaks)
    mentions: dict[str, list[Mention]] = {}
    for number, block_hits in groupby(hits, key=lambda hit: bisect_right(offsets, hit.start) - 1):
        block, text, offset = blocks[number], texts[number], offsets[number]
        firsts: dict[str, Hit] = {}
        terms: dict[str, dict[str, None]] = {}
        for hit in block_hits:
            term = " ".join(joined[hit.start : hit.end].split())
            for ident in hit.ids:
                firsts.setdefault(ident, hit)
                terms.setdefault(ident, {})[term] = None
        for ident, hit in firsts.items():
            quote = excerpt(text, hit.start - offset, hit.end - offset)
            mentions.setdefault(ident, []).append(Mention(block.anchor, quote, list(terms[ident]), block.number))
    return mentions


def theme_matcher(themes: list[Theme]) -> Callable[[Document], dict[str, list[Mention]]]:
    """A function giving, for a document, theme id -> the paragraphs that use one of its terms."""
    index = phrase_index(((theme.id, term) for theme in themes for term in theme.terms), stem)
    return lambda doc: collect_mentions(doc, index, stem)


def match_themes(doc: Document, themes: list[Theme]) -> dict[str, list[Mention]]:
    """Theme id -> the paragraphs of ``doc`` that use one of its terms (themes with hits only)."""
    return theme_matcher(themes)(doc)
