"""Preamble and operative part of a declaration or resolution.

Recitals open with a participle or a preposition ("Rappelant", "Convaincus",
"Considérant", "vu"); the operative part opens with the decision ("Les
Ministres décident :", "Convenons :", "nous nous engageons"). Items take the
role of the paragraph that introduces them; a heading starts afresh.
"""

from __future__ import annotations

import re

from ..data import word_lists
from ..model import Part, Role, plain
from ..text import folded_words

_WORDS = word_lists("role-words")
_PREAMBLE = re.compile(rf"^(?:{'|'.join(_WORDS['recital_openers'])})\w*\b")
_DECISION = rf"(?:{'|'.join(_WORDS['decision_verbs'])})"
_TRIGGER = re.compile(rf"\b{_DECISION}\b.*:$")
_GROUP = rf"(?:{'|'.join(_WORDS['deciding_groups'])})"
_SUBJECT = rf"\b(?:nous|ils|elles|les {_GROUP}\b[^,;:]{{0,60}}?)(?:, [^;:]{{0,200}}?,)?"
_DECIDING_SUBJECT = re.compile(rf"{_SUBJECT}(?: \w+){{0,2}} {_DECISION}\b")
_DECISION_WORD = re.compile(rf" {_DECISION}\b")  # opens with a space: a fast first test for _DECIDING_SUBJECT


def mark_roles(part: Part) -> None:
    """Set ``Block.role`` on the paragraphs and items of one part."""
    operative_mode = False  # after "… décident :" everything is operative until the next heading
    introducer: Role = ""  # role of the paragraph that introduces the current list
    for block in part.blocks:
        if block.kind == "heading":
            operative_mode, introducer = False, ""
            continue
        if block.kind == "item":
            block.role = "operative" if operative_mode else introducer
            continue
        if operative_mode:  # nothing to read: the role cannot change before the next heading
            block.role = introducer = "operative"
            continue
        folded = _folded(block.text)
        operative_mode = _is_trigger(folded)
        block.role = introducer = _role(folded, operative_mode)


def paragraph_role(text: str, operative_mode: bool = False) -> Role:
    """The role of one paragraph, given whether an operative trigger came before it."""
    folded = _folded(text)
    return _role(folded, operative_mode or _is_trigger(folded))


def _role(folded: str, operative: bool) -> Role:
    """The role of a folded paragraph; ``operative``: known to be so already (trigger read, or after one)."""
    if operative or (_DECISION_WORD.search(folded) and _DECIDING_SUBJECT.search(folded)):
        return "operative"
    return "preamble" if _PREAMBLE.match(folded) else ""


def _is_trigger(folded: str) -> bool:
    """A paragraph that announces the operative part: a decision verb, then a final colon."""
    return folded.endswith(":") and bool(_TRIGGER.search(folded))


_SCOPE = 600  # characters read: openers and the main clause come early; a trigger ends with ":"


def _folded(text: str) -> str:
    """The opening of a paragraph, folded, with its final colon kept when it has one."""
    text = plain(text).strip()
    ending = ":" if text.endswith(":") and len(text) > _SCOPE else ""
    return folded_words(text[:_SCOPE]) + ending

