"""Read a corpus file: bytes to normalised text, or a clear refusal.

Decoding order: UTF-16/32 when a BOM says so, strict UTF-8 (a UTF-8 BOM is
dropped), UTF-8 with a few Windows-1252 bytes when most non-ASCII lines are
UTF-8 (each repaired line is reported), then a legacy single-byte encoding.
Whatever is not plain UTF-8 with LF line ends is reported. charset-normalizer decides
whether legacy bytes are text at all; when they decode as Windows-1252 that
code page wins, because the corpus is French and charset-normalizer tends to
mistake short French cp1252 texts for Central European code pages.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import pathlib
import re
import unicodedata

from charset_normalizer import from_bytes

from coopsec.model import Diagnostic, Source, SourceError

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
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 petit-boutiste avec BOM"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 gros-boutiste avec BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 petit-boutiste avec BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 gros-boutiste avec BOM"),
)
_LEGACY = "cp1252"
_LINE_ENDS = (("\r\n", "CRLF (Windows)"), ("\r", "CR (ancien Mac)"))
_MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # category Cc, less \t \n \f \r
_SYMBOL_BULLETS = {"\uf0a7": "▪", "\uf0b7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•"}
"""Bullets of the Symbol/Wingdings fonts, kept as real bullets when private-use characters go."""
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
    text, encoding, diagnostics = _decode(raw, name)
    diagnostics += _line_end_notes(text, name)
    text = normalise_text(text)
    if not text.strip():
        raise SourceError(name, "le fichier ne contient que des espaces ou des lignes vides")
    return Source(name, text, hashlib.sha256(raw).hexdigest(), encoding, len(raw), diagnostics)


def normalise_text(text: str) -> str:
    """LF line ends, NFC, symbol-font bullets kept, NUL and private-use characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _PRIVATE_USE.sub(lambda match: _SYMBOL_BULLETS.get(match.group(), ""), text)


def _relative(path: pathlib.Path, root: pathlib.Path) -> str:
    """``path`` relative to ``root``, with forward slashes; compared as written first (resolving costs system calls)."""
    prefix = os.path.join(root, "")
    if str(path).startswith(prefix):
        return str(path)[len(prefix) :].replace(os.sep, "/")
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _decode(raw: bytes, name: str) -> tuple[str, str, list[Diagnostic]]:
    """Text, encoding name and what was detected; refuses binary content."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise SourceError(name, f"contenu binaire ({kind}) : convertir d'abord le document en texte")
    for bom, encoding, label in _UNICODE_BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(encoding, errors="replace"), name), encoding, [_detected(name, label)]
    if b"\x00" in raw:
        raise SourceError(name, "contenu binaire (octets nuls) : ce n'est pas un fichier texte")
    has_bom = raw.startswith(codecs.BOM_UTF8)
    try:
        text = _checked(raw.decode("utf-8-sig"), name)
        return text, "utf-8", [_detected(name, "UTF-8 avec BOM (BOM retiré)")] if has_bom else []
    except UnicodeDecodeError:
        pass
    legacy_lines = _legacy_lines(raw)
    if legacy_lines is not None:
        return _repaired(raw, name, legacy_lines)
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(name, "contenu binaire ou encodage inconnu : ce n'est pas un fichier texte")
    try:
        return _checked(raw.decode(_LEGACY), name), _LEGACY, [_detected(name, "Windows-1252 (cp1252)")]
    except UnicodeDecodeError:
        return _checked(str(best), name), best.encoding, [_detected(name, best.encoding)]


def _detected(name: str, label: str) -> Diagnostic:
    return Diagnostic(name, f"encodage détecté : {label}", level="info")


def _legacy_lines(raw: bytes) -> list[int] | None:
    """Numbers of the lines that are not UTF-8, when at least as many non-ASCII lines are UTF-8."""
    utf8, legacy = 0, []
    for number, line in enumerate(raw.splitlines(), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            legacy.append(number)
    return legacy if utf8 >= len(legacy) else None


def _legacy_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: the bytes that are not UTF-8 read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode(_LEGACY, errors="replace"), error.end


codecs.register_error("coopsec-legacy", _legacy_bytes)


def _repaired(raw: bytes, name: str, lines: list[int]) -> tuple[str, str, list[Diagnostic]]:
    """A UTF-8 text with a few Windows-1252 bytes, decoded byte by byte, each repaired line reported."""
    text = _checked(raw.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="coopsec-legacy"), name)
    summary = f"UTF-8, sauf {len(lines)} ligne{'s' if len(lines) > 1 else ''} en Windows-1252"
    notes = [_detected(name, summary)]
    message = "octets non UTF-8 lus en Windows-1252 : vérifier cette ligne"
    notes += [Diagnostic(name, message, number) for number in lines]
    return text, f"utf-8+{_LEGACY}", notes


def _line_end_notes(text: str, name: str) -> list[Diagnostic]:
    """An info message when line ends are not LF."""
    for ending, label in _LINE_ENDS:
        if ending in text:
            return [Diagnostic(name, f"fins de ligne {label} converties", level="info")]
    return []


def _checked(text: str, name: str) -> str:
    """``text`` unless control characters betray binary content."""
    controls = len(_CONTROLS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise SourceError(name, "contenu binaire (caractères de contrôle) : ce n'est pas un fichier texte")
    return text
