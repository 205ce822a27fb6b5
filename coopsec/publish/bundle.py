"""The offline bundle: one reproducible zip of the built site.

Unzipped anywhere, the site opens from disk (``file://``): pages use
``.html`` URLs and the search index loads as plain scripts.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

BUNDLE_FOLDER = "coopsec-hors-ligne"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01T00:00:00Z, the earliest date a zip entry can hold
FILE_MODE = 0o644
DIR_MODE = 0o755
COMPRESSION_LEVEL = 4
"""zlib level: half the time of the default (6) for a bundle about 10 % larger (HTML and JavaScript)."""


def make_bundle(site_dir: Path, zip_path: Path, epoch: int) -> None:
    """Zip ``site_dir`` under BUNDLE_FOLDER/, byte-for-byte the same for the same files and epoch."""
    moment = time.gmtime(max(epoch, ZIP_EPOCH_MIN))
    stamp = (moment.tm_year, moment.tm_mon, moment.tm_mday, moment.tm_hour, moment.tm_min, moment.tm_sec)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    paths = sorted(site_dir.rglob("*"), key=lambda path: path.relative_to(site_dir).as_posix())
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_entry(BUNDLE_FOLDER + "/", stamp, DIR_MODE), b"")
        for path in paths:
            name = f"{BUNDLE_FOLDER}/{path.relative_to(site_dir).as_posix()}"
            if path.is_dir():
                archive.writestr(_entry(name + "/", stamp, DIR_MODE), b"")
            else:
                archive.writestr(_entry(name, stamp, FILE_MODE), path.read_bytes(), compresslevel=COMPRESSION_LEVEL)


def _entry(name: str, stamp: tuple[int, int, int, int, int, int], mode: int) -> zipfile.ZipInfo:
    """A zip entry with fixed time, Unix permissions and no extra fields."""
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = 3  # Unix, so that external_attr holds permissions
    is_dir = name.endswith("/")
    info.external_attr = ((0o040000 if is_dir else 0o100000) | mode) << 16 | (0x10 if is_dir else 0)
    info.compress_type = zipfile.ZIP_STORED if is_dir else zipfile.ZIP_DEFLATED
    return info
