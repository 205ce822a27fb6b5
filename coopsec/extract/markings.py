"""Protective markings, declared once: the header field (``classification``) and the page banners the cleaner
drops when they repeat are read with the same table.

A maintainer adds a marking to :data:`MARKINGS`, with its accents; the patterns accept it with or without them
(``NON CLASSIFIÉ``, ``NON CLASSIFIE``), and preceded by the issuing organisation (:data:`ISSUERS`).
"""

from __future__ import annotations

import re

MARKINGS = (
    "TRÈS SECRET DÉFENSE", "SECRET DÉFENSE", "CONFIDENTIEL DÉFENSE", "TRÈS SECRET", "SECRET", "CONFIDENTIELLE",
    "CONFIDENTIEL", "CONFIDENTIAL", "DIFFUSION RESTREINTE", "RESTREINT UE", "RESTREINT", "RESTRICTED", "LIMITE",
    "NON CLASSIFIÉE", "NON CLASSIFIÉ", "NON-CLASSIFIÉ", "UNCLASSIFIED",
)
"""French, EU and NATO protective markings, longest first where one opens another."""
ISSUERS = ("NATO", "OTAN", "UE", "EU")
"""Organisations whose name may open a marking (``NATO CONFIDENTIEL``) or close it (``RESTREINT UE``)."""

_ACCENTED = {"É": "[ÉE]", "È": "[ÈE]"}


def _written(marking: str) -> str:
    return "".join(_ACCENTED.get(char, r"[ -]" if char in " -" else re.escape(char)) for char in marking)


MARKING = rf"(?:(?:{'|'.join(ISSUERS)})\s+)?(?:{'|'.join(map(_written, MARKINGS))})"
"""A marking as a regular expression, the issuing organisation before it included."""
MARKING_IN_LINE = re.compile(rf"\b{MARKING}\b(?:\s+(?:UE|EU)\b)?", re.IGNORECASE)
"""A marking anywhere in a line, in any case (``Diffusion : Limite``)."""
BANNER = re.compile(rf"^{MARKING}(?:\s.{{0,30}})?$")
"""A line that opens with a marking in capitals: a page banner (``NATO CONFIDENTIEL``, ``LIMITE FR``)."""
