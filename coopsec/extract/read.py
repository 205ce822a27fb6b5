"""Read a corpus file: bytes to normalised text, or a clear refusal.

Decoding order: strict UTF-8 (a UTF-8 BOM is dropped), then UTF-16/32 when a
BOM says so, then a legacy single-byte encoding. charset-normalizer decides
whether legacy bytes are text at all; when they decode as Windows-1252 that
code page wins, because the corpus is French and charset-normalizer tends to
mistake short French cp1252 texts for Central European code pages.
"""

from __future__ import annotations

import codecs
import hashlib
import pathlib
import re
import unicodedata

from charset_normalizer import from_bytes

from coopsec.model import Source, SourceError

MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused."""

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP (DOCX, ODT…)"),
)
_UNICODE_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = frozenset("\n\r\t\f")
_SYMBOL_BULLETS = str.maketrans({"\uf0a7": "▪", "\uf0b7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•"})
"""Bullets of the Symbol/Wingdings fonts, kept as real bullets before private-use characters go."""
_PRIVATE_USE = re.compile("[\x00\ue000-\uf8ff]")


def read_source(path: pathlib.Path, root: pathlib.Path) -> Source:
    """Decode ``path`` (a file under ``root``) into a :class:`Source`, or raise :class:`SourceError`."""
    name = _relative(path, root)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(name, f"fichier trop volumineux : {size} octets (limite : {MAX_BYTES} octets)")
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(name, f"lecture impossible : {error.strerror or error}") from error
    if not raw:
        raise SourceError(name, "fichier vide")
    text, encoding = _decode(raw, name)
    text = normalise_text(text)
    if not text.strip():
        raise SourceError(name, "le fichier ne contient que des espaces ou des lignes vides")
    return Source(name, text, hashlib.sha256(raw).hexdigest(), encoding, len(raw))


def normalise_text(text: str) -> str:
    """LF line ends, NFC, symbol-font bullets kept, NUL and private-use characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_SYMBOL_BULLETS)
    return _PRIVATE_USE.sub("", text)


def _relative(path: pathlib.Path, root: pathlib.Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """Text and encoding name; refuses binary content."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise SourceError(name, f"contenu binaire ({kind}) : convertir d'abord le document en texte")
    for bom, encoding in _UNICODE_BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(encoding, errors="replace"), name), encoding
    if b"\x00" in raw:
        raise SourceError(name, "contenu binaire (octets nuls) : ce n'est pas un fichier texte")
    try:
        return _checked(raw.decode("utf-8-sig"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(name, "contenu binaire ou encodage inconnu : ce n'est pas un fichier texte")
    try:
        return _checked(raw.decode("cp1252"), name), "cp1252"
    except UnicodeDecodeError:
        return _checked(str(best), name), best.encoding


def _checked(text: str, name: str) -> str:
    """``text`` unless control characters betray binary content."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise SourceError(name, "contenu binaire (caractères de contrôle) : ce n'est pas un fichier texte")
    return text
