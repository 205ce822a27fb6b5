"""The offline bundle: one reproducible zip of the built site.

Unzipped anywhere, the site opens from disk (``file://``): pages use
``.html`` URLs and the search index loads as plain scripts.

The zip is written here rather than with :mod:`zipfile` so that a rebuild can take the compressed bytes of
each file that did not change from the bundle in place (:class:`Previous`) instead of compressing it again:
compressing is most of the bundle's time, and every entry is the same bytes either way (deflate at one level
gives one output), so a rebuilt bundle is byte for byte a fresh one.
"""

from __future__ import annotations

import os
import struct
import time
import zipfile
import zlib
from collections.abc import Collection
from pathlib import Path
from typing import BinaryIO

BUNDLE_FOLDER = "coopsec-hors-ligne"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01T00:00:00Z, the earliest date a zip entry can hold
FILE_MODE = 0o644
DIR_MODE = 0o755
COMPRESSION_LEVEL = 4
"""zlib level: half the time of the default (6) for a bundle about 10 % larger (HTML and JavaScript)."""

_VERSION = 20  # zip 2.0: deflate and folders
_MADE_BY = 3 << 8 | _VERSION  # on Unix, so that the external attributes hold permissions
_UTF8 = 0x800  # general purpose flag: the name is UTF-8
_LIMIT = 0xFFFFFFFF  # larger sizes and offsets need zip64 fields per entry, never written here
_MAX_ENTRIES = 0xFFFF  # more entries: zip64 end records


class Previous:
    """The bundle in place and the files of the site it was made from that the new site holds unchanged."""

    def __init__(self, path: Path, unchanged: Collection[str]):
        self.path = path
        self.unchanged = frozenset(unchanged)
        """Paths relative to the site whose bytes are the same in the site being zipped."""


def make_bundle(site_dir: Path, zip_path: Path, epoch: int, previous: Previous | None = None) -> None:
    """Zip ``site_dir`` under BUNDLE_FOLDER/, byte-for-byte the same for the same files and epoch; the entries of
    the files ``previous`` names are copied from its bundle, compressed as they are."""
    moment = time.gmtime(max(epoch, ZIP_EPOCH_MIN))
    dos_time = moment.tm_hour << 11 | moment.tm_min << 5 | moment.tm_sec // 2
    dos_date = (moment.tm_year - 1980) << 9 | moment.tm_mon << 5 | moment.tm_mday
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    paths = sorted(site_dir.rglob("*"), key=lambda path: path.relative_to(site_dir).as_posix())
    with zip_path.open("wb") as stream, _Reuse(previous) as reuse:
        writer = _Writer(stream, dos_time, dos_date)
        writer.folder(BUNDLE_FOLDER + "/")
        for path in paths:
            rel = path.relative_to(site_dir).as_posix()
            name = f"{BUNDLE_FOLDER}/{rel}"
            if path.is_dir():
                writer.folder(name + "/")
            else:
                writer.file(name, *(reuse.entry(name) if rel in reuse.unchanged else _deflate(path.read_bytes())))
        writer.close()


def _deflate(data: bytes) -> tuple[int, int, bytes]:
    """CRC-32, size and raw deflate stream of ``data``, as zip entries hold them."""
    compressor = zlib.compressobj(COMPRESSION_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush()


class _Reuse:
    """Compressed entries read from the previous bundle (none when there is no previous bundle)."""

    def __init__(self, previous: Previous | None):
        self.previous = previous
        self.unchanged: frozenset[str] = frozenset()
        self._stream: BinaryIO | None = None
        self._entries: dict[str, zipfile.ZipInfo] = {}

    def __enter__(self) -> _Reuse:
        if self.previous and self.previous.path.is_file():
            try:
                with zipfile.ZipFile(self.previous.path) as archive:
                    self._entries = {info.filename: info for info in archive.infolist()}
            except (OSError, zipfile.BadZipFile):
                return self  # unreadable: every entry compressed again
            self._stream = self.previous.path.open("rb")
            self.unchanged = frozenset(rel for rel in self.previous.unchanged
                                       if _copiable(self._entries.get(f"{BUNDLE_FOLDER}/{rel}")))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stream:
            self._stream.close()

    def entry(self, name: str) -> tuple[int, int, bytes]:
        """CRC-32, size and compressed bytes of the entry ``name`` of the previous bundle."""
        assert self._stream is not None
        info = self._entries[name]
        self._stream.seek(info.header_offset)
        header = self._stream.read(30)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        self._stream.seek(name_length + extra_length, os.SEEK_CUR)
        return info.CRC, info.file_size, self._stream.read(info.compress_size)


def _copiable(info: zipfile.ZipInfo | None) -> bool:
    """Whether an entry of the previous bundle is a deflated file this module could have written."""
    return (info is not None and info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x1
            and info.compress_size <= _LIMIT and info.file_size <= _LIMIT)


class _Writer:
    """Entries with a fixed time, Unix permissions and no extra fields; then the central directory."""

    def __init__(self, stream: BinaryIO, dos_time: int, dos_date: int):
        self.stream = stream
        self.stamp = (dos_time, dos_date)
        self.central: list[bytes] = []
        self.offset = 0

    def folder(self, name: str) -> None:
        self._entry(name, 0, 0, 0, b"", (0o040000 | DIR_MODE) << 16 | 0x10)

    def file(self, name: str, crc: int, size: int, data: bytes) -> None:
        self._entry(name, zipfile.ZIP_DEFLATED, crc, size, data, (0o100000 | FILE_MODE) << 16)

    def _entry(self, name: str, method: int, crc: int, size: int, data: bytes, attributes: int) -> None:
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8
        if max(self.offset, size, len(data)) > _LIMIT:
            raise ValueError(f"paquet hors ligne de plus de 4 Gio : {name}")
        common = struct.pack("<4H3L", flags, method, *self.stamp, crc, len(data), size)
        header = b"PK\x03\x04" + struct.pack("<H", _VERSION) + common + struct.pack("<2H", len(encoded), 0)
        self.central.append(b"PK\x01\x02" + struct.pack("<2H", _MADE_BY, _VERSION) + common
                            + struct.pack("<5HLL", len(encoded), 0, 0, 0, 0, attributes, self.offset) + encoded)
        self.stream.write(header + encoded)
        self.stream.write(data)
        self.offset += len(header) + len(encoded) + len(data)

    def close(self) -> None:
        """The central directory and its end records (zip64 ones when the entries are too many for the
        classic record)."""
        start, count = self.offset, len(self.central)
        directory = b"".join(self.central)
        self.stream.write(directory)
        end = start + len(directory)
        if count > _MAX_ENTRIES or end > _LIMIT:
            self.stream.write(b"PK\x06\x06" + struct.pack("<Q2H2L4Q", 44, _MADE_BY, 45, 0, 0, count, count,
                                                          len(directory), start))
            self.stream.write(b"PK\x06\x07" + struct.pack("<LQL", 0, end, 1))
            count, start = min(count, _MAX_ENTRIES), min(start, _LIMIT)
        self.stream.write(b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, count, count, min(len(directory), _LIMIT),
                                                      start, 0))
